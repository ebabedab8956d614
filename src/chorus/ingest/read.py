"""Find and read articles: files, folders, stdin and JSONL datasets of clusters."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import select
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from chorus.errors import SKIPPED, InputError, skipped, why_skipped
from chorus.ingest.datasets import (
    from_multinews_row,
    is_duc_sgml,
    is_multinews_row,
    is_sgml_file,
    iter_duc_clusters,
    iter_multinews_files,
    parse_duc_sgml,
)
from chorus.ingest.decode import decode, fix_text
from chorus.ingest.feeds import FEED_SUFFIXES, is_feed, parse_feed

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
DATASET_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".src")  # .src: Multi-News's original files

# Every read has a budget fixed before the first byte, so that no input (a
# huge file, /dev/zero, an endless pipe) can take the machine's memory:
MAX_DOCUMENT_CHARS = 2_000_000  # the text of one article (~300,000 words): far beyond any article
# The raw file of one article: an HTML page's markup, scripts and inline
# images weigh far more than its text, which alone MAX_DOCUMENT_CHARS limits.
MAX_PAGE_BYTES = 16 * 2**20
MAX_RECORD_BYTES = 32 * 2**20  # one dataset line (a cluster): a longer one is a broken export
# What one command reads whole: standard input, a .json dataset, or all the
# lines of a JSONL dataset summarized at once (`chorus batch` streams any size).
MAX_INPUT_BYTES = 64 * 2**20
# A named pipe (mkfifo, <(command)) is waited for this long when it sends
# nothing: a pipe nobody writes to would otherwise block forever.
PIPE_WAIT_SECONDS = 30.0
BATCH_HINT = "; `chorus batch` summarizes a dataset of any size"
_READ_BLOCK = 2**16
# Articles on stdin are separated by a form feed or a line of five or more dashes.
STDIN_SEPARATOR = re.compile(r"\f|\n-{5,}[ \t]*\n")


@dataclass
class RawDocument:
    """An article as read, before extraction and cleaning."""

    text: str
    name: str | None = None
    id: str | None = None
    title: str | None = None
    format: str = "text"  # text | html | markdown | clean (already clean, skip the cleaner)
    # Metadata the input itself gives (a dataset's fields, a fetched URL); see Document.
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    published: str | None = None


@dataclass
class Cluster:
    """The articles about one story, plus whatever else a dataset row carries."""

    id: str
    documents: list[RawDocument]
    fields: dict[str, Any] = field(default_factory=dict)


def sniff_format(text: str, name: str = "") -> str:
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    head = text[:5000].lower()
    if (
        re.search(r"<!doctype html|<html[\s>]|<body[\s>]", head)
        or len(re.findall(r"</?(p|div|span|a|br)\b", head)) >= 5
    ):
        return "html"
    return "text"


def describe_size(size: int) -> str:
    """A byte count for a person: '16 MiB', '812 KiB', '95 bytes'."""
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def check_text_size(text: str, name: str, format: str = "text") -> None:
    """Refuse an article whose text is over MAX_DOCUMENT_CHARS; an HTML page
    may be larger (up to MAX_PAGE_BYTES): its extracted text is checked instead."""
    limit = MAX_PAGE_BYTES if format == "html" else MAX_DOCUMENT_CHARS
    if len(text) > limit:
        shown = "characters of HTML" if format == "html" else "characters"
        raise InputError(f"{name} is too large for an article ({len(text):,} {shown}; the limit is {limit:,})")


def check_extracted_size(text: str, name: str) -> None:
    """The text extracted from an HTML page must fit an article like any text."""
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(
            f"{name}: the article text extracted from the page is {len(text):,} characters; "
            f"the limit is {MAX_DOCUMENT_CHARS:,}"
        )


class _PatientPipe(io.RawIOBase):
    """A named pipe read without blocking forever: each read waits at most
    ``seconds`` for data (or, with ``first_only``, only the first one does)."""

    def __init__(self, fd: int, name: str, seconds: float, first_only: bool = False) -> None:
        self._fd = fd
        self._name = name
        self._seconds: float | None = seconds
        self._first_only = first_only
        self._poll = select.poll()
        self._poll.register(fd, select.POLLIN)

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def readinto(self, buffer: Any) -> int:
        while True:
            waited = self._poll.poll(None if self._seconds is None else self._seconds * 1000)
            if not waited:
                unit = "second" if self._seconds == 1 else "seconds"
                raise InputError(
                    f"{self._name}: nothing arrived for {self._seconds:g} {unit} (a pipe that nobody writes to?)"
                )
            if self._first_only:
                self._seconds = None  # a feed that has started may take its time
            try:
                return os.readv(self._fd, [buffer])
            except BlockingIOError:  # woken without data after all
                continue

    def close(self) -> None:
        if not self.closed:
            os.close(self._fd)
        super().close()


def open_input(path: Path, stream_wait_only: bool = False) -> BinaryIO:
    """A regular file or a named pipe, opened for reading; a folder, a device
    (/dev/zero, /dev/urandom, a terminal) or a socket is refused.

    A pipe is opened without waiting for a writer and read with
    PIPE_WAIT_SECONDS of patience (for its first data only with
    ``stream_wait_only``: a dataset feed may pause).
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path} is a folder, not a file")
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
        raise InputError(f"{path} is a device, not a file: save what it holds to a file first")
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        raise InputError(f"{path} is not a file (a socket?)")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)  # a pipe opens with no writer yet
    except PermissionError:
        raise InputError(f"permission denied reading {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if stat.S_ISFIFO(os.fstat(fd).st_mode):
        return io.BufferedReader(_PatientPipe(fd, str(path), PIPE_WAIT_SECONDS, first_only=stream_wait_only))
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_capped(stream: BinaryIO, limit: int, name: str, limit_of: str = "an article", hint: str = "") -> bytes:
    """At most ``limit`` bytes of ``stream``; a longer stream is refused after
    reading ``limit + 1`` bytes, however long it goes on (/dev/zero, `yes`)."""
    try:
        size = os.fstat(stream.fileno()).st_size if stream.seekable() else 0
    except (OSError, ValueError, io.UnsupportedOperation):
        size = 0
    if size > limit:  # a regular file says its size: refuse it without reading it
        raise InputError(f"{name} is {describe_size(size)}; the limit for {limit_of} is {describe_size(limit)}{hint}")
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(f"{name} is over {describe_size(limit)}, the limit for {limit_of}{hint}")
    return data


def read_article_file(path: Path) -> RawDocument:
    with open_input(path) as stream:
        data = read_capped(stream, MAX_PAGE_BYTES, str(path))
    text = decode(data, str(path))
    raw = RawDocument(text=text, name=path.name, id=path.stem, format=sniff_format(text, path.name))
    check_text_size(text, str(path), raw.format)
    return raw


_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding=)["'][^"']*["']""")


def read_feed_text(text: str, name: str) -> list[RawDocument]:
    """Each item of an RSS or Atom feed (already decoded) as an article; see ``chorus.ingest.feeds``."""
    data = _XML_ENCODING.sub(r'\1"utf-8"', text, count=1).encode("utf-8")  # decoded here, so its bytes are UTF-8 now
    return [document_from_json(item, i, name) for i, item in enumerate(parse_feed(data, name))]


def _read_duc_sgml(raw: RawDocument, path: Path) -> list[RawDocument]:
    return [
        RawDocument(
            text=doc.text,
            name=f"{path.name}:{doc.docno}" if doc.docno != path.name else path.name,
            id=doc.docno,
            title=doc.headline,
        )
        for doc in parse_duc_sgml(raw.text, str(path))
    ]


@dataclass(frozen=True)
class FileReader:
    """A kind of file that holds several articles: how a folder's file is known to be one, how its
    decoded text is, and its articles."""

    in_folder: Callable[[Path], bool]
    detect: Callable[[str], bool]
    read: Callable[[RawDocument, Path], list[RawDocument]]


# The kinds of file besides one article per file (text, Markdown, HTML), tried in order; adding a
# kind is adding a line here.
FILE_READERS = (
    # RSS and Atom: each item is an article.
    FileReader(lambda p: _is_feed_file(p), is_feed, lambda raw, path: read_feed_text(raw.text, path.name)),
    # NIST SGML (<DOC> elements); NIST names an article file by its DOCNO (APW19981016.0240):
    # known by its content, not its suffix.
    FileReader(is_sgml_file, is_duc_sgml, _read_duc_sgml),
)


def read_article_files(path: Path) -> list[RawDocument]:
    """The article in a file, or the articles of a file that holds several (``FILE_READERS``)."""
    raw = read_article_file(path)
    for reader in FILE_READERS:
        if reader.detect(raw.text):
            return reader.read(raw, path)
    return [raw]


def _article_files(folder: Path, warnings: list[str]) -> list[Path]:
    """A folder's article files, sorted. A name of an article file that is no regular file (a
    named pipe, a device, a link that leads nowhere or to itself) is left out with a warning, not
    read: a pipe in a folder would make the read wait for a writer, a device would never end."""
    files = []
    for p in sorted(folder.rglob("*")):
        if p.name.startswith(".") or not p.name.lower().endswith(ARTICLE_SUFFIXES) and not p.is_file():
            continue
        if p.is_file():
            if p.name.lower().endswith(ARTICLE_SUFFIXES) or any(reader.in_folder(p) for reader in FILE_READERS):
                files.append(p)
        elif not p.is_dir():
            warnings.append(skipped(_not_a_file(p)))
    return files


def _not_a_file(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError as exc:  # a link to nothing, a loop of links
        return f"cannot read {path}: {exc.strerror or exc}"
    kind = (
        "a named pipe"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a socket"
    )
    return f"{path} is {kind}, not a file"


def _is_feed_file(path: Path) -> bool:
    """An RSS/Atom feed file: named so and starting like a feed (a folder's other .xml files are not articles)."""
    if not path.name.lower().endswith(FEED_SUFFIXES):
        return False
    try:
        with path.open("rb") as f:
            head = f.read(4 * 2**10)
    except OSError:
        return False
    return is_feed(head.decode("utf-8", errors="replace"))


def is_duc_release(folder: Path) -> bool:
    """A folder of several topic folders of NIST SGML articles (a DUC/TAC data set)."""
    return len({p.parent for p in folder.rglob("*") if p.is_file() and is_sgml_file(p)}) > 1


def read_folder(folder: Path, warnings: list[str]) -> list[RawDocument]:
    files = _article_files(folder, warnings)
    if not files:
        unreadable = "; ".join(why_skipped(w) for w in warnings if w.startswith(SKIPPED))
        raise InputError(
            f"folder {folder} holds no article file ({', '.join(ARTICLE_SUFFIXES)})"
            + (f": {unreadable}" if unreadable else "")
        )
    documents = []
    for path in files:
        try:
            documents.extend(read_article_files(path))
        except InputError as exc:
            warnings.append(skipped(exc))
    if not documents:
        raise InputError(f"folder {folder} holds no readable article")
    return documents


def document_from_json(item: Any, index: int, where: str) -> RawDocument:
    """A dataset document: a string, or an object with "text" (and optional "title", "name", "id",
    and page metadata: "outlet", "url", "byline", "published" or "date")."""
    if isinstance(item, str):
        text, meta = item, {}
    elif isinstance(item, dict) and isinstance(item.get("text"), str):
        text, meta = item["text"], item
    else:
        raise InputError(f'{where}: document {index + 1} is not a string or an object with a "text" string')
    name = meta.get("name") if isinstance(meta.get("name"), str) else None
    format = sniff_format(text, name or "")
    check_text_size(text, f"{where}: document {index + 1}", format)
    text = fix_text(text)
    doc_id = str(meta["id"]) if meta.get("id") is not None else None
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    page = {key: meta[key] for key in ("outlet", "url", "byline") if isinstance(meta.get(key), str)}
    published = next((meta[k] for k in ("published", "date") if isinstance(meta.get(k), str)), None)
    return RawDocument(text=text, name=name, id=doc_id, title=title, format=format, published=published, **page)


def cluster_from_record(record: Any, where: str, line_number: int | None = None) -> Cluster:
    """One dataset row: {"id", "documents": [...], ...} (the schema of ../shared/data),
    or a Multi-News row ({"document", "summary"}, named by ``line_number``)."""
    if is_multinews_row(record):
        record = from_multinews_row(record, line_number, where)
    if not isinstance(record, dict):
        raise InputError(f'{where}: a cluster must be a JSON object with "id" and "documents"')
    if "id" not in record or record["id"] is None or isinstance(record["id"], (dict, list)):
        raise InputError(f'{where}: the cluster has no "id"')
    cluster_id = str(record["id"])
    docs = record.get("documents")
    if docs is None and isinstance(record.get("text"), str):
        raise InputError(
            f'{where} is one article ({{"id", "text"}}), not a cluster: a dataset row is {{"id", "documents": '
            "[...]}; give the article as a .txt file, or to `chorus stories`, which reads an article a line"
        )
    if not isinstance(docs, list) or not docs:
        raise InputError(f'{where} (cluster {cluster_id}): "documents" must be a non-empty list')
    documents = [document_from_json(d, i, f"{where} (cluster {cluster_id})") for i, d in enumerate(docs)]
    doc_ids = record.get("doc_ids")
    headlines = record.get("doc_headlines")
    for i, doc in enumerate(documents):
        if doc.id is None:
            doc.id = str(doc_ids[i]) if isinstance(doc_ids, list) and i < len(doc_ids) else str(i + 1)
        if doc.title is None and isinstance(headlines, list) and i < len(headlines) and isinstance(headlines[i], str):
            doc.title = headlines[i] or None
    fields = {k: v for k, v in record.items() if k not in ("id", "documents")}
    return Cluster(id=cluster_id, documents=documents, fields=fields)


def articles_from_record(record: Any, where: str, line_number: int | None = None) -> list[RawDocument]:
    """The articles of one JSONL line: an article ``{"id", "text", "title"?, "url"?, "outlet"?, "date"?}``,
    or a cluster row (its documents, for a reader that pools clusters)."""
    if isinstance(record, dict) and "documents" not in record and isinstance(record.get("text"), str):
        raw = document_from_json(record, 0, where)
        raw.id = raw.id or (str(line_number) if line_number is not None else None)
        return [raw]
    if isinstance(record, dict) and "documents" not in record and not is_multinews_row(record):
        raise InputError(f'{where}: an article must be a JSON object with a "text" string')
    return cluster_from_record(record, where, line_number).documents


def open_dataset_file(path: Path, folder_hint: str = "") -> BinaryIO:
    """A dataset file's raw bytes (still gzipped), or the user's error for a missing file or a folder."""
    if path.is_dir():
        raise InputError(f"{path} is a folder; a dataset is a JSONL file{folder_hint}")
    return open_input(path, stream_wait_only=True)


def iter_dataset_lines(path: str | Path, max_total_bytes: int | None = None) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line) for each non-blank line of a dataset file (gunzipping *.gz) or '-' (stdin), streaming.

    A line over MAX_RECORD_BYTES is refused rather than held; with
    ``max_total_bytes`` so is a dataset that goes on past it. A DUC/TAC
    folder or a Multi-News ``.src`` file yields its clusters as chorus JSONL lines."""
    other = other_layout(Path(path)) if str(path) != "-" else None
    if other is not None:
        for number, record in enumerate(other, start=1):
            yield number, json.dumps(record, ensure_ascii=False).encode()
        return
    raw = sys.stdin.buffer if str(path) == "-" else open_dataset_file(Path(path))
    stream = gzip.GzipFile(fileobj=raw, mode="rb") if str(path).endswith(".gz") else raw
    name = "standard input" if str(path) == "-" else str(path)
    total = 0
    try:
        number = 0
        while line := stream.readline(MAX_RECORD_BYTES + 1):
            number += 1
            total += len(line)
            if len(line) > MAX_RECORD_BYTES:
                raise InputError(
                    f"{name} line {number} is over {describe_size(MAX_RECORD_BYTES)}, the limit for one cluster"
                )
            if max_total_bytes is not None and total > max_total_bytes:
                raise InputError(
                    f"{name} is over {describe_size(max_total_bytes)}, the limit for a dataset read at once{BATCH_HINT}"
                )
            if line.strip():
                yield number, line
    except (OSError, EOFError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    finally:
        if raw is not sys.stdin.buffer:
            stream.close()
            raw.close()


def other_layout(path: Path) -> Iterator[dict[str, Any]] | None:
    """The cluster records of a dataset in another layout than chorus JSONL, or None."""
    if path.is_dir() and any(p.is_file() and is_sgml_file(p) for p in path.rglob("*")):
        return iter_duc_clusters(path)  # a release, or one topic folder as a one-cluster dataset
    if path.suffix == ".src":
        if not path.is_file():
            raise InputError(f"no such file: {path}")
        targets = path.with_suffix(".tgt")
        return iter_multinews_files(path, targets if targets.is_file() else None)
    return None


def parse_json(data: str | bytes, where: str) -> Any:
    """Parse JSON, or raise the user's error: not JSON, or nested too deeply.

    Python's parser recurses once per level of nesting and stops at its
    recursion limit (about a thousand levels); `[` repeated 100,000 times is
    refused with a message, not a RecursionError. No chorus input nests more
    than a few levels.
    """
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid JSON (not UTF-8 text: {exc.reason})") from None
    except RecursionError:
        raise InputError(f"{where}: the JSON is nested too deeply to read") from None


def parse_dataset_line(line: bytes, where: str, line_number: int | None = None) -> Cluster:
    return cluster_from_record(parse_json(line, where), where, line_number)


class Converted(NamedTuple):
    """What ``convert_dataset`` wrote."""

    written: int  # clusters
    passed: int  # rows copied unchanged because they are no valid cluster, for `chorus batch` to report each
    first_error: str | None  # why the first such row is none (said when no row is a cluster)


def convert_dataset(source: str | Path, write: Callable[[str], object]) -> Converted:
    """Write a dataset in chorus JSONL, one line a cluster: a DUC/TAC folder, Multi-News
    (``.src``/``.tgt`` or Hugging Face rows) or chorus JSONL. Rows that are no valid cluster are
    passed through unchanged, so that ``chorus batch`` reports each of them rather than losing it."""
    written = passed = 0
    # Rows before the first cluster wait, so that a file that is no dataset at all (an article, a binary
    # file) writes nothing, not even to standard output; at most a dataset's worth of them.
    waiting: list[str] = []
    waiting_bytes = 0
    first_error: InputError | None = None  # why the first row is no cluster, said if none is
    for number, line in iter_dataset_lines(source):
        where = f"{source} line {number}"
        try:
            record = parse_json(line, where)
            if is_multinews_row(record):
                record = from_multinews_row(record, number, where)
            cluster_from_record(record, where)
        except InputError as exc:
            row = line.decode("utf-8", errors="replace").rstrip("\r\n") + "\n"
            passed += 1
            first_error = first_error or exc
            if written:
                write(row)
                continue
            waiting.append(row)
            waiting_bytes += len(line)
            if waiting_bytes > MAX_INPUT_BYTES:
                raise InputError(
                    f"{source}: no cluster in its first {describe_size(MAX_INPUT_BYTES)}; is it a dataset?"
                ) from None
            continue
        for row in waiting:
            write(row)
        waiting.clear()
        write(json.dumps(record, ensure_ascii=False) + "\n")
        written += 1
    return Converted(written, passed, None if first_error is None else str(first_error))


def read_dataset(path: str | Path) -> list[Cluster]:
    """Every cluster of a JSONL dataset (or a JSON list of clusters); stops at the first bad row.

    All of it is held at once, so at most MAX_INPUT_BYTES of it is read."""
    name = str(path)
    if name.endswith(".json") and name != "-" and not Path(path).is_dir():
        with open_input(Path(path)) as stream:
            data = read_capped(stream, MAX_INPUT_BYTES, name, "a dataset read at once", BATCH_HINT)
        records = parse_json(decode(data, name), name)
        records = records if isinstance(records, list) else [records]
        return [cluster_from_record(r, f"{name} item {i + 1}", i + 1) for i, r in enumerate(records)]
    clusters = [
        parse_dataset_line(line, f"{name} line {n}", n) for n, line in iter_dataset_lines(path, MAX_INPUT_BYTES)
    ]
    if not clusters:
        raise InputError(f"{name} holds no cluster")
    return clusters


def is_dataset_path(path: str) -> bool:
    return path.lower().endswith(DATASET_SUFFIXES)


def read_stdin(warnings: list[str], stream: BinaryIO | None = None) -> list[Cluster]:
    """Articles (separated by a form feed or a line of dashes), JSON or JSONL
    on standard input; at most MAX_INPUT_BYTES of it (`yes | chorus summarize -`
    stops there)."""
    data = read_capped(stream or sys.stdin.buffer, MAX_INPUT_BYTES, "standard input", "standard input", BATCH_HINT)
    text = decode(data, "standard input")
    if text.lstrip().startswith(("{", "[")):
        try:
            first = json.loads(text)
        except json.JSONDecodeError:
            lines = [ln for ln in text.splitlines() if ln.strip()]
            return [
                parse_dataset_line(ln.encode(), f"standard input line {i + 1}", i + 1) for i, ln in enumerate(lines)
            ]
        except RecursionError:
            raise InputError("standard input: the JSON is nested too deeply to read") from None
        records = first if isinstance(first, list) else [first]
        return [cluster_from_record(r, "standard input", i + 1) for i, r in enumerate(records)]
    parts = [p for p in STDIN_SEPARATOR.split(text) if p.strip()]
    docs = []
    for i, part in enumerate(parts):
        raw = RawDocument(text=part, name=f"stdin-{i + 1}", id=f"stdin-{i + 1}", format=sniff_format(part))
        check_text_size(part, f"standard input article {i + 1}", raw.format)
        docs.append(raw)
    return [Cluster(id="stdin", documents=docs)]


def is_url(value: str) -> bool:
    """Does a command-line argument name a web page (rather than a file)?"""
    return bool(re.match(r"^[a-z][a-z0-9+.-]*://", value.strip(), re.IGNORECASE))


def read_inputs(paths: Iterable[str], warnings: list[str]) -> list[Cluster]:
    """Files, folders and web pages (URLs) form one cluster; each dataset row is a cluster of its own.

    A page that cannot be fetched is skipped with a warning, as an unreadable
    file in a folder is; when nothing at all could be read, the errors say why."""
    paths = list(paths)
    failed: list[str] = []
    urls = [p for p in paths if is_url(p)]
    fetched: list[RawDocument] = []
    if urls:  # the fetcher (sockets, threads: ~5 ms to import) only when there are pages to fetch
        from chorus.ingest.fetch import fetch_pages

        fetched = fetch_pages(urls, failed)
    warnings.extend(failed)
    fetched_urls = {doc.name: doc for doc in fetched}
    clusters: list[Cluster] = []
    loose: list[RawDocument] = []
    for raw in paths:
        if is_url(raw):
            if raw.strip() in fetched_urls:
                loose.append(fetched_urls[raw.strip()])
            continue
        if raw == "-":
            clusters.extend(read_stdin(warnings))
            continue
        path = Path(os.path.expanduser(raw))
        if path.is_dir() and is_duc_release(path):
            clusters.extend(cluster_from_record(r, f"{path}: topic {r['id']}") for r in iter_duc_clusters(path))
        elif path.is_dir():
            loose.extend(read_folder(path, warnings))
        elif is_dataset_path(raw):
            clusters.extend(read_dataset(path))
        else:
            loose.extend(read_article_files(path))
    if loose:
        name = "input"
        clusters.insert(0, Cluster(id=name, documents=loose))
    if not clusters:
        if failed:
            raise InputError("no article could be read: " + "; ".join(why_skipped(f) for f in failed))
        raise InputError("no article given")
    return clusters
