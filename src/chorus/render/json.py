"""JSON: every sentence with the documents (and their sentences) that support it.

Schema (stable; documented in the README):
    summary: str, words: int, method: str, query: str|null,
    budget: {words: int|null, sentences: int|null},
    sentences: [{text, words, original_text, edits: [{start, end, text, replaces, reason}],
                 source: {document, sentence},
                 support_count, independent_sources,
                 support: [{document, number, name, title, sentence,
                            sentences, similarity, text}],
                 contradicted_by: [{document, number, name, title, sentence,
                                    sentences, text,
                                    values: [{kind, summary, article}]}],
                 updated_by: [{... as contradicted_by, when: "earlier"|"later"|"revised"}]}],
    documents: [{number, id, name, title, label, outlet, url, byline, published, words}],
    warnings: [str]
Sentence numbers count from 0 within each document; ``sentences`` lists both
when two adjacent sentences state the claim together. ``independent_sources``
counts copies of one story (re-sends, rewrites) once. ``text`` is the sentence as the
summary prints it; ``original_text`` as its article does; each edit chorus made so that it
reads on its own (a full name, a date) is ``text[start:end]`` (in brackets), standing for
the article's ``replaces`` ("" when only added), with its ``reason`` ("full name", "date", "connective cut").
"""

from __future__ import annotations

import json
from typing import Any

from chorus.types import Citation, Contradiction, Document, Story, Summary


def document_fields(number: int, d: Document) -> dict[str, Any]:
    """What every JSON output says of an article: its number, names and page metadata (null when unknown)."""
    return {
        "number": number,
        "id": d.id,
        "name": d.name,
        "title": d.title,
        "label": d.label,
        "outlet": d.outlet,
        "url": d.url,
        "byline": d.byline,
        "published": d.published,
    }


def summary_to_dict(summary: Summary) -> dict[str, Any]:
    docs = summary.documents
    return {
        "summary": summary.text,
        "words": summary.words,
        "method": summary.method,
        "query": summary.query,
        "budget": {"words": summary.budget.words, "sentences": summary.budget.sentences},
        "sentences": [
            {
                "text": s.text,
                "words": len(s.text.split()),
                "original_text": s.original_text,
                "edits": [
                    {
                        "start": e.start,
                        "end": e.end,
                        "text": s.text[e.start : e.end],
                        "replaces": e.replaces,
                        "reason": e.reason,
                    }
                    for e in s.edits
                ],
                "source": {"document": docs[s.origin.doc_index].id, "sentence": s.origin.position},
                "support_count": s.support_count,
                "independent_sources": s.independent_count,
                "support": [{**_cited_article(docs, c), "similarity": c.similarity, "text": c.text} for c in s.support],
                "contradicted_by": [_other_value(docs, c) for c in s.disputes],
                # Another day's count of a toll (chorus.align.updates): an update, not a dispute.
                "updated_by": [{**_other_value(docs, c), "when": c.update} for c in s.updates],
            }
            for s in summary.sentences
        ],
        "documents": [{**document_fields(i + 1, d), "words": len(d.text.split())} for i, d in enumerate(docs)],
        "warnings": summary.warnings,
    }


def _other_value(docs, c: Contradiction) -> dict[str, Any]:
    """An article that gives a summary sentence's claim with another value, as the JSON lists it."""
    return {
        **_cited_article(docs, c),
        "text": c.text,
        "values": [{"kind": kind, "summary": mine, "article": theirs} for kind, mine, theirs in c.values],
    }


def _cited_article(docs, c: Citation | Contradiction) -> dict[str, Any]:
    """The article and sentences behind a citation or a contradiction, as the JSON names them."""
    return {
        "document": docs[c.doc_index].id,
        "number": c.doc_index + 1,
        "name": docs[c.doc_index].name,
        "title": docs[c.doc_index].title,
        "sentence": c.position,
        "sentences": list(c.sentence_numbers),
    }


def article_sentences(story: Story | None, index: int) -> list[dict[str, Any]]:
    """An article's kept sentences, which every {document, sentence} reference indexes."""
    sentences = story.sentences_of(index) if story is not None else []
    return [{"text": s.text, "paragraph": s.paragraph} for s in sentences]


def render_json(summary: Summary) -> str:
    return json.dumps(summary_to_dict(summary), ensure_ascii=False, indent=2) + "\n"
