"""A rich progress bar for long runs (``runner.settings.Progress``)."""
from __future__ import annotations


class ProgressBar:
    """Documents done, documents/s, ETA."""

    def __init__(self, console_):
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        self._progress = Progress(
            TextColumn("documents"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=console_, transient=True,
        )
        self._task = None

    def start(self, total):
        self._progress.start()
        self._task = self._progress.add_task("run", total=total, rate="")

    def advance(self, n):
        if self._task is None:
            return
        self._progress.advance(self._task, n)
        task = self._progress.tasks[0]
        speed = task.speed
        self._progress.update(self._task, rate=f"{speed:,.1f} docs/s" if speed else "")

    def stop(self):
        self._progress.stop()
