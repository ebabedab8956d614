"""Score claim alignment against the hand-judged set in benchmarks/claims/.

    python benchmarks/claims_score.py [--split dev|heldout|fresh|honest|blind|blind2|blind3|blind4|blind5|blind6|blind7|blind8|blind9|blind10|fresh-conflicts|new-conflicts|blind-conflicts|untuned-conflicts|last-conflicts|kept-conflicts|web-conflicts|aside-conflicts|aside2-conflicts|all] [--show] [--json FILE] [--conflicts-only]

Every claim of ``benchmarks/claims/*.jsonl`` (see ``benchmarks/claims/PROTOCOL.md``)
is checked against every article of its cluster with the engine that makes
chorus's citations (``chorus.align``), and the verdicts are compared with the
judged ones (articles judged ``unsure`` are left out):

- *states* precision and recall, *contradicts* precision and recall; *states*
  also over the other articles only (the claim's own article states it by
  construction); the verdicts as ``chorus check`` shows them: another value that the
  rule of updates calls an update (``chorus.align.updates``: a toll of another day) is the
  verdict ``updates``, not *contradicts*, counted by what it was judged
  (``counts.updates_judged_*``); *updates* precision and recall against the judged *updates* (the
  *contradicts* that session s16 rejudged by the rule, PROTOCOL.md "Updates and conflicts"); and
  "another value" (contradicts and updates together, judged and found), comparable with sessions
  before the rule;
- evidence: of the articles rightly found to state a claim, the share whose
  evidence sentence is one the judge named (the sentence that states it, not
  the nearest one);
- the share of summary sentences (claims marked ``"summary": true``, the
  sentences chorus's default summary picks) whose support, the set of
  articles stating them, is exactly the judged one;
- conflicts (``benchmarks/claims/conflicts.jsonl``): precision and recall of
  the story report's conflicts, one judged conflict matched by at most one
  reported entry; recall also over the judged conflicts between outlets only (those whose
  articles are of at least two outlets as chorus reads them). The counts the report lists as
  updated over the days (``Report.updates``: a toll that rose, PROTOCOL.md "Updates and
  conflicts") are not conflicts and are not scored as such; how many there are is printed.

``--show`` prints each wrong verdict (never for the held-out split unless
``--split heldout`` is asked for explicitly, which is done once, at the end).
The ``fresh`` split (third session) was judged on clusters chorus had not been
run on, after the rules of that session were written, and scored once. The
``honest`` split (fourth session) was judged the same way on four more clusters and
is never printed with ``--show`` unless asked for by name: it checks, it does not tune.
The ``blind-conflicts`` split (fifth session) is scored the same way: its
conflicts' errors are printed only when it is asked for by name. The ``blind`` claims
split (fifth session) likewise: judged after that session's rules, never printed.
The ``untuned-conflicts`` split (sixth session) was judged on thirteen DUC 2006 clusters no
other split holds, after the fifth session's rules, and scored once without ``--show``.
The ``last-conflicts`` split (seventh session) was judged on the fourteen DUC clusters no conflict split
held, from pairs ``benchmarks/conflict_candidates.py`` printed (nothing of chorus's conflict engine),
before chorus's report was run on them; never printed with ``--show`` unless asked for by name.
The ``kept-conflicts`` split (eighth session) was judged on the three DUC 2007 clusters whose conflicts no split
had judged exhaustively, by reading them in full before chorus's report was run on them; never printed either.
The ``web-conflicts`` split (ninth session) was judged on ten clusters of the saved news pages of
``../shared/data/web-pages`` (no DUC cluster was left that no conflict split held), by reading them in full
before chorus's report was run on them; never printed either.
The ``aside-conflicts`` split (session s13) is a kept-aside set: five DUC 2006 clusters whose earlier conflict
readings were partial (a grep for tolls and dates, or candidate pairs), read in full for every figure before that
session's change; it is left out of ``--split all`` and scored by name only, once before and once after the change.
The ``aside2-conflicts`` split (session s14) is a second kept-aside set of the same kind: three DUC 2006 clusters that
the ``last-conflicts`` judge read by candidate pairs only, read in full for figures before that session's change;
no disagreement between outlets was found, so it tests precision only (kept aside and scored by name, likewise).
The ``blind2`` claims split (seventh session) was judged on two DUC 2007 clusters no claim split
held, before that session's rules were written, and is never printed either; nor is ``blind3``
(eighth session: three more DUC 2007 clusters, judged before the engine was run on them), nor ``blind4``
(ninth session: three more DUC 2007 clusters, judged and committed before the engine was run on them), nor ``blind5``
(session s9: the three DUC 2007 clusters left that no claim split held, judged and committed before the engine was run
on them), nor ``blind6`` (session s12: two DUC 2006 clusters no claim split held, judged and committed before the
engine was run on them), nor ``blind7`` (session s13: two more such DUC 2006 clusters, judged and committed likewise; kept aside like
``aside-conflicts``: left out of ``--split all``, scored by name only), nor ``blind8`` (session s14: two more DUC 2006
clusters, judged and committed before the engine was run on them; kept aside likewise), nor ``blind9`` (session s15:
two more DUC 2006 clusters, judged and committed before the engine was run on them; kept aside likewise), nor ``blind10``
(session s16: one more DUC 2006 cluster, judged and committed before the engine was run on it; kept aside likewise).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from common import SHARED

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "benchmarks" / "claims"
DATA = SHARED / "data"
SOURCES = {
    "harbor-fire": ROOT / "examples" / "harbor-fire",
    "lavrov-hamas": SHARED / "examples" / "lavrov-hamas",
}
DATASETS = [DATA / "duc2006" / "clusters.jsonl", DATA / "duc2007-update" / "clusters.jsonl"]


WEB_CLUSTERS = CLAIMS / "web_clusters.json"  # clusters of saved pages of SHARED / data/web-pages, by page key


def load_web_cluster(keys: list[str]):
    """The saved pages ``keys`` of ``SHARED / data/web-pages/html`` read as chorus reads HTML files (each
    page's outlet, title and date from its markup), the document ids being the keys."""
    import gzip
    import tempfile

    from chorus.pipeline import load_documents

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for key in keys:
            path = Path(folder) / f"{key}.html"
            path.write_bytes(gzip.decompress((DATA / "web-pages" / "html" / f"{key}.html.gz").read_bytes()))
            paths.append(path)
        return load_documents(paths)


def load_cluster(name: str, warnings: list[str] | None = None):
    """The cluster's articles as chorus loads them; what ingest skips (a syndicate's sales note
    among DUC's articles, say) is left out, with its reason appended to ``warnings``."""
    from chorus.pipeline import load_documents

    if name in SOURCES:
        return load_documents([SOURCES[name]], warnings)
    if name.startswith("web-"):
        return load_web_cluster(json.loads(WEB_CLUSTERS.read_text(encoding="utf-8"))[name])
    for dataset in DATASETS:
        with open(dataset, encoding="utf-8") as f:
            for line in f:
                if f'"id": "{name}"' not in line[:200]:
                    continue
                record = json.loads(line)
                titles = record.get("doc_headlines") or [None] * len(record["documents"])
                docs = [
                    {"text": text, "id": doc_id, "title": title}
                    for text, doc_id, title in zip(record["documents"], record["doc_ids"], titles)
                ]
                return load_documents(docs, warnings)
    raise SystemExit(f"cluster {name} not found")


def norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def read_claims(split: str) -> list[dict]:
    claims = []
    for path in sorted(CLAIMS.glob("*.jsonl")):
        if path.name == "conflicts.jsonl":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if in_split(record, split):
                    claims.append(record)
    return claims


CONFLICT_SPLITS = (
    "blind-conflicts",
    "untuned-conflicts",
    "last-conflicts",
    "kept-conflicts",
    "web-conflicts",
    "aside-conflicts",
    "aside2-conflicts",
)  # conflicts judged blind: scored, not read while tuning
HIDDEN_SPLITS = (
    "heldout",
    "honest",
    "blind",
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
    *CONFLICT_SPLITS,
)  # scored, never printed unless asked for by name
KEPT_ASIDE = (
    "aside-conflicts",
    "aside2-conflicts",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
)  # judged before a session's change, scored once after: never in ``--split all``


def check_judged_claim(story, aligner, c: dict):
    """The engine's check of judged claim ``c``: the claim read from its own sentence in the story where
    the source article has it, else from its text (a claim worded for the set)."""
    ids = [d.id for d in story.documents]
    source = ids.index(c["source"]) if c["source"] in ids else None
    own = None
    if source is not None:
        own = next((s.index for s in story.sentences_of(source) if norm(s.text) == norm(c["text"])), None)
    claim = aligner.claim_of_sentence(own) if own is not None else aligner.claim_of_text(c["text"])
    return aligner.check(claim)


def in_split(record: dict, split: str) -> bool:
    """Whether a judged record belongs to ``split`` (``all``: every split but those kept aside)."""
    return (split == "all" and record.get("split") not in KEPT_ASIDE) or record.get("split", "dev") == split


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--split",
        default="dev",
        choices=["dev", "fresh", *HIDDEN_SPLITS, "fresh-conflicts", "new-conflicts", "all"],
    )
    parser.add_argument("--show", action="store_true", help="print each wrong verdict")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--no-conflicts", action="store_true")
    parser.add_argument(
        "--conflicts-only", action="store_true", help="score the report's conflicts only (no claim checks: faster)"
    )
    args = parser.parse_args()

    from chorus.align import CONTRADICTS, STATES, aligner_of

    try:
        from chorus.align.updates import UPDATES, updates_of
    except ImportError:  # a tree before the rule of updates (a "before" run): every other value contradicts
        UPDATES = "updates"

        def updates_of(result):
            return {}

    from chorus.pipeline import build_story

    claims = [] if args.conflicts_only else read_claims(args.split)
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        by_cluster[c["cluster"]].append(c)
    counts: dict[str, int] = defaultdict(int)
    unloaded: Counter[tuple[str, str]] = Counter()  # judgments of an article chorus did not load
    why_skipped: dict[str, list[str]] = {}
    stories = {}
    for cluster, cluster_claims in by_cluster.items():
        skipped: list[str] = []
        story = build_story(load_cluster(cluster, skipped))
        stories[cluster] = story
        why_skipped[cluster] = skipped
        aligner = aligner_of(story)
        ids = [d.id for d in story.documents]
        for c in cluster_claims:
            result = check_judged_claim(story, aligner, c)
            found = {ids[v.doc_index]: v for v in result.articles}
            # As ``chorus check`` shows it: another value the rule calls an update is no contradiction
            # (chorus.align.updates; PROTOCOL.md, "Updates and conflicts").
            updated = {ids[d] for d in updates_of(result)}
            judged_states, found_states, care = set(), set(), set()
            for doc, judged in c["articles"].items():
                if doc not in found:
                    unloaded[(cluster, doc)] += 1
                    continue
                verdict = found[doc]
                if judged.get("unsure"):
                    counts["unsure"] += 1
                    continue
                care.add(doc)
                counts["judged"] += 1
                want, got = judged["verdict"], UPDATES if doc in updated else verdict.verdict
                if got == UPDATES:
                    counts[f"updates_judged_{want}"] += 1  # what the articles chorus calls updates were judged
                # Another value at all (a dispute or an update): the engine's own verdict, as judged
                # (judged *updates*, rejudged from *contradicts* in session s16, are another value too).
                raw = verdict.verdict
                another = want in (CONTRADICTS, UPDATES)
                if another and raw == CONTRADICTS:
                    counts["another_value_tp"] += 1
                elif raw == CONTRADICTS:
                    counts["another_value_fp"] += 1
                elif another:
                    counts["another_value_fn"] += 1
                for label in (STATES, CONTRADICTS, UPDATES):
                    if want == label and got == label:
                        counts[f"{label}_tp"] += 1
                    elif got == label:
                        counts[f"{label}_fp"] += 1
                    elif want == label:
                        counts[f"{label}_fn"] += 1
                if doc != c["source"]:  # the claim's own article states it by construction
                    if want == got == STATES:
                        counts["others_states_tp"] += 1
                    elif got == STATES:
                        counts["others_states_fp"] += 1
                    elif want == STATES:
                        counts["others_states_fn"] += 1
                if want == STATES:
                    judged_states.add(doc)
                if got == STATES:
                    found_states.add(doc)
                if want == got == STATES and verdict.evidence is not None:
                    wanted = [norm(e) for e in judged.get("evidence", [])]
                    texts = [norm(story.sentences[i].text) for i in verdict.evidence.sentences]
                    right = not wanted or any(w and (w in t or t in w) for w in wanted for t in texts)
                    counts["evidence_right" if right else "evidence_wrong"] += 1
                if want != got and args.show and (c.get("split") not in HIDDEN_SPLITS or c["split"] == args.split):
                    evidence = (
                        " | ".join(story.sentences[i].text for i in verdict.evidence.sentences)
                        if verdict.evidence
                        else ""
                    )
                    print(
                        f"{c['id']} {doc}: judged {want}, found {got} ({verdict.evidence.score if verdict.evidence else '-'})"
                    )
                    print(f"    claim: {c['text']}")
                    if judged.get("evidence"):
                        print(f"    judged: {' | '.join(judged['evidence'])}")
                    if evidence:
                        print(f"    found:  {evidence}")
            if c.get("summary"):
                counts["summary"] += 1
                counts["summary_exact"] += int(judged_states == (found_states & care))
    for (cluster, doc), judgments in sorted(unloaded.items()):
        reasons = "; ".join(w for w in why_skipped[cluster] if doc in w) or "; ".join(why_skipped[cluster])
        print(
            f"{cluster}: {doc} is judged but chorus did not load it ({reasons or 'no reason given'}); "
            f"its {judgments} judgments are left out",
            file=sys.stderr,
        )
    figures = {
        "split": args.split,
        "claims": len(claims),
        "judgments": counts["judged"],
        "unsure_left_out": counts["unsure"],
        "unloaded_left_out": sum(unloaded.values()),
        "states_precision": ratio(counts["states_tp"], counts["states_tp"] + counts["states_fp"]),
        "states_recall": ratio(counts["states_tp"], counts["states_tp"] + counts["states_fn"]),
        "states_precision_other_articles": ratio(
            counts["others_states_tp"], counts["others_states_tp"] + counts["others_states_fp"]
        ),
        "states_recall_other_articles": ratio(
            counts["others_states_tp"], counts["others_states_tp"] + counts["others_states_fn"]
        ),
        "contradicts_precision": ratio(counts["contradicts_tp"], counts["contradicts_tp"] + counts["contradicts_fp"]),
        "contradicts_recall": ratio(counts["contradicts_tp"], counts["contradicts_tp"] + counts["contradicts_fn"]),
        # updates as judged (session s16's rejudging of the contradicts by the rule) against ``chorus check``'s
        "updates_precision": ratio(counts["updates_tp"], counts["updates_tp"] + counts["updates_fp"]),
        "updates_recall": ratio(counts["updates_tp"], counts["updates_tp"] + counts["updates_fn"]),
        # contradicts and updates together (the engine's verdict before the rule of updates)
        "another_value_precision": ratio(
            counts["another_value_tp"], counts["another_value_tp"] + counts["another_value_fp"]
        ),
        "another_value_recall": ratio(
            counts["another_value_tp"], counts["another_value_tp"] + counts["another_value_fn"]
        ),
        "evidence_right": ratio(counts["evidence_right"], counts["evidence_right"] + counts["evidence_wrong"]),
        "summary_sentences": counts["summary"],
        "summary_support_exact": ratio(counts["summary_exact"], counts["summary"]),
        "counts": dict(counts),
    }
    if not args.no_conflicts:
        figures.update(score_conflicts(stories, args))
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    return 0


