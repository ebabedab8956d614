"""Source families: articles that are copies of one another count as one source.

Agencies re-send a story, outlets run wire copy, and rewrites are stitched
from other outlets' sentences; counted as outlets, each inflates how many
independent sources seem to back a claim. Each article becomes the set of
its 5-word shingles (Broder, *On the resemblance and containment of
documents*, 1997) over word keys (Porter stems, spelling variants of names
unified). Shingles that touch a quotation are left out unless the
quotation is long (``LONG_QUOTE_WORDS``) or the other article prints the
words as its own: two outlets printing one short statement are reporting
it, not copying each other.

- Two articles are **copies** (one family) when at least ``COPY_SHARE`` of
  either's shingles are in the other: a re-send, or one story lightly
  edited.
- An article is a **rewrite** when at least ``REWRITE_SHARE`` of its
  shingles come from the other articles taken together, without being a
  copy of one of them; its **sources** are those it took at least
  ``SOURCE_SHARE`` of its shingles from. A rewrite counts as a source of a
  claim only when none of its sources states the claim.

The **original** of a family is the earliest published article when the
dates tell, otherwise the fullest (most words), otherwise the first.

For one claim, the articles that state it are one independent source when
they are in one family, when one is a rewrite of the other, or when one's
evidence sentence is copied from the other (``EVIDENCE_COPY_SHARE`` of its
shingles in the other article), so that a sentence several outlets took
from one wire story counts once.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Any

from chorus.disjoint import DisjointSets
from chorus.text import QUOTE_MARK_RE, STOP_WORDS, WORD_RE, stem
from chorus.types import Sentence, Story

SHINGLE = 5
COPY_SHARE = 0.5
REWRITE_SHARE = 0.4
SOURCE_SHARE = 0.1
MIN_OWN_WORDS = 2  # lower-case content words a shingle needs to count as wording
LONG_QUOTE_WORDS = 25  # a quotation this long printed word for word is copied, not reported (as in analysis.reuse)
EVIDENCE_COPY_SHARE = 0.5
# An evidence with fewer shingles than this outside quotations (a short attribution such as
# "Fire Chief Dalia Okonkwo told reporters") is worded alike by independent outlets: it proves no copy.
EVIDENCE_MIN_SHINGLES = 3


def _quote_spans(text: str) -> list[tuple[int, int]]:
    marks = list(QUOTE_MARK_RE.finditer(text))
    return [(a.start(), b.end()) for a, b in zip(marks[::2], marks[1::2])]


def _sentence_shingles(sentence: Sentence, variants: Mapping[str, str]) -> tuple[set[int], set[int]]:
    """The sentence's shingles over word keys: every one with words of its own, and those of them
    outside short quotations (the ones that prove a copy)."""
    text = sentence.text
    written = WORD_RE.findall(text)
    count = len(written)
    if count < SHINGLE:
        return set(), set()
    # Segmenting tokenized the sentence with the same regex: its stems and stop-word flags are reused.
    made_here = len(sentence.stems) == count and len(sentence.content) == count
    stems = sentence.stems if made_here else [stem(w) for w in written]
    content = sentence.content if made_here else [w.lower() not in STOP_WORDS for w in written]
    keys = [variants.get(s, s) for s in stems] if variants else stems
    # Proper names in a row ("at Brannock High School and the Saint Ives") are the same for
    # everyone who reports them: only a run with words of one's own (lower-case content words)
    # proves a copy. (A word of the regex always carries a letter or digit.)
    own = [0, *accumulate(w[0].islower() and c for w, c in zip(written, content))]
    spans = [(a, b) for a, b in _quote_spans(text) if len(WORD_RE.findall(text[a:b])) < LONG_QUOTE_WORDS]
    if spans:
        # The spans are in order and apart: a word starts inside one when an odd number of
        # span bounds lie at or before it.
        bounds = [at for span in spans for at in span]
        quoted = [0, *accumulate(bisect_right(bounds, m.start()) % 2 for m in WORD_RE.finditer(text))]
    every, telling = set(), set()
    for p in range(count - SHINGLE + 1):
        if own[p + SHINGLE] - own[p] < MIN_OWN_WORDS:
            continue
        h = hash(tuple(keys[p : p + SHINGLE]))
        every.add(h)
        if not spans or quoted[p + SHINGLE] == quoted[p]:
            telling.add(h)
    return every, telling


@dataclass
class Family:
    members: list[int]  # document indexes, the original first
    original: int | None  # None when it cannot be told
    how: str  # "copies" (re-sends or near-verbatim copies) or "single"
    reason: str = ""  # how the original was told: "earliest", "fullest", ""


@dataclass
class Rewrite:
    doc_index: int
    share: float  # of its shingles found in the other articles
    sources: dict[int, float] = field(default_factory=dict)  # source document -> share taken from it


class SourceFamilies:
    """Which articles of a story copy which, and how many independent sources a set of them is."""

    def __init__(self, story: Story) -> None:
        self.story = story
        variants = story.vectors.variants if story.vectors is not None else {}
        # Per sentence and per article: every shingle, and those that prove a copy (outside
        # quotation marks, or inside a long quotation printed word for word).
        self._sentence_shingles: list[set[int]] = []
        self._doc_all: list[set[int]] = [set() for _ in story.documents]
        self._doc_shingles: list[set[int]] = [set() for _ in story.documents]
        for sentence in story.sentences:
            every, telling = _sentence_shingles(sentence, variants)
            self._sentence_shingles.append(telling)
            self._doc_all[sentence.doc_index] |= every
            self._doc_shingles[sentence.doc_index] |= telling
        n = len(story.documents)
        # [a][b]: share of a's shingles that b prints too, outside quotation marks in one of them
        # (an outlet that put another's prose in quotes has still copied it). What a and b share
        # is the same set both ways (a telling shingle is one of every), so it is found once a pair.
        self.containment = [[0.0] * n for _ in range(n)]
        self._shared: dict[tuple[int, int], set[int]] = {}
        for a in range(n):
            if not self._doc_all[a]:
                continue
            for b in range(a + 1, n):
                if not self._doc_all[b]:
                    continue
                shared = (self._doc_shingles[a] & self._doc_all[b]) | (self._doc_all[a] & self._doc_shingles[b])
                self._shared[(a, b)] = self._shared[(b, a)] = shared
                self.containment[a][b] = len(shared) / len(self._doc_all[a])
                self.containment[b][a] = len(shared) / len(self._doc_all[b])
        # Rewrites first: an article stitched from several others is a copy of each, and must not
        # make its sources one family by containing them all.
        self.rewrites: dict[int, Rewrite] = {}
        for a in range(n):
            if not self._doc_all[a]:
                continue
            taken = set().union(*(self._shared.get((a, b), set()) for b in range(n) if b != a))
            share = len(taken) / len(self._doc_all[a])
            # An article that is more a copy of a than a is of anything (the aggregator that took two
            # thirds of its text from a) is a's copy, not its source.
            sources = {
                b: round(self.containment[a][b], 3)
                for b in range(n)
                if b != a and self.containment[a][b] >= SOURCE_SHARE and self.containment[b][a] <= share
            }
            if share < REWRITE_SHARE or not sources or self._not_stitched(a, sources):
                continue
            if len(sources) == 1:
                (b,) = sources
                if max(self.containment[a][b], self.containment[b][a]) >= COPY_SHARE:
                    continue  # a copy of one article: its family, below
                if self.containment[b][a] > self.containment[a][b]:
                    continue  # b took more of itself from a: b is the copy
            self.rewrites[a] = Rewrite(a, round(share, 3), sources)
        self._families = DisjointSets(range(n))
        for a in range(n):
            for b in range(a + 1, n):
                if a in self.rewrites or b in self.rewrites:
                    continue
                if max(self.containment[a][b], self.containment[b][a]) >= COPY_SHARE:
                    self._families.union(min(a, b), max(a, b))

    def _not_stitched(self, a: int, sources: Mapping[int, float]) -> bool:
        """Is ``a`` rather the story its 'sources' were cut from? When it is dated before all of them,
        or when they are copies of one another (two cuts of one story); two articles that share nothing
        both found whole in a third were put together there."""
        docs = self.story.documents
        published = docs[a].published
        if published and all((later := docs[b].published) and published < later for b in sources):
            return True
        return any(
            max(self.containment[b][c], self.containment[c][b]) >= COPY_SHARE for b in sources for c in sources if b < c
        )

    def family_of(self, doc: int) -> int:
        return self._families.find(doc)

    @cached_property
    def families(self) -> list[Family]:
        out = []
        for members in self._families.groups():
            if len(members) == 1:
                out.append(Family(members, members[0], "single"))
                continue
            original, reason = self.original_of(members)
            ordered = ([original] if original is not None else []) + [m for m in members if m != original]
            out.append(Family(ordered, original, "copies", reason))
        return out

    def original_of(self, members: list[int]) -> tuple[int | None, str]:
        """The earliest published member when the dates tell, else the fullest text, else none."""
        docs = self.story.documents
        dated = [(docs[m].published, m) for m in members if docs[m].published]
        if len(dated) == len(members):
            dated.sort()
            if dated[0][0] != dated[1][0]:
                return dated[0][1], "earliest"
        words = sorted(((len(docs[m].text.split()), m) for m in members), reverse=True)
        if words[0][0] > words[1][0]:
            return words[0][1], "fullest"
        return None, ""

    @property
    def independent_count(self) -> int:
        """Independent sources among all the articles: families, a rewrite not counted apart from its sources."""
        return self.independent_sources({d: () for d in range(len(self.story.documents))})

    def copied(self, sentences: tuple[int, ...], doc: int) -> bool:
        """Are these evidence sentences copied (mostly) from article ``doc``?"""
        return self._shingles_copied(self._evidence_shingles(sentences), doc)

    def _evidence_shingles(self, sentences: tuple[int, ...]) -> set:
        return set().union(*(self._sentence_shingles[i] for i in sentences)) if sentences else set()

    def _shingles_copied(self, shingles: set, doc: int) -> bool:
        if len(shingles) < EVIDENCE_MIN_SHINGLES:
            return False
        return len(shingles & self._doc_shingles[doc]) / len(shingles) >= EVIDENCE_COPY_SHARE

    def independent_sources(self, evidence: Mapping[int, tuple[int, ...]]) -> int:
        """How many independent sources are the articles ``evidence`` lists (document -> its evidence sentences)?

        Articles of one family, or whose evidence one copied from the other, are one source; a rewrite
        counts only when none of its sources is among them and its evidence is copied from none of them.
        """
        # Each article's evidence shingles are gathered once, and a pair already joined is not compared
        # again (at 1,000 articles the pairwise rebuilding was most of the report's claim step).
        shingles = {d: self._evidence_shingles(sentences) for d, sentences in evidence.items()}
        docs = sorted(d for d in evidence if d not in self.rewrites)
        sources = DisjointSets(docs)
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                if sources.same(a, b):
                    continue
                if (
                    self._families.same(a, b)
                    or self._shingles_copied(shingles[a], b)
                    or self._shingles_copied(shingles[b], a)
                ):
                    sources.union(b, a)
        count = sources.count()
        for d in evidence:
            rewrite = self.rewrites.get(d)
            if rewrite is None:
                continue
            if not any(s in evidence for s in rewrite.sources) and not any(
                self._shingles_copied(shingles[d], other) for other in evidence if other != d
            ):
                count += 1
        return count

    def describe(self) -> list[dict[str, Any]]:
        """Plain data for renderers: each family of several articles, and each rewrite with its sources."""
        out: list[dict[str, Any]] = []
        for family in self.families:
            if len(family.members) > 1:
                out.append(
                    {"kind": "copies", "members": family.members, "original": family.original, "reason": family.reason}
                )
        for rewrite in self.rewrites.values():
            out.append(
                {"kind": "rewrite", "members": [rewrite.doc_index], "sources": rewrite.sources, "share": rewrite.share}
            )
        return out
