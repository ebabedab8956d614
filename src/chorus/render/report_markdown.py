"""The story report as Markdown: seven numbered sections, articles cited as [n]."""

from __future__ import annotations

from chorus.analysis.entities import KINDS
from chorus.analysis.report import Report
from chorus.ingest.metadata import time_order
from chorus.render.markdown import _escape
from chorus.render.text import citation, source_line
from chorus.render.wording import REPORT_TITLE, SECTIONS, chosen_by
from chorus.text import counted
from chorus.types import Document


def _empty(note: str) -> list[str]:
    return [f"*{note}*", ""]


def _cite(docs: list[int]) -> str:
    return "[" + ", ".join(str(d + 1) for d in docs) + "]"


def _where(report: Report, sentence: int) -> str:
    s = report.sentence(sentence)
    return f"[{s.doc_index + 1}] s{s.position + 1}"


def _percent(x: float) -> str:
    return f"{round(100 * x)}%"


def _summary(report: Report) -> list[str]:
    # The citation of `chorus summarize` ("[1, 3, 4, 5 · 3 independent · 2 says more than 1,500]"): the
    # report's summary is that summary, its values shown as text
    text = " ".join(f"{_escape(s.text)} [{_escape(citation(s)[1:-1])}]" for s in report.summary.sentences)
    return [text, ""] if text else _empty(SECTIONS["summary"]["empty"])


_SHOWN_CONFLICTS = 3


def _values(report: Report, conflict) -> str:
    """ "**about 1,200** [1, 3, 4, 5] · **more than 1,500** [2]"."""
    return " · ".join(f"**{_escape(v.value)}** {_cite(list(v.doc_indexes))}" for v in conflict.values)


def _disputes(report: Report, fact) -> str:
    """ " · disputed number: **1,200** [1, 3] · **1,500** [2]" for the fact's conflicts."""
    found = report.conflicts_of(fact)
    parts = [f"{c.kind}: {_values(report, c)}" for c in found[:_SHOWN_CONFLICTS]]
    more = " …" if len(found) > _SHOWN_CONFLICTS else ""
    return " · disputed " + "; ".join(parts) + more if parts else ""


def _support(fact) -> str:
    """ "4 outlets", or "4 articles, 3 independent" when copies of one story are among them."""
    if fact.independent < fact.support:
        return f"{fact.support} articles, {fact.independent} independent"
    return counted(fact.support, "outlet")


def _facts(report: Report) -> list[str]:
    shared, single = report.shared_facts, report.single_outlet_facts
    wording = SECTIONS["facts"]
    lines = [f"### {wording['several']} ({len(shared)})", ""]
    if not shared:
        lines += _empty(wording["several_empty"])
    for f in shared:
        others = ", ".join(_where(report, i) for i in f.evidence)
        lines.append(f"{f.id}. **{_support(f)}** {_cite(f.doc_indexes)}: {_escape(report.sentence(f.centre).text)}  ")
        lines.append(f"   <sub>{others}{_disputes(report, f)}</sub>")
    lines += ["", f"### {wording['single']} ({len(single)})", ""]
    if not single:
        lines += _empty(wording["single_empty"])
    by_doc: dict[int, list] = {}
    for f in single:
        by_doc.setdefault(report.sentence(f.centre).doc_index, []).append(f)
    for d in sorted(by_doc):
        lines.append(f"- **[{d + 1}] {_escape(report.documents[d].label)}**")
        for f in by_doc[d]:
            copies = [x for x in f.doc_indexes if x != d]
            also = f", copied by {_cite(copies)}" if copies else ""
            where = f"s{report.sentence(f.centre).position + 1}{also}{_disputes(report, f)}"
            lines.append(f"  - {f.id}. {_escape(report.sentence(f.centre).text)} <sub>{where}</sub>")
    return lines + [""]


def _conflicts(report: Report) -> list[str]:
    wording = SECTIONS["conflicts"]
    lines = _empty(wording["empty"]) if not report.conflicts else []
    for c in report.conflicts:
        lines += _conflict_lines(report, c)
    if report.conflicts:
        lines.append("")
    if report.updates:
        lines += [f"**{wording['updates']}**", ""]
        for c in report.updates:
            lines += _conflict_lines(report, c)
        lines.append("")
    return lines


