"""Lexical helpers shared by every stage: words, stop words, stems, sentence ends."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

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

# A sentence ends with . ! ? or … possibly followed by closing quotes/brackets.
TERMINAL_RE = re.compile(r"[.!?…。！？]['\"”’)\]」』）]*$|[.!?…]\s*['\"”’]+\s*[.,]?$")

# Quotation marks: curly, straight, and the ``…'' of wire copy.
QUOTE_MARK_RE = re.compile(r"“|”|``|''|\"")
OPENING_QUOTES = frozenset({"“", "``"})
CLOSING_QUOTES = frozenset({"”", "''"})


# Wire copy's typewriter quotes (DUC's NYT and AP): ``…'' and `…', with AP's '' opening a quotation
# too (''We've created …''). Printed for a reader as the marks they stand for: a '' opens when it
# starts a word (after a space, a bracket or a dash, before a letter), else it closes; a ' closes a
# `…' only where it is not an apostrophe inside a word ("I'm"). Both forms are no token for ROUGE
# (``evaluation.rouge155``: every byte but letters, digits and "-" is a space), nor for chorus's
# words (``WORD_RE``), so a summary typeset so scores and counts as before.
_OPENING_DOUBLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[_—-]))''(?=[^\s'])")
_CLOSING_DOUBLE = re.compile(r"''")
_MISTYPED_CLOSING = re.compile(r"(?<=[^\s(\[])``(?=\s|$)")  # "a witness for God.``": a `` ending a word closes
_MISTYPED_APOSTROPHE = re.compile(r"(?<=[^\W_])`(?=[^\W_])")  # "I`ve"
_SINGLE_QUOTED = re.compile(r"`([^`'“”]*(?:'[^\W_][^`'“”]*)*)'(?![^\W_])")


def typeset_quotes(text: str) -> str:
    """The text with wire copy's ``…'' and `…' printed as “…” and ‘…’ (see above); other text as it is."""
    if "`" not in text and "''" not in text:
        return text
    # The doubles' backticks first (the singles' pattern would read one as a single), then a
    # backtick typed for an apostrophe ("I`ve": else it would open a single), then the singles (in
    # `work,''' the first ' closes the single: '''  is ' and ”), then the '' left.
    text = _MISTYPED_CLOSING.sub("”", text).replace("``", "“")
    text = _MISTYPED_APOSTROPHE.sub("’", text)
    text = _SINGLE_QUOTED.sub(r"‘\1’", text).replace("'''", "'”")
    text = _OPENING_DOUBLE.sub("“", text)
    return _CLOSING_DOUBLE.sub("”", text).replace("`", "‘")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text inside quotation marks; an unclosed quote runs to the end."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    open_mark = ""
    for match in QUOTE_MARK_RE.finditer(text):
        mark = match.group()
        if open_at is None:
            if mark in OPENING_QUOTES or mark == '"':
                open_at, open_mark = match.end(), mark
        elif (
            mark in CLOSING_QUOTES
            or (mark == '"' and open_mark == '"')
            or (mark == '"' and open_mark in OPENING_QUOTES)
        ):
            spans.append((open_at, match.start()))
            open_at = None
    if open_at is not None and open_at < len(text):
        spans.append((open_at, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


class QuotationSpan(NamedTuple):
    start: int
    end: int
    closed: bool  # False: the source opened it and never closed it; ``end`` is where the text implies


# A single closing mark (' or ’) that ends a double quotation the source closed with the wrong mark: after
# the quotation's last punctuation ("the rule of fear,’ even though"), or ending a word inside a
# nested double ("I think “Star Wars’ is going"). Not where a single quotation is open inside.
_MISTYPED_SINGLE_CLOSE = re.compile(r"(?<=[,.!?])['’](?=\s|$)")
_WORD_END_SINGLE_CLOSE = re.compile(r"(?<=[^\W_])['’](?=[\s,.;:!?]|$)")
_SINGLE_OPEN = re.compile(r"‘|(?:^|(?<=[\s(\[—-]))'(?=[^\W_])")  # a ' opening a word opens a single


def quotation_spans(text: str) -> list[QuotationSpan]:
    """The quotations of a sentence typeset with curly marks (``typeset_quotes``), as a reader pairs
    its marks: a double quotation inside another is part of it ("… if (“Phantom”) didn't …"); one
    closed with a single mark ends there; and one never closed ends where the next quotation opens
    ("… wrinkles. “I'm a preventive …”": the source reopened without closing) or at the sentence's
    end. ``quote_spans``, which the other stages use on the raw text, reads the first closing mark
    as the end of whatever is open."""
    openings: list[tuple[int, int]] = []  # (mark's start, text's start) of the quotations open, outermost first
    opening_marks: list[int] = []
    found: list[QuotationSpan] = []
    for match in re.finditer(r"[“”\"'’]", text):
        mark = match.group()
        if mark == "“" or (mark == '"' and not openings):
            openings.append((match.start(), match.end()))
            opening_marks.append(match.start())
            continue
        if not openings:
            continue
        if mark in "'’":
            inner = text[openings[-1][1] : match.start()]
            if _SINGLE_OPEN.search(inner) or not (
                _MISTYPED_SINGLE_CLOSE.match(text, match.start())
                or (len(openings) > 1 and _WORD_END_SINGLE_CLOSE.match(text, match.start()))
            ):
                continue
        found.append(QuotationSpan(openings.pop()[1], match.start(), True))
    for mark_at, start in openings:  # never closed: each runs to where the next quotation opens
        end = next((m for m in opening_marks if m > mark_at), len(text))
        found.append(QuotationSpan(start, end, False))
    spans: list[QuotationSpan] = []
    for span in sorted(found):
        if not spans or span.start >= spans[-1].end:  # else a quotation inside the one before
            spans.append(span)
    return [s for s in spans if text[s.start : s.end].strip()]


_stemmer = Stemmer.Stemmer(
    "porter"
)  # Porter's algorithm, for matching words inside chorus; ROUGE's -m uses its own variant (evaluation/rouge_stem.py)


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of the lower-cased word, apostrophe-s removed."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return _stemmer.stemWord(w)


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, plural unless one: "1 article", "3 articles", "2 stories"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def is_bare_quotation(text: str) -> bool:
    """Is the sentence one quotation and nothing else, so its speaker is named
    only in a sentence around it ("“The movement accepted the invitation”.")?"""
    text = text.strip()
    marks = list(QUOTE_MARK_RE.finditer(text))
    return len(marks) == 2 and marks[0].start() == 0 and not text[marks[1].end() :].strip(" .,!?;:")


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
