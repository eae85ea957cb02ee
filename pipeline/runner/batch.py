"""One batch of documents through the selected stages, in memory.

``process_batch(task)`` is the unit of work of every engine (in-process, worker
processes, Dask): it parses the batch once (or loads its cached Docs), calls
each stage function with the tables and Docs its parameters name (registry
module doc), and returns the rows, errors and the new DocBin part. It does no
I/O except reading cached DocBin parts.

A batch of a folder input carries file names, not texts: the process that
takes the batch reads and decodes its files (``inputs.readers.read_file_item``)
and skips, in an incremental run, those whose content hash and path are those
of the previous run (``BatchResult.skipped``). With ``BatchTask.parts_dir``
set, it also writes its own Parquet parts and DocBin part there and returns
their paths, so the process that collects results only renames files.

Isolation: stage functions catch per-document failures themselves; if a stage
still raises one of ``errors.DOCUMENT_ERRORS`` for a batch, the stage is rerun
one document at a time and the failing document(s) are recorded.
"""
from __future__ import annotations

import os
import resource
import time
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

import pyarrow.parquet as pq

from ..errors import DOCUMENT_ERRORS, ClaimexError, ErrorLog, ErrorRecord, ModelError
from ..inputs.readers import DEFAULT_MAX_CHARS, InputFile, RawDocument, read_file_item
from ..nlp.docs import memory_zone, text_hash
from ..nlp.loader import disabled_components
from ..registry import Stage, get_stage, load_pipeline, producer, stages
from ..tables import MissingTableError, empty_frame, has_private_columns, to_arrow
from .long_texts import parse_texts
from .parse_cache import docbin_bytes, load_cached


@dataclass
class BatchTask:
    """One batch of documents and what it needs; picklable (sent to workers)."""

    number: int
    stages: tuple[str, ...]
    model: str
    raw: list[RawDocument] | None = None                  # when the clean stage runs
    files: list[InputFile] | None = None                   # read by the process that takes the batch
    previous: dict[str, tuple[str, str]] = field(default_factory=dict)  # doc_id -> (hash, path) it may skip
    max_chars: int = DEFAULT_MAX_CHARS
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)  # upstream tables, this batch's rows
    cached: dict[str, tuple[str, int, str]] = field(default_factory=dict)  # doc_id -> (part, pos, text hash)
    docs_dir: str = ""
    parts_dir: str = ""   # when set, the batch writes its parts here (module doc)
    sub: int | None = None  # one document of batch ``number``, run alone (``document_tasks``)

    def documents(self) -> list[tuple[str, str | None]]:
        """(doc_id, path) of each document the task holds, in order."""
        if self.files is not None:
            return [(f.doc_id, f.path) for f in self.files]
        return _doc_keys(self.raw, self.tables)


def _doc_keys(raw: list[RawDocument] | None, tables: dict[str, pd.DataFrame]) -> list[tuple[str, str | None]]:
    """(doc_id, path) of a batch's documents: its raw documents, or its documents table."""
    if raw is not None and "documents" not in tables:
        return [(r.doc_id, r.path) for r in raw]
    d = tables.get("documents")
    return list(zip(d["doc_id"], d["path"])) if d is not None else []


def _one_document(tables: dict[str, pd.DataFrame], raw: list[RawDocument] | None, doc_id: str):
    """The tables' rows and the raw document of one document of a batch."""
    return ({n: t[t["doc_id"] == doc_id] for n, t in tables.items()},
            [r for r in raw if r.doc_id == doc_id] if raw is not None else None)


def document_tasks(task: BatchTask) -> list[BatchTask]:
    """The task cut into one task per document (``sub`` 0, 1, ...), each with
    what it needs of the task: a batch that took its worker process down runs
    again this way, so that only the document that does it is lost (engines)."""
    out = []
    for k, (doc_id, _) in enumerate(task.documents()):
        files = [f for f in task.files if f.doc_id == doc_id] if task.files is not None else None
        tables, raw = _one_document(task.tables, task.raw, doc_id)
        out.append(replace(task, raw=raw, files=files, tables=tables, sub=k,
                           previous={doc_id: task.previous[doc_id]} if doc_id in task.previous else {},
                           cached={doc_id: task.cached[doc_id]} if doc_id in task.cached else {}))
    return out


