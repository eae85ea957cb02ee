"""The thin layer around the stage functions: batches, the one parse, tables, errors.

``run(stages, settings)`` runs the named stages (registry order) as a stream:

1. **Batches.** Documents flow in batches of ``settings.batch_size``. ``run
   all`` reads the inputs lazily and takes each batch through *every* stage in
   memory (clean -> parse -> sentences -> entities -> quotes -> claims) before
   the next batch; a single stage (``run entities``) streams the documents
   table and reads the batch's Docs from the parse cache.
2. **One parse.** Each batch is parsed once with ``nlp.pipe`` inside
   ``nlp.memory_zone()`` (so spaCy's string store does not grow with the
   corpus); every stage of the batch reads those Docs, and they are saved as
   one ``DocBin`` part per batch (``pipeline.parse``) so one stage can be
   rerun later without re-parsing.
3. **Tables as they fill.** Each batch's rows are written as a Parquet part
   into a hidden folder per table (``tables.PartWriter``); only at the end is
   every table renamed into place (a single file when the run had one batch,
   else a folder of parts at ``<out>/<table>.parquet``). An interrupted run
   leaves every previous table whole. Peak memory is one batch, plus the
   upstream tables of a single-stage run and the output of a ``finalize``.
4. **Corpus finalize.** After the last batch, a stage's ``finalize`` hook (see
   ``registry``) runs over its whole output table, e.g. to give an entity one
   canonical name across the corpus; renamed canonicals are propagated to
   ``CANONICAL_REFS``.
5. **Workers / engines.** ``workers=1`` runs batches in this process;
   ``workers=N`` in N worker processes (each loads the model once); ``engine
   ="dask"`` hands Parquet partitions to a Dask cluster (``dask_engine``).
6. **Incremental.** ``run all`` records a fingerprint (model name and
   version, spaCy version, a hash of the pipeline's code and resources) in
   ``<out>/manifest.json``. A rerun with the same fingerprint skips every
   document whose ``doc_id``, ``path`` and content hash are unchanged and
   copies its rows from the previous tables; only new or changed documents
   are cleaned and parsed, and the corpus finalize runs again over all rows.
7. **Isolation.** Stage functions catch per-document failures themselves;
   if a stage still raises one of ``errors.DOCUMENT_ERRORS`` for a batch, the
   runner reruns that stage one document at a time, records the failing
   document(s) in ``errors.parquet`` and goes on.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import time
from collections import deque
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Protocol

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from .attribute_rules import PROVIDES
from .errors import DOCUMENT_ERRORS, ErrorLog, ErrorRecord
from .nlp import DEFAULT_MODEL, load_nlp
from .parse import BATCH_SIZE, DocIndex, docbin_bytes, load_cached, memory_zone, text_hash
from .readers import DEFAULT_MAX_CHARS, HTML_SUFFIXES, TEXT_SUFFIXES, RawDocument, input_files, iter_inputs
from .registry import LAZY_COMPONENTS, PRODUCER, STAGES, Stage, get_stage
from .tables import (MissingTableError, PartWriter, TableSchemaError, checked_dataset, read_table, sweep_temporary,
                     table_files, table_path, write_table)

ENGINES = ("local", "dask")
MANIFEST_NAME = "manifest.json"
#: Columns that hold canonical entity names; a corpus finalize that renames a
#: canonical renames it here too (SPEC: quotes.speaker / claims.speaker are
#: "canonical name of the person or body").
CANONICAL_REFS: dict[str, tuple[str, ...]] = {"quotes": ("speaker",), "claims": ("speaker",)}


class EngineError(ValueError):
    """A bad engine/scheduler/batch setting (a usage error)."""


@dataclass
class Settings:
    input: Path = Path("seeds")
    out: Path = Path("data")
    model: str = DEFAULT_MODEL
    max_chars: int = DEFAULT_MAX_CHARS
    workers: int = 1
    batch_size: int = BATCH_SIZE
    engine: str = "local"
    scheduler: str | None = None
    incremental: bool = True


@dataclass
class TableReport:
    table: str
    rows: int
    path: Path
    seconds: float
    implemented: bool = True


@dataclass
class RunSummary:
    tables: list[TableReport] = field(default_factory=list)
    errors: ErrorLog = field(default_factory=ErrorLog)
    errors_path: Path | None = None
    processed: int = 0   # documents taken through the stages in this run
    skipped: int = 0     # unchanged documents whose rows were kept (incremental)
    seconds: float = 0.0


class Progress(Protocol):
    """What the runner reports progress to (the CLI shows a rich progress bar)."""

    def start(self, total: int | None) -> None: ...
    def advance(self, n: int) -> None: ...
    def stop(self) -> None: ...


# --- fingerprints -------------------------------------------------------------

_PACKAGE_DIR = Path(__file__).resolve().parent
#: The files that shape the cached parse (``parse_key``); editing any other
#: file keeps the parse cache (stage code is re-run, the parse is not).
#: ``load_nlp`` (nlp.py) builds the pipeline that runs in ``nlp.pipe``: the
#: compiled attribute_ruler (attribute_rules.py), the sentence rules (nlp.py)
#: and the entity rules (ner_rules.py, which imports parse.doc_text); parse.py
#: also decides what the DocBin stores. Those modules read word lists from
#: resources/ by name (ner_rules builds names at run time), so all of
#: resources/ counts except the claims_* lists, which only the claims stage
#: reads. lemmas.py is left out: ``lemmas.register`` only prepares the
#: lemmatizer, which never runs in the parse (``LAZY_COMPONENTS`` are always
#: disabled and are part of the key themselves).
_PARSE_SHAPING = ("nlp.py", "attribute_rules.py", "ner_rules.py", "parse.py", "resources/")
_PARSE_NEUTRAL_RESOURCES = "resources/claims_"


def _shapes_parse(rel: str) -> bool:
    return rel.startswith(_PARSE_SHAPING) and not rel.startswith(_PARSE_NEUTRAL_RESOURCES)


@lru_cache(maxsize=4)
def code_hash(parse_only: bool = False) -> str:
    """sha256 over the package's source and resource files (not __pycache__);
    with ``parse_only`` over the files that shape the parse only."""
    h = hashlib.sha256()
    for p in sorted(_PACKAGE_DIR.rglob("*")):
        rel = p.relative_to(_PACKAGE_DIR).as_posix()
        if not p.is_file() or "__pycache__" in rel or p.suffix in (".pyc", ".pyo"):
            continue
        if parse_only and not _shapes_parse(rel):
            continue
        h.update(rel.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=8)
def model_version(model: str) -> str:
    import importlib.metadata as md

    import spacy

    try:
        return md.version(model.replace("_", "-"))
    except md.PackageNotFoundError:
        pass
    meta = Path(model) / "meta.json"
    if meta.is_file():
        try:
            return str(json.loads(meta.read_text()).get("version", "?")) + ":" + hashlib.sha1(meta.read_bytes()).hexdigest()[:8]
        except (OSError, ValueError):
            pass
    return f"spacy-{spacy.__version__}-unknown"


def parse_needs() -> tuple[str, ...] | None:
    """Union of the components the Doc-reading stages need (None = all)."""
    union: set[str] = set()
    for s in STAGES:
        if s.needs_docs:
            if s.needs is None:
                return None
            union.update(s.needs)
    return tuple(sorted(union))


def parse_key(model: str) -> str:
    import spacy

    data = {"model": model, "version": model_version(model), "spacy": spacy.__version__,
            "needs": parse_needs(), "lazy": LAZY_COMPONENTS, "code": code_hash(parse_only=True)}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:20]


def run_fingerprint(settings: Settings, stage_names: Iterable[str]) -> str:
    import spacy

    data = {"model": settings.model, "version": model_version(settings.model), "spacy": spacy.__version__,
            "code": code_hash(), "stages": list(stage_names)}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:20]


def disabled_components(nlp) -> list[str]:
    lazy = [p for p in nlp.pipe_names if p in LAZY_COMPONENTS]
    needs = parse_needs()
    if needs is None:
        return lazy
    keep = set(needs) - set(LAZY_COMPONENTS)
    # A replacement counts as the component it replaces ("attribute_ruler" ->
    # the compiled claimex_attribute_rules, which load_nlp puts in its place).
    keep.update(p for p in nlp.pipe_names if PROVIDES.get(p) in keep)
    # A listener (tagger/parser on a shared tok2vec) needs the tok2vec it listens to.
    for name in list(keep):
        if name in nlp.pipe_names:
            for src in nlp.pipe_names:
                if name in getattr(nlp.get_pipe(src), "listening_components", ()):
                    keep.add(src)
    return [p for p in nlp.pipe_names if p not in keep]


def check_model(model: str) -> None:
    """Fail before any work when the model is not installed (without loading it)."""
    import spacy

    if spacy.util.is_package(model) or (Path(model) / "meta.json").is_file() or (Path(model) / "config.cfg").is_file():
        return
    load_nlp(model)  # raises ModelNotFoundError with the full message


# --- one batch ----------------------------------------------------------------

@dataclass
class BatchTask:
    """One batch of documents and what it needs; picklable (sent to workers)."""

    number: int
    stages: tuple[str, ...]
    model: str
    raw: list[RawDocument] | None = None                  # when the clean stage runs
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)  # upstream tables, this batch's rows
    cached: dict[str, tuple[str, int, str]] = field(default_factory=dict)  # doc_id -> (part, pos, text hash)
    docs_dir: str = ""


@dataclass
class BatchResult:
    number: int
    tables: dict[str, pd.DataFrame]
    errors: list[ErrorRecord]
    docbin: bytes | None
    parsed: list[tuple[str, str]]     # (doc_id, text hash) of the Docs in ``docbin``, in order
    seconds: dict[str, float]
    n_docs: int
    doc_ids: list[str]                # documents of the batch (rows of the documents table)


class BatchContext:
    """``registry.StageContext`` for one batch: tables and Docs of its documents only."""

    def __init__(self, tables: dict[str, pd.DataFrame], raw: list[RawDocument] | None,
                 docs: dict, errors: ErrorLog, model: str):
        self._tables = tables
        self._raw = raw
        self._docs = docs
        self.errors = errors
        self._model = model

    def table(self, name: str) -> pd.DataFrame:
        try:
            return self._tables[name]
        except KeyError:
            raise MissingTableError(f"table {name!r} is not available to this stage; "
                                    f"run `pipeline run {PRODUCER.get(name, name)}` first") from None

    def raw_documents(self) -> list[RawDocument]:
        return list(self._raw or [])

    def docs(self):
        return self._docs

    def doc_keys(self) -> list[tuple[str, str | None]]:
        """(doc_id, path) of the batch's documents, for per-document retries."""
        if self._raw is not None and "documents" not in self._tables:
            return [(r.doc_id, r.path) for r in self._raw]
        d = self._tables["documents"]
        return list(zip(d["doc_id"], d["path"]))

    def only(self, doc_id: str, errors: ErrorLog) -> "BatchContext":
        tables = {n: t[t["doc_id"] == doc_id] for n, t in self._tables.items()}
        raw = [r for r in self._raw if r.doc_id == doc_id] if self._raw is not None else None
        docs = {doc_id: self._docs[doc_id]} if doc_id in self._docs else {}
        return BatchContext(tables, raw, docs, errors, self._model)


