"""Placing a span in its sentence by character offset (shared by the stages
that read the sentences table: entities, quotes, claims)."""
from __future__ import annotations

import bisect

import pandas as pd


def sentence_starts(sentences: pd.DataFrame) -> dict[str, tuple[list[int], list[int]]]:
    """doc_id -> (sorted sentence starts, their sent_ids), from the sentences table,
    for :func:`sent_id_at` (later stages place their spans in these sentences)."""
    out: dict[str, tuple[list[int], list[int]]] = {}
    if len(sentences) == 0:
        return out
    ordered = sentences.sort_values(["doc_id", "start"])
    for doc_id, grp in ordered.groupby("doc_id", sort=False):
        out[str(doc_id)] = (grp["start"].astype(int).tolist(), grp["sent_id"].astype(int).tolist())
    return out


def sent_id_at(starts: tuple[list[int], list[int]] | None, char: int) -> int | None:
    """sent_id of the sentence containing offset ``char`` (the last one starting at or
    before it), or None before the first sentence or without sentences."""
    if starts is None or not starts[0]:
        return None
    k = bisect.bisect_right(starts[0], char) - 1
    return starts[1][k] if k >= 0 else None
