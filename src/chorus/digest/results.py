"""From groups of articles to the stories a reader gets: title, dates, outlets, summary, rank.

Stories are ranked by their **independent outlets**: the outlets that
published them, an outlet counted once however many articles it ran, and
articles that are copies of one another (re-sends, wire copy, rewrites:
``chorus.align.families``) counted as one source. Then by articles, then
the latest first; stories of a single article come last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from chorus.digest.grouping import Decision
from chorus.digest.inputs import Article, Rejected
from chorus.disjoint import DisjointSets
from chorus.errors import ChorusError
from chorus.ingest.metadata import LabelSource, domain, place_label, sort_key, unique_labels
from chorus.types import DIGEST_WORDS, MIN_OUTLETS, Document, Summary, SummaryOptions

if TYPE_CHECKING:
    from chorus.align import SourceFamilies

TITLE_WORDS = 20  # a story with no headline is titled by the start of its most central article


@dataclass(frozen=True)
class DigestOptions:
    """What a digest is asked for: which articles, which stories are shown, and each story's summary.

    The one shape of these settings that the entry points build (the CLI from its
    arguments, the web from a request, ``chorus.stories`` from its keywords) and
    the digest reads; their defaults are written here only.
    """

    since: str | None = None  # an ISO day: articles published before it are left out (and reported)
    min_outlets: int = MIN_OUTLETS  # stories with fewer independent outlets are counted, not shown
    words: int = DIGEST_WORDS  # each story's summary
    method: str | None = None  # None: chorus.select.DEFAULT_METHOD
    summaries: bool = True  # False: group only (and count each story's independent outlets)

    def summary_options(self) -> SummaryOptions:
        """The summary each story gets."""
        return SummaryOptions(words=self.words, method=self.method)


@dataclass
class NewsStory:
    """One story of the digest."""

    id: str
    title: str
    articles: list[Article]  # in time order
    decisions: list[Decision]  # the same order: why each article is in this story
    terms: list[str]  # the centroid's heaviest terms: what the story is about, as the grouping saw it
    outlets: list[str]  # distinct, in order of first article
    independent_outlets: int
    first_published: str | None = None
    last_published: str | None = None
    summary: Summary | None = None
    summary_error: str | None = None  # why there is no summary
    report: str | None = None  # where its full report was written
    changed: bool = True  # not as kept in the state (or no state): summarized in this run
    new_articles: int = 0  # articles of this run's input (the others were kept in the state)

    @property
    def documents(self) -> list[Document]:
        return [a.document for a in self.articles]


@dataclass
class StoryDigest:
    stories: list[NewsStory]  # ranked, those shown
    hidden: list[NewsStory] = field(default_factory=list)  # fewer independent outlets than asked for
    rejected: list[Rejected] = field(default_factory=list)
    articles_in: int = 0  # every input article: in a story, or rejected
    warnings: list[str] = field(default_factory=list)
    since: str | None = None
    min_outlets: int = MIN_OUTLETS

    @property
    def articles_out(self) -> int:
        """This run's input articles in a story or rejected (articles kept from earlier runs not counted)."""
        return sum(s.new_articles for s in self.stories + self.hidden) + len(self.rejected)


def outlet_of(document: Document) -> str:
    """The outlet as the reader knows it, else the web address's domain, else the article's file name or id
    (an article of an unknown outlet counts as an outlet of its own)."""
    return document.outlet or domain(document.url) or document.name or place_label(document.id)


def shown_outlets(documents: Sequence[Document]) -> list[str]:
    """The story's outlets, one per ``outlet_of`` (so as many as it counts), each as a reader knows it:
    the outlet or the web address's domain, else the article's own label in the story (its headline or
    the opening words of its lede, as the summary's sources name it), not a file name or an id."""
    shown: dict[str, str] = {}
    for doc, named in zip(documents, labelled(documents)):
        shown.setdefault(outlet_of(doc), doc.outlet or domain(doc.url) or named.label)
    return list(shown.values())


def labelled(documents: Sequence[Document]) -> list[Document]:
    """The story's documents under names unique within it ("Reuters, 2015-08-03")."""
    labels = unique_labels(
        [
            LabelSource(id=d.id, name=d.name, outlet=d.outlet, title=d.title, published=d.published, lede=d.text)
            for d in documents
        ]
    )
    return [replace(d, shown_as=label) for d, label in zip(documents, labels)]


