"""The plain data types that pass between pipeline stages.

ingest -> Document; segment -> Story (documents + Sentences); select -> sentence
indexes; compose -> Summary (SummarySentences with their Citations).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Final, Literal

from chorus.errors import ChorusError

if TYPE_CHECKING:
    from chorus.align.claims import Aligner
    from chorus.references import StoryContext
    from chorus.represent import Vectors


@dataclass(frozen=True)
class Document:
    """One cleaned article.

    ``text`` holds the body only, paragraphs separated by blank lines; the
    headline and standfirst, when the page had them, are kept apart because
    they are telegraphic and make poor summary sentences.
    """

    id: str
    text: str
    title: str | None = None
    subtitle: str | None = None
    name: str | None = None  # file name or outlet, for people to recognise
    removed: tuple[RemovedLine, ...] = ()
    # Page metadata, when the input carries it (filled by ingest; None when unknown).
    outlet: str | None = None  # the publisher as readers know it ("Haaretz")
    url: str | None = None  # where the page was fetched from or says it lives
    byline: str | None = None  # the author(s) as printed
    published: str | None = None  # ISO 8601 date or date-time ("2015-08-03", "2015-08-03T14:20:00+00:00")
    # The name to show, unique in its story ("Haaretz", "Reuters, 2015-08-03"), chosen by ingest.
    shown_as: str | None = None

    @property
    def label(self) -> str:
        """The name a reader knows the document by."""
        return self.shown_as or self.name or self.title or self.id

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner dropped, with the reason, so users can audit it."""

    text: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of the story, addressed by document and position."""

    index: int  # position in Story.sentences
    doc_index: int  # position of its document in Story.documents
    position: int  # sentence number inside its document, from 0
    paragraph: int  # paragraph number inside its document, from 0
    text: str
    tokens: tuple[str, ...]  # lower-cased word tokens
    stems: tuple[str, ...]  # Porter stems of ``tokens``, stop words kept
    content: tuple[bool, ...]  # per token: not a stop word or punctuation
    # Per token, how it was written, so later stages need not tokenize ``text`` again.
    capitalised: tuple[bool, ...] = ()  # its first letter is a capital ("Hamas", "NATO")
    all_caps: tuple[bool, ...] = ()  # every letter is a capital ("NATO", "US")

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def content_stems(self) -> list[str]:
        return [s for s, c in zip(self.stems, self.content) if c]


@dataclass
class Story:
    """A cluster of documents about one event, split into sentences.

    ``vectors`` is filled by the represent stage; a selector reads it through
    ``represented()``, which says so when that stage has not run.
    """

    documents: list[Document]
    sentences: list[Sentence]
    query: str | None = None
    query_stems: tuple[str, ...] = ()
    vectors: Vectors | None = None  # filled by the represent stage
    alignment: Aligner | None = field(default=None, repr=False)  # made on first use
    context: StoryContext | None = field(default=None, repr=False)  # made on first use
    # per sentence, the other articles' sentences printing its quotation (align/quoted.py), made on first use
    quote_carriers: dict[int, dict[int, int]] | None = field(default=None, repr=False)
    warnings: list[str] = field(default_factory=list)

    def represented(self) -> Vectors:
        """The story's vectors, for a stage that needs them (a selector): the represent stage has run."""
        if self.vectors is None:
            raise RuntimeError("the story is not represented yet: chorus.represent.represent(story) runs first")
        return self.vectors

    def sentences_of(self, doc_index: int) -> list[Sentence]:
        return [s for s in self.sentences if s.doc_index == doc_index]

    def doc_sentence_counts(self) -> list[int]:
        counts = [0] * len(self.documents)
        for s in self.sentences:
            counts[s.doc_index] += 1
        return counts


def typed_date(value: str, *, day_only: bool = False) -> str:
    """A date a person typed (a `published` date, `chorus stories --since`), checked: ISO 8601
    "2015-08-03", or, unless `day_only`, a date-time "2015-08-03T14:20:00+00:00". ValueError
    with a one-line message when it is not one."""
    text = value.strip()
    try:
        if day_only:
            text = date.fromisoformat(text).isoformat()
        else:
            datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None
    return text


# The length of a summary when the person asks for none: DUC's 100 words (ROUGE -l 100), a
# paragraph a reader takes in at a glance.
DEFAULT_WORDS = 100
# A story's summary in the digest of `chorus stories`: a paragraph, not a page.
DIGEST_WORDS = 60
# The digest shows every story unless the reader asks to hide those with fewer independent outlets.
MIN_OUTLETS = 1
# What a story of `chorus stories` is (chorus.digest.grouping says how each groups): "event", the articles about
# one happening and its follow-ups of the same days; "topic", one subject however far apart in time (DUC's clusters).
Grouping = Literal["event", "topic"]
EVENT_GROUPING: Final = "event"
TOPIC_GROUPING: Final = "topic"
GROUPINGS: tuple[Grouping, ...] = (EVENT_GROUPING, TOPIC_GROUPING)
DEFAULT_GROUPING: Grouping = EVENT_GROUPING
# The longest claim `chorus check` (and POST /api/check) takes: a claim is a sentence or two; longer
# text is an article.
MAX_CLAIM_CHARS = 2_000


def asked_length(words: int | None, sentences: int | None) -> tuple[int | None, int | None]:
    """The (words, sentences) budget of a request: DEFAULT_WORDS words unless words or sentences
    is given (``--sentences 3`` alone means three sentences, whatever their length)."""
    if words is None and sentences is None:
        return DEFAULT_WORDS, None
    return words, sentences


