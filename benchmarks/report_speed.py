"""CPU seconds to produce the story report of DUC 2006 clusters (25 articles each), on one core.

    nice python benchmarks/report_speed.py --clusters ../shared/data/duc2006/clusters.jsonl \
        --limit 5 --repeats 3 [--ner rules|spacy] [--json /tmp/bench/report.json]

Pinned to one core with numerical libraries held to one thread (set before
numpy loads). The first cluster's first three articles are reported once
untimed (imports, models). Each cluster is then reported ``--repeats``
times end to end on text already read from the file: ingest (cleaning),
segment, represent, the summary, every analysis, and the Markdown
rendering, in CPU seconds of this process (``time.process_time``: the
machine is shared, and the other jobs' load must not count). Printed: each cluster's words and median CPU seconds with a
per-stage split, then the median and the worst cluster. The target is
under 5 CPU seconds for a 25-article cluster.
"""

from __future__ import annotations

import os

from common import SINGLE_THREAD

os.environ.update(SINGLE_THREAD)

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from common import (  # noqa: E402
    SHARED,
    default_cpu,
    describe_machine,
    machine,
    markdown_table,
    pin_to_one_core,
    read_clusters,
    write_json,
)

TARGET_SECONDS = 5.0
DEFAULT_CLUSTERS = SHARED / "data" / "duc2006" / "clusters.jsonl"


def report_once(cluster, ner: str) -> dict[str, float]:
    from chorus.analysis.report import build_report
    from chorus.pipeline import build_story, load_documents
    from chorus.render import render_report

    stages: dict[str, float] = {}
    start = time.process_time()
    warnings: list[str] = []
    docs = load_documents(cluster.documents, warnings)
    stages["ingest"] = time.process_time() - start
    story = build_story(docs, None, warnings)
    stages["segment+represent"] = time.process_time() - start - sum(stages.values())
    report = build_report(story, ner=ner)
    stages["report"] = time.process_time() - start - sum(stages.values())
    render_report(report, "markdown")
    stages["render"] = time.process_time() - start - sum(stages.values())
    stages["total"] = time.process_time() - start
    return stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clusters", default=str(DEFAULT_CLUSTERS))
    parser.add_argument("--limit", type=int, default=5, help="clusters to measure (default 5)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--ner", default="rules", choices=("rules", "spacy"))
    parser.add_argument("--cpu", type=int, default=default_cpu())
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pin_to_one_core(args.cpu)
    clusters = list(read_clusters(args.clusters, args.limit))
    first = clusters[0]
    warm = type(first)(id=first.id, documents=first.documents[:3])
    report_once(warm, args.ner)
    rows, results = [], []
    for cluster in clusters:
        runs = [report_once(cluster, args.ner) for _ in range(args.repeats)]
        median = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        words = sum(len(getattr(d, "text", d if isinstance(d, str) else "").split()) for d in cluster.documents)
        results.append({"id": cluster.id, "articles": len(cluster.documents), "words": words, **median})
        rows.append(
            [cluster.id, str(len(cluster.documents)), str(words)]
            + [f"{median[k]:.2f}" for k in ("ingest", "segment+represent", "report", "render", "total")]
        )
    totals = [r["total"] for r in results]
    print(describe_machine(machine()))
    print(f"NER: {args.ner}; one core; CPU seconds, median of {args.repeats} runs per cluster\n")
    print(
        markdown_table(
            ["cluster", "articles", "words", "ingest", "segment+represent", "report", "render", "total CPU s"], rows
        )
    )
    verdict = "under" if max(totals) < TARGET_SECONDS else "OVER"
    print(
        f"\nmedian {statistics.median(totals):.2f} CPU s, worst {max(totals):.2f} CPU s: {verdict} the {TARGET_SECONDS:.0f} s target"
    )
    write_json(args.json, args, machine(), clusters=results)


if __name__ == "__main__":
    main()
