"""``pipeline report``: a static HTML site over a run's tables."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..views.report import write_report
from .app import command, out_console


@command("report", help="Write a static HTML site over the tables in --data: an index of documents and speakers, "
         "one page per document with entities, quotes and claims highlighted, one page per speaker and entity.")
def report_cmd(
    data: Path = typer.Option(Path("data"), "--data", "-d", help="Folder with the tables (the --out of `pipeline run`)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for the site (default: <data>/report). Replaced as a whole."),
) -> None:
    summary = write_report(data, out)
    pages = ", ".join(f"{n} {kind}" for kind, n in summary.pages.items())
    out_console.print(f"report     {sum(summary.pages.values()):>7} pages ({pages})  {summary.index}", highlight=False, soft_wrap=True)
