"""Cutting the work into batches (``BatchTask``s), lazily.

``run all`` reads the inputs as a stream and cuts them into batches of
``settings.batch_size`` documents (unchanged documents of an incremental run
are skipped here); a run that starts after ``clean`` streams the
``documents`` table and slices the other upstream tables per batch.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from ..errors import ErrorLog, ErrorRecord
from ..inputs.readers import HTML_SUFFIXES, TEXT_SUFFIXES, RawDocument, input_files, iter_inputs
from ..registry import Stage, producer
from ..tables import checked_dataset, read_table, table_files
from .batch import BatchTask
from .manifest import Previous
from .parse_cache import DocIndex
from .settings import Progress, Settings


def count_inputs(path: Path) -> int | None:
    """How many documents ``--input`` holds, when that is cheap to know (for the progress bar)."""
    if path.is_dir():
        return len(input_files(path))
    if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
        return 1
    return None


def count_rows(out: Path, table: str) -> int | None:
    try:
        return sum(pq.ParquetFile(p).metadata.num_rows for p in table_files(out, table))
    except (OSError, pa.ArrowInvalid):
        return None


def tasks_from_inputs(settings: Settings, stage_names: tuple[str, ...], index: DocIndex, errors: ErrorLog,
                      previous: Previous | None, skipped: set[str],
                      progress: Progress | None = None) -> Iterator[BatchTask]:
    batch: list[RawDocument] = []
    number = 0

    def task(raws):
        cached = {r.doc_id: index.entries[r.doc_id] for r in raws if r.doc_id in index.entries}
        return BatchTask(number, stage_names, settings.model, raw=raws, cached=cached,
                         docs_dir=str(index.dir))

    for item in iter_inputs(settings.input, max_chars=settings.max_chars):
        if isinstance(item, ErrorRecord):
            errors.add(item)
            continue
        if previous is not None and previous.docs.get(item.doc_id) == (item.content_hash, item.path):
            skipped.add(item.doc_id)
            if progress is not None:
                progress.advance(1)
            continue
        batch.append(item)
        if len(batch) >= settings.batch_size:
            yield task(batch)
            number += 1
            batch = []
    if batch:
        yield task(batch)


def tasks_from_tables(settings: Settings, selected: list[Stage], index: DocIndex) -> Iterator[BatchTask]:
    """Batches for a run that starts after ``clean``: stream the documents table,
    slice the other upstream tables (read whole: they are small next to the Docs)."""
    produced = {s.output for s in selected}
    upstream = sorted({t for s in selected for t in s.inputs if t not in produced and t != "documents"})
    whole = {t: read_table(settings.out, t, stage_hint=producer(t)) for t in upstream}
    groups = {t: df.groupby("doc_id", sort=False).indices for t, df in whole.items()}
    checked_dataset(settings.out, "documents", stage_hint="clean")  # the contract, before any work
    dataset = ds.dataset([str(p) for p in table_files(settings.out, "documents")], format="parquet")
    names = tuple(s.name for s in selected)
    for number, rb in enumerate(dataset.to_batches(batch_size=settings.batch_size)):
        documents = pa.Table.from_batches([rb]).to_pandas()
        if not len(documents):
            continue
        ids = list(documents["doc_id"])
        tables = {"documents": documents}
        for t, df in whole.items():
            idx = [groups[t][d] for d in ids if d in groups[t]]
            tables[t] = df.iloc[np.concatenate(idx)] if idx else df.iloc[0:0]
        cached = {d: index.entries[d] for d in ids if d in index.entries}
        yield BatchTask(number, names, settings.model, tables=tables, cached=cached,
                        docs_dir=str(index.dir))
