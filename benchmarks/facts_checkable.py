"""Is each fact the report lists a checkable claim of the story? (hand-judged, session s14)

``benchmarks/facts/checkable_judged.jsonl`` holds facts that the report listed on main before the
session's rules (a fixed random sample of a mixed 100-article pile, and every fact of the Lavrov
example), each judged by reading: ``claim`` true when the sentence asserts something of the story a
reader could check against another outlet (who did what, when, where, how many), false for a
rhetorical opener, a transition, a question, a teaser, a sentence whose only content is its
attribution or a reaction without content. Protocol: ``benchmarks/facts/README.md``.

This script recomputes each case's report with the current tree and prints, per part (``dev``,
``kept``: kept aside, judged before any rule, scored once at the end):

- the share of real claims among the judged facts the report lists (the list's precision);
- the share of the real claims it still lists (nothing real dropped);

::

    nice python benchmarks/facts_checkable.py                  # score the current tree
    nice python benchmarks/facts_checkable.py --dump pile      # list a case's facts to judge (JSON lines)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

from chorus.analysis.report import Report, build_report
from chorus.pipeline import read_story
from common import SHARED, read_clusters

HERE = Path(__file__).resolve().parent / "facts"
JUDGED = HERE / "checkable_judged.jsonl"
LAVROV = SHARED / "examples" / "lavrov-hamas"
# The mixed pile: three DUC 2006 topics whole, the first 20 articles of a fourth, and the Lavrov example.
PILE_TOPICS = ("D0601A", "D0602B", "D0603C")
PILE_PARTIAL = ("D0604D", 20)
SAMPLE = 60  # facts of the pile judged (its 2,872 sentences make fewer facts: paraphrases merge)
KEPT_SHARE = 1 / 3  # of each case's judged facts, kept aside (fixed by the seed)
SEED = 14


def documents(case: str) -> list[Any]:
    lavrov = sorted(LAVROV.glob("*.txt"))
    if case == "lavrov":
        return list(lavrov)
    docs: list[Any] = []
    for c in read_clusters(SHARED / "data" / "duc2006" / "clusters.jsonl"):
        if c.id in PILE_TOPICS:
            docs += c.documents
        elif c.id == PILE_PARTIAL[0]:
            docs += c.documents[: PILE_PARTIAL[1]]
    return docs + list(lavrov)


def report_of(case: str) -> Report:
    return build_report(read_story(documents(case)))


def listed(report: Report) -> dict[tuple[str, int], str]:
    """``{(document id, sentence position): text}`` of every fact's centre the report lists."""
    out = {}
    for fact in report.facts:
        s = report.sentence(fact.centre)
        out[report.documents[s.doc_index].id, s.position] = s.text
    return out


def dump(case: str) -> None:
    facts = sorted(listed(report_of(case)).items())
    if case == "pile":
        facts = random.Random(SEED).sample(facts, SAMPLE)
    order = list(range(len(facts)))
    random.Random(SEED + 1).shuffle(order)
    kept = set(order[: round(len(facts) * KEPT_SHARE)])
    for n, ((doc, position), text) in enumerate(facts):
        part = "kept" if n in kept else "dev"
        print(json.dumps({"case": case, "part": part, "doc": doc, "position": position, "text": text}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dump", choices=("pile", "lavrov"))
    parser.add_argument("--part", action="append", help="score only these parts (dev, kept)")
    parser.add_argument("--errors", action="store_true", help="list the non-claims still listed, the claims dropped")
    args = parser.parse_args(argv)
    if args.dump:
        dump(args.dump)
        return 0
    judged = [json.loads(line) for line in JUDGED.open(encoding="utf-8") if line.strip()]
    parts = set(args.part or ("dev", "kept"))
    counts: dict[str, dict[str, int]] = {}
    errors = []
    for case in sorted({j["case"] for j in judged}):
        now = listed(report_of(case))
        for j in judged:
            if j["case"] != case or j["part"] not in parts:
                continue
            c = counts.setdefault(j["part"], {"judged": 0, "claims": 0, "listed": 0, "listed_claims": 0})
            is_listed = (j["doc"], j["position"]) in now
            c["judged"] += 1
            c["claims"] += j["claim"]
            c["listed"] += is_listed
            c["listed_claims"] += is_listed and j["claim"]
            if is_listed != j["claim"]:
                errors.append((case, j["part"], "listed" if is_listed else "dropped", j["text"]))
    print("| part | judged | real claims | listed | real among listed | real claims still listed |")
    print("|---|---|---|---|---|---|")
    for part, c in sorted(counts.items()):
        share = c["listed_claims"] / max(1, c["listed"])
        kept = c["listed_claims"] / max(1, c["claims"])
        print(
            f"| {part} | {c['judged']} | {c['claims']} | {c['listed']} | **{share:.2f}** "
            f"({c['listed_claims']}/{c['listed']}) | {kept:.2f} ({c['listed_claims']}/{c['claims']}) |"
        )
    if args.errors:
        for e in errors:
            print("\t".join(map(str, e)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
