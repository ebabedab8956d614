"""The text route on the train half's held-out folds, with and without the cleaner's rules.

    OMP_NUM_THREADS=1 python benchmarks/cleaner_folds.py [--folds 5] [--threshold 0.6]

Five line models are trained as ``train_cleaner.py`` trains the shipped one,
each without one fifth of the training pages (web pages of the train half and
noisy DUC pages; the benchmarks' held-out parts are never read), and each
cleans the web pages it did not see. The rules the cleaner adds on top of the
model (``clean_texts``'s ``embedded_posts``, ``repeated_labels``,
``introduced_lists`` and ``other_stories``) are switched off and on in turn;
F1 / precision / recall by the web pages' scorer, over all the train half's
pages. One thread: HistGradientBoosting's threads spin on a
shared machine.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_cleaner  # noqa: E402
from chorus.ingest import clean  # noqa: E402
from chorus.ingest.line_model import LineModel  # noqa: E402
from web_pages import DEFAULT_PAGES, load_scorer  # noqa: E402

# The rules on top of the model, as ``clean_texts`` keywords; repeated labels were tried and not kept
# (BENCHMARKS.md). Each setting but the first switches one rule of the shipped ones.
SHIPPED = {
    "embedded_posts": clean.EMBEDDED_POSTS,
    "repeated_labels": clean.REPEATED_LABELS,
    "introduced_lists": clean.INTRODUCED_LISTS,
    "other_stories": clean.OTHER_STORIES,
}
SETTINGS = {
    "no rule": {rule: False for rule in SHIPPED},
    "without embedded posts": {**SHIPPED, "embedded_posts": False},
    "without introduced lists": {**SHIPPED, "introduced_lists": False},
    "without other stories' boxes": {**SHIPPED, "other_stories": False},
    "with repeated labels": {**SHIPPED, "repeated_labels": True},
    "shipped": SHIPPED,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--data", type=Path, default=train_cleaner.DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, default=train_cleaner.DEFAULT_THRESHOLD)
    parser.add_argument(
        "--json", type=Path, help="also write each held-out page's body per setting here (to read the misses)"
    )
    args = parser.parse_args(argv)
    scorer = load_scorer(args.pages)
    pages = train_cleaner.load(args.pages, args.data)
    groups = sorted({p.group for p in pages})
    random.Random(0).shuffle(groups)
    fold_of = {g: i % args.folds for i, g in enumerate(groups)}
    counts: dict[str, list] = {name: [] for name in SETTINGS}
    bodies: dict[str, dict[str, str]] = {name: {} for name in SETTINGS}
    for k in range(args.folds):
        model = train_cleaner.train([p for p in pages if fold_of[p.group] != k], args.threshold)
        held = [p for p in pages if fold_of[p.group] == k and p.source == "web"]
        for name, rules in SETTINGS.items():
            line_model = LineModel(model.own, model.context, args.threshold)
            for p in held:
                [cleaned] = clean.clean_texts([p.text], line_model, **rules)
                body = "\n\n".join(cleaned.paragraphs)
                counts[name].append(scorer.page_counts(p.truth, body))
                bodies[name][p.group] = body
        print(f"fold {k + 1} of {args.folds} done", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(bodies, ensure_ascii=False, indent=1), encoding="utf-8")
    print("| rules | F1 | precision | recall |\n|---|---|---|---|")
    for name, found in counts.items():
        f1, p, r = scorer.summarize(found)
        print(f"| {name} | {f1:.3f} | {p:.3f} | {r:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
