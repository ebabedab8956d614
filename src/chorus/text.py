"""Lexical helpers shared by every stage: words, stop words, stems, sentence ends."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import Stemmer

# A word is letters/digits, optionally joined by an apostrophe, hyphen or dot
# ("don't", "al-Jubeir", "U.S", "2.5").
WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")

STOP_WORDS_FILE = Path(__file__).with_name("stop_words.txt")


def _read_word_list(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# scikit-learn's English list, shipped as data: importing scikit-learn for it
# cost every process 0.65 s and 40 MB.
STOP_WORDS: frozenset[str] = _read_word_list(STOP_WORDS_FILE)

# Names of months and days: capitalised, but not names of people or places.
MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday""".split()
)
# Words before a person's name that say what the person is ("Foreign Minister", "Dr.").
PERSON_TITLES = frozenset(
    """president minister secretary chief leader premier chancellor senator sen rep representative
    governor gov mayor king queen prince princess sheikh emir ambassador envoy spokesman
    spokeswoman spokesperson director chairman chairwoman ceo mr mrs ms dr prof professor judge
    commander captain capt lieutenant lt sergeant sgt colonel col general gen admiral adm pope bishop
    archbishop rabbi cardinal imam ayatollah deputy vice former officer inspector detective
    superintendent coach pastor reverend rev lord lady sir dame attorney fm pm""".split()
)
# Verbs that report speech: a name beside one is a person's.
SPEECH_VERBS = frozenset(
    """said says told tells added adds explained declared stated responded replied noted wrote
    insisted warned argued announced claimed confirmed urged stressed""".split()
)

# A sentence ends with . ! ? or … possibly followed by closing quotes/brackets.
TERMINAL_RE = re.compile(r"[.!?…]['\"”’)\]]*$|[.!?…]\s*['\"”’]+\s*[.,]?$")

# Quotation marks: curly, straight, and the ``…'' of wire copy.
QUOTE_MARK_RE = re.compile(r"“|”|``|''|\"")

_stemmer = Stemmer.Stemmer("porter")  # Porter's algorithm, for matching words inside chorus; ROUGE's -m uses its own variant (evaluation/rouge_stem.py)


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of the lower-cased word, apostrophe-s removed."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return _stemmer.stemWord(w)


def is_bare_quotation(text: str) -> bool:
    """Is the sentence one quotation and nothing else, so its speaker is named
    only in a sentence around it ("“The movement accepted the invitation”.")?"""
    text = text.strip()
    marks = list(QUOTE_MARK_RE.finditer(text))
    return (
        len(marks) == 2
        and marks[0].start() == 0
        and not text[marks[1].end() :].strip(" .,!?;:")
    )


def is_content(word: str) -> bool:
    """Not a stop word, and carries a letter or digit."""
    return word.lower() not in STOP_WORDS and any(ch.isalnum() for ch in word)


def content_stems(text: str) -> list[str]:
    return [stem(w) for w in words(text) if is_content(w)]


def ends_sentence(text: str) -> bool:
    return bool(TERMINAL_RE.search(text.rstrip()))


def count_words(text: str) -> int:
    """Words as a reader (and the budget) counts them: whitespace-separated."""
    return len(text.split())
