"""What the grouping knows of an article: its weighted terms and its day.

An article is its headline and its cleaned text as a bag of Porter stems
(stop words, numbers and one-letter words left out). Headline words weigh
``TITLE_WEIGHT`` times a body word: a headline names the event. A word
capitalised inside a sentence (a name: a person, a place, an organisation,
the things that tell one event from another of the same kind) weighs
``NAME_WEIGHT`` times an ordinary word; a capital that only opens a sentence
counts as an ordinary word. The term weights of the grouping are these
counts, made sublinear and multiplied by the collection's inverse document
frequency there (``chorus.digest.grouping``).

Features are plain data (strings, floats, an int), so that they can be made
in another process (the Dask engine) and kept in a state folder.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from chorus.ingest.metadata import published_day
from chorus.text import STOP_WORDS, WORD_RE, stem
from chorus.types import Document

TITLE_WEIGHT = 2.0
NAME_WEIGHT = 1.5
MIN_WORD_CHARS = 2
# A capital right after one of these opens a sentence (or a paragraph, a quotation): it says nothing.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]['\"”’)\]]*\s+|\n\s*|[\"“‘(]\s*)$")
_LOOKBEHIND_CHARS = 4
# Distinct words (and few-character contexts) remembered across articles: a stream's vocabulary, as `text.stem`'s.
WORD_CACHE_SIZE = 200_000


@dataclass(frozen=True)
class ArticleFeatures:
    key: str  # the article's unique key in the collection
    terms: dict[str, float]  # stem -> weighted count
    day: int | None  # proleptic Gregorian ordinal of its publication day, None when undated
    surface: dict[str, str]  # stem -> the word as a reader knows it (``shown_word``), to explain decisions

    @property
    def date(self) -> str | None:
        return date.fromordinal(self.day).isoformat() if self.day is not None else None


def publication_day(published: str | None) -> int | None:
    """The day of an ISO 8601 date or date-time, as an ordinal; None when absent or unreadable."""
    day = published_day(published)
    return day.toordinal() if day is not None else None


# The possessive a word is printed with ("Israel's", "Israel’s"): the stem leaves it out, and so do the words shown.
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# How a word was printed, for the word shown: in lower case, capitalised inside a sentence (a name), or
# capitalised where any word may be (a sentence's first word, any word of a headline: it tells neither).
LOWER, NAME, OPENING = "lower", "name", "opening"


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _term_of(word: str) -> tuple[str, str] | None:
    """The stem a word counts under and the word shown for it, or None for a word the grouping leaves out;
    the same for every article, so cached (a stream repeats its words)."""
    if len(word) < MIN_WORD_CHARS or word.lower() in STOP_WORDS or not any(ch.isalpha() for ch in word):
        return None
    return stem(word), _POSSESSIVE.sub("", word)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _opens_sentence(before: str) -> bool:
    """Do these few characters before a capital open a sentence (``_SENTENCE_OPENING``)? Cached: they repeat."""
    return _SENTENCE_OPENING.search(before) is not None


def _count(
    text: str,
    weight: float,
    counts: defaultdict[str, float],
    printed: dict[str, dict[tuple[str, str], int]],
    headline: bool = False,
) -> None:
    shouted = headline and not any(ch.islower() for ch in text)
    name_weight, plain_weight = weight * NAME_WEIGHT, weight * 1.0
    for match in WORD_RE.finditer(text):
        word = match.group()
        term = _term_of(word)
        if term is None:
            continue
        key, shown = term
        first = word[0]
        start = match.start()
        is_name = first.isupper() and not _opens_sentence(text[max(0, start - _LOOKBEHIND_CHARS) : start])
        counts[key] += name_weight if is_name else plain_weight
        how = LOWER if first.islower() else OPENING if headline or not is_name else NAME
        if shouted:
            shown = shown.lower()  # a headline in capitals tells no acronym from a word
        spellings = printed.get(key)
        if spellings is None:
            printed[key] = spellings = {}
        spelling = (shown, how)
        spellings[spelling] = spellings.get(spelling, 0) + 1


def _is_acronym(word: str) -> bool:
    """ "AP", "NATO": capitals wherever they are printed, a sentence's first word or not."""
    return len(word) > 1 and word.isupper()


def _most_printed(counted: dict[str, int]) -> str:
    """The word printed most often; of equals, the first printed (as ``Counter.most_common``)."""
    return max(counted, key=counted.__getitem__)


def shown_word(printed: Mapping[tuple[str, str], int]) -> str:
    """The word a stem is shown as: its most printed spelling without a possessive, capitalised when it is
    printed capitalised inside sentences more often than in lower case ("Russian" although most of its
    articles open with it), else in lower case (a headline's or a sentence's capital says nothing)."""
    if len(printed) == 1:  # most stems of an article: one spelling, printed one way
        ((w, how),) = printed
        return w if how == NAME or _is_acronym(w) else w.lower()
    names: dict[str, int] = {}
    lower: dict[str, int] = {}
    lower_printed = 0
    for (w, how), n in printed.items():
        if how == NAME:
            names[w] = n
            continue
        if how == LOWER:
            lower_printed += n
        shown = w if _is_acronym(w) else w.lower()
        lower[shown] = lower.get(shown, 0) + n
    if names and sum(names.values()) > lower_printed:
        return _most_printed(names)
    return _most_printed(lower) if lower else _most_printed(names)


def article_features(key: str, title: str | None, text: str, published: str | None) -> ArticleFeatures:
    counts: defaultdict[str, float] = defaultdict(float)
    printed: dict[str, dict[tuple[str, str], int]] = {}
    if title:
        _count(title, TITLE_WEIGHT, counts, printed, headline=True)
    _count(text, 1.0, counts, printed)
    surface = {term: shown_word(words) for term, words in printed.items()}
    return ArticleFeatures(key=key, terms=dict(counts), day=publication_day(published), surface=surface)


def document_features(key: str, document: Document) -> ArticleFeatures:
    return article_features(key, document.title, document.text, document.published)
