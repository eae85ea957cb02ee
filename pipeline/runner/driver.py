"""``run(stage_names, settings)``: the thin layer around the stage functions.

The stages run as a stream (``pipeline/runner/`` modules, in the order a run
uses them):

1. **Settings** (``settings``) are checked, every upstream table is there, the
   model (a single stage without one: the model the tables were built with,
   ``choose_model``) is installed, and each stage's ``setup()`` (a trained model) loads,
   all before any work. ``--out`` must be a folder that can be written
   (``errors.OutputError``, exit 6), and no other run may be writing to it
   (``store`` lock, ``errors.RunLockedError``, exit 7: checked first, before the
   upstream tables that run may be writing and before the model loads).
2. **Batches** (``batching``): ``run all`` lists the inputs lazily and takes
   each batch through *every* stage in memory (read -> clean -> parse ->
   sentences -> entities -> quotes -> claims); a single stage streams the
   documents table and reads the batch's Docs from the parse cache.
3. **One parse** (``batch``, ``long_texts``, ``parse_cache``): each batch is
   parsed once, inside ``nlp.memory_zone()`` when it could take the strings
   its process keeps past ``batch.KEPT_STRINGS`` (long texts in chunks, hostile runs
   of punctuation in pieces); every stage reads those Docs, and they are saved
   as one ``DocBin`` part per batch so one stage can be rerun later without
   re-parsing (``fingerprint.parse_key`` names the cache).
4. **Engines** (``engines``, ``dask_engine``): in this process, in
   ``--workers`` processes, or on a Dask cluster; all call
   ``batch.process_batch``, which writes the batch's Parquet parts.
5. **Tables** (``publish``, ``store``): each batch's parts go into a staging
   folder; after the last batch, the rows of unchanged documents are copied
   (incremental), each stage's ``finalize`` runs over its whole table, each
   corpus stage (``corpus``) computes its table from whole tables, and then
   the new generation of tables (with ``errors`` and the manifest) is
   published at once. An interrupted run leaves every previous table whole.
   A run that rewrites ``documents`` leaves out the tables it does not
   write that were computed from documents since changed (``stale``).
6. **Incremental** (``manifest``): a complete ``run all`` records its
   fingerprint and every part file; a rerun with the same fingerprint and
   intact tables skips unchanged documents.

``RunSummary`` reports what happened (counts, notes) and where the time went
(``phases``: start-up, batches, finalize, publishing).
"""
from __future__ import annotations

import dataclasses
import errno
import os
import re
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..errors import ModelError, OutputError
from ..inputs.readers import check_input_path, hidden_note
from ..nlp.loader import DEFAULT_MODEL
from ..registry import Stage, producer, stages
from ..schemas import SCHEMAS
from ..tables import (MissingTableError, PartWriter, check_tables_folder, checked_dataset,
                      run_command, table_path)
from . import collector, manifest
from .batch import prepare_process, stage_setup
from .batching import (auto_batch_size, count_inputs, count_rows, started_plan, tasks_from_inputs, tasks_from_tables,
                       workers_for)
from .corpus import run_corpus_stage
from .engines import WorkerPool, run_serial
from .fingerprint import check_model, parse_key, run_fingerprint
from .ownership import foreign_files, published_tables, refusal
from .parse_cache import DocIndex
from .publish import Sink, copy_unchanged, finalize, write_errors
from .run_record import RUN_RECORD, recorded_model, write_run_record
from .settings import DEFAULT_INPUT, Progress, RunSummary, Settings, TableReport, check_settings
from .stale import left_out
from .store import TableStore, tables_in


def from_input_folder(settings: Settings) -> bool:
    """``--out`` is the ``--input`` folder itself (a folder inside it is left out of the input)."""
    try:
        return settings.input is not None and settings.input.is_dir() and \
            settings.out.resolve() == settings.input.resolve()
    except (OSError, RuntimeError):
        return False


def check_inputs(stage: Stage, settings: Settings, produced: set[str]) -> None:
    """Fail fast, before any work (the model loads after), when the input or an
    upstream table is missing."""
    if stage.name == "clean":
        check_input_path(settings.input)  # the stage that reads --input
    for name in stage.inputs:
        if name not in produced and not table_path(settings.out, name).exists():
            raise MissingTableError(
                f"stage {stage.name!r} needs table {name!r} ({table_path(settings.out, name)}); "
                f"run `{run_command(producer(name), settings.out)}` first (or `pipeline run all`)"
            )


