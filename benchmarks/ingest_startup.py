"""Start-up of the ingest stage: what a command pays before it reads its first article, against an earlier commit.

    python benchmarks/ingest_startup.py [--base main] [--repeats 7] [--json FILE]

Each probe is a fresh ``python -c`` process run once with the current
``src/`` and once with ``--base``'s (read from git into a temporary folder),
interleaved, ``--repeats`` times; the figure is the median CPU time of the
child (``resource.getrusage(RUSAGE_CHILDREN)``: user + system), which the
machine's other load moves far less than wall time. Probes:

- ``import chorus.cli``: what every command pays;
- ``text articles``: ``chorus.pipeline.load_documents`` on the harbor-fire
  example's plain-text articles (no HTML extractor needed);
- ``an HTML page``: the same on its HTML page (the extractor is needed).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import describe_machine, machine, markdown_table, write_json  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbor-fire"
TEXTS = sorted(str(p) for p in EXAMPLE.glob("*.txt"))
HTML = sorted(str(p) for p in EXAMPLE.glob("*.html"))
LOAD = "import chorus.cli\nfrom pathlib import Path\nfrom chorus.pipeline import load_documents"
PROBES = {
    "import chorus.cli": "import chorus.cli",
    "text articles": f"{LOAD}\nload_documents([Path(p) for p in {TEXTS!r}])",
    "an HTML page": f"{LOAD}\nload_documents([Path(p) for p in {HTML!r}])",
}


def export_src(commit: str, folder: Path) -> Path:
    """``src/`` as it was at ``commit``, unpacked into ``folder``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def child_cpu(code: str, src: Path) -> float:
    """CPU seconds (user + system) of one fresh interpreter running ``code`` with ``src`` first on its path."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="main", help="the earlier commit (default %(default)s)")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        trees = {"base": export_src(args.base, Path(folder)), "now": ROOT / "src"}
        for src in trees.values():  # warm the file cache and the bytecode of both trees
            child_cpu(PROBES["an HTML page"], src)
        times: dict[str, dict[str, list[float]]] = {p: {t: [] for t in trees} for p in PROBES}
        for _ in range(args.repeats):
            for probe, code in PROBES.items():
                for tree, src in trees.items():
                    times[probe][tree].append(child_cpu(code, src))
    medians = {p: {t: 1000 * statistics.median(v) for t, v in by_tree.items()} for p, by_tree in times.items()}
    rows = [[p, f"{m['base']:.0f}", f"{m['now']:.0f}"] for p, m in medians.items()]
    print(markdown_table(["probe", f"CPU ms at {args.base}", "CPU ms now"], rows))
    print(f"median of {args.repeats} fresh processes each, interleaved")
    info = machine()
    print(describe_machine(info))
    write_json(args.json, args, info, cpu_ms=medians)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
