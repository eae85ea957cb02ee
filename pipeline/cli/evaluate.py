"""``pipeline eval``: score a run's tables against a gold set."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..evaluation import evaluate
from .app import command, out_console


@command("eval", help="Score the tables in --out against the gold set: per-stage precision, recall, F1.")
def eval_cmd(
    out: Path = typer.Option(Path("data"), "--out", "-o", help="Folder with the tables to score."),
    gold: Optional[Path] = typer.Option(None, "--gold", help="Gold set folder (default: data/gold in the project)."),
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON instead of a table."),
) -> None:
    report = evaluate.evaluate(out, gold_dir=gold)
    if as_json:
        print(json.dumps(evaluate.report_as_dict(report), indent=2))
    else:
        evaluate.print_report(report, out_console)
