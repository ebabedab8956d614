"""Read the articles and options of an API request, JSON or multipart upload.

Both shapes end as the same list of ``Incoming`` articles and one validated
``SummarizeOptions``, or ``ReportOptions``, which differ only in their
formats. Only cheap checks happen here, on the event loop; decoding,
extraction and cleaning run in a worker (see ``chorus.web.jobs``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from chorus.errors import InputError
from chorus.ingest.fetch import DEADLINE_S, FetchLimits, is_url
from chorus.ingest.read import parse_json
from chorus.types import typed_date
from chorus.web.errors import ApiError, describe_validation_errors
from chorus.web.limits import Limits, describe_bytes
from chorus.web.schemas import (
    CheckOptions,
    CheckRequest,
    DocumentIn,
    ReportOptions,
    ReportRequest,
    SummarizeOptions,
    SummarizeRequest,
)

OptionsT = TypeVar("OptionsT", SummarizeOptions, ReportOptions, CheckOptions)

# Multipart fields: `documents` repeats, each part a file or a text; `names`
# repeats too, names[i] naming documents[i] (empty: the file name or none);
# so do `outlets` and `dates`, the outlet and publication date of documents[i]
# when the person knows them (empty: found in the page, if it says).
DOCUMENTS_FIELD = "documents"
NAMES_FIELD = "names"
OUTLETS_FIELD = "outlets"
DATES_FIELD = "dates"
PER_DOCUMENT_FIELDS = (NAMES_FIELD, OUTLETS_FIELD, DATES_FIELD)
# The JSON body of each endpoint: its options plus the documents.
REQUEST_MODELS: dict[type[BaseModel], type[BaseModel]] = {
    SummarizeOptions: SummarizeRequest,
    ReportOptions: ReportRequest,
    CheckOptions: CheckRequest,
}


@dataclass
class Incoming:
    """One article as it arrived: pasted text, or the bytes of an uploaded file."""

    number: int  # from 1, in the order given
    text: str | None = None
    data: bytes | None = None
    filename: str | None = None
    name: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601, checked
    url: str | None = None  # a web page to fetch instead of text
    fetch: FetchLimits | None = None  # how the server may fetch it

    @property
    def label(self) -> str:
        """How error messages refer to the article."""
        shown = self.name or self.filename
        return f"Article {self.number} ({shown})" if shown else f"Article {self.number}"

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else len((self.text or "").encode("utf-8"))


async def read_request(
    request: Request, limits: Limits, options_model: type[OptionsT]
) -> tuple[list[Incoming], OptionsT]:
    """The articles and the options, validated against ``options_model`` (the endpoint's options)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == "application/json":
        articles, options = await _read_json(request, limits, options_model)
    elif media_type == "multipart/form-data":
        articles, options = await _read_form(request, limits, options_model)
    else:
        raise ApiError(
            415,
            "unsupported_media_type",
            "Send the articles as JSON (application/json) or as a form upload (multipart/form-data).",
        )
    check_sizes(articles, limits)
    fetch = FetchLimits(refuse_private=not limits.fetch_private, deadline=min(DEADLINE_S, limits.seconds))
    for article in articles:
        text = (article.text or "").strip()
        # A text that is one web address, pasted or sent, names the page to read.
        if article.data is None and is_url(text) and len(text.split()) == 1:
            article.url, article.text, article.fetch = text, None, fetch
    return articles, options


def check_count(count: int, limits: Limits) -> None:
    if count > limits.max_documents:
        raise ApiError(
            413,
            "too_many_documents",
            f"{count} articles is more than the {limits.max_documents} one request may hold.",
        )


def check_sizes(articles: list[Incoming], limits: Limits) -> None:
    for article in articles:
        if article.size > limits.max_document_bytes:
            raise ApiError(
                413,
                "document_too_large",
                f"{article.label} is {describe_bytes(article.size)}; "
                f"the limit is {describe_bytes(limits.max_document_bytes)} per article.",
            )


async def _read_json(
    request: Request, limits: Limits, options_model: type[OptionsT]
) -> tuple[list[Incoming], OptionsT]:
    try:
        data = parse_json(await request.body(), "The request body")
    except InputError as exc:  # not JSON, or nested deeper than the parser goes
        raise ApiError(422, "invalid_json", f"{exc}.") from None
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_request", 'The request body must be a JSON object with a "documents" list.')
    if isinstance(data.get("documents"), list):
        check_count(len(data["documents"]), limits)
    try:
        body: Any = REQUEST_MODELS[options_model].model_validate(data)  # each request model has documents
    except ValidationError as exc:
        raise ApiError(422, "invalid_request", describe_validation_errors(exc.errors())) from None
    articles = []
    for number, item in enumerate(body.documents, start=1):
        document = item if isinstance(item, DocumentIn) else DocumentIn(text=item)
        articles.append(
            Incoming(
                number,
                text=document.text,
                name=document.name,
                title=document.title,
                outlet=document.outlet,
                published=document.published,
            )
        )
    options = options_model.model_validate(body.model_dump(include=set(options_model.model_fields)))
    return articles, options


async def _read_form(
    request: Request, limits: Limits, options_model: type[OptionsT]
) -> tuple[list[Incoming], OptionsT]:
    try:
        # Sizes are checked per article below, with a better message than the
        # parser's; the body limit already bounds what the parser can hold.
        form = await request.form(max_files=10_000, max_fields=10_000, max_part_size=limits.max_request_bytes)
    except StarletteHTTPException as exc:
        raise ApiError(422, "bad_upload", f"The upload could not be read: {exc.detail}") from None
    try:
        options_fields: list[str] = list(options_model.model_fields)
        fields = (DOCUMENTS_FIELD, *PER_DOCUMENT_FIELDS, *options_fields)
        unknown = sorted(set(form.keys()) - set(fields))
        if unknown:
            raise ApiError(
                422,
                "invalid_request",
                f"Unknown form field {unknown[0]!r}; the fields are: {', '.join(fields)}.",
            )
        parts = form.getlist(DOCUMENTS_FIELD)
        if not parts:
            raise ApiError(422, "no_documents", "No article was sent: add at least one text or file.")
        check_count(len(parts), limits)
        given = {field: _per_document(form, field, len(parts)) for field in PER_DOCUMENT_FIELDS}
        articles = []
        for number, part in enumerate(parts, start=1):
            name, outlet, published = (given[field][number - 1] for field in PER_DOCUMENT_FIELDS)
            if published:
                published = _form_date(published, number)
            page_fields: dict[str, Any] = {"name": name, "outlet": outlet, "published": published}
            if isinstance(part, UploadFile):
                articles.append(Incoming(number, data=await part.read(), filename=part.filename, **page_fields))
            elif not part.strip():
                raise ApiError(422, "empty_document", f"Article {number} is empty.")
            else:
                articles.append(Incoming(number, text=part, **page_fields))
        options = _form_options(form, options_model)
    finally:
        await form.close()
    return articles, options


def _per_document(form: FormData, field: str, count: int) -> list[str | None]:
    """A repeated text field, one value per article (missing or empty: None)."""
    sent = form.getlist(field)
    values = [v for v in sent if isinstance(v, str)]
    if len(values) < len(sent):
        raise ApiError(422, "invalid_request", f"{field!r} must be text fields, not files.")
    if len(values) > count:
        raise ApiError(422, "invalid_request", f"{len(values)} {field} were sent for {count} articles.")
    return [v.strip() or None for v in values] + [None] * (count - len(values))


def _form_date(value: str, number: int) -> str:
    try:
        return typed_date(value)
    except ValueError as exc:
        raise ApiError(422, "invalid_request", f"The date of article {number}: {exc}.") from None


def _form_options(form: FormData, options_model: type[OptionsT]) -> OptionsT:
    values: dict[str, str] = {}
    for field in options_model.model_fields:
        sent = form.getlist(field)
        given = [v for v in sent if isinstance(v, str)]
        if len(given) < len(sent):
            raise ApiError(422, "invalid_request", f"{field!r} must be a text field, not a file.")
        if len(given) > 1:
            raise ApiError(422, "invalid_request", f"{field!r} was sent {len(given)} times; send it once.")
        if given and given[0].strip():  # an empty form input means "not set"
            values[field] = given[0].strip()
    try:
        return options_model.model_validate(values)
    except ValidationError as exc:
        raise ApiError(422, "invalid_request", describe_validation_errors(exc.errors())) from None