def _run_isolated(stage: Stage, ctx: BatchContext, errors: ErrorLog) -> pd.DataFrame:
    """Run a stage on a batch; if it raises for the batch, retry per document."""
    trial = ErrorLog()
    try:
        df = stage.run(BatchContext(ctx._tables, ctx._raw, ctx._docs, trial, ctx._model))
        errors.extend(trial.records)
        return df
    except DOCUMENT_ERRORS:
        pass
    frames = []
    for doc_id, path in ctx.doc_keys():
        one = ErrorLog()
        try:
            frames.append(stage.run(ctx.only(doc_id, one)))
            errors.extend(one.records)
        except DOCUMENT_ERRORS as exc:
            errors.document_failed(doc_id, path, stage.name, exc)
    frames = [f for f in frames if len(f)]
    from .tables import empty_frame

    return pd.concat(frames, ignore_index=True) if frames else empty_frame(stage.output)


def _parse_batch(nlp, documents: pd.DataFrame, task: BatchTask, errors: ErrorLog, stage: str):
    """Docs for the batch: cached ones from the DocBin store, the rest parsed once."""
    docs: dict = {}
    refs, todo = {}, []
    for doc_id, path, text in zip(documents["doc_id"], documents["path"], documents["text"]):
        th = text_hash(text)
        hit = task.cached.get(doc_id)
        if hit is not None and hit[2] == th and task.docs_dir and (Path(task.docs_dir) / hit[0]).exists():
            refs[doc_id] = (hit[0], hit[1])
        else:
            todo.append((doc_id, path, text, th))
    if refs:
        docs.update(load_cached(task.docs_dir, refs, nlp.vocab))
    disable = disabled_components(nlp)
    parsed: list[tuple[str, str]] = []
    new_docs = []
    try:
        # One spaCy batch per task (a task holds at most settings.batch_size documents).
        out = list(nlp.pipe([t[2] for t in todo], batch_size=max(len(todo), 1), disable=disable))
        pairs = list(zip(todo, out))
    except DOCUMENT_ERRORS:
        # One text broke a component: parse one at a time to find and skip it.
        pairs = []
        for item in todo:
            try:
                pairs.append((item, nlp(item[2], disable=disable) if disable else nlp(item[2])))
            except DOCUMENT_ERRORS as exc:
                errors.document_failed(item[0], item[1], stage, exc)
    for (doc_id, _path, _text, th), doc in pairs:
        docs[doc_id] = doc
        parsed.append((doc_id, th))
        new_docs.append(doc)
    # keep the batch's document order
    order = {d: i for i, d in enumerate(documents["doc_id"])}
    return dict(sorted(docs.items(), key=lambda kv: order[kv[0]])), parsed, new_docs


