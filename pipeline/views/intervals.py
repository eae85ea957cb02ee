"""Which spans contain which mentions, per document, without pairing every mention
with every span.

The report asks, for every entity mention, which quotes and claims of its
document contain it. A join of mentions and spans on ``doc_id`` builds every
(mention, span) pair of a document before filtering, so time and memory grow
with the square of a document's size (a long article has thousands of both).
:func:`containing_pairs` finds the same pairs in time about linear in the
number of spans, mentions and pairs found.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def _previous_longer(docs: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Per span (sorted by document, then start): the nearest earlier span of the same
    document that ends strictly later, or -1 (a monotonic stack, one pass)."""
    out = np.full(len(ends), -1, dtype=np.int64)
    stack: list[int] = []
    prev_doc = None
    end_of = ends.tolist()
    for k, (doc, end) in enumerate(zip(docs.tolist(), end_of)):
        if doc != prev_doc:
            stack, prev_doc = [], doc
        while stack and end_of[stack[-1]] <= end:
            stack.pop()
        if stack:
            out[k] = stack[-1]
        stack.append(k)
    return out


def containing_pairs(inner_doc, inner_start, inner_end, outer_doc, outer_start, outer_end) -> tuple[np.ndarray, np.ndarray]:
    """Row positions ``(i, o)`` of every pair where outer span ``o`` contains inner span
    ``i`` in the same document (``outer_start <= inner_start`` and ``inner_end <= outer_end``),
    ordered by ``i`` then ``o``: the rows of an inner join on the document followed by
    that filter, in the order pandas documents for the join.

    Outer spans are sorted by start within their document; the spans starting at or
    before an inner span's start are a prefix of them. That prefix is walked from its
    end: a span that ends late enough is a hit and the walk steps to the span before
    it; one that ends too early is a miss and the walk jumps to the nearest earlier
    span that ends later (every span in between ends no later, so misses too). A run
    of misses goes through spans nested in each other, so each inner span costs its
    hits plus a few steps per level of nesting. All inner spans walk together, one
    vectorised step per round.
    """
    docs = pd.factorize(pd.concat([pd.Series(inner_doc, dtype=object), pd.Series(outer_doc, dtype=object)],
                                  ignore_index=True), use_na_sentinel=False)[0]  # a null doc_id joins another, as in a join
    n_inner = len(inner_start)
    i_doc, o_doc = docs[:n_inner], docs[n_inner:]
    i_start, i_end = np.asarray(inner_start, dtype=np.int64), np.asarray(inner_end, dtype=np.int64)
    o_start, o_end = np.asarray(outer_start, dtype=np.int64), np.asarray(outer_end, dtype=np.int64)
    order = np.lexsort((o_start, o_doc))
    s_doc, s_start, s_end = o_doc[order], o_start[order], o_end[order]
    # (document, start) as one sortable number: the document's code times the number of
    # distinct starts, plus the start's rank among them
    starts, rank = np.unique(np.concatenate([i_start, s_start]), return_inverse=True)
    width = len(starts)
    i_key = i_doc.astype(np.int64) * width + rank[:n_inner]
    s_key = s_doc.astype(np.int64) * width + rank[n_inner:]
    k = np.searchsorted(s_key, i_key, side="right") - 1  # the last span starting at or before it
    lo = np.searchsorted(s_doc, i_doc, side="left")      # the document's first span
    back = _previous_longer(s_doc, s_end)
    who = np.arange(n_inner)
    found_i, found_o = [], []
    while True:
        alive = k >= lo
        who, k, lo = who[alive], k[alive], lo[alive]
        if not len(who):
            break
        hit = s_end[k] >= i_end[who]
        found_i.append(who[hit])
        found_o.append(order[k[hit]])
        k = np.where(hit, k - 1, back[k])
    found_i = np.concatenate(found_i) if found_i else np.empty(0, dtype=np.int64)
    found_o = np.concatenate(found_o) if found_o else np.empty(0, dtype=np.int64)
    by_row = np.lexsort((found_o, found_i))
    return found_i[by_row], found_o[by_row]
