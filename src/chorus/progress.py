"""Progress of long command-line work: which step runs, how many are done, for how long.

Shown on stderr only when it is a terminal (never in a pipe or a log), and
only for work on at least MIN_ARTICLES articles, which takes long enough to
wonder about; it disappears when the work is done.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

MIN_ARTICLES = 10


def wanted(articles: int, stream: Any = None) -> bool:
    stream = stream if stream is not None else sys.stderr
    return articles >= MIN_ARTICLES and hasattr(stream, "isatty") and stream.isatty()


class Steps:
    """``with Steps(total, enabled) as steps: steps("reading"); ...; steps("comparing")``.

    Each call starts the next step (the previous one is done). ``total`` is
    how many steps are expected; the bar grows if more come."""

    def __init__(self, total: int, enabled: bool, console: Any = None) -> None:
        self.total = total
        self.done = -1
        self._bar: Any = None
        self._task: Any = None
        if enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self._bar = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), console=console or Console(stderr=True), transient=True,
            )

    def __enter__(self) -> Steps:
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task("starting", total=self.total)
        return self

    def __call__(self, name: str) -> None:
        self.done += 1
        if self._bar is not None:
            self.total = max(self.total, self.done + 1)
            self._bar.update(self._task, description=name, completed=self.done, total=self.total)
            self._bar.refresh()  # every step is drawn, however short

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
