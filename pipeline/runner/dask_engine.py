"""``--engine dask``: the same batches and stage functions, on a Dask cluster.

Optional: ``pip install '.[dask]'`` (dask[dataframe,distributed]). Without
``--scheduler ADDRESS`` a ``LocalCluster`` of ``--workers`` worker *processes*
(one thread each) is started for the run and closed after it.

How it runs (``run_dask``):

1. The driver reads the inputs (as the local engine does: read errors and
   unchanged documents of an incremental run are handled there) and writes each
   batch of raw documents as one Parquet file in a hidden folder under
   ``--out``; ``dask.dataframe.read_parquet`` makes them the partitions.
2. ``map_partitions(run_partition, ...)``: on a worker, a partition becomes a
   ``batch.BatchTask`` and goes through ``batch.process_batch`` - exactly the
   function the local engine runs - then the worker writes the batch's table
   parts and DocBin part next to the input and returns a one-row summary
   (rows per table, errors, parse index entries, timings).
3. The driver adopts the part files into the same ``PartWriter``s as the local
   engine, runs the corpus finalize and publishes the tables atomically.

The model is loaded once per worker process (a worker plugin loads it when the
worker starts; ``nlp.load_nlp`` caches it), never pickled into a task: tasks
carry the model *name*. Workers read and write under ``--out``, so with a
remote scheduler ``--out`` must be on a file system every worker sees at the
same path (NFS, a shared volume).
"""
from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import pandas as pd
import pyarrow.parquet as pq

from ..errors import ErrorRecord
from ..inputs.readers import RawDocument
from ..tables import to_arrow
from .batch import BatchTask, prepare_process, process_batch

if TYPE_CHECKING:
    from .publish import Sink
    from .settings import Settings

_RAW_COLUMNS = ["doc_id", "path", "text", "is_html", "title", "source", "published", "content_hash"]
_SUMMARY_META = pd.DataFrame({
    "batch": pd.Series([], dtype="int64"),
    "n_docs": pd.Series([], dtype="int64"),
    "rows": pd.Series([], dtype="object"),      # JSON {table: rows written}
    "parsed": pd.Series([], dtype="object"),    # JSON [[doc_id, text hash], ...] of the DocBin part
    "errors": pd.Series([], dtype="object"),    # JSON [ErrorRecord, ...]
    "seconds": pd.Series([], dtype="object"),   # JSON {stage: seconds}
    "doc_ids": pd.Series([], dtype="object"),   # JSON [doc_id, ...]
})


try:  # dask is an optional extra; importing this module without it still works
    from distributed import WorkerPlugin as _WorkerPluginBase
except ImportError:  # pragma: no cover - exercised only without the extra
    _WorkerPluginBase = object


class _LoadModel(_WorkerPluginBase):
    """Worker plugin: load the spaCy model once when each worker starts."""

    idempotent = True

    def __init__(self, model: str):
        self.model = model
        self.name = f"claimex-load-{model}"

    def setup(self, worker) -> None:
        prepare_process(self.model)


def _task_frame(task: BatchTask) -> pd.DataFrame:
    rows = [{k: getattr(r, k) for k in _RAW_COLUMNS} for r in task.raw or []]
    df = pd.DataFrame(rows, columns=_RAW_COLUMNS)
    df["batch"] = task.number
    hits = [task.cached.get(d) for d in df["doc_id"]]
    df["cache_part"] = [h[0] if h else None for h in hits]
    df["cache_pos"] = pd.array([h[1] if h else None for h in hits], dtype="Int64")
    df["cache_hash"] = [h[2] if h else None for h in hits]
    return df


