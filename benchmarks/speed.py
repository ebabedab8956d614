"""Clusters per second and peak memory: every chorus method and sumy's LexRank, LSA, TextRank.

    python benchmarks/speed.py --clusters ../shared/data/duc2006/clusters.jsonl \
        --limit 10 --repeats 3 --words 250 --json /tmp/bench/speed.json

Each system runs in its own fresh process pinned to one core, with numerical
libraries held to one thread. A process reads the clusters, summarizes the
first three articles of the first one untimed (lazy imports, models), then
every cluster ``--repeats`` times. A cluster's time is end to end on text already read
from the file: ingest, segment, represent, select and compose for chorus
(no query); tokenize and summarize for sumy (see sumy_peers.py). Reported:
the median over repeats of each cluster's seconds, then the median over
clusters; clusters per second over the whole set; how many times faster
than the fastest sumy system; resident memory (``ru_maxrss``) when ready
to summarize (imports, data, warm-up) and at its peak.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from common import (
    chorus_runner,
    default_cpu,
    describe_machine,
    machine,
    markdown_table,
    method_label,
    peak_rss_mb,
    pin_to_one_core,
    read_clusters,
    run_worker,
    serve_as_worker,
    timed,
    write_json,
)

from chorus.ingest.read import Cluster
from chorus.select import METHODS

WARM_UP_ARTICLES = 3
SUMY_SYSTEMS = ("sumy-lexrank", "sumy-lsa", "sumy-textrank")  # sumy_peers.SYSTEMS, without importing sumy here


def all_systems() -> list[str]:
    return [*METHODS, *SUMY_SYSTEMS]


def label(system: str) -> str:
    return system if system in SUMY_SYSTEMS else method_label(system)


def runner(system: str, words: int) -> Callable[[Cluster], object]:
    if system in SUMY_SYSTEMS:
        from sumy_peers import articles_of, make_summarizer, summarize

        summarizer = make_summarizer(system)
        return lambda cluster: summarize(summarizer, articles_of(cluster), words)
    return chorus_runner(system, words)


def measure(spec: dict[str, Any]) -> dict[str, Any]:
    """In the worker: time one system on the clusters."""
    pin_to_one_core(spec["cpu"])
    clusters = list(read_clusters(spec["clusters"], spec["limit"]))
    run = runner(spec["system"], spec["words"])
    run(Cluster(id="warm-up", documents=clusters[0].documents[:WARM_UP_ARTICLES]))
    ready_mb = peak_rss_mb()
    seconds = [[timed(lambda: run(cluster)) for cluster in clusters] for _ in range(spec["repeats"])]
    return {"ids": [c.id for c in clusters], "seconds": seconds, "ready_rss_mb": ready_mb, "peak_rss_mb": peak_rss_mb()}


def summarize_timings(result: dict[str, Any]) -> dict[str, float]:
    per_cluster = [statistics.median(times) for times in zip(*result["seconds"])]
    return {
        "median_seconds": statistics.median(per_cluster),
        "clusters_per_second": len(per_cluster) / sum(per_cluster),
    }


def render(results: dict[str, dict[str, Any]]) -> str:
    sumy_rates = [r["clusters_per_second"] for s, r in results.items() if s in SUMY_SYSTEMS and "error" not in r]
    fastest_sumy = max(sumy_rates, default=None)
    header = ["system", "median s/cluster", "clusters/s", "× fastest sumy", "ready RSS MB", "peak RSS MB"]
    rows = []
    ranked = sorted(results.items(), key=lambda item: -item[1].get("clusters_per_second", 0.0))
    for system, r in ranked:
        if "error" in r:
            rows.append([label(system), "failed: " + r["error"], "", "", "", ""])
            continue
        ratio = f"{r['clusters_per_second'] / fastest_sumy:.1f}" if fastest_sumy else "-"
        rows.append([
            label(system), f"{r['median_seconds']:.3f}", f"{r['clusters_per_second']:.2f}", ratio,
            f"{r['ready_rss_mb']:.0f}", f"{r['peak_rss_mb']:.0f}",
        ])
    return markdown_table(header, rows)


def parse_systems(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    unknown = [n for n in names if n not in all_systems()]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown {', '.join(unknown) or 'system'}; choose from {', '.join(all_systems())}")
    return names


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if serve_as_worker(argv, measure):
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clusters", type=Path, default=Path("../shared/data/duc2006/clusters.jsonl"))
    parser.add_argument("--limit", type=int, default=10, help="first N clusters (default 10)")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over the clusters (default 3)")
    parser.add_argument("--words", type=int, default=250, help="summary budget in words (default 250)")
    parser.add_argument("--systems", type=parse_systems, default=all_systems(),
                        help=f"comma-separated subset of: {', '.join(all_systems())}")
    parser.add_argument("--cpu", type=int, default=default_cpu(), help="core to pin to (default: the last)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if args.limit < 1 or args.repeats < 1 or args.words < 1:
        parser.error("--limit, --repeats and --words must be at least 1")

    results: dict[str, dict[str, Any]] = {}
    for system in args.systems:
        print(f"measuring {label(system)} ...", file=sys.stderr, flush=True)
        spec = {"system": system, "clusters": str(args.clusters), "limit": args.limit,
                "repeats": args.repeats, "words": args.words, "cpu": args.cpu}
        result = run_worker(__file__, spec)
        results[system] = result if "error" in result else {**result, **summarize_timings(result)}
    info = machine()
    print(f"{args.clusters}, first {args.limit} clusters, {args.words} words, {args.repeats} repeats, "
          f"one core; {describe_machine(info)}\n")
    print(render(results), end="")
    write_json(args.json, args, info, results=results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
