"""Claim alignment: does an article state a claim, contradict it, or stay silent on it?

A claim is a sentence (of the story, or typed by a user). An article
*states* it when one of its sentences, or two close ones (adjacent, or one between), carries the
claim's content: most of the claim's content words, weighted by how
distinctive they are in the story (inverse sentence frequency, so that the
story's topic words, which every sentence about the event carries, count
little and the words that make this claim this claim count much), with
spelling variants of names unified and every figure, date, day, year and
rank of the claim found with a compatible value. Attribution ("the fire
service said", "according to Haaretz") counts little: an outlet that
credits another source still states the claim.

An article *contradicts* the claim when a sentence carries its content but
for a value: another figure for the same thing counted ("more than 1,500
people" / "about 1,200 people"), another date, day, year or rank. A figure
the article itself gives as superseded ("police earlier had reported 65
dead") is a correction, not its figure. A figure is no dispute when it is
another event's: given for a place the claim does not name, or the claim's
article did not set it in ("the blast killed 11" in a Dar es Salaam story,
"in Nairobi ... killed 247"), or a total of several events ("the twin
bombings killed 258") against a figure for one, or the reverse. Everything
else is *silent*: the same event told without this claim is not this claim.

Every verdict carries the sentence(s) behind it, so a reader can check it.
The test is lexical and cheap: a claim is one sparse column slice of the
story's term matrix, then exact checks on the few sentences that carry
enough of its words. It is the one test behind the summary's citations, the
report's facts, conflicts and coverage, and ``chorus check``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

import numpy as np

from chorus import lexicon
from chorus.align import values as V
from chorus.align.families import SourceFamilies
from chorus.lexicon import WEEKDAYS
from chorus.references import quoted_mask
from chorus.segment import split_sentences
from chorus.sparse import distinct_values, sparse
from chorus.text import QUOTE_MARK_RE, STOP_WORDS, WORD_RE, is_content, stem
from chorus.types import Story

STATES = "states"
CALENDAR_KINDS = frozenset(("weekday", "date", "year", "time"))  # the kinds of Difference that say when
CONTRADICTS = "contradicts"
SILENT = "silent"
VERDICTS = (STATES, CONTRADICTS, SILENT)

# An evidence states a claim when it carries at least this share of the claim's weighted content.
STATES_COVERAGE = 0.5
# Two adjacent sentences carry more words by chance than one: a higher bar, and each must carry
# some of the claim ("He invited him to Moscow." after "Lavrov met Mashaal in Doha.").
PAIR_STATES_COVERAGE = 0.7
PAIR_MIN_SHARE = 0.2
# ... or with one sentence between them (a quotation, an aside): two claim-bearing sentences of one
# article this close together; farther apart they are two claims more often than one.
PAIR_GAP = 2
# A sentence contradicts the claim when, values aside, it carries this share of its content.
CONTRADICTS_COVERAGE = 0.5
# Names identify who and where, and in a story most sentences name the same people: they weigh
# this much of their usual weight.
NAME_WEIGHT = 0.6
# Names identify who and where; the rest says what happened. An evidence must carry this share of
# the rest too, or it is the same people in another claim ("Vandermolen said the company would pay
# for the shelters" for "Vandermolen said the company was cooperating fully").
PREDICATE_COVERAGE = 0.45
# A long claim is disputed by a sentence about one of its clauses: enough of the claim overall, and
# most of the words around the disputed figure (LOCAL_WORDS on each side).
CONTRADICTS_MIN_COVERAGE = 0.4
# A sentence disputes a claim's figure only if it carries at least this many words (or names) of its main clause.
MIN_DISPUTE_UNITS = 3
LOCAL_COVERAGE = 0.8
# A figure is disputed only about the same people and places: the evidence must carry this share of
# the names of the claim's main clause ("Mongolia and Japan established relations in 1972" is not
# disputed by "The United States and Mongolia established relations in 1987").
DISPUTE_NAME_COVERAGE = 0.6
LOCAL_WORDS = 4
# A claim of at most this many units of its main clause is said in so few words that half its weight
# is one common word and a class ("members" and any word for people): the evidence must find at
# least half of its own words ("The whaling crew members are also training together.").
SHORT_CLAIM_UNITS = 4
# The words of the person asked, between a word of asking and its "to" ("called for Condon to resign").
ASKED_OBJECT_WORDS = 4
# Sentences carrying less than this share are not looked at further.
CANDIDATE_COVERAGE = 0.3
# Words of an attribution clause ("..., a Hamas official has said") weigh this much of their usual weight.
ATTRIBUTION_WEIGHT = 0.1
# Words of a relative clause or an appositive (", who runs the group's politburo from Doha,",
# ", the exiled leader of the Hamas terror group,") are background, not the claim: they weigh this much.
DETAIL_WEIGHT = 0.3
# Words saying when and where the event happened ("on Monday", "in Doha") weigh this much.
ADJUNCT_WEIGHT = DETAIL_WEIGHT
# The untold when and where of a claim weigh together at most this share of the rest.
ADJUNCT_SHARE = 0.4
# A figure, date, day, year or rank of the claim weighs as much as the story's rarest word.
VALUE_WEIGHT_OF_MAX_IDF = 1.0

# Verbs and nouns of reporting carry no content of their own.
# "The ABSDF estimates that ..." tells who says so, as "said" does.
REPORTING_WORDS = frozenset(stem(w) for w in (*lexicon.REPORTING_WORDS, "estimates", "estimated"))
# A confirmation told in the claim's main clause ("Russia has confirmed both Lavrov's meeting ... and
# the invitation") says who vouches for what others had reported: an article that tells the meeting
# on a Hamas official's word does not say that Russia confirmed it, one that names the confirming
# side in other words does ("Mayoue, confirmed that an agreement was reached" / "Mayoue told the
# newspaper that ..."). At the end of a sentence (", police confirmed.") it is an attribution like
# any other (``strip_attribution``).
CONFIRMING_WORDS = frozenset(stem(w) for w in lexicon.CONFIRMING_VERBS)
# The words between a speaker's name and the verb that makes it the speaker ("Mayoue, told", "the
# Gingriches' attorney, John Mayoue, said"): farther, the name is another clause's.
SPEAKER_WINDOW = 4
# "More than 900 arrests have taken place": the event is its noun; "take place" says only that it happened.
_TAKE_PLACE = re.compile(r"\b(?:take|takes|took|taken|taking)\s+place\b", re.IGNORECASE)
# How a toll is reported ("the death toll has risen to 12"): in a sentence about a toll these
# verbs say nothing but that the figure is new.
TOLL_VERBS = frozenset(
    stem(w)
    for w in "rise rises rose risen rising climb climbs climbed reach reached reaches stand stands stood increase increased jump jumped".split()
)
NEGATIONS = frozenset("not no never nobody no-one none neither nor nothing without cannot".split())

# ", the Marrowick Fire Service said." / ", a Hamas official has said." / ", according to Haaretz." /
# ", the company said in a statement." Never from a thousands comma ("and 33,495 others were
# reported as injured, the ministry said": the injured are the claim's).
_TRAILING_ATTRIBUTION = re.compile(
    r",(?!\d)\s*(?:(?:according\s+to|citing)\s+[^,]{1,80}"
    r"|(?:[^,\"“”]{1,80}?\s+)?(?:has\s+|have\s+|had\s+)?"
    rf"(?:told\s+\w+|{lexicon.alternation(set(lexicon.ATTRIBUTION_VERBS) - {'told'})})"  # "told" with its audience
    r"(?:\s+in\s+an?\s+\w+)?(?:\s+(?:on\s+|late\s+|early\s+)?[\w.]+){0,2}(?:,\s*[^\"“”;,]{0,100})?)\s*[.!?]?[\"”’]?\s*$",
    re.IGNORECASE,
)
# ", who ... ," / ", which ... ." / ", where ... ,", ", the/a ... ," after a name, and "the/a ... ,"
# before one ("the exiled leader of Palestinian militant group Hamas, Khaled Meshaal,").
_DETAIL = re.compile(
    r",\s*(?:who|whom|whose|which|where|when)\b(?:[^,;]|(?<=\d),(?=\d{3}))*(?=,|;|$)"
    r"|,\s*(?:initially|originally|earlier|previously|up\s+from|down\s+from)\b[^,;]*(?=,)"
    # ", including MPs from all opposition parties, students, Buddhist monks ...": examples, to the end
    r"|,\s*including\b[^;“”\"]*?(?=[,.]?\s*(?:''|[\"”])?\s*$|;)"
    r"|(?<=[A-Z][a-z]),\s*(?:the|a|an|his|her|its|their)\s+[^,;]{3,80},"
    r"|\b(?:the|a|an)\s+[^,;]{3,80}?(?=,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3},)",
)
# An appositive after a name ("Khaled Mashaal, the exiled leader of Hamas,"): background, as a relative
# clause is. (One that ends the sentence too: dev recall +2, but it changed which sentences a DUC 2007
# summary picks, through the repeated-fact test, and lowered its ROUGE: not done.)
_APPOSITIVE = re.compile(
    r"\b[A-Z][\w'’-]*[a-z](?P<detail>,\s*(?:the|a|an|his|her|its|their)\s+"
    r"(?:[^,;“”\"]{3,80},))"
)


def detail_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` gives background (``_DETAIL``, ``_APPOSITIVE``), overlapping spans merged."""
    spans = sorted([m.span() for m in _DETAIL.finditer(text)] + [m.span("detail") for m in _APPOSITIVE.finditer(text)])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# Words that stand for one another in news about people: any word for people, for an explosion,
# and the words for dying, being injured, being evacuated ("the death toll rose to 12" / "killed 11 people").
_CLASS_MEMBERS: dict[str, frozenset[str]] = {
    "people": V.PEOPLE_NOUNS,
    "explosion": frozenset(
        stem(w) for w in "blast blasts bomb bombs bombing bombings explosion explosions explode exploded".split()
    ),
}
for _stem, _outcome in V.OUTCOMES.items():
    _CLASS_MEMBERS[_outcome] = _CLASS_MEMBERS.get(_outcome, frozenset()) | {_stem}
# A figure of people charged counts what a figure of people sentenced does, but a claim that someone
# was sentenced is not stated by his being charged: the stages of a case are words of their own.
LEGAL_STAGES = V.word_classes(
    {
        "charged": "charged charge charges indicted indictment",
        "convicted": "convicted conviction",
        "sentenced": "sentenced sentence sentences",
    }
)
_CLASS_MEMBERS.pop("charged", None)
for _stem, _stage in LEGAL_STAGES.items():
    _CLASS_MEMBERS[_stage] = _CLASS_MEMBERS.get(_stage, frozenset()) | {_stem}
# Words news uses for one another in telling what happened, with the irregular forms the stemmer
# leaves apart ("began" / "begin", "met" / "meeting"): a paraphrase says the claim in other words
# ("The blaze began just after 9 p.m." / "The fire broke out shortly after 9 p.m.").
EVENT_SYNONYMS = V.word_classes(
    {
        "begin": "begin begins began begun beginning start starts started starting erupt erupts erupted broke",
        "fire": "fire fires blaze blazes flames inferno",
        "building": "building buildings site sites facility facilities premises",
        "quake": "earthquake earthquakes quake quakes tremor temblor",
        "strike": "struck hit hits",
        "own": "own owns owned operate operates operated run",
        "meet": "meet meets met meeting",
        "travel": "travel travels travelled traveled travelling traveling visit visits visited",
        "discuss": "discuss discusses discussed discussing talk talks talked speak speaks spoke spoken brief briefs briefed",
        "situation": "situation situations conditions circumstances",
        "magnitude": "magnitude measuring measured",
        "war": "war wars conflict conflicts hostilities",
        "launch": "launch launches launched launching introduce introduces introduced introduction",
        "resign": "resign resigns resigned resignation quit quits",
        "protest": "protest protests protested protesters demonstration demonstrations demonstrators rally rallies march marches marched",
        "help": "help helps helped aid aided assist assists assisted assistance",
        "flee": "flee flees fled fleeing",
        "seek": "seek seeks sought seeking",
        "win": "win wins won winning",
        "lose": "lose loses lost losing",
        "fall": "fall falls fell fallen",
        "give": "give gives gave given",
        "take": "take takes took taken",
        "bring": "bring brings brought",
        "build": "build builds built",
        "send": "send sends sent",
        "hold": "hold holds held store stores stored",
        "find": "find finds found",
        "fight": "fight fights fought",
        "shoot": "shoot shoots shot",
        "sell": "sell sells sold",
        "buy": "buy buys bought",
        "leave": "leave leaves left",
        "catch": "catch catches caught",
        "write": "write writes wrote written",
        "choose": "choose chooses chose chosen",
        "accept": "accept accepts accepted agree agrees agreed",
    }
)
for _stem, _name in EVENT_SYNONYMS.items():
    if _stem not in V.OUTCOMES:
        _CLASS_MEMBERS[_name] = _CLASS_MEMBERS.get(_name, frozenset()) | {_stem}
# The acts news tells in several verbs (``lexicon.ACT_SYNONYMS``): a group with a word already in a
# class above joins that class. A verb and its noun ("agreed" / "agreement") were tried and not kept:
# blind4 +2 right, but in the DUC 2006 reports "agreement" stood for every agreement of a story ("With
# both parties agreeing to devote most of the surplus ..." one fact with "Many of the tax cuts in that
# agreement take effect this year"; "pay" / "payment" and "discover" / "discovery" cited other claims).
for _act, _words in lexicon.ACT_SYNONYMS.items():
    _stems = {stem(w) for w in _words.split()} - set(V.OUTCOMES)
    _name = next((n for n, members in _CLASS_MEMBERS.items() if members & _stems), _act)
    _CLASS_MEMBERS[_name] = _CLASS_MEMBERS.get(_name, frozenset()) | _stems
INTENT_CLASSES = V.word_classes(lexicon.INTENT_ADVERBS)  # stem -> class; a claim's must be said
for _stem, _name in INTENT_CLASSES.items():
    _CLASS_MEMBERS[_name] = _CLASS_MEMBERS.get(_name, frozenset()) | {_stem}
# Adverbs that tune a claim without making it ("just after 9 p.m." / "shortly after"): background,
# weighed as a manner is.
_NEGATED_ENDINGS = ("n't", "n’t")
# A claim about another event than the one the story tells ("Another strong earthquake ... struck
# western Turkey on Sunday"): the figures of the story's event are no dispute of its figures.
_ANOTHER_EVENT = re.compile(r"\s*(?:Another|A\s+second|A\s+third|A\s+new|A\s+fresh|A\s+further)\b")
# A figure joined to the word it counts ("70-member", "7.4-magnitude"): the word is the claim's too;
# an age ("21-year-old") is compared as a value, not as words.
_PLURAL = re.compile(r"[^s]s$")  # "officers", "leaders" (not "boss", not "press")
_FIGURE_HYPHEN = re.compile(r"(?<=\d)-(?=[A-Za-z])(?![A-Za-z]+-old\b)")
_AGE_COMPOUND = re.compile(r"-old$")
HEDGE_WORDS = frozenset(stem(w) for w in "just only even also still already".split())
_WORD_CLASSES = {member: name for name, members in _CLASS_MEMBERS.items() for member in members}
_CALENDAR_STEMS = frozenset(stem(w) for w in V.MONTHS + list(WEEKDAYS))
_NUMBER_WORDS = frozenset(lexicon.NUMBER_WORDS) | frozenset(lexicon.SCALE_WORDS)


