"""Dataset layouts other than chorus's own JSONL, read as chorus clusters.

chorus's dataset format is one JSON object a line, ``{"id", "documents",
"summaries", ...}`` (the schema of ``../shared/data``). Two layouts that
research data comes in are read here and turned into that schema, so every
consumer (summarize, batch, evaluate, the Dask engine) sees one format:

- **Multi-News** (Fabbri et al., ACL 2019): the Hugging Face rows
  ``{"document": "article ||||| article", "summary": "– ..."}``, and the
  original line-aligned ``*.src`` / ``*.tgt`` files (articles separated by
  ``story_separator_special_tag``, line breaks written ``NEWLINE_CHAR``).
  Rows carry no id: a row is named by its line number.
- **DUC / TAC** as NIST distributes it: a folder of topic folders of SGML
  files (``<DOC><DOCNO>…<HEADLINE>…<TEXT>…</DOC>``), reference summaries
  named ``D0601.M.250.A.C`` (topic, length, assessor) in a ``models``
  folder, and for the query-focused years a topics file
  (``<topic><num>…<title>…<narr>…</topic>``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chorus.errors import InputError
from chorus.ingest.decode import decode

MULTINEWS_SEPARATOR = re.compile(r"\s*(?:\|\|\|\|\||story_separator_special_tag)\s*")
_MULTINEWS_NEWLINE = re.compile(r"(?:\s*NEWLINE_CHAR\s*)+")
_SUMMARY_DASH = re.compile(r"^\s*[–—-]\s+")


def is_multinews_row(record: Any) -> bool:
    return isinstance(record, dict) and "documents" not in record and "document" in record


def multinews_documents(text: str) -> list[str]:
    """The articles of one Multi-News row, paragraphs restored."""
    articles = []
    for piece in MULTINEWS_SEPARATOR.split(text):
        piece = _MULTINEWS_NEWLINE.sub("\n\n", piece).strip()
        if piece:
            articles.append(piece)
    return articles


def multinews_summary(text: str) -> str:
    """The reference summary without the dash Multi-News opens it with."""
    return _SUMMARY_DASH.sub("", _MULTINEWS_NEWLINE.sub(" ", text)).strip()


def from_multinews_row(record: dict[str, Any], line_number: int | None, where: str) -> dict[str, Any]:
    """A Multi-News row in chorus's schema; its id is its own, or its line number."""
    document = record.get("document")
    if not isinstance(document, str):
        raise InputError(f'{where}: a Multi-News row\'s "document" must be a string of articles separated by |||||')
    out = {k: v for k, v in record.items() if k not in ("document", "summary")}
    if out.get("id") is None:
        if line_number is None:
            raise InputError(f'{where}: the Multi-News row has no "id" and no line number to name it by')
        out["id"] = str(line_number)
    out["documents"] = multinews_documents(document)
    summary = record.get("summary")
    if isinstance(summary, str) and summary.strip():
        out["summaries"] = [multinews_summary(summary)]
    return out


def iter_multinews_files(source: Path, targets: Path | None) -> Iterator[dict[str, Any]]:
    """Rows of the original Multi-News release: ``*.src`` and, when given, its ``*.tgt``."""
    with source.open("rb") as src, targets.open("rb") if targets else nullcontext() as tgt:
        for number, raw in enumerate(src, start=1):
            summary = tgt.readline() if tgt else b""
            if targets and not summary:
                raise InputError(f"{targets} has fewer lines than {source} (no summary for line {number})")
            text = decode(raw, f"{source} line {number}")
            record: dict[str, Any] = {"id": str(number), "documents": multinews_documents(text)}
            if summary.strip():
                record["summaries"] = [multinews_summary(decode(summary, f"{targets} line {number}"))]
            yield record
        if tgt and tgt.readline():
            raise InputError(f"{targets} has more lines than {source}")


# --- DUC / TAC ---------------------------------------------------------------------

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S | re.I)
_SGML_TAG = re.compile(r"<[^>]+>")
_WIRE_ENTITY = re.compile(r"&[A-Z]{2,3};")  # TDT's typesetting codes (&UR;, &QL;...)
_NIST_SUMMARY_NAME = re.compile(r"^(?P<topic>[A-Za-z0-9-]+)\.M\.\d+\.[A-Za-z]\.(?P<assessor>[A-Za-z0-9]+)$")
_TOPIC = re.compile(r"<topic\b([^>]*)>(.*?)</topic>", re.S | re.I)


def _field(block: str, tag: str) -> str | None:
    found = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", block, re.S | re.I)
    if not found:
        return None
    return _plain(found.group(1))


