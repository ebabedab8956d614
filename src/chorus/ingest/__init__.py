"""Ingest stage: read articles, extract them from HTML, strip page furniture."""

from __future__ import annotations

import re

from chorus import lexicon
from chorus.errors import InputError, skipped, why_skipped
from chorus.ingest.clean import MIN_PROSE_WORDS, clean_texts
from chorus.ingest.html import extract_html, markdown_to_text
from chorus.ingest.language import detect_language, language_name
from chorus.ingest.metadata import (
    HEAD_LINES,
    LabelSource,
    PageMetadata,
    iso_date,
    place_label,
    text_metadata,
    unique_labels,
    wire_metadata,
)
from chorus.ingest.read import Cluster, RawDocument, read_dataset, read_inputs
from chorus.text import ends_sentence
from chorus.types import Document

SHOWN_REASONS = 3  # of the articles left out when none is left, the reasons given in the error
HEAD_LINES_AFTER_START = 3  # the first paragraph and the lines right after it may still carry a date
# A paragraph that tells nothing of a story: only punctuation and digits ("-0-", a rule of dashes),
# a note wholly in brackets ("(Margaret Talbot is a contributing writer for The New York Times
# Magazine.)"), or a slug in capitals without a sentence's end ("NEW AMERICA NEWS SERVICE").
_NOTE_PARAGRAPH = re.compile(r"[\W\d_]*|\(.*\)[\W\d_]*|[A-Z][A-Z\d ,:;'&/-]*", re.DOTALL)

__all__ = ["Cluster", "RawDocument", "prepare_documents", "read_dataset", "read_inputs"]


def _drop_repeats(raw: list[RawDocument], warnings: list[str]) -> list[RawDocument]:
    """The same article given twice (a file named twice, a folder and a file in
    it) is read once: it would count as a second outlet backing every sentence.
    The same text under another name is kept, with a warning: two outlets may
    well run the same wire copy, and the report shows it as text reuse."""
    first_label: dict[str, str] = {}  # text -> the label it was first read under
    kept = []
    for doc in raw:
        label = doc.name or (f"article {doc.id}" if (doc.id or "").isdigit() else doc.id) or "an article"
        text = doc.text.strip()
        first = first_label.get(text)
        if first == label:
            warnings.append(f"{label} was given twice: read once")
            continue
        if first is None:
            first_label[text] = label
        else:
            warnings.append(f"{label} has the same text as {first}: both count as sources")
        kept.append(doc)
    return kept


def is_notes_only(paragraphs: list[str]) -> bool:
    """Is an article only notes to the papers that run it, with none of a story: a syndicate's sales
    notice, its distribution line, a note on the writer, a rule? DUC's NYT copy has such "articles"
    (NYT19981211.0004 is the syndicate's "(To publish this article, it must be purchased ...)" and no
    more); summarized, grouped or cited, they read as if they were the story."""
    return bool(paragraphs) and all(_is_note(p.strip()) for p in paragraphs)


def _is_note(paragraph: str) -> bool:
    lower = paragraph.lower()
    return _NOTE_PARAGRAPH.fullmatch(paragraph) is not None or any(c in lower for c in lexicon.SYNDICATION_NOTE_CUES)


def _unique_ids(raw: list[RawDocument]) -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for i, doc in enumerate(raw):
        base = doc.id or str(i + 1)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def _head_lines(text: str, paragraphs: list[str]) -> int:
    """How many non-blank lines open a page, where it prints its title, masthead, byline and time stamp.

    At least ``HEAD_LINES``, and on to a few lines past the story's first
    paragraph of prose (which may carry the wire's dateline). Not from the
    first line the cleaner kept: a short line kept at the top of the page
    (a menu word, a label) made the window a few lines long, so that what
    was read depended on the cleaner (outlets on 43 of the 83 shared text
    pages with one line model, 59 with the next; 62 and 63 this way).
    """
    first = next((p for p in paragraphs if len(p.split()) >= MIN_PROSE_WORDS and ends_sentence(p)), None)
    first = first or (paragraphs[0] if paragraphs else None)
    if not first:
        return HEAD_LINES
    start = first.split()[:8]
    for number, line in enumerate(ln for ln in text.split("\n") if ln.strip()):
        if line.split()[:8] == start:
            return max(HEAD_LINES, number + 1 + HEAD_LINES_AFTER_START)
    return HEAD_LINES


