"""Progress of long command-line work: which step runs, how many are done, for how long.

Shown on stderr only when it is a terminal (never in a pipe or a log), and
only for work on at least MIN_ARTICLES articles, which takes long enough to
wonder about; it disappears when the work is done. `Steps` shows the steps of
one story's work; `ProgressBar` the clusters of `chorus batch` (``Progress``
is what batch and the Dask engine tell it).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.progress import TaskID

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
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console or Console(stderr=True),
                transient=True,
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

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()


# --- the progress of `chorus batch` ---------------------------------------------------


class Progress:
    """What a progress display is told; this one shows nothing."""

    def start(self, total_bytes: int | None, done_bytes: int) -> None:
        pass

    def update(self, ok: int, failed: int, done_bytes: int) -> None:
        pass

    def stop(self) -> None:
        pass


class ProgressBar(Progress):
    """A progress line on stderr: clusters done, failures, clusters/s, and the
    ETA from the share of the input file read (when its size is known)."""

    def __init__(self, console: Any = None, clock: Callable[[], float] = time.perf_counter) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress as RichProgress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = RichProgress(
            SpinnerColumn(),
            TextColumn("{task.fields[clusters]} clusters ({task.fields[failed]} failed)"),
            TextColumn("{task.fields[rate]:.1f}/s"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=True,
            get_time=clock,
        )
        self._clock = clock  # the rate and the ETA are measured on it (tests give a fake one)
        self._task: TaskID | None = None
        self._offset = 0
        self._started = 0.0

    def start(self, total_bytes: int | None, done_bytes: int) -> None:
        # Records skipped by --resume are not work done now: leave them out of the rate and ETA.
        self._offset = done_bytes
        total = None if total_bytes is None else max(total_bytes - done_bytes, 1)
        self._task = self._bar.add_task("batch", total=total, clusters=0, failed=0, rate=0.0)
        self._started = self._clock()
        self._bar.start()

    def update(self, ok: int, failed: int, done_bytes: int) -> None:
        if self._task is None:
            return
        elapsed = max(self._clock() - self._started, 1e-9)
        self._bar.update(
            self._task,
            completed=max(done_bytes - self._offset, 0),
            clusters=ok + failed,
            failed=failed,
            rate=(ok + failed) / elapsed,
        )

    def stop(self) -> None:
        self._bar.stop()


def progress_reporter(quiet: bool) -> Progress:
    """A progress bar on stderr, or nothing when quiet or stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        return Progress()
    return ProgressBar()
