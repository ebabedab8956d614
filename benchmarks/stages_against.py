"""CPU time of the reading stages (ingest, segment, represent) on DUC clusters, against an earlier commit.

    nice python benchmarks/stages_against.py --base 4ae92df --clusters ../shared/data/duc2006/clusters.jsonl \\
        --articles 10 --limit 50 --repeats 6

Each repeat runs one fresh process with the current ``src/`` and one with
``--base``'s (read from git, as ``ingest_startup.py`` does), in turn, the
order alternating; each process is pinned to one core, reads the clusters,
reads three articles untimed (lazy imports), then times
``pipeline.load_documents``, ``segment.segment`` and ``represent.represent``
over every cluster with ``time.process_time``. Reported: the median over
repeats of the mean CPU ms per cluster, stage by stage. The selection stage
is left out: its integer program's time swamps the rest, and
``speed.py`` and ``select_steps.py`` measure it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import default_cpu, describe_machine, machine, markdown_table, write_json  # noqa: E402
from ingest_startup import ROOT, export_src  # noqa: E402

STAGES = ("ingest", "segment", "represent")
WARM_UP_ARTICLES = 3
CHILD = """
import json, os, sys, time
os.sched_setaffinity(0, {{{cpu}}})
from chorus.pipeline import load_documents
from chorus.represent import represent
from chorus.segment import segment
clusters = []
with open({path!r}, encoding="utf-8") as lines:
    for line, _ in zip(lines, range({limit})):
        clusters.append(json.loads(line)["documents"][:{articles}])
load_documents(clusters[0][:{warm}], [])
clock = time.process_time
totals = dict.fromkeys({stages!r}, 0.0)
for documents in clusters:
    start = clock()
    read = load_documents(documents, [])
    split = clock()
    story = segment(read, None)
    segmented = clock()
    represent(story)
    totals["ingest"] += split - start
    totals["segment"] += segmented - split
    totals["represent"] += clock() - segmented
print(json.dumps({{stage: 1000 * seconds / len(clusters) for stage, seconds in totals.items()}}))
"""


def stage_times(code: str, src: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="main", help="the earlier commit (default %(default)s)")
    parser.add_argument("--clusters", type=Path, default=ROOT / ".." / "shared" / "data" / "duc2006" / "clusters.jsonl")
    parser.add_argument("--articles", type=int, default=10, help="first articles of each cluster (default 10)")
    parser.add_argument("--limit", type=int, default=50, help="clusters (default 50)")
    parser.add_argument("--repeats", type=int, default=6)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    code = CHILD.format(
        cpu=default_cpu(),
        path=str(args.clusters.resolve()),
        limit=args.limit,
        articles=args.articles,
        warm=WARM_UP_ARTICLES,
        stages=STAGES,
    )
    with tempfile.TemporaryDirectory() as folder:
        trees = {"base": export_src(args.base, Path(folder)), "now": ROOT / "src"}
        runs: dict[str, list[dict[str, float]]] = {tree: [] for tree in trees}
        for repeat in range(args.repeats):
            order = list(trees) if repeat % 2 == 0 else list(trees)[::-1]
            for tree in order:
                runs[tree].append(stage_times(code, trees[tree]))
    medians = {tree: {s: statistics.median(r[s] for r in done) for s in STAGES} for tree, done in runs.items()}
    rows = [[s, f"{medians['base'][s]:.2f}", f"{medians['now'][s]:.2f}"] for s in STAGES]
    rows.append(["all three", *(f"{sum(medians[t].values()):.2f}" for t in ("base", "now"))])
    print(markdown_table(["stage", f"CPU ms a cluster at {args.base}", "CPU ms a cluster now"], rows))
    print(f"{args.limit} clusters of {args.articles} articles; median of {args.repeats} processes each, alternating")
    info = machine()
    print(describe_machine(info))
    write_json(args.json, args, info, cpu_ms=medians, runs=runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
