"""From a day's news to its stories: group a pile or a stream of articles into stories, then summarize each.

    >>> import chorus
    >>> digest = chorus.stories([Path("today/"), Path("feeds/reuters.xml")])
    >>> for story in digest.stories:
    ...     print(story.title, story.independent_outlets, story.summary)

A consumer of the pipeline, as the report and batch are: ingest cleans each
article, ``chorus.digest.grouping`` groups them (online, in time order,
each decision explained), and each story gets the cited summary of
``chorus.summarize`` and its rank by independent outlets
(``chorus.digest.results``). ``chorus.digest.state`` keeps the stories
between runs, so tomorrow's articles join today's stories.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from chorus.digest.features import ArticleFeatures, document_features
from chorus.digest.grouping import GROUPINGS, GroupingSettings, StoryGrouper
from chorus.digest.inputs import ALREADY_KEPT, Article, Rejected, base_key, key_articles, read_items, unique_key
from chorus.digest.results import (
    DigestOptions,
    NewsStory,
    StoryDigest,
    StoryOutcome,
    StoryWork,
    rank,
    shown_outlets,
    summarize_story_work,
    time_ordered,
    title_of,
)
from chorus.errors import InputError
from chorus.ingest import RawDocument
from chorus.ingest.read import document_from_json
from chorus.types import Document

__all__ = [
    "Article",
    "DigestOptions",
    "GroupingSettings",
    "NewsStory",
    "Rejected",
    "StoryDigest",
    "StoryGrouper",
    "collect_raw",
    "stories",
]


def collect_raw(
    items: Iterable[Any], rejected: list[Rejected], warnings: list[str]
) -> tuple[list[RawDocument], list[Article]]:
    """Raw articles from paths (str or Path: files, folders, feeds, JSONL, '-'), texts and dicts; and the
    ``Document`` objects given, already clean. What cannot be read is reported in ``rejected``."""
    raw: list[RawDocument] = []
    ready: list[Article] = []
    for index, item in enumerate(items):
        if isinstance(item, Document):
            ready.append(Article(item.id, item))
        elif isinstance(item, RawDocument):
            raw.append(item)
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and _names_input(item)):
            raw.extend(read_items([os.fspath(item)], rejected, warnings))
        elif isinstance(item, (str, dict)):
            try:
                document = document_from_json(item, index, "documents")
            except InputError as exc:
                rejected.append(Rejected(f"document {index + 1}", str(exc)))
                continue
            document.id = document.id or str(index + 1)
            raw.append(document)
        else:
            rejected.append(
                Rejected(f"document {index + 1}", f"a {type(item).__name__}; give text, a path or a Document")
            )
    return raw, ready


def _names_input(item: str) -> bool:
    """A one-line string that names a file, a folder, '-' or an address (not an article's text)."""
    return (
        "\n" not in item
        and len(item) < 4096
        and (item == "-" or item.startswith(("http://", "https://")) or Path(item).exists())
    )


def story_id(index: int) -> str:
    return f"s{index + 1:04d}"


def news_stories(
    grouper: StoryGrouper, articles_by_key: dict[str, Article], new: set[str] | None = None
) -> list[NewsStory]:
    """The grouper's stories as NewsStory (no summary yet), with their title, dates, outlets and reasons."""
    out = []
    for story in grouper.stories:
        if not story.members:
            continue
        members = [articles_by_key[grouper.keys[m]] for m in story.members]
        order = time_ordered(members)
        members = [members[i] for i in order]
        indexes = [story.members[i] for i in order]
        dates = [a.document.published for a in members if a.document.published]
        outlets = shown_outlets([a.document for a in members])
        out.append(
            NewsStory(
                id=story_id(story.index),
                title=title_of(members, [grouper.similarity_to_centroid(m) for m in indexes]),
                articles=members,
                decisions=[grouper.decisions[m] for m in indexes],
                terms=grouper.centroid_terms(story.index),
                outlets=outlets,
                independent_outlets=len(outlets),
                first_published=min(dates) if dates else None,
                last_published=max(dates) if dates else None,
                new_articles=len(members) if new is None else sum(a.key in new for a in members),
            )
        )
    return out


def summarize_stories(
    found: list[NewsStory],
    options: DigestOptions,
    *,
    reports: str | os.PathLike | None = None,
    runner: Callable[[list[StoryWork]], Iterable[StoryOutcome]] = lambda works: map(summarize_story_work, works),
) -> None:
    """Give each changed story that may reach ``options.min_outlets`` its summary (and report), and its
    independent outlets (``options.summaries`` False: the independent outlets only)."""
    by_id = {s.id: s for s in found}
    summaries = options.summaries
    works = [
        StoryWork(
            s.id,
            s.documents,
            options.summary_options(),
            str(Path(reports) / f"{s.id}.html") if reports and summaries else None,
            summaries,
        )
        for s in found
        if s.changed
        and len(s.outlets) >= options.min_outlets  # copies only lower the count: this is its most
        and (summaries or len(s.articles) > 1)  # one article is one outlet
    ]
    for outcome in runner(works):
        story = by_id[outcome.id]
        story.summary, story.summary_error = outcome.summary, outcome.error
        story.independent_outlets, story.report = outcome.independent_outlets, outcome.report


def stories(
    documents: Iterable[Any],
    options: DigestOptions | None = None,
    *,
    reports: str | os.PathLike | None = None,
    state: str | os.PathLike | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    jobs: int | None = None,
    settings: GroupingSettings | None = None,
    grouping: str | None = None,
    **asked: Any,
) -> StoryDigest:
    """Group articles into stories, rank them by independent outlets and summarize each.

    Args:
        documents: paths (files, folders, RSS/Atom feeds, JSONL of articles
            or of clusters, '-' for stdin), article texts, dicts with a
            ``"text"`` key, or ``Document`` objects.
        options: a ``DigestOptions``; its fields can also be given as
            keywords (``stories(items, min_outlets=2)``), which override it:
            ``since``, an ISO date: articles published before it are left
            out (and reported); with ``state``, kept stories with an article
            since then are shown too. ``min_outlets``: stories with fewer
            independent outlets are not shown (they are counted). ``words``
            and ``method``: each story's summary. ``summaries``: False to
            group only (and count each story's independent outlets with its
            source families).
        reports: a folder to write each story's full report to (``<story id>.html``).
        state: a folder that keeps the stories between runs: the articles
            join the stories kept there, and only the stories that get an
            article are summarized again. The digest shows those.
        engine: ``"local"`` or ``"dask"`` (articles' cleaning and features,
            and the summaries, as Dask tasks; ``scheduler`` and ``jobs`` as
            for ``chorus batch --engine dask``).
        settings: the grouping's settings.
        grouping: what a story is (overrides ``settings.grouping``; default
            ``"event"``): ``"event"``, the articles about one happening and
            its follow-ups of the same days, so that a different event on the
            same topic (a second earthquake, another round of talks) is
            another story; ``"topic"``, the articles about one subject
            however far apart in time, as DUC's clusters are (articles
            months apart join when they say much alike).

    Returns:
        A ``StoryDigest``: the stories ranked, those hidden by
        ``min_outlets``, and every input article that is in no story with
        the reason (``rejected``).
    """
    from chorus.digest.engine import make_engine
    from chorus.digest.state import StoryState

    unknown = sorted(set(asked) - {f.name for f in fields(DigestOptions)})
    if unknown:
        raise TypeError(f"stories() got unknown options: {', '.join(unknown)}")
    options = replace(options or DigestOptions(), **asked)
    since, summaries = options.since, options.summaries
    settings = settings or GroupingSettings()
    if grouping is not None:
        if grouping not in GROUPINGS:
            raise InputError(f"unknown grouping {grouping!r}: choose one of {', '.join(GROUPINGS)}")
        settings = replace(settings, grouping=grouping)
    kept = StoryState.load(os.fspath(state)) if state is not None else None
    rejected: list[Rejected] = []
    warnings: list[str] = []
    raw, ready = collect_raw(documents, rejected, warnings)
    count_in = len(raw) + len(ready) + len(rejected)  # what could not be read counts as one article each
    taken = {a.key for a in kept.articles} if kept else set()
    known = {a.key: a.document.text for a in kept.articles} if kept else {}
    keyed = key_articles(raw, rejected, taken, known)
    runner = make_engine(engine, scheduler, jobs)
    warnings.extend(runner.warnings)
    try:
        articles: list[Article] = []
        features: dict[str, ArticleFeatures] = {}
        read_before = {k.key: (k.label, base) for k in keyed if (base := base_key(k.raw)) is not None and base in known}
        for result in runner.prepare(keyed, since):
            if isinstance(result, Rejected):
                rejected.append(result)
            elif result[0].key in read_before and _kept_text(known, read_before[result[0].key][1], result[0]):
                # given again and cleaned to the text kept (``key_articles`` finds those whose text was already clean)
                rejected.append(Rejected(read_before[result[0].key][0], ALREADY_KEPT))
            else:
                articles.append(result[0])
                features[result[0].key] = result[1]
        for article in ready:
            article = Article(unique_key(RawDocument(text="", id=article.key), len(articles), taken), article.document)
            articles.append(article)
            features[article.key] = document_features(article.key, article.document)
        if not articles and not (kept and kept.articles):
            reasons = "; ".join(r.told for r in rejected[:3])
            raise InputError("no usable article in the input" + (f" ({reasons})" if reasons else ""))
        grouper = kept.grouper(settings) if kept else StoryGrouper(settings)
        grouper.add([features[a.key] for a in articles])
        everything = {a.key: a for a in (kept.articles if kept else [])} | {a.key: a for a in articles}
        found = news_stories(grouper, everything, {a.key for a in articles})
        cached = kept.stories if kept else {}
        for story in found:
            _reuse(story, cached.get(story.id), summaries)
        summarize_stories(found, options, reports=reports, runner=runner.summarize)
    finally:
        runner.close()
    if kept is not None:
        from chorus.digest.state import story_to_state

        kept.save(
            grouper,
            everything,
            {s.id: story_to_state(s) for s in found},
            {**{f.key: f for f in kept.features}, **features},
        )
        found = [s for s in found if s.new_articles or (since and (s.last_published or "")[:10] >= since)]
    return finish_digest(found, rejected, warnings, count_in, options)


def _kept_text(known: dict[str, str], base: str, article: Article) -> bool:
    return known[base].strip() == article.document.text.strip()


def _reuse(story: NewsStory, kept: dict[str, Any] | None, summaries: bool = True) -> None:
    """A story whose articles are those of its kept summary is not summarized again (one kept from a
    ``--no-summaries`` run is, when summaries are asked for now)."""
    from chorus.digest.state import outcome_from_state

    if kept is None or kept.get("members") != [a.key for a in story.articles]:
        return
    if summaries and kept.get("summary") is None and kept.get("summary_error") is None:
        return
    story.changed = False
    outcome_from_state(story, kept)


def finish_digest(
    found: list[NewsStory], rejected: list[Rejected], warnings: list[str], count_in: int, options: DigestOptions
) -> StoryDigest:
    shown = [s for s in found if s.independent_outlets >= options.min_outlets]
    hidden = [s for s in found if s.independent_outlets < options.min_outlets]
    return StoryDigest(rank(shown), rank(hidden), rejected, count_in, warnings, options.since, options.min_outlets)
