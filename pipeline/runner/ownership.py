"""What claimex may replace in ``--out``, checked before a run changes anything.

A run writes a few names in ``--out``: a link per table (``<table>.parquet``: the
stages' tables, ``claim_matches`` only while the claims are unchanged, ``driver``,
and the tables of stages of another package that a run published there, which it
carries into the new generation, ``store``), ``run.json``, ``docs.spacy/`` and
``docs.index.json`` (and ``_claimex/``, its own). Where one of those names holds
something claimex did not write, the run stops with exit 6 and changes nothing
(README, exit codes): a file of the user's called ``run.json``; in a folder claimex
has not written to, a ``documents.parquet`` that is not Parquet, and anywhere a Parquet
table whose columns are not the ``documents`` table's (regression: a user's own
``documents.parquet`` was replaced without a word, in a new folder or a run's); a file of the user's inside
``docs.spacy/`` or inside a table's folder beside its part files (a README.txt); anywhere, a table written as a folder of partition folders
(``claims.parquet/claim_type=factual/``), which the run reads and carries only by its
top-level part files (regression: a single stage published such a table empty).
In a folder with a claimex manifest or run record a damaged table is claimex's own:
the run recomputes it (``manifest``), or, one it does not write, leaves it out with a
note (``stale.left_out``). Anything at another name (a Parquet file
of the user's beside the tables, ``mydata.parquet``) is never touched.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyarrow.parquet as pq

from ..schemas import COMMAND_TABLES, SCHEMAS, schema_for
from ..tables import contract_problem, nested_files, table_files, table_path
from . import manifest
from .parse_cache import DOCS_DIR, INDEX_NAME, is_part_name
from .run_record import RUN_RECORD, read_run_record
from .store import CURRENT, MANIFEST, STORE_DIR, TableStore, claimex_manifest


#: why a file at a table's name is not that table, when it is no Parquet table at all
NOT_PARQUET = "not a Parquet table"


def foreign_files(out: Path) -> list[str]:
    """The names in ``out`` that a run would replace but claimex did not write, each
    with why (empty for a new folder or one claimex wrote)."""
    out = Path(out)
    if not out.is_dir():
        return []
    found: list[str] = []
    if (out / RUN_RECORD).exists() and "claimex" not in (read_run_record(out) or {}):
        found.append(f"{RUN_RECORD} (not the record of a claimex run)")
    own = sorted({*SCHEMAS, *COMMAND_TABLES})  # the tables with a schema to check a file against
    tables = sorted({*own, *published_tables(out)})
    managed = _managed(out)
    found += [why for t in own if (why := foreign_table(out, t, managed))]
    found += [why for t in tables if (why := _partitioned_line(out, t))]
    docs = out / DOCS_DIR
    if docs.is_dir() and not docs.is_symlink():
        others = sorted(p.name for p in docs.iterdir() if not is_part_name(p.name))
        if others:
            more = f" and {len(others) - 1} more" if len(others) > 1 else ""
            found.append(f"{DOCS_DIR}/{others[0]}{more} (not a parse-cache part)")
    elif docs.exists() and not (out / INDEX_NAME).is_file():
        found.append(f"{DOCS_DIR} (a file, without the parse cache's {INDEX_NAME})")
    return found


def foreign_table(out: Path, table: str, managed: bool | None = None) -> str | None:
    """``<table>.parquet (why)`` when the file or folder at ``table``'s name in ``out``, which a
    command writing that table would replace, is not claimex's (``_not_the_table``); None when
    nothing or a link is there, or claimex's table. ``managed``: ``out`` holds tables claimex
    published (``_managed``, found when not given). The run checks every table it writes with
    it, ``pipeline match`` its ``claim_matches`` (regression: a user's claim_matches.parquet,
    file or folder, was replaced without a word by match, and refused by the run)."""
    p = table_path(Path(out), table)
    if p.is_symlink() or not os.path.lexists(p):
        return None
    why = _not_the_table(p, table)
    # in a folder claimex wrote, a table it cannot read is its own, damaged, and recomputed;
    # a readable Parquet file of other columns is the user's (review: a user's
    # claims.parquet in a run folder was replaced without a word)
    if why == NOT_PARQUET and (_managed(Path(out)) if managed is None else managed):
        return None
    return f"{p.name} ({why})" if why else None


def foreign_at(out: Path, table: str, managed: bool | None = None) -> list[str]:
    """What at ``table``'s name in ``out`` a run would not replace, each with why: ``foreign_table``'s
    line, then that of a folder of partition folders, as ``foreign_files`` words them (which lists
    every table's ``foreign_table`` line first). ``pipeline match`` checks its ``claim_matches`` with it."""
    return [why for why in (foreign_table(out, table, managed), _partitioned_line(out, table)) if why]


def _partitioned_line(out: Path, table: str) -> str | None:
    why = partitioned(out, table, "a run reads and carries")
    return f"{table}.parquet ({why})" if why else None


def refusal(out: Path, found: list[str]) -> str:
    """The one line that refuses ``out`` for the names ``found`` (``foreign_files``)."""
    return (f"--out {out} holds files claimex did not write where it writes its own: "
            f"{', '.join(found)}; move them or pass another --out. Nothing was changed")


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
        # every *.parquet name counts as a table's: one a stage of another package writes has any name
        if parts and (parts[0] in names or parts[0].endswith(".parquet")):
            return parts[0]
    return None


def partitioned(out: Path, table: str, how: str) -> str | None:
    """Why ``<out>/<table>.parquet`` cannot be used as it is when it is a folder of partition
    folders (``nested_files``) that a command ``how``s only by the part files at its top."""
    nested = nested_files(out, table)
    if not nested:
        return None
    inner = nested[0].relative_to(table_path(out, table)).parts[0]
    return (f"a folder of partition folders, {inner}/ ..., which {how} only by the part files at its top: "
            f"write it as one file, to_parquet without partition_cols")


def published_tables(out: Path) -> list[str]:
    """The tables in ``out`` that claimex wrote and no registered stage writes, which a run
    carries into its generation: a link into the published generation (a stage of another
    package), a table the published manifest lists, a command's table (``claim_matches``)."""
    out = Path(out)
    listed = set(manifest.load(out).tables)  # (empty where no manifest is: no claimex folder)
    linked = {p.name[: -len(".parquet")] for p in out.glob("*.parquet")
              if p.is_symlink() and os.readlink(p) == f"{STORE_DIR}/{CURRENT}/{p.name}"}
    return sorted(t for t in listed | linked | set(COMMAND_TABLES)
                  if t not in SCHEMAS and table_path(out, t).exists())


def _managed(out: Path) -> bool:
    """``out`` holds tables claimex published: a generation's manifest, the manifest of
    the layout without links (``store``), that of the layout before generations, or the
    record of a claimex run (a copy made with ``cp -rL``, whose ``current`` is a folder)."""
    return (TableStore(out).manifest_path() is not None or claimex_manifest(out / MANIFEST)
            or "claimex" in (read_run_record(out) or {}))


def _not_the_table(path: Path, table: str) -> str | None:
    """Why ``path`` is not claimex's ``table``: not a Parquet file, or a folder whose part
    files (``table_files``: its ``*.parquet``, as the run reads them; a Spark ``_SUCCESS``
    marker aside) are not Parquet, or that holds other files (``_other_files``); columns
    that are not the table's (``schemas``)."""
    if path.is_dir():
        others = _other_files(path)
        if others:
            more = f" and {len(others) - 1} more" if len(others) > 1 else ""
            return f"a folder holding files that are not Parquet part files: {others[0]}{more}"
        files = table_files(path.parent, table)
    elif path.is_file():
        files = [path]
    else:
        return NOT_PARQUET  # a named pipe would block the read
    try:
        found = [pq.read_schema(f) for f in files]
    except (OSError, ValueError):  # pyarrow's ArrowInvalid is a ValueError
        return NOT_PARQUET
    for schema in found:
        problem = contract_problem(schema, schema_for(table))
        if problem:
            return f"a Parquet table, but not claimex's {table} table: {problem}"
    return None


def _other_files(folder: Path) -> list[str]:
    """The files in the table folder ``folder`` that are not its part files: claimex writes
    ``*.parquet`` parts there and hidden temporaries, and a reader skips names starting with
    ``.`` or ``_`` (Spark's ``_SUCCESS``), so any other file is the user's (regression: a
    ``claim_matches.parquet/`` holding a README.txt alone passed as an empty table, and
    ``pipeline match`` and ``run all`` deleted the README with it). Folders inside are
    ``partitioned``'s to judge."""
    return sorted(p.name for p in folder.iterdir()
                  if not p.name.startswith((".", "_")) and not p.name.endswith(".parquet") and not p.is_dir())
