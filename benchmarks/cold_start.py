"""Where a cold `chorus summarize` of one cluster spends its CPU time, phase by phase.

    nice python benchmarks/cold_start.py --clusters ../shared/data/duc2006/clusters.jsonl --articles 10 --runs 15
    nice python benchmarks/cold_start.py --clusters ../shared/data/duc2006/clusters.jsonl --articles 10 --runs 5 --regex

Each run is a fresh interpreter (chorus's modules compiled to byte code first,
as an install has them) that does what ``chorus summarize FILE --words N``
does, in the same order, with ``time.process_time`` read between the steps:
the interpreter's own start, ``import chorus.cli``, the command's imports
(``chorus.pipeline`` and the renderers, under the collector's pause as the
command takes them; numpy and scipy.sparse imported first on their own so
that their share shows), reading the file, ingest, segment and represent,
select (the default method; its first call imports highspy and loads the
concept models), compose and render. Printed: the median CPU ms of each
phase over ``--runs`` runs, and their sum beside the median of the whole.

With ``--regex``, every regular expression compiled in the run is timed
(CPU) and watched (a profile hook sees each call of a compiled pattern's
methods, and is off while a pattern compiles, so its own cost is not
counted): per module, how many patterns the summary uses and what compiling
them costs, against those it never uses, the ones compiling them lazily
would spare. The hook slows the run, so those runs' phase times are not
reported.

With ``--base COMMIT``, the whole command instead, as a user types it (the
installed ``chorus`` script, ``PYTHONPATH`` at ``src/``), alternately with
the current tree and with ``COMMIT``'s ``src/`` (read from git, compiled to
byte code): wall and CPU seconds (user + system of the process, from
``getrusage``) of each run, their medians and ranges, and whether every run
printed the same bytes.

    nice python benchmarks/cold_start.py --clusters ../shared/data/duc2006/clusters.jsonl --base main --runs 20
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SINGLE_THREAD, describe_machine, machine, markdown_table  # noqa: E402
from ingest_startup import ROOT, export_src  # noqa: E402

PHASES = (
    "interpreter start",
    "import chorus.cli",
    "import numpy",
    "import scipy.sparse (chorus.sparse)",
    "import the rest of the pipeline and renderers",
    "read the file",
    "ingest",
    "segment and represent",
    "select (default method)",
    "compose",
    "render",
)

# The child: a cold `chorus summarize`, step by step. argv: the one-cluster file, words, regex mode.
CHILD = r"""
import sys, time, json
T = time.process_time
marks = [T()]
regex_mode = sys.argv[3] == "1"
if regex_mode:
    import re._compiler as compiler
    plain_compile = compiler.compile
    compiled = {}
    used = set()
    def watched(frame, event, arg):
        if event == "c_call" and type(getattr(arg, "__self__", None)).__name__ == "Pattern":
            used.add(id(arg.__self__))
    def timed_compile(pattern, flags=0):
        hook = sys.getprofile()
        sys.setprofile(None)
        start = time.process_time_ns()
        result = plain_compile(pattern, flags)
        spent = time.process_time_ns() - start
        caller = sys._getframe(1)
        while caller is not None and caller.f_code.co_filename.endswith(("re/__init__.py", "re\\__init__.py")):
            caller = caller.f_back
        name = caller.f_globals.get("__name__", "?") if caller is not None else "?"
        compiled[id(result)] = (name, spent, result)
        sys.setprofile(hook)
        return result
    compiler.compile = timed_compile
    sys.setprofile(watched)
import chorus.cli as cli
marks.append(T())
with cli.collector_paused():
    import numpy
    marks.append(T())
    import chorus.sparse
    marks.append(T())
    from chorus.pipeline import read_story, summarize_story
    from chorus.progress import Steps, wanted as progress_wanted
    from chorus.render import render, summary_to_dict
    from chorus.render.markdown import _escape
marks.append(T())
from chorus.ingest import read_inputs
from chorus.pipeline import build_story, load_documents
from chorus.select import get_method
from chorus.compose import compose
from chorus.types import SummaryOptions
options = SummaryOptions(words=int(sys.argv[2]), sentences=None, query=None, method=None)
budget = options.budget()
warnings = []
clusters = read_inputs([sys.argv[1]], warnings)
marks.append(T())
documents = load_documents(clusters[0].documents, warnings)
marks.append(T())
story = build_story(documents, None, warnings)
marks.append(T())
method = get_method(None)
chosen = method(story, budget)
marks.append(T())
summary = compose(story, chosen, budget, method.name)
marks.append(T())
text = render(summary, "text")
marks.append(T())
sys.setprofile(None)
out = {"marks": marks, "chars": len(text)}
if regex_mode:
    out["patterns"] = [[name, spent / 1e6, key in used] for key, (name, spent, _) in compiled.items()]
