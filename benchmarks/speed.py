"""Speed against sumy, per cluster and as whole commands, in one run.

    nice python benchmarks/speed.py --sizes 10:50,25:10 --repeats 3 --words 250 --json /tmp/bench/speed.json

**Per cluster.** One fresh process, pinned to one core, numerical libraries
held to one thread, runs chorus and sumy's five summarizers (LexRank, LSA,
TextRank, Luhn, SumBasic) on the same clusters, interleaved: cluster by
cluster, every system in turn, the order rotating from one cluster to the
next, so that a burst of load on the shared machine falls on all of them
alike. A cluster of N articles is the first N articles of a DUC 2006 cluster
(``--sizes N:K`` takes K clusters), as read from the file. "Per cluster" is
the same work for every system: from the cluster's article texts to the
summary text. For chorus that is ingest (clean, check the language),
segment, represent, select and compose (order and cite every sentence); for
sumy it is parsing (the same sentence splitter and word regex as chorus),
rating and filling the word budget (``sumy_peers.summarize``). Each system
first summarizes three articles untimed (lazy imports, models). CPU seconds
(``time.process_time``) and wall seconds are taken per cluster, the median
over repeats kept; reported are the median over clusters and the sum. For
chorus the CPU time of each stage is reported too, so that citing (in
compose) and ingest have their own figures.

**Whole commands.** Each as a user types it, in its own process, timed from
start to exit (CPU: the process and its children, from ``getrusage``), the
commands interleaved over ``--repeats`` rounds: importing the pipeline;
``chorus summarize`` of one 10-article cluster (a cold process);
``chorus batch --jobs 1`` and ``--jobs 2`` over the 10-article clusters;
sumy's summarizers over the same clusters in one Python process each
(``sumy_peers.py``). Memory: the largest resident set of any process of the
command (``ru_maxrss`` of the children), which for ``chorus batch`` is a
worker's or the main process's. chorus's modules are compiled to byte code
first, as ``pip install`` does: in a tree run with PYTHONDONTWRITEBYTECODE
(as on the team's machines) every command would otherwise compile chorus's
sources again, which no user's install does (about 0.1 s a command); sumy's
installed byte code is read as it is.

``uptime`` is recorded before and after: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from chorus.ingest.read import Cluster
from chorus.select import DEFAULT_METHOD, METHODS
from common import (
    SINGLE_THREAD,
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
    write_json,
)

WARM_UP_ARTICLES = 3
# sumy_peers.SYSTEMS, without importing sumy in the parent process.
SUMY_SYSTEMS = ("sumy-lexrank", "sumy-lsa", "sumy-textrank", "sumy-luhn", "sumy-sumbasic")
STAGES = ("ingest", "segment", "represent", "select", "compose")
DUC2006 = Path("../shared/data/duc2006/clusters.jsonl")
BENCHMARKS = Path(__file__).resolve().parent


def label(system: str) -> str:
    return system if system in SUMY_SYSTEMS else method_label(system)


def chorus_stages(method: str, words: int) -> Callable[[Cluster], dict[str, float]]:
    """``chorus summarize``'s work on a cluster, stage by stage (as ``pipeline.summarize`` does it)."""
    from chorus.compose import compose
    from chorus.pipeline import load_documents, make_budget
    from chorus.represent import represent
    from chorus.segment import segment
    from chorus.select import get_method

    budget = make_budget(words)

    def run(cluster: Cluster) -> dict[str, float]:
        clock = time.process_time
        times = {}
        start = clock()
        warnings: list[str] = []
        documents = load_documents(cluster.documents, warnings)
        times["ingest"] = clock() - start
        start = clock()
        story = segment(documents, None)
        times["segment"] = clock() - start
        start = clock()
        represent(story)
        times["represent"] = clock() - start
        start = clock()
        summarizer = get_method(method)
        chosen = summarizer(story, budget)
        times["select"] = clock() - start
        start = clock()
        compose(story, chosen, budget, summarizer.name)
        times["compose"] = clock() - start
        return times

    return run


