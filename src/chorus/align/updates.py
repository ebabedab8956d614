"""Updates and conflicts: the one rule that tells a count's update over the days from a dispute
between outlets (benchmarks/claims/PROTOCOL.md, "Updates and conflicts").

A count of what happened to people (``CUMULATIVE_OUTCOMES``: the dead, the injured ...) read by the
days of the articles that give it:

- two outlets' values from articles of one day are a dispute;
- a later article's higher value is an update ("600" on the 17th, "3,879" on the 18th);
- a later article's lower value of a count that can only grow (``GROWING_OUTCOMES``: the dead are
  not revived, those made to leave their homes on a night were made to leave) is a dispute, of one
  that can fall (the missing, the homeless, any count told as standing: "remain evacuated") an update;
- one outlet's own figures (or copies of one story) are its update or correction, never a dispute.

Every place that shows another article's value reads it here: the report's conflicts and updates
(``chorus.analysis.conflicts``), a summary sentence's citation (``chorus.compose.cite``), the
facts' disputing and updating articles, and ``chorus check`` (``updates_of``): a bracket, a fact and
the conflicts section cannot call one pair of figures a dispute in one place and an update in another.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from chorus import lexicon
from chorus.align.claims import CONTRADICTS, STATES, ClaimCheck, aligner_of
from chorus.align.roles import CUMULATIVE_OUTCOMES, GROWING_OUTCOMES
from chorus.align.values import Number, disjoint, numbers_in, printed, value_numbers
from chorus.ingest.metadata import published_day
from chorus.types import Story

# How another article's value of an updated count stands to the claim's: given on an earlier day,
# on a later one, or neither (the same outlet's revision on the same day).
EARLIER, LATER, REVISED = "earlier", "later", "revised"
_STANDING = re.compile(r"\b" + lexicon.alternation(lexicon.STANDING_WORDS) + r"\b", re.IGNORECASE)
STANDING_REACH = 40  # characters each side of a figure, in its phrase, where a word can make it a standing count


def standing(text: str, n: Number) -> bool:
    """Is the figure ``n`` of ``text`` told as a standing count ("1,000 people remain evacuated", "the
    remaining 300 evacuees", "12 are still in hospital"), by a word of its own phrase near it (not
    "It remains to be seen whether the accident, which killed 114 people, ...")?"""
    before = re.split(r"[,;:()]", text[max(0, n.start - STANDING_REACH) : n.start])[-1]
    after = re.split(r"[,;:()]", text[n.end : n.end + STANDING_REACH])[0]
    return bool(_STANDING.search(before) or _STANDING.search(after))


# ``chorus check``'s verdict for an article whose other value is an update: "contradicts" is kept
# for disputes.
UPDATES = "updates"


@dataclass(frozen=True)
class Reading:
    """Values of one count read by the rule: which take part in a dispute, and whether some pair is
    an update over the days or one outlet's own revision."""

    disputed: frozenset[int]  # indexes of the values some dispute between outlets holds
    changed: bool  # some pair of two outlets is an update (a later higher figure)
    own: bool  # some pair of differing figures is one outlet's (or one story's copies') own


def two_sources(story: Story, families, a: int, b: int) -> bool:
    """Are two articles of two outlets (or of unknown ones) and not copies of one story?"""
    outlets = story.documents[a].outlet, story.documents[b].outlet
    return (None in outlets or outlets[0] != outlets[1]) and families.family_of(a) != families.family_of(b)


