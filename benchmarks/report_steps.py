"""`chorus report` on a folder of many articles: the whole command, then each of its steps.

    nice python benchmarks/report_steps.py --articles 1000 [--repeats 1] [--json out.json]

The articles are DUC 2006's, pooled and shuffled as in scaling.py, written
one file each to a temporary folder: what a user with 1,000 saved articles
runs. The whole command runs as a subprocess (its CPU time and peak memory
from the kernel's accounting of that process); the steps are timed in a
fresh interpreter with the same functions the command calls, named as its
progress display names them. CPU time, not wall time: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import describe_machine, machine, markdown_table, run_worker, serve_as_worker, write_json  # noqa: E402

# ../shared beside the repository, or wherever CHORUS_SHARED says (as the tests read it).
SHARED = Path(os.environ.get("CHORUS_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DUC2006 = SHARED / "data" / "duc2006" / "clusters.jsonl"


def write_articles(dataset: Path, count: int, seed: int, folder: Path) -> int:
    from scaling import pooled_articles

    articles = pooled_articles(dataset, seed)[:count]
    for n, article in enumerate(articles):
        (folder / f"{n:04d}-{article.id}.txt").write_text(article.text, encoding="utf-8")
    return len(articles)


def whole_command(folder: Path) -> dict[str, float]:
    """`chorus report FOLDER` as a user runs it: CPU seconds and peak resident memory."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "chorus.cli", "report", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)  # the kernel's accounting of that one process
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"chorus report failed with status {os.waitstatus_to_exitcode(status)}")
    return {
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "wall_s": time.perf_counter() - started,
        "peak_mb": usage.ru_maxrss / 1024,
    }


def measure_steps(spec: dict) -> dict:
    """In a fresh interpreter: CPU seconds of each step of `chorus report`."""
    import resource

    from chorus.analysis.report import build_report
    from chorus.ingest import read_inputs
    from chorus.pipeline import build_story, load_documents
    from chorus.render import render_report

    steps: list[tuple[str, float]] = []
    current = ["reading the files"]
    clock = [time.process_time()]

    def step(name: str) -> None:
        now = time.process_time()
        steps.append((current[0], now - clock[0]))
        current[0], clock[0] = name, now

    warnings: list[str] = []
    clusters = read_inputs([spec["folder"]], warnings)
    step(f"reading {len(clusters[0].documents)} articles")
    documents = load_documents(clusters[0].documents, warnings)
    step("splitting into sentences")
    story = build_story(documents, None, warnings)
    report = build_report(story, stage=step)
    step("rendering Markdown")
    render_report(report, "markdown")
    step("done")
    return {
        "steps": steps,
        "sentences": len(story.sentences),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if serve_as_worker(argv, measure_steps):
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DUC2006)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2006)
    parser.add_argument("--repeats", type=int, default=1, help="whole-command runs (default 1)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="chorus-report-steps-") as tmp:
        folder = Path(tmp)
        count = write_articles(args.dataset, args.articles, args.seed, folder)
        runs = [whole_command(folder) for _ in range(args.repeats)]
        steps = run_worker(__file__, {"folder": str(folder)})
    if "error" in steps:
        raise SystemExit(f"the step timing failed: {steps['error']}")
    info = machine()
    best = min(runs, key=lambda r: r["cpu_s"])
    print(
        f"`chorus report` on {count} article files ({steps['sentences']:,} sentences kept); {describe_machine(info)}\n"
    )
    print(
        markdown_table(
            ["run", "CPU s", "wall s", "peak MB"],
            [
                [str(n + 1), f"{r['cpu_s']:.1f}", f"{r['wall_s']:.1f}", f"{r['peak_mb']:.0f}"]
                for n, r in enumerate(runs)
            ],
        )
    )
    total = sum(seconds for _, seconds in steps["steps"])
    print(
        markdown_table(
            ["step (as the progress display names it)", "CPU s", "share"],
            [[name, f"{seconds:.1f}", f"{seconds / total:.0%}"] for name, seconds in steps["steps"]],
        )
    )
    print(
        f"steps in one interpreter: {total:.1f} CPU s, peak {steps['peak_mb']:.0f} MB; "
        f"whole command, best of {len(runs)}: {best['cpu_s']:.1f} CPU s, {best['peak_mb']:.0f} MB"
    )
    write_json(args.json, args, info, articles=count, runs=runs, steps=steps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
