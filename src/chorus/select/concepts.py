"""Concept coverage solved exactly, with learned concept weights.

The summary is the set of sentences that covers the most valuable concepts
within the word budget (Gillick & Favre, "A scalable global model for
summarization", ILP for NLP 2009). Concepts are the story's word bigrams
(stems, stop-word pairs dropped); the integer program picks sentences and
concepts together, so a concept counts once however many chosen sentences
carry it, which is what keeps the summary from repeating itself.

A concept's value is the probability, predicted from its features, that a
human summary of the story contains it (Li, Qian & Liu, "Using supervised
bigram-based ILP for extractive summarization", ACL 2013). The model is a
logistic regression learned on DUC 2006 and DUC 2007 by
``benchmarks/train_concepts.py`` (cross-validated on held-out topics) and
stored as plain numbers in ``concept_weights.json``: one model for
summaries focused by a query and one for generic summaries. The features are
properties every news cluster has (how many articles use the bigram, how
early, in headlines, capitalised, near the query), not the words themselves,
so nothing about DUC's topics is memorised.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from chorus.represent import pair_table, redundancy_matrix
from chorus.select.base import (
    Summarizer,
    context_requirements,
    edit_words,
    overtaken_or_repeated,
    stands_alone,
    with_predecessors,
)
from chorus.sparse import distinct_values, sparse
from chorus.text import stem, words
from chorus.types import Budget, Sentence, Story

if TYPE_CHECKING:
    import highspy

WEIGHTS_FILE = Path(__file__).with_name("concept_weights.json")

MIN_SENTENCE_WORDS = 8  # shorter sentences rarely stand alone in a summary
WINDOW = 1  # concepts are adjacent word pairs
MAX_CONCEPTS = 300  # the most valuable concepts; more do not raise held-out ROUGE and cost solver time
MAX_CANDIDATES = 150  # the densest sentences (concept weight per word); the optimum is almost always among them
SOLVER_NODES = 200  # branch-and-bound nodes before HiGHS returns its best solution
SOLVER_GAP = 0.01  # stop within 1% of the optimum: the weights are estimates anyway
# HiGHS's options that measurably help on these programs (BENCHMARKS.md, "The
# integer program"); others tried (heuristic effort, symmetry detection,
# sub-MIP heuristics) changed nothing. Presolve removes the concepts that only
# one candidate carries, most of them; cuts older than SOLVER_LP_AGE_LIMIT
# rounds leave the LP and the pool keeps at most SOLVER_CUT_POOL cuts, so the
# root node's rounds of cuts stay cheap (defaults: 10 and 10,000).
SOLVER_OPTIONS: dict[str, bool | float | str] = {
    "presolve": "on",
    "mip_lp_age_limit": 2,
    "mip_pool_soft_limit": 100,
    "threads": 1,
}
SOLUTION_FEASIBLE = 2  # HiGHS's primal_solution_status of a feasible point
# The greedy solution's value is given to HiGHS as a cutoff ("objective_bound"),
# lowered by this fraction so that rounding cannot cut off a solution worth as much.
SOLVER_GREEDY_BOUND = True
BOUND_SLACK = 1e-9
# After solving, the chosen sentences are checked against the story (``overtaken_or_repeated``):
# one a later article overtakes leaves the pool, two that state one fact become exclusive, and
# the program is solved again, at most this many times.
RECHECK_ROUNDS = 2

FEATURES = (
    "df_frac",  # share of articles that use the bigram
    "log_df",
    "log_tf",  # occurrences in the cluster
    "first_rel",  # earliest relative position in an article
    "first_abs",  # earliest sentence number, log
    "lead_frac",  # share of occurrences in an article's first two sentences
    "n_stop",  # stop words in the bigram
    "cap_frac",  # share of occurrences written as a capitalised name
    "numeric",
    "in_title",  # some headline contains its words
    "title_frac",  # share of headlines that contain its words
    "q_words",  # its words that are query words
    "q_sent",  # best query similarity of a sentence carrying it
    "mean_len",  # log mean length of the sentences carrying it
    "quote_frac",  # share of occurrences inside sentences with quotation marks
    "uni_df_min",  # article frequency of the rarer word of the pair
    "uni_df_max",
    "n_docs_log",
)
QUOTE_MARKS = ('"', "“", "”", "``")
_QUOTE_MARK = re.compile("|".join(map(re.escape, QUOTE_MARKS)))  # any of them: one search, not one per mark


Concept = tuple[str, str]


@dataclass
class ConceptTable:
    """The story's concepts, their features, and which sentences carry them."""

    concepts: list[Concept]
    features: np.ndarray  # one row per concept, one column per name of ``names``
    sentence_concepts: list[set[int]]  # per sentence: indexes into ``concepts``
    names: tuple[str, ...] = FEATURES  # the feature of each column


