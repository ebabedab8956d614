"""RSS and Atom feed files: each item is an article (title, link, date, author, text).

Parsed with feedparser, which reads every RSS version, RDF and Atom, repairs
ill-formed feeds and sanitizes the HTML inside items. The feed is given to
it as bytes, never as a name: given a string, feedparser would fetch an
address or open a file by itself.
"""

from __future__ import annotations

import calendar
import io
import re
from datetime import UTC, datetime
from typing import Any

from chorus.errors import InputError

FEED_SUFFIXES = (".rss", ".atom", ".rdf", ".xml")
# A feed announces itself in its first elements: <rss>, <feed> (Atom) or <rdf:RDF> (RSS 1.0).
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
FEED_SNIFF_CHARS = 2000
# Block elements of an item's HTML that end a paragraph of its text.
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|tr)\s*>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def is_feed(text: str) -> bool:
    """Does this file's text start like an RSS, RDF or Atom feed?"""
    return bool(_FEED_ROOT.search(text[:FEED_SNIFF_CHARS]))


def _html_to_text(fragment: str) -> str:
    """The text of an item's (sanitized) HTML, one paragraph per block element."""
    import html

    marked = _BLOCK_END.sub("\n\n", fragment)
    paragraphs = (" ".join(html.unescape(_TAG.sub(" ", part)).split()) for part in marked.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _iso(parsed: Any) -> str | None:
    """feedparser's parsed date (a UTC struct_time) as ISO 8601."""
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()
    except (OverflowError, ValueError, TypeError):
        return None


def _item_text(entry: Any) -> str:
    """The fullest text the item carries: its content, else its summary (description)."""
    candidates = [c.get("value", "") for c in entry.get("content") or []] + [entry.get("summary", "")]
    texts = [_html_to_text(c) for c in candidates if c]
    return max(texts, key=len, default="")


def parse_feed(data: bytes, name: str) -> list[dict[str, Any]]:
    """The items of a feed file as article records: {"id", "text", "title", "url", "outlet", "byline", "published"}.

    An item with no text but its title keeps the title as its text (many
    feeds carry only headlines); an item with neither is left out by the
    caller's checks, which report it."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise InputError(f"{name} is not an RSS or Atom feed{f' ({reason})' if reason else ''}")
    outlet = parsed.feed.get("title") or None
    items = []
    for number, entry in enumerate(parsed.entries, start=1):
        title = " ".join((entry.get("title") or "").split()) or None
        text = _item_text(entry) or (title or "")
        items.append(
            {
                "id": entry.get("id") or entry.get("link") or f"{name}#{number}",
                "name": f"{name}#{number}",
                "text": text,
                "title": title,
                "url": entry.get("link") or None,
                "outlet": outlet,
                "byline": entry.get("author") or None,
                "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            }
        )
    return items
