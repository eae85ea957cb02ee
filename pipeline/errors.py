"""Per-document error records: what failed, where, and why.

A document that fails is recorded (``<out>/errors.parquet`` and the run
summary) and the run goes on with the others.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pandas as pd

#: Exceptions that a bug triggered by one odd document can raise inside stage
#: code. They are caught per document; anything else (KeyboardInterrupt,
#: MemoryError, SystemExit, ImportError, ...) stops the run, because it is not
#: about one document.
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
