"""`chorus batch` at scale: clusters/s by core count and engine, memory of a long streaming run,
and a run killed midway then resumed compared with an uninterrupted one.

    nice -n 10 python benchmarks/batch_scale.py --clusters 100000 --json /tmp/bench/batch_scale.json

Synthetic clusters recombine DUC 2006 articles: each takes ``--articles``
articles of one DUC topic, drawn with a seeded generator, cut to their first
``--paragraphs`` paragraphs, so that a 100,000-cluster file runs in well
under an hour on two cores. The file is written under ``--work`` (default
/tmp), never into the repository. Every run is ``chorus batch`` as a user
types it, in its own process, timed from start to exit (worker start-up
included). Memory is the resident memory of the chorus process and all its
workers together, sampled every ``--sample-every`` seconds. The load average
is printed next to each timing: the machine may be shared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from common import describe_machine, machine, markdown_table, write_json

DUC2006 = Path("../shared/data/duc2006/clusters.jsonl")


def synthesize(dataset: Path, target: Path, clusters: int, articles: int, paragraphs: int, seed: int) -> None:
    """``clusters`` lines of ``articles`` short articles on one DUC topic each."""
    topics = [json.loads(line)["documents"] for line in dataset.open(encoding="utf-8")]
    rng = random.Random(seed)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        for n in range(clusters):
            topic = rng.choice(topics)
            chosen = rng.sample(topic, min(articles, len(topic)))
            documents = ["\n\n".join(text.split("\n\n")[:paragraphs]) for text in chosen]
            out.write(json.dumps({"id": f"synthetic-{n:06d}", "documents": documents}) + "\n")
    partial.replace(target)


def head(source: Path, target: Path, lines: int) -> None:
    with source.open("rb") as f, target.open("wb") as out:
        for _, line in zip(range(lines), f):
            out.write(line)


def chorus_batch(*args: str) -> list[str]:
    return [sys.executable, "-m", "chorus.cli", "batch", *args, "--quiet"]


def tree_rss_mb(process: Any) -> float:
    """Resident memory of a process and all its descendants."""
    import psutil

    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total / 2**20


def lines_in(path: Path, state: dict[str, int]) -> int:
    """Complete lines of a growing file, reading only what was added since the last call."""
    if not path.exists():
        return 0
    with path.open("rb") as f:
        f.seek(state.get("offset", 0))
        data = f.read()
    state["offset"] = state.get("offset", 0) + len(data)
    state["lines"] = state.get("lines", 0) + data.count(b"\n")
    return state["lines"]


def run_monitored(
    command: list[str], output: Path, total: int, every: float, kill_at: int | None = None
) -> dict[str, Any]:
    """Run ``command``; sample its memory, and SIGKILL it once ``output`` holds ``kill_at`` lines."""
    import psutil

    start = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(process.pid)
    state: dict[str, int] = {}
    peak, samples, workers = 0.0, [], 0
    next_mark = 0.1
    while process.poll() is None:
        time.sleep(every)
        if process.poll() is not None:  # gone: its memory now reads 0
            break
        rss = tree_rss_mb(watched)
        peak = max(peak, rss)
        done = lines_in(output, state)
        if total and done / total >= next_mark:  # the memory (and the time) at each tenth of the run
            samples.append({"records": done, "rss_mb": round(rss, 1), "seconds": round(time.perf_counter() - start, 1)})
            next_mark += 0.1
        if kill_at is not None and done >= kill_at:
            try:
                workers = len(watched.children(recursive=True))
                process.send_signal(signal.SIGKILL)
            except psutil.Error:
                pass
            break
    _, err = process.communicate()
    seconds = time.perf_counter() - start
    time.sleep(3)  # the workers notice their parent is gone within a second
    ours = str(Path(sys.executable).parent)  # other people's processes on a shared machine are not ours to count
    orphans = [
        p.pid
        for p in psutil.process_iter(["cmdline", "ppid"])
        if p.info["cmdline"]
        and p.info["cmdline"][0].startswith(ours)
        and "spawn_main" in " ".join(p.info["cmdline"])
        and p.info["ppid"] == 1
    ]
    return {
        "seconds": round(seconds, 1),
        "exit": process.returncode,
        "peak_rss_mb": round(peak, 1),
        "rss_by_tenth": samples,
        "last_line": (err.strip().splitlines() or [""])[-1],
        "load_average_1min": round(os.getloadavg()[0], 2),
        "killed_with_workers": workers,
        "orphans_left": len(orphans),
    }


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the finished runs and all their workers
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str]) -> tuple[float, float, float, float, str]:
    """Wall seconds, CPU seconds (all processes of the run), CPU seconds of the chorus process
    alone (the reading, ordering and writing, without the workers), load average after, last stderr line.

    On a shared machine the wall time of a 2-process run depends on what else
    runs; its CPU time does not, so CPU seconds per cluster show whether the
    work itself scales (the same per cluster at 1 and 2 processes)."""
    import psutil

    cpu = _children_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watched, parent_cpu = psutil.Process(process.pid), 0.0
    while process.poll() is None:
        try:
            times = watched.cpu_times()
            parent_cpu = times.user + times.system  # its own time, not its children's
        except psutil.Error:
            pass
        time.sleep(0.2)
    _, err = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {err.strip()}")
    return seconds, _children_cpu() - cpu, parent_cpu, os.getloadavg()[0], err.strip().splitlines()[-1]


def throughput(sample: Path, clusters: int, work: Path, duc: Path | None) -> list[dict[str, Any]]:
    """clusters/s of `chorus batch` on 1 and 2 cores, and on a 2-worker local Dask cluster."""
    runs = [
        ("local, --jobs 1", ["--jobs", "1"], work / "jobs1.jsonl"),
        ("local, --jobs 2", ["--jobs", "2"], work / "jobs2.jsonl"),
        (
            "dask LocalCluster, 2 workers",
            ["--engine", "dask", "--jobs", "2", "--partition-size", "256KiB"],
            work / "dask-out",
        ),
    ]
    results = []
    for label, options, out in runs:
        subprocess.run(["rm", "-rf", str(out)], check=True)
        seconds, cpu, parent, load, last = timed(chorus_batch(str(sample), "-o", str(out), *options))
        results.append(
            {
                "run": label,
                "clusters": clusters,
                "seconds": round(seconds, 1),
                "clusters_per_s": round(clusters / seconds, 2),
                "cpu_ms_per_cluster": round(1000 * cpu / clusters, 1),
                "parent_cpu_ms_per_cluster": round(1000 * parent / clusters, 1),
                "load_average_1min": round(load, 2),
                "stderr": last,
            }
        )
        print(
            f"{label}: {clusters / seconds:.2f} clusters/s ({seconds:.1f} s, {1000 * cpu / clusters:.1f} CPU ms "
            f"per cluster, {1000 * parent / clusters:.1f} in the chorus process, load {load:.2f})",
            flush=True,
        )
    same = (
        (work / "jobs1.jsonl").read_bytes()
        == (work / "jobs2.jsonl").read_bytes()
        == b"".join(p.read_bytes() for p in sorted((work / "dask-out").glob("part-*")))
    )
    print(f"the three outputs are identical: {same}", flush=True)
    results.append({"identical_outputs": same})
    if duc is not None:
        out = work / "duc2006.jsonl"
        seconds, cpu, parent, load, last = timed(chorus_batch(str(duc), "-o", str(out), "--jobs", "2"))
        results.append(
            {
                "run": "DUC 2006 as is (50 clusters x 25 articles), --jobs 2",
                "clusters": 50,
                "seconds": round(seconds, 1),
                "clusters_per_s": round(50 / seconds, 3),
                "cpu_ms_per_cluster": round(1000 * cpu / 50, 1),
                "parent_cpu_ms_per_cluster": round(1000 * parent / 50, 1),
                "load_average_1min": round(load, 2),
                "stderr": last,
            }
        )
        print(
            f"DUC 2006: {50 / seconds:.3f} clusters/s ({seconds:.1f} s, {1000 * cpu / 50:.1f} CPU ms per cluster, "
            f"load {load:.2f})",
            flush=True,
        )
    return results


def lost_records(source: Path, output: Path) -> dict[str, int]:
    """Input records without their output record: OUT must answer the input one for one, in order."""
    counts = {"input": 0, "output": 0, "lost": 0, "errors": 0}
    with source.open("rb") as inputs, output.open("rb") as outputs:
        for line in inputs:
            if line.isspace():
                continue
            counts["input"] += 1
            answer = outputs.readline()
            if not answer.endswith(b"\n"):
                counts["lost"] += 1
                continue
            counts["output"] += 1
            record = json.loads(answer)
            counts["errors"] += "error" in record
            if record.get("id") != json.loads(line).get("id"):
                counts["lost"] += 1
        counts["output"] += sum(1 for _ in outputs)  # records OUT holds beyond the input's
    return counts


def scale(source: Path, sample: Path, clusters: int, samples: int, work: Path, every: float) -> dict[str, Any]:
    """A small run for the memory baseline; the full file uninterrupted; then again,
    killed at half way and resumed; compare checksums and count lost records."""
    small_out = work / "small.jsonl"
    small_out.unlink(missing_ok=True)
    small = run_monitored(chorus_batch(str(sample), "-o", str(small_out)), small_out, samples, every)
    print(f"small ({samples:,} clusters): {small}", flush=True)
    whole = work / "whole.jsonl"
    whole.unlink(missing_ok=True)
    uninterrupted = run_monitored(chorus_batch(str(source), "-o", str(whole)), whole, clusters, every)
    print(f"uninterrupted: {uninterrupted}", flush=True)
    cut = work / "cut.jsonl"
    cut.unlink(missing_ok=True)
    killed = run_monitored(chorus_batch(str(source), "-o", str(cut)), cut, clusters, every, kill_at=clusters // 2)
    print(f"killed: {killed}", flush=True)
    kept_lines = cut.read_bytes().count(b"\n")  # complete lines; a half-written last one is repaired on resume
    resumed = run_monitored(chorus_batch(str(source), "-o", str(cut), "--resume"), cut, 0, every)
    print(f"resumed: {resumed}", flush=True)
    result = {
        "input_mb": round(source.stat().st_size / 2**20, 1),
        "output_mb": round(whole.stat().st_size / 2**20, 1),
        "small_clusters": samples,
        "small": small,
        "uninterrupted": uninterrupted,
        "killed": killed,
        "records_when_killed": kept_lines,
        "resumed": resumed,
        "records_uninterrupted": lost_records(source, whole),
        "records_killed_and_resumed": lost_records(source, cut),
        "sha256_uninterrupted": sha256(whole),
        "sha256_killed_and_resumed": sha256(cut),
    }
    result["identical"] = result["sha256_uninterrupted"] == result["sha256_killed_and_resumed"]
    return result


def report(
    settings: argparse.Namespace, info: dict[str, Any], speed: list[dict[str, Any]], big: dict[str, Any] | None
) -> str:
    text = [f"Machine: {describe_machine(info)}.\n"]
    rows = [
        [
            r["run"],
            str(r["clusters"]),
            f"{r['seconds']:.1f}",
            f"{r['clusters_per_s']:.2f}",
            f"{r.get('cpu_ms_per_cluster', float('nan')):.1f}",
            f"{r.get('parent_cpu_ms_per_cluster', float('nan')):.1f}",
            f"{r['load_average_1min']:.2f}",
        ]
        for r in speed
        if "run" in r
    ]
    if rows:
        text.append(
            markdown_table(
                [
                    "run",
                    "clusters",
                    "wall s",
                    "clusters/s",
                    "CPU ms/cluster (all processes)",
                    "of which the chorus process",
                    "load avg (1 min) after",
                ],
                rows,
            )
        )
    if big:
        s, u, k, r = big["small"], big["uninterrupted"], big["killed"], big["resumed"]
        text.append(
            markdown_table(
                ["run", "wall s", "peak RSS MB (all processes)", "load avg after", "stderr"],
                [
                    [
                        f"small: the first {big['small_clusters']:,} clusters",
                        f"{s['seconds']:.0f}",
                        f"{s['peak_rss_mb']:.0f}",
                        f"{s['load_average_1min']:.2f}",
                        s["last_line"],
                    ],
                    [
                        f"uninterrupted, {settings.clusters:,} clusters",
                        f"{u['seconds']:.0f}",
                        f"{u['peak_rss_mb']:.0f}",
                        f"{u['load_average_1min']:.2f}",
                        u["last_line"],
                    ],
                    [
                        f"killed (SIGKILL) at {big['records_when_killed']:,} records",
                        f"{k['seconds']:.0f}",
                        f"{k['peak_rss_mb']:.0f}",
                        f"{k['load_average_1min']:.2f}",
                        f"exit {k['exit']}",
                    ],
                    [
                        "resumed (--resume)",
                        f"{r['seconds']:.0f}",
                        f"{r['peak_rss_mb']:.0f}",
                        f"{r['load_average_1min']:.2f}",
                        r["last_line"],
                    ],
                ],
            )
        )
        tenths = ", ".join(f"{s['rss_mb']:.0f}" for s in u["rss_by_tenth"])
        text.append(f"Resident memory at each tenth of the uninterrupted run (MB): {tenths}.\n")
        marks = [(0, 0.0)] + [(s["records"], s["seconds"]) for s in u["rss_by_tenth"] if "seconds" in s]
        rates = [(b[0] - a[0]) / (b[1] - a[1]) for a, b in zip(marks, marks[1:]) if b[1] > a[1]]
        if rates:
            text.append(
                "Clusters/s in each tenth of the uninterrupted run (other work on the machine comes and goes): "
                + ", ".join(f"{r:.0f}" for r in rates)
                + ".\n"
            )
        whole, cut = big["records_uninterrupted"], big["records_killed_and_resumed"]
        text.append(
            f"Input records {whole['input']:,}; output records {whole['output']:,} uninterrupted "
            f"({whole['errors']} error records), {cut['output']:,} killed and resumed; records lost "
            f"{whole['lost']} and {cut['lost']}.\n"
        )
        text.append(
            f"Input {big['input_mb']} MB, output {big['output_mb']} MB. "
            f"SHA-256 uninterrupted {big['sha256_uninterrupted'][:16]}…, killed and resumed "
            f"{big['sha256_killed_and_resumed'][:16]}…: {'identical' if big['identical'] else 'DIFFERENT'}. "
            f"Workers left running after the kill: {k['orphans_left']}.\n"
        )
    return "\n".join(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DUC2006, help="DUC clusters to recombine")
    parser.add_argument("--clusters", type=int, default=100_000, help="synthetic clusters for the long run")
    parser.add_argument("--sample", type=int, default=2_000, help="clusters for the throughput runs")
    parser.add_argument("--articles", type=int, default=3)
    parser.add_argument("--paragraphs", type=int, default=2, help="paragraphs kept of each article")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=Path("/tmp/chorus-batch-bench"), help="where data and outputs go")
    parser.add_argument("--sample-every", type=float, default=1.0, help="seconds between memory samples")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--no-duc", action="store_true", help="do not time DUC 2006 as it is")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    settings = parser.parse_args(argv)

    work = settings.work
    work.mkdir(parents=True, exist_ok=True)
    name = f"synthetic-{settings.clusters}-{settings.articles}x{settings.paragraphs}-seed{settings.seed}.jsonl"
    source = work / name
    if not source.exists():
        print(f"writing {source}", flush=True)
        synthesize(settings.dataset, source, settings.clusters, settings.articles, settings.paragraphs, settings.seed)
    sample = work / f"sample-{settings.sample}.jsonl"
    head(source, sample, settings.sample)

    speed = (
        []
        if settings.skip_throughput
        else throughput(sample, settings.sample, work, None if settings.no_duc else settings.dataset)
    )
    big = (
        None
        if settings.skip_scale
        else scale(source, sample, settings.clusters, settings.sample, work, settings.sample_every)
    )
    info = machine()
    print(report(settings, info, speed, big))
    write_json(settings.json, settings, info, throughput=speed, scale=big)
    return 0


if __name__ == "__main__":
    sys.exit(main())