#: A short article that exercises every stage (dateline, names, a direct and an
#: indirect quote, a prescriptive and a predictive claim) for ``warm_up``.
WARM_UP_TEXT = (
    "Talks resume in Vienna\n\n"
    "VIENNA, December 4 (TASS) - Foreign Minister Igor Sekreta said on Monday that the OSCE "
    "must return to dialogue. \u201cWe are ready to work with everyone,\u201d he stressed. "
    "According to the ministry, the talks will continue in 2026. The sides should meet again.\n"
)
_WARMED: set[int] = set()


def warm_up(nlp, model: str) -> None:
    """Run every stage once on ``WARM_UP_TEXT`` outside any memory zone.

    Why: stage code may build vocab-bound objects lazily on first use and keep
    them (e.g. an ``lru_cache``d spaCy ``Matcher``). Built inside a batch's
    ``nlp.memory_zone()``, their strings would be transient and vanish when the
    zone closes, breaking every later batch (``[E018] Can't retrieve string``,
    found with the claims stage's cue matcher). Warming up once per loaded
    model, outside a zone, makes such first-use objects permanent. Contract for
    stage code: anything kept across calls must be created on first use, or
    add its strings with ``vocab.strings.add(s, allow_transient=False)``.
    """
    if id(nlp) in _WARMED:
        return
    raw = [RawDocument("warm-up", "<warm-up>", WARM_UP_TEXT, content_hash="warm-up")]
    task = BatchTask(-1, tuple(s.name for s in STAGES), model, raw=raw)
    _process(task, nlp, zone=False)
    _WARMED.add(id(nlp))


