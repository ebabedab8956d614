"""Plain text: the summary with [n] source markers, then the numbered sources."""

from __future__ import annotations

from chorus.ingest.metadata import place_label
from chorus.render.wording import other_value
from chorus.types import Document, Summary, SummarySentence


def label_and_title(doc: Document) -> str:
    """'label: title': the human label (an outlet, else the headline) and the title when it adds to it; a label
    that is the headline cut short is the whole headline alone."""
    label = doc.label
    shortened = label.endswith("…") and doc.title is not None and doc.title.startswith(label[:-1].rstrip(" ,;:"))
    if shortened and doc.title:
        return doc.title
    if doc.title and doc.title != label:
        return f"{label}: {doc.title}"
    return label


def source_line(number: int, doc: Document) -> str:
    """'[n] label: title (file)': ``label_and_title``, and the file name or id the article came as when the label
    is not it."""
    label, given = doc.label, doc.name or place_label(doc.id)
    if not doc.name and doc.id == str(number):  # a pasted text's id is its place, which [n] already says
        given = label
    line = f"[{number}] {label_and_title(doc)}"
    return line if given == label else f"{line} ({given})"


def markers(doc_indexes: list[int]) -> str:
    return "[" + ", ".join(str(d + 1) for d in doc_indexes) + "]"


def independence(sentence: SummarySentence) -> str:
    """ "4 articles, 2 independent" when copies of one story are among them; "" when every article is its own source."""
    n, independent = sentence.support_count, sentence.independent_count
    if independent >= n:
        return ""
    return f"{n} articles, {independent} independent"


def against(sentence: SummarySentence) -> list[str]:
    """["2 says 1,500", "1 earlier said 7,085"]: the articles that give another value, and their
    values, a dispute or an update (``wording.other_value``)."""
    parts = []
    for c in sorted(sentence.contradictions, key=lambda c: c.doc_index):
        values = ", ".join(article for _, _, article in c.values)
        parts.append(other_value(str(c.doc_index + 1), values, c.update))
    return parts


def citation(sentence: SummarySentence) -> str:
    """ "[1, 3, 4]", "[1, 3, 4 · 2 independent]" when copies of one story are among them, and
    "[1, 3, 4 · 2 says 1,500]" when an article gives another value ("[2 · 1 earlier said 7,085]"
    when the rule calls it an update)."""
    parts = [", ".join(str(d + 1) for d in sentence.doc_indexes)]
    if sentence.independent_count < sentence.support_count:
        parts.append(f"{sentence.independent_count} independent")
    parts += against(sentence)
    return "[" + " · ".join(parts) + "]"


def cited_documents(summary: Summary) -> list[int]:
    """Every document a citation names, supporting or contradicting."""
    return sorted({d for s in summary.sentences for d in s.doc_indexes + s.contradicting_indexes})


def render_text(summary: Summary) -> str:
    body = " ".join(f"{s.text} {citation(s)}" for s in summary.sentences)
    cited = cited_documents(summary)
    lines = [body, "", "Sources:"]
    lines += ["  " + source_line(d + 1, summary.documents[d]) for d in cited]
    return "\n".join(lines) + "\n"
