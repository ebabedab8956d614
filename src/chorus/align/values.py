"""The values a sentence states: counts and amounts, ranks, dates, weekdays and years.

Claim alignment compares them: two sentences that say the same thing but
for one of these say it with a different value, and one that gives no
value leaves the claim's value unconfirmed. Each value carries what it is
about (the noun a number counts, the role a day plays), so that "12
killed" and "40 injured" are two facts, not one fact told two ways.

Hedged numbers are ranges: "more than 2,000" agrees with 2,200, "about
1,200" with 1,250. A figure an outlet gives as superseded ("police earlier
had reported 65 dead", "up from 65") is the outlet correcting itself, not
its figure.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from chorus.represent import sentence_numbers
from chorus.text import WORD_RE, is_content, stem

APPROXIMATE = 0.1  # "about 1,200" spans 1,080-1,320

_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12})
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_AT_LEAST = ("more than", "over", "at least", "upwards of", "in excess of")
_AT_MOST = ("up to", "fewer than", "less than", "under", "as many as", "no more than")
_NEARLY = ("nearly", "almost", "just under", "close to")
_ABOUT = ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "circa", "approx")
_HEDGES = sorted(_AT_LEAST + _AT_MOST + _NEARLY + _ABOUT, key=len, reverse=True)
_NUMBER = re.compile(
    r"(?<![\w.,$£€-])(?:(?P<hedge>" + "|".join(re.escape(h) for h in _HEDGES) + r")\s+)?"
    r"(?P<currency>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
    r"(?:-(?P<unit>one|two|three|four|five|six|seven|eight|nine)\b)?"  # "Forty-four"
    r"\b(?![.,]\d)(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?(?P<pct>\s*(?:%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\s*(?:[ap]\.\s?m\.|[ap]m\b|:\d\d|o'clock)", re.IGNORECASE)
MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
DATE = re.compile(r"\b(?P<month>" + "|".join(MONTHS) + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?")
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY = re.compile(rf"\b{_DAYS}\b")
# A year, not one end of a span ("the 1994-96 war") nor part of a larger number ("1,995,000").
YEAR = re.compile(r"(?<![\d,.\-–])(?:1[89]\d\d|20\d\d)(?!\d|,\d|[\-–]\d)")
# A day or date that dates the telling, not the event: "officials said Thursday", "police on Monday said",
# "told reporters Wednesday", "said in an editorial on Thursday, March 18".
_SAY = r"(?:said|says|announced|reported|told|added|stated|confirmed|disclosed|revealed|declared|insisted)"
_MONTH_DAY = r"(?:" + "|".join(MONTHS) + r")\.?\s+\d{1,2}\b"
_WHEN = rf"(?:on\s+|late\s+|early\s+)?(?:{_DAYS}\b(?:,?\s+{_MONTH_DAY})?|{_MONTH_DAY})"
_STATEMENT_DAY = re.compile(
    rf"\b{_SAY}\s+{_WHEN}"
    rf"|\b(?:on\s+)?{_DAYS}\s+{_SAY}\b"
    rf"|\btold\s+(?:[A-Z]?[a-z]+\s+){{1,3}}?{_WHEN}"  # the audience: "told several reporters Wednesday"
    rf"|\b{_SAY}\s+(?:in|at|during)\s+(?:a|an|the)\s+(?:[a-z-]+\s+){{1,2}}?{_WHEN}"  # "said at a news conference Tuesday"
)
# A weekday's role in its sentence. "Friday's bombing" names an event by its day, as a
# reference, and "starts Friday" / "ended Sunday" are two ends of one span: compared with
# a day in another role they are two facts, not two versions of one.
_DAY_STARTS = re.compile(r"\b(?:start|starts|started|starting|begin|begins|began|begun|opens|opened)\s+(?:on\s+)?$")
_DAY_ENDS = re.compile(r"\b(?:end|ends|ended|ending|close|closes|closed|finish|finishes|finished|concluded)\s+(?:on\s+)?$")
# A year's role, told by the preposition before it: "by 2050" (a target) and "since 1860"
# (a starting point) are two facts; "in 1962" and "in 1965" are one fact told two ways.
_YEAR_ROLE = re.compile(r"\b(in|by|since|until|till|through|from|before|after|during)\s+(?:early\s+|late\s+|mid-)?$", re.IGNORECASE)
# A forecast is not a report: two outlets quoting projections of one quantity
# ("surpluses of $1.9 trillion over ten years" / "$2.9 trillion"), or the day or
# year something is expected ("expected to arrive Saturday" / "due Sunday"),
# most often quote forecasts made at different times or by different people.
FORECAST = re.compile(
    r"\b(?:expect(?:s|ed)?|project(?:s|ed|ion|ions)|forecast(?:s|ed)?|predict(?:s|ed)?|anticipated?)\b", re.IGNORECASE
)
# A figure the outlet gives as an earlier one it now corrects: "police earlier had reported
# 65 dead", "initially put the toll at 40", "up from 65", "revised from 70".
_SUPERSEDED = re.compile(
    r"\b(?:earlier|initially|previously|originally|first)\b(?:\s+\w+){0,3}?\s+"
    r"(?:reported|said|put|gave|estimated|counted|listed|announced|quoted)\b(?:\s+\w+){0,4}?\s+(?:at\s+|of\s+|as\s+)?$"
    r"|\b(?:up|down|revised|raised|lowered|corrected|increased|reduced)\s+from\s+(?:an?\s+|the\s+)?"
    r"(?:(?:earlier|initial|previous|first)\s+)?(?:\w+\s+)?(?:of\s+)?$"
    r"|\bfrom\s+(?:an?\s+|the\s+)?(?:earlier|initial|previous|first)\s+(?:\w+\s+){0,2}?(?:of\s+)?$",
    re.IGNORECASE,
)
# Ordinal ranks: "ninth-largest", "the 8th biggest", "second-worst".
_ORDINAL_WORDS = {
    w: n
    for n, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_ORDINAL = re.compile(
    r"\b(?P<rank>" + "|".join(_ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th))[\s-]+"
    r"(?P<head>(?:largest|biggest|smallest|highest|lowest|busiest|richest|poorest|oldest|youngest|deadliest|"
    r"worst|best|most|least|longest|shortest|fastest|tallest|greatest|leading|ranked|place)\b(?:\s+\w+)?)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    """A figure as a sentence states it: a range (hedges widen it) and what it counts."""

    text: str  # as printed, hedge included ("about 1,200")
    low: float
    high: float
    percent: bool
    head: str  # stem of the first content word after the number: what it counts (or the currency)
    context: frozenset[str]  # content stems just before and after
    scale: float = 1.0  # "million" in "3 million": how the other sentence's bare figures are read
    start: int = 0  # character offsets in the sentence
    end: int = 0
    superseded: bool = False  # given as an earlier figure the outlet corrects


@dataclass(frozen=True)
class Rank:
    text: str  # "ninth-largest"
    value: int
    head: str  # "largest"


def content_stems_no_digits(text: str) -> list[str]:
    return [stem(w) for w in WORD_RE.findall(text) if is_content(w) and not w[0].isdigit()]


def numbers_in(text: str, *, keep_superseded: bool = True) -> list[Number]:
    """Every count or amount in ``text`` (not years, days of dates, times of day)."""
    found = []
    for m in _NUMBER.finditer(text):
        raw = m.group("num").lower()
        if raw in _NUMBER_WORDS:
            value = float(_NUMBER_WORDS[raw])
            if m.group("unit") and value >= 20:
                value += _NUMBER_WORDS[m.group("unit").lower()]
        else:
            value = float(raw.replace(",", ""))
            if YEAR.fullmatch(raw) and not m.group("scale") and not m.group("pct"):
                continue  # a year, not a count
        before = text[max(0, m.start() - 12) : m.start()]
        if re.search(r"(?:" + "|".join(MONTHS) + r")\.?\s*$", before):
            continue  # the day of a date
        if _CLOCK.match(text, m.end()) or before.endswith(":"):
            continue  # a time of day ("6 p.m.", "4:44")
        if raw in _ORDINAL_WORDS or text[m.end() : m.end() + 2].lower() in ("st", "nd", "rd", "th"):
            continue
        scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
        value *= scale
        hedge = (m.group("hedge") or "").lower()
        low, high = value, value
        if hedge in _AT_LEAST:
            high = math.inf
        elif hedge in _AT_MOST:
            low = 0.0
        elif hedge in _NEARLY:
            low = value * (1 - APPROXIMATE)
        elif hedge in _ABOUT:
            low, high = value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
        after = content_stems_no_digits(text[m.end() : m.end() + 60])[:3]
        previous = content_stems_no_digits(text[max(0, m.start() - 40) : m.start()])[-2:]
        if m.group("currency"):
            after = [m.group("currency")] + after
        if not after:
            continue
        superseded = bool(_SUPERSEDED.search(text, max(0, m.start() - 80), m.start()))
        if superseded and not keep_superseded:
            continue
        found.append(
            Number(
                m.group(0), low, high, bool(m.group("pct")), after[0], frozenset(after[1:] + previous), scale,
                m.start(), m.end(), superseded,
            )
        )
    return found


def ranks_in(text: str) -> list[Rank]:
    out = []
    for m in _ORDINAL.finditer(text):
        raw = m.group("rank").lower()
        value = _ORDINAL_WORDS.get(raw)
        if value is None:
            value = int(re.match(r"\d+", raw).group())
        out.append(Rank(m.group(0), value, stem(m.group("head").split()[0])))
    return out


def disjoint(a: Number, b: Number) -> bool:
    """Can no single figure satisfy both?"""
    return a.high < b.low * (1 - 1e-9) or b.high < a.low * (1 - 1e-9)


def allows_any(number: Number, text: str) -> bool:
    """Does ``text`` print any figure within the range ``number`` allows?"""
    for raw in sentence_numbers(text):
        try:
            value = float(raw)
        except ValueError:
            continue
        if any(number.low <= value * k <= number.high for k in {1.0, number.scale}):
            return True
    return False


def not_telling(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of a day or date pattern but the day a source spoke (outlets publish on different days)."""
    telling = {day.start() for m in _STATEMENT_DAY.finditer(text) for day in pattern.finditer(text, m.start(), m.end())}
    return [m for m in pattern.finditer(text) if m.start() not in telling]


