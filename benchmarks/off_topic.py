"""Does chorus warn of an article that is about another story, and never of one that is not?

Each DUC cluster is a story's articles. Real: the 80 clusters as they are
(DUC 2006's 50, DUC 2007 update's 30 sets). Mixed: each cluster with one
article of another topic added (``--intruders`` of them, one at a time,
drawn at random from the other topics; for DUC 2007 never from the same
topic's other sets, which are the same story told later). Each article's
similarity with the rest of its story is ``represent.similarity_to_the_others``;
the warning (``pipeline.off_topic_articles``) fires under ``OFF_TOPIC_SHARE`` of
the story's median similarity (``--absolute``: the grid on the similarity itself).

Reported per part and per threshold of a grid: the articles of real
clusters warned of (the target is none; each is listed, to be read: DUC's
clusters hold a few articles on other subjects), the intruders warned of,
and the cluster's own articles warned of when an intruder is there. The
share was chosen on DUC 2006's odd topics (dev: the highest that warns of
none of their articles); DUC 2006's even topics and DUC 2007 are held out.

    python benchmarks/off_topic.py ../shared/data --json /tmp/bench/off-topic.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

from chorus.ingest.read import cluster_from_record
from chorus.pipeline import OFF_TOPIC_MIN_ARTICLES, OFF_TOPIC_SHARE, build_story, load_documents
from chorus.represent import similarity_to_the_others

SEED = 17
ABSOLUTE_GRID = (0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.10, 0.12, 0.15)
SHARE_GRID = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)


def load(data: Path) -> list[tuple[str, str, list]]:
    """(part, cluster id, cleaned documents) of every DUC cluster."""
    out = []
    for source in ("duc2006", "duc2007-update"):
        path = data / source / "clusters.jsonl"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            cluster = cluster_from_record(json.loads(line), f"{path} line {number}", number)
            if source == "duc2006":
                part = "DUC 2006 odd (dev)" if int(cluster.id[3:5]) % 2 else "DUC 2006 even (held out)"
            else:
                part = "DUC 2007 update (held out)"
            out.append((part, cluster.id, load_documents(cluster.documents, [])))
    return out


def topic(cluster_id: str) -> str:
    return cluster_id.split("-")[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument("--intruders", type=int, default=3, help="mixed clusters per cluster (default 3)")
    parser.add_argument(
        "--absolute", action="store_true", help="the grid on the similarity itself, not its share of the median"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    measure = "similarity" if args.absolute else "relative"
    started = time.process_time()
    clusters = load(args.data)
    rng = random.Random(SEED)
    rows: list[dict] = []  # one per article scored: part, kind (real / own / intruder), similarity
    lowest: list[tuple[float, str, str]] = []
    for part, cluster_id, documents in clusters:
        similarity = similarity_to_the_others(build_story(documents))
        middle = float(np.median(similarity))
        rows += [
            {
                "part": part,
                "kind": "real",
                "similarity": float(x),
                "relative": x / middle,
                "article": f"{cluster_id} {doc.name or doc.id}",
            }
            for x, doc in zip(similarity, documents)
        ]
        d = int(similarity.argmin())
        lowest.append((float(similarity[d]), cluster_id, documents[d].name or documents[d].id))
        others = [c for c in clusters if topic(c[1]) != topic(cluster_id)]
        for _ in range(args.intruders):
            _, from_id, from_documents = rng.choice(others)
            intruder = rng.choice(from_documents)
            mixed = similarity_to_the_others(build_story([*documents, intruder]))
            middle = float(np.median(mixed))
            rows += [
                {
                    "part": part,
                    "kind": "own",
                    "similarity": float(x),
                    "relative": x / middle,
                    "article": f"{cluster_id} {doc.name or doc.id} (with one of {from_id})",
                }
                for x, doc in zip(mixed[:-1], documents)
            ]
            rows.append(
                {
                    "part": part,
                    "kind": "intruder",
                    "similarity": float(mixed[-1]),
                    "relative": mixed[-1] / middle,
                    "from": from_id,
                }
            )
    parts = list(dict.fromkeys(part for part, _, _ in clusters))
    table = {}
    print(f"{len(clusters)} clusters, {args.intruders} mixed clusters each; {time.process_time() - started:.0f} CPU s")
    print(
        f"chorus warns under {OFF_TOPIC_SHARE} of the median similarity (stories of {OFF_TOPIC_MIN_ARTICLES}+ articles)\n"
    )
    print("| part | threshold | real articles warned of | intruders warned of | own articles warned of (mixed) |")
    print("|---|---|---|---|---|")
    for part in parts:
        for threshold in ABSOLUTE_GRID if args.absolute else sorted({*SHARE_GRID, OFF_TOPIC_SHARE}):
            counts = {}
            for kind in ("real", "intruder", "own"):
                chosen = [r[measure] for r in rows if r["part"] == part and r["kind"] == kind]
                counts[kind] = (sum(1 for x in chosen if x < threshold), len(chosen))
            table.setdefault(part, {})[threshold] = counts
            mark = " (chorus)" if threshold == OFF_TOPIC_SHARE and not args.absolute else ""
            print(
                f"| {part} | {threshold}{mark} | {counts['real'][0]} of {counts['real'][1]} "
                f"| {counts['intruder'][0]} of {counts['intruder'][1]} | {counts['own'][0]} of {counts['own'][1]} |"
            )
    if not args.absolute:
        print("\nreal articles chorus warns of (alone, or as their cluster's own with an intruder):")
        warned = (r for r in rows if r["kind"] in ("real", "own") and r["relative"] < OFF_TOPIC_SHARE)
        for r in sorted(warned, key=lambda r: r["relative"]):
            print(f"  {r['relative']:.3f} of the median ({r['similarity']:.3f}) {r['article']}")
    print("\nthe least similar real article of each cluster, lowest first:")
    for value, cluster_id, name in sorted(lowest)[:8]:
        print(f"  {value:.3f} {cluster_id} {name}")
    missed = sorted((r["similarity"], r["from"]) for r in rows if r["kind"] == "intruder")[-5:]
    print("the most similar intruders: " + ", ".join(f"{v:.3f} (from {f})" for v, f in missed))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "share": OFF_TOPIC_SHARE,
                    "measure": measure,
                    "table": {p: {str(t): c for t, c in v.items()} for p, v in table.items()},
                    "lowest": lowest,
                },
                indent=1,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
