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
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from chorus.ingest.metadata import published_day
from chorus.text import STOP_WORDS, WORD_RE, stem
from chorus.types import Document

TITLE_WEIGHT = 2.0
NAME_WEIGHT = 1.5
MIN_WORD_CHARS = 2
# A capital right after one of these opens a sentence (or a paragraph, a quotation): it says nothing.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]['\"”’)\]]*\s+|\n\s*|[\"“‘(]\s*)$")
_LOOKBEHIND_CHARS = 4


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


def _count(
    text: str,
    weight: float,
    counts: defaultdict[str, float],
    printed: dict[str, Counter[tuple[str, str]]],
    headline: bool = False,
) -> None:
    shouted = headline and not any(ch.islower() for ch in text)
    for match in WORD_RE.finditer(text):
        word = match.group()
        if len(word) < MIN_WORD_CHARS or word.lower() in STOP_WORDS or not any(ch.isalpha() for ch in word):
            continue
        before = text[max(0, match.start() - _LOOKBEHIND_CHARS) : match.start()]
        is_name = word[0].isupper() and not _SENTENCE_OPENING.search(before)
        key = stem(word)
        counts[key] += weight * (NAME_WEIGHT if is_name else 1.0)
        how = LOWER if word[0].islower() else OPENING if headline or not is_name else NAME
        shown = _POSSESSIVE.sub("", word)
        if shouted:
            shown = shown.lower()  # a headline in capitals tells no acronym from a word
        printed.setdefault(key, Counter())[(shown, how)] += 1


def _is_acronym(word: str) -> bool:
    """ "AP", "NATO": capitals wherever they are printed, a sentence's first word or not."""
    return len(word) > 1 and word.isupper()


def shown_word(printed: Counter[tuple[str, str]]) -> str:
    """The word a stem is shown as: its most printed spelling without a possessive, capitalised when it is
    printed capitalised inside sentences more often than in lower case ("Russian" although most of its
    articles open with it), else in lower case (a headline's or a sentence's capital says nothing)."""
    names = Counter({w: n for (w, how), n in printed.items() if how == NAME})
    lower: Counter[str] = Counter()
    for (w, how), n in printed.items():
        if how != NAME:
            lower[w if _is_acronym(w) else w.lower()] += n
    lower_printed = sum(n for (_, how), n in printed.items() if how == LOWER)
    if names and names.total() > lower_printed:
        return names.most_common(1)[0][0]
    return lower.most_common(1)[0][0] if lower else names.most_common(1)[0][0]


def article_features(key: str, title: str | None, text: str, published: str | None) -> ArticleFeatures:
    counts: defaultdict[str, float] = defaultdict(float)
    printed: dict[str, Counter[tuple[str, str]]] = {}
    if title:
        _count(title, TITLE_WEIGHT, counts, printed, headline=True)
    _count(text, 1.0, counts, printed)
    surface = {term: shown_word(words) for term, words in printed.items()}
    return ArticleFeatures(key=key, terms=dict(counts), day=publication_day(published), surface=surface)


def document_features(key: str, document: Document) -> ArticleFeatures:
    return article_features(key, document.title, document.text, document.published)
