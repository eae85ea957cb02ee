"""Incremental reruns: what an earlier complete ``run all`` left in ``<out>``.

``<out>/manifest.json`` holds the run fingerprint (``fingerprint``). A rerun
with the same fingerprint skips every document whose ``doc_id``, ``path`` and
content hash are unchanged and keeps its rows; the manifest is removed before
tables are published and written again after, so an interrupted publish means
a complete rerun, never a wrong skip.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from ..tables import atomic_bytes, table_path

MANIFEST_NAME = "manifest.json"


@dataclass
class Previous:
    """What an earlier complete ``run all`` left (for incremental reruns)."""

    docs: dict[str, tuple[str, str]]  # doc_id -> (content_hash, path)


def load_previous(out: Path, outputs: Iterable[str], fingerprint: str) -> Previous | None:
    try:
        manifest = json.loads((out / MANIFEST_NAME).read_text())
    except (OSError, ValueError):
        return None
    if manifest.get("fingerprint") != fingerprint:
        return None
    if not all(table_path(out, t).exists() for t in outputs):
        return None
    try:
        t = pq.ParquetDataset(table_path(out, "documents")).read(columns=["doc_id", "content_hash", "path"])
    except (pa.ArrowInvalid, OSError, KeyError):
        return None
    docs = {d: (h, p) for d, h, p in zip(*(t.column(c).to_pylist() for c in ("doc_id", "content_hash", "path"))) if h}
    return Previous(docs)


def invalidate(out: Path) -> None:
    (out / MANIFEST_NAME).unlink(missing_ok=True)


def write(out: Path, fingerprint: str) -> None:
    atomic_bytes(out / MANIFEST_NAME, json.dumps({"fingerprint": fingerprint}).encode())
