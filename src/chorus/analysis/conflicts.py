"""Conflicts: two outlets state one fact with a different number, date, day, place or name.

Precision comes first, so a disagreement is reported only when all of this holds:

- the two sentences are about the same thing: similar enough (cosine, or
  most content words shared), or paraphrases (one fact's links);
- the values are of one kind and describe the same thing: a number counts
  the same noun ("2,200 Palestinians killed" / "2,100 Palestinians
  killed", not "... wounded"), and each sentence has the words around the
  other's number ("killed 12 people" / "injured 40 people" count two
  things); a weekday, date or year is the only one of
  its kind in each sentence; a place follows a locative preposition ("in
  Doha"); a name follows the same title ("Fire Chief Dalia Okonkwo" /
  "Fire Chief Maria Santos"); a day or year plays the same role in both
  ("Friday's bombing" refers back to an event, "starts Friday" and "ended
  Sunday" are two ends of a span, "by 2050" and "since 1860" a target and
  a starting point), and is not the day a source spoke ("told reporters
  Wednesday", "said in an editorial on Thursday, March 18");
- neither is a forecast ("expected", "projected") for a number or a time:
  projections differ because they were made at different times;
- the values are incompatible: hedged numbers are ranges ("more than
  2,000" agrees with 2,200; "about 1,200" with 1,250), spelling variants
  are one name (entities are linked first);
- neither outlet prints the other's value elsewhere in that sentence, nor,
  for places and names, anywhere in its article (an outlet that writes "in
  Qatar" here and "Doha" there has not contradicted one that writes "in
  Doha").

Facts and conflicts agree: two sentences worded as paraphrases (by cosine)
that only the numbers they dispute kept apart (``represent.paraphrase_matrix``
holds any disagreeing numbers against a pair) are one fact, reported by
both outlets, with the conflict noted, not two facts that one outlet
reports each (``same_fact_but_numbers``). Only numbers join a fact so: two
outlets that name different days, dates, places or people in like words
more often report two events (the troops attacked on Tuesday, and again on
Wednesday) than one event two ways.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from chorus.analysis.entities import PERSON, PLACE, EntityIndex
from chorus.analysis.facts import Fact, group_facts, paraphrase_pairs
from chorus.represent import PARAPHRASE_COSINE, PARAPHRASE_MIN_SHARED, SimilarPairs, sentence_numbers, similar_pairs
from chorus.text import WORD_RE, is_content, stem
from chorus.types import Sentence, Story

# Two sentences are about the same thing when they are worded alike (TF-IDF
# cosine) *and* most of the shorter one's content words are in the other:
# one alone pairs sentences about a recurring event (troops attacked on
# Tuesday, and again on Wednesday) on DUC 2006's months-long clusters.
SAME_FACT_COSINE = 0.4
SAME_FACT_SHARED = 4
SAME_FACT_OVERLAP = 0.55
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
_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
_DATE = re.compile(r"\b(?P<month>" + "|".join(_MONTHS) + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?")
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY = re.compile(rf"\b{_DAYS}\b")
# A year, not one end of a span ("the 1994-96 war") nor part of a larger number ("1,995,000").
_YEAR = re.compile(r"(?<![\d,.\-–])(?:1[89]\d\d|20\d\d)(?!\d|,\d|[\-–]\d)")
# A day or date that dates the telling, not the event: "officials said Thursday", "police on Monday said",
# "told reporters Wednesday", "said in an editorial on Thursday, March 18".
_SAY = r"(?:said|says|announced|reported|told|added|stated|confirmed|disclosed|revealed|declared|insisted)"
_MONTH_DAY = r"(?:" + "|".join(_MONTHS) + r")\.?\s+\d{1,2}\b"
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
_FORECAST = re.compile(
    r"\b(?:expect(?:s|ed)?|project(?:s|ed|ion|ions)|forecast(?:s|ed)?|predict(?:s|ed)?|anticipated?)\b", re.IGNORECASE
)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Conflict:
    kind: str  # number, date, weekday, year, place or name
    sentence_a: int  # Story.sentences indexes, a's document first in the story
    sentence_b: int
    value_a: str  # as printed
    value_b: str
    fact: int | None  # the fact both sentences belong to, if they do


@dataclass(frozen=True)
class _Number:
    text: str
    low: float
    high: float
    percent: bool
    head: str  # stem of the first content word after the number: what it counts (or the currency)
    context: frozenset[str]  # content stems just before and after
    scale: float = 1.0  # "million" in "3 million": how the other sentence's bare figures are read


def _content_stems(text: str) -> list[str]:
    return [stem(w) for w in WORD_RE.findall(text) if is_content(w) and not w[0].isdigit()]


def numbers_in(text: str) -> list[_Number]:
    found = []
    for m in _NUMBER.finditer(text):
        raw = m.group("num").lower()
        if raw in _NUMBER_WORDS:
            value = float(_NUMBER_WORDS[raw])
            if m.group("unit") and value >= 20:
                value += _NUMBER_WORDS[m.group("unit").lower()]
        else:
            value = float(raw.replace(",", ""))
            if _YEAR.fullmatch(raw) and not m.group("scale") and not m.group("pct"):
                continue  # a year, not a count
        before = text[max(0, m.start() - 12) : m.start()]
        if re.search(r"(?:" + "|".join(_MONTHS) + r")\.?\s*$", before):
            continue  # the day of a date
        if _CLOCK.match(text, m.end()) or before.endswith(":"):
            continue  # a time of day ("6 p.m.", "4:44")
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
        after = _content_stems(text[m.end() : m.end() + 60])[:3]
        previous = _content_stems(text[max(0, m.start() - 40) : m.start()])[-2:]
        if m.group("currency"):
            after = [m.group("currency")] + after
        if not after:
            continue
        found.append(
            _Number(m.group(0), low, high, bool(m.group("pct")), after[0], frozenset(after[1:] + previous), scale)
        )
    return found


def _disjoint(a: _Number, b: _Number) -> bool:
    return a.high < b.low * (1 - 1e-9) or b.high < a.low * (1 - 1e-9)


def _number_conflicts(a: Sentence, b: Sentence) -> list[tuple[str, str, str]]:
    numbers_a, numbers_b = numbers_in(a.text), numbers_in(b.text)
    if not numbers_a or not numbers_b:
        return []
    stems_a, stems_b = set(_content_stems(a.text)), set(_content_stems(b.text))
    out = []
    for x in numbers_a:
        for y in numbers_b:
            if x.head != y.head or x.percent != y.percent or not _disjoint(x, y):
                continue
            if x.context and y.context and not x.context & y.context:
                continue  # "Palestinians killed" vs "Palestinians wounded"
            if x.context - stems_b and y.context - stems_a:
                continue  # "killed 12 people" vs "injured 40 people": each counts what the other never says
            # Each sentence must give one figure for the thing, and not the other's figure.
            if sum(n.head == x.head for n in numbers_a) > 1 or sum(n.head == y.head for n in numbers_b) > 1:
                continue
            if any(not _disjoint(x, n) for n in numbers_b) or any(not _disjoint(y, n) for n in numbers_a):
                continue
            # ... nor, counted or not, print a figure the other's allows ("kills up to 3 million" / "up to 2.7 million").
            if _allows_any(x, b.text) or _allows_any(y, a.text):
                continue
            out.append(("number", x.text.strip(), y.text.strip()))
    return out


def _allows_any(number: _Number, text: str) -> bool:
    """Does ``text`` print any figure within the range ``number`` allows?"""
    for raw in sentence_numbers(text):
        try:
            value = float(raw)
        except ValueError:
            continue
        if any(number.low <= value * k <= number.high for k in {1.0, number.scale}):
            return True
    return False


def _event_weekdays(text: str) -> list[re.Match[str]]:
    """Weekdays of the sentence but the day a source spoke (outlets publish on different days)."""
    return _not_telling(_WEEKDAY, text)


def _event_dates(text: str) -> list[re.Match[str]]:
    return _not_telling(_DATE, text)


def _not_telling(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    telling = {day.start() for m in _STATEMENT_DAY.finditer(text) for day in pattern.finditer(text, m.start(), m.end())}
    return [m for m in pattern.finditer(text) if m.start() not in telling]


def _weekday_role(day: re.Match[str]) -> str | None:
    text, before = day.string, day.string[max(0, day.start() - 20) : day.start()]
    if text.startswith(("'s", "’s"), day.end()):
        return "reference"
    if _DAY_STARTS.search(before):
        return "start"
    if _DAY_ENDS.search(before):
        return "end"
    return None


def _same_role(x: str | None, y: str | None) -> bool:
    """Can two values in these roles be one fact? A value with no marked role can be anything."""
    return x == y or ((x is None or y is None) and "reference" not in (x, y))


def _years(text: str) -> dict[str, str | None]:
    """Each year of ``text`` but those of full dates, with its role (the preposition before it)."""
    in_dates = {m.group("year") for m in _DATE.finditer(text)}
    years: dict[str, str | None] = {}
    for m in _YEAR.finditer(text):
        if m.group(0) not in in_dates:
            role = _YEAR_ROLE.search(text, max(0, m.start() - 20), m.start())
            years[m.group(0)] = role.group(1).lower() if role else None
    return years


def _calendar_conflicts(a: Sentence, b: Sentence) -> list[tuple[str, str, str]]:
    out = []
    for kind, find in (("weekday", _event_weekdays), ("date", _event_dates)):
        found_a, found_b = find(a.text), find(b.text)
        if len(found_a) == 1 and len(found_b) == 1:
            x, y = found_a[0].group(0), found_b[0].group(0)
            if kind == "date":
                x_key = (found_a[0].group("month")[:3], found_a[0].group("day"))
                y_key = (found_b[0].group("month")[:3], found_b[0].group("day"))
                if x_key == y_key:
                    continue
            elif x == y or not _same_role(_weekday_role(found_a[0]), _weekday_role(found_b[0])):
                continue
            out.append((kind, x, y))
    years_a, years_b = _years(a.text), _years(b.text)
    if len(years_a) == 1 and len(years_b) == 1 and years_a.keys() != years_b.keys():
        ((x, role_x),), ((y, role_y),) = years_a.items(), years_b.items()
        if _same_role(role_x, role_y):
            out.append(("year", x, y))
    return out


def _entity_conflicts(
    index: EntityIndex, mentioned_in_doc: dict[int, set[int]], a: Sentence, b: Sentence
) -> list[tuple[str, str, str]]:
    out = []
    for kind in (PLACE, PERSON):
        slots_a = _slots(index, a, kind)
        slots_b = _slots(index, b, kind)
        entities_a = {id(e) for _, e in index.in_sentence(a.index)}
        entities_b = {id(e) for _, e in index.in_sentence(b.index)}
        only_a = {k: v for k, v in slots_a.items() if id(v[1]) not in entities_b}
        only_b = {k: v for k, v in slots_b.items() if id(v[1]) not in entities_a}
        for slot in only_a.keys() & only_b.keys():
            (text_a, entity_a), (text_b, entity_b) = only_a[slot], only_b[slot]
            if id(entity_a) in mentioned_in_doc[b.doc_index] or id(entity_b) in mentioned_in_doc[a.doc_index]:
                continue
            words_a, words_b = re.split(r"[\s-]+", text_a), re.split(r"[\s-]+", text_b)
            if any(index.matcher.same_word(x, y) for x in words_a for y in words_b):
                continue  # "Dalia Okonkwo" / "Dalia Okonkwo-Reyes": one person, spelt fuller
            out.append(("place" if kind == PLACE else "name", text_a, text_b))
    return out


def _slots(index: EntityIndex, sentence: Sentence, kind: str) -> dict[str, tuple[str, object]]:
    """Entities of a kind by the word that introduces them: a locative for places, a title for people.

    A slot filled twice in one sentence is ambiguous and left out.
    """
    slots: dict[str, list[tuple[str, object]]] = {}
    for mention, entity in index.in_sentence(sentence.index):
        if entity.kind != kind:
            continue
        before = sentence.text[: mention.start]
        if kind == PLACE:
            if not _LOCATIVE_BEFORE.search(before):
                continue
            slot = "at"
        else:
            title = re.search(r"([A-Za-z]+)\s+$", before)
            if not title or not title.group(1)[0].isupper():
                continue
            slot = title.group(1).lower()
        slots.setdefault(slot, []).append((mention.text, entity))
    return {k: v[0] for k, v in slots.items() if len(v) == 1}


Found = dict[tuple[int, int], list[tuple[str, str, str]]]  # (a, b) sentence pair -> (kind, value a, value b)


def conflicting_pairs(story: Story, similar: SimilarPairs, links: dict[int, dict[int, float]], index: EntityIndex) -> Found:
    """The disagreements of every pair of sentences of two outlets that are about the same thing."""
    docs = np.array([s.doc_index for s in story.sentences])
    same = (
        (similar.cosine >= SAME_FACT_COSINE)
        & (similar.shared >= SAME_FACT_SHARED)
        & (similar.overlap >= SAME_FACT_OVERLAP)
        & (docs[similar.first] != docs[similar.second])
    )
    pairs = set(zip(similar.first[same].tolist(), similar.second[same].tolist()))
    pairs.update((i, j) for i in links for j in links[i] if i < j)
    mentioned_in_doc: dict[int, set[int]] = {d: set() for d in range(len(story.documents))}
    for sentence in story.sentences:
        mentioned_in_doc[sentence.doc_index].update(id(e) for _, e in index.in_sentence(sentence.index))
    found: Found = {}
    for i, j in sorted(pairs):
        a, b = story.sentences[i], story.sentences[j]
        if a.doc_index > b.doc_index:
            a, b = b, a
        values = _number_conflicts(a, b) + _calendar_conflicts(a, b) + _entity_conflicts(index, mentioned_in_doc, a, b)
        if similar.cosine_of(i, j) < PARAPHRASE_COSINE and j not in links.get(i, {}):
            # Years and dates differ between like sentences written years apart ("1997 the
            # warmest year on record" / "1998 being the warmest"): only paraphrases dispute them.
            values = [v for v in values if v[0] not in ("year", "date")]
        if _FORECAST.search(a.text) or _FORECAST.search(b.text):
            values = [v for v in values if v[0] in ("place", "name")]
        if values and _one_event(index, a, b, values):
            found[(a.index, b.index)] = values
    return found


def _one_event(index: EntityIndex, a: Sentence, b: Sentence, values: list[tuple[str, str, str]]) -> bool:
    """Could two like sentences report one event two ways, rather than two events?

    Two outlets that tell one event differently differ in one respect: the
    count, or the day, or the place. Sentences that differ in two (another
    day and another place), or that each name someone or somewhere the
    other does not, besides the disputed values, report two events: a
    dead crow found in River Edge on Friday and one found in Stamford on
    Monday are two findings, not a conflict about when the crow was found."""
    if len({kind for kind, _, _ in values}) > 1:
        return False
    disputed = {v for _, x, y in values for v in (x, y)}
    named_a = {id(e) for m, e in index.in_sentence(a.index) if m.text not in disputed}
    named_b = {id(e) for m, e in index.in_sentence(b.index) if m.text not in disputed}
    return not (named_a - named_b and named_b - named_a)


def same_fact_but_numbers(
    story: Story, similar: SimilarPairs, index: EntityIndex, a: int, b: int, values: list[tuple[str, str, str]]
) -> bool:
    """Are sentences ``a`` and ``b`` one fact that only the numbers they dispute keep from
    being paraphrases? Every disputed value is a number, the two are worded alike
    (cosine at least PARAPHRASE_COSINE, at least PARAPHRASE_MIN_SHARED content words in
    common), no other number of theirs disagrees, and they do not each name someone or
    somewhere the other does not ("248 killed in Kenya" / "11 killed in Tanzania")."""
    if any(kind != "number" for kind, _, _ in values):
        return False
    if similar.cosine_of(a, b) < PARAPHRASE_COSINE or similar.shared_of(a, b) < PARAPHRASE_MIN_SHARED:
        return False
    numbers = story.vectors.numbers
    rest_a = numbers[a] - {n for _, x, _ in values for n in sentence_numbers(x)}
    rest_b = numbers[b] - {n for _, _, y in values for n in sentence_numbers(y)}
    if rest_a and rest_b and not rest_a & rest_b:
        return False
    named_a = {id(e) for _, e in index.in_sentence(a)}
    named_b = {id(e) for _, e in index.in_sentence(b)}
    return not (named_a - named_b and named_b - named_a)


def find_facts_and_conflicts(story: Story, index: EntityIndex) -> tuple[list[Fact], list[Conflict]]:
    """Facts (``facts.group_facts``) and conflicts, consistent with each other: sentences that
    are paraphrases but for the numbers they dispute are linked into one fact."""
    similar = similar_pairs(story.vectors)
    links = paraphrase_pairs(story, similar)
    found = conflicting_pairs(story, similar, links, index)
    for (a, b), values in found.items():
        if b not in links[a] and same_fact_but_numbers(story, similar, index, a, b, values):
            links[a][b] = links[b][a] = similar.cosine_of(a, b)
    facts = group_facts(story, links)
    fact_of = {i: f.id for f in facts for i in f.sentences}
    conflicts = [
        Conflict(kind, a, b, value_a, value_b, fact_of[a] if fact_of.get(a) == fact_of.get(b) else None)
        for (a, b), values in found.items()
        for kind, value_a, value_b in values
    ]
    return facts, conflicts
