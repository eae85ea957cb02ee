"""Which person a role description names (docs/guidelines.md §4, rule 4 of
:mod:`pipeline.stages.quotes.speakers`): "the deputy minister", "the Belarusian
diplomat", "the courts minister", read against the persons the article introduced
with roles; a description that says whom it serves ("the prime minister's official
spokesman", "the chairman of the CRE": ``owner_of``) names no one introduced with another
body (``affiliations``: "Lib Dem spokesman Menzies Campbell"). A part of
:class:`~pipeline.stages.quotes.speakers.SpeakerResolver`, which holds the state these
methods read: ``persons`` (canonical name -> ``_Person`` with the role words around its
mentions), ``entities``, ``_first`` and ``_positions``.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Token

from ...nlp.lemmas import lemma as lemma_of
from ..entities.aliases import organisation_at
from ..names import courtesy_words, title_words
from ..offices import office_titles
from .sources import (DEFINITE, PERSON, UNNAMED, modifiers, office_words, rank_gap, role_families, role_word,
                      speech_lemmas)

# the words that name a body or an office, not a function word (`the`, `of`, `'s`)
_NAMING_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_BODY_LABELS = frozenset({"ORG", "NORP"})


def affiliations(toks) -> frozenset[str]:
    """The bodies a run of role words names, comparable across spellings: an organisation
    of the alias list by its canonical name (`Lib Dem`, `Labour party` -> Liberal
    Democrats, Labour Party), else each word the NER tagged a body (`the CRE` -> cre)."""
    words = [t for t in toks if t.is_alpha]
    texts = [t.text for t in words]
    out, i = set(), 0
    while i < len(words):
        n, name = organisation_at(texts, i, most=3)
        if n:
            out.add(name)
        elif words[i].ent_type_ in _BODY_LABELS:
            out.add(words[i].lower_)
        i += n or 1
    return frozenset(out)


def owner_of(head: Token) -> list[Token]:
    """The words of whom a role description says it serves: a possessor that is a name or
    an office (`the prime minister's official spokesman`, `the SNP's health spokeswoman`;
    not `the party's`, `his`), or a name after `of` that does not go on the office (`the
    chairman of the CRE`; not `the chancellor of the Exchequer`); not a place, which says
    where the office is (`Scotland's first minister`, `the MP for Ealing North`)."""
    for c in head.children:
        if c.dep_ == "poss" and (c.ent_type_ in _BODY_LABELS or c.lower_ in title_words()
                                 or c.pos_ == "PROPN" and not c.ent_type_):
            return [t for t in c.subtree if t.pos_ in _NAMING_POS]
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            said = " ".join(t.lower_ for t in head.doc[head.i:c.right_edge.i + 1])
            of_office = [o for o in office_titles() if o.startswith(f"{head.lower_} {c.lower_} ")]
            if obj is not None and (obj.ent_type_ in _BODY_LABELS or obj.pos_ == "PROPN" and not obj.ent_type_) \
                    and not any(said == o or said.startswith(o + " ") for o in of_office):
                return [t for t in c.subtree if t.pos_ in _NAMING_POS]
    return []


#: whom a description says it serves (``_owner``): its words, and its bodies (``affiliations``)
_Owner = tuple[set[str], frozenset[str]]


def _owner(head: Token) -> _Owner | None:
    """Whom a description says it serves (``owner_of``), built once for every person
    it is read against; None when it names no one."""
    owner = owner_of(head)
    return ({t.lower_ for t in owner}, affiliations(owner)) if owner else None


def _serves(p, owner: _Owner) -> bool:
    """Whether the person ``p`` (a ``_Person``) bears the owner a description names
    (``_owner``): all its words among their role words, or one of their bodies."""
    words, bodies = owner
    return words <= p.roles or bool(bodies & p.affiliations)


def _serves_another(p, owner: _Owner | None) -> bool:
    """Whether the person ``p``, introduced with a body of their own (``affiliations``),
    cannot be a description that says whom it serves (``_owner``): the owner is neither
    among their role words nor one of their bodies. BBC politics: `Lib Dem spokesman
    Menzies Campbell ... The prime minister's official spokesman said ...`, `Labour party
    chairman Ian McCartney ... the chairman of the Commission for Racial Equality said`
    had given the quote to that person; with no one else it is an unnamed source."""
    return owner is not None and bool(p.affiliations) and not _serves(p, owner)


# the words after a description's head that begin its affiliation ("spokesman for the Home Office")
_AFFILIATION_PREPS = frozenset({"for", "of", "at", "to", "from", "with", "in"})


def _headed_by(description: str, word: str) -> bool:
    """``description`` (more than ``word``) is headed by ``word``: its last word ("Downing Street
    spokesman"), or the word before its affiliation ("spokesman for the Metropolitan Police")."""
    words = description.lower().split()
    return len(words) > 1 and (words[-1] == word or any(
        w == word and nxt in _AFFILIATION_PREPS for w, nxt in zip(words, words[1:])))


class RoleDescriptions:
    """The description rules of :class:`~pipeline.stages.quotes.speakers.SpeakerResolver`."""

    def _sole_person_before(self, head: Token, content: tuple[int, int] | None) -> str | None:
        """"..., Lord Falconer said. The constitutional affairs secretary outlined ...": a
        role description that opens a sentence, right after a sentence naming exactly one
        person (outside quotes), as its speaker or main subject, with no role of their own
        that the description contradicts, is that person; not one the quote itself names. Guessing the last person quoted
        anywhere before was wrong in half of 250 BBC politics cases; this narrower reading
        of the same news convention fires far less often."""
        sent = head.sent
        if sent.start == 0 or head.i - sent.start > 3 or any(c.dep_ == "poss" for c in head.children):
            return None  # (not "his spokesman": someone who speaks for him, BBC politics/276)
        prev = head.doc[sent.start - 1].sent
        names = {self.canonical(e) for e in self.entities
                 if e.label == PERSON and prev.start_char <= e.start < prev.end_char and not self.inside_quote(e.start)}
        if len(names) != 1:
            return None
        name = next(iter(names))
        said = speech_lemmas()
        if not any(t.dep_ == "nsubj" and (t.head.dep_ == "ROOT" or lemma_of(t.head).lower() in said)
                   and self.entity_at(t.idx) is not None and self.canonical(self.entity_at(t.idx)) == name
                   for t in prev):
            return None  # named there, but not as who speaks or acts ("..., where George Bush opposed it")
        if self._in_other_role(name, head):
            return None  # introduced in another role ("Tory leader Michael Howard" is not "the chancellor")
        owner = _owner(head)
        if owner is not None and ((p := self.persons.get(name)) is None or not _serves(p, owner)):
            return None  # not whom "the chairman of the Commission for Racial Equality" serves (BBC politics)
        if content is not None and any(e.label == PERSON and self.canonical(e) == name
                                       and content[0] <= e.start < content[1] for e in self.entities):
            return None
        return name

    def _description(self, head: Token, pos: int, content: tuple[int, int] | None = None) -> str | None:
        lemma = lemma_of(head).lower()
        role = role_word(head)
        family = role_families().get(lemma, frozenset()) | role_families().get(role, frozenset()) | {lemma, head.lower_, role}
        mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.is_alpha}
        office = office_words(head)
        owner = _owner(head)
        best, best_key = None, None
        for p in self.persons.values():
            if not (p.roles & family) or _serves_another(p, owner):
                continue
            first_seen = self._first_pos(p.canonical)
            if first_seen is None or first_seen >= pos:
                continue
            gap = rank_gap(p.roles, p.ranked, head)
            if gap is None or not office <= p.roles:
                continue  # a deputy or shadow holds another office ("the prime minister")
            overlap = sum(1 for m in mods if any(r[:5] == m[:5] for r in p.roles))
            key = (-gap, overlap, max(self._last_pos(p.canonical, pos), p.last_pos if p.last_pos < pos else -1))
            if best_key is None or key > best_key:
                best, best_key = p.canonical, key
        return best or self._named_later(head, pos, mods, owner, content)

    def _described_before(self, head: Token, text: str, pos: int) -> str | None:
        """"A Home Office spokesman said ... The spokesman added ...": a bare "the" + noun
        (``text``, the mention's description) points back to the unnamed source the article
        described last with that head noun and more words, a speaker or a main-clause
        subject (``history``), as "the report" does to the report it named (``bodies``):
        docs/guidelines.md §4.5, one source has one speaker value. BBC politics: 51 speakers
        were a bare "spokesman" after "a Downing Street spokesman", "a spokesman for the
        Metropolitan Police". Not "his spokesman" (someone who speaks for him), not "another
        official" (someone else)."""
        kids = list(head.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(c.dep_ == "poss" for c in kids):
            return None
        word = head.lower_
        if text.lower() != word:
            return None
        for hpos, name, label in reversed(self.history):
            if hpos < pos and label == UNNAMED and self._seen_from(hpos, pos) and _headed_by(name, word):
                return name
        return None

    def _named_later(self, head: Token, pos: int, mods: set[str], owner: _Owner | None,
                     content: tuple[int, int] | None) -> str | None:
        """"..., the courts minister has told MPs. ... said courts minister Christopher
        Leslie": news opens with the role and names its holder a sentence or two later
        (BBC politics, about 18 articles; docs/guidelines.md §4: a role is never left as the
        speaker when the article names that person). An office the description names with
        a modifier ("the courts minister", not "the minister", which may be anyone's), every
        word of which the one person introduced after it bears, with no rank of its own."""
        words = {m for m in mods if m not in DEFINITE}
        if not words:
            return None
        words.add(role_word(head))
        later = [p.canonical for p in self.persons.values()
                 if words <= p.roles and rank_gap(p.roles, p.ranked, head) == 0
                 and not _serves_another(p, owner)
                 and ((first := self._first_pos(p.canonical)) or -1) > pos
                 and not (content and content[0] <= first < content[1])]
        return later[0] if len(later) == 1 else None

    def _in_other_role(self, name: str, head: Token) -> bool:
        """Whether ``name`` was introduced with a title (``titles.txt``) that is not the
        role ``head`` names."""
        p = self.persons.get(name)
        if p is None:
            return False
        lemma = lemma_of(head).lower()
        family = role_families().get(lemma, frozenset()) | {lemma, role_word(head)}
        titles = p.roles & title_words()
        if not modifiers(head):
            # a courtesy title is no other role than a plain "the minister" ("Ms Hewitt was
            # speaking at a seminar. The minister told delegates ...": BBC politics/003, 10
            # quotes); before a named office it still is ("Dr Fox told BBC Radio ... The
            # prime minister said": not Dr Fox)
            titles -= courtesy_words()
        return bool(titles) and not (p.roles & family) or rank_gap(p.roles, p.ranked, head) is None \
            or not office_words(head) <= p.roles  # "the prime minister" is not a home secretary

    def _protagonist(self, pos: int) -> str | None:
        """The person the article has named most often before ``pos`` (outside quotes);
        None on a tie (the latest named would mostly be the latest speaker, and the check
        that both agree would test nothing)."""
        best, best_n, tie = None, 0, False
        for name, got in self._person_positions().items():
            n = bisect.bisect_left(got, pos)
            if n > best_n:
                best, best_n, tie = name, n, False
            elif n == best_n and n:
                tie = True
        return None if tie else best

    def _person_positions(self) -> dict[str, list[int]]:
        """Where each PERSON (by canonical name) is mentioned outside quotes, in order;
        built once per document so descriptions stay linear on long texts."""
        if self._positions is None:
            self._positions = {}
            for e in self.entities:
                if e.label == PERSON and not self.inside_quote(e.start):
                    self._positions.setdefault(self.canonical(e), []).append(e.start)
        return self._positions

    def _first_pos(self, name: str) -> int | None:
        if name in self._first:
            return self._first[name]
        got = self._person_positions().get(name)
        return got[0] if got else None

    def _last_pos(self, name: str, before: int) -> int:
        got = self._person_positions().get(name, [])
        k = bisect.bisect_left(got, before) - 1
        return got[k] if k >= 0 else -1
