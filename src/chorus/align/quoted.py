"""Claims two outlets share through one quotation printed word for word.

Claim alignment (``chorus.align.claims``) weighs a sentence's words; a
quotation relayed by several outlets is often framed differently around
the same words ("The Hamas leader also discussed “Zionist terrorism … in
Jerusalem” with Russia's top diplomat, the official said" / "Mesgaal told
Lavrov about the alleged “Zionist terrorism … in Jerusalem”"). When the
quotation is long enough to be a statement of its own and is most of what
each sentence says, the two sentences state one claim: the speaker's
words. A sentence that quotes a few words among much else of its own does
not. The citations (``compose.cite``) and the report's facts both add these
outlets, through ``quote_support``, so the summary's brackets, the facts and
the quotes' "carried by" agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from chorus.align.claims import CONTRADICTS, NEGATIONS, STATES, ClaimCheck
from chorus.text import is_content, quote_spans, words
from chorus.types import Story

SHARED_QUOTE_WORDS = 8  # words of the quotation both print, at least
SHARED_QUOTE_SHARE = 0.5  # of each sentence's content words, at least this share inside the quotation


@dataclass(frozen=True)
class _Quoted:
    sentence: int
    doc_index: int
    words: tuple[str, ...]  # the quotation's words, lower-cased, apostrophes unified


def _normalized(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in words(text))


def _quotations_of(story: Story) -> list[_Quoted]:
    """The quotations that are most of their sentence."""
    found = []
    for s in story.sentences:
        spans = quote_spans(s.text)
        if not spans:
            continue
        content = sum(s.content)  # its content words, flagged when it was tokenized (``segment``)
        for a, b in spans:
            quoted = words(s.text[a:b])
            if len(quoted) >= SHARED_QUOTE_WORDS and sum(is_content(w) for w in quoted) >= SHARED_QUOTE_SHARE * content:
                found.append(_Quoted(s.index, s.doc_index, _normalized(s.text[a:b])))
    return found


def _negated_outside_quotes(text: str) -> bool:
    """Does the sentence say no in its own words ("never told residents that “…”")? The quotation's
    own "no" is the speaker's, printed alike by both."""
    chars = list(text)
    for a, b in quote_spans(text):
        chars[a:b] = " " * (b - a)
    return any(w.lower() in NEGATIONS or w.lower().endswith(("n't", "n’t")) for w in words("".join(chars)))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[k : k + n] == shorter for k in range(len(longer) - n + 1))


def quote_carriers(story: Story) -> dict[int, dict[int, int]]:
    """Per sentence, the other articles' sentences that state its claim through one quotation
    (the shorter printing whole inside the longer, most of each sentence): ``{sentence:
    {doc_index: sentence}}``, symmetric; made once per story."""
    if story.quote_carriers is not None:
        return story.quote_carriers
    quoted = _quotations_of(story)
    by_opening: dict[tuple[str, ...], list[int]] = {}
    for k, q in enumerate(quoted):
        for start in range(len(q.words) - SHARED_QUOTE_WORDS + 1):
            by_opening.setdefault(q.words[start : start + SHARED_QUOTE_WORDS], []).append(k)
    carriers: dict[int, dict[int, int]] = {}
    for q in quoted:
        for other in by_opening.get(q.words[:SHARED_QUOTE_WORDS], []):
            r = quoted[other]
            if r.doc_index == q.doc_index or not _contains(r.words, q.words):
                continue
            # A quotation printed as said and as denied are two claims.
            if _negated_outside_quotes(story.sentences[q.sentence].text) != _negated_outside_quotes(
                story.sentences[r.sentence].text
            ):
                continue
            carriers.setdefault(q.sentence, {}).setdefault(r.doc_index, r.sentence)
            carriers.setdefault(r.sentence, {}).setdefault(q.doc_index, q.sentence)
    story.quote_carriers = carriers
    return carriers


def quote_support(story: Story, stating: Iterable[int]) -> dict[int, int]:
    """The articles that state a claim through a shared quotation but are not among those the
    alignment found: ``stating`` are the sentences that state it (the claim's own and each stating
    article's evidence); returns ``{doc_index: sentence}`` for the other articles."""
    carriers = quote_carriers(story)
    sentences = list(stating)
    have = {story.sentences[i].doc_index for i in sentences}
    extra: dict[int, int] = {}
    for i in sentences:
        for d, j in carriers.get(i, {}).items():
            if d not in have:
                extra.setdefault(d, j)
    return extra


def quoted_support_of(story: Story, check: ClaimCheck, sentence: int | None) -> dict[int, int]:
    """``quote_support`` for one check of the claim of ``sentence`` (its own Story sentence, or
    None): the articles that state it through a shared quotation, beyond those the check found to
    state it and apart from those it found to dispute it (``{doc_index: sentence}``)."""
    stated = [v.evidence.main for v in check.articles if v.verdict == STATES and v.evidence is not None]
    disputing = {v.doc_index for v in check.articles if v.verdict == CONTRADICTS and v.evidence is not None}
    stating = ([sentence] if sentence is not None else []) + stated
    return {d: j for d, j in quote_support(story, stating).items() if d not in disputing}
