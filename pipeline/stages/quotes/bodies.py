"""Which document or body a common noun names (docs/guidelines.md §4.6, rule 5 of
:mod:`pipeline.stages.quotes.speakers`): "the report" is the report the article named
last ("National Audit Office report"), "the committee" the committee, "the party" the
party by a name or alias ending in the noun; "the poll" for the respondents it counts. A
part of :class:`~pipeline.stages.quotes.speakers.SpeakerResolver`, which holds the state
these methods read: ``doc``, ``entities`` and ``_noun_sources``.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

import numpy as np
from spacy.tokens import Token

from ...nlp.docs import lower_positions, sorted_ids
from ...resources import news_agencies, poll_words, source_noun_kinds, source_nouns_of_kind
from ..entities.aliases import known_as
from ..names import acronym_matches, expansion_words, title_words
from .sources import GENERIC_BODIES, called_by, np_span


@lru_cache(maxsize=1)
def _body_and_document_nouns() -> np.ndarray:
    """The ids of the source nouns of kind document or organisation (``_nouns``)."""
    return sorted_ids(source_nouns_of_kind("document") | source_nouns_of_kind("organisation"))


def _same_body(short: str, full: str) -> bool:
    """``short`` names the body ``full`` names: the same, its first word(s), or its acronym."""
    return short == full or full.startswith(short + " ") or (
        short.isupper() and acronym_matches(short, expansion_words(full)))


def _reports_on_another(verb: Token) -> bool:
    """``verb`` reports what a person or another body did ("The New York Times reported that
    the Pentagon had drawn up plans", "The Daily Mail claimed that the minister had leaked
    ..."): a spokesman in the next sentence answers for them, not for the reporter. Not a
    body's word about itself or a thing ("Scotland Yard said the policing operation had
    been reviewed", "The Vestey Group said it had owned the land")."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        s = next((k for k in clause.children if k.dep_ in ("nsubj", "nsubjpass")), None)
        if s is not None and (s.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or s.lower_ in title_words()
                              or source_noun_kinds().get(s.lower_) in ("organisation", "group")):
            return True
    return False


def _most_named(names: list[str]) -> str | None:
    """The name most frequent in ``names``; None on a tie or without names."""
    counts = Counter(names).most_common(2)
    return counts[0][0] if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]) else None


