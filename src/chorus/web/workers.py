"""Summaries and reports computed in worker processes that can be killed.

A thread cannot be stopped, so a request that ran out of time used to go on
computing (and growing) long after its 504. Here each job runs in one of a
fixed number of worker processes, and the server kills the worker, and
starts a fresh one, as soon as the request runs out of time or its client
goes away: the work stops and its memory goes back to the system at once.

- **Memory.** Each worker runs under an address-space limit
  (``resource.setrlimit(RLIMIT_AS)``): a job that needs more fails with a
  MemoryError in its own process (answered 413), never taking the machine.
- **Light beside heavy.** A job whose articles weigh more than
  ``Limits.heavy_request_bytes`` is heavy; at most ``Limits.heavy_workers``
  heavy jobs run at once, so a worker always stays free for the light ones
  (a five-article summary answers in its usual time while two large reports
  run). Jobs get workers in their order of arrival, except that a heavy job
  waiting for a heavy slot holds up none of the light ones behind it.
- **Bounded queue.** At most ``Limits.max_waiting`` jobs wait (heavy ones at
  most ``heavy_workers``); beyond that the answer is 503 with Retry-After.

Workers are forked from a server process that has imported the pipeline
once (multiprocessing's forkserver), so a replacement is ready in
milliseconds. Every job is a module-level function and its arguments, sent
pickled; it must not rely on the server process's state.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import math
import os
import resource
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from chorus.errors import ChorusError
from chorus.parallel import WorkerContext, worker_context
from chorus.text import counted
from chorus.web.errors import ApiError
from chorus.web.limits import Deadline, Limits, describe_bytes

log = logging.getLogger("chorus.web")

# What a worker has imported before it is forked: a job starts computing at once.
WORKER_PRELOAD = ["chorus.web.jobs", "chorus.analysis.report", "highspy", "scipy.sparse.linalg"]
# How a job's duration is averaged for Retry-After (weight of the newest job).
DURATION_SMOOTHING = 0.2
FIRST_DURATION_GUESS = 1.0  # seconds, before any job has finished
_PARENT_CHECK_SECONDS = 1.0
MEMORY_MARGIN = 64 * 2**20  # a failure this close to the address-space limit is taken for lack of memory
# How long a worker whose pipe closed is given to finish exiting, to tell a kill from an exit by its code
# (it is already on its way out: the wait ends as soon as it has; a worker still alive then counts as killed).
EXIT_WAIT_SECONDS = 5.0


class ClientGone(Exception):
    """The client closed the connection before its answer was ready."""


def _context() -> WorkerContext:
    return worker_context(WORKER_PRELOAD)


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)  # the server is gone: nobody will read the answer


def _serve_jobs(connection: Connection, memory_bytes: int | None) -> None:
    """A worker's life: run each job received, send back its outcome."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    # Imported before the limit, so that it bounds the jobs, not the code (which the fork
    # server has usually loaded already; not when another pool started it first).
    for module in WORKER_PRELOAD:
        importlib.import_module(module)
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    while True:
        try:
            function, args = connection.recv()
        except (EOFError, OSError):
            return
        except MemoryError:
            # The job's own arguments do not fit under the limit: the request is too big, not chorus
            # broken. The rest of the message is still in the pipe, so this worker can take no other job.
            connection.send(("memory", None))
            return
        try:
            outcome: tuple[str, Any] = ("ok", function(*args))
        except MemoryError:
            outcome = ("memory", None)
        except (ApiError, ChorusError) as exc:
            outcome = ("error", exc)
        except BaseException:
            # Out of address space, C extensions fail in their own ways (SystemError,
            # std::bad_alloc, a library that cannot be mapped): judged by how close the job came.
            outcome = ("memory", None) if _reached(memory_bytes) else ("crash", traceback.format_exc())
        try:
            connection.send(outcome)
        except MemoryError:
            connection.send(("memory", None))
        except (BrokenPipeError, OSError):
            return


