"""The thin layer around the stage functions: paths, tables, parse cache, errors.

``run(stages, settings)`` runs the named stages in registry order. Tables a
stage reads come from this run when an earlier stage produced them, otherwise
from ``<out>``. Every table is written atomically; ``errors.parquet`` collects
per-document failures and warnings of the stages run (rows of other stages
from earlier runs are kept).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from .errors import ErrorLog
from .nlp import DEFAULT_MODEL, load_nlp
from .parse import DocStore
from .readers import DEFAULT_MAX_CHARS, read_inputs
from .registry import PRODUCER, STAGES, Stage
from .tables import MissingTableError, read_table, sweep_temporary, table_path, write_table


@dataclass
class Settings:
    input: Path = Path("seeds")
    out: Path = Path("data")
    model: str = DEFAULT_MODEL
    max_chars: int = DEFAULT_MAX_CHARS
    workers: int = 1


@dataclass
class TableReport:
    table: str
    rows: int
    path: Path
    seconds: float
    implemented: bool = True


@dataclass
class RunSummary:
    tables: list[TableReport] = field(default_factory=list)
    errors: ErrorLog = field(default_factory=ErrorLog)
    errors_path: Path | None = None


class RunContext:
    def __init__(self, settings: Settings, errors: ErrorLog, progress: Callable | None = None):
        self.settings = settings
        self.errors = errors
        self._tables: dict[str, pd.DataFrame] = {}
        self._docs: DocStore | None = None
        self._progress = progress

    def table(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            self._tables[name] = read_table(self.settings.out, name, stage_hint=PRODUCER.get(name))
        return self._tables[name]

    def set_table(self, name: str, df: pd.DataFrame) -> None:
        self._tables[name] = df

    def raw_documents(self):
        docs, errs = read_inputs(self.settings.input, max_chars=self.settings.max_chars)
        self.errors.extend(errs)
        return docs

    def nlp(self):
        return load_nlp(self.settings.model)

    def docs(self) -> DocStore:
        if self._docs is None:
            documents = self.table("documents")
            nlp = self.nlp()
            cached = DocStore.load(self.settings.out, nlp)
            store = DocStore.build(documents, nlp, self.settings.model, cached=cached,
                                   n_process=self.settings.workers, progress=self._progress)
            if cached is None or list(cached) != list(store) or any(cached[d] is not store[d] for d in store):
                store.save(self.settings.out)
            self._docs = store
        return self._docs


def check_inputs(stage: Stage, settings: Settings, produced: set[str]) -> None:
    """Fail fast, before any work, when an upstream table is missing."""
    for name in stage.inputs:
        if name not in produced and not table_path(settings.out, name).exists():
            raise MissingTableError(
                f"stage {stage.name!r} needs table {name!r} ({table_path(settings.out, name)}); "
                f"run `pipeline run {PRODUCER[name]}` first (or `pipeline run all`)"
            )


def run(stage_names: list[str], settings: Settings, *, on_stage_start: Callable[[Stage], None] | None = None,
        progress: Callable | None = None) -> RunSummary:
    selected = [s for s in STAGES if s.name in stage_names]
    produced: set[str] = set()
    for stage in selected:
        check_inputs(stage, settings, produced)
        produced.add(stage.output)
    sweep_temporary(settings.out)
    summary = RunSummary()
    ctx = RunContext(settings, summary.errors, progress)
    for stage in selected:
        if on_stage_start:
            on_stage_start(stage)
        t0 = time.perf_counter()
        df = stage.run(ctx)
        ctx.set_table(stage.output, df)
        path = write_table(df, settings.out, stage.output)
        summary.tables.append(TableReport(stage.output, len(df), path, time.perf_counter() - t0, stage.implemented))
    summary.errors_path = _write_errors(summary.errors, settings.out, {s.name for s in selected})
    return summary


def _write_errors(errors: ErrorLog, out: Path, stages_run: set[str]) -> Path:
    new = errors.frame()
    path = table_path(out, "errors")
    if path.exists():
        try:
            old = read_table(out, "errors")
            old = old[~old["stage"].isin(stages_run | {"read"} if "clean" in stages_run else stages_run)]
            new = pd.concat([old, new], ignore_index=True) if len(old) else new
        except (MissingTableError, ValueError):
            pass
    return write_table(new, out, "errors")
