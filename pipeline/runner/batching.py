"""Cutting the work into batches (``BatchTask``s), lazily.

``run all`` lists the inputs as a stream and cuts them into batches of
``--batch-size`` documents (``auto_batch_size`` when not given). A batch of
files carries their names: the process that takes it reads them and, in an
incremental run, skips the unchanged ones (``batch``); records of a table
input are read and tested here. A run that starts after ``clean`` streams the
``documents`` table and slices the other upstream tables per batch.
"""
from __future__ import annotations

import itertools
import math
from pathlib import Path
from typing import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from ..errors import ErrorLog, ErrorRecord
from ..inputs.readers import ARTICLE_SUFFIXES, InputFile, RawDocument, input_files, plan_inputs
from ..registry import Stage, producer
from ..tables import checked_dataset, read_table, table_files
from .batch import BatchTask
from .manifest import Previous
from .parse_cache import DocIndex
from .settings import BATCH_SIZE, BATCHES_PER_WORKER, MIN_BATCH, Progress, Settings


def count_inputs(path: Path, out: Path | None = None) -> int | None:
    """How many documents ``--input`` holds, when that is cheap to know (for the
    progress bar and the batch size); ``out``: the run's ``--out``, never read."""
    if path.is_dir():
        return len(input_files(path, out))
    if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
        return 1
    return None


def count_rows(out: Path, table: str) -> int | None:
    try:
        return sum(pq.ParquetFile(p).metadata.num_rows for p in table_files(out, table))
    except (OSError, pa.ArrowInvalid):
        return None


def auto_batch_size(n_docs: int | None, workers: int) -> int:
    """Documents per batch when ``--batch-size`` is not given: ``BATCH_SIZE`` for
    one worker; with several, small enough that each worker gets about
    ``BATCHES_PER_WORKER`` batches (batches are handed out as workers finish
    them, so the last round leaves cores idle for at most one small batch),
    and at least ``MIN_BATCH`` documents so per-batch costs stay small."""
    if workers <= 1 or not n_docs:
        return BATCH_SIZE
    return max(MIN_BATCH, min(BATCH_SIZE, math.ceil(n_docs / (workers * BATCHES_PER_WORKER))))


def workers_for(workers: int, n_docs: int | None, batch_size: int) -> int:
    """Worker processes to start: ``--workers``, but no more than there are batches
    (``--workers 8`` on 5 articles started 8 processes, each loading the model, for one
    batch); all of them when the number of documents is not known (a table input)."""
    if n_docs is None:
        return workers
    return max(1, min(workers, math.ceil(n_docs / batch_size)))


def started_plan(settings: Settings, hidden: list[str] | None = None) -> Iterator[InputFile | RawDocument | ErrorRecord]:
    """``plan_inputs`` with its first item taken: an input that cannot be used at all (an empty
    folder or table, an unsupported file) stops the run here, before the model loads and the
    --out folder is made (it printed every stage's line and made <out>/_claimex/lock first).
    ``hidden``: where the hidden entries of an input folder go (listed by then)."""
    plan = plan_inputs(settings.input, max_chars=settings.max_chars, out=settings.out, hidden=hidden)
    first = next(plan, None)
    return plan if first is None else itertools.chain([first], plan)


def tasks_from_inputs(settings: Settings, stage_names: tuple[str, ...], index: DocIndex, errors: ErrorLog,
                      previous: Previous | None, skipped: set[str], batch_size: int, parts_dir: Path,
                      progress: Progress | None, plan: Iterator) -> Iterator[BatchTask]:
    """Batches of the input: files to be read by the process that takes the
    batch (the skip test of an incremental run happens there too), or records
    of a table input, read and tested here. ``plan``: ``started_plan``'s."""
    batch: list = []
    number = 0
    prev = previous.docs if previous is not None else {}

    def task(items):
        ids = [x.doc_id for x in items]
        cached = {d: index.entries[d] for d in ids if d in index.entries}
        common = dict(model=settings.model, max_chars=settings.max_chars, cached=cached,
                      docs_dir=str(index.dir), parts_dir=str(parts_dir))
        if isinstance(items[0], InputFile):
            return BatchTask(number, stage_names, files=items, previous={d: prev[d] for d in ids if d in prev}, **common)
        return BatchTask(number, stage_names, raw=items, **common)

    for item in plan:
        if isinstance(item, ErrorRecord):
            errors.add(item)
            continue
        if isinstance(item, RawDocument) and prev.get(item.doc_id) == (item.content_hash, item.path):
            skipped.add(item.doc_id)
            if progress is not None:
                progress.advance(1)
            continue
        if batch and type(batch[0]) is not type(item):
            yield task(batch)
            number += 1
            batch = []
        batch.append(item)
        if len(batch) >= batch_size:
            yield task(batch)
            number += 1
            batch = []
    if batch:
        yield task(batch)


def tasks_from_tables(settings: Settings, selected: list[Stage], index: DocIndex, batch_size: int,
                      parts_dir: Path) -> Iterator[BatchTask]:
    """Batches for a run that starts after ``clean``: stream the documents table,
    slice the other upstream tables (read whole: they are small next to the Docs)."""
    produced = {s.output for s in selected}
    upstream = sorted({t for s in selected for t in s.inputs if t not in produced and t != "documents"})
    whole = {t: read_table(settings.out, t, stage_hint=producer(t)) for t in upstream}
    groups = {t: df.groupby("doc_id", sort=False).indices for t, df in whole.items()}
    checked_dataset(settings.out, "documents", stage_hint="clean")  # the contract, before any work
    dataset = ds.dataset([str(p) for p in table_files(settings.out, "documents")], format="parquet")
    names = tuple(s.name for s in selected)
    for number, rb in enumerate(dataset.to_batches(batch_size=batch_size)):
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
                        docs_dir=str(index.dir), parts_dir=str(parts_dir))
