"""Summaries computed in worker threads, off the event loop, within a time limit.

The event loop only parses requests and sends responses, so a long summary
never delays another request's page, health check or error. A fixed pool of
workers bounds how many summaries compete for the CPU; a request waiting
for a worker spends its own time budget doing so.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import PurePath
from typing import Any, TypeVar

from chorus.ingest import RawDocument
from chorus.ingest.decode import decode
from chorus.ingest.read import document_from_json, sniff_format
from chorus.pipeline import build_story, load_documents, make_budget, summarize_story
from chorus.render import render, summary_to_dict
from chorus.types import Summary
from chorus.web.inputs import Incoming
from chorus.web.limits import Deadline, out_of_time
from chorus.web.schemas import DEFAULT_WORDS, SummarizeOptions

T = TypeVar("T")


class Workers:
    def __init__(self, count: int) -> None:
        self._executor = ThreadPoolExecutor(max_workers=count, thread_name_prefix="chorus-summary")

    async def run(self, deadline: Deadline, function: Callable[..., T], *args: Any) -> T:
        future = self._executor.submit(function, *args)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout=deadline.remaining())
        except TimeoutError:
            # Cancelling drops a job still queued; a running one stops at its
            # next deadline check (see Deadline).
            future.cancel()
            raise out_of_time(deadline.seconds) from None

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def raw_document(article: Incoming) -> RawDocument:
    """An uploaded or pasted article, read the way `chorus summarize` reads files."""
    index = article.number - 1
    if article.data is not None:
        filename = article.filename or f"article-{article.number}.txt"
        text = decode(article.data, filename)  # any encoding; refuses binary files
        return RawDocument(
            text=text,
            name=article.name or filename,
            id=PurePath(filename).stem or str(article.number),
            format=sniff_format(text, filename),
        )
    fields = {"text": article.text, "name": article.name, "title": article.title}
    raw = document_from_json({k: v for k, v in fields.items() if v is not None}, index, "documents")
    raw.id = str(article.number)
    return raw


def summarize_articles(articles: list[Incoming], options: SummarizeOptions, deadline: Deadline) -> Summary:
    """The pipeline of `chorus summarize`, checking the deadline between stages."""
    deadline.check()
    words = options.words if options.words is not None or options.sentences is not None else DEFAULT_WORDS
    budget = make_budget(words, options.sentences)
    warnings: list[str] = []
    documents = load_documents([raw_document(a) for a in articles], warnings)
    deadline.check()
    story = build_story(documents, options.query, warnings)
    deadline.check()
    return summarize_story(story, budget, options.method)


def summary_payload(summary: Summary) -> dict[str, Any]:
    """`chorus summarize --format json`, plus each article's sentences for showing the support."""
    payload = summary_to_dict(summary)
    story = summary.story
    for index, (entry, document) in enumerate(zip(payload["documents"], summary.documents)):
        entry["subtitle"] = document.subtitle
        sentences = story.sentences_of(index) if story is not None else []
        entry["sentences"] = [{"text": s.text, "paragraph": s.paragraph} for s in sentences]
    return payload


def summarize_and_render(articles: list[Incoming], options: SummarizeOptions, deadline: Deadline) -> dict | str:
    summary = summarize_articles(articles, options, deadline)
    if options.format == "json":
        return summary_payload(summary)
    return render(summary, options.format)
