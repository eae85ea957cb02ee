"""The run's tables as one SQLite database, or as CSV files.

SQLite (``pipeline export --format sqlite``, and what ``pipeline serve`` hands
to Datasette): one SQL table per run table with the columns and types of
``schemas.py``; ``doc_id`` is the primary key of ``documents`` and a foreign
key everywhere else (Datasette then links a claim to its document), span
tables are keyed by ``(doc_id, <id>)``; list columns (a claim's ``about``)
are JSON arrays; ``quotes`` and ``claims`` have FTS5 full-text indexes over
their text and speaker (``<table>_fts``, the layout Datasette detects); a
``claimex_run`` table holds the run record (model, date, version). CSV: one
``<table>.csv`` per table, list columns as JSON.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa

from ..runner.run_record import read_run_record
from ..schemas import schema_for
from ..views.explore import Tables

#: table -> columns indexed for full-text search (those that exist in the run)
FTS_COLUMNS = {"quotes": ("text", "speaker", "speaker_text"), "claims": ("text", "speaker")}
#: tables whose doc_id may name a document that failed (no documents row): no foreign key
_NO_FOREIGN_KEY = ("documents", "errors")


def _sql_type(t: pa.DataType) -> str:
    if pa.types.is_boolean(t) or pa.types.is_integer(t):
        return "INTEGER"
    if pa.types.is_floating(t):
        return "REAL"
    return "TEXT"


def _is_list(t: pa.DataType) -> bool:
    return pa.types.is_list(t) or pa.types.is_large_list(t)


def _schema(table: str, frame: pd.DataFrame) -> list[tuple[str, pa.DataType | None]]:
    """(column, type) for every column of ``frame``: the schema's type, or None for extras."""
    try:
        declared = {f.name: f.type for f in schema_for(table)}
    except KeyError:
        declared = {}
    return [(c, declared.get(c)) for c in frame.columns]


def _primary_key(table: str, frame: pd.DataFrame) -> list[str]:
    if table == "errors" or "doc_id" not in frame.columns:
        return []
    if table == "documents":
        return ["doc_id"]
    keys = [c for c in frame.columns[:2] if c == "doc_id" or c.endswith("_id")]
    if len(keys) == 2 and not frame.duplicated(keys).any():
        return keys
    return []


def _value(value, is_list: bool):
    """A value SQLite (and CSV) can hold: lists as JSON arrays, numpy scalars as Python, NaN as NULL."""
    if value is None or value is pd.NA:
        return None
    if is_list or isinstance(value, (list, tuple, np.ndarray)):
        return json.dumps(value.tolist() if isinstance(value, np.ndarray) else list(value), ensure_ascii=False)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def _rows(frame: pd.DataFrame, list_columns: set[str]) -> Iterable[tuple]:
    flags = [c in list_columns for c in frame.columns]
    for row in frame.itertuples(index=False, name=None):
        yield tuple(_value(v, f) for v, f in zip(row, flags))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def write_sqlite(tables: Tables, path: Path, out_dir: Path | None = None) -> dict[str, int]:
    """Write every table of ``tables`` into a new SQLite file at ``path``; return rows per table."""
    path = Path(path)
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    counts = {}
    try:
        con.execute("PRAGMA foreign_keys = OFF")  # a failed document's rows must still load
        has_documents = "documents" in tables.names
        for table in tables.names:
            frame = tables[table]
            columns = _schema(table, frame)
            list_columns = {c for c, t in columns if t is not None and _is_list(t)}
            defs = [f"{_quote(c)} {_sql_type(t) if t is not None else ''}".strip() for c, t in columns]
            pk = _primary_key(table, frame)
            if pk:
                defs.append(f"PRIMARY KEY ({', '.join(map(_quote, pk))})")
            if has_documents and table not in _NO_FOREIGN_KEY and "doc_id" in frame.columns:
                defs.append('FOREIGN KEY ("doc_id") REFERENCES "documents"("doc_id")')
            con.execute(f"CREATE TABLE {_quote(table)} ({', '.join(defs)})")
            marks = ", ".join("?" * len(columns))
            con.executemany(f"INSERT INTO {_quote(table)} VALUES ({marks})", _rows(frame, list_columns))
            if "doc_id" in frame.columns and table != "documents":
                con.execute(f"CREATE INDEX {_quote(table + '_doc_id')} ON {_quote(table)} (doc_id)")
            fts = [c for c in FTS_COLUMNS.get(table, ()) if c in frame.columns]
            if fts:
                cols = ", ".join(map(_quote, fts))
                con.execute(f'CREATE VIRTUAL TABLE {_quote(table + "_fts")} USING FTS5 ({cols}, content="{table}")')
                con.execute(f"INSERT INTO {_quote(table + '_fts')} (rowid, {cols}) SELECT rowid, {cols} FROM {_quote(table)}")
            counts[table] = len(frame)
        record = read_run_record(out_dir) if out_dir is not None else None
        con.execute('CREATE TABLE "claimex_run" ("key" TEXT PRIMARY KEY, "value" TEXT)')
        con.executemany('INSERT INTO "claimex_run" VALUES (?, ?)',
                        [(k, v if isinstance(v, str) else json.dumps(v)) for k, v in (record or {}).items()])
        con.commit()
    finally:
        con.close()
    return counts


def write_csv(tables: Tables, folder: Path) -> dict[str, int]:
    """One ``<table>.csv`` per table in ``folder`` (list columns as JSON arrays)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in tables.names:
        frame = tables[table].copy()
        for column, t in _schema(table, frame):
            if t is not None and _is_list(t):
                frame[column] = [_value(v, True) for v in frame[column]]
        frame.to_csv(folder / f"{table}.csv", index=False)
        counts[table] = len(frame)
    return counts
