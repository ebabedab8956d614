"""Segment stage: documents to sentences and tokens."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from nupunkt import PunktSentenceTokenizer
from nupunkt.models import load_default_model

from chorus.lexicon import ABBREVIATIONS, CASED_ABBREVIATIONS, SENTENCE_OPENERS, TITLE_ABBREVIATIONS
from chorus.text import STOP_WORDS, content_stems, stem, words
from chorus.types import Document, Sentence, Story

# Words that continue a sentence after an initialism ("U.S. Secretary of
# State"): nupunkt takes the capital for a new sentence.
_TITLE_AFTER_INITIALISM = frozenset(
    """Secretary President Vice Ambassador Embassy Army Navy Air Marines Senate
    Congress House Attorney Department Forces Treasury Supreme District Court
    Representative Rep Sen Gen Judge Trade Special Envoy Defense State Central
    Command Justice Government Officials Mission Coast Census Federal""".split()
)
_INITIALISM_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
# Chinese and Japanese end sentences with full-width marks and no space after them, where
# nupunkt never splits; a closing quotation or bracket after the mark stays with its sentence,
# and a quotation that a Japanese sentence goes on from (「…。」と言った: a particle in hiragana
# follows) is not cut off from it.
_UNSPACED_SENTENCE_END = re.compile(
    r"[。！？]+(?:[」』）〕】〉》”’\"')]+(?![\u3041-\u309f]))?(?![」』）〕】〉》”’\"')])"
)
_MAX_QUOTE_PIECES = 4

# An abbreviation by its form: a word with inner full stops ("u.s", "ph.d", "a.m"), or one letter (an
# initial); nupunkt's model keeps them without the final stop.
_DOTTED_ABBREVIATION = re.compile(r"[a-z]{1,3}(?:\.[a-z]{1,3})+|[a-z]")
# "Boston, Mass." / "(Ore.)": a cased abbreviation ending a piece nupunkt cut after it.
_CASED_ABBREVIATION_END = re.compile(r"(?:^|[\s(,])(?:" + "|".join(sorted(CASED_ABBREVIATIONS)) + r")\.[)\"'”’]*$")
# A word abbreviation, its full stop, then a quotation that opens with a capital: "… in Jackson,
# Wyo. ``Then we came up …" ends a sentence (nupunkt looks at the quotation mark, no capital).
_ABBREVIATION_BEFORE_QUOTE = re.compile(r"(?<![\w.])(?P<word>[A-Z][a-z]{1,4})\.\s+(?=(?:``|“|\"|'')[A-Z])")
# A word abbreviation ending a piece ("FDCH, INC.", "-- ADV."): the opener rule read the next word
# without its case, and an opener in capitals ("AND WORLD TIMES", "FOR SUN.") says nothing in text
# set all in capitals.
_WORD_ABBREVIATION_END = re.compile(r"(?<![\w.])(?P<word>[A-Za-z]{2,5})\.$")
_OPENING_MARKS = "`“\"'‘"  # not "(": "TOPPENISH, Wash. (AP) --"
# A piece that opens with a lowercase word or a mark that follows a word goes on from the one
# before: news sentences open with a capital, a digit or a quotation ("www. | epa.gov", "Pedi-Active
# A.D.D. | supplement", "var. | san diego", "Pearl, Miss. | ; West Paducah"); a name with an inner
# capital ("eBay") is not such a word.
_CONTINUING_OPENING = re.compile(r"[a-z]+\b(?![\w’'-]*[A-Z])|[,;:)\]]")


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    """nupunkt's model with only known abbreviations (``lexicon.ABBREVIATIONS``, initials, dotted
    words) and ``lexicon.SENTENCE_OPENERS`` as the words that may start a sentence after one.

    The model's learned list holds whole words ("bank", "york", "month") after which nupunkt never
    started a sentence; its learned sentence starters are legal text's ("ambassador", "david")."""
    tokenizer = load_default_model()  # a fresh instance: nupunkt.load's is shared
    for learned in tokenizer.abbreviations:
        if not _DOTTED_ABBREVIATION.fullmatch(learned) and learned not in ABBREVIATIONS:
            tokenizer.remove_abbreviation(learned)
    tokenizer.add_abbreviations(sorted(ABBREVIATIONS))
    starters = tokenizer.parameters.sent_starters
    starters.clear()
    starters.update(SENTENCE_OPENERS)
    tokenizer.clear_decision_cache()
    return tokenizer


