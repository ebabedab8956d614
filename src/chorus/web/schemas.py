"""The shapes of the HTTP API's requests and responses.

These models are both what the server validates against and what the OpenAPI
schema shows, so the two cannot drift apart. Every model forbids unknown
fields: a misspelt option is an error, not silently ignored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag

from chorus.analysis.entities import KINDS, NER_BACKENDS
from chorus.render import FORMATS, REPORT_FORMATS
from chorus.render.report_json import SCHEMA as REPORT_SCHEMA
from chorus.select import DEFAULT_METHOD, METHODS
from chorus.types import DEFAULT_WORDS, MAX_CLAIM_CHARS, SummaryOptions, typed_date

MAX_BUDGET_WORDS = 1000
MAX_BUDGET_SENTENCES = 100
MAX_QUERY_CHARS = 1000
MAX_NAME_CHARS = 200
MAX_TITLE_CHARS = 1000

if TYPE_CHECKING:  # the choices come from the registries at run time; to a type checker they are strings
    MethodName = str
    FormatName = str
    ReportFormatName = str
    EntityKind = str
    NerName = str
else:
    MethodName = Literal[tuple(METHODS)]
    FormatName = Literal[tuple(FORMATS)]
    ReportFormatName = Literal[tuple(REPORT_FORMATS)]
    EntityKind = Literal[tuple(KINDS)]
    NerName = Literal[tuple(NER_BACKENDS)]


IsoDate = Annotated[str, AfterValidator(typed_date)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SummarizeOptions(Strict):
    words: int | None = Field(
        None,
        ge=1,
        le=MAX_BUDGET_WORDS,
        description=f"At most this many words (whole sentences only). Default {DEFAULT_WORDS} "
        "when neither words nor sentences is given.",
    )
    sentences: int | None = Field(
        None,
        ge=1,
        le=MAX_BUDGET_SENTENCES,
        description="At most this many sentences; alone it sets no word limit, with words both hold.",
    )
    query: str | None = Field(
        None, max_length=MAX_QUERY_CHARS, description="Focus the summary on this question or topic."
    )
    method: MethodName | None = Field(None, description=f"Content selection method; default {DEFAULT_METHOD!r}.")
    format: FormatName = Field(
        "json",
        description="json (default): the summary with its citations and the articles split into sentences; "
        "text, markdown or html: the same rendering as `chorus summarize --format`.",
    )

    def summary_options(self) -> SummaryOptions:
        return SummaryOptions(words=self.words, sentences=self.sentences, query=self.query, method=self.method)


class DocumentIn(Strict):
    text: str = Field(min_length=1, description="The article: plain text (page clutter is removed) or an HTML page.")
    name: str | None = Field(
        None,
        max_length=MAX_NAME_CHARS,
        description="Outlet or file name shown in citations; a name ending in .html marks the text as HTML.",
    )
    title: str | None = Field(None, max_length=MAX_TITLE_CHARS, description="Headline, if known.")
    outlet: str | None = Field(None, max_length=MAX_NAME_CHARS, description="The outlet that published it, if known.")
    published: IsoDate | None = Field(None, description="When it was published: an ISO 8601 date or date-time.")


def _document_kind(value: object) -> str:
    return "text" if isinstance(value, str) else "object"


# A plain string or an object; the discriminator makes an error name the
# one shape the client used instead of listing both.
DocumentItem = Annotated[
    Annotated[str, Field(min_length=1), Tag("text")] | Annotated[DocumentIn, Tag("object")],
    Discriminator(_document_kind),
]


DOCUMENTS_DESCRIPTION = "The articles about one story: texts, or objects with text, name and title."


class SummarizeRequest(SummarizeOptions):
    documents: list[DocumentItem] = Field(min_length=1, description=DOCUMENTS_DESCRIPTION)


class ReportOptions(SummarizeOptions):
    """The options of a summary; the report's summary obeys words, sentences, query and method."""

    format: ReportFormatName = Field(
        "json",
        description="json (default): the report (schema chorus.report/2) with the articles split into "
        "sentences; markdown or html: the same rendering as `chorus report --format`.",
    )


class ReportRequest(ReportOptions):
    documents: list[DocumentItem] = Field(min_length=1, description=DOCUMENTS_DESCRIPTION)


class CheckOptions(Strict):
    """What `chorus check` takes besides the articles."""

    claim: str = Field(min_length=1, max_length=MAX_CLAIM_CHARS, description="The claim to check: a sentence.")
    format: Literal["json", "text"] = Field("json", description="json (default), or the text of `chorus check`.")


class CheckRequest(CheckOptions):
    documents: list[DocumentItem] = Field(min_length=1, description=DOCUMENTS_DESCRIPTION)


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
    sentences: list[int] = Field(description="every sentence of the evidence (two when adjacent sentences state it)")
    similarity: float = Field(description="share of the sentence's content the evidence carries; 1.0 for its own")
    text: str


class ValueDifference(Strict):
    kind: str = Field(description="number, rank, date, weekday or year")
    summary: str = Field(
        description='the value as the summary sentence gives it, as quoted ("more than 1,500" for an opening "More than 1,500")'
    )
    article: str = Field(description="the value as this article gives it, as quoted likewise")


