"""``run(stage_names, settings)``: the thin layer around the stage functions.

The stages run as a stream (``pipeline/runner/`` modules, in the order a run
uses them):

1. **Settings** (``settings``) are checked, every upstream table is there, the
   model is installed, and each stage's ``setup()`` (a trained model) loads,
   all before any work.
2. **Batches** (``batching``): ``run all`` reads the inputs lazily and takes
   each batch through *every* stage in memory (clean -> parse -> sentences ->
   entities -> quotes -> claims); a single stage streams the documents table
   and reads the batch's Docs from the parse cache.
3. **One parse** (``batch``, ``parse_cache``): each batch is parsed once with
   ``nlp.pipe`` inside ``nlp.memory_zone()``; every stage reads those Docs, and
   they are saved as one ``DocBin`` part per batch so one stage can be rerun
   later without re-parsing (``fingerprint.parse_key`` names the cache).
4. **Engines** (``engines``, ``dask_engine``): in this process, in
   ``--workers`` processes, or on a Dask cluster; all call
   ``batch.process_batch``.
5. **Tables as they fill** (``publish``): each batch's rows are written as a
   Parquet part into a hidden folder per table; after the last batch, the rows
   of unchanged documents are copied (incremental), each stage's ``finalize``
   runs over its whole table, each corpus stage (``corpus``) computes its
   table from whole tables, and only then is every table renamed into place.
   An interrupted run leaves every previous table whole.
6. **Incremental** (``manifest``): a complete ``run all`` records its
   fingerprint; a rerun with the same fingerprint skips unchanged documents.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from ..registry import Stage, producer, stages
from ..tables import MissingTableError, PartWriter, sweep_temporary, table_path
from . import manifest
from .batch import stage_setup
from .batching import count_inputs, count_rows, tasks_from_inputs, tasks_from_tables
from .corpus import run_corpus_stage
from .engines import run_pool, run_serial
from .fingerprint import check_model, parse_key, run_fingerprint
from .parse_cache import DocIndex
from .publish import Sink, copy_unchanged, finalize, write_errors
from .run_record import write_run_record
from .settings import Progress, RunSummary, Settings, TableReport, check_settings


def check_inputs(stage: Stage, settings: Settings, produced: set[str]) -> None:
    """Fail fast, before any work, when an upstream table is missing."""
    for name in stage.inputs:
        if name not in produced and not table_path(settings.out, name).exists():
            raise MissingTableError(
                f"stage {stage.name!r} needs table {name!r} ({table_path(settings.out, name)}); "
                f"run `pipeline run {producer(name)}` first (or `pipeline run all`)"
            )


def run(stage_names: list[str], settings: Settings, *, on_stage_start: Callable[[Stage], None] | None = None,
        progress: Progress | None = None) -> RunSummary:
    """Run the named stages (registry order) over ``settings.input`` into ``settings.out``."""
    t_start = time.perf_counter()
    settings.out = Path(settings.out)
    settings.input = Path(settings.input)
    registered = stages()
    selected = [s for s in registered if s.name in stage_names]
    if not selected:
        raise KeyError(f"no stage selected from {stage_names!r}")
    check_settings(settings, selected[0].name)
    produced: set[str] = set()
    for stage in selected:
        check_inputs(stage, settings, produced)
        produced.add(stage.output)
    check_model(settings.model)
    for stage in selected:
        stage_setup(stage)  # a broken model stops the run here, with one line
    out = settings.out
    out.mkdir(parents=True, exist_ok=True)
    sweep_temporary(out)

    summary = RunSummary()
    names = tuple(s.name for s in selected)
    # corpus stages run once after the batches (corpus.py); the batches run the rest
    batched = [s for s in selected if not s.corpus]
    batch_names = tuple(s.name for s in batched)
    full = names == tuple(s.name for s in registered)
    fingerprint = run_fingerprint(settings.model, names)
    index = DocIndex.load(out, parse_key(settings.model))
    writers: dict[str, PartWriter] = {}
    skipped: set[str] = set()
    try:
        for s in selected:
            writers[s.output] = PartWriter(out, s.output)
        sink = Sink(writers, index, summary.errors, progress)
        for s in selected:
            if on_stage_start:
                on_stage_start(s)
        if selected[0].name == "clean":
            previous = manifest.load_previous(out, [s.output for s in selected], fingerprint) \
                if (full and settings.incremental) else None
            tasks = tasks_from_inputs(settings, batch_names, index, summary.errors, previous, skipped, progress)
            total = count_inputs(settings.input)
        elif batched:
            tasks = tasks_from_tables(settings, batched, index)
            total = count_rows(out, "documents")
        else:
            tasks, total = iter(()), 0
        if progress is not None:
            progress.start(total)
        try:
            if settings.engine == "dask":
                from .dask_engine import run_dask

                run_dask(tasks, sink, settings)
            elif settings.workers > 1:
                run_pool(tasks, sink, settings, batch_names)
            else:
                run_serial(tasks, sink, settings)
        finally:
            if progress is not None:
                progress.stop()
        for s in batched:
            copy_unchanged(out, s.output, skipped, writers[s.output])
        for s in batched:
            if s.finalize is not None:
                finalize(s, writers, max(settings.batch_size * 50, 1000))
        for s in selected:
            if s.corpus:
                sink.seconds[s.name] = run_corpus_stage(s, writers, out, max(settings.batch_size * 50, 1000))
        # Publish: the manifest goes first (a crash mid-publish means "no
        # incremental state" -> a full rerun, never a wrong skip).
        manifest.invalidate(out)
        for s in selected:
            t0 = time.perf_counter()
            path = writers[s.output].commit()
            secs = sink.seconds.get(s.name, 0.0) + time.perf_counter() - t0
            summary.tables.append(TableReport(s.output, writers[s.output].n_rows, path, secs))
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    if selected[0].name == "clean":
        index.commit(keep=set(sink.doc_ids) | skipped)
    else:
        index.commit()
    summary.processed = sink.n_docs
    summary.skipped = len(skipped)
    stages_run = set(names) | ({"read"} if "clean" in names else set())
    summary.errors_path = write_errors(summary.errors, out, stages_run, keep_docs=skipped)
    if full:
        manifest.write(out, fingerprint)
    write_run_record(out, settings, names, summary)
    summary.seconds = time.perf_counter() - t_start
    return summary