def part_stem(number: int, sub: int | None) -> str:
    """The file name (without suffix) of a batch's parts. A document run alone
    (``sub``) sorts where its batch would: ``part-00012-00000`` < ``part-00012.``."""
    return f"part-{number:05d}" if sub is None else f"part-{number:05d}-{sub:05d}"


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
    skipped: list[str] = field(default_factory=list)   # unchanged documents (incremental)
    # table -> (part file, rows, whether it holds private columns), when written
    parts: dict[str, tuple[str, int, bool]] = field(default_factory=dict)
    docbin_path: str | None = None    # the DocBin part, when written
    busy: tuple[float, float] = (0.0, 0.0)  # wall-clock start and end of the work (time.time())
    rss_mib: float = 0.0              # peak RSS of the process that took the batch, so far
    sub: int | None = None            # ``BatchTask.sub``

    @property
    def part_stem(self) -> str:
        return part_stem(self.number, self.sub)


class BatchContext:
    """The tables and Docs of one batch of documents, as the stage functions see them."""

    def __init__(self, tables: dict[str, pd.DataFrame], raw: list[RawDocument] | None,
                 docs: dict, errors: ErrorLog):
        self._tables = tables
        self._raw = raw
        self._docs = docs
        self.errors = errors

    def table(self, name: str) -> pd.DataFrame:
        try:
            return self._tables[name]
        except KeyError:
            raise MissingTableError(f"table {name!r} is not available to this stage; "
                                    f"run `pipeline run {producer(name) or name}` first") from None

    def raw_documents(self) -> list[RawDocument]:
        return list(self._raw or [])

    def docs(self) -> dict:
        return self._docs

    def doc_keys(self) -> list[tuple[str, str | None]]:
        """(doc_id, path) of the batch's documents, for per-document retries."""
        return _doc_keys(self._raw, self._tables)

    def only(self, doc_id: str, errors: ErrorLog) -> "BatchContext":
        tables, raw = _one_document(self._tables, self._raw, doc_id)
        docs = {doc_id: self._docs[doc_id]} if doc_id in self._docs else {}
        return BatchContext(tables, raw, docs, errors)

    def with_errors(self, errors: ErrorLog) -> "BatchContext":
        return BatchContext(self._tables, self._raw, self._docs, errors)


# --- stage setup: once per process, outside the per-document guard -------------

_SETUP: dict[str, Any] = {}


def stage_setup(stage: Stage) -> Any:
    """What ``stage.setup()`` returns, loaded once per process. A failure stops
    the run (a ``ModelError`` naming the stage), never one document at a time."""
    if stage.setup is None:
        return None
    if stage.name not in _SETUP:
        try:
            _SETUP[stage.name] = stage.setup()
        except ClaimexError:
            raise
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"stage {stage.name!r} could not load what it needs "
                             f"({type(exc).__name__}: {str(exc)[:160]})") from None
    return _SETUP[stage.name]


def call_stage(stage: Stage, ctx: BatchContext) -> pd.DataFrame:
    """Call the stage function with what its parameters name (registry module doc)."""
    context = {"docs": ctx.docs, "raw": ctx.raw_documents, "errors": lambda: ctx.errors,
               "model": lambda: stage_setup(stage)}
    kwargs = {p: context[p]() if p in context else ctx.table(p) for p in stage.parameters}
    return stage.function(**kwargs)


def run_isolated(stage: Stage, ctx: BatchContext, errors: ErrorLog) -> pd.DataFrame:
    """Run a stage on a batch; if it raises for the batch, retry per document."""
    stage_setup(stage)  # outside the guard: a broken model stops the run
    trial = ErrorLog()
    try:
        df = call_stage(stage, ctx.with_errors(trial))
        errors.extend(trial.records)
        return df
    except DOCUMENT_ERRORS:
        pass
    frames = []
    for doc_id, path in ctx.doc_keys():
        one = ErrorLog()
        try:
            frames.append(call_stage(stage, ctx.only(doc_id, one)))
            errors.extend(one.records)
        except DOCUMENT_ERRORS as exc:
            errors.document_failed(doc_id, path, stage.name, exc)
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty_frame(stage.output)


