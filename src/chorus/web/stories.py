"""The Stories view's endpoint, ``POST /api/stories``: many articles or feeds in, the stories digest out.

Self-contained beside the summary and report routes and through the same
infrastructure: the request is read and checked by ``read_request`` (body,
article count and size limits), the work runs in the shared worker processes
within the request's time and memory limits. An uploaded RSS/Atom feed is one upload
that holds many articles.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

from fastapi import FastAPI, Request, Response
from pydantic import Field

from chorus.digest import DigestOptions, stories
from chorus.digest.inputs import Rejected, jsonl_text_articles
from chorus.errors import InputError
from chorus.ingest.decode import decode
from chorus.ingest.feeds import is_feed
from chorus.ingest.read import read_feed_text
from chorus.render.stories import render_stories, stories_to_dict
from chorus.types import DEFAULT_GROUPING, DIGEST_WORDS, MIN_OUTLETS, Grouping
from chorus.web.inputs import REQUEST_MODELS, Incoming
from chorus.web.jobs import raw_document
from chorus.web.limits import Deadline, Limits
from chorus.web.schemas import DOCUMENTS_DESCRIPTION, MAX_BUDGET_WORDS, DocumentItem, Strict
from chorus.web.workers import WorkerPool

JSONL_SUFFIX = ".jsonl"  # an upload of articles one a line (a .json upload is one article's text)
MEDIA_TYPES = {"markdown": "text/markdown", "html": "text/html", "text": "text/plain"}


class StoriesOptions(Strict):
    min_outlets: int = Field(
        MIN_OUTLETS, ge=1, le=1000, description="Show only stories with at least this many independent outlets."
    )
    since: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Leave out articles published before this day (YYYY-MM-DD)."
    )
    words: int = Field(DIGEST_WORDS, ge=1, le=MAX_BUDGET_WORDS, description="Word budget of each story's summary.")
    grouping: Grouping = Field(
        DEFAULT_GROUPING,
        description="What a story is: event, the articles about one happening and its follow-ups of the same days "
        "(another event on the same topic is another story); topic, one subject however far apart in time.",
    )
    format: Literal["json", "text", "markdown", "html"] = Field(
        "json", description="json (chorus.stories/1) or a rendering."
    )

    def digest_options(self) -> DigestOptions:
        return DigestOptions(since=self.since, min_outlets=self.min_outlets, words=self.words)


class StoriesRequest(StoriesOptions):
    documents: list[DocumentItem] = Field(min_length=1, description=DOCUMENTS_DESCRIPTION)


REQUEST_MODELS[StoriesOptions] = StoriesRequest


def raw_articles(article: Incoming, rejected: list[Rejected]) -> list:
    """An upload's articles: each line of a JSONL file (as `chorus stories` reads one; a bad line
    reported in ``rejected``), each item of a feed, or the one article."""
    if article.data is not None and (article.filename or "").lower().endswith(JSONL_SUFFIX):
        return list(jsonl_text_articles(decode(article.data, article.filename or ""), article.filename or "", rejected))
    raw = raw_document(article)
    if is_feed(raw.text):
        return read_feed_text(raw.text, raw.name or f"feed {article.number}")
    return [raw]


def stories_and_render(articles: list[Incoming], options: StoriesOptions, deadline: Deadline) -> dict[str, Any] | str:
    deadline.check()
    raw: list = []
    unread: list[Rejected] = []
    for article in articles:
        try:
            raw.extend(raw_articles(article, unread))
        except InputError as exc:  # one bad upload (a picture, an empty file) is reported; the others are grouped
            unread.append(Rejected(article.filename or article.name or f"article {article.number}", str(exc)))
    if not raw:
        raise InputError("no usable article in the input (" + "; ".join(r.told for r in unread[:3]) + ")")
    digest = stories(raw, options.digest_options(), grouping=options.grouping)
    digest = replace(digest, rejected=[*unread, *digest.rejected], articles_in=digest.articles_in + len(unread))
    deadline.check()
    if options.format == "json":
        return stories_to_dict(digest)
    return render_stories(digest, options.format)


def add_stories_api(app: FastAPI, limits: Limits, workers: WorkerPool) -> None:
    @app.post(
        "/api/stories",
        tags=["stories"],
        summary="Group many articles (or feeds) into stories, ranked, each with its cited summary",
        description=(
            "The digest of `chorus stories`: stories ranked by independent outlets, each with its title, dates, "
            "outlets, articles (with why each joined) and cited summary; articles that could not be used are listed "
            "under `rejected`. Send JSON `documents` or a form upload; an RSS/Atom feed file counts as one "
            f"upload and gives all its items. Limits: {limits.max_documents} uploads per request."
        ),
    )
    async def digest(request: Request) -> Response:
        from chorus.web.app import compute  # the limits, queue and killable workers of every endpoint

        return await compute(request, limits, workers, "stories", StoriesOptions, stories_and_render, MEDIA_TYPES)