@dataclass(frozen=True)
class Budget:
    """A summary length limit: words, sentences, or both (both must hold)."""

    words: int | None = DEFAULT_WORDS
    sentences: int | None = None

    def __post_init__(self) -> None:
        if self.words is None and self.sentences is None:
            raise ValueError("a budget needs a word or a sentence limit")
        for name in ("words", "sentences"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ValueError(f"the {name} budget must be at least 1, not {value}")

    def fits(self, words: int, sentences: int) -> bool:
        return (self.words is None or words <= self.words) and (self.sentences is None or sentences <= self.sentences)

    def describe(self) -> str:
        parts = []
        if self.words is not None:
            parts.append(f"{self.words} words")
        if self.sentences is not None:
            parts.append(f"{self.sentences} sentences")
        return " and ".join(parts)


@dataclass(frozen=True)
class SummaryOptions:
    """What a summary is asked for: its length, its focus and how sentences are chosen.

    The one shape of these settings that the entry points build (the CLI from its
    arguments, the web from a request, batch per job) and the pipeline reads
    (``pipeline.summarize_as_asked``, ``analysis.report.build_report``).
    """

    words: int | None = None  # with sentences also None: DEFAULT_WORDS (asked_length)
    sentences: int | None = None
    query: str | None = None
    method: str | None = None  # None: chorus.select.DEFAULT_METHOD

    def budget(self) -> Budget:
        """The length asked for (``asked_length``), checked: ChorusError when it is not a length."""
        words, sentences = asked_length(self.words, self.sentences)
        try:
            return Budget(words=words, sentences=sentences)
        except ValueError as exc:
            raise ChorusError(str(exc)) from None


@dataclass(frozen=True)
class Citation:
    """A sentence of one document that states what a summary sentence says."""

    doc_index: int
    position: int  # sentence number in that document (the first, when the evidence is two sentences)
    similarity: float  # share of the summary sentence's content it carries; 1.0 for the sentence the summary took
    text: str = ""  # that document's sentence (both, when two adjacent sentences state it together)
    positions: tuple[int, ...] = ()  # every sentence number of the evidence; () means (position,)

    @property
    def sentence_numbers(self) -> tuple[int, ...]:
        return self.positions or (self.position,)


@dataclass(frozen=True)
class Contradiction:
    """A sentence of one document that states a summary sentence's claim with another value."""

    doc_index: int
    position: int
    text: str
    # (kind, the summary's value, this document's value), each as a reader quotes it (align.values.printed)
    values: tuple[tuple[str, str, str], ...]
    positions: tuple[int, ...] = ()
    # "" for a dispute; for a count the rule calls an update (chorus.align.updates: a toll given on
    # another day, an outlet's own revision), how its figure stands to the summary's: "earlier",
    # "later" or "revised". Shown as an update ("1 earlier said 7,085"), not as a dispute.
    update: str = ""

    @property
    def sentence_numbers(self) -> tuple[int, ...]:
        return self.positions or (self.position,)


@dataclass(frozen=True)
class Edit:
    """Words chorus put into a summary sentence so that it reads on its own, shown in brackets
    as newsrooms mark words added to a quotation: "[James Baker] said …", "[As of January 1996,] …"."""

    start: int  # SummarySentence.text[start:end] is what chorus printed ("[James Baker]", "[As of May 1996,] the")
    end: int
    replaces: str  # the article's words it stands for ("Baker", "she", "The"); "" when only added
    reason: str  # why: "full name" (a person the summary had not named) or "date" (an older statement)


@dataclass(frozen=True)
class SummarySentence:
    text: str  # as the summary prints it: the article's sentence, with any edits in brackets
    origin: Sentence  # the article's sentence, word for word (origin.text)
    support: tuple[Citation, ...]  # one per document that states it, origin included
    contradictions: tuple[Contradiction, ...] = ()  # one per document that gives another value
    independent_sources: int | None = None  # source families among the supporting documents (None: not known)
    edits: tuple[Edit, ...] = ()  # the bracketed words of ``text``, in order

    @property
    def original_text(self) -> str:
        """The sentence as its article prints it: ``text`` with each edit undone."""
        return self.origin.text

    def unedited(self) -> str:
        """``text`` with every edit replaced by the article's words it stands for (equals ``original_text``)."""
        out, last = [], 0
        for edit in self.edits:
            out.append(self.text[last : edit.start] + edit.replaces)
            last = edit.end
        return "".join(out) + self.text[last:]

    @property
    def support_count(self) -> int:
        return len({c.doc_index for c in self.support})

    @property
    def independent_count(self) -> int:
        """Independent sources behind it: copies of one story count once."""
        return self.independent_sources if self.independent_sources is not None else self.support_count

    @property
    def doc_indexes(self) -> list[int]:
        return sorted({c.doc_index for c in self.support})

    @property
    def contradicting_indexes(self) -> list[int]:
        """Every document shown giving another value, disputes and updates."""
        return sorted({c.doc_index for c in self.contradictions})

    @property
    def disputes(self) -> tuple[Contradiction, ...]:
        """The documents that give another value in a dispute (not an update)."""
        return tuple(c for c in self.contradictions if not c.update)

    @property
    def updates(self) -> tuple[Contradiction, ...]:
        """The documents whose other value the rule calls an update (``Contradiction.update``)."""
        return tuple(c for c in self.contradictions if c.update)


@dataclass
class Summary:
    sentences: list[SummarySentence]
    documents: list[Document]
    method: str
    budget: Budget
    query: str | None = None
    warnings: list[str] = field(default_factory=list)
    story: Story | None = field(default=None, repr=False)  # what it was made from

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    def __str__(self) -> str:
        return self.text
