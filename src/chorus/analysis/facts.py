"""Facts: sentences of different outlets that say the same thing, and how many outlets say it.

Two sentences say the same thing under ``represent.is_paraphrase``, the test
the summary's citations use (TF-IDF cosine over stems with name variants
unified, or most of the shorter sentence's content words found in the
other, and no disagreeing numbers), applied to all pairs at once.

Facts are formed greedily (a star clustering, Aslam, Pelekhov and Rus,
*The Star Clustering Algorithm*, JGAA 2004): the sentence that the most
other outlets paraphrase becomes a fact's centre and takes, from every
other outlet, its closest paraphrase not yet used; then the next. A
sentence whose paraphrases were all taken joins the fact of its closest
one. Every fact is a star around one sentence, so a chain of loosely
similar sentences never fuses into one fact.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from chorus.represent import SimilarPairs, looks_like_paraphrase, numbers_disagree
from chorus.types import Story

@dataclass
class Fact:
    id: int  # rank after sorting, from 1
    sentences: list[int]  # Story.sentences indexes, the centre first
    doc_indexes: list[int]

    @property
    def support(self) -> int:
        return len(self.doc_indexes)

    @property
    def centre(self) -> int:
        return self.sentences[0]


def paraphrase_pairs(story: Story, pairs: SimilarPairs) -> dict[int, dict[int, float]]:
    """For each sentence, the sentences of other outlets that paraphrase it, with their cosine."""
    docs = np.array([s.doc_index for s in story.sentences])
    alike = looks_like_paraphrase(pairs.cosine, pairs.shared, pairs.overlap) & (docs[pairs.first] != docs[pairs.second])
    links: dict[int, dict[int, float]] = {s.index: {} for s in story.sentences}
    for k in np.flatnonzero(alike).tolist():
        i, j = int(pairs.first[k]), int(pairs.second[k])
        if not numbers_disagree(story.vectors, i, j):
            links[i][j] = links[j][i] = float(pairs.cosine[k])
    return links


def group_facts(story: Story, links: dict[int, dict[int, float]]) -> list[Fact]:
    """Star clusters of paraphrases, sorted by how many outlets report them."""
    sentences = story.sentences
    counts = story.doc_sentence_counts()

    def outlets(i: int) -> int:
        return len({sentences[j].doc_index for j in links[i]})

    def order(i: int) -> tuple:
        s = sentences[i]
        return (-outlets(i), -sum(links[i].values()), s.position / max(counts[s.doc_index], 1), i)

    fact_of: dict[int, int] = {}
    members: list[list[int]] = []
    for i in sorted(links, key=order):
        if i in fact_of:
            continue
        best: dict[int, tuple[float, int]] = {}
        for j, cosine in links[i].items():
            d = sentences[j].doc_index
            if j not in fact_of and d != sentences[i].doc_index and (d not in best or cosine > best[d][0]):
                best[d] = (cosine, j)
        if not best and links[i]:
            # Its paraphrases are already facts: it repeats the closest one.
            j = max(links[i], key=links[i].get)
            fact_of[i] = fact_of[j]
            members[fact_of[j]].append(i)
            continue
        f = len(members)
        members.append([i] + [j for _, j in sorted(best.values(), reverse=True)])
        for j in members[f]:
            fact_of[j] = f
    facts = [Fact(0, m, sorted({sentences[j].doc_index for j in m})) for m in members]
    facts.sort(key=lambda f: (-f.support, order(f.centre)[2], f.centre))
    for n, fact in enumerate(facts, start=1):
        fact.id = n
    return facts


