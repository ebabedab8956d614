"""The work of the API's endpoints: what runs in a worker process.

Each function here is what `chorus summarize` or `chorus report` does with
the articles of one request; chorus.web.workers runs it in a worker process,
within the request's time and memory limits. The deadline is also checked
between stages, so a job out of time does not even render its result.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from chorus.analysis.report import Report, build_report
from chorus.ingest import RawDocument
from chorus.ingest.decode import decode
from chorus.ingest.read import check_text_size, document_from_json, sniff_format
from chorus.pipeline import build_story, load_documents, make_budget, summarize_story
from chorus.render import render, render_report, summary_to_dict
from chorus.render.report_json import report_to_dict
from chorus.types import Story, Summary
from chorus.web.inputs import Incoming
from chorus.web.limits import Deadline
from chorus.web.schemas import DEFAULT_WORDS, CheckOptions, ReportOptions, SummarizeOptions


def raw_document(article: Incoming) -> RawDocument:
    """An uploaded or pasted article, read the way `chorus summarize` reads files."""
    index = article.number - 1
    if article.data is not None:
        filename = article.filename or f"article-{article.number}.txt"
        text = decode(article.data, filename)  # any encoding; refuses binary files
        raw = RawDocument(
            text=text,
            name=article.name or filename,
            id=PurePath(filename).stem or str(article.number),
            format=sniff_format(text, filename),
        )
        check_text_size(text, filename, raw.format)
        return raw
    fields = {"text": article.text, "name": article.name, "title": article.title}
    raw = document_from_json({k: v for k, v in fields.items() if v is not None}, index, "documents")
    raw.id = str(article.number)
    return raw


def budget_words(options: SummarizeOptions) -> int | None:
    """The word budget asked for: the default only when neither words nor sentences is given."""
    return options.words if options.words is not None or options.sentences is not None else DEFAULT_WORDS


def read_story(articles: list[Incoming], options: SummarizeOptions, deadline: Deadline) -> Story:
    """Ingest, segment and represent the articles, as the CLI does, checking the deadline between stages."""
    deadline.check()
    warnings: list[str] = []
    documents = load_documents([raw_document(a) for a in articles], warnings)
    deadline.check()
    story = build_story(documents, options.query, warnings)
    deadline.check()
    return story


def summarize_articles(articles: list[Incoming], options: SummarizeOptions, deadline: Deadline) -> Summary:
    """The pipeline of `chorus summarize`."""
    budget = make_budget(budget_words(options), options.sentences)
    story = read_story(articles, options, deadline)
    return summarize_story(story, budget, options.method)


def report_articles(articles: list[Incoming], options: ReportOptions, deadline: Deadline) -> Report:
    """`chorus report`: the summary and the comparison of the outlets, from one reading of the articles."""
    story = read_story(articles, options, deadline)
    return build_report(story, words=budget_words(options), sentences=options.sentences, method=options.method)


def summary_payload(summary: Summary) -> dict[str, Any]:
    """`chorus summarize --format json`, plus each article's sentences for showing the support."""
    payload = summary_to_dict(summary)
    for index, (entry, document) in enumerate(zip(payload["documents"], summary.documents)):
        entry["subtitle"] = document.subtitle
        entry["sentences"] = article_sentences(summary.story, index)
    return payload


def article_sentences(story: Story | None, index: int) -> list[dict[str, Any]]:
    sentences = story.sentences_of(index) if story is not None else []
    return [{"text": s.text, "paragraph": s.paragraph} for s in sentences]


def summarize_and_render(articles: list[Incoming], options: SummarizeOptions, deadline: Deadline) -> dict | str:
    summary = summarize_articles(articles, options, deadline)
    if options.format == "json":
        return summary_payload(summary)
    return render(summary, options.format)


def report_payload(report: Report) -> dict[str, Any]:
    """`chorus report --format json`, plus each article's subtitle and kept sentences.

    The report's `documents[].sentences` is already the count of kept sentences,
    so the sentences themselves, which every reference indexes, come as
    `article_sentences`.
    """
    payload = report_to_dict(report)
    for index, (entry, document) in enumerate(zip(payload["documents"], report.documents)):
        entry["subtitle"] = document.subtitle
        entry["article_sentences"] = article_sentences(report.story, index)
    return payload


def report_and_render(articles: list[Incoming], options: ReportOptions, deadline: Deadline) -> dict | str:
    report = report_articles(articles, options, deadline)
    deadline.check()  # the analysis itself cannot stop midway; do not render what nobody will receive
    if options.format == "json":
        return report_payload(report)
    return render_report(report, options.format)


def check_and_render(articles: list[Incoming], options: CheckOptions, deadline: Deadline) -> dict | str:
    """`chorus check`: each article's verdict on the claim."""
    from chorus.pipeline import check
    from chorus.render.check import check_to_dict, render_check_text

    deadline.check()
    warnings: list[str] = []
    documents = load_documents([raw_document(a) for a in articles], warnings)
    deadline.check()
    result = check(options.claim, documents)
    return check_to_dict(result) if options.format == "json" else render_check_text(result)