def runner(system: str, words: int) -> Callable[[Cluster], dict[str, float]]:
    if system in SUMY_SYSTEMS:
        from sumy_peers import articles_of, make_summarizer, summarize

        summarizer = make_summarizer(system)

        def run_sumy(cluster: Cluster) -> dict[str, float]:
            summarize(summarizer, articles_of(cluster), words)
            return {}

        return run_sumy
    return chorus_stages(system, words)


def measure(spec: dict[str, Any]) -> dict[str, Any]:
    """In the worker: every system on every cluster, interleaved."""
    pin_to_one_core(spec["cpu"])
    clusters = [
        Cluster(id=c.id, documents=c.documents[: spec["articles"]])
        for c in read_clusters(spec["clusters"], spec["limit"])
    ]
    systems = spec["systems"]
    runs = {system: runner(system, spec["words"]) for system in systems}
    for system in systems:
        runs[system](Cluster(id="warm-up", documents=clusters[0].documents[:WARM_UP_ARTICLES]))
    cpu: dict[str, list[list[float]]] = {s: [[] for _ in clusters] for s in systems}
    wall: dict[str, list[list[float]]] = {s: [[] for _ in clusters] for s in systems}
    stages: dict[str, list[dict[str, list[float]]]] = {s: [{} for _ in clusters] for s in systems}
    for repeat in range(spec["repeats"]):
        for n, cluster in enumerate(clusters):
            shift = (n + repeat) % len(systems)
            for system in systems[shift:] + systems[:shift]:
                cpu_start, wall_start = time.process_time(), time.perf_counter()
                stage_times = runs[system](cluster)
                wall[system][n].append(time.perf_counter() - wall_start)
                cpu[system][n].append(time.process_time() - cpu_start)
                for stage, seconds in stage_times.items():
                    stages[system][n].setdefault(stage, []).append(seconds)
    return {"ids": [c.id for c in clusters], "cpu": cpu, "wall": wall, "stages": stages, "peak_rss_mb": peak_rss_mb()}


def per_cluster_table(result: dict[str, Any], systems: Sequence[str]) -> str:
    """Median over repeats per cluster, then median and sum over clusters."""

    def medians(values: list[list[float]]) -> list[float]:
        return [statistics.median(v) for v in values]

    lexrank_cpu = sum(medians(result["cpu"]["sumy-lexrank"])) if "sumy-lexrank" in result["cpu"] else None
    rows = []
    for system in sorted(systems, key=lambda s: sum(medians(result["cpu"][s]))):
        cpu, wall = medians(result["cpu"][system]), medians(result["wall"][system])
        ratio = f"{lexrank_cpu / sum(cpu):.1f}" if lexrank_cpu else "-"
        stage_cells = []
        for stage in STAGES:
            per = [statistics.median(c[stage]) for c in result["stages"][system] if stage in c]
            stage_cells.append(f"{statistics.median(per) * 1000:.1f}" if per else "")
        rows.append(
            [
                label(system),
                f"{statistics.median(cpu) * 1000:.1f}",
                f"{statistics.median(wall) * 1000:.1f}",
                f"{sum(cpu):.2f}",
                ratio,
                *stage_cells,
            ]
        )
    header = [
        "system",
        "median CPU ms",
        "median wall ms",
        "total CPU s",
        "× sumy-lexrank (CPU)",
        *[f"{stage} ms" for stage in STAGES],
    ]
    return markdown_table(header, rows)


# --- whole commands --------------------------------------------------------------------------


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return f"load average {os.getloadavg()}"


