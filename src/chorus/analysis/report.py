"""The story report: summary, facts, conflicts, quotes, entities, text reuse and coverage of one cluster."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from chorus.align import SourceFamilies, aligner_of
from chorus.analysis.conflicts import Conflict, find_conflicts
from chorus.analysis.coverage import Coverage, coverage
from chorus.analysis.entities import NER_BACKENDS, PERSON, Entity, EntityIndex, find_entities
from chorus.analysis.facts import Fact, claim_checks, group_facts
from chorus.analysis.quotes import Quote, find_quotations, group_quotations
from chorus.analysis.reuse import DocumentReuse, Passage, find_reuse
from chorus.errors import ChorusError
from chorus.pipeline import DocumentLike, read_story, summarize_as_asked
from chorus.types import DEFAULT_WORDS, Document, Sentence, Story, Summary, SummaryOptions


@dataclass
class Report:
    """Everything the report says about one story; renderers only lay it out."""

    story: Story
    summary: Summary
    facts: list[Fact]  # sorted by support, most independent sources first
    conflicts: list[Conflict]  # one per disputed value of a fact (updates over the days left out)
    quotes: list[Quote]
    entities: list[Entity]
    passages: list[Passage]  # reused text, grouped by the copying article
    reuse: list[DocumentReuse]  # one per article
    coverage: list[Coverage]  # one per article
    families: SourceFamilies | None = None  # which articles copy which
    ner: str = "rules"
    warnings: list[str] = field(default_factory=list)
    # Counts that changed over the days of the articles (a toll that rose), earliest first: updates,
    # not disputes (benchmarks/claims/PROTOCOL.md, "Updates and conflicts"), listed apart.
    updates: list[Conflict] = field(default_factory=list)

    @property
    def documents(self) -> list[Document]:
        return self.story.documents

    def sentence(self, index: int) -> Sentence:
        return self.story.sentences[index]

    @property
    def shared_facts(self) -> list[Fact]:
        """Facts several independent sources report."""
        return [f for f in self.facts if not f.single_source]

    @property
    def single_outlet_facts(self) -> list[Fact]:
        """Facts that rest on one source: one article, or copies of one story."""
        return [f for f in self.facts if f.single_source]

    def fact_with(self, sentence: int) -> Fact | None:
        return next((f for f in self.facts if sentence in f.sentences), None)

    def conflicts_of(self, fact: Fact) -> list[Conflict]:
        """The disputed values of this fact."""
        return [c for c in self.conflicts if c.fact == fact.id]

    def fact_by_id(self, fact_id: int) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)


def build_report(
    story: Story,
    options: SummaryOptions | None = None,
    *,
    ner: str = "rules",
    stage: Callable[[str], object] | None = None,
) -> Report:
    """The report of a story already segmented and represented (``pipeline.read_story``), its
    summary as ``options`` ask (without them, the default summary).

    ``stage`` is told the name of each step as it starts (a progress display)."""
    if ner not in NER_BACKENDS:
        raise ChorusError(f"unknown NER backend {ner!r}; choose from: {', '.join(NER_BACKENDS)}")
    stage = stage or (lambda name: None)
    stage("choosing the summary")
    summary = summarize_as_asked(story, options or SummaryOptions())
    stage("finding names")
    entities = find_entities(story, ner)
    index = EntityIndex(story, entities)
    stage("comparing the outlets' claims")
    cited = {s.origin.index for s in summary.sentences}
    checks = claim_checks(story, cited)
    facts = group_facts(story, checks, cited)
    found = find_conflicts(story, facts, checks)
    conflicts = [c for c in found if not c.over_time]

    def canonical_speaker(name: str) -> str | None:
        entity = index.lookup(name, PERSON) or index.lookup(name)
        return entity.name if entity else None

    stage("finding quotes")
    quotes = group_quotations(find_quotations(story), canonical_speaker)
    stage("finding text reuse")
    passages, reuse = find_reuse(story)
    return Report(
        story=story,
        summary=summary,
        facts=facts,
        conflicts=conflicts,
        updates=[c for c in found if c.over_time],
        quotes=quotes,
        entities=entities,
        passages=passages,
        reuse=reuse,
        coverage=coverage(story, facts),
        families=aligner_of(story).families,
        ner=ner,
        warnings=list(story.warnings),
    )


def report(
    documents: Sequence[DocumentLike],
    *,
    words: int | None = DEFAULT_WORDS,
    sentences: int | None = None,
    query: str | None = None,
    method: str | None = None,
    ner: str = "rules",
) -> Report:
    """Compare how several outlets cover one story.

    Args:
        documents: the articles, as for ``chorus.summarize``: text or HTML
            strings, ``Path``s (files or folders), dicts or ``Document``s.
        words, sentences, query, method: the summary's budget, focus and
            content-selection method, as for ``chorus.summarize``.
        ner: how names are found: ``"rules"`` (default, no model) or
            ``"spacy"`` (needs ``pip install 'chorus[ner]'``).

    Returns:
        A ``Report``; ``chorus.render_report(report, "markdown"|"json"|"html")``
        lays it out.

    Raises:
        ChorusError: for unusable input or an unavailable NER backend.
    """
    options = SummaryOptions(words=words, sentences=sentences, query=query, method=method)
    return build_report(read_story(documents, options.query), options, ner=ner)
