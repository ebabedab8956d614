"""Conflicts: outlets that give one fact with different values, one entry per disputed value of a fact.

Claim alignment (``chorus.align``) finds, for a fact's centre sentence, the
articles that state it with another figure, date, weekday, year or rank;
each such dispute becomes one conflict that lists every value with the
articles that give it ("1,200: [1, 3, 4, 5] · more than 1,500: [2]"), the
articles that state the fact counted with the centre's value. A dispute is a
conflict only if it is mutual: the clause that gives the other value, taken
as a claim, must find the centre disputing it back, so that each side says
the other's thing (``Aligner.disputes_back``). What the engine sets aside is
set aside here too:

- two things counted ("12 killed" / "40 injured"), a part and a total
  ("12 Americans" among 247 dead), another place ("the Nairobi blast" for
  "the Tanzania blast"), a total of several events, another kind of event,
  others than those counted ("five other athletes"), figures many times
  apart (another scope), two people's own words, the day a source spoke, a
  forecast's or a supposition's figures;
- ranges ("1.5 to 2.7 million"), votes ("413 to 3"), names ("Prop. 5"),
  ages, spans back from the telling ("five years ago"), and a round figure
  near a precise one ("2,000" / 1,969);
- hedged figures that agree ("more than 2,000" / 2,200; "about 1,200" /
  1,250) and one distance in two units ("13 miles (20 kms)");
- an outlet correcting itself ("police earlier had reported 65 dead"): the
  figure it gives as superseded is not its figure; and values that only one
  outlet's articles give ("257", then "258" a week later): its own update;
- shares and sums with nothing in common next to the figures (two things),
  years each told as many years from its article's year (the latest
  record), bounds from a span's start ("the first two years of life"), and
  running totals that are no toll on two days (``_set_aside``).

Distances between two places are compared by their two ends wherever outlets give them
(``distances``: "Izmit, about 110 kilometers west of Istanbul"), and two distances between
different pairs of places never dispute each other.

Ages are compared apart, per person rather than per fact (``age_conflicts``):
"Aaron McKinney, 22," in one article and "McKinney, 21," in another is an
age conflict whatever the two sentences say; a namesake (another given
name, or an age years apart) is another person.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from chorus.align import CONTRADICTS, STATES, ClaimCheck, Difference, aligner_of
from chorus.align.roles import ROLE_UNITS, Mention, Moments, Roles
from chorus.align.updates import read_by_days, two_sources as _two_sources
from chorus.align.values import (
    DATE,
    FORECAST as V_FORECAST,
    UNITS,
    Number,
    ages_in,
    disjoint,
    numbers_in,  # noqa: F401  (the figures a sentence states; re-exported)
    plausibly_one,
    printed,
    value_numbers,
)
from chorus.analysis.facts import Fact
from chorus.disjoint import DisjointSets
from chorus.ingest.metadata import published_day
from chorus.lexicon import MONTHS_AND_DAYS, NUMBER_WORDS
from chorus.text import WORD_RE, stem
from chorus.types import Story


@dataclass(frozen=True)
class ConflictValue:
    value: str  # as the first article that gives it prints it
    doc_indexes: tuple[int, ...]  # the articles that give it
    sentences: tuple[int, ...]  # Story.sentences indexes: the sentence(s) of those articles that give it


@dataclass(frozen=True)
class Conflict:
    kind: str  # number, rank, date, weekday, year, time (an hour) or age
    fact: int  # the fact whose value is disputed
    values: tuple[ConflictValue, ...]  # the fact centre's value first
    # A count that grew or fell with the articles' days (a toll: 600, then 3,879, then 7,085):
    # an update over time rather than a dispute; its values then run in the order of the days.
    over_time: bool = False

    @property
    def sentences(self) -> list[int]:
        return [i for v in self.values for i in v.sentences]

    @property
    def doc_indexes(self) -> list[int]:
        return sorted({d for v in self.values for d in v.doc_indexes})

    def describe(self, labels: list[str] | None = None) -> str:
        """ "1,200: [1, 3, 4, 5] · more than 1,500: [2]" (or with the documents' ``labels``)."""

        def name(d: int) -> str:
            return labels[d] if labels else str(d + 1)

        return " · ".join(f"{v.value}: [{', '.join(name(d) for d in v.doc_indexes)}]" for v in self.values)


def _gives(story: Story, sentences: tuple[int, ...], kind: str, value: str, rivals: list[str]) -> bool:
    """Do these sentences give ``value`` (its words, or a figure it allows) and no figure the rivals allow?"""
    text = " ".join(story.sentences[i].text for i in sentences)
    if kind != "number":
        return value.lower() in text.lower()
    wanted = value_numbers(value)
    against = [n for r in rivals for n in value_numbers(r)]
    given = numbers_in(text)
    agrees = any(not disjoint(x, y) for x in wanted for y in given) or value in text
    return agrees and not any(not disjoint(x, y) for x in against for y in given)


def _key(value: str) -> str:
    """Values that are one value group together: "12" and "Twelve"; not "1,500" and "more than 1,500"."""
    if day := DATE.fullmatch(value.strip()):
        return f"{day.group('month')[:3].lower()} {int(day.group('day'))}"  # "July 19, 1999" is "July 19"
    found = value_numbers(value)
    if len(found) == 1:
        return f"{found[0].low:g}-{found[0].high:g}"
    return " ".join(value.lower().split())


def find_conflicts(story: Story, facts: list[Fact], checks: list[ClaimCheck]) -> list[Conflict]:
    """One conflict per disputed quantity, its values each with the articles that give it.

    Disputes are read from the check of each fact's centre (the members' checks were tried: they
    added false conflicts on the held-out and fresh clusters and no real one on dev). Then figures
    in one role are compared wherever they are given (``role_conflicts``), and the conflicts of one
    quantity are merged into one entry."""
    aligner = aligner_of(story)
    conflicts: list[Conflict] = []
    for fact in facts:
        conflicts += _disputes(story, aligner, fact.centre, fact.id, checks[fact.centre])
    conflicts += role_conflicts(story, facts) + moment_conflicts(story, facts) + distance_conflicts(story, facts)
    found = [_dated(story, c) for c in _merged(conflicts)] + age_conflicts(story, facts)
    return [c for c in found if not _one_outlet(story, c)]


def _one_outlet(story: Story, conflict: Conflict) -> bool:
    """Are all the articles that give a conflict's values of one known outlet? Then the values are
    that outlet's own update or correction ("rose to 258" a week after its "257"), not a
    disagreement between outlets."""
    outlets = {story.documents[d].outlet for d in conflict.doc_indexes}
    return len(outlets) == 1 and None not in outlets


# Articles that give the best-supported value of a conflict found by role. It was 2 (a quantity the
# story keeps reporting) while one outlet's own successive figures counted as a dispute; with those
# set aside (``_one_outlet``), two outlets' single figures in one role are a dispute too (dev recall
# 0.24 -> 0.28, no false conflict more on the judged splits).
MIN_ROLE_SUPPORT = 1


def role_conflicts(story: Story, facts: list[Fact]) -> list[Conflict]:
    """Figures in one role that outlets give differently wherever their sentences give them
    (``chorus.align.roles``): one conflict per disputed quantity, each value with every article
    that gives it in that role."""
    roles = Roles(aligner_of(story))
    ends = distances(story)
    disputes = [
        (d.a, d.b)
        for d in roles.disputes()
        if not _running_totals(story, d.a, d.b)
        and not _other_ends(ends, d.a, d.b)
        and not any(_bound(story, m) for m in (d.a, d.b))
    ]
    if not disputes:
        return []
    groups = _grouped(
        disputes,
        roles.mentions,
        # (A bound, "at least 25", agrees with too much to take a side.)
        lambda m, g: not _open_ended(m.number) and roles.agrees(m, g),
        lambda m: _key(m.number.text.strip()),
        lambda m: _with_unit(story.sentences[m.sentence].text, m.number),
        apart=lambda x, y: disjoint(x.number, y.number),
    )
    return [
        Conflict("number", _fact_of(facts, first), found)
        for first, found, _ in groups
        if max(len(v.doc_indexes) for v in found) >= MIN_ROLE_SUPPORT
    ]


# Articles that give the best-supported value of a date or weekday found by its role: days recur in
# a story (two meetings, two arrests), an hour of one kind of event minutes apart does not.
MIN_DAY_SUPPORT = {"time": 1, "date": 2, "weekday": 2}


def moment_conflicts(story: Story, facts: list[Fact]) -> list[Conflict]:
    """Hours, dates and weekdays of one act that outlets give differently ("hit Turkey at 3:02
    a.m." / "ripped through western Turkey at 3:00 am"; "filed for divorce July 19" / "July 29"):
    one conflict per disputed moment, each value with every article that gives it in that role."""
    moments = Moments(Roles(aligner_of(story)))
    disputes = moments.disputes()
    if not disputes:
        return []
    groups = _grouped(
        disputes,
        moments.moments,
        moments.agrees,
        lambda m: f"{m.kind}:{m.low}-{m.high}",
        lambda m: m.text,
        # A value every other value allows ("about 3 a.m." beside 3:00 and 3:02) takes no side.
        lambda key, others: all(_spans_meet(key, other) for other in others),
    )
    return [
        Conflict(first.kind, _fact_of(facts, first), found)
        for first, found, _ in groups
        if max(len(v.doc_indexes) for v in found) >= MIN_DAY_SUPPORT[first.kind]
    ]


# A distance between two places: the figure, its unit (miles or kilometres, a conversion in brackets
# allowed), a direction and "of", or "from", then the place it is measured from ("about 55 miles east
# of Istanbul", "20 kilometers (12 miles) from Jabiluka"). The other end is the place the sentence
# names nearest the figure ("The epicenter of the quake was near Izmit, about 55 miles east of
# Istanbul"). Two outlets that give one pair of places different distances disagree, whatever
# else their sentences tell (a distance between two towns does not change from day to day).
_DISTANCE_FROM = re.compile(
    r"\s*-?\s*(?:miles?|kilomet(?:er|re)s?|kms?)\b\.?\s*(?:\([^)]{0,40}\)\s*)?,?\s*"
    r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern|erly)?\s+of|(?:(?:(?:north|south)(?:-?(?:east|west))?"
    r"|east|west)(?:ern|erly)?\s+)?from)\s+(?:the\s+)?(?:(?:city|town|capital|port|village|site)\s+of\s+)?"
    r"(?P<place>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
)
_WITHIN_BEFORE = re.compile(r"\b(?:within|up\s+to|inside)\s+(?:some\s+|about\s+)?$", re.IGNORECASE)
# A capitalised name in the sentence, the candidate other end; one followed by "'s" ("Turkey's
# largest city") qualifies another noun and is not where the distance ends.
_NAME = re.compile(r"\b[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*\b(?!['’]s)")


def distance_conflicts(story: Story, facts: list[Fact]) -> list[Conflict]:
    """Distances between one pair of places that outlets give differently ("Istanbul ... lies just 65
    miles west of Izmit" / "The epicenter is located at about 70 kilometers southeast of Istanbul,
    near ... Izmit"): one conflict per pair of places, each value with the articles that give it."""
    families = aligner_of(story).families
    by_ends: dict[frozenset[str], list[tuple[int, int, Number, str]]] = {}
    for (sentence, _), (ends, n, shown) in distances(story).items():
        by_ends.setdefault(ends, []).append((story.sentences[sentence].doc_index, sentence, n, shown))
    conflicts = []
    for mentions in by_ends.values():
        values: dict[str, list] = {}
        for doc, sentence, n, shown in mentions:
            entry = values.setdefault(_key(shown), [shown, {}, n])
            entry[1].setdefault(doc, sentence)
        keys = list(values)
        disputed = {
            k
            for k in keys
            for other in keys
            if disjoint(values[k][2], values[other][2])
            and any(_two_sources(story, families, a, b) for a in values[k][1] for b in values[other][1])
        }
        # (An article that gives two of the values, two places of one name or its own revision, takes no side.)
        kept = _taking_a_side({k: set(values[k][1]) for k in disputed})
        if len(kept) < 2:
            continue
        found = _sides([(values[k][0], values[k][1]) for k in kept])
        conflicts.append(Conflict("number", _fact_of_sentence(facts, found[0].sentences[0]), found))
    return conflicts


def distances(story: Story) -> dict[tuple[int, int], tuple[frozenset[str], Number, str]]:
    """Every distance between two places the story gives, by (sentence, the figure's offset): its two
    ends, the figure, and the figure as shown ("about 55 miles")."""
    aligner = aligner_of(story)
    # (sentence, figure, its phrase) of every distance measured from a place; those places are
    # places too when the story names them nowhere else after "in" or "at".
    phrases = [
        (s, n, found)
        for s in story.sentences
        if not V_FORECAST.search(s.text)
        for n in aligner.numbers_of(s.index)
        # (A bound, "within 60 miles of", "up to 60 miles from", is no distance.)
        if n.unit == "length" and n.low > 0 and not math.isinf(n.high) and not _WITHIN_BEFORE.search(s.text, 0, n.start)
        if (found := _DISTANCE_FROM.match(s.text, n.end)) is not None
    ]
    places = aligner.story_places | {p for s in story.sentences for p in aligner.places_of(s.index)}
    places |= {_place_key(found.group("place")) for _, _, found in phrases}
    out = {}
    for s, n, found in phrases:
        start = _place_key(found.group("place"))
        other = _nearest_place(s.text, n.start, found.end(), start, places)
        if other is not None:
            shown = f"{printed(n.text.strip())} {s.text[n.end : found.end()].split()[0].strip('.,(')}"
            out[(s.index, n.start)] = (frozenset({start, other}), n, shown)
    return out


def _place_key(name: str) -> str:
    """A place as a key: the stem of its last word ("the industrial city of Izmit" -> "izmit")."""
    return stem(WORD_RE.findall(name)[-1])


def _nearest_place(text: str, start: int, end: int, measured_from: str, places) -> str | None:
    """The distance's other end: the place the sentence names nearest before its figure ("Izmit,
    about 110 kilometers west of Istanbul"), else one it places near or at after the phrase
    ("about 70 kilometers southeast of Istanbul, near the industrial city of Izmit")."""

    def place(m: re.Match[str]) -> str | None:
        key = _place_key(m.group("name") if "name" in m.re.groupindex else m.group())
        return None if key == measured_from or key not in places or key in _CALENDAR_STEMS else key

    before = [key for m in _NAME.finditer(text, 0, start) if (key := place(m))]
    if before:
        return before[-1]
    after = _NEAR_PLACE.match(text, end)
    return place(after) if after else None


# A place named just after a distance phrase as the other end: ", near the industrial city of Izmit".
_NEAR_PLACE = re.compile(
    r"[,;]?\s+(?:near|at|in)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:(?:city|town|village|port)\s+of\s+)?"
    r"(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)\b(?!['’]s)"
)


def _fact_of_sentence(facts: list[Fact], sentence: int) -> int:
    return next((f.id for f in facts if sentence in f.sentences), 0)


# The unit printed after a measure ("12,000 square miles", "31,200 sq. km.", "19.5 million metric tons").
_UNIT_AFTER = re.compile(r"\s*-?\s*(?:(?:square|sq\.?|cubic|metric)[\s-]+)?[a-z]+\.?", re.IGNORECASE)


def _with_unit(text: str, n: Number) -> str:
    """A measure as a reader quotes it, with its unit ("almost 12,000 square miles"): figures of one
    quantity in two units are listed side by side."""
    figure = printed(n.text.strip())
    if n.unit not in ROLE_UNITS or n.unit == "magnitude":
        return figure
    after = _UNIT_AFTER.match(text, n.end)
    if after is None or not any(w.strip(".").lower() in UNITS for w in after.group().replace("-", " ").split()):
        return figure
    return f"{figure} {after.group().strip().lstrip('-').strip().rstrip('.')}"


def _spans_meet(a: str, b: str) -> bool:
    """Do two moments' keys ("time:180-180", "time:165-195") allow a common value?"""
    (low_a, high_a), (low_b, high_b) = (map(int, k.split(":")[1].split("-")) for k in (a, b))
    return low_a <= high_b and low_b <= high_a


_CALENDAR_STEMS = frozenset(stem(w) for w in MONTHS_AND_DAYS)


def _fact_of(facts: list[Fact], mention) -> int:
    return _fact_of_sentence(facts, mention.sentence)


def _sides(kept: list[tuple[str, dict[int, int]]]) -> tuple[ConflictValue, ...]:
    """Each disputed value as shown, with its articles and their sentences ({article: sentence}),
    the best supported first (then the one its first article gives)."""
    return tuple(
        ConflictValue(value, tuple(sorted(docs)), tuple(docs[d] for d in sorted(docs)))
        for value, docs in sorted(kept, key=lambda e: (-len(e[1]), min(e[1])))
    )


def _taking_a_side(given: dict[str, set[int]], apart=lambda value, other: True) -> list[str]:
    """The values (of ``given``: value -> the articles that give it) that some article gives without
    also giving another value ``apart`` from it. An article that gives two values of one quantity
    counts two things, or tells its own revision: a value only such articles give is no outlet's
    version of the quantity."""
    return [
        k
        for k, docs in given.items()
        if any(not any(d in given[o] and apart(k, o) for o in given if o != k) for d in docs)
    ]


def _grouped(
    disputes: list[tuple], pool: list, agrees, key, shown, sides_with_all=None, apart=None
) -> list[tuple[Any, tuple[ConflictValue, ...], list]]:
    """The disputes joined into one group per disputed value (each group's first mention, its
    values, best supported first, and its mentions), with every mention of ``pool`` that ``agrees`` with one of a
    group's values in its role siding with that value. ``apart(x, y)``: can two mentions' values not
    both hold (by default any two values are apart)?"""
    mentions = {id(m): m for pair in disputes for m in pair}
    same = DisjointSets(list(mentions))
    for a, b in disputes:
        same.union(id(a), id(b))
    out = []
    for members in same.groups():
        group = [mentions[k] for k in members]
        group += [m for m in pool if id(m) not in mentions and any(agrees(m, g) for g in group)]
        values: dict[str, list] = {}
        for m in sorted(group, key=lambda m: (m.doc, m.sentence)):
            entry = values.setdefault(key(m), [shown(m), {}, m])
            entry[1].setdefault(m.doc, m.sentence)

        # (Two values that can both hold are one value printed twice: "12,000 square miles (31,200 sq. km.)".)
        def two_values(k: str, other: str) -> bool:
            return apart is None or apart(values[k][2], values[other][2])

        sided = set(_taking_a_side({k: set(docs) for k, (_, docs, _) in values.items()}, two_values))
        kept = [
            (value, docs)
            for k, (value, docs, _) in values.items()
            if k in sided
            and not (sides_with_all and len(values) > 2 and sides_with_all(k, [o for o in values if o != k]))
        ]
        found = _sides(kept)
        if len(found) >= 2:
            out.append((min(group, key=lambda m: (m.doc, m.sentence)), found, group))
    return out


def _dated(story: Story, conflict: Conflict) -> Conflict:
    """A count of what happened to people read by the days of the articles that give it, by the one
    rule of ``chorus.align.updates`` (benchmarks/claims/PROTOCOL.md, "Updates and conflicts").

    A conflict with no dispute and some update is marked ``over_time``, its values in the order of
    the days: the report lists it apart, as an update, not among the conflicts. A conflict with
    disputes keeps the values some dispute holds (an early count that every later one only
    raised is no side of it). An outlet's own successive figures are neither (``_one_outlet``)."""
    if conflict.kind != "number":
        return conflict
    reading = read_by_days(story, [(v.value, v.doc_indexes, v.sentences) for v in conflict.values])
    if reading is None:
        return conflict
    if reading.disputed:
        kept = tuple(v for k, v in enumerate(conflict.values) if k in reading.disputed)
        return conflict if len(kept) == len(conflict.values) else Conflict(conflict.kind, conflict.fact, kept)
    if not reading.changed:
        return conflict
    figures = [value_numbers(v.value)[0].typical for v in conflict.values]
    first = [
        min(published_day(story.documents[d].published) or date.max for d in v.doc_indexes) for v in conflict.values
    ]
    order = sorted(range(len(figures)), key=lambda k: (first[k], figures[k]))
    return Conflict(conflict.kind, conflict.fact, tuple(conflict.values[k] for k in order), over_time=True)


def _open_ended(n) -> bool:
    return n.low == 0 or n.high == float("inf")


def _disputes(story: Story, aligner, sentence: int, fact: int, check: ClaimCheck) -> list[Conflict]:
    """The conflicts one sentence's check shows: each value the disputing articles give, against its own."""
    # (article, evidence) of the articles that state the claim and of those that dispute it
    stating = [(v.doc_index, e) for v in check.articles if v.verdict == STATES and (e := v.evidence) is not None]
    disputes = [(v.doc_index, e) for v in check.articles if v.verdict == CONTRADICTS and (e := v.evidence) is not None]
    if not disputes:
        return []
    families = aligner.families
    own_family = families.family_of(story.sentences[sentence].doc_index)
    # kind and the claim's value -> (the other value -> articles and sentences)
    by_dispute: dict[tuple[str, str], dict[str, list]] = {}
    for doc_index, evidence in disputes:
        if families.family_of(doc_index) == own_family:
            continue  # copies of one story are one source: an edit between them is no dispute between outlets
        for difference in evidence.differences:
            if not aligner.disputes_back(sentence, evidence, difference):
                continue  # one side holds words of the other, but does not say its thing
            if _set_aside(story, sentence, evidence.sentences, difference):
                continue
            values = by_dispute.setdefault((difference.kind, difference.claim), {})
            entry = values.setdefault(_key(difference.article), [difference.article, [], []])
            entry[1].append(doc_index)
            entry[2].append(evidence.sentences[0])
    conflicts = []
    for (kind, claimed), others in by_dispute.items():
        # The articles that state the claim take its side only if they print its value,
        # and not a range that the other values fit too ("more than 2,000" for 2,100 and 2,200).
        sided = [
            (doc_index, evidence)
            for doc_index, evidence in sorted(stating, key=lambda pair: pair[0])
            if _gives(story, evidence.sentences, kind, claimed, [e[0] for e in others.values()])
        ]
        own = ConflictValue(printed(claimed), tuple(d for d, _ in sided), tuple(e.sentences[0] for _, e in sided))
        rest = [
            ConflictValue(printed(value), tuple(docs), tuple(sentences))
            for value, docs, sentences in sorted(others.values(), key=lambda e: (-len(e[1]), e[1]))
        ]
        conflicts.append(Conflict(kind, fact, (own, *rest)))
    return conflicts


# A running total as of a time ("by the end of 1996, China has signed ... with 25 countries"): a later
# article's figure is an update of the count, not another outlet's version of it.
# So is a journey's progress ("have covered about 12,000 miles since taking off" one day, "have traveled
# more than 20,500 miles" a week later).
_RUNNING_TOTAL = re.compile(
    r"\b(?:by\s+the\s+end\s+of|as\s+of|so\s+far|to\s+date|up\s+to\s+now|until\s+now)\b"
    r"|\bha(?:ve|s)\s+(?:now\s+|already\s+)?(?:covered|travell?ed|flown|sailed|walked|driven|logged)\b",
    re.IGNORECASE,
)
# A part told with its whole ("forced GM to close 26 of its 29 assembly plants", "26 of GM's 29"): on
# two days, a count as of each day ("27 of 29" three weeks later), like a running total.
_PART_OF_WHOLE_AFTER = re.compile(
    r"\s+of\s+(?:(?:its|the|their|his|her|all|[A-Z][\w.&-]*['’]s)\s+)?(?:\d[\d,]*|" + "|".join(NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)
# "during the first three years of life": a bound (at most three years), not a span's length.
_FIRST_SPAN_BEFORE = re.compile(r"\bfirst\s+$", re.IGNORECASE)


def _set_aside(story: Story, claim_sentence: int, evidence: tuple[int, ...], difference: Difference) -> bool:
    """Is a sentence-level dispute of values no disagreement between outlets about one quantity?

    - a share or a sum with nothing in common next to the two figures: two things ("63 percent of
      Indians are high school graduates" / "36 percent to 51 percent of Indian students drop out";
      "Celebrex ... $2.42 for its once-a-day pill" / "$2.02 for the standard dosage" of two drugs);
    - years each told the same way from its article's year ("1997 the warmest year on record"
      written in 1998, "1998" written in 1999): the latest year, not two versions of one;
    - bounds of a span from its start ("in the first two years of life" / "first three years");
    - a running total of a count that is no toll, as of two days ("by the end of 1996 ... 25
      countries" / 28 in a later article), or a part told with its whole ("26 of its 29 plants"
      closed, then 27 of the 29): an update."""
    claim_text = story.sentences[claim_sentence].text
    article_sentence = next((i for i in evidence if difference.article in story.sentences[i].text), evidence[0])
    article_text = story.sentences[article_sentence].text
    if difference.kind == "year":
        return _same_relative_year(story, (claim_sentence, difference.claim), (article_sentence, difference.article))
    if difference.kind != "number":
        return False
    mine, theirs = _figure_in(claim_text, difference.claim), _figure_in(article_text, difference.article)
    if mine is None or theirs is None:
        return False
    if (mine.percent or mine.unit == "money" or theirs.percent or theirs.unit == "money") and not _things_in_common(
        mine, theirs
    ):
        return True
    if mine.unit == theirs.unit == "duration" and all(
        _FIRST_SPAN_BEFORE.search(text[: n.start]) for text, n in ((claim_text, mine), (article_text, theirs))
    ):
        return True
    if not (mine.outcome or theirs.outcome) and (
        _RUNNING_TOTAL.search(claim_text)
        or _RUNNING_TOTAL.search(article_text)
        or (_PART_OF_WHOLE_AFTER.match(claim_text, mine.end) and _PART_OF_WHOLE_AFTER.match(article_text, theirs.end))
    ):
        days = {
            published_day(story.documents[story.sentences[i].doc_index].published)
            for i in (claim_sentence, article_sentence)
        }
        return None not in days and len(days) > 1
    return False


def _other_ends(ends: dict, a: Mention, b: Mention) -> bool:
    """Are two figures distances between two different pairs of places ("Izmit, 60 miles east of
    Istanbul" / "In Adapazari, about 130 kilometers east of Istanbul")? Then they are two things,
    however alike their clauses."""
    x, y = ends.get((a.sentence, a.number.start)), ends.get((b.sentence, b.number.start))
    return x is not None and y is not None and x[0] != y[0]


def _bound(story: Story, m: Mention) -> bool:
    """Is a figure a bound of a distance ("every hospital within 90 miles of Velmar"), not one?"""
    return m.number.unit == "length" and bool(
        _WITHIN_BEFORE.search(story.sentences[m.sentence].text, 0, m.number.start)
    )


def _running_totals(story: Story, *mentions: Mention) -> bool:
    """Are two figures in one role, of articles of different days, a running total that is no toll
    (a toll's updates are listed, marked as such: ``_dated``)?"""
    if any(m.number.outcome for m in mentions) or not any(
        _RUNNING_TOTAL.search(story.sentences[m.sentence].text) for m in mentions
    ):
        return False
    days = {published_day(story.documents[m.doc].published) for m in mentions}
    return None not in days and len(days) > 1


# Words next to a figure that say what it measures, not what it is of.
_MEASURE_WORDS = frozenset({"percent", "cent", "percentag", "point"})


def _things_in_common(a: Number, b: Number) -> bool:
    """Do the words next to two figures name something in common (units and measures aside)?"""
    return bool((a.context - _MEASURE_WORDS) & (b.context - _MEASURE_WORDS))


def _figure_in(text: str, value: str) -> Number | None:
    """The figure of ``text`` that prints ``value`` ("36 percent to 51 percent"), if one does."""
    wanted = value.strip().lower()
    return next((n for n in numbers_in(text) if n.text.strip().lower() == wanted), None) or next(
        (n for n in numbers_in(text) if wanted in n.text.lower()), None
    )


def _same_relative_year(story: Story, *sides: tuple[int, str]) -> bool:
    """Do articles of different years each give their year as many years from their own year?"""
    years, offsets = set(), set()
    for sentence, value in sides:
        day = published_day(story.documents[story.sentences[sentence].doc_index].published)
        if day is None or not value.strip().isdigit():
            return False
        years.add(day.year)
        offsets.add(int(value) - day.year)
    return len(years) > 1 and len(offsets) == 1


# Outlets' ages for one person differ by a year or two (a birthday, a slip); a wider gap is another
# person of that name (a father, a namesake). Given and family name both printed, a namesake is
# decades apart (a father and his son), so a wider slip is still one person ("6-year-old Elian
# Gonzalez" / "10-year-old Elian Gonzales").
MAX_AGE_GAP = 3
MAX_AGE_GAP_FULL_NAME = 5


def age_conflicts(story: Story, facts: list[Fact]) -> list[Conflict]:
    """People given different ages by different articles ("Matthew Shepard, 21," / "Shepard, 22,"): one
    conflict per person, each age with the articles that give it. A person is a family name (spellings
    unified) and a given name; a bare family name is that person only when the story has one of that name."""
    fact_of = {i: f.id for f in facts for i in f.sentences}
    variants = story.vectors.variants if story.vectors is not None else {}
    families = aligner_of(story).families
    by_family: dict[str, list[tuple[str | None, int, str, int, int]]] = {}
    for s in story.sentences:
        for age in ages_in(s.text):
            family = stem(age.family)
            given = stem(age.given[0]) if age.given else None
            by_family.setdefault(variants.get(family, family), []).append(
                (given, age.age, age.text, s.doc_index, s.index)
            )
    # A person named by the given name alone ("Stephen, 18,") is the one person of the story who
    # has that given name ("Stephen Lawrence"), if there is one.
    given_names: dict[str, set[str]] = {}
    for family, mentions in by_family.items():
        for given, *_ in mentions:
            if given is not None:
                given_names.setdefault(given, set()).add(family)
    for name in [n for n in by_family if len(given_names.get(n, ())) == 1]:
        (family,) = given_names[name]
        if family != name and all(given is None for given, *_ in by_family[name]):
            by_family[family] += [(name, age, text, d, i) for _, age, text, d, i in by_family.pop(name)]
    conflicts = []
    for mentions in by_family.values():
        people: set[str | None] = {given for given, *_ in mentions if given is not None}
        for person in people or {None}:
            told = [m for m in mentions if m[0] == person or (m[0] is None and len(people) <= 1)]
            ages: dict[int, dict[int, tuple[str, int]]] = {}
            for _, years, text, doc, sentence in told:
                ages.setdefault(years, {}).setdefault(doc, (text, sentence))
            docs_of = {years: set(by_doc) for years, by_doc in ages.items()}
            widest = MAX_AGE_GAP_FULL_NAME if person is not None and all(m[0] == person for m in told) else MAX_AGE_GAP
            if len(ages) < 2 or max(ages) - min(ages) > widest:
                continue
            if any(docs_of[a] & docs_of[b] for a in ages for b in ages if a < b):
                continue  # an article that gives two ages: two people, or a birthday it tells
            if _edited_copies(story, families, [by_doc for by_doc in ages.values()]):
                continue  # copies of one story: one source, whatever an edit changed
            values = tuple(
                ConflictValue(
                    next(iter(by_doc.values()))[0],
                    tuple(sorted(by_doc)),
                    tuple(by_doc[d][1] for d in sorted(by_doc)),
                )
                for _, by_doc in sorted(ages.items(), key=lambda kv: (-len(kv[1]), min(kv[1])))
            )
            conflicts.append(Conflict("age", fact_of.get(values[0].sentences[0], 0), values))
    return conflicts


def _edited_copies(story: Story, families, values: list[dict[int, tuple[str, int]]]) -> bool:
    """Are the articles that give the values copies of one story, printing one sentence with only
    the figures changed (a re-send with the age edited)?"""
    docs = [d for by_doc in values for d in by_doc]
    if len({families.family_of(d) for d in docs}) > 1:
        return False
    wordings = {
        re.sub(r"\d+", "#", story.sentences[sentence].text) for by_doc in values for _, sentence in by_doc.values()
    }
    return len(wordings) == 1


def _one_quantity(a: Conflict, b: Conflict) -> bool:
    """Could every value of two conflicts that share one be outlets' figures for one quantity
    ("247 / 213 / 253" and "248 / 247": the Nairobi toll)?"""
    figures = [n for c in (a, b) for v in c.values for n in value_numbers(v.value)[:1]]
    return all(plausibly_one(x, y) for i, x in enumerate(figures) for y in figures[i + 1 :])


def _merged(conflicts: list[Conflict]) -> list[Conflict]:
    """One entry per disputed quantity: conflicts of one kind that share values (the toll disputed
    under several facts, or sharing one value when all could be one quantity) are one, listing every
    value once; a value every other value agrees with
    ("more than 200" beside 213 and 247) takes no side and is left out."""
    alike = DisjointSets(range(len(conflicts)))
    keys = [{_key(v.value): set(v.doc_indexes) for v in c.values} for c in conflicts]
    for a in range(len(conflicts)):
        for b in range(a + 1, len(conflicts)):
            if conflicts[a].kind != conflicts[b].kind:
                continue
            common = keys[a].keys() & keys[b].keys()
            if not any(keys[a][k] & keys[b][k] for k in common):
                continue
            if len(common) >= 2 or (conflicts[a].kind == "number" and _one_quantity(conflicts[a], conflicts[b])):
                alike.union(a, b)
    out = []
    for group in ([conflicts[k] for k in members] for members in alike.groups()):
        values: dict[str, list] = {}
        for c in group:
            for v in c.values:
                entry = values.setdefault(
                    _key(v.value),
                    [
                        v.value,
                        {},
                    ],
                )
                for d, i in zip(v.doc_indexes, v.sentences):
                    entry[1].setdefault(d, i)
                for d in v.doc_indexes:
                    entry[1].setdefault(d, v.sentences[0] if v.sentences else None)
        merged = [
            ConflictValue(value, tuple(sorted(docs)), tuple(docs[d] for d in sorted(docs) if docs[d] is not None))
            for value, docs in values.values()
        ]
        merged = [v for v in merged if v.doc_indexes]
        if group[0].kind == "number":
            parsed = {v.value: value_numbers(v.value) for v in merged}
            merged = [
                v
                for v in merged
                if any(disjoint(x, y) for w in merged if w is not v for x in parsed[v.value] for y in parsed[w.value])
            ]
        if len(merged) >= 2:
            out.append(Conflict(group[0].kind, group[0].fact, tuple(merged)))
    return out