def process_batch(task: BatchTask) -> BatchResult:
    """Take one batch through the selected stages, in memory. Pure of I/O except
    reading cached DocBin parts; used in-process, by worker processes and by Dask."""
    nlp = load_nlp(task.model)
    warm_up(nlp, task.model)
    return _process(task, nlp, zone=True)


def _process(task: BatchTask, nlp, *, zone: bool) -> BatchResult:
    errors = ErrorLog()
    stages = [get_stage(n) for n in task.stages]
    tables = dict(task.tables)
    seconds: dict[str, float] = {}
    docbin, parsed = None, []
    with memory_zone(nlp) if zone else nullcontext():
        docs: dict | None = None
        for stage in stages:
            t0 = time.perf_counter()
            if stage.needs_docs and docs is None:
                docs, parsed, new_docs = _parse_batch(nlp, tables["documents"], task, errors, stage.name)
                if new_docs:
                    docbin = docbin_bytes(new_docs)
                del new_docs
            ctx = BatchContext(tables, task.raw, docs or {}, errors, task.model)
            tables[stage.output] = _run_isolated(stage, ctx, errors)
            seconds[stage.name] = seconds.get(stage.name, 0.0) + time.perf_counter() - t0
        docs = None
    documents = tables.get("documents")
    doc_ids = list(documents["doc_id"]) if documents is not None else []
    n_docs = len(task.raw) if task.raw is not None else len(doc_ids)
    return BatchResult(task.number, {s.output: tables[s.output] for s in stages}, errors.records,
                       docbin, parsed, seconds, n_docs, doc_ids)


