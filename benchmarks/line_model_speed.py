"""The cleaner's line model: its trees walked by an earlier version and by this one, side by side.

    nice python benchmarks/line_model_speed.py --base 8739528 [--clusters 15] [--repeats 5]

The earlier ``line_model.py`` is read from git (``--base``) and imported
beside the current one. Both score the same blocks (the first 10 and the
first 25 articles of each of the first ``--clusters`` DUC 2006 clusters, one
cluster's blocks in one call, as ``clean_texts`` does), both stages, with the
current model's weights, interleaved ``--repeats`` times; the figure is the
least CPU time per cluster (``time.process_time``; the machine is shared).
The scores must be equal, bit for bit, or the script fails.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chorus.ingest import clean, line_model  # noqa: E402
from clean_speed import load_old  # noqa: E402
from common import cpu_timed, describe_machine, machine, markdown_table, read_clusters  # noqa: E402

DATA = Path("../shared/data")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--base", required=True, help="the earlier commit")
    parser.add_argument("--clusters", type=int, default=15)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        old = load_old(args.base, "line_model", Path(folder))
    model = line_model.default_model()
    # The current weights in the earlier code: only the walk differs.
    old_model = old.LineModel(
        *(old.Stage(**{f: getattr(s, f) for f in s.__dataclass_fields__}) for s in (model.own, model.context)),
        model.threshold,
    )
    rows = []
    for articles in (10, 25):
        clusters = read_clusters(args.data / "duc2006" / "clusters.jsonl", args.clusters)
        cases = []
        for cluster in clusters:
            pages = [clean.page_blocks(d.text) for d in cluster.documents[:articles]]
            cases.append((pages, [line_model.page_layout(p) for p in pages]))
        least = {"before": float("inf"), "now": float("inf")}
        for _ in range(args.repeats):
            for name, scorer in (("before", old_model), ("now", model)):
                scores, seconds = cpu_timed(lambda s=scorer: [s.scores_of_pages(p, lay) for p, lay in cases])
                least[name] = min(least[name], seconds / len(cases))
                if name == "before":
                    before = scores
                elif not all(np.array_equal(a, b) for x, y in zip(before, scores) for a, b in zip(x, y)):
                    raise SystemExit("the scores differ")
        blocks = sum(len(b) for pages, _ in cases for b in pages) / len(cases)
        rows.append([f"{articles}", f"{blocks:.0f}", f"{least['before'] * 1000:.2f}", f"{least['now'] * 1000:.2f}"])
    print(
        markdown_table(
            ["articles a cluster", "blocks a cluster", f"{args.base} CPU ms a cluster", "now CPU ms a cluster"], rows
        )
    )
    print(f"\nleast of {args.repeats}, {args.clusters} DUC 2006 clusters; scores equal; {describe_machine(machine())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
