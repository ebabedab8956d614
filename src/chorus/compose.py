"""Compose stage: order the chosen sentences, check the budget, cite every source."""

from __future__ import annotations

import numpy as np

from chorus.represent import pair_table, paraphrase_matrix
from chorus.types import Budget, Citation, Sentence, Story, Summary, SummarySentence

def reading_order(story: Story, chosen: list[int]) -> list[int]:
    """Sentences in the order their articles tell them.

    Each sentence is placed by its relative position in its own article
    (news runs from the main event to background), which keeps sentences
    from one article in their original order.
    """
    counts = story.doc_sentence_counts()

    def key(i: int) -> tuple[float, int, int]:
        s = story.sentences[i]
        return (s.position / max(counts[s.doc_index], 1), s.doc_index, s.position)

    return sorted(chosen, key=key)


def supporting_sentences(story: Story, sentence: Sentence) -> tuple[Citation, ...]:
    """The best-matching sentence of every article that says what ``sentence`` says."""
    table = pair_table(story.vectors, [sentence.index])
    supports = paraphrase_matrix(story.vectors, table)[0]
    best: dict[int, Citation] = {sentence.doc_index: Citation(sentence.doc_index, sentence.position, 1.0, sentence.text)}
    for j in np.flatnonzero(supports):
        other = story.sentences[j]
        if other.doc_index == sentence.doc_index:
            continue
        cosine = float(table.cosine[0, j])
        current = best.get(other.doc_index)
        if current is None or cosine > current.similarity:
            best[other.doc_index] = Citation(other.doc_index, other.position, round(cosine, 3), other.text)
    return tuple(best[d] for d in sorted(best))


def compose(
    story: Story, chosen: list[int], budget: Budget, method: str, warnings: list[str] | None = None
) -> Summary:
    ordered = reading_order(story, list(dict.fromkeys(chosen)))
    # The selector must respect the budget; trim defensively so the promise
    # "never over budget, never a cut sentence" holds whatever the method did.
    kept: list[int] = []
    used = 0
    for i in ordered:
        words = story.sentences[i].words
        if budget.fits(used + words, len(kept) + 1):
            kept.append(i)
            used += words
    sentences = [
        SummarySentence(
            text=story.sentences[i].text,
            origin=story.sentences[i],
            support=supporting_sentences(story, story.sentences[i]),
        )
        for i in kept
    ]
    return Summary(
        sentences=sentences,
        documents=story.documents,
        method=method,
        budget=budget,
        query=story.query,
        warnings=list(warnings or []) + story.warnings,
        story=story,
    )
