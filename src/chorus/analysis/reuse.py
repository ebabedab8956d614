"""Text reuse: passages one article shares word for word, or nearly, with another.

Each article becomes a sequence of word keys (Porter stems, spelling
variants of names unified, so "Meshaal"/"Mashaal" and "talks"/"talk"
match). Every 5-word shingle shared by two articles is a seed (Broder,
*On the resemblance and containment of documents*, 1997); seeds on one
diagonal join into exact runs, and runs separated by a few changed words
on both sides join into one near-verbatim passage, in the spirit of
greedy string tiling (Wise, *YAP3*, 1996).

A passage counts as reuse when at least ``MIN_UNQUOTED_WORDS`` of its words
stand outside quotation marks in one of the two articles (its own prose,
or prose the other put in quotes), or when it is a quotation of at least
``LONG_QUOTE_WORDS`` words printed identically: two outlets quoting the
same short statement is reporting, not copying.

Direction: of two articles, the one whose text the passages they share
make up the larger part of is taken as the copy (the shorter, more
fragmentary text) when that share is at least ``DIRECTION_RATIO`` times
the other's, or when it is larger and the article as a whole is made of
passages shared with the cluster ``DIRECTION_RATIO`` times more than the
other (stitched from several sources); otherwise the direction is left
open.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from chorus.text import STOP_WORDS, WORD_RE, quote_spans, stem
from chorus.types import Story

SHINGLE = 5
MAX_SHINGLE_OCCURRENCES = 60  # a shingle printed more often than this is boilerplate
MAX_GAP = 4  # changed words bridged inside one near-verbatim passage
MIN_PASSAGE_WORDS = 12  # shorter runs turn up by chance in independent reports
MIN_UNQUOTED_WORDS = 6
LONG_QUOTE_WORDS = 25
DIRECTION_RATIO = 1.5


@dataclass(frozen=True)
class Span:
    doc_index: int
    start: int  # word positions in the article, end exclusive
    end: int
    sentences: tuple[int, ...]  # Story.sentences indexes it touches
    text: str


@dataclass
class Passage:
    source: Span  # when the direction is unknown: the article first in the story
    copy: Span
    matched_words: int  # words identical in both (after stemming)
    kind: str  # "text" (prose), or "quotation" (a long quotation printed by both)
    direction_known: bool


@dataclass
class DocumentReuse:
    doc_index: int
    words: int
    borrowed_words: int  # words of the article inside passages it took (or shares, direction unknown)
    sources: list[int] = field(default_factory=list)  # articles it took passages from
    shares_with: list[int] = field(default_factory=list)  # direction unknown

    @property
    def share(self) -> float:
        return self.borrowed_words / self.words if self.words else 0.0


@dataclass
class _Token:
    key: str
    sentence: int
    start: int
    end: int
    quoted: bool
    # The reader's word (whitespace-separated, as ``text.count_words`` counts) the token is part of,
    # numbered within its article: "1,200" is two tokens of one word, so that an article's borrowed
    # words are never more than the words the report gives it.
    word: int = 0


def _tokens(story: Story) -> list[list[_Token]]:
    variants = story.vectors.variants if story.vectors is not None else {}
    per_doc: list[list[_Token]] = [[] for _ in story.documents]
    words = [0] * len(story.documents)
    for sentence in story.sentences:
        spans = quote_spans(sentence.text)
        previous_end = None
        for match in WORD_RE.finditer(sentence.text):
            gap = sentence.text[previous_end : match.start()] if previous_end is not None else " "
            if any(c.isspace() for c in gap):
                words[sentence.doc_index] += 1  # a space since the last token (or the sentence's first): a new word
            previous_end = match.end()
            s = stem(match.group())
            quoted = any(a <= match.start() < b for a, b in spans)
            per_doc[sentence.doc_index].append(
                _Token(
                    variants.get(s, s), sentence.index, match.start(), match.end(), quoted, words[sentence.doc_index]
                )
            )
    return per_doc


def _runs(seeds: list[tuple[int, int]]) -> list[list[int]]:
    """Exact runs [a_start, a_end, b_start, b_end] from shingle seeds (a, b)."""
    by_diagonal: dict[int, list[int]] = defaultdict(list)
    for a, b in seeds:
        by_diagonal[b - a].append(a)
    runs = []
    for diagonal, starts in by_diagonal.items():
        starts.sort()
        first = previous = starts[0]
        for start in [*starts[1:], None]:
            if start is not None and start == previous + 1:
                previous = start
                continue
            runs.append([first, previous + SHINGLE, first + diagonal, previous + SHINGLE + diagonal])
            if start is not None:
                first = previous = start
    return sorted(runs)


def _chain(runs: list[list[int]]) -> list[tuple[int, int, int, int, int]]:
    """Join runs separated by at most MAX_GAP changed words on both sides."""
    passages: list[tuple[int, int, int, int, int]] = []
    current: list[int] | None = None
    matched = 0
    for run in runs:
        if current is not None:
            gap_a, gap_b = run[0] - current[1], run[2] - current[3]
            if (
                -SHINGLE < gap_a <= MAX_GAP
                and -SHINGLE < gap_b <= MAX_GAP
                and run[1] > current[1]
                and run[3] > current[3]
            ):
                matched += min(run[1] - current[1], run[1] - run[0])
                current[1], current[3] = run[1], run[3]
                continue
            passages.append((current[0], current[1], current[2], current[3], matched))
        current, matched = list(run), run[1] - run[0]
    if current is not None:
        passages.append((current[0], current[1], current[2], current[3], matched))
    return passages


_STOP_KEYS = frozenset(stem(w) for w in STOP_WORDS)


def _stop_edge(tokens: list[_Token], start: int, end: int, tail: bool) -> int:
    """How many words at the passage's end (``tail``) or start are a sentence's first (last) words, stop words
    only, after (before) words of another sentence: two sentences that happen to begin alike ("… The")."""
    edge = tokens[end - 1].sentence if tail else tokens[start].sentence
    span = range(end - 1, start - 1, -1) if tail else range(start, end)
    count = next((k for k, i in enumerate(span) if tokens[i].sentence != edge), None)
    if count is None or not all(tokens[i].key in _STOP_KEYS for i in list(span)[:count]):
        return 0
    return count


def _trimmed(ta: list[_Token], tb: list[_Token], passage: tuple[int, int, int, int, int]):
    """The passage without stop words alone at its edges in a sentence of their own, when both sides agree (the
    run is exact at its ends, so they are the same words)."""
    a0, a1, b0, b1, matched = passage
    tail = _stop_edge(ta, a0, a1, True)
    tail = tail if tail == _stop_edge(tb, b0, b1, True) else 0
    head = _stop_edge(ta, a0, a1 - tail, False)
    head = head if head == _stop_edge(tb, b0, b1 - tail, False) else 0
    return a0 + head, a1 - tail, b0 + head, b1 - tail, max(0, matched - head - tail)


def _span(story: Story, doc: int, tokens: list[_Token], start: int, end: int) -> Span:
    pieces: list[str] = []
    sentences: list[int] = []
    for t in tokens[start:end]:
        if not sentences or sentences[-1] != t.sentence:
            sentences.append(t.sentence)
    for s in sentences:
        inside = [t for t in tokens[start:end] if t.sentence == s]
        pieces.append(story.sentences[s].text[inside[0].start : inside[-1].end])
    return Span(doc, start, end, tuple(sentences), " … ".join(pieces) if len(pieces) > 1 else pieces[0])


def find_reuse(story: Story) -> tuple[list[Passage], list[DocumentReuse]]:
    tokens = _tokens(story)
    shingles: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for d, doc_tokens in enumerate(tokens):
        keys = [t.key for t in doc_tokens]
        for p in range(len(keys) - SHINGLE + 1):
            shingles[tuple(keys[p : p + SHINGLE])].append((d, p))
    seeds: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for places in shingles.values():
        if len(places) < 2 or len(places) > MAX_SHINGLE_OCCURRENCES:
            continue
        for x in range(len(places)):
            for y in range(x + 1, len(places)):
                (da, pa), (db, pb) = places[x], places[y]
                if da != db:
                    seeds[(da, db)].append((pa, pb))
    found: list[tuple[int, int, tuple[int, int, int, int, int], str]] = []
    for (da, db), pair_seeds in seeds.items():
        for chained in _chain(_runs(pair_seeds)):
            passage = _trimmed(tokens[da], tokens[db], chained)
            a0, a1, b0, b1, matched = passage
            if matched < MIN_PASSAGE_WORDS:
                continue
            unquoted = max(sum(not t.quoted for t in tokens[da][a0:a1]), sum(not t.quoted for t in tokens[db][b0:b1]))
            if unquoted >= MIN_UNQUOTED_WORDS:
                found.append((da, db, passage, "text"))
            elif matched >= LONG_QUOTE_WORDS:
                found.append((da, db, passage, "quotation"))
    # Direction per pair of articles, from the share of each that the shared passages cover.
    covered: dict[tuple[int, int], tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for da, db, (a0, a1, b0, b1, _), _ in found:
        covered[(da, db)][0].update(range(a0, a1))
        covered[(da, db)][1].update(range(b0, b1))
    overall: dict[int, set[int]] = defaultdict(set)
    for (da, db), (in_a, in_b) in covered.items():
        overall[da] |= in_a
        overall[db] |= in_b
    direction: dict[tuple[int, int], int | None] = {}  # -> index of the copy
    for (da, db), (in_a, in_b) in covered.items():
        pair = {da: len(in_a) / max(len(tokens[da]), 1), db: len(in_b) / max(len(tokens[db]), 1)}
        whole = {d: len(overall[d]) / max(len(tokens[d]), 1) for d in (da, db)}
        direction[(da, db)] = None
        for x, y in ((da, db), (db, da)):
            # The pair alone tells, or the pair leans one way and x is stitched from many.
            if pair[x] >= DIRECTION_RATIO * pair[y] or (pair[x] > pair[y] and whole[x] >= DIRECTION_RATIO * whole[y]):
                direction[(da, db)] = x
    passages = []
    borrowed: dict[int, set[int]] = defaultdict(set)
    summary = {d: DocumentReuse(d, len({t.word for t in tokens[d]}), 0) for d in range(len(story.documents))}
    for da, db, (a0, a1, b0, b1, matched), kind in found:
        span_a = _span(story, da, tokens[da], a0, a1)
        span_b = _span(story, db, tokens[db], b0, b1)
        copy = direction[(da, db)]
        if copy == da:
            passages.append(Passage(span_b, span_a, matched, kind, True))
        else:
            passages.append(Passage(span_a, span_b, matched, kind, copy is not None))
        for d, other, span in ((da, db, span_a), (db, da, span_b)):
            if copy in (d, None):
                borrowed[d].update(range(span.start, span.end))
                listing = summary[d].sources if copy == d else summary[d].shares_with
                if other not in listing:
                    listing.append(other)
    for d, positions in borrowed.items():
        summary[d].borrowed_words = len({tokens[d][p].word for p in positions})
        summary[d].sources.sort()
        summary[d].shares_with.sort()
    passages.sort(key=lambda p: (p.copy.doc_index, p.copy.start))
    return passages, [summary[d] for d in range(len(story.documents))]
