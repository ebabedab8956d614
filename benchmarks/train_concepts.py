"""Learn the concept weights of the ``concepts`` method, with cross-validation.

    python benchmarks/train_concepts.py ../shared/data/duc2006/clusters.jsonl \
        ../shared/data/duc2007-update/clusters.jsonl --words 250,100 \
        --query-field topic_title,topic_narrative --folds 5 --write

For each cluster and each mode (focused by the query, generic) it builds the
story exactly as ``chorus summarize`` does, computes every bigram concept's
features, and labels each concept with the share of the human summaries
that contain it (Li, Qian & Liu 2013). A logistic regression on those soft
labels is trained per mode on the clusters of all the datasets together.

Cross-validation holds out whole topics: the folds split the topics (the
first five characters of a DUC id, so DUC 2007's sets A, B and C of one
topic stay together), and each held-out cluster is summarized, with the
integer program at its dataset's word budget, by the model trained on the
other folds. Each dataset's held-out summaries are scored with the official
ROUGE-1.5.5, so the reported figures are for topics the weights never saw.
``--write`` stores the models trained on all clusters in
src/chorus/select/concept_weights.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from chorus.batch import BatchOptions, cluster_query
from chorus.compose import compose
from chorus.evaluation.evaluate import load_references
from chorus.evaluation.rouge import score
from chorus.ingest.read import Cluster, parse_dataset_line
from chorus.pipeline import build_story, load_documents
from chorus.segment import split_sentences
from chorus.select import concepts
from chorus.select.concepts import FEATURES, ConceptModel, ConceptTable, concept_table
from chorus.text import stem, words
from chorus.types import Budget, Document, Story

GENERIC_FEATURES = tuple(f for f in FEATURES if f not in ("q_words", "q_sent"))


@dataclass
class Example:
    cluster_id: str
    story: Story
    features: np.ndarray
    labels: np.ndarray
    names: tuple[str, ...] = FEATURES  # the feature of each column of ``features``
    references: tuple[str, ...] = ()  # the human summaries ``labels`` come from


def reference_bigrams(summary: str) -> set[tuple[str, str]]:
    stems = [stem(w) for w in words(summary)]
    return set(zip(stems, stems[1:]))


@dataclass
class CleanedCluster:
    """A dataset's cluster read and cleaned once (what every mode and variant starts from)."""

    id: str
    documents: list[Document]
    fields: dict[str, Any]


def read_clusters(path: str) -> list[CleanedCluster]:
    lines, _ = load_references(path, None)
    out = []
    for number, line in lines:
        cluster = parse_dataset_line(line, f"{path} line {number}", number)
        out.append(CleanedCluster(cluster.id, load_documents(cluster.documents), cluster.fields))
    return out


def build_examples(
    path: str,
    query_fields: tuple[str, ...],
    focused: bool,
    *,
    window: int = concepts.WINDOW,
    splitter: Callable[[str], list[str]] = split_sentences,
    table: Callable[[Story, int], ConceptTable] = concept_table,
    clusters: list[CleanedCluster] | None = None,
) -> list[Example]:
    """Each cluster's story and concepts (as ``table`` finds them, ``window`` words apart at most),
    labelled with the share of reference summaries that hold each concept (``clusters``: the
    dataset as ``read_clusters`` gives it, when already read)."""
    options = BatchOptions(query_fields=query_fields if focused else ())
    _, references = load_references(path, None)
    examples = []
    for cluster in clusters if clusters is not None else read_clusters(path):
        query = cluster_query(Cluster(cluster.id, [], cluster.fields), options)
        story = build_story(cluster.documents, query, splitter=splitter)
        examples.append(label_example(cluster.id, story, references[cluster.id].values(), window, table))
    return examples


def label_example(
    cluster_id: str,
    story: Story,
    references: Iterable[str],
    window: int = concepts.WINDOW,
    table: Callable[[Story, int], ConceptTable] = concept_table,
) -> Example:
    found = table(story, window)
    summaries = tuple(references)
    refs = [reference_bigrams(r) for r in summaries]
    labels = np.array([sum(c in r for r in refs) / len(refs) for c in found.concepts])
    return Example(cluster_id, story, found.features, labels, found.names, summaries)