def _metadata(doc: RawDocument, page: PageMetadata) -> PageMetadata:
    """What the input says first (a dataset's fields, a fetched URL), then a wire document id, then the page.

    A wire's document id (``APW19980601.0001``) names the wire and the day
    exactly; what the page's text seems to say is a guess (a short line of
    the story with a date in it, a name in a bio line).
    """
    given = PageMetadata(
        outlet=doc.outlet, url=doc.url, byline=doc.byline, published=iso_date(doc.published) or doc.published
    )
    return given.or_else(wire_metadata(doc.id, doc.text)).or_else(page)


def prepare_documents(raw: list[RawDocument], warnings: list[str], english_only: bool = True) -> list[Document]:
    """Raw articles to clean Documents; unusable ones are skipped with a warning.

    ``english_only``: skip articles in other languages (the summarizer's
    stemmer and word lists are English); ``chorus clean`` keeps them, since
    the cleaner's features hardly depend on the language.
    Raises InputError when no usable article remains.
    """
    if not raw:
        raise InputError("no article given")
    raw = _drop_repeats(raw, warnings)
    ids = _unique_ids(raw)
    titles: list[str | None] = []
    texts: list[str] = []
    needs_cleaning: list[bool] = []
    pages: list[PageMetadata] = []
    for doc in raw:
        label = doc.name or (place_label(doc.id) if doc.id else "article")
        title, text, page = doc.title, doc.text, PageMetadata()
        if doc.format == "html":
            try:
                extracted = extract_html(doc.text, label, doc.url)
                extracted_title, text, page = extracted.title, extracted.text, extracted.metadata
            except InputError as exc:
                warnings.append(skipped(exc))
                extracted_title, text = None, ""
            title = title or extracted_title
        elif doc.format == "markdown":
            md_title, text = markdown_to_text(doc.text)
            title = title or md_title
        titles.append(title)
        texts.append(text)
        pages.append(page)
        needs_cleaning.append(doc.format in ("text", "markdown"))

    cleaned = clean_texts(texts)
    told = len(warnings)  # the warnings before this point are not of the articles left out below
    kept: list[tuple[RawDocument, str, str | None, str, str | None, tuple, PageMetadata]] = []
    skipped_language: list[str] = []
    for doc, doc_id, title, text, clean, result, page in zip(raw, ids, titles, texts, needs_cleaning, cleaned, pages):
        label = doc.name or place_label(doc_id)
        if clean:
            body = "\n\n".join(result.paragraphs)
            title = title or result.title
            subtitle, removed = result.subtitle, tuple(result.removed)
            page = text_metadata(text, _head_lines(text, result.paragraphs))
        else:
            body = "\n\n".join(p.strip() for p in text.split("\n\n") if p.strip())
            subtitle, removed = None, ()
        if not body.strip():
            if text.strip():
                warnings.append(f"skipped {label}: no article text left after removing page furniture")
            continue
        if is_notes_only(body.split("\n\n")):
            warnings.append(
                skipped(f"{label} is only a syndicate's or editor's note (a sales notice, a credit), no story")
            )
            continue
        if clean and result.fell_back:
            warnings.append(f"{label}: could not tell the article from page furniture; kept all of its text")
        language = detect_language(body) if english_only else None
        if language is not None and language != "en":
            skipped_language.append(f"{label} ({language_name(language)})")
            continue
        kept.append((doc, doc_id, title, body, subtitle, removed, _metadata(doc, page)))
    if skipped_language:
        if not kept:
            raise InputError("chorus summarizes English news; not English: " + ", ".join(skipped_language))
        warnings.append("skipped articles not in English: " + ", ".join(skipped_language))
    if not kept:
        # Said here too: a caller that fails (the CLI, the API) shows the error, not the warnings.
        why = [why_skipped(w) for w in warnings[told:] if w.startswith("skipped")]
        shown = "; ".join(why[:SHOWN_REASONS]) + (
            f"; and {len(why) - SHOWN_REASONS} more" if len(why) > SHOWN_REASONS else ""
        )
        raise InputError("no article text found in the input" + (f" ({shown})" if why else ""))
    labels = unique_labels(
        [
            LabelSource(id=i, name=d.name, outlet=m.outlet, title=t, published=m.published, lede=body)
            for d, i, t, body, _, _, m in kept
        ]
    )
    return [
        Document(
            id=doc_id,
            text=body,
            title=title,
            subtitle=subtitle,
            name=doc.name,
            removed=removed,
            outlet=meta.outlet,
            url=meta.url,
            byline=meta.byline,
            published=meta.published,
            shown_as=label,
        )
        for (doc, doc_id, title, body, subtitle, removed, meta), label in zip(kept, labels)
    ]