def run(stage_names: list[str], settings: Settings, *, on_stage_start: Callable[[Stage], None] | None = None,
        progress: Progress | None = None) -> RunSummary:
    """Run the named stages (registry order) over ``settings.input`` into ``settings.out``."""
    t_start = time.perf_counter()
    settings.out = Path(settings.out)
    registered = stages()
    selected = [s for s in registered if s.name in stage_names]
    if not selected:
        raise KeyError(f"no stage selected from {stage_names!r}")
    check_settings(settings, selected[0].name)
    settings.input = Path(settings.input) if settings.input is not None else DEFAULT_INPUT
    check_tables_folder(settings.out, "pass a folder for the tables")  # before the advice to run a stage into it
    store = TableStore(settings.out)
    store.check_lock()  # before the upstream tables (the run that writes them) and the model
    produced: set[str] = set()
    for stage in selected:
        check_inputs(stage, settings, produced)
        produced.add(stage.output)
    hidden: list[str] = []  # the input folder's hidden entries, not read: a line of the summary
    plan = started_plan(settings, hidden) if selected[0].name == "clean" else None
    model_note = choose_model(settings, selected[0].name if len(selected) < len(registered) else None)
    for stage in selected:
        stage_setup(stage)  # a broken model stops the run here, with one line
    with output_errors(settings.out):
        if selected[0].name == "clean" and from_input_folder(settings):
            raise OutputError(f"--out {settings.out} is the --input folder: its tables and report would be read as "
                              f"articles; pass another --out (a folder inside --input is fine)")
        foreign = foreign_files(settings.out)
        if foreign:
            raise OutputError(refusal(settings.out, foreign))
        created = _first_missing(settings.out)
        settings.out.mkdir(parents=True, exist_ok=True)
        with store.lock():
            try:
                store.sweep()
                summary = _run(selected, registered, settings, store, on_stage_start, progress, t_start, plan)
            except BaseException:
                if created is not None:
                    _remove_unused(created, store)
                raise
            summary.notes[:0] = [model_note] if model_note else []
            summary.notes += [hidden_note(hidden)] if hidden else []
            summary.seconds = time.perf_counter() - t_start
    return summary


def _first_missing(out: Path) -> Path | None:
    """The outermost folder of ``out`` that does not exist yet (``out`` itself, or a folder above it)."""
    missing = None
    for p in (out, *out.parents):
        if p.exists() or p.is_symlink():
            break
        missing = p
    return missing


def _remove_unused(created: Path, store: TableStore) -> None:
    """After a failed run into a folder it created: remove that folder when it holds nothing
    but the lock (a scheduler that did not answer left ``<out>/_claimex/lock`` in a new folder).
    Anything else (a parse-cache part an interrupted run can reuse) stays."""
    kept = [p for p in created.rglob("*") if not p.is_dir() and p != store.dir / "lock"]
    if not kept:
        shutil.rmtree(created, ignore_errors=True)


def choose_model(settings: Settings, single: str | None) -> str | None:
    """Set ``settings.model`` where it was not given, and check it is installed.
    A ``single`` stage goes on with the model the tables in ``--out`` were built with
    (run.json): the default would parse again, and the tables would come from two
    models. Anything else takes the default. A line for the summary when it is not the default."""
    recorded = recorded_model(settings.out) if settings.model is None and single else None
    settings.model = settings.model or recorded or DEFAULT_MODEL
    try:
        check_model(settings.model)
    except ModelError:
        if not recorded:
            raise
        raise ModelError(f"the tables in --out {settings.out} were built with the spaCy model {recorded!r} "
                         f"({RUN_RECORD}), which is not installed here; install it, or pass --model to run "
                         f"{single!r} with another (the default is {DEFAULT_MODEL})") from None
    if recorded and recorded != DEFAULT_MODEL:
        return f"model {recorded}: the one the tables in --out were built with ({RUN_RECORD}); --model picks another"
    return None


