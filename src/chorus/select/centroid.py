"""Centroid-based summarization as in MEAD.

Radev, Jing, Styś & Tam, "Centroid-based summarization of multiple
documents", Information Processing and Management 40 (2004): a sentence's
score is the sum of its words' centroid values, plus a position score and its
overlap with the first sentence of its document.
"""

from __future__ import annotations

import numpy as np

from chorus.select.base import Summarizer
from chorus.types import Story

CENTROID_TERMS = 100  # MEAD keeps only the strongest centroid words


class Centroid(Summarizer):
    name = "centroid"
    description = "MEAD centroid + position + first-sentence overlap (Radev et al. 2004)"
    plain = "Sentences closest to the story's centre"

    def score(self, story: Story) -> np.ndarray:
        vectors = story.represented()
        n_docs = max(len(story.documents), 1)
        # Centroid: average term frequency per document times IDF.
        centroid = np.asarray(vectors.counts.sum(axis=0)).ravel() / n_docs * vectors.idf
        if centroid.size > CENTROID_TERMS:
            cutoff = np.partition(centroid, -CENTROID_TERMS)[-CENTROID_TERMS]
            centroid = np.where(centroid >= cutoff, centroid, 0.0)
        present = (vectors.counts > 0).astype(float)
        centroid_score = present @ centroid
        c_max = centroid_score.max() if centroid_score.size else 1.0
        counts = story.doc_sentence_counts()
        first: dict[int, int] = {}
        for s in story.sentences:
            first.setdefault(s.doc_index, s.index)
        position = np.array([c_max * (counts[s.doc_index] - s.position) / counts[s.doc_index] for s in story.sentences])
        tfidf = vectors.tfidf
        first_rows = tfidf[[first[s.doc_index] for s in story.sentences]]
        first_overlap = np.asarray(tfidf.multiply(first_rows).sum(axis=1)).ravel() * c_max
        return centroid_score + position + first_overlap
