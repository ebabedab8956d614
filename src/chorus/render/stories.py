"""The stories digest (``chorus stories``) as text, Markdown, JSON or one self-contained HTML page.

JSON schema (``"schema": "chorus.digest/1"``):
    articles_in, articles_out: int           # equal: every input article is in a story or rejected
    since: str|null, min_outlets: int
    stories: [story], hidden: [story]        # hidden: fewer independent outlets than min_outlets
    story: {id, rank, title, first_published, last_published, articles, outlets: [str],
            independent_outlets, terms: [str], summary: <summary JSON of `chorus summarize`,
            without documents>|null, summary_error, report: path|null,
            documents: [{key, number, id, name, title, label, outlet, url, byline, published,
                         decision: {action: opened|joined|moved, similarity, threshold,
                                    days_apart, days_from, shared_terms: [str], closest_other: {story, similarity}|null}}]}
    rejected: [{where, reason}], warnings: [str]
"""

from __future__ import annotations

import html
import json
from typing import Any

from chorus.digest.grouping import CLOSE_FLOOR, GROWN_FLOOR, JOINED, MERGED, MOVED, OPENED, SMALL_FLOOR, Decision
from chorus.digest.results import NewsStory, StoryDigest
from chorus.render.json import document_fields, summary_to_dict
from chorus.render.text import citation, label_and_title, source_line
from chorus.text import counted

STORY_FORMATS = ("text", "markdown", "json", "html")
OUTLETS_SHOWN = 6


def _span(story: NewsStory) -> str:
    first, last = (story.first_published or "")[:10], (story.last_published or "")[:10]
    if not first:
        return "undated"
    return first if first == last else f"{first} – {last}"


def _outlets(story: NewsStory) -> str:
    names = story.outlets[:OUTLETS_SHOWN]
    more = len(story.outlets) - len(names)
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def _counts(story: NewsStory) -> str:
    n = len(story.articles)
    outlets = story.independent_outlets
    return f"{counted(n, 'article')} · {counted(outlets, 'independent outlet')}"


# Why a threshold was higher than the usual one (``Decision.floor``), said after it.
FLOOR_WORDS = {
    (MERGED, SMALL_FLOOR): "the higher floor of two stories of few articles",
    (MERGED, GROWN_FLOOR): "the higher floor of two grown stories",
    (MOVED, SMALL_FLOOR): "the higher floor of a story of few articles",
    (MERGED, CLOSE_FLOOR): "the floor set by how alike each story's own articles are",
    (MOVED, CLOSE_FLOOR): "the floor set by how alike the story's own articles are",
}


def decision_reason(decision: Decision, story_ids: dict[int, str]) -> str:
    """Why an article is in its story, in words."""
    shared = ", ".join(decision.shared_terms)
    apart = decision.days_apart
    if apart is None:
        when = ""
    elif decision.nearest:
        when = (
            " (the day of one of its articles)"
            if apart == 0
            else f" ({counted(apart, 'day')} from its nearest article)"
        )
    else:
        when = " (within its dates)" if apart == 0 else f" ({counted(apart, 'day')} from its dates)"
    floor = FLOOR_WORDS.get((decision.action, decision.floor))
    when += f" ({floor})" if floor else ""
    if decision.action == OPENED:
        if decision.closest_other is None:
            return "opened the story: no earlier story shares its key terms"
        other, similarity = decision.closest_other
        return (
            f"opened the story: the closest, {story_ids.get(other, other)}, has similarity {similarity:.2f}"
            f" < {decision.threshold:.2f} needed{when}"
        )
    if decision.action == MERGED and decision.closest_other is not None:
        merged_from = story_ids.get(decision.closest_other[0], str(decision.closest_other[0]))
        reason = (
            f"came with its story {merged_from}, merged here: the articles of the two have mean similarity "
            f"{decision.similarity:.2f} ≥ {decision.threshold:.2f}{when}"
        )
        return reason + (f"; shared terms: {shared}" if shared else "")
    verb = "joined" if decision.action == JOINED else "moved here"
    reason = f"{verb}: similarity {decision.similarity:.2f} ≥ {decision.threshold:.2f}{when}"
    if decision.action == MOVED and decision.closest_other is not None:
        other, similarity = decision.closest_other
        reason += f" (its first story {story_ids.get(other, other)}: {similarity:.2f})"
    return reason + (f"; shared terms: {shared}" if shared else "")


