"""Direct quotations, who said them, and which outlets carry them.

A quotation is the text between quotation marks (“…”, "…", or the ``…''
and AP's ''…'' of wire copy, read as “…”), unless it is a title in title
case ("Return of the Jedi", ``A Charge to Keep''): a work named, no
statement. Its speaker comes from the attribution around it, in the
order news writing uses it:

1. after the quote: `"…," Lavrov said`, `"…," said the official`,
   `"…," explained Michael Horowitz, a security analyst at …`,
   or later in the sentence: `"…" with Russia's top diplomat, the official said`;
2. before it: `Lavrov said: "…"`, `what Mashaal termed "…"`;
3. a second quote in the sentence shares the first one's speaker;
4. a quote standing alone continues the previous sentence's quote.

A pronoun (`he says`) is resolved to the speaker named last in the three
sentences before it (a quote's speaker, or the subject of `Michael
Horowitz, …, says that …`); when there is none the pronoun is kept and the
quote is marked unresolved. Quotations of different outlets are one quote
when their words match, allowing for one being part of the other.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from chorus.disjoint import DisjointSets
from chorus.lexicon import (
    ORGANIZATION_HEADS,
    PREPOSITIONS,
    QUOTE_VERBS,
    SPEAKER_TITLES,
    TITLE_LOWER_WORDS,
    TRANSITION_OPENERS,
    WEEKDAYS,
    alternation,
)
from chorus.sparse import sparse
from chorus.text import QuotationSpan, quotation_spans, typeset_quotes, words
from chorus.types import Story

# A quotation shorter than this is a scare quote ("deep disappointment"), not a statement.
MIN_QUOTE_WORDS = 4
PRONOUN_LOOKBACK = 1  # sentences: the same or the previous one
SAME_QUOTE_RATIO = 90.0  # rapidfuzz ratio of two outlets' wording
PART_OF_QUOTE_RATIO = 95.0  # partial ratio when one outlet quotes part of the other
PART_MIN_WORDS = 6
# Sentences back to look for the fuller description a short one takes up: "a Hamas official has
# said" ... "a statement from a Hamas official in Gaza said" ... `"…," the official said` (three
# sentences apart in the example's [5]). An article's own paragraph or two.
DESCRIPTION_LOOKBACK = 4
# Capitalised words a speaker's name may run to: long enough for a name behind its title ("House
# Budget Committee Chairman John Kasich", six), which ``_proper_name`` then reads past.
NAME_MAX_WORDS = 8
# Words of a name after a title that make a full name, so that the title is no part of it: "John
# Kasich" of "Chairman John Kasich", but "President Clinton" stays as written.
FULL_NAME_WORDS = 2


_VERBS = alternation(QUOTE_VERBS)
_AUX = r"(?:(?:has|had|have|was|is|also|then|later|once)\s+)*"
_PARTICLE = r"(?:al|el|bin|ibn|van|von|de|da|du|del|der|le|la|di)"
# A particle opens a word: not the "der" of "commander Vladimir Kuroyedov".
_NAME_WORD = rf"(?:[A-Z][\w’'.\-]*|\b{_PARTICLE}[\-\s][A-Z][\w’'.\-]*)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:of\s+)?{_NAME_WORD}){{0,{NAME_MAX_WORDS - 1}}}"
_PRONOUN = r"(?:he|she|they|I|we|He|She|They|We)\b"  # whole words: "said Wendy Dixon" is no "We"
# Not "that"/"this": in "mentioned that Meshaal told" they introduce a clause.
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
_DESCRIPTION = rf"{_DETERMINER}(?:\s+[\w’'.\-]+){{1,5}}?"
_SPEAKER = rf"(?P<speaker>{_PRONOUN}|{_DESCRIPTION}|{_NAME})"
_ROLE = r"(?:,\s*(?P<role>[^,.;:“”\"]{3,100}))?"

# `"…," Lavrov said` / `"…," he says` / `"…," a Hamas official has said`
_SPEAKER_THEN_VERB = re.compile(rf"^[\s,.;:!?\-—–]*{_SPEAKER}\s+{_AUX}(?P<verb>{_VERBS})\b")
# `"…," said Lavrov` / `"…," explained Michael Horowitz, a security analyst`
_VERB_THEN_SPEAKER = re.compile(
    rf"^[\s,.;:!?\-—–]*(?P<verb>{_VERBS})\s+(?P<speaker>{_PRONOUN}|{_NAME}|{_DETERMINER}(?:\s+[\w’'\-]+){{1,5}}){_ROLE}"
)
# `…, the official said` later in the sentence.
_LATER_ATTRIBUTION = re.compile(rf"(?:^|[,;—–]\s*){_SPEAKER}\s+{_AUX}(?P<verb>{_VERBS})\b")
# `Lavrov said: "…"` / `what Mashaal termed "…"` (the last such phrase before the quote).
_EARLIER_ATTRIBUTION = re.compile(rf"{_SPEAKER}\s+{_AUX}(?P<verb>{_VERBS})\b")
# The subject of reported speech: `Michael Horowitz, security analyst at …, says that`,
# `Halvern's chief executive, Peter Vandermolen, said`
# or of a coordinated verb: `Governor Ilse Varga visited the shelters and told reporters`
_NAMED_SPEECH = re.compile(
    rf"(?P<speaker>{_NAME})(?:,[^,;]{{1,120}},|,)?\s+{_AUX}(?:{_VERBS})\b"
    rf"|(?P<subject>{_NAME})\s+[a-z]+(?:\s+[\w’'\-]+){{0,7}}?\s+and\s+(?:{_VERBS})\b"
)

# Words that end a description speaker ("the official in a statement").
_DESCRIPTION_STOP = frozenset(
    "in on at to after before during while who which that with from for as by of when where".split()
)
_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
# Capitalised words a name match takes in that are no part of the name: what opens the sentence
# ("But Cmdr. Patrick Fitzgerald", "On Tuesday Clinton"), and a weekday after it ("said Lott Tuesday").
_NOT_NAME_OPENERS = TRANSITION_OPENERS | PREPOSITIONS | frozenset(w.lower() for w in WEEKDAYS)
_NOT_NAME_ENDINGS = frozenset(w.lower() for w in WEEKDAYS)
# An attribution inside a quotation the source never closed ("… auto industry, said Steve Dandaneau,
# a labor expert … “It remains …”"): the quotation ends at its comma.
_ATTRIBUTION_INSIDE = re.compile(rf",\s+(?=(?:{_VERBS})\s+{_NAME}\b|{_NAME}\s+{_AUX}(?:{_VERBS})\b)")


@dataclass(frozen=True)
class QuoteOccurrence:
    """One outlet's printing of a quotation."""

    sentence: int  # index in Story.sentences
    doc_index: int
    position: int  # sentence number in its document
    text: str  # the words between the quotation marks
    start: int  # character offsets of ``text`` in the sentence as typeset (``text.typeset_quotes``)
    end: int
    speaker: str | None  # as the outlet names them, pronouns resolved
    attribution: str | None  # the attributing words as printed ("he says")
    role: str | None = None  # an apposition after the name ("a security analyst at …")


