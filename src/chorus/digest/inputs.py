"""The articles of ``chorus stories``: every input item read, or reported with the reason it was not.

A pile is not a story: one unreadable file, one bad JSONL line or one
article in another language is reported and the rest goes on. Every article
the input holds ends as exactly one of: an article of a story, or a
``Rejected`` entry saying where it was and why it is not in a story.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from chorus.errors import InputError, why_skipped
from chorus.ingest import RawDocument, prepare_documents
from chorus.ingest.decode import decode
from chorus.ingest.feeds import is_feed
from chorus.ingest.fetch import fetch_page, is_url
from chorus.ingest.read import (
    BATCH_HINT,
    MAX_INPUT_BYTES,
    articles_from_record,
    is_dataset_path,
    iter_dataset_lines,
    parse_json,
    read_article_files,
    read_capped,
    read_feed_text,
    read_folder,
    read_stdin,
)
from chorus.types import Document


@dataclass(frozen=True)
class Rejected:
    """An input article (or input item) that is in no story, and why."""

    where: str  # the file, line or article it was
    reason: str

    @property
    def told(self) -> str:
        """Where and why in one line, where said once: a reason that names the file already ("no such
        file: WHERE", "not English: WHERE (German)") is told as is."""
        return self.reason if self.where in self.reason else f"{self.where}: {self.reason}"


@dataclass(frozen=True)
class Article:
    """A cleaned article with its unique key in the collection."""

    key: str
    document: Document


def _dataset_articles(path: Path, name: str, rejected: list[Rejected]) -> Iterator[RawDocument]:
    """The articles of a JSONL file, line by line: a bad line is reported, the others read."""
    try:
        for number, line in iter_dataset_lines(path):
            where = f"{name} line {number}"
            try:
                yield from articles_from_record(parse_json(line, where), where, number)
            except InputError as exc:
                rejected.append(Rejected(where, str(exc)))
    except InputError as exc:
        rejected.append(Rejected(name, str(exc)))


def _records_articles(records: Iterable[tuple[str, int, object]], rejected: list[Rejected]) -> Iterator[RawDocument]:
    """The articles of JSON records (where each was, its number, the record): a bad one reported, the others read."""
    for where, number, record in records:
        try:
            yield from articles_from_record(record, where, number)
        except InputError as exc:
            rejected.append(Rejected(where, str(exc)))


def _jsonl_records(text: str, rejected: list[Rejected], source: str) -> Iterator[tuple[str, int, object]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            where = f"{source} line {number}"
            try:
                yield where, number, parse_json(line, where)
            except InputError as exc:
                rejected.append(Rejected(where, str(exc)))


def jsonl_text_articles(text: str, source: str, rejected: list[Rejected]) -> Iterator[RawDocument]:
    """The articles of JSONL text (standard input, an upload), one a line: a bad line reported, the others read."""
    yield from _records_articles(_jsonl_records(text, rejected, source), rejected)


def stdin_articles(
    rejected: list[Rejected], warnings: list[str], stream: BinaryIO | None = None
) -> Iterator[RawDocument]:
    """Standard input as a file of the command would be read: JSONL of articles (or clusters, pooled) line by line,
    a bad line reported and the others read; one JSON article or a list of them; else articles as text."""
    data = read_capped(stream or sys.stdin.buffer, MAX_INPUT_BYTES, "standard input", "standard input", BATCH_HINT)
    text = decode(data, "standard input")
    if not text.lstrip().startswith(("{", "[")):
        for cluster in read_stdin(warnings, io.BytesIO(data)):
            yield from cluster.documents
        return
    try:
        whole = json.loads(text)
    except (json.JSONDecodeError, RecursionError):  # not one JSON value: a line each
        yield from jsonl_text_articles(text, "standard input", rejected)
        return
    records = whole if isinstance(whole, list) else [whole]
    yield from _records_articles(((f"standard input item {i}", i, r) for i, r in enumerate(records, start=1)), rejected)


def read_items(items: Iterable[str], rejected: list[Rejected], warnings: list[str]) -> Iterator[RawDocument]:
    """Raw articles from files, folders, feeds, JSONL (articles or clusters, pooled) and '-' (stdin)."""
    for item in items:
        try:
            if item == "-":
                yield from stdin_articles(rejected, warnings)
            elif is_url(item):
                page = fetch_page(item, feeds=True)  # one that cannot be fetched is rejected with the reason
                yield from read_feed_text(page.text, item) if is_feed(page.text) else [page]  # a feed: its items
            else:
                path = Path(os.path.expanduser(item))
                if path.is_dir():
                    skipped: list[str] = []
                    yield from read_folder(path, skipped)
                    rejected.extend(Rejected(item, why_skipped(w)) for w in skipped)
                elif is_dataset_path(item):
                    yield from _dataset_articles(path, item, rejected)
                else:
                    yield from read_article_files(path)
        except InputError as exc:
            rejected.append(Rejected(item, str(exc)))


def _label(raw: RawDocument, index: int) -> str:
    return raw.name or raw.id or f"article {index + 1}"


ALREADY_KEPT = "already in the stories state (an earlier run): read once"


def base_key(raw: RawDocument) -> str | None:
    """What an article's key is made from, when it has a name of its own (its id, URL or file name)."""
    return raw.id or raw.url or raw.name


def unique_key(raw: RawDocument, index: int, taken: set[str]) -> str:
    base = base_key(raw) or str(index + 1)
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}#{n}"
    taken.add(key)
    return key


@dataclass(frozen=True)
class KeyedRaw:
    key: str
    label: str
    raw: RawDocument


def key_articles(
    raw: Iterable[RawDocument],
    rejected: list[Rejected],
    taken: set[str] | None = None,
    known: dict[str, str] | None = None,
) -> list[KeyedRaw]:
    """Each raw article with its unique key; the same text under the same name twice is read once, and an
    article already in a kept state (``known``: key -> its text) is not read again; both are reported."""
    taken = taken if taken is not None else set()
    known = known or {}
    seen: set[tuple[str | None, str]] = set()
    keyed = []
    for index, doc in enumerate(raw):
        label = _label(doc, index)
        fingerprint = (doc.name or doc.id, doc.text.strip())
        if fingerprint in seen:
            rejected.append(Rejected(label, "given twice: read once"))
            continue
        seen.add(fingerprint)
        base = base_key(doc) or str(index + 1)
        if base in known and known[base].strip() == doc.text.strip():  # cleaned already: not cleaned again
            rejected.append(Rejected(label, ALREADY_KEPT))
            continue
        keyed.append(KeyedRaw(unique_key(doc, index, taken), label, doc))
    return keyed


def prepare_article(item: KeyedRaw, since: str | None = None) -> Article | Rejected:
    """Clean one article on its own (a pile shares no page furniture to compare), or say why it cannot be used:
    empty, binary, not English, or dated before ``since`` (an ISO date)."""
    warnings: list[str] = []
    try:
        (document,) = prepare_documents([item.raw], warnings)
    except InputError as exc:
        reason = next((why_skipped(w) for w in warnings if w.startswith("skipped")), str(exc))
        return Rejected(item.label, reason)
    if since and document.published and document.published[:10] < since:
        return Rejected(item.label, f"published {document.published[:10]}, before --since {since}")
    return Article(item.key, document)


def prepare_articles(keyed: Iterable[KeyedRaw], rejected: list[Rejected], since: str | None = None) -> list[Article]:
    articles = []
    for item in keyed:
        result = prepare_article(item, since)
        if isinstance(result, Rejected):
            rejected.append(result)
        else:
            articles.append(result)
    return articles
