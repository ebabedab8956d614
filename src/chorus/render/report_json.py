"""The story report as JSON (schema ``chorus.report/2``, documented in the README).

Every item points back to its sources as ``{"document": id, "sentence": n}``
(sentence numbers from 0 within each document, as in the summary's JSON).
"""

from __future__ import annotations

import json
from typing import Any

from chorus.analysis.report import Report
from chorus.analysis.reuse import Span
from chorus.render.json import document_fields, summary_to_dict

SCHEMA = "chorus.report/2"


def _ref(report: Report, sentence: int, **extra: Any) -> dict[str, Any]:
    s = report.sentence(sentence)
    return {"document": report.documents[s.doc_index].id, "sentence": s.position, **extra}


def _span(report: Report, span: Span) -> dict[str, Any]:
    return {
        "document": report.documents[span.doc_index].id,
        "sentences": [report.sentence(i).position for i in span.sentences],
        "words": span.end - span.start,
        "text": span.text,
    }


def _families(report: Report) -> dict[str, Any]:
    """Which articles are one source: {"independent_sources", "copies": [...], "rewrites": [...]}."""
    families = report.families
    ids = [d.id for d in report.documents]
    if families is None:
        return {"independent_sources": len(ids), "copies": [], "rewrites": []}
    return {
        "independent_sources": families.independent_count,
        "copies": [
            {
                "members": [ids[d] for d in f.members],
                "original": ids[f.original] if f.original is not None else None,
                "original_by": f.reason or None,
            }
            for f in families.families
            if len(f.members) > 1
        ],
        "rewrites": [
            {
                "document": ids[r.doc_index],
                "share": r.share,
                "sources": {ids[d]: share for d, share in sorted(r.sources.items())},
            }
            for r in families.rewrites.values()
        ],
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    docs = report.documents
    ids = [d.id for d in docs]
    counts = report.story.doc_sentence_counts()
    summary = summary_to_dict(report.summary)
    summary.pop("documents", None)
    summary.pop("warnings", None)
    return {
        "schema": SCHEMA,
        "documents": [
            {**document_fields(i + 1, d), "words": len(d.text.split()), "sentences": counts[i]}
            for i, d in enumerate(docs)
        ],
        "summary": summary,
        "facts": [
            {
                "id": f.id,
                "support": f.support,
                "independent_sources": f.independent,
                "several_outlets": not f.single_source,
                "text": report.sentence(f.centre).text,
                "outlets": [ids[d] for d in f.doc_indexes],
                "stating": [ids[d] for d in f.stating],
                "disputing": [ids[d] for d in f.disputing],
                "updating": [ids[d] for d in f.updating],  # another value, an update (a toll of another day)
                "sentences": [_ref(report, i, text=report.sentence(i).text) for i in f.evidence],
            }
            for f in report.facts
        ],
        "conflicts": [_conflict(report, ids, c) for c in report.conflicts],
        # Counts that changed over the days (a toll that rose), earliest first: updates, not disputes.
        "updates": [_conflict(report, ids, c) for c in report.updates],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "speaker_named": q.speaker_is_named,
                "speaker_resolved": not q.speaker_unresolved,
                "outlets": [ids[d] for d in q.doc_indexes],
                "identical": q.identical,
                "variants": q.variants,
                "occurrences": [
                    _ref(
                        report,
                        o.sentence,
                        text=o.text,
                        speaker=o.speaker,
                        attribution=o.attribution,
                        role=o.role,
                    )
                    for o in q.occurrences
                ],
            }
            for q in report.quotes
        ],
        "entities": [
            {
                "name": e.name,
                "kind": e.kind,
                "mentions": e.count,
                "variants": dict(e.variants.most_common()),
                "per_document": {ids[d]: n for d, n in sorted(e.per_document.items())},
                "occurrences": [_ref(report, m.sentence, text=m.text) for m in e.mentions],
            }
            for e in report.entities
        ],
        "families": _families(report),
        "reuse": {
            "passages": [
                {
                    "kind": p.kind,
                    "direction_known": p.direction_known,
                    "matched_words": p.matched_words,
                    "source": _span(report, p.source),
                    "copy": _span(report, p.copy),
                }
                for p in report.passages
            ],
            "documents": [
                {
                    "document": ids[r.doc_index],
                    "words": r.words,
                    "borrowed_words": r.borrowed_words,
                    "share": round(r.share, 3),
                    "sources": [ids[d] for d in r.sources],
                    "shares_with": [ids[d] for d in r.shares_with],
                }
                for r in report.reuse
            ],
        },
        "coverage": [
            {
                "document": ids[c.doc_index],
                "words": c.words,
                "sentences": c.sentences,
                "facts": len(c.facts),
                "facts_share": round(c.share, 3),
                "several_outlet_facts": c.shared_facts,
                "several_outlet_facts_share": round(c.shared_share, 3),
                "exclusive_facts": c.exclusive_facts,
            }
            for c in report.coverage
        ],
        "ner": report.ner,
        "warnings": report.warnings,
    }


def render_report_json(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def _conflict(report: Report, ids: list[str], c) -> dict:
    """A conflict (or an update over the days) as the JSON lists it."""
    return {
        "kind": c.kind,
        "fact": c.fact,
        "over_time": c.over_time,
        "values": [
            {
                "value": v.value,
                "outlets": [ids[d] for d in v.doc_indexes],
                "sentences": [_ref(report, i, text=report.sentence(i).text) for i in v.sentences],
            }
            for v in c.values
        ],
    }