class Contradicting(Strict):
    document: str
    number: int
    name: str | None
    title: str | None
    sentence: int
    sentences: list[int]
    text: str
    values: list[ValueDifference]


class Updating(Contradicting):
    when: Literal["earlier", "later", "revised"] = Field(
        description="the article's figure was given on an earlier day, a later one, or as its outlet's revision"
    )


class SentenceEdit(Strict):
    start: int = Field(description="the edit is text[start:end] of the summary sentence, in brackets")
    end: int
    text: str = Field(description='what chorus printed: "[James Baker]", "[As of May 1996,] the"')
    replaces: str = Field(description="the article's words it stands for; empty when only added")
    reason: str = Field(description='why: "full name" or "date"')


class SummarySentenceOut(Strict):
    text: str = Field(description="as the summary prints it, chorus's edits in brackets")
    words: int
    original_text: str = Field(description="the sentence as its article prints it")
    edits: list[SentenceEdit] = Field(description="the bracketed words chorus added so that it reads on its own")
    source: SourceRef
    support_count: int = Field(description="how many articles state this sentence")
    independent_sources: int = Field(description="of those, independent sources: copies of one story count once")
    support: list[Support]
    contradicted_by: list[Contradicting] = Field(description="articles that state it with another value")
    updated_by: list[Updating] = Field(
        description="articles whose other value the rule calls an update (a toll of another day), not a dispute"
    )


class ArticleSentence(Strict):
    text: str
    paragraph: int = Field(description="paragraph number in the article, from 0")


class PageFieldsOut(Strict):
    """What is known of the page an article came from (null when unknown)."""

    label: str = Field(description="the name to show the article by, unique in the story")
    outlet: str | None = Field(description="the publisher")
    url: str | None
    byline: str | None
    published: str | None = Field(description="ISO 8601 date or date-time")


class DocumentOut(PageFieldsOut):
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


class SummaryOut(Strict):
    summary: str
    words: int
    method: str
    query: str | None
    budget: BudgetOut
    sentences: list[SummarySentenceOut]


class InputOut(Strict):
    number: int = Field(description="the article's place in the request, from 1")
    document: str | None = Field(description="the id it has in the answer; null when it was left out")
    problem: str | None = Field(description="why it was left out, or a warning about it")


class SummaryResponse(SummaryOut):
    documents: list[DocumentOut]
    warnings: list[str]
    inputs: list[InputOut] = Field(description="each article sent, in order, and what became of it")


# ---- the story report (schema chorus.report/2, see the README) -------------


class ReportDocumentOut(PageFieldsOut):
    number: int
    id: str
    name: str | None
    title: str | None
    words: int
    sentences: int = Field(description="how many sentences chorus kept of the article")
    subtitle: str | None
    article_sentences: list[ArticleSentence] = Field(
        description="the kept sentences themselves; every {document, sentence} reference indexes this list"
    )


class SentenceText(SourceRef):
    text: str


class FactOut(Strict):
    id: int = Field(description="fact number, from 1")
    support: int = Field(description="how many articles report it (state it, or give it with another value)")
    independent_sources: int = Field(description="of those, independent sources: copies of one story count once")
    several_outlets: bool = Field(description="reported by several independent sources")
    text: str = Field(description="the sentence the others state")
    outlets: list[str] = Field(description="ids of the articles that report it")
    stating: list[str] = Field(description="ids of the articles that state it as its sentence does")
    disputing: list[str] = Field(description="ids of the articles that give it with another value")
    updating: list[str] = Field(
        description="ids of the articles whose other value is an update (a toll of another day), not a dispute"
    )
    sentences: list[SentenceText] = Field(description="each article's sentence")


class ConflictValueOut(Strict):
    value: str = Field(description="the value as printed: a number, date, day, year, hour, rank or age")
    outlets: list[str] = Field(description="ids of the articles that give it")
    sentences: list[SentenceText]


class ConflictOut(Strict):
    kind: Literal["number", "rank", "date", "weekday", "year", "time", "age", "place", "name"]
    fact: int = Field(description="the fact whose value is disputed")
    values: list[ConflictValueOut] = Field(
        description="each value with the articles that give it, the fact's own first"
    )
    over_time: bool = Field(
        default=False,
        description="a count that rose or fell with the articles' days (an update, not a dispute); values in the days' order",
    )


class CopiesOut(Strict):
    members: list[str]
    original: str | None = Field(description="the original when it can be told (earliest published, else fullest text)")
    original_by: str | None = Field(description="'earliest' or 'fullest'")


class RewriteOut(Strict):
    document: str
    share: float = Field(description="share of its text found in the other articles")
    sources: dict[str, float] = Field(description="article it took from -> share of its text")


class FamiliesOut(Strict):
    independent_sources: int
    copies: list[CopiesOut]
    rewrites: list[RewriteOut]


class QuoteOccurrence(SentenceText):
    speaker: str | None = Field(description="the speaker as this outlet attributes the quotation")
    attribution: str | None = Field(description="the words that attribute it, e.g. 'he says'")
    role: str | None


