"""The shapes of the HTTP API's requests and responses.

These models are both what the server validates against and what the OpenAPI
schema shows, so the two cannot drift apart. Every model forbids unknown
fields: a misspelt option is an error, not silently ignored.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from chorus.render import FORMATS
from chorus.select import DEFAULT_METHOD, METHODS

MAX_BUDGET_WORDS = 1000
MAX_BUDGET_SENTENCES = 100
MAX_QUERY_CHARS = 1000
MAX_NAME_CHARS = 200
MAX_TITLE_CHARS = 1000
DEFAULT_WORDS = 100

MethodName = Literal[tuple(METHODS)]  # type: ignore[valid-type]
FormatName = Literal[tuple(FORMATS)]  # type: ignore[valid-type]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SummarizeOptions(Strict):
    words: int | None = Field(
        None, ge=1, le=MAX_BUDGET_WORDS,
        description=f"At most this many words (whole sentences only). Default {DEFAULT_WORDS} "
        "when neither words nor sentences is given.",
    )
    sentences: int | None = Field(
        None, ge=1, le=MAX_BUDGET_SENTENCES,
        description="At most this many sentences; alone it sets no word limit, with words both hold.",
    )
    query: str | None = Field(None, max_length=MAX_QUERY_CHARS, description="Focus the summary on this question or topic.")
    method: MethodName | None = Field(None, description=f"Content selection method; default {DEFAULT_METHOD!r}.")
    format: FormatName = Field(
        "json",
        description="json (default): the summary with its citations and the articles split into sentences; "
        "text, markdown or html: the same rendering as `chorus summarize --format`.",
    )


class DocumentIn(Strict):
    text: str = Field(min_length=1, description="The article: plain text (page clutter is removed) or an HTML page.")
    name: str | None = Field(
        None, max_length=MAX_NAME_CHARS,
        description="Outlet or file name shown in citations; a name ending in .html marks the text as HTML.",
    )
    title: str | None = Field(None, max_length=MAX_TITLE_CHARS, description="Headline, if known.")


def _document_kind(value: object) -> str:
    return "text" if isinstance(value, str) else "object"


# A plain string or an object; the discriminator makes an error name the
# one shape the client used instead of listing both.
DocumentItem = Annotated[
    Annotated[str, Field(min_length=1), Tag("text")] | Annotated[DocumentIn, Tag("object")],
    Discriminator(_document_kind),
]


class SummarizeRequest(SummarizeOptions):
    documents: list[DocumentItem] = Field(
        min_length=1, description="The articles about one story: texts, or objects with text, name and title."
    )


# ---- responses -------------------------------------------------------------


class SourceRef(Strict):
    document: str = Field(description="id of the article")
    sentence: int = Field(description="sentence number in that article, from 0")


class Support(Strict):
    document: str
    number: int = Field(description="the article's citation number, from 1")
    name: str | None
    title: str | None
    sentence: int
    similarity: float = Field(description="1.0 for the sentence the summary took")
    text: str


class SummarySentenceOut(Strict):
    text: str
    words: int
    source: SourceRef
    support_count: int = Field(description="how many articles carry this sentence or a close paraphrase")
    support: list[Support]


class ArticleSentence(Strict):
    text: str
    paragraph: int = Field(description="paragraph number in the article, from 0")


class DocumentOut(Strict):
    number: int
    id: str
    name: str | None
    title: str | None
    subtitle: str | None
    words: int
    sentences: list[ArticleSentence] = Field(
        description="the article as chorus kept it, split into sentences; support[].sentence indexes this list"
    )


class BudgetOut(Strict):
    words: int | None
    sentences: int | None


class SummaryResponse(Strict):
    summary: str
    words: int
    method: str
    query: str | None
    budget: BudgetOut
    sentences: list[SummarySentenceOut]
    documents: list[DocumentOut]
    warnings: list[str]


class MethodOut(Strict):
    name: str
    description: str
    default: bool


class MethodsResponse(Strict):
    default: str
    methods: list[MethodOut]


class HealthResponse(Strict):
    status: Literal["ok"]
    version: str


class LimitsResponse(Strict):
    max_request_bytes: int
    max_documents: int
    max_document_bytes: int
    seconds: float
    max_words: int
    max_sentences: int
    max_query_chars: int


class ErrorBody(Strict):
    code: str = Field(description="stable identifier, e.g. too_many_documents, document_too_large, bad_input, timeout")
    message: str = Field(description="what went wrong, written for a person")


class ErrorResponse(Strict):
    error: ErrorBody
