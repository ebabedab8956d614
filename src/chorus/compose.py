"""Compose stage: order the chosen sentences, check the budget, cite every source.

Citations come from claim alignment (``chorus.align``): a sentence's support is
exactly the articles that state it, and the articles that give another value
are shown against it.
"""

from __future__ import annotations

from chorus.align import CONTRADICTS, STATES, aligner_of
from chorus.types import Budget, Citation, Contradiction, Sentence, Story, Summary, SummarySentence


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
    """The sentence of every article that states what ``sentence`` says (``chorus.align``)."""
    return cite(story, sentence).support


def cite(story: Story, sentence: Sentence) -> SummarySentence:
    """A summary sentence with its support: every article that states it, with the sentence(s) that do,
    every article that gives another value, and how many independent sources the support is."""
    result = aligner_of(story).check(aligner_of(story).claim_of_sentence(sentence.index))
    support, against = [], []
    for verdict in result.articles:
        if verdict.evidence is None:
            continue
        evidence = verdict.evidence
        first = story.sentences[evidence.sentences[0]]
        positions = tuple(story.sentences[i].position for i in evidence.sentences)
        text = " ".join(story.sentences[i].text for i in evidence.sentences)
        if verdict.verdict == STATES:
            support.append(
                Citation(verdict.doc_index, first.position, evidence.score, text, positions if len(positions) > 1 else ())
            )
        elif verdict.verdict == CONTRADICTS:
            values = tuple((d.kind, d.claim, d.article) for d in evidence.differences)
            against.append(Contradiction(verdict.doc_index, first.position, text, values, positions if len(positions) > 1 else ()))
    return SummarySentence(
        text=sentence.text,
        origin=sentence,
        support=tuple(support),
        contradictions=tuple(against),
        independent_sources=result.independent_sources,
    )


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
    sentences = [cite(story, story.sentences[i]) for i in kept]
    return Summary(
        sentences=sentences,
        documents=story.documents,
        method=method,
        budget=budget,
        query=story.query,
        warnings=list(warnings or []) + story.warnings,
        story=story,
    )
