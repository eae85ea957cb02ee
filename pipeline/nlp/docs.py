"""Small helpers over a parsed Doc that every stage may use.

``doc_text`` rebuilds a Doc's text cheaply, ``text_hash`` names a text (the
parse cache keys its Docs by it), ``memory_zone`` bounds spaCy's string store
per batch, ``in_sorted`` tests a token array against a small set of ids
(``sorted_ids``), ``lower_positions`` finds the tokens of a word set.
"""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from functools import lru_cache

import numpy as np

from spacy.attrs import LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

@lru_cache(maxsize=64)
def sorted_ids(words: frozenset[str]) -> np.ndarray:
    """The string ids (hashes) of ``words``, sorted, for ``in_sorted``."""
    return np.asarray(sorted(get_string_id(w) for w in words), dtype=np.uint64)


def in_sorted(values: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """``np.isin(values, ids)`` for a column of ``Doc.to_array`` (hashes, POS ids) and a
    small, already sorted array of ids (``sorted_ids``): one binary search per value.
    ``np.isin`` sorts values and set together on every call, several calls per
    document in the stages and the entity rules."""
    if not len(ids):
        return np.zeros(len(values), dtype=bool)
    pos = np.searchsorted(ids, values)
    np.minimum(pos, len(ids) - 1, out=pos)
    return ids[pos] == values


def lower_positions(doc: Doc, ids: np.ndarray) -> list[int]:
    """The indices of ``doc``'s tokens whose lower-case form is one of ``ids``
    (``sorted_ids``), in order: one array test instead of a Token per word."""
    return np.flatnonzero(in_sorted(doc.to_array(LOWER), ids)).tolist()


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", errors="surrogatepass")).hexdigest()


@contextmanager
def memory_zone(nlp: Language):
    """``nlp.memory_zone()`` that also cleans up when an exception passes through.

    spaCy 3.8's zones run their cleanup only after a normal exit: an exception
    raised inside leaves the vocab in zone mode with dangling transient strings,
    and every later parse in the process fails with an ``AssertionError`` in
    ``Vocab.get`` (found when a crashed run was followed by another run in the
    same process). We always leave the zone normally, then let the exception go on.
    """
    zone = nlp.memory_zone()
    zone.__enter__()
    try:
        yield
    finally:
        zone.__exit__(None, None, None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built from one token array.

    ``Doc.text`` joins every token anew on each access and makes a Token object
    per token (about 1 ms per news article); a token's ``text_with_ws`` is its
    orth plus " " when its SPACY flag is set, exactly as ``Doc.text`` joins it,
    so this gives the same string at a fraction of the cost.
    """
    if not len(doc):
        return ""
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, SPACY])
    return "".join([strings[o] + " " if sp else strings[o] for o, sp in arr.tolist()])
