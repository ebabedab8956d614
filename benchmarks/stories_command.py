"""`chorus stories` as a user runs it, on a pooled stream of DUC articles whose stories are known.

`stories_grouping.py` scores the grouping alone (``chorus.digest.grouping``
on features it makes itself). This runs the command itself: the articles of
DUC clusters written as a JSONL stream of articles (``{"id", "title"?,
"text"}``: the NIST document id, which dates a wire story, and DUC 2006's
headline; no cluster), shuffled, given to ``chorus stories --format json``
in a subprocess, and each article's story read back from the digest. Every
article must come back in exactly one story or as rejected with a reason.

A document that DUC files under two topics is written once (a stream holds
an article once); it counts right in either of its topics (the extended
B-cubed of Amigó, Gonzalo, Artiles & Verdejo 2009), and "B3 F1, first
topic" gives it only its first. An article rejected by the command (a
syndicate's note that is no story) is counted apart and left out of the
scores.

DUC 2007's update task has three sets (A, B, C) of one topic: its
documents in time order, cut in three (earlier and later news of one
subject, not other events). They are scored twice: with a topic as one
story ("topic"), and with each set its own label ("set"), which says how
far chorus's stories split a topic along time; the F1 with splits forgiven
(each story takes the label of most of its articles) tells whether the
stories stay inside one set.

    python benchmarks/stories_command.py ../shared/data --pool all --json /tmp/bench/stories-command.json
    python benchmarks/stories_command.py ../shared/data --pool duc2007   # 250 articles, the A/B/C sets
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from stories_grouping import SHUFFLE_SEED, bcubed, extended_bcubed, forgive_splits  # the same scores, one source


def read_clusters(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def stream(data: Path, pool: str) -> tuple[list[dict], dict[str, list[str]], dict[str, str]]:
    """The articles of the pool (one line each, shuffled), each document's topics, and its DUC 2007 set."""
    sources = {"duc2006": ["duc2006"], "duc2007": ["duc2007-update"], "all": ["duc2006", "duc2007-update"]}[pool]
    lines: dict[str, dict] = {}
    topics: dict[str, list[str]] = {}
    sets: dict[str, str] = {}
    for source in sources:
        for cluster in read_clusters(data / source / "clusters.jsonl"):
            topic = cluster["id"].split("-")[0]  # D0703A-B: topic D0703A, set B
            headlines = cluster.get("doc_headlines") or [None] * len(cluster["documents"])
            for text, doc_id, title in zip(cluster["documents"], cluster["doc_ids"], headlines):
                if doc_id not in lines:
                    lines[doc_id] = {"id": doc_id, **({"title": title} if title else {}), "text": text}
                topics.setdefault(doc_id, [])
                if topic not in topics[doc_id]:
                    topics[doc_id].append(topic)
                sets.setdefault(doc_id, cluster["id"])
    order = sorted(lines)
    random.Random(SHUFFLE_SEED).shuffle(order)
    return [lines[d] for d in order], topics, sets


def run_command(chorus: str, articles: list[dict], extra: list[str]) -> tuple[dict, float, float]:
    """The digest of ``chorus stories`` on the articles, its wall time and CPU seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        pool = Path(tmp) / "pool.jsonl"
        pool.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        out = Path(tmp) / "digest.json"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(
            [chorus, "stories", str(pool), "--format", "json", "-o", str(out), *extra],
            capture_output=True,
            text=True,
            env={**os.environ},
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            sys.exit(f"chorus stories failed ({done.returncode}): {done.stderr.strip()}")
        print(done.stderr.strip(), file=sys.stderr)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return json.loads(out.read_text(encoding="utf-8")), wall, cpu


def story_of_each(digest: dict) -> tuple[dict[str, str], dict[str, str]]:
    """Each article's story id, and each rejected article's reason."""
    story = {}
    for s in digest["stories"] + digest["hidden"]:
        for d in s["documents"]:
            if d["key"] in story:
                sys.exit(f"{d['key']} is in two stories")
            story[d["key"]] = s["id"]
    return story, {r["where"]: r["reason"] for r in digest["rejected"]}


def scores(predicted: list, truth: list, topics: list[frozenset[str]] | None = None) -> dict:
    from sklearn.metrics import adjusted_rand_score

    p, r, f = extended_bcubed(predicted, topics) if topics is not None else bcubed(predicted, truth)
    return {
        "stories": len(set(predicted)),
        "labels": len(set(truth)),
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "f1_first_topic": round(bcubed(predicted, truth)[2], 3),
        "ari": round(adjusted_rand_score(truth, predicted), 3),
        "f1_splits_forgiven": round(bcubed(forgive_splits(predicted, truth), truth)[2], 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument("--pool", choices=("all", "duc2006", "duc2007"), default="all")
    parser.add_argument("--chorus", default=str(Path(sys.executable).with_name("chorus")), help="the command")
    parser.add_argument("--summaries", action="store_true", help="let the command summarize each story too")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    articles, topics, sets = stream(args.data, args.pool)
    digest, wall, cpu = run_command(args.chorus, articles, [] if args.summaries else ["--no-summaries"])
    story, rejected = story_of_each(digest)
    keys = [a["id"] for a in articles]
    lost = [k for k in keys if k not in story and k not in rejected]
    if lost or digest["articles_in"] != len(keys) or digest["articles_out"] != len(keys):
        sys.exit(f"articles lost: {lost[:5]} (in {digest['articles_in']}, out {digest['articles_out']}, {len(keys)})")
    kept = [k for k in keys if k in story]
    predicted = [story[k] for k in kept]
    figures = {
        "pool": args.pool,
        "articles": len(keys),
        "rejected": {k: rejected[k] for k in keys if k in rejected},
        "wall_seconds": round(wall, 1),
        "cpu_seconds": round(cpu, 1),
        "topic": scores(predicted, [topics[k][0] for k in kept], [frozenset(topics[k]) for k in kept]),
    }
    if args.pool != "duc2006":
        update = [i for i, k in enumerate(kept) if "-" in sets[k]]
        figures["duc2007_by_set"] = scores([predicted[i] for i in update], [sets[kept[i]] for i in update])
        figures["duc2007_by_topic"] = scores([predicted[i] for i in update], [topics[kept[i]][0] for i in update])
    print(f"{len(keys)} articles, {len(rejected)} rejected, {wall:.1f} s wall, {cpu:.1f} CPU s")
    print(
        "| truth | articles | labels | stories | B3 P | B3 R | B3 F1 | B3 F1, first topic | ARI | F1, splits forgiven |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, key in (
        ("topics (a document in two counts in either)", "topic"),
        ("DUC 2007 update, a topic one story", "duc2007_by_topic"),
        ("DUC 2007 update, each set A/B/C its own", "duc2007_by_set"),
    ):
        if key in figures:
            s = figures[key]
            n = len(kept) if key == "topic" else len(update)
            print(
                f"| {name} | {n} | {s['labels']} | {s['stories']} | {s['precision']:.3f} | {s['recall']:.3f} "
                f"| {s['f1']:.3f} | {s['f1_first_topic']:.3f} | {s['ari']:.3f} | {s['f1_splits_forgiven']:.3f} |"
            )
    for k, reason in figures["rejected"].items():
        print(f"rejected: {k}: {reason}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
