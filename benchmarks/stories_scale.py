"""Speed and peak memory of the grouping of `chorus stories` at 1,000 / 10,000 / 100,000 articles.

The articles are DUC 2006 and DUC 2007 update articles (1,500), repeated
and perturbed to reach the size: copy r of an article keeps a random 80% of
its paragraphs (seeded), gets its own id, and is dated r × 3 years later,
so that copies are near-duplicates of their original in other years, as
the stories of a long stream are. Each size runs in a fresh process pinned
to one core (BLAS held to one thread) that makes the articles' features
from their text as the grouping reads them (a stream: the articles and
their features are not held) and groups them; it reports the CPU seconds
of the features and of the grouping, and the process's peak resident
memory. Cleaning (ingest) is timed apart on the first 1,000 articles: it
is the same per article at any size.

``--sources`` also counts each story's independent outlets as
``chorus stories --no-summaries`` does (``chorus.digest.results.count_story_sources``:
the articles cut into sentences, their source families found; the outlet
of an article is its wire, as DUC's ids tell, so a copy of a wire story
and its original are one source), after the peak memory of the grouping
is taken, and reports its CPU seconds and the largest story it checked.

``--baseline-src DIR`` runs the same sizes, interleaved in the same run,
with the ``chorus`` package found in DIR (e.g. the ``src`` of an earlier
commit, from ``git archive``), its features held in a list as an earlier
grouper needed them.

``--engines local,dask`` times instead the whole command as a user runs it,
``chorus stories ARTICLES.jsonl --format json`` (cleaning, features,
grouping, a summary per story of two or more outlets), once per engine and
size, the engines interleaved and repeated (``--repeats``): the command's
wall seconds, its CPU seconds with every process it waited for (the Dask
workers of its local cluster, ``--jobs``), and whether every engine's
digest has the same stories, titles and summaries.

    nice python benchmarks/stories_scale.py ../shared/data --sizes 1000,10000,100000 --json /tmp/bench/stories-scale.json
    git archive 1d36d5e src | tar -x -C /tmp/before
    nice python benchmarks/stories_scale.py ../shared/data --sizes 1000,10000 --baseline-src /tmp/before/src
    nice python benchmarks/stories_scale.py ../shared/data --sizes 1000 --engines local,dask --jobs 2 --repeats 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SINGLE_THREAD, default_cpu, peak_rss_mb, pin_to_one_core  # noqa: E402

REPEAT_SHIFT_DAYS = 3 * 365
KEEP_PARAGRAPHS = 0.8


def base_articles(data: Path) -> list[dict]:
    from chorus.ingest.metadata import wire_metadata

    out = []
    for name in ("duc2006", "duc2007-update"):
        for line in (data / name / "clusters.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            titles = row.get("doc_headlines") or [None] * len(row["documents"])
            for text, doc_id, title in zip(row["documents"], row["doc_ids"], titles):
                out.append({"id": doc_id, "text": text, "title": title, "date": wire_metadata(doc_id).published})
    return out


def articles_of_size(data: Path, size: int) -> Iterator[dict]:
    base = base_articles(data)
    rng = random.Random(size)
    for n in range(size):
        copy, article = divmod(n, len(base))
        item = base[article]
        if copy == 0:
            yield item
            continue
        paragraphs = [p for p in item["text"].split("\n\n") if p.strip()]
        kept = [p for p in paragraphs if rng.random() < KEEP_PARAGRAPHS] or paragraphs[:1]
        day = date.fromisoformat(item["date"]) + timedelta(days=copy * REPEAT_SHIFT_DAYS)
        yield {"id": f"{item['id']}~{copy}", "text": "\n\n".join(kept), "title": item["title"], "date": day.isoformat()}


def count_sources(data: Path, size: int, grouper) -> dict:
    from chorus.digest.results import StoryWork, count_story_sources
    from chorus.ingest.metadata import wire_metadata
    from chorus.types import Document

    texts = {a["id"]: a for a in articles_of_size(data, size)}
    started = time.process_time()
    checked, largest, copies = 0, 0, 0
    for group in grouper.groups():
        if len(group) < 2:
            continue
        documents = [
            Document(
                id=(a := texts[grouper.keys[m]])["id"],
                text=a["text"],
                title=a["title"],
                outlet=wire_metadata(a["id"].split("~")[0]).outlet,
                published=a["date"],
            )
            for m in group
        ]
        outcome = count_story_sources(StoryWork(str(checked), documents, summarize=False))
        checked, largest = checked + 1, max(largest, len(group))
        copies += len({d.outlet for d in documents}) - outcome.independent_outlets
    return {
        "sources_cpu_s": round(time.process_time() - started, 1),
        "stories_checked": checked,
        "largest_checked": largest,
        "outlets_merged_by_families": copies,
    }


def worker(data: Path, size: int, cpu: int, hold: bool, sources: bool = False) -> dict:
    pin_to_one_core(cpu)
    from chorus.digest.features import article_features
    from chorus.digest.grouping import StoryGrouper

    features_cpu = 0.0

    def features():
        nonlocal features_cpu
        for a in articles_of_size(data, size):
            started = time.process_time()
            made = article_features(a["id"], a["title"], a["text"], a["date"])
            features_cpu += time.process_time() - started
            yield made

    started, wall = time.process_time(), time.perf_counter()
    grouper = StoryGrouper()
    grouper.add(list(features()) if hold else features())
    grouping_cpu = time.process_time() - started - features_cpu
    out = {
        "articles": size,
        "stories": len(grouper.groups()),
        "features_cpu_s": round(features_cpu, 1),
        "grouping_cpu_s": round(grouping_cpu, 1),
        "grouping_wall_s": round(time.perf_counter() - wall, 1),
        "peak_rss_mb": round(peak_rss_mb()),
        "in_stories": sum(len(g) for g in grouper.groups()),
    }
    if sources:
        out.update(count_sources(data, size, grouper), peak_rss_with_sources_mb=round(peak_rss_mb()))
    return out


def cleaning(data: Path, count: int) -> dict:
    from chorus.digest.engine import prepare_chunk
    from chorus.digest.inputs import KeyedRaw
    from chorus.ingest import RawDocument

    items = [
        KeyedRaw(a["id"], a["id"], RawDocument(text=a["text"], id=a["id"], title=a["title"], published=a["date"]))
        for a in base_articles(data)[:count]
    ]
    started = time.process_time()
    prepare_chunk(items)
    return {"articles": count, "cleaning_cpu_s": round(time.process_time() - started, 1)}


def comparable(path: Path) -> list:
    """What two engines' digests must share: each story's articles, title and summary sentences."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        (
            [d["key"] for d in s["documents"]],
            s["title"],
            [x["text"] for x in (s.get("summary") or {}).get("sentences", [])],
        )
        for s in data["stories"] + data["hidden"]
    ]