def _opens_sentence(piece: str) -> bool:
    """Does the piece begin as a new sentence must after an abbreviation: a quotation or one of
    ``lexicon.SENTENCE_OPENERS``?"""
    if piece[:1] in _OPENING_MARKS:
        return True
    first = piece.split(maxsplit=1)[0].strip(",;:").lower() if piece.strip() else ""
    return first in SENTENCE_OPENERS


def _capitals_after_abbreviation(previous: str, piece: str) -> bool:
    """Was ``piece`` cut from ``previous`` only because an opener in capitals followed an
    abbreviation ("FDCH, INC. | AND WORLD TIMES")?"""
    end = _WORD_ABBREVIATION_END.search(previous)
    first = piece.split(maxsplit=1)[0]
    return (
        end is not None
        and end.group("word").lower() in ABBREVIATIONS
        and len(first) > 1
        and first.isupper()
        and first.lower() in SENTENCE_OPENERS
    )


# A wire dateline opening an article: place in capitals, optional state or
# country and date, optional agency, then a dash or underscore
# ("PINE RIDGE, S.D. (AP) --", "BEIJING, Jan. 3 (Xinhua) --", "PHOENIX _").
# It names where the story was filed, not what happened, and costs words.
_DATELINE = re.compile(
    r"""^[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*         # PINE RIDGE
    (?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?      # , S.D. / , Jordan
    (?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?               # , Jan. 3
    (?:\s*\([A-Za-z][\w .&/-]{0,40}\)\s*(?:--|_|—|–|-)   # (AP) --, (AP) -
      |(?:\s*\([A-Za-z][\w .&/-]{0,40}\))?\s*(?:--|_|—|–))  # --, _ , —
    (?:\s+|(?:(?<=\)--)|(?<=\)\s--))(?=[A-Z]))              # "(Xinhua) --The …": glued to the text
    (?=[A-Z0-9"“‘'])""",
    re.VERBOSE,
)


def _open_quote(text: str, backticks_open: bool = True) -> bool:
    """Does the text leave a quotation open?

    ``backticks_open``: the text's paragraph opens its quotations with two backticks and closes
    them with two apostrophes (the NYT wire's way); in a paragraph with no backticks (the AP copy of DUC:
    "''Congress was a newfangled institution. Colonial New York had a longrunning relationship
    with the tribes,'' von Gernet said.") the two apostrophes both open and close, as a straight
    double quote does."""
    curly = text.count("“") - text.count("”")
    if curly:
        return curly > 0
    if not backticks_open:
        return (text.count('"') + text.count("''")) % 2 == 1
    backticks = text.count("``") - text.count("''")
    if backticks:
        return backticks > 0
    return text.count('"') % 2 == 1


def _cuts(text: str, start: int, end: int) -> list[int]:
    """Where the piece ``text[start:end]`` that nupunkt made is cut again: after each full-width
    sentence mark (。！？), and after a word abbreviation that a capitalised quotation follows (not
    a title's: "Sgt. ``Buck'' Jones")."""
    piece = text[start:end]
    cuts = [m.end() for m in _UNSPACED_SENTENCE_END.finditer(piece)]
    cuts += [
        m.end()
        for m in _ABBREVIATION_BEFORE_QUOTE.finditer(piece)
        if (m.group("word").lower() in ABBREVIATIONS or m.group("word") in CASED_ABBREVIATIONS)
        and m.group("word").lower() not in TITLE_ABBREVIATIONS
    ]
    return sorted(start + c for c in set(cuts) if 0 < c < len(piece))


