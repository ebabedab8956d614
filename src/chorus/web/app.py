"""The FastAPI application: the page, its assets and the JSON API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic.json_schema import models_json_schema

from chorus.select import DEFAULT_METHOD, METHODS
from chorus.web.errors import install_error_handlers
from chorus.web.inputs import DOCUMENTS_FIELD, NAMES_FIELD, read_request
from chorus.web.jobs import Workers, summarize_and_render
from chorus.web.limits import BodySizeLimit, Deadline, Limits, describe_bytes
from chorus.web.schemas import (
    MAX_BUDGET_SENTENCES,
    MAX_BUDGET_WORDS,
    MAX_NAME_CHARS,
    MAX_QUERY_CHARS,
    ErrorResponse,
    HealthResponse,
    LimitsResponse,
    MethodOut,
    MethodsResponse,
    SummarizeOptions,
    SummarizeRequest,
    SummaryResponse,
)

STATIC = Path(__file__).with_name("static")
MEDIA_TYPES = {"text": "text/plain", "markdown": "text/markdown", "html": "text/html"}
# The page must work with no network: the browser itself refuses anything
# that is not served by chorus.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def create_app(limits: Limits | None = None) -> FastAPI:
    limits = limits or Limits()
    workers = Workers(limits.workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        workers.close()

    app = FastAPI(
        title="chorus",
        version=_version(),
        description="One cited summary from several outlets' articles about one story, computed offline.",
        # Swagger UI and ReDoc load their code from a CDN; the schema stays at /openapi.json.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.limits = limits
    app.add_middleware(BodySizeLimit, max_bytes=limits.max_request_bytes)
    install_error_handlers(app)
    _add_page(app)
    _add_api(app, limits, workers)
    _install_openapi(app)
    return app


def _add_page(app: FastAPI) -> None:
    index = (STATIC / "index.html").read_text(encoding="utf-8")
    base_stylesheet = (files("chorus.render") / "page.css").read_text(encoding="utf-8")

    @app.get("/", include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(index, headers=PAGE_HEADERS)

    # The stylesheet of `chorus summarize --format html`, which the page builds on.
    @app.get("/static/page.css", include_in_schema=False)
    async def page_stylesheet() -> Response:
        return Response(base_stylesheet, media_type="text/css")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def _add_api(app: FastAPI, limits: Limits, workers: Workers) -> None:
    @app.get("/healthz", response_model=HealthResponse, tags=["service"])
    async def healthz() -> HealthResponse:
        return HealthResponse(status="ok", version=app.version)

    @app.get("/api/methods", response_model=MethodsResponse, tags=["summaries"])
    async def methods() -> MethodsResponse:
        return MethodsResponse(
            default=DEFAULT_METHOD,
            methods=[
                MethodOut(name=name, description=cls.description, default=name == DEFAULT_METHOD)
                for name, cls in METHODS.items()
            ],
        )

    @app.get("/api/limits", response_model=LimitsResponse, tags=["service"])
    async def published_limits() -> LimitsResponse:
        return LimitsResponse(
            **limits.as_dict(),
            max_words=MAX_BUDGET_WORDS,
            max_sentences=MAX_BUDGET_SENTENCES,
            max_query_chars=MAX_QUERY_CHARS,
        )

    @app.post(
        "/api/summarize",
        tags=["summaries"],
        summary="Summarize articles about one story",
        description=(
            "Send the articles as JSON, or as a multipart form upload in which each `documents` part is "
            "a file (.txt, .md or .html, any encoding) or a text. HTML is extracted with trafilatura, "
            "plain text is cleaned of page furniture. "
            f"Limits: {limits.max_documents} articles, {describe_bytes(limits.max_document_bytes)} per article, "
            f"{describe_bytes(limits.max_request_bytes)} per request, {limits.seconds:g} seconds per request."
        ),
        responses={
            200: {
                "model": SummaryResponse,
                "description": "The summary: JSON, or the text, Markdown or HTML rendering asked for by `format`.",
                "content": {media: {"schema": {"type": "string"}} for media in MEDIA_TYPES.values()},
            },
            413: {"model": ErrorResponse, "description": "Too large: the request, an article, or too many articles."},
            415: {"model": ErrorResponse, "description": "Neither JSON nor a multipart form."},
            422: {"model": ErrorResponse, "description": "Invalid options, or articles chorus cannot use."},
            504: {"model": ErrorResponse, "description": "The summary took longer than the time limit."},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/SummarizeRequest"}},
                    "multipart/form-data": {"schema": multipart_schema()},
                },
            }
        },
    )
    async def summarize(request: Request) -> Response:
        deadline = Deadline(limits.seconds)
        articles, options = await read_request(request, limits)
        result = await workers.run(deadline, summarize_and_render, articles, options, deadline)
        if isinstance(result, dict):
            return JSONResponse(result)
        return Response(result, media_type=MEDIA_TYPES[options.format])


def multipart_schema() -> dict[str, Any]:
    """The form upload's fields: the articles, their names, then the JSON body's options."""
    options = SummarizeOptions.model_json_schema()["properties"]
    return {
        "type": "object",
        "required": [DOCUMENTS_FIELD],
        "additionalProperties": False,
        "properties": {
            DOCUMENTS_FIELD: {
                "type": "array",
                "description": "The articles in order; each part is a file or a text.",
                "items": {"anyOf": [{"type": "string", "format": "binary"}, {"type": "string", "minLength": 1}]},
            },
            NAMES_FIELD: {
                "type": "array",
                "description": "names[i] is the outlet name of documents[i]; empty: the file name.",
                "items": {"type": "string", "maxLength": MAX_NAME_CHARS},
            },
            **options,
        },
    }


def _install_openapi(app: FastAPI) -> None:
    """FastAPI's schema, plus the request models the summarize route validates by hand."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            _, definitions = models_json_schema(
                [(SummarizeRequest, "validation")], ref_template="#/components/schemas/{model}"
            )
            schema.setdefault("components", {}).setdefault("schemas", {}).update(definitions["$defs"])
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("chorus")
    except PackageNotFoundError:
        return "unknown"
