"""Separate the article from page furniture in already-extracted plain text.

Scraped text keeps what a page printed around the story: navigation, bylines,
photo captions (often twice), "read more" prompts, subscription offers,
comment prompts and headlines of unrelated stories. HTML extractors cannot
help once the markup is gone, so this module classifies lines.

The method follows the context-sensitive block classification of jusText
(Pomikálek, "Removing Boilerplate and Duplicate Content from Web Corpora",
PhD thesis, Masaryk University 2011): each block (line or paragraph) first
gets a class from its own features, then blocks that are ambiguous take the
class of their neighbours. Plain text lacks jusText's link density, so the
features here are the ones text keeps:

- sentence shape: does the block end like a sentence, how long is it, how
  many stop words, capitalised words, capitals;
- repetition: a block printed twice in one page (captions, bylines), or a
  short block shared by pages of the cluster;
- page vocabulary: words that belong to web pages rather than to news
  (subscribe, newsletter, log in, cookies, editor, ...), weighted, never
  decisive alone for a long cohesive paragraph;
- links: URLs, e-mail addresses, menu separators;
- cohesion: how many of the block's content words the other articles of the
  cluster also use (unrelated headlines and captions share almost none);
- position: the headline and standfirst open a page; furniture before the
  first and after the last paragraph of reporting is dropped by context.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from chorus.segment import strip_dateline
from chorus.text import STOP_WORDS, content_stems, ends_sentence, words
from chorus.types import RemovedLine

GOOD, NEAR, SHORT, BAD = "good", "near-good", "short", "bad"

# Words of the web page genre, not of news reporting. A strong cue is rarely
# used in a story's own sentences; a weak one often is ("declined to
# comment"), so it needs company.
STRONG_CUES = frozenset(
    """subscribe subscribed subscriber subscribers subscription subscriptions
    newsletter newsletters login logout signup cookie cookies advertisement
    advertisements advertising sponsored copyright © paywall premium click
    tap podcast podcasts unsubscribe skip editor editors reporter reporters
    correspondent correspondents columnist columnists contributor
    contributors photographer photographers""".split()
)
WEAK_CUES = frozenset(
    """comment comments share tweet facebook twitter whatsapp linkedin
    instagram telegram reddit email e-mail print photo photos image images
    caption credit credits video videos watch listen download app related
    recommended popular trending updated published contributed sign log
    menu notifications privacy terms""".split()
)
_PHRASE_CUES = (
    ("sign", "up"),
    ("sign", "in"),
    ("log", "in"),
    ("read", "more"),
    ("all", "rights"),
    ("most", "read"),
    ("most", "popular"),
)
_LINK_RE = re.compile(r"https?://|www\.|\S+@\S+\.\w+|\w\.(?:com|org|net)\b|(?:\s[|»›•·]\s.*){2}")
_CREDIT_TAIL_RE = re.compile(
    r"(?:\(\s*[^()]*/[^()]*\)|\b\w+/\s?\w[\w .'-]*|\b(?:credit|photo|image|getty|source):?\s*[^.]*)\s*$",
    re.IGNORECASE,
)

MIN_PROSE_WORDS = 8
GOOD_WORDS = 10
SHORT_WORDS = 6
GOOD_COHESION = 0.35
# A lone article can only be compared with itself, and paragraphs of one
# article share fewer words than articles of one story do.
GOOD_COHESION_ALONE = 0.1
CUE_STRONG_WEIGHT, CUE_WEAK_WEIGHT = 1.0, 0.5


@dataclass
class Block:
    text: str
    index: int
    n_words: int
    terminal: bool
    stop_ratio: float
    title_ratio: float
    caps_ratio: float
    cue_score: float
    link_like: bool
    stems: list[str]
    after_blank: bool = False  # a blank line separates it from the block before
    cohesion: float = 0.0
    label: str = ""
    reason: str = ""


@dataclass
class CleanedText:
    title: str | None
    subtitle: str | None
    paragraphs: list[str]
    removed: list[RemovedLine] = field(default_factory=list)
    fell_back: bool = False  # nothing looked like an article: every line was kept


def _blocks(text: str) -> list[tuple[str, bool]]:
    """Non-empty lines, with hard-wrapped paragraphs joined back together.

    Each comes with whether a blank line precedes it: a page that runs its
    paragraphs line by line but sets a blank line after the standfirst marks
    where the story begins.
    """
    paragraphs = re.split(r"\n\s*\n", text)
    lines_all = [ln for ln in text.split("\n") if ln.strip()]
    longest = max((len(ln) for ln in lines_all), default=0)
    out: list[tuple[str, bool]] = []
    for para in paragraphs:
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        if not lines:
            continue
        # A hard-wrapped paragraph: several lines, all but the last filling
        # most of a narrow column (e-mail and wire copy wrap at 60-80 chars).
        wrapped = (
            len(lines) >= 2
            and longest <= 100
            and all(len(ln) >= 0.6 * longest for ln in lines[:-1])
        )
        if wrapped:
            lines = [" ".join(lines)]
        out.extend((line, k == 0 and bool(out)) for k, line in enumerate(lines))
    return [(" ".join(b.split()), blank) for b, blank in out]


_TIME_WORDS = frozenset(
    """am pm a.m p.m gmt utc edt est bst cet updated published posted
    jan feb mar apr may jun jul aug sep sept oct nov dec january february
    march april june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday today yesterday ago
    min mins minute minutes hour hours read""".split()
)


def _is_timestamp(text: str) -> bool:
    """A line made of dates and times ("Updated 3:45 p.m. EDT, Jan. 5")."""
    tokens = [t.lower().rstrip(".") for t in words(text)]
    if not tokens or len(tokens) > 10:
        return False
    dated = sum(t in _TIME_WORDS or t.replace(":", "").replace(".", "").isdigit() for t in tokens)
    return dated / len(tokens) >= 0.6


def _cue_score(tokens: list[str]) -> float:
    lower = [t.lower() for t in tokens]
    score = sum(
        CUE_STRONG_WEIGHT if t in STRONG_CUES else CUE_WEAK_WEIGHT if t in WEAK_CUES else 0.0
        for t in lower
    )
    pairs = set(zip(lower, lower[1:]))
    score += sum(CUE_STRONG_WEIGHT for p in _PHRASE_CUES if p in pairs)
    return score


def _features(text: str, index: int, after_blank: bool = False) -> Block:
    tokens = words(text)
    n = len(tokens)
    alpha = [t for t in tokens if any(ch.isalpha() for ch in t)]
    nonstop = [t for t in alpha if t.lower() not in STOP_WORDS]
    letters = [ch for ch in text if ch.isalpha()]
    return Block(
        text=text,
        index=index,
        n_words=n,
        terminal=ends_sentence(text),
        stop_ratio=sum(t.lower() in STOP_WORDS for t in tokens) / n if n else 0.0,
        title_ratio=sum(t[0].isupper() for t in nonstop) / len(nonstop) if nonstop else 0.0,
        caps_ratio=sum(ch.isupper() for ch in letters) / len(letters) if letters else 0.0,
        cue_score=_cue_score(tokens),
        link_like=bool(_LINK_RE.search(text)),
        stems=content_stems(text),
        after_blank=after_blank,
    )


def _normal(text: str) -> str:
    return " ".join(words(text.lower()))


def _mark_repeats(blocks: list[Block]) -> None:
    """Blocks printed twice in one page (captions, bylines) are furniture, every copy."""
    counts = Counter(_normal(b.text) for b in blocks)
    for b in blocks:
        if counts[_normal(b.text)] > 1:
            b.label, b.reason = BAD, "printed twice on the page (caption, byline or label)"
    for i, a in enumerate(blocks):
        for b in blocks[i + 1 : i + 4]:
            na, nb = _normal(a.text), _normal(b.text)
            if min(len(na), len(nb)) < 20:
                continue
            short, long_ = sorted((na, nb), key=len)
            if long_.startswith(short) or fuzz.ratio(na, nb) >= 90:
                for x in (a, b):
                    x.label, x.reason = BAD, "printed twice on the page (caption, byline or label)"


def _is_prose(b: Block) -> bool:
    return b.terminal and b.n_words >= MIN_PROSE_WORDS


def _cohesion(block: Block, others: int, other_use: Callable[[str], int], own_prose_use: Counter[str]) -> float:
    """Mean share of the block's content stems that other articles also use.

    A stem used by at least three other articles (``other_use``: by how many
    of the ``others``; or by all of them in a smaller cluster) counts fully;
    one used by no other article counts zero. A lone document is compared
    with its own other prose paragraphs instead (``own_prose_use``: in how
    many of them each stem appears, this block included when it is prose).
    """
    if not block.stems:
        return 0.0
    if others:
        full = min(3, others)
        weight = lambda s: min(1.0, other_use(s) / full)  # noqa: E731
    else:
        itself = int(_is_prose(block))
        weight = lambda s: float(own_prose_use[s] > itself)  # noqa: E731
    return sum(weight(s) for s in block.stems) / len(block.stems)


def _initial_class(b: Block, good_cohesion: float) -> None:
    if b.label:  # already furniture by repetition
        return
    if b.link_like and not (b.n_words >= 20 and b.terminal):
        b.label, b.reason = BAD, "a link or a menu"
    elif b.caps_ratio > 0.6 and b.n_words >= 2:
        b.label, b.reason = BAD, "written in capitals (label or banner)"
    elif (
        (b.cue_score >= 1.0 and b.n_words <= 12)
        or (b.cue_score >= 1.5 and b.n_words <= 30 and b.cohesion < good_cohesion)
        or b.cue_score / max(b.n_words, 1) >= 0.2
    ):
        b.label, b.reason = BAD, "web page wording (subscribe, share, log in, byline...)"
    elif _is_timestamp(b.text):
        b.label, b.reason = BAD, "a date or time stamp"
    elif not (b.terminal or (b.text.rstrip().endswith(":") and b.n_words >= 12)):
        b.label, b.reason = BAD, "no sentence ending (navigation, label, headline or caption)"
    elif _CREDIT_TAIL_RE.search(b.text) and b.text.rstrip()[-1] == ")" and "/" in b.text[-60:]:
        b.label, b.reason = BAD, "a photo caption with its credit"
    elif b.n_words < SHORT_WORDS:
        b.label = SHORT
    elif (
        b.n_words >= GOOD_WORDS
        and b.stop_ratio >= 0.2
        and b.cohesion >= good_cohesion
        and b.cue_score < 1.0
    ):
        b.label = GOOD
    else:
        b.label = NEAR


def _neighbours(blocks: list[Block], skip: tuple[str, ...]) -> list[tuple[str | None, str | None]]:
    """Per block, the labels of the nearest blocks before and after it whose label is not in ``skip``."""
    before: list[str | None] = []
    last = None
    for b in blocks:
        before.append(last)
        if b.label not in skip:
            last = b.label
    after: list[str | None] = []
    last = None
    for b in reversed(blocks):
        after.append(last)
        if b.label not in skip:
            last = b.label
    return list(zip(before, reversed(after)))


def _resolve_context(blocks: list[Block]) -> None:
    """Ambiguous blocks take their class from the blocks around them (jusText)."""
    for b, sides in zip(blocks, _neighbours(blocks, (SHORT, NEAR))):
        if b.label != NEAR:
            continue
        if GOOD in sides:
            b.label = GOOD
        else:
            b.label, b.reason = BAD, "off the story's topic and surrounded by page furniture"
    # The blocks of one run of short lines share their neighbours, so deciding
    # them from the labels before any of them changes is the same as in turn.
    for b, sides in zip(blocks, _neighbours(blocks, (SHORT,))):
        if b.label == SHORT:
            # A short line next to reporting is reporting (a one-line quote,
            # a closing remark); between two pieces of furniture it is not.
            if GOOD in sides:
                b.label = GOOD
            else:
                b.label, b.reason = BAD, "a short line among page furniture"


def _is_headline(b: Block) -> bool:
    text = b.text.rstrip()
    return (
        2 <= b.n_words <= 25
        and (not b.terminal or (text.endswith("?") and b.n_words <= 15))
        and not b.link_like
        and b.cue_score < 1.0
    )


# A lede reports: it names who said it or on what day it happened, opens with
# the wire's dateline, or opens with someone's words (a pull quote, which is
# reporting too). A standfirst sums the story up in the outlet's own
# telegraphic voice and leaves all of that to the body.
_ATTRIBUTION_RE = re.compile(r"\b(?:said|told|according to|reported|announced|stated|added|wrote)\b", re.IGNORECASE)
_NEWS_DAY_RE = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|tonight|last night)\b", re.IGNORECASE
)
_QUOTATION_RE = re.compile(r"""^["“‘']""")
MAX_STANDFIRST_WORDS = 35


