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
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from chorus import lexicon
from chorus.align import values as V
from chorus.align.claims import (
    _EVENT_KINDS,
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
# A clause that names nothing ("the accident last week, which killed 114 people including five on
# the ground") has no name to share with the other: it is in the other's role only if the two clauses
# share at least this share of the lighter one's weighted words (instead of MIN_ROLE_OVERLAP), the
# wording standing in for the name.
NAMELESS_OVERLAP = 0.5
# A magnitude is of one event, told on its day and the next ones; two articles more than this many
# days apart that give "the quake" a magnitude without naming its day tell two quakes (an aftershock,
# a new quake), as quakes recur in a story ("measured 5.2" on August 31, "registered 5.8" on September 13).
MAX_MAGNITUDE_GAP_DAYS = 7
# Two outlets' tolls ("the death toll rose to ...") of one outcome, told at most this many days apart,
# are the story's one total as of their telling, compared whatever their clauses' other words
# (``Roles._tolls_of_one_day``); further apart, a toll grows (an update, listed as such).
MAX_TOLL_GAP_DAYS = 1
# A name in fewer than this share of the story's sentences tells one thing from another ("the
# Izmit Refinery" is not "the epicenter"); names most sentences carry tell nothing apart.
DISTINCTIVE_NAME_SHARE = 0.05
# A place every article names is where the story is set (``Roles.story_setting``) only in a story of
# at least this many articles (two articles naming one place say little of a story's setting).
STORY_SETTING_MIN_ARTICLES = 3
# Counts that accumulate: a toll, the injured, the missing grow (or are revised) from day to day.
CUMULATIVE_OUTCOMES = frozenset({"dead", "injured", "missing", "arrested", "homeless", "evacuated", "ill"})
# Of those, the counts that can only grow as an event's count is made (the dead are not revived, an
# arrest is not undone, people made to leave their homes on Tuesday night were made to leave): between
# outlets, a later article's lower figure is a dispute, not an update (benchmarks/claims/PROTOCOL.md,
# "Updates and conflicts"). The missing are found and the homeless rehoused: their counts fall as well
# as rise. So does any count told as standing ("remain evacuated", "still in hospital":
# ``lexicon.STANDING_WORDS``), whatever its outcome.
GROWING_OUTCOMES = frozenset({"dead", "injured", "arrested", "ill", "evacuated"})
# What a figure measures for it to be compared by role: what happened to people (a toll), a
# named group, a physical measure, and a percentage of a whole its sentence names ("82 percent of
# the seats": ``share_whole``). Sums of money and other percentages are of too many things in one
# story (a film's budget and its takings, a poll's findings) to be told apart by the words around
# them; claim alignment compares them sentence by sentence.
ROLE_UNITS = frozenset({"length", "area", "weight", "magnitude"})
# A clause with fewer content words than this (what happened to those counted aside) says too
# little to tell what its figure is of ("He received two life sentences.").
MIN_ROLE_WORDS = 3
# Pairs of figures looked at, at most, per story (a 1,000-article story has tens of thousands of
# figures): figures are compared only with those that share a noun next to them or a name.
MAX_ROLE_PAIRS = 400_000
# A measure told of the strongest of a set ("the largest of the aftershocks") is in the role of every
# outlet's measure of that strongest one (``Mention.superlative``); off, such clauses must share words.
SUPERLATIVE_ROLES = True
# Places spread over ("throughout the West Bank") and joined to a place ("in the West Bank and Gaza")
# are places of a figure's clause too (``role_places``): a count for two areas is not one for one.
WIDER_PLACES = True
# Words that place a thing but say nothing of what it is ("65 miles west of Izmit").
DIRECTIONS = frozenset(
    stem(w)
    for w in """north south east west northeast northwest southeast southwest northern southern eastern western
    away off apart long wide high deep tall across""".split()
)
# A noun, as the story uses it: a word it prints after a determiner ("the epicenter", "of aftershocks").
_DETERMINED = re.compile(
    r"\b(?i:the|a|an|its|their|his|her|this|these|those|of|some|many|several)\s+([a-z][a-z-]{2,})\b"
)
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
    part: bool = False  # one of the parts a total is told in ("all 109 aboard and four on the ground")
    # What a named group's or a name's count counts, the plural noun after the figure and its names
    # ("settlement" of "190 Israeli settlements" and of "Israel's 144 settlements"), if it says.
    counted: str | None = None
    owned: bool = False  # a count of what a name owns ("Israel's 144 settlements": ``_owner_of``)
    # The thing whose strongest its clause names ("aftershock" of "the largest of the aftershocks"), if any.
    superlative: str | None = None


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
    def names(self) -> frozenset[str]:
        """Words the story prints capitalised inside a sentence and never in lower case: names, also
        where a sentence opens with one ("Kakadu is almost 12,000 square miles")."""
        capitalised, lower = set(), set()
        for s in self.story.sentences:
            for k, w in enumerate(WORD_RE.findall(s.text)):
                if w[0].islower():
                    lower.add(self.unify(w))
                elif k > 0 and w[0].isupper():
                    capitalised.add(self.unify(w))
        return frozenset(capitalised - lower)

    @cached_property
    def _name_share(self) -> dict[str, float]:
        counts: dict[str, int] = {}
        for s in self.story.sentences:
            for key in {self.unify(w) for w in WORD_RE.findall(s.text) if w[0].isupper()}:
                counts[key] = counts.get(key, 0) + 1
        n = max(len(self.story.sentences), 1)
        return {k: c / n for k, c in counts.items()}

    def _numbers(self, index: int) -> list[V.Number]:
        """A sentence's figures, a count joined to another as one subject given its verb's outcome,
        and a count of what a name owns counted as a named group's (``_owner_of``)."""
        text = self.story.sentences[index].text
        out = []
        for n in V.shared_outcomes(self.aligner.numbers_of(index), text):
            if (owner := _owner_of(n, text)) is not None:
                n = replace(n, named=True, head=self.unify(owner))  # "Israel's 144 settlements": Israel's
            elif n.named:
                n = replace(n, head=self.unify(n.head))  # "190 Israeli settlements": Israel's too
            out.append(n)
        return out

    @cached_property
    def mentions(self) -> list[Mention]:
        """Every figure of the story that can be in a role: a measure with a unit, or a count of something."""
        out = []
        for s in self.story.sentences:
            numbers = [n for n in self._numbers(s.index) if _in_role(n, s.text)]
            if not numbers:
                continue
            sentence_words = frozenset(self.unify(w) for w in WORD_RE.findall(s.text))
            tokens = list(WORD_RE.finditer(s.text))
            for n in numbers:
                mention, _ = self._mention_or_why(s.index, n, tokens, sentence_words)
                if mention is not None:
                    out.append(mention)
        return out

    def why_unmentioned(self, index: int, n: V.Number) -> str | None:
        """Why sentence ``index``'s figure ``n`` is no mention (so never compared by role), or None
        when it is one (for benchmarks that trace a missed conflict)."""
        text = self.story.sentences[index].text
        if (why := not_in_role(n, text)) is not None:
            return why
        sentence_words = frozenset(self.unify(w) for w in WORD_RE.findall(text))
        return self._mention_or_why(index, n, list(WORD_RE.finditer(text)), sentence_words)[1]

    def _mention_or_why(self, index: int, n: V.Number, tokens, sentence_words) -> tuple[Mention | None, str | None]:
        """A figure's mention, or None and why it is none (the figure being in a role)."""
        s = self.story.sentences[index]
        if V.FORECAST.search(s.text):
            return (
                None,
                "a forecast",
            )  # a forecast's or a supposition's figure (the sentence's "predicted ... will rise")
        if n.unit == "length" and _PATH_END_BEFORE.search(s.text, max(0, n.start - 30), n.start):
            return None, "an end of a motion"  # "a dive from 33,000 feet down to 16,700 feet": a point on a path
        clause = _clause_of(s.text, n.text.strip())
        mention = self._mention(s.doc_index, s.index, n, clause, tokens, sentence_words)
        if sum(1 for k in mention.words if k not in _NOT_THINGS) < MIN_ROLE_WORDS:
            # A relative clause tells of the noun phrase before it ("the missile strike, which killed
            # one person and wounded seven others"): read with the clause it follows.
            at = s.text.find(clause)
            if at > 0 and _RELATIVE_OPENING.match(clause):
                start = max(s.text.rfind(mark, 0, max(0, at - 2)) for mark in ",;:_(")
                clause = s.text[start + 1 : at + len(clause)]
                mention = self._mention(s.doc_index, s.index, n, clause, tokens, sentence_words)
            if sum(1 for k in mention.words if k not in _NOT_THINGS) < MIN_ROLE_WORDS:
                return None, "a clause too short"
        return mention, None

    def _mention(self, doc: int, index: int, n: V.Number, clause: str, tokens, sentence_words) -> Mention:
        words: dict[str, float] = {}
        anchors = set()
        for m in WORD_RE.finditer(clause):
            w = m.group()
            if (
                w[0].isupper()
                and (m.start() > 0 or self.unify(w) in self.names)
                and len(w) > 1
                and is_content(w)
                and w.lower() not in _CALENDAR
            ):
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
            if w[0].isupper() and t.start() > 0 and w.lower() not in _CALENDAR:
                agent = _AGENT_BEFORE.search(text, max(0, t.start() - 20), t.start())
                if self._name_share.get(key, 1.0) < DISTINCTIVE_NAME_SHARE and not agent:
                    names.add(key)
            elif key in self.nouns and key not in _NOT_THINGS and is_content(w):
                things.add(key)
        if n.head and not n.unit and _WORD_CLASSES.get(n.head, n.head) not in _NOT_THINGS:
            things.add(_WORD_CLASSES.get(n.head, n.head))
        if n.percent:
            # A share is of the whole its sentence names after it, and of nothing else it is near.
            whole = share_whole(text, n)
            things = {self.unify(whole)} if whole else set()
        if _journey_span(n, text):
            things.add(JOURNEY)
        elif n.unit == "duration":
            things = {TENURE}  # a span in a post is of the post, and of nothing else it is near
        if _depth(n, text):
            things.add(DEPTH)
        day = published_day(self.story.documents[doc].published)
        years = frozenset(m.group(0) for m in V.YEAR.finditer(clause)) - ({str(day.year)} if day else set())
        places = role_places(clause) - self.aligner.common_places
        days = frozenset(m.group(0).lower() for find in (V.event_weekdays, V.event_dates) for m in find(clause))
        period = _PERIOD.search(clause)
        return Mention(
            doc,
            index,
            n,
            words,
            frozenset(things),
            frozenset(names),
            frozenset(anchors),
            frozenset(places),
            years,
            days,
            period.group(0).lower() if period else None,
            _event_kind(clause, n.text.strip()),
            sentence_words,
            _is_part(n, self._numbers(index), text),
            self._counted(n, text) if n.named else None,
            _owner_of(replace(n, named=False), text) is not None if n.named else False,
            self._superlative(clause) if n.unit in ROLE_UNITS else None,
        )

    def _superlative(self, clause: str) -> str | None:
        """The noun whose strongest a clause names, unified ("aftershock" of "The largest of the
        aftershocks was magnitude 5.3" and of "The most powerful one of the aftershocks")."""
        m = _SUPERLATIVE.search(clause)
        return self.unify(m.group("noun")) if m else None

    def _counted(self, n: V.Number, text: str) -> str | None:
        """The plural noun a count names after its figure and the names that follow it ("settlements"
        of "190 Israeli settlements"; none in "12 Americans were killed")."""
        for m in WORD_RE.finditer(text, n.end):
            w = m.group()
            if w[0].isupper():
                continue
            return self.unify(w) if is_content(w) and w.lower().endswith("s") else None
        return None

    def one_role(self, x: Mention, y: Mention) -> bool:
        """Are two figures of two articles in one role (whatever their values)?"""
        return self.refusal(x, y) is None

    def refusal(self, x: Mention, y: Mention) -> str | None:
        """Why two figures of two articles are not in one role (the first test that refuses them,
        by name), or None when they are."""
        if not V.same_thing_counted(x.number, y.number):
            return "another thing counted"
        if x.counted != y.counted and (x.counted and y.counted or x.owned or y.owned):
            # "Israel's 144 settlements" / "190 Israeli soldiers"; "the Concorde's four engines" / "five Concordes"
            return "another thing counted"
        if x.part != y.part:
            return "a part and a total"  # "all 109 aboard and four on the ground" / "killed 113"
        if x.years != y.years:
            return "another year"  # "a magnitude 8.2 quake in 1939"
        if x.period != y.period:
            return "another period"  # a total over a span ("25 killed in the past week") is no count of one event
        if x.number.unit == "magnitude" and not (x.days & y.days) and self._days_apart(x, y) > MAX_MAGNITUDE_GAP_DAYS:
            return "magnitudes weeks apart"  # a later quake's ("registered 5.8" two weeks after "measured 5.2")
        if x.days and y.days and not (x.days & y.days):
            return "another day"  # "17 civilians Thursday" / "31 died ... overnight" on Monday
        if x.event and y.event and x.event != y.event:
            return "another kind of event"  # the aftershock's magnitude, not the quake's
        if (JOURNEY in x.things or JOURNEY in y.things) and not (
            JOURNEY in x.things & y.things and self._journey_ends(x) and self._journey_ends(y)
        ):
            return "a span of another journey"  # "crashed 40 minutes after takeoff"
        if (DEPTH in x.things) != (DEPTH in y.things):
            return "a depth and another length"  # "350 feet below the surface"
        if DEPTH in x.things:
            # The depth where the story's wreck lies, however the clauses are worded; not another
            # wreck's ("In a 1983 Soviet submarine accident, the crew perished ... from a depth of 180 feet").
            if self._sentence_years(x) != self._sentence_years(y):
                return "another wreck's depth (a year)"
            if (x.names - y.sentence_words) or (y.names - x.sentence_words):
                return "another wreck's depth (a name)"
            return None
        if x.number.percent and not (x.things & y.things):
            return "shares of two wholes"  # "percent of the vote" / "percent of the seats"
        if self._one_days_count(x, y):
            # Two outlets' counts of one outcome told within a day, both stated as a toll or both of
            # one named day: the story's one total, however the clauses are worded ("The death toll in
            # the monster earthquake ... reached 17,997 on Tuesday" / "said the death toll rose to
            # 17,997, but revised that figure down to 12,514"; "police raids Wednesday resulted in the
            # arrest of 100 people" / "on Wednesday, arresting some 70 suspected racists").
            return None if self._placed(x, y) and self._placed(y, x) else "another place"
        if SUPERLATIVE_ROLES and x.superlative is not None and x.superlative == y.superlative:
            # The strongest of one set, however the clauses are worded ("The largest of the aftershocks
            # was magnitude 5.3" / "The most powerful one of the aftershocks, with a magnitude of five").
            return None if self._placed(x, y) and self._placed(y, x) else "another place"
        if x.things and y.things and not (x.things & y.things or x.names & y.names):
            return "nothing in common next to the figures"  # another thing ("a team of 90 people")
        nameless = not (x.anchors and y.anchors)
        if not nameless and not any(self.aligner.one_place(a, b) for a in x.anchors for b in y.anchors):
            return "no name in common"  # two events of a kind ("the Lauda Air crash killed 223", "EgyptAir Flight 990")
        if (x.names - y.sentence_words) or (y.names - x.sentence_words):
            return "a name next to one figure only"  # "the Izmit Refinery"
        if not x.number.unit and not (self._placed(x, y) and self._placed(y, x)):
            return "another place"  # a count for a place against one for another, or for all
        if overlap(x.words, y.words) < (NAMELESS_OVERLAP if nameless else MIN_ROLE_OVERLAP):
            return "clauses share too few words"
        return None

    def _one_days_count(self, x: Mention, y: Mention) -> bool:
        """Are both figures counts of one outcome that accumulates (``CUMULATIVE_OUTCOMES``), from
        articles at most MAX_TOLL_GAP_DAYS apart (both dated), both stated as a toll ("the death toll
        rose to ..."), both of one day their clauses name ("raids Wednesday"), or both of one kind of
        event told the same day ("the missile strike, which ... wounded seven others" / "the attack
        ... with 10 people wounded")?"""
        if not (x.number.outcome in CUMULATIVE_OUTCOMES and x.number.outcome == y.number.outcome):
            return False
        days = [published_day(self.story.documents[m.doc].published) for m in (x, y)]
        if days[0] is None or days[1] is None or abs((days[0] - days[1]).days) > MAX_TOLL_GAP_DAYS:
            return False
        if x.days & y.days:
            return True
        if days[0] == days[1] and x.event is not None and x.event == y.event:
            return True  # one kind of event, told the same day by both ("the missile strike" / "the attack")
        texts = self.story.sentences[x.sentence].text, self.story.sentences[y.sentence].text
        return V.stated_as_toll(texts[0], x.number) and V.stated_as_toll(texts[1], y.number)

    def _sentence_years(self, m: Mention) -> frozenset[str]:
        """The years a mention's whole sentence names, but that of its article's day."""
        day = published_day(self.story.documents[m.doc].published)
        found = frozenset(y.group(0) for y in V.YEAR.finditer(self.story.sentences[m.sentence].text))
        return found - ({str(day.year)} if day else set())

    def _days_apart(self, x: Mention, y: Mention) -> int:
        """Days between the two mentions' articles (0 when either is undated)."""
        days = [published_day(self.story.documents[m.doc].published) for m in (x, y)]
        return abs((days[0] - days[1]).days) if days[0] and days[1] else 0

    def _journey_ends(self, m: Mention) -> bool:
        """Does a span from a journey's start run to its end: a crash or a sinking its sentence names,
        or deaths ("plunged into the Atlantic ... All 217 people aboard died")? Not to a moment on the
        way ("30 minutes into the flight ... the autopilot was switched off")."""
        if m.event is not None:
            return True
        return any(V.OUTCOMES.get(stem(w)) == "dead" for w in WORD_RE.findall(self.story.sentences[m.sentence].text))

    def agrees(self, x: Mention, y: Mention) -> bool:
        """Does x give y's figure in y's role, from another article? The same figure of the same
        measure next to the same thing ("a magnitude 7.4 quake" / "the 7.4 magnitude quake") needs
        no name in common; a figure that only allows y's does."""
        if x.doc == y.doc or V.disjoint(x.number, y.number):
            return False
        if x.number.low == y.number.low and x.number.high == y.number.high and V.same_thing_counted(x.number, y.number):
            return bool(x.things & y.things) and x.years == y.years and x.period == y.period and x.part == y.part
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

    @cached_property
    def story_setting(self) -> frozenset[str]:
        """The places every article of the story names and that it sets in no other place ("Turkey"
        in eight articles on the Turkish quake): where the whole story is set, so where a sentence
        that names no place of its own (nor does its article before it) tells its figure. A place
        the story sets in another ("Yalova" in "Yalova, Turkey") is a part of the story's setting."""
        if len(self.story.documents) < STORY_SETTING_MIN_ARTICLES:
            return frozenset()
        named: list[set[str]] = [set() for _ in self.story.documents]
        for sentence in self.story.sentences:
            named[sentence.doc_index].update(self.aligner.places_of(sentence.index))
            named[sentence.doc_index].update(sentence.stems)
        inner = self.aligner.place_within
        return frozenset(p for p in self.aligner.story_places if p not in inner and all(p in words for words in named))

    def _placed(self, x: Mention, y: Mention) -> bool:
        """Is every place of x's clause one y's sentence names or its article set the story in (or,
        when neither names a place, the whole story: ``story_setting``)?"""
        if not x.places:
            return True
        theirs = y.sentence_words | self.setting(y.sentence)
        if not self.setting(y.sentence):
            theirs |= self.story_setting
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


def overlap(x: dict[str, float], y: dict[str, float]) -> float:
    """The weight of two clauses' common words, as a share of the lighter clause's."""
    smaller = min(sum(x.values()), sum(y.values()))
    return sum(min(x[k], y[k]) for k in x.keys() & y.keys()) / smaller if smaller > 0 else 0.0


# "identified as magnitude 7.5 by the MIT scientists": who gives the figure, not what it is of.
_AGENT_BEFORE = re.compile(r"\b(?:by|according\s+to|from)\s+(?:the\s+)?$", re.IGNORECASE)


_FRACTION_AFTER = re.compile(
    r"-(?:thirds?|quarters?|fifths?|halves|half)\b|\s+(?:out\s+of|in)\s+(?:every\s+)?(?:\d|ten|four|five|three)",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"\b(?:in|over|during|for)\s+the\s+(?:past|last|previous|first)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?)\b"
    r"|\b(?:this|last)\s+(?:week|month|year|season)\b(?!['’]s)|\bso\s+far\s+this\s+\w+",
    re.IGNORECASE,
)
# A length that is where a motion starts or ends ("descent from 33,000 feet", "climbed back to 24,000
# feet", "dive down to 16,700 feet"): a point on a path, which two outlets give for different moments.
_PATH_END_BEFORE = re.compile(
    r"\b(?:from|(?:(?:down|up|back)\s+)?to)\s+(?:about|around|some|nearly|roughly|almost|just\s+under|just\s+over)?\s*$",
    re.IGNORECASE,
)
# Counts of one outcome told as the parts of a total: joined ("all 109 people on board and four on
# the ground", "109 aboard were killed as well as five on the ground"), or one included in another
# ("killed 114 people including five on the ground": five is a part, 114 the total); a bare count
# joined to a toll ("killed all 109 aboard, mainly German tourists, and four on the ground") is of it.
_JOINED = re.compile(r"\b(?:and|as\s+well\s+as|plus)\b", re.IGNORECASE)
_INCLUDED = re.compile(r"\b(?:including|among\s+them)\b", re.IGNORECASE)
PART_GAP = 50  # characters between two counts told as parts of one total, at most ("109 people aboard were killed as well as five")


def _is_part(n: V.Number, numbers: list[V.Number], text: str) -> bool:
    """Is a count of what happened to people one part of a total its sentence tells in parts?"""
    if not n.outcome:
        return False
    for other in numbers:
        if other.start == n.start or (other.outcome and other.outcome != n.outcome):
            continue
        first, second = (other, n) if other.end <= n.start else (n, other)
        gap = text[first.end : second.start]
        if len(gap) > PART_GAP or any(first.end <= m.start < second.start for m in numbers if m not in (first, second)):
            continue
        if _JOINED.search(gap) and not _INCLUDED.search(gap):
            return True  # both are parts
        if _INCLUDED.search(gap) and second is n:
            return True  # the one included is a part; the one it is in is the total
    return False


_RELATIVE_OPENING = re.compile(r"\s*(?:which|who|that)\b", re.IGNORECASE)
_PART_AFTER = re.compile(r"\s+of\s+(?:the|them|those|whom|these|its|their)\b", re.IGNORECASE)
_CALENDAR = lexicon.MONTHS_AND_DAYS  # ("Oct." of "Oct. 31" is no name: days are compared as days)


# A span counted from the start of a journey: "crashed 40 minutes after takeoff", "30 minutes into
# the flight", "some 40 minutes out of Kennedy". Its start is fixed, so two outlets' spans to one
# kind of event of one journey are two values of one quantity (unlike "died five days later").
_JOURNEY_START_AFTER = re.compile(
    r"\s*-?\s*(?:seconds?|minutes?|hours?|days?)\s+(?:after|into|out\s+of)\s+(?:(?:the|its|his|her|their|a)\s+)?(?:[\w-]+\s+)?"
    r"(?:take-?off|flight|departure|launch|lift-?off|liftoff|voyage)\b"
    r"|\s*-?\s*(?:seconds?|minutes?|hours?|days?)\s+out\s+of\s+(?:New\s+York|[A-Z][a-z]+)\b"
)
JOURNEY = "journey"  # the thing such a span is of
# A depth under water: "at a depth of 100 meters", "350 feet below the waves", "in 245 feet of water",
# "80 meter deep", "100 meters undersea". A story of a wreck on the sea floor gives one such depth (where
# it lies), however the sentences around it are worded.
_DEPTH_AFTER = re.compile(
    r"\s*-?\s*(?:feet|foot|ft|meters?|metres?)\b\.?\s+(?:deep\b|below\s+(?:the\s+)?(?:surface|waves|sea)\b"
    r"|under\s*(?:water|the\s+sea)\b|undersea\b|underwater\b|of\s+water\b|down\b"
    r"|(?:on|at)\s+the\s+(?:bottom|seabed|sea\s+floor|ocean\s+floor)\b)",
    re.IGNORECASE,
)
_DEPTH_BEFORE = re.compile(r"\bdepths?\s+of\s+$", re.IGNORECASE)
DEPTH = "depth"  # the thing such a length is of


# A span someone spent in a post, which outlets give for one person whatever else their sentences
# tell: "a 16-year veteran of the KGB", "a 20-year career", "served for 15 years as an agent", "worked
# 20 years at the plant". (Other spans, "five days later", "a two-minute trailer", are between two
# events or of one of several things of a kind; claim alignment compares them sentence by sentence.)
_TENURE_AFTER = re.compile(r"-(?:year|month)\s+(?:veteran|career|tenure)\b")
_TENURE_BEFORE = re.compile(
    r"\b(?:served|worked)\s+(?:for\s+)?(?:about\s+|nearly\s+|almost\s+|some\s+)?$", re.IGNORECASE
)
TENURE = "tenure"  # the thing such a span is of


_SUPERLATIVE = re.compile(
    r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in lexicon.SIZE_SUPERLATIVES) + r")\s+"
    r"(?:(?:one\s+)?of\s+(?:the|its|these|those)\s+)?(?P<noun>[a-z][a-z-]+)",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*"
_SPREAD_PLACE = re.compile(
    r"\b(?i:" + "|".join(lexicon.SPREAD_PREPOSITIONS) + r")\s+(?:the\s+)?(?P<name>" + _NAME + ")"
)
_JOINED_PLACE = re.compile(
    r"\b(?i:in|at|near|"
    + "|".join(lexicon.SPREAD_PREPOSITIONS)
    + r")\s+(?:the\s+)?"
    + _NAME
    + r"\s+and\s+(?:the\s+)?(?P<name>"
    + _NAME
    + ")"
)


def role_places(clause: str) -> frozenset[str]:
    """The places a figure's clause names (``place_stems``) and, with WIDER_PLACES, those it spreads
    the figure over ("throughout the West Bank") or joins to a place ("in the West Bank and Gaza")."""
    found = place_stems(clause)
    if not WIDER_PLACES:
        return found
    extra = {
        stem(w)
        for pattern in (_SPREAD_PLACE, _JOINED_PLACE)
        for m in pattern.finditer(clause)
        for w in WORD_RE.findall(m.group("name"))
        if is_content(w) and w.lower() not in _CALENDAR and w not in lexicon.PLACE_KIND_WORDS
    }  # ("Gaza Strip" is Gaza)
    return found | frozenset(extra)


def _tenure(n: V.Number, text: str) -> bool:
    """Is a span the time someone spent in a post ("a 16-year veteran of", "served for 15 years")?"""
    return bool(_TENURE_AFTER.match(text, n.end) or _TENURE_BEFORE.search(text, 0, n.start))


def _depth(n: V.Number, text: str) -> bool:
    return n.unit == "length" and bool(_DEPTH_AFTER.match(text, n.end) or _DEPTH_BEFORE.search(text, 0, n.start))


def _journey_span(n: V.Number, text: str) -> bool:
    return n.unit == "duration" and bool(_JOURNEY_START_AFTER.match(text, n.end))


# A name's possessive right before a count ("Israel's 144 settlements", "Quebec's 7.4 million people"):
# the count of what that name owns, a whole as fixed as a named group ("190 Israeli settlements").
_OWNER_BEFORE = re.compile(r"\b(?P<owner>[A-Z][\w.&-]*)['’]s?\s+$")


def _owner_of(n: V.Number, text: str) -> str | None:
    """The name that owns what a bare count (no unit, outcome or share) counts, the thing a plural
    noun after it ("Israel" of "Israel's 144 settlements"; not "Tuesday's 12", a day's), if any."""
    if n.unit or n.outcome or n.percent or n.named or n.other or not n.head:
        return None
    owner = _OWNER_BEFORE.search(text, 0, n.start)
    if owner is None or owner.group("owner").lower().rstrip(".") in _CALENDAR:
        return None
    rest = text[n.end :]
    after = WORD_RE.match(rest, len(rest) - len(rest.lstrip()))
    if after is None or not after.group()[0].islower() or not after.group().lower().endswith("s"):
        return None
    return owner.group("owner")


def _in_role(n: V.Number, text: str = "") -> bool:
    """Can a figure be compared by its role: a measure with a unit, a percentage of a named whole, or
    a count of people with what happened to them or of a named group? Other counts ("a five-story building",
    "12 vents") say too little of what they count; claim alignment compares them sentence by sentence."""
    return not_in_role(n, text) is None


def not_in_role(n: V.Number, text: str = "") -> str | None:
    """Why a figure is not compared by its role (``_in_role``), or None when it is."""
    if _journey_span(n, text) and not n.other:
        return None
    if n.unit == "duration" and not n.other and _tenure(n, text):
        return None  # "a 16-year veteran of the KGB", "served for 15 years as an agent"
    if n.unit in ("age", "duration"):
        # Ages are compared per person; a span is most often between two events ("died five days
        # later", "nine days after his death").
        return f"a{'n' if n.unit == 'age' else ''} {n.unit}"
    if n.other:
        return "others than those counted"
    if n.low == 0:
        return "a bound from zero"  # "up to 18" bounds, does not count
    if n.percent:
        # "won 82 percent of the seats", not a poll's "45 percent"
        return None if share_whole(text, n) is not None else "a percentage of no named whole"
    if _FRACTION_AFTER.match(text, n.end):
        return "a fraction"  # "two-thirds of Americans", "three out of four": shares of groups a story has many of
    if _PART_AFTER.match(text, n.end):
        return "a part of a group"  # "Three of the suspects": a part of a group, not its count
    if n.unit:
        return None if n.unit in ROLE_UNITS else f"a unit not compared by role ({n.unit})"
    return None if (n.outcome or n.named) else "a count with no outcome or named group"


# A share of a whole its sentence names: "won 82 percent of the seats in the assembly", "62 percent of
# the surplus". The whole is the noun that ends the phrase after "of the" ("seats").
_SHARE_OF_AFTER = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|this|that|all)\s+(?P<phrase>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})"
)


