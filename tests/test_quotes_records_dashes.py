"""A dash sets a clause off; a hyphen inside a word does not (``records.is_dash``,
``records.sets_off``, ``records.joins_word``): the parser hangs each piece of a
hyphenated word on the word's head, and a hyphen taken for a dash cut contents
mid-word (BBC: `it would re`, `the law should be re`). Docs built from their tokens."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.stages.quotes.records import is_dash, joins_word, sets_off, trim_tokens
from tests.frozen_parse import VOCAB  # English lexical attributes (`is_punct`, `like_num`)


@pytest.mark.parametrize("tokens, at, dash", [
    # (token, space after) pairs; ``at``: the index of the token tested
    ([("would", True), ("re", False), ("-", False), ("enter", True)], 2, False),
    ([("the", True), ("2015", False), ("–", False), ("16", True), ("budget", False)], 2, False),  # a range
    ([("clarity", True), ("-", True), ("his", True)], 1, True),          # spaced: a dash
    ([("clarity", False), ("-", True), ("his", True)], 1, True),         # space after only
    ([("result", True), ("--", True), ("a", True)], 1, True),
    ([("result", True), ("—", True), ("a", True)], 1, True),
    ([("was", True), ("pre", False), ("-", False), (".", False)], 2, True),  # no word after it
    ([("-", True), ("the", True), ("A350", False)], 0, True),            # at the start of the Doc
    ([("it", True), ("was", True), ("anti", False), ("-", False)], 3, True),  # at the end of the Doc
])
def test_quotes_records_dash_or_hyphen(tokens, at, dash):
    doc = Doc(VOCAB, words=[w for w, _ in tokens], spaces=[sp for _, sp in tokens])
    assert is_dash(doc[at]) is dash
    assert joins_word(doc[at]) is (not dash)
    assert sets_off(doc[at]) is dash


@pytest.mark.parametrize("word, sets", [(",", True), (";", True), ("and", False), (":", False)])
def test_quotes_records_sets_off_punctuation(word, sets):
    doc = Doc(VOCAB, words=["a", word, "b"], spaces=[True, True, False])
    assert sets_off(doc[1]) is sets


def _doc(words: str, deps: dict[int, str] | None = None) -> Doc:
    """A Doc of the space-separated ``words`` (a ``+`` glues a token to the next one), every
    token hung on the first, labelled ``dep`` unless ``deps`` says otherwise."""
    toks = words.split()
    glued = [t.endswith("+") for t in toks]
    toks = [t.rstrip("+") if len(t) > 1 else t for t in toks]
    labels = [(deps or {}).get(i, "dep") for i in range(len(toks))]
    labels[0] = "ROOT"
    return Doc(VOCAB, words=toks, spaces=[not g for g in glued], heads=[0] * len(toks), deps=labels)


@pytest.mark.parametrize("words, deps, kept", [
    # a per cent sign after a number stays; after a word it goes
    ("growth rose by 5+ % .", None, "growth rose by 5%"),
    ("growth rose by a % .", None, "growth rose by a"),
    # a bracket the range opened closes in it; a stray closer before it closes nothing
    ("1+ ) the vehicles (+ SUVs+ ) .", None, "1) the vehicles (SUVs)"),
    # the last piece of a hyphen-joined word that looks like a conjunction stays (this recursed
    # without end while the word was completed by calling the trimming again)
    ("the answer is either+ -+ or+ .", {5: "cc"}, "the answer is either-or"),
    ("it was pre+ -+ .", None, "it was pre"),
])
def test_quotes_records_trim_tokens_keeps_words_and_signs(words, deps, kept):
    doc = _doc(words, deps)
    a, b = trim_tokens(doc, 0, len(doc) - 1)
    assert doc[a:b + 1].text == kept
