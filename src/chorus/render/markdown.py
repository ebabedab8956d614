"""Markdown: footnote markers after each sentence, footnotes naming every source."""

from __future__ import annotations

import re

from chorus.render.text import cited_documents, independence, source_line
from chorus.render.wording import other_value
from chorus.types import Summary

# Article text, titles and file names are the outlets' or the user's words,
# never Markdown or HTML of chorus's: a bracket would start a link, and "<"
# raw HTML that a Markdown viewer runs (`<img src=x onerror=...>`). "<" becomes
# the entity every Markdown renders as "<"; "&" only where it would start one.
_MARKDOWN_ESCAPES = str.maketrans({"[": r"\[", "]": r"\]", "<": "&lt;"})
_STARTS_ENTITY = re.compile(r"&(?=#?\w+;)")


def _escape(text: str) -> str:
    """Text shown as itself in Markdown, whatever it holds."""
    return _STARTS_ENTITY.sub("&amp;", text).translate(_MARKDOWN_ESCAPES)


_ESCAPED_ENTITY = re.compile(r"&amp;(?=#?\w+;)")


def unescape(markdown: str) -> str:
    """Markdown written by chorus read back as the words it shows (the inverse of ``_escape`` on the
    outlets' words): what a reader of the Markdown as plain text should see, e.g. a no-JavaScript copy."""
    return _ESCAPED_ENTITY.sub("&", markdown.replace("&lt;", "<")).replace(r"\[", "[").replace(r"\]", "]")


def _sentences(numbers: tuple[int, ...]) -> str:
    return ("sentence " if len(numbers) == 1 else "sentences ") + " and ".join(str(p + 1) for p in numbers)


def render_markdown(summary: Summary) -> str:
    title = "Summary"
    if summary.query:
        title += f": {summary.query}"
    paragraph = " ".join(f"{_escape(s.text)}[^{n}]" for n, s in enumerate(summary.sentences, start=1))
    lines = [f"## {_escape(title)}", "", paragraph, ""]
    for n, s in enumerate(summary.sentences, start=1):
        names = ", ".join(
            f"[{c.doc_index + 1}] {_escape(summary.documents[c.doc_index].label)} ({_sentences(c.sentence_numbers)})"
            for c in s.support
        )
        outlets = independence(s) or ("1 source" if s.support_count == 1 else f"{s.support_count} sources")
        line = f"[^{n}]: {outlets}: {names}"
        for c in s.contradictions:
            values = "; ".join(f"{_escape(mine)} where this says {_escape(theirs)}" for _, theirs, mine in c.values)
            name = f"[{c.doc_index + 1}] {_escape(summary.documents[c.doc_index].label)} ({_sentences(c.sentence_numbers)})"
            line += f"; {'updated' if c.update else 'against'}: {other_value(name, values, c.update)}"
        lines.append(line)
    cited = cited_documents(summary)
    lines += ["", "### Sources", ""]
    lines += [f"- {_escape(source_line(d + 1, summary.documents[d]))}" for d in cited]
    lines += ["", f"*{summary.words} words, method `{summary.method}`.*"]
    return "\n".join(lines) + "\n"
