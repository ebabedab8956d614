"""The story report as one self-contained HTML page (no network).

The sections come first, the articles side by side below them, as on the
summary page; hovering or focusing a fact, quote, conflict or reused
passage highlights the sentences of the articles it comes from.
"""

from __future__ import annotations

from html import escape

from chorus.analysis.entities import KINDS
from chorus.analysis.report import Report
from chorus.render.html import PAGE_STYLE, _sources_block, sentence_anchor

REPORT_STYLE = """
section.part{background:#fff;border:1px solid #ddd;border-radius:8px;padding:.6rem 1.2rem;margin:0 0 1rem;max-width:75rem}
section.part h2{font-size:1.15rem;margin:.4rem 0 .6rem}
section.part h3{font-size:1rem;margin:.8rem 0 .4rem}
[data-support]{cursor:pointer;border-radius:3px}
[data-support]:hover,[data-support]:focus,[data-support].active{background:#fff3b0;outline:none}
.tag{display:inline-block;font-size:.75rem;padding:0 .4em;border-radius:3px;background:#e8eefc;color:#0b57d0;margin-right:.3em}
.tag.one{background:#f3e8e8;color:#8a1c1c}
.who{font-weight:600}
.muted{color:#666;font-size:.85rem}
table{border-collapse:collapse;font-size:.9rem}
td,th{border-bottom:1px solid #eee;padding:.2rem .6rem;text-align:left;vertical-align:top}
ol,ul{padding-left:1.4rem}
li{margin:.25rem 0}
"""

REPORT_SCRIPT = """
document.querySelectorAll('[data-support]').forEach(function (el) {
  function mark(on) {
    el.classList.toggle('active', on);
    el.dataset.support.split(' ').forEach(function (id) {
      var t = document.getElementById(id);
      if (t) { t.classList.toggle('hit', on); if (on && el.dataset.scroll) t.scrollIntoView({block: 'nearest'}); }
    });
  }
  el.setAttribute('tabindex', '0');
  el.addEventListener('mouseenter', function () { mark(true); });
  el.addEventListener('mouseleave', function () { mark(false); });
  el.addEventListener('focus', function () { el.dataset.scroll = '1'; mark(true); });
  el.addEventListener('blur', function () { delete el.dataset.scroll; mark(false); });
});
"""


def _anchors(report: Report, sentences) -> str:
    return " ".join(sentence_anchor(report.sentence(i).doc_index, report.sentence(i).position) for i in sentences)


def _cite(docs) -> str:
    return "[" + ", ".join(str(d + 1) for d in docs) + "]"


def _summary(report: Report) -> str:
    parts = []
    for s in report.summary.sentences:
        ids = " ".join(sentence_anchor(c.doc_index, c.position) for c in s.support)
        parts.append(f'<span data-support="{ids}">{escape(s.text)} <sup>{_cite(s.doc_indexes)}</sup></span>')
    return f'<section class="part"><h2>1. Summary</h2><p>{" ".join(parts)}</p></section>'


_SHOWN_CONFLICTS = 3  # noted under a fact


def _values(conflict) -> str:
    return " · ".join(f"<b>{escape(v.value)}</b> {_cite(list(v.doc_indexes))}" for v in conflict.values)


def _facts(report: Report) -> str:
    def item(f) -> str:
        if f.independent < f.support:
            count = f"{f.support} articles, {f.independent} independent"
        else:
            count = f"{f.support} outlet{'s' if f.support > 1 else ''}"
        tag = f'<span class="tag{"" if not f.single_source else " one"}">{count} {_cite(f.doc_indexes)}</span>'
        found = report.conflicts_of(f)
        disputes = "; ".join(f"{escape(c.kind)}: {_values(c)}" for c in found[:_SHOWN_CONFLICTS])
        more = " …" if len(found) > _SHOWN_CONFLICTS else ""
        note = f'<br><span class="muted">disputed {disputes}{more}</span>' if disputes else ""
        text = escape(report.sentence(f.centre).text)
        return f'<li value="{f.id}" data-support="{_anchors(report, f.sentences)}">{tag}{text}{note}</li>'

    shared = "".join(item(f) for f in report.shared_facts) or "<li>none</li>"
    single = "".join(item(f) for f in report.single_outlet_facts) or "<li>none</li>"
    return (
        '<section class="part"><h2>2. Facts and their support</h2>'
        f"<h3>Reported by several independent sources ({len(report.shared_facts)})</h3><ol>{shared}</ol>"
        f"<h3>Reported by one source only ({len(report.single_outlet_facts)})</h3><ol>{single}</ol></section>"
    )


def _conflicts(report: Report) -> str:
    if not report.conflicts:
        body = "<p>No outlet gives a fact with another number, date, day, year or rank.</p>"
    else:
        items = []
        for c in report.conflicts:
            lines = "<br>".join(
                f"[{report.sentence(i).doc_index + 1}] {escape(report.sentence(i).text)}" for v in c.values for i in v.sentences
            )
            items.append(
                f'<li data-support="{_anchors(report, c.sentences)}"><span class="tag">{escape(c.kind)}</span>'
                f'{_values(c)}<br><span class="muted">{lines}</span></li>'
            )
        body = f"<ul>{''.join(items)}</ul>"
    return f'<section class="part"><h2>3. Conflicts</h2>{body}</section>'


