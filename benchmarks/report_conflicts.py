"""Every conflict the story report finds on a dataset, with both sentences, to judge by hand.

    python benchmarks/report_conflicts.py --clusters ../shared/data/duc2006/clusters.jsonl [--limit N] [--blind]

Conflicts must be precise (issue 5): a reported disagreement that is really
two events, two things counted, or one value written two ways misleads the
reader. There is no gold standard of conflicts for most of DUC (the
hand-judged clusters are in ``benchmarks/claims/conflicts.jsonl``, scored by
``claims_score.py``), so this prints each one (cluster, kind, every value with
its articles, the sentence of each article) for a person to mark real or
false, and counts them by kind. DUC 2006's clusters gather months of
coverage of a topic, so like sentences about different events abound: a
hard test of precision.

The clusters of the blind conflict splits (``"split": "blind-conflicts"`` or
``"untuned-conflicts"``, ``"last-conflicts"``, ``"kept-conflicts"``, ``"web-conflicts"`` or ``"aside-conflicts"`` in ``benchmarks/claims/conflicts.jsonl``) are left out unless ``--blind`` is
given: their conflicts are scored by ``claims_score.py`` and never read while
the rules are tuned.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from claims_score import CONFLICT_SPLITS
from common import SHARED, read_clusters

DEFAULT_CLUSTERS = SHARED / "data" / "duc2006" / "clusters.jsonl"
JUDGED = Path(__file__).resolve().parent / "claims" / "conflicts.jsonl"


def blind_clusters() -> set[str]:
    """The clusters whose conflicts are judged blind: scored, not read while tuning."""
    records = (json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip())
    return {r["cluster"] for r in records if r.get("split") in CONFLICT_SPLITS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", default=str(DEFAULT_CLUSTERS))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--blind", action="store_true", help="also print the blind split's clusters")
    args = parser.parse_args()
    skip = set() if args.blind else blind_clusters()

    from chorus.analysis.report import build_report
    from chorus.pipeline import build_story, load_documents

    kinds: Counter[str] = Counter()
    clusters = 0
    for cluster in read_clusters(args.clusters, args.limit):
        if cluster.id in skip:
            continue
        clusters += 1
        report = build_report(build_story(load_documents(cluster.documents)))
        for c in report.conflicts:
            kinds[c.kind] += 1
            print(f"{cluster.id} {c.kind} (fact {c.fact}): {c.describe()}")
            for v in c.values:
                for i in v.sentences:
                    s = report.story.sentences[i]
                    print(f"    {v.value} [{s.doc_index + 1}] {s.text}")
    total = sum(kinds.values())
    by_kind = ", ".join(f"{k} {n}" for k, n in kinds.most_common()) or "none"
    print(f"\n{clusters} clusters, {total} conflicts ({by_kind})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