def timed_command(command: list[str], cwd: Path) -> dict[str, float]:
    """Wall and CPU seconds of a command and all its processes, and the largest resident set."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**os.environ, **SINGLE_THREAD})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of the children is the largest of any child so far: a fresh
    # measuring process per command keeps it the command's own.
    return {"wall": wall, "cpu": cpu, "maxrss_mb": after.ru_maxrss / 1024}


PR_SET_CHILD_SUBREAPER = 36  # Linux prctl(2)


def adopt_orphans() -> None:
    """Become the parent of this process's orphaned descendants (Linux), so
    that their CPU time reaches ``RUSAGE_CHILDREN`` once they are reaped: the
    fork server of ``chorus batch`` and its workers outlive the chorus process."""
    import ctypes

    ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def reap_orphans() -> None:
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def measure_command(spec: dict[str, Any]) -> dict[str, Any]:
    """In a fresh helper process, so that ``ru_maxrss`` of the children is this command's."""
    adopt_orphans()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = timed_command(spec["command"], Path(spec["cwd"]))
    reap_orphans()  # their CPU, waited for, counts too; the wall time is the command's
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result["maxrss_mb"] = after.ru_maxrss / 1024
    return result


def write_dataset(source: Path, target: Path, articles: int, limit: int) -> None:
    with target.open("w", encoding="utf-8") as out:
        for line, _ in zip(source.open(encoding="utf-8"), range(limit)):
            record = json.loads(line)
            for key in ("documents", "doc_ids", "doc_headlines"):
                if key in record:
                    record[key] = record[key][:articles]
            out.write(json.dumps(record) + "\n")


def compile_chorus() -> None:
    """Byte code for chorus's modules, as an installed package has it (read even under PYTHONDONTWRITEBYTECODE)."""
    import compileall

    import chorus

    compileall.compile_dir(Path(chorus.__file__).parent, quiet=1)


def whole_commands(args: argparse.Namespace, work: Path) -> dict[str, list[dict[str, float]]]:
    compile_chorus()
    articles, count = args.sizes[0]
    dataset = work / f"duc2006-{articles}-articles.jsonl"
    write_dataset(args.clusters, dataset, articles, count)
    one = work / "one-cluster.jsonl"
    write_dataset(args.clusters, one, articles, 1)
    python = sys.executable
    script = Path(python).with_name("chorus")  # the command a user types, installed next to this Python
    chorus = [str(script)] if script.exists() else [python, "-m", "chorus.cli"]
    words = str(args.words)
    commands: dict[str, list[str]] = {
        "import chorus.pipeline": [python, "-c", "import chorus.pipeline"],
        f"chorus summarize (1 cluster of {articles})": [*chorus, "summarize", str(one), "--words", words],
        f"chorus batch --jobs 1 ({count} clusters)": [
            *chorus,
            "batch",
            str(dataset),
            "-o",
            str(work / "out1.jsonl"),
            "--words",
            words,
            "--jobs",
            "1",
            "--quiet",
        ],
        f"chorus batch --jobs 2 ({count} clusters)": [
            *chorus,
            "batch",
            str(dataset),
            "-o",
            str(work / "out2.jsonl"),
            "--words",
            words,
            "--jobs",
            "2",
            "--quiet",
        ],
    }
    for system in args.command_sumy:
        commands[f"{system} ({count} clusters, one process)"] = [
            python,
            str(BENCHMARKS / "sumy_peers.py"),
            str(dataset),
            "--words",
            words,
            "--systems",
            system,
            "-o",
            str(work / f"{system}.jsonl"),
        ]
    names = list(commands)
    times: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    for repeat in range(args.repeats):
        shift = repeat % len(names)
        for name in names[shift:] + names[:shift]:
            print(f"  {name} ...", file=sys.stderr, flush=True)
            for output in work.glob("out*.jsonl"):
                output.unlink()  # batch refuses to overwrite
            result = run_worker(__file__, {"command": commands[name], "cwd": str(Path.cwd()), "mode": "command"})
            if "error" in result:
                raise SystemExit(f"{name}: {result['error']}")
            times[name].append(result)
    return times


def commands_table(times: dict[str, list[dict[str, float]]]) -> str:
    batch_one = next((v for k, v in times.items() if "--jobs 1" in k), None)
    rows = []
    for name, runs in times.items():
        wall = statistics.median(r["wall"] for r in runs)
        cpu = statistics.median(r["cpu"] for r in runs)
        rss = max(r["maxrss_mb"] for r in runs)
        versus = ""
        if batch_one and ("sumy" in name or "--jobs 2" in name):
            ratio = wall / statistics.median(r["wall"] for r in batch_one)
            versus = f"{ratio:.2f}" if "sumy" in name else f"{1 / ratio:.2f}× faster"
        rows.append([name, f"{wall:.2f}", f"{cpu:.2f}", f"{rss:.0f}", versus])
    header = ["command", "median wall s", "median CPU s", "largest process MB", "÷ batch --jobs 1 (wall)"]
    return markdown_table(header, rows)


