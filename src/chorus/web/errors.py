"""One JSON shape for every error: ``{"error": {"code": ..., "message": ...}}``.

``message`` is written for the person using the page, who sees it as is;
``code`` is for programs.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from chorus.errors import ChorusError
from chorus.web.guard import security_headers

log = logging.getLogger("chorus.web")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}

    def __reduce__(self):  # raised in a worker process, it crosses back to the server pickled
        return (type(self), (self.status, self.code, self.message, self.headers))


def error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": error.code, "message": error.message}}, status_code=error.status, headers=error.headers
    )


# The tags of the two shapes of a document (``schemas.DocumentItem``), which pydantic puts in an error's
# place after the document's index: the client sent one shape, the error needs no name for it.
_SHAPE_TAGS = frozenset({"text", "object"})
# Pydantic's words for an error where the API's are plainer (they name no class of chorus's).
_PLAINER = {
    "model_type": 'should be a text or an object with a "text" string',
    "extra_forbidden": "is not a field of this request",
}


def _place(loc: Sequence[Any]) -> str:
    """Where an error is, as a client writes it: ``documents[2].text``."""
    where = ""
    for i, part in enumerate(loc):
        if isinstance(part, int):
            where += f"[{part}]"
        elif part != "body" and not (part in _SHAPE_TAGS and i and isinstance(loc[i - 1], int)):
            where += f".{part}" if where else str(part)
    return where


def describe_validation_errors(errors: Sequence[Mapping[str, Any]]) -> str:
    """Pydantic's errors as one sentence: 'words: Input should be ... ; documents[0]: ...'."""
    parts = []
    for error in errors[:5]:
        where = _place(error.get("loc", ()))
        message = _PLAINER.get(error.get("type", ""), str(error.get("msg", "invalid")))
        parts.append(f"{where}: {message}" if where else message)
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return "Invalid request: " + "; ".join(parts) + more


_HTTP_CODES = {404: "not_found", 405: "method_not_allowed"}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(ChorusError)
    async def input_error(request: Request, exc: ChorusError) -> JSONResponse:
        return error_response(ApiError(422, "bad_input", str(exc)))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(ApiError(422, "invalid_request", describe_validation_errors(list(exc.errors()))))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        return JSONResponse(
            {"error": {"code": code, "message": str(exc.detail)}},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        # Starlette answers this one outside the middleware that adds the security headers.
        return error_response(
            ApiError(
                500,
                "internal_error",
                "Something went wrong inside chorus; the server log has the details.",
                headers=security_headers(),
            )
        )