print(json.dumps(out))
"""


def one_cluster(source: Path, articles: int, target: Path) -> None:
    record = json.loads(source.open(encoding="utf-8").readline())
    for key in ("documents", "doc_ids", "doc_headlines"):
        if key in record:
            record[key] = record[key][:articles]
    target.write_text(json.dumps(record) + "\n", encoding="utf-8")


def run_child(cluster: Path, words: int, regex: bool) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(cluster), str(words), "1" if regex else "0"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def phase_table(runs: list[dict[str, Any]]) -> str:
    per_phase = [[m[k] - m[k - 1] if k else m[0] for r in runs for m in [r["marks"]]] for k in range(len(PHASES))]
    totals = [r["marks"][-1] for r in runs]
    rows = [[name, f"{1000 * statistics.median(x):.1f}"] for name, x in zip(PHASES, per_phase)]
    rows.append(["sum of the medians", f"{1000 * sum(statistics.median(x) for x in per_phase):.1f}"])
    rows.append(["whole run (median)", f"{1000 * statistics.median(totals):.1f}"])
    return markdown_table(["phase", "CPU ms (median)"], rows)


def regex_table(runs: list[dict[str, Any]]) -> str:
    # Per module: [used count, used ms, unused count, unused ms], medians over the runs of each total.
    per_run: list[dict[str, list[float]]] = []
    for r in runs:
        sums: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0, 0.0])
        for module, ms, used in r["patterns"]:
            entry = sums[module.split(".")[0] if not module.startswith("chorus") else module]
            entry[0 if used else 2] += 1
            entry[1 if used else 3] += ms
        per_run.append(sums)
    modules = sorted({m for s in per_run for m in s})
    rows = []
    for module in modules:
        values = [s.get(module, [0, 0.0, 0, 0.0]) for s in per_run]
        rows.append(
            [
                module,
                int(values[0][0]),
                statistics.median(v[1] for v in values),
                int(values[0][2]),
                statistics.median(v[3] for v in values),
            ]
        )
    rows.sort(key=lambda row: -(row[2] + row[4]))
    total_used = statistics.median(sum(v[1] for v in s.values()) for s in per_run)
    total_unused = statistics.median(sum(v[3] for v in s.values()) for s in per_run)
    shown = [[m, str(u), f"{ums:.1f}", str(n), f"{nms:.1f}"] for m, u, ums, n, nms in rows if ums + nms >= 0.5]
    shown.append(
        ["all", str(sum(r[1] for r in rows)), f"{total_used:.1f}", str(sum(r[3] for r in rows)), f"{total_unused:.1f}"]
    )
    return markdown_table(["module", "patterns used", "compile CPU ms", "patterns unused", "compile CPU ms"], shown)


def whole_command(src: Path, cluster: Path, words: int) -> tuple[float, float, str]:
    """Wall and CPU seconds of one cold `chorus summarize` with ``src`` first on the path, and its output's digest."""
    script = Path(sys.executable).with_name("chorus")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "chorus.cli"]
    env = {**os.environ, **SINGLE_THREAD, "PYTHONPATH": str(src)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "summarize", str(cluster), "--words", str(words)], env=env, capture_output=True, check=True
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, hashlib.sha256(done.stdout).hexdigest()


def against_base(base: str, cluster: Path, words: int, runs: int, work: Path) -> str:
    import compileall

    trees = {"this tree": ROOT / "src", base: export_src(base, work / "base")}
    for src in trees.values():
        compileall.compile_dir(src / "chorus", quiet=1)
    results: dict[str, list[tuple[float, float, str]]] = {name: [] for name in trees}
    for k in range(runs):
        for name in list(trees) if k % 2 else list(trees)[::-1]:
            results[name].append(whole_command(trees[name], cluster, words))
    rows = []
    for name, got in results.items():
        walls, cpus = [w for w, _, _ in got], [c for _, c, _ in got]
        rows.append(
            [
                name,
                f"{statistics.median(walls):.3f} ({min(walls):.3f}-{max(walls):.3f})",
                f"{statistics.median(cpus):.3f} ({min(cpus):.3f}-{max(cpus):.3f})",
                str(len({d for _, _, d in got})),
            ]
        )
    same = len({d for got in results.values() for _, _, d in got}) == 1
    header = ["tree", "wall s: median (range)", "CPU s: median (range)", "distinct outputs"]
    return markdown_table(header, rows) + f"\nthe same output bytes on every run of both: {'yes' if same else 'NO'}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clusters", type=Path, required=True, help="a clusters.jsonl (its first cluster is read)")
    parser.add_argument("--articles", type=int, default=10, help="the cluster's first N articles (default 10)")
    parser.add_argument("--words", type=int, default=250, help="summary budget in words (default 250)")
    parser.add_argument("--runs", type=int, default=15, help="fresh processes (default 15)")
    parser.add_argument("--regex", action="store_true", help="account for the regular expressions' compiles instead")
    parser.add_argument("--base", help="time the whole command against this commit's src/ instead, alternately")
    args = parser.parse_args(argv)
    import compileall

    import chorus

    compileall.compile_dir(Path(chorus.__file__).parent, quiet=1)
    print(describe_machine(machine()), file=sys.stderr)
    print(f"before: {os.getloadavg()}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as work:
        cluster = Path(work) / "one.jsonl"
        one_cluster(args.clusters, args.articles, cluster)
        if args.base:
            table = against_base(args.base, cluster, args.words, args.runs, Path(work))
        else:
            runs = [run_child(cluster, args.words, args.regex) for _ in range(args.runs)]
            table = regex_table(runs) if args.regex else phase_table(runs)
    print(f"after: {os.getloadavg()}", file=sys.stderr)
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