def read_by_days(story: Story, values: Sequence[tuple[str, Sequence[int], Sequence[int]]]) -> Reading | None:
    """The rule on the values of one count, each as printed with the articles that give it and
    their sentences (story indexes); None where it does not apply: not counts of what happened to people (a settled fact
    has one value whatever the days), an undated article, a value with no figure."""
    if len(values) < 2:
        return None
    days: list[dict[int, date]] = []
    for _, docs, _ in values:
        found = {d: day for d in docs if (day := published_day(story.documents[d].published)) is not None}
        if not found or len(found) < len(docs):
            return None  # an undated article: the days cannot tell
        days.append(found)
    # What happened to those the figures count (not another figure of their sentences).
    outcomes = {
        n.outcome
        for value, _, sentences in values
        for i in sentences
        for n in numbers_in(story.sentences[i].text)
        if printed(n.text.strip()).lower() == value.lower()
    }
    if not outcomes or not outcomes <= CUMULATIVE_OUTCOMES:
        return None
    parsed = [value_numbers(value) for value, _, _ in values]
    if not all(parsed):
        return None
    figures = [found[0].typical for found in parsed]
    only_grows = outcomes <= GROWING_OUTCOMES and not any(
        standing(story.sentences[i].text, n)
        for value, _, sentences in values
        for i in sentences
        for n in numbers_in(story.sentences[i].text)
        if printed(n.text.strip()).lower() == value.lower()
    )
    families = aligner_of(story).families
    disputed: set[int] = set()
    changed = own = False
    for a in range(len(figures)):
        for b in range(a + 1, len(figures)):
            if not any(disjoint(x, y) for x in parsed[a] for y in parsed[b]):
                continue  # hedges that allow each other ("at least 600" / "an estimated 2,000")
            for x, day_x in days[a].items():
                for y, day_y in days[b].items():
                    if not two_sources(story, families, x, y):
                        own = True  # one outlet's own figures: its update or correction
                        continue
                    if day_x == day_y:
                        disputed |= {a, b}
                        continue
                    early, late = (a, b) if day_x < day_y else (b, a)
                    if only_grows and figures[late] < figures[early]:
                        disputed |= {a, b}
                    else:
                        changed = True
    return Reading(frozenset(disputed), changed, own)


def updates_of(check: ClaimCheck) -> dict[int, str]:
    """The articles ``check`` finds giving another value that the rule calls an update, not a
    dispute, each with how its figure stands to the claim's (``EARLIER``, ``LATER``, ``REVISED``).

    The claim's figure is that of the articles that state it and print it (the claim's own article
    among them); an article whose every differing value is an update of each of theirs, or their own
    outlet's revision, updates the claim. Any dispute, or a value the rule does not cover (a date, a
    settled fact, an undated article), keeps it a contradiction."""
    story = check.story
    if story is None:
        return {}
    stating = [(v.doc_index, v.evidence) for v in check.articles if v.verdict == STATES and v.evidence is not None]
    out: dict[int, str] = {}
    for verdict in check.articles:
        evidence = verdict.evidence
        if verdict.verdict != CONTRADICTS or evidence is None or not evidence.differences:
            continue
        x = verdict.doc_index
        whens = []
        for difference in evidence.differences:
            if difference.kind != "number":
                break
            claimed = value_numbers(difference.claim)
            sided = {
                d: e.main
                for d, e in stating
                if any(not disjoint(c, n) for c in claimed for n in numbers_in(story.sentences[e.main].text))
            }
            given = next(
                (i for i in evidence.sentences if difference.article in story.sentences[i].text), evidence.main
            )
            reading = read_by_days(
                story,
                [
                    (printed(difference.claim), list(sided), list(sided.values())),
                    (printed(difference.article), [x], [given]),
                ],
            )
            if reading is None or reading.disputed or not (reading.changed or reading.own):
                break
            whens.append(_when(story, x, sided))
        else:
            out[x] = whens[0] if len(set(whens)) == 1 else REVISED
    return out


def _when(story: Story, doc: int, stating: Mapping[int, int]) -> str:
    """Is an article's day before every stating article's, after every one, or neither?"""
    day = published_day(story.documents[doc].published)
    others = [published_day(story.documents[d].published) for d in stating]
    if day is None or None in others:
        return REVISED
    if all(day < o for o in others if o is not None):
        return EARLIER
    if all(day > o for o in others if o is not None):
        return LATER
    return REVISED