def _reached(memory_bytes: int | None) -> bool:
    """This process's peak address space came within MEMORY_MARGIN of ``memory_bytes``."""
    if not memory_bytes:
        return False
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            peak = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmPeak:"))
    except (OSError, StopIteration, ValueError):  # not Linux
        return False
    return peak >= memory_bytes - max(MEMORY_MARGIN, memory_bytes // 20)


class Worker:
    """One worker process and the pipe to it; it runs one job at a time."""

    def __init__(self, context: WorkerContext, memory_bytes: int | None) -> None:
        self._connection, theirs = context.Pipe(duplex=True)
        self.process = context.Process(
            target=_serve_jobs, args=(theirs, memory_bytes), daemon=True, name="chorus-worker"
        )
        self.process.start()
        theirs.close()

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def call(self, function: Callable[..., Any], args: tuple[Any, ...]) -> tuple[str, Any]:
        """Run one job (blocking); ("died", None) if a signal ends the process first (the kernel's OOM
        killer sends SIGKILL without a word; a library out of address space under the worker's limit
        dies of SIGSEGV or SIGABRT), ("crash", why) if it exits with a code (a job it could not even
        read, a library that exits): that is chorus failing, not the request being too big."""
        try:
            self._connection.send((function, args))
        except OSError:  # gone while the job was written: it may have said why before it went
            pass
        try:
            return self._connection.recv()
        except (EOFError, OSError):
            self.process.join(EXIT_WAIT_SECONDS)
            code = self.process.exitcode
            if code is None or code < 0:  # a negative exit code is the signal that ended it
                return ("died", None)
            return ("crash", f"the worker process ended with exit code {code} during a job")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self._connection.close()


@dataclass
class _Waiter:
    heavy: bool
    ready: asyncio.Future[Worker] = field(repr=False)


class WorkerPool:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._context = _context()
        self._memory = limits.resolved_worker_memory()
        self._idle: list[Worker] = []
        self._busy: dict[int, tuple[Worker, bool]] = {}  # id(worker) -> (worker, heavy)
        self._waiting: deque[_Waiter] = deque()
        self._started = False
        self._closed = False
        self._start_lock = asyncio.Lock()
        # The pipes are read by threads: a job's answer can be large, and the event loop must stay free.
        self._threads = ThreadPoolExecutor(max_workers=limits.workers, thread_name_prefix="chorus-pipe")
        self._typical_seconds = FIRST_DURATION_GUESS

    # -- state, for the server's health and the tests -------------------------------------

    @property
    def busy_heavy(self) -> int:
        return sum(1 for _, heavy in self._busy.values() if heavy)

    @property
    def busy(self) -> int:
        return len(self._busy)

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def pids(self) -> dict[str, list[int]]:
        return {
            "idle": [w.pid for w in self._idle if w.pid],
            "busy": [w.pid for w, _ in self._busy.values() if w.pid],
        }

    # -- life --------------------------------------------------------------------------------

    async def start(self) -> None:
        async with self._start_lock:
            if self._started or self._closed:
                return
            # The first worker starts the fork server, which imports the pipeline: seconds, off the loop.
            self._idle = await asyncio.to_thread(
                lambda: [Worker(self._context, self._memory) for _ in range(self.limits.workers)]
            )
            self._started = True

    def close(self) -> None:
        self._closed = True
        for waiter in self._waiting:
            if not waiter.ready.done():
                waiter.ready.set_exception(shutting_down())
        self._waiting.clear()
        for worker in [*self._idle, *(w for w, _ in self._busy.values())]:
            worker.kill()
        self._idle.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)

    # -- running a job -------------------------------------------------------------------

    def is_heavy(self, size: int) -> bool:
        return size > self.limits.heavy_request_bytes

    async def run(
        self,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        *,
        size: int,
        deadline: Deadline,
        disconnected: Callable[[], Awaitable[None]] | None = None,
    ) -> Any:
        """``function(*args)`` in a worker, within ``deadline``; killed if ``disconnected()`` returns first.

        Raises ApiError: 503 when too many jobs wait, 504 out of time, 413 out
        of memory, the job's own errors; ClientGone when the client left."""
        await self.start()
        heavy = self.is_heavy(size)
        gone = asyncio.ensure_future(disconnected()) if disconnected is not None else None
        try:
            worker = await self._acquire(heavy, deadline, gone)
            if gone is not None and gone.done():  # left while the job waited
                self._release(worker)
                raise ClientGone()
            try:
                outcome = await self._call(worker, function, args, deadline, gone)
            finally:
                self._release(worker)
        finally:
            if gone is not None:
                gone.cancel()
        return self._result(outcome, deadline)

    async def _acquire(self, heavy: bool, deadline: Deadline, gone: asyncio.Future | None) -> Worker:
        if self._closed:
            raise shutting_down()
        heavy_waiting = sum(1 for w in self._waiting if w.heavy)
        if len(self._waiting) >= self.limits.max_waiting or (heavy and heavy_waiting >= self.limits.heavy_workers):
            raise self.busy_error()
        waiter = _Waiter(heavy, asyncio.get_running_loop().create_future())
        self._waiting.append(waiter)
        self._dispatch()  # an idle worker this job may use is its at once
        if not waiter.ready.done():
            watched = [waiter.ready] + ([gone] if gone is not None else [])
            try:
                await asyncio.wait(watched, timeout=deadline.remaining(), return_when=asyncio.FIRST_COMPLETED)
            finally:
                if not waiter.ready.done():
                    waiter.ready.cancel()
                    self._waiting.remove(waiter)
        if waiter.ready.cancelled():
            if gone is not None and gone.done():
                raise ClientGone()
            raise deadline.expired()
        return waiter.ready.result()  # a worker taken for us (or the pool closing)

    def _take(self, heavy: bool) -> Worker:
        worker = self._idle.pop()
        if not worker.process.is_alive():  # killed from outside while idle
            worker.kill()
            worker = Worker(self._context, self._memory)
        self._busy[id(worker)] = (worker, heavy)
        return worker

    def _release(self, worker: Worker) -> None:
        self._busy.pop(id(worker), None)
        if self._closed:
            worker.kill()
            return
        if not worker.process.is_alive():
            worker.kill()
            worker = Worker(self._context, self._memory)
        self._idle.append(worker)
        self._dispatch()

    def _dispatch(self) -> None:
        """Hand idle workers to waiting jobs in their order of arrival; a heavy job
        while no heavy slot is free is passed over, not waited for, by the jobs behind it."""
        for waiter in list(self._waiting):
            if not self._idle:
                return
            if waiter.ready.done() or (waiter.heavy and self.busy_heavy >= self.limits.heavy_workers):
                continue
            self._waiting.remove(waiter)
            waiter.ready.set_result(self._take(waiter.heavy))

    async def _call(
        self,
        worker: Worker,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        deadline: Deadline,
        gone: asyncio.Future | None,
    ) -> tuple[str, Any]:
        started = time.monotonic()
        job = asyncio.get_running_loop().run_in_executor(self._threads, worker.call, function, args)
        watched = [job] + ([gone] if gone is not None else [])
        try:
            await asyncio.wait(watched, timeout=deadline.remaining(), return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            self._stop(worker, job)
            raise
        if not job.done():
            self._stop(worker, job)
            if gone is not None and gone.done():
                raise ClientGone()
            raise deadline.expired()
        outcome = job.result()
        elapsed = time.monotonic() - started
        self._typical_seconds += DURATION_SMOOTHING * (elapsed - self._typical_seconds)
        if outcome[0] in ("memory", "crash"):
            self._stop(worker, job)  # what a failure leaves behind is not worth keeping
        return outcome

    def _stop(self, worker: Worker, job: asyncio.Future) -> None:
        """Kill the worker (its pipe thread then returns at once); _release replaces it."""
        worker.kill()
        job.cancel()

    def _result(self, outcome: tuple[str, Any], deadline: Deadline) -> Any:
        kind, value = outcome
        if kind == "ok":
            return value
        if kind == "error":
            raise value
        if self._closed:
            # Stopping kills the workers: whatever a job then ends in (killed, or an exit code while the
            # process goes down) is the shutdown, not the job.
            raise shutting_down()
        if kind in ("memory", "died"):
            # A worker killed from outside (the kernel's OOM killer) dies without a word.
            raise out_of_memory(self._memory, deadline.task)
        log.error("a worker failed:\n%s", value)
        raise ApiError(500, "internal_error", "Something went wrong inside chorus; the server log has the details.")

    def retry_after(self) -> int:
        """Seconds until a place in the queue is likely free."""
        queued = len(self._waiting) + len(self._busy)
        return max(1, math.ceil(queued * self._typical_seconds / max(self.limits.workers, 1)))

    def busy_error(self) -> ApiError:
        seconds = self.retry_after()
        return ApiError(
            503,
            "busy",
            f"The server is busy with other requests; try again in {counted(seconds, 'second')}.",
            headers={"Retry-After": str(seconds)},
        )


def out_of_memory(memory_bytes: int | None, task: str = "summary") -> ApiError:
    limit = f"the {describe_bytes(memory_bytes)} " if memory_bytes else "the memory "
    return ApiError(
        413,
        "out_of_memory",
        f"The {task} needed more than {limit}one request may use. Try fewer or shorter articles.",
    )


def shutting_down() -> ApiError:
    return ApiError(
        503, "shutting_down", "The server is stopping; try again when it is back.", headers={"Retry-After": "5"}
    )