class QuoteOut(Strict):
    text: str
    speaker: str | None
    speaker_named: bool = Field(description="the speaker is a name, not 'the official'")
    speaker_resolved: bool = Field(description="false when only a pronoun attributes it")
    outlets: list[str]
    identical: bool = Field(description="every outlet prints the same words")
    variants: list[str] = Field(description="the different wordings, when not identical")
    occurrences: list[QuoteOccurrence]


class EntityOut(Strict):
    name: str
    kind: EntityKind
    mentions: int
    variants: dict[str, int] = Field(description="each spelling and how often it is used")
    per_document: dict[str, int] = Field(description="mentions per article id")
    occurrences: list[SentenceText] = Field(description="each mention: its sentence and spelling")


class ReuseSpan(Strict):
    document: str
    sentences: list[int]
    words: int
    text: str


class ReusePassage(Strict):
    kind: Literal["text", "quotation"]
    direction_known: bool = Field(description="false: `source` is only the article that comes first")
    matched_words: int
    source: ReuseSpan
    copy_: ReuseSpan = Field(alias="copy")


class DocumentReuseOut(Strict):
    document: str
    words: int
    borrowed_words: int
    share: float
    sources: list[str] = Field(description="articles it took passages from")
    shares_with: list[str] = Field(description="articles it shares passages with, direction unknown")


class ReuseOut(Strict):
    passages: list[ReusePassage]
    documents: list[DocumentReuseOut]


class CoverageOut(Strict):
    document: str
    words: int
    sentences: int
    facts: int
    facts_share: float
    several_outlet_facts: int
    several_outlet_facts_share: float
    exclusive_facts: list[int] = Field(description="ids of the facts only this article reports")


class ReportResponse(Strict):
    schema_: Literal[REPORT_SCHEMA] = Field(alias="schema")  # type: ignore[valid-type]  # a constant mypy cannot read as a literal
    documents: list[ReportDocumentOut]
    summary: SummaryOut
    facts: list[FactOut] = Field(description="most independent sources first")
    conflicts: list[ConflictOut] = Field(description="one per disputed value of a fact")
    updates: list[ConflictOut] = Field(
        description="counts that changed over the articles' days (a toll that rose), earliest first: updates, not disputes",
    )
    quotes: list[QuoteOut]
    entities: list[EntityOut]
    families: FamiliesOut = Field(description="which articles are copies or rewrites of others")
    reuse: ReuseOut
    coverage: list[CoverageOut]
    ner: NerName = Field(description="how names were found")
    warnings: list[str]
    inputs: list[InputOut] = Field(description="each article sent, in order, and what became of it")
    report_id: str | None = Field(
        description="GET /api/report/{report_id}?format=markdown|html downloads this report without computing it "
        "again while the server keeps it; null: too large to keep"
    )


class ExampleDocument(Strict):
    filename: str
    text: str = Field(description="the file as shipped: plain text or an HTML page")


class ExampleResponse(Strict):
    name: str
    description: str
    documents: list[ExampleDocument]


class MethodOut(Strict):
    name: str
    description: str = Field(description="the technical name of the method, with its paper")
    plain: str = Field(description="what it does, in plain words")
    default: bool


class MethodsResponse(Strict):
    default: str
    methods: list[MethodOut]


class HealthResponse(Strict):
    status: Literal["ok"]
    version: str


class LimitsResponse(Strict):
    default_words: int = Field(description="a summary's length when neither words nor sentences is asked for")
    default_min_outlets: int = Field(
        description="the stories digest's least independent outlets when none is asked for"
    )
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


# ---- chorus check -------------------------------------------------------------


class CheckSentence(Strict):
    sentence: int = Field(description="sentence number in the article, from 0")
    text: str


class CheckValue(Strict):
    kind: str = Field(description="number, rank, date, weekday or year")
    claim: str = Field(description="the value as the claim gives it")
    article: str = Field(description="the value as the article gives it")


class CheckArticle(Strict):
    document: str
    number: int
    name: str | None
    label: str
    verdict: Literal["states", "contradicts", "updates", "silent"] = Field(
        description="contradicts: a dispute; updates: another value the rule calls an update (a toll of another day)"
    )
    when: Literal["earlier", "later", "revised"] | None = Field(
        description="of an update: its figure was given on an earlier day, a later one, or as its outlet's revision"
    )
    sentences: list[CheckSentence] = Field(description="the sentence(s) behind the verdict; none when silent")
    score: float | None = Field(description="share of the claim's content they carry")
    values: list[CheckValue] = Field(description="the values the article gives differently")


class CheckResponse(Strict):
    claim: str
    articles: list[CheckArticle]
    stating: int
    contradicting: int
    updating: int = Field(description="articles that give an update of the claim's count, not a dispute")
    independent_sources: int = Field(description="independent sources among the articles that state it")
    warnings: list[str] = Field(description="what reading the articles warned of (as for /api/summarize)")
    inputs: list[InputOut] = Field(description="each article sent, in order, and what became of it")
