"""The token patterns of the entity rules (``rules.EntityRules``): dotted initials,
named EVENT/LAW titles, date ranges, amounts with a currency word, names after a
courtesy title, `the West`; and the Matcher each text gets, with only the pattern
groups it can match.

Patterns whose first token is a set or regex test cost a Python call at every token
of every text. The EVENT/LAW patterns (optional ordinal, any number of name words)
cost about as much as all other patterns together, yet can only match where a
capitalised head noun occurs, which few news texts have (23 of 305 BBC + seed
texts); the initials patterns (PERSON) need an "X." in the text (60 of 305); the
MONEY, year-range DATE and courtesy-title patterns need a currency word, a
four-digit number before a dash, a courtesy title. A text lacking what a pattern
needs gets a matcher without it (``GatedPatterns.matcher_for``): patterns that
cannot match add no matches and do not reorder the others, so the matches are the
same either way (all 2,225 BBC articles: same entities, component 19% faster).
"""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IS_DIGIT, IS_TITLE, LENGTH, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.vocab import Vocab

from ...nlp.docs import in_sorted
from ...resources import titles as title_entries
from .lexicon import law_event_heads, lines

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
           "sept", "oct", "nov", "dec"]
# Days and months, lower case: dates in a sentence, never names.
WEEKDAYS_MONTHS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] + MONTHS[:12])
_DASHES = ["-", "–", "—", "to"]
_YEAR = r"^(?:1[89]|20)\d\d$"
# The pattern groups a text gets only when it has what they need (``matcher_for``),
# and the token attributes that tell.
GATED = ("named", "initials", "money", "year_range", "honorific")
ALL_PATTERNS = (True,) * len(GATED)
GATE_ATTRS = [LOWER, IS_TITLE, ORTH, IS_DIGIT, LENGTH]
# Every initials pattern starts on a token beginning with this (see matcher_for).
_INITIAL_RE = re.compile(r"[A-Z]\.")


class GatedPatterns:
    """The pattern matchers of one vocab, one per mix of gated groups, built on first use."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.matchers: dict[tuple[bool, ...], Matcher] = {}
        # Built now, outside any memory zone, so that every pattern string is
        # permanent: the matchers built on first use add none (``batch.warm_up``).
        self.matcher_with(ALL_PATTERNS)
        self._head_ids = frozenset(vocab.strings.add(w) for w in law_event_heads())
        self._currency_ids = np.array(sorted(vocab.strings.add(w) for w in lines("currencies")), dtype=np.uint64)
        self._courtesy_ids = np.array(sorted(vocab.strings.add(w) for w in title_entries("courtesy")),
                                      dtype=np.uint64)
        self._range_dash_ids = np.array(sorted(vocab.strings.add(w) for w in _DASHES[:3]), dtype=np.uint64)

    def matcher_with(self, which: tuple[bool, ...]) -> Matcher:
        """The matcher with the gated pattern groups flagged in ``which`` (in
        ``GATED`` order), built on first use."""
        matcher = self.matchers.get(which)
        if matcher is None:
            matcher = self.matchers[which] = Matcher(self.vocab)
            self._add_patterns(matcher, **dict(zip(GATED, which)))
        return matcher

    def _add_patterns(self, matcher: Matcher, *, named: bool, initials: bool, money: bool, year_range: bool,
                      honorific: bool) -> None:
        dotted = list(lines("dotted_abbreviations"))
        surname = {"TEXT": {"REGEX": r"^[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*$"}, "IS_STOP": False}
        # "A.Lukashenko", "M.G.Link": initials glued to the surname (one token).
        if initials:  # both start with a token that starts with _INITIAL_RE
            matcher.add("PERSON", [[{"TEXT": {"REGEX": r"^(?:[A-Z]\.){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?$"}}]])
            # "M.G. Link", "K. Muttonen", "J. K. Rowling"
            matcher.add("PERSON", [[
                {"TEXT": {"REGEX": r"^(?:[A-Z]\.){1,3}$"}, "ORTH": {"NOT_IN": dotted}},
                {"TEXT": {"REGEX": r"^[A-Z]\.$"}, "OP": "?"},
                surname,
            ]])
        # Named EVENT / LAW: optional ordinal, capitalised words, capitalised head, then
        # a complement of capitalised words and connectors; trimmed and checked in
        # _check_named() because the Matcher cannot express "ends on a capital".
        name_word = {"TEXT": {"REGEX": r"^[A-Z0-9]"}, "POS": {"IN": ["PROPN", "ADJ", "NOUN", "NUM"]}}
        tail = {"TEXT": {"REGEX": r"^(?:[A-Z0-9].*|of|on|for|and|in|the|to|\d+(?:st|nd|rd|th))$"}, "OP": "*"}
        ordinal = {"TEXT": {"REGEX": r"^\d+(?:st|nd|rd|th)$"}, "OP": "?"}
        for label, heads in (("EVENT", "event_heads"), ("LAW", "law_heads")) if named else ():
            head = {"LOWER": {"IN": list(lines(heads))}, "IS_TITLE": True}
            # no greedy filter: two names joined by "and" must both survive _check_named
            matcher.add(label, [[ordinal, dict(name_word, OP="*"), head, tail]])
        # Date ranges are one DATE, as the model already tags "2015-2017" (one token):
        # "5 to 9 July 2017", "1998 — 2002", "2012 – 2014".
        dates = [[{"IS_DIGIT": True}, {"LOWER": {"IN": _DASHES}}, {"IS_DIGIT": True}, {"LOWER": {"IN": MONTHS}}, {"TEXT": {"REGEX": _YEAR}, "OP": "?"}]]
        if year_range:
            dates.append([{"TEXT": {"REGEX": _YEAR}}, {"ORTH": {"IN": _DASHES[:3]}}, {"TEXT": {"REGEX": _YEAR}}])
        matcher.add("DATE", dates, greedy="LONGEST")
        # "1.3 million Euro": amount + currency word is one MONEY
        if money:
            matcher.add("MONEY", [[{"TEXT": {"REGEX": r"^\d"}}, {"LOWER": {"IN": ["thousand", "million", "billion", "trillion", "mln", "bn"]}, "OP": "?"},
                                   {"LOWER": {"IN": list(lines("currencies"))}}]], greedy="LONGEST")
        # "Mrs. Natalya Drozd", "Mr Blair": the capitalised names after a courtesy title
        if honorific:
            matcher.add("HONORIFIC", [[{"ORTH": {"IN": list(title_entries("courtesy"))}},
                                       {"IS_TITLE": True, "POS": "PROPN", "OP": "+"}]], greedy="LONGEST")
        # "the West", "the East": LOC only after "the" and not before another name
        # ("the West Bank", "West Ham" are the model's business).
        matcher.add("THE_COMPASS", [[{"LOWER": "the"}, {"ORTH": {"IN": ["West", "East"]}}]])

    def matcher_for(self, text: str, arr: np.ndarray) -> Matcher:
        """The matcher with only the gated patterns that can match in this text
        (see the class doc). ``arr``: ``doc.to_array(GATE_ATTRS)``."""
        lower, title, orth, digit, length = arr.T
        which = (
            not self._head_ids.isdisjoint(lower[title != 0].tolist()),       # named
            _INITIAL_RE.search(text) is not None,                             # initials
            bool(in_sorted(lower, self._currency_ids).any()),                 # money
            bool(((digit[:-1] != 0) & (length[:-1] == 4) & in_sorted(orth[1:], self._range_dash_ids)).any()),
            bool(in_sorted(orth, self._courtesy_ids).any()),                  # honorific
        )
        return self.matcher_with(which)