@dataclass
class BigramOccurrences:
    """Every occurrence of a bigram concept in the story, in reading order."""

    concepts: list[Concept]  # in order of first occurrence
    concept: np.ndarray  # per occurrence: index into ``concepts``
    sentence: np.ndarray  # per occurrence: the sentence's index
    left: np.ndarray  # per occurrence: its two words, as indexes of the story's tokens end to end
    right: np.ndarray
    names: list[str]  # the story's distinct word keys (stems, a name's variants as one), sorted
    token_name: np.ndarray  # per token of the story, end to end: its key, as an index into ``names``
    concept_words: np.ndarray  # per concept: its two words, as indexes into ``names`` (concepts x 2)


def bigram_occurrences(story: Story, window: int = 1) -> BigramOccurrences:
    """The story's bigram concepts and where each occurs, computed on all tokens at once.

    Adjacent pairs count unless both are stop words; with ``window`` > 1,
    pairs of content words up to ``window`` tokens apart count too (the
    skip-bigrams of ROUGE-SU, Lin 2004). Within a sentence the adjacent pairs
    come first, then the pairs one word apart, and so on."""
    variants = story.represented().variants
    sentences = story.sentences
    # Each token's stem as a number (a name's variants one number), looked up once per distinct stem.
    flat = list(chain.from_iterable(s.stems for s in sentences))
    spelt = list(set(flat))
    names = sorted({variants.get(x, x) for x in spelt})
    number = {w: k for k, w in enumerate(names)}
    canonical = np.fromiter((number[variants.get(x, x)] for x in spelt), int, len(spelt))
    stem_id = canonical[np.fromiter(map({x: k for k, x in enumerate(spelt)}.__getitem__, flat), int, len(flat))]
    # A word token is content exactly when it is not a stop word.
    content = np.fromiter(chain.from_iterable(s.content for s in sentences), bool, len(stem_id))
    sentence_of = np.repeat(np.arange(len(sentences)), [len(s.stems) for s in sentences])
    lefts, rights, gaps = [], [], []
    for gap in range(1, window + 1):
        left = np.arange(max(len(stem_id) - gap, 0))
        right = left + gap
        kept = sentence_of[left] == sentence_of[right]
        kept &= (content[left] | content[right]) if gap == 1 else (content[left] & content[right])
        lefts.append(left[kept])
        rights.append(right[kept])
        gaps.append(np.full(int(kept.sum()), gap))
    left, right, gap_of = np.concatenate(lefts), np.concatenate(rights), np.concatenate(gaps)
    if window > 1:
        order = np.lexsort((left, gap_of, sentence_of[left]))
        left, right = left[order], right[order]
    codes = stem_id[left] * max(len(names), 1) + stem_id[right]
    distinct, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    by_first = np.argsort(first, kind="stable")
    rank = np.empty(len(distinct), int)
    rank[by_first] = np.arange(len(distinct))
    earliest = first[by_first]
    concept_words = np.column_stack([stem_id[left[earliest]], stem_id[right[earliest]]]).reshape(-1, 2)
    concepts = [(names[a], names[b]) for a, b in zip(concept_words[:, 0].tolist(), concept_words[:, 1].tolist())]
    return BigramOccurrences(
        concepts, rank[inverse.ravel()], sentence_of[left], left, right, names, stem_id, concept_words
    )


def query_similarity(story: Story) -> np.ndarray:
    if not story.query_stems:
        return np.zeros(len(story.sentences))
    query = story.represented().vectorize(list(story.query_stems))
    return (story.represented().tfidf @ query.T).toarray().ravel()


