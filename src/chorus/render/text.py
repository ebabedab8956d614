"""Plain text: the summary with [n] source markers, then the numbered sources."""

from __future__ import annotations

from chorus.types import Document, Summary


def source_line(number: int, doc: Document) -> str:
    """'[n] name: title' (title only when it adds something)."""
    label = doc.name or doc.id
    if doc.title and doc.title != label:
        return f"[{number}] {label}: {doc.title}"
    return f"[{number}] {label}"


def markers(doc_indexes: list[int]) -> str:
    return "[" + ", ".join(str(d + 1) for d in doc_indexes) + "]"


def render_text(summary: Summary) -> str:
    body = " ".join(f"{s.text} {markers(s.doc_indexes)}" for s in summary.sentences)
    cited = sorted({d for s in summary.sentences for d in s.doc_indexes})
    lines = [body, "", "Sources:"]
    lines += ["  " + source_line(d + 1, summary.documents[d]) for d in cited]
    return "\n".join(lines) + "\n"
