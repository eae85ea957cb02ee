"""Lemmas on demand, so the one parse can skip spaCy's lemmatizer (issue 6).

The rule lemmatizer walks every token of every document in Python; it cost
6-9% of a full run while the stages read lemmas for a few verbs and nouns only
(claim cues, quote cues, speaker roles) and only in the quotes and claims
stages. The parse therefore runs without it (``registry.LAZY_COMPONENTS``) and
those stages call :func:`ensure_lemmas` on a Doc before reading ``.lemma_``
(or the ``LEMMA`` attribute, which the claim-cue Matcher uses).

The lemma is computed by the loaded model's own lemmatizer object
(``nlp.get_pipe("lemmatizer").lemmatize``), whose result depends only on the
token's (orth, POS, morphology) - spaCy caches it under that key too - so the
lemmas are the same as those the pipe would have written. They are computed
once per distinct key per process and written with one ``Doc.from_array``.
Tokens that already carry a lemma (set by the attribute_ruler, or hand-built
test Docs) are left alone, exactly as the pipe leaves them.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.tokens import Doc, Token

#: id(vocab) -> the model's lemmatizer component (see ``register``)
_LEMMATIZERS: dict[int, object] = {}
#: (orth, pos, morph) -> lemma string; strings, not hashes, because a hash's
#: string is dropped from the vocab when the batch's memory zone ends.
_CACHE: dict[tuple[int, int, int], str] = {}


def register(nlp) -> None:
    """Make ``nlp``'s lemmatizer compute lemmas for Docs of its vocab (called by
    ``nlp.load_nlp``). A model without a lemmatizer is not registered: its Docs
    keep the lemmas they have."""
    if "lemmatizer" in nlp.component_names:
        _LEMMATIZERS[id(nlp.vocab)] = nlp.get_pipe("lemmatizer")


def ensure_lemmas(doc: Doc) -> Doc:
    """Fill in every missing lemma of ``doc`` (in place; returns ``doc``)."""
    n = len(doc)
    if not n:
        return doc
    lemmatizer = _LEMMATIZERS.get(id(doc.vocab))
    if lemmatizer is None:
        return doc
    arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
    missing = np.flatnonzero(arr[:, 3] == 0)
    if not len(missing):
        return doc
    # one lookup per distinct (orth, pos, morph) of the document, not per token
    keys, first, inverse = np.unique(arr[missing, :3], axis=0, return_index=True, return_inverse=True)
    strings = doc.vocab.strings
    hashes = np.empty(len(keys), dtype=np.uint64)
    for k, (key, i) in enumerate(zip(map(tuple, keys.tolist()), missing[first].tolist())):
        s = _CACHE.get(key)
        if s is None:
            s = _CACHE[key] = lemmatizer.lemmatize(doc[i])[0]
        hashes[k] = strings.add(s)
    lemma_col = arr[:, 3].copy()
    lemma_col[missing] = hashes[inverse.reshape(-1)]
    doc.from_array([LEMMA], lemma_col.reshape(-1, 1))
    return doc


def lemma(tok: Token) -> str:
    """``tok``'s lemma, computed on demand when the parse did not set it."""
    if tok.lemma == 0 and id(tok.doc.vocab) in _LEMMATIZERS:
        ensure_lemmas(tok.doc)
    return tok.lemma_
