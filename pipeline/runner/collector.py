"""The cyclic garbage collector during a run: two measured costs, and what the runner does.

* **A full collection walks every tracked object alive**, and a loaded process holds many
  long-lived ones: the model, every module, the stages' setup. ``gc.freeze()`` once they are
  loaded leaves them out of every later pass (400 BBC articles, one worker: collections took
  0.61 s of a 22 s run, 0.31 s frozen). A process the run owns (the fork server, a worker, a
  worker of the Dask cluster the run started; never one of a cluster given by `--scheduler`)
  stays frozen, as the ``gc`` documentation advises before forking: the frozen pages are never
  written by the collector, so they stay shared copy-on-write. The process that called
  ``run`` (a notebook, say) is frozen only while the run lasts (``frozen``).
* **The corpus finalize builds hundreds of thousands of tuples, lists and dicts** that live until
  it ends; the collector would walk them again and again (all 2,225 BBC articles: 0.3 s of the
  claims clusters' 0.75 s). Collection is paused for the finalize (``paused``), and resumes
  after it. What the finalize drops meanwhile is freed by reference counting, so its code must
  leave no reference cycles behind (tested for the entity names, whose recursive acronym
  matchers left 15 MiB of cycles over 2,225 articles until they emptied their closures).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


def freeze_loaded() -> None:
    """Leave every object alive now out of the collector's passes for good (a process the
    run owns, once the model and the stages' setup are loaded)."""
    gc.freeze()


@contextmanager
def frozen() -> Iterator[None]:
    """Objects alive on entry are left out of the collector's passes until the block ends.
    A process that froze objects itself keeps its own arrangement: nothing is frozen or
    unfrozen then (``gc.unfreeze`` would release the caller's objects too)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (it resumes after, if it was on)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
