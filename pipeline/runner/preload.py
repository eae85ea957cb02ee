"""Imported by the worker pool's fork server before it forks any worker.

The local engine starts its workers from a ``multiprocessing`` fork server
(``worker_server``). The server imports this module (after ``worker_interrupt``); when
``PRELOAD_ENV`` names a model and stages (set while the server starts), the import loads
the model, runs each stage's ``setup`` and warms up, once. Every worker is
then a fork of a process that already holds the model: it starts in
milliseconds and shares the model's memory with the others (copy-on-write)
instead of importing spaCy and loading the model itself (about 3 s each, all
before the first batch). A failure here only means that each worker loads
the model itself (``batch.prepare_process`` in the worker's initializer),
which reports the error as usual.
"""
from __future__ import annotations

import json
import os

from ..worker_server import PRELOAD_ENV


def _preload() -> None:
    spec = os.environ.get(PRELOAD_ENV)
    if not spec:
        return
    from ..errors import ClaimexError
    from ..nlp.loader import DEFAULT_MODEL
    from ..registry import stage_names as all_stages
    from .batch import prepare_process
    from .collector import freeze_loaded

    try:
        model, stage_names = json.loads(spec)
        prepare_process(str(model) or DEFAULT_MODEL, tuple(stage_names) or all_stages())
        freeze_loaded()  # the workers are forked from here: what is loaded stays shared
    except (ClaimexError, OSError, ValueError, TypeError, KeyError, ImportError):
        pass  # the workers load the model themselves and report what is wrong


_preload()