def _run(selected: list[Stage], registered, settings: Settings, store: TableStore, on_stage_start, progress,
         t_start: float, plan=None) -> RunSummary:
    out = settings.out
    summary = RunSummary(workers=settings.workers)
    names = tuple(s.name for s in selected)
    # corpus stages run once after the batches (corpus.py); the batches run the rest
    batched = [s for s in selected if not s.corpus]
    batch_names = tuple(s.name for s in batched)
    full = names == tuple(s.name for s in registered)
    from_clean = selected[0].name == "clean"
    fingerprint = run_fingerprint(settings.model, names)
    index = DocIndex.load(out, parse_key(settings.model))
    state = manifest.load(out)
    if not from_clean:
        _check_upstream(out, selected, state)
    staging = store.staging()
    parts_dir = staging / ".batches"
    writers: dict[str, PartWriter] = {}
    pool = engine = None
    skipped: set[str] = set()
    aborted = False
    try:
        for s in selected:
            writers[s.output] = PartWriter(staging, s.output)
        sink = Sink(writers, index, summary.errors, progress)
        for s in selected:
            if on_stage_start:
                on_stage_start(s)
        if from_clean:
            total = count_inputs(settings.input, settings.out)
        else:
            total = count_rows(out, "documents") if batched else 0
        batch_size = settings.batch_size or auto_batch_size(total if batched else None, settings.workers)
        workers = workers_for(settings.workers, total, batch_size)
        if workers < settings.workers and batched and not settings.scheduler:  # a cluster of its own size
            summary.notes.append(f"--workers {settings.workers}: {workers:,} worker process{'' if workers == 1 else 'es'}, one per batch "
                                 f"of at most {batch_size:,} documents ({total:,} in all)")
        summary.workers = workers
        if batched and settings.engine == "dask":
            from .dask_engine import DaskEngine

            # the cluster starts while the inputs are listed
            engine = DaskEngine(dataclasses.replace(settings, workers=workers), batch_names)
        elif batched and settings.workers > 1:
            # workers load the model meanwhile (a pool even of one: what a run with --workers does stays the same)
            pool = WorkerPool(dataclasses.replace(settings, workers=workers), batch_names)
        elif batched:
            prepare_process(settings.model, batch_names)  # the model, before the first batch
        if from_clean:
            previous = None
            if full and settings.incremental:
                # errors too: the kept documents' warnings are copied from it (write_errors)
                previous, why = manifest.load_previous(out, [s.output for s in selected] + ["errors"], fingerprint,
                                                       state)
                if why:
                    summary.notes.append(f"incremental: {why}; every document is processed again")
            tasks = tasks_from_inputs(settings, batch_names, index, summary.errors, previous, skipped, batch_size,
                                      parts_dir, progress, plan)
        elif batched:
            tasks = tasks_from_tables(settings, batched, index, batch_size, parts_dir)
        else:  # corpus stages only
            tasks = iter(())
        summary.batch_size = batch_size
        if progress is not None:
            progress.start(total)
        cpu = [time.process_time()]  # this process's CPU seconds at each phase boundary
        with collector.frozen():  # the model and modules, loaded: out of the collector's passes
            try:
                if engine is not None:
                    engine.run(tasks, sink)
                elif pool is not None:
                    pool.run(tasks, sink)
                    summary.notes.extend(pool.notes)
                else:
                    run_serial(tasks, sink, settings)
            finally:
                if progress is not None:
                    progress.stop()
            sink.finish()
            skipped |= sink.skipped
            t0 = time.perf_counter()
            cpu.append(time.process_time())
            with collector.paused():  # the finalize's many small objects live until it ends
                for s in batched:
                    copy_unchanged(out, s.output, skipped, writers[s.output])
                pending = {s.output: [] for s in batched if s.finalize is not None}  # renames for finalizes to come
                for s in batched:
                    if s.finalize is not None:
                        finalize(s, writers, max(batch_size * 50, 1000), out, pending)
                for s in selected:
                    if s.corpus:
                        sink.seconds[s.name] = run_corpus_stage(s, writers, out, max(batch_size * 50, 1000))
        t_finalized = time.perf_counter()
        cpu.append(time.process_time())
        for s in selected:
            writers[s.output].commit()
            secs = sink.seconds.get(s.name, 0.0)
            summary.tables.append(TableReport(s.output, writers[s.output].n_rows, table_path(out, s.output), secs))
        shutil.rmtree(parts_dir, ignore_errors=True)
        carried = [t for t in SCHEMAS if t not in writers and t != "errors"] + _other_tables(store, writers)
        stale, notes, described = left_out(out, staging, carried, set(writers))  # (described: each read once)
        summary.notes += notes
        store.carry(staging, [t for t in carried if t not in stale])
        # the errors of the stages whose tables are left out go with them
        stages_run = set(names) | ({"read"} if from_clean else set()) | {producer(t) for t in stale if producer(t)}
        summary.errors_path, summary.kept_errors, summary.carried_errors = write_errors(summary.errors, out, staging, stages_run,
                                                                keep_docs=skipped, notes=summary.notes)
        manifest.write(staging, fingerprint if full else None, tables_in(staging),
                       known={**described, **{w.table: w.records for w in writers.values()}})
        # the run record and the parse cache's index before the tables go live: run.json is part of
        # the generation, published with it (a Ctrl-C just after the publish left the previous
        # run's, whose model a single stage then took, or none); the index names the new parses, and
        # a cached parse is used only where its text and parse key match, so an index newer than the
        # tables (a Ctrl-C before the publish) costs a parse, never a wrong one
        summary.processed, summary.skipped = sink.n_docs, len(skipped)
        write_run_record(staging, settings, names, summary)
        index.write(keep=set(sink.doc_ids) | skipped if from_clean else None)
        store.publish(staging, drop=stale, files=(RUN_RECORD,))
        staging = None
        index.prune()  # the parts of the earlier parses (left by a Ctrl-C here, the next run's prune takes them)
        t_end = time.perf_counter()
        cpu.append(time.process_time())
    except BaseException:
        aborted = True
        for w in writers.values():
            w.abort()
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if pool is not None:
            pool.close(cancel=True, abort=aborted)
        if engine is not None:
            engine.close()
    # the records of the read stage: the listing's (a link, a type) and the workers' (an empty or binary file)
    summary.not_read = sum(1 for r in summary.errors.records
                           if r.stage == "read" and not r.error.startswith("warning:"))
    summary.busy_seconds = sum(b - a for a, b in sink.busy)
    summary.worker_rss_mib = sink.worker_rss_mib
    _phases(summary, sink, t_start, t0, t_finalized, t_end)
    summary.phases_cpu = {"batches": cpu[1] - cpu[0], "finalize": cpu[2] - cpu[1], "publish": cpu[3] - cpu[2]}
    return summary


