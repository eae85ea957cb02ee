"""What a run is asked to do (``Settings``) and what it reports back (``RunSummary``)."""
from __future__ import annotations

import importlib.util
import operator
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..errors import ErrorLog, ErrorRecord, UsageError
from ..inputs.readers import DEFAULT_MAX_CHARS, MIN_MAX_CHARS

ENGINES = ("local", "dask")
#: documents per batch (the unit of streaming, of work per worker and of a Parquet
#: part) for one worker, and the most for several (``batching.auto_batch_size``)
BATCH_SIZE = 64
#: with several workers: the fewest documents per batch, and batches per worker aimed at
MIN_BATCH = 8
BATCHES_PER_WORKER = 16
#: the most --workers and --batch-size take: more worker processes than this help no
#: machine (each holds a model), and a batch is held in memory whole (a 64-document
#: batch of news takes about 30 MB of parses; 100,000 documents would take some 50 GB).
#: Without a limit, `--workers 99999999999` ended with an OverflowError traceback, and
#: `--batch-size 99999999999999999999` ran every stage before it did.
MAX_WORKERS = 1024
MAX_BATCH_SIZE = 100_000
#: the input of ``run all``/``run clean`` when --input is not given
DEFAULT_INPUT = Path("seeds")


class EngineError(UsageError):
    """A bad engine/scheduler/batch setting (a usage error)."""


@dataclass
class Settings:
    input: Path | None = None   # None: DEFAULT_INPUT for a run from clean; only such runs read it
    out: Path = Path("data")
    #: None: DEFAULT_MODEL, or for a single stage the model the tables in ``out`` were built with
    #: (run.json; ``driver.choose_model``)
    model: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    workers: int = 1
    batch_size: int | None = None  # None: chosen from the corpus size and workers
    engine: str = "local"
    scheduler: str | None = None
    incremental: bool = True

    def __post_init__(self):
        # a Path is a model path too (``extract(model=Path(...))``); the runner keys, records
        # and loads the model by its text (``check_settings`` refuses what is neither)
        if isinstance(self.model, os.PathLike):
            self.model = os.fspath(self.model)


@dataclass
class TableReport:
    table: str
    rows: int
    path: Path
    seconds: float


@dataclass
class RunSummary:
    tables: list[TableReport] = field(default_factory=list)
    errors: ErrorLog = field(default_factory=ErrorLog)
    errors_path: Path | None = None
    #: the earlier run's failures and warnings of the unchanged documents kept (incremental):
    #: not processed again, they stay in errors.parquet and in the summary
    kept_errors: list[ErrorRecord] = field(default_factory=list)
    #: the earlier run's failures and warnings of the stages this run did not run (a single
    #: stage), which errors.parquet keeps: the summary counts them
    carried_errors: list[ErrorRecord] = field(default_factory=list)
    processed: int = 0   # documents taken through the stages in this run
    skipped: int = 0     # unchanged documents whose rows were kept (incremental)
    not_read: int = 0    # input files or records that could not be read (listed in errors)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)  # what the run decided, in one line each
    #: wall seconds per phase: start (checks, setup), batches (from the first
    #: batch handed out to the last result), finalize, publish
    phases: dict[str, float] = field(default_factory=dict)
    #: CPU seconds of this process in the batch phase (all batch work, with one
    #: worker), finalize and publish: what a machine with idle cores would take
    phases_cpu: dict[str, float] = field(default_factory=dict)
    workers: int = 1
    batch_size: int = BATCH_SIZE
    busy_seconds: float = 0.0  # batch work summed over all workers
    worker_rss_mib: float = 0.0  # peak RSS of the largest process that took batches

    @property
    def serial_seconds(self) -> float:
        """Wall time outside parallel batch work (start-up, reading in this
        process, finalize, publishing): what more workers cannot shorten."""
        return max(self.seconds - self.phases.get("batches", 0.0), 0.0)

    @property
    def efficiency(self) -> float | None:
        """Parallel efficiency of the batch phase: batch work over workers x its wall time."""
        wall = self.phases.get("batches", 0.0)
        return self.busy_seconds / (self.workers * wall) if wall > 0 else None


