"""Learn the cleaner's line model, with cross-validation, from labelled lines of pages.

    python benchmarks/train_cleaner.py [--folds 5] [--write]

Training data, and nothing else (the benchmarks' held-out parts are never read):

- the **train half** of ``../shared/data/web-pages`` (English pages whose key
  starts with 0-7, see ``web_pages.py``): each block of the flattened text is
  labelled the article's if at least half of its word 4-grams are in the body
  a person marked (a block of under four words: if it is one of the body's lines);
- the **tune part** of the noisy clusters (DUC 2006 D0601–D0625) dressed with
  furniture **family A** (``noisy_pages.py``): reporting paragraphs are the
  article's, furniture is not, headlines and wire residue are left out.

Each page weighs the same whatever its length, and the two sources weigh the
same in total, so neither the long pages nor the many DUC lines dominate.
The first stage is gradient-boosted trees on each block's own features; the
second adds the first stage's scores of the neighbouring blocks, taken
out-of-fold so that it learns how far to trust them. ``--folds`` holds out
whole pages (whole clusters for DUC) and reports, for the held-out folds, the
web pages' F1 by the benchmark's scorer and the noisy clusters' reporting
words kept and furniture removed, cleaned alone and as clusters, for each
candidate threshold. ``--write`` trains on everything and stores the model
with the chosen threshold in src/chorus/ingest/line_model.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chorus.ingest.clean import clean_texts, page_blocks  # noqa: E402
from chorus.ingest.line_model import (  # noqa: E402
    CONTEXT_FEATURES,
    MODEL_FILE,
    OWN_FEATURES,
    LineModel,
    Stage,
    context_features,
    own_features,
)
from chorus.text import words  # noqa: E402
from noisy_clusters import DEFAULT_DATA, build, score_page  # noqa: E402
from noisy_pages import HEADLINE, NEUTRAL, REPORTING  # noqa: E402
from web_pages import DEFAULT_PAGES, english_keys, is_training_page, load_scorer, read_pages  # noqa: E402

WORD = re.compile(r"\w+")
# The trees' size and number, chosen by the cross-validation below on the training data only.
TREES = {"max_iter": 150, "learning_rate": 0.1, "max_leaf_nodes": 15, "min_samples_leaf": 20, "l2_regularization": 1.0}
THRESHOLDS = (0.4, 0.5, 0.6, 0.7)
DEFAULT_THRESHOLD = 0.6


@dataclass
class Page:
    group: str  # pages of one group are held out together
    source: str  # web | noisy
    x: np.ndarray
    y: np.ndarray
    known: np.ndarray  # rows with a label
    text: str
    truth: str | None = None  # web pages: the marked body
    lines: list | None = None  # noisy pages: the Line list
    cluster: str | None = None


def _grams(text: str) -> set:
    w = WORD.findall(text)
    return {tuple(w[i : i + 4]) for i in range(len(w) - 3)} if len(w) >= 4 else ({tuple(w)} if w else set())


def _normal(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def web_page(key: str, text: str, truth: str) -> Page:
    blocks = page_blocks(text)
    truth_grams = _grams(truth)
    # A block of under four words is the article's only as one of the body's own lines (a
    # subheading): its words found anywhere in the body would make "News", "Close" and "By" of
    # the menus the article's, and teach the model to keep short lines.
    truth_lines = {_normal(line) for line in truth.split("\n") if line.strip()}
    y = []
    for b in blocks:
        g = _grams(b.text)
        if len(WORD.findall(b.text)) >= 4:
            y.append(len(g & truth_grams) / len(g) >= 0.5 if g else False)
        else:
            y.append(_normal(b.text) in truth_lines)
    return Page(key, "web", own_features(blocks), np.array(y, float), np.ones(len(blocks), bool), text, truth=truth)


def noisy_page(cluster: str, lines: list, text: str) -> Page:
    blocks = page_blocks(text)
    kinds = {}
    for line in lines:
        kinds.setdefault(" ".join(w.lower() for w in words(line.text)), line.kind)
    y, known = [], []
    for b in blocks:
        kind = kinds.get(b.normal)
        known.append(kind is not None and kind not in (HEADLINE, NEUTRAL))
        y.append(kind == REPORTING)
    return Page(
        cluster, "noisy", own_features(blocks), np.array(y, float), np.array(known), text, lines=lines, cluster=cluster
    )


def load(pages_dir: Path, data: Path) -> list[Page]:
    pages = read_pages(pages_dir)
    english = english_keys(pages)
    out = [web_page(k, p["text"], p["truth"]) for k, p in pages.items() if k in english and is_training_page(k)]
    for c in build(data, ["A"], {"tune"}):
        out += [noisy_page(c.id, lines, text) for lines, text in zip(c.pages, c.texts)]
    return out


def _weights(pages: list[Page]) -> list[np.ndarray]:
    """Every page weighs the same, and the web pages as much as the noisy ones together."""
    per_source = {s: sum(1 for p in pages if p.source == s) for s in ("web", "noisy")}
    return [np.full(len(p.y), 1.0 / max(1, p.known.sum()) / max(1, per_source[p.source])) * p.known for p in pages]


def export(model: HistGradientBoostingClassifier, names: tuple[str, ...]) -> Stage:
    """The fitted trees as the arrays ``Stage`` walks."""
    feature, threshold, left, right, value, roots = [], [], [], [], [], []
    depth = 0
    for (tree,) in model._predictors:
        nodes = tree.nodes
        offset = len(feature)
        roots.append(offset)
        for node in nodes:
            leaf = bool(node["is_leaf"])
            feature.append(-1 if leaf else int(node["feature_idx"]))
            threshold.append(float(node["num_threshold"]))
            left.append(offset + int(node["left"]) if not leaf else -1)
            right.append(offset + int(node["right"]) if not leaf else -1)
            value.append(float(node["value"]))
            depth = max(depth, int(node["depth"]))
    return Stage(
        names,
        float(np.ravel(model._baseline_prediction)[0]),
        np.array(feature),
        np.array(threshold),
        np.array(left),
        np.array(right),
        np.array(value),
        np.array(roots),
        depth + 1,
    )


def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, names: tuple[str, ...]) -> Stage:
    keep = w > 0
    model = HistGradientBoostingClassifier(**TREES, random_state=0)
    model.fit(x[keep], y[keep], sample_weight=w[keep] * keep.sum())
    stage = export(model, names)
    check = x[keep][:200]
    if not np.allclose(stage.predict(check), model.predict_proba(check)[:, 1], atol=1e-6):
        raise AssertionError("the exported trees do not reproduce scikit-learn's predictions")
    return stage


def train(pages: list[Page], threshold: float, inner_folds: int = 4, seed: int = 0) -> LineModel:
    weights = _weights(pages)
    x = np.vstack([p.x for p in pages])
    y = np.concatenate([p.y for p in pages])
    w = np.concatenate(weights)
    own = _fit(x, y, w, OWN_FEATURES)
    # The second stage learns from first-stage scores of pages that stage did not see.
    groups = sorted({p.group for p in pages})
    random.Random(seed).shuffle(groups)
    fold_of = {g: i % inner_folds for i, g in enumerate(groups)}
    first = [None] * len(pages)
    for k in range(inner_folds):
        train_idx = [i for i, p in enumerate(pages) if fold_of[p.group] != k]
        stage = _fit(
            np.vstack([pages[i].x for i in train_idx]),
            np.concatenate([pages[i].y for i in train_idx]),
            np.concatenate([weights[i] for i in train_idx]),
            OWN_FEATURES,
        )
        for i, p in enumerate(pages):
            if fold_of[p.group] == k:
                first[i] = stage.predict(p.x)
    x2 = np.vstack([np.hstack([p.x, context_features(f)]) for p, f in zip(pages, first)])
    context = _fit(x2, y, w, OWN_FEATURES + CONTEXT_FEATURES)
    return LineModel(own, context, threshold)


def evaluate(model: LineModel, pages: list[Page], scorer) -> dict[str, float]:
    """The held-out pages: web F1/P/R (alone); noisy reporting kept and furniture removed, alone and as clusters."""
    out: dict[str, float] = {}
    web = [p for p in pages if p.source == "web"]
    if web:
        counts = [scorer.page_counts(p.truth, "\n\n".join(clean_texts([p.text], model)[0].paragraphs)) for p in web]
        out["web_f1"], out["web_p"], out["web_r"] = scorer.summarize(counts)
    noisy = [p for p in pages if p.source == "noisy"]
    clusters: dict[str, list[Page]] = {}
    for p in noisy:
        clusters.setdefault(p.cluster, []).append(p)
    totals = {"words": 0, "kept_c": 0, "kept_a": 0, "furn": 0, "rem_c": 0, "rem_a": 0}
    for members in clusters.values():
        together = clean_texts([p.text for p in members], model)
        for p, c in zip(members, together):
            a = clean_texts([p.text], model)[0]
            sc, sa = score_page(p.lines, _Doc(c)), score_page(p.lines, _Doc(a))
            totals["words"] += sc.reporting_words
            totals["kept_c"] += sc.reporting_kept
            totals["kept_a"] += sa.reporting_kept
            totals["furn"] += sc.furniture_lines
            totals["rem_c"] += sc.furniture_removed
            totals["rem_a"] += sa.furniture_removed
    if noisy:
        out["kept_together"] = totals["kept_c"] / totals["words"]
        out["kept_alone"] = totals["kept_a"] / totals["words"]
        out["removed_together"] = totals["rem_c"] / totals["furn"]
        out["removed_alone"] = totals["rem_a"] / totals["furn"]
    return out


class _Doc:
    """A cleaned text seen as the Document ``score_page`` reads."""

    def __init__(self, cleaned) -> None:
        self.paragraphs, self.title, self.subtitle = cleaned.paragraphs, cleaned.title, cleaned.subtitle


def cross_validate(pages: list[Page], folds: int, scorer, seed: int = 0) -> dict[float, dict[str, float]]:
    groups = sorted({p.group for p in pages})
    random.Random(seed).shuffle(groups)
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    results: dict[float, list[tuple[int, dict[str, float]]]] = {t: [] for t in THRESHOLDS}
    for k in range(folds):
        held = [p for p in pages if fold_of[p.group] == k]
        model = train([p for p in pages if fold_of[p.group] != k], DEFAULT_THRESHOLD)
        for t in THRESHOLDS:
            results[t].append(evaluate(LineModel(model.own, model.context, t), held, scorer))
    # Mean of the folds' figures (web figures are page means, so folds of similar size weigh alike).
    return {t: {key: float(np.mean([r[key] for r in rs if key in r])) for key in rs[0]} for t, rs in results.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: none)")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="the threshold --write stores")
    parser.add_argument("--write", action="store_true", help=f"train on everything and write {MODEL_FILE}")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.pages)
    pages = load(args.pages, args.data)
    print(
        f"{sum(p.source == 'web' for p in pages)} web pages, {sum(p.source == 'noisy' for p in pages)} noisy pages, "
        f"{sum(int(p.known.sum()) for p in pages):,} labelled blocks"
    )
    if args.folds:
        table = cross_validate(pages, args.folds, scorer)
        print("| threshold | web F1 | P | R | kept together | kept alone | removed together | removed alone |")
        print("|---|---|---|---|---|---|---|---|")
        for t, r in table.items():
            print(
                f"| {t} | {r['web_f1']:.3f} | {r['web_p']:.3f} | {r['web_r']:.3f} | {100 * r['kept_together']:.2f}% | "
                f"{100 * r['kept_alone']:.2f}% | {100 * r['removed_together']:.2f}% | {100 * r['removed_alone']:.2f}% |"
            )
    if args.write:
        model = train(pages, args.threshold)
        MODEL_FILE.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE}")
        for stage in (model.own, model.context):
            used = Counter(stage.names[f] for f in stage.feature if f >= 0)
            print("features split on most: " + ", ".join(f"{n} {k}" for n, k in used.most_common(12)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
