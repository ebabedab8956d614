"""KL-Sum: make the summary's word distribution close to the cluster's.

Haghighi & Vanderwende, "Exploring Content Models for Multi-Document
Summarization", NAACL 2009: greedily add the sentence that most lowers
KL(P_cluster || P_summary) until the budget is spent.

With additive smoothing s over a vocabulary of V words, the summary's
distribution is q_w = (c_w + s) / (C + sV), and KL(P || Q) = Σ p log p −
Σ p_w log(c_w + s) + log(C + sV). Adding a sentence changes c_w only for its
own words, so every candidate is scored from its sparse row alone: the
sentences x vocabulary matrix is never made dense (4 GB for 1,000 articles).
"""

from __future__ import annotations

import numpy as np

from chorus.select.base import Summarizer, candidates
from chorus.sparse import sparse
from chorus.types import Budget, Story

SMOOTHING = 0.01


def _log_likelihood_gain(p: np.ndarray, rows: sparse.csr_matrix, summary: np.ndarray) -> np.ndarray:
    """Per row, how much adding it to ``summary`` raises Σ p_w log q_w (lowers the KL)."""
    owner = np.repeat(np.arange(rows.shape[0]), np.diff(rows.indptr))
    before = summary[rows.indices]
    per_word = p[rows.indices] * (np.log(before + rows.data + SMOOTHING) - np.log(before + SMOOTHING))
    gain = np.bincount(owner, weights=per_word, minlength=rows.shape[0])
    total = summary.sum() + np.asarray(rows.sum(axis=1)).ravel()
    return gain - np.log(total + SMOOTHING * len(p)) + np.log(summary.sum() + SMOOTHING * len(p))


def _cluster_distribution(story: Story) -> np.ndarray:
    total = np.asarray(story.represented().counts.sum(axis=0)).ravel()
    return total / total.sum() if total.sum() else total


class KLSum(Summarizer):
    name = "klsum"
    description = "greedy KL-divergence minimisation (Haghighi & Vanderwende 2009)"
    plain = "Sentences whose words best match the whole story"

    def score(self, story: Story) -> np.ndarray:
        """Minus the KL divergence of the cluster from each sentence alone."""
        p = _cluster_distribution(story)
        positive = p[p > 0]
        # From the empty summary, whose q is uniform: KL = Σ p log p + log V.
        kl_of_empty = float(np.sum(positive * np.log(positive))) + np.log(max(len(p), 1))
        return _log_likelihood_gain(p, story.represented().counts, np.zeros_like(p)) - kl_of_empty

    def select(self, story: Story, budget: Budget) -> list[int]:
        counts = story.represented().counts
        p = _cluster_distribution(story)
        if not p.sum():
            return []
        pool = candidates(story)
        chosen: list[int] = []
        summary_counts = np.zeros_like(p)
        used = 0
        while pool:
            fitting = [i for i in pool if budget.fits(used + story.sentences[i].words, len(chosen) + 1)]
            if not fitting:
                break
            best = fitting[int(np.argmax(_log_likelihood_gain(p, counts[fitting], summary_counts)))]
            chosen.append(best)
            summary_counts[counts[best].indices] += counts[best].data
            used += story.sentences[best].words
            pool.remove(best)
        return chosen
