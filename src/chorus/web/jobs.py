"""The work of the API's endpoints: what runs in a worker process.

Each function here is what `chorus summarize` or `chorus report` does with
the articles of one request; chorus.web.workers runs it in a worker process,
within the request's time and memory limits. The deadline is also checked
between stages, so a job out of time does not even render its result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from chorus.analysis.report import Report, build_report
from chorus.errors import InputError, skipped, why_skipped
from chorus.ingest import RawDocument
from chorus.ingest.decode import decode
from chorus.ingest.fetch import FetchLimits, fetch_page
from chorus.ingest.read import check_text_size, document_from_json, sniff_format
from chorus.pipeline import load_documents, read_story, summarize_story
from chorus.render import render, render_report, summary_to_dict
from chorus.render.json import article_sentences
from chorus.render.report_html import report_data_script, report_heading, report_html_page, report_page_data
from chorus.render.report_markdown import render_report_markdown
from chorus.types import Document, Story, Summary
from chorus.web.inputs import Incoming
from chorus.web.kept import pack
from chorus.web.limits import Deadline
from chorus.web.schemas import CheckOptions, ReportOptions, SummarizeOptions

DOWNLOAD_FORMATS = ("markdown", "html")  # the report's renderings the page downloads (JSON it has)


def raw_document(article: Incoming) -> RawDocument:
    """An uploaded or pasted article, read the way `chorus summarize` reads files."""
    index = article.number - 1
    if article.url is not None:  # a web address pasted or sent: the page it names
        raw = fetch_page(article.url, article.fetch or FetchLimits(refuse_private=True))
        raw.name = article.name or raw.name
    elif article.data is not None:
        filename = article.filename or f"article-{article.number}.txt"
        text = decode(article.data, filename)  # any encoding; refuses binary files
        raw = RawDocument(text=text, name=article.name or filename, format=sniff_format(text, filename))
        check_text_size(text, filename, raw.format)
    else:
        fields = {"text": article.text, "name": article.name, "title": article.title}
        raw = document_from_json({k: v for k, v in fields.items() if v is not None}, index, "documents")
    raw.id = article_id(article)
    # What the person typed wins over what the page says, as a dataset's own fields do.
    raw.outlet = article.outlet or raw.outlet
    raw.published = article.published or raw.published
    return raw


def article_id(article: Incoming) -> str:
    """The document id an article gets: its file name without the suffix, or its number."""
    return (PurePath(article.filename).stem if article.filename else "") or str(article.number)


def unique_ids(articles: list[Incoming]) -> list[str]:
    """Each article's id, made distinct (``a``, ``a-2``), so that an answer's documents map back to the articles."""
    seen: dict[str, int] = {}
    ids = []
    for article in articles:
        base = article_id(article)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def read_articles(articles: list[Incoming], warnings: list[str]) -> list[RawDocument]:
    """Every article that can be read; one that cannot (a binary file) is left out with a warning
    while others remain, as `chorus summarize FOLDER` does with a bad file in the folder."""
    read = []
    for article, doc_id in zip(articles, unique_ids(articles)):
        try:
            raw = raw_document(article)
        except InputError as exc:
            if len(articles) == 1:
                raise
            warnings.append(skipped(exc))
            continue
        raw.id = doc_id
        read.append(raw)
    if not read:
        raise InputError("none of the articles could be read: " + "; ".join(why_skipped(w) for w in warnings))
    return read


def describe_inputs(articles: list[Incoming], documents: list[Document], warnings: list[str]) -> list[dict[str, Any]]:
    """What became of each article sent: the document it is in the answer, or why it was left out."""
    kept = {d.id for d in documents}
    out = []
    for article, doc_id in zip(articles, unique_ids(articles)):
        names = [n for n in (article.filename, article.name) if n]
        problem = next((w for w in warnings if any(n in w for n in names)), None)
        if doc_id not in kept and problem is None:
            problem = "left out: it holds no article chorus could use"
        out.append({"number": article.number, "document": doc_id if doc_id in kept else None, "problem": problem})
    return out


def read_articles_story(articles: list[Incoming], options: SummarizeOptions, deadline: Deadline) -> Story:
    """Ingest, segment and represent the articles, as the CLI does, checking the deadline between stages."""
    deadline.check()
    warnings: list[str] = []
    story = read_story(read_articles(articles, warnings), options.query, warnings, stage=lambda _: deadline.check())
    deadline.check()
    return story


def summarize_articles(articles: list[Incoming], options: SummarizeOptions, deadline: Deadline) -> Summary:
    """The pipeline of `chorus summarize`."""
    asked = options.summary_options()
    budget = asked.budget()  # a bad length is answered before the articles are read
    story = read_articles_story(articles, options, deadline)
    return summarize_story(story, budget, asked.method)


def report_articles(articles: list[Incoming], options: ReportOptions, deadline: Deadline) -> Report:
    """`chorus report`: the summary and the comparison of the outlets, from one reading of the articles."""
    story = read_articles_story(articles, options, deadline)
    return build_report(story, options.summary_options())


def summary_payload(summary: Summary) -> dict[str, Any]:
    """`chorus summarize --format json`, plus each article's sentences for showing the support."""
    payload = summary_to_dict(summary)
    for index, (entry, document) in enumerate(zip(payload["documents"], summary.documents)):
        entry["subtitle"] = document.subtitle
        entry["sentences"] = article_sentences(summary.story, index)
    return payload