def _conflict_lines(report: Report, c) -> list[str]:
    fact = report.fact_by_id(c.fact)
    about = f" (fact {c.fact}: {_escape(report.sentence(fact.centre).text)})" if fact else ""
    lines = [f"- **{c.kind}**: {_values(report, c)}{about}"]
    for v in c.values:
        for i in v.sentences:
            s = report.sentence(i)
            lines.append(f"  - {_where(report, i)} says **{_escape(v.value)}**: {_escape(s.text)}")
    return lines


def _quotes(report: Report) -> list[str]:
    if not report.quotes:
        return _empty(SECTIONS["quotes"]["empty"])
    lines = []
    for n, q in enumerate(report.quotes, start=1):
        if q.speaker_is_named:
            speaker = f"**{_escape(q.speaker or '')}**"
        elif q.speaker_unresolved:
            speaker = f"*“{_escape(q.speaker or '')}”, not resolved*"
        else:
            # a description ("a Hamas official"): who it is, not a name, as the page says too
            speaker = f"{_escape(q.speaker)} *(not named)*" if q.speaker else "*speaker not named*"
        outlets = len(q.doc_indexes)
        wording = "" if outlets == 1 else (" · identical wording" if q.identical else " · wording differs")
        lines.append(
            f"{n}. “{_escape(q.text)}” — {speaker} · {outlets} outlet{'s' if outlets > 1 else ''} {_cite(q.doc_indexes)}{wording}  "
        )
        attributions = "; ".join(
            f"{_where(report, o.sentence)}" + (f" “{_escape(o.attribution)}”" if o.attribution else "")
            for o in q.occurrences
        )
        lines.append(f"   <sub>{attributions}</sub>")
    return lines + [""]


def _entities(report: Report) -> list[str]:
    if not report.entities:
        return _empty(SECTIONS["entities"]["empty"])
    lines: list[str] = []
    for kind in KINDS:
        entities = [e for e in report.entities if e.kind == kind]
        if not entities:
            continue
        lines += [f"### {SECTIONS['entities']['kinds'][kind]} ({len(entities)})", ""]
        lines += ["| name | spellings | mentions | outlets | per outlet |", "|---|---|---|---|---|"]
        for e in entities:
            spellings = ", ".join(f"{_escape(v)} ({n})" for v, n in e.variants.most_common())
            per = " ".join(f"[{d + 1}]×{n}" for d, n in sorted(e.per_document.items()))
            lines.append(f"| {_escape(e.name)} | {spellings} | {e.count} | {len(e.per_document)} | {per} |")
        lines.append("")
    return lines


def _families(report: Report) -> list[str]:
    """Which articles are one source: copies of one story, and rewrites of others."""
    families = report.families
    if families is None:
        return []
    n = len(report.documents)
    lines = [f"**{families.independent_count} independent sources** among {counted(n, 'article')}.", ""]
    for family in families.families:
        if len(family.members) < 2:
            continue
        members = ", ".join(f"[{d + 1}]" for d in family.members)
        if family.original is not None:
            how = "earliest published" if family.reason == "earliest" else "fullest text"
            lines.append(f"- {members} are copies of one story; the original is [{family.original + 1}] ({how}).")
        else:
            lines.append(f"- {members} are copies of one story; which is the original cannot be told.")
    for rewrite in families.rewrites.values():
        # The share of its runs of words (shingles) that others print: how a rewrite is told, not the share
        # of its words in the passages listed below, and so said otherwise.
        sources = ", ".join(f"[{d + 1}] {_percent(share)}" for d, share in sorted(rewrite.sources.items()))
        lines.append(
            f"- [{rewrite.doc_index + 1}] is a rewrite: {_percent(rewrite.share)} of its runs of words are other "
            f"articles' ({sources}); it counts as a source only of what they do not report."
        )
    return lines + [""]


