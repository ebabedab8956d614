"""What one request may ask of the server, and how the limits are enforced.

Every limit answers with a JSON error a person can act on: 413 for a body,
an article or a number of articles over the limit, 504 for a request that
runs out of time. The body limit is checked before anything is parsed, so a
huge upload costs the server no more than the limit itself.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chorus.web.errors import ApiError, error_response


@dataclass(frozen=True)
class Limits:
    max_request_bytes: int = 10 * 1024 * 1024
    max_documents: int = 50
    max_document_bytes: int = 2 * 1024 * 1024  # a saved news page with its scripts fits
    seconds: float = 60.0
    workers: int = 2  # summaries computed at once; more wait their turn within `seconds`

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
        413, "request_too_large",
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


class Deadline:
    """The end of a request's time budget, checked between pipeline stages.

    A worker thread cannot be interrupted, so a summary that runs out of time
    stops at the next stage boundary rather than computing a result nobody
    will receive.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(self.end - time.monotonic(), 0.0)

    def check(self) -> None:
        if time.monotonic() >= self.end:
            raise out_of_time(self.seconds)


def out_of_time(seconds: float) -> ApiError:
    shown = f"{seconds:g} seconds" if seconds != 1 else "1 second"
    return ApiError(
        504, "timeout",
        f"The summary took longer than {shown}, the limit for one request. Try fewer or shorter articles.",
    )
