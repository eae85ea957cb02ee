"""Job titles in the parse, for the entity rules (``rules.EntityRules``): where the
offices and courtesy titles of ``resources/titles.txt`` stand in a text, and a model's
name cut off the job title it runs into (docs/guidelines.md §3: job titles are not
entities).

A job title is an office of ``titles.txt`` ("home secretary", "minister"), or a
portfolio before an office that takes one ("Defence Secretary", "Trade and Industry
Secretary", "Armed Forces Minister": kinds ``portfolio`` and ``portfolio_office``), or
a portfolio before a party's spokesman after the party's name or "shadow" ("Lib Dem
Treasury spokesman": kind ``party_office``; "a Treasury spokesman" speaks for the
Treasury, an organisation). Letters after a name alone ("MEP", "MPs") are a role too.
"""
from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ...resources import titles as title_entries
from ..names import postnominals
from . import aliases
from .lexicon import job_titles, not_entities, portfolio_titles

# Function words allowed inside a proper name ("Charter for European Security",
# "Office for Democratic Institutions and Human Rights", "Conference on ... in Europe").
NAME_CONNECTORS = frozenset({"of", "on", "for", "and", "in", "the", "to", "&"})


class TitleMatcher:
    """The job titles and courtesy titles of one vocab (module docstring)."""

    def __init__(self, vocab: Vocab, make_doc):
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self.matcher.add("TITLE", [make_doc(t) for t in sorted(job_titles())])
        self.matcher.add("PARTY_TITLE", [make_doc(t) for t in sorted(portfolio_titles("party_office"))])
        self.matcher.add("HONORIFIC", [make_doc(h) for h in title_entries("courtesy")])
        self.office, self.party_office = vocab.strings["TITLE"], vocab.strings["PARTY_TITLE"]

    def __call__(self, doc: Doc) -> tuple[dict[int, int], list[tuple[int, int]]]:
        """start token -> end token of the longest job title or courtesy title starting
        there, and the job titles (not the courtesy titles) as (start, end) token spans."""
        ends: dict[int, int] = {}
        offices: list[tuple[int, int]] = []
        for match_id, s, e in self.matcher(doc):
            if match_id == self.party_office:
                if not _after_party(doc, s):
                    continue  # "a Treasury spokesman" speaks for the Treasury (titles.txt, party_office)
                match_id = self.office
            if e > ends.get(s, -1):
                ends[s] = e
            if match_id == self.office:
                offices.append((s, e))
        return ends, offices


def only_role_letters(words: list[str]) -> bool:
    """A name of letters after a name only, or their plural ("MEP", "MPs", "MSPs"; ``titles.txt``
    kind ``postnominal``): a role, no body (docs/guidelines.md §3: job titles are not
    entities). BBC politics: "The MEP said ..." tagged ORG made MEP an organisation actor,
    and "MPs said" MPs."""
    letters = postnominals()
    return bool(words) and all(w in letters or (w.endswith("s") and w[:-1] in letters) for w in words)


def _after_party(doc: Doc, start: int) -> bool:
    """"shadow" or a party's name (an organisation of ``entity_aliases.txt``, one or two
    words) right before token ``start``: "Lib Dem Treasury spokesman", "Shadow Health
    spokesman" (``titles.txt`` kind ``party_office``)."""
    if start > 0 and doc[start - 1].lower_ == "shadow":
        return True
    before = [t.text for t in doc[max(0, start - aliases.PARTY_NAME_WORDS):start]]
    return any(aliases.organisation_at(before, k)[0] == len(before) - k for k in range(len(before)))


def out_of_titles(doc: Doc, start: int, end: int, label: str, offices: list[tuple[int, int]]) -> tuple[int, int]:
    """A name span without the job title it runs into: empty (``start >= end``) when a
    title holds all of it; cut before a title that starts inside it and goes on past its
    end, and empty again when what is left holds no proper noun or is a word of
    ``not_entities.txt``. BBC politics: the model tags the portfolio of "Defence Secretary
    Geoff Hoon" and of "Chief Treasury Secretary Paul Boateng" alone as ORG (the actors
    table had Defence, Treasury, Home, Health and Justice as organisations), "New Home" of
    "New Home Secretary Charles Clarke" too, and "Lib Dem Treasury" of "Lib Dem Treasury
    spokesman Vince Cable" as a PERSON."""
    for ts, te in offices:
        if te <= start or ts >= end:
            continue
        if ts <= start and end <= te:
            return start, start
        if start < ts and end < te:
            end = ts
            while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in NAME_CONNECTORS):
                end -= 1
            if not holds_proper_noun(doc[start:end]) or (label, doc[start:end].text) in not_entities():
                return start, start
    return start, end


def holds_proper_noun(tokens) -> bool:
    """Whether ``tokens`` hold a proper noun, capitalised: what is left of a name cut
    before a title or by a rule span must ("Austria" of "Austria S.Kurz", not "Describing")."""
    return any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens)
