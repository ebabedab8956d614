"""Segment stage: documents to sentences and tokens."""

from __future__ import annotations

import re
from collections.abc import Callable

import nupunkt

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


def _split_unspaced(text: str) -> list[str]:
    """The text cut after each full-width sentence mark (。！？), stripped; the text itself when it has none."""
    cuts = [m.end() for m in _UNSPACED_SENTENCE_END.finditer(text)]
    pieces = [text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)])]
    return [p for p in pieces if p]


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph.

    nupunkt handles abbreviations, decimals and most quotes; Chinese and
    Japanese sentences are cut at their full-width marks; two repairs
    follow: a split after an initialism before a title ("U.S. | Secretary")
    is undone, and a quotation running over several sentences stays one
    unit, so no sentence carries half a quote.
    """
    found: list[str] = nupunkt.sent_tokenize(paragraph)  # type: ignore[assignment]  # strings without return_confidence
    pieces = [s for piece in found for s in _split_unspaced(piece)]
    merged: list[str] = []
    for piece in pieces:
        if merged and _INITIALISM_END.search(merged[-1]) and piece.split()[0].strip(",.") in _TITLE_AFTER_INITIALISM:
            merged[-1] += " " + piece
        else:
            merged.append(piece)
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