def share_whole(text: str, n: V.Number) -> str | None:
    """The whole a percentage is a share of ("seats" of "82 percent of the seats in the assembly"), if its
    sentence names one right after it."""
    found = _SHARE_OF_AFTER.match(text, n.end)
    if found is None:
        return None
    words = []
    for w in found.group("phrase").split():
        if not is_content(w):
            break
        words.append(w)
    return words[-1] if words else None


def _measure(n: V.Number) -> tuple:
    """What a figure measures, coarsely: figures are compared only within one of these."""
    if n.percent:
        return ("percent",)
    if n.unit:
        return ("unit", n.unit)
    if n.outcome:
        return ("outcome", n.outcome)
    return ("count",)


# --- moments in one role: the hour, date or weekday outlets give one event -------------------
#
# "The earthquake ... hit Turkey at 3:02 a.m." / "the 6.7-degree earthquake which ripped through
# western Turkey at 3:00 am"; "Gingrich filed for divorce July 19" / "filed for divorce July 29";
# "the Kursk sank on Saturday" / "sank Sunday". What such a value times is the event its sentence
# names (its kind, for an hour) and the words just before it (the action: "filed for divorce");
# the day a source spoke, a weekday that names an event ("Friday's bombing"), forecasts, another
# year and copies are set aside as for figures.

