"""A quotation several outlets print word for word, framed in other words: one fact, one bracket, one quote."""

from __future__ import annotations

import pytest

import chorus
from chorus.align.quoted import quote_carriers
from chorus.pipeline import read_story
from conftest import EXAMPLE, LAVROV, ROOT

QUOTE = "the reservoir will be drained slowly over three weeks so that no village downstream is flooded"
FILLER = [
    "Engineers inspected the Kellby dam wall on Monday after heavy rain.",
    "Cracks were found near the spillway of the dam.",
    "The regional water board has ordered repairs to start in spring.",
]


def _articles(second: str) -> list[str]:
    first = f'The water board chairman announced that "{QUOTE}," the board said.'
    return [" ".join([FILLER[0], first, FILLER[1]]), " ".join([FILLER[0], second, FILLER[2]])]


def _sentence(report, text: str) -> int:
    return next(s.index for s in report.story.sentences if text in s.text)


def test_a_quotation_framed_otherwise_is_one_fact_the_bracket_and_the_quote_agree():
    report = chorus.report(_articles(f'Officials told residents at a meeting that "{QUOTE}".'), sentences=2)
    a, b = _sentence(report, "chairman announced"), _sentence(report, "told residents")
    fact = report.fact_with(a)
    assert fact is report.fact_with(b)
    assert fact.stating == [0, 1] and not fact.single_source
    quote = next(q for q in report.quotes if "drained slowly" in q.text)
    assert quote.doc_indexes == fact.stating
    cited = [s for s in report.summary.sentences if s.origin.index in (a, b)]
    for s in cited:
        assert sorted(c.doc_index for c in s.support) == fact.stating


@pytest.mark.parametrize(
    "second",
    [
        # Denied, not said: another claim.
        f'Officials never told residents at a meeting that "{QUOTE}".',
        # A few words of it among much of the sentence's own: not the claim of the quotation.
        "Farmers upstream, who lost two harvests to the spring floods and want compensation from the "
        'board, laughed at the promise that "no village downstream is flooded" during a heated meeting.',
    ],
)
def test_a_quotation_denied_or_only_echoed_is_not_the_same_claim(second):
    story = read_story(_articles(second))
    first = next(s.index for s in story.sentences if "chairman announced" in s.text)
    assert quote_carriers(story).get(first, {}) == {}


def test_lavrov_zionist_terrorism_quote_agrees_in_summary_facts_and_quotes():
    if not LAVROV.is_dir():
        pytest.skip("../shared/examples/lavrov-hamas is not on this machine")
    report = chorus.report([LAVROV])
    quote = next(q for q in report.quotes if q.text.startswith("Zionist terrorism"))
    facts = {id(report.fact_with(o.sentence)) for o in quote.occurrences}
    assert len(facts) == 1
    fact = report.fact_with(quote.occurrences[0].sentence)
    assert fact.stating == quote.doc_indexes == [1, 2, 3, 4]
    summary = next(s for s in report.summary.sentences if "Zionist terrorism" in s.text)
    assert sorted(c.doc_index for c in summary.support) == fact.stating


@pytest.mark.parametrize("cluster", [EXAMPLE, ROOT / "tests" / "data" / "report" / "kellmoor-dam"])
def test_every_summary_bracket_is_the_fact_that_holds_its_sentence(cluster):
    # harbor-fire's "The fire broke out shortly after 9 p.m. … brought under control at about 4 a.m."
    # is cited [4, 5]: it is not a member of the shorter "The blaze started shortly after 9 p.m." fact
    # of [1, 3, 4, 5] but a fact of its own.
    report = chorus.report([cluster])
    for s in report.summary.sentences:
        fact = report.fact_with(s.origin.index)
        assert fact is not None
        assert sorted(c.doc_index for c in s.support) == fact.stating, s.text
    assert sum(s.origin.index == report.fact_with(s.origin.index).centre for s in report.summary.sentences) >= 1
