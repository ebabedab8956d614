"""Conflict precision and recall on every split of ``benchmarks/claims/conflicts.jsonl`` in one run.

    python benchmarks/conflicts_by_split.py [--aside] [--json FILE]

The figures are ``claims_score.py --split NAME --conflicts-only``'s for each split (the same scorer,
``claims_score.score_conflicts``), but each cluster's story and report are built once for all the
splits that hold it, so the whole table costs one pass over the clusters. ``all`` is
``--split all`` (every split but the kept-aside ones). The kept-aside splits (``aside-conflicts``,
``aside2-conflicts``) are scored only with ``--aside``: they are scored once before a session's
change and once after, never while tuning. Nothing but figures is printed (no wrong conflict of
any split: the blind splits' errors are never shown).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

import claims_score  # noqa: E402

KEPT_ASIDE_CONFLICTS = ("aside-conflicts", "aside2-conflicts")


class _Stories(dict):
    """Each cluster's story, built the first time a split asks for it."""

    def get(self, cluster, default=None):  # type: ignore[override]
        if cluster not in self:
            from chorus.pipeline import build_story

            self[cluster] = build_story(claims_score.load_cluster(cluster))
        return self[cluster]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--aside", action="store_true", help="score the kept-aside splits too (before / after only)")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--splits", help="only these splits, comma-separated (for a quick look at a variant)")
    args = parser.parse_args()

    import chorus.analysis.report as report_module

    build = report_module.build_report
    reports: dict[int, object] = {}

    def cached_report(story):
        if id(story) not in reports:
            reports[id(story)] = build(story)
        return reports[id(story)]

    report_module.build_report = cached_report  # type: ignore[assignment]
    judged = [
        json.loads(line)
        for line in (claims_score.CLAIMS / "conflicts.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    splits = list(dict.fromkeys(j.get("split", "dev") for j in judged))
    splits = [s for s in splits if args.aside or s not in KEPT_ASIDE_CONFLICTS] + ["all"]
    if args.splits:
        splits = [s for s in args.splits.split(",") if s in splits]
    stories = _Stories()
    table = {}
    for split in splits:
        figures = claims_score.score_conflicts(stories, SimpleNamespace(split=split, show=False))
        table[split] = figures
        print(
            f"{split:18} judged {figures['conflicts_judged']:3} ({figures['conflicts_between_outlets']:3} between)"
            f"  found {figures['conflicts_found']:3}  P {figures['conflict_precision']}"
            f"  R {figures['conflict_recall']}  R between {figures['conflict_recall_between_outlets']}"
            f"  updates {figures['updates_reported']}",
            flush=True,
        )
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
