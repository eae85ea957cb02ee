"""The ``pipeline`` command (typer): one module per command, errors mapped to
exit codes in ``app``."""
from __future__ import annotations

import sys

from .. import worker_server
from . import exiting

__all__ = ["app", "main"]

#: this process is the ``pipeline`` command (not a library user, nor the fork server or a worker
#: preparing ``__main__`` from the console script)
_COMMAND_LINE = worker_server.is_command_line(sys.argv)

try:
    if _COMMAND_LINE:
        exiting.on_signals()
    # `pipeline run --workers N`: the workers' fork server imports and loads the
    # model while this process does its own imports (below), not after them.
    worker_server.start_for_command_line(sys.argv)

    from . import evaluate, export, match, report, run, serve, train  # noqa: F401  (each registers its command on ``app``)
    from .app import INTERRUPTED, app, console
except KeyboardInterrupt as exc:  # Ctrl-C (or SIGTERM) in the imports' seconds, before main()
    if not _COMMAND_LINE:
        raise
    exiting.interrupted_while_starting(exc)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt as exc:
        console.print(INTERRUPTED, highlight=False, markup=False)  # outside a command (``app.command``)
        exiting.end(exiting.exit_code(exc))
    except SystemExit as exc:
        exiting.end(exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1))