def parse_batch(nlp, documents: pd.DataFrame, task: BatchTask, errors: ErrorLog, stage: str):
    """Docs for the batch: cached ones from the DocBin store, the rest parsed once.
    A cached part that cannot be used is a cache miss with a warning."""
    docs: dict = {}
    refs, todo = {}, []
    for doc_id, path, text in zip(documents["doc_id"], documents["path"], documents["text"]):
        th = text_hash(text)
        hit = task.cached.get(doc_id)
        if hit is not None and hit[2] == th and task.docs_dir and (Path(task.docs_dir) / hit[0]).exists():
            refs[doc_id] = hit
        else:
            todo.append((doc_id, path, text, th))
    if refs:
        loaded, missed = load_cached(task.docs_dir, refs, nlp.vocab)
        docs.update(loaded)
        if missed:
            for doc_id, path, text in zip(documents["doc_id"], documents["path"], documents["text"]):
                if doc_id in missed:
                    errors.warn(doc_id, path, stage, "parse_cache", missed[doc_id])
                    todo.append((doc_id, path, text, refs[doc_id][2]))
    disable = disabled_components(nlp)
    parsed: list[tuple[str, str]] = []
    new_docs = []
    failed: dict[int, BaseException] = {}
    try:
        out = parse_texts(nlp, [t[2] for t in todo], disable, failed)
        pairs = [(item, doc) for k, (item, doc) in enumerate(zip(todo, out)) if k not in failed]
        for k, exc in failed.items():
            errors.document_failed(todo[k][0], todo[k][1], stage, exc)
    except DOCUMENT_ERRORS:
        # A text broke the pieces around the parse: parse one at a time to find and skip it.
        pairs = []
        for item in todo:
            try:
                pairs.append((item, parse_texts(nlp, [item[2]], disable)[0]))
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
_WARMED: dict[int, int] = {}  # id(nlp) -> its string count after the warm-up
# How many strings a process keeps for good per loaded model, beyond the model's
# and the warm-up's, before its batches run inside ``nlp.memory_zone()``. A zone
# bounds memory, but at a price: inside one, spaCy makes every word outside the
# model's own small vocabulary (about a thousand lexemes) anew in each batch, and
# caches no tokenization. Measured on 400 BBC articles in batches of 64:
# tokenizing alone takes 1.19 s in zones, 0.53 s outside (0.28 s once the words
# are known); all 2,225 BBC articles, 104 s in a 1-worker run outside zones and
# 107 s in zones. Those articles add 19,904 strings, so a run of a few thousand
# articles never needs a zone. A batch that could take the process past this many
# runs in a zone (``needs_zone``), so a larger corpus keeps at most about this
# many (about 95 MiB: 412,000 strings of made-up words took 193 MiB) and goes on
# in zones.
KEPT_STRINGS = 200_000
#: the most strings a batch is expected to add per character of its texts: text of
#: made-up words (each word new) adds about 0.4; news far fewer (BBC: 0.004), so a
#: batch of 64 long articles (250,000 characters) still runs outside a zone
STRINGS_PER_CHAR = 0.5


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
    task = BatchTask(-1, tuple(s.name for s in stages() if not s.corpus), model, raw=raw)
    _process(task, nlp, zone=False)
    _WARMED[id(nlp)] = len(nlp.vocab.strings)


def needs_zone(nlp, chars: int = 0) -> bool:
    """Whether a batch of ``chars`` characters must run inside a memory zone: the
    strings kept since the warm-up and those it may add reach ``KEPT_STRINGS``."""
    return len(nlp.vocab.strings) - _WARMED.get(id(nlp), 0) + STRINGS_PER_CHAR * chars >= KEPT_STRINGS


def _batch_chars(task: BatchTask) -> int:
    """How many characters the batch's documents hold (the texts read, or the
    documents table's texts when the Docs come from the parse cache)."""
    if task.raw is not None:
        return sum(len(doc.text) for doc in task.raw)
    documents = task.tables.get("documents")
    return int(documents["text"].str.len().sum()) if documents is not None and len(documents) else 0


def prepare_process(model: str, stage_names: tuple[str, ...] = ()) -> None:
    """Load the model and the stages' setup once, and warm up (worker start)."""
    nlp = load_pipeline(model)
    for name in stage_names:
        stage_setup(get_stage(name))
    warm_up(nlp, model)


