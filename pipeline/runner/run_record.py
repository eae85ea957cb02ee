"""``<out>/run.json``: what the last run into a tables folder was.

The tables say what was found, not how: the report's footer, the exports and
``pipeline serve`` name the run (model, date, claimex version) from this small
record. Each run writes it into the generation of its tables, and it is published
with them (``store``: ``<out>/run.json`` is a link into ``_claimex/current/``), so it
always describes the tables beside it: written after the publish, a Ctrl-C in
between left the previous run's record (or none), and a single stage took the
model it named. A folder written before the record existed simply has none;
readers treat it as unknown.
"""
from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Iterable

from .. import __version__
from ..tables import atomic_bytes
from .fingerprint import model_version
from .settings import RunSummary, Settings

RUN_RECORD = "run.json"


def write_run_record(folder: Path, settings: Settings, stage_names: Iterable[str], summary: RunSummary) -> Path:
    """Write the record of the run into ``folder`` (the generation its tables are published from)."""
    import spacy

    record = {
        "claimex": __version__,
        "model": settings.model,
        "model_version": model_version(settings.model),
        "spacy": spacy.__version__,
        "stages": list(stage_names),
        "finished": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat(),
        "documents_processed": summary.processed,
        "documents_unchanged": summary.skipped,
        "rows": {t.table: t.rows for t in summary.tables},
    }
    path = Path(folder) / RUN_RECORD
    atomic_bytes(path, (json.dumps(record, indent=1) + "\n").encode("utf-8"))
    return path


def recorded_model(out: Path | str) -> str | None:
    """The model the last run into ``out`` used, as run.json names it (None without one)."""
    model = (read_run_record(out) or {}).get("model")
    return model if isinstance(model, str) and model else None


def read_run_record(out: Path | str) -> dict | None:
    """The record of the last run into ``out``, or None (none written, or unreadable)."""
    try:
        record = json.loads((Path(out) / RUN_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None