_BELOW = re.compile(r"(?:nearly|almost|just under|fewer than|less than|under)\s", re.IGNORECASE)
_ABOVE = re.compile(r"(?:more than|over|in excess of|upwards of)\s", re.IGNORECASE)


def _sided_key(value: str) -> str:
    """The value's key with the side its hedge leaves the figure on ("nearly 300" is "<300", "more
    than 300" is ">300"), for a judged conflict whose values are one figure hedged both ways."""
    side = "<" if _BELOW.match(value.strip()) else ">" if _ABOVE.match(value.strip()) else ""
    return side + _value_key(value)


def _value_key(value: str) -> str:
    """A value's figure as printed, hedges aside ("Twelve" and "12", "more than 1,500" and "1,500",
    "nearly 100" and "100" alike), else its words."""
    from chorus.align.values import DATE, value_numbers

    date = DATE.fullmatch(value.strip())
    if date:
        return f"{date.group('month')[:3].lower()} {int(date.group('day'))}"  # "July 19, 1999" is "July 19"
    clock = re.fullmatch(r"(\d{1,2})(?::(\d\d))?\s*(?:[ap]\.?\s?m\.?)?", value.strip(), re.IGNORECASE)
    if clock and (clock.group(2) or not clock.group(0).isdigit()):
        return f"time {int(clock.group(1)) % 12}:{clock.group(2) or '00'}"  # "3:02 a.m." is "3:02"
    found = value_numbers(value)
    if found:
        n = found[0]
        words = re.findall(r"[\d.,]+|\w+", n.text.lower())
        figure = next((w for w in words if w[0].isdigit()), None)
        if figure is not None:
            return f"{float(figure.replace(',', '')) * n.scale:g}"
        return f"{n.low if n.low == n.high else n.high:g}"
    digits = re.sub(r"[^\d.]", "", value)
    return digits or norm(value)


