"""The runner: batches, engines, the parse cache, incremental state, publishing.

``run(stage_names, settings)`` is the entry point (``pipeline.runner.driver``);
the modules of this package are described in its docstring.
"""
from .driver import run
from .settings import ENGINES, RunSummary, Settings

__all__ = ["ENGINES", "RunSummary", "Settings", "run"]
