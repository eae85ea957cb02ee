"""Score a run's tables against the gold set (``pipeline eval``).

Every metric is defined in the stage scorers (``stages/<stage>/score.py``,
named by each stage's registry entry) and in ``data/gold/README.md`` (keep
them in step). Gold spans are anchored into the run's ``documents.text`` by
``pipeline.evaluation.gold``; a gold span that cannot be anchored (its
paragraph was dropped by cleaning) counts as missed. Predictions inside a
standfirst (``unscored_lines``) are ignored: the guidelines let a standfirst
stay or go.

A stage whose gold file is missing reports ``no gold``; a stage without a
scorer reports ``not scored`` with its row count; a stage whose table is
missing or empty is scored as predicting nothing. Nothing here raises on odd
tables except a missing ``documents`` table (nothing can be anchored).
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

import pandas as pd

from ..registry import stages as registered_stages
from ..tables import MissingTableError, check_tables_folder, read_table
from .gold import Gold, anchor_document, load_gold
from .metrics import Report, Row, StageReport


def evaluate(out_dir: Path | str, gold_dir: Path | str | None = None) -> Report:
    """Read the tables in ``out_dir`` and score them against the gold set."""
    gold = load_gold(gold_dir)
    check_tables_folder(out_dir)
    tables: dict[str, pd.DataFrame | None] = {}
    for stage in registered_stages():
        try:
            tables[stage.output] = read_table(out_dir, stage.output, stage_hint=stage.name)
        except MissingTableError:
            if stage.output == "documents":
                raise
            tables[stage.output] = None
    report = evaluate_tables(tables, gold)
    report.out_dir = str(out_dir)
    return report


def evaluate_tables(tables: Mapping[str, pd.DataFrame | None], gold: Gold) -> Report:
    """Score DataFrames (keyed by table name; None = table absent) against ``gold``."""
    documents = tables.get("documents")
    if documents is None:
        raise MissingTableError("table 'documents' is needed to score anything; run `pipeline run clean` first")
    texts = {d: t if isinstance(t, str) else "" for d, t in zip(documents["doc_id"], documents["text"])}
    anchors = {d.doc_id: anchor_document(d, texts[d.doc_id]) for d in (gold.documents or {}).values() if d.doc_id in texts}
    reports: dict[str, StageReport] = {}
    for stage in registered_stages():
        df = tables.get(stage.output)
        if stage.score is None:
            n = "no" if df is None else len(df)
            reports[stage.name] = StageReport(stage.name, "not scored", notes=[f"{n} rows; no scorer for this stage"])
            continue
        if not gold.has(stage.name) or gold.documents is None:
            missing = "documents.jsonl" if gold.documents is None else f"{stage.name} gold file"
            reports[stage.name] = StageReport(stage.name, "no gold", notes=[f"{missing} not in {gold.directory}"])
            continue
        rep = StageReport(stage.name, "ok" if df is not None else "no table")
        if df is None:
            rep.notes.append(f"table {stage.output!r} is missing: scored as predicting nothing")
            df = pd.DataFrame()
        stage.score(rep, df, gold, anchors)
        reports[stage.name] = rep
    return Report(out_dir="", gold_dir=str(gold.directory), stages=reports)


def report_as_dict(report: Report) -> dict:
    def row(r: Row) -> dict:
        d = {"name": r.name.strip(), "support": r.support}
        if r.is_value:
            d["value"] = _rounded(r.value)
        else:
            d.update(precision=_rounded(r.precision), recall=_rounded(r.recall), f1=_rounded(r.f1),
                     predicted=r.predicted)
        return d

    return {
        "out": report.out_dir,
        "gold": report.gold_dir,
        "stages": {
            name: {
                "status": s.status,
                "metrics": {k: _rounded(v) for k, v in s.metrics.items()},
                "rows": [row(r) for r in s.rows],
                "notes": s.notes,
            }
            for name, s in report.stages.items()
        },
    }


def print_report(report: Report, console, max_notes: int = 12) -> None:
    from rich.markup import escape
    from rich.table import Table

    console.print(f"gold: {escape(str(report.gold_dir))}   tables: {escape(str(report.out_dir))}", highlight=False)
    for name, s in report.stages.items():
        if s.status in ("no gold", "not scored"):
            console.print(f"[bold]{name}[/]: {s.status} ({escape('; '.join(s.notes))})", highlight=False)
            continue
        title = f"{name} ({_table_of(name)})" + ("  [yellow]table missing[/]" if s.status == "no table" else "")
        t = Table(title=title, title_justify="left")
        t.add_column("metric")
        for col in ("P", "R", "F1", "value"):
            t.add_column(col, justify="right")
        t.add_column("support", justify="right")
        t.add_column("pred", justify="right")
        fmt = lambda v: "n/a" if v is None else f"{v:.3f}"  # noqa: E731 (nothing to count: undefined)
        for r in s.rows:
            if r.is_value:
                t.add_row(escape(r.name), "", "", "", fmt(r.value), str(r.support), "")
            else:
                t.add_row(escape(r.name), fmt(r.precision), fmt(r.recall), fmt(r.f1), "", str(r.support),
                          "" if r.predicted is None else str(r.predicted))
        console.print(t)
        for note in s.notes[:max_notes]:
            # notes quote article text, which may hold "[of countries]": not markup
            console.print(f"  - {escape(note)}", highlight=False, soft_wrap=True)
        if len(s.notes) > max_notes:
            console.print(f"  ... {len(s.notes) - max_notes} more (use --json for all)", highlight=False)


def _rounded(v: float | None) -> float | None:
    """A figure for the JSON report: 4 places, or null where it is undefined (nothing to count)."""
    return None if v is None else round(v, 4)


def _table_of(stage_name: str) -> str:
    return next((s.output for s in registered_stages() if s.name == stage_name), stage_name)