@dataclass
class Quote:
    """A quotation and every outlet that prints it."""

    text: str  # the longest printing
    speaker: str | None  # canonical name, or a description ("the official")
    speaker_is_named: bool
    occurrences: list[QuoteOccurrence]
    identical: bool  # every outlet prints the same words (case, punctuation, brackets aside)
    variants: list[str] = field(default_factory=list)  # distinct wordings when not identical

    @property
    def doc_indexes(self) -> list[int]:
        return sorted({o.doc_index for o in self.occurrences})

    @property
    def speaker_unresolved(self) -> bool:
        """Only a pronoun attributes it, with no speaker named just before."""
        return _is_pronoun(self.speaker)


def normalized_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in words(text))


def _clean_description(speaker: str) -> str:
    kept: list[str] = []
    for w in speaker.split():
        if kept and w.lower() in _DESCRIPTION_STOP:
            break
        kept.append(w)
    return " ".join(kept)


def _proper_name(name: str) -> str:
    """The person's whole name of the capitalised words a match took: the words that open the
    sentence or date it left out ("Yet Lori Thacker", "Muasher Friday"), a title before a full name
    ("House Budget Committee Chairman John Kasich" -> "John Kasich", "But Cmdr. Patrick Fitzgerald"
    -> "Patrick Fitzgerald", "Secretary of State Madeleine Albright" -> "Madeleine Albright"; but
    "President Clinton" as written), and the affiliation after one ("Mike Jendrzejczyk of Human Rights
    Watch" -> "Mike Jendrzejczyk", "Ms. Killian of Renaissance Capital" -> "Ms. Killian")."""
    found = name.split()
    while len(found) > 1 and found[0].lower() in _NOT_NAME_OPENERS:
        found = found[1:]
    while len(found) > 1 and found[-1].lower().rstrip(".") in _NOT_NAME_ENDINGS:
        found = found[:-1]
    titles = [k for k, w in enumerate(found) if w.lower().rstrip(".") in SPEAKER_TITLES]
    for title in reversed(titles):  # the last title before a full name ("Dr. … of Massachusetts General Hospital")
        rest = found[title + 1 :]
        if rest[:1] == ["of"]:
            rest = rest[2:]  # the title's domain: "Secretary of State"
        rest = rest[: rest.index("of")] if "of" in rest else rest  # "Rep. Martin Frost of Texas"
        if len(rest) >= FULL_NAME_WORDS:
            return " ".join(rest)
    if titles:  # a title before a surname: "Ms. Killian of Renaissance Capital" -> "Ms. Killian"
        affiliation = [k for k in range(titles[0] + 1, len(found)) if found[k] == "of" and k - 1 not in titles]
        found = found[: affiliation[0]] if affiliation else found
    elif "of" in found[FULL_NAME_WORDS:]:
        cut = found.index("of", FULL_NAME_WORDS)
        if found[cut - 1].lower() not in ORGANIZATION_HEADS:  # not "North American Council of Adoptable Children"
            found = found[:cut]
    return " ".join(found)


