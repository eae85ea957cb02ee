"""Corpus stages: called once per run over whole tables (registry ``corpus=True``).

After the last batch and every ``finalize``, each selected corpus stage reads
the whole tables its parameters name (this run's unpublished parts, or the
tables already in ``<out>``), and its one result is written as the stage's
table, published with the others. Its memory is bounded by those tables; the
documents' text is never read unless a corpus stage names ``documents``.
"""
from __future__ import annotations

import time
from pathlib import Path

from ..registry import Stage
from ..tables import PartWriter
from .publish import whole_table


def run_corpus_stage(stage: Stage, writers: dict[str, PartWriter], out: Path, batch_rows: int) -> float:
    """Compute ``stage``'s table from whole tables and write it; returns the seconds taken."""
    t0 = time.perf_counter()
    tables = {name: whole_table(name, writers, out, stage.columns.get(name)) for name in stage.inputs}
    result = stage.function(**tables)
    del tables
    writer = writers[stage.output]
    for i in range(0, len(result), batch_rows):
        writer.write(result.iloc[i:i + batch_rows])
    return time.perf_counter() - t0
