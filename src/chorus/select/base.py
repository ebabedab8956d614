"""The one interface every content-selection method implements.

A method receives a represented Story and a Budget and returns the indexes of
the sentences it chose. Ranking methods only score sentences and inherit a
budget-filling greedy pass with a redundancy check; methods that optimise the
whole summary (MMR, KL-sum, ILP) override ``select``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

import numpy as np

from chorus.represent import pair_table, redundancy_matrix
from chorus.text import is_bare_quotation
from chorus.types import Budget, Sentence, Story

if TYPE_CHECKING:  # scipy.sparse.linalg costs 0.15 s to import; only LexRank and TextRank need it
    from scipy.sparse.linalg import LinearOperator

MIN_SENTENCE_WORDS = 6  # shorter "sentences" are fragments, datelines, captions
MAX_SENTENCE_WORDS = 80  # longer ones are run-ons from bad splits


class Summarizer(ABC):
    """Chooses sentences for a summary."""

    name: ClassVar[str]
    description: ClassVar[str]
    plain: ClassVar[str]  # what it does in plain words, for people who are not summarization researchers

    def __call__(self, story: Story, budget: Budget) -> list[int]:
        return self.select(story, budget)

    def select(self, story: Story, budget: Budget) -> list[int]:
        scores = self.score(story)
        order = sorted(candidates(story), key=lambda i: -scores[i])
        return greedy_fill(order, story, budget)

    @abstractmethod
    def score(self, story: Story) -> np.ndarray:
        """A salience score per sentence of the story (higher is better)."""


def stands_alone(sentence: Sentence, min_words: int = MIN_SENTENCE_WORDS) -> bool:
    """Can the sentence stand in a summary out of its article's context?

    Not a fragment or a run-on, not a question, and not a bare quotation: in
    a summary, words between quotation marks with their speaker named in
    another sentence would be words from nobody."""
    return (
        min_words <= sentence.words <= MAX_SENTENCE_WORDS
        and not sentence.text.rstrip().endswith("?")
        and not is_bare_quotation(sentence.text)
    )


def candidates(story: Story) -> list[int]:
    """Sentences fit to stand in a summary on their own."""
    out = [s.index for s in story.sentences if stands_alone(s)]
    return out or [s.index for s in story.sentences]


def greedy_fill(order: list[int], story: Story, budget: Budget, avoid_repeats: bool = True) -> list[int]:
    """Take sentences in ``order`` while they fit and (unless told otherwise)
    paraphrase nothing already taken."""
    chosen: list[int] = []
    used_words = 0
    shortest = min((story.sentences[i].words for i in order), default=0)
    repeats = repeat_test(story, order)
    for i in order:
        words = story.sentences[i].words
        if not budget.fits(used_words + words, len(chosen) + 1):
            if budget.sentences is not None and len(chosen) >= budget.sentences:
                break
            if budget.words is not None and budget.words - used_words < shortest:
                break
            continue
        if chosen and avoid_repeats and repeats(i, chosen):
            continue
        chosen.append(i)
        used_words += words
    return chosen


PRECOMPUTED_PAIRS = 2000  # candidates up to which all pairs are tested at once (memory grows as n^2)


def repeat_test(story: Story, candidates: list[int]) -> Callable[[int, list[int]], bool]:
    """A test "does sentence i repeat one of these?" over ``candidates``."""
    vectors = story.vectors
    if len(candidates) > PRECOMPUTED_PAIRS:
        return lambda i, chosen: bool(redundancy_matrix(pair_table(vectors, [i], chosen)).any())
    position = {i: k for k, i in enumerate(candidates)}
    redundant = redundancy_matrix(pair_table(vectors, candidates, candidates))
    return lambda i, chosen: bool(redundant[position[i], [position[j] for j in chosen]].any())


def pagerank(
    weights: np.ndarray | LinearOperator, damping: float = 0.85, tol: float = 1e-6, max_iter: int = 200
) -> np.ndarray:
    """Stationary distribution of a random walk on a weighted graph, with teleporting.

    ``weights`` may be a matrix or any operator that multiplies by one, so a
    graph with a factored form (LexRank's X Xᵀ) never has to be built; the walk
    leaves a node with no edges for any node alike."""
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    out_degree = np.asarray(weights @ np.ones(n)).ravel()
    dangling = out_degree <= 0
    inverse_degree = np.divide(1.0, out_degree, out=np.zeros(n), where=~dangling)
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        walked = np.asarray(weights.T @ (rank * inverse_degree)).ravel() + rank[dangling].sum() / n
        new = (1 - damping) / n + damping * walked
        if np.abs(new - rank).sum() < tol:
            return new
        rank = new
    return rank


def cluster_centroid(story: Story) -> np.ndarray:
    """Mean TF-IDF vector of the story's sentences, L2-normalised."""
    centroid = np.asarray(story.vectors.tfidf.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    return centroid / norm if norm else centroid
