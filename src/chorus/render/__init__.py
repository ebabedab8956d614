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


__all__ = ["FORMATS", "render", "summary_to_dict"]
