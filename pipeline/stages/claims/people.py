"""The persons a claim's content names without their name (docs/guidelines.md §5.8: a
pronoun or a description "as long as the text leaves no doubt whom they mean"), for
``claims.about``:

* **a role**: a definite description headed by a role ("the prime minister", "the home
  secretary", "the Tory leader") is the one person the document names in that role
  (``entities.role``: "Prime Minister Tony Blair", "Tessa Jowell, the culture secretary,").
  The role may say more than a description of two or more words only with the name of a
  party or another body of the document ("Labour home secretary" is "the home secretary";
  a one-word "the minister" may be any minister's), never with a rank
  (``resources/role_ranks.txt``: a shadow, deputy or former home secretary is not "the home
  secretary"), another word of the office ("lord chancellor" is not "the chancellor") or a
  nation: in a BBC story "the prime minister" is Tony Blair, not the "Italian prime
  minister" Silvio Berlusconi it also names (politics/035). ``resources/role_synonyms.txt``
  names an office two ways ("the premier", "the Conservative leader"). Two persons in that
  role, or none: nobody. BBC politics (300 articles): 108 contents said "the prime
  minister", "the chancellor", ... with no person in ``about``; in 22 the article gave that
  role to one named person.
* **a pronoun**: a "he" or "she" that is the subject of the content's main clause is the
  last person named before it, outside quotes, whose gender (a courtesy title before one of
  their mentions, else their first name: ``stages.gender``) says so, where that mention is
  the subject of its clause (the centering preference, Grosz, Joshi & Weinstein 1995: after
  "... rejecting a junior post in James Callaghan's administration.", "But he joined the
  shadow cabinet" is not James Callaghan, BBC politics/289, and, with Callaghan nearer
  than the subject Neil Kinnock, nobody) and no other person who may be
  of that gender is named, nor a role ("the prime minister") is the subject, between them
  or in the sentence before the pronoun's ("He chaired the Labour Party nationally ..." in
  a profile of David Blunkett, politics/041). Not "he or she" (anyone), not the "he" of a
  reporting verb ("..., he went on": the speaker, not the topic), not inside a direct
  quote, and not where the claim's speaker may be "he" ("Mr Blair said he would ...", "a
  spokesman said he had no idea": the speaker, whom the frame names).

Neither is ever the claim's own speaker (§5.8: the frame is not what the claim is about).
"""
from __future__ import annotations

import bisect
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Span, Token

from ...nlp.docs import lower_positions, sorted_ids
from ...nlp.lemmas import lemma
from ...resources import reporting_verb_lemmas, word_set
from ..gender import PRONOUN_GENDERS, description_gender, first_name_gender, honorific_genders
from ..names import normalise_role, title_words
from ..offices import rank_words, role_synonyms