def _reuse(report: Report) -> list[str]:
    lines = _families(report)
    if not report.passages:
        return lines + _empty(SECTIONS["reuse"]["empty"])
    for r in report.reuse:
        if not r.borrowed_words:
            continue
        doc = report.documents[r.doc_index]
        parts = []
        if r.sources:
            parts.append("took passages from " + ", ".join(f"[{d + 1}]" for d in r.sources))
        if r.shares_with:
            parts.append(
                "shares passages with " + ", ".join(f"[{d + 1}]" for d in r.shares_with) + " (direction unknown)"
            )
        stitched = " — stitched from several articles" if len(r.sources) + len(r.shares_with) > 1 else ""
        lines.append(
            # the count of borrowed words alone: the share's total counts the words of its sentences (no
            # dateline, dashes no word), which the coverage table's word count of the article does not
            f"### [{r.doc_index + 1}] {_escape(doc.label)}: {_percent(r.share)} of its words "
            f"({r.borrowed_words} words){stitched}"
        )
        lines += ["", "; ".join(parts) + ".", ""]
        for p in report.passages:
            if r.doc_index not in (p.copy.doc_index, p.source.doc_index):
                continue
            if p.direction_known and p.copy.doc_index != r.doc_index:
                continue
            mine, other = (p.copy, p.source) if p.copy.doc_index == r.doc_index else (p.source, p.copy)
            arrow = "←" if p.direction_known else "↔"
            where_mine = ",".join(f"s{report.sentence(i).position + 1}" for i in mine.sentences)
            where_other = ",".join(f"s{report.sentence(i).position + 1}" for i in other.sentences)
            kind = "quotation" if p.kind == "quotation" else "text"
            lines.append(
                f"- {where_mine} {arrow} [{other.doc_index + 1}] {where_other} ({kind}, {p.matched_words} words): "
                f"“{_escape(mine.text)}”"
            )
        lines.append("")
    return lines


def _coverage(report: Report) -> list[str]:
    lines = [
        "| article | words | sentences | facts | of all facts | of several-source facts | facts only it has |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in report.coverage:
        only = ", ".join(str(f) for f in c.exclusive_facts[:12]) + (" …" if len(c.exclusive_facts) > 12 else "")
        lines.append(
            f"| [{c.doc_index + 1}] {_escape(report.documents[c.doc_index].label)} | {c.words} | {c.sentences} | "
            f"{len(c.facts)} | {_percent(c.share)} | {c.shared_facts} ({_percent(c.shared_share)}) | "
            f"{len(c.exclusive_facts)}{': ' + only if only else ''} |"
        )
    return lines + [""]


def _in_time(docs: list[Document]) -> list[str]:
    """The articles in the order their pages say they were published (when two or more say)."""
    dated = [i for i in time_order([d.published for d in docs]) if docs[i].published]
    if len(dated) < 2:
        return []
    undated = [i for i in range(len(docs)) if not docs[i].published]
    order = ", ".join(f"[{i + 1}] {(docs[i].published or '')[:16].replace('T', ' ')}" for i in dated)
    rest = f"; undated: {', '.join(f'[{i + 1}]' for i in undated)}" if undated else ""
    return [_escape(f"In the order published: {order}{rest}."), ""]


# The viewer's sections but its timeline, which here is the line "In the order published" above them.
_SECTIONS = {
    "summary": _summary,
    "facts": _facts,
    "conflicts": _conflicts,
    "quotes": _quotes,
    "entities": _entities,
    "reuse": _reuse,
    "coverage": _coverage,
}


def render_report_markdown(report: Report) -> str:
    docs = report.documents
    lines = [
        f"# {REPORT_TITLE}",
        "",
        # The method in plain words, as the page's summary says it (its name is a researcher's word).
        f"{len(docs)} articles, {len(report.story.sentences)} sentences. Summary {chosen_by(report.summary.method)}; "
        f"names found by `{report.ner}`.",
        "",
    ]
    lines += [f"- {_escape(source_line(i + 1, d))}" for i, d in enumerate(docs)]
    lines.append("")
    lines += _in_time(docs)
    if report.warnings:
        lines += [f"> warning: {_escape(w)}" for w in report.warnings] + [""]
    for number, (key, section) in enumerate(_SECTIONS.items(), start=1):
        lead = SECTIONS[key].get("lead")
        lines += [f"## {number}. {SECTIONS[key]['title']}", ""] + ([lead, ""] if lead else []) + section(report)
    return "\n".join(lines).rstrip() + "\n"