REGULARISATION = 1.0  # the logistic regression's C (scikit-learn's default; concept_variants.py tries others)


def fit(examples: list[Example], features: tuple[str, ...], regularisation: float = REGULARISATION) -> ConceptModel:
    columns = [examples[0].names.index(f) for f in features]
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
    model = LogisticRegression(C=regularisation, max_iter=5000).fit(
        both[keep], target[keep], sample_weight=weight[keep]
    )
    return ConceptModel(features, scaler.mean_, scale, model.coef_[0], float(model.intercept_[0]))


def summarize_with(model: ConceptModel, example: Example, words_budget: int, **settings: Any) -> list[str]:
    """The summary ``chorus summarize`` prints with ``model`` (composed: ordered, names and dates
    edited as the reader sees them); ``settings`` are ``Concepts``'s other parameters."""
    mode = "query" if example.story.query_stems else "generic"
    budget = Budget(words=words_budget)
    method = concepts.Concepts({mode: model}, **settings)
    chosen = method.select(example.story, budget)
    return [s.text for s in compose(example.story, chosen, budget, method.name).sentences]


def topic_of(cluster_id: str) -> str:
    return cluster_id[:5]  # D0601A -> D0601; D0703A-B -> D0703


def fold_models(
    examples: list[Example], features: tuple[str, ...], folds: int, regularisation: float = REGULARISATION
) -> dict[str, ConceptModel]:
    """For each cluster, the model trained on the folds that do not hold its topic."""
    topics = sorted({topic_of(e.cluster_id) for e in examples})
    fold_of = {topic: n % folds for n, topic in enumerate(topics)}
    out = {}
    for k in range(folds):
        held_ids = {e.cluster_id for e in examples if fold_of[topic_of(e.cluster_id)] == k}
        model = fit([e for e in examples if e.cluster_id not in held_ids], features, regularisation)
        out.update((i, model) for i in held_ids)
    return out


def dataset_name(path: str) -> str:
    return path.rsplit("/", 2)[-2] if "/" in path else path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="+", metavar="DATASET")
    parser.add_argument("--query-field", default="topic_title,topic_narrative")
    parser.add_argument("--words", default="250", help="word budget of each dataset's summaries, comma-separated")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="store models trained on all clusters")
    args = parser.parse_args()
    fields = tuple(f for f in args.query_field.split(",") if f)
    budgets = [int(w) for w in args.words.split(",")]
    if len(budgets) == 1:
        budgets *= len(args.datasets)
    if len(budgets) != len(args.datasets):
        parser.error("--words needs one budget, or one per dataset")
    models, report = {}, {}
    for mode, focused, features in (("query", True, FEATURES), ("generic", False, GENERIC_FEATURES)):
        started = time.perf_counter()
        per_dataset = [build_examples(path, fields, focused) for path in args.datasets]
        pooled = [e for examples in per_dataset for e in examples]
        held_out_model = fold_models(pooled, features, args.folds)
        report[mode] = {}
        for path, words_budget, examples in zip(args.datasets, budgets, per_dataset):
            held_out = {e.cluster_id: summarize_with(held_out_model[e.cluster_id], e, words_budget) for e in examples}
            _, references = load_references(path, None)
            scores = score({"held-out": held_out}, references, words_budget)["held-out"]
            recall = {m: round(scores[m].recall, 5) for m in ("ROUGE-1", "ROUGE-2", "ROUGE-SU4")}
            report[mode][dataset_name(path)] = {"words": words_budget, **recall}
            print(
                f"{mode} {dataset_name(path)} {words_budget} words: {args.folds}-fold held-out recall {recall}",
                file=sys.stderr,
            )
        print(f"{mode}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
        models[mode] = fit(pooled, features).to_json()
    if args.write:
        payload = {
            "trained_on": [dataset_name(path) for path in args.datasets],
            "trained": date.today().isoformat(),
            "folds": f"{args.folds} folds of whole topics",
            "cross_validated_recall": report,
            "models": models,
        }
        concepts.WEIGHTS_FILE.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {concepts.WEIGHTS_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