def _story_ids(digest: StoryDigest) -> dict[int, str]:
    return {int(s.id[1:]) - 1: s.id for s in digest.stories + digest.hidden}


def _summary_text(story: NewsStory) -> str:
    if story.summary is None:
        return f"(no summary: {story.summary_error})" if story.summary_error else ""
    return " ".join(f"{s.text} {citation(s)}" for s in story.summary.sentences)


def _footer_lines(digest: StoryDigest) -> list[str]:
    lines = []
    if digest.hidden:
        n = sum(len(s.articles) for s in digest.hidden)
        lines.append(
            f"{counted(len(digest.hidden), 'story', 'stories')} ({counted(n, 'article')}) with fewer than "
            f"{counted(digest.min_outlets, 'independent outlet')} not shown"
        )
    if digest.rejected:
        lines.append(f"Not in any story ({len(digest.rejected)}):")
        lines += [f"  {r.told}" for r in digest.rejected]
    return lines


def _heading(digest: StoryDigest) -> str:
    n = len(digest.stories)
    return f"{counted(n, 'story', 'stories')} from {counted(digest.articles_in, 'input article')}"


def render_stories_text(digest: StoryDigest) -> str:
    lines = [_heading(digest), ""]
    for number, story in enumerate(digest.stories, start=1):
        lines.append(f"{number}. {story.title}")
        lines.append(f"   {story.id} · {_span(story)} · {_counts(story)}: {_outlets(story)}")
        lines.append(f"   about: {', '.join(story.terms)}")
        summary = _summary_text(story)
        if summary:
            lines.append(f"   {summary}")
        documents = story.summary.documents if story.summary is not None else story.documents
        for i, doc in enumerate(documents):
            lines.append("     " + source_line(i + 1, doc))
        if story.report:
            lines.append(f"   report: {story.report}")
        lines.append("")
    lines += _footer_lines(digest)
    return "\n".join(lines).rstrip("\n") + "\n"


def _md(text: str) -> str:
    """Text safe in Markdown: HTML and emphasis characters escaped."""
    out = html.escape(text, quote=False)
    for ch in "\\`*_[]#|":
        out = out.replace(ch, "\\" + ch)
    return out


def render_stories_markdown(digest: StoryDigest) -> str:
    ids = _story_ids(digest)
    lines = [f"# {_md(_heading(digest))}", ""]
    for number, story in enumerate(digest.stories, start=1):
        lines.append(f"## {number}. {_md(story.title)}")
        lines.append("")
        lines.append(f"`{story.id}` · {_span(story)} · {_counts(story)}: {_md(_outlets(story))}  ")
        lines.append(f"About: {_md(', '.join(story.terms))}")
        if story.report:
            lines.append(f"  \n[Full report]({story.report})")
        lines.append("")
        summary = _summary_text(story)
        if summary:
            lines += [_md(summary), ""]
        documents = story.summary.documents if story.summary is not None else story.documents
        for i, (doc, decision) in enumerate(zip(documents, story.decisions)):
            lines.append(
                f"{i + 1}. {_md(source_line(i + 1, doc).split('] ', 1)[1])} ({doc.published[:10] if doc.published else 'undated'})"
                f" — {_md(decision_reason(decision, ids))}"
            )
        lines.append("")
    footer = _footer_lines(digest)
    if footer:
        lines += ["## Not shown", ""] + [f"- {_md(line.strip())}" for line in footer]
    return "\n".join(lines).rstrip("\n") + "\n"


def _decision_dict(decision: Decision, ids: dict[int, str]) -> dict[str, Any]:
    other = decision.closest_other
    return {
        "action": decision.action,
        "similarity": decision.similarity,
        "threshold": decision.threshold,
        "days_apart": decision.days_apart,
        "days_from": "nearest article" if decision.nearest else "dates",
        "shared_terms": list(decision.shared_terms),
        "floor": decision.floor or None,
        "closest_other": {"story": ids.get(other[0], str(other[0])), "similarity": other[1]} if other else None,
    }