class BodyDescriptions:
    """The document and body rules of :class:`~pipeline.stages.quotes.speakers.SpeakerResolver`."""

    def _body_or_document(self, head: Token, kind: str, definite: bool, described: str) -> str:
        """``the report`` -> the report (``the committee`` -> the committee) the article named
        last with more words; else the description as written or its alias-list canonical.
        ``described``: the description of ``head``'s noun phrase."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        # "Mr Crosby's statement" -> "Lynton Crosby statement"
        own = self._owned_description(head, owner) if owner is not None else described
        if definite and len(own.split()) == 1:
            found = [d for p, d, k, h in self._nouns() if p < head.idx and k == kind
                     and h == head.lower_ and len(d.split()) > 1]
            if found:
                return known_as(found[-1])
            if kind == "organisation":
                orgs = [self.canonical(e) for e in self.entities if e.end <= head.idx and e.label == "ORG"
                        and self._in_narration(e.start)]
                found = [o for o in orgs if called_by(o, head.lower_)]
                if found:
                    return found[-1]
                most = self._most_named_body(head) if head.lower_ in source_nouns_of_kind("subject") else None
                if most is not None and self._in_lead(most):
                    # "The company said": the company the story is about. The body named last was
                    # wrong in a third of 33 BBC business cases (a regulator, "the BBC", a brand);
                    # the one named most often, alone, was right in all 22 that had one, and in 21
                    # of 25 of all 103 such mentions; named in the lead too, in 21 of 23 (a lead
                    # whose company the NER missed, "Lycos Europe's ... campaign", names none)
                    return most
                if head.lower_ in GENERIC_BODIES and orgs:
                    # "The group said": the body the article named last
                    return orgs[-1]
        return known_as(own)

    def _body_spoken_for(self, head: Token, text: str) -> str | None:
        """The body a bare "a spokesman" (``head``, described ``text``; ``source_nouns.txt``,
        marker speaks_for) that opens its sentence speaks for: the organisation that is the main
        subject of the sentence before ("But the Home Office defended the measures. A spokesman
        said: ..."), else None. News names the body, then quotes its spokesman; the guidelines
        keep the affiliation the article gives (§4.6)."""
        if text.lower() != head.lower_ or head.lower_ not in source_nouns_of_kind("speaks_for") \
                or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
            return None
        sent = head.sent
        if sent.start == 0 or any(t.dep_ not in ("det", "cc", "advmod", "punct") for t in head.doc[sent.start:head.i]):
            return None  # ("But a spokesman said", "However a spokesman pointed out")
        prev = head.doc[sent.start - 1].sent
        subj = next((t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
        e = self.entity_at(subj.idx) if subj is not None and self._in_narration(subj.idx) else None
        if e is None or e.label != "ORG" or _reports_on_another(subj.head):
            return None
        body = self.canonical(e)
        # (a news agency reports on others: "Reuters reported that the oil giant had ...")
        return None if body.casefold() in news_agencies() else body

    def _most_named_body(self, head: Token) -> str | None:
        """The organisation named most often before ``head``, outside quotes, alone (``_most_named``),
        its mentions the NER tagged a place counted too (BBC business/252: "BT" 7 times GPE and
        6 ORG against "Ofcom" 8 ORG: "the firm" is not Ofcom)."""
        bodies = {self.canonical(e) for e in self.entities if e.label == "ORG"}
        return _most_named([name for e in self.entities if e.end <= head.idx and e.label in ("ORG", "GPE")
                            and (name := self.canonical(e)) in bodies and self._in_narration(e.start)])

    def _in_lead(self, name: str) -> bool:
        """Whether the article's first two sentences (its headline and lead, in BBC news) name the
        organisation ``name``, in full or by the short form used later (`Marsh & McLennan`,
        `General Motors` for `Marsh`, `GM`)."""
        end = next((s.end_char for k, s in enumerate(self.doc.sents) if k == 1), len(self.text))
        return any(e.label == "ORG" and e.start < end and _same_body(name, self.canonical(e)) for e in self.entities)

    def _names_a_body(self, body: str, head: Token) -> bool:
        """Whether ``body`` (what ``_body_or_document`` made of a body noun) names the body:
        an entity's canonical name, or a description with a capitalised word past the
        sentence's first ("Commons work and pensions committee"; not "Police said")."""
        if any(self.canonical(e) == body for e in self.entities):
            return True
        # (the body noun itself does not count: "The Government said", "Later, Police said")
        first = head.sent[0].text.lower()
        return any(w[:1].isupper() for i, w in enumerate(body.split())
                   if (i or w.lower() != first) and w.lower() != head.lower_)

    def _poll_before(self, pos: int) -> str | None:
        """The poll or survey the article named last before ``pos`` (``poll_words.txt``), if any."""
        return next((d for p, d, k, h in reversed(self._nouns()) if p < pos and h in poll_words("poll")), None)

    def _nouns(self) -> list[tuple[int, str, str, str]]:
        """(position, description, kind, head word) of every document or body the article
        names with a common noun outside quotes ("A National Audit Office report")."""
        if self._noun_sources is None:
            self._noun_sources = []
            nouns = source_noun_kinds()
            for i in lower_positions(self.doc, _body_and_document_nouns()):
                t = self.doc[i]
                kind = nouns.get(t.lower_)
                if t.pos_ == "NOUN" and self._in_narration(t.idx):
                    self._noun_sources.append((t.idx, self._description_text(np_span(t)), kind, t.lower_))
        return self._noun_sources
