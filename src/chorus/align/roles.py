"""Figures in one role: two outlets' values for one quantity, wherever their sentences give them.

A figure's role is what it measures (its unit class, or what it counts and
what happened to them: ``values.same_thing_counted``) and what it is the
figure of: the nouns next to it, the names and the event of its clause.
Two outlets' figures in one role that cannot both hold dispute each other
even when the sentences around them tell different things ("At least 600
people ... in the 6.7-degree earthquake which ripped through western
Turkey" / "The earthquake, measuring 7.4 on the open-ended Richter scale,
hit Turkey at 3:02 a.m."). Claim alignment (``claims``) finds the disputes
between sentences that say the same thing; this finds those of background
clauses, appositions and asides, which a sentence-level test cannot.

Set aside as in claim alignment: two things counted, figures many times
apart, forecasts and suppositions, others than those counted, a figure an
outlet gives as superseded, copies of one story (one source family), and
two articles of one outlet... and, for the role itself:

- other names: a clause that names something distinctive (rare in the
  story) that the other sentence does not, each way ("the Izmit Refinery,
  about 110 kilometers southeast of Istanbul" is not "the epicenter ...
  about 70 kilometers southeast of Istanbul");
- another time: a year that is not the other's ("a magnitude 8.2 quake in
  1939");
- another kind of event ("the largest of the aftershocks was magnitude
  5.3" is not the quake's 7.4);
- another thing: the nouns next to the two figures have nothing in common
  ("12 vents" / "500 employees"), or the clauses share too little.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from chorus import lexicon
from chorus.align import values as V
from chorus.align.claims import (
    _WORD_CLASSES,
    REPORTING_WORDS,
    Aligner,
    _clause_of,
    _event_kind,
    _quoted,
    _totals_several,
    place_stems,
)
from chorus.ingest.metadata import published_day
from chorus.text import WORD_RE, is_content, stem

ROLE_WINDOW = 4  # words each side of a figure that tell what it is the figure of
# The clauses of two figures in one role share at least this share of the smaller one's weighted
# content words (figures, units and reporting words aside).
MIN_ROLE_OVERLAP = 0.3
# A name in fewer than this share of the story's sentences tells one thing from another ("the
# Izmit Refinery" is not "the epicenter"); names most sentences carry tell nothing apart.
DISTINCTIVE_NAME_SHARE = 0.05
# Counts that accumulate: a toll, the injured, the missing grow (or are revised) from day to day.
CUMULATIVE_OUTCOMES = frozenset({"dead", "injured", "missing", "arrested", "homeless", "evacuated", "ill"})
# What a figure measures for it to be compared by role: what happened to people (a toll), a
# named group, a physical measure. Sums of money and percentages are of too many things in one
# story (a film's budget and its takings, a poll's findings) to be told apart by the words around
# them; claim alignment compares them sentence by sentence.
ROLE_UNITS = frozenset({"length", "area", "weight", "magnitude"})
# A clause with fewer content words than this (what happened to those counted aside) says too
# little to tell what its figure is of ("He received two life sentences.").
MIN_ROLE_WORDS = 3
# Pairs of figures looked at, at most, per story (a 1,000-article story has tens of thousands of
# figures): figures are compared only with those that share a noun next to them or a name.
MAX_ROLE_PAIRS = 400_000
# Words that place a thing but say nothing of what it is ("65 miles west of Izmit").
DIRECTIONS = frozenset(
    stem(w)
    for w in """north south east west northeast northwest southeast southwest northern southern eastern western
    away off apart long wide high deep tall across""".split()
)
# A noun, as the story uses it: a word it prints after a determiner ("the epicenter", "of aftershocks").
_DETERMINED = re.compile(r"\b(?i:the|a|an|its|their|his|her|this|these|those|of|some|many|several)\s+([a-z][a-z-]{2,})\b")
_UNIT_WORDS = frozenset(stem(u) for u in V.UNITS if u[0].isalpha()) | {stem("scale"), stem("richter")}
# Words next to a figure that tell nothing of what it counts: its unit, where it lies, and what
# happened to those counted (already compared as the figure's outcome).
_NOT_THINGS = _UNIT_WORDS | DIRECTIONS | frozenset(V.OUTCOMES.values())


@dataclass(frozen=True)
class Mention:
    """A figure as one article's sentence gives it, with what tells its role."""

    doc: int
    sentence: int
    number: V.Number
    words: dict[str, float]  # the clause's content words (classes unified) and their weights
    things: frozenset[str]  # nouns within ROLE_WINDOW words of the figure
    names: frozenset[str]  # distinctive names within ROLE_WINDOW words of the figure (not an agent's: "by MIT")
    anchors: frozenset[str]  # every name its clause prints (but the days and months)
    places: frozenset[str]  # the places its clause names
    years: frozenset[str]  # the years its clause names, but that of its article's day
    days: frozenset[str]  # the days (weekdays, dates) its clause names for what it tells, not for who spoke
    period: str | None  # the span it totals ("in the past week", "this year"), if any
    event: str | None  # the kind of event named nearest to the figure
    sentence_words: frozenset[str]  # every word of its sentence (classes unified)


