"""Variants of the ``concepts`` method, each cross-validated on held-out topics.

    python benchmarks/concept_variants.py ../shared/data/duc2006/clusters.jsonl \
        ../shared/data/duc2007-update/clusters.jsonl --words 250,100 \
        --variants base,concepts=600,candidates=all,window=2,window=3,power=2,power=0.5,min-words=6,df3

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
- ``df3``: no learning, the unsupervised weights of Gillick & Favre's ICSI
  system (a bigram's weight is the number of articles using it, counted
  when at least 3 do), in the same integer program.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from train_concepts import GENERIC_FEATURES, build_examples, dataset_name, fold_models, summarize_with

from chorus import segment
from chorus.evaluation.evaluate import load_references
from chorus.evaluation.rouge import score
from chorus.select import base, concepts
from chorus.types import Sentence
from chorus.select.concepts import FEATURES, ConceptModel, ConceptTable


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
        df = np.expm1(table.features[:, FEATURES.index("log_df")])
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
_split_sentences = segment.split_sentences
compression = ""  # the rules of the ``compress`` variant in force


def compressed(sentence: str) -> str:
    short = sentence
    if "C" in compression and (match := _CONNECTIVE.match(short)):
        rest = short[match.end() :]
        short = rest[0].upper() + rest[1:]
    for rule, deletions in _DELETIONS.items():
        if rule in compression:
            for pattern, replacement in deletions:
                short = pattern.sub(replacement, short)
    return short if len(short.split()) >= 4 else sentence


def compressing_splitter(paragraph: str) -> list[str]:
    return [compressed(s) for s in _split_sentences(paragraph)]


def stands_alone_or_bare_quotation(sentence: Sentence, min_words: int) -> bool:
    """The rule before bare quotations were left out."""
    return min_words <= sentence.words <= base.MAX_SENTENCE_WORDS and not sentence.text.rstrip().endswith("?")


def apply(variant: str) -> Callable[[ConceptModel], object]:
    """Set the module constants for ``variant``; return how it wraps a trained model."""
    global compression
    name, _, value = variant.partition("=")
    if name == "concepts":
        concepts.MAX_CONCEPTS = int(value)
    elif name == "candidates":
        concepts.MAX_CANDIDATES = sys.maxsize if value == "all" else int(value)
    elif name == "window":
        concepts.WINDOW = int(value)
    elif name == "min-words":
        concepts.MIN_SENTENCE_WORDS = int(value)
    elif name == "power":
        return lambda model: PoweredModel(model, float(value))
    elif name == "compress":
        compression = value
        segment.split_sentences = compressing_splitter
    elif name == "bare-quotes":
        concepts.stands_alone = stands_alone_or_bare_quotation
    elif name == "df3":
        return lambda model: DocumentFrequency()
    elif name != "base":
        raise SystemExit(f"unknown variant {variant!r}")
    return lambda model: model


def main() -> int:
    global compression
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
    shipped = {
        name: getattr(concepts, name)
        for name in ("MAX_CONCEPTS", "MAX_CANDIDATES", "WINDOW", "MIN_SENTENCE_WORDS", "stands_alone")
    }
    columns = [f"{dataset_name(p)} {mode}" for mode in ("query", "generic") for p in args.datasets]
    print("| variant | " + " | ".join(f"{c} R-2 / SU4" for c in columns) + " | mean R-2 |")
    print("|---" * (len(columns) + 2) + "|")
    examples: dict[tuple[str, bool, int], list] = {}
    for variant in args.variants.split(","):
        for name, value in shipped.items():
            setattr(concepts, name, value)
        compression = ""
        segment.split_sentences = _split_sentences
        wrap = apply(variant)
        started = time.perf_counter()
        cells, r2 = [], []
        for mode, focused, features in (("query", True, FEATURES), ("generic", False, GENERIC_FEATURES)):
            per_dataset = []
            for path in args.datasets:
                key = (path, focused, concepts.WINDOW, compression)  # what the stories and concept tables depend on
                if key not in examples:
                    examples[key] = build_examples(path, fields, focused)
                per_dataset.append(examples[key])
            held_out_model = fold_models([e for ex in per_dataset for e in ex], features, args.folds)
            for path, words_budget, ex in zip(args.datasets, budgets, per_dataset):
                held_out = {e.cluster_id: summarize_with(wrap(held_out_model[e.cluster_id]), e, words_budget) for e in ex}
                result = score({"held-out": held_out}, references[path], words_budget)["held-out"]
                r2.append(result["ROUGE-2"].recall)
                cells.append(f"{result['ROUGE-2'].recall:.4f} / {result['ROUGE-SU4'].recall:.4f}")
        print(f"| {variant} | " + " | ".join(cells) + f" | {np.mean(r2):.4f} |", flush=True)
        print(f"{variant}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