def _quotes(report: Report) -> str:
    items = []
    for q in report.quotes:
        who = f'<span class="who">{escape(q.speaker)}</span>' if q.speaker else '<span class="muted">speaker not named</span>'
        n = len(q.doc_indexes)
        wording = "" if n == 1 else ("identical wording" if q.identical else "wording differs")
        items.append(
            f'<li data-support="{_anchors(report, [o.sentence for o in q.occurrences])}">“{escape(q.text)}” — {who} '
            f'<span class="tag">{n} outlet{"s" if n > 1 else ""} {_cite(q.doc_indexes)}</span>'
            f'<span class="muted">{wording}</span></li>'
        )
    body = f"<ol>{''.join(items)}</ol>" if items else "<p>No direct quotation.</p>"
    return f'<section class="part"><h2>4. Quotes</h2>{body}</section>'


def _entities(report: Report) -> str:
    headings = {"person": "People", "place": "Places", "organization": "Organizations", "other": "Other names"}
    parts = []
    for kind in KINDS:
        rows = [
            f'<tr data-support="{_anchors(report, sorted({m.sentence for m in e.mentions}))}"><td>{escape(e.name)}</td>'
            f"<td>{escape(', '.join(f'{v} ({c})' for v, c in e.variants.most_common()))}</td><td>{e.count}</td>"
            f"<td>{' '.join(f'[{d + 1}]×{c}' for d, c in sorted(e.per_document.items()))}</td></tr>"
            for e in report.entities
            if e.kind == kind
        ]
        if rows:
            parts.append(
                f"<h3>{headings[kind]} ({len(rows)})</h3><table><tr><th>name</th><th>spellings</th>"
                f"<th>mentions</th><th>per outlet</th></tr>{''.join(rows)}</table>"
            )
    return f'<section class="part"><h2>5. People, places, organizations</h2>{"".join(parts)}</section>'


def _families(report: Report) -> str:
    families = report.families
    if families is None:
        return ""
    items = []
    for family in families.families:
        if len(family.members) > 1:
            original = (
                f"; the original is [{family.original + 1}] ({'earliest published' if family.reason == 'earliest' else 'fullest text'})"
                if family.original is not None else ""
            )
            items.append(f"<li>{_cite(family.members)} are copies of one story{original}</li>")
    for r in families.rewrites.values():
        sources = ", ".join(f"[{d + 1}] ({round(100 * x)}%)" for d, x in sorted(r.sources.items()))
        items.append(f"<li>[{r.doc_index + 1}] is a rewrite: {round(100 * r.share)}% of it is other articles' text, from {sources}</li>")
    listing = f"<ul>{''.join(items)}</ul>" if items else ""
    return f"<p><b>{families.independent_count} independent sources</b> among {len(report.documents)} articles.</p>{listing}"


def _reuse(report: Report) -> str:
    items = []
    for p in report.passages:
        arrow = "took from" if p.direction_known else "shares with"
        items.append(
            f'<li data-support="{_anchors(report, p.copy.sentences + p.source.sentences)}">'
            f'<span class="tag">{escape(p.kind)}, {p.matched_words} words</span>'
            f"[{p.copy.doc_index + 1}] {arrow} [{p.source.doc_index + 1}]: “{escape(p.copy.text)}”</li>"
        )
    shares = "".join(
        f"<li>[{r.doc_index + 1}] {escape(report.documents[r.doc_index].label)}: {round(100 * r.share)}% of its words</li>"
        for r in report.reuse
        if r.borrowed_words
    )
    body = f"<ul>{shares}</ul><ul>{''.join(items)}</ul>" if items else "<p>No reused passage.</p>"
    body = _families(report) + body
    return f'<section class="part"><h2>6. Text reuse</h2>{body}</section>'


def _coverage(report: Report) -> str:
    rows = "".join(
        f"<tr><td>[{c.doc_index + 1}] {escape(report.documents[c.doc_index].label)}</td><td>{c.words}</td>"
        f"<td>{c.sentences}</td><td>{len(c.facts)} ({round(100 * c.share)}%)</td>"
        f"<td>{c.shared_facts} ({round(100 * c.shared_share)}%)</td><td>{len(c.exclusive_facts)}</td></tr>"
        for c in report.coverage
    )
    return (
        '<section class="part"><h2>7. Coverage</h2><table><tr><th>article</th><th>words</th><th>sentences</th>'
        f"<th>facts</th><th>several-outlet facts</th><th>only it</th></tr>{rows}</table></section>"
    )


def render_report_html(report: Report) -> str:
    warnings = "".join(f"<p>{escape(w)}</p>" for w in report.warnings)
    sections = "".join(f(report) for f in (_summary, _facts, _conflicts, _quotes, _entities, _reuse, _coverage))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Story report</title><style>{PAGE_STYLE}{REPORT_STYLE}</style></head>
<body><main>
<h1>Story report</h1>
<p class="muted">{len(report.documents)} articles &middot; summary method {escape(report.summary.method)} &middot; names by {escape(report.ner)}</p>
<div class="warnings">{warnings}</div>
{sections}
<section class="sources">{_sources_block(report.summary)}</section>
</main><script>{REPORT_SCRIPT}</script></body></html>
"""
