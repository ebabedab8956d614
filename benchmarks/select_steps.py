"""CPU time of each step of the default method's select stage, without a profiler's cost.

    nice python benchmarks/select_steps.py --clusters ../shared/data/duc2006/clusters.jsonl --articles 25 --limit 10

The clusters are read, segmented and represented untimed; then each story is
summarized with ``time.process_time`` taken around the steps (wrapped in
place), so the figures are those of the plain code (``select_profile.py``
gives shares under cProfile, whose own cost is large on small calls). Steps
may contain one another (the claim checks contain source families).
"""

from __future__ import annotations

import argparse
import functools
import time
from collections.abc import Callable
from typing import Any

import chorus.align.claims as claims
import chorus.pipeline as pipeline
import chorus.select.concepts as concepts
from chorus.select import get_method
from common import add_cluster_arguments, cluster_stories, read_clusters

TOTALS: dict[str, float] = {}


def timed(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            TOTALS[name] = TOTALS.get(name, 0.0) + time.process_time() - start

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_cluster_arguments(parser, limit=10, articles=25)
    args = parser.parse_args()
    for name in (
        "greedy_coverage",
        "redundant_pairs",
        "with_predecessors",
        "edit_words",
        "context_requirements",
        "overtaken_or_repeated",
    ):
        setattr(concepts, name, timed(getattr(concepts, name), name))
    claims.SourceFamilies.__init__ = timed(claims.SourceFamilies.__init__, "source families")  # type: ignore[method-assign]
    claims.Aligner.check = timed(claims.Aligner.check, "claim checks (Aligner.check)")  # type: ignore[method-assign]
    method = get_method("concepts")
    method.table = timed(method.table, "concept_table")  # type: ignore[attr-defined]
    method.solve = timed(method.solve, "integer program")  # type: ignore[attr-defined]
    budget = pipeline.make_budget(args.words)
    stories = cluster_stories(args)
    [first] = read_clusters(args.clusters, 1)
    pipeline.summarize_story(
        pipeline.build_story(pipeline.load_documents(first.documents[:3], []), None, []), budget, method
    )  # lazy imports and the models, untimed
    TOTALS.clear()
    start = time.process_time()
    for story in stories:
        pipeline.summarize_story(story, budget, method)
    total = time.process_time() - start
    print(f"select and compose: {total / len(stories) * 1000:.1f} CPU ms per cluster, {len(stories)} clusters")
    for name, seconds in sorted(TOTALS.items(), key=lambda item: -item[1]):
        print(f"| {name} | {seconds / len(stories) * 1000:.1f} |")


if __name__ == "__main__":
    main()
