"""``pipeline export`` and ``pipeline import-gold``: the tables in other tools, corrections back as gold."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..exports import DEFAULT_TARGETS, FORMATS, GOLD_FORMATS, export, import_gold
from .app import command, escaped, out_console

ExportFormat = Enum("ExportFormat", {f: f for f in FORMATS}, type=str)
GoldFormat = Enum("GoldFormat", {f: f for f in GOLD_FORMATS}, type=str)
_TARGETS = ", ".join(f"{f}: {name}" for f, name in DEFAULT_TARGETS.items())


@command("export", help="Write the tables in --out as a SQLite database, CSV files, or pre-annotated tasks for "
         "Label Studio or Prodigy (quotes, speakers, claim types and entities to correct; `pipeline import-gold` "
         "reads the corrections back).")
def export_cmd(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", case_sensitive=False, help="sqlite, csv, label-studio or prodigy."),
    out: Path = typer.Option(Path("data"), "--out", "-o", help="Folder with the tables (the --out of `pipeline run`)."),
    to: Optional[Path] = typer.Option(None, "--to", "-t", help=f"Where to write (default: <out>/exports/ and {_TARGETS}). "
                                      "Label Studio's labeling config goes beside it as <name>.config.xml."),
    force: bool = typer.Option(False, "--force", help="Replace an existing export at --to."),
) -> None:
    result = export(out, fmt.value, to, force=force)
    counts = ", ".join(f"{n} {t}" for t, n in result.rows.items())
    out_console.print(f"export     {fmt.value}: {counts}  {escaped(result.path)}", highlight=False, soft_wrap=True)
    for extra in result.extra:
        out_console.print(f"           {escaped(extra)}", highlight=False, soft_wrap=True)
    for removed in result.removed:
        out_console.print(f"           removed {escaped(removed)}: a table this run does not have", highlight=False,
                          soft_wrap=True)


@command("import-gold", help="Make a gold folder from a corrected Label Studio JSON export or Prodigy db-out JSONL "
         "of `pipeline export`; score a run against it with `pipeline eval --gold DIR`.")
def import_gold_cmd(
    file: Path = typer.Argument(..., help="The annotation file: Label Studio's JSON export, or Prodigy's db-out JSONL."),
    gold_dir: Path = typer.Argument(..., help="New gold folder to write (files in data/gold's format)."),
    fmt: GoldFormat = typer.Option(..., "--format", "-f", case_sensitive=False, help="label-studio or prodigy."),
    accept_unreviewed: bool = typer.Option(False, "--accept-unreviewed", help="Also take documents nobody annotated, "
                                           "with their pre-annotations as exported (default: skip them)."),
) -> None:
    result = import_gold(fmt.value, file, gold_dir, accept_unreviewed=accept_unreviewed)
    records = ", ".join(f"{n} {name}" for name, n in result.records.items())
    out_console.print(f"gold       {result.documents} documents ({result.skipped} skipped), {records}  {escaped(result.gold_dir)}",
                      highlight=False, soft_wrap=True)
