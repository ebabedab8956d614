"""Every conflict the story report finds on a dataset, with both sentences, to judge by hand.

    python benchmarks/report_conflicts.py --clusters ../shared/data/duc2006/clusters.jsonl [--limit N]

Conflicts must be precise (issue 5): a reported disagreement that is really
two events, two things counted, or one value written two ways misleads the
reader. There is no gold standard of conflicts for most of DUC (the
hand-judged clusters are in ``benchmarks/claims/conflicts.jsonl``, scored by
``claims_score.py``), so this prints each one (cluster, kind, every value with
its articles, the sentence of each article) for a person to mark real or
false, and counts them by kind. DUC 2006's clusters gather months of
coverage of a topic, so like sentences about different events abound: a
hard test of precision.
"""

from __future__ import annotations

import argparse
from collections import Counter

from common import SHARED, read_clusters

DEFAULT_CLUSTERS = SHARED / "data" / "duc2006" / "clusters.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", default=str(DEFAULT_CLUSTERS))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()

    from chorus.analysis.report import build_report
    from chorus.pipeline import build_story, load_documents

    kinds: Counter[str] = Counter()
    clusters = 0
    for cluster in read_clusters(args.clusters, args.limit):
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
