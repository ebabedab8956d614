"""KL-Sum: make the summary's word distribution close to the cluster's.

Haghighi & Vanderwende, "Exploring Content Models for Multi-Document
Summarization", NAACL 2009: greedily add the sentence that most lowers
KL(P_cluster || P_summary) until the budget is spent.
"""

from __future__ import annotations

import numpy as np

from chorus.select.base import Summarizer, candidates
from chorus.types import Budget, Story

SMOOTHING = 0.01


def _kl(p: np.ndarray, q_counts: np.ndarray) -> float:
    q = (q_counts + SMOOTHING) / (q_counts.sum() + SMOOTHING * q_counts.size)
    mask = p > 0
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


class KLSum(Summarizer):
    name = "klsum"
    description = "greedy KL-divergence minimisation (Haghighi & Vanderwende 2009)"

    def score(self, story: Story) -> np.ndarray:
        counts = story.vectors.counts
        total = np.asarray(counts.sum(axis=0)).ravel()
        p = total / total.sum() if total.sum() else total
        return np.array([-_kl(p, counts[i].toarray().ravel()) for i in range(counts.shape[0])])

    def select(self, story: Story, budget: Budget) -> list[int]:
        counts = story.vectors.counts.toarray()
        total = counts.sum(axis=0)
        if not total.sum():
            return []
        p = total / total.sum()
        pool = candidates(story)
        chosen: list[int] = []
        summary_counts = np.zeros_like(total, dtype=float)
        used = 0
        while pool:
            fitting = [i for i in pool if budget.fits(used + story.sentences[i].words, len(chosen) + 1)]
            if not fitting:
                break
            best = min(fitting, key=lambda i: _kl(p, summary_counts + counts[i]))
            chosen.append(best)
            summary_counts += counts[best]
            used += story.sentences[best].words
            pool.remove(best)
        return chosen