def judged_hits(report, ids: list[str], mine: list[tuple[int, dict]], matched: set[int]) -> list[tuple]:
    """Each reported conflict with the judged conflict of ``mine`` it matches (its number), or None:
    two of its values, each given by one of the judged articles, one judged conflict matched once
    (``matched`` grows)."""
    out = []
    for conflict in report.conflicts:
        hit = None
        for k, j in mine:
            key = _value_key if len({_value_key(v) for v in j["values"]}) == len(j["values"]) else _sided_key
            found: dict[str, set[str]] = {}
            for v in conflict.values:
                found.setdefault(key(v.value), set()).update(ids[d] for d in v.doc_indexes)
            want = {key(v): set(docs) for v, docs in j["values"].items()}
            common = [v for v in found if v in want and (found[v] & want[v] or not found[v])]
            if len(common) >= 2 and k not in matched:
                hit = k
                matched.add(k)
                break
        out.append((conflict, hit))
    return out


def score_conflicts(stories: dict, args) -> dict:
    """Precision and recall of the report's conflicts on the judged clusters of this split."""
    from chorus.analysis.report import build_report

    path = CLAIMS / "conflicts.jsonl"
    if not path.exists():
        return {}
    judged = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    judged = [j for j in judged if in_split(j, args.split)]
    clusters = sorted({j["cluster"] for j in judged} | {c for c in stories if c in {j["cluster"] for j in judged}})
    tp = fp = updates = 0
    matched: set[int] = set()
    outlets_of: dict[int, set] = {}
    judged_total = sum(1 for j in judged if j.get("values"))
    hidden = {j["cluster"] for j in judged if j.get("split") in HIDDEN_SPLITS and j.get("split") != args.split}
    for cluster in clusters:
        from chorus.pipeline import build_story

        show = args.show and cluster not in hidden

        story = stories.get(cluster) or build_story(load_cluster(cluster))
        report = build_report(story)
        ids = [d.id for d in story.documents]
        mine = [(k, j) for k, j in enumerate(judged) if j["cluster"] == cluster and j.get("values")]
        outlet = {d.id: d.outlet for d in story.documents}
        for k, j in mine:
            outlets_of[k] = {outlet.get(d) for docs in j["values"].values() for d in docs}
        updates += len(getattr(report, "updates", []))  # (an engine before session s15 listed them as conflicts)
        for conflict, hit in judged_hits(report, ids, mine, matched):
            if hit is None:
                fp += 1
                if show:
                    print(
                        f"conflict FP {cluster}: {conflict.kind} {conflict.describe()} | {report.sentence(report.fact_by_id(conflict.fact).centre).text[:90]}"
                    )
            else:
                tp += 1
        if show:
            for k, j in mine:
                if k not in matched:
                    print(f"conflict FN {cluster}: {j['values']} ({j.get('about', '')})")
    # A judged conflict whose articles are all of one outlet, as chorus reads the outlets (one agency's
    # own articles; the NYT service's articles that name no member paper), is that outlet's own update
    # or slip: chorus reports conflicts between outlets only, so recall is also given over the others.
    between = [k for k in outlets_of if len(outlets_of[k]) > 1]
    return {
        "conflicts_judged": judged_total,
        "conflicts_found": tp + fp,
        "conflict_precision": ratio(tp, tp + fp),
        "conflict_recall": ratio(len(matched), judged_total),
        "conflicts_between_outlets": len(between),
        "conflict_recall_between_outlets": ratio(len(matched & set(between)), len(between)),
        "updates_reported": updates,
    }


if __name__ == "__main__":
    raise SystemExit(main())