@dataclass(frozen=True)
class Difference:
    """A value the claim and an article give differently."""

    kind: str  # number, rank, date, weekday or year
    claim: str  # as the claim prints it
    article: str  # as the article prints it


@dataclass(frozen=True)
class Evidence:
    """The sentence(s) of one article behind its verdict."""

    sentences: tuple[int, ...]  # Story.sentences indexes: one, or two of one article at most PAIR_GAP apart
    score: float  # share of the claim's weighted content they carry (1.0 for the claim itself)
    differences: tuple[Difference, ...] = ()
    lead: int | None = None  # of two sentences, the one that carries more of the claim

    @property
    def main(self) -> int:
        """The sentence that carries the claim (of a pair, the one that carries more of it)."""
        return self.lead if self.lead is not None else self.sentences[0]


@dataclass(frozen=True)
class ArticleVerdict:
    doc_index: int
    verdict: str  # states, contradicts or silent
    evidence: Evidence | None = None  # None when silent


class Judgment(NamedTuple):
    """What some sentences of an article say about a claim (``Aligner._judge``)."""

    evidence: Evidence | None  # states (no differences), contradicts (differences), or None: neither
    told_otherwise: bool  # they say the claim, but on another day, date, year or hour than the claim's
    placed_otherwise: bool = False  # they say the claim, but set it in another place than the claim's


@dataclass
class ClaimCheck:
    """What every article of a story says about one claim."""

    claim: str
    articles: list[ArticleVerdict]  # one per document, in story order
    independent_sources: int  # source families among the articles that state it
    sentence: int | None = None  # the claim's own Story sentence, when it is one
    story: Story | None = field(default=None, repr=False)  # what it was checked against

    def with_verdict(self, verdict: str) -> list[ArticleVerdict]:
        return [a for a in self.articles if a.verdict == verdict]

    @property
    def stating(self) -> list[int]:
        return [a.doc_index for a in self.articles if a.verdict == STATES]

    @property
    def contradicting(self) -> list[int]:
        return [a.doc_index for a in self.articles if a.verdict == CONTRADICTS]


@dataclass
class Claim:
    """A claim's content, ready to be compared with the story's sentences."""

    text: str
    core: str  # the text without its trailing attribution clause
    columns: np.ndarray  # term columns of the story's vectors it uses, grouped by unit
    column_weights: np.ndarray  # what finding each column is worth
    unit_starts: np.ndarray  # where each unit's columns start in ``columns``
    weights: np.ndarray  # per unit of content (a word, a name, people): its full weight
    is_name: np.ndarray  # per unit: a capitalised name (who, where) rather than what happened
    predicate: np.ndarray  # per unit: says what happened (not a name, not background, not attribution)
    main: np.ndarray  # per unit: in the main clause (not background, not attribution)
    optional: np.ndarray  # per unit: only says when or where (``adjunct_spans``): counts if found, little if not
    verbs: np.ndarray  # per unit: the main clause's verb (what happened)
    stems: frozenset[str]  # every word of the claim, stemmed, spelling variants unified
    raw_stems: frozenset[str]  # the same, spellings as printed (places: "Kenyan" is not "Kenya")
    places: frozenset[str]  # names of its main clause after a locative ("in the Tanzania blast")
    total: float  # weight of everything the claim says, values and terms unknown to the story included
    numbers: list[V.Number]  # figures of the main clause: the evidence must give them
    detail_numbers: list[V.Number]  # figures of the background: compared, not required
    value_weight: float  # weight of each figure, and of each date, day, year or rank
    negated: bool
    sentence: int | None = None
    own_words: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # per unit: ``short_claim_words``
    word_classes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # per unit: a class of words
    # Its figures are only earlier ones ("up from 3,000"): found among an article's earlier figures too.
    earlier: bool = False
    doc_index: int | None = None
    # Per figure of ``numbers``, in order: the units around it (by position, never by object identity, so
    # that a copied or unpickled claim is judged as the original).
    around: tuple[frozenset[int], ...] = ()
    verb_stems: frozenset[str] = frozenset()  # the stems its main verb is found by (a plan of it or not)
    planned: bool = False  # its main verb is a plan or a possibility ("is scheduled to complete")
    plan_to: bool = False  # its main verb follows a word of planning and "to": only a plan of it states it
    directed: bool = False  # its main verb is what someone was told or asked to do: a dispute must say it too
    strangers: int = 0  # names (or words of intent) of its main clause no article prints: no article states it
    actors: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # per unit: a name before its main verb
    intents: np.ndarray = field(
        default_factory=lambda: np.zeros(0, dtype=bool)
    )  # per unit: whether meant, must be said
    confirmers: np.ndarray = field(
        default_factory=lambda: np.zeros(0, dtype=bool)
    )  # per unit: a name that confirms in its main clause ("Russia has confirmed ..."), must be said

    def total_for(self, credit: np.ndarray) -> float:
        """The claim's weight for an evidence credited ``credit`` per unit: when and where it does not
        tell weigh as background (ADJUNCT_WEIGHT)."""
        if not credit.size:
            return self.total
        return self._total_without(self.optional & (credit <= 0))

    @property
    def least_total(self) -> float:
        """The claim's weight for an evidence that tells none of its when and where."""
        return self._total_without(self.optional)

    def _total_without(self, missing: np.ndarray) -> float:
        """The total when ``missing`` (when and where) go untold: they weigh as background, and
        together no more than ADJUNCT_SHARE of the rest (a long scene, "amid allegations he is
        having an affair with a congressional aide", is not most of the claim)."""
        away = float(self.weights[missing].sum())
        rest = self.total - away
        return max(rest + min(ADJUNCT_WEIGHT * away, ADJUNCT_SHARE * rest), 1e-9)


def _quoted(text: str, value: str) -> bool:
    """Is ``value`` printed inside a quotation in ``text`` (what one person said)?"""
    at = text.find(value)
    return at >= 0 and len(QUOTE_MARK_RE.findall(text, 0, at)) % 2 == 1


# A place: capitalised words after a locative preposition, past a determiner and a few
# lower-case modifiers ("in neighboring Kenya", "at the U.S. Embassy", "in the Tanzania blast").
# Nouns of a place that "of" names ("in the city of Izmit"); after other nouns "of" names what the
# noun is of, not where ("in the death of Matthew Shepard", "in the memory of ...").
PLACE_NOUNS = "city town village province state region district county capital island republic port suburb"
_PLACE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Ii]nside|[Ff]rom)\s+(?:the\s+|a\s+)?"
    r"(?:(?:" + "|".join(PLACE_NOUNS.split()) + r")\s+of\s+|(?:(?!of\b)[a-z][a-z-]+\s+){0,2}?)"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)"
)


# A place the story sets in another: "in Dar es Salaam, Tanzania", "in Doha, Qatar, this week".
_PLACE_IN_PLACE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Ff]rom)\s+(?:the\s+)?"
    r"(?P<inner>[A-Z][\w'’-]+(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’-]+){0,2}),\s+(?P<outer>[A-Z][\w'’-]{3,})\b(?!\s+[A-Z])"
)
_LONG_WORD = re.compile(r"\b[A-Za-z][a-z-]{2,}\b")

# When and where the event happened, said in a phrase of its own ("Early Tuesday morning,", "on
# Aug. 7", "this week", "in the Qatari capital", "a few miles south of Izmit"): an article that
# tells the event without them still states it (a day or a place it gives otherwise is compared
# as a value, or puts the event elsewhere), so they weigh as background does.
_DAY_WORD = r"(?:" + "|".join((*WEEKDAYS, *V.MONTHS)) + r")"
_TIME_ADJUNCT = re.compile(
    r"(?:\b(?:[Ee]arly|[Ll]ate|[Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Ss]ince|[Uu]ntil)\s+)*"
    r"\b" + _DAY_WORD + r"\b\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4}\b)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\b(?:[Ee]arly|[Ll]ate|[Tt]his|[Ll]ast|[Nn]ext)\s+(?:week|month|year|weekend|morning|afternoon|evening|night)\b"
    r"|\b(?:today|yesterday|tonight)\b"
)
_PLACE_ADJUNCT = re.compile(
    r"\b(?:(?:a\s+few|about|some|\d[\d,.]*|\w+)\s+)?(?:miles?|kilometers?|kilometres?|km)\s+"
    r"(?:north|south|east|west)\w*\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
    r"|(?:" + _PLACE.pattern + r")(?:\s+(?:capital|city|town|village|port|province|region|state|county|district))?\b"
)


# Titles before a name ("Rep.", "Sen.", "Dr."): part of no one's name.
NAME_TITLES = frozenset(stem(w) for w in lexicon.TITLE_ABBREVIATIONS)
# A description standing for a named person: a role noun the story prints right before the name
# ("exiled Hamas leader Khaled Meshaal", "chief executive Pieter Vandermolen") or as the head of an
# appositive next to it ("Khaled Mashaal, the exiled leader of the Hamas terror group,"; "Halvern's
# chief executive, Peter Vandermolen,"). Role nouns: the listed ones and words with an agent ending.
ROLE_NOUNS = frozenset(
    """executive chief minister president official head diplomat envoy spokesman spokeswoman student
    suspect defendant victim citizen general premier king queen prince princess chairman chairwoman
    secretary governor mayor commander judge prosecutor attorney lawyer senator ambassador
    candidate activist analyst founder owner manager director leader officer worker reporter professor
    doctor teacher soldier farmer researcher scientist economist actor author writer player coach
    captain pilot driver resident agent assistant correspondent participant immigrant servant tenant""".split()
)
# Endings of agent nouns ("spokesman", "economist"); not "-er" nor "-ent", which end as many things
# (murder, number, agreement, government) as people.
ROLE_ENDINGS = ("ist", "man", "woman")
# A role stands for its person only if the story gives it to one person; "the Hamas leadership" is
# its leader's too (a role with this ending is the role).
ROLE_COLLECTIVE_ENDINGS = ("ship",)
_CAPITALISED = r"[A-Z][\w'’-]+"
_FULL_NAME = rf"(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,3}})"
_ROLE_BEFORE_NAME = re.compile(
    rf"(?:\b(?:the|a|an)\s+|{_CAPITALISED}(?:'s|’s)?\s+)(?P<desc>(?:[a-z][a-z-]+\s+){{0,2}}[a-z][a-z-]{{2,}})\s+"
    + _FULL_NAME
)
_NAME_THEN_ROLE = re.compile(
    rf"(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}}),\s+(?:the|a|an|{_CAPITALISED}(?:'s|’s))\s+(?P<desc>[^,;()“”\"]{{3,80}}?)[,;]"
)
_ROLE_THEN_NAME = re.compile(
    rf"\b(?:the|a|an|{_CAPITALISED}(?:'s|’s))\s+(?P<desc>[^,;()“”\"]{{3,80}}?),\s+" + _FULL_NAME + r"\s*,"
)


_ROLE_WORD = re.compile(r"\b(?:" + "|".join(sorted(ROLE_NOUNS)) + r"|[a-z]{2,}(?:" + "|".join(ROLE_ENDINGS) + r"))\b")


def is_role_noun(word: str) -> bool:
    return word in ROLE_NOUNS or (word not in STOP_WORDS and len(word) > 4 and word.endswith(ROLE_ENDINGS))


def description_roles(description: str) -> list[str]:
    """The role nouns that end a description, before its complements ("the exiled leader of the
    Hamas terror group" -> leader; "Halvern's chief executive" -> chief, executive)."""
    head = re.split(r"\s+(?:of|who|whose|for|at|in|from|with)\s+", description)[0].split()
    roles: list[str] = []
    while head and head[-1].isalpha() and head[-1].islower() and is_role_noun(head[-1]):
        roles.append(head.pop())
    return roles


def roles_named(text: str) -> list[tuple[str, str]]:
    """(role noun, surname) for each description ``text`` gives a named person."""
    return [
        (role, m.group("name").split()[-1])
        for pattern in (_ROLE_BEFORE_NAME, _NAME_THEN_ROLE, _ROLE_THEN_NAME)
        for m in pattern.finditer(text)
        for role in description_roles(m.group("desc"))
    ]


# A phrase before the subject sets the scene ("In a case that galvanized national outrage over
# anti-homosexual violence, a 21-year-old roofer pleaded guilty ..."; "Despite skepticism about ...,").
_FRONTED = re.compile(
    r"^\s*(?:In|Despite|After|Before|Amid|Following|With|Since|While|As|Although|Though|Under|During|Escaping)\b[^,;:“”\"]{3,140},"
)


# ... and a phrase after the main clause that tells what it came after or amid (", after a
# protracted legal battle with Aboriginal land owners and amid continuing environmental protest").
# A span of time before "after" or "before" places the event from another one (", four years after
# his first official visit to the Russian capital"): a when too, its figure with it.
_SPAN_BEFORE = (
    r"(?:(?:about|some|nearly|almost|just|only|more\s+than|less\s+than)\s+)?(?:a|an|[\w-]+|\d[\d,.]*)\s+"
    r"(?:years?|months?|weeks?|days?|hours?|decades?)\s+"
)
_TRAILING_SCENE = re.compile(
    r",\s+(?:after|amid|despite|following|before|as|while)\b[^;:“”\"]{3,200}$"
    r"|,\s+" + _SPAN_BEFORE + r"(?:after|before)\b[^,;:“”\"]{3,100},"  # "On Wednesday, four days after the accident,"
    r"|,\s+" + _SPAN_BEFORE + r"(?:after|before)\b[^;:“”\"]{3,200}$"
    r"|\s(?:amid|despite)\s[^,;:“”\"]{3,200}$"  # no comma needed: "filed for divorce July 29 amid allegations ..."
)