def _speaker_from(match: re.Match[str]) -> tuple[str, str, str | None]:
    speaker = match.group("speaker").strip()
    if len(speaker.split()[-1]) > 3:
        speaker = speaker.rstrip(".")  # a sentence's full stop, not an initial
    if re.match(_DETERMINER + r"\s", speaker):
        speaker = _clean_description(speaker)
    elif not _is_pronoun(speaker):
        speaker = _proper_name(speaker)
    role = match.groupdict().get("role")
    return speaker, match.group(0).strip(" ,.;:!?-—–"), role.strip() if role else None


def _spans(text: str) -> list[QuotationSpan]:
    """The sentence's quotations (``text.quotation_spans``), one the source never closed ended
    before an attribution inside it."""
    spans = []
    for span in quotation_spans(text):
        inside = None if span.closed else _ATTRIBUTION_INSIDE.search(text, span.start, span.end)
        spans.append(QuotationSpan(span.start, inside.start() + 1, False) if inside else span)
    return spans


def _attribute(text: str, span: QuotationSpan, next_start: int, previous_end: int):
    """(speaker, attribution, role) from the words around one quotation, or None."""
    tail = text[span[1] : next_start]
    tail = tail[1:] if tail[:1] in '”"' else tail.lstrip("'")
    for pattern in (_SPEAKER_THEN_VERB, _VERB_THEN_SPEAKER, _LATER_ATTRIBUTION):
        match = pattern.search(tail)
        if match:
            return _speaker_from(match)
    head = text[previous_end : span[0]]
    head = head.rstrip('“"`')
    found = list(_EARLIER_ATTRIBUTION.finditer(head))
    if found:
        return _speaker_from(found[-1])
    return None


def _is_pronoun(speaker: str | None) -> bool:
    return speaker is not None and speaker.lower() in _PRONOUNS


def _is_description(speaker: str | None) -> bool:
    return speaker is not None and re.match(_DETERMINER + r"\s", speaker) is not None


def _names_whom(description: str) -> bool:
    """Does a description carry a name of its own ("a Hamas official", "an Israeli Foreign Ministry
    spokesman"), not only what kind of speaker it is ("the official", "the terrorist group")?"""
    return any(w[:1].isupper() for w in description.split()[1:])


def _fuller_description(speaker: str, earlier: list[tuple[int, str]], position: int) -> str:
    """A short definite description ("the official") as the article gave it fuller just before (the
    last description of the same head word that names whom: "a Hamas official"), else as it is."""
    if not speaker.lower().startswith("the ") or _names_whom(speaker):
        return speaker
    head = speaker.split()[-1].lower()
    for p, fuller in reversed(earlier):
        if position - p > DESCRIPTION_LOOKBACK:
            break
        if fuller.split()[-1].lower() == head and _names_whom(fuller):
            return fuller
    return speaker


def is_title(quoted: str) -> bool:
    """Are the quoted words a title in title case ("Star Wars: Episode I -- The Phantom Menace", "A
    Charge to Keep"): every word a capital or a digit opens, but the small words of
    ``lexicon.TITLE_LOWER_WORDS``? A statement quoted has lower-case words of its own."""
    found = words(quoted)
    return bool(found) and all(w[:1].isupper() or w[:1].isdigit() or w in TITLE_LOWER_WORDS for w in found)


