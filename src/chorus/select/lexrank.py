"""LexRank: eigenvector centrality in the sentence-similarity graph.

Erkan & Radev, "LexRank: Graph-based Lexical Centrality as Salience in Text
Summarization", JAIR 22 (2004). Continuous variant: edges weighted by TF-IDF
cosine, random walk with damping 0.85.

The cosine graph is X Xᵀ for the row-normalised TF-IDF matrix X, minus the
self-loops; the walk multiplies by it in that factored form, so memory grows
with the words of the cluster, not with the square of its sentences (26,000
sentences would need a 5 GB matrix).
"""

from __future__ import annotations

import numpy as np

from chorus.select.base import Summarizer, pagerank
from chorus.types import Story


class LexRank(Summarizer):
    name = "lexrank"
    description = "LexRank graph centrality (Erkan & Radev 2004)"
    plain = "The sentences most like all the others"

    def score(self, story: Story) -> np.ndarray:
        from scipy.sparse.linalg import LinearOperator  # imported when used: 0.15 s

        x = story.represented().tfidf
        self_loops = np.asarray(x.multiply(x).sum(axis=1)).ravel()

        def multiply(v: np.ndarray) -> np.ndarray:
            v = np.asarray(v).ravel()
            return x @ (x.T @ v) - self_loops * v

        n = x.shape[0]
        cosine_graph = LinearOperator((n, n), matvec=multiply, rmatvec=multiply, dtype=float)  # symmetric
        return pagerank(cosine_graph)
