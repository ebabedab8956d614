"""Are the summaries the same? Summarize DUC clusters as ``chorus evaluate`` does and diff with a record.

A speed change must leave every summary as it was. This writes each
cluster's whole summary record (sentences, citations, ids, warnings: what
``chorus batch`` writes) for the settings of the quality tables, and the
whole story report (JSON) of the first ``--reports`` DUC 2006 clusters and
of the two canonical examples; with ``--against`` it compares them with a
record written before the change::

    nice python benchmarks/summaries_same.py --json /tmp/bench/same-before.json          # on the old tree
    nice python benchmarks/summaries_same.py --json /tmp/bench/same-after.json \\
        --against /tmp/bench/same-before.json                                            # on the new one

It exits 1 if any summary differs and names the clusters. ``--move-memory SEED`` allocates (and
frees some of) a random pile of objects before each cluster, so that everything the run makes lies
at other addresses: the output must not change (it depends on the input only), and a record made so
compares with one made without.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

import chorus
from chorus.batch import BatchOptions, summarize_cluster
from chorus.render.report_json import report_to_dict
from common import read_clusters

SHARED = Path(os.environ.get("CHORUS_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
QUERY_FIELDS = ("topic_title", "topic_narrative")
# (name, dataset under the shared data folder, words, query fields): the quality tables' settings.
SETTINGS = (
    ("duc2006-250-query", "duc2006/clusters.jsonl", 250, QUERY_FIELDS),
    ("duc2006-250", "duc2006/clusters.jsonl", 250, ()),
    ("duc2007-100-query", "duc2007-update/clusters.jsonl", 100, QUERY_FIELDS),
    ("duc2007-100", "duc2007-update/clusters.jsonl", 100, ()),
)


class MemoryMover:
    """Before each cluster, allocates a random pile of objects and frees a random part of the pile
    (none with seed 0): the run's objects then lie at other addresses than in a run without it."""

    def __init__(self, seed: int) -> None:
        self.seed, self.random = seed, random.Random(seed)
        self.pile: list[object] = []

    def __call__(self) -> None:
        if not self.seed:
            return
        r = self.random
        for _ in range(r.randrange(400)):
            kind = r.randrange(3)
            self.pile.append(
                bytearray(r.randrange(1, 500))
                if kind == 0
                else [None] * r.randrange(9)
                if kind == 1
                else str(r.random())
            )
        for _ in range(r.randrange(100)):
            if self.pile:
                self.pile.pop(r.randrange(len(self.pile)))


def summaries(
    method: str | None, limit: int | None, only: set[str] | None, move: MemoryMover | None = None
) -> dict[str, dict[str, Any]]:
    """``{setting: {cluster id: summary record}}``."""
    out: dict[str, dict[str, Any]] = {}
    for name, dataset, words, fields in SETTINGS:
        if only and name not in only:
            continue
        options = BatchOptions(words=words, method=method, query_fields=fields)
        start = time.process_time()
        records = {}
        for c in read_clusters(SHARED / "data" / dataset, limit):
            if move:
                move()
            records[c.id] = summarize_cluster(c, options)
        out[name] = records
        print(f"{name}: {len(records)} clusters, {time.process_time() - start:.1f} CPU s", file=sys.stderr)
    return out


EXAMPLES = (SHARED / "examples" / "lavrov-hamas", Path(chorus.__file__).parent / "examples" / "harbor-fire")


def reports(limit: int, move: MemoryMover | None = None) -> dict[str, Any]:
    """``{name: story report as JSON data}``: DUC 2006's first ``limit`` clusters and the examples."""
    start = time.process_time()
    out = {}
    for c in read_clusters(SHARED / "data" / SETTINGS[0][1], limit):
        if move:
            move()
        out[c.id] = report_to_dict(chorus.report(c.documents))
    for folder in EXAMPLES:
        if move:
            move()
        out[folder.name] = report_to_dict(chorus.report([folder]))
    # Timings and the like would differ between runs; the report carries none (checked by comparing two runs).
    print(f"reports: {len(out)}, {time.process_time() - start:.1f} CPU s", file=sys.stderr)
    return {"reports": out}


def differences(now: dict[str, dict[str, Any]], before: dict[str, dict[str, Any]]) -> list[str]:
    found = []
    for name, records in now.items():
        old = before.get(name)
        if old is None:
            found.append(f"{name}: not in the record compared with")
            continue
        for cluster_id in sorted(set(records) | set(old)):
            if records.get(cluster_id) != old.get(cluster_id):
                found.append(f"{name}: {cluster_id} differs")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", required=True, help="where to write the summaries")
    parser.add_argument("--against", help="a record written before the change: exit 1 if any summary differs")
    parser.add_argument("--method", help="selection method (default: chorus's default)")
    parser.add_argument("--limit", type=int, help="only the first N clusters of each set")
    parser.add_argument(
        "--reports", type=int, default=10, help="story reports of the first N DUC 2006 clusters (default 10)"
    )
    parser.add_argument(
        "--settings", help="comma-separated names among " + ", ".join(s[0] for s in SETTINGS) + ", reports"
    )
    parser.add_argument(
        "--move-memory",
        type=int,
        default=0,
        metavar="SEED",
        help="allocate a random pile of objects before each cluster (default 0: none)",
    )
    args = parser.parse_args()
    only = set(args.settings.split(",")) if args.settings else None
    move = MemoryMover(args.move_memory)
    now = summaries(args.method, args.limit, only, move)
    if not only or "reports" in only:
        now.update(reports(args.reports, move))
    Path(args.json).write_text(json.dumps(now, indent=1, sort_keys=True), encoding="utf-8")
    if not args.against:
        return 0
    found = differences(now, json.loads(Path(args.against).read_text(encoding="utf-8")))
    total = sum(len(r) for r in now.values())
    print(f"{total - len(found)} of {total} summaries the same", file=sys.stderr)
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
