"""The story report as one self-contained HTML page (no network).

The page carries the report's JSON (``chorus.report/2`` plus each article's
kept sentences) and the story viewer of `chorus serve` (``story.js`` and
``story.css``), which draws it: the same tabs, pictures and highlighting as
the web page, from one piece of code. Without JavaScript the page shows the
Markdown report instead.
"""

from __future__ import annotations

import json
from html import escape
from importlib.resources import files
from typing import Any

from chorus.analysis.report import Report
from chorus.render.html import PAGE_STYLE
from chorus.render.json import article_sentences
from chorus.render.markdown import unescape
from chorus.render.report_json import report_to_dict
from chorus.render.report_markdown import render_report_markdown
from chorus.render.wording import REPORT_TITLE, chosen_by, story_script

_ASSETS = files("chorus.render")
STORY_STYLE = (_ASSETS / "story.css").read_text(encoding="utf-8")
STORY_SCRIPT = story_script()  # the page of `chorus serve` is served this same code


def report_page_data(report: Report) -> dict[str, Any]:
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


def _script_json(data: Any) -> str:
    """JSON that cannot end its <script> element early: every '<' is escaped."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _inline_script(code: str) -> str:
    return code.replace("</script", "<\\/script")


# The page's one executable script, exactly as it stands in the page (the API's
# Content-Security-Policy allows it by its hash: chorus.web.guard.document_csp).
REPORT_SCRIPT = _inline_script(STORY_SCRIPT)


def report_heading(report: Report) -> tuple[str, str]:
    """The page's title (text) and the line under it (HTML)."""
    title = REPORT_TITLE + (f": {report.summary.query}" if report.summary.query else "")
    about = (
        f"{len(report.documents)} articles &middot; "
        f'<span title="method {escape(report.summary.method)}">summary {escape(chosen_by(report.summary.method))}</span> '
        f"&middot; names by {escape(report.ner)}"
    )
    return title, about


def report_data_script(data: dict[str, Any]) -> str:
    """The page data (``report_page_data``) as the page embeds it."""
    return _script_json(data)


def render_report_html(report: Report) -> str:
    title, about = report_heading(report)
    return report_html_page(title, about, render_report_markdown(report), report_data_script(report_page_data(report)))


def report_html_page(title: str, about: str, markdown: str, data_script: str) -> str:
    """The page from its pieces, so that a server that kept them (chorus.web.kept) need not keep the page."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)}</title><style>{PAGE_STYLE}{STORY_STYLE}</style></head>
<body><main>
<h1>{escape(title)}</h1>
<p class="meta">{about}</p>
<noscript><p class="hint">This report draws its pictures with JavaScript; here it is as text.</p>
<pre class="report-text">{escape(unescape(markdown))}</pre></noscript>
<h2 class="sr-only">The report, section by section</h2>
<div id="story" class="story-root"></div>
</main>
<script type="application/json" id="story-data">{data_script}</script>
<script>{REPORT_SCRIPT}</script>
</body></html>
"""
