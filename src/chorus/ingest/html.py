"""Article extraction from HTML pages (trafilatura) and plain-text Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chorus.errors import InputError
from chorus.ingest.metadata import PageMetadata, headline_of_title, html_metadata
from chorus.ingest.read import check_extracted_size
from chorus.text import ends_sentence

# Elements whose text is code, never words of the page: in a headline
# (`<h1>Fire <script>...</script></h1>`) it would end up in the title.
# JSON-LD (`<script type="application/ld+json">`) stays: it is page metadata.
_CODE_ELEMENTS = ("script", "style", "template")
# htmldate's extensive search ends in the page's free text, where a footer's
# "© 2024" becomes 1 January 2024. Its fast search still reads the page's
# metadata, address, date elements and time stamps; a date printed in the
# text is read by chorus's own text rules (chorus.ingest.metadata).
EXTENSIVE_DATE_SEARCH = False
# trafilatura may print the page's headline again among the body's first lines
# (the <title>'s or Open Graph's, not always the <h1> it compares with).
HEADLINE_LINES = 2
_WORD_RE = re.compile(r"\w+")
# What trafilatura keeps at the edges of an article: sign-offs, newsletter and follow prompts,
# time stamps, credits, labels ("DON'T MISS"). Only short blocks: a paragraph is the article's.
EDGE_FURNITURE_WORDS = 25
EDGE_LABEL_WORDS = 6
# A page may split its article around a mid-article advertisement into containers of one class
# (<div class="article__body">...<div class="ad">...<div class="article__body">); trafilatura keeps the
# first. The others' paragraphs are the article's when the class is used by few containers (a comment
# section repeats its class once per comment) and each brings at least two paragraphs of prose.
MAX_BODY_CONTAINERS = 3
MIN_SPLIT_PARAGRAPHS = 2
SPLIT_PROSE_WORDS = 8


@dataclass(frozen=True)
class ExtractedPage:
    title: str | None
    text: str  # the body, paragraphs separated by blank lines
    metadata: PageMetadata


def _drop_code(tree) -> None:
    """Remove the page's scripts and styles (their tails kept), but not its JSON-LD."""
    for element in list(tree.iter(*_CODE_ELEMENTS)):
        if element.tag == "script" and "ld+json" in (element.get("type") or "").lower():
            continue
        element.drop_tree()


def _words(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.lower()))


def _headlines(tree) -> set[str]:
    """The page's headline as its metadata gives it (Open Graph, Twitter, the <title> before the site's name)."""
    found = [tree.findtext(".//title")]
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title"):
            found.append(meta.get("content"))
    return {w for w in (_words(headline_of_title(t) or "") for t in found if t) if w}


def _edge_furniture(block) -> bool:
    """A block of the cleaner's (``clean.Block``) that reads as page furniture, not a table's row."""
    from chorus.ingest.clean import CAPS_FURNITURE_RATIO, CUE_FURNITURE_SCORE

    return (
        block.n_words < EDGE_FURNITURE_WORDS
        and not block.text.startswith("|")
        and (
            block.cue_score >= CUE_FURNITURE_SCORE
            or block.timestamp
            or block.credit
            or block.repeated
            or (block.caps_ratio > CAPS_FURNITURE_RATIO and block.n_words <= EDGE_LABEL_WORDS)
        )
    )


def _normal(text: str) -> str:
    return " ".join(text.split())


def _prose_paragraphs(container, known: set[str]) -> list[str]:
    found = (_normal(p.text_content()) for p in container.iter("p"))
    return [
        t
        for t in found
        if len(t.split()) >= SPLIT_PROSE_WORDS
        and ends_sentence(t)
        and t not in known
        and not any(t in k for k in known)
    ]


def split_body(tree, lines: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs of the article's other containers of its class, before and after the extracted ``lines``."""
    first = next((_normal(ln) for ln in lines if len(ln.split()) >= SPLIT_PROSE_WORDS), None)
    host = next((p.getparent() for p in tree.iter("p") if first and _normal(p.text_content()) == first), None)
    if host is None or not host.get("class"):
        return [], []
    related = set(host.iterancestors()) | set(host.iterdescendants())
    same = [e for e in tree.iter(host.tag) if e.get("class") == host.get("class") and e not in related]
    if not 2 <= len(same) <= MAX_BODY_CONTAINERS:
        return [], []
    known = {_normal(ln) for ln in lines}
    before: list[str] = []
    after: list[str] = []
    for container in same:  # in the page's order
        if container is host:
            before, after = after, before  # the containers so far came before the extracted one
            continue
        found = _prose_paragraphs(container, known)
        if len(found) >= MIN_SPLIT_PARAGRAPHS:
            after.extend(found)
    return before, after


def trim_edges(paragraphs: list[str]) -> list[str]:
    """The extracted article without the furniture before its first and after its last paragraph, nor its
    boxes of other stories."""
    from chorus.ingest.clean import OTHER_STORIES, page_blocks, without_other_stories

    blocks = page_blocks("\n\n".join(paragraphs))
    if len(blocks) != len(paragraphs):  # the cleaner joined or split lines: leave the extraction as it is
        return paragraphs
    if OTHER_STORIES:  # a sidebar of related stories trafilatura took in, as the text route drops it
        kept = {b.index for b in without_other_stories(blocks)}
        blocks = [b for b in blocks if b.index in kept]
        paragraphs = [p for i, p in enumerate(paragraphs) if i in kept]
    end = len(blocks)
    while end > 0 and _edge_furniture(blocks[end - 1]):
        end -= 1
    start = 0
    while start < end - 1 and _edge_furniture(blocks[start]):
        start += 1
    return paragraphs[start:end] or paragraphs


def extract_html(html: str, name: str, url: str | None = None) -> ExtractedPage:
    """The article in an HTML page: title, body text and metadata (``url``: where it was fetched from)."""
    # Imported here: trafilatura (with htmldate, jusText and lxml) is a third of a second
    # of start-up that text and dataset inputs never need.
    import trafilatura
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html

    tree = load_html(html)
    result = None
    headlines: set[str] = set()
    if tree is not None:
        _drop_code(tree)
        headlines = _headlines(tree)
        result = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            favor_recall=True,
            date_extraction_params=set_date_params(EXTENSIVE_DATE_SEARCH),
        )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in the HTML page")
    title = getattr(result, "title", None) or None
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if title and lines and lines[0].strip().lower() == title.strip().lower():
        lines = lines[1:]  # trafilatura repeats the <h1> as the first line
    lines = [ln for i, ln in enumerate(lines) if i >= HEADLINE_LINES or _words(ln) not in headlines]
    if tree is not None:
        earlier, later = split_body(tree, lines)
        lines = earlier + lines + later
    body = "\n\n".join(trim_edges(lines))
    check_extracted_size(body, name)
    return ExtractedPage(title, body, html_metadata(tree, result, url))


_MD_RULES = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s{0,3}[-*+]\s+", re.M), ""),  # bullets
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), r"\1"),
    (re.compile(r"^`{3}.*$", re.M), ""),
]


def markdown_to_text(markdown: str) -> tuple[str | None, str]:
    """(title from the first '#' heading, plain text)."""
    title = None
    lines = []
    for line in markdown.split("\n"):
        heading = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            if title is None:
                title = heading.group(1)
                continue
            line = heading.group(1)
        lines.append(line)
    text = "\n".join(lines)
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return title, text
