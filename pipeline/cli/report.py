"""``pipeline report``: a static HTML site over a run's tables."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..views.report import write_report
from .app import command, escaped, out_console, warn


@command("report", help="Write a static HTML site over the tables in --out: a searchable index of documents, "
         "speakers and entities, one page per document with entities, quotes and claims highlighted, one page "
         "per quoted speaker and per entity.")
def report_cmd(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder with the tables (the --out of `pipeline run`).  [default: data]"),
    site: Optional[Path] = typer.Option(None, "--site", "-s", help="Folder for the site (default: <out>/report)."),
    data: Optional[Path] = typer.Option(None, "--data", "-d", hidden=True, help="Deprecated: the tables folder (now --out)."),
) -> None:
    if data is not None:
        # the old spelling: `report --data TABLES [--out SITE]`
        warn("`report --data` is deprecated: the tables folder is --out and the site folder --site, as in every command")
        if site is None and out is not None:
            site = out
        out = data
    summary = write_report(out if out is not None else Path("data"), site)
    pages = ", ".join(f"{n} {kind}" for kind, n in summary.pages.items())
    out_console.print(f"report     {sum(summary.pages.values()):>7} pages ({pages})  {escaped(summary.index)}", highlight=False, soft_wrap=True)
