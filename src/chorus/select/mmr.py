"""Maximal Marginal Relevance.

Carbonell & Goldstein, "The use of MMR, diversity-based reranking for
reordering documents and producing summaries", SIGIR 1998: repeatedly take
the sentence with the best trade-off between relevance (to the query, or to
the cluster centroid without one) and novelty against what is chosen.
"""

from __future__ import annotations

import numpy as np

from chorus.select.base import Summarizer, candidates, cluster_centroid
from chorus.text import content_stems
from chorus.types import Budget, Story

LAMBDA = 0.7


def relevance(story: Story) -> np.ndarray:
    if story.query:
        query = story.represented().vectorize(content_stems(story.query))
        return (story.represented().tfidf @ query.T).toarray().ravel()
    return story.represented().tfidf @ cluster_centroid(story)


class MMR(Summarizer):
    name = "mmr"
    description = "maximal marginal relevance (Carbonell & Goldstein 1998)"
    plain = "The most central sentences, without repeats"

    def score(self, story: Story) -> np.ndarray:
        return relevance(story)

    def select(self, story: Story, budget: Budget) -> list[int]:
        rel = self.score(story)
        pool = candidates(story)
        chosen: list[int] = []
        used = 0
        novelty_penalty = np.zeros(len(story.sentences))
        while pool:
            fitting = [i for i in pool if budget.fits(used + story.sentences[i].words, len(chosen) + 1)]
            if not fitting:
                break
            best = max(fitting, key=lambda i: LAMBDA * rel[i] - (1 - LAMBDA) * novelty_penalty[i])
            chosen.append(best)
            used += story.sentences[best].words
            pool.remove(best)
            novelty_penalty = np.maximum(novelty_penalty, story.represented().similarities_to([best]).ravel())
        return chosen
