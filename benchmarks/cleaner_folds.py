"""The text route on the train half's held-out folds, with and without the cleaner's rules.

    OMP_NUM_THREADS=1 python benchmarks/cleaner_folds.py [--folds 5] [--threshold 0.6]

Five line models are trained as ``train_cleaner.py`` trains the shipped one,
each without one fifth of the training pages (web pages of the train half and
noisy DUC pages; the benchmarks' held-out parts are never read), and each
cleans the web pages it did not see. The rules the cleaner adds on top of the
model (``clean.EMBEDDED_POSTS``, ``clean.REPEATED_LABELS``) are switched off
and on in turn; F1 / precision / recall by the web pages' scorer, over all the
train half's pages. One thread: HistGradientBoosting's threads spin on a
shared machine.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_cleaner  # noqa: E402
from chorus.ingest import clean  # noqa: E402
from chorus.ingest.line_model import LineModel  # noqa: E402
from web_pages import DEFAULT_PAGES, load_scorer  # noqa: E402

# (embedded posts, repeated labels): the second was tried and not kept (BENCHMARKS.md).
SETTINGS = {"neither": (False, False), "embedded posts (shipped)": (True, False), "repeated labels": (False, True),
            "both": (True, True)}


@contextmanager
def _repeated_labels(on: bool) -> Iterator[None]:
    """The rule tried and not kept: a line printed twice with no sentence ending is furniture, whatever the model scored."""
    if not on:
        yield
        return
    classify = clean._classify

    def with_rule(blocks, model) -> None:
        classify(blocks, model)
        for b in blocks:
            if b.label == clean.GOOD and b.repeated and not b.terminal:
                b.label, b.reason = clean.BAD, "printed twice on the page"

    clean._classify = with_rule
    try:
        yield
    finally:
        clean._classify = classify


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--data", type=Path, default=train_cleaner.DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, default=train_cleaner.DEFAULT_THRESHOLD)
    args = parser.parse_args(argv)
    scorer = load_scorer(args.pages)
    pages = train_cleaner.load(args.pages, args.data)
    groups = sorted({p.group for p in pages})
    random.Random(0).shuffle(groups)
    fold_of = {g: i % args.folds for i, g in enumerate(groups)}
    counts: dict[str, list] = {name: [] for name in SETTINGS}
    for k in range(args.folds):
        model = train_cleaner.train([p for p in pages if fold_of[p.group] != k], args.threshold)
        held = [p for p in pages if fold_of[p.group] == k and p.source == "web"]
        for name, (posts, repeats) in SETTINGS.items():
            clean.EMBEDDED_POSTS = posts
            with _repeated_labels(repeats):
                for p in held:
                    body = "\n\n".join(clean.clean_texts([p.text], LineModel(model.own, model.context, args.threshold))[0].paragraphs)
                    counts[name].append(scorer.page_counts(p.truth, body))
        print(f"fold {k + 1} of {args.folds} done", file=sys.stderr)
    clean.EMBEDDED_POSTS = True
    print("| rules | F1 | precision | recall |\n|---|---|---|---|")
    for name, found in counts.items():
        f1, p, r = scorer.summarize(found)
        print(f"| {name} | {f1:.3f} | {p:.3f} | {r:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