def summarize_and_render(articles: list[Incoming], options: SummarizeOptions, deadline: Deadline) -> dict | str:
    summary = summarize_articles(articles, options, deadline)
    if options.format == "json":
        payload = summary_payload(summary)
        payload["inputs"] = describe_inputs(articles, summary.documents, summary.warnings)
        return payload
    return render(summary, options.format)


@dataclass
class PageReport:
    """A JSON report and what its downloads are made of (``download_parts``), packed (chorus.web.kept)."""

    payload: dict[str, Any]
    parts: dict[str, bytes]


def report_payload(report: Report, articles: list[Incoming]) -> dict[str, Any]:
    """The page's JSON: chorus.report/2 with each article's sentences, and what became of each article sent."""
    payload = report_page_data(report)
    payload["inputs"] = describe_inputs(articles, report.documents, report.warnings)
    return payload


def download_parts(report: Report, page_data: dict[str, Any]) -> dict[str, str]:
    """What the Markdown and HTML downloads are made of, made while the Report is at hand: the Markdown
    report, and the HTML page's pieces (its heading and ``page_data`` as the page embeds it). The HTML
    page is put together from them on download (``download``): it is mostly these pieces, and most JSON
    answers are never downloaded."""
    title, about = report_heading(report)
    return {
        "markdown": render_report_markdown(report),
        "title": title,
        "about": about,
        "data": report_data_script(page_data),
    }


def download(parts: Mapping[str, str], fmt: str) -> str:
    """The download in ``fmt`` (DOWNLOAD_FORMATS), the same text as ``render_report(report, fmt)``."""
    if fmt == "markdown":
        return parts["markdown"]
    return report_html_page(parts["title"], parts["about"], parts["markdown"], parts["data"])


def report_and_render(articles: list[Incoming], options: ReportOptions, deadline: Deadline) -> PageReport | str:
    """The report in ``options.format``; a JSON answer comes with its downloads' parts, so that they need
    no second analysis."""
    report = report_articles(articles, options, deadline)
    deadline.check()  # the analysis itself cannot stop midway; do not render what nobody will receive
    if options.format != "json":
        return render_report(report, options.format)
    page_data = report_page_data(report)
    parts = pack(download_parts(report, page_data))
    payload = {**page_data, "inputs": describe_inputs(articles, report.documents, report.warnings)}
    deadline.check()
    return PageReport(payload, parts)


def check_and_render(articles: list[Incoming], options: CheckOptions, deadline: Deadline) -> dict | str:
    """`chorus check`: each article's verdict on the claim."""
    from chorus.pipeline import check
    from chorus.render.check import check_to_dict, render_check_text

    deadline.check()
    warnings: list[str] = []
    documents = load_documents(read_articles(articles, warnings), warnings)
    deadline.check()
    result = check(options.claim, documents, warnings)
    if options.format != "json":
        return render_check_text(result)
    kept = result.story.documents if result.story is not None else []
    return {**check_to_dict(result), "warnings": warnings, "inputs": describe_inputs(articles, kept, warnings)}