def story_to_dict(story: NewsStory, number: int | None, ids: dict[int, str]) -> dict[str, Any]:
    summary = None
    if story.summary is not None:
        summary = summary_to_dict(story.summary)
        summary.pop("documents", None)
    documents = story.summary.documents if story.summary is not None else story.documents
    return {
        "id": story.id,
        "rank": number,
        "title": story.title,
        "first_published": story.first_published,
        "last_published": story.last_published,
        "articles": len(story.articles),
        "outlets": story.outlets,
        "independent_outlets": story.independent_outlets,
        "terms": story.terms,
        "summary": summary,
        "summary_error": story.summary_error,
        "report": story.report,
        "documents": [
            {"key": article.key, **document_fields(i + 1, doc), "decision": _decision_dict(decision, ids)}
            for i, (article, doc, decision) in enumerate(zip(story.articles, documents, story.decisions))
        ],
    }


def stories_to_dict(digest: StoryDigest) -> dict[str, Any]:
    ids = _story_ids(digest)
    return {
        "schema": "chorus.digest/1",
        "articles_in": digest.articles_in,
        "articles_out": digest.articles_out,
        "since": digest.since,
        "min_outlets": digest.min_outlets,
        "stories": [story_to_dict(s, n, ids) for n, s in enumerate(digest.stories, start=1)],
        "hidden": [story_to_dict(s, None, ids) for s in digest.hidden],
        "rejected": [{"where": r.where, "reason": r.reason} for r in digest.rejected],
        "warnings": digest.warnings,
    }


def render_stories_json(digest: StoryDigest) -> str:
    return json.dumps(stories_to_dict(digest), ensure_ascii=False, indent=2) + "\n"


_CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
article{border-top:1px solid #ccc;padding:1rem 0}
h2{font-size:1.2rem;margin:.2rem 0}
.meta,.about,.why{color:#555;font-size:.9rem}
.cite{color:#555;font-size:.85rem}
ol.sources{font-size:.9rem}
"""


def render_stories_html(digest: StoryDigest) -> str:
    esc = html.escape
    ids = _story_ids(digest)
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{esc(_heading(digest))}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(_heading(digest))}</h1>",
    ]
    for number, story in enumerate(digest.stories, start=1):
        parts.append(f'<article id="{esc(story.id)}"><h2>{number}. {esc(story.title)}</h2>')
        parts.append(
            f'<p class="meta">{esc(story.id)} · {esc(_span(story))} · {esc(_counts(story))}: {esc(_outlets(story))}</p>'
        )
        parts.append(f'<p class="about">About: {esc(", ".join(story.terms))}</p>')
        if story.summary is not None:
            sentences = " ".join(
                f'{esc(s.text)} <span class="cite">{esc(citation(s))}</span>' for s in story.summary.sentences
            )
            parts.append(f"<p>{sentences}</p>")
        elif story.summary_error:
            parts.append(f'<p class="why">No summary: {esc(story.summary_error)}</p>')
        if story.report:
            parts.append(f'<p><a href="{esc(story.report)}">Full report</a></p>')
        documents = story.summary.documents if story.summary is not None else story.documents
        parts.append('<ol class="sources">')
        for doc, decision in zip(documents, story.decisions):
            name = esc(label_and_title(doc))
            link = (
                f'<a href="{esc(doc.url)}">{name}</a>'
                if doc.url and doc.url.startswith(("http://", "https://"))
                else name
            )
            parts.append(
                f'<li>{link} <span class="why">({esc((doc.published or "undated")[:10])};'
                f" {esc(decision_reason(decision, ids))})</span></li>"
            )
        parts.append("</ol></article>")
    footer = _footer_lines(digest)
    if footer:
        parts.append("<h2>Not shown</h2><ul>" + "".join(f"<li>{esc(line.strip())}</li>" for line in footer) + "</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


RENDERERS = {
    "text": render_stories_text,
    "markdown": render_stories_markdown,
    "json": render_stories_json,
    "html": render_stories_html,
}


def render_stories(digest: StoryDigest, fmt: str = "text") -> str:
    return RENDERERS[fmt](digest)
