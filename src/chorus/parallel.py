"""An ordered process pool: run a task on chunks of numbered items on several processes and get
the results back in input order, with a bound on what is in flight (``chorus batch`` and
``chorus evaluate``).

A worker killed by the system (out of memory, most often) does not lose the run: the chunks that
were in flight run again one item at a time in a fresh worker, so the item that kills it is known
and handed to the task as a ``LostRecord`` (to answer with an error), and the others are done.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

TASKS_PER_WORKER = 4  # in flight; bounds memory
MAX_PENDING_BYTES = 256 * 2**20  # input bytes in flight, whatever their number


@dataclass(frozen=True)
class LostRecord:
    """A record whose worker process died while summarizing it (killed by the
    system, most often for lack of memory); it is answered with an error."""

    line: Any  # the item as it was given (for batch: the line read, or an oversized line's stub)

    def __len__(self) -> int:
        return len(self.line)


def chunks(lines: Iterable[tuple[int, Any]], size: int) -> Iterator[list[tuple[int, Any]]]:
    chunk: list[tuple[int, Any]] = []
    for item in lines:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)  # the parent was killed: its queue will never be read again


def _warm_up() -> None:
    # Ctrl-C reaches the whole process group; the parent decides what to keep,
    # the workers finish their task quietly instead of printing tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker holds its own end of the task queue, so it would wait forever
    # for work from a parent killed with SIGKILL. Its own parent is the fork
    # server (which exits when chorus does) or, spawned, chorus itself.
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    import chorus.pipeline  # noqa: F401  (import once per worker, not per task)


def _chunk_bytes(chunk: list[tuple[int, Any]]) -> int:
    return sum(len(line) for _, line in chunk)


# Workers are forked from a server process that has imported the pipeline
# once, so no worker pays the imports again (spawn made each one import it:
# about 0.6 CPU-seconds and their own copy of the modules' memory). Forking
# the parent itself is unsafe: it runs threads (reading input, writing output).
# highspy is imported when first solving; chorus.render (a summary to its output
# record) and chorus.batch (the task) when a worker's first task arrives; chorus.cli
# because multiprocessing runs the parent's main module again in every worker (the
# `chorus` script imports it). scipy.sparse.linalg, which only LexRank and TextRank
# use, is left out (9 MB in every worker of the default method).
WORKER_PRELOAD = ["chorus.pipeline", "chorus.render", "chorus.batch", "chorus.cli", "highspy"]


WorkerContext = multiprocessing.context.SpawnContext | multiprocessing.context.ForkServerContext


def worker_context(preload: list[str]) -> WorkerContext:
    """Where worker processes come from: a fork server that has imported ``preload`` (spawned on a
    system without one). Used by this pool and by the web server's workers."""
    if "forkserver" not in multiprocessing.get_all_start_methods():  # not a POSIX system
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(preload)
    return context


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def start_worker_server() -> None:
    """Start the fork server the pool's workers come from now, rather than at the first task: it
    imports the pipeline (about 0.3 s) while the caller goes on with its own imports and reading."""
    context = worker_context(WORKER_PRELOAD)
    if isinstance(context, multiprocessing.context.ForkServerContext):
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, mp_context=worker_context(WORKER_PRELOAD), initializer=_warm_up)


def _one_by_one(
    chunks: list[list[tuple[int, Any]]], options: Any, task: Callable[..., list[Any]]
) -> Iterator[list[Any]]:
    """After a worker died: run the records that were in flight one at a time in
    a single worker, so that the record that kills it is known and answered
    with an error (a ``LostRecord``), and the others are summarized."""
    solo = _pool(1)
    try:
        for chunk in chunks:
            results: list[Any] = []
            for number, line in chunk:
                try:
                    results += solo.submit(task, [(number, line)], options).result()
                except BrokenProcessPool:
                    solo.shutdown(wait=False)
                    solo = _pool(1)
                    results += task([(number, LostRecord(line))], options)
            yield results
    finally:
        solo.shutdown(wait=True, cancel_futures=True)


