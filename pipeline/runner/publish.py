"""Collecting batch results into tables, the corpus finalize, and publishing.

``Sink`` receives every ``BatchResult`` (from any engine) and writes its rows
as Parquet parts (``tables.PartWriter``) and its Docs as a DocBin part. After
the last batch the runner copies the rows of unchanged documents
(``copy_unchanged``), runs each stage's ``finalize`` over its whole table
(``finalize``: renamed canonical names are carried into every table's
``canonical_columns``, as the registry declares them) and commits the tables.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import ErrorLog, ErrorRecord
from ..registry import Stage, producer, rename_targets, stage_names
from ..schemas import schema_for
from ..tables import (MissingTableError, PartWriter, TableSchemaError, checked_dataset, read_part, read_table,
                      table_files, table_path, to_arrow, write_table)
from .batch import BatchResult
from .parse_cache import DocIndex
from .settings import Progress


class Sink:
    """Collects batch results: table parts, DocBin parts, errors, timings."""

    def __init__(self, writers: dict[str, PartWriter], index: DocIndex, errors: ErrorLog,
                 progress: Progress | None):
        self.writers = writers
        self.index = index
        self.errors = errors
        self.progress = progress
        self.seconds: dict[str, float] = {}
        self.doc_ids: list[str] = []
        self.skipped: set[str] = set()
        self.n_docs = 0
        self.busy: list[tuple[float, float]] = []  # (start, end) of each batch's work
        self._errors: dict[tuple[int, int], list] = {}  # (batch, document run alone or -1) -> its records
        self.worker_rss_mib = 0.0  # the largest peak RSS a process that took batches reported

    def finish(self) -> None:
        """Add the batches' error records to the run's, in batch order (batches
        finish in any order)."""
        for key in sorted(self._errors):
            self.errors.extend(self._errors[key])
        self._errors.clear()

    def add(self, result: BatchResult) -> None:
        name = f"{result.part_stem}.parquet"
        for table, df in result.tables.items():
            if len(df):
                self.writers[table].write(df, name)
        for table, (path, rows, private) in result.parts.items():
            self.writers[table].add_file(path, rows, name, synced=True, private=private)
        if result.docbin:
            self.index.write_part(result.docbin, result.parsed)
        if result.docbin_path:
            self.index.adopt_part(Path(result.docbin_path), result.parsed)
        self.skipped.update(result.skipped)
        self.worker_rss_mib = max(self.worker_rss_mib, result.rss_mib)
        if result.busy[1]:
            self.busy.append(result.busy)
        self._errors.setdefault((result.number, -1 if result.sub is None else result.sub), []).extend(result.errors)
        for k, v in result.seconds.items():
            self.seconds[k] = self.seconds.get(k, 0.0) + v
        self.doc_ids.extend(result.doc_ids)
        self.n_docs += result.n_docs
        if self.progress is not None:
            self.progress.advance(result.n_docs + len(result.skipped))


def copy_unchanged(out: Path, table: str, keep: set[str], writer: PartWriter) -> None:
    """Copy the rows of unchanged documents from the previous table, part by part
    (the table was checked against its manifest record before the run)."""
    if not keep:
        return
    keep_arr = pa.array(sorted(keep), type=pa.string())
    for k, path in enumerate(table_files(out, table)):
        try:
            t = read_part(path)
        except (OSError, pa.ArrowInvalid) as exc:
            raise TableSchemaError(f"{path}: cannot be read ({type(exc).__name__}: {str(exc)[:160]}); "
                                   f"rerun with --no-incremental") from None
        t = t.filter(pc.is_in(t.column("doc_id"), value_set=keep_arr))
        if t.num_rows:
            writer.write_arrow(t, f"kept-{k:05d}.parquet")


def finalize(stage: Stage, writers: dict[str, PartWriter], batch_rows: int, out: Path,
             pending: dict[str, list]) -> None:
    """Run ``stage.finalize`` over the stage's whole table (this run's parts).

    The hook sees the rows sorted by the table's key (``doc_id``, then its id
    column, e.g. ``ent_id``), whatever the batch size, worker count, engine or
    incremental reuse, so tie-breaks such as "the first name seen" are the same
    in every kind of run.

    Memory and time go with the stage's own table (read whole, converted to
    Arrow once, written back in parts of ``batch_rows``), not with the corpus:
    renamed canonical names are carried into another table part by part, and
    only into the parts that hold a renamed document. ``pending`` ({table: [...]}) names the
    tables whose own finalize is still to come in this run: their renames wait there and are
    applied to the whole table that finalize reads anyway, in order, instead of rewriting
    their parts once per earlier finalize.
    """
    writer = writers[stage.output]
    keys = [f.name for f in schema_for(stage.output)][:2]
    before = writer.read().sort_values(keys, kind="mergesort").reset_index(drop=True)
    for cols, names in pending.pop(stage.output, []):
        before = renamed(before, cols, names)
    after = stage.finalize(before, **{t: whole_table(t, writers, out) for t in stage.finalize_inputs})
    if len(after) != len(before):
        raise ValueError(f"finalize of stage {stage.name!r} returned {len(after)} rows for {len(before)}; "
                         "a finalize may change columns, not rows")
    renames = canonical_renames(before, after, keys, stage.canonical_columns)
    del before
    arrow = to_arrow(after, stage.output)
    del after
    writer.rewrite(arrow.slice(i, batch_rows) for i in range(0, arrow.num_rows, batch_rows))
    del arrow
    if not renames:
        return
    # names flow downstream only: the quotes' corpus pass renames speakers in claims,
    # never an entity of the entities table
    for table, cols in rename_targets(stage).items():
        if table not in writers:
            continue
        if table in pending:  # its finalize will apply them to the whole table
            pending[table].append((cols, renames))
        else:  # a table without a finalize of its own: its parts that hold a renamed document
            touched = pa.array(sorted({doc_id for doc_id, _ in renames}), type=pa.string())
            w = writers[table]
            for part in w.parts():
                with pq.ParquetFile(part) as pf:  # opened once: its ids, then all of it if touched
                    ids = pf.read(columns=["doc_id"]).column("doc_id")  # every part has doc_id
                    whole = pf.read() if pc.any(pc.is_in(ids, value_set=touched)).as_py() else None
                if whole is not None:
                    w.replace(part, renamed(whole.to_pandas(), cols, renames))


def whole_table(table: str, writers: dict[str, PartWriter], out: Path,
                columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """A whole table (or some of its ``columns``) for a finalize or a corpus stage:
    this run's rows (parts not yet published), or the table in ``out`` when this
    run does not write it."""
    if table in writers:
        return writers[table].read(list(columns) if columns else None)
    if columns:
        return checked_dataset(out, table, stage_hint=producer(table) or table).read(columns=list(columns)).to_pandas()
    return read_table(out, table, stage_hint=producer(table) or table)


def canonical_renames(before: pd.DataFrame, after: pd.DataFrame, keys: list[str],
                      columns: tuple[str, ...]) -> dict[tuple[str, str], str]:
    """(doc_id, old canonical) -> new canonical, for names a finalize changed."""
    keys = [k for k in keys if k in before.columns and k in after.columns]
    frames = []
    for col in columns:
        if col not in before.columns or col not in after.columns:
            continue
        a = before[keys + [col]].rename(columns={col: "old"})
        b = after[keys + [col]].rename(columns={col: "new"})
        frames.append(a.merge(b, on=keys, how="inner"))
    if not frames:
        return {}
    m = pd.concat(frames, ignore_index=True)
    m = m[m["old"].notna() & (m["old"] != m["new"])]
    if not len(m):
        return {}
    # when one local name maps to several corpus names in a document, take the most frequent
    top = m.groupby(["doc_id", "old", "new"], dropna=False).size().reset_index(name="n")
    top = top.sort_values("n", ascending=False).drop_duplicates(["doc_id", "old"])
    return {(d, c): n for d, c, n in zip(top["doc_id"], top["old"], top["new"])}


def renamed(df: pd.DataFrame, cols: tuple[str, ...], renames: dict[tuple[str, str], str]) -> pd.DataFrame:
    """``df`` with each canonical name in ``cols`` renamed (a string, or each name of a list)."""
    def one(doc_id, value):
        if isinstance(value, str):
            return renames.get((doc_id, value), value)
        if value is None or (isinstance(value, float) and value != value):
            return value
        names = list(value)  # a list column (e.g. a claim's ``about``)
        out = []
        for v in names:
            new = renames.get((doc_id, v), v) if isinstance(v, str) else v
            if new not in out:
                out.append(new)
        return out

    touched = {doc_id for doc_id, _ in renames}
    docs = df["doc_id"].tolist()
    rows = [i for i, d in enumerate(docs) if d in touched]  # a rename names its document: only its rows change
    for col in cols:
        if col in df.columns and rows:
            values = df[col].tolist()
            for i in rows:
                values[i] = one(docs[i], values[i])
            df[col] = pd.Series(values, index=df.index, dtype=object)
    return df


def write_errors(errors: ErrorLog, out: Path, dest: Path, stages_run: set[str], notes: list[str],
                 keep_docs: set[str] = frozenset()) -> tuple[Path, list[ErrorRecord], list[ErrorRecord]]:
    """errors.parquet in ``dest``: this run's records, plus the rows of ``<out>``'s
    errors table of stages not run, plus (incremental) its non-read rows of the
    unchanged documents kept. When that table cannot be read (damaged, or its
    file deleted) and it had rows to keep, a line in ``notes`` says they are lost.
    Returns the table's path, the records kept for the unchanged documents (they
    are not processed again, so the run summary lists them with this run's) and
    those of the stages not run that it keeps: the summary counts every row of the
    table (a single stage said "0 documents failed, 0 warnings" beside an
    errors.parquet that held the other stages' 45 warnings)."""
    new = errors.frame()
    kept: list[ErrorRecord] = []
    carried: list[ErrorRecord] = []
    path = table_path(out, "errors")
    if path.exists() or path.is_symlink():  # a link whose file was deleted is a lost table too
        try:
            old = read_table(out, "errors")
            other = ~old["stage"].isin(stages_run)
            keep = other.copy()
            if keep_docs:
                unchanged = old["doc_id"].isin(keep_docs) & (old["stage"] != "read")
                keep |= unchanged
                kept = _records(old.loc[unchanged & ~other], list(new.columns))
            carried = _records(old.loc[other], list(new.columns))
            old = old[keep]
            new = pd.concat([old, new], ignore_index=True) if len(old) else new
        except (MissingTableError, TableSchemaError, ValueError, OSError) as exc:
            # not carried over; a run of every stage over every document loses nothing by it
            if keep_docs or not {"read", *stage_names()} <= stages_run:
                notes.append(f"errors.parquet of the earlier run cannot be read ({type(exc).__name__}): its "
                             f"failures and warnings of stages not run now are lost; `pipeline run all` "
                             f"records them again")
    write_table(new, dest, "errors")
    return path, kept, carried


def _records(rows: pd.DataFrame, columns: list[str]) -> list[ErrorRecord]:
    return [ErrorRecord(*(None if pd.isna(v) else v for v in row)) for row in rows[columns].itertuples(index=False)]
