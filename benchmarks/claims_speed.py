"""CPU seconds of claim alignment: citing a summary, checking a claim, the report's facts, on one core.

    nice python benchmarks/claims_speed.py --clusters ../shared/data/duc2006/clusters.jsonl \
        --limit 10 [--json /tmp/bench/claims_speed.json]

Pinned to one core with numerical libraries held to one thread. For each
cluster (25 articles in DUC 2006), CPU time (``time.process_time``, so
that other work on a shared machine weighs little):

- ``summarize``: ``chorus.summarize`` end to end on the articles' text
  (ingest, segment, represent, the default method, compose with its
  citations), 250 words;
- ``cite``: of that, the citations alone: claim alignment of the chosen
  sentences against every article, and the source families;
- ``check``: ``chorus.check`` of one claim end to end (ingest included),
  the median over five claims, the first sentence of five articles;
- ``report``: ``chorus.report`` end to end.

Targets (issue 15): summarize under 0.5 s, check under 1 s, report under 5 s
for a 25-article cluster.
"""

from __future__ import annotations

import os

from common import SINGLE_THREAD

os.environ.update(SINGLE_THREAD)

import argparse  # noqa: E402
import statistics  # noqa: E402
from pathlib import Path  # noqa: E402

from common import (  # noqa: E402
    SHARED,
    cpu_timed,
    default_cpu,
    describe_machine,
    machine,
    markdown_table,
    pin_to_one_core,
    read_clusters,
    write_json,
)

DEFAULT_CLUSTERS = SHARED / "data" / "duc2006" / "clusters.jsonl"


def measure(cluster, words: int) -> dict[str, float]:
    import chorus
    from chorus.align import aligner_of
    from chorus.compose import cite
    from chorus.pipeline import build_story, load_documents
    from chorus.select import get_method
    from chorus.types import Budget

    texts = list(cluster.documents)
    _, summarize_s = cpu_timed(chorus.summarize, texts, words=words)
    story = build_story(load_documents(texts))
    chosen = get_method(None)(story, Budget(words))
    story.alignment = None

    def citations() -> None:
        aligner_of(story).families  # noqa: B018  (part of citing: the independent-source counts)
        for i in chosen:
            cite(story, story.sentences[i])

    _, cite_s = cpu_timed(citations)
    claims = [s.text for s in story.sentences if s.position == 0][:5]
    check_s = statistics.median(cpu_timed(chorus.check, claim, texts)[1] for claim in claims)
    _, report_s = cpu_timed(chorus.report, texts, words=words)
    return {"summarize": summarize_s, "cite": cite_s, "check": check_s, "report": report_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clusters", default=str(DEFAULT_CLUSTERS))
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--cpu", type=int, default=default_cpu())
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pin_to_one_core(args.cpu)

    import chorus

    clusters = list(read_clusters(args.clusters, args.limit))
    chorus.report(list(clusters[0].documents)[:3])  # imports and caches, untimed
    rows, results = [], []
    for cluster in clusters:
        result = measure(cluster, args.words)
        results.append({"id": cluster.id, "articles": len(cluster.documents), **result})
        rows.append(
            [
                cluster.id,
                str(len(cluster.documents)),
                *(f"{result[k]:.3f}" for k in ("summarize", "cite", "check", "report")),
            ]
        )
    columns = ("summarize", "cite", "check", "report")
    medians = {k: statistics.median(r[k] for r in results) for k in columns}
    worst = {k: max(r[k] for r in results) for k in columns}
    rows.append(["median", "", *(f"{medians[k]:.3f}" for k in columns)])
    rows.append(["worst", "", *(f"{worst[k]:.3f}" for k in columns)])
    print(describe_machine(machine()))
    print(f"{args.clusters}, first {len(clusters)} clusters, {args.words} words; CPU seconds on one core\n")
    print(markdown_table(["cluster", "articles", "summarize s", "of it cite s", "check s", "report s"], rows))
    write_json(args.json, args, machine(), clusters=results, median=medians, worst=worst)


if __name__ == "__main__":
    main()
