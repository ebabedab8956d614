"""LexRank: eigenvector centrality in the sentence-similarity graph.

Erkan & Radev, "LexRank: Graph-based Lexical Centrality as Salience in Text
Summarization", JAIR 22 (2004). Continuous variant: edges weighted by TF-IDF
cosine, random walk with damping 0.85.
"""

from __future__ import annotations

import numpy as np

from chorus.select.base import Summarizer, pagerank
from chorus.types import Story


class LexRank(Summarizer):
    name = "lexrank"
    description = "LexRank graph centrality (Erkan & Radev 2004)"

    def score(self, story: Story) -> np.ndarray:
        weights = story.vectors.similarity.copy()
        np.fill_diagonal(weights, 0.0)
        return pagerank(weights)