def _pieces(text: str) -> list[tuple[int, int]]:
    """The spans of the pieces of a paragraph before the repairs: nupunkt's sentences, cut again
    (``_cuts``), without the whitespace around them."""
    spans = []
    for start, end in _tokenizer().spans(text):
        bounds = [start, *_cuts(text, start, end), end]
        for a, b in zip(bounds, bounds[1:]):
            piece = text[a:b]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                spans.append((a + lead, a + len(piece.rstrip())))
    return spans


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph.

    nupunkt handles decimals and most quotes, with known abbreviations only
    (``_tokenizer``); Chinese and Japanese sentences are cut at their
    full-width marks, and a word abbreviation before a capitalised quotation
    ends a sentence; four repairs follow: a split after an initialism before
    a title ("U.S. | Secretary") is undone, as one after a state that is also
    a word ("Boston, Mass. | Gov. Weld") unless a sentence opener follows, and
    one before a lowercase word or before an opener in capitals after an
    abbreviation ("INC. | AND"); a quotation running over several sentences
    stays one unit, so no sentence carries half a quote.
    """
    merged: list[str] = []
    merged_end = 0  # where the last of ``merged`` ends in the paragraph
    for start, end in _pieces(paragraph):
        piece = paragraph[start:end]
        previous = merged[-1] if merged else ""
        if merged and (
            (_INITIALISM_END.search(previous) and piece.split()[0].strip(",.") in _TITLE_AFTER_INITIALISM)
            or (_CASED_ABBREVIATION_END.search(previous) and not _opens_sentence(piece))
            or _CONTINUING_OPENING.match(piece)
            or _capitals_after_abbreviation(previous, piece)
        ):
            # "Pearl, Miss.; West Paducah": nothing between the pieces, nothing put between them
            merged[-1] += (" " if start > merged_end else "") + piece
        else:
            merged.append(piece)
        merged_end = end
    out: list[str] = []
    run = 1
    backticks_open = "``" in paragraph
    for piece in merged:
        if out and run < _MAX_QUOTE_PIECES and _open_quote(out[-1], backticks_open):
            out[-1] += " " + piece
            run += 1
        else:
            out.append(piece)
            run = 1
    return out


DATELINE_MIN_WORDS_AFTER = 4  # fewer words after a dateline: a headline or a brief, not an article


def _dateline(text: str) -> re.Match[str] | None:
    """The wire dateline opening ``text``, unless too few words follow it to be an article's."""
    match = _DATELINE.match(text)
    return match if match and len(words(text[match.end() :])) >= DATELINE_MIN_WORDS_AFTER else None


def dateline_place(text: str) -> str | None:
    """Where the article was filed, as its wire dateline prints it ("BRICK, N.J. (AP) --" ->
    "BRICK, N.J."), or None without a dateline."""
    match = _dateline(text)
    if match is None:
        return None
    place = re.split(r"\s*[(_—–]|\s+--|,?\s+[A-Z][a-z]{2,8}\.?\s+\d", match.group(), maxsplit=1)[0].strip(" ,-")
    return place or None


def strip_dateline(text: str) -> str:
    match = _dateline(text)
    return text if match is None else text[match.end() :]


def segment(
    documents: list[Document], query: str | None = None, splitter: Callable[[str], list[str]] = split_sentences
) -> Story:
    """The story of ``documents``: their sentences (as ``splitter`` finds them in each paragraph), tokenized."""
    sentences: list[Sentence] = []
    for d, doc in enumerate(documents):
        position = 0
        for p, paragraph in enumerate(doc.paragraphs):
            for text in splitter(paragraph):
                if position == 0:
                    text = strip_dateline(text)
                written = words(text)  # the sentence's one tokenization
                if not written:
                    continue
                tokens = tuple(map(str.lower, written))
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        doc_index=d,
                        position=position,
                        paragraph=p,
                        text=text,
                        tokens=tokens,
                        stems=tuple(map(stem, written)),
                        # A word token always carries a letter or digit, so
                        # being content is not being a stop word (``is_content``).
                        content=tuple([t not in STOP_WORDS for t in tokens]),
                        capitalised=tuple([t[:1].isupper() for t in written]),
                        all_caps=tuple(map(str.isupper, written)),
                    )
                )
                position += 1
    query = query.strip() if query and query.strip() else None
    return Story(
        documents=documents,
        sentences=sentences,
        query=query,
        query_stems=tuple(content_stems(query)) if query else (),
    )
