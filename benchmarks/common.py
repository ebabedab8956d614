"""What the benchmark scripts share: reading clusters, measuring in a pinned subprocess, tables."""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from chorus.ingest.read import Cluster, iter_dataset_lines, parse_dataset_line

# Numerical libraries start one thread per core unless told; a measurement
# pinned to one core must not count threads fighting over it.
SINGLE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
WORKER_FLAG = "--worker"
# ../shared beside the repository, or wherever CHORUS_SHARED says (as the tests read it).
SHARED = Path(os.environ.get("CHORUS_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def read_clusters(path: str | Path, limit: int | None = None) -> Iterator[Cluster]:
    """The dataset's clusters, streamed, as chorus reads them (text repaired, not yet cleaned)."""
    for number, line in islice(iter_dataset_lines(path), limit):
        yield parse_dataset_line(line, f"{path} line {number}", number)


def add_cluster_arguments(parser: argparse.ArgumentParser, *, limit: int, articles: int) -> None:
    """Which clusters a select-stage benchmark reads: the first ``--limit`` of ``--clusters``,
    each cut to its first ``--articles`` articles, summarized in ``--words``."""
    parser.add_argument("--clusters", default="../shared/data/duc2006/clusters.jsonl")
    parser.add_argument("--limit", type=int, default=limit)
    parser.add_argument("--articles", type=int, default=articles)
    parser.add_argument("--words", type=int, default=250)


def cluster_stories(settings: argparse.Namespace) -> list[Any]:
    """The stories of the clusters ``add_cluster_arguments`` chose, read, segmented and represented."""
    from chorus.pipeline import build_story, load_documents

    return [
        build_story(load_documents(c.documents[: settings.articles], []), None, [])
        for c in read_clusters(settings.clusters, settings.limit)
    ]


def chorus_runner(method: str, words: int) -> Callable[[Cluster], object]:
    """Everything ``chorus summarize`` does to a cluster: ingest, segment, select, compose."""
    from chorus.pipeline import build_story, load_documents, make_budget, summarize_story

    budget = make_budget(words)

    def run(cluster: Cluster) -> object:
        warnings: list[str] = []
        story = build_story(load_documents(cluster.documents, warnings), None, warnings)
        return summarize_story(story, budget, method)

    return run


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pin_to_one_core(cpu: int) -> None:
    os.sched_setaffinity(0, {cpu})


def default_cpu() -> int:
    """The last core this process may use (the first is where the system is busiest)."""
    return max(os.sched_getaffinity(0))


def cpu_timed(function: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, float]:
    """``function``'s result and the CPU seconds (this process) it took: the machine is shared."""
    start = time.process_time()
    result = function(*args, **kwargs)
    return result, time.process_time() - start


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def run_worker(script: str | Path, spec: dict[str, Any], timeout: float | None = None) -> dict[str, Any]:
    """Run ``script --worker SPEC`` in a fresh interpreter; its last stdout line is a JSON result.

    A crash, a timeout or a memory error becomes ``{"error": ...}`` so the other
    measurements go on.
    """
    command = [sys.executable, str(script), WORKER_FLAG, json.dumps(spec)]
    env = {**os.environ, **SINGLE_THREAD}
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if done.returncode < 0:
        return {"error": f"killed by signal {-done.returncode}"}
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return {"error": lines[-1] if lines else f"exit status {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def serve_as_worker(argv: Sequence[str], measure: Callable[[dict[str, Any]], dict[str, Any]]) -> bool:
    """When ``run_worker`` started this process: measure, print the result, and say so."""
    if len(argv) != 2 or argv[0] != WORKER_FLAG:
        return False
    print(json.dumps(measure(json.loads(argv[1]))))
    return True


def machine() -> dict[str, Any]:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "ram_gb": round(ram_gb, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_1min": round(os.getloadavg()[0], 2),  # other work on a shared machine skews timings
    }


def describe_machine(info: dict[str, Any]) -> str:
    return (
        f"{info['cpus']} cores ({info['cpu_model']}), {info['ram_gb']} GB RAM, Python {info['python']}, "
        f"load average {info['load_average_1min']} at the end"
    )


def method_label(method: str) -> str:
    from chorus.select import DEFAULT_METHOD

    return f"chorus {method}" + (" (default)" if method == DEFAULT_METHOD else "")


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def write_json(path: Path | None, settings: argparse.Namespace, info: dict[str, Any], **results: Any) -> None:
    """The raw numbers, with the options and the machine that produced them."""
    if path is None:
        return
    from chorus.select import DEFAULT_METHOD

    data = {"settings": vars(settings), "machine": info, "default_method": DEFAULT_METHOD, **results}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
