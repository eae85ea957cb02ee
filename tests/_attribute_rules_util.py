"""Helpers for the attribute-rules tests: run spaCy's attribute_ruler and the
compiled rules on copies of one Doc and read back what they set."""
from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS, TAG
from spacy.tokens import Doc

ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, NORM]


def run_both(stock, compiled, doc: Doc) -> tuple[Doc, Doc]:
    """(stock-annotated copy, compiled-annotated copy) of ``doc``."""
    a, b = doc.copy(), doc.copy()
    stock(a)
    compiled(b)
    return a, b


def assert_same(a: Doc, b: Doc) -> None:
    x, y = a.to_array(ATTRS), b.to_array(ATTRS)
    bad = np.flatnonzero((x != y).any(axis=1)).tolist()
    assert not bad, [(a[i].text, describe(a[i]), describe(b[i])) for i in bad]


def describe(tok) -> tuple[str, str, str, str, str]:
    return tok.pos_, tok.tag_, str(tok.morph), tok.lemma_, tok.dep_


def make_doc(vocab, words, tags=None, deps=None, **kw) -> Doc:
    """A hand-built Doc; every token's head is the first token (the trees do
    not matter to the rules, only the labels)."""
    heads = [0] * len(words) if deps is not None else None
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=heads, **kw)
