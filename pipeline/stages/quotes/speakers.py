"""Speaker resolution: from the mention next to a quote to a canonical name (issue 4).

Rules, applied in document order (each is small and tested in
``tests/test_speakers_resolution.py``):

1. **Named mention**: an entity row of the entities table covering the
   mention's head token gives ``canonical``. A lone surname becomes the full
   name of a PERSON of the same document ending with it (docs/guidelines.md §3:
   ``Sekreta`` -> ``Igor Sekreta``), and title words the NER left in a name are
   stripped (``Deputy Minister Igor Sekreta`` -> ``Igor Sekreta``); both by
   :mod:`pipeline.stages.names` (the title stripping is shared with canonical
   names, the surname rule is the speakers' own).
2. **Pronoun** (``he``/``she``): the most recent PERSON that was a speaker or the
   subject of a main clause before the mention, outside quotation marks (words
   inside quotes are the speaker's, not the narrator's references), skipping a
   person whose honorific (``Mr.``/``Ms.``/``Mrs.``) contradicts the pronoun.
   ``they``/``it``: the most recent non-person (organisation, country, group).
3. **Description** (``the deputy minister``, ``the Belarusian diplomat``): a
   definite noun phrase whose head is a role word (``titles.txt``, kind ``word``)
   refers to the person the article introduced with that role: role words are
   collected around each PERSON mention (``Belarus' Deputy Minister of Foreign
   Affairs Igor Sekreta``; appositions), a head licenses the roles listed in
   ``speaker_roles.txt`` (a *diplomat* may be introduced as a foreign
   minister), modifiers break ties (``deputy``), then recency. With no match
   the most recent PERSON speaker is taken: in news a role description with no
   antecedent of its own almost always means the person being quoted.
4. Otherwise the mention text itself, without determiners, possessives and
   leading titles (:func:`speaker_name`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...nlp.lemmas import lemma as lemma_of
from ...nlp.docs import doc_text
from ..names import PersonNames, org_title_words, strip_titles, title_words
from ...resources import titles, word_list

PERSON = "PERSON"
# Entity labels that can say something (a person, an organisation, a country's government).
SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_MALE_FEMALE = frozenset({"he", "she", "him", "her"})
_PLURAL = frozenset({"they", "them", "it"})  # "it said": an organisation or document
_DEFINITE = frozenset({"the", "this", "that"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@dataclass(frozen=True)
class EntityRow:
    start: int
    end: int
    label: str
    canonical: str


@lru_cache(maxsize=None)
def _honorifics() -> tuple[tuple[str, str], ...]:
    """(courtesy title + space, "m" or "f") for the titles that tell a gender (``titles.txt``)."""
    return tuple((t + " ", g) for kind, g in (("male", "m"), ("female", "f")) for t in titles(kind))


@lru_cache(maxsize=None)
def role_families() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for line in word_list("speaker_roles"):
        head, sep, rest = line.partition(":")
        if not sep:
            raise ValueError(f"speaker_roles.txt: expected 'head: word word ...', got {line!r}")
        out[head.strip().lower()] = frozenset(rest.lower().split()) | {head.strip().lower()}
    return out


def speaker_name(mention: str) -> str:
    """A speaker mention as a speaker label: without determiners, possessives, titles
    (:func:`pipeline.stages.names.strip_titles`) and the punctuation around it
    (``the council's spokesperson`` -> ``council spokesperson``, ``Mr. Clarke`` ->
    ``Clarke``). A mention that is all titles and roles (``the Belarusian diplomat``)
    only loses its determiners."""
    words = mention.replace("\u2019s ", " ").replace("'s ", " ").split()
    while len(words) > 1 and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return strip_titles(" ".join(words)).strip(" ,.’'")


@dataclass
class _Person:
    canonical: str
    roles: set[str] = field(default_factory=set)
    last_pos: int = -1


class SpeakerResolver:
    """Resolves speaker mentions of one document, in document order."""

    def __init__(self, doc: Doc, entities: list[EntityRow], quoted: list[tuple[int, int]], text: str | None = None):
        self.doc = doc
        self.text = doc_text(doc) if text is None else text  # Doc.text is rebuilt on every access
        self.entities = sorted(entities, key=lambda e: e.start)
        self._ent_starts = [e.start for e in self.entities]
        self.quoted = sorted(quoted)
        self._q_starts = [q[0] for q in self.quoted]
        self.names = self._person_names()
        self.persons: dict[str, _Person] = {}
        # (pos, canonical, label): speakers and main-clause subjects, in order
        self.history: list[tuple[int, str, str]] = []
        self._first: dict[str, int] = {}  # first position a person was named as a speaker
        self._positions: dict[str, list[int]] | None = None
        # canonical name of each PERSON row, computed once here (not kept: the
        # names grow during resolution, which may change a later canonical)
        persons = [(e, self.canonical(e)) for e in self.entities if e.label == PERSON]
        self.gender = self._genders(persons)
        self._intro_persons(persons)

    # -- lookups --------------------------------------------------------------
    def inside_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._q_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def entity_at(self, pos: int) -> EntityRow | None:
        k = bisect.bisect_right(self._ent_starts, pos) - 1
        best = None
        while k >= 0 and self.entities[k].start > pos - 200:
            e = self.entities[k]
            if e.start <= pos < e.end and e.label in SPEAKER_LABELS:
                if best is None or (e.label == PERSON) > (best.label == PERSON):
                    best = e
            k -= 1
        return best

    def _person_names(self) -> PersonNames:
        """The full names of this document's PERSON rows, for lone surnames."""
        return PersonNames(speaker_name(e.canonical) for e in self.entities if e.label == PERSON)

    def canonical(self, e: EntityRow) -> str:
        name = e.canonical
        if name[:4].lower() == "the " and len(name) > 4:
            name = name[4:]  # docs/guidelines.md §3: a leading "the" is not part of the name
        if e.label == PERSON:
            name = self.names.person(speaker_name(name))
        return name

    # -- person introductions (for descriptions) -----------------------------
    def _intro_persons(self, persons: list[tuple[EntityRow, str]]) -> None:
        doc = self.doc
        for e, name in persons:
            if self.inside_quote(e.start):
                continue
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            p = self.persons.setdefault(name, _Person(name))
            roles = {w.lower() for w in e.canonical.split() if w.lower() in title_words()}
            root = span.root
            # left modifiers in the same noun phrase: "Belarusian Deputy Foreign Minister Igor Sekreta"
            for t in doc[root.left_edge.i:span.start]:
                if t.is_alpha:
                    roles.add(t.lower_)
            # appositions: "Igor Sekreta, the deputy minister," / "the minister, Igor Sekreta"
            for c in root.children:
                if c.dep_ == "appos":
                    roles.update(t.lower_ for t in c.subtree if t.is_alpha)
            if root.dep_ == "appos":
                roles.update(t.lower_ for t in root.head.subtree if t.is_alpha and t.i not in range(span.start, span.end))
            p.roles |= roles

    # -- resolution -----------------------------------------------------------
    def note_subject(self, tok: Token) -> None:
        """Record a main-clause subject (a possible antecedent for later pronouns)."""
        if self.inside_quote(tok.idx):
            return
        name, label = self._resolve_head(tok, tok.idx, record=False)
        if name is not None and label is not None:
            self.history.append((tok.idx, name, label))

    def resolve(self, head: Token | None, span: tuple[int, int] | None) -> str | None:
        if head is None:
            return None
        name, label = self._resolve_head(head, head.idx, record=True, span=span)
        # a party named inside someone's quote is not a later pronoun's antecedent
        if name is not None and not self.inside_quote(head.idx):
            self.history.append((head.idx, name, label or ""))
        return name

    def name_of(self, tok: Token) -> tuple[str | None, str | None]:
        """(canonical, label) of a mention headed by ``tok``, without recording it."""
        return self._resolve_head(tok, tok.idx, record=False)

    def _recent(self, pos: int, want_person: bool, gender: str | None = None) -> tuple[str, str] | None:
        for hpos, name, label in reversed(self.history):
            if hpos >= pos:
                continue
            if (label == PERSON) == want_person:
                if gender is not None and self.gender.get(name, gender) != gender:
                    continue  # `she` never means a man introduced as "Mr. ..."
                return name, label
        return None

    def _genders(self, persons: list[tuple[EntityRow, str]]) -> dict[str, str]:
        """Gender of a person known from an honorific before one of their mentions
        (``Mr. Clarke``, ``Ms. LaBelle``): the only evidence used, so unknown is the default.
        ``persons``: the PERSON rows with their canonical names."""
        out: dict[str, str] = {}
        for e, name in persons:
            before = self.text[max(0, e.start - 6):e.start] + " " + e.canonical[:5]
            for honorific, g in _honorifics():
                if honorific in before:
                    out.setdefault(name, g)
        return out

    def _resolve_head(self, head: Token, pos: int, record: bool, span=None) -> tuple[str | None, str | None]:
        low = head.lower_
        if head.pos_ == "PRON" or low in _MALE_FEMALE or low in _PLURAL:
            if low in _MALE_FEMALE:
                hit = self._recent(pos, want_person=True, gender="f" if low in ("she", "her") else "m")
                return hit if hit else (None, None)
            if low in _PLURAL:
                hit = self._recent(pos, want_person=False)
                return hit if hit else (None, None)
            return None, None
        e = self.entity_at(head.idx)
        if e is not None and not (e.label != PERSON and self._titled_name(head)):
            name, label = self.canonical(e), e.label
            person = self.names.person(name) if label != PERSON else name
            if person != name:
                # a surname the NER took for an organisation or place ("Sekreta further noted")
                name, label = person, PERSON
            if label == PERSON:
                self._register(name, head, span, pos)
            return name, label
        full = self.names.full_name(head.text) if head.text[:1].isupper() else None
        if full is not None:
            # the surname of a person already named here, whatever the tagger made of it
            self._register(full, head, span, pos)
            return full, PERSON
        if head.pos_ == "PROPN" and low not in title_words():
            # A named speaker the NER missed (or took for a place: "Belarus' Deputy
            # Minister ... Igor Sekreta"): the proper-name run ending at the head.
            name = self.names.person(self._name_run(head))
            self._register(name, head, span, pos)
            return name, PERSON
        if head.pos_ in ("NOUN", "PROPN") and (low in title_words() or low in role_families()):
            dets = {c.lower_ for c in head.children if c.dep_ == "det"}
            if dets & _DEFINITE:
                hit = self._description(head, pos)
                if hit is not None:
                    return hit, PERSON
        if not record:
            return None, None
        if span is None:
            return head.text, None
        text = self.text[span[0]:span[1]]
        return speaker_name(text) or text, None

    def _titled_name(self, head: Token) -> bool:
        """A proper name preceded by a title word (`Minister ... Igor Sekreta`): a person."""
        return any(t.lower_ in title_words() and t.lower_ not in org_title_words()
                   for t in head.doc[head.left_edge.i:head.i])

    def _name_run(self, head: Token) -> str:
        doc = head.doc
        i = head.i
        while i - 1 >= head.left_edge.i and doc[i - 1].pos_ == "PROPN" and doc[i - 1].lower_ not in title_words() \
                and doc[i - 1].dep_ in ("compound", "flat", "nmod") and doc[i - 1].text[:1].isalpha():
            i -= 1
        return doc[i:head.i + 1].text

    def _register(self, name: str, head: Token, span, pos: int) -> None:
        """Remember a person speaker: full name for later surnames, role words for descriptions."""
        p = self.persons.setdefault(name, _Person(name))
        p.last_pos = pos
        if span is not None:
            p.roles |= {w.lower().strip("’',.") for w in self.text[span[0]:span[1]].split()} - set(name.lower().split())
        if self._first.get(name) is None:
            self._first[name] = pos
        self.names.add(name)

    def _description(self, head: Token, pos: int) -> str | None:
        lemma = lemma_of(head).lower()
        family = role_families().get(lemma, frozenset()) | {lemma, head.lower_}
        mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.is_alpha}
        best, best_key = None, None
        for p in self.persons.values():
            if not (p.roles & family):
                continue
            first_seen = self._first_pos(p.canonical)
            if first_seen is None or first_seen >= pos:
                continue
            overlap = sum(1 for m in mods if any(r[:5] == m[:5] for r in p.roles))
            key = (overlap, max(self._last_pos(p.canonical, pos), p.last_pos if p.last_pos < pos else -1))
            if best_key is None or key > best_key:
                best, best_key = p.canonical, key
        if best is not None:
            return best
        hit = self._recent(pos, want_person=True)
        return hit[0] if hit else None

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
