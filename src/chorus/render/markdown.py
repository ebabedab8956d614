"""Markdown: footnote markers after each sentence, footnotes naming every source."""

from __future__ import annotations

from chorus.render.text import source_line
from chorus.types import Summary


def _escape(text: str) -> str:
    return text.replace("[", r"\[").replace("]", r"\]")


def render_markdown(summary: Summary) -> str:
    title = "Summary"
    if summary.query:
        title += f": {summary.query}"
    paragraph = " ".join(f"{_escape(s.text)}[^{n}]" for n, s in enumerate(summary.sentences, start=1))
    lines = [f"## {_escape(title)}", "", paragraph, ""]
    for n, s in enumerate(summary.sentences, start=1):
        names = ", ".join(
            f"[{c.doc_index + 1}] {summary.documents[c.doc_index].label} (sentence {c.position + 1})"
            for c in s.support
        )
        outlets = "1 source" if s.support_count == 1 else f"{s.support_count} sources"
        lines.append(f"[^{n}]: {outlets}: {names}")
    cited = sorted({d for s in summary.sentences for d in s.doc_indexes})
    lines += ["", "### Sources", ""]
    lines += [f"- {_escape(source_line(d + 1, summary.documents[d]))}" for d in cited]
    lines += ["", f"*{summary.words} words, method `{summary.method}`.*"]
    return "\n".join(lines) + "\n"