@dataclass(frozen=True)
class RoleDispute:
    """Two figures in one role that cannot both hold."""

    a: Mention
    b: Mention


class Roles:
    """The figures of a story with their roles, and which of them dispute or confirm one another."""

    def __init__(self, aligner: Aligner) -> None:
        self.aligner = aligner
        self.story = aligner.story
        self._max_idf = float(aligner.vectors.idf.max()) if len(aligner.vectors.idf) else 1.0

    def unify(self, word: str) -> str:
        s = stem(word)
        s = self.aligner.vectors.variants.get(s, s)
        return _WORD_CLASSES.get(s, s)

    def weight(self, key: str) -> float:
        column = self.aligner.vectors.index.get(key)
        return float(self.aligner.vectors.idf[column]) if column is not None else self._max_idf

    @cached_property
    def nouns(self) -> frozenset[str]:
        """Words the story prints after a determiner: its nouns, roughly."""
        counts: dict[str, int] = {}
        for s in self.story.sentences:
            for m in _DETERMINED.finditer(s.text):
                key = self.unify(m.group(1))
                counts[key] = counts.get(key, 0) + 1
        return frozenset(counts)

    @cached_property
    def _name_share(self) -> dict[str, float]:
        counts: dict[str, int] = {}
        for s in self.story.sentences:
            for key in {self.unify(w) for w in WORD_RE.findall(s.text) if w[0].isupper()}:
                counts[key] = counts.get(key, 0) + 1
        n = max(len(self.story.sentences), 1)
        return {k: c / n for k, c in counts.items()}

    @cached_property
    def mentions(self) -> list[Mention]:
        """Every figure of the story that can be in a role: a measure with a unit, or a count of something."""
        out = []
        for s in self.story.sentences:
            numbers = [n for n in self.aligner.numbers_of(s.index) if _in_role(n, s.text)]
            if not numbers:
                continue
            sentence_words = frozenset(self.unify(w) for w in WORD_RE.findall(s.text))
            tokens = list(WORD_RE.finditer(s.text))
            for n in numbers:
                if V.FORECAST.search(s.text):
                    continue  # a forecast's or a supposition's figure (the sentence's "predicted ... will rise")
                clause = _clause_of(s.text, n.text.strip())
                mention = self._mention(s.doc_index, s.index, n, clause, tokens, sentence_words)
                if sum(1 for k in mention.words if k not in _NOT_THINGS) >= MIN_ROLE_WORDS:
                    out.append(mention)
        return out

    def _mention(self, doc: int, index: int, n: V.Number, clause: str, tokens, sentence_words) -> Mention:
        words: dict[str, float] = {}
        anchors = set()
        for m in WORD_RE.finditer(clause):
            w = m.group()
            if w[0].isupper() and m.start() > 0 and len(w) > 1 and is_content(w) and w.lower() not in _CALENDAR:
                anchors.add(self.unify(w))
            if not is_content(w) or w[0].isdigit() or w.lower() in V.UNITS:
                continue
            key = self.unify(w)
            if key in REPORTING_WORDS or key in _UNIT_WORDS:
                continue
            words[key] = max(words.get(key, 0.0), self.weight(key))
        before = [t for t in tokens if t.end() <= n.start][-ROLE_WINDOW:]
        after = [t for t in tokens if t.start() >= n.end][:ROLE_WINDOW]
        things, names = set(), set()
        text = self.story.sentences[index].text
        for t in before + after:
            w = t.group()
            key = self.unify(w)
            if key in _UNIT_WORDS:
                continue
            if w[0].isupper() and t.start() > 0:
                agent = _AGENT_BEFORE.search(text, max(0, t.start() - 20), t.start())
                if self._name_share.get(key, 1.0) < DISTINCTIVE_NAME_SHARE and not agent:
                    names.add(key)
            elif key in self.nouns and key not in _NOT_THINGS and is_content(w):
                things.add(key)
        if n.head and not n.unit and _WORD_CLASSES.get(n.head, n.head) not in _NOT_THINGS:
            things.add(_WORD_CLASSES.get(n.head, n.head))
        day = published_day(self.story.documents[doc].published)
        years = frozenset(m.group(0) for m in V.YEAR.finditer(clause)) - ({str(day.year)} if day else set())
        places = place_stems(clause) - self.aligner.common_places
        days = frozenset(m.group(0).lower() for find in (V.event_weekdays, V.event_dates) for m in find(clause))
        period = _PERIOD.search(clause)
        return Mention(
            doc, index, n, words, frozenset(things), frozenset(names), frozenset(anchors), frozenset(places), years, days,
            period.group(0).lower() if period else None,
            _event_kind(clause, n.text.strip()), sentence_words,
        )

    def one_role(self, x: Mention, y: Mention) -> bool:
        """Are two figures of two articles in one role (whatever their values)?"""
        if not V.same_thing_counted(x.number, y.number):
            return False
        if x.years != y.years:
            return False  # another time ("a magnitude 8.2 quake in 1939")
        if x.period != y.period:
            return False  # a total over a span ("25 killed in the past week") is no count of one event
        if x.days and y.days and not (x.days & y.days):
            return False  # two days' figures ("17 civilians Thursday" / "31 died ... overnight" on Monday)
        if x.event and y.event and x.event != y.event:
            return False  # another kind of event (the aftershock's magnitude, not the quake's)
        if x.things and y.things and not (x.things & y.things or x.names & y.names):
            return False  # nothing in common next to the figures: another thing ("a team of 90 people")
        if not any(self.aligner.one_place(a, b) for a in x.anchors for b in y.anchors):
            return False  # no name in common: two events of a kind ("the Lauda Air crash killed 223", "EgyptAir Flight 990")
        if (x.names - y.sentence_words) or (y.names - x.sentence_words):
            return False  # one names, next to its figure, something the other does not ("the Izmit Refinery")
        if not x.number.unit and not (self._placed(x, y) and self._placed(y, x)):
            return False  # a count for a place against one for another, or for all (a distance's places are its ends)
        common = x.words.keys() & y.words.keys()
        shared = sum(min(x.words[k], y.words[k]) for k in common)
        smaller = min(sum(x.words.values()), sum(y.words.values()))
        return smaller > 0 and shared >= MIN_ROLE_OVERLAP * smaller

    def agrees(self, x: Mention, y: Mention) -> bool:
        """Does x give y's figure in y's role, from another article? The same figure of the same
        measure next to the same thing ("a magnitude 7.4 quake" / "the 7.4 magnitude quake") needs
        no name in common; a figure that only allows y's does."""
        if x.doc == y.doc or V.disjoint(x.number, y.number):
            return False
        if x.number.low == y.number.low and x.number.high == y.number.high and V.same_thing_counted(x.number, y.number):
            return bool(x.things & y.things) and x.years == y.years and x.period == y.period
        return self.one_role(x, y)

    def setting(self, sentence: int) -> frozenset[str]:
        """Where an article set what a sentence tells: the places it names, else those of the
        nearest sentence before it in its article that names some."""
        doc = self.story.sentences[sentence].doc_index
        i = sentence
        while i >= 0 and self.story.sentences[i].doc_index == doc:
            if found := self.aligner.places_of(i):
                return found
            i -= 1
        return frozenset()

    def _placed(self, x: Mention, y: Mention) -> bool:
        """Is every place of x's clause one y's sentence names or its article set the story in?"""
        if not x.places:
            return True
        theirs = y.sentence_words | self.setting(y.sentence)
        return all(any(self.aligner.one_place(p, w) for w in theirs) for p in x.places)

    def disputes(self) -> list[RoleDispute]:
        """Pairs of figures of two independent sources in one role whose values cannot both hold."""
        families = self.aligner.families
        by_measure: dict[tuple, list[Mention]] = {}
        for m in self.mentions:
            by_measure.setdefault(_measure(m.number), []).append(m)
        found: list[RoleDispute] = []
        budget = MAX_ROLE_PAIRS
        for group in by_measure.values():
            for i, x in enumerate(group):
                for y in group[i + 1 :]:
                    if budget <= 0:
                        return found
                    if x.doc == y.doc or families.family_of(x.doc) == families.family_of(y.doc):
                        continue
                    if not (x.things & y.things or x.names & y.names or x.words.keys() & y.words.keys()):
                        continue
                    budget -= 1
                    if not V.disjoint(x.number, y.number) or not self.one_role(x, y):
                        continue
                    texts = (self.story.sentences[x.sentence].text, self.story.sentences[y.sentence].text)
                    if _quoted(texts[0], x.number.text.strip()) and _quoted(texts[1], y.number.text.strip()):
                        continue  # two people's own words
                    if _totals_several(texts[0], texts[1]) or _totals_several(texts[1], texts[0]):
                        continue  # "the twin bombings killed 258" counts both events, "the blast killed 11" one
                    found.append(RoleDispute(x, y))
        return found