# --- worker processes -------------------------------------------------------

def _init_worker(model: str) -> None:
    load_nlp(model)  # once per worker process; never shipped in a task


def _run_pool(tasks: Iterator[BatchTask], sink: "Sink", settings: Settings) -> None:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # N processes on N cores: keep BLAS/OpenMP single-threaded in each.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    ctx = mp.get_context("spawn")  # fork after pyarrow's threads started is unsafe
    with ProcessPoolExecutor(settings.workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(settings.model,)) as pool:
        pending: deque = deque()
        for task in tasks:
            pending.append(pool.submit(process_batch, task))
            # bounded: at most two batches per worker in flight (memory stays flat)
            while len(pending) >= 2 * settings.workers:
                sink.add(pending.popleft().result())
        while pending:
            sink.add(pending.popleft().result())


# --- the driver ---------------------------------------------------------------

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
        self.n_docs = 0

    def add(self, result: BatchResult) -> None:
        for table, df in result.tables.items():
            if len(df):
                self.writers[table].write(df)
        if result.docbin:
            self.index.write_part(result.docbin, result.parsed)
        self._account(result.errors, result.seconds, result.n_docs, result.doc_ids)

    def _account(self, errors, seconds, n_docs, doc_ids) -> None:
        self.errors.extend(errors)
        for k, v in seconds.items():
            self.seconds[k] = self.seconds.get(k, 0.0) + v
        self.doc_ids.extend(doc_ids)
        self.n_docs += n_docs
        if self.progress is not None:
            self.progress.advance(n_docs)


@dataclass
class _Previous:
    """What an earlier complete ``run all`` left (for incremental reruns)."""

    docs: dict[str, tuple[str, str]]  # doc_id -> (content_hash, path)


def _load_previous(settings: Settings, outputs: list[str], fingerprint: str) -> _Previous | None:
    out = settings.out
    try:
        manifest = json.loads((out / MANIFEST_NAME).read_text())
    except (OSError, ValueError):
        return None
    if manifest.get("fingerprint") != fingerprint:
        return None
    if not all(table_path(out, t).exists() for t in outputs):
        return None
    try:
        t = pq.ParquetDataset(table_path(out, "documents")).read(columns=["doc_id", "content_hash", "path"])
    except (pa.ArrowInvalid, OSError, KeyError):
        return None
    docs = {d: (h, p) for d, h, p in zip(*(t.column(c).to_pylist() for c in ("doc_id", "content_hash", "path"))) if h}
    return _Previous(docs)