def independent_outlets(documents: Sequence[Document], families: SourceFamilies | None = None) -> int:
    """Outlets, one per name, articles of one source family (copies) counted once, and a rewrite no outlet
    of its own: it joins the source it took most from, and does not make its sources one (two outlets a
    roundup stitched together are still two), as the report counts ``SourceFamilies.independent_count``."""
    sources = DisjointSets(range(len(documents)))
    first_of: dict[str, int] = {}
    for i, doc in enumerate(documents):
        name = outlet_of(doc).casefold()
        if name in first_of:
            sources.union(first_of[name], i)
        else:
            first_of[name] = i
    if families is not None:
        for i in range(len(documents)):
            sources.union(families.family_of(i), i)
        for rewrite in families.rewrites.values():
            main = max(sorted(rewrite.sources), key=rewrite.sources.__getitem__)
            sources.union(main, rewrite.doc_index)
    return sources.count()


@dataclass
class StoryWork:
    """What one story's summary needs, as plain data, so that it can run in another process."""

    id: str
    documents: list[Document]
    options: SummaryOptions = field(default_factory=lambda: DigestOptions().summary_options())  # and the report's
    report_path: str | None = None
    summarize: bool = True  # False: count the independent outlets only (``--no-summaries``)


@dataclass
class StoryOutcome:
    id: str
    independent_outlets: int
    summary: Summary | None
    error: str | None
    report: str | None


def count_story_sources(work: StoryWork) -> StoryOutcome:
    """The independent outlets of a story that gets no summary: its articles cut into sentences only
    (no representation), enough for the source families' shingles; outlets of one name need no check."""
    from chorus.align import SourceFamilies
    from chorus.segment import segment

    documents = labelled(work.documents)
    if len({outlet_of(d).casefold() for d in documents}) < 2:
        return StoryOutcome(work.id, 1, None, None, None)
    story = segment(documents, None)
    return StoryOutcome(work.id, independent_outlets(documents, SourceFamilies(story)), None, None, None)


def summarize_story_work(work: StoryWork) -> StoryOutcome:
    """The cited summary of one story (and its full report when asked), and its independent outlets."""
    from chorus.align import SourceFamilies
    from chorus.pipeline import build_story, summarize_as_asked

    if not work.summarize:
        return count_story_sources(work)
    documents = labelled(work.documents)
    try:
        story = build_story(documents, None, [])
    except ChorusError as exc:
        return StoryOutcome(work.id, independent_outlets(documents), None, str(exc), None)
    families = SourceFamilies(story) if len(documents) > 1 else None
    outlets = independent_outlets(documents, families)
    summary, error = None, None
    try:
        summary = summarize_as_asked(story, work.options)
        summary.story = None  # the digest keeps the summary, not the story's matrices
    except ChorusError as exc:
        error = str(exc)
    report = None
    if work.report_path:
        report = _write_report(story, work, Path(work.report_path))
    return StoryOutcome(work.id, outlets, summary, error, report)


def _write_report(story, work: StoryWork, path: Path) -> str | None:
    from chorus.analysis.report import build_report
    from chorus.render import render_report

    try:
        page = render_report(build_report(story, work.options), "html")
    except ChorusError:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(path)
    return str(path)


def title_of(articles: Sequence[Article], similarity: Sequence[float]) -> str:
    """The headline of the article most like the story's centroid; else the start of that article, without
    its wire dateline ("MOSCOW (AP) —" says where the story was filed, not what it is)."""
    from chorus.segment import strip_dateline

    ranked = sorted(range(len(articles)), key=lambda i: (-similarity[i], i))
    for i in ranked:
        title = articles[i].document.title
        if title:
            return title
    words = strip_dateline(articles[ranked[0]].document.text.lstrip()).split()
    return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")


def rank(stories: list[NewsStory]) -> list[NewsStory]:
    """Most independent outlets first, then most articles, then the latest; single-article stories last."""
    ordered = sorted(stories, key=lambda s: s.id)
    ordered.sort(key=lambda s: s.last_published or "", reverse=True)
    ordered.sort(key=lambda s: (len(s.articles) == 1, -s.independent_outlets, -len(s.articles)))
    return ordered


def time_ordered(articles: Sequence[Article]) -> list[int]:
    """A story's articles by publication time, then by key: not by the order the grouper holds them in, which
    differs once a kept state is read again, so that a kept story's summary (whose citations number its articles in
    this order) is found unchanged."""
    return sorted(range(len(articles)), key=lambda i: (sort_key(articles[i].document.published), articles[i].key))
