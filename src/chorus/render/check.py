"""``chorus check``: each article's verdict on a claim, as text or JSON.

JSON (documented in the README)::

    {"claim": str,
     "articles": [{"document": id, "number": n, "name": str|null, "label": str,
                   "verdict": "states"|"contradicts"|"updates"|"silent",
                   "when": "earlier"|"later"|"revised" (an update's figure) or null,
                   "sentences": [{"sentence": index from 0, "text": str}],
                   "score": share of the claim's content the sentences carry, or null,
                   "values": [{"kind": str, "claim": str, "article": str}]}],
     "stating": n, "contradicting": n, "updating": n, "independent_sources": n}

"contradicts" is a dispute; "updates" another value that the rule of ``chorus.align.updates`` calls
an update (a toll given on another day, an outlet's own revision), as the report's conflicts do.
"""

from __future__ import annotations

import json
from typing import Any

from chorus.align import CONTRADICTS, SILENT, STATES, ClaimCheck
from chorus.align.updates import UPDATES, updates_of
from chorus.align.values import printed
from chorus.render.wording import other_value
from chorus.text import counted

CHECK_FORMATS = ("text", "json")


def check_to_dict(result: ClaimCheck) -> dict[str, Any]:
    story = result.story
    docs = story.documents if story is not None else []
    sentences = story.sentences if story is not None else []
    updates = updates_of(result)
    articles = []
    for verdict in result.articles:
        doc = docs[verdict.doc_index]
        evidence = verdict.evidence
        articles.append(
            {
                "document": doc.id,
                "number": verdict.doc_index + 1,
                "name": doc.name,
                "label": doc.label,
                "verdict": UPDATES if verdict.doc_index in updates else verdict.verdict,
                "when": updates.get(verdict.doc_index),
                "sentences": [
                    {"sentence": sentences[i].position, "text": sentences[i].text}
                    for i in (evidence.sentences if evidence else ())
                ],
                "score": evidence.score if evidence else None,
                "values": [
                    {"kind": d.kind, "claim": printed(d.claim), "article": printed(d.article)}
                    for d in (evidence.differences if evidence else ())
                ],
            }
        )
    return {
        "claim": result.claim,
        "articles": articles,
        "stating": len(result.stating),
        "contradicting": len(result.contradicting) - len(updates),
        "updating": len(updates),
        "independent_sources": result.independent_sources,
    }


def render_check_text(result: ClaimCheck) -> str:
    data = check_to_dict(result)
    lines = [f"Claim: {data['claim']}", ""]
    for verdict in (STATES, CONTRADICTS, UPDATES, SILENT):
        for a in data["articles"]:
            if a["verdict"] != verdict:
                continue
            head = f"{verdict:<12} [{a['number']}] {a['label']}"
            if not a["sentences"]:
                lines.append(head)
                continue
            where = " and ".join(f"s{s['sentence'] + 1}" for s in a["sentences"])
            text = " ".join(s["text"] for s in a["sentences"])
            values = "; ".join(f"{v['article']}, not {v['claim']}" for v in a["values"])
            if a["when"]:
                values = other_value("", values, a["when"]).strip()
            lines.append(f"{head}, {where}: {text}" + (f" ({values})" if values else ""))
    n = len(data["articles"])
    stating, independent = data["stating"], data["independent_sources"]
    summary = f"{stating} of {counted(n, 'article')} state{'s' if stating == 1 else ''} it"
    if stating and independent < stating:
        summary += f" ({counted(independent, 'independent source')})"
    if data["contradicting"]:
        summary += f"; {data['contradicting']} give{'s' if data['contradicting'] == 1 else ''} another value"
    if data["updating"]:
        summary += (
            f"; {data['updating']} give{'s' if data['updating'] == 1 else ''} the count of another day (an update)"
        )
    return "\n".join(lines + ["", summary + "."]) + "\n"


def render_check(result: ClaimCheck, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(check_to_dict(result), ensure_ascii=False, indent=2) + "\n"
    return render_check_text(result)
