"""Where the default method's select stage spends its CPU time, by function.

    nice python benchmarks/select_profile.py --clusters ../shared/data/duc2006/clusters.jsonl

The first ``--limit`` DUC 2006 clusters cut to ``--articles`` articles are read,
segmented and represented untimed; then ``Concepts`` selects for each under
``cProfile`` with CPU time as its clock. Printed: the CPU ms per cluster of
each part of ``Concepts.select`` (cumulative, so parts may contain others)
and its share of the stage.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time

from chorus.pipeline import make_budget
from chorus.select import get_method
from common import add_cluster_arguments, cluster_stories

PARTS = (  # (module file ends with, function): what is timed
    ("concepts.py", "concept_table"),
    ("concepts.py", "greedy_coverage"),
    ("concepts.py", "solve_coverage"),
    ("concepts.py", "redundant_pairs"),
    ("base.py", "with_predecessors"),
    ("base.py", "edit_words"),
    ("base.py", "context_requirements"),
    ("base.py", "overtaken_or_repeated"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_cluster_arguments(parser, limit=50, articles=10)
    args = parser.parse_args()
    stories = cluster_stories(args)
    method, budget = get_method("concepts"), make_budget(args.words)
    method(stories[0], budget)  # lazy imports and the models, untimed
    profile = cProfile.Profile(time.process_time)
    profile.enable()
    for story in stories:
        method(story, budget)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = max(cumulative for (_, _, name), (_, _, _, cumulative, _) in stats.items() if name == "__call__")
    print(
        f"select stage: {total / len(stories) * 1000:.1f} CPU ms per cluster (under cProfile), {len(stories)} clusters"
    )
    for file_end, function in PARTS:
        cumulative = sum(
            c for (path, _, name), (_, _, _, c, _) in stats.items() if name == function and path.endswith(file_end)
        )
        print(f"| {function} | {cumulative / len(stories) * 1000:.1f} | {cumulative / total:.0%} |")


if __name__ == "__main__":
    main()
