"""The FastAPI application: the page, its assets and the JSON API."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import FastAPI, Query, Request, Response
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

import chorus
from chorus.render.report_html import STORY_SCRIPT
from chorus.select import DEFAULT_METHOD, METHODS
from chorus.types import DEFAULT_WORDS, MIN_OUTLETS
from chorus.web.errors import ApiError, install_error_handlers
from chorus.web.guard import Access, RequestGuard, document_csp
from chorus.web.inputs import DATES_FIELD, DOCUMENTS_FIELD, NAMES_FIELD, OUTLETS_FIELD, read_request
from chorus.web.jobs import (
    DOWNLOAD_FORMATS,
    PageReport,
    check_and_render,
    download,
    report_and_render,
    summarize_and_render,
)
from chorus.web.kept import KeptReports
from chorus.web.limits import Admission, BodySizeLimit, Deadline, Limits, describe_bytes
from chorus.web.schemas import (
    MAX_BUDGET_SENTENCES,
    MAX_BUDGET_WORDS,
    MAX_NAME_CHARS,
    MAX_QUERY_CHARS,
    CheckOptions,
    CheckRequest,
    CheckResponse,
    ErrorResponse,
    ExampleDocument,
    ExampleResponse,
    HealthResponse,
    LimitsResponse,
    MethodOut,
    MethodsResponse,
    ReportOptions,
    ReportRequest,
    ReportResponse,
    SummarizeOptions,
    SummarizeRequest,
    SummaryResponse,
)
from chorus.web.workers import ClientGone, WorkerPool

STATIC = Path(__file__).with_name("static")
# The page's "Try the example": the cluster the README summarizes, shipped inside the package.
EXAMPLE = "harbor-fire"
EXAMPLE_DESCRIPTION = (
    "Five articles about a fictional warehouse fire, each wrapped in a different kind of web-page clutter; "
    "one is an HTML page and one is stitched from two others."
)
MEDIA_TYPES = {"text": "text/plain", "markdown": "text/markdown", "html": "text/html"}
if TYPE_CHECKING:
    DownloadFormat = str
else:
    DownloadFormat = Literal[DOWNLOAD_FORMATS]
CLIENT_CLOSED_REQUEST = 499  # nginx's status for a request whose client left: logged, never received


def create_app(limits: Limits | None = None, access: Access | None = None) -> FastAPI:
    """The app; ``access``: the host names it answers to and the origins that
    may use it (default: this computer's localhost names only)."""
    limits = limits or Limits()
    pool = WorkerPool(limits)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        yield
        pool.close()

    app = FastAPI(
        title="chorus",
        version=chorus.__version__,
        description="One cited summary from several outlets' articles about one story, computed offline.",
        # Swagger UI and ReDoc load their code from a CDN; the schema stays at /openapi.json.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.limits = limits
    app.state.pool = pool
    # Outermost last: the guard answers first, and adds its headers to every answer below it.
    app.add_middleware(BodySizeLimit, max_bytes=limits.max_request_bytes)
    app.add_middleware(Admission, limit=limits.max_in_progress, busy=pool.busy_error)
    app.add_middleware(RequestGuard, access=access or Access())
    install_error_handlers(app)
    _add_page(app)
    _add_api(app, limits, pool)
    from chorus.web.stories import add_stories_api

    add_stories_api(app, limits, pool)  # the Stories view (issue 22), a piece of its own
    _install_openapi(app)
    return app


def _add_page(app: FastAPI) -> None:
    index = (STATIC / "index.html").read_text(encoding="utf-8")
    # The stylesheet of `chorus summarize --format html`, which the page builds on, and the
    # story viewer that `chorus report --format html` carries: one copy of each, in chorus.render.
    shared = {
        name: ((files("chorus.render") / name).read_text(encoding="utf-8"), media_type)
        for name, media_type in (("page.css", "text/css"), ("story.css", "text/css"))
    }
    shared["story.js"] = (STORY_SCRIPT, "text/javascript")  # with the report's wording written in

    @app.get("/", include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(index)  # RequestGuard adds the page's Content-Security-Policy

    def serve(content: str, media_type: str) -> Callable[[], Any]:
        async def asset() -> Response:
            return Response(content, media_type=media_type)

        return asset

    for name, (content, media_type) in shared.items():
        app.add_api_route(f"/static/{name}", serve(content, media_type), methods=["GET"], include_in_schema=False)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")


async def compute(
    request: Request,
    limits: Limits,
    pool: WorkerPool,
    task: str,
    options_model: type,
    work: Callable,
    media_types: dict[str, str] = MEDIA_TYPES,
    finish: Callable[[Any], Any] | None = None,
) -> Response:
    """Read the request on the event loop, then run ``work(articles, options, deadline)``
    in a worker process within the request's time and memory limits.

    Every endpoint that computes goes through here, and so gets the limits,
    the queue, the kill on timeout or disconnect: ``work`` is a module-level
    function (it is sent to the worker by name) returning a dict (JSON) or
    the text of ``options.format``, served as ``media_types[options.format]``;
    ``finish``, if given, turns what the worker sent back into that, in the server."""
    deadline = Deadline(limits.seconds, task)
    articles, options = await read_request(request, limits, options_model)
    try:
        result = await pool.run(
            work,
            (articles, options, deadline),
            size=sum(a.size for a in articles),
            deadline=deadline,
            disconnected=lambda: wait_for_disconnect(request),
        )
    except ClientGone:
        return Response(status_code=CLIENT_CLOSED_REQUEST)
    if finish is not None:
        result = finish(result)
    if isinstance(result, dict):
        return JSONResponse(result)
    return rendered(result, options.format, media_types)


def rendered(
    text: str | bytes, fmt: str, media_types: dict[str, str] = MEDIA_TYPES, headers: dict[str, str] | None = None
) -> Response:
    headers = dict(headers or {})
    # A rendered page carries its own style and scripts, which the page's policy would block.
    if fmt == "html":
        headers["Content-Security-Policy"] = document_csp()
    return Response(text, media_type=media_types[fmt], headers=headers or None)


async def wait_for_disconnect(request: Request) -> None:
    """Return when the client closes the connection (its body already read)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


def _add_api(app: FastAPI, limits: Limits, pool: WorkerPool) -> None:
    kept = KeptReports(limits.kept_reports, limits.kept_report_bytes, limits.kept_report_seconds)
    app.state.kept_reports = kept

    @app.get("/healthz", response_model=HealthResponse, tags=["service"])
    async def healthz() -> HealthResponse:
        return HealthResponse(status="ok", version=app.version)

    @app.get("/api/methods", response_model=MethodsResponse, tags=["summaries"])
    async def methods() -> MethodsResponse:
        return MethodsResponse(
            default=DEFAULT_METHOD,
            methods=[
                MethodOut(name=name, description=cls.description, plain=cls.plain, default=name == DEFAULT_METHOD)
                for name, cls in METHODS.items()
            ],
        )

    @app.get("/api/example", response_model=ExampleResponse, tags=["service"])
    async def example() -> ExampleResponse:
        """The shipped example cluster, for the page's "Try the example"."""
        folder = files("chorus") / "examples" / EXAMPLE
        documents = sorted((f for f in folder.iterdir() if f.is_file()), key=lambda f: f.name)
        return ExampleResponse(
            name=EXAMPLE,
            description=EXAMPLE_DESCRIPTION,
            documents=[ExampleDocument(filename=f.name, text=f.read_text(encoding="utf-8")) for f in documents],
        )

    @app.get("/api/limits", response_model=LimitsResponse, tags=["service"])
    async def published_limits() -> LimitsResponse:
        return LimitsResponse(
            **limits.as_dict(),
            default_words=DEFAULT_WORDS,
            default_min_outlets=MIN_OUTLETS,
            max_words=MAX_BUDGET_WORDS,
            max_sentences=MAX_BUDGET_SENTENCES,
            max_query_chars=MAX_QUERY_CHARS,
        )

    async def answer(request: Request, task: str, options_model: type, work: Callable) -> Response:
        return await compute(request, limits, pool, task, options_model, work)

    inputs = (
        "Send the articles as JSON, or as a multipart form upload in which each `documents` part is "
        "a file (.txt, .md or .html, any encoding) or a text. HTML is extracted with trafilatura, "
        "plain text is cleaned of page furniture. "
        f"Limits: {limits.max_documents} articles, {describe_bytes(limits.max_document_bytes)} per article, "
        f"{describe_bytes(limits.max_request_bytes)} per request, {limits.seconds:g} seconds per request."
    )

    @app.post(
        "/api/summarize",
        tags=["summaries"],
        summary="Summarize articles about one story",
        description=inputs,
        **_route_documentation(
            SummaryResponse,
            SummarizeRequest,
            SummarizeOptions,
            ("text", "markdown", "html"),
            "The summary: JSON, or the text, Markdown or HTML rendering asked for by `format`.",
            "summary",
        ),
    )
    async def summarize(request: Request) -> Response:
        return await answer(request, "summary", SummarizeOptions, summarize_and_render)

    # One request gives the page everything: the report contains the summary,
    # computed from the same reading of the articles, for about 10% more time
    # than the summary alone; asking /api/summarize as well would run the
    # whole pipeline twice.
    @app.post(
        "/api/report",
        tags=["reports"],
        summary="Compare how the outlets cover one story",
        description=(
            "The story report of `chorus report`: the cited summary, facts and the outlets that report them, "
            "conflicts, quotes and their speakers, names with their spellings, text reuse and coverage "
            "(schema chorus.report/2). Same inputs and options as /api/summarize; formats json, markdown, html. "
            + inputs
        ),
        **_route_documentation(
            ReportResponse,
            ReportRequest,
            ReportOptions,
            ("markdown", "html"),
            "The report: JSON (chorus.report/2 plus each article's kept sentences), "
            "or the Markdown or HTML rendering asked for by `format`.",
            "report",
        ),
    )
    async def report(request: Request) -> Response:
        return await compute(request, limits, pool, "report", ReportOptions, report_and_render, finish=keep_downloads)

    def keep_downloads(result: PageReport | str) -> dict[str, Any] | str:
        """The JSON answer, with the id under which its Markdown and HTML are kept (None: too large to keep)."""
        if not isinstance(result, PageReport):
            return result
        result.payload["report_id"] = kept.keep(result.parts)
        return result.payload

    @app.get(
        "/api/report/{report_id}",
        tags=["reports"],
        summary="Download a report already computed, as Markdown or HTML",
        description=(
            "The report of an earlier JSON answer of /api/report, by its `report_id`, rendered as `chorus report "
            "--format` renders it, without reading or analysing the articles again: the same bytes as /api/report "
            f"with that format. Kept for {limits.kept_report_seconds / 60:g} minutes, the latest "
            f"{limits.kept_reports} reports within {describe_bytes(limits.kept_report_bytes)}; after that, 404."
        ),
        responses={
            200: {
                "description": "The report's rendering.",
                "content": {MEDIA_TYPES[f]: {"schema": {"type": "string"}} for f in DOWNLOAD_FORMATS},
            },
            404: {"model": ErrorResponse, "description": "No report of that id is kept (any more)."},
            422: {"model": ErrorResponse, "description": "Not a format of the report's downloads."},
        },
        response_class=Response,
    )
    async def kept_report(
        report_id: str,
        format: Annotated[DownloadFormat, Query(description="markdown or html")],  # noqa: A002  # the API's word
    ) -> Response:
        parts = kept.parts(report_id)
        if parts is None:
            raise ApiError(
                404,
                "report_not_kept",
                f"This report is no longer kept on the server (it keeps the latest {limits.kept_reports} "
                f"for {limits.kept_report_seconds / 60:g} minutes); it has to be computed again.",
            )
        extension = {"markdown": "md", "html": "html"}[format]
        return rendered(
            download(parts, format),
            format,
            headers={"Content-Disposition": f'attachment; filename="report.{extension}"'},
        )

    @app.post(
        "/api/check",
        tags=["claims"],
        summary="Which articles state a claim, which contradict it",
        description=(
            "The claim check of `chorus check`: for each article its verdict (states, contradicts, silent), "
            "the sentence(s) behind it and the values it gives differently, and how many independent sources "
            "the articles that state it are. Same articles as /api/summarize, plus `claim`. " + inputs
        ),
        **_route_documentation(
            CheckResponse,
            CheckRequest,
            CheckOptions,
            ("text",),
            "Each article's verdict: JSON, or the text of `chorus check`.",
            "check",
        ),
    )
    async def check_claim(request: Request) -> Response:
        return await answer(request, "check", CheckOptions, check_and_render)


def _route_documentation(
    response_model: type,
    request_model: type,
    options_model: type,
    text_formats: tuple[str, ...],
    answer: str,
    task: str,
) -> dict[str, Any]:
    """What the OpenAPI schema says of a route whose body is read by hand (``read_request``)."""
    return {
        "responses": {
            200: {
                "model": response_model,
                "description": answer,
                "content": {MEDIA_TYPES[f]: {"schema": {"type": "string"}} for f in text_formats},
            },
            415: {"model": ErrorResponse, "description": "Neither JSON nor a multipart form."},
            413: {
                "model": ErrorResponse,
                "description": "Too large: the request, an article, too many articles, or more memory than a job may use.",
            },
            422: {"model": ErrorResponse, "description": "Invalid options, or articles chorus cannot use."},
            503: {
                "model": ErrorResponse,
                "description": "Too many requests wait already: try again after Retry-After seconds.",
            },
            504: {"model": ErrorResponse, "description": f"The {task} took longer than the time limit."},
        },
        "openapi_extra": {
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": f"#/components/schemas/{request_model.__name__}"}},
                    "multipart/form-data": {"schema": multipart_schema(options_model)},
                },
            }
        },
    }


def multipart_schema(options_model: type[BaseModel] = SummarizeOptions) -> dict[str, Any]:
    """The form upload's fields: the articles, their names, then the JSON body's options."""
    options = options_model.model_json_schema()["properties"]
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
            OUTLETS_FIELD: {
                "type": "array",
                "description": "outlets[i] is the outlet that published documents[i]; empty: found in the page, if it says.",
                "items": {"type": "string", "maxLength": MAX_NAME_CHARS},
            },
            DATES_FIELD: {
                "type": "array",
                "description": "dates[i] is when documents[i] was published (ISO 8601, YYYY-MM-DD); empty: found in the page.",
                "items": {"type": "string"},
            },
            **options,
        },
    }


def _install_openapi(app: FastAPI) -> None:
    """FastAPI's schema, plus the request models the summarize and report routes validate by hand."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            _, definitions = models_json_schema(
                [(SummarizeRequest, "validation"), (ReportRequest, "validation"), (CheckRequest, "validation")],
                ref_template="#/components/schemas/{model}",
            )
            schema.setdefault("components", {}).setdefault("schemas", {}).update(definitions["$defs"])
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented way to replace its schema
