"""The judged conflicts between outlets that the story report misses, each with why every stage let it go.

    python benchmarks/conflict_misses.py [--split all|dev|heldout|...] [--json FILE]

For every judged conflict of ``benchmarks/claims/conflicts.jsonl`` (the split's) whose articles are of
two outlets or more and that no reported conflict matches (``claims_score.judged_hits``), each pair of
its values given by two articles of two outlets (and two source families) is traced through the
stages that could report it, on the sentences of the two articles that print the values:

- *sentence*: claim alignment's verdict on the second article for the first sentence as a claim
  (``Aligner.check``), and whether that sentence is a fact's centre (disputes are read from the
  centres' checks only);
- *role*: each figure's mention (``Roles.why_unmentioned`` says why a figure is none), and for two
  mentions, whether their values can both hold (``values.disjoint``) and which test of
  ``Roles.refusal`` keeps them out of one role;
- the pair's *class*, the furthest stage it reaches, and the conflict's class, the furthest its pairs
  reach (printed, and counted at the end): ``not found in the text`` (no sentence of the article
  prints the value as judged), ``copies`` (one source family), ``values allowed`` (hedges or
  rounding let the two figures both hold), ``no mention: WHY`` (a figure the role path never
  compares), ``role refused: WHY``, ``role dispute dropped`` (the role path pairs them and a later
  step, a set-aside rule, the merging or the support, drops it), ``one claim, dropped`` (claim
  alignment finds the dispute and the report does not list it), ``not a figure`` (names, places;
  dates, years and hours are traced as text only).

Every split has been read while tuning (BENCHMARKS.md): this is a tool for reading the misses,
not a measure.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from claims_score import CLAIMS, _value_key, in_split, judged_hits, load_cluster

ORDER = [
    "not found in the text",
    "not a figure",
    "copies",
    "values allowed",
    "no mention",
    "role refused",
    "role dispute dropped",
    "one claim, dropped",
]


def _stage(klass: str) -> int:
    return ORDER.index(klass.split(":")[0])


def value_sentences(story, aligner, doc: int, value: str, kind: str) -> list[tuple[int, object]]:
    """The sentences of article ``doc`` that print ``value`` (with the figure that does, for numbers)."""
    from chorus.align.values import numbers_in, value_numbers

    want = _value_key(value)
    units = {n.unit for n in value_numbers(value)} - {None}  # "40 second" is no "40 minutes"
    out = []
    for s in story.sentences_of(doc):
        if kind in ("number", "money", "age"):
            for n in aligner.numbers_of(s.index) + numbers_in(s.text):
                if _value_key(n.text) == want and (not units or n.unit in units):
                    out.append((s.index, n))
                    break
        elif kind in MOMENT_KINDS:
            for m in moments_of.get(s.index, []):
                if m.kind == MOMENT_KINDS[kind] and _same_moment_text(m.text, value):
                    out.append((s.index, m))
                    break
            else:
                if value.lower() in s.text.lower():
                    out.append((s.index, None))
        elif value.lower() in s.text.lower():
            out.append((s.index, None))
    return out


MOMENT_KINDS = {"date": "date", "time": "time", "weekday": "weekday"}
moments_of: dict[int, list] = {}  # sentence -> its moments (``Moments.moments``), for the cluster being traced


def _same_moment_text(printed: str, value: str) -> bool:
    return (
        _value_key(printed) == _value_key(value) or printed.lower() in value.lower() or value.lower() in printed.lower()
    )


def trace_pair(story, aligner, roles, moments, centres, families, a, b, kind) -> dict:
    """Why one pair of sentences giving two values of a judged conflict is not reported."""
    from chorus.align import CONTRADICTS
    from chorus.align.values import disjoint

    (sa, na), (sb, nb) = a, b
    da, db = story.sentences[sa].doc_index, story.sentences[sb].doc_index
    out: dict = {"sentences": [story.sentences[sa].text, story.sentences[sb].text]}
    check = aligner.check(aligner.claim_of_sentence(sa), docs=[db])
    verdict = check.articles[0]
    out["sentence"] = {
        "verdict": verdict.verdict,
        "evidence": list(verdict.evidence.sentences) if verdict.evidence else [],
        "differences": [(d.kind, d.claim, d.article) for d in verdict.evidence.differences] if verdict.evidence else [],
        "centre": sa in centres,
        "other_centre": sb in centres,
    }
    if families.family_of(da) == families.family_of(db):
        out["class"] = "copies"
        return out
    if kind not in ("number", "money", "age", "date", "time", "weekday"):
        out["class"] = "not a figure"
        return out
    one_claim = verdict.verdict == CONTRADICTS and sb in verdict.evidence.sentences
    if na is None or nb is None:
        out["class"] = "one claim, dropped" if one_claim else "not a figure"
        return out
    if kind in MOMENT_KINDS:
        if not moments.apart(na, nb):
            out["class"] = "values allowed"
        else:
            refusal = moments.refusal(na, nb)
            out["role"] = {"refusal": refusal}
            out["class"] = f"role refused: {refusal}" if refusal else "role dispute dropped"
        if one_claim and _stage("one claim, dropped") > _stage(out["class"]):
            out["class"] = "one claim, dropped"
        return out
    if not disjoint(na, nb):
        out["class"] = "values allowed"
        return out
    mentions = {(m.sentence, m.number.start): m for m in roles.mentions}
    ma, mb = mentions.get((sa, na.start)), mentions.get((sb, nb.start))
    why = [
        None if m else (roles.why_unmentioned(s, n) or "not the role path's figure")
        for m, s, n in ((ma, sa, na), (mb, sb, nb))
    ]
    out["role"] = {"unmentioned": why}
    if ma is not None and mb is not None:
        refusal = roles.refusal(ma, mb)
        out["role"]["refusal"] = refusal
        out["class"] = f"role refused: {refusal}" if refusal else "role dispute dropped"
    else:
        out["class"] = "no mention: " + " / ".join(sorted({w for w in why if w}))
    if one_claim and _stage("one claim, dropped") > _stage(out["class"]):
        out["class"] = "one claim, dropped"
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="all")
    parser.add_argument("--json", help="write every traced miss here")
    parser.add_argument("--cluster", help="only this cluster")
    args = parser.parse_args()

    from chorus.align import aligner_of
    from chorus.align.roles import Moments, Roles
    from chorus.analysis.report import build_report
    from chorus.pipeline import build_story

    judged = [
        json.loads(line)
        for line in (CLAIMS / "conflicts.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    judged = [j for j in judged if j.get("values") and in_split(j, args.split)]
    if args.cluster:
        judged = [j for j in judged if j["cluster"] == args.cluster]
    classes: Counter[str] = Counter()
    misses = []
    for cluster in sorted({j["cluster"] for j in judged}):
        story = build_story(load_cluster(cluster))
        report = build_report(story)
        aligner = aligner_of(story)
        roles = Roles(aligner)
        moments = Moments(roles)
        moments_of.clear()
        for m in moments.moments:
            moments_of.setdefault(m.sentence, []).append(m)
        families = aligner.families
        ids = [d.id for d in story.documents]
        centres = {f.centre for f in report.facts}
        mine = [(k, j) for k, j in enumerate(judged) if j["cluster"] == cluster]
        matched: set[int] = set()
        judged_hits(report, ids, mine, matched)
        for k, j in mine:
            docs_of = {v: [ids.index(d) for d in docs if d in ids] for v, docs in j["values"].items()}
            outlets = {story.documents[d].outlet for docs in docs_of.values() for d in docs}
            if k in matched or len(outlets) < 2:
                continue
            kind = j.get("kind", "number")
            given = {v: {d: value_sentences(story, aligner, d, v, kind) for d in docs} for v, docs in docs_of.items()}
            pairs = []
            values = list(given)
            for x, vx in enumerate(values):
                for vy in values[x + 1 :]:
                    for dx, sx in given[vx].items():
                        for dy, sy in given[vy].items():
                            if story.documents[dx].outlet == story.documents[dy].outlet is not None:
                                continue
                            if not sx or not sy:
                                pairs.append(
                                    {"values": [vx, vy], "docs": [ids[dx], ids[dy]], "class": "not found in the text"}
                                )
                                continue
                            for a in sx[:2]:
                                for b in sy[:2]:
                                    traced = trace_pair(story, aligner, roles, moments, centres, families, a, b, kind)
                                    pairs.append({"values": [vx, vy], "docs": [ids[dx], ids[dy]], **traced})
            best = max(pairs, key=lambda p: _stage(p["class"]), default={"class": "not found in the text"})
            classes[best["class"]] += 1
            misses.append(
                {
                    "cluster": cluster,
                    "split": j.get("split", "dev"),
                    "about": j.get("about", ""),
                    "kind": kind,
                    "values": j["values"],
                    "class": best["class"],
                    "best": best,
                    "pairs": len(pairs),
                }
            )
            print(f"== {cluster} ({j.get('split', 'dev')}) {kind}: {j.get('about', '')}")
            print(f"   judged {j['values']}")
            print(f"   class: {best['class']}   ({len(pairs)} pairs traced)")
            if "sentences" in best:
                print(f"   {best['docs'][0]} [{best['values'][0]}]: {best['sentences'][0][:220]}")
                print(f"   {best['docs'][1]} [{best['values'][1]}]: {best['sentences'][1][:220]}")
                print(f"   sentence: {best['sentence']}")
                if "role" in best:
                    print(f"   role: {best['role']}")
    print()
    print(f"{len(misses)} missed conflicts between outlets, by the furthest stage a pair of their values reaches:")
    by_stage: Counter[str] = Counter()
    for klass, n in classes.most_common():
        by_stage[klass.split(":")[0]] += n
        print(f"  {n:3d}  {klass}")
    print("by stage:", dict(by_stage.most_common()))
    if args.json:
        Path(args.json).write_text(json.dumps({"classes": dict(classes), "misses": misses}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