def event_weekdays(text: str) -> list[re.Match[str]]:
    return not_telling(WEEKDAY, text)


def event_dates(text: str) -> list[re.Match[str]]:
    return not_telling(DATE, text)


def weekday_role(day: re.Match[str]) -> str | None:
    text, before = day.string, day.string[max(0, day.start() - 20) : day.start()]
    if text.startswith(("'s", "’s"), day.end()):
        return "reference"
    if _DAY_STARTS.search(before):
        return "start"
    if _DAY_ENDS.search(before):
        return "end"
    return None


def same_role(x: str | None, y: str | None) -> bool:
    """Can two values in these roles be one fact? A value with no marked role can be anything."""
    return x == y or ((x is None or y is None) and "reference" not in (x, y))


def years_in(text: str) -> dict[str, str | None]:
    """Each year of ``text`` but those of full dates, with its role (the preposition before it)."""
    in_dates = {m.group("year") for m in DATE.finditer(text)}
    years: dict[str, str | None] = {}
    for m in YEAR.finditer(text):
        if m.group(0) not in in_dates:
            role = _YEAR_ROLE.search(text, max(0, m.start() - 20), m.start())
            years[m.group(0)] = role.group(1).lower() if role else None
    return years


def calendar_differences(a: str, b: str) -> list[tuple[str, str, str]]:
    """(kind, value in a, value in b) for a weekday, date or year each sentence gives once, in one role, differently."""
    out = []
    for kind, find in (("weekday", event_weekdays), ("date", event_dates)):
        found_a, found_b = find(a), find(b)
        if len(found_a) == 1 and len(found_b) == 1:
            x, y = found_a[0].group(0), found_b[0].group(0)
            if kind == "date":
                x_key = (found_a[0].group("month")[:3], found_a[0].group("day"))
                y_key = (found_b[0].group("month")[:3], found_b[0].group("day"))
                if x_key == y_key:
                    continue
            elif x == y or not same_role(weekday_role(found_a[0]), weekday_role(found_b[0])):
                continue
            out.append((kind, x, y))
    years_a, years_b = years_in(a), years_in(b)
    if len(years_a) == 1 and len(years_b) == 1 and years_a.keys() != years_b.keys():
        ((x, role_x),), ((y, role_y),) = years_a.items(), years_b.items()
        if same_role(role_x, role_y):
            out.append(("year", x, y))
    return out


