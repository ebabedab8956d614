"""TextRank: PageRank over sentences linked by normalised word overlap.

Mihalcea & Tarau, "TextRank: Bringing Order into Texts", EMNLP 2004: the
similarity of two sentences is their number of shared words divided by
log|Si| + log|Sj|.
"""

from __future__ import annotations

import numpy as np

from chorus.select.base import Summarizer, pagerank
from chorus.types import Story


class TextRank(Summarizer):
    name = "textrank"
    description = "TextRank word-overlap graph (Mihalcea & Tarau 2004)"

    def score(self, story: Story) -> np.ndarray:
        binary = (story.vectors.counts > 0).astype(float)
        overlap = (binary @ binary.T).toarray()
        lengths = np.array([max(len(s.tokens), 2) for s in story.sentences], dtype=float)
        log_len = np.log(lengths)
        weights = overlap / (log_len[:, None] + log_len[None, :])
        np.fill_diagonal(weights, 0.0)
        return pagerank(weights)