#: words that end a role's own words: what follows says whose or which it is ("chancellor
#: of the exchequer", "spokeswoman for women")
_AFTER_ROLE = frozenset({"of", "for", "to", "at", "in", "on", "with", "from"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: speaker kinds that are no one a "he"/"she" could be (docs/spec.md ``speaker_kind``)
_NOT_PERSONS = frozenset({"organisation", "document"})


class DocPersons:
    """One document's person mentions, with the roles and genders the text gives them."""

    def __init__(self, rows: list[tuple[int, int, str, str | None]], qualifiers: dict[str, str], text: str,
                 quoted: list[tuple[int, int]] = (), doc: Doc | None = None):
        """``rows``: (start, end, canonical name, role or None) of each PERSON mention;
        ``qualifiers``: the names of the document that may stand before a role, normalised
        (``names.normalise_role``), each "body" (a party, another body) or "nation";
        ``quoted``: the spans of the document's quotes;
        ``doc``: its parse."""
        self.rows = sorted(rows)
        self.starts = [r[0] for r in self.rows]
        self.qualifiers = {**dict.fromkeys(word_set("demonyms"), "nation"), **qualifiers}
        self.quoted = sorted(quoted)
        self._q_starts = [q[0] for q in self.quoted]
        self.doc = doc
        self.holders = {(tuple(_role_core(role)), name) for _, _, name, role in self.rows if role}
        self.heads = {words[-1] for words, _ in self.holders if words}
        self._role_positions: list[int] | None = None  # tokens that may head a role (``by_role``)
        honorific = honorific_genders(text, ((s, name, name) for s, _, name, _ in self.rows))
        self.gender = {name: honorific.get(name) or first_name_gender(name) for _, _, name, _ in self.rows}

    def _quoted(self, pos: int) -> bool:
        k = bisect.bisect_right(self._q_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    # -- roles ------------------------------------------------------------------
    def by_role(self, span: Span | None, speaker: str | None) -> list[str]:
        """The persons the content ``span`` names by a role (module docstring), in text order."""
        if span is None or not self.holders:
            return []
        if self.doc is None or span.doc is not self.doc:  # a span of another parse: every token
            tokens = iter(span)
        else:
            # only the words that may head a role, found once per document: reading every
            # token of every content made a Token object each (as ``about.described`` found)
            if self._role_positions is None:
                self._role_positions = lower_positions(self.doc, sorted_ids(frozenset(self.heads) | _synonym_heads()))
            at = self._role_positions
            tokens = (self.doc[i] for i in at[bisect.bisect_left(at, span.start):bisect.bisect_left(at, span.end)])
        out = []
        for t in tokens:
            named = self._role_holder(t)
            if named is not None and named != speaker:
                out.append(named)
        return out

    def _role_holder(self, t: Token) -> str | None:
        """The one person the description headed by ``t`` names by its role, or None."""
        if not self._heads_a_role(t):
            return None  # (most words: before the parse of a description)
        words = _description(t)
        return self._holder_of(words) if words is not None else None

    def _heads_a_role(self, t: Token) -> bool:
        return t.lower_ in self.heads or t.lower_ in _synonym_heads()

    def _holder_of(self, words: list[str]) -> str | None:
        """``_role_holder`` of a description's ``words``."""
        named, rivals = set(), set()
        for role, name in self.holders:
            fit = self._fit(words, role)
            if fit:
                named.add(name)
            elif fit is None:
                rivals.add(name)
        return next(iter(named)) if len(named) == 1 and not rivals - named else None

    def _fit(self, description: list[str], role: tuple[str, ...]) -> bool | None:
        """Whether a person introduced with ``role`` is what ``description`` names: True
        where the role ends in the description (or a synonym of it) and its words before
        that are names of the document's parties or bodies ("labour" of "labour home
        secretary"); a one-word description names only a role of that one word ("the
        minister" may be any minister's: the home secretary, not the "Home Office minister"
        named after it, in BBC politics/031). False where the role is another office: it
        has a rank or a nation before the description's words ("shadow home secretary",
        "Italian prime minister"), or none of them. None where it may be the same office
        and the text does not say ("the OSCE Secretary General" beside a "new OSCE
        Secretary General" and another: seeds 004): nobody then."""
        said = " ".join(description)
        same = role_synonyms().get(said, frozenset({said}))
        for k in range(len(role) if len(description) > 1 else 1):
            if " ".join(role[k:]) not in same:
                continue
            if self._names(role[:k], "body"):
                return True
            return False if set(role[:k]) & rank_words() or self._names(role[:k], "nation") else None
        return False

    def _names(self, words: tuple[str, ...], kind: str) -> bool:
        """``words`` are one or more names of the document of ``kind`` ("body": a party or
        another body, "nation": a country or a nationality), one after another; no words are."""
        if not words:
            return True
        return any(self.qualifiers.get(" ".join(words[:k])) == kind and self._names(words[k:], kind)
                   for k in range(1, len(words) + 1))

    # -- pronouns ---------------------------------------------------------------
    def by_pronoun(self, subject: Token | None, speaker: str | None, speaker_kind: str | None) -> list[str]:
        """The person a "he"/"she" subject names (module docstring), or nobody."""
        gender = PRONOUN_GENDERS.get(subject.lower_) if subject is not None else None
        if gender is None or self.doc is None or subject.doc is not self.doc:
            return []
        if any(c.dep_ == "conj" for c in subject.children):
            return []  # "He or she is always an MP ...": anyone
        verb = subject.head
        if any(c.dep_ in ("ccomp", "parataxis") and (c.i < verb.i or lemma(verb).lower() in reporting_verb_lemmas("speech"))
               for c in verb.children):
            return []  # "..., he went on", "he said ...": who speaks, not what about
        if isinstance(speaker, str) and speaker_kind not in _NOT_PERSONS and self._gender_of(speaker) in (None, gender):
            return []  # "Mr Blair said he would ...": the speaker, perhaps
        sent = subject.sent
        window = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        found = None
        for k in range(bisect.bisect_left(self.starts, subject.idx) - 1, -1, -1):
            start, end, name, _ = self.rows[k]
            if end > subject.idx or name == found:
                continue
            if found is not None and start < window:
                break
            fits = self.gender.get(name)
            if fits not in (None, gender):
                continue  # "she" after a man named: not him, nor in the way
            if found is not None or fits is None or self._quoted(start) or not self._subject_at(start, end):
                return []  # another who may be meant, one named only in someone's words or not as a subject
            found = name
        if found is None or (isinstance(speaker, str) and f" {found} " in f" {speaker} "):
            return []  # the speaker, or named in it ("a book by Robert Peston": BBC politics/252)
        if self._role_between(min(window, self._last_of(found, subject.idx)), subject, found):
            return []
        return [found]

    def _gender_of(self, name: str) -> str | None:
        return self.gender.get(name) or first_name_gender(name) or description_gender(name)

    def _last_of(self, name: str, before: int) -> int:
        """Where ``name`` was last mentioned before ``before``."""
        k = bisect.bisect_left(self.starts, before) - 1
        while k >= 0 and self.rows[k][2] != name:
            k -= 1
        return self.rows[k][0] if k >= 0 else before

    def _subject_at(self, start: int, end: int) -> bool:
        """The mention [start, end) is the subject of its clause, or set beside one
        ("Tory leader Michael Howard said", "Mr Kennedy, the Lib Dem leader, ...")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        return root.dep_ in _SUBJECTS or (root.dep_ == "appos" and root.head.dep_ in _SUBJECTS)

    def _role_between(self, start: int, subject: Token, found: str) -> bool:
        """A role that is another person than ``found`` ("the prime minister", named or not)
        is the subject of a clause between ``start`` and the pronoun ``subject``."""
        span = self.doc.char_span(start, subject.idx, alignment_mode="expand")
        for t in span if span is not None else ():
            if t.dep_ in _SUBJECTS and (t.lower_ in title_words() or t.lower_ in _synonym_heads()) \
                    and (words := _description(t)) is not None \
                    and (self._holder_of(words) if self._heads_a_role(t) else None) != found:
                return True
        return False


def _description(head: Token) -> list[str] | None:
    """The words of the definite description headed by ``head`` ("the Tory leader" ->
    tory, leader), or None: not "the" before it, part of a name ("Prime Minister Tony
    Blair": the name is in ``about`` already; "the Office of the Deputy Prime Minister"), or
    followed by what says whose or which ("the leader of the opposition": a role the
    document gives in other words)."""
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ or head.dep_ == "compound":
        return None
    det = next((c for c in head.children if c.dep_ == "det" and c.i < head.i), None)
    if det is None or det.lower_ != "the":
        return None
    if any(c.dep_ == "prep" and c.lower_ in _AFTER_ROLE for c in head.children):
        return None
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ == "office":
        return None  # "the Office of the Deputy Prime Minister": a department (BBC politics/167)
    between = head.doc[det.i + 1:head.i + 1]
    if any(t.is_punct and t.text != "-" for t in between):
        return None
    words = normalise_role(between.text).split()
    return words or None


def _role_core(role: str) -> list[str]:
    """A role's own words, without what follows them ("chancellor of the exchequer" ->
    chancellor): a description with such words after it is none (``_description``)."""
    words = role.split()
    k = next((k for k, w in enumerate(words) if w in _AFTER_ROLE and k), len(words))
    return words[:k]


@lru_cache(maxsize=1)
def _synonym_heads() -> frozenset[str]:
    """The last words of the roles ``role_synonyms.txt`` lists ("premier", "pm")."""
    return frozenset(r.split()[-1] for r in role_synonyms())


def persons_by_doc(entities: pd.DataFrame) -> dict[str, tuple[list[tuple[int, int, str, str | None]], dict[str, str]]]:
    """doc_id -> (its PERSON mentions as (start, end, canonical, role), the names that may
    stand before a role, normalised: "body" for its ORG mentions and the NORP ones that are
    no nationality (``demonyms.txt``), "nation" for its GPE mentions)."""
    out: dict[str, tuple[list, dict]] = {}
    if not len(entities):
        return out
    canon = entities["canonical"].where(entities["canonical"].notna(), entities["text"]).astype(str)
    roles = entities["role"] if "role" in entities.columns else pd.Series([None] * len(entities), index=entities.index)
    not_qualifiers = rank_words() | title_words()
    for doc_id, start, end, label, name, text, role in zip(
            entities["doc_id"], entities["start"].astype(int), entities["end"].astype(int),
            entities["label"].astype(str), canon, entities["text"].astype(str), roles):
        rows, qualifiers = out.setdefault(doc_id, ([], {}))
        if label == "PERSON":
            rows.append((start, end, name, role if isinstance(role, str) and role else None))
            continue
        # (a nationality, ``demonyms.txt``, is no party: "Italian prime minister")
        kind = "body" if label == "ORG" or (label == "NORP" and text.lower() not in word_set("demonyms")) else \
            "nation" if label == "GPE" else None
        qualifier = normalise_role(text) if kind else ""
        if qualifier and not set(qualifier.split()) & not_qualifiers:
            qualifiers.setdefault(qualifier, kind)
    return out

