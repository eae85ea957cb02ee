"""Reading and writing the Parquet tables: atomic writes, checked reads.

A table lives at ``<out>/<table>.parquet``: a single file, or (for large runs)
a directory of part files at that path. ``pandas.read_parquet(path)`` reads
either. Every write goes to a temporary sibling first and is renamed into
place, so an interrupted run never leaves a half-written table behind: the
previous table stays whole until the new one is complete.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import OutputError, TableError
from .schemas import COMMAND_TABLES, schema_for


class TableSchemaError(TableError):
    """A table on disk does not match the contract in ``schemas.py``."""


class MissingTableError(TableError):
    """An upstream table a stage needs has not been written yet."""


#: the tables folder of every command without --out
DEFAULT_OUT = Path("data")


def run_command(stage: str, out_dir: Path | str, *options: str) -> str:
    """``pipeline run STAGE [OPTIONS]``, with the ``--out`` of the command that gives the advice where
    it is not the default: "run `pipeline run clean` first" after `--out mine` made tables in data/."""
    out = Path(out_dir)
    command = " ".join(("pipeline run", stage, *options))
    return command + ("" if out == DEFAULT_OUT else f" --out {shlex.quote(str(out))}")


def command_fix(table: str) -> str:
    """The advice for a damaged table that a command writes (``COMMAND_TABLES``: ``claim_matches``),
    as a reader that cannot read it and ``runner.manifest.check_intact`` give it."""
    return f"rerun `{COMMAND_TABLES[table][0]}`, which writes {table!r}"


def check_tables_folder(out_dir: Path | str,
                        fix: str = "pass the folder of a run's tables (the --out of `pipeline run`)") -> None:
    """``--out`` that is a file (or inside one): ``OutputError`` saying so (exit 6), where the
    command would have advised to run a stage into it, or said that it does not exist."""
    out = Path(out_dir)
    for p in (out, *out.parents):
        if os.path.exists(p):  # False for a name no file can have, which the writer reports (exit 6)
            if not os.path.isdir(p):
                where = "is a file" if p == out else f"is inside {p}, which is a file"
                raise OutputError(f"--out {out} {where}, not a folder; {fix}")
            return


def table_path(out_dir: Path | str, table: str) -> Path:
    return Path(out_dir) / f"{table}.parquet"


#: columns whose name starts with this are a run's own: computed per batch for a stage's
#: corpus-wide finalize (``Stage.finalize_features``), kept in the run's part files, never published
PRIVATE_PREFIX = "_"


def private_columns(columns: Iterable[str]) -> list[str]:
    return [c for c in columns if c.startswith(PRIVATE_PREFIX)]


def to_arrow(df: pd.DataFrame, table: str, private: bool = False) -> pa.Table:
    """Conform a DataFrame to the table's schema (column order, types).

    Required columns missing from ``df`` are an error; extra columns declared in
    the schema but absent are filled with nulls only when nullable. Other columns
    are dropped, except, with ``private``, the run's private columns (``PRIVATE_PREFIX``),
    appended after the schema's.
    """
    schema = schema_for(table)
    df = df.copy()
    for field in schema:
        if field.name not in df.columns:
            if not field.nullable:
                raise TableSchemaError(f"{table}: missing required column {field.name!r}")
            df[field.name] = None
    arrow = pa.Table.from_pandas(df[[f.name for f in schema]], schema=schema, preserve_index=False)
    for name in private_columns(df.columns) if private else ():
        column = pa.array(df[name], from_pandas=True)  # NaN is null
        # all null: of no type, so that it combines with the parts where the column has one
        arrow = arrow.append_column(name, pa.nulls(len(column)) if column.null_count == len(column) else column)
    return arrow


def has_private_columns(schema: pa.Schema, table: str) -> bool:
    """Does a part of ``table`` with this schema hold private columns (after the table's own)?"""
    return len(schema) > len(schema_for(table))


def read_part(path: Path | str, columns: list[str] | None = None) -> pa.Table:
    """One part file (all of it, or ``columns``, each of which it must have).
    ``ParquetFile.read`` skips the dataset set-up of ``pq.read_table`` (about 40% of the
    time of a part), but drops a column the file lacks instead of failing."""
    pf = pq.ParquetFile(path)
    if columns is not None:
        missing = [c for c in columns if c not in pf.schema_arrow.names]
        if missing:
            raise pa.ArrowInvalid(f"{path}: no column {', '.join(map(repr, missing))}")
    return pf.read(columns=columns)


def _has_private(part: Path, table: str) -> bool:
    """Does the part file hold private columns? (Reads its footer.)"""
    return has_private_columns(pq.read_schema(part), table)


def _conforms(arrow_schema: pa.Schema, table: str) -> bool:
    """Is ``arrow_schema`` the table's schema, possibly followed by private columns?"""
    schema = schema_for(table)
    n = len(schema)
    return (len(arrow_schema) >= n and all(arrow_schema.field(i).equals(schema.field(i)) for i in range(n))
            and all(name.startswith(PRIVATE_PREFIX) for name in arrow_schema.names[n:]))


def empty_frame(table: str) -> pd.DataFrame:
    return schema_for(table).empty_table().to_pandas()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publishable(path: Path) -> None:
    """mkstemp/mkdtemp create 0600/0700 entries; published tables get the usual
    umask-based modes so other users and tools (DuckDB, notebooks) can read them."""
    mask = _umask()
    try:
        if path.is_dir():
            os.chmod(path, 0o777 & ~mask)
            for child in path.iterdir():
                os.chmod(child, (0o777 if child.is_dir() else 0o666) & ~mask)
        else:
            os.chmod(path, 0o666 & ~mask)
    except OSError:
        pass


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_path(tmp: Path, final: Path) -> None:
    """Move ``tmp`` (file or directory) to ``final``, replacing what was there.

    A file replaces a file atomically (``os.replace``). When a directory is
    involved on either side, the old one is first renamed aside, so at every
    moment either the old or the new complete table is at (or next to) the path.
    """
    old_is_dir = final.is_dir() and not final.is_symlink()  # a link (to a table of a generation) is not followed
    if os.path.lexists(final) and (old_is_dir or tmp.is_dir()):
        trash = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
        os.replace(final, trash)
        os.replace(tmp, final)
        if old_is_dir:
            shutil.rmtree(trash, ignore_errors=True)
        else:
            trash.unlink(missing_ok=True)
    else:
        os.replace(tmp, final)
    _fsync_dir(final.parent)


def write_table(df: pd.DataFrame, out_dir: Path | str, table: str) -> Path:
    """Write one table atomically as a single Parquet file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    final = table_path(out, table)
    arrow = to_arrow(df, table)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{table}.", suffix=".tmp", dir=out)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        pq.write_table(arrow, tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        _publishable(tmp)
        replace_path(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return final


class PartWriter:
    """Write a table as part files into a hidden directory, then publish it.

    Used by streaming runs: each batch appends a part (``write`` a DataFrame,
    ``write_arrow`` an Arrow table, or ``add_file`` to adopt a part file a
    worker wrote elsewhere on the same file system). ``commit`` renames the
    directory into place (or, with a single part, the lone file), so a
    one-batch run still writes ``<table>.parquet`` as one file. ``abort``
    removes the partial output and leaves the previous table untouched.
    The writer knows each part's row count (``records`` after ``commit``), so
    describing the table needs no second read, and which parts hold private
    columns, so ``commit`` reads no footer to find them.
    """

    def __init__(self, out_dir: Path | str, table: str):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.table = table
        self.tmp_dir = Path(tempfile.mkdtemp(prefix=f".{table}.parts.", dir=self.out))
        self.n_parts = 0
        self.rows: dict[str, int] = {}   # part file name -> rows
        self.synced: set[str] = set()    # parts already on disk (fsynced by whoever wrote them)
        self.private: set[str] = set()   # parts with private columns (after the table's own)
        self.records: list[tuple[str, int, int]] = []  # after commit: (file, rows, bytes) as published

    @property
    def n_rows(self) -> int:
        return sum(self.rows.values())

    def _next_part(self, name: str | None = None) -> Path:
        """The path of a new part: ``name`` (e.g. ``part-<batch number>.parquet``,
        so the order of parts follows the batches whatever order they finish
        in), else ``part-<counter>.parquet``."""
        path = self.tmp_dir / (name or f"part-{self.n_parts:05d}.parquet")
        self.n_parts += 1
        return path

    def write(self, df: pd.DataFrame, name: str | None = None) -> None:
        self.write_arrow(to_arrow(df, self.table, private=True), name)

    def write_arrow(self, arrow: pa.Table, name: str | None = None) -> None:
        if not _conforms(arrow.schema, self.table):
            arrow = to_arrow(arrow.to_pandas(), self.table, private=True)
        path = self._next_part(name)
        pq.write_table(arrow, path)
        self.rows[path.name] = arrow.num_rows
        self._note_private(path.name, has_private_columns(arrow.schema, self.table))

    def _note_private(self, name: str, private: bool) -> None:
        if private:
            self.private.add(name)
        else:
            self.private.discard(name)

    def add_file(self, path: Path | str, n_rows: int, name: str | None = None, synced: bool = False,
                 private: bool | None = None) -> None:
        """Adopt a finished part file (moved, not copied); ``synced``: its writer fsynced it;
        ``private``: it holds private columns (read from its footer when not given)."""
        target = self._next_part(name)
        shutil.move(str(path), target)
        self.rows[target.name] = n_rows
        self._note_private(target.name, _has_private(target, self.table) if private is None else private)
        if synced:
            self.synced.add(target.name)

    def parts(self) -> list[Path]:
        return sorted(self.tmp_dir.glob("*.parquet"))

    def read(self, columns: list[str] | None = None) -> pd.DataFrame:
        """The rows written so far (before ``commit``), e.g. for a corpus-wide finalize; with
        the private columns of the parts that have them (null in the others)."""
        parts = self.parts()
        if not parts:
            return empty_frame(self.table)
        tables = [read_part(p, columns) for p in parts]  # one read of each part
        return pa.concat_tables(tables, promote_options="default").to_pandas()

    def replace(self, part: Path, df: pd.DataFrame) -> None:
        """Write ``df`` over the part file ``part`` (atomically: a temporary file, renamed)."""
        tmp = part.with_name(f".{part.name}.tmp")
        arrow = to_arrow(df, self.table, private=True)
        pq.write_table(arrow, tmp)
        os.replace(tmp, part)
        self.rows[part.name] = arrow.num_rows
        self._note_private(part.name, has_private_columns(arrow.schema, self.table))
        self.synced.discard(part.name)

    def rewrite(self, frames: Iterable[pd.DataFrame | pa.Table]) -> None:
        """Replace every part written so far by ``frames`` (DataFrames or Arrow
        tables of the table's schema; one new part each).

        ``frames`` may be a generator reading the current parts (``parts()``):
        they are removed only after the last new part is written.
        """
        stale, saved = self.tmp_dir, (self.n_parts, self.rows, self.synced, self.private)
        self.tmp_dir = Path(tempfile.mkdtemp(prefix=f".{self.table}.parts.", dir=self.out))
        self.n_parts, self.rows, self.synced, self.private = 0, {}, set(), set()
        try:
            for df in frames:
                if isinstance(df, pa.Table):
                    self.write_arrow(df)
                else:
                    self.write(df)
        except BaseException:
            shutil.rmtree(self.tmp_dir, ignore_errors=True)
            self.tmp_dir, (self.n_parts, self.rows, self.synced, self.private) = stale, saved
            raise
        shutil.rmtree(stale, ignore_errors=True)

    def commit(self) -> Path:
        final = table_path(self.out, self.table)
        if self.n_parts == 0:
            self.write(empty_frame(self.table))
        parts = self.parts()
        for part in parts:
            if part.name in self.private:
                # private columns no finalize rewrote away: never published
                self.replace(part, read_part(part, schema_for(self.table).names).to_pandas())
            if part.name not in self.synced:
                with open(part, "rb") as fh:
                    os.fsync(fh.fileno())
        if len(parts) == 1:
            part = parts[0]
            self.records = [(final.name, self.rows[part.name], part.stat().st_size)]
            tmp_file = self.out / f".{self.table}.{uuid.uuid4().hex[:8]}.tmp"
            os.replace(part, tmp_file)
            shutil.rmtree(self.tmp_dir, ignore_errors=True)
            _publishable(tmp_file)
            replace_path(tmp_file, final)
        else:
            self.records = [(p.name, self.rows[p.name], p.stat().st_size) for p in parts]
            _publishable(self.tmp_dir)
            replace_path(self.tmp_dir, final)
        return final

    def abort(self) -> None:
        shutil.rmtree(self.tmp_dir, ignore_errors=True)


def table_files(out_dir: Path | str, table: str) -> list[Path]:
    """The Parquet file(s) of a table on disk: the file itself, or its part files."""
    path = table_path(out_dir, table)
    if path.is_dir():
        return sorted(p for p in path.glob("*.parquet") if not p.name.startswith("."))
    return [path] if path.exists() else []


def nested_files(out_dir: Path | str, table: str) -> list[Path]:
    """The files of a folder table that a Parquet reader reads (``pq.ParquetDataset``, so
    ``pandas.read_parquet``) but ``table_files`` does not list: those in folders inside it,
    as ``to_parquet(..., partition_cols=["claim_type"])`` writes them (``claim_type=factual/``).
    The reader skips names starting with ``_`` or ``.`` (Spark's ``_SUCCESS``), and so does this."""
    path = table_path(out_dir, table)
    if not path.is_dir():
        return []
    return sorted(p for p in path.rglob("*") if p.parent != path and p.is_file()
                  and not any(part.startswith(("_", ".")) for part in p.relative_to(path).parts))


#: the names temporaries get in ``--out`` (this module, ``atomic_bytes``, ``runner.store``):
#: ``.<name>.<8 random>.tmp``, ``.<table>.parts.<8 random>``, ``.<table>.parquet.old-<8 hex>``;
#: tempfile's random part is 8 characters of [a-z0-9_], uuid's 8 hex digits
#: what ``tempfile`` (``atomic_bytes``, ``write_table``) puts after ``.<name>`` in a temporary file's name
TEMP_SUFFIX = r"\.[a-z0-9_]{8}\.tmp"
_TEMPORARY = re.compile(r"\.[\w.-]+?(?:" + TEMP_SUFFIX + r"|\.parts\.[a-z0-9_]{8}|\.parquet\.old-[0-9a-f]{8})")


def sweep_temporary(out_dir: Path | str) -> list[str]:
    """Remove temporary files and part folders left by a run that was killed.

    Only names claimex gives its temporaries are touched (``_TEMPORARY``: hidden
    ``.<table>.<random>.tmp`` files, ``.<table>.parts.<random>`` folders, also the
    ``.dask-*.parts.*`` work folder of earlier Dask runs, and ``.<table>.parquet.old-*``
    leftovers); a file of the user's that only looks like one (``.draft.tmp``,
    ``.photos.parts.2024``) stays. Call it with the lock of ``--out`` held
    (``runner.store``): a second run would sweep the first's work in progress.
    """
    out = Path(out_dir)
    removed: list[str] = []
    if not out.is_dir():
        return removed
    for p in out.iterdir():
        name = p.name
        if _TEMPORARY.fullmatch(name):
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
            removed.append(name)
    return removed


def read_table(out_dir: Path | str, table: str, *, stage_hint: str | None = None) -> pd.DataFrame:
    """Read a table and check it against the contract.

    Raises ``MissingTableError`` (naming the command to run first) when absent
    and ``TableSchemaError`` (naming the table and column) when a required
    column is missing or has an incompatible type.
    """
    dataset = checked_dataset(out_dir, table, stage_hint=stage_hint)
    try:
        table_ = dataset.read()
    except (pa.ArrowInvalid, OSError) as exc:  # a part file other than the first one damaged
        raise _unreadable(out_dir, table, exc, stage_hint) from None
    return table_.to_pandas()


def _unreadable(out_dir: Path | str, table: str, exc: Exception, stage_hint: str | None) -> TableSchemaError:
    """A table Parquet cannot read (a part cut short, another file in its place): the
    reason in a few words and the command that writes it again. pyarrow's own message
    (300 characters, the path twice) said nothing of what to do."""
    text = " ".join(str(exc).split())
    part = re.findall(r"'([^']*\.parquet)'", text)
    reason = text.rsplit("': ", 1)[-1].split(". ")[0].rstrip(".") or type(exc).__name__
    path = table_path(out_dir, table)
    where = f"part {Path(part[-1]).name}: " if part and Path(part[-1]) != path else ""
    if table in COMMAND_TABLES:
        fix = command_fix(table)
    else:
        fix = f"rerun the stage that writes {table!r}" + (f": `{run_command(stage_hint, out_dir)}`" if stage_hint else "")
    return TableSchemaError(f"{path}: not a readable Parquet table ({where}{reason}); {fix}")


def checked_dataset(out_dir: Path | str, table: str, *, stage_hint: str | None = None) -> pq.ParquetDataset:
    """The table as a ``ParquetDataset`` after the checks of ``read_table``,
    without reading its rows (for streaming readers)."""
    path = table_path(out_dir, table)
    if not path.exists():
        hint = f"; run `{run_command(stage_hint, out_dir)}` first" if stage_hint else ""
        raise MissingTableError(f"table {table!r} not found at {path}{hint}")
    schema = schema_for(table)
    try:
        dataset = pq.ParquetDataset(path)
        found = dataset.schema
    except (pa.ArrowInvalid, OSError) as exc:
        raise _unreadable(out_dir, table, exc, stage_hint) from None
    problem = contract_problem(found, schema)
    if problem:
        raise TableSchemaError(f"{path}: {problem}; rerun the stage that writes {table!r}")
    return dataset


def contract_problem(found: pa.Schema, schema: pa.Schema) -> str | None:
    """How the columns ``found`` fall short of a table's ``schema`` (the first missing or
    incompatible column), or None when a reader can take them as that table."""
    for field in schema:
        if field.name not in found.names:
            return f"column {field.name!r} is missing (expected {field.type})"
        got = found.field(field.name).type
        if got != field.type and not (pa.types.is_null(got)) and not _compatible(got, field.type):
            return f"column {field.name!r} has type {got}, expected {field.type}"
    return None


def _compatible(got: pa.DataType, want: pa.DataType) -> bool:
    if pa.types.is_string(want):
        return pa.types.is_string(got) or pa.types.is_large_string(got) or pa.types.is_dictionary(got)
    if pa.types.is_integer(want):
        return pa.types.is_integer(got)
    if pa.types.is_floating(want):
        return pa.types.is_floating(got)
    return False


def atomic_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