def process_batch(task: BatchTask) -> BatchResult:
    """Take one batch through the selected stages, in memory (reading its files
    first, writing its parts last when asked: module doc); used in-process, by
    worker processes and by Dask."""
    start = time.time()
    nlp = load_pipeline(task.model)
    warm_up(nlp, task.model)
    errors = ErrorLog()
    skipped: list[str] = []
    t0 = time.perf_counter()
    if task.files is not None:
        task = _read_files(task, errors, skipped)
    read_seconds = time.perf_counter() - t0
    if task.raw is not None and not task.raw:
        result = BatchResult(task.number, {get_stage(n).output: empty_frame(get_stage(n).output) for n in task.stages},
                             [], None, [], {}, 0, [])
    else:
        result = _process(task, nlp, zone=needs_zone(nlp, _batch_chars(task)))
    result.errors[:0] = errors.records
    result.skipped = skipped
    result.sub = task.sub
    if task.files is not None:
        result.seconds["read"] = read_seconds
    if task.parts_dir:
        write_parts(result, Path(task.parts_dir))
    result.busy = (start, time.time())
    result.rss_mib = peak_rss_mib()
    return result


def peak_rss_mib() -> float:
    """This process's peak resident memory in MiB: ``VmHWM`` where Linux has it
    (``ru_maxrss`` survives ``exec``, so a process started by a large one would
    report its parent's peak), else ``ru_maxrss``."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _read_files(task: BatchTask, errors: ErrorLog, skipped: list[str]) -> BatchTask:
    """The task with its files read: read errors recorded, unchanged documents skipped."""
    raw = []
    for item in task.files:
        doc = read_file_item(item, task.max_chars)
        if isinstance(doc, ErrorRecord):
            errors.add(doc)
        elif task.previous.get(doc.doc_id) == (doc.content_hash, doc.path):
            skipped.append(doc.doc_id)
        else:
            raw.append(doc)
    return replace(task, raw=raw, files=None, previous={})


def write_parts(result: BatchResult, folder: Path) -> None:
    """Write the batch's rows (one Parquet part per table) and its DocBin part
    into ``folder``; the result then carries their paths instead of the data."""
    for table, df in result.tables.items():
        if len(df):
            (folder / table).mkdir(parents=True, exist_ok=True)
            path = folder / table / f"{result.part_stem}.parquet"
            arrow = to_arrow(df, table, private=True)
            pq.write_table(arrow, path)
            _fsync(path)  # here, in parallel, not in the process that publishes
            result.parts[table] = (str(path), len(df), has_private_columns(arrow.schema, table))
    result.tables = {}
    if result.docbin:
        (folder / "docs").mkdir(parents=True, exist_ok=True)
        path = folder / "docs" / f"{result.part_stem}.spacy"
        path.write_bytes(result.docbin)
        result.docbin_path, result.docbin = str(path), None


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _process(task: BatchTask, nlp, *, zone: bool) -> BatchResult:
    errors = ErrorLog()
    selected = [get_stage(n) for n in task.stages]
    tables = dict(task.tables)
    seconds: dict[str, float] = {}
    docbin, parsed = None, []
    with memory_zone(nlp) if zone else nullcontext():
        docs: dict | None = None
        for stage in selected:
            t0 = time.perf_counter()
            if stage.needs_docs and docs is None:
                docs, parsed, new_docs = parse_batch(nlp, tables["documents"], task, errors, stage.name)
                if new_docs:
                    docbin = docbin_bytes(new_docs)
                del new_docs
            ctx = BatchContext(tables, task.raw, docs or {}, errors)
            tables[stage.output] = run_isolated(stage, ctx, errors)
            seconds[stage.name] = seconds.get(stage.name, 0.0) + time.perf_counter() - t0
        docs = None
    documents = tables.get("documents")
    doc_ids = list(documents["doc_id"]) if documents is not None else []
    n_docs = len(task.raw) if task.raw is not None else len(doc_ids)
    return BatchResult(task.number, {s.output: _with_finalize_features(s, tables[s.output], seconds)
                                     for s in selected}, errors.records, docbin, parsed, seconds, n_docs, doc_ids)


def _with_finalize_features(stage: Stage, table: pd.DataFrame, seconds: dict[str, float]) -> pd.DataFrame:
    """The batch's rows of ``stage`` with the private columns its finalize reads (registry:
    ``finalize_features``), computed here, in parallel, rather than in the corpus pass."""
    if stage.finalize_features is None or not len(table):
        return table
    t0 = time.perf_counter()
    table = table.assign(**stage.finalize_features(table))
    seconds[stage.name] = seconds.get(stage.name, 0.0) + time.perf_counter() - t0
    return table
