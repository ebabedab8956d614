"""Do one-source facts that another independent outlet states get merged into that outlet's fact?

The hand-judged set (``benchmarks/facts/``, protocol in its README) lists
every one-source fact of the report before the change (main at ``a83cf17``)
for the two canonical examples and a sample of two small DUC 2007 clusters,
each judged by reading: does another independent article state its main
claim? This script rebuilds the reports with the installed chorus and scores
the merges: a judged fact is *merged* when its sentence now belongs to a fact
of several independent sources. Precision: merged facts judged "states
elsewhere"; recall: of those judged so, the share merged::

    nice python benchmarks/fact_merges.py                    # score (one-source counts and merges)
    nice python benchmarks/fact_merges.py --dump facts.jsonl  # list the one-source facts to judge

The DUC clusters were not looked at while making the merge rule (held out);
their figures are printed apart.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import chorus
from common import SHARED, read_clusters

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "benchmarks" / "facts" / "one_source_judged.jsonl"
DUC_CLUSTERS = ("D0703A-C", "D0706B-C")  # DUC 2007 update clusters of seven articles
DUC_SAMPLE = 15  # one-source facts judged per DUC cluster (a fixed random sample)
HELD_OUT = frozenset(DUC_CLUSTERS)


def cases() -> dict[str, list]:
    found: dict[str, list] = {
        "lavrov-hamas": [SHARED / "examples" / "lavrov-hamas"],
        "harbor-fire": [ROOT / "examples" / "harbor-fire"],
    }
    for cluster in read_clusters(SHARED / "data" / "duc2007-update" / "clusters.jsonl"):
        if cluster.id in DUC_CLUSTERS:
            found[cluster.id] = cluster.documents
    return found


def one_source(report) -> list[dict]:
    out = []
    for fact in report.single_outlet_facts:
        s = report.sentence(fact.centre)
        out.append({"doc": s.doc_index, "position": s.position, "text": s.text})
    return out


def dump(path: Path) -> None:
    with path.open("w") as out:
        for case, documents in cases().items():
            facts = one_source(chorus.report(documents))
            if case in HELD_OUT:
                facts = sorted(
                    random.Random(case).sample(facts, min(DUC_SAMPLE, len(facts))),
                    key=lambda f: (f["doc"], f["position"]),
                )
            for fact in facts:
                out.write(json.dumps({"case": case, **fact}) + "\n")


def score() -> None:
    judged = [json.loads(line) for line in JUDGED.read_text().splitlines() if line.strip()]
    reports = {case: chorus.report(documents) for case, documents in cases().items()}
    for part, wanted in (
        ("dev (examples)", lambda c: c not in HELD_OUT),
        ("held out (DUC 2007)", lambda c: c in HELD_OUT),
    ):
        rows = [j for j in judged if wanted(j["case"])]
        merged = right = elsewhere = 0
        for j in rows:
            report = reports[j["case"]]
            s = next(s for s in report.story.sentences if s.doc_index == j["doc"] and s.position == j["position"])
            assert s.text == j["text"], f"{j['case']} [{j['doc'] + 1}] s{j['position'] + 1} is not the judged sentence"
            fact = report.fact_with(s.index)
            now_merged = fact is not None and not fact.single_source
            merged += now_merged
            elsewhere += j["states_elsewhere"]
            right += now_merged and j["states_elsewhere"]
        precision = f"{right / merged:.2f}" if merged else "n/a"
        recall = f"{right / elsewhere:.2f}" if elsewhere else "n/a"
        print(
            f"{part}: {len(rows)} judged one-source facts, {elsewhere} stated by another independent outlet; "
            f"merged {merged}, right {right}: precision {precision}, recall {recall}"
        )
    for case, report in reports.items():
        print(f"{case}: {len(report.single_outlet_facts)} one-source facts of {len(report.facts)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="write the one-source facts to judge here")
    settings = parser.parse_args()
    if settings.dump:
        dump(settings.dump)
    else:
        score()


if __name__ == "__main__":
    main()