def _reads_as_lede(b: Block) -> bool:
    return bool(
        b.n_words > MAX_STANDFIRST_WORDS
        or strip_dateline(b.text) != b.text
        or _QUOTATION_RE.match(b.text)
        or _ATTRIBUTION_RE.search(b.text)
        or _NEWS_DAY_RE.search(b.text)
    )


def _standfirst(blocks: list[Block], i: int) -> Block | None:
    """The block after the headline, if it is a standfirst rather than the lede.

    A standfirst is cut off from the story by furniture (byline, caption,
    agency, time stamp) or by a blank line in a page that otherwise runs its
    paragraphs line by line; a lede that follows the headline directly is
    never one. When the line could be either, it stays in the body: the
    summary can only use what the body holds.
    """
    if i >= len(blocks):
        return None
    s, rest = blocks[i], blocks[i + 1 :]
    if not (
        s.n_words >= MIN_PROSE_WORDS
        and s.title_ratio < 0.6  # not a caption naming people and places
        and s.cohesion >= 0.3
        and s.cue_score < 1.0
        and not s.reason.startswith("printed twice")
    ):
        return None
    if not s.terminal:
        # Prose with no sentence ending would be dropped as a label; right
        # after the headline it is the standfirst.
        return s
    separated = bool(rest) and (
        rest[0].label == BAD or (rest[0].after_blank and len(rest) > 1 and not rest[1].after_blank)
    )
    reporting_follows = any(b.label == GOOD for b in rest)
    return s if separated and reporting_follows and not _reads_as_lede(s) else None


