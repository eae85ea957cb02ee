"""The claims ``pipeline match`` reads of a run, and their fingerprint.

Apart from ``table`` so that the runner, which drops ``claim_matches`` when a run changes the
claims (``runner.stale``), reads the same rows without importing ``pipeline match``'s work,
which imports the runner.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

import pyarrow.parquet as pq

from ..tables import checked_dataset, table_files
from .text import claim_content

_READ_ROWS = 8_192


def claim_texts(out_dir: Path) -> Iterator[tuple[str, int, str]]:
    """(doc_id, claim_id, text) of every claim, streamed. When the claims table marks the asserted
    content inside the claim (``content_start``/``content_end``), the content is matched: the
    attribution frame ("X said on Monday that") is no part of what was checked."""
    names = checked_dataset(out_dir, "claims", stage_hint="claims").schema.names
    content = "content_start" in names and "content_end" in names
    columns = ["doc_id", "claim_id", "text"] + (["start", "content_start", "content_end"] if content else [])
    for path in table_files(out_dir, "claims"):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=_READ_ROWS, columns=columns):
            cols = batch.to_pydict()
            if content:
                for doc_id, claim_id, text, start, c0, c1 in zip(*(cols[c] for c in columns)):
                    yield doc_id, claim_id, claim_content(text, start, c0, c1)
            else:
                yield from zip(cols["doc_id"], cols["claim_id"], cols["text"])


def claims_fingerprint(out_dir: Path) -> str:
    """A hash of what ``pipeline match`` reads of each claim in ``out_dir``: its doc_id, claim_id
    and matched text. Equal fingerprints mean the rows of ``claim_matches`` still name the claims
    they were made for."""
    # XOR of a hash per claim: the same claims in another row order (an incremental rerun copies
    # the unchanged documents' rows after the new ones) hash the same; (doc_id, claim_id) is
    # unique, so no two equal rows cancel out
    acc, n = 0, 0
    for doc_id, claim_id, text in claim_texts(out_dir):
        row = f"{doc_id}\x1f{claim_id}\x1f{text}".encode("utf-8", "surrogatepass")
        acc ^= int.from_bytes(hashlib.sha256(row).digest(), "big")
        n += 1
    return f"{n}:{acc:064x}"
