"""Render stage: a Summary as text, Markdown, JSON or a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Callable

from chorus.errors import ChorusError
from chorus.render.html import render_html
from chorus.render.json import render_json, summary_to_dict
from chorus.render.markdown import render_markdown
from chorus.render.text import render_text
from chorus.types import Summary

RENDERERS: dict[str, Callable[[Summary], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "html": render_html,
}
FORMATS = tuple(RENDERERS)


def render(summary: Summary, fmt: str = "text") -> str:
    try:
        return RENDERERS[fmt](summary)
    except KeyError:
        raise ChorusError(f"unknown format {fmt!r}; choose from: {', '.join(FORMATS)}") from None


REPORT_FORMATS = ("markdown", "json", "html")


def render_report(report, fmt: str = "markdown") -> str:
    """A story report (``chorus.report``) as Markdown, JSON or a self-contained HTML page."""
    if fmt == "markdown":
        from chorus.render.report_markdown import render_report_markdown as renderer
    elif fmt == "json":
        from chorus.render.report_json import render_report_json as renderer
    elif fmt == "html":
        from chorus.render.report_html import render_report_html as renderer
    else:
        raise ChorusError(f"unknown report format {fmt!r}; choose from: {', '.join(REPORT_FORMATS)}")
    return renderer(report)


def render_check(result, fmt: str = "text") -> str:
    """A claim check (``chorus.check``) as text or JSON."""
    from chorus.render.check import CHECK_FORMATS, render_check as renderer

    if fmt not in CHECK_FORMATS:
        raise ChorusError(f"unknown check format {fmt!r}; choose from: {', '.join(CHECK_FORMATS)}")
    return renderer(result, fmt)


__all__ = ["FORMATS", "REPORT_FORMATS", "render", "render_check", "render_report", "summary_to_dict"]
