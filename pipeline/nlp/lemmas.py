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
from spacy.attrs import LEMMA, LOWER, MORPH, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

from .docs import in_sorted

#: id(vocab) -> the model's lemmatizer component (see ``register``)
_LEMMATIZERS: dict[int, object] = {}
#: id(vocab) -> POS ids whose rule lemma is always the lower-cased text (see
#: ``_lowercase_pos``); their lemmas are set from the LOWER column without a
#: Python call per token
_LOWERCASE_POS: dict[int, np.ndarray] = {}
_NO_IDS = np.empty(0, dtype=np.uint64)
#: (orth, pos, morph) -> lemma string; strings, not hashes, because a hash's
#: string is dropped from the vocab when the batch's memory zone ends.
_CACHE: dict[tuple[int, int, int], str] = {}
#: bound of ``_CACHE`` (cleared when a Doc would take it past this), so that a
#: process's memory does not grow with the corpus' vocabulary: all 2,225 BBC
#: articles have 38,482 distinct keys; at about 250 bytes a key, some 60 MiB
_CACHE_MAX = 250_000


def register(nlp) -> None:
    """Make ``nlp``'s lemmatizer compute lemmas for Docs of its vocab (called by
    ``nlp.load_nlp`` and at the claimex component's Docs); nothing to do when it is
    registered already. A model without a lemmatizer is not registered: its Docs
    keep the lemmas they have."""
    if "lemmatizer" in nlp.component_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if _LEMMATIZERS.get(id(nlp.vocab)) is lemmatizer:
            return
        _LEMMATIZERS[id(nlp.vocab)] = lemmatizer
        _LOWERCASE_POS[id(nlp.vocab)] = _lowercase_pos(lemmatizer)
        _index_as_sets(lemmatizer)


class _IndexList(list):
    """A ``lemma_index`` word list that answers ``in`` from a frozenset of its words.

    Still a list, so the pipeline serializes as before (msgpack writes a list
    subclass as a list: ``nlp.to_bytes``/``to_disk`` with the ``claimex`` component
    added); a frozenset in the table could not be written."""

    __slots__ = ("_words",)

    def __init__(self, words=()):
        super().__init__(words)
        self._words = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self._words


def _index_as_sets(lemmatizer) -> None:
    """Make the lemmatizer's per-POS ``lemma_index`` word lists answer ``in`` from a set.

    spacy-lookups-data ships them as lists (57k nouns) and ``rule_lemmatize``
    only asks ``form in index`` (and the table's truthiness), so each candidate
    form was a linear scan: ~60 us a call, ~0.8 s of CPU for the ~12k distinct
    (orth, POS, morph) keys of 300 BBC articles. The words, their order,
    membership and truthiness are the same (``_IndexList``), so the lemmas are unchanged."""
    if getattr(lemmatizer, "mode", None) != "rule" or not isinstance(lemmatizer, Lemmatizer):
        return
    table = lemmatizer.lookups.get_table("lemma_index", None)
    if table is None:
        return
    for key, words in list(table.items()):
        if isinstance(words, list) and not isinstance(words, _IndexList):
            table[key] = _IndexList(words)


def _lowercase_pos(lemmatizer) -> np.ndarray:
    """POS ids for which spaCy's rule lemmatizer provably returns ``text.lower()``.

    In ``Lemmatizer.rule_lemmatize`` (spaCy 3.8) a POS with no entry in any of
    the ``lemma_index``/``lemma_exc``/``lemma_rules`` tables gets
    ``string.lower()`` whether or not ``is_base_form`` holds - except PROPN
    (the text as written unless ``is_base_form``) and the empty POS (which also
    warns W108); those two, and every POS with a table (en: ADJ, ADV, NOUN,
    VERB, PUNCT), keep the per-key call. About two thirds of the tokens of a
    news article (DET, ADP, PRON, AUX, NUM, ...) take the vectorised path.
    Only for the stock rule implementation: another mode or an overriding
    subclass gets no shortcut."""
    if getattr(lemmatizer, "mode", None) != "rule" or not isinstance(lemmatizer, Lemmatizer) \
            or type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize:
        return np.empty(0, dtype=np.uint64)
    tables = [lemmatizer.lookups.get_table(name, {}) for name in ("lemma_index", "lemma_exc", "lemma_rules")]
    ids = [pos_id for name, pos_id in POS_IDS.items()
           if name and name != "PROPN" and not any(table.get(name.lower()) for table in tables)]
    return np.array(sorted(ids), dtype=np.uint64)


def ensure_lemmas(doc: Doc) -> Doc:
    """Fill in every missing lemma of ``doc`` (in place; returns ``doc``)."""
    n = len(doc)
    if not n:
        return doc
    lemmatizer = _LEMMATIZERS.get(id(doc.vocab))
    if lemmatizer is None:
        return doc
    arr = doc.to_array([ORTH, POS, MORPH, LEMMA, LOWER])
    lemma_col = arr[:, 3].copy()
    unset = lemma_col == 0
    if not unset.any():
        return doc
    # the rule lemma of these POS is the lower-cased text (``_lowercase_pos``),
    # whose hash is the LOWER attribute: no lemmatize call, no string to add
    lower = unset & in_sorted(arr[:, 1], _LOWERCASE_POS.get(id(doc.vocab), _NO_IDS))
    lemma_col[lower] = arr[lower, 4]
    missing = np.flatnonzero(unset & ~lower)
    if not len(missing):
        doc.from_array([LEMMA], lemma_col.reshape(-1, 1))
        return doc
    # one lookup per distinct (orth, pos, morph) of the document, not per token
    keys, first, inverse = np.unique(arr[missing, :3], axis=0, return_index=True, return_inverse=True)
    if len(_CACHE) + len(keys) > _CACHE_MAX:
        _CACHE.clear()
    strings = doc.vocab.strings
    hashes = np.empty(len(keys), dtype=np.uint64)
    for k, (key, i) in enumerate(zip(map(tuple, keys.tolist()), missing[first].tolist())):
        s = _CACHE.get(key)
        if s is None:
            s = _CACHE[key] = lemmatizer.lemmatize(doc[i])[0]
        hashes[k] = strings.add(s)
    lemma_col[missing] = hashes[inverse.reshape(-1)]
    doc.from_array([LEMMA], lemma_col.reshape(-1, 1))
    return doc


def lemma(tok: Token) -> str:
    """``tok``'s lemma, computed on demand when the parse did not set it."""
    if tok.lemma == 0 and id(tok.doc.vocab) in _LEMMATIZERS:
        ensure_lemmas(tok.doc)
    return tok.lemma_


def known_noun(tok: Token) -> bool:
    """Whether ``tok``'s lemma, lower-cased, is a common noun the lemmatizer's word lists know
    (``lemma_index``, kind noun: `analyst` of "Analysts", not `napster` or `rowling`); False
    where no lemmatizer is registered for its vocab."""
    lemmatizer = _LEMMATIZERS.get(id(tok.doc.vocab))
    if lemmatizer is None:
        return False
    nouns = lemmatizer.lookups.get_table("lemma_index", {}).get("noun", ())
    return lemma(tok).lower() in nouns