def adjunct_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` says when or where, or sets the scene, in phrases of their own
    (``_TIME_ADJUNCT``, ``_PLACE_ADJUNCT``, ``_FRONTED``)."""
    return [
        m.span()
        for pattern in (_TIME_ADJUNCT, _PLACE_ADJUNCT, _FRONTED, _TRAILING_SCENE)
        for m in pattern.finditer(text)
    ]


_LOWER_PLACE = re.compile(r"\b(?:in|at|near|outside|from)\s+([a-z][a-z-]{3,})\b")


# A place and the word for its people or things ("in Qatar" / "in the Qatari capital", "Kenya" / "Kenyan").
DEMONYM_ENDINGS = ("i", "n", "an", "ian", "ese", "ish")


def one_place(a: str, b: str) -> bool:
    """Are two place stems one place, a name and its adjective ("qatar" / "qatari")?"""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and long[len(short) :] in DEMONYM_ENDINGS


def place_stems(text: str) -> frozenset[str]:
    """Stems of the places a sentence names, as printed (a demonym is not its country)."""
    found = {stem(w) for m in _PLACE.finditer(text) for w in WORD_RE.findall(m.group("name")) if is_content(w)}
    return frozenset(found - _CALENDAR_STEMS)


_FIGURE_WORDS = frozenset("percent per cent hundred thousand million billion trillion".split())


def _clause_of(text: str, value: str) -> str:
    """The clause of ``text`` (between commas, dashes or brackets) that prints ``value``, or all of
    ``text`` when that clause is too short to be a claim."""
    at = text.find(value)
    if at < 0:
        return text
    start = max(text.rfind(mark, 0, at) for mark in ",;:_(")
    ends = [e for e in (text.find(mark, at + len(value)) for mark in ",;:_)") if e >= 0]
    clause = text[start + 1 : min(ends) if ends else len(text)]
    return clause if _claim_sized(clause) else text


def _claim_sized(clause: str) -> bool:
    """Has a clause enough content words (figures' words aside) to be a claim of its own?"""
    words = [w for w in WORD_RE.findall(clause) if w.isalpha() and is_content(w) and w.lower() not in _FIGURE_WORDS]
    return len(words) >= 4


def _clause_with_head(text: str, value: str) -> str:
    """The clause of ``text`` that prints ``value``; when it is too short to be a claim, that clause
    with the clause before it, whose noun it tells of ("Quebec is the only Canadian province with a
    French majority, 80 percent of 7.3 million people"); when that is still too short, all of ``text``."""
    clause = _clause_of(text, value)
    if clause is not text:
        return clause
    at = text.find(value)
    if at < 0:
        return text
    start = max(text.rfind(mark, 0, at) for mark in ",;:_(")
    if start <= 0:
        return text
    before = max(text.rfind(mark, 0, start) for mark in ",;:_(")
    ends = [e for e in (text.find(mark, at + len(value)) for mark in ",;:_)") if e >= 0]
    widened = text[before + 1 : min(ends) if ends else len(text)]
    return widened if _claim_sized(widened) else text


# Events a count is of: a figure for several of them ("the twin bombings killed 258") is a total,
# no other figure for one ("the blast killed 11").
_EVENT_NOUNS = "bomb bombing blast attack explosion crash earthquake quake storm flood fire shooting raid strike"
_ONE_EVENT = re.compile(r"\b(?:" + "|".join(_EVENT_NOUNS.split()) + r")\b", re.IGNORECASE)
_SEVERAL_EVENTS = re.compile(
    r"\b(?:twin|both|two)\s+(?:\w+\s+)?(?:" + "|".join(w + "s" for w in _EVENT_NOUNS.split()) + r")\b"
    r"|\b(?:" + "|".join(w + ("es" if w.endswith("sh") else "s") for w in _EVENT_NOUNS.split()) + r")\b",
    re.IGNORECASE,
)


# Kinds of event: a figure or a day of one kind is no dispute of another's ("the attack was
# conducted on August 20" / "the bombings of the embassies on Aug. 7").
_EVENT_KINDS = V.word_classes(
    {
        "explosion": "bomb bombs bombing bombings blast blasts explosion explosions",
        "attack": "attack attacks raid raids strike strikes airstrike airstrikes",
        "quake": "earthquake earthquakes quake quakes aftershock aftershocks tremor tremors",
        "fire": "fire fires blaze blazes",
        "crash": "crash crashes collision collisions",
        "storm": "storm storms hurricane hurricanes typhoon typhoons flood floods",
        "shooting": "shooting shootings",
    }
)


def _event_kinds(text: str) -> frozenset[str]:
    return frozenset(_EVENT_KINDS[s] for s in (stem(w) for w in WORD_RE.findall(text)) if s in _EVENT_KINDS)


def _event_kind(text: str, value: str) -> str | None:
    """The kind of the event named nearest to ``value`` in ``text`` ("the attack ... on August 20")."""
    at = text.find(value)
    if at < 0:
        return None
    found = [
        (abs(m.start() - at), _EVENT_KINDS[s]) for m in WORD_RE.finditer(text) if (s := stem(m.group())) in _EVENT_KINDS
    ]
    return min(found)[1] if found else None


def _totals_several(claim: str, evidence: str) -> bool:
    """Does the claim count one event and the evidence several ("the bombings", "twin attacks")?"""
    return (
        bool(_ONE_EVENT.search(claim)) and not _SEVERAL_EVENTS.search(claim) and bool(_SEVERAL_EVENTS.search(evidence))
    )


# A sentence that is mostly a quotation says what the quotation says: its "not" is the sentence's
# ("We will not let anyone back in," the chief said / the chief said nobody would be let back in).
QUOTED_CLAIM_SHARE = 0.5


# A "no" that qualifies a thing, not the clause: "sentenced to two life terms with no chance of
# parole", "the no-fly zone" say the act happened. Not "without": "even without Columbine, the number
# has increased" then let in weak matches that the "no" had kept out (tried: false citations).
# ("no-one" is "no one": "No-one has been convicted of the crime".)
_PHRASE_NEGATION = re.compile(r"\bwith\s+no\s+(?=[a-z])|\bno-(?!one\b)(?=[a-z])", re.IGNORECASE)


_NEGATION_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(NEGATIONS, key=len, reverse=True)) + r")\b|n['’]t\b", re.IGNORECASE
)


def is_negated(text: str) -> bool:
    """Does the text say no, outside its quotations (inside them too when it is mostly one)?"""
    text = _PHRASE_NEGATION.sub(lambda m: " " * len(m.group()), text)
    outside = WORD_RE.findall(quoted_mask(text))
    every = WORD_RE.findall(text)
    if len(every) - len(outside) > QUOTED_CLAIM_SHARE * len(every):
        outside = every
    return any(w.lower() in NEGATIONS or w.lower().endswith("n't") for w in outside)


def strip_attribution(text: str) -> tuple[str, str]:
    """(the claim, its trailing attribution clause, if any)."""
    m = _TRAILING_ATTRIBUTION.search(text)
    if not m or m.start() < len(text) // 3:
        return text, ""
    return text[: m.start()], text[m.start() :]


class _RowUses:
    """For some sentences of the story, which of a claim's columns each uses (row -> bool vector)."""

    def __init__(self, dense: np.ndarray, positions: dict[int, int]) -> None:
        self.dense = dense
        self.positions = positions
        self.width = dense.shape[1] if dense.ndim == 2 else 0

    def __getitem__(self, rows: list[int]) -> np.ndarray:
        return self.dense[[self.positions[r] for r in rows]]

    def shares(self, claim: Claim, aligner: Aligner) -> dict[int, float]:
        """Each row's share of the claim's weighted content."""
        if not self.positions or not self.width:
            return {}
        credit = aligner.credit(claim, self.dense).sum(axis=1) / claim.total
        return {r: float(credit[k]) for r, k in self.positions.items()}


class Aligner:
    """Claim alignment over one represented story (``represent.represent`` must have run)."""

    def __init__(self, story: Story) -> None:
        if story.vectors is None:
            raise ValueError("the story must be represented first")
        self.story = story
        vectors = story.vectors
        self.vectors = vectors
        present = self._with_figure_compounds(vectors.present)
        self._present = self._with_phrasal_synonyms(self._with_acronyms(present)).tocsc()
        self._present_rows = vectors.present.tocsr()
        self._doc_of = np.array([s.doc_index for s in story.sentences], dtype=int)
        self._max_idf = float(vectors.idf.max()) if len(vectors.idf) else 1.0
        starts = np.searchsorted(self._doc_of, np.arange(len(story.documents) + 1))
        self._doc_ranges = [(int(starts[d]), int(starts[d + 1])) for d in range(len(story.documents))]
        self._numbers: dict[int, list[V.Number]] = {}
        self._places: dict[int, frozenset[str]] = {}
        self._negated: dict[int, bool] = {}

    def _with_figure_compounds(self, present):
        """The term matrix, with the words of a figure's compound ("7.4-magnitude", "a 70-member
        team") used by the sentence too: "a magnitude 7.4 quake" is found in "the 7.4-magnitude quake"."""
        rows, cols = [], []
        for sentence in self.story.sentences:
            if "-" not in "".join(sentence.tokens):
                continue  # no compound in the sentence (the joined test runs in C, not per token)
            for token in sentence.tokens:
                if not (token[:1].isdigit() and "-" in token) or _AGE_COMPOUND.search(token):
                    continue
                for part in token.split("-")[1:]:
                    if part.isalpha() and is_content(part):
                        s = stem(part)
                        column = self.vectors.index.get(self.vectors.variants.get(s, s))
                        if column is not None:
                            rows.append(sentence.index)
                            cols.append(column)
        return _with_uses(present, rows, cols)

    def _with_acronyms(self, present):
        """The term matrix, with a name the story spells out and its acronym used together: a
        sentence printing "ABSDF" uses the words of "All Burma Students Democratic Front", and one
        printing the name uses "absdf" (``acronyms``), so that either finds the other."""
        found = self.acronyms = acronyms(self.story)
        if not found:
            return present
        index, variants = self.vectors.index, self.vectors.variants

        def column(word: str) -> int | None:
            s = stem(word)
            return index.get(variants.get(s, s))

        spelled = {acronym: [c for w in words if (c := column(w)) is not None] for acronym, words in found.items()}
        names = {acronym: _spelled_pattern(words) for acronym, words in found.items()}
        rows, cols = [], []
        for sentence in self.story.sentences:
            text = sentence.text
            shouted = {t.upper() for t, caps in zip(sentence.tokens, sentence.all_caps) if caps and t.upper() in found}
            for acronym in shouted:
                rows += [sentence.index] * len(spelled[acronym])
                cols += spelled[acronym]
            for acronym, words in found.items():
                # (the last word's test runs in C: most sentences print none of the names)
                if acronym in shouted or words[-1] not in text or not names[acronym].search(text):
                    continue
                own = column(acronym)
                if own is not None:
                    rows.append(sentence.index)
                    cols.append(own)
        return _with_uses(present, rows, cols)

    def _with_phrasal_synonyms(self, present):
        """The term matrix, with a sentence that says one act in one of its phrasings (``PHRASAL_ACTS``)
        using the words of the others too: "shut off" uses "switch" and "turn", "lifting off from the
        Swiss Alps" uses "set" (off), "take" (off) and "depart", "two life terms" uses "sentences"."""
        rows, cols = [], []
        acts = [
            (
                cue,
                pattern,
                [c for w in words if (c := self.vectors.index.get(self.vectors.variants.get(w, w))) is not None],
            )
            for cue, pattern, words in PHRASAL_ACTS
        ]
        for sentence in self.story.sentences:
            lowered = sentence.text.lower()
            for cue, pattern, columns in acts:
                # (the cue's test runs in C: most sentences print none of the phrasings)
                if columns and any(c in lowered for c in cue) and pattern.search(sentence.text):
                    rows += [sentence.index] * len(columns)
                    cols += columns
        return _with_uses(present, rows, cols)

    @cached_property
    def names_known(self):
        """The story's names (``references.StoryContext.is_name``: a capitalised word the story never
        writes in lower case), shared with selection: "Russia" is a name also when it opens a sentence."""
        from chorus.references import context_of

        return context_of(self.story)

    @cached_property
    def person_roles(self) -> dict[str, str]:
        """Role stem -> the stem of the one person the story gives it to (``roles_named``)."""
        people: dict[str, set[str]] = {}
        for sentence in self.story.sentences:
            if not _ROLE_WORD.search(sentence.text):
                continue  # no role noun: nothing to find (the patterns are the costly part)
            for role, surname in roles_named(sentence.text):
                s = stem(surname)
                people.setdefault(stem(role), set()).add(self.vectors.variants.get(s, s))
        return {role: next(iter(who)) for role, who in people.items() if len(who) == 1}

    def _role_columns(self, role: str) -> list[int]:
        """The story's columns for a role and for its collective ("leader", "leadership")."""
        stems = [role] + [stem(role + ending) for ending in ROLE_COLLECTIVE_ENDINGS]
        return [self.vectors.index[s] for s in stems if s in self.vectors.index]

    def _describe_people(
        self, units: dict[tuple, tuple[list[int], list[float], float, bool, bool]], singular: set[int]
    ) -> None:
        """A name of a person the story describes is found by the description too ("the Hamas
        leader" for Meshaal), and a description of a named person is that person: a title next to
        the name is part of the name ("chief executive Pieter Vandermolen" is who, not what
        happened); one standing alone is found by the name ("the Hamas leader" / "Meshal"). Not in
        the plural: "118 officers and sailors" are not the one officer the story names."""
        roles = self.person_roles
        if not roles:
            return
        terms = self.vectors.terms
        named = {s: key for key in units if key[0] == "name" for s in key[1]}
        for role, person in roles.items():
            if person in named:
                columns, weights, top, name, main_clause = units[named[person]]
                extra = [c for c in self._role_columns(role) if c not in columns]
                units[named[person]] = (columns + extra, weights + [top] * len(extra), top, name, main_clause)
        for key in [k for k in units if k[0] == "word"]:
            described = roles.get(terms[key[1]])
            if described is None or key[1] not in singular:
                continue
            columns, weights, top, _, main_clause = units.pop(key)
            if described in named:
                continue  # the person's title: found with the name
            found = self.vectors.index.get(described)
            extra = [c for c in self._role_columns(terms[key[1]]) if c not in columns] + (
                [found] if found is not None else []
            )
            units[("name", (terms[key[1]],))] = (columns + extra, weights + [top] * len(extra), top, True, main_clause)

    @cached_property
    def families(self) -> SourceFamilies:
        return SourceFamilies(self.story)

    # --- claims -------------------------------------------------------------

    def claim_of_sentence(self, index: int) -> Claim:
        sentence = self.story.sentences[index]
        claim = self.claim_of_text(sentence.text)
        claim.sentence, claim.doc_index = index, sentence.doc_index
        return claim

    def claim_of_text(self, text: str) -> Claim:
        text = " ".join(text.split())
        core, attribution = strip_attribution(text)
        details = [core[start:end] for start, end in detail_spans(core)]
        main = core
        for start, end in reversed(detail_spans(core)):
            main = main[:start] + " " + main[end:]
        # When and where weigh as background; blanked in place, so that the words keep their offsets.
        adjuncts = adjunct_spans(main)
        told = list(main)
        for start, end in adjuncts:
            told[start:end] = " " * (end - start)
        main_told = _TAKE_PLACE.sub(lambda m: " " * len(m.group()), "".join(told))
        # Units of content: a word, a name of several words (found if any of its words is: "Lavrov"
        # names "Russian Foreign Minister Sergei Lavrov", credited as the weight of the word found),
        # or a word for people (found as any word for people).
        units: dict[tuple, tuple[list[int], list[float], float, bool, bool]] = {}
        has_toll = bool(re.search(r"\btolls?\b", core, re.IGNORECASE))
        unknown = 0.0
        strangers = 0  # names of the main clause that the story never prints ("Putin invited ...")
        intents: set[tuple] = set()  # the claim's words for whether the act was meant (``INTENT_CLASSES``)
        # (text, weight factor, says when or where, opens the sentence)
        opening = len(main) - len(main.lstrip())
        parts = [(main_told, 1.0, False, True), (attribution, ATTRIBUTION_WEIGHT, False, False)]
        parts += [(detail, DETAIL_WEIGHT, False, False) for detail in details]
        parts += [(main[start:end], 1.0, True, start <= opening) for start, end in adjuncts]
        main_verb: set[str] = set()  # the first verb in the past of the main clause ("expelled")
        described: tuple[str, int] | None = None  # the first word in -ed that describes a thing (``_attributive``)
        planned_verb_at = -1  # in the main clause's words, the verb after a word of planning and "to"
        directed_verb_at = -1  # in the main clause's words, the verb after "told to" or "asked to"
        directed = False  # the main verb is that verb: what someone was told or asked to do
        refused_verb_at = -1  # in the main clause's words, the verb after "refused to" or "declined to"
        refusal_word_at = -1  # ... and the word of refusal before it, which is not the clause's verb
        plan_to = False  # the main verb is that verb: the claim tells a plan ("is scheduled to complete")
        singular: set[int] = set()  # columns the claim prints in the singular (a role of one person)
        required: set[tuple] = set()  # units the main clause says outside its when and where
        optional: set[tuple] = set()
        # A toll of the story's event ("The jet crashed ..., killing all 217 aboard"): the event is
        # told before this offset of the main clause, its toll after.
        event_end = _toll_event_end(main_told)
        in_event: set[tuple] = set()  # units of the main clause said before ``event_end``
        name_at: dict[tuple, int] = {}  # where each name of the main clause is first said
        relative = False  # past a relative pronoun of the main clause: its verbs are background
        verb_at: int | None = None  # where its main verb is
        confirm_at: int | None = None  # where the main clause says its subject confirms ("Russia has confirmed")
        for part, factor, adjunct, opens in parts:
            run: list[tuple[int, float]] = []
            run_key: list[str] = []
            run_at: list[int] = []

            def close_run() -> None:
                if run:
                    key = ("name", tuple(run_key))
                    if part is main_told:
                        name_at.setdefault(key, run_at[0])
                    if part is main_told and event_end is not None and run_at[0] < event_end:
                        in_event.add(key)
                    columns = [c for c, _ in run]
                    # Found by its last word ("Lavrov", "Okonkwo"), a name is found whole.
                    weights = [w for _, w in run[:-1]] + [max(w for _, w in run)]
                    (optional if adjunct else required).add(key)
                    if key not in units or units[key][2] < max(weights):
                        units[key] = (columns, weights, max(weights), True, factor == 1.0)
                run.clear()
                run_key.clear()
                run_at.clear()

            found = list(WORD_RE.finditer(_FIGURE_HYPHEN.sub(" ", part)))
            for k, m in enumerate(found):
                word = m.group()
                # A capital opens every sentence: the first word is a name only when the next is one too.
                capital = word[0].isupper() and (
                    m.start() > 0
                    or not opens
                    or (k + 1 < len(found) and found[k + 1].group()[0].isupper())
                    or self.names_known.is_name(word)
                )
                # "couldn't" says no (``is_negated`` compares that) and could: no content of its own.
                if part is main_told and word.lower() in RELATIVE_WORDS:
                    relative = True  # "a congressional aide to whom Gingrich has been linked": not the claim's verb
                if not is_content(word) or word.lower() in _NUMBER_WORDS or word.lower().endswith(_NEGATED_ENDINGS):
                    if not (capital and word.lower() in ("of", "al", "el", "de", "bin")):
                        close_run()
                    continue
                if word[0].isdigit() and not V.YEAR.fullmatch(word):
                    close_run()
                    continue  # figures are compared as values
                s = stem(word)
                if word in self.acronyms and _spells(text, self.acronyms[word]):
                    close_run()
                    continue  # "the National Transportation Safety Board (NTSB)": one name, counted once
                if (
                    part is main_told
                    and s in CONFIRMING_WORDS
                    and confirm_at is None
                    and not (k and found[k - 1].group().lower() in _BE_FORMS | _PASSIVE_AUXILIARIES)
                ):
                    confirm_at = m.start()  # (not "If the test is confirmed": no one confirms there)
                if (
                    part is main_told
                    and word.lower() in DIRECTIVE_WORDS
                    and not main_verb
                    and not relative
                    and _to_verb_follows(found, k)
                ):
                    # "were told to stay in their homes": what they were told is the act, and the claim's
                    # verb ("told to leave" is not stated by it); not "told" nor "asked" (no verbs of their own).
                    directed_verb_at = k + 2
                if part is main_told and directed_verb_at < 0 and not main_verb and not relative:
                    object_to = _asked_of(found, k, part)
                    if object_to is not None:
                        # "has called for Condon to resign", "urged Israel to withdraw": what the person
                        # named was asked to do is the act, and the claim's verb
                        directed_verb_at = object_to
                if (
                    part is main_told
                    and s in REFUSAL_WORDS
                    and not main_verb
                    and not relative
                    and _to_verb_follows(found, k)
                ):
                    # "Russia refused to meet Hamas": the act refused is the claim's verb, as the act told
                    # is after "told to"; the refusal is the claim's "no" (``is_refused``), not its verb, so
                    # another refusal ("its refusal to recognize Israel") does not state it.
                    refused_verb_at, refusal_word_at = k + 2, k
                if s in REPORTING_WORDS or (s in TOLL_VERBS and has_toll):
                    close_run()
                    continue
                s = self.vectors.variants.get(s, s)
                column = self.vectors.index.get(s)
                if column is None:
                    close_run()
                    unknown += self._max_idf * factor * (NAME_WEIGHT if capital else 1.0)
                    if part is main_told and (
                        (capital and s not in _CALENDAR_STEMS)
                        or k in (directed_verb_at, refused_verb_at)  # the act told or refused: no article says it
                        or (
                            s in INTENT_CLASSES
                            and not any(p in self.vectors.index for p in _CLASS_MEMBERS[INTENT_CLASSES[s]])
                        )
                    ):
                        strangers += 1  # who the claim is about, or that it was meant, and no article says it
                    continue
                weight = float(self.vectors.idf[column]) * factor
                # "were forced to ditch their balloon": what happened is the verb after "to"
                to_follows = k + 2 < len(found) and found[k + 1].group().lower() == "to"
                catenative = s in CATENATIVE_VERBS and to_follows
                plan_word = False
                if (
                    PLANS_BY_THEIR_VERB
                    and part is main_told
                    and s in PLAN_TO_WORDS
                    and to_follows
                    and not relative
                    and not main_verb
                    and self._verb_after_to(found[k + 2].group())
                ):
                    # "is scheduled to complete", "is prepared to split": the plan is of the verb after "to",
                    # which is the clause's verb (the word of planning keeps its weight: weighed as a manner,
                    # "intends to offer the standards" was stated by "organizations that can offer help").
                    plan_word = True
                    planned_verb_at = k + 2
                intent = s in INTENT_CLASSES
                if intent and part is main_told:
                    intents.add(("class", INTENT_CLASSES[s]))
                if (word.lower().endswith("ly") and len(word) > 4 and not intent) or s in HEDGE_WORDS or catenative:
                    weight *= DETAIL_WEIGHT  # a manner ("nearly simultaneous", "reportedly") is not the claim
                if capital and s in NAME_TITLES and k + 1 < len(found) and found[k + 1].group()[0].isupper():
                    continue  # "Rep. Patrick Kennedy": the title names no one (another Rep. is another man)
                if capital:
                    run.append((column, weight * NAME_WEIGHT))
                    run_key.append(s)
                    run_at.append(m.start())
                    continue
                close_run()
                if part is main_told and k == planned_verb_at and not main_verb:
                    plan_to = True
                    main_verb.add(s)
                    verb_at = m.start() if verb_at is None else verb_at
                if part is main_told and k == directed_verb_at and not main_verb:
                    directed = True
                    main_verb.add(s)
                    verb_at = m.start() if verb_at is None else verb_at
                if part is main_told and k == refused_verb_at and not main_verb:
                    main_verb.add(s)
                    verb_at = m.start() if verb_at is None else verb_at
                if (
                    part is main_told
                    and not main_verb
                    and not relative
                    and (
                        _VERB_FORM.fullmatch(word)
                        # "is taking over": a verb in -ing after a form of "be" is the clause's verb too
                        or (_PROGRESSIVE.fullmatch(word) and k and found[k - 1].group().lower() in _BE_FORMS)
                    )
                    and s not in LIGHT_VERBS
                    and not catenative
                    and not plan_word
                    and k != refusal_word_at
                    and not (k and found[k - 1].group().lower() in _DETERMINERS)  # "the exiled leader": an adjective
                    # "the rates released by the central bank": a participle, not the clause's verb
                    and not (
                        k + 1 < len(found)
                        and found[k + 1].group().lower() == "by"
                        and not (k and found[k - 1].group().lower() in AUXILIARIES)
                    )
                ):
                    if ATTRIBUTIVE_PARTICIPLES and _attributive(found, k):
                        # an adjective ("of endangered sites"): the verb only if the clause has no other
                        if described is None:
                            described = (s, m.start())
                    else:
                        main_verb.add(s)
                        verb_at = m.start() if verb_at is None else verb_at
                word_class = _WORD_CLASSES.get(s)
                if part is main_told and event_end is not None and m.start() < event_end:
                    in_event.add(("class", word_class) if word_class is not None else ("word", column))
                if word_class is not None:
                    members = [self.vectors.index[p] for p in _CLASS_MEMBERS[word_class] if p in self.vectors.index]
                    key: tuple = ("class", word_class)  # a unit is keyed like `units`: (kind, what)
                    (optional if adjunct else required).add(key)
                    if key not in units or units[key][2] < weight:
                        units[key] = (members, [weight] * len(members), weight, False, factor == 1.0)
                    continue
                key = ("word", column)
                if not _PLURAL.search(word):
                    singular.add(column)
                (optional if adjunct else required).add(key)
                if key not in units or units[key][2] < weight:
                    units[key] = ([column], [weight], weight, False, factor == 1.0)
            close_run()
        self._describe_people(units, singular)
        if not main_verb and described is not None:
            # No other verb: the word in -ed is what the clause says happened, as before the adjective test.
            main_verb.add(described[0])
            verb_at = described[1] if verb_at is None else verb_at
        if verb_at is None:
            verb_at = _irregular_verb_at(main_told)
        # Who did it: the names before the main verb ("Lavrov invited Meshaal": Lavrov).
        actors = {key for key, at in name_at.items() if verb_at is not None and at < verb_at}
        # Who confirms: the names before the main clause's verb of confirming; the evidence must name them.
        confirmers = {key for key, at in name_at.items() if confirm_at is not None and at < confirm_at}
        if event_end is not None and main_verb & (
            TOLL_EVENT_VERBS if _RESULT_TOLL.search(main_told) else _OUTCOME_STEMS
        ):
            # The toll is the claim: the event it is of is the story's, told in any words or none.
            in_event = {k for k in in_event if not (k[0] == "class" and k[1] in _OUTCOME_CLASSES)}
        else:
            in_event = set()
        # A column belongs to one unit: the heaviest that has it.
        owner: dict[int, tuple] = {}
        for key, (columns, _weights, _top, _, _) in sorted(units.items(), key=lambda kv: -kv[1][2]):
            for c in columns:
                owner.setdefault(c, key)
        columns_out: list[int] = []
        weights_out, starts, unit_weights, is_name, in_main, is_optional, is_verb = [], [], [], [], [], [], []
        is_actor: list[bool] = []
        is_confirmer: list[bool] = []
        is_intent: list[bool] = []
        is_class: list[bool] = []
        for key, (columns, weights, top, name, main_clause) in units.items():
            mine = [(c, w) for c, w in zip(columns, weights) if owner[c] == key]
            if not mine:
                continue
            starts.append(len(columns_out))
            columns_out += [c for c, _ in mine]
            weights_out += [w for _, w in mine]
            unit_weights.append(top)
            is_name.append(name)
            is_actor.append(key in actors)
            is_confirmer.append(key in confirmers)
            is_intent.append(key in intents)
            is_class.append(key[0] == "class")
            in_main.append(main_clause)
            is_optional.append((key in optional and key not in required) or key in in_event)
            # Of a toll, what happened is its outcome ("killing"): the event's verb may go unsaid.
            is_verb.append(
                (key[0] == "class" and key[1] in _OUTCOME_CLASSES)
                if in_event
                else any(self.vectors.terms[c] in main_verb for c in columns)
            )
        optional_out = np.asarray(is_optional, dtype=bool)
        if int((np.asarray(in_main, dtype=bool) & ~optional_out).sum()) < MIN_DISPUTE_UNITS and not in_event:
            optional_out[:] = (
                False  # when or where is most of what it says ("The euro will be launched on January 1, 1999")
            )
        detail_numbers = [n for detail in details for n in V.numbers_in(detail) if not n.superseded]
        numbers = [n for n in V.numbers_in(main) if not n.superseded]
        # A claim that gives only an earlier figure ("This is up from around 3,000 just seven years
        # ago.") is about that figure: without it, it is three common words ("years ago").
        earlier = not numbers and any(n.superseded for n in V.numbers_in(main))
        if earlier:
            numbers = [replace(n, superseded=False) for n in V.numbers_in(main) if n.superseded]
        # A figure of when or where ("four years after ...", "10 miles south of Izmit") is told with
        # them: compared, not required.
        detail_numbers += [n for n in numbers if any(start <= n.start < end for start, end in adjuncts)]
        numbers = [n for n in numbers if not any(start <= n.start < end for start, end in adjuncts)]
        # An age describes who ("a 21-year-old roofer pleaded guilty", "McKinney, 22, is charged"):
        # compared, not required.
        ages = {a.text for a in V.ages_in(main)}
        aged = [
            n
            for n in numbers
            if n.unit == "age" or (n.text.strip() in ages and _AGE_AFTER_NAME.search(main, 0, n.start))
        ]
        detail_numbers += aged
        numbers = [n for n in numbers if all(n is not a for a in aged)]
        # The size of the set a thing is one of ("The park is one of a handful of 552 World Heritage
        # sites listed for both ..."): who it is among, compared, not required.
        among = [n for n in numbers if _ONE_OF_BEFORE.search(main, 0, n.start)]
        detail_numbers += among
        numbers = [n for n in numbers if all(n is not a for a in among)]
        # The words around each figure of the main clause: what it is the figure of.
        unit_of_column = {
            c: u for u, start in enumerate(starts) for c in columns_out[start : (starts + [len(columns_out)])[u + 1]]
        }
        tokens = [(m.start(), m.group()) for m in WORD_RE.finditer(main)]
        around: list[frozenset[int]] = []
        for n in numbers:
            at = next((k for k, (start, _) in enumerate(tokens) if start >= n.start), len(tokens))
            near = set()
            for _, word in tokens[max(0, at - LOCAL_WORDS) : at + LOCAL_WORDS + 1]:
                s_ = self.vectors.variants.get(stem(word), stem(word))
                column = self.vectors.index.get(s_)
                if column in unit_of_column:
                    near.add(unit_of_column[column])
            around.append(frozenset(near))
        verb_stems = frozenset(
            self.vectors.terms[c]
            for u, verb in enumerate(is_verb)
            if verb
            for c in columns_out[starts[u] : (starts + [len(columns_out)])[u + 1]]
        ) or _irregular_verb(main_told)
        value_weight = self._max_idf * VALUE_WEIGHT_OF_MAX_IDF
        total = float(sum(unit_weights)) + unknown + value_weight * len(numbers)
        return Claim(
            text=text,
            core=core,
            columns=np.asarray(columns_out, dtype=int),
            column_weights=np.asarray(weights_out, dtype=float),
            unit_starts=np.asarray(starts, dtype=int),
            weights=np.asarray(unit_weights, dtype=float),
            is_name=np.asarray(is_name, dtype=bool),
            predicate=~np.asarray(is_name, dtype=bool) & np.asarray(in_main, dtype=bool),
            main=np.asarray(in_main, dtype=bool),
            optional=optional_out,
            verbs=np.asarray(is_verb, dtype=bool),
            stems=frozenset(self.vectors.variants.get(stem(w), stem(w)) for w in WORD_RE.findall(text)),
            raw_stems=frozenset(stem(w) for w in WORD_RE.findall(text)),
            places=place_stems(main) - self.common_places,
            total=max(total, 1e-9),
            numbers=numbers,
            detail_numbers=detail_numbers,
            value_weight=value_weight,
            around=tuple(around),
            verb_stems=verb_stems,
            planned=bool(verb_stems) and is_planned(core, verb_stems),
            plan_to=plan_to,
            directed=directed,
            negated=is_negated(core),
            earlier=earlier,
            own_words=short_claim_words(in_main, is_optional, is_class),
            word_classes=np.asarray(is_class, dtype=bool),
            strangers=strangers,
            actors=np.asarray(is_actor, dtype=bool),
            confirmers=np.asarray(is_confirmer, dtype=bool),
            intents=np.asarray(is_intent, dtype=bool),
        )

    def _verb_after_to(self, word: str) -> bool:
        """Can ``word``, after a word of planning and "to", be the claim's verb: a content word of the
        story, in lower case, not a light verb ("hopes to move his business": "move" is no content word,
        and the plan is then the claim's, "hopes" with it)?"""
        s = self.vectors.variants.get(stem(word), stem(word))
        return word[:1].islower() and is_content(word) and s in self.vectors.index and s not in LIGHT_VERBS

    # --- per-sentence facts, cached -------------------------------------------

    def numbers_of(self, index: int, *, earlier: bool = False) -> list[V.Number]:
        """The figures of a sentence, without those it gives as earlier ones (or with them, ``earlier``)."""
        if index not in self._numbers:
            self._numbers[index] = V.numbers_in(self.story.sentences[index].text)
        return [n for n in self._numbers[index] if earlier or not n.superseded]

    def negated(self, index: int) -> bool:
        if index not in self._negated:
            self._negated[index] = is_negated(self.story.sentences[index].text)
        return self._negated[index]

    # --- verdicts -------------------------------------------------------------

    def term_coverage(self, claim: Claim) -> np.ndarray:
        """Per story sentence and claim column: does the sentence use it? (n_sentences x columns, bool)"""
        if not len(claim.columns):
            return np.zeros((len(self.story.sentences), 0), dtype=bool)
        return self._present[:, claim.columns].toarray() > 0

    @staticmethod
    def credit(claim: Claim, uses: np.ndarray | np.bool_) -> np.ndarray:
        """What each unit of the claim is credited in each row of ``uses`` (rows x units)."""
        if not uses.shape[-1]:
            return np.zeros(uses.shape[:-1] + (0,))
        return np.maximum.reduceat(uses * claim.column_weights, claim.unit_starts, axis=-1)

    def check(self, claim: Claim | str, docs: list[int] | None = None, *, silent: bool = True) -> ClaimCheck:
        """The verdict of every article (or of ``docs``) on ``claim``; with ``silent=False`` only the
        articles that state or contradict it (what facts need, without a verdict per article)."""
        if isinstance(claim, str):
            claim = self.claim_of_text(claim)
        by_doc, uses = self._candidates(claim)
        judged: Iterable[int]
        if docs is not None:
            judged = docs
        elif silent:
            judged = range(len(self.story.documents))
        else:
            judged = sorted(set(by_doc) | ({claim.doc_index} if claim.doc_index is not None else set()))
        shares = uses.shares(claim, self)
        verdicts = [self._verdict(claim, d, by_doc.get(d, []), uses, shares) for d in judged]
        if not silent:
            verdicts = [v for v in verdicts if v.verdict != SILENT]
        stating = {v.doc_index: v.evidence.sentences for v in verdicts if v.verdict == STATES and v.evidence}
        return ClaimCheck(
            claim=claim.text,
            articles=verdicts,
            independent_sources=self.families.independent_sources(stating),
            sentence=claim.sentence,
            story=self.story,
        )

    @staticmethod
    def thin(claim: Claim) -> bool:
        """Does the claim's main clause say too little to be told apart from other claims of the same
        event ("He died in the explosion.": two words any report of a death in the blast holds)?"""
        return int(claim.main.sum()) < MIN_DISPUTE_UNITS

    def _candidates(self, claim: Claim) -> tuple[dict[int, list[int]], _RowUses]:
        """The sentences that could state the claim, by document, and what they use of it.

        The claim's columns of the term matrix bound what every sentence can carry (the sum of the
        weights of the columns it uses, at least its credit); only sentences over the floor, and
        their neighbours for pairs, are looked at word by word."""
        n = len(self.story.sentences)
        if not len(claim.columns):
            return {}, _RowUses(np.zeros((0, 0), dtype=bool), {})
        indptr, indices = self._present.indptr, self._present.indices
        bound = np.zeros(n)
        for column, weight in zip(claim.columns.tolist(), claim.column_weights.tolist()):
            bound[indices[indptr[column] : indptr[column + 1]]] += weight
        floor = CANDIDATE_COVERAGE * (1 - self._value_share(claim)) * claim.least_total
        rows = np.flatnonzero(bound >= floor)
        if claim.sentence is not None:
            rows = rows[self._doc_of[rows] != claim.doc_index]
        if not len(rows):
            return {}, _RowUses(np.zeros((0, len(claim.columns)), dtype=bool), {})
        by_doc: dict[int, list[int]] = {}
        for r in rows.tolist():
            by_doc.setdefault(int(self._doc_of[r]), []).append(r)
        neighbours = np.concatenate([rows - 1, rows, rows + 1])
        neighbours = neighbours[(neighbours >= 0) & (neighbours < n)]
        neighbours = neighbours[np.isin(self._doc_of[neighbours], self._doc_of[rows])]
        order = distinct_values(neighbours)
        position = np.full(n, -1)
        position[order] = np.arange(len(order))
        dense = np.zeros((len(order), len(claim.columns)), dtype=bool)
        for k, column in enumerate(claim.columns.tolist()):
            at = position[indices[indptr[column] : indptr[column + 1]]]
            dense[at[at >= 0], k] = True
        return by_doc, _RowUses(dense, {int(r): k for k, r in enumerate(order.tolist())})

    def _verdict(
        self, claim: Claim, d: int, rows: list[int], uses: _RowUses, share: dict[int, float]
    ) -> ArticleVerdict:
        if claim.doc_index == d and claim.sentence is not None:
            return ArticleVerdict(d, STATES, Evidence((claim.sentence,), 1.0))
        if not rows:
            return ArticleVerdict(d, SILENT)
        candidates: list[tuple[int, ...]] = [(r,) for r in rows]
        # Adjacent pairs whose union carries much more than either alone.
        pair_floor = PAIR_STATES_COVERAGE * (1 - self._value_share(claim))
        for r in sorted({p for row in rows for p in (row - 1, row)}):
            if r < 0 or r + 1 >= len(self._doc_of) or self._doc_of[r] != d or self._doc_of[r + 1] != d:
                continue  # two sentences of one article, never the last of one and the first of the next
            if r in share and r + 1 in share and min(share[r], share[r + 1]) >= PAIR_MIN_SHARE:
                pair_credit = self.credit(claim, uses[[r, r + 1]].any(axis=0))
                if float(pair_credit.sum()) / claim.total_for(pair_credit) >= pair_floor:
                    candidates.append((r, r + 1))
        for r, q in ((r, q) for r in rows for q in rows if 1 < q - r <= PAIR_GAP):
            if min(share.get(r, 0.0), share.get(q, 0.0)) >= PAIR_MIN_SHARE:
                pair_credit = self.credit(claim, uses[[r, q]].any(axis=0))
                if float(pair_credit.sum()) / claim.total_for(pair_credit) >= pair_floor:
                    candidates.append((r, q))
        best_states: Evidence | None = None
        best_contradicts: Evidence | None = None
        told_otherwise = False  # some candidate says the claim but with another day, date, year or hour
        placed_otherwise = False  # some candidate says the claim but in another place
        for sentences in candidates:
            evidence, other_day, other_place = self._judge(claim, sentences, uses)
            told_otherwise |= other_day
            placed_otherwise |= other_place
            if evidence is None:
                continue
            # One sentence that says it is better evidence than two that say more between them.
            if evidence.differences:
                if best_contradicts is None or _better(evidence, best_contradicts):
                    best_contradicts = evidence
            elif best_states is None or _better(evidence, best_states):
                best_states = evidence

        def led(evidence: Evidence) -> Evidence:
            if len(evidence.sentences) < 2:
                return evidence
            return replace(evidence, lead=max(evidence.sentences, key=lambda r: share.get(r, 0.0)))

        if best_states is not None and told_otherwise and self._untimed(claim, best_states):
            # "In their meeting, Lavrov invited Meshaal ..." says no day; the article's "met ... on
            # Monday" does: it tells the claim on another day than the claim's Friday.
            best_states = None
        if (
            best_states is not None
            and placed_otherwise
            and self._unplaced(claim, best_states)
            and not self._names_place(claim, d)
        ):
            # "During the meeting, the two discussed ..." names no place; the article's "met ... in
            # Doha" does, and it never names the claim's Cairo: it tells the meeting somewhere else.
            # (An article that names the claim's place too may tell two such events: the two blasts
            # of Nairobi and Dar es Salaam.)
            best_states = None
        if best_states is not None:
            return ArticleVerdict(d, STATES, led(best_states))
        if best_contradicts is not None:
            return ArticleVerdict(d, CONTRADICTS, led(best_contradicts))
        return ArticleVerdict(d, SILENT)

    def _other_actor(self, claim: Claim, sentences: tuple[int, ...]) -> bool:
        """Does an evidence sentence name someone else as the one who did what the claim says: a name
        the claim does not print just before the claim's verb ("Lavrov invited ...", "Lavrov has
        invited ..."), not in the passive ("Ahmed and Hemed were charged": whom it was done to)?"""
        claim_columns = set(claim.columns.tolist())
        for i in sentences:
            text = self.story.sentences[i].text
            found = list(WORD_RE.finditer(text))
            words = [m.group() for m in found]
            stems = [self.vectors.variants.get(stem(w), stem(w)) for w in words]
            at = next((k for k, s_ in enumerate(stems) if s_ in claim.verb_stems), None)
            k = (at or 0) - 1
            while k >= 0 and (words[k].lower() in _PERFECT or stems[k] in HEDGE_WORDS):
                k -= 1  # "has invited", "also invited"
            if at is None or k < 0 or words[k].lower() in _BE_FORMS | _PASSIVE_AUXILIARIES:
                continue
            if "," in text[found[k].end() : found[at].start()]:
                continue  # "The crash, about 60 miles from Nantucket, Mass., killed ...": the subject is further back
            word = words[k]
            if not word[:1].isupper() or stems[k] in claim.stems or stems[k] in _CALENDAR_STEMS:
                continue
            if self.vectors.index.get(stems[k], -1) in claim_columns:
                continue  # a name the claim gives by a description ("the Hamas leader" for Meshal)
            if k == 0 and not self.names_known.is_name(word):
                continue  # a capital that opens the sentence
            return True
        return False

    def _verb_only_in_names(self, claim: Claim, sentences: tuple[int, ...]) -> bool:
        """Do the evidence sentences print the claim's main verb only as a word of a capitalised name
        ("Court of Appeals", "Fire Service") and never in lower case? (A sentence's first word is
        capitalised as any word is: it counts as lower case.)"""
        in_name = False
        for i in sentences:
            for k, token in enumerate(WORD_RE.findall(self.story.sentences[i].text)):
                s_ = stem(token)
                if self.vectors.variants.get(s_, s_) not in claim.verb_stems:
                    continue
                if k and token[:1].isupper():
                    in_name = True
                else:
                    return False
        return in_name

    def _vouched(self, claim: Claim, text: str) -> bool:
        """Does the evidence say that the claim's confirming side vouches for it: it confirms too, or
        one of the claim's confirmers is who tells it ("John Mayoue, told the newspaper that ...")?"""
        words = WORD_RE.findall(text)
        stems = [self.vectors.variants.get(stem(w), stem(w)) for w in words]
        if any(s_ in CONFIRMING_WORDS for s_ in stems):
            return True
        confirmers = {
            self.vectors.terms[c]
            for u in np.flatnonzero(claim.confirmers)
            for c in claim.columns[claim.unit_starts[u] : (list(claim.unit_starts) + [len(claim.columns)])[u + 1]]
        }
        return any(
            s_ in confirmers and any(t in REPORTING_WORDS for t in stems[k + 1 : k + 1 + SPEAKER_WINDOW])
            for k, s_ in enumerate(stems)
        )

    def _negation_carried(self, claim: Claim, sentences: tuple[int, ...]) -> bool:
        """Of a pair of sentences that say no once, does the sentence that says it also hold what the
        claim's no is of (the first content word after it: "No *firefighters* were hurt", "was not
        *hurt*")? A negated claim with no such word is carried as before."""
        m = _NEGATION_WORD.search(claim.core)
        target = V.content_stems_no_digits(claim.core[m.end() :])[:1] if m else []
        if not target:
            return True
        variants = self.vectors.variants
        word = variants.get(target[0], target[0])
        return any(
            word in {variants.get(w, w) for w in V.content_stems_no_digits(self.story.sentences[i].text)}
            for i in sentences
            if self.negated(i)
        )

    def _names_place(self, claim: Claim, d: int) -> bool:
        """Does article ``d`` name a place of the claim anywhere?"""
        words = set().union(*(s.stems for s in self.story.sentences if s.doc_index == d))
        return any(any(self.one_place(p, w) for w in words) for p in claim.places)

    def _unplaced(self, claim: Claim, evidence: Evidence) -> bool:
        """Does the evidence leave out a place the claim names?"""
        words = set().union(*(self.story.sentences[i].stems for i in evidence.sentences))
        return not all(any(self.one_place(p, w) for w in words) for p in claim.places)

    def _untimed(self, claim: Claim, evidence: Evidence) -> bool:
        """Does the evidence leave out a day, date, year or hour the claim gives?"""
        text = " ".join(self.story.sentences[i].text for i in evidence.sentences)
        return any(
            bool(find(claim.core)) and not find(text)
            for find in (V.event_weekdays, V.event_dates, V.years_in, V.times_of_day)
        )

    def _value_share(self, claim: Claim) -> float:
        return claim.value_weight * len(claim.numbers) / claim.total

    def _judge(self, claim: Claim, sentences: tuple[int, ...], uses: _RowUses | np.ndarray) -> Judgment:
        """The evidence ``sentences`` give: states (no differences), contradicts (differences) or None,
        and whether they tell the claim on another day, date, year or hour (``Judgment``)."""
        told_otherwise = False
        if claim.strangers:
            # "Putin invited Meshaal": an article about Lavrov's invitation does not say it
            return Judgment(None, told_otherwise)
        width = uses.width if isinstance(uses, _RowUses) else uses.shape[1]
        used = uses[list(sentences)].any(axis=0) if width else np.zeros(0, dtype=bool)
        credit = self.credit(claim, used) if used.size else np.zeros(0)
        term_score = float(credit.sum())
        text = " ".join(self.story.sentences[i].text for i in sentences)
        numbers = [n for i in sentences for n in self.numbers_of(i, earlier=claim.earlier)]
        told = {V.OUTCOMES[w] for w in V.content_stems_no_digits(text) if w in V.OUTCOMES}
        value_score, differences, disputed, other_scope = self._compare_numbers(claim, numbers, told)
        value_score += claim.value_weight * self._people_listed(claim, numbers, text)
        differences += [
            Difference(k, x, y) for k, x, y in V.calendar_differences(claim.core, text, self.vectors.variants)
        ]
        differences += [Difference(k, x, y) for k, x, y in V.rank_differences(claim.core, text)]
        if differences and (V.FORECAST.search(claim.core) or V.FORECAST.search(text)):
            # Projections differ because they were made at different times or by different people:
            # a forecast's figures and days are no dispute (nor confirmation, below, when they differ).
            differences = []
            if value_score < claim.value_weight * len(claim.numbers) - 1e-9:
                return Judgment(None, told_otherwise)
        negated = any(self.negated(i) for i in sentences)
        if negated != claim.negated:
            return Judgment(None, told_otherwise)
        if negated and len(sentences) > 1 and not self._negation_carried(claim, sentences):
            # "No firefighters were hurt" is not told by "Three firefighters suffered minor burns. No
            # residents were hurt.": the pair's "no" is of the residents, the firefighters' sentence affirms.
            return Judgment(None, told_otherwise)
        if self._elsewhere(claim, sentences):
            # The claim told in another place: whether or not this sentence says it, the article's
            # sentences that say it without a place do not say it of the claim's place.
            bar = STATES_COVERAGE if len(sentences) == 1 else PAIR_STATES_COVERAGE
            return Judgment(None, told_otherwise, (term_score + value_score) / claim.total_for(credit) >= bar)
        if any(d.kind in CALENDAR_KINDS for d in differences) and V.own_value_mismatches(claim.core, text):
            # Whether or not it makes a dispute, the claim told with another day or hour.
            bar = STATES_COVERAGE if len(sentences) == 1 else PAIR_STATES_COVERAGE
            told_otherwise = (term_score + value_score) / claim.total_for(credit) >= bar
        if differences and claim.places:
            # A dispute of a claim set in a place ("in the Tanzania blast") is one only from a report
            # of that place: "the car bombing killed 10" (in another outlet's other paragraph) may be of the other.
            words = set().union(*(self.story.sentences[i].stems for i in sentences))
            if not claim.places <= words:
                return Judgment(None, told_otherwise)
        elif differences:
            # A figure given for a place the claim does not name, in the clause that gives it, is
            # another event's: "the blast killed 11" is not gainsaid by "the blast in Nairobi killed 247".
            here = self._context_places(claim)
            differences = [
                d for d in differences if not (self._clause_places(text, d.article) - claim.raw_stems - here)
            ]
            if not differences or self._set_elsewhere(claim, sentences, here):
                return Judgment(None, told_otherwise)
        if differences:
            # "the bombings killed 258" counts both events, not the claim's one (or the reverse),
            # in the sentence that gives the figure.
            def rival_text(d: Difference) -> str:
                return next((t for t in (self.story.sentences[i].text for i in sentences) if d.article in t), text)

            differences = [
                d
                for d in differences
                if not (_totals_several(claim.core, rival_text(d)) or _totals_several(rival_text(d), claim.core))
            ]
            if not differences:
                return Judgment(None, told_otherwise)
            # Of another kind of event: "the attack on August 20" / "the bombings on Aug. 7".
            # Two people's own words ("I've waited 16 years," / "waiting ... for 15 years," said another).
            differences = [
                d for d in differences if not (_quoted(claim.core, d.claim) and _quoted(rival_text(d), d.article))
            ]
            differences = [
                d
                for d in differences
                if (ours := _event_kind(claim.core, d.claim)) is None
                or not (theirs := _event_kinds(_clause_of(rival_text(d), d.article)))
                or ours in theirs
            ]
            if not differences or other_scope:
                # (or a figure of the claim's is given for something many times larger: another scope)
                return Judgment(None, told_otherwise)
            if _ANOTHER_EVENT.match(claim.core):
                # "Another strong earthquake ... struck": not the quake the others give figures for
                return Judgment(None, told_otherwise)
        if differences:
            # A dispute needs the claim's content, not two words and a figure ("about 1,000 people
            # will be helped" is no figure of "three other people were in detention").
            if int(((credit > 0) & claim.main).sum()) < MIN_DISPUTE_UNITS:
                return Judgment(None, told_otherwise)
            if claim.directed and not (credit[claim.verbs] > 0).any():
                # Another act with another figure ("told to leave" / "told to stay in their homes") is no dispute.
                return Judgment(None, told_otherwise)
            names = claim.is_name & claim.main & ~self._calendar_units(claim)
            if names.any() and float(credit[names].sum()) < DISPUTE_NAME_COVERAGE * float(claim.weights[names].sum()):
                return Judgment(None, told_otherwise)
            # Values aside, does it say what the claim says?
            values = claim.value_weight * len(claim.numbers)
            rest = claim.total - values
            coverage = (term_score + value_score) / (rest + value_score) if rest > 0 else 0.0
            if coverage < CONTRADICTS_COVERAGE and not (
                coverage >= CONTRADICTS_MIN_COVERAGE
                and self._local_agreement(claim, credit, disputed) >= LOCAL_COVERAGE
            ):
                return Judgment(None, told_otherwise)
            evidence = Evidence(sentences, round((term_score + value_score) / claim.total, 3), tuple(differences))
            return Judgment(evidence, told_otherwise)
        if value_score < claim.value_weight * len(claim.numbers) - 1e-9:
            return Judgment(None, told_otherwise)  # a figure of the claim that the evidence does not give
        score = (term_score + value_score) / claim.total_for(credit)
        what = claim.predicate & ~claim.optional
        predicate_total = float(claim.weights[what].sum()) + claim.value_weight * len(claim.numbers)
        if predicate_total > 0 and used.size:
            predicate = float(credit[what].sum()) + value_score
            if predicate / predicate_total < PREDICATE_COVERAGE:
                return Judgment(None, told_otherwise)
            if claim.verbs.any() and not (credit[claim.verbs] > 0).any():
                # the same people and things, but not what the claim says they did
                return Judgment(None, told_otherwise)
            years = what & self._year_units(claim)
            if years.any() and float(claim.weights[years].sum()) >= DATED_ACT_SHARE * float(claim.weights[what].sum()):
                # "Meshaal last travelled to Moscow in 2012": the year is what the claim says of the
                # act, not an article's detail; an invitation to visit Moscow with no year does not
                # say it, nor does it with the year of another act in the sentence next to it.
                own = [self.credit(claim, uses[[i]].any(axis=0)) for i in sentences]
                if not any((c[years] > 0).any() and (not claim.verbs.any() or (c[claim.verbs] > 0).any()) for c in own):
                    return Judgment(None, told_otherwise)
            if VERB_NOT_IN_A_NAME and claim.verbs.any() and self._verb_only_in_names(claim, sentences):
                # "The family then appealed to the 11th U.S. Circuit Court of Appeals": a court's name
                # holds the word, no one appeals in "The 11th Circuit Court of Appeals ... rejected a request"
                return Judgment(None, told_otherwise)
            if (
                claim.own_words.any()
                and not claim.numbers
                and (credit[claim.word_classes] > 0).any()
                and 2 * int((credit[claim.own_words] > 0).sum()) < int(claim.own_words.sum())
            ):
                # one common word of a short claim ("members") and any word for people ("men")
                return Judgment(None, told_otherwise)
            if claim.confirmers.any() and not self._vouched(claim, text):
                # "Russia has confirmed ... the invitation": a Hamas official's word is not Russia's
                return Judgment(None, told_otherwise)
            if claim.intents.any() and not (credit[claim.intents] > 0).all():
                # "The fire was started deliberately": a fire that started says nothing of intent
                return Judgment(None, told_otherwise)
            if claim.actors.any() and not (credit[claim.actors] > 0).any() and self._other_actor(claim, sentences):
                return Judgment(None, told_otherwise)  # "Lavrov invited Mashaal to Moscow" does not say that Putin did
            if not claim.planned and claim.verb_stems and is_planned(text, claim.verb_stems):
                return Judgment(None, told_otherwise)  # what was done is not stated by a plan or a possibility of it
            if claim.verb_stems and is_refused(text, claim.verb_stems) != is_refused(claim.core, claim.verb_stems):
                # an act refused is not done, and an act done is not refused ("Lavrov met Mashaal" does
                # not state "Russia refused to meet Hamas")
                return Judgment(None, told_otherwise)
            if claim.plan_to and not tells_plan(text, claim.verb_stems):
                # "is scheduled to give a deposition": not "refused to give" nor "gave" it
                return Judgment(None, told_otherwise)
        threshold = STATES_COVERAGE if len(sentences) == 1 else PAIR_STATES_COVERAGE
        if score < threshold:
            return Judgment(None, told_otherwise)
        if V.own_value_mismatches(claim.core, text):
            # The claim's own day, date, year or hour, and the evidence gives only another one.
            return Judgment(None, True)
        return Judgment(Evidence(sentences, round(min(score, 1.0), 3)), told_otherwise)

    @staticmethod
    def _local_agreement(claim: Claim, credit: np.ndarray, disputed: list[int]) -> float:
        """Of the words around the disputed figures (positions in ``claim.numbers``; a figure of the
        background has none), the share (by weight) the evidence carries: for a long claim, the clause
        the dispute is about ("with nearly 100 arrests" / "resulted in 120 arrests")."""
        near = set().union(*(claim.around[k] for k in disputed if k < len(claim.around)))
        if not near or not credit.size:
            return 0.0
        units = sorted(near)
        total = float(claim.weights[units].sum())
        return float(credit[units].sum()) / total if total else 0.0

    def places_of(self, index: int) -> frozenset[str]:
        """The places a sentence names, and those the story names elsewhere that it prints in
        lower case ("outside the U.S. embassy in tanzania")."""
        if index not in self._places:
            found = place_stems(self.story.sentences[index].text)
            lower = {stem(m.group(1)) for m in _LOWER_PLACE.finditer(self.story.sentences[index].text)}
            if lower:
                found |= lower & self.story_places
            self._places[index] = found - self.common_places
        return self._places[index]

    @cached_property
    def _place_counts(self) -> Counter:
        return Counter(p for s in self.story.sentences for p in place_stems(s.text))

    @cached_property
    def story_places(self) -> frozenset[str]:
        """Places named at least twice in the story, capitalised, after a locative."""
        return frozenset(p for p, n in self._place_counts.items() if n >= 2) - self.common_places

    @cached_property
    def common_places(self) -> frozenset[str]:
        """Capitalised words after a locative that name no one place: "at the U.S. Embassy", which
        the story also prints in lower case ("the embassy"), and initials."""
        words: Counter = Counter()
        for s in self.story.sentences:
            words.update(_LONG_WORD.findall(s.text))
        places = self._place_counts
        lower: Counter = Counter()
        capitalised: Counter = Counter()
        for w, n in words.items():
            key = stem(w.lower())
            if key in places:  # only the places' counts are read
                (lower if w.islower() else capitalised)[key] += n
        return frozenset(
            p for p in self._place_counts if len(p.strip(".")) <= 2 or "." in p or 2 * lower[p] > capitalised[p]
        )

    def _elsewhere(self, claim: Claim, sentences: tuple[int, ...]) -> bool:
        """Does the evidence put the event somewhere else: a place of the claim ("in the Tanzania
        blast") that it does not name, and a place it names that the claim does not ("in neighboring
        Kenya")? Then it tells another event in the same words, with no bearing on the claim."""
        if not claim.places:
            return False
        words = set().union(*(self.story.sentences[i].stems for i in sentences))
        if all(any(self.one_place(p, w) for w in words) for p in claim.places):
            return False
        theirs = set().union(*(self.places_of(i) for i in sentences))
        return any(not any(self.one_place(p, w) for w in claim.raw_stems) for p in theirs)

    @cached_property
    def place_within(self) -> dict[str, frozenset[str]]:
        """The places the story sets in others, as it prints them ("in Dar es Salaam, Tanzania"): the
        stem of each word of the inner place -> the outer places (named after a locative elsewhere too)."""
        within: dict[str, set[str]] = {}
        for sentence in self.story.sentences:
            for m in _PLACE_IN_PLACE.finditer(sentence.text):
                outer = stem(m.group("outer"))
                if outer not in self._place_counts:
                    continue
                for w in WORD_RE.findall(m.group("inner")):
                    if is_content(w) and stem(w) != outer:
                        within.setdefault(stem(w), set()).add(outer)
        return {k: frozenset(v) for k, v in within.items()}

    def one_place(self, a: str, b: str) -> bool:
        """One place: the same, a name and its adjective ("qatar" / "qatari"), or one the story sets
        in the other ("Doha" / "Qatar")."""
        if one_place(a, b):
            return True
        return any(one_place(x, b) for x in self.place_within.get(a, ())) or any(
            one_place(x, a) for x in self.place_within.get(b, ())
        )

    def disputes_back(self, sentence: int, evidence: Evidence, difference: Difference) -> bool:
        """Is the dispute mutual: does the clause of the evidence that gives the other value, taken
        as a claim, find ``sentence`` disputing it? A conflict between outlets is one only if each
        side's sentence says the other's thing ("80 percent of 7.3 million people" and "83 percent
        of Quebec's 7.4 million people"), not when one merely holds words of the other."""
        own = next((i for i in evidence.sentences if difference.article in self.story.sentences[i].text), None)
        if own is None:
            return True
        text = self.story.sentences[own].text
        clauses = [_clause_of(text, difference.article)]
        if clauses[0] is text and (widened := _clause_with_head(text, difference.article)) is not text:
            # A figure told in a short apposition ("..., 80 percent of 7.3 million people, and ..."):
            # the whole sentence says more than the other side's; the figure with its head says its thing.
            clauses.insert(0, widened)
        for clause in clauses:
            claim = self.claim_of_text(clause)
            found = self._judge(claim, (sentence,), self.term_coverage(claim)).evidence
            if found is not None and found.differences:
                return True
        return False

    def _year_units(self, claim: Claim) -> np.ndarray:
        """Per unit of the claim: a year ("2012")."""
        terms = self.vectors.terms
        return (
            np.array(
                [
                    all(_YEAR_TERM.fullmatch(terms[c]) for c in unit)
                    for unit in np.split(claim.columns, claim.unit_starts[1:])
                ],
                dtype=bool,
            )
            if len(claim.columns)
            else np.zeros(0, dtype=bool)
        )

    def _calendar_units(self, claim: Claim) -> np.ndarray:
        """Per unit of the claim: a day or month name ("Tuesday"), a value rather than who or where."""
        terms = self.vectors.terms
        return (
            np.array(
                [
                    all(terms[c] in _CALENDAR_STEMS for c in unit)
                    for unit in np.split(claim.columns, claim.unit_starts[1:])
                ],
                dtype=bool,
            )
            if len(claim.columns)
            else np.zeros(0, dtype=bool)
        )

    def _context_places(self, claim: Claim) -> frozenset[str]:
        """Where the claim's article last put its story, before the claim (a claim of the story only)."""
        if claim.sentence is None:
            return frozenset()
        i = claim.sentence - 1
        while i >= 0 and self._doc_of[i] == claim.doc_index:
            if self.places_of(i):
                return self.places_of(i)
            i -= 1
        return frozenset()

    def _clause_places(self, text: str, value: str) -> frozenset[str]:
        """The places named in the clause (between commas) of ``text`` that prints ``value``."""
        at = text.find(value)
        if at < 0:
            return frozenset()
        start = max(text.rfind(mark, 0, at) for mark in ",;:")
        ends = [e for e in (text.find(mark, at + len(value)) for mark in ",;:") if e >= 0]
        clause = text[start + 1 : min(ends) if ends else len(text)]
        found = place_stems(clause)
        lower = {stem(m.group(1)) for m in _LOWER_PLACE.finditer(clause)}
        return (found | (lower & self.story_places)) - self.common_places

    def _set_elsewhere(self, claim: Claim, sentences: tuple[int, ...], here: frozenset[str]) -> bool:
        """For a claim of the story that names no place: does the evidence name places the claim's
        article did not set it in, and not the place it did ("the blast killed 11" after "in Dar es
        Salaam", against "in Nairobi ... killed 247")?"""
        theirs = set().union(*(self.places_of(i) for i in sentences)) - claim.raw_stems
        if not theirs or not here:
            return False
        words = set().union(*(self.story.sentences[i].stems for i in sentences))
        return bool(here - words) and bool(theirs - here)

    def _people_listed(self, claim: Claim, numbers: list[V.Number], text: str) -> int:
        """How many of the claim's small counts of people the evidence gives as that many people
        named ("two men were charged" / "Mustafa Mahmoud Said Ahmed and Rashid Saleh Hemed were
        charged"; "a Tanzanian and an Egyptian"), when it gives no figure for them itself."""
        found = 0
        for x in claim.numbers:
            if not (
                x.low == x.high and 2 <= x.low <= MAX_PEOPLE_LISTED and x.unit is None and x.head in V.PEOPLE_NOUNS
            ):
                continue
            if any(
                y.head == x.head
                or (y.head in V.PEOPLE_NOUNS and (x.outcome == y.outcome or not (x.outcome and y.outcome)))
                for y in numbers
            ):
                continue  # a figure of its own for them: compared as a figure
            if any(len(names) == int(x.low) for names in self._named_lists(text)):
                found += 1
        return found

    def _named_lists(self, text: str) -> list[list[str]]:
        """Lists of people the text names ("A, B and C"; "a Tanzanian and an Egyptian"), places left out."""
        lists = []
        for m in _NAMED_LIST.finditer(text):
            names = [n for n in re.split(r",\s+(?:and\s+)?|\s+and\s+", m.group()) if n]
            stems = [stem(WORD_RE.findall(n)[-1]) for n in names if WORD_RE.findall(n)]
            if len(stems) == len(names) and not any(
                s_ in self.story_places or s_ in self.common_places for s_ in stems
            ):
                lists.append(names)
        return lists

    def _compare_numbers(
        self, claim: Claim, numbers: list[V.Number], told: set[str] | frozenset[str] = frozenset()
    ) -> tuple[float, list[Difference], list[int], bool]:
        """The weight of the claim's figures the evidence confirms, the figures it gives differently, the
        positions of the disputed ones in ``claim.numbers + claim.detail_numbers``, and whether one of the
        claim's figures is given for another scope (returned, not kept on the aligner: each judgement
        reads its own).

        A figure confirms one of the claim's when it has the same value, or a compatible one for the
        same kind of thing (a hedge is a range, but "over 28 years" confirms no sum of money); each
        figure of the evidence confirms or disputes one figure of the claim at most. A figure of the
        claim told with its deaths ("three firefighters died", ``OUTCOMES_MUST_BE_TOLD``) is confirmed only
        where the evidence tells that outcome (``told``: the outcome classes of its words), not by the
        same count of the same people told with another ("three firefighters suffered minor burns")."""
        score = 0.0
        differences: list[Difference] = []
        disputed: list[int] = []
        other_scope = False
        used: set[int] = set()
        for x in claim.numbers:
            match = next(
                (
                    k
                    for k, y in enumerate(numbers)
                    if k not in used
                    and not V.disjoint(x, y)
                    and not _bounds_apart(x, y)
                    and not _bound_far_below(x, y)
                    and (
                        V.comparable(x, y)
                        or (x.low == x.high == y.low == y.high and x.unit == y.unit and not (x.outcome or y.outcome))
                    )
                ),
                None,
            )
            if match is not None:
                used.add(match)  # told with another outcome, it is no rival either: only not confirmed
                y = numbers[match]
                if x.outcome not in OUTCOMES_MUST_BE_TOLD or y.outcome == x.outcome or x.outcome in told:
                    score += claim.value_weight
        for position, x in enumerate(claim.numbers + claim.detail_numbers):
            if any(not V.disjoint(x, y) and V.comparable(x, y) for y in numbers):
                continue
            alike = [y for y in numbers if V.same_thing_counted(x, y, any_size=True)]
            if alike and not any(V.plausibly_one(x, y) for y in alike):
                other_scope = True  # "one to four cases for every 10,000 children" / "40 cases among 6,000"
            # A part of those struck is not all of them ("all 109 people in the plane" / "killing 113 people").
            rivals = [
                k for k, y in enumerate(numbers) if k not in used and V.same_thing_counted(x, y) and x.part == y.part
            ]
            if len(rivals) != 1:
                continue  # no figure for the same thing, or several: nothing to set against it
            rival = numbers[rivals[0]]
            # The rival must agree with none of the claim's figures for that thing ("3.7 billion
            # (6.2 billion Australian dollars)" holds two figures of one sum).
            if any(
                not V.disjoint(z, rival) for z in claim.numbers + claim.detail_numbers if V.same_thing_counted(z, rival)
            ):
                continue
            used.add(rivals[0])
            differences.append(Difference("number", x.text.strip(), rival.text.strip()))
            disputed.append(position)
        return score, differences, disputed, other_scope


# The comma between a name and the age that follows it ("Russell Henderson, 22, pleaded guilty").
_AGE_AFTER_NAME = re.compile(r"[A-Z][\w'’-]*,\s*$")
# "one of 552 sites", "one of a handful of 552 World Heritage sites", "one of the 12": the figure counts
# the set its thing belongs to.
_ONE_OF_BEFORE = re.compile(r"\bone\s+of\s+(?:a\s+handful\s+of\s+|the\s+|only\s+|some\s+)?$", re.IGNORECASE)
# Two figures given as bounds the same way ("more than 20,500 miles" / "more than 10,500 miles", two
# moments of one flight; "more than 13,000" / "more than 15,000" dead, two days' tolls) are two figures:
# one confirms the other only when their bounds are this close (a rounding). Neither disputes the other.
BOUND_TOLERANCE = 0.05


def _bounds_apart(x: V.Number, y: V.Number) -> bool:
    """Are ``x`` and ``y`` bounds of one side ("more than", "at least"; "up to", "fewer than") with
    bounds farther apart than a rounding (``BOUND_TOLERANCE``)?"""
    (x_low, x_high), (y_low, y_high) = x.in_base_units(), y.in_base_units()
    if x_high == y_high == float("inf"):
        a, b = x_low, y_low
    elif x_low == y_low == 0 and x_high < float("inf") and y_high < float("inf"):
        a, b = x_high, y_high
    else:
        return False
    low, high = sorted((abs(a), abs(b)))
    return high > low * (1 + BOUND_TOLERANCE)


# An evidence's bound confirms a claim's figure only near it: "more than 1,000" tells "about 1,200", but
# "at least 31 people died" (in a hostel blast) says nothing of "550 civilians have died in the raids",
# nor "more than 2,300" (losses) of "an estimated 13,000 troops": a figure beyond this many times the
# evidence's bound is more than the evidence says. (The other way, the claim's bound is entailed by a
# figure beyond it: "2.7 million deaths a year" tells "more than one million deaths each year".)
BOUND_CONFIRMS_WITHIN = 2.0


def _bound_far_below(claimed: V.Number, given: V.Number) -> bool:
    """Is the evidence's figure ``given`` an open bound ("at least 31", "fewer than 10,000") that the
    claim's figure ``claimed`` lies far beyond (more than ``BOUND_CONFIRMS_WITHIN`` times the bound)?"""
    (b_low, b_high), (o_low, o_high) = given.in_base_units(), claimed.in_base_units()
    if math.isinf(b_high) and not math.isinf(o_high) and b_low > 0 and o_low > b_low * BOUND_CONFIRMS_WITHIN:
        return True
    return b_low == 0 and o_low > 0 and not math.isinf(b_high) and o_high * BOUND_CONFIRMS_WITHIN < b_high


# People named one by one stand for their count up to this many ("two men", "three suspects").
MAX_PEOPLE_LISTED = 4
_LISTED_NAME = r"(?:(?:[Aa]n?|[A-Z][a-z]+)\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
_NAMED_LIST = re.compile(
    rf"(?<![\w,])\s*(?:\b{_LISTED_NAME})(?:,\s+{_LISTED_NAME}){{0,{MAX_PEOPLE_LISTED - 2}}},?\s+and\s+(?:{_LISTED_NAME})(?!\s+[A-Z])"
)


# The claim's main verb, the first in the past of its main clause: the evidence must say it (or a
# word for it), or it tells the same people in another act ("Tanzania has expelled 14 foreigners" / "an Australian
# among 14 foreigners arrested ... has been released").
_VERB_FORM = re.compile(r"[a-z]{3,}ed")
_PROGRESSIVE = re.compile(r"[a-z]{3,}ing")
_BE_FORMS = frozenset("is are was were".split())
_DETERMINERS = frozenset("a an the his her its their this that these those".split())
AUXILIARIES = frozenset("is are was were be been being has have had 's".split())
_PERFECT = frozenset("has have had".split())
RELATIVE_WORDS = frozenset("who whom whose which".split())  # open a clause about someone, not the claim's act
_PASSIVE_AUXILIARIES = frozenset("be been being".split())
# Verbs that say little of their own: what happened is their object ("received two life
# sentences" / "was sentenced to"; "suffered minor burns" / "taken to hospital with minor burns").
LIGHT_VERBS = frozenset(
    stem(w)
    for w in """received suffered sustained faced issued used considered expected seemed appeared
    remained continued involved included based called named described allowed asked planned
    alleged reached""".split()  # "reached an agreement": its noun says what happened ("decided how to split")
)
# Verbs before "to" and a verb that say how the act came about, not what it was: "were forced to
# ditch their balloon off Hawaii" says they ditched it ("The three ditched their balloon off Hawaii").
# They weigh as a manner and are not the clause's verb; not verbs of wanting or planning ("tried to",
# "planned to": ``PLAN_WORDS``), which do not say the act happened.
CATENATIVE_VERBS = frozenset(stem(w) for w in "forced compelled obliged managed".split())
# A word of planning before "to" and a verb ("is scheduled to complete its adventure", "is prepared to
# split the assets") says that the verb after "to" is planned: that verb is the claim's, to be found
# as a plan ("will complete", "is ready to split"), not the word of planning. Not
# "due" ("due to bad weather" gives a cause, no verb), "going" ("going to court"), "set" ("set to music").
PLANS_BY_THEIR_VERB = True


# A toll of the story's event is the claim's main content when the claim tells the event and its
# toll only: "EgyptAir Flight 990 crashed into the Atlantic ..., killing 217 people on board" (an
# event verb, then a result clause with the count) or "A blast at the embassy killed 11 people"
# (an event noun killing a count). The event is then stated by any report of the same toll.
# A year in the claim's predicate (not an adjunct marked optional) that the evidence does not give,
# weighing at least this share of the predicate: the act's date is what the claim says ("last
# travelled to Moscow in 2012"), and evidence without it does not state it (audit s15).
DATED_ACT_SHARE = 0.4
_YEAR_TERM = re.compile(r"(?:1[89]|20)\d\d")
# A count of the claim told with its outcome ("three firefighters died") is confirmed only by evidence
# that tells that outcome: the figure is the claim's act (audit s15: "Three firefighters died" was stated
# by "Three firefighters suffered minor burns").
# Only deaths: their words are few and always said ("died", "killed", "bodies", "lost their lives"),
# where an evacuation is told in any words ("forcing about 1,200 residents to leave their homes").
OUTCOMES_MUST_BE_TOLD = frozenset({"dead"})
TOLL_EVENT_VERBS = frozenset(stem(w) for w in lexicon.TOLL_EVENT_VERBS)
_OUTCOME_CLASSES = frozenset(V.OUTCOMES.values())
_OUTCOME_STEMS = frozenset(V.OUTCOMES)
_COUNT_START = (
    r"(?:(?:at\s+least|all|the|some|about|nearly|almost|more\s+than|an\s+estimated)\s+)*(?:\d|(?:"
    + "|".join(sorted(_NUMBER_WORDS))
    + r")\b)"
)
_RESULT_TOLL = re.compile(r",\s+(?:killing|injuring|wounding)\s+" + _COUNT_START, re.IGNORECASE)
_TOLL_OF_EVENT = re.compile(
    r"\s*(?:(?!\b(?:that|which|who)\b)[^,;])*?\b(?:"
    + "|".join(_EVENT_NOUNS.split())
    + r")s?\b(?:(?!\b(?:that|which|who)\b)[^,;])*?\s+(?=(?:killed|injured|wounded)\s+"
    + _COUNT_START
    + ")",
    re.IGNORECASE,
)


def _toll_event_end(main: str) -> int | None:
    """Where the event ends and its toll begins in a claim that tells only the two, else None."""
    m = _RESULT_TOLL.search(main)
    if m:
        return m.start()
    m = _TOLL_OF_EVENT.match(main)
    return m.end() if m else None


# What makes a verb a plan or a possibility rather than an act: a modal just before it ("will
# depart", "may have become filled"), or "to" after a word of planning ("were preparing to set off",
# "is scheduled to complete"), this many words before the verb at most.
MODAL_WORDS = frozenset(lexicon.MODAL_WORDS)
PLAN_WORDS = frozenset(stem(w) for w in lexicon.PLAN_WORDS)
DIRECTIVE_WORDS = frozenset(lexicon.DIRECTIVE_WORDS)
PLAN_WINDOW = 4
PLAN_TO_WORDS = PLAN_WORDS - {stem(w) for w in ("due", "going", "set")} | {
    stem(w) for w in ("prepared", "intended", "hoped", "aimed")
}


# A modal inside an embedded question or clause ("he did not understand how he could be charged",
# "asked why he would be charged") tells how the act came about, not that it is only possible:
# the question's word (lexicon.EMBEDDING_WORDS) this many words before the modal at most.
EMBEDDING_WORDS = frozenset(lexicon.EMBEDDING_WORDS)
EMBEDDING_WINDOW = 3


def _in_embedded_clause(words: list[str], modal_at: int) -> bool:
    """Is the modal at ``modal_at`` in ``words`` inside an embedded question or clause?"""
    return any(w.lower() in EMBEDDING_WORDS for w in words[max(0, modal_at - EMBEDDING_WINDOW) : modal_at])


def _to_verb_follows(found: list[re.Match[str]], k: int) -> bool:
    """Is word ``k`` of ``found`` followed by "to" and a verb in lower case ("told to leave", "refused
    to meet"), the act that word directs or refuses?"""
    return (
        k + 2 < len(found)
        and found[k + 1].group().lower() == "to"
        and found[k + 2].group()[:1].islower()
        and is_content(found[k + 2].group())
    )


def _asked_of(found: list, k: int, text: str) -> int | None:
    """If word ``k`` of ``found`` asks someone named after it to do something ("called for Condon to
    resign", "urged the government to act"), the position of that act's verb, else None: the object is
    at most ``ASKED_OBJECT_WORDS`` words, no comma, before "to" and a verb in lower case."""
    word = found[k].group().lower()
    if word not in lexicon.ASKING_WORDS:
        return None
    j = k + 1
    if j < len(found) and found[j].group().lower() in ("for", "on", "upon"):
        j += 1
    for t in range(j + 1, min(len(found) - 1, j + 1 + ASKED_OBJECT_WORDS)):
        if "," in text[found[t - 1].end() : found[t].start()]:
            return None
        if found[t].group().lower() == "to":
            verb = found[t + 1].group()
            return t + 1 if verb[:1].islower() and is_content(verb) else None
    return None


def is_planned(text: str, verb_stems: frozenset[str]) -> bool:
    """Is the first word of ``text`` found by ``verb_stems`` said as a plan or a possibility?"""
    words = WORD_RE.findall(text)
    stems = [stem(w) for w in words]
    at = next((k for k, s_ in enumerate(stems) if s_ in verb_stems), None)
    if at is None:
        return False
    start = max(0, at - PLAN_WINDOW)
    before = [w.lower() for w in words[start:at]]
    if any(w in MODAL_WORDS and not _in_embedded_clause(words, start + k) for k, w in enumerate(before)):
        return True
    if any(w in lexicon.CONDITION_WORDS for w in before):
        return True  # "If the court grants the petition": a condition, not an act
    # "were preparing Wednesday to set off": "to" after a word of planning, a few words apart at most
    return any(w == "to" and any(stem(b) in PLAN_WORDS for b in before[:k]) for k, w in enumerate(before))


REFUSAL_WORDS = frozenset(stem(w) for w in lexicon.REFUSAL_WORDS)
# The acts a refusal governs: the verbs after its "to", in a list ("to recognize Israel, accept ...
# deals and renounce violence") up to a clause's end, this many words at most.
REFUSAL_SPAN = 15
_CLAUSE_END = re.compile(r"[;:.!?]|\bbut\b|\bwhile\b|\bwhich\b|\bwho\b")


def is_refused(text: str, verb_stems: frozenset[str]) -> bool:
    """Is every word of ``text`` found by ``verb_stems`` an act refused ("Hamas is shunned ... over its
    refusal to recognize Israel, accept existing ... deals" does not say that Hamas accepted)?"""
    found = [m for m in WORD_RE.finditer(text) if stem(m.group()) in verb_stems]
    if not found:
        return False
    spans = []
    for m in re.finditer(r"\b(\w+)\s+to\s+", text):
        if stem(m.group(1)) not in REFUSAL_WORDS:
            continue
        end = _CLAUSE_END.search(text, m.end())
        words = list(WORD_RE.finditer(text, m.end(), end.start() if end else len(text)))[:REFUSAL_SPAN]
        if words:
            spans.append((m.end(), words[-1].end()))
    return all(any(a <= v.start() < b for a, b in spans) for v in found)


def tells_plan(text: str, verb_stems: frozenset[str]) -> bool:
    """Does ``text`` tell the act of ``verb_stems`` as a plan: the verb planned (``is_planned``), or the
    act named by its noun in a sentence that says what will be ("Another meeting with Lavrov will
    include ...")?"""
    if is_planned(text, verb_stems):
        return True
    words = WORD_RE.findall(text)
    at = next((k for k, w in enumerate(words) if stem(w) in verb_stems), None)
    if at is None or not at or words[at - 1].lower() not in _DETERMINERS | {"another"}:
        return False
    return any(w.lower() in MODAL_WORDS for w in words[at + 1 :])


IRREGULAR_PAST = frozenset(lexicon.IRREGULAR_PAST)
IRREGULAR_PARTICIPLES = frozenset(lexicon.IRREGULAR_PARTICIPLES)
# Words that may stand between "was" and its participle ("was formally sworn in", "was not taken").
_BEFORE_PARTICIPLE = frozenset("also formally officially later then first finally quickly never not".split())


def _irregular_at(words: list[str], k: int) -> bool:
    """Is ``words[k]`` the verb of an irregular past: a past form not after a determiner ("a set of"),
    or a participle after a form of "be" ("was sworn in")?"""
    word = words[k]
    if word in IRREGULAR_PAST and not (k and words[k - 1].lower() in _DETERMINERS):
        return True
    if word in IRREGULAR_PARTICIPLES:
        j = k - 1
        while j >= 0 and words[j].lower() in _BEFORE_PARTICIPLE:
            j -= 1
        return j >= 0 and words[j].lower() in _BE_FORMS | _PASSIVE_AUXILIARIES
    return False


# A claim's main verb is said by a word in lower case: a capitalised name that holds the word ("the 11th
# Circuit Court of Appeals") says no act (``Aligner._verb_only_in_names``).
VERB_NOT_IN_A_NAME = True
# A word in -ed that describes a thing is no clause's verb (``_attributive``): the verb picker goes on
# to the next ("tens of thousands of terrified residents streamed into parks": streamed).
ATTRIBUTIVE_PARTICIPLES = True


def _attributive(found: list[re.Match[str]], k: int) -> bool:
    """Is the word in -ed at ``found[k]`` an adjective, not the clause's verb: after a preposition ("a
    list of endangered sites"; no verb follows one), or after an adverb in -ly that follows a
    determiner or a preposition ("the racially motivated killing")? (A participle set off by commas
    after its subject, "The report, released in February, said ...", was tried as background too:
    with the verb after it required, two blind7 pairs that paraphrase the report were lost.)"""
    if not k:
        return False
    before = found[k - 1].group().lower()
    if before in lexicon.PREPOSITIONS:
        return True
    return (
        before.endswith("ly")
        and len(before) > 4
        and k > 1
        and found[k - 2].group().lower() in _DETERMINERS | lexicon.PREPOSITIONS
    )


def _irregular_verb_at(main: str) -> int | None:
    """Where the first verb of an irregular past of ``main`` is (``_irregular_verb``'s word)."""
    found = list(WORD_RE.finditer(main))
    words = [m.group() for m in found]
    return next((m.start() for k, m in enumerate(found) if _irregular_at(words, k)), None)


def _irregular_verb(main: str) -> frozenset[str]:
    """For a claim whose main clause has no verb in -ed, its first verb of an irregular past ("Three
    Europeans set off Wednesday"), with the words for it: what a plan of it would say."""
    words = WORD_RE.findall(main)
    for k, word in enumerate(words):
        if _irregular_at(words, k):
            s_ = stem(word)
            word_class = _WORD_CLASSES.get(s_)
            return frozenset({s_} | (_CLASS_MEMBERS[word_class] if word_class else set()))
    return frozenset()


# One act, several phrasings that share no word (or share one that says little alone: "set",
# "took"): a sentence printing any of them uses the words of all (``Aligner._with_phrasal_synonyms``).
# Each is (cues, one of which the sentence must print, the phrasings, the words they stand for).
# - "The engines were switched off" / "turned off" / "shut off" (only with "off": "turned the lights
#   red" is another act);
# - a departure: "set off" / "took off" / "lifting off" / "departed" / "after leaving the Swiss Alps"
#   (to leave a place, capitalised: not "left him for dead", "left 200,000 homeless");
# - a sentence: "received two life sentences" / "two consecutive life terms" / "life imprisonment".
PHRASAL_ACTS: tuple[tuple[tuple[str, ...], re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (cues, re.compile(pattern, re.IGNORECASE if lower else 0), tuple(stem(w) for w in words.split()))
    for cues, pattern, lower, words in (
        (("off",), r"\b(?:switch|turn|shut)(?:e?s|ed|ing|ting)?\s+off\b", True, "switch turn shut"),
        (
            ("off", "depart", "leav", "left"),
            r"\b(?:[Ss]et|[Ss]ets|[Ss]etting|[Tt]ook|[Tt]akes?|[Tt]aking|[Tt]aken|[Ll]ift(?:s|ed|ing)?|[Bb]last(?:s|ed|ing)?)\s+off\b"
            r"|\b[Dd]epart(?:s|ed|ing)?\b|\b(?:[Ll]eav(?:e|es|ing)|[Ll]eft)\s+(?:the\s+)?[A-Z]",
            False,
            "set take lift depart leave",
        ),
        # A term is a sentence ("two consecutive life terms" / "two life sentences"), and a life
        # sentence is one to prison; not the other way: "could face life in prison" is no sentence.
        (("term",), r"\b(?:life|prison|jail)\s+terms?\b", True, "sentence prison"),
        (("life",), r"\blife\s+(?:sentences?|imprisonment)\b", True, "prison"),
        # People made to leave their homes are evacuated, and the other way: "forced the evacuation
        # of about 1,200 people" / "forced about 1,200 residents from their homes" / "were told to
        # leave their homes". Only a home left counts: "left the country" is no evacuation.
        (
            ("evacu", "home"),
            r"\bevacuat(?:e|es|ed|ing|ion|ions)\b"
            r"|\b(?:leave|leaves|leaving|left|flee|flees|fled|fleeing)\s+(?:their|his|her)\s+homes?\b"
            # (the object may be long: "forced more than 1,500 people in Dunmere from their homes")
            r"|\b(?:forc|driv)(?:e|es|ed|ing|en)\s+(?:[\w,.-]+\s+){0,6}?from\s+(?:their|his|her)\s+homes?\b",
            True,
            "evacuate leave home",
        ),
    )
)


# A name spelled out: capitalised words, with "of", "for", "and", "the" between them ("National
# League for Democracy"); an acronym is two to six capitals ("NLD", "ABSDF").
_NAME_CONNECTORS = ("of", "for", "and", "the")
_SPELLED_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][a-z]+)+")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def acronyms(story: Story) -> dict[str, tuple[str, ...]]:
    """The acronyms the story prints and spells out somewhere ("ABSDF" -> All, Burma, Students,
    Democratic, Front): the initials of a run of capitalised words, connectors left out, one run
    only (two names with the same initials stand for no one)."""
    shouted = {m.group() for s in story.sentences if any(s.all_caps) for m in _ACRONYM.finditer(s.text)}
    if not shouted:
        return {}
    runs: dict[str, set[tuple[str, ...]]] = {}
    firsts = {acronym[0] for acronym in shouted}
    for sentence in story.sentences:
        if sum(sentence.capitalised) < 2:
            continue  # no run of two capitalised words
        for m in _SPELLED_NAME.finditer(sentence.text):
            if not firsts & {w[0] for w in m.group().split()}:
                continue
            words = [w for w in m.group().split() if w not in _NAME_CONNECTORS]
            # Every stretch of the run that could be the acronym ("the ruling National League for Democracy").
            for start in range(len(words)):
                for end in range(start + 2, min(len(words), start + 6) + 1):
                    initials = "".join(w[0] for w in words[start:end])
                    if initials in shouted:
                        runs.setdefault(initials, set()).add(tuple(words[start:end]))
    return {acronym: next(iter(spelled)) for acronym, spelled in runs.items() if len(spelled) == 1}


def _spelled_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The name ``words`` as a text prints it (connectors between them allowed)."""
    return re.compile(r"\b" + r"\s+(?:(?:of|for|and|the)\s+)*".join(map(re.escape, words)) + r"\b")


def _spells(text: str, words: tuple[str, ...]) -> bool:
    """Does ``text`` print the name ``words``?"""
    return words[-1] in text and _spelled_pattern(words).search(text) is not None


def _with_uses(present, rows: list[int], cols: list[int]):
    """The term matrix ``present`` with sentence ``rows[k]`` using column ``cols[k]`` too."""
    if not rows:
        return present
    extra = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=present.shape)
    return ((present + extra) > 0).astype(np.float32)


def short_claim_words(main: list[bool], optional: list[bool], word_class: list[bool]) -> np.ndarray:
    """Per unit of a short claim (at most SHORT_CLAIM_UNITS in its main clause outside its when and
    where): a word or name of that clause, not a class of words; the evidence must find at least half
    of them as printed when it finds one of its classes (any word for people: "men" for "crew") and the
    claim gives no figure. None for a longer claim."""
    kept = np.asarray(main, dtype=bool) & ~np.asarray(optional, dtype=bool)
    if int(kept.sum()) > SHORT_CLAIM_UNITS:
        return np.zeros(len(main), dtype=bool)
    return kept & ~np.asarray(word_class, dtype=bool)


def _better(a: Evidence, b: Evidence) -> bool:
    """Is ``a`` better evidence than ``b``: fewer sentences, then more of the claim?"""
    return (-len(a.sentences), a.score) > (-len(b.sentences), b.score)


def aligner_of(story: Story) -> Aligner:
    """The story's aligner, made once and kept on the story."""
    found = getattr(story, "alignment", None)
    if found is None or found.story is not story:
        found = Aligner(story)
        story.alignment = found
    return found


def claim_sentences(text: str) -> list[str]:
    """A typed claim split into sentences (a check takes one claim; several are checked one by one)."""
    return [s for p in text.split("\n\n") for s in split_sentences(p)]