class Progress(Protocol):
    """What the runner reports progress to (the CLI shows a rich progress bar)."""

    def start(self, total: int | None) -> None: ...
    def advance(self, n: int) -> None: ...
    def stop(self) -> None: ...


def option_name(setting: str, value) -> str:
    """How ``pipeline run`` spells a setting with its value in a message (``--batch-size 0``)."""
    return f"--{setting.replace('_', '-')} {value}"


def check_settings(settings: Settings, first_stage: str, spell=option_name) -> None:
    """Fail before any work on a setting that cannot be used; ``spell(setting, value)``
    names it as the caller knows it (``extract`` passes its arguments' names)."""
    if settings.engine not in ENGINES:
        raise EngineError(f"{spell('engine', repr(settings.engine))} is not one of: {', '.join(ENGINES)}")
    for setting, least, most in (("workers", 1, MAX_WORKERS), ("batch_size", 1, MAX_BATCH_SIZE),
                                 ("max_chars", MIN_MAX_CHARS, None)):
        value = getattr(settings, setting)
        if value is None and setting == "batch_size":
            continue  # chosen from the corpus size and workers
        try:
            whole = None if isinstance(value, bool) else operator.index(value)  # a numpy integer is one
        except TypeError:
            whole = None
        if whole is None or whole < least or (most is not None and whole > most):
            span = f"of at most {most:,}" if whole is not None and whole >= least else f"of at least {least:,}"
            raise EngineError(f"{spell(setting, value if whole is not None else repr(value))} must be a whole "
                              f"number {span}")
        setattr(settings, setting, whole)
    settings.model = model_setting(settings.model, spell)
    if settings.scheduler is not None and settings.engine != "dask":
        raise EngineError("--scheduler needs --engine dask")
    if settings.engine == "dask" and importlib.util.find_spec("distributed") is None:
        raise EngineError("--engine dask needs the optional dask extra: pip install '.[dask]' "
                          "(dask[dataframe,distributed])")
    if settings.scheduler is not None:
        check_scheduler(settings.scheduler, spell)
    if settings.engine == "dask" and first_stage != "clean":
        raise EngineError(f"--engine dask runs from the clean stage (`pipeline run all`); "
                          f"run {first_stage!r} with --engine local")


def model_setting(model, spell=option_name) -> str | None:
    """The model setting as the runner reads it: the text of a name or path, or None for the
    default. A ``Path`` (which ``extract`` documents) reached ``fingerprint.model_version``,
    which calls ``str.replace`` on it: a TypeError traceback instead of the run that its text
    makes (``Settings.__post_init__`` turns the one given to ``Settings``; this, one set after);
    an empty text silently meant the default model."""
    if isinstance(model, os.PathLike):
        model = os.fspath(model)
    if model is None or (isinstance(model, str) and model.strip()):
        return model
    if isinstance(model, str):
        raise UsageError(f"{spell('model', repr(model))} is empty; pass the name or path of an installed spaCy "
                         f"model, or leave it out for the default")
    raise UsageError(f"{spell('model', repr(model))}: model must be the name or path of an installed spaCy model")


def check_scheduler(address, spell=option_name) -> None:
    """A Dask scheduler address the client can dial: ``tcp://HOST:PORT`` (or another of
    distributed's schemes). ``garbage`` ended the run with a ValueError traceback after
    the model had loaded, and left the lock of a new ``--out`` behind."""
    from distributed.comm.addressing import get_address_host_port

    why = None
    if not isinstance(address, str) or not address.strip():
        why = "is empty"
    else:
        try:
            _, port = get_address_host_port(address)
        except ValueError as exc:
            why = f"is not a scheduler address ({exc})"
        else:
            if not 0 < port < 65536:
                why = f"has port {port}, not one of 1 to 65535"
    if why:
        raise EngineError(f"{spell('scheduler', repr(address))} {why}; give the address `dask scheduler` prints, "
                          f"such as tcp://HOST:8786, or leave --scheduler out for a local cluster")
