"""CPU time of per-story analyses the summary reads: ``told_description`` on every sentence, ``SourceFamilies``, the claim aligner (with its common places) and ``represent``.

    nice python benchmarks/leaning_speed.py --clusters ../shared/data/duc2006/clusters.jsonl

The first ``--limit`` clusters (25 articles each in DUC 2006) are read, segmented and
represented untimed; then each part runs over all of them ``--passes`` times and the
least CPU ms per story is printed. Run it side by side with an older tree
(``PYTHONPATH=<that tree>/src``), interleaved, to see what a change saved.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

from chorus.align.claims import Aligner
from chorus.align.families import SourceFamilies
from chorus.references import StoryContext, told_description
from chorus.represent import represent
from common import add_cluster_arguments, cluster_stories


def told_on_every_sentence(story: Any) -> None:
    context = StoryContext(story)
    kept = getattr(context, "first_told", None)  # older trees read the article again per sentence
    for i in range(len(story.sentences)):
        if kept is None:
            told_description(story, i)
        else:
            told_description(story, i, lambda i=i: kept(i))


def aligner_with_places(story: Any) -> frozenset[str]:
    return Aligner(story).common_places


def least_ms(part: Callable[[Any], object], stories: list[Any], passes: int) -> float:
    times = []
    for _ in range(passes):
        start = time.process_time()
        for story in stories:
            part(story)
        times.append((time.process_time() - start) / len(stories))
    return 1000 * min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_cluster_arguments(parser, limit=10, articles=25)
    parser.add_argument("--passes", type=int, default=5)
    settings = parser.parse_args()
    stories = cluster_stories(settings)
    told = least_ms(told_on_every_sentence, stories, settings.passes)
    families = least_ms(SourceFamilies, stories, settings.passes)
    aligner = least_ms(aligner_with_places, stories, settings.passes)
    vectors = least_ms(represent, stories, settings.passes)
    print(
        f"told_description on every sentence {told:.1f} ms per story, SourceFamilies {families:.1f}, "
        f"Aligner with common_places {aligner:.1f}, represent {vectors:.1f} "
        f"(least of {settings.passes} passes over {len(stories)} stories)"
    )


if __name__ == "__main__":
    main()
