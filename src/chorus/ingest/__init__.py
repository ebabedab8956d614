"""Ingest stage: read articles, extract them from HTML, strip page furniture."""

from __future__ import annotations

from chorus.errors import InputError
from chorus.ingest.clean import clean_texts
from chorus.ingest.html import extract_html, markdown_to_text
from chorus.ingest.language import detect_language
from chorus.ingest.read import Cluster, RawDocument, read_dataset, read_inputs
from chorus.types import Document

__all__ = ["Cluster", "RawDocument", "prepare_documents", "read_dataset", "read_inputs"]

_LANGUAGE_NAMES = {
    "de": "German", "es": "Spanish", "fr": "French", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ru": "Russian", "ar": "Arabic", "zh": "Chinese", "ja": "Japanese",
    "he": "Hebrew", "tr": "Turkish", "pl": "Polish", "sv": "Swedish", "uk": "Ukrainian",
}


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


def _unique_ids(raw: list[RawDocument]) -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for i, doc in enumerate(raw):
        base = doc.id or str(i + 1)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def prepare_documents(raw: list[RawDocument], warnings: list[str]) -> list[Document]:
    """Raw articles to clean Documents; unusable ones are skipped with a warning.

    Raises InputError when no usable English article remains.
    """
    if not raw:
        raise InputError("no article given")
    raw = _drop_repeats(raw, warnings)
    ids = _unique_ids(raw)
    titles: list[str | None] = []
    texts: list[str] = []
    needs_cleaning: list[bool] = []
    for doc in raw:
        label = doc.name or doc.id or "article"
        title, text = doc.title, doc.text
        if doc.format == "html":
            try:
                extracted_title, text = extract_html(doc.text, label)
            except InputError as exc:
                warnings.append(f"skipped {exc}")
                extracted_title, text = None, ""
            title = title or extracted_title
        elif doc.format == "markdown":
            md_title, text = markdown_to_text(doc.text)
            title = title or md_title
        titles.append(title)
        texts.append(text)
        needs_cleaning.append(doc.format in ("text", "markdown"))

    cleaned = clean_texts(texts)
    documents: list[Document] = []
    skipped_language: list[str] = []
    for doc, doc_id, title, text, clean, result in zip(raw, ids, titles, texts, needs_cleaning, cleaned):
        label = doc.name or doc_id
        if clean:
            body = "\n\n".join(result.paragraphs)
            title = title or result.title
            subtitle, removed = result.subtitle, tuple(result.removed)
            if result.fell_back and body.strip():
                warnings.append(f"{label}: could not tell the article from page furniture; kept all of its text")
        else:
            body = "\n\n".join(p.strip() for p in text.split("\n\n") if p.strip())
            subtitle, removed = None, ()
        if not body.strip():
            if text.strip():
                warnings.append(f"skipped {label}: no article text left after removing page furniture")
            continue
        language = detect_language(body)
        if language is not None and language != "en":
            skipped_language.append(f"{label} ({_LANGUAGE_NAMES.get(language, language)})")
            continue
        documents.append(
            Document(id=doc_id, text=body, title=title, subtitle=subtitle, name=doc.name, removed=removed)
        )
    if skipped_language:
        if not documents:
            raise InputError(
                "chorus summarizes English news; not English: " + ", ".join(skipped_language)
            )
        warnings.append("skipped articles not in English: " + ", ".join(skipped_language))
    if not documents:
        raise InputError("no article text found in the input")
    return documents