def _plain(sgml: str) -> str:
    text = _WIRE_ENTITY.sub(" ", html.unescape(_SGML_TAG.sub(" ", sgml)))
    return re.sub(r"\s+", " ", text).strip()


def _paragraphs(body: str) -> str:
    """A <TEXT> body as paragraphs: <P> elements, else blank or indented lines."""
    if re.search(r"<P>", body, re.I):
        pieces = re.split(r"</?P>", body, flags=re.I)
    else:
        pieces = re.split(r"\n\s*\n|\n(?=[ \t]+\S)", body)
    return "\n\n".join(p for p in (_plain(x) for x in pieces) if p)


@dataclass
class DucDocument:
    docno: str
    headline: str | None
    text: str


def is_duc_sgml(text: str) -> bool:
    return bool(re.match(r"\s*<DOC>", text, re.I)) and bool(re.search(r"<TEXT>", text, re.I))


def parse_duc_sgml(text: str, where: str) -> list[DucDocument]:
    """The articles of an SGML file of NIST's (one or several <DOC> elements)."""
    documents = []
    for n, block in enumerate(_DOC.findall(text), start=1):
        body = re.search(r"<TEXT>(.*?)</TEXT>", block, re.S | re.I)
        if not body:
            continue
        docno = _field(block, "DOCNO") or f"{where} #{n}"
        documents.append(DucDocument(docno, _field(block, "HEADLINE"), _paragraphs(body.group(1))))
    if not documents:
        raise InputError(f"{where}: an SGML file with no <DOC> holding <TEXT>")
    return documents


def is_sgml_file(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(64)
    except OSError:
        return False
    return head.lstrip().upper().startswith(b"<DOC>")


def duc_document_files(folder: Path) -> list[Path]:
    """The NIST SGML article files directly in ``folder`` (DUC names them by DOCNO, with no suffix)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and is_sgml_file(p))


def _matches(topic: str, cluster: str) -> bool:
    """Does a topic id (``D0601``, ``D0703-A``, ``D0703A``) name this cluster folder (``D0601A``, ``D0703A-A``)?

    NIST ids are fixed-width: the folder's name extends the topic number
    (with the assessor's letter, or DUC 2004's ``t``), and an update set's
    letter after the dash must be the same."""
    head, _, tail = topic.lower().partition("-")
    c_head, _, c_tail = cluster.lower().partition("-")
    return c_head.startswith(head) and (not tail or tail == c_tail)


def _topics(files: list[Path]) -> dict[str, dict[str, str]]:
    """Query fields by topic number, from any topics file among ``files`` (not articles)."""
    out: dict[str, dict[str, str]] = {}
    for path in files:
        if not re.search(r"topic", path.name, re.I) or path.stat().st_size > 5_000_000:
            continue
        text = decode(path.read_bytes(), str(path))
        for attributes, block in _TOPIC.findall(text):
            attribute = re.search(r"\bid\s*=\s*[\"']?([\w-]+)", attributes)
            num = _field(block, "num") or (attribute.group(1) if attribute else None)
            if num:
                out[num.lower()] = {
                    "topic_title": _field(block, "title") or "",
                    "topic_narrative": _field(block, "narr") or _field(block, "narrative") or "",
                }
    return out


def iter_duc_clusters(root: Path) -> Iterator[dict[str, Any]]:
    """Each topic folder of a DUC/TAC release under ``root`` as a chorus cluster record."""
    if not root.is_dir():
        raise InputError(f"{root} is not a folder of DUC topic folders")
    files = sorted(p for p in root.rglob("*") if p.is_file())
    articles = {p for p in files if is_sgml_file(p)}
    clusters = sorted({p.parent for p in articles}, key=lambda p: p.name)
    if not clusters:
        raise InputError(f"{root} holds no DUC article (SGML files opening with <DOC>)")
    others = [p for p in files if p not in articles]
    summaries = [
        (found.group("topic"), found.group("assessor"), p)
        for p in others
        if (found := _NIST_SUMMARY_NAME.match(p.name))
    ]
    topics = _topics(others)
    for folder in clusters:
        documents = []
        for path in duc_document_files(folder):
            for doc in parse_duc_sgml(decode(path.read_bytes(), str(path)), str(path)):
                documents.append({"id": doc.docno, "title": doc.headline, "text": doc.text})
        record: dict[str, Any] = {"id": folder.name, "documents": documents}
        own = [(assessor, path) for topic, assessor, path in summaries if _matches(topic, folder.name)]
        if own:
            record["summaries"] = [decode(p.read_bytes(), str(p)).strip() for _, p in own]
            record["summary_ids"] = [p.name for _, p in own]
        query = next((fields for num, fields in topics.items() if _matches(num, folder.name)), None)
        if query:
            record.update(query)
        yield record
