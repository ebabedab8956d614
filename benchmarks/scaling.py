"""How chorus's time and memory grow with the number of articles in a cluster.

    python benchmarks/scaling.py --sizes 10,30,100,300,1000 --json /tmp/bench/scaling.json

Clusters of 10 to 1,000 articles are synthesized by pooling the articles of
every DUC 2006 cluster (1,250) and drawing them in one seeded random order:
a cluster of n articles is the first n of that order, so each size contains
the smaller ones, and the big clusters mix many topics (a hard case: little
redundancy to exploit). Each size and method runs in a fresh process pinned
to one core, capped at ``--max-memory-gb`` of address space so that a
method that would need more fails with a MemoryError instead of exhausting
the machine. A run summarizes a 10-article warm-up cluster (untimed), then
the cluster ``--repeats`` times, end to end as ``chorus summarize`` does.
Reported: the median time; resident memory when ready (imports, data,
warm-up), at the peak, and the difference (working memory); and the growth
exponent, the least-squares slope of log(time) (or working memory) against
log(articles), over every size and between the two largest: 1 is linear,
2 quadratic.
"""

from __future__ import annotations

import argparse
import math
import random
import resource
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chorus.ingest.read import Cluster, RawDocument
from chorus.select import DEFAULT_METHOD, METHODS
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

DUC2006 = Path("../shared/data/duc2006/clusters.jsonl")
WARM_UP_ARTICLES = 10


def pooled_articles(dataset: str | Path, seed: int) -> list[RawDocument]:
    """Every article of the dataset, in one seeded random order."""
    articles = [doc for cluster in read_clusters(dataset) for doc in cluster.documents]
    random.Random(seed).shuffle(articles)
    return articles


def measure(spec: dict[str, Any]) -> dict[str, Any]:
    """In the worker: time one method on one synthesized cluster."""
    pin_to_one_core(spec["cpu"])
    limit = int(spec["max_memory_gb"] * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    articles = pooled_articles(spec["dataset"], spec["seed"])
    size = spec["articles"]
    if size > len(articles):
        raise SystemExit(f"the pool holds only {len(articles)} articles")
    run = chorus_runner(spec["method"], spec["words"])
    run(Cluster(id="warm-up", documents=articles[-WARM_UP_ARTICLES:]))
    ready_mb = peak_rss_mb()
    cluster = Cluster(id=f"pool-{size}", documents=articles[:size])
    seconds = [timed(lambda: run(cluster)) for _ in range(spec["repeats"])]
    return {
        "words": sum(len(doc.text.split()) for doc in cluster.documents),
        "seconds": seconds,
        "median_seconds": statistics.median(seconds),
        "ready_rss_mb": ready_mb,
        "peak_rss_mb": peak_rss_mb(),
    }


def growth_exponent(sizes: Sequence[float], values: Sequence[float]) -> float | None:
    """Slope of log(value) against log(size), least squares; None under two usable points."""
    points = [(math.log(s), math.log(v)) for s, v in zip(sizes, values) if s > 0 and v > 0]
    if len(points) < 2:
        return None
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else None


def render(results: dict[str, dict[int, dict[str, Any]]]) -> str:
    header = ["method", "articles", "words", "median s", "ready RSS MB", "peak RSS MB", "working MB"]
    rows = []
    for method, by_size in results.items():
        for size, r in by_size.items():
            if "error" in r:
                rows.append([method_label(method), str(size), "", "failed: " + r["error"], "", "", ""])
            else:
                rows.append(
                    [
                        method_label(method),
                        str(size),
                        f"{r['words']:,}",
                        f"{r['median_seconds']:.2f}",
                        f"{r['ready_rss_mb']:.0f}",
                        f"{r['peak_rss_mb']:.0f}",
                        f"{r['peak_rss_mb'] - r['ready_rss_mb']:.0f}",
                    ]
                )
    return markdown_table(header, rows)


def growth(sizes: Sequence[int], values: Sequence[float]) -> dict[str, Any]:
    """The growth exponent over every size, and between the two largest (where it matters)."""
    usable = [(size, value) for size, value in zip(sizes, values) if value > 0]
    largest = usable[-2:]
    return {
        "overall": growth_exponent(*zip(*usable)) if usable else None,
        "largest": growth_exponent(*zip(*largest)) if len(largest) == 2 else None,
        "largest_sizes": [size for size, _ in largest],
    }


def growth_by_method(results: dict[str, dict[int, dict[str, Any]]]) -> dict[str, dict[str, dict[str, Any]]]:
    out = {}
    for method, by_size in results.items():
        ok = {size: r for size, r in sorted(by_size.items()) if "error" not in r}
        out[method] = {
            "time": growth(list(ok), [r["median_seconds"] for r in ok.values()]),
            "working_memory": growth(list(ok), [r["peak_rss_mb"] - r["ready_rss_mb"] for r in ok.values()]),
        }
    return out


def describe_growth(label: str, exponents: dict[str, dict[str, Any]]) -> str:
    def power(fit: dict[str, Any]) -> str:
        if fit["overall"] is None:
            return "unknown (too few sizes ran)"
        small, large = fit["largest_sizes"]
        return f"n^{fit['overall']:.2f} overall, n^{fit['largest']:.2f} from {small} to {large} articles"

    return f"{label}: time grows as {power(exponents['time'])}; working memory as {power(exponents['working_memory'])}"


def parse_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if serve_as_worker(argv, measure):
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DUC2006, help="clusters whose articles are pooled")
    parser.add_argument("--sizes", type=lambda v: [int(s) for s in parse_list(v)], default=[10, 30, 100, 300, 1000])
    parser.add_argument(
        "--methods",
        type=parse_list,
        default=[DEFAULT_METHOD],
        help=f"comma-separated chorus methods (default {DEFAULT_METHOD}); from: {', '.join(METHODS)}",
    )
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per size (default 3)")
    parser.add_argument("--words", type=int, default=250, help="summary budget in words (default 250)")
    parser.add_argument("--seed", type=int, default=2006)
    parser.add_argument("--cpu", type=int, default=default_cpu(), help="core to pin to (default: the last)")
    parser.add_argument("--max-memory-gb", type=float, default=8.0, help="address-space cap per run (default 8)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds allowed per run (default 1800)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    unknown = [m for m in args.methods if m not in METHODS]
    if unknown:
        parser.error(f"unknown method {', '.join(unknown)}; choose from {', '.join(METHODS)}")
    if not args.sizes or min(args.sizes) < 1 or args.repeats < 1 or args.words < 1:
        parser.error("--sizes, --repeats and --words must be at least 1")

    results: dict[str, dict[int, dict[str, Any]]] = {}
    for method in args.methods:
        results[method] = {}
        for size in args.sizes:
            print(f"measuring {method} on {size} articles ...", file=sys.stderr, flush=True)
            spec = {
                "method": method,
                "articles": size,
                "dataset": str(args.dataset),
                "seed": args.seed,
                "repeats": args.repeats,
                "words": args.words,
                "cpu": args.cpu,
                "max_memory_gb": args.max_memory_gb,
            }
            results[method][size] = run_worker(__file__, spec, timeout=args.timeout)
    info = machine()
    exponents = growth_by_method(results)
    print(
        f"{args.dataset} articles pooled (seed {args.seed}), {args.words} words, median of {args.repeats}, "
        f"one core; {describe_machine(info)}\n"
    )
    print(render(results))
    for method, values in exponents.items():
        print(describe_growth(method_label(method), values))
    write_json(args.json, args, info, results=results, growth_exponents=exponents)
    return 0


if __name__ == "__main__":
    sys.exit(main())
