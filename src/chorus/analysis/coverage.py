"""Coverage per outlet: how much it wrote, how much of the story's facts it reports, what only it has.

"Shared" facts are those several independent sources report; a fact only an
article and its copies report is that article's own (single-source): it is
listed as the own fact of the one article the report's fact list files it under
(the article of its central sentence), the copies reporting it without "having
it only" (three articles cannot each be the only one to have a fact).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chorus.analysis.facts import Fact
from chorus.types import Story


@dataclass
class Coverage:
    doc_index: int
    words: int  # of the cleaned body
    sentences: int  # kept after cleaning
    facts: list[int] = field(default_factory=list)  # ids of the facts it reports
    shared_facts: int = 0  # of those, facts several independent sources report
    exclusive_facts: list[int] = field(
        default_factory=list
    )  # facts it is the only source of (its copies report them too, but do not list them here)
    total_facts: int = 0
    total_shared_facts: int = 0

    @property
    def share(self) -> float:
        """Share of all the cluster's facts this outlet reports."""
        return len(self.facts) / self.total_facts if self.total_facts else 0.0

    @property
    def shared_share(self) -> float:
        """Share of the facts several outlets report that this one reports too."""
        return self.shared_facts / self.total_shared_facts if self.total_shared_facts else 0.0


def coverage(story: Story, facts: list[Fact]) -> list[Coverage]:
    counts = story.doc_sentence_counts()
    shared_total = sum(not f.single_source for f in facts)
    rows = [
        Coverage(d, len(doc.text.split()), counts[d], total_facts=len(facts), total_shared_facts=shared_total)
        for d, doc in enumerate(story.documents)
    ]
    for fact in facts:
        owner = story.sentences[fact.centre].doc_index
        for d in fact.doc_indexes:
            rows[d].facts.append(fact.id)
            if not fact.single_source:
                rows[d].shared_facts += 1
            elif d == owner:
                rows[d].exclusive_facts.append(fact.id)
    return rows