def find_quotations(story: Story) -> list[QuoteOccurrence]:
    """Every quotation of at least MIN_QUOTE_WORDS words that is not a title, with its speaker.

    Wire copy's typewriter marks (``…'' and AP's ''…'') are read as the marks they stand for
    (``text.typeset_quotes``), so the quotation is found where AP opens it with '' and its text
    is printed with “…” and ‘…’; ``start`` and ``end`` are offsets in that typeset text."""
    found: list[QuoteOccurrence] = []
    for d in range(len(story.documents)):
        sentences = story.sentences_of(d)
        # (sentence position, speaker) of every named speaker so far, for pronouns.
        named: list[tuple[int, str]] = []
        described: list[tuple[int, str]] = []  # (sentence position, description) of speakers so far
        last_quote: tuple[int, str | None] | None = None
        for sentence in sentences:
            text = typeset_quotes(sentence.text)
            spans = _spans(text)
            outside = _outside_quotes(text, spans)
            # Names said earlier in this very sentence: "… Vladimir Kuroyedov said the prospects were bleak.
            # ``What remains is our hope,'' he said." (a sentence the splitter left whole).
            said_here = [
                (m.start(), _proper_name(m.group("speaker") or m.group("subject")))
                for m in _NAMED_SPEECH.finditer(outside)
            ]
            previous_speaker: tuple[str | None, str | None, str | None] | None = None
            attributions: list[tuple[str | None, str | None, str | None] | None] = []
            previous_end = 0
            for k, span in enumerate(spans):
                next_start = spans[k + 1][0] - 1 if k + 1 < len(spans) else len(text)
                attributions.append(_attribute(text, span, next_start, previous_end))
                previous_end = span[1] + 1
            for k in reversed(range(len(spans) - 1)):
                if attributions[k] is None and not spans[k].closed:
                    # reopened before it was closed ("… wrinkles. “I'm a …,” said Sandy Ridout"): one speaker's
                    attributions[k] = attributions[k + 1]
            for k, span in enumerate(spans):
                attributed: tuple[str | None, str | None, str | None] | None = attributions[k]
                if attributed is None and previous_speaker is not None:
                    attributed = previous_speaker
                if attributed is None and last_quote is not None and last_quote[0] == sentence.position - 1:
                    if span[0] <= 2 and last_quote[1]:
                        attributed = (last_quote[1], None, None)
                speaker, attribution, role = attributed if attributed else (None, None, None)
                if _is_pronoun(speaker):
                    recent = [s for p, s in named if sentence.position - p <= PRONOUN_LOOKBACK]
                    recent = recent or [name for at, name in said_here if at < span[0] and not _is_pronoun(name)]
                    if recent:
                        speaker = recent[-1]
                elif speaker is not None and _is_description(speaker):
                    speaker = _fuller_description(speaker, described, sentence.position)
                if attributed:
                    previous_speaker = (speaker, attribution, role)
                quoted = text[span[0] : span[1]].strip().strip(",. ")
                if len(words(quoted)) < MIN_QUOTE_WORDS or is_title(quoted):
                    continue
                found.append(
                    QuoteOccurrence(
                        sentence=sentence.index,
                        doc_index=d,
                        position=sentence.position,
                        text=quoted,
                        start=span[0],
                        end=span[1],
                        speaker=speaker,
                        attribution=attribution,
                        role=role,
                    )
                )
                last_quote = (sentence.position, speaker)
                if speaker and not _is_pronoun(speaker) and speaker[0].isupper() and not _is_description(speaker):
                    named.append((sentence.position, speaker))  # a description, even "A Hamas official", is no "he"
            named += [(sentence.position, name) for _, name in said_here]
            for match in _EARLIER_ATTRIBUTION.finditer(outside):
                if _is_description(match.group("speaker")):
                    described.append((sentence.position, _speaker_from(match)[0]))
    return found


def _outside_quotes(text: str, spans: list[QuotationSpan]) -> str:
    """The sentence with quoted words blanked out (offsets kept)."""
    chars = list(text)
    for a, b, _ in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


QUOTE_BLOCK = 512  # quotations compared with all others at once