def _invalidate_manifest(out: Path) -> None:
    (out / MANIFEST_NAME).unlink(missing_ok=True)


def _count_inputs(path: Path) -> int | None:
    if path.is_dir():
        return len(input_files(path))
    if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
        return 1
    return None


def _tasks_from_inputs(settings: Settings, stage_names: tuple[str, ...], index: DocIndex, errors: ErrorLog,
                       previous: _Previous | None, skipped: set[str],
                       progress: Progress | None = None) -> Iterator[BatchTask]:
    batch: list[RawDocument] = []
    number = 0

    def task(raws):
        cached = {r.doc_id: index.entries[r.doc_id] for r in raws if r.doc_id in index.entries}
        return BatchTask(number, stage_names, settings.model, raw=raws, cached=cached,
                         docs_dir=str(index.dir))

    for item in iter_inputs(settings.input, max_chars=settings.max_chars):
        if isinstance(item, ErrorRecord):
            errors.add(item)
            continue
        if previous is not None and previous.docs.get(item.doc_id) == (item.content_hash, item.path):
            skipped.add(item.doc_id)
            if progress is not None:
                progress.advance(1)
            continue
        batch.append(item)
        if len(batch) >= settings.batch_size:
            yield task(batch)
            number += 1
            batch = []
    if batch:
        yield task(batch)


def _tasks_from_tables(settings: Settings, selected: list[Stage], index: DocIndex) -> Iterator[BatchTask]:
    """Batches for a run that starts after ``clean``: stream the documents table,
    slice the other upstream tables (read whole: they are small next to the Docs)."""
    produced = {s.output for s in selected}
    upstream = sorted({t for s in selected for t in s.inputs if t not in produced and t != "documents"})
    whole = {t: read_table(settings.out, t, stage_hint=PRODUCER.get(t)) for t in upstream}
    groups = {t: df.groupby("doc_id", sort=False).indices for t, df in whole.items()}
    checked_dataset(settings.out, "documents", stage_hint="clean")  # the contract, before any work
    dataset = ds.dataset([str(p) for p in table_files(settings.out, "documents")], format="parquet")
    names = tuple(s.name for s in selected)
    import numpy as np

    for number, rb in enumerate(dataset.to_batches(batch_size=settings.batch_size)):
        documents = pa.Table.from_batches([rb]).to_pandas()
        if not len(documents):
            continue
        ids = list(documents["doc_id"])
        tables = {"documents": documents}
        for t, df in whole.items():
            idx = [groups[t][d] for d in ids if d in groups[t]]
            tables[t] = df.iloc[np.concatenate(idx)] if idx else df.iloc[0:0]
        cached = {d: index.entries[d] for d in ids if d in index.entries}
        yield BatchTask(number, names, settings.model, tables=tables, cached=cached,
                        docs_dir=str(index.dir))


def _copy_unchanged(out: Path, table: str, keep: set[str], writer: PartWriter) -> None:
    """Copy the rows of unchanged documents from the previous table, part by part."""
    if not keep:
        return
    keep_arr = pa.array(sorted(keep), type=pa.string())
    for path in table_files(out, table):
        t = pq.read_table(path)
        t = t.filter(pc.is_in(t.column("doc_id"), value_set=keep_arr))
        if t.num_rows:
            writer.write_arrow(t)


