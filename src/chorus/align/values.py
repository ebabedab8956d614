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
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from chorus import lexicon
from chorus.represent import sentence_numbers
from chorus.text import WORD_RE, is_content, stem

APPROXIMATE = 0.1  # "about 1,200" spans 1,080-1,320
PERCENT_HEAD = "percent"  # the head of a share that no word follows ("won 35 percent.")
CACHED_TEXTS = 50_000  # sentences whose days, dates, years and ranks are kept once found

_NUMBER_WORDS = lexicon.NUMBER_WORDS
_SCALES = lexicon.SCALE_WORDS
_AT_LEAST = ("more than", "over", "at least", "upwards of", "in excess of")
_AT_MOST = ("up to", "fewer than", "less than", "under", "as many as", "no more than")
_NEARLY = ("nearly", "almost", "just under", "close to")
_ABOUT = ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "circa", "approx")
_HEDGES = sorted(_AT_LEAST + _AT_MOST + _NEARLY + _ABOUT, key=len, reverse=True)
_WORDS_BELOW_HUNDRED = "|".join(
    sorted((w for w, n in _NUMBER_WORDS.items() if 0 < n < 100 and w != "dozen"), key=len, reverse=True)
)
_NUMBER = re.compile(
    r"(?<![\w.,$£€-])(?:(?P<hedge>" + "|".join(re.escape(h) for h in _HEDGES) + r")\s+)?"
    # "150,000", and "150, 000" as some wire copy prints it (a space after the comma, before "000" only:
    # "March 12, 200 people" is a day and a count)
    r"(?P<currency>[$£€])?(?P<num>\d{1,3}(?:,\d{3}|,\s000(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(_NUMBER_WORDS)
    + r")"
    r"(?:-(?P<unit>one|two|three|four|five|six|seven|eight|nine)\b)?"  # "Forty-four"
    r"\b(?![.,]\d)(?:\s+(?P<scale>" + "|".join(_SCALES) + r")\b)?"  # "two dozen", "3 million"
    # "One hundred fourteen", "one hundred and fourteen": the rest of a number written in words after
    # "hundred" or "thousand" (not "two thousand five hundred", whose rest is itself scaled)
    r"(?:(?:(?<=hundred)|(?<=thousand))\s+(?:and\s+)?(?P<rest>" + _WORDS_BELOW_HUNDRED + r")"
    r"(?:-(?P<rest_unit>one|two|three|four|five|six|seven|eight|nine))?\b(?!\s+(?:hundred|thousand|million|billion|dozen)\b))?"
    r"(?P<pct>\s*(?:%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_HALF_A_BEFORE = re.compile(r"\bhalf\s+an?\s+$", re.IGNORECASE)
_CLOCK = re.compile(r"\s*(?:[ap]\.\s?m\.|[ap]m\b|:\d\d|o'clock)", re.IGNORECASE)
MONTHS = [*lexicon.MONTHS, *lexicon.MONTH_ABBREVIATIONS]
DATE = re.compile(
    r"\b(?P<month>" + "|".join(MONTHS) + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?"
)
_DAYS = r"(?:" + "|".join(lexicon.WEEKDAYS) + ")"
WEEKDAY = re.compile(rf"\b{_DAYS}\b")
# A year, not one end of a span ("the 1994-96 war") nor part of a larger number ("1,995,000").
YEAR = re.compile(r"(?<![\d,.\-–])(?:1[89]\d\d|20\d\d)(?!\d|,\d|[\-–]\d)")
# A day or date that dates the telling, not the event: "officials said Thursday", "police on Monday said",
# "told reporters Wednesday", "said in an editorial on Thursday, March 18".
_SAY = lexicon.alternation(lexicon.STATEMENT_VERBS)
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
_DAY_ENDS = re.compile(
    r"\b(?:end|ends|ended|ending|close|closes|closed|finish|finishes|finished|concluded)\s+(?:on\s+)?$"
)
# A year's role, told by the preposition before it: "by 2050" (a target) and "since 1860"
# (a starting point) are two facts; "in 1962" and "in 1965" are one fact told two ways.
_YEAR_ROLE = re.compile(
    r"\b(in|by|since|until|till|through|from|before|after|during)\s+(?:early\s+|late\s+|mid-)?$", re.IGNORECASE
)
# A forecast is not a report: two outlets quoting projections of one quantity
# ("surpluses of $1.9 trillion over ten years" / "$2.9 trillion"), or the day or
# year something is expected ("expected to arrive Saturday" / "due Sunday"),
# most often quote forecasts made at different times or by different people.
FORECAST = re.compile(
    r"\b(?:expect(?:s|ed)?|project(?:s|ed|ion|ions)|forecast(?:s|ed)?|predict(?:s|ed)?|anticipated?|due\s+to\s+(?!the\b)[a-z]+"
    r"|if)\b",  # "if the party picks up more seats ... exceeds 50 percent": a supposition
    re.IGNORECASE,
)
# A figure the outlet gives as an earlier one it now corrects: "police earlier had reported
# 65 dead", "initially put the toll at 40", "up from 65", "revised from 70".
_SUPERSEDED = re.compile(
    r"\b(?:initially|originally|previously)\s+(?:put\s+at\s+|at\s+)?$"
    r"|\b(?:earlier|initially|previously|originally|first)\b(?:\s+\w+){0,3}?\s+"
    rf"{lexicon.alternation(lexicon.EARLIER_FIGURE_VERBS)}\b(?:\s+\w+){0, 4}?\s+(?:at\s+|of\s+|as\s+)?$"
    r"|\b(?:up|down|revised|raised|lowered|corrected|increased|reduced)\s+from\s+(?:an?\s+|the\s+)?"
    r"(?:(?:earlier|initial|previous|first)\s+)?(?:\w+\s+)?(?:of\s+)?$"
    r"|\bfrom\s+(?:an?\s+|the\s+)?(?:earlier|initial|previous|first)\s+(?:\w+\s+){0,2}?(?:of\s+)?$",
    re.IGNORECASE,
)
# The same, told after the figure: "had a preliminary magnitude of 7.8, but downgraded that to
# 7.4", "the death toll rose to 17,997, but revised that figure down to 12,514".
_SUPERSEDED_AFTER = re.compile(
    r"[^.;]{0,40}?,?\s+(?:but|and|then|before|later)\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+|later\s+|then\s+)?"
    r"(?:revised|downgraded|upgraded|lowered|raised|corrected|reduced|cut|scaled)\b(?:\s+\w+){0,3}?\s+(?:down\s+|up\s+)?to\b",
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


# Units a figure can carry, by class, with the factor to the class's base unit. A figure in
# miles and one in kilometres of one distance are compared in metres.
UNITS: dict[str, tuple[str, float]] = {}
for _class, _table in {
    "length": {
        "feet": 0.3048,
        "foot": 0.3048,
        "ft": 0.3048,
        "meter": 1.0,
        "meters": 1.0,
        "metre": 1.0,
        "metres": 1.0,
        "m": 1.0,
        "kilometer": 1e3,
        "kilometers": 1e3,
        "kilometre": 1e3,
        "kilometres": 1e3,
        "km": 1e3,
        "kms": 1e3,
        "mile": 1609.34,
        "miles": 1609.34,
        "yard": 0.9144,
        "yards": 0.9144,
        "inch": 0.0254,
        "inches": 0.0254,
    },
    "area": {
        "square kilometers": 1e6,
        "square kilometer": 1e6,
        "square-kilometer": 1e6,
        "square kilometres": 1e6,
        "sq. kms": 1e6,
        "sq. km": 1e6,
        "sq km": 1e6,
        "square km": 1e6,
        "square kms": 1e6,
        "sq. miles": 2.59e6,
        "sq. mi": 2.59e6,
        "square miles": 2.59e6,
        "square mile": 2.59e6,
        "square-mile": 2.59e6,
        "acres": 4046.86,
        "acre": 4046.86,
        "hectares": 1e4,
        "hectare": 1e4,
    },
    "weight": {
        "pounds": 0.4536,
        "pound": 0.4536,
        "lb": 0.4536,
        "lbs": 0.4536,
        "kilograms": 1.0,
        "kilogram": 1.0,
        "kg": 1.0,
        "tons": 1e3,
        "ton": 1e3,
        "tonnes": 1e3,
        "tonne": 1e3,
    },
    "money": {
        "dollars": 1.0,
        "dollar": 1.0,
        "dlrs": 1.0,
        "$": 1.0,
        "euros": 1.0,
        "euro": 1.0,
        "€": 1.0,
        "£": 1.0,
        "yen": 1.0,
        "francs": 1.0,
        "marks": 1.0,
        "rupees": 1.0,
        "shillings": 1.0,
    },
    "duration": {
        "seconds": 1.0,
        "second": 1.0,
        "minutes": 60.0,
        "minute": 60.0,
        "hours": 3600.0,
        "hour": 3600.0,
        "days": 86400.0,
        "day": 86400.0,
        "weeks": 604800.0,
        "week": 604800.0,
        "months": 2.63e6,
        "month": 2.63e6,
        "years": 3.156e7,
        "year": 3.156e7,
    },
    "magnitude": {"magnitude": 1.0, "degree": 1.0, "degrees": 1.0, "richter": 1.0},
}.items():
    for _word, _factor in _table.items():
        UNITS[_word] = (_class, _factor)
_UNIT_AFTER = re.compile(
    r"(?:\s*-\s*|\s+)(?P<unit>"
    + "|".join(sorted((re.escape(u) for u in UNITS if u[0].isalpha()), key=len, reverse=True))
    + r")\b\.?",
    re.IGNORECASE,
)
_MAGNITUDE_BEFORE = re.compile(r"\b(?:magnitude|measuring|measured)\s+(?:of\s+)?(?:a\s+)?$", re.IGNORECASE)
_RICHTER_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?on\s+the\s+(?:open-ended\s+)?Richter", re.IGNORECASE)
CONVERSION_TOLERANCE = 0.05  # a figure converted from another unit was rounded: "13 miles (20 kms)"


def word_classes(classes: dict[str, str]) -> dict[str, str]:
    """Stem -> class, from each class's words ("dead": "died killed ...")."""
    return {stem(w): name for name, words in classes.items() for w in words.split()}


# What happened to the people counted, by the stems that say it.
OUTCOMES = word_classes(
    {
        "dead": "dead death deaths died die kill killed killing toll tolls fatalities perished bodies slain",
        "injured": "injured injuries injuring wounded wounding hurt",
        "missing": "missing",
        "arrested": "arrested arrests detained detentions",
        "charged": "charged indicted convicted sentenced",
        "homeless": "homeless displaced",
        "evacuated": "evacuated evacuation",
        "ill": "sickens sickened sicken infected ill",
    }
)
# A round figure ("2,000", "7 million") may be a rounding of a near one: this much either way.
ROUNDED = 0.05
_DURATION_AFTER = re.compile(
    r"\s*-?\s*(?:years?|months?|weeks?|days?|decades?|centuries|century|hours?)\b", re.IGNORECASE
)
_AGO_AFTER = re.compile(r"\s*-?\s*(?:years?|months?|weeks?|days?|decades?|hours?|minutes?)\s+ago\b", re.IGNORECASE)


def _round(value: float) -> bool:
    """One significant digit, from 100 up ("2,000", "300", "7 million"); not "2,200" or "1,500"."""
    if value < 100 or value != int(value):
        return False
    digits = str(int(value))
    return digits[1:] == "0" * (len(digits) - 1)


# A figure that names (a measure, a flight, a road) or gives an age counts nothing.
_LABEL_BEFORE = re.compile(
    r"\b(?:Prop|Proposition|No|Nos|Number|Article|Section|Route|Highway|Interstate|Flight|Chapter|Amendment|"
    r"Resolution|Room|Channel|Title|Category|Phase|Class|Grade|Stage|Level|Question|Measure|Item|Pier|Gate|Platform|"
    r"Terminal|Unit|Ward|District|Precinct|Local|Apollo|Boeing|Airbus)\.?\s*$"
)
_AGE_BEFORE = re.compile(r"\b(?:aged|ages|age|to\s+age|under|over)\s+$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s*(?:-\s*|\s)(?:and|or)\s+(?:younger|older|under|over)\b", re.IGNORECASE)
# "1.5 to 2.7 million", "5 percent to 50 percent", "between 10 and 12": one range (not "from 10 to 12", a change).
_RANGE_TO = re.compile(
    r"\s*(?:percent\s+|%\s*)?(?:to|–|-|and)\s*(?=\$?\d|(?:" + "|".join(_NUMBER_WORDS) + r")\b)", re.IGNORECASE
)
_OTHERS_BEFORE = re.compile(r"\b(?:another|other|additional|further|extra)\s+$", re.IGNORECASE)
_OTHERS_AFTER = re.compile(r"\s+(?:other|more|additional|further|extra)\b", re.IGNORECASE)
# Words between a figure and what it counts ("2,600 new tenders"), not what it counts.
_MODIFIERS = frozenset(stem(w) for w in "new other more additional extra further total separate different".split())
_PAST_APPOSITION = re.compile(r"[^,;.]{0,30},[^,;.]{1,30},\s*(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(\w+)")
# Past a noun phrase of several words to its passive verb: "118 officers and sailors aboard were killed".
_PASSIVE_AFTER = re.compile(
    r"(?:\s+[A-Za-z'’-]+){1,5}?\s+(?:were|was|have\s+been|had\s+been|are|is)\s+(?:\w+ly\s+)?(\w+)"
)
# "the death toll rose to 12", "bringing the toll to 259": the figure a toll is stated as. The toll may
# be told with its event first ("The death toll in the monster earthquake in western Turkey on August 17
# reached 17,997"): at most this many words between "toll" and the verb that states it (it was 8).
TOLL_PHRASE_WORDS = 12
TOLL_WINDOW = 100  # characters before a figure searched for its toll (it was 80)
_TOLL_BEFORE = re.compile(
    r"\btoll\b(?:\s+[\w,'’]+){0,"
    + str(TOLL_PHRASE_WORDS)
    + r"}?\s+(?:to|of|at|reached|stood\s+at|is|was)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def stated_as_toll(text: str, n: Number) -> bool:
    """Is the figure stated as a toll ("the death toll rose to 12,514", "The death toll in the monster
    earthquake ... reached 17,997"): the story's total of what happened to people, as of its telling?"""
    return bool(_TOLL_BEFORE.search(text, max(0, n.start - TOLL_WINDOW), n.start))


# A figure counts a named group when a name follows it: "12 Americans", "12 of them Americans".
# "claimed the lives of 300", "took the lives of 12 people": the dead, however the count goes on.
_LIVES_OF_BEFORE = re.compile(
    r"\b(?:took|claimed|cost|costing|claiming|taking|take|claim|claims|takes)\s+(?:the\s+)?lives\s+of\s+$",
    re.IGNORECASE,
)


# Those a death is of: "the murders of the 12 Americans", "the deaths of 11 people"; and "charged
# with 11 counts of murder", one count for each of the dead. Not "charged 5 people with murder".
_VICTIMS_BEFORE = re.compile(
    r"\b(?:murders?|deaths?|killings?|slayings?)\s+of\s+(?:the\s+|all\s+|at\s+least\s+)?$", re.IGNORECASE
)
_MURDER_COUNTS_AFTER = re.compile(
    r"\s+counts?\s+of\s+(?:first-degree\s+|second-degree\s+)?(?:murder|manslaughter)\b", re.IGNORECASE
)
_NAMED_AFTER = re.compile(r"\s+(?:of\s+(?:them|whom)\s+)?[A-Z][a-z]")
# A count of a part of those an event struck, told by where they were: "all 109 people in the plane",
# "217 aboard", "four on the ground" (``Number.part``: "aboard" or "ground").
_PART_AFTER = re.compile(
    r"(?:\s+(?:people|persons|passengers|others))?\s+(?:(?P<aboard>aboard|on\s+board|(?:in|on|inside)\s+(?:the|a|its|their)\s+(?:"
    + "|".join(lexicon.CARRIERS)
    + r"))|(?P<ground>on\s+the\s+ground))\b",
    re.IGNORECASE,
)


def part_of(text: str, end: int) -> str | None:
    """Where the people a count ending at ``end`` counts were, when it says so ("aboard", "ground")."""
    m = _PART_AFTER.match(text, end)
    return None if m is None else "aboard" if m.group("aboard") else "ground"


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
    unit: str | None = None  # what it measures when it has a unit: length, area, weight, money, duration, magnitude
    outcome: str | None = None  # what happened to the people counted: dead, injured, missing, arrested, homeless
    named: bool = False  # counts a named group ("12 Americans", "96 Germans"), a part of a total

    def in_base_units(self) -> tuple[float, float]:
        """Its range in the unit class's base unit (metres, square metres, kilograms, seconds)."""
        return self.low * self.factor, self.high * self.factor

    factor: float = 1.0  # to the unit class's base unit
    other: bool = False  # counts others than a figure before ("five other athletes", "another 300 million")
    part: str | None = None  # counts those "aboard" or "on the ground" only (``part_of``): a part of a toll

    @property
    def typical(self) -> float:
        """One value for the range, in base units: its middle, or its bound when open."""
        low, high = self.in_base_units()
        return low if math.isinf(high) else high if low == 0 else (low + high) / 2


@dataclass(frozen=True)
class Rank:
    text: str  # "ninth-largest"
    value: int
    head: str  # "largest"


# Words a value can open with that its sentence capitalised only for opening with them ("More than
# 1,500", "Forty-four", "Ninth-largest"): quoted inside another sentence they are lower case. Any
# other capital is a name's or an acronym's ("Reuters' 1,200", "July 29", "UN") and stays.
_ORDINARY_OPENERS = frozenset({h.split()[0] for h in _HEDGES} | set(_NUMBER_WORDS) | set(_ORDINAL_WORDS))
_FIRST_WORD = re.compile(r"[A-Za-z]+")


def printed(value: str) -> str:
    """A value as a reader quotes it: an ordinary word that opened its sentence ("More than 1,500",
    "Forty-four") in lower case, a name or an acronym as it is. The one place the quoted form of a
    value is made: every output that says "[2] says more than 1,500" gets the value from here."""
    first = _FIRST_WORD.match(value)
    word = first.group(0) if first else ""
    if word[:1].isupper() and word[1:].islower() and word.lower() in _ORDINARY_OPENERS:
        return value[0].lower() + value[1:]
    return value


def content_stems_no_digits(text: str) -> list[str]:
    return [stem(w) for w in WORD_RE.findall(text) if is_content(w) and not w[0].isdigit()]


# Content words after a figure, in its own phrase and before another figure, searched for what happened
# to those it counts: "seven people in the New York region died" tells it five words on (it was 3).
OUTCOME_REACH = 6


def numbers_in(text: str, *, keep_superseded: bool = True) -> list[Number]:
    """Every count or amount in ``text`` (not years, days of dates, times of day)."""
    found = []
    pending: tuple[float, str | None, int] | None = None  # the low end of a range: value, scale, start
    found_end = 0
    for m in _NUMBER.finditer(text):
        low_end, pending = pending, None
        if low_end is not None:
            gap = _RANGE_TO.match(text, found_end)
            if not gap or gap.end() != m.start():
                low_end = None
        raw = m.group("num").lower()
        if raw in _NUMBER_WORDS:
            value = float(_NUMBER_WORDS[raw])
            if m.group("unit") and value >= 20:
                value += _NUMBER_WORDS[m.group("unit").lower()]
        else:
            value = float(raw.replace(",", "").replace(" ", ""))
            if YEAR.fullmatch(raw) and not m.group("scale") and not m.group("pct"):
                continue  # a year, not a count
        before = text[max(0, m.start() - 12) : m.start()]
        if re.search(r"(?:" + "|".join(MONTHS) + r")\.?\s*$", before):
            continue  # the day of a date
        if _CLOCK.match(text, m.end()) or before.endswith(":"):
            continue  # a time of day ("6 p.m.", "4:44")
        if raw in _ORDINAL_WORDS or text[m.end() : m.end() + 2].lower() in ("st", "nd", "rd", "th"):
            continue
        if value == 1 and (re.match(r"\s+of\b", text[m.end() :]) or re.search(r"\b(?:not|no)\s+$", before)):
            continue  # "one of the suspects", "not one state": no count
        if (
            re.search(r"\b(?:last|past|next|previous|coming)\s+$", before)
            and _DURATION_AFTER.match(text, m.end())
            or (_AGO_AFTER.match(text, m.end()))
        ):
            continue  # "the past 15 years", "five years ago": a span back from the telling, no figure of the event
        if _LABEL_BEFORE.search(before) or _AGE_AFTER.match(text, m.end()) or _AGE_BEFORE.search(before):
            continue  # "Prop. 5", "Flight 800": a name; "children 14 and younger", "aged 14": an age
        ahead = _RANGE_TO.match(text, m.end())
        if (
            low_end is None
            and ahead
            and _NUMBER.match(text, ahead.end())
            and not re.search(r"\bfrom\s+$", before)
            and (
                not re.match(r"\s*(?:percent\s+|%\s*)?and\b", text[m.end() :])
                or re.search(r"\bbetween\s+$", before, re.IGNORECASE)
            )
        ):
            pending, found_end = (value, m.group("scale"), m.start()), m.end()
            continue  # the low end of a range: the next figure is its high end
        scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
        if raw == "dozen" and _HALF_A_BEFORE.search(text, 0, m.start()):
            value = 6.0  # "half a dozen"
        value *= scale
        if rest := m.group("rest"):
            value += _NUMBER_WORDS[rest.lower()] + (
                _NUMBER_WORDS[m.group("rest_unit").lower()] if m.group("rest_unit") else 0
            )
        hedge = (m.group("hedge") or "").lower()
        if hedge == "around" and re.search(
            r"\b(?:revolv\w*|cent(?:er|re)\w*|built|wrapped|turn\w*)\s+$", text[: m.start()]
        ):
            hedge = ""  # "the case revolves around two articles": no hedge
        low, high = value, value
        if hedge in _AT_LEAST:
            high = math.inf
        elif hedge in _AT_MOST:
            low = 0.0
        elif hedge in _NEARLY:
            low = value * (1 - APPROXIMATE)
        elif hedge in _ABOUT:
            low, high = value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
        elif _round(value):
            low, high = value * (1 - ROUNDED), value * (1 + ROUNDED)  # "2,000" for 1,969; "7 million" for 7.3 million
        start = m.start()
        if low_end is not None:
            first, first_scale, start = low_end
            first *= _SCALES.get((first_scale or "").lower(), scale)
            if first > low:
                continue  # "voted 413 to 3", "won 3-2": a vote or a score, no count
            low = first
        end = m.end()
        unit, factor = None, 1.0
        unit_match = _UNIT_AFTER.match(text, end) if not m.group("pct") else None
        if m.group("currency"):
            unit, factor = UNITS[m.group("currency")]
        elif unit_match:
            unit, factor = UNITS[unit_match.group("unit").lower()]
            end = unit_match.end()
            if unit == "duration" and re.match(r"\s*-?\s*old\b", text[end:]):
                unit, factor = "age", 1.0  # "a 21-year-old roofer": an age, no duration
        elif _MAGNITUDE_BEFORE.search(text, max(0, m.start() - 20), m.start()) or _RICHTER_AFTER.match(text, end):
            unit, factor = "magnitude", 1.0
        elif re.match(r"\s*(?:U\.S\.\s+)?dollars\b", text[end:]):
            unit, factor = "money", 1.0
        if unit == "money" or re.search(
            r"\b(?:U\.S\.\s+)?(?:dlrs|dollars|euros|yen|francs|marks|rupees|shillings)\s+$|\$\s*$",
            text[max(0, m.start() - 16) : m.start()],
        ):
            unit, factor = "money", 1.0
        after = [w for w in content_stems_no_digits(text[end : end + 60]) if w not in _MODIFIERS][:3]
        previous = content_stems_no_digits(text[max(0, m.start() - 40) : m.start()])[-2:]
        if unit:
            after = [unit] + after
        toll = bool(_TOLL_BEFORE.search(text, max(0, m.start() - TOLL_WINDOW), m.start()))
        lives_of = bool(_LIVES_OF_BEFORE.search(text, max(0, m.start() - 30), m.start()))
        # "the death toll has risen to 12."; "claimed the lives of 300 on Monday"; a toll counts people
        # whatever words follow it ("reached 17,997 on Tuesday", "revised ... down to 12,514 early today").
        if (toll and not unit and (not after or after[0] not in PEOPLE_NOUNS and after[0] not in OUTCOMES)) or (
            lives_of and (not after or after[0] not in PEOPLE_NOUNS)
        ):
            after = ["peopl"] + after[1:]
        if not after and m.group("pct"):
            after = [PERCENT_HEAD]  # "was second with 29.6 percent.": a share, of whatever the clause is about
        if not after:
            continue
        superseded = bool(
            _SUPERSEDED.search(text, max(0, m.start() - 80), m.start()) or _SUPERSEDED_AFTER.match(text, end)
        )
        if superseded and not keep_superseded:
            continue
        # What happened to them: the nearest outcome word after the figure within its own phrase
        # ("12 Americans, and injured 5,500": not injured), else the last one before it in its clause.
        phrase = re.split(r"[,;:]|\s(?:and|while|but|or)\s", text[end : end + 60])[0]
        clause = re.split(r"[;:]|,\s+(?:while|but|and|whereas)\b", text[max(0, m.start() - 80) : m.start()])[-1]
        outcome = next((OUTCOMES[w] for w in content_stems_no_digits(phrase)[:3] if w in OUTCOMES), None)
        if outcome is None:
            # Further on in its phrase ("seven people in the New York region died"), but not past another
            # figure, whose own words those are ("Two Polish women were among the four people killed").
            further = phrase[: nxt.start()] if (nxt := _NUMBER.search(phrase)) else phrase
            outcome = next(
                (OUTCOMES[w] for w in content_stems_no_digits(further)[3:OUTCOME_REACH] if w in OUTCOMES), None
            )
        if outcome is None:
            # Past an apposition: "in which 11 people, all Africans, died" (not what the clause before
            # says of others: "were formally charged ... in the bombing in which 11 people, all Africans,
            # were killed").
            past = _PAST_APPOSITION.match(text, end)
            outcome = OUTCOMES.get(stem(past.group(1))) if past else None
        if outcome is None:
            near = content_stems_no_digits(clause)[-6:][::-1]
            outcome = next((OUTCOMES[w] for w in near if w in OUTCOMES), None)
        if outcome is None:
            passive = _PASSIVE_AFTER.match(text, end)
            outcome = OUTCOMES.get(stem(passive.group(1))) if passive else None
        if _VICTIMS_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            outcome = "dead"  # "the murders of the 12 Americans": the dead, whoever is charged with them
        elif _MURDER_COUNTS_AFTER.match(text, end):
            outcome, after[0] = "dead", "peopl"  # "charged with 11 counts of murder": one for each of the dead
        if (
            toll
            or lives_of
            or (
                after[0] == "live"
                and re.search(
                    r"\b(?:took|claimed|cost|costing|claiming|taking)\s+(?:\w+\s+)?$",
                    text[max(0, m.start() - 30) : m.start()],
                )
            )
        ):
            outcome = "dead"  # "which took 10 lives"
        head = after[0]
        if outcome == "dead" and (head in OUTCOMES or head == "live"):
            head = "peopl"  # "3,879 bodies", "7,085 dead": people who died
        found.append(
            Number(
                text[start : m.end()],
                low,
                high,
                bool(m.group("pct")),
                head,
                frozenset(after[1:] + previous),
                scale,
                start,
                m.end(),
                superseded,
                unit,
                outcome if not unit else None,
                bool(_NAMED_AFTER.match(text, end)) and not unit,
                factor,
                bool(_OTHERS_BEFORE.search(text, max(0, start - 12), start) or _OTHERS_AFTER.match(text, m.end())),
                None if unit else part_of(text, m.end()),
            )
        )
        found_end = m.end()
    return found


# Two counts joined as the subjects of one verb: "Four people on the ground and all 109 people in the
# plane were killed". The first (people, or a named group) has no outcome word of its own; the verb
# after the second is both's. Read by the role path only (``roles``): claim alignment reading it too
# changed one DUC 2006 summary (D0631D) for a lower SU4.
_JOINED_SUBJECTS = re.compile(r"[A-Za-z'’\s-]{1,40}?\s+and\s+(?:all\s+|the\s+|another\s+)?$")


def shared_outcomes(found: list[Number], text: str) -> list[Number]:
    """Give a count the outcome of the count it is joined to as one subject, when it has none."""
    out = list(found)
    for k in range(len(out) - 1):
        first, second = out[k], out[k + 1]
        if first.outcome or first.unit or not second.outcome or second.unit:
            continue
        if not (first.head in PEOPLE_NOUNS or first.named or first.head == second.head):
            continue  # "5 cars and 12 people were injured": only people are what happened to people
        if _JOINED_SUBJECTS.fullmatch(text, first.end, second.start) and _PASSIVE_AFTER.match(text, second.end):
            out[k] = replace(first, outcome=second.outcome)
    return out


def value_numbers(value: str) -> list[Number]:
    """The figure(s) of a value quoted alone ("about 1,200", "more than 1,500"), to compare it."""
    return numbers_in(value + " items")


@lru_cache(maxsize=CACHED_TEXTS)
def ranks_in(text: str) -> list[Rank]:
    out = []
    for m in _ORDINAL.finditer(text):
        raw = m.group("rank").lower()
        value = _ORDINAL_WORDS.get(raw)
        if value is None:
            value = int(re.sub(r"\D.*", "", raw))  # "21st" -> 21
        out.append(Rank(m.group(0), value, stem(m.group("head").split()[0])))
    return out


# Hedges that leave out the figure they name, below it or above it: "nearly 300" is fewer than 300,
# "more than 300" more, so the two exclude each other although their ranges meet at 300.
_STRICTLY_BELOW = ("nearly", "almost", "just under", "fewer than", "less than", "under")
_STRICTLY_ABOVE = ("more than", "over", "in excess of", "upwards of")


def _strict_side(n: Number) -> str | None:
    text = n.text.strip().lower()
    if any(text.startswith(h + " ") for h in _STRICTLY_BELOW):
        return "below"
    if any(text.startswith(h + " ") for h in _STRICTLY_ABOVE):
        return "above"
    return None


def _excluding_hedges(a: Number, b: Number) -> bool:
    """Are two figures hedged on opposite sides of one value ("nearly 300" / "more than 300")?"""
    below, above = (a, b) if _strict_side(a) == "below" else (b, a)
    return (
        _strict_side(below) == "below"
        and _strict_side(above) == "above"
        and below.unit == above.unit
        and below.factor == above.factor
        and below.high == above.low
    )


def disjoint(a: Number, b: Number) -> bool:
    """Can no single figure satisfy both? Figures in two units of one class are compared converted,
    with room for the rounding a conversion brings; hedges on opposite sides of one value exclude
    each other."""
    if _excluding_hedges(a, b):
        return True
    if a.unit and a.unit == b.unit and a.factor != b.factor:
        (a_low, a_high), (b_low, b_high) = a.in_base_units(), b.in_base_units()
        slack = 1 + CONVERSION_TOLERANCE
        return a_high * slack < b_low or b_high * slack < a_low
    return a.high < b.low * (1 - 1e-9) or b.high < a.low * (1 - 1e-9)


def comparable(a: Number, b: Number) -> bool:
    """Do two figures measure the same kind of thing (so that one can confirm or dispute the other)?
    Both percentages or neither; the same unit class; for counts, the same noun, two words for
    people, one outcome ("killed") or words in common around them."""
    if a.percent != b.percent or a.unit != b.unit:
        return False
    if a.unit:
        return True
    if a.named != b.named:
        return False  # "12 Americans" among the dead is not the toll
    if a.outcome and b.outcome:
        return a.outcome == b.outcome
    keys_a, keys_b = a.context | {a.head}, b.context | {b.head}
    return bool(keys_a & keys_b) or (a.head in PEOPLE_NOUNS and b.head in PEOPLE_NOUNS)


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


@lru_cache(maxsize=CACHED_TEXTS)
def event_weekdays(text: str) -> list[re.Match[str]]:
    return not_telling(WEEKDAY, text)


@lru_cache(maxsize=CACHED_TEXTS)
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


@lru_cache(maxsize=CACHED_TEXTS)
def years_in(text: str) -> dict[str, str | None]:
    """Each year of ``text`` but those of full dates, with its role (the preposition before it)."""
    in_dates = {m.group("year") for m in DATE.finditer(text)}
    years: dict[str, str | None] = {}
    for m in YEAR.finditer(text):
        if m.group(0) not in in_dates:
            role = _YEAR_ROLE.search(text, max(0, m.start() - 20), m.start())
            years[m.group(0)] = role.group(1).lower() if role else None
    return years


def _around(match: re.Match[str], words: int = 3, variants: Mapping[str, str] | None = None) -> set[str]:
    """Content stems just before and after a value: what it is the day or year of (with ``variants``,
    a story's spellings of one name as one: "Meshaal" / "Meshal")."""
    text = match.string
    before = content_stems_no_digits(text[max(0, match.start() - 50) : match.start()])[-words:]
    after = content_stems_no_digits(text[match.end() : match.end() + 50])[:words]
    found = set(before + after) - _CALENDAR_WORDS
    return {variants.get(s, s) for s in found} if variants else found


_CALENDAR_WORDS = frozenset(stem(w) for w in MONTHS + [d.lower() for d in lexicon.WEEKDAYS])


def same_slot(x: re.Match[str], y: re.Match[str], variants: Mapping[str, str] | None = None) -> bool:
    """Do two days or dates play one role: some word in common around them ("will open on March 3" /
    "will open on March 5"), not "charged Sept. 21" / "the bombing on Aug. 7"?"""
    return bool(_around(x, variants=variants) & _around(y, variants=variants))


# A time of day: "9 p.m.", "4:54 a.m.", "08:03", "at 4 pm".
_TIME_OF_DAY = re.compile(
    r"(?<![\d:.,$])(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*(?P<half>[ap]\.\s?m\.|[ap]m\b)?",
    re.IGNORECASE,
)
# Two times of day this far apart may be one moment told with a hedge ("shortly after 9 p.m." /
# "9:10 p.m.", "just after 8 a.m." / "08:03"): an hour and more apart they are two moments.
CLOCK_TOLERANCE_MINUTES = 45


@lru_cache(maxsize=CACHED_TEXTS)
def times_of_day(text: str) -> tuple[tuple[str, int], ...]:
    """Each time of day the text gives, as printed and in minutes after midnight: an hour with "a.m."
    or "p.m." or with minutes ("4:54", "08:03"), not a bare figure ("9 degrees", "at 4")."""
    out = []
    for m in _TIME_OF_DAY.finditer(text):
        half, minute = m.group("half"), m.group("minute")
        if not half and not minute:
            continue
        if not half and not text.startswith(" ", m.end()) and text[m.end() : m.end() + 1].isalnum():
            continue
        hour = int(m.group("hour"))
        if half:
            if hour > 12 or hour == 0:
                continue
            hour = hour % 12 + (12 if half[0].lower() == "p" else 0)
        out.append((m.group(0).strip(), hour * 60 + int(minute or 0)))
    return tuple(out)


def _minutes_apart(x: int, y: int) -> int:
    return min(abs(x - y), 24 * 60 - abs(x - y))


def _whens(text: str) -> list[tuple[str, str, object]]:
    """(kind, as printed, what it is compared by) for each weekday, date, year and time of day of ``text``."""
    out: list[tuple[str, str, object]] = [("weekday", m.group(0), m.group(0)) for m in event_weekdays(text)]
    out += [("date", m.group(0), (m.group("month")[:3], m.group("day"))) for m in event_dates(text)]
    out += [("year", y, y) for y in years_in(text)]
    out += [("time", t, minutes) for t, minutes in times_of_day(text)]
    return out


def own_value_mismatches(claim: str, evidence: str) -> list[tuple[str, str, str]]:
    """(kind, the claim's value, the evidence's) when the claim says when once (one weekday, date,
    year or time of day) and the evidence says when once too, another of that kind: a sentence that
    says the two met on Monday does not state that they met on Friday, whatever words the two share.
    With several whens on either side they may be of several events ("charged Sept. 21 ... the
    bombing on Aug. 7", "filed papers Thursday ... separated since May 10"): nothing is said here,
    but for a claim's one time of day that none of the evidence's several is (a day of the week may
    be any day; an hour of a story of one night is one moment).
    Where the evidence says no when, nothing is missing (the article may not tell it)."""
    ours, theirs = _whens(claim), _whens(evidence)
    clock_ours, clock_theirs = times_of_day(claim), times_of_day(evidence)
    if len(clock_ours) == 1 and clock_theirs and (len(ours) > 1 or len(theirs) > 1):
        # A claim's one hour is not among several the evidence gives ("broke out at 11 p.m." / "broke
        # out shortly after 9 p.m. ... under control at about 4 a.m."), or is given with a day: none
        # of the evidence's hours is the claim's, so the evidence does not tell it at that hour.
        ((x, at),) = clock_ours
        if all(_minutes_apart(at, theirs_at) > CLOCK_TOLERANCE_MINUTES for _, theirs_at in clock_theirs):
            return [("time", x, ", ".join(t for t, _ in clock_theirs))]
        return []
    if len(ours) != 1 or len(theirs) != 1 or ours[0][0] != theirs[0][0]:
        return []
    (kind, x, x_key), (_, y, y_key) = ours[0], theirs[0]
    if kind == "time":
        assert isinstance(x_key, int) and isinstance(y_key, int)
        if _minutes_apart(x_key, y_key) <= CLOCK_TOLERANCE_MINUTES:
            return []
    elif x_key == y_key:
        return []
    return [(kind, x, y)]


def calendar_differences(a: str, b: str, variants: Mapping[str, str] | None = None) -> list[tuple[str, str, str]]:
    """(kind, value in a, value in b) for a weekday, date or year each sentence gives once, in one role, differently."""
    out = []
    for kind, find in (("weekday", event_weekdays), ("date", event_dates)):
        found_a, found_b = find(a), find(b)
        if len(found_a) == 1 and len(found_b) == 1 and same_slot(found_a[0], found_b[0], variants):
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
        match_x, match_y = next(YEAR.finditer(a, a.find(x))), next(YEAR.finditer(b, b.find(y)))
        if same_role(role_x, role_y) and same_slot(match_x, match_y, variants):
            out.append(("year", x, y))
    times_a, times_b = times_of_day(a), times_of_day(b)
    if len(times_a) == 1 and len(times_b) == 1:
        ((x, at_a),), ((y, at_b),) = times_a, times_b
        if _minutes_apart(at_a, at_b) > CLOCK_TOLERANCE_MINUTES and same_slot(
            next(_TIME_OF_DAY.finditer(a, a.find(x))), next(_TIME_OF_DAY.finditer(b, b.find(y))), variants
        ):
            out.append(("time", x, y))
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
    individuals men women children workers employees staff soldiers troops crew crewmen crewmembers sailors
    seamen""".split()
)


MAX_DISPUTE_RATIO = 2.0  # two outlets' figures for one thing differ by less ("1,200" / "1,500", "213" / "253")


def plausibly_one(x: Number, y: Number) -> bool:
    """Could two figures be two outlets' counts of one thing? Not when one is many times the other
    ("60,000 children" / "14"; "42,000 housing units" / "358"): those count different things."""
    a, b = sorted((abs(x.typical), abs(y.typical)))
    return a > 0 and b / a <= MAX_DISPUTE_RATIO


def same_thing_counted(x: Number, y: Number, *, any_size: bool = False) -> bool:
    """Could two figures of two sentences that say the same thing count one thing? The same unit
    class (a distance, a magnitude, a sum of money), or for counts the same noun or two words for
    people ("1,200 residents" / "1,500 people"), or the same outcome ("3,879 bodies" / "toll of 7,085"),
    and not two outcomes ("killed" / "injured")."""
    if x.percent != y.percent or x.unit != y.unit or x.other or y.other or x.unit == "age":
        return False  # nor others than counted before, nor two people's ages
    if not any_size and not plausibly_one(x, y):
        return False
    if x.unit:
        return x.unit != "duration" or x.factor == y.factor  # "30 minutes" / "40 minutes", not a year and a day
    if x.named != y.named:
        return False
    if x.outcome and y.outcome:
        return x.outcome == y.outcome
    if x.outcome or y.outcome:
        return x.head == y.head  # "5,400 people were injured" counts no "two men"
    return x.head == y.head or (x.head in PEOPLE_NOUNS and y.head in PEOPLE_NOUNS)


# --- people's ages ------------------------------------------------------------

# A name of one to four capitalised words (initials and "Jr." allowed).
_NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})"
# "Matthew Shepard, 21," / "Aaron McKinney, 22, and ..." / "a 21-year-old Matthew Shepard".
_AGE_APPOSITION = re.compile(r"(?<![Tt]he\s)" + _NAME + r",\s+(?P<age>\d{1,3})\s*(?=,|\.(?:\s|$)|\s+and\b|;)")
_AGE_BEFORE = re.compile(r"\b(?P<age>\d{1,3})-year-old\s+" + _NAME)
_AGE_DESCRIBED = re.compile(
    _NAME + r",\s+(?:a|an)\s+(?P<age>\d{1,3})-year-old\b"
)  # "Matthew Shepard, a 21-year-old student"
# A noun for a person right after "N-year-old Name" makes the name its modifier ("a 16-year-old
# Columbine sophomore", "an 18-year-old Wyoming college student"), not a person's name.
_PERSON_NOUNS = """student students sophomore junior senior freshman pupil graduate boy girl man woman
    resident native worker employee teenager youth player soldier officer driver victim survivor""".split()
_MODIFIED_NOUN = re.compile(r"\s+(?:[a-z-]+\s+)?(?:" + "|".join(_PERSON_NOUNS) + r")\b")
# Words of a role before a name that the shared list of titles does not hold ("Police Chief", "The").
_NOT_NAME_WORDS = frozenset("the a an police foreign prime justice sheriff father sister".split())
MAX_AGE = 120


@dataclass(frozen=True)
class Age:
    """A person's age as a sentence gives it."""

    given: tuple[str, ...]  # the name's other words, titles left out ("Matthew" of "Matthew Shepard")
    family: str  # the name's last word ("Shepard")
    age: int
    text: str  # as printed ("21")


def ages_in(text: str) -> list[Age]:
    """The ages of named people the text gives: "Matthew Shepard, 21," and "21-year-old Matthew Shepard"."""
    found = []
    for pattern in (_AGE_APPOSITION, _AGE_BEFORE, _AGE_DESCRIBED):
        for m in pattern.finditer(text):
            words = [w.rstrip(".") for w in m.group("name").split()]
            # Titles and roles before a name are not the name ("Police Chief", "Sen.").
            words = [w for w in words if w.lower() not in lexicon.PERSON_TITLES and w.lower() not in _NOT_NAME_WORDS]
            if not words or words[-1].lower() in lexicon.MONTHS_AND_DAYS or words[-1] in ("Jr", "Sr"):
                continue
            if pattern is _AGE_BEFORE and len(words) == 1 and _MODIFIED_NOUN.match(text, m.end()):
                continue  # "a 16-year-old Columbine sophomore": the name says what she is, not who
            age = int(m.group("age"))
            if 0 < age <= MAX_AGE:
                found.append(Age(tuple(words[:-1]), words[-1], age, m.group("age")))
    return found
