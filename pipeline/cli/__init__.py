"""The ``pipeline`` command (typer): one module per command, errors mapped to
exit codes in ``app``."""
from __future__ import annotations

import sys

from . import evaluate, export, match, report, run, serve, train  # noqa: F401  (each registers its command on ``app``)
from .app import app, console

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        console.print("interrupted: tables written before the interruption are intact; rerun to finish")
        sys.exit(130)
