"""Learn the concept weights of the ``concepts`` method, with cross-validation.

    python benchmarks/train_concepts.py ../shared/data/duc2006/clusters.jsonl \
        --query-field topic_title,topic_narrative --folds 5 --write

For each cluster and each mode (focused by the query, generic) it builds the
story exactly as ``chorus summarize`` does, computes every bigram concept's
features, and labels each concept with the share of the human summaries
that contain it (Li, Qian & Liu 2013). A logistic regression on those soft
labels is trained per mode. The held-out folds are then summarized with the
integer program and scored with the official ROUGE-1.5.5, so the reported
figures are for clusters the weights never saw. ``--write`` stores the
models trained on all clusters in src/chorus/select/concept_weights.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from datetime import date

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from chorus.batch import BatchOptions, cluster_query
from chorus.evaluation.evaluate import load_references
from chorus.evaluation.rouge import score
from chorus.ingest.read import parse_dataset_line
from chorus.pipeline import build_story, load_documents
from chorus.select import concepts
from chorus.select.concepts import FEATURES, ConceptModel, concept_table
from chorus.text import stem, words
from chorus.types import Budget, Story

GENERIC_FEATURES = tuple(f for f in FEATURES if f not in ("q_words", "q_sent"))


@dataclass
class Example:
    cluster_id: str
    story: Story
    features: np.ndarray
    labels: np.ndarray


def reference_bigrams(summary: str) -> set[tuple[str, str]]:
    stems = [stem(w) for w in words(summary)]
    return set(zip(stems, stems[1:]))


def build_examples(path: str, query_fields: tuple[str, ...], focused: bool) -> list[Example]:
    options = BatchOptions(query_fields=query_fields if focused else ())
    lines, references = load_references(path, None)
    examples = []
    for number, line in lines:
        cluster = parse_dataset_line(line, f"{path} line {number}")
        story = build_story(load_documents(cluster.documents), cluster_query(cluster, options))
        table = concept_table(story)
        refs = [reference_bigrams(r) for r in references[cluster.id].values()]
        labels = np.array([sum(c in r for r in refs) / len(refs) for c in table.concepts])
        examples.append(Example(cluster.id, story, table.features, labels))
    return examples


def fit(examples: list[Example], features: tuple[str, ...]) -> ConceptModel:
    columns = [FEATURES.index(f) for f in features]
    x = np.vstack([e.features[:, columns] for e in examples])
    y = np.concatenate([e.labels for e in examples])
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    z = (x - scaler.mean_) / scale
    # Soft labels: each concept is a positive with weight y and a negative with weight 1 - y.
    both = np.vstack([z, z])
    target = np.concatenate([np.ones(len(y)), np.zeros(len(y))])
    weight = np.concatenate([y, 1 - y])
    keep = weight > 0
    model = LogisticRegression(C=1.0, max_iter=5000).fit(both[keep], target[keep], sample_weight=weight[keep])
    return ConceptModel(features, scaler.mean_, scale, model.coef_[0], float(model.intercept_[0]))


def summarize_with(model: ConceptModel, example: Example, words_budget: int) -> list[str]:
    mode = "query" if example.story.query_stems else "generic"
    chosen = concepts.Concepts({mode: model}).select(example.story, Budget(words=words_budget))
    chosen.sort(key=lambda i: (example.story.sentences[i].doc_index, example.story.sentences[i].position))
    return [example.story.sentences[i].text for i in chosen]


def fold_models(examples: list[Example], features: tuple[str, ...], folds: int) -> dict[str, ConceptModel]:
    """For each cluster, the model trained on the folds that do not hold it."""
    out = {}
    for k in range(folds):
        held_ids = {e.cluster_id for e in examples[k::folds]}
        model = fit([e for e in examples if e.cluster_id not in held_ids], features)
        out.update((i, model) for i in held_ids)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset")
    parser.add_argument("--query-field", default="topic_title,topic_narrative")
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="store models trained on all clusters")
    args = parser.parse_args()
    fields = tuple(f for f in args.query_field.split(",") if f)
    _, references = load_references(args.dataset, None)
    models, report = {}, {}
    for mode, focused, features in (("query", True, FEATURES), ("generic", False, GENERIC_FEATURES)):
        started = time.perf_counter()
        examples = build_examples(args.dataset, fields, focused)
        held_out_model = fold_models(examples, features, args.folds)
        held_out = {e.cluster_id: summarize_with(held_out_model[e.cluster_id], e, args.words) for e in examples}
        scores = score({"held-out": held_out}, references, args.words)["held-out"]
        report[mode] = {m: round(scores[m].recall, 5) for m in ("ROUGE-1", "ROUGE-2", "ROUGE-SU4")}
        print(f"{mode}: {args.folds}-fold held-out recall {report[mode]} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        models[mode] = fit(examples, features).to_json()
    if args.write:
        payload = {
            "trained_on": args.dataset.rsplit("/", 2)[-2] if "/" in args.dataset else args.dataset,
            "trained": date.today().isoformat(),
            "words": args.words,
            "cross_validated_recall": report,
            "models": models,
        }
        concepts.WEIGHTS_FILE.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {concepts.WEIGHTS_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
