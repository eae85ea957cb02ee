"""Compare the tables of two runs row for row (a refactoring must not change them).

    python scripts/compare_tables.py OLD_OUT NEW_OUT [--tables documents,sentences,...]

Every table present in OLD_OUT (every ``<table>.parquet``: the stages' tables,
``actors``, ``errors``, ``claim_matches``, a table of another package's stage), or
those ``--tables`` names, is read from both folders, sorted by its key columns
(``KEYS``: ``doc_id`` and the table's id column; a table without known keys by
all its columns) and compared value by value. A table missing from NEW_OUT is a
difference; a table only in NEW_OUT, or named by ``--tables`` but not in OLD_OUT,
is listed as not compared (the summary line names them: "identical" never stands
for a table that was not compared). Columns only in NEW_OUT are reported (a new
column is allowed) and not compared; a column missing from NEW_OUT is a
difference. The ``path`` column of ``documents`` and ``errors`` is compared by
file name, so two runs of the same input from different folders compare equal.
Exit 0 when equal, 1 when not.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

#: the id column after doc_id, per table (rows are sorted by these)
KEYS = {
    "documents": ["doc_id"],
    "sentences": ["doc_id", "sent_id"],
    "entities": ["doc_id", "ent_id"],
    "quotes": ["doc_id", "quote_id"],
    "claims": ["doc_id", "claim_id"],
    "errors": ["doc_id", "stage", "error", "detail"],
    "actors": ["actor", "kind"],
    "claim_matches": ["doc_id", "claim_id", "rank"],
}


def tables_in(folder: Path) -> list[str]:
    """The tables of a run's folder: each ``<table>.parquet`` (a link, a file or a folder of parts)."""
    return sorted(p.name[: -len(".parquet")] for p in folder.glob("*.parquet") if not p.name.startswith("."))


def _read(folder: Path, table: str) -> pd.DataFrame | None:
    path = folder / f"{table}.parquet"
    if not path.exists():
        return None
    return pd.read_parquet(path)


def _normalise(df: pd.DataFrame, table: str) -> pd.DataFrame:
    if "path" in df.columns:
        df = df.assign(path=[Path(p).name if isinstance(p, str) else p for p in df["path"]])
    keys = [k for k in KEYS.get(table, ["doc_id"]) if k in df.columns]
    if not keys:  # a table whose keys are not known: its rows in the order of all their values, as text
        order = df.astype(str).agg("\x1f".join, axis=1).sort_values(kind="mergesort").index
        return df.loc[order].reset_index(drop=True)
    return df.sort_values(keys, kind="mergesort").reset_index(drop=True)


def _missing(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)


def _same(a, b) -> bool:
    if _missing(a) or _missing(b):
        return _missing(a) and _missing(b)
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-12
    if hasattr(a, "tolist") and hasattr(b, "tolist"):
        return a.tolist() == b.tolist()
    return bool(a == b)


def compare(old: Path, new: Path, tables: list[str] | None = None,
            not_compared: list[str] | None = None) -> list[str]:
    """The differences between the tables of ``old`` and ``new`` (``tables``: every table of
    ``old``); ``not_compared`` receives each table that was not, with why."""
    skipped = [] if not_compared is None else not_compared
    if tables is None:
        tables = tables_in(old)
        skipped += [f"{t} (only in {new})" for t in tables_in(new) if t not in tables]
    problems: list[str] = []
    for table in tables:
        a, b = _read(old, table), _read(new, table)
        if a is None:
            skipped.append(f"{table} (not in {old})")
            continue
        if b is None:
            problems.append(f"{table}: missing in {new}")
            continue
        a, b = _normalise(a, table), _normalise(b, table)
        extra = [c for c in b.columns if c not in a.columns]
        if extra:
            print(f"{table}: new columns (not compared): {', '.join(extra)}")
        missing = [c for c in a.columns if c not in b.columns]
        if missing:
            problems.append(f"{table}: columns missing in {new}: {', '.join(missing)}")
        if len(a) != len(b):
            problems.append(f"{table}: {len(a)} rows in {old}, {len(b)} in {new}")
            continue
        for col in a.columns:
            if col not in b.columns:
                continue
            diff = [i for i, (x, y) in enumerate(zip(a[col], b[col])) if not _same(x, y)]
            if diff:
                i = diff[0]
                problems.append(f"{table}.{col}: {len(diff)} rows differ; first at row {i}: "
                                f"{a[col].iloc[i]!r} vs {b[col].iloc[i]!r}")
        print(f"{table}: {len(a)} rows compared")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--tables", default=None,
                    help="comma-separated tables to compare (default: every table in OLD_OUT)")
    args = ap.parse_args(argv)
    if not args.old.is_dir():
        ap.error(f"{args.old} is not a folder of tables")
    tables = None if args.tables is None else [t for t in args.tables.split(",") if t]
    not_compared: list[str] = []
    problems = compare(args.old, args.new, tables, not_compared)
    for p in problems:
        print("DIFF", p)
    unchecked = f" (not compared: {', '.join(not_compared)})" if not_compared else ""
    print(("identical" if not problems else f"{len(problems)} differences") + unchecked)
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