class _ChunkReader:
    """Reads the next chunk on a thread, only when asked.

    The input can be slow (a live feed piped to stdin): reading on the main
    thread would hold finished results back until the next record arrives.
    Reading only when asked keeps exactly the old bound on what is in flight.
    """

    _END = object()

    def __init__(self, chunks: Iterable[list[tuple[int, Any]]]) -> None:
        self._source = iter(chunks)
        self._asked = threading.Semaphore(0)
        self._ready: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.reading = False  # a chunk was asked for and not yet taken
        self.done = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            self._asked.acquire()
            if self.done:
                return
            try:
                item = next(self._source, self._END)
            except BaseException as exc:  # handed to the main thread, which raises it
                item = exc
            self._ready.put(item)
            if item is self._END or isinstance(item, BaseException):
                return

    def ask(self) -> None:
        if not self.reading and not self.done:
            self.reading = True
            self._asked.release()

    def take(self, timeout: float | None) -> list[tuple[int, Any]] | None:
        """The chunk asked for, or None if it is not read within ``timeout`` or the input has ended."""
        try:
            item = self._ready.get(timeout=timeout)
        except queue.Empty:
            return None
        self.reading = False
        if isinstance(item, BaseException):
            self.done = True
            raise item
        if item is self._END:
            self.done = True
            return None
        return item

    def close(self) -> None:
        if not self.done:
            self.done = True
            if not self.reading:
                self._asked.release()  # the thread is waiting to be asked: let it end


POLL_SECONDS = 0.05  # how often a finished result is looked for while the input is slow


def run_ordered(
    chunks: Iterable[list[tuple[int, Any]]],
    options: Any,
    jobs: int,
    task: Callable[[list[tuple[int, Any]], Any], list[Any]],
) -> Iterator[list[Any]]:
    """Run ``task(chunk, options)`` on each chunk on ``jobs`` processes, yielding results in input order.

    At most ``jobs * TASKS_PER_WORKER`` chunks (and about ``MAX_PENDING_BYTES``
    of input) are in flight; a result is yielded as soon as it and those
    before it are finished, however long the next input takes to arrive. On
    Ctrl-C the results already finished at the head of the queue are still
    yielded before the interruption goes on. A worker killed by the system
    (out of memory, most often) costs one error record for the record it was
    summarizing, not the run.
    """
    if jobs <= 1:
        for chunk in chunks:
            yield task(chunk, options)
        return
    reader = _ChunkReader(chunks)
    pending: deque[tuple[Future[list[Any]], int, list[tuple[int, Any]]]] = deque()
    pending_bytes = 0
    pool = _pool(jobs)
    try:
        while pending or not reader.done:
            try:
                while pending and pending[0][0].done():
                    results = pending[0][0].result()
                    pending_bytes -= pending.popleft()[1]
                    yield results
                if len(pending) < jobs * TASKS_PER_WORKER and pending_bytes <= MAX_PENDING_BYTES:
                    reader.ask()
                if not reader.reading:
                    if pending:
                        results = pending[0][0].result()
                        pending_bytes -= pending.popleft()[1]
                        yield results
                    continue
                taken = reader.take(timeout=POLL_SECONDS if pending else None)
                if taken is None:
                    continue
                size = _chunk_bytes(taken)
                try:
                    future = pool.submit(task, taken, options)
                except BrokenProcessPool:  # it broke since the last result: keep the chunk with the others
                    future = Future()
                    future.set_exception(BrokenProcessPool())
                pending.append((future, size, taken))
                pending_bytes += size
            except BrokenProcessPool:
                suspects = [chunk for _, _, chunk in pending]
                pending.clear()
                pending_bytes = 0
                pool.shutdown(wait=False, cancel_futures=True)
                yield from _one_by_one(suspects, options, task)
                pool = _pool(jobs)
    except KeyboardInterrupt:
        while pending and pending[0][0].done() and not pending[0][0].cancelled() and not pending[0][0].exception():
            yield pending.popleft()[0].result()
        raise
    finally:
        reader.close()
        for future, _, _ in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
