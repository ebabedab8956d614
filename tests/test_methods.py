"""The baselines compute what their papers define, without dense n x n matrices.

Each method's fast form (LexRank's factored cosine graph, TextRank's sparse
graph built in blocks, KL-Sum's sparse updates) is checked against the
definition written out densely here, on the shipped example.
"""

from __future__ import annotations

import numpy as np
import pytest

from chorus.pipeline import build_story, load_documents
from chorus.select import METHODS, get_method, textrank
from chorus.select.base import candidates, pagerank
from chorus.select.klsum import SMOOTHING, KLSum
from chorus.select.lexrank import LexRank
from chorus.select.textrank import TextRank
from chorus.types import Budget
from conftest import EXAMPLE


@pytest.fixture(scope="module")
def story():
    return build_story(load_documents([EXAMPLE]))


def stationary(weights: np.ndarray, damping: float = 0.85) -> np.ndarray:
    """The random walk's stationary distribution, as the leading eigenvector of its Google matrix."""
    n = len(weights)
    degree = weights.sum(axis=1, keepdims=True)
    transition = np.where(degree > 0, weights / np.where(degree > 0, degree, 1), 1.0 / n)
    google = damping * transition + (1 - damping) / n
    values, vectors = np.linalg.eig(google.T)
    leading = np.real(vectors[:, np.argmax(np.real(values))])
    return leading / leading.sum()


def test_pagerank_matches_the_eigenvector_for_a_graph_with_an_isolated_node():
    weights = np.array([[0, 2, 1, 0], [2, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]], float)
    np.testing.assert_allclose(pagerank(weights, tol=1e-12), stationary(weights), atol=1e-9)


def test_lexrank_is_centrality_in_the_dense_cosine_graph(story):
    x = story.vectors.tfidf.toarray()
    cosine = x @ x.T
    np.fill_diagonal(cosine, 0.0)
    np.testing.assert_allclose(LexRank().score(story), stationary(cosine), atol=1e-6)


@pytest.mark.parametrize("block_rows", [7, 2000])
def test_textrank_graph_built_in_blocks_is_the_papers_graph(story, monkeypatch, block_rows):
    monkeypatch.setattr(textrank, "BLOCK_ROWS", block_rows)
    present = (story.vectors.counts.toarray() > 0).astype(float)
    log_len = np.log([max(len(s.tokens), 2) for s in story.sentences])
    weights = (present @ present.T) / (log_len[:, None] + log_len[None, :])
    np.fill_diagonal(weights, 0.0)
    np.testing.assert_allclose(TextRank().score(story), stationary(weights), atol=1e-6)


def kl_divergence(p: np.ndarray, counts: np.ndarray) -> float:
    q = (counts + SMOOTHING) / (counts.sum() + SMOOTHING * len(counts))
    return float(np.sum(p[p > 0] * np.log(p[p > 0] / q[p > 0])))


def test_klsum_scores_are_minus_the_divergence_of_each_sentence(story):
    counts = story.vectors.counts.toarray()
    p = counts.sum(axis=0) / counts.sum()
    expected = [-kl_divergence(p, row) for row in counts]
    np.testing.assert_allclose(KLSum().score(story), expected, atol=1e-9)


def test_klsum_adds_the_sentence_that_lowers_the_divergence_most(story):
    budget = Budget(words=120)
    counts = story.vectors.counts.toarray()
    p = counts.sum(axis=0) / counts.sum()
    pool, chosen, summary, used = candidates(story), [], np.zeros(counts.shape[1]), 0
    while True:
        fitting = [i for i in pool if budget.fits(used + story.sentences[i].words, len(chosen) + 1)]
        if not fitting:
            break
        best = min(fitting, key=lambda i: kl_divergence(p, summary + counts[i]))
        chosen.append(best)
        pool.remove(best)
        summary += counts[best]
        used += story.sentences[best].words
    assert len(chosen) >= 2
    assert KLSum().select(story, budget) == chosen


@pytest.mark.parametrize("method", sorted(METHODS))
def test_a_method_given_a_story_not_yet_represented_says_so(method):
    from chorus.segment import segment

    documents = load_documents(
        [
            "The dam held overnight, officials said. Rain is expected again on Friday.",
            "Officials said the dam held overnight. More rain is expected on Friday.",
        ],
        [],
    )
    story = segment(documents)
    assert story.vectors is None
    with pytest.raises(RuntimeError, match="not represented yet"):
        get_method(method)(story, Budget(words=20))


def test_a_method_made_with_its_own_settings_summarizes_as_made(story):
    from chorus.pipeline import summarize_story

    made = LexRank()
    made.score = lambda s: -np.array([len(x.text) for x in s.sentences], float)  # type: ignore[method-assign]
    summary = summarize_story(story, Budget(sentences=1), made)  # the method as made, not one by its name
    shortest = min(candidates(story), key=lambda i: (len(story.sentences[i].text), i))
    assert summary.method == "lexrank"
    assert [s.origin.text for s in summary.sentences] == [story.sentences[shortest].text]
    assert (
        summarize_story(story, Budget(sentences=1), "lexrank").sentences[0].origin.text
        != story.sentences[shortest].text
    )
