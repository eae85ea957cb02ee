"""What claimex may replace in ``--out``, checked before a run changes anything.

A run writes a few names in ``--out``: a link per table (``<table>.parquet``: the
stages' tables, and any other Parquet table there, which it carries into the new
generation, ``store``; ``claim_matches`` only while the claims are unchanged, ``driver``),
``run.json``, ``docs.spacy/`` and ``docs.index.json`` (and ``_claimex/``, its own). Where one of those names holds something claimex did not
write, the run stops with exit 6 and changes nothing (README, exit codes): a file of
the user's called ``run.json``, a ``documents.parquet`` that is not a Parquet table
in a folder claimex has not written to, a file of the user's inside ``docs.spacy/``.
In a folder with a claimex manifest a damaged table is claimex's own, and the run
recomputes it (``manifest``). Anything at another name is never touched.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyarrow.parquet as pq

from ..tables import table_files
from .parse_cache import DOCS_DIR, INDEX_NAME, is_part_name
from .run_record import RUN_RECORD, read_run_record
from .store import MANIFEST, STORE_DIR, TableStore, claimex_manifest


def foreign_files(out: Path) -> list[str]:
    """The names in ``out`` that a run would replace but claimex did not write, each
    with why (empty for a new folder or one claimex wrote)."""
    out = Path(out)
    if not out.is_dir():
        return []
    found: list[str] = []
    if (out / RUN_RECORD).exists() and "claimex" not in (read_run_record(out) or {}):
        found.append(f"{RUN_RECORD} (not the record of a claimex run)")
    if not _managed(out):
        found += [f"{p.name} (not a Parquet table)" for p in sorted(out.glob("*.parquet"))
                  if not p.is_symlink() and not _parquet_table(p)]
    docs = out / DOCS_DIR
    if docs.is_dir() and not docs.is_symlink():
        others = sorted(p.name for p in docs.iterdir() if not is_part_name(p.name))
        if others:
            more = f" and {len(others) - 1} more" if len(others) > 1 else ""
            found.append(f"{DOCS_DIR}/{others[0]}{more} (not a parse-cache part)")
    elif docs.exists() and not (out / INDEX_NAME).is_file():
        found.append(f"{DOCS_DIR} (a file, without the parse cache's {INDEX_NAME})")
    return found


def own_name(out: Path, path: Path) -> str | None:
    """The name in ``out`` that a run writes (module doc) which ``path`` is or lies in, as
    written or once links are followed (``<out>/claims.parquet`` leads into ``_claimex/``);
    None for any other path, ``<out>/exports/`` say. A command writing elsewhere than the
    tables (``export --to``) must not write there: the run's own files would be lost."""
    out, path = Path(out), Path(path)
    names = {RUN_RECORD, DOCS_DIR, INDEX_NAME, STORE_DIR}
    if claimex_manifest(out / MANIFEST):  # of the layout before generations; a user's is theirs
        names.add(MANIFEST)
    for base, target in ((Path(os.path.abspath(out)), Path(os.path.abspath(path))), (out.resolve(), path.resolve())):
        try:
            parts = target.relative_to(base).parts
        except ValueError:
            continue
        # every *.parquet name is a table's: the run carries any Parquet table it finds there
        if parts and (parts[0] in names or parts[0].endswith(".parquet")):
            return parts[0]
    return None


def _managed(out: Path) -> bool:
    """``out`` holds tables claimex published: a generation's manifest, the manifest of
    the layout without links (``store``), or that of the layout before generations."""
    return TableStore(out).manifest_path() is not None or claimex_manifest(out / MANIFEST)


def _parquet_table(path: Path) -> bool:
    """``path`` is a Parquet file, or a folder whose part files (``table_files``: its
    ``*.parquet``, as the run reads them; a Spark ``_SUCCESS`` marker aside) are Parquet."""
    if path.is_dir():
        files = table_files(path.parent, path.stem)
    elif path.is_file():
        files = [path]
    else:
        return False  # a named pipe would block the read
    try:
        for f in files:
            pq.read_schema(f)
    except (OSError, ValueError):  # pyarrow's ArrowInvalid is a ValueError
        return False
    return True
