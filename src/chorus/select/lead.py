"""Lead: the opening sentences of the article most typical of the cluster.

News puts the most important facts first, so the lead of a central article is
the standard baseline of DUC and TAC (the NIST "baseline 1" took the most
recent article; with no dates we take the most central one).
"""

from __future__ import annotations

import numpy as np

from chorus.select.base import Summarizer, cluster_centroid, greedy_fill
from chorus.types import Budget, Story


def central_document(story: Story) -> int:
    centroid = cluster_centroid(story)
    tfidf = story.represented().tfidf
    best, best_score = 0, -1.0
    for d in range(len(story.documents)):
        rows = [s.index for s in story.sentences if s.doc_index == d]
        if not rows:
            continue
        vector = np.asarray(tfidf[rows].sum(axis=0)).ravel()
        norm = np.linalg.norm(vector)
        score = float(vector @ centroid / norm) if norm else 0.0
        if score > best_score:
            best, best_score = d, score
    return best


class Lead(Summarizer):
    name = "lead"
    description = "first sentences of the most central article (baseline)"
    plain = "The opening of the most typical article"

    def select(self, story: Story, budget: Budget) -> list[int]:
        d = central_document(story)
        order = [s.index for s in story.sentences if s.doc_index == d]
        return greedy_fill(order, story, budget, avoid_repeats=False)

    def score(self, story: Story) -> np.ndarray:
        d = central_document(story)
        return np.array([-s.position if s.doc_index == d else -1e9 for s in story.sentences], dtype=float)