# "at 3:02 a.m.", "shortly after 9 p.m.", "about 3 a.m.", "12:02 local time"; not "0902 GMT".
_CLOCK_TIME = re.compile(
    r"(?<![\d:.,])(?P<hedge>(?:shortly|just|soon)\s+(?:after|before)\s+|(?:about|around|approximately|nearly|after|before)\s+)?"
    r"(?P<hour>\d{1,2})(?::(?P<minute>[0-5]\d))?(?!\d)(?:\s*(?P<half>[ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
# How far a hedged hour reaches, in minutes: (before, after) its printed value.
CLOCK_HEDGES = {
    "shortly after": (0, 30),
    "just after": (0, 30),
    "soon after": (0, 30),
    "after": (0, 60),
    "shortly before": (30, 0),
    "just before": (30, 0),
    "before": (60, 0),
    "nearly": (15, 0),
    "about": (15, 15),
    "around": (15, 15),
    "approximately": (15, 15),
}
ROUND_HOUR_SPAN = 15  # "3 a.m." may be said of 3:04 (minutes either way)
# Two outlets' hours for one event are minutes apart (3:00 / 3:02 / 3:04 a.m.); hours apart, they
# time two moments (the quake and its largest aftershock, the fire's start and its control).
MAX_CLOCK_GAP = 60
# Two outlets' dates for one act are days apart (July 19 / July 29); a month or more, two acts.
MAX_DATE_GAP = 31
# Two outlets' weekdays for one act name days next to each other ("sank Saturday" / "sank Sunday");
# days further apart within the week are two acts of a story told day by day.
MAX_WEEKDAY_GAP = 2
WHEN_WINDOW = 5  # content words before a moment that tell what it is the moment of
_MONTH_INDEX = {m.lower()[:3]: k for k, m in enumerate(lexicon.MONTHS)}
_WEEKDAY_INDEX = {d.lower(): k for k, d in enumerate(lexicon.WEEKDAYS)}
# An hour only when it says so: minutes or a.m./p.m. ("3 a.m.", "3:02"), not "at 3 of them".
_NOT_HOUR_AFTER = re.compile(r"\s*(?:percent|%|-|to\b|and\b|or\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Moment:
    """An hour, date or weekday as one article's sentence gives it, with what it is the moment of."""

    doc: int
    sentence: int
    kind: str  # "time", "date" or "weekday"
    text: str  # as printed, hedge aside ("3:02 a.m.", "July 29", "Saturday")
    low: int  # minutes of the day, the date's day of the year, or the weekday's day (ordinal, from the article's day)
    high: int
    slot: frozenset[str]  # content words just before it (classes unified): the act it times
    words: dict[str, float]  # its clause's content words and their weights
    anchors: frozenset[str]  # the names of its clause
    event: str | None
    years: frozenset[str]
    role: str | None  # a weekday's role: start, end, or a reference ("Friday's bombing")


def clock_times(text: str) -> list[tuple[re.Match[str], int, int]]:
    """Each hour ``text`` gives, with the minutes of the day it allows (low, high)."""
    out = []
    for m in _CLOCK_TIME.finditer(text):
        minute, half = m.group("minute"), (m.group("half") or "").lower()
        if minute is None and not half:
            continue
        hour = int(m.group("hour"))
        if hour > (12 if half else 23) or (half and hour == 0) or _NOT_HOUR_AFTER.match(text, m.end()) and not half:
            continue
        if half:
            hour = hour % 12 + (12 if half == "p" else 0)
        at = hour * 60 + int(minute or 0)
        hedge = " ".join((m.group("hedge") or "").lower().split())
        before, after = CLOCK_HEDGES.get(hedge, (0, 0))
        if not hedge and minute is None:
            before = after = ROUND_HOUR_SPAN
        out.append((m, at - before, at + after))
    return out


class Moments:
    """The hours, dates and weekdays of a story in their roles, and which of them dispute one another."""

    def __init__(self, roles: Roles) -> None:
        self.roles = roles
        self.aligner = roles.aligner
        self.story = roles.story

    @cached_property
    def names(self) -> frozenset[str]:
        """Words the story prints capitalised inside a sentence: names, not a sentence's first word."""
        return frozenset(
            self.roles.unify(m.group())
            for s in self.story.sentences
            for m in WORD_RE.finditer(s.text)
            if m.start() > 0 and m.group()[0].isupper() and is_content(m.group())
        )

    @cached_property
    def moments(self) -> list[Moment]:
        out = []
        for s in self.story.sentences:
            text = s.text
            if V.FORECAST.search(text):
                continue  # "expected to arrive Saturday": a forecast's day
            found: list[tuple[str, re.Match[str], int, int]] = []
            for m, low, high in clock_times(text):
                found.append(("time", m, low, high))
            published = published_day(self.story.documents[s.doc_index].published)
            for m in V.event_dates(text):
                if (day := _date_ordinal(m, published)) is not None:
                    found.append(("date", m, day, day))
            # The day meant: news tells the past week by its weekdays ("sank Saturday" in Monday's
            # paper is two days back); undated, a weekday cannot be placed.
            if published is not None:
                for m in V.event_weekdays(text):
                    day = _weekday_ordinal(m, published)
                    found.append(("weekday", m, day, day))
            for kind, m, low, high in found:
                out.append(self._moment(s.doc_index, s.index, kind, m, low, high))
        return out

    def _moment(self, doc: int, index: int, kind: str, m: re.Match[str], low: int, high: int) -> Moment:
        text = m.string
        start = m.start("hour") if kind == "time" else m.start()
        # A date as its month and day ("July 19" of "July 19, 1999"): the day is what is disputed.
        printed_text = text[start : m.end("day") if kind == "date" else m.end()].strip()
        clause = _clause_of(text, printed_text)
        words: dict[str, float] = {}
        anchors = set()
        for w_m in WORD_RE.finditer(clause):
            w = w_m.group()
            if w[0].isupper() and len(w) > 1 and is_content(w) and w.lower() not in _CALENDAR:
                key = self.roles.unify(w)
                if w_m.start() > 0 or key in self.names:  # a clause's first word, if the story names it
                    anchors.add(key)
            if not is_content(w) or w[0].isdigit() or w.lower() in _CALENDAR or w.lower() in _CLOCK_WORDS:
                continue
            key = self.roles.unify(w)
            if key not in REPORTING_WORDS:
                words[key] = max(words.get(key, 0.0), self.roles.weight(key))
        # The act: the common words just before the value, names (the anchors) and the event's
        # own noun aside ("volunteered information on the Nairobi bombing on Aug. 8" is not when
        # the bombing was).
        before = [
            self.roles.unify(w)
            for w in WORD_RE.findall(text[max(0, m.start() - 80) : m.start()])
            if is_content(w)
            and w.islower()
            and w.lower() not in _CALENDAR
            and w.lower() not in _CLOCK_WORDS
            and stem(w) not in _EVENT_KINDS
        ][-WHEN_WINDOW:]
        day = published_day(self.story.documents[doc].published)
        years = frozenset(y.group(0) for y in V.YEAR.finditer(clause)) - ({str(day.year)} if day else set())
        if kind == "date" and m.group("year"):
            years -= {m.group("year")}  # the date's own year is in its value
        return Moment(
            doc,
            index,
            kind,
            printed_text,
            low,
            high,
            frozenset(before) - REPORTING_WORDS,
            words,
            frozenset(anchors),
            _event_kind(text, printed_text),
            years,
            V.weekday_role(m) if kind == "weekday" else None,
        )

    def one_role(self, x: Moment, y: Moment) -> bool:
        """Are two moments of two articles the moment of one act (whatever their values)?"""
        return self.refusal(x, y) is None

    def refusal(self, x: Moment, y: Moment) -> str | None:
        """Why two moments of two articles are not the moment of one act (the first test that refuses
        them, by name), or None when they are."""
        if x.kind != y.kind:
            return "another kind of moment"
        if x.years != y.years:
            return "another year"
        if not V.same_role(x.role, y.role):
            return "another role of the day"  # a start, an end, a reference ("Friday's bombing")
        if x.event != y.event and (x.event and y.event or x.kind == "time"):
            return "another kind of event"  # an hour must say what it is the hour of
        if x.kind != "time" and not (x.slot & y.slot):
            return "another act"  # "was attacked Oct. 7" / "died Oct. 12"
        if not any(self.aligner.one_place(a, b) for a in x.anchors for b in y.anchors):
            return "no name in common"  # another person's act, another event of a kind
        if x.kind == "time":
            return None  # one kind of event, one name, minutes apart: its hour, however it is told
        if overlap(x.words, y.words) < MIN_ROLE_OVERLAP:
            return "clauses share too few words"
        return None

    @staticmethod
    def apart(x: Moment, y: Moment) -> bool:
        """Can the two values not both hold, yet be two outlets' values for one moment?"""
        if x.low <= y.high and y.low <= x.high:
            return False
        gap = abs((x.low + x.high) - (y.low + y.high)) / 2
        if x.kind == "time":
            return gap <= MAX_CLOCK_GAP
        if x.kind == "date":
            return gap <= MAX_DATE_GAP
        return gap <= MAX_WEEKDAY_GAP

    def agrees(self, x: Moment, y: Moment) -> bool:
        return x.doc != y.doc and x.low <= y.high and y.low <= x.high and self.one_role(x, y)

    def disputes(self) -> list[tuple[Moment, Moment]]:
        """Pairs of moments of two independent sources in one role whose values cannot both hold."""
        families = self.aligner.families
        # Only moments of one kind that share a name are compared: an index by (kind, name) keeps
        # the pairs few in a large story, and at most MAX_ROLE_PAIRS of them are looked at.
        by_name: dict[tuple[str, str], list[int]] = {}
        for k, m in enumerate(self.moments):
            for name in m.anchors:
                by_name.setdefault((m.kind, name), []).append(k)
        found: list[tuple[Moment, Moment]] = []
        seen: set[tuple[int, int]] = set()
        for members in sorted(by_name.values(), key=len):
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    x, y = self.moments[a], self.moments[b]
                    if (a, b) in seen or x.doc == y.doc or families.family_of(x.doc) == families.family_of(y.doc):
                        continue
                    seen.add((a, b))
                    if len(seen) > MAX_ROLE_PAIRS:
                        return found
                    if not self.apart(x, y) or not self.one_role(x, y):
                        continue
                    texts = (self.story.sentences[x.sentence].text, self.story.sentences[y.sentence].text)
                    if _quoted(texts[0], x.text) and _quoted(texts[1], y.text):
                        continue  # two people's own words
                    found.append((x, y))
        return found


_CLOCK_WORDS = frozenset("a.m p.m am pm gmt edt est local time o'clock".split())


def _date_ordinal(m: re.Match[str], published: date | None) -> int | None:
    """The day a date names, as an ordinal: its printed year, else the year of the article's day
    (the year before, for a month well after it: "Dec. 28" in a January paper)."""
    month = _MONTH_INDEX.get(m.group("month").lower()[:3])
    if month is None:
        return None
    if m.group("year"):
        year = int(m.group("year"))
    elif published is not None:
        year = published.year - (month + 1 - published.month > 1)
    else:
        year = 2000  # undated: the day of the year is all there is (a leap year takes Feb. 29)
    try:
        return date(year, month + 1, int(m.group("day"))).toordinal()
    except ValueError:
        return None  # "Feb. 30": no day


def _weekday_ordinal(m: re.Match[str], published: date) -> int:
    """The day a weekday names, as an ordinal: the latest such day on or before the article's."""
    return published.toordinal() - (published.weekday() - _WEEKDAY_INDEX[m.group(0).lower()]) % 7