def _same_quote_pairs(keys: list[str]) -> Iterator[tuple[int, int]]:
    """Pairs ``i < j`` of printings of one statement: worded alike (ratio), or the
    shorter, if long enough, found almost whole in the longer (partial ratio).
    Scored a block of rows at a time by rapidfuzz, so that a story with
    thousands of quotations is not compared pair by pair in Python."""
    n = len(keys)
    chars = np.array([len(k) for k in keys])
    word_counts = np.array([len(k.split()) for k in keys])
    vocabulary: dict[str, int] = {}
    cells = [(q, vocabulary.setdefault(w, len(vocabulary))) for q, k in enumerate(keys) for w in set(k.split())]
    uses = sparse.csr_matrix(
        (np.ones(len(cells)), ([q for q, _ in cells], [w for _, w in cells])), shape=(n, max(len(vocabulary), 1))
    )
    distinct = np.asarray(uses.sum(axis=1)).ravel()
    for start in range(0, n, QUOTE_BLOCK):
        rows = keys[start : start + QUOTE_BLOCK]
        i = np.arange(start, start + len(rows))[:, None]
        j = np.arange(n)[None, :]
        later = j > i
        same = later & (
            process.cdist(rows, keys, scorer=fuzz.ratio, score_cutoff=SAME_QUOTE_RATIO, dtype=np.float32) > 0
        )
        i_is_shorter = chars[i] <= chars[j]
        # A part quoted almost whole (partial ratio >= 95) keeps most of its words intact:
        # only pairs sharing a third of the shorter one's words are scored.
        shared_words = (uses[start : start + len(rows)] @ uses.T).toarray()
        maybe_part = (
            later
            & ~same
            & (np.where(i_is_shorter, word_counts[i], word_counts[j]) >= PART_MIN_WORDS)
            & (3 * shared_words >= np.where(i_is_shorter, distinct[i], distinct[j]))
        )
        a, b = np.nonzero(maybe_part)
        if len(a):
            part = process.cpdist(
                [rows[x] for x in a],
                [keys[y] for y in b],
                scorer=fuzz.partial_ratio,
                score_cutoff=PART_OF_QUOTE_RATIO,
                dtype=np.float32,
            )
            same[a[part > 0], b[part > 0]] = True
        a, b = np.nonzero(same)
        yield from zip((a + start).tolist(), b.tolist())


def group_quotations(
    occurrences: list[QuoteOccurrence], canonical_speaker: Callable[[str], str | None] | None = None
) -> list[Quote]:
    """One Quote per statement, with every outlet's printing of it, in order of first appearance."""
    keys = [" ".join(normalized_words(o.text)) for o in occurrences]
    same = DisjointSets(range(len(occurrences)))
    for i, j in _same_quote_pairs(keys):
        same.union(i, j)
    quotes = []
    for members in same.groups():
        printed = [occurrences[i] for i in members]
        wordings = list(dict.fromkeys(keys[i] for i in members))
        speaker, is_named = _group_speaker(printed, canonical_speaker)
        longest = max(printed, key=lambda o: len(o.text))
        variants = [] if len(wordings) == 1 else list(dict.fromkeys(o.text for o in printed))
        quotes.append(Quote(longest.text, speaker, is_named, printed, len(wordings) == 1, variants))
    quotes.sort(key=lambda q: (-len(q.doc_indexes), min(o.sentence for o in q.occurrences)))
    return quotes


def _group_speaker(
    printed: list[QuoteOccurrence], canonical_speaker: Callable[[str], str | None] | None
) -> tuple[str | None, bool]:
    """The speaker the outlets name, most often named first; a description only when none names anyone.

    Outlets relaying one statement often differ in how much they say of its
    source: one writes "Mesgaal told Lavrov", three "the official said". The
    name is the more specific attribution, so any named speaker (pronouns
    resolved, spellings unified through ``canonical_speaker``) is preferred
    to a description ("the official"), however many outlets use it.
    """
    names: Counter[str] = Counter()
    descriptions: Counter[str] = Counter()
    printings: dict[str, str] = {}  # a description as first printed, names keep their capitals
    for o in printed:
        if not o.speaker or _is_pronoun(o.speaker):
            continue
        canonical = canonical_speaker(o.speaker) if canonical_speaker else None
        if canonical:
            names[canonical] += 1
        elif o.speaker[0].isupper() and not re.match(_DETERMINER + r"\s", o.speaker):
            names[o.speaker] += 1
        else:
            key = o.speaker.lower()
            descriptions[key] += 1
            # "An Israeli Foreign Ministry" opening a sentence -> "an Israeli Foreign Ministry"
            first, _, rest = o.speaker.partition(" ")
            printings.setdefault(
                key, f"{first.lower()} {rest}".strip() if re.fullmatch(_DETERMINER, first) else o.speaker
            )
    if names:
        return names.most_common(1)[0][0], True
    if descriptions:
        # One that names whom ("a Hamas official") says more than one that does not ("the terrorist group").
        best = max(descriptions, key=lambda d: (_names_whom(printings[d]), descriptions[d]))
        return printings[best], False
    return next((o.speaker for o in printed if o.speaker), None), False
