"""Conflicts: two outlets state one fact with a different number, date, day, place or name.

Precision comes first, so a disagreement is reported only when all of this holds:

- the two sentences are about the same thing: members of one fact, or
  similar enough (cosine, or most content words shared) to be;
- the values are of one kind and describe the same thing: a number counts
  the same noun ("2,200 Palestinians killed" / "2,100 Palestinians
  killed", not "... wounded"); a weekday, date or year is the only one of
  its kind in each sentence; a place follows a locative preposition ("in
  Doha"); a name follows the same title ("Fire Chief Dalia Okonkwo" /
  "Fire Chief Maria Santos");
- the values are incompatible: hedged numbers are ranges ("more than
  2,000" agrees with 2,200; "about 1,200" with 1,250), spelling variants
  are one name (entities are linked first);
- neither outlet prints the other's value elsewhere in that sentence, nor,
  for places and names, anywhere in its article (an outlet that writes "in
  Qatar" here and "Doha" there has not contradicted one that writes "in
  Doha").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from chorus.analysis.entities import PERSON, PLACE, EntityIndex
from chorus.analysis.facts import Fact
from chorus.represent import PairTable
from chorus.text import WORD_RE, is_content, stem
from chorus.types import Sentence, Story

SAME_FACT_COSINE = 0.4
SAME_FACT_SHARED = 5
SAME_FACT_OVERLAP = 0.5
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
    r"\b(?![.,]\d)(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?(?P<pct>\s*(?:%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
_DATE = re.compile(r"\b(?P<month>" + "|".join(_MONTHS) + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?")
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_YEAR = re.compile(r"(?<![\d,.])(?:1[89]\d\d|20\d\d)(?![\d,])")
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


def _content_stems(text: str) -> list[str]:
    return [stem(w) for w in WORD_RE.findall(text) if is_content(w) and not w[0].isdigit()]


def numbers_in(text: str) -> list[_Number]:
    found = []
    for m in _NUMBER.finditer(text):
        raw = m.group("num").lower()
        if raw in _NUMBER_WORDS:
            value = float(_NUMBER_WORDS[raw])
        else:
            value = float(raw.replace(",", ""))
            if _YEAR.fullmatch(raw) and not m.group("scale") and not m.group("pct"):
                continue  # a year, not a count
        before = text[max(0, m.start() - 12) : m.start()]
        if re.search(r"(?:" + "|".join(_MONTHS) + r")\.?\s*$", before):
            continue  # the day of a date
        value *= _SCALES.get((m.group("scale") or "").lower(), 1.0)
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
        found.append(_Number(m.group(0), low, high, bool(m.group("pct")), after[0], frozenset(after[1:] + previous)))
    return found


def _disjoint(a: _Number, b: _Number) -> bool:
    return a.high < b.low * (1 - 1e-9) or b.high < a.low * (1 - 1e-9)


def _number_conflicts(a: Sentence, b: Sentence) -> list[tuple[str, str, str]]:
    numbers_a, numbers_b = numbers_in(a.text), numbers_in(b.text)
    out = []
    for x in numbers_a:
        for y in numbers_b:
            if x.head != y.head or x.percent != y.percent or not _disjoint(x, y):
                continue
            if x.context and y.context and not x.context & y.context:
                continue  # "Palestinians killed" vs "Palestinians wounded"
            # Each sentence must give one figure for the thing, and not the other's figure.
            if sum(n.head == x.head for n in numbers_a) > 1 or sum(n.head == y.head for n in numbers_b) > 1:
                continue
            if any(not _disjoint(x, n) for n in numbers_b) or any(not _disjoint(y, n) for n in numbers_a):
                continue
            out.append(("number", x.text.strip(), y.text.strip()))
    return out


def _single(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    return list(pattern.finditer(text))


def _calendar_conflicts(a: Sentence, b: Sentence) -> list[tuple[str, str, str]]:
    out = []
    for kind, pattern in (("weekday", _WEEKDAY), ("date", _DATE)):
        found_a, found_b = _single(pattern, a.text), _single(pattern, b.text)
        if len(found_a) == 1 and len(found_b) == 1:
            x, y = found_a[0].group(0), found_b[0].group(0)
            if kind == "date":
                x_key = (found_a[0].group("month")[:3], found_a[0].group("day"))
                y_key = (found_b[0].group("month")[:3], found_b[0].group("day"))
                if x_key == y_key:
                    continue
            elif x == y:
                continue
            out.append((kind, x, y))
    years_a = {m.group(0) for m in _YEAR.finditer(a.text)} - {m.group("year") for m in _DATE.finditer(a.text)}
    years_b = {m.group(0) for m in _YEAR.finditer(b.text)} - {m.group("year") for m in _DATE.finditer(b.text)}
    if len(years_a) == 1 and len(years_b) == 1 and years_a != years_b:
        out.append(("year", years_a.pop(), years_b.pop()))
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


def find_conflicts(story: Story, facts: list[Fact], tables: PairTable, index: EntityIndex) -> list[Conflict]:
    fact_of = {i: f.id for f in facts for i in f.sentences}
    docs = np.array([s.doc_index for s in story.sentences])
    same = (tables.cosine >= SAME_FACT_COSINE) | (
        (tables.shared >= SAME_FACT_SHARED) & (tables.overlap >= SAME_FACT_OVERLAP)
    )
    same &= docs[:, None] != docs[None, :]
    pairs = set(zip(*(x.tolist() for x in np.nonzero(np.triu(same, k=1)))))
    for fact in facts:
        for x in fact.sentences:
            for y in fact.sentences:
                if x < y and story.sentences[x].doc_index != story.sentences[y].doc_index:
                    pairs.add((x, y))
    mentioned_in_doc: dict[int, set[int]] = {d: set() for d in range(len(story.documents))}
    for sentence in story.sentences:
        mentioned_in_doc[sentence.doc_index].update(id(e) for _, e in index.in_sentence(sentence.index))
    conflicts = []
    for i, j in sorted(pairs):
        a, b = story.sentences[i], story.sentences[j]
        if a.doc_index > b.doc_index:
            a, b = b, a
        found = _number_conflicts(a, b) + _calendar_conflicts(a, b) + _entity_conflicts(index, mentioned_in_doc, a, b)
        for kind, value_a, value_b in found:
            shared_fact = fact_of.get(a.index) if fact_of.get(a.index) == fact_of.get(b.index) else None
            conflicts.append(Conflict(kind, a.index, b.index, value_a, value_b, shared_fact))
    return conflicts