def run_command(articles: Path, engine: str, jobs: int, output: Path) -> dict:
    """`chorus stories ARTICLES --engine ENGINE` in a child process: wall seconds, and CPU seconds and
    peak memory from the kernel's accounting of it and of every process it waited for (its Dask workers)."""
    command = [
        sys.executable,
        "-m",
        "chorus.cli",
        "stories",
        str(articles),
        "--engine",
        engine,
        "--format",
        "json",
        "-o",
        str(output),
    ] + (["--jobs", str(jobs)] if engine == "dask" else [])
    before, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    child = subprocess.Popen(
        command, env={**os.environ, **SINGLE_THREAD}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    _, stderr = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"chorus stories --engine {engine} failed: {stderr.strip()[-500:]}")
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall_s": wall, "cpu_s": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime}


def time_engines(data: Path, sizes: list[int], engines: list[str], jobs: int, repeats: int) -> list[dict]:
    import tempfile

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            articles = Path(folder) / f"articles-{size}.jsonl"
            with articles.open("w", encoding="utf-8") as out:
                for a in articles_of_size(data, size):
                    out.write(
                        json.dumps({"id": a["id"], "text": a["text"], "title": a["title"], "date": a["date"]}) + "\n"
                    )
            digests = {}
            for repeat in range(repeats):
                for engine in engines if repeat % 2 == 0 else engines[::-1]:  # interleaved, each order in turn
                    output = Path(folder) / f"digest-{engine}.json"
                    measured = run_command(articles, engine, jobs, output)
                    digests[engine] = comparable(output)
                    rows.append(
                        {
                            "articles": size,
                            "engine": engine + (f" ({jobs} workers)" if engine == "dask" else ""),
                            "repeat": repeat + 1,
                            "stories": len(digests[engine]),
                            "wall_s": round(measured["wall_s"], 1),
                            "cpu_s": round(measured["cpu_s"], 1),
                            "load": round(os.getloadavg()[0], 1),
                        }
                    )
                    print(rows[-1], flush=True)
            same = all(d == digests[engines[0]] for d in digests.values())
            print(f"{size:,} articles: the engines' digests are {'the same' if same else 'DIFFERENT'}", flush=True)
            for r in rows:
                if r["articles"] == size:
                    r["same_digest"] = same
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--cpu", type=int, default=default_cpu())
    parser.add_argument("--json", type=Path)
    parser.add_argument("--baseline-src", type=Path, help="also run each size with the chorus package in this folder")
    parser.add_argument("--sources", action="store_true", help="also count independent outlets (--no-summaries)")
    parser.add_argument("--engines", help="time the whole `chorus stories` command on these engines (local,dask)")
    parser.add_argument("--jobs", type=int, default=2, help="with --engines: the Dask local cluster's workers")
    parser.add_argument("--repeats", type=int, default=2, help="with --engines: runs of each engine and size")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--hold", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cleaning", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.data, args.worker, args.cpu, args.hold, args.sources)))
        return 0
    if args.cleaning:
        pin_to_one_core(args.cpu)
        print(json.dumps(cleaning(args.data, args.cleaning)))
        return 0
    if args.engines:
        rows = time_engines(
            args.data, [int(x) for x in args.sizes.split(",")], args.engines.split(","), args.jobs, args.repeats
        )
        print("| articles | engine | run | stories | wall s | CPU s (all processes) | same digest | load |")
        print("|---|---|---|---|---|---|---|---|")
        for r in rows:
            print(
                f"| {r['articles']:,} | {r['engine']} | {r['repeat']} | {r['stories']} | {r['wall_s']} | {r['cpu_s']} "
                f"| {'yes' if r['same_digest'] else 'no'} | {r['load']} |"
            )
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps({"engines": rows}, indent=2))
        return 0
    env = {**os.environ, **SINGLE_THREAD}
    systems = {"this tree": (["--sources"] if args.sources else [], env)}
    if args.baseline_src:
        systems["baseline"] = (["--hold"], {**env, "PYTHONPATH": str(args.baseline_src.resolve())})
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        for system, (extra, system_env) in systems.items():
            out = subprocess.run(
                [sys.executable, __file__, str(args.data), "--worker", str(size), "--cpu", str(args.cpu), *extra],
                env=system_env,
                capture_output=True,
                text=True,
                check=True,
            )
            rows.append({"system": system, **json.loads(out.stdout), "load": round(os.getloadavg()[0], 1)})
            print(rows[-1], flush=True)
    out = subprocess.run(
        [sys.executable, __file__, str(args.data), "--cleaning", "1000", "--cpu", str(args.cpu)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    clean = json.loads(out.stdout)
    print("| articles | grouping | stories | features CPU s | grouping CPU s | peak memory MB | load |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['articles']:,} | {r['system']} | {r['stories']:,} | {r['features_cpu_s']} | {r['grouping_cpu_s']} "
            f"| {r['peak_rss_mb']} | {r['load']} |"
        )
    for r in rows:
        if "sources_cpu_s" in r:
            print(
                f"{r['articles']:,} articles: independent outlets of {r['stories_checked']} stories (largest "
                f"{r['largest_checked']}) in {r['sources_cpu_s']} CPU s, {r['outlets_merged_by_families']} outlets "
                f"counted with another by their families; peak {r['peak_rss_with_sources_mb']} MB"
            )
    print(
        f"\ncleaning (ingest): {clean['cleaning_cpu_s']} CPU s for {clean['articles']} articles; load {os.getloadavg()[0]:.1f}"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"rows": rows, "cleaning": clean, "load": os.getloadavg()[0]}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