# "identified as magnitude 7.5 by the MIT scientists": who gives the figure, not what it is of.
_AGENT_BEFORE = re.compile(r"\b(?:by|according\s+to|from)\s+(?:the\s+)?$", re.IGNORECASE)


_FRACTION_AFTER = re.compile(r"-(?:thirds?|quarters?|fifths?|halves|half)\b|\s+(?:out\s+of|in)\s+(?:every\s+)?(?:\d|ten|four|five|three)", re.IGNORECASE)
_PERIOD = re.compile(
    r"\b(?:in|over|during|for)\s+the\s+(?:past|last|previous|first)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?)\b"
    r"|\b(?:this|last)\s+(?:week|month|year|season)\b(?!['’]s)|\bso\s+far\s+this\s+\w+",
    re.IGNORECASE,
)
_PART_AFTER = re.compile(r"\s+of\s+(?:the|them|those|whom|these|its|their)\b", re.IGNORECASE)
_CALENDAR = frozenset(w.lower() for w in (*V.MONTHS, *lexicon.WEEKDAYS))


def _in_role(n: V.Number, text: str = "") -> bool:
    """Can a figure be compared by its role: a measure with a unit, a percentage, or a count of
    people with what happened to them or of a named group? Other counts ("a five-story building",
    "12 vents") say too little of what they count; claim alignment compares them sentence by sentence."""
    if n.unit in ("age", "duration") or n.other or n.low == 0:
        # Ages are compared per person; a span is most often between two events ("died five days
        # later", "nine days after his death"); "up to 18" bounds, does not count.
        return False
    if n.percent or _FRACTION_AFTER.match(text, n.end):
        return False  # "two-thirds of Americans", "three out of four": shares, like percentages
    if _PART_AFTER.match(text, n.end):
        return False  # "Three of the suspects": a part of a group, not its count
    return n.unit in ROLE_UNITS if n.unit else bool(n.outcome or n.named)


def _measure(n: V.Number) -> tuple:
    """What a figure measures, coarsely: figures are compared only within one of these."""
    if n.percent:
        return ("percent",)
    if n.unit:
        return ("unit", n.unit)
    if n.outcome:
        return ("outcome", n.outcome)
    return ("count",)