def run_partition(pdf: pd.DataFrame, stages: tuple[str, ...], model: str, work_dir: str,
                  docs_dir: str) -> pd.DataFrame:
    """One partition on a worker: the local engine's ``process_batch``, then write parts."""
    if not len(pdf):
        return _SUMMARY_META.iloc[0:0].copy()
    number = int(pdf["batch"].iloc[0])
    raws, cached = [], {}
    for r in pdf.to_dict("records"):
        raws.append(RawDocument(**{k: (None if _isna(r[k]) else r[k]) for k in _RAW_COLUMNS}))
        if not _isna(r.get("cache_part")):
            cached[r["doc_id"]] = (r["cache_part"], int(r["cache_pos"]), r["cache_hash"])
    task = BatchTask(number, tuple(stages), model, raw=raws, cached=cached, docs_dir=docs_dir)
    result = process_batch(task)
    work = Path(work_dir)
    rows = {}
    for table, df in result.tables.items():
        rows[table] = len(df)
        if len(df):
            (work / table).mkdir(parents=True, exist_ok=True)
            pq.write_table(to_arrow(df, table), work / table / f"part-{number:05d}.parquet")
    if result.docbin:
        (work / "docs").mkdir(parents=True, exist_ok=True)
        (work / "docs" / f"part-{number:05d}.spacy").write_bytes(result.docbin)
    return pd.DataFrame({
        "batch": [number], "n_docs": [result.n_docs], "rows": [json.dumps(rows)],
        "parsed": [json.dumps(result.parsed)], "errors": [json.dumps([asdict(e) for e in result.errors])],
        "seconds": [json.dumps(result.seconds)], "doc_ids": [json.dumps(result.doc_ids)],
    })


def _isna(v) -> bool:
    return v is None or (isinstance(v, float) and v != v) or v is pd.NA


def _client(settings: "Settings"):
    from distributed import Client, LocalCluster

    if settings.scheduler:
        return Client(settings.scheduler), None
    # Real worker processes (one thread each): the parse is CPU-bound Python/Cython
    # that holds the GIL, so threads would not run in parallel.
    cluster = LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=40)
    return Client(cluster), cluster


def run_dask(tasks: Iterable[BatchTask], sink: "Sink", settings: "Settings") -> None:
    import dask.dataframe as dd
    from distributed import as_completed

    out = Path(settings.out)
    work = Path(tempfile.mkdtemp(prefix=f".dask-{uuid.uuid4().hex[:6]}.parts.", dir=out))
    try:
        inputs, stages, docs_dir = [], None, str(sink.index.dir)
        for task in tasks:
            stages = task.stages
            (work / "input").mkdir(exist_ok=True)
            path = work / "input" / f"part-{task.number:05d}.parquet"
            _task_frame(task).to_parquet(path, index=False)
            inputs.append(str(path))
        if not inputs:
            return
        client, cluster = _client(settings)
        try:
            client.register_plugin(_LoadModel(settings.model))
            ddf = dd.read_parquet(inputs, split_row_groups=False)
            parts = ddf.map_partitions(run_partition, stages, settings.model, str(work), docs_dir,
                                       meta=_SUMMARY_META)
            futures = client.compute(parts.to_delayed())
            summaries = []
            for fut in as_completed(futures):
                s = fut.result()
                summaries.append(s)
                if sink.progress is not None:
                    sink.progress.advance(int(s["n_docs"].sum()))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        progress, sink.progress = sink.progress, None  # already advanced as partitions finished
        try:
            table = pd.concat(summaries, ignore_index=True).sort_values("batch")
            for r in table.itertuples():
                _adopt(r, work, sink)
        finally:
            sink.progress = progress
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _adopt(r, work: Path, sink: "Sink") -> None:
    number = int(r.batch)
    for table, n in json.loads(r.rows).items():
        if n:
            sink.writers[table].add_file(work / table / f"part-{number:05d}.parquet", n)
    parsed = [tuple(p) for p in json.loads(r.parsed)]
    if parsed:
        sink.index.adopt_part(work / "docs" / f"part-{number:05d}.spacy", parsed)
    errors = [ErrorRecord(**e) for e in json.loads(r.errors)]
    sink.account(errors, json.loads(r.seconds), int(r.n_docs), json.loads(r.doc_ids))
