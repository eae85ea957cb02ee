"""What a published generation holds (``manifest.json``), and incremental reruns.

``manifest.json`` sits next to the tables of each generation (``store``)::

    {"version": 2, "fingerprint": "<run fingerprint or null>",
     "tables": {"sentences": [["part-00000.parquet", 1050, 48211], ...], ...}}

``tables`` lists every part file of every table (``errors`` too) with its row
count and size in bytes. A table that no longer matches its record (a part deleted, added,
truncated or rewritten by hand, a file that is not Parquet) is *damaged*:
``run all`` then recomputes every document instead of keeping rows it can no
longer vouch for, and a single stage stops with exit 5 before reading it.

``fingerprint`` names a complete ``run all`` (``fingerprint.run_fingerprint``);
a single-stage run writes ``null``. A rerun with the same fingerprint skips
every document whose ``doc_id``, ``path`` and content hash are unchanged and
keeps its rows. A manifest that cannot be read or has the wrong shape is no
manifest: the next ``run all`` is complete.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from ..registry import producer
from ..schemas import COMMAND_TABLES
from ..tables import (MissingTableError, TableSchemaError, atomic_bytes, checked_dataset, command_fix, run_command,
                      table_files, table_path)
from .store import MANIFEST, STORE_DIR, TableStore

VERSION = 2


@dataclass
class Previous:
    """What an earlier complete ``run all`` left (for incremental reruns)."""

    docs: dict[str, tuple[str, str]]  # doc_id -> (content_hash, path)


@dataclass
class State:
    """The published manifest of an ``--out`` (empty when there is none or it is unreadable)."""

    fingerprint: str | None = None
    tables: dict[str, list[tuple[str, int, int]]] = field(default_factory=dict)
    note: str | None = None  # why the state cannot be used, for the run summary


def _part_record(path: Path, base: Path) -> tuple[str, int, int]:
    rows = pq.ParquetFile(path).metadata.num_rows
    return path.relative_to(base).as_posix(), int(rows), path.stat().st_size


def describe(folder: Path, tables: Iterable[str]) -> dict[str, list[tuple[str, int, int]]]:
    """Part records (name, rows, bytes) of ``tables`` as ``folder`` holds them."""
    out = {}
    for t in tables:
        base = table_path(folder, t)
        base = base if base.is_dir() else base.parent
        out[t] = [_part_record(p, base) for p in table_files(folder, t)]
    return out


def described(folder: Path, tables: Iterable[str]) -> tuple[dict[str, list[tuple[str, int, int]]], dict[str, str]]:
    """(the part records of those of ``tables`` in ``folder`` that can be described, why each of the
    others cannot: ``describe`` reads the footer of each of its part files, and a text file or a
    truncated file at its name has none). A run checks the tables it carries with it before the
    manifest of the new generation is written (``stale.left_out``), which takes the records read
    (``write``'s ``known``: the carried files are the same files)."""
    records, damaged = {}, {}
    for table in tables:
        try:
            records.update(describe(folder, [table]))
        except (OSError, pa.ArrowInvalid) as exc:
            damaged[table] = _cannot_read(table, exc)
    return records, damaged


def _cannot_read(table: str, exc: Exception) -> str:
    return f"{table}.parquet cannot be read ({type(exc).__name__}: {str(exc)[:160]})"


def write(folder: Path, fingerprint: str | None, tables: Iterable[str],
          known: dict[str, list[tuple[str, int, int]]] | None = None) -> None:
    """Write the manifest of the generation in ``folder``; ``known``: records
    the writers already have (the other tables' are read from their files)."""
    known, tables = known or {}, set(tables)
    records = {**describe(folder, [t for t in tables if t not in known]),
               **{t: r for t, r in known.items() if t in tables}}
    data = {"version": VERSION, "fingerprint": fingerprint,
            "tables": {t: [list(r) for r in recs] for t, recs in sorted(records.items())}}
    atomic_bytes(folder / MANIFEST, json.dumps(data).encode())


def load(out: Path) -> State:
    """The manifest of the published generation of ``out``."""
    path = TableStore(out).manifest_path()
    if path is None:
        return State()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return State(note="the manifest is missing or unreadable")
    try:
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise TypeError
        fp = data.get("fingerprint")
        if fp is not None and not isinstance(fp, str):
            raise TypeError
        tables = {str(t): [(str(n), int(r), int(b)) for n, r, b in recs] for t, recs in data["tables"].items()}
    except (TypeError, ValueError, KeyError, AttributeError):
        return State(note="the manifest has been edited")
    return State(fp, tables)


def damage(out: Path, table: str, state: State, strict: bool = True) -> str | None:
    """How ``<out>/<table>.parquet`` differs from its record (None when it matches
    or there is no record to check against). ``strict`` (what an incremental
    run may rely on): any difference. Otherwise (what a single stage may read)
    only lost or unreadable part files count (a table deleted too), and a table
    that was replaced by another file (no longer the generation's) is the user's
    to give."""
    want = state.tables.get(table)
    if want is None:
        return None
    path = table_path(out, table)
    try:
        checked_dataset(out, table)
        got = describe(out, [table])[table]
    except (OSError, pa.ArrowInvalid, TableSchemaError, MissingTableError) as exc:  # a deleted file: missing
        return _cannot_read(table, exc)
    if not strict and not (path.is_symlink() and os.readlink(path).startswith(f"{STORE_DIR}/")):
        # (read first: where there are no links an unreadable table is a plain file, and was let through)
        return None
    if got == want:
        return None
    missing = sorted({r[0] for r in want} - {r[0] for r in got})
    if missing:
        return f"{table}.parquet lacks {len(missing)} of its {len(want)} part file(s) ({missing[0]} ...)"
    if not strict:
        return None
    n_want, n_got = sum(r[1] for r in want), sum(r[1] for r in got)
    return f"{table}.parquet was changed since it was written ({n_got:,} rows where {n_want:,} were written)"


def check_intact(out: Path, table: str, state: State) -> None:
    """Stop (``TableSchemaError``, exit 5) before ``<out>/<table>.parquet`` is read as a whole
    table when it lacks a part file its run wrote, or one cannot be read (``damage``, not
    ``strict``): its other parts read as a smaller table, silently. What a single stage checks
    of its upstream tables, and ``views.explore.load_tables`` (``load``, ``export``, ``report``,
    ``serve``) of every table."""
    why = damage(out, table, state, strict=False)
    if why is None:
        return
    stage = producer(table)
    if stage is not None:
        fix = f"rerun `{run_command(stage, out)}` (or `pipeline run all`)"
    elif table in COMMAND_TABLES:
        fix = command_fix(table)
    else:  # errors: only a complete run writes it
        fix = f"rerun `{run_command('all', out)}` with that run's --input"
    raise TableSchemaError(f"{why}; {fix}")


def load_previous(out: Path, outputs: Iterable[str], fingerprint: str, state: State) -> tuple[Previous | None, str | None]:
    """(the documents an incremental rerun may skip, or None; why not, for the summary)."""
    if state.fingerprint is None:  # no manifest (a first run: nothing to say), or a single stage wrote the last
        return None, state.note or ("the last run into --out was a single stage" if state.tables else None)
    if state.fingerprint != fingerprint:  # a complete run, as documented
        return None, "the model, spaCy or claimex changed since the last run"
    for t in outputs:
        # errors: the kept documents' rows are copied from it as it is (write_errors), so only a lost or
        # unreadable one would lose them; rows a user edited in are the user's
        why = damage(out, t, state, strict=t != "errors") if t in state.tables else f"{t}.parquet has no record"
        if why:
            return None, why
    try:
        t = pq.ParquetDataset(table_path(out, "documents")).read(columns=["doc_id", "content_hash", "path"])
    except (pa.ArrowInvalid, OSError, KeyError):
        return None, "documents.parquet cannot be read"
    docs = {d: (h, p) for d, h, p in zip(*(t.column(c).to_pylist() for c in ("doc_id", "content_hash", "path"))) if h}
    return Previous(docs), None
