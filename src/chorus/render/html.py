"""HTML: one self-contained page (no network) with the summary and its sources.

Hovering or focusing a summary sentence highlights the sentences of the
source articles that support it; the articles stand side by side below.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from chorus.render.text import citation, independence
from chorus.render.wording import other_value
from chorus.types import Summary

# The web page (chorus serve) builds on the same stylesheet, so both look alike. Read beside this file,
# as the concept weights are: importlib.resources would cost every cold `chorus summarize` ~5 ms.
PAGE_STYLE = Path(__file__).with_name("page.css").read_text(encoding="utf-8")

PAGE_SCRIPT = """
document.querySelectorAll('.summary .s').forEach(function (el) {
  function mark(on) {
    el.classList.toggle('active', on);
    (el.dataset.support || '').split(' ').forEach(function (id) {
      var t = document.getElementById(id);
      if (t) { t.classList.toggle('hit', on); if (on && el.dataset.scroll) t.scrollIntoView({block: 'nearest'}); }
    });
  }
  el.addEventListener('mouseenter', function () { mark(true); });
  el.addEventListener('mouseleave', function () { mark(false); });
  el.addEventListener('focus', function () { el.dataset.scroll = '1'; mark(true); });
  el.addEventListener('blur', function () { delete el.dataset.scroll; mark(false); });
});
"""


def sentence_anchor(doc_index: int, position: int) -> str:
    return f"d{doc_index}-s{position}"


def _summary_block(summary: Summary) -> str:
    parts = []
    for s in summary.sentences:
        support = " ".join(sentence_anchor(c.doc_index, p) for c in s.support for p in c.sentence_numbers)
        title = "Supported by: " + "; ".join(summary.documents[d].label for d in s.doc_indexes)
        note = independence(s)
        if note:
            title += f" ({note})"
        for c in s.contradictions:
            values = ", ".join(theirs for _, _, theirs in c.values)
            title += f". {other_value(summary.documents[c.doc_index].label, values, c.update)}"
        parts.append(
            f'<span class="s" tabindex="0" data-support="{support}" title="{escape(title)}">'
            f'{edited_html(s)}<sup class="cite">{escape(citation(s))}</sup></span>'
        )
    return " ".join(parts)


def edited_html(sentence) -> str:
    """The sentence, each of chorus's edits marked as inserted text, with the article's words as its title."""
    out, last = [], 0
    for e in sentence.edits:
        title = f"added by chorus ({e.reason})" + (f"; the article says: {e.replaces}" if e.replaces else "")
        out.append(escape(sentence.text[last : e.start]))
        out.append(f'<ins class="edit" title="{escape(title)}">{escape(sentence.text[e.start : e.end])}</ins>')
        last = e.end
    out.append(escape(sentence.text[last:]))
    return "".join(out)


def _sources_block(summary: Summary) -> str:
    story = summary.story
    blocks = []
    for d, doc in enumerate(summary.documents):
        heading = f'<span class="n">[{d + 1}]</span> {escape(doc.label)}'
        if doc.title and doc.title != doc.label:
            heading += f"<br><small>{escape(doc.title)}</small>"
        if doc.name and doc.name not in (doc.label, doc.title):  # the file or address it came as
            heading += f'<br><small class="file">{escape(doc.name)}</small>'
        if story is not None:
            paragraphs: dict[int, list[str]] = {}
            for s in story.sentences_of(d):
                paragraphs.setdefault(s.paragraph, []).append(
                    f'<span id="{sentence_anchor(d, s.position)}">{escape(s.text)}</span>'
                )
            body = "".join(f"<p>{' '.join(p)}</p>" for p in paragraphs.values())
        else:
            body = "".join(f"<p>{escape(p)}</p>" for p in doc.paragraphs)
        blocks.append(f'<article class="doc"><h2>{heading}</h2>{body}</article>')
    return "".join(blocks)


def render_html(summary: Summary) -> str:
    title = "Summary" + (f": {summary.query}" if summary.query else "")
    warnings = "".join(f"<p>{escape(w)}</p>" for w in summary.warnings)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)}</title><style>{PAGE_STYLE}</style></head>
<body><main>
<h1>{escape(title)}</h1>
<section class="summary">{_summary_block(summary)}
<div class="meta">{summary.words} words &middot; method {escape(summary.method)} &middot;
{len(summary.documents)} articles</div></section>
<div class="warnings">{warnings}</div>
<section class="sources">{_sources_block(summary)}</section>
</main><script>{PAGE_SCRIPT}</script></body></html>
"""
