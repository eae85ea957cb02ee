"""Imported by the worker pool's fork server before it forks any worker.

The local engine starts its workers from a ``multiprocessing`` fork server
(``engines.WorkerPool``). The server imports this module first; when
``PRELOAD_ENV`` names a model and stages (the pool sets it), the import loads
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

#: environment variable: JSON ``[model, [stage, ...]]`` to load in the fork server
#: (``engines.PRELOAD_ENV``: set only while the pool starts its server)
PRELOAD_ENV = "CLAIMEX_WORKER_PRELOAD"


def _preload() -> None:
    spec = os.environ.get(PRELOAD_ENV)
    if not spec:
        return
    from ..errors import ClaimexError
    from .batch import prepare_process

    try:
        model, stage_names = json.loads(spec)
        prepare_process(str(model), tuple(stage_names))
    except (ClaimexError, OSError, ValueError, TypeError, KeyError, ImportError):
        pass  # the workers load the model themselves and report what is wrong


_preload()