def _finalize(stage: Stage, writers: dict[str, PartWriter], batch_rows: int) -> None:
    """Run ``stage.finalize`` over the stage's whole table (this run's parts).

    The hook sees the rows sorted by the table's key (``doc_id``, then its id
    column, e.g. ``ent_id``), whatever the batch size, worker count, engine or
    incremental reuse, so tie-breaks such as "the first name seen" are the same
    in every kind of run.
    """
    writer = writers[stage.output]
    from .schemas import schema_for

    keys = [f.name for f in schema_for(stage.output)][:2]
    before = writer.read().sort_values(keys, kind="mergesort").reset_index(drop=True)
    after = stage.finalize(before)
    if len(after) != len(before):
        raise ValueError(f"finalize of stage {stage.name!r} returned {len(after)} rows for {len(before)}; "
                         "a finalize may change columns, not rows")
    renames = _canonical_renames(before, after)
    del before
    writer.rewrite(after.iloc[i:i + batch_rows] for i in range(0, max(len(after), 1), batch_rows) if len(after))
    del after
    if not renames:
        return
    for table, cols in CANONICAL_REFS.items():
        if table in writers and table != stage.output:
            w = writers[table]
            w.rewrite(_renamed(pq.read_table(p).to_pandas(), cols, renames) for p in w.parts())