def _check_upstream(out: Path, selected: list[Stage], state: manifest.State) -> None:
    """Stop (exit 5) before a single stage reads an upstream table that no longer
    matches what its run wrote (a part file deleted or edited)."""
    produced = {s.output for s in selected}
    for t in sorted({t for s in selected for t in s.inputs if t not in produced}):
        checked_dataset(out, t, stage_hint=producer(t))  # the contract first: names the column
        manifest.check_intact(out, t, state)


def _other_tables(store: TableStore, writers: dict) -> list[str]:
    """Tables claimex wrote in ``<out>`` that no registered schema names (a stage of
    another package, ``claim_matches``): they are carried into the new generation too.
    A Parquet file of the user's at another name is theirs, and stays where it is."""
    return [t for t in published_tables(store.out) if t not in writers]


def _phases(summary: RunSummary, sink: Sink, t_start: float, t_batches_end: float, t_finalized: float,
            t_end: float) -> None:
    """Where the wall time went: ``batches`` is the window in which batch work
    ran (first batch started to last batch ended, on any worker);
    ``start`` is everything before it, ``finalize`` and ``publish`` after it."""
    wall_now, perf_now = time.time(), time.perf_counter()
    to_perf = lambda w: w - wall_now + perf_now  # noqa: E731  (worker clocks are wall clocks)
    if sink.busy:
        first = to_perf(min(a for a, _ in sink.busy))
        last = to_perf(max(b for _, b in sink.busy))
    else:
        first = last = t_batches_end
    summary.phases = {"start": max(first - t_start, 0.0), "batches": max(last - first, 0.0),
                      "collect": max(t_batches_end - last, 0.0), "finalize": t_finalized - t_batches_end,
                      "publish": t_end - t_finalized}


# --- --out that cannot be written: one line, exit 6 ------------------------------------

_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOTDIR,
                  errno.EEXIST, errno.EFBIG, errno.EISDIR, errno.ENAMETOOLONG}
_HINTS = {errno.ENOSPC: "free some space or pass another --out", errno.EDQUOT: "free some space or pass another --out",
          errno.EFBIG: "free some space or pass another --out",
          errno.ENOTDIR: "--out (or a folder above it) is a file; pass a folder",
          errno.EEXIST: "--out (or a folder above it) is a file; pass a folder",
          errno.ENAMETOOLONG: "pass a folder with a shorter name"}


def _errno(exc: OSError) -> int | None:
    """The errno of ``exc``; pyarrow's I/O errors carry it only in the message."""
    if exc.errno:
        return exc.errno
    m = re.search(r"\[Errno (\d+)\]", str(exc))
    return int(m.group(1)) if m else None


def _within(path, folder: Path) -> bool:
    try:
        Path(os.fsdecode(path)).resolve().relative_to(folder.resolve())
        return True
    except (ValueError, OSError, TypeError):
        return False


@contextmanager
def output_errors(out: Path) -> Iterator[None]:
    """Turn a failure to write into ``out`` (disk full, read-only, a file in the
    way) into an ``OutputError``: one line, exit 6. Everything else passes."""
    try:
        yield
    except OSError as exc:
        code = _errno(exc)
        if code not in _OUTPUT_ERRNOS or (exc.filename is not None and not _within(exc.filename, out)):
            raise
        hint = _HINTS.get(code, "pass a folder you can write to")
        raise OutputError(f"cannot write to --out {out}: {os.strerror(code)}; {hint}. "
                          f"The tables there are unchanged") from None
