"""What one request may ask of the server, and how the limits are enforced.

Every limit answers with a JSON error a person can act on: 413 for a body,
an article or a number of articles over the limit (or a job over its
memory), 503 with Retry-After when too many requests wait, 504 for a
request that runs out of time. The body limit is checked before anything is
parsed, and the number of requests in progress before any body is read, so
uploads cost the server at most ``max_request_bytes`` times that number.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chorus.web.defaults import (
    KEPT_REPORT_BYTES,
    KEPT_REPORT_SECONDS,
    KEPT_REPORTS,
    MAX_ARTICLES,
    MIN_WORKER_MEMORY,
    REQUEST_SECONDS,
    WORKER_MEMORY,
    WORKERS,
)
from chorus.web.errors import ApiError, error_response


@dataclass(frozen=True)
class Limits:
    max_request_bytes: int = 10 * 1024 * 1024
    max_documents: int = MAX_ARTICLES
    # Raw bytes of one uploaded article: a saved news page with its scripts
    # and inline images fits; its extracted text is limited apart (2,000,000
    # characters, chorus.ingest.read.MAX_DOCUMENT_CHARS).
    max_document_bytes: int = 10 * 1024 * 1024
    seconds: float = REQUEST_SECONDS
    workers: int = WORKERS
    # A request whose articles weigh more than this is heavy: at most
    # `heavy_workers` heavy ones run at once, so the other workers stay free
    # for light ones (a 25-article news cluster is about 150 KB of text).
    heavy_request_bytes: int = 1024 * 1024
    heavy_workers: int = 2
    max_waiting: int = 64  # requests waiting for a worker; more are answered 503
    # Address-space limit of each worker; None: WORKER_MEMORY, or
    # less on a small machine (its memory shared by the workers and the server).
    worker_memory_bytes: int | None = None
    # May an article given by URL point inside the server's own network? Off:
    # a page open to others must not be made to fetch what only the server sees.
    fetch_private: bool = False
    # The renderings of recent reports the page may download without computing them again
    # (chorus.web.kept): the latest this many (0: none), within this many bytes compressed, for this long.
    kept_reports: int = KEPT_REPORTS
    kept_report_bytes: int = KEPT_REPORT_BYTES
    kept_report_seconds: float = KEPT_REPORT_SECONDS

    def __post_init__(self) -> None:
        if self.max_documents < 1:
            raise ValueError(f"max_documents must be at least 1, not {self.max_documents}")
        if self.workers < 1:
            raise ValueError("the server needs at least one worker")
        if not 0 < self.heavy_workers <= self.workers:
            raise ValueError("heavy_workers must be between 1 and workers")
        if self.kept_reports < 0:
            raise ValueError(f"kept_reports is how many reports are kept: 0 (none) or more, not {self.kept_reports}")
        if self.kept_report_bytes < 0:
            raise ValueError(f"kept_report_bytes must be 0 or more, not {self.kept_report_bytes}")
        if not self.kept_report_seconds > 0:
            raise ValueError(f"kept_report_seconds must be more than 0, not {self.kept_report_seconds:g}")

    def resolved_worker_memory(self) -> int:
        if self.worker_memory_bytes is not None:
            return self.worker_memory_bytes
        try:
            physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        except (ValueError, OSError, AttributeError):
            return WORKER_MEMORY
        return max(MIN_WORKER_MEMORY, min(WORKER_MEMORY, physical // (self.workers + 1)))

    @property
    def max_in_progress(self) -> int:
        """Requests read, waiting or running at once: beyond it, 503 before the body is read."""
        return self.workers + self.max_waiting

    def as_dict(self) -> dict[str, float | int]:
        return {
            "max_request_bytes": self.max_request_bytes,
            "max_documents": self.max_documents,
            "max_document_bytes": self.max_document_bytes,
            "seconds": self.seconds,
        }


def describe_bytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def request_too_large(limit: int) -> ApiError:
    return ApiError(
        413,
        "request_too_large",
        f"The request is larger than {describe_bytes(limit)}. Send fewer or smaller articles.",
    )


class BodySizeLimit:
    """ASGI middleware: refuse a request body over ``max_bytes`` with a 413.

    The body is read (up to the limit) before the application sees it, so the
    refusal can still be a proper response whatever the route does with it.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await error_response(request_too_large(self.max_bytes))(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await error_response(request_too_large(self.max_bytes))(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the client to disconnect

        await self.app(scope, replay, send)


class Admission:
    """ASGI middleware: at most ``limit`` state-changing requests at once; the
    next one gets ``busy()`` (a 503 with Retry-After) before its body is
    read, so a flood of uploads cannot fill the server's memory."""

    def __init__(self, app: ASGIApp, limit: int, busy: Callable[[], ApiError]) -> None:
        self.app = app
        self.limit = limit
        self.busy = busy
        self.in_progress = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        if self.in_progress >= self.limit:
            await error_response(self.busy())(scope, receive, send)
            return
        self.in_progress += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_progress -= 1


class Deadline:
    """The end of a request's time budget.

    The server kills the worker of a job that runs out of time; the job also
    checks it between its stages, so that it does not even render a result
    nobody will receive. ``task`` names the work in the error message
    ("summary", "report"). The clock is the system's monotonic clock, the
    same in the server and its worker processes.
    """

    def __init__(self, seconds: float, task: str = "summary") -> None:
        self.seconds = seconds
        self.task = task
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(self.end - time.monotonic(), 0.0)

    def check(self) -> None:
        if time.monotonic() >= self.end:
            raise self.expired()

    def expired(self) -> ApiError:
        return out_of_time(self.seconds, self.task)


def out_of_time(seconds: float, task: str = "summary") -> ApiError:
    shown = f"{seconds:g} seconds" if seconds != 1 else "1 second"
    return ApiError(
        504,
        "timeout",
        f"The {task} took longer than {shown}, the limit for one request. Try fewer or shorter articles.",
    )