def concept_table(story: Story, window: int = WINDOW) -> ConceptTable:
    """Every bigram concept of the story with its feature vector (concepts up to ``window`` words apart)."""
    sentences = story.sentences
    n_docs = max(len(story.documents), 1)
    counts = story.doc_sentence_counts()
    variants = story.represented().variants
    occurrences = bigram_occurrences(story, window)
    concepts = occurrences.concepts
    c = occurrences.concept
    sent = occurrences.sentence
    # Each sentence's concepts in the order it carries them (occurrences are in sentence order):
    # the order a set is built in is the order the integer program's columns are read in.
    bounds = np.concatenate(([0], np.cumsum(np.bincount(sent, minlength=len(sentences))))).tolist()
    flat = c.tolist()
    sentence_concepts = [set(flat[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]
    n = len(concepts)
    if not n:
        return ConceptTable(concepts, np.empty((0, len(FEATURES))), sentence_concepts)
    # How each token was written, flattened over the story, read at each occurrence's two words.
    capitalised = np.fromiter(chain.from_iterable(x.capitalised for x in sentences), bool)
    content = np.fromiter(chain.from_iterable(x.content for x in sentences), bool)
    left_token, right_token = occurrences.left, occurrences.right
    occ_caps = capitalised[left_token] & capitalised[right_token]

    # Per occurrence, then reduced per concept.
    doc = np.array([x.doc_index for x in sentences])[sent]
    position = np.array([x.position for x in sentences])[sent]
    relative = position / np.maximum(np.asarray(counts)[doc], 1)
    length = np.array([x.words for x in sentences], float)[sent]
    quoted = np.array([_QUOTE_MARK.search(x.text) is not None for x in sentences], float)[sent]
    qsim = query_similarity(story)[sent]

    tf = np.bincount(c, minlength=n).astype(float)
    df = np.bincount(distinct_values(c * n_docs + doc) // n_docs, minlength=n).astype(float)

    def per_concept_min(values: np.ndarray) -> np.ndarray:
        out = np.full(n, np.inf)
        np.minimum.at(out, c, values)
        return out

    def per_concept_mean(values: np.ndarray) -> np.ndarray:
        return np.bincount(c, weights=values, minlength=n) / tf

    best_qsim = np.zeros(n)
    np.maximum.at(best_qsim, c, qsim)

    # Per distinct word key (``occurrences.names``): the articles and the headlines that use it.
    names = occurrences.names
    number = {w: k for k, w in enumerate(names)}
    token_doc = np.repeat(np.array([x.doc_index for x in sentences], int), [len(x.stems) for x in sentences])
    keys = occurrences.token_name
    word_df = np.bincount(
        distinct_values(token_doc * len(names) + keys) % max(len(names), 1), minlength=len(names)
    ).astype(float)
    titles = [d.title for d in story.documents if d.title]
    in_title_of = np.zeros((len(names), max(len(titles), 1)), bool)
    for t, title in enumerate(titles):
        keys_here = {variants.get(stem(x), stem(x)) for x in words(title)}
        in_title_of[[number[w] for w in keys_here if w in number], t] = True
    left, right = occurrences.concept_words[:, 0], occurrences.concept_words[:, 1]
    in_titles = (in_title_of[left] & in_title_of[right]).sum(axis=1).astype(float)
    in_query = np.zeros(len(names))
    in_query[[number[w] for w in story.query_stems if w in number]] = 1.0
    numeric = np.array([w[:1].isdigit() for w in names], float)

    # Stop words are judged on the first surface form: stems can hide them ("us" -> "u").
    first = np.full(n, -1)
    first[c[::-1]] = np.arange(len(c))[::-1]
    n_stop = (2 - content[left_token[first]].astype(int) - content[right_token[first]]).astype(float)
    # Each feature named where it is computed; the columns follow FEATURES.
    named = {
        "df_frac": df / n_docs,
        "log_df": np.log1p(df),
        "log_tf": np.log1p(tf),
        "first_rel": per_concept_min(relative),
        "first_abs": np.log1p(per_concept_min(position.astype(float))),
        "lead_frac": per_concept_mean((position < 2).astype(float)),
        "n_stop": n_stop,
        "cap_frac": per_concept_mean(np.asarray(occ_caps, float)),
        "numeric": np.maximum(numeric[left], numeric[right]),
        "in_title": (in_titles > 0).astype(float),
        "title_frac": in_titles / max(len(titles), 1),
        "q_words": in_query[left] + in_query[right],
        "q_sent": best_qsim,
        "mean_len": np.log(per_concept_mean(length)),
        "quote_frac": per_concept_mean(quoted),
        "uni_df_min": np.minimum(word_df[left], word_df[right]) / n_docs,
        "uni_df_max": np.maximum(word_df[left], word_df[right]) / n_docs,
        "n_docs_log": np.full(n, math.log(n_docs)),
    }
    features = np.column_stack([named[name] for name in FEATURES])
    return ConceptTable(concepts, features, sentence_concepts)


@dataclass(frozen=True)
class ConceptModel:
    """A logistic regression over standardised concept features."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def predict(self, table: ConceptTable) -> np.ndarray:
        columns = [table.names.index(f) for f in self.features]
        z = (table.features[:, columns] - self.mean) / self.scale
        return 1.0 / (1.0 + np.exp(-(z @ self.coef + self.intercept)))

    def to_json(self) -> dict:
        return {
            "features": list(self.features),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
        }

    @classmethod
    def from_json(cls, data: dict) -> ConceptModel:
        return cls(
            tuple(data["features"]),
            np.asarray(data["mean"], float),
            np.asarray(data["scale"], float),
            np.asarray(data["coef"], float),
            float(data["intercept"]),
        )


@lru_cache(maxsize=1)
def load_models() -> dict[str, ConceptModel]:
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return {name: ConceptModel.from_json(model) for name, model in data["models"].items()}


_quiet_lock = threading.Lock()
_quiet_depth = 0
_quiet_saved_fd: int | None = None


def _flush_c_stdout() -> None:
    try:
        import ctypes

        ctypes.CDLL(None).fflush(None)
    except (OSError, AttributeError):  # no C library to flush (not a POSIX system)
        pass


@contextmanager
def quiet_stdout() -> Iterator[None]:
    """File descriptor 1 points to the null device inside the block.

    HiGHS's presolve (1.12, in scipy 1.17) prints a debug line with C's printf
    for some problems, bypassing ``sys.stdout``; on the process's stdout it
    would corrupt ``chorus summarize --format json``. Python's buffer is
    flushed before, C's after, so nothing written elsewhere is lost or moved.
    Threads that solve at once share one redirection: the first one in sets
    it, the last one out restores fd 1.
    """
    global _quiet_depth, _quiet_saved_fd
    with _quiet_lock:
        if _quiet_depth == 0:
            if sys.stdout is not None:
                sys.stdout.flush()
            try:
                _quiet_saved_fd = os.dup(1)
            except OSError:  # no fd 1 at all: nothing to protect
                _quiet_saved_fd = None
            else:
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, 1)
                os.close(null)
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0 and _quiet_saved_fd is not None:
                _flush_c_stdout()
                os.dup2(_quiet_saved_fd, 1)
                os.close(_quiet_saved_fd)
                _quiet_saved_fd = None


def coverage_program(
    weights: np.ndarray,
    sentence_concepts: list[set[int]],
    candidates: list[int],
) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
    """The concepts of the integer program, reduced without changing its optimum.

    Returns (each candidate's own value, each shared concept group's value,
    each group's carriers as positions in ``candidates``). A concept that
    one candidate alone carries is counted in that candidate's value, so it
    needs no variable; concepts that the same candidates carry are one
    group, one variable, one row (most of a news story's concepts are in one
    sentence or in the same few). Whatever sentences are chosen, the value
    covered is the same as with one variable per concept."""
    own = np.zeros(len(candidates))
    groups: dict[tuple[int, ...], float] = {}
    carriers: dict[int, list[int]] = defaultdict(list)
    # Only concepts of some value (at most MAX_CONCEPTS; most weigh 0), in the order the candidates carry
    # them, which is the order of the program's columns.
    valuable = set(np.flatnonzero(weights > 0).tolist())
    for j, i in enumerate(candidates):
        for c in sentence_concepts[i]:
            if c in valuable:
                carriers[c].append(j)
    for c, where in carriers.items():
        weight = float(weights[c])
        if len(where) == 1:
            own[where[0]] += weight
        else:
            key = tuple(where)
            groups[key] = groups.get(key, 0.0) + weight
    return own, np.fromiter(groups.values(), float, len(groups)), [list(key) for key in groups]


def coverage_model(
    weights: np.ndarray,
    sentence_concepts: list[set[int]],
    lengths: list[int],
    candidates: list[int],
    budget: Budget,
    exclusive: Sequence[tuple[int, int]] = (),
    requires: dict[int, list[int]] | None = None,
) -> highspy.HighsLp | None:
    """HiGHS's model of the program ``solve_coverage`` solves, or None when no candidate is worth
    anything; its first ``len(candidates)`` columns are the candidates, in their order (a benchmark
    solves its LP relaxation)."""
    import highspy  # imported when first solving (scipy.optimize took 0.3 s)

    own, shared, carriers = coverage_program(weights, sentence_concepts, candidates)
    if not own.any() and not len(shared):
        return None
    n_sentences, n_groups = len(candidates), len(shared)
    # The constraint matrix, entry by entry: row, column, value.
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    lower: list[float] = []
    upper: list[float] = []
    if n_groups:
        # A group counts only if a chosen sentence carries it: y_g - sum of its carriers' x <= 0.
        sizes = np.fromiter(map(len, carriers), int, n_groups)
        group_rows = np.arange(n_groups)
        rows += [group_rows, np.repeat(group_rows, sizes)]
        cols += [n_sentences + group_rows, np.fromiter(chain.from_iterable(carriers), int, int(sizes.sum()))]
        vals += [np.ones(n_groups), -np.ones(int(sizes.sum()))]
        lower += [-np.inf] * n_groups
        upper += [0.0] * n_groups

    def add_row(columns: np.ndarray, values: np.ndarray, limit: float) -> None:
        rows.append(np.full(len(columns), len(lower)))
        cols.append(columns)
        vals.append(values)
        lower.append(-np.inf)
        upper.append(float(limit))

    every_sentence = np.arange(n_sentences)
    if budget.words is not None:
        add_row(every_sentence, np.array([lengths[i] for i in candidates], float), budget.words)
    if budget.sentences is not None:
        add_row(every_sentence, np.ones(n_sentences), budget.sentences)
    position = {i: j for j, i in enumerate(candidates)}
    for a, b in exclusive:
        add_row(np.array([position[a], position[b]]), np.ones(2), 1.0)
    if requires:
        for i, needed in requires.items():
            if i in position:  # x_i - sum of the x of what it leans on <= 0
                add_row(
                    np.array([position[i]] + [position[j] for j in needed]), np.array([1.0] + [-1.0] * len(needed)), 0.0
                )
    n_vars = n_sentences + n_groups
    matrix = sparse.csc_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(len(lower), n_vars)
    )

    model = highspy.HighsLp()
    model.num_col_, model.num_row_ = n_vars, len(lower)
    model.col_cost_ = -np.concatenate([own, shared])  # HiGHS minimises
    model.col_lower_, model.col_upper_ = np.zeros(n_vars), np.ones(n_vars)
    model.row_lower_, model.row_upper_ = np.array(lower), np.array(upper)
    model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    model.a_matrix_.start_, model.a_matrix_.index_, model.a_matrix_.value_ = matrix.indptr, matrix.indices, matrix.data
    # Groups need not be declared integer: with whole sentences chosen, the optimum
    # sets each to 0 or 1 anyway, and HiGHS branches only on sentences.
    model.integrality_ = [highspy.HighsVarType.kInteger] * n_sentences + [highspy.HighsVarType.kContinuous] * n_groups
    return model


def solve_coverage(
    weights: np.ndarray,
    sentence_concepts: list[set[int]],
    lengths: list[int],
    candidates: list[int],
    budget: Budget,
    exclusive: Sequence[tuple[int, int]] = (),
    requires: dict[int, list[int]] | None = None,
    at_least: float | None = None,
    solver_options: dict[str, bool | float | str] | None = None,
    gap: float = SOLVER_GAP,
) -> list[int]:
    """The candidates whose concepts have the largest total weight within the budget
    (``solver_options``: HiGHS's, SOLVER_OPTIONS unless given; ``gap``: its relative gap).

    Variables: one binary per candidate sentence, one per group of concepts
    that several candidates share (``coverage_program``). A group may be
    counted only if a chosen sentence carries it; the chosen sentences
    must fit the word (and sentence) budget, of each ``exclusive`` pair
    of candidates (near-paraphrases) at most one is chosen, and a candidate
    that ``requires`` others (the context it leans on) is chosen only with one
    of them: x_s <= sum of x_t. ``at_least`` is the value of a solution
    already known (the greedy one): HiGHS then prunes every branch that cannot
    reach it, so when none does, what it returns may be worth less (or be
    nothing): the caller keeps the better of the two.
    """
    import highspy

    model = coverage_model(weights, sentence_concepts, lengths, candidates, budget, exclusive, requires)
    if model is None:
        return []
    n_sentences = len(candidates)
    with quiet_stdout():  # the constructor prints a banner, presolve a debug line (C's printf)
        solver = highspy.Highs()
        solver.setOptionValue("output_flag", False)
        # A node limit rather than a time limit keeps the result the same on a
        # busy machine; the best solution found so far is returned.
        options: dict[str, bool | float | str] = {
            "mip_max_nodes": SOLVER_NODES,
            "mip_rel_gap": gap,
            **(SOLVER_OPTIONS if solver_options is None else solver_options),
        }
        if at_least is not None and at_least > 0:
            options["objective_bound"] = -at_least * (1 - BOUND_SLACK)  # the objective is minus the value
        for name, value in options.items():
            if solver.setOptionValue(name, value) != highspy.HighsStatus.kOk:  # else HiGHS ignores it silently
                raise ValueError(f"HiGHS has no option {name} = {value!r}")
        solver.passModel(model)
        solver.run()
        has_solution = solver.getInfo().primal_solution_status == SOLUTION_FEASIBLE
        x = solver.getSolution().col_value[:n_sentences] if has_solution else None
    if x is None:
        return []
    return [i for j, i in enumerate(candidates) if x[j] > 0.5]


def coverage_value(weights: np.ndarray, sentence_concepts: list[set[int]], chosen: list[int]) -> float:
    covered = set().union(*(sentence_concepts[i] for i in chosen)) if chosen else set()
    return float(weights[list(covered)].sum()) if covered else 0.0


def greedy_coverage(
    weights: np.ndarray,
    sentence_concepts: list[set[int]],
    lengths: list[int],
    candidates: list[int],
    budget: Budget,
    exclusive: Sequence[tuple[int, int]] = (),
    requires: dict[int, list[int]] | None = None,
) -> list[int]:
    """Budgeted maximum coverage by the greedy rule: repeatedly take the
    sentence adding the most uncovered weight per word (Khuller, Moss & Naor
    1999; Lin & Bilmes 2010), a sentence that ``requires`` others only once one
    of them is taken. A fast solution the solver must beat."""
    rows = [j for j, i in enumerate(candidates) for _ in sentence_concepts[i]]
    cols = [c for i in candidates for c in sentence_concepts[i]]
    carries = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(candidates), len(weights)))
    size = np.array([lengths[i] for i in candidates], float)
    excluded_by: dict[int, list[int]] = defaultdict(list)
    position = {i: j for j, i in enumerate(candidates)}
    for a, b in exclusive:
        excluded_by[position[a]].append(position[b])
        excluded_by[position[b]].append(position[a])
    remaining = weights.astype(float).copy()
    open_ = np.ones(len(candidates), bool)
    waiting = {position[i]: {position[j] for j in options} for i, options in (requires or {}).items() if i in position}
    ready = np.array([j not in waiting for j in range(len(candidates))], bool)
    chosen: list[int] = []
    used = 0.0
    while True:
        fits = open_ & ready & (size + used <= (budget.words if budget.words is not None else np.inf))
        if budget.sentences is not None and len(chosen) >= budget.sentences:
            break
        gain = carries @ remaining
        ratio = np.where(fits & (gain > 0), gain / size, -1.0)
        j = int(np.argmax(ratio)) if len(ratio) else 0
        if not len(ratio) or ratio[j] <= 0:
            break
        chosen.append(candidates[j])
        used += size[j]
        open_[j] = False
        open_[excluded_by[j]] = False
        remaining[list(sentence_concepts[candidates[j]])] = 0.0
        for k, options in waiting.items():
            if j in options:
                ready[k] = True
    return chosen


def redundant_pairs(story: Story, pool: list[int]) -> list[tuple[int, int]]:
    """Pairs of candidates that repeat each other, by the rule every method uses."""
    if len(pool) < 2:
        return []
    redundant = redundancy_matrix(pair_table(story.represented(), pool, pool))
    rows, cols = np.nonzero(np.triu(redundant, k=1))
    return [(pool[a], pool[b]) for a, b in zip(rows.tolist(), cols.tolist())]


class Concepts(Summarizer):
    name = "concepts"
    description = (
        "bigram concept coverage by integer programming, learned weights (Gillick & Favre 2009; Li et al. 2013)"
    )
    plain = "The most facts in the fewest words"

    def __init__(
        self,
        models: dict[str, ConceptModel] | None = None,
        *,
        max_concepts: int = MAX_CONCEPTS,
        max_candidates: int = MAX_CANDIDATES,
        window: int = WINDOW,
        min_sentence_words: int = MIN_SENTENCE_WORDS,
        may_stand_alone: Callable[[Sentence, int], bool] = stands_alone,
        table: Callable[[Story, int], ConceptTable] = concept_table,
        solve: Callable[..., list[int]] = solve_coverage,
    ) -> None:
        self.models = models  # None: the models shipped with chorus
        self.max_concepts = max_concepts
        self.max_candidates = max_candidates
        self.window = window
        self.min_sentence_words = min_sentence_words
        self.may_stand_alone = may_stand_alone  # which sentences a summary may hold
        self.table = table  # the concepts and their features (benchmarks try other features)
        self.solve = solve  # the integer program's solver (a benchmark records the programs)

    def concept_weights(self, story: Story) -> tuple[ConceptTable, np.ndarray]:
        table = self.table(story, self.window)
        if not table.concepts:
            return table, np.zeros(0)
        models = self.models or load_models()
        weights = models["query" if story.query_stems else "generic"].predict(table)
        top = self.max_concepts
        if len(weights) > top:
            weights[weights < np.partition(weights, -top)[-top]] = 0.0
        return table, weights

    def score(self, story: Story) -> np.ndarray:
        table, weights = self.concept_weights(story)
        return np.array([weights[list(cs)].sum() if cs else 0.0 for cs in table.sentence_concepts])

    def select(self, story: Story, budget: Budget) -> list[int]:
        table, weights = self.concept_weights(story)
        valuable = set(np.flatnonzero(weights > 0).tolist())
        # The cheap test first: most sentences that carry no valuable concept are never read whole.
        pool = [
            s.index
            for s in story.sentences
            if not valuable.isdisjoint(table.sentence_concepts[s.index])
            and self.may_stand_alone(s, self.min_sentence_words)
        ]
        if not pool:  # a story of fragments only still gets a summary
            return super().select(story, budget)
        lengths = [s.words for s in story.sentences]
        if len(pool) > self.max_candidates:
            # Halves the solver's time on a 25-article cluster with the same ROUGE on DUC 2006 and 2007.
            density = {i: weights[list(table.sentence_concepts[i])].sum() / lengths[i] for i in pool}
            pool = sorted(sorted(pool, key=density.__getitem__, reverse=True)[: self.max_candidates])
        pool = with_predecessors(story, pool)
        exclusive = redundant_pairs(story, pool)
        # Edits compose will make (a full name, a date) count against the budget.
        for i, extra in edit_words(story, pool).items():
            lengths[i] += extra
        chosen: list[int] = []
        rechecks = 0
        value = coverage_value
        for _ in range(RECHECK_ROUNDS + 1):
            pool, requires = context_requirements(story, pool, exclusive)
            if not pool:
                break
            kept = set(pool)
            exclusive = [(a, b) for a, b in exclusive if a in kept and b in kept]
            problem = (weights, table.sentence_concepts, lengths, pool, budget, exclusive, requires)
            greedy = greedy_coverage(*problem)
            greedy_value = value(weights, table.sentence_concepts, greedy)
            exact = self.solve(*problem, at_least=greedy_value if SOLVER_GREEDY_BOUND else None)
            chosen = exact if value(weights, table.sentence_concepts, exact) >= greedy_value else greedy
            overtaken, repeated = overtaken_or_repeated(story, chosen) if rechecks < RECHECK_ROUNDS else (set(), [])
            if not overtaken and not repeated:
                break
            rechecks += 1
            pool = [i for i in pool if i not in overtaken]
            exclusive = sorted(set(exclusive) | set(repeated))
        return chosen or super().select(story, budget)
