"""A dash sets a clause off; a hyphen inside a word does not (``setoff.is_dash``,
``setoff.sets_off``, ``records.joins_word``): the parser hangs each piece of a
hyphenated word on the word's head, and a hyphen taken for a dash cut contents
mid-word (BBC: `it would re`, `the law should be re`)."""
from __future__ import annotations

import pytest
import spacy

from pipeline.stages.quotes.records import joins_word
from pipeline.stages.quotes.setoff import is_dash, sets_off

_NLP = spacy.blank("en")


@pytest.mark.parametrize("text, word, dash", [
    ("it would re-enter the market", "-", False),
    ("the law should be re-drafted", "-", False),
    ("Thackeray's clarity - his clear-sightedness", "-", True),   # spaced: a dash
    ("clarity - his clear-sightedness", "-", True),
    ("the result -- a defeat", "--", True),
    ("the result — a defeat", "—", True),
    ("the result, a defeat", ",", True),
    ("the result and a defeat", "and", False),
])
def test_quotes_setoff_dash_or_hyphen(text, word, dash):
    doc = _NLP(text)
    tok = next(t for t in doc if t.text == word)
    assert sets_off(tok) is dash
    if word in ("-", "--", "—"):
        assert is_dash(tok) is dash
        assert joins_word(tok) is (not dash)
