"""A run's tables in the tools users already have, and corrections back as gold.

``export(out_dir, fmt, to)`` writes the tables of ``out_dir`` as

* ``sqlite``: one database (``tables_db.write_sqlite``; what ``pipeline serve`` opens),
* ``csv``: one CSV file per table in a folder,
* ``label-studio``: pre-annotated tasks and their labeling config (``label_studio``),
* ``prodigy``: pre-annotated JSONL tasks (``prodigy``);

``import_gold(fmt, file, gold_dir)`` turns a corrected Label Studio or Prodigy
export into a gold folder that ``pipeline eval --gold DIR`` scores against
(``annotations.write_gold``). Nothing existing is overwritten unless asked
(``force``), and an existing gold folder never is; a write that fails is an
``OutputError`` (exit 6) naming the path and the file in the way or the reason.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, UsageError, unwritable
from ..tables import atomic_bytes

#: format -> default target, inside ``<out>/exports/``
DEFAULT_TARGETS = {"sqlite": "claimex.sqlite", "csv": "csv", "label-studio": "label-studio.json",
                   "prodigy": "prodigy.jsonl"}
FORMATS = tuple(DEFAULT_TARGETS)
GOLD_FORMATS = ("label-studio", "prodigy")


@dataclass
class ExportResult:
    path: Path
    rows: dict[str, int]                           # rows (or tasks) written per table
    extra: list[Path] = field(default_factory=list)  # files written beside ``path``
    removed: list[Path] = field(default_factory=list)  # csv: an earlier export's files of tables this run has not


def default_target(out_dir: Path | str, fmt: str) -> Path:
    return Path(out_dir) / "exports" / DEFAULT_TARGETS[fmt]


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise UsageError(f"{path} exists; pass --force to replace it, or --to another path")


def export(out_dir: Path | str, fmt: str, to: Path | str | None = None, *, force: bool = False) -> ExportResult:
    """Write the tables of ``out_dir`` in format ``fmt`` to ``to`` (default ``<out>/exports/<name>``)."""
    from ..runner.ownership import own_name
    from ..views.explore import load_tables

    if fmt not in DEFAULT_TARGETS:
        raise UsageError(f"unknown export format {fmt!r}; valid: {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    target = Path(to) if to is not None else default_target(out_dir, fmt)
    own = own_name(out_dir, target)
    if own is not None:
        raise UsageError(f"--to {target} is the run's own {own} in {out_dir}, which export never replaces; "
                         f"pass --to another path (default: {default_target(out_dir, fmt)})")
    tables = load_tables(out_dir)  # --out a file: one line saying so (exit 6)
    try:
        return _write(tables, out_dir, fmt, target, force)
    except OSError as exc:  # a file where a folder must be, a read-only folder, a full disk
        raise unwritable(exc, target if fmt == "csv" else target.parent, str(target),
                         "pass --to a path in a folder you can write to") from None


def _stale_csv(tables, folder: Path) -> list[Path]:
    """The ``<table>.csv`` files in ``folder`` of claimex tables that ``tables`` has not (an
    earlier run's ``claim_matches``, since dropped): with them the folder would mix two runs
    (regression: ``export --force`` left them). Only a file named after a claimex table counts;
    any other file of the user's is never one."""
    from ..schemas import COMMAND_TABLES, SCHEMAS

    gone = sorted({*SCHEMAS, *COMMAND_TABLES} - set(tables.names))
    return [p for t in gone if (p := folder / f"{t}.csv").is_file() or p.is_symlink()]


def _write(tables, out_dir: Path, fmt: str, target: Path, force: bool) -> ExportResult:
    from ..runner.run_record import read_run_record

    if fmt == "csv":
        from .tables_db import write_csv

        if target.exists() and not target.is_dir():
            raise UsageError(f"{target} is a file; --to for csv names a folder")
        clash = [f"{t}.csv" for t in tables.names if (target / f"{t}.csv").exists()]
        stale = _stale_csv(tables, target)
        if (clash or stale) and not force:
            gone = ", ".join(p.name for p in stale)
            gone = f" and remove {gone} (of a table this run does not have)" if stale else ""
            raise UsageError(f"{target} already holds {', '.join([*clash, *(p.name for p in stale)])}; "
                             f"pass --force to replace them{gone}, or --to another folder")
        rows = write_csv(tables, target)
        for path in stale:  # after the new files: a write that fails leaves the earlier export whole
            path.unlink()
        return ExportResult(target, rows, removed=stale)
    if target.is_dir():
        raise UsageError(f"{target} is a folder; --to for {fmt} names a file")
    _refuse_existing(target, force)
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "sqlite":
        from .tables_db import write_sqlite

        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        try:
            rows = write_sqlite(tables, Path(tmp), out_dir)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return ExportResult(target, rows)
    from . import label_studio, prodigy
    from .annotations import from_tables, model_version

    docs = from_tables(tables)
    version = model_version(read_run_record(out_dir))
    if fmt == "label-studio":
        config = target.with_name(f"{target.stem}.config.xml")
        _refuse_existing(config, force)
        atomic_bytes(target, json.dumps(label_studio.tasks(docs, version), ensure_ascii=False, indent=1).encode("utf-8"))
        atomic_bytes(config, label_studio.label_config().encode("utf-8"))
        return ExportResult(target, {"tasks": len(docs)}, [config])
    lines = "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in prodigy.tasks(docs, version))
    atomic_bytes(target, lines.encode("utf-8"))
    return ExportResult(target, {"tasks": len(docs)})


@dataclass
class ImportResult:
    gold_dir: Path
    documents: int
    skipped: int
    records: dict[str, int]


def import_gold(fmt: str, file: Path | str, gold_dir: Path | str, *, accept_unreviewed: bool = False) -> ImportResult:
    """Write the gold folder ``gold_dir`` from a corrected Label Studio / Prodigy export ``file``."""
    from . import label_studio, prodigy
    from .annotations import write_gold

    if fmt not in GOLD_FORMATS:
        raise UsageError(f"unknown annotation format {fmt!r}; valid: {', '.join(GOLD_FORMATS)}")
    file = Path(file)
    if file.is_dir():
        raise InputError(f"annotation file {file} is a folder; pass the exported file (Label Studio's JSON export, "
                         "or Prodigy's db-out JSONL)")
    if not file.is_file():
        raise InputError(f"annotation file {file} does not exist")
    reader = label_studio.read if fmt == "label-studio" else prodigy.read
    docs, skipped = reader(file, accept_unreviewed)
    if not docs:
        hint = ""
        if skipped and not accept_unreviewed:
            hint = " (none was reviewed: pass --accept-unreviewed to take the pre-annotations as they are)"
        elif skipped:  # with the option, only work the annotators turned down is skipped
            hint = f" (the annotators skipped, rejected or ignored all {skipped} tasks)"
        raise InputError(f"{file}: no annotated document to import{hint}")
    records = write_gold(docs, Path(gold_dir))
    return ImportResult(Path(gold_dir), len(docs), skipped, records)