def _canonical_renames(before: pd.DataFrame, after: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(doc_id, old canonical) -> new canonical, for names a finalize changed."""
    if "canonical" not in before.columns or "canonical" not in after.columns:
        return {}
    keys = [c for c in ("doc_id", "ent_id") if c in before.columns and c in after.columns]
    a = before[keys + ["canonical"]]
    b = after[keys + ["canonical"]].rename(columns={"canonical": "new"})
    m = a.merge(b, on=keys, how="inner")
    m = m[m["canonical"].notna() & (m["canonical"] != m["new"])]
    if not len(m):
        return {}
    # when one local name maps to several corpus names in a document, take the most frequent
    top = m.groupby(["doc_id", "canonical", "new"], dropna=False).size().reset_index(name="n")
    top = top.sort_values("n", ascending=False).drop_duplicates(["doc_id", "canonical"])
    return {(d, c): n for d, c, n in zip(top["doc_id"], top["canonical"], top["new"])}


def _renamed(df: pd.DataFrame, cols: tuple[str, ...], renames: dict[tuple[str, str], str]) -> pd.DataFrame:
    for col in cols:
        if col in df.columns:
            df[col] = [renames.get((d, v), v) if isinstance(v, str) else v for d, v in zip(df["doc_id"], df[col])]
    return df


def check_inputs(stage: Stage, settings: Settings, produced: set[str]) -> None:
    """Fail fast, before any work, when an upstream table is missing."""
    for name in stage.inputs:
        if name not in produced and not table_path(settings.out, name).exists():
            raise MissingTableError(
                f"stage {stage.name!r} needs table {name!r} ({table_path(settings.out, name)}); "
                f"run `pipeline run {PRODUCER[name]}` first (or `pipeline run all`)"
            )


def _check_settings(settings: Settings, selected: list[Stage]) -> None:
    if settings.engine not in ENGINES:
        raise EngineError(f"--engine {settings.engine!r} is not one of: {', '.join(ENGINES)}")
    if settings.batch_size < 1:
        raise EngineError(f"--batch-size {settings.batch_size} must be at least 1")
    if settings.workers < 1:
        raise EngineError(f"--workers {settings.workers} must be at least 1")
    if settings.scheduler and settings.engine != "dask":
        raise EngineError("--scheduler needs --engine dask")
    if settings.engine == "dask" and importlib.util.find_spec("distributed") is None:
        raise EngineError("--engine dask needs the optional dask extra: pip install '.[dask]' "
                          "(dask[dataframe,distributed])")
    if settings.engine == "dask" and selected[0].name != "clean":
        raise EngineError(f"--engine dask runs from the clean stage (`pipeline run all`); "
                          f"run {selected[0].name!r} with --engine local")


def run(stage_names: list[str], settings: Settings, *, on_stage_start: Callable[[Stage], None] | None = None,
        progress: Progress | None = None) -> RunSummary:
    t_start = time.perf_counter()
    settings.out = Path(settings.out)
    settings.input = Path(settings.input)
    selected = [s for s in STAGES if s.name in stage_names]
    if not selected:
        raise KeyError(f"no stage selected from {stage_names!r}")
    _check_settings(settings, selected)
    produced: set[str] = set()
    for stage in selected:
        check_inputs(stage, settings, produced)
        produced.add(stage.output)
    check_model(settings.model)
    out = settings.out
    out.mkdir(parents=True, exist_ok=True)
    sweep_temporary(out)

    summary = RunSummary()
    names = tuple(s.name for s in selected)
    full = names == tuple(s.name for s in STAGES)
    fingerprint = run_fingerprint(settings, names)
    index = DocIndex.load(out, parse_key(settings.model))
    writers: dict[str, PartWriter] = {}
    skipped: set[str] = set()
    try:
        for s in selected:
            writers[s.output] = PartWriter(out, s.output)
        sink = Sink(writers, index, summary.errors, progress)
        for s in selected:
            if on_stage_start:
                on_stage_start(s)
        if selected[0].name == "clean":
            previous = _load_previous(settings, [s.output for s in selected], fingerprint) \
                if (full and settings.incremental) else None
            tasks = _tasks_from_inputs(settings, names, index, summary.errors, previous, skipped, progress)
            total = _count_inputs(settings.input)
        else:
            tasks = _tasks_from_tables(settings, selected, index)
            total = _count_rows(out, "documents")
        if progress is not None:
            progress.start(total)
        try:
            if settings.engine == "dask":
                from .dask_engine import run_dask

                run_dask(tasks, sink, settings)
            elif settings.workers > 1:
                _run_pool(tasks, sink, settings)
            else:
                for task in tasks:
                    sink.add(process_batch(task))
        finally:
            if progress is not None:
                progress.stop()
        for s in selected:
            _copy_unchanged(out, s.output, skipped, writers[s.output])
        for s in selected:
            if s.finalize is not None:
                _finalize(s, writers, max(settings.batch_size * 50, 1000))
        # Publish: the manifest goes first (a crash mid-publish means "no
        # incremental state" -> a full rerun, never a wrong skip).
        _invalidate_manifest(out)
        for s in selected:
            t0 = time.perf_counter()
            path = writers[s.output].commit()
            secs = sink.seconds.get(s.name, 0.0) + time.perf_counter() - t0
            summary.tables.append(TableReport(s.output, writers[s.output].n_rows, path, secs, s.implemented))
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    if selected[0].name == "clean":
        index.commit(keep=set(sink.doc_ids) | skipped)
    else:
        index.commit()
    summary.processed = sink.n_docs
    summary.skipped = len(skipped)
    stages_run = set(names) | ({"read"} if "clean" in names else set())
    summary.errors_path = _write_errors(summary.errors, out, stages_run, keep_docs=skipped)
    if full:
        _write_manifest(out, fingerprint)
    summary.seconds = time.perf_counter() - t_start
    return summary


def _count_rows(out: Path, table: str) -> int | None:
    try:
        return sum(pq.ParquetFile(p).metadata.num_rows for p in table_files(out, table))
    except (OSError, pa.ArrowInvalid):
        return None


def _write_manifest(out: Path, fingerprint: str) -> None:
    from .parse import atomic_bytes

    atomic_bytes(out / MANIFEST_NAME, json.dumps({"fingerprint": fingerprint}).encode())


def _write_errors(errors: ErrorLog, out: Path, stages_run: set[str], keep_docs: set[str] = frozenset()) -> Path:
    """errors.parquet: this run's records, plus earlier rows of stages not run,
    plus (incremental) the earlier non-read rows of the unchanged documents kept."""
    new = errors.frame()
    path = table_path(out, "errors")
    if path.exists():
        try:
            old = read_table(out, "errors")
            keep = ~old["stage"].isin(stages_run)
            if keep_docs:
                keep |= old["doc_id"].isin(keep_docs) & (old["stage"] != "read")
            old = old[keep]
            new = pd.concat([old, new], ignore_index=True) if len(old) else new
        except (MissingTableError, TableSchemaError, ValueError):
            pass
    return write_table(new, out, "errors")