def rank_differences(a: str, b: str) -> list[tuple[str, str, str]]:
    """("rank", a's, b's) when both rank the same thing ("ninth-largest" / "eighth-largest") differently."""
    ranks_a, ranks_b = ranks_in(a), ranks_in(b)
    out = []
    for x in ranks_a:
        for y in ranks_b:
            if x.head == y.head and x.value != y.value and len(ranks_a) == len(ranks_b) == 1:
                out.append(("rank", x.text, y.text))
    return out


PEOPLE_NOUNS = frozenset(
    stem(w)
    for w in """people persons residents civilians villagers inhabitants passengers victims citizens
    individuals men women children workers employees staff soldiers troops""".split()
)


# What happened to the people or things counted: two figures with different outcomes
# ("12 killed" / "40 injured") count two things, whatever else their sentences share.
OUTCOME_STEMS = frozenset(
    stem(w)
    for w in """killed dead died death deaths injured injuries wounded hurt missing arrested detained
    evacuated rescued hospitalized hospitalised infected sick ill displaced homeless jailed charged
    convicted sentenced executed fired hired laid""".split()
)


def same_thing_counted(x: Number, y: Number) -> bool:
    """Could two figures of two sentences that say the same thing count one thing? The same noun,
    or two words for people ("1,200 residents" / "1,500 people"), and not two outcomes ("killed" /
    "injured")."""
    if x.percent != y.percent:
        return False
    if x.head != y.head and not (x.head in PEOPLE_NOUNS and y.head in PEOPLE_NOUNS):
        return False
    outcome_x, outcome_y = (x.context | {x.head}) & OUTCOME_STEMS, (y.context | {y.head}) & OUTCOME_STEMS
    return not (outcome_x and outcome_y and not outcome_x & outcome_y)