def _split_title(blocks: list[Block]) -> tuple[Block | None, Block | None]:
    """The headline opens the page; a standfirst may follow it."""
    first_good = next((i for i, b in enumerate(blocks) if b.label == GOOD), len(blocks))
    for i, b in enumerate(blocks[:first_good]):
        # Menus and labels may come first: the headline is the first
        # headline-shaped line about the story.
        if b.reason.startswith("printed twice") or not (
            _is_headline(b) and b.n_words >= 3 and b.cohesion >= 0.2
        ):
            continue
        return b, _standfirst(blocks, i + 1)
    return None, None


def clean_texts(texts: list[str]) -> list[CleanedText]:
    """Clean the texts of one cluster together (cohesion compares them)."""
    docs = [[_features(t, i, blank) for i, (t, blank) in enumerate(_blocks(text))] for text in texts]
    for blocks in docs:
        _mark_repeats(blocks)
    prose = [{s for b in blocks if _is_prose(b) and not b.label for s in b.stems} for blocks in docs]
    # Short furniture repeated across pages of one outlet ("Most Popular").
    shared_short = Counter(
        _normal(b.text) for blocks in docs for b in {_normal(x.text): x for x in blocks if x.n_words <= 12}.values()
    )
    prose_use = Counter(s for stems in prose for s in stems)  # in how many articles' prose each stem is
    # Only articles with prose are compared with: a page of junk among them
    # (no sentence at all) would make every other article look like furniture.
    with_prose = sum(1 for stems in prose if stems)
    cleaned = []
    for d, blocks in enumerate(docs):
        own = prose[d]
        others = with_prose - (1 if own else 0)
        own_prose_use = Counter(s for x in blocks if _is_prose(x) for s in set(x.stems))
        for b in blocks:
            b.cohesion = _cohesion(b, others, lambda s, own=own: prose_use[s] - (s in own), own_prose_use)
            if not b.label and b.cue_score > 0 and shared_short[_normal(b.text)] > 1:
                b.label, b.reason = BAD, "repeated on other pages of the cluster (site furniture)"
            _initial_class(b, GOOD_COHESION if others else GOOD_COHESION_ALONE)
        title, subtitle = _split_title(blocks)
        for b in (title, subtitle):
            if b is not None:
                b.label, b.reason = "kept", ""
        _resolve_context(blocks)
        body = [b for b in blocks if b.label == GOOD]
        removed = [RemovedLine(b.text, b.reason) for b in blocks if b.label == BAD]
        fell_back = not body and bool(blocks)
        if fell_back:
            body = [b for b in blocks if b is not title and b is not subtitle]
            removed = []
        cleaned.append(
            CleanedText(
                title=title.text if title else None,
                subtitle=subtitle.text if subtitle else None,
                paragraphs=[b.text for b in body],
                removed=removed,
                fell_back=fell_back,
            )
        )
    return cleaned