def parse_sizes(value: str) -> list[tuple[int, int]]:
    sizes = []
    for item in value.split(","):
        articles, _, count = item.partition(":")
        sizes.append((int(articles), int(count or 50)))
    if not sizes or any(a < 1 or c < 1 for a, c in sizes):
        raise argparse.ArgumentTypeError("give ARTICLES:CLUSTERS pairs, e.g. 10:50,25:10")
    return sizes


def parse_systems(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    known = [*METHODS, *SUMY_SYSTEMS]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown {', '.join(unknown)}; choose from {', '.join(known)}")
    return names


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if serve_as_worker(argv, lambda spec: measure_command(spec) if spec.get("mode") == "command" else measure(spec)):
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clusters", type=Path, default=DUC2006, help="DUC 2006 clusters.jsonl (25 articles each)")
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=[(10, 50), (25, 10)],
        help="ARTICLES:CLUSTERS pairs (default 10:50,25:10); whole commands use the first",
    )
    parser.add_argument("--repeats", type=int, default=3, help="timed passes (default 3)")
    parser.add_argument("--words", type=int, default=250, help="summary budget in words (default 250)")
    parser.add_argument(
        "--systems",
        type=parse_systems,
        default=[DEFAULT_METHOD, "lexrank", *SUMY_SYSTEMS],
        help="per-cluster systems: chorus methods and sumy-* (default: concepts, lexrank, the five sumy)",
    )
    parser.add_argument(
        "--command-sumy",
        type=parse_systems,
        default=list(SUMY_SYSTEMS),
        help="sumy systems timed as whole commands (default: all five)",
    )
    parser.add_argument("--no-commands", action="store_true", help="skip the whole-command timings")
    parser.add_argument("--no-per-cluster", action="store_true", help="only the whole commands (on the first size)")
    parser.add_argument("--cpu", type=int, default=default_cpu(), help="core to pin to (default: the last)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if args.repeats < 1 or args.words < 1:
        parser.error("--repeats and --words must be at least 1")

    load_before = uptime()
    per_cluster: dict[str, Any] = {}
    for articles, count in [] if args.no_per_cluster else args.sizes:
        print(f"per cluster: {count} clusters of {articles} articles ...", file=sys.stderr, flush=True)
        spec = {
            "clusters": str(args.clusters),
            "articles": articles,
            "limit": count,
            "systems": args.systems,
            "repeats": args.repeats,
            "words": args.words,
            "cpu": args.cpu,
        }
        result = run_worker(__file__, spec)
        if "error" in result:
            raise SystemExit(f"per-cluster run failed: {result['error']}")
        per_cluster[f"{articles}:{count}"] = result
    commands = {}
    if not args.no_commands:
        print("whole commands ...", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="chorus-speed-") as work:
            commands = whole_commands(args, Path(work))
    load_after = uptime()

    info = machine()
    print(f"{args.clusters}; {args.words} words, no query; {args.repeats} repeats; {describe_machine(info)}")
    print(f"uptime before: {load_before}\nuptime after: {load_after}\n")
    for key, result in per_cluster.items():
        articles, count = key.split(":")
        print(
            f"Per cluster, {count} clusters of {articles} articles, one core, interleaved "
            f"(peak RSS of the measuring process {result['peak_rss_mb']:.0f} MB):\n"
        )
        print(per_cluster_table(result, args.systems))
    if commands:
        print("Whole commands, interleaved:\n")
        print(commands_table(commands), end="")
    write_json(
        args.json,
        args,
        info,
        per_cluster=per_cluster,
        commands=commands,
        uptime={"before": load_before, "after": load_after},
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
