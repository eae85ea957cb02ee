"""Hand-built spaCy Docs for the entity-rule tests.

The statistical model is NOT run: tokens come from the rule-based tokenizer,
part-of-speech tags from a fixed table below, and the "model's" entities are
given by the test. So a model upgrade cannot change what a test means; only
``pipeline/ner_rules.py`` and its data files are under test.
"""
from __future__ import annotations

from spacy.tokens import Doc

_FUNCTION_POS = {
    "the": "DET", "a": "DET", "an": "DET", "of": "ADP", "on": "ADP", "for": "ADP", "in": "ADP",
    "to": "ADP", "from": "ADP", "at": "ADP", "with": "ADP", "and": "CCONJ", "or": "CCONJ",
    "he": "PRON", "she": "PRON", "it": "PRON", "was": "AUX", "is": "AUX", "said": "VERB",
    "met": "VERB", "added": "VERB", "during": "ADP", "since": "ADP", "this": "DET",
}


def _pos(word: str) -> str:
    if not word.strip():
        return "SPACE"
    if word.lower() in _FUNCTION_POS:
        return _FUNCTION_POS[word.lower()]
    if word[0].isdigit():
        return "NUM"
    if not any(ch.isalnum() for ch in word):
        return "PUNCT"
    if word[0].isupper():
        return "PROPN"
    return "NOUN"


def make_doc(nlp, text: str, ents: list[tuple[str, str]] | tuple = (), pos: dict[str, str] | None = None) -> Doc:
    """``text`` tokenized, tagged by the table above (``pos`` overrides per word), with the
    model's entities ``ents`` given as (exact substring, label), each at its first
    occurrence after the previous one."""
    base = nlp.make_doc(text)
    words = [t.text for t in base]
    spaces = [bool(t.whitespace_) for t in base]
    tags = [(pos or {}).get(w, _pos(w)) for w in words]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, pos=tags)
    spans, cursor = [], 0
    for sub, label in ents:
        at = text.index(sub, cursor)
        span = doc.char_span(at, at + len(sub), label=label)
        assert span is not None, f"{sub!r} does not fall on token boundaries in {words}"
        spans.append(span)
        cursor = at + len(sub)
    doc.ents = spans
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0 or doc[i - 1].text in {".", "\n"}
    return doc


def ents_of(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def naming_sentence(model_ents: list[tuple[str, str]]) -> str:
    """One sentence naming each of ``model_ents`` (text, label) in turn."""
    return " and ".join(t for t, _ in model_ents) + " said so ."
