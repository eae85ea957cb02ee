"""What claimex may replace in ``--out``, checked before a run changes anything.

A run writes a few names in ``--out``: a link per table (``<table>.parquet``),
``run.json``, ``docs.spacy/`` and ``docs.index.json`` (and ``_claimex/``, its own).
Where one of those names holds something claimex did not write, the run stops
with exit 6 and changes nothing (README, exit codes): a file of the user's called
``run.json``, a ``documents.parquet`` that is not a Parquet table, a file of the
user's inside ``docs.spacy/``. A Parquet table at a table's name is taken over as
before (a table written by hand, or by the layout before generations,
``store.publish``), and anything at another name is never touched.
"""
from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from .parse_cache import DOCS_DIR, INDEX_NAME, is_part_name
from .run_record import RUN_RECORD, read_run_record


def foreign_files(out: Path) -> list[str]:
    """The names in ``out`` that a run would replace but claimex did not write, each
    with why (empty for a new folder or one claimex wrote)."""
    out = Path(out)
    if not out.is_dir():
        return []
    found: list[str] = []
    if (out / RUN_RECORD).exists() and "claimex" not in (read_run_record(out) or {}):
        found.append(f"{RUN_RECORD} (not the record of a claimex run)")
    for path in sorted(out.glob("*.parquet")):
        if not path.is_symlink() and not _is_parquet_table(path):
            found.append(f"{path.name} (not a Parquet table)")
    docs = out / DOCS_DIR
    if docs.is_dir() and not docs.is_symlink():
        others = sorted(p.name for p in docs.iterdir() if not is_part_name(p.name))
        if others:
            found.append(f"{DOCS_DIR}/{others[0]}" + (f" and {len(others) - 1} more" if len(others) > 1 else "")
                         + " (not a parse-cache part)")
    elif docs.exists() and not (out / INDEX_NAME).is_file():
        found.append(f"{DOCS_DIR} (a file, without the parse cache's {INDEX_NAME})")
    return found


def _is_parquet_table(path: Path) -> bool:
    """``path`` is a Parquet file, or a folder of Parquet part files (hidden names aside)."""
    files = [path] if path.is_file() else sorted(p for p in path.iterdir() if not p.name.startswith(".")) \
        if path.is_dir() else []
    if not files:
        return path.is_dir()  # an empty folder holds nothing of the user's
    for f in files:
        try:
            pq.read_schema(f)
        except (OSError, ValueError):  # pyarrow's ArrowInvalid is a ValueError
            return False
    return True
