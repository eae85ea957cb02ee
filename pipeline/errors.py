"""What can go wrong, in two kinds.

* **Run errors** stop a command: each is a :class:`ClaimexError` subclass that
  carries its process exit code and a one-line meaning. The CLI maps any of
  them to one ``error: ...`` line and that code; the exit-code table in
  ``pipeline --help`` and in the README is generated from :data:`EXIT_CODES`
  (and tested against it).
* **Document errors** stop one document: they are recorded (``ErrorRecord``,
  ``<out>/errors.parquet`` and the run summary) and the run goes on with the
  others.
"""
from __future__ import annotations

import errno
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd


class ClaimexError(Exception):
    """Base of every error that stops a command. ``str(exc)`` is the one line
    the user sees: what is wrong, with the bad value, and what to do."""

    exit_code: int = 1
    meaning: str = "an unexpected internal error"


class UsageError(ClaimexError):
    """A bad command-line argument or setting (unknown stage, bad option value)."""

    exit_code = 2
    meaning = "bad command-line arguments (unknown stage, bad option value)"


class InputError(ClaimexError):
    """An input path cannot be used (missing, unsupported type, malformed table or gold file)."""

    exit_code = 3
    meaning = ("an input cannot be used (missing, an empty folder, unsupported type, table without a `text` column, "
               "malformed gold or archive file)")


class ModelError(ClaimexError):
    """A model is not installed or cannot be loaded (the spaCy model, the claim model)."""

    exit_code = 4
    meaning = "a model is missing or broken (the spaCy model is not installed, a packaged model file is unreadable)"


class TableError(ClaimexError):
    """An upstream table is missing or does not match the contract."""

    exit_code = 5
    meaning = ("an upstream table is missing, damaged (a part file lost) or does not match the contract "
               "(the message names the table and column)")


class OutputError(ClaimexError):
    """The output folder cannot be written: ``--out`` is a file, read-only, full,
    or (``pipeline report``) a folder holding files claimex did not write."""

    exit_code = 6
    meaning = ("the output folder cannot be used (`--out` is a file, read-only or full, or holds files "
               "claimex did not write); nothing the user owns was changed")


class RunLockedError(ClaimexError):
    """Another run holds the lock of the same ``--out``."""

    exit_code = 7
    meaning = "another run is writing to the same `--out` (the message names its process id); nothing was changed"


#: every run-error class, in exit-code order
ERROR_CLASSES: tuple[type[ClaimexError], ...] = (ClaimexError, UsageError, InputError, ModelError, TableError,
                                                 OutputError, RunLockedError)

#: exit code -> meaning, for ``--help`` and the README (0 is not an error)
EXIT_CODES: dict[int, str] = {
    0: "the command finished; per-document failures (if any) are listed in the summary and in `<out>/errors.parquet`",
    **{cls.exit_code: cls.meaning for cls in ERROR_CLASSES},
}


def exit_code_table() -> str:
    """The exit codes as a Markdown table (the README's copy is tested against it)."""
    rows = ["| code | meaning |", "|---|---|"]
    rows += [f"| {code} | {meaning} |" for code, meaning in sorted(EXIT_CODES.items())]
    return "\n".join(rows)


#: Exceptions that a bug triggered by one odd document can raise inside stage
#: code. They are caught per document; anything else (KeyboardInterrupt,
#: MemoryError, SystemExit, ImportError, a ClaimexError ...) stops the run,
#: because it is not about one document.
DOCUMENT_ERRORS: tuple[type[BaseException], ...] = (
    ValueError, KeyError, IndexError, TypeError, AttributeError, UnicodeError,
    AssertionError, RecursionError, ZeroDivisionError, OverflowError,
)


@dataclass(frozen=True)
class ErrorRecord:
    doc_id: str | None
    path: str | None
    stage: str
    error: str  # short code: empty, binary, too_large, unsupported_type, exception class ...
    detail: str = ""


@dataclass
class ErrorLog:
    """Collects error records (and warnings) during a run."""

    records: list[ErrorRecord] = field(default_factory=list)

    def add(self, record: ErrorRecord) -> None:
        self.records.append(record)

    def extend(self, records) -> None:
        self.records.extend(records)

    def document_failed(self, doc_id: str, path: str | None, stage: str, exc: BaseException) -> None:
        self.add(ErrorRecord(doc_id, path, stage, type(exc).__name__, str(exc)[:2000]))

    def warn(self, doc_id: str, path: str | None, stage: str, code: str, detail: str) -> None:
        """A recoverable problem: the document was processed, with a caveat."""
        self.add(ErrorRecord(doc_id, path, stage, f"warning:{code}", detail))

    def failed_ids(self) -> set[str]:
        return {r.doc_id for r in self.records if r.doc_id is not None and not r.error.startswith("warning:")}

    def __len__(self) -> int:
        return len(self.records)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([asdict(r) for r in self.records], columns=["doc_id", "path", "stage", "error", "detail"])


def unwritable(exc: OSError, folder: Path, what: str, fix: str) -> OutputError:
    """The one line for a write of ``what`` into ``folder`` that failed with ``exc``: the
    file standing where a folder must be, or the system's reason (read-only, full), and ``fix``."""
    blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if exc.errno in (errno.EEXIST, errno.ENOTDIR) and blocker is not None:
        reason = f"{blocker} is a file, not a folder"
    else:
        # the name of a temporary (hidden) file tells the user nothing
        shown = exc.filename and not Path(os.fsdecode(exc.filename)).name.startswith(".")
        reason = f"{exc.strerror or exc}" + (f" ({exc.filename})" if shown else "")
    return OutputError(f"cannot write {what}: {reason}; {fix}")
