"""Online grouping of a stream of articles into stories.

The articles are taken in time order (publication day, then key, so that
the input's order does not tip a decision; undated ones last, by key), and each either **joins** the story it
is most like or **opens** a new one: single-pass clustering as in on-line
new event detection (Allan, Papka & Lavrenko, *On-line new event detection
and tracking*, SIGIR 1998; Yang, Pierce & Carbonell, *A study of
retrospective and on-line event detection*, SIGIR 1998).

- **Similarity**: the cosine between the article's term vector (sublinear
  counts of ``chorus.digest.features`` times inverse document frequency,
  unit length) and the story's centroid (the sum of its articles' vectors).
  The inverse document frequency counts a pool of fewer than
  ``IDF_LEAST_ARTICLES`` articles as that many, so that a small pool on one
  subject does not make the subject's own words weightless (on-line event
  detection takes its idf from an auxiliary collection for that reason).
- **Time**: an article needs more similarity to join a story the further
  its day lies outside the story's date span:
  ``JOIN_SIMILARITY + TIME_PENALTY * log2(1 + days / TIME_SCALE_DAYS)``; two
  articles days apart rarely report one event unless they say much alike.
- **Blocking**: an article is compared only with the stories that share
  its key terms (its ``KEY_TERMS`` heaviest terms) among their own heaviest
  (``STORY_TERMS``): an inverted index from a term to the stories it
  signs, each list bounded to the ``MAX_POSTING`` stories that took an
  article most recently, and of the stories found only the
  ``MAX_CANDIDATES`` that share the most key weight are compared. A
  centroid keeps its ``CENTROID_TERMS`` heaviest terms. So the work and the
  memory per article do not grow with the collection: the grouping is
  linear in the number of articles. MinHash locality-sensitive hashing
  (Broder 1997; Indyk & Motwani 1998) through ``datasketch`` over the
  articles' key terms is the other candidate generator (``blocking="lsh"``
  or ``"both"``; each article keeps at most ``MAX_NEIGHBOURS`` neighbours);
  on the DUC pools it finds fewer of the right stories than the index.
- **Merging**: the pass joins strictly (``JOIN_SIMILARITY``), so that
  the first articles of an event do not slip into a story of a related
  one before their own exists; the stories of the batch are then merged
  with their neighbours by group-average agglomeration (the mean cosine of
  an article of one and an article of the other, ``MERGE_SIMILARITY``,
  plus the time penalty for the days between their spans; the most alike
  pair first; two stories that both grew to ``GROWN_STORY_ARTICLES`` need
  ``GROWN_MERGE_SIMILARITY``: two stories that each grew that big alone are
  most often two events of one kind; two stories of at most
  ``SMALL_STORY_ARTICLES`` each need ``SMALL_MERGE_SIMILARITY``: their
  group average is a few article pairs, which two events of one field on one
  day reach), as in the group-average clustering of Yang, Pierce &
  Carbonell's retrospective detection. In the event grouping a merge also
  needs the group average to reach ``merge_closeness`` times the two
  stories' own cohesion (the relative closeness of Karypis, Han & Kumar's
  Chameleon, 1999): a tight story of one event does not take a story of its
  field that merely clears the absolute floor.
- **Refinement**: the first articles of a story decide where it goes before
  the story has a centroid worth the name, so after the merging every
  article of the batch is compared again with the stories of its
  neighbours (its own left out) and moves to one that is clearly more like
  it (``MOVE_MARGIN``) and clears ``REFINE_SIMILARITY``, as a k-means step
  would move it; ``REFINE_PASSES`` such passes. Into a story of at most
  ``SMALL_STORY_ARTICLES`` it moves an article only at
  ``SMALL_MERGE_SIMILARITY``, as such stories merge (a centroid of one
  article is that article: a move into it is a join, and the pass refused it);
  in the event grouping, into a larger story only when the article's mean
  cosine with its articles reaches ``move_closeness`` times the story's
  cohesion.

Every decision is kept with its reasons (the similarity, the threshold it
had to reach, the days between the article and the story, the terms they
share most), and the result is the same for the same input: ties go to the
older story, and MinHash is seeded.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields

import numpy as np

from chorus.digest.features import ArticleFeatures
from chorus.types import DEFAULT_GROUPING, EVENT_GROUPING, GROUPINGS, TOPIC_GROUPING

# The three similarities were tuned together on the tuning pools of benchmarks/stories_grouping.py (BENCHMARKS.md).
JOIN_SIMILARITY = 0.24  # an article joins a story in the pass: strict, so that a young story takes no other event
MERGE_SIMILARITY: float | None = (
    0.09  # group-average similarity at which two stories merge after the pass (None: never)
)
REFINE_SIMILARITY = 0.12  # an article moves to a story after the merging: the stories are grown, their centroids tell
# Two stories that each grew this big in the strict pass are most likely two events (two plane crashes, two
# elections): they merge only at the higher group average, which one event's halves reach and related topics do not.
GROWN_STORY_ARTICLES = 15
GROWN_MERGE_SIMILARITY = 0.12
# Two stories of at most this many articles each merge only at the higher group average: their group average is
# one to four article pairs, and two articles of one field on one day (two stabbings, two space stories) reach the
# merge floor; an article needs JOIN_SIMILARITY to join a story in the pass, and two lone articles of one event
# are as alike (session s15: on the kept-aside pages, most wrong merges were of stories of 1-2 articles at 0.10-0.23).
SMALL_STORY_ARTICLES = 2
SMALL_MERGE_SIMILARITY = 0.20
# The refinement moves an article into such a small story only at SMALL_MERGE_SIMILARITY too: it moves articles by
# the stories' centroids, and a story of one or two articles has none worth the name (before, a lone article moved
# at REFINE_SIMILARITY, half the join, into another lone article's story: a join the pass had refused).
# Two groupings (session s15, BENCHMARKS.md "Stories"). EVENT: articles about one happening and its follow-ups of
# the same days form a story, a different event on the same topic (two earthquakes, two rounds of talks) another:
# the days that count are those from an article to the story's NEAREST article (a story told day after day stays
# one; a story of months is not "within its dates" for every article of those months), and the penalty is steep
# (0.06 more similarity for a day away, 0.18 for a week, 0.5 for a year): on the judged events pool of one field's
# events it scores 0.93, and no story mixes two DUC topics. TOPIC: DUC's clusters, a subject over months or years:
# the days that count are those outside the story's first-to-last span, and the penalty is slight (0.03 more for a
# story 2 months away, 0.04 for a year), tuned on DUC's topics.
EVENT, TOPIC = EVENT_GROUPING, TOPIC_GROUPING
EVENT_TIME_PENALTY = 0.06
TOPIC_TIME_PENALTY = 0.005
TIME_PENALTY = {EVENT: EVENT_TIME_PENALTY, TOPIC: TOPIC_TIME_PENALTY}  # each grouping's time penalty
# The inverse document frequency counts a pool of fewer articles as this many, the added ones holding none of its
# terms (session s16). Over a pool of a few dozen articles on one subject, the subject's own words (Concorde,
# Gonesse) are in most articles and weigh next to nothing, so two articles of one event a day apart are less alike
# than the same two in a day's mixed news, and the event grouping cut them (the Concorde's topic alone: 4 of its 32
# pairs a day apart together). The idf estimates how rare a word is in the news at large; on-line event detection
# takes it from an auxiliary collection for the same reason (Allan, Papka & Lavrenko, SIGIR 1998; Yang, Pierce &
# Carbonell, SIGIR 1998, "incremental idf"); chorus ships none, so a small pool is counted as if among this many
# articles. A pool at least this large is weighed as before. 200: the middle of the flat top (175-250) on the
# events pool's topics each grouped alone and the crash topics alone (BENCHMARKS.md, session s16).
IDF_LEAST_ARTICLES = 200
# Event grouping: a merge, and a refinement's move into a story of two or more articles, also need the two sides to
# be about as alike as their own articles are (session s16): the group average of the merge at least
# EVENT_MERGE_CLOSENESS times the two stories' cohesions (each story's mean cosine of two of its articles, weighted
# by its articles: the relative closeness of Chameleon, Karypis, Han & Kumar, IEEE Computer 32(8), 1999), and the
# article's mean cosine with the story's articles at least EVENT_MOVE_CLOSENESS times the story's cohesion. The
# absolute floors above are for DUC's topics, loose stories of months whose fragments merge at 0.09; a day's story
# of one event is tight (its articles 0.3-0.6 alike), and an article or a story of the same field reaches 0.09-0.16
# with it without being nearly as alike as its articles are (the trade talks took Hong Kong's siege, Alibaba's
# listing and an impeachment page by moves at 0.13-0.23; the Lavrov story a fact check at 0.13). Topic grouping
# keeps its DUC-tuned floors alone (0: the rule off).
EVENT_MERGE_CLOSENESS = 0.4
EVENT_MOVE_CLOSENESS = 0.6
MERGE_CLOSENESS = {EVENT: EVENT_MERGE_CLOSENESS, TOPIC: 0.0}
MOVE_CLOSENESS = {EVENT: EVENT_MOVE_CLOSENESS, TOPIC: 0.0}
TIME_SCALE_DAYS = 1.0
KEY_TERMS = 20  # heaviest terms of an article: what its candidate stories are looked up by
STORY_TERMS = 30  # heaviest terms of a story's centroid, under which the index lists it
MAX_POSTING = 50  # stories listed under one term: the ones that took an article most recently
MAX_CANDIDATES = 40  # stories compared with an article: the ones sharing the most of its key weight
CENTROID_TERMS = 2000  # terms a centroid keeps (its heaviest): bounds the cost of a comparison
MAX_NEIGHBOURS = 50  # MinHash neighbours an article keeps (blocking "lsh"/"both"): the latest
MINHASH_PERMUTATIONS = 64
LSH_JACCARD = 0.08  # key-term sets this alike are (likely) found as candidates
MOVE_MARGIN = 0.02  # a refinement moves an article only to a story this much more like it
REFINE_PASSES = 4
EXPLAIN_TERMS = 5  # shared terms given as the reason of a decision
CENTROID_TERMS_SHOWN = 8

OPENED, JOINED, MOVED, MERGED = "opened", "joined", "moved", "merged"
SMALL_FLOOR, GROWN_FLOOR, CLOSE_FLOOR = (
    "small",
    "grown",
    "close",
)  # a merge's (or a move's) floor when it is not the usual one


@dataclass(frozen=True)
class GroupingSettings:
    grouping: str = DEFAULT_GROUPING  # event | topic: what a story is (GROUPINGS); sets the time measure and penalty
    join_similarity: float = JOIN_SIMILARITY
    time_penalty: float | None = None  # None: the grouping's (TIME_PENALTY)
    time_scale_days: float = TIME_SCALE_DAYS
    key_terms: int = KEY_TERMS
    minhash_permutations: int = MINHASH_PERMUTATIONS
    lsh_jaccard: float = LSH_JACCARD
    move_margin: float = MOVE_MARGIN
    refine_passes: int = REFINE_PASSES
    exhaustive: bool = False  # compare with every story (no blocking): for measuring the blocking only
    blocking: str = "terms"  # terms | lsh | both
    story_terms: int = STORY_TERMS
    max_posting: int = MAX_POSTING
    max_candidates: int = MAX_CANDIDATES
    centroid_terms: int | None = CENTROID_TERMS  # None: centroids keep every term
    max_neighbours: int = MAX_NEIGHBOURS
    merge_similarity: float | None = MERGE_SIMILARITY
    refine_similarity: float = REFINE_SIMILARITY
    grown_story_articles: int = GROWN_STORY_ARTICLES
    grown_merge_similarity: float = GROWN_MERGE_SIMILARITY
    small_story_articles: int = SMALL_STORY_ARTICLES
    small_merge_similarity: float = SMALL_MERGE_SIMILARITY
    idf_least_articles: int = IDF_LEAST_ARTICLES  # a smaller pool's idf counts it as this many articles (0: off)
    merge_closeness: float | None = None  # None: the grouping's (MERGE_CLOSENESS)
    move_closeness: float | None = None  # None: the grouping's (MOVE_CLOSENESS)

    def __post_init__(self) -> None:
        if self.grouping not in GROUPINGS:
            raise ValueError(f"unknown grouping {self.grouping!r}: choose one of {', '.join(GROUPINGS)}")

    @property
    def penalty(self) -> float:
        """The time penalty in use: the one given, or the grouping's."""
        return TIME_PENALTY[self.grouping] if self.time_penalty is None else self.time_penalty

    @property
    def nearest_days(self) -> bool:
        """Days counted to a story's nearest article (event grouping), not outside its first-to-last span (topic)."""
        return self.grouping == EVENT

    @property
    def merge_floor_closeness(self) -> float:
        """The relative closeness a merge needs in use: the one given, or the grouping's."""
        return MERGE_CLOSENESS[self.grouping] if self.merge_closeness is None else self.merge_closeness

    @property
    def move_floor_closeness(self) -> float:
        """The relative closeness a refinement's move needs in use: the one given, or the grouping's."""
        return MOVE_CLOSENESS[self.grouping] if self.move_closeness is None else self.move_closeness

    def effective(self) -> dict[str, object]:
        """Every setting as the grouping uses it (the grouping's values resolved): what a state folder records."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["time_penalty"] = self.penalty
        values["merge_closeness"] = self.merge_floor_closeness
        values["move_closeness"] = self.move_floor_closeness
        return values

    def threshold(self, days_apart: int | None, base: float | None = None) -> float:
        base = self.join_similarity if base is None else base
        penalty = self.penalty
        if not days_apart or penalty == 0:
            return base
        return base + penalty * math.log2(1 + days_apart / self.time_scale_days)


@dataclass
class Decision:
    """Why an article is in its story."""

    article: str
    action: str  # opened | joined | moved
    story: int  # the story's index in the grouper
    similarity: float | None = None  # to the story's centroid when it joined (or moved)
    threshold: float | None = None  # what it had to reach
    days_apart: int | None = None  # days between the article and the story then (0: inside its span, or its day)
    shared_terms: tuple[str, ...] = ()  # the terms that weigh most in both
    closest_other: tuple[int, float] | None = None  # the next most similar story and its similarity
    floor: str = ""  # the floor its threshold is when not the usual one: SMALL_FLOOR or GROWN_FLOOR
    nearest: bool = False  # days_apart counted to the story's nearest article (event grouping), not to its span


@dataclass
class _Counts:
    ids: np.ndarray  # sorted term ids (int32)
    counts: np.ndarray  # the weighted counts of the features (float32)


@dataclass
class _Vector:
    ids: np.ndarray  # sorted term ids (int32)
    weights: np.ndarray  # float32

    def dot(self, other: _Vector) -> float:
        _, a, b = np.intersect1d(self.ids, other.ids, assume_unique=True, return_indices=True)
        return float(np.dot(self.weights[a], other.weights[b]))

    def add(self, other: _Vector, sign: float = 1.0) -> _Vector:
        ids = np.concatenate((self.ids, other.ids))
        weights = np.concatenate((self.weights, sign * other.weights))
        order = np.argsort(ids, kind="stable")
        ids, weights = ids[order], weights[order]
        starts = np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1])))
        ids, weights = ids[starts], np.add.reduceat(weights, starts)
        keep = weights > 1e-6  # a term left out of a capped centroid can go below zero when an article leaves
        return _Vector(ids[keep].astype(np.int32), weights[keep])

    def capped(self, limit: int | None) -> _Vector:
        """The ``limit`` heaviest terms (all when None or fewer)."""
        if limit is None or len(self.ids) <= limit:
            return self
        keep = np.sort(np.argpartition(-self.weights, limit - 1)[:limit])
        return _Vector(self.ids[keep], self.weights[keep])

    def norm(self) -> float:
        return float(np.sqrt(np.dot(self.weights, self.weights)))


@dataclass
class GroupedStory:
    index: int
    members: list[int] = field(default_factory=list)  # article indexes, in the order they joined
    centroid: _Vector | None = None
    norm: float = 0.0
    days: list[int] = field(default_factory=list)  # its dated articles' days, sorted (a day once per article)
    signature: set[int] = field(default_factory=set)  # the centroid's heaviest terms, indexed for blocking

    @property
    def first_day(self) -> int | None:
        return self.days[0] if self.days else None

    @property
    def last_day(self) -> int | None:
        return self.days[-1] if self.days else None

    def span_apart(self, other: GroupedStory, nearest: bool = False) -> int | None:
        """Days between two stories (None when either is undated): between their date spans (0 when they
        overlap), or with ``nearest`` the fewest days between an article of one and an article of the other."""
        if not self.days or not other.days:
            return None
        if not nearest:
            return max(0, self.days[0] - other.days[-1], other.days[0] - self.days[-1])
        few, many = (self, other) if len(self.days) <= len(other.days) else (other, self)
        return min(_nearest(many.days, day) for day in few.days)

    def days_apart(self, day: int | None, nearest: bool = False) -> int | None:
        """Days from ``day`` to this story (None when either is undated): to its date span (0 inside it), or
        with ``nearest`` to its nearest article's day."""
        if day is None or not self.days:
            return None
        if nearest:
            return _nearest(self.days, day)
        return max(0, self.days[0] - day, day - self.days[-1])

    def add_day(self, day: int | None) -> None:
        if day is not None:
            insort(self.days, day)

    def remove_day(self, day: int | None) -> None:
        if day is not None:
            del self.days[bisect_left(self.days, day)]

    @property
    def filled_centroid(self) -> _Vector:
        """The centroid of a story that has members (only those are compared or explained)."""
        if self.centroid is None:
            raise ValueError(f"story {self.index} has no member")
        return self.centroid

    def recompute(self, vectors: Sequence[_Vector], days: Sequence[int | None], limit: int | None) -> None:
        centroid = None
        for m in self.members:
            centroid = vectors[m] if centroid is None else centroid.add(vectors[m]).capped(limit)
        self.centroid = centroid
        self.norm = centroid.norm() if centroid is not None else 0.0
        self.days = sorted(d for m in self.members if (d := days[m]) is not None)


def _nearest(days: list[int], day: int) -> int:
    """Days from ``day`` to the nearest of ``days`` (sorted, not empty): a binary search."""
    i = bisect_left(days, day)
    if i == len(days):
        return day - days[-1]
    if i == 0 or days[i] == day:
        return days[i] - day
    return min(days[i] - day, day - days[i - 1])


class StoryGrouper:
    """Groups articles into stories, batch after batch; ``add`` returns the decisions of a batch."""

    def __init__(self, settings: GroupingSettings | None = None) -> None:
        self.settings = settings or GroupingSettings()
        self.vocabulary: dict[str, int] = {}
        self.terms: list[str] = []  # term id -> the term (a stem)
        self.surface: list[str] = []  # term id -> a word as printed
        self.document_frequency: list[int] = []
        self.keys: list[str] = []
        self.days: list[int | None] = []
        self.vectors: list[_Vector] = []
        self.story_of: list[int] = []
        self.stories: list[GroupedStory] = []
        self.decisions: list[Decision] = []  # per article, the latest
        self._pending: list[_Counts] = []  # restored articles, weighed again when the next batch comes
        # term id -> the stories whose heaviest terms include it (a dict as an ordered set: oldest first)
        self._postings: dict[int, dict[int, None]] = {}
        self._dense = np.zeros(0, dtype=np.float32)
        self._lsh = None
        if self.settings.blocking in ("lsh", "both") and not self.settings.exhaustive:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=self.settings.lsh_jaccard, num_perm=self.settings.minhash_permutations)

    # --- vectors ------------------------------------------------------------

    def _register(self, features: ArticleFeatures) -> _Counts:
        """Count the article's terms into the document frequencies; its counts as compact arrays."""
        ids = np.empty(len(features.terms), dtype=np.int32)
        for n, term in enumerate(features.terms):
            tid = self.vocabulary.get(term)
            if tid is None:
                tid = self.vocabulary[term] = len(self.terms)
                self.terms.append(term)
                self.surface.append(features.surface.get(term, term))
                self.document_frequency.append(0)
            self.document_frequency[tid] += 1
            ids[n] = tid
        counts = np.fromiter(features.terms.values(), dtype=np.float32, count=len(features.terms))
        order = np.argsort(ids)
        return _Counts(ids[order], counts[order])

    def _vector(self, counts: _Counts, idf: np.ndarray) -> _Vector:
        ids = counts.ids
        weights = ((1.0 + np.log(np.maximum(counts.counts, 1.0))) * idf[ids]).astype(np.float32)
        norm = float(np.sqrt(np.dot(weights, weights)))
        return _Vector(ids, weights / norm if norm else weights)

    def _idf(self) -> np.ndarray:
        df = np.asarray(self.document_frequency, dtype=np.float64)
        articles = max(len(self.keys), self.settings.idf_least_articles)  # a small pool counted as IDF_LEAST_ARTICLES
        return np.log((articles + 1) / (df + 1)) + 1.0

    def _key_terms(self, vector: _Vector) -> list[bytes]:
        top = np.argsort(-vector.weights, kind="stable")[: self.settings.key_terms]
        return [self.terms[int(vector.ids[i])].encode("utf-8") for i in top]

    # --- a grouping kept from earlier runs ------------------------------------

    def restore(
        self, articles: Sequence[ArticleFeatures], story_of: Sequence[int], decisions: Sequence[Decision]
    ) -> None:
        """Take back the articles and stories of an earlier grouping (a state folder), as they were.

        Their vectors and centroids are made again with the document
        frequencies of all the articles, old and new, when the next batch
        comes (``add``), so old and new articles are weighted alike."""
        counts = [self._register(features) for features in articles]
        for features, s, decision in zip(articles, story_of, decisions):
            self.keys.append(features.key)
            self.days.append(features.day)
            self.story_of.append(s)
            self.decisions.append(decision)
            while len(self.stories) <= s:
                self.stories.append(GroupedStory(index=len(self.stories)))
            self.stories[s].members.append(len(self.keys) - 1)
        self._reweigh(counts)
        self._pending = counts
        if self._lsh is not None:
            from datasketch import MinHash

            signatures = MinHash.bulk(
                (self._key_terms(v) for v in self.vectors), num_perm=self.settings.minhash_permutations
            )
            for article, signature in enumerate(signatures):
                self._lsh.insert(article, signature)

    def _reweigh(self, counts: Sequence[_Counts]) -> None:
        """Vectors for the first articles (restored ones) and every story's centroid, with today's frequencies."""
        idf = self._idf()
        vectors = [self._vector(c, idf) for c in counts]
        self.vectors[: len(vectors)] = vectors
        for story in self.stories:
            story.recompute(self.vectors, self.days, self.settings.centroid_terms)
            self._index_story(story.index)

    # --- grouping -----------------------------------------------------------

    def add(self, batch: Iterable[ArticleFeatures]) -> list[Decision]:
        """Group a batch of new articles (in any order: they are taken in time order).

        The batch may be a generator: each article's features are read once,
        kept as compact arrays, and not held."""
        start = len(self.keys)
        counts = []
        for features in batch:
            counts.append(self._register(features))
            self.keys.append(features.key)
            self.days.append(features.day)
        if not counts:
            return []
        idf = self._idf()
        if self._pending:  # the kept articles weighed with the new batch's frequencies too
            self._reweigh(self._pending)
            self._pending = []
        self.vectors.extend(self._vector(c, idf) for c in counts)
        del counts
        size = len(self.keys) - start
        self.story_of.extend([-1] * size)
        self.decisions.extend([None] * size)  # type: ignore[list-item]  # placeholders: _place below decides each
        days = self.days
        order = sorted(range(start, start + size), key=lambda a: (days[a] is None, days[a] or 0, self.keys[a], a))
        neighbours: dict[int, list[int]] = {}
        signatures = self._signatures(order)
        for article in order:
            if self._lsh is not None:
                signature = next(signatures)
                neighbours[article] = sorted(self._lsh.query(signature))[-self.settings.max_neighbours :]
            self._place(article, neighbours.get(article, []))
            if self._lsh is not None:
                self._lsh.insert(article, signature)
        if self.settings.merge_similarity is not None:
            self._merge_stories({self.story_of[a] for a in order})
        for _ in range(self.settings.refine_passes):
            moved = 0
            for article in order:
                moved += self._refine(article, neighbours.get(article, []))
            if not moved:
                break
        return self.decisions[start:]

    def _signatures(self, order: Sequence[int]) -> Iterator:
        if self._lsh is None:
            return iter(())
        from datasketch import MinHash

        return iter(
            MinHash.bulk((self._key_terms(self.vectors[a]) for a in order), num_perm=self.settings.minhash_permutations)
        )

    def _candidates(self, neighbours: Iterable[int], article: int) -> list[int]:
        if self.settings.exhaustive:
            return [s.index for s in self.stories if s.members]
        shared: dict[int, float] = {}  # story -> the key weight of the article it shares
        if self.settings.blocking in ("lsh", "both"):
            for n in neighbours:
                if self.story_of[n] >= 0:
                    shared[self.story_of[n]] = shared.get(self.story_of[n], 0.0)
        if self.settings.blocking in ("terms", "both"):
            vector = self.vectors[article]
            top = np.argsort(-vector.weights, kind="stable")[: self.settings.key_terms]
            for i in top:
                weight = float(vector.weights[i])
                for s in self._postings.get(int(vector.ids[i]), ()):
                    shared[s] = shared.get(s, 0.0) + weight
        ranked = sorted((s for s in shared if self.stories[s].members), key=lambda s: (-shared[s], s))
        return sorted(ranked[: self.settings.max_candidates])

    def _index_story(self, s: int) -> None:
        """List the story under its heaviest terms, as the latest to take an article (oldest dropped past the bound)."""
        story = self.stories[s]
        new: set[int] = set()
        if story.centroid is not None and len(story.centroid.ids):
            count = min(self.settings.story_terms, len(story.centroid.ids))
            top = np.argpartition(-story.centroid.weights, count - 1)[:count]
            new = {int(story.centroid.ids[i]) for i in top}
        for tid in story.signature:
            self._postings[tid].pop(s, None)
        for tid in new:
            posting = self._postings.setdefault(tid, {})
            posting[s] = None
            if len(posting) > self.settings.max_posting:
                del posting[next(iter(posting))]
        story.signature = new

    def _similarities(
        self, article: int, candidates: Iterable[int], leave_out: int | None = None, base: float | None = None
    ) -> list[tuple[float, int, float, int | None]]:
        """(similarity - threshold, story, similarity, days apart) for each candidate story."""
        vector, day = self.vectors[article], self.days[article]
        if len(self._dense) < len(self.terms):  # the article spread over the vocabulary: a dot is a gather
            self._dense = np.zeros(2 * len(self.terms), dtype=np.float32)
        dense = self._dense
        dense[vector.ids] = vector.weights
        nearest = self.settings.nearest_days
        scored = []
        for s in candidates:
            story = self.stories[s]
            if not story.members or (s == leave_out and len(story.members) == 1):
                continue
            centroid = story.filled_centroid
            dot = float(np.dot(dense[centroid.ids], centroid.weights))
            if s == leave_out:
                norm_sq = story.norm**2 - 2 * dot + 1.0  # the centroid without this article (unit length)
                dot, norm = dot - 1.0, math.sqrt(max(norm_sq, 1e-12))
            else:
                norm = story.norm
            similarity = dot / norm if norm else 0.0
            apart = story.days_apart(day, nearest)
            scored.append((similarity - self.settings.threshold(apart, base), s, similarity, apart))
        dense[vector.ids] = 0.0
        scored.sort(key=lambda x: (-x[0], x[1]))
        return scored

    def _place(self, article: int, neighbours: list[int]) -> None:
        scored = self._similarities(article, self._candidates(neighbours, article))
        key = self.keys[article]
        if scored and scored[0][0] >= 0:
            margin, s, similarity, apart = scored[0]
            shared = self._shared_terms(article, s)  # with the story as it was: not the article's own terms
            self._join(article, s)
            self.decisions[article] = Decision(
                key,
                JOINED,
                s,
                round(similarity, 4),
                round(similarity - margin, 4),
                apart,
                shared,
                self._other(scored[1:]),
                nearest=self.settings.nearest_days,
            )
            return
        story = GroupedStory(index=len(self.stories))
        self.stories.append(story)
        self._join(article, story.index)
        best = scored[0] if scored else None
        self.decisions[article] = Decision(
            key,
            OPENED,
            story.index,
            closest_other=(best[1], round(best[2], 4)) if best else None,
            threshold=round(best[2] - best[0], 4) if best else None,
            days_apart=best[3] if best else None,
            nearest=self.settings.nearest_days,
        )

    def _other(self, rest: list[tuple[float, int, float, int | None]]) -> tuple[int, float] | None:
        return (rest[0][1], round(rest[0][2], 4)) if rest else None

    def _join(self, article: int, s: int) -> None:
        story = self.stories[s]
        vector = self.vectors[article]
        story.members.append(article)
        story.centroid = (
            vector if story.centroid is None else story.centroid.add(vector).capped(self.settings.centroid_terms)
        )
        story.norm = story.centroid.norm()
        story.add_day(self.days[article])
        self.story_of[article] = s
        self._index_story(s)

    def _leave(self, article: int) -> None:
        s = self.story_of[article]
        story = self.stories[s]
        story.members.remove(article)
        if story.members:
            story.centroid = story.filled_centroid.add(self.vectors[article], -1.0).capped(self.settings.centroid_terms)
            story.norm = story.centroid.norm()
            story.remove_day(self.days[article])
        else:
            story.centroid, story.norm, story.days = None, 0.0, []
        self.story_of[article] = -1
        self._index_story(s)

    def _refine(self, article: int, neighbours: list[int]) -> int:
        own = self.story_of[article]
        candidates = sorted(set(self._candidates(neighbours, article)) | {own})
        scored = self._similarities(article, candidates, leave_out=own, base=self.settings.refine_similarity)
        if not scored:
            return 0
        small_floor = max(self.settings.refine_similarity, self.settings.small_merge_similarity)
        scored = [
            (similarity - self.settings.threshold(apart, small_floor), s, similarity, apart)
            if s != own and len(self.stories[s].members) <= self.settings.small_story_articles
            else (margin, s, similarity, apart)
            for margin, s, similarity, apart in scored
        ]
        scored = [self._closeness_checked(x) if x[1] != own else x for x in scored]
        scored.sort(key=lambda x: (-x[0], x[1]))
        own_score = next((x for x in scored if x[1] == own), None)
        best = scored[0]
        if best[1] == own or best[0] < 0:
            return 0
        if own_score is not None and best[0] < own_score[0] + self.settings.move_margin:
            return 0
        small = (
            len(self.stories[best[1]].members) <= self.settings.small_story_articles
            and self.settings.small_merge_similarity > self.settings.refine_similarity
        )
        close = self._close_move_threshold(best[1])
        floor = CLOSE_FLOOR if close is not None and best[2] - close <= best[0] else SMALL_FLOOR if small else ""
        self._leave(article)
        shared = self._shared_terms(article, best[1])  # with the story as it was: not the article's own terms
        self._join(article, best[1])
        self.decisions[article] = Decision(
            self.keys[article],
            MOVED,
            best[1],
            round(best[2], 4),
            round(best[2] - best[0], 4),
            best[3],
            shared,
            (own, round(own_score[2], 4)) if own_score is not None else None,
            floor,
            self.settings.nearest_days,
        )
        return 1

    def _closeness_checked(self, scored: tuple[float, int, float, int | None]) -> tuple[float, int, float, int | None]:
        """A candidate move's margin, lowered to what ``_close_move_threshold`` asks when that is higher."""
        margin, s, similarity, apart = scored
        close = self._close_move_threshold(s)
        return (min(margin, similarity - close), s, similarity, apart) if close is not None else scored

    def _close_move_threshold(self, s: int) -> float | None:
        """The similarity to story ``s``'s centroid at which an article is as like its articles as
        ``move_closeness`` times they are like one another (None for a story of one). The days apart are not
        added: the usual threshold of the move carries them, and both must be cleared.

        An article's cosine with the centroid times the centroid's norm over the story's articles is its mean
        cosine with them (the centroid is the sum of their unit vectors)."""
        cohesion = self.cohesion(s)
        if cohesion is None or not self.settings.move_floor_closeness:
            return None
        story = self.stories[s]
        mean_needed = self.settings.move_floor_closeness * cohesion
        return mean_needed * len(story.members) / story.norm

    def _story_candidates(self, s: int) -> list[int]:
        """The stories listed under the heaviest terms of story ``s`` (the most shared first, at most ``max_candidates``)."""
        shared: dict[int, int] = {}
        for tid in self.stories[s].signature:
            for t in self._postings.get(tid, ()):
                if t != s:
                    shared[t] = shared.get(t, 0) + 1
        ranked = sorted((t for t in shared if self.stories[t].members), key=lambda t: (-shared[t], t))
        return ranked[: self.settings.max_candidates]

    def group_average(self, s: int, t: int) -> float:
        """The mean cosine of an article of story ``s`` and one of ``t`` (a centroid is the sum of unit vectors)."""
        a, b = self.stories[s], self.stories[t]
        return a.filled_centroid.dot(b.filled_centroid) / (len(a.members) * len(b.members))

    def _merge_stories(self, touched: set[int]) -> None:
        """Group-average agglomeration of the stories the batch touched with their neighbours.

        Each round merges the pairs that clear ``merge_similarity`` (or
        ``grown_merge_similarity`` when both stories have
        ``grown_story_articles``, ``small_merge_similarity`` when neither has
        more than ``small_story_articles``; raised by the time penalty for the days
        between their spans), the most alike first, a story at most once a
        round; then the merged stories are compared again, until no pair
        clears it."""
        while touched:
            pairs: dict[tuple[int, int], tuple[float, float, int | None, str]] = {}
            for s in sorted(touched):
                if not self.stories[s].members:
                    continue
                for t in self._story_candidates(s):
                    a, b = min(s, t), max(s, t)
                    if (a, b) not in pairs:
                        apart = self.stories[a].span_apart(self.stories[b], self.settings.nearest_days)
                        similarity = self.group_average(a, b)
                        base, floor = self._merge_floor(a, b)
                        pairs[(a, b)] = (similarity - self.settings.threshold(apart, base), similarity, apart, floor)
            ranked = sorted((p for p in pairs.items() if p[1][0] >= 0), key=lambda p: (-p[1][0], p[0]))
            merged: set[int] = set()
            for (a, b), (margin, similarity, apart, floor) in ranked:
                if a in merged or b in merged:
                    continue
                merged |= {a, b}
                shared = self._shared_story_terms(a, b)
                for article in self.stories[b].members:
                    self.decisions[article] = Decision(
                        self.keys[article],
                        MERGED,
                        a,
                        round(similarity, 4),
                        round(similarity - margin, 4),
                        apart,
                        shared,
                        (b, round(similarity, 4)),
                        floor,
                        self.settings.nearest_days,
                    )
                self._absorb(a, b)
            touched = {a for a in merged if self.stories[a].members}

    def _merge_floor(self, a: int, b: int) -> tuple[float, str]:
        """The group average two stories need to merge (before the time penalty), and which floor it is."""
        base, floor = self._size_floor(a, b)
        close = self.settings.merge_floor_closeness * self._joint_cohesion(a, b)
        return (close, CLOSE_FLOOR) if close > base else (base, floor)

    def _size_floor(self, a: int, b: int) -> tuple[float, str]:
        sizes = len(self.stories[a].members), len(self.stories[b].members)
        if min(sizes) >= self.settings.grown_story_articles:
            return self.settings.grown_merge_similarity, GROWN_FLOOR
        # merge_similarity is not None here: add merges stories only when it is set
        usual: float = self.settings.merge_similarity  # type: ignore[assignment]
        if max(sizes) <= self.settings.small_story_articles and self.settings.small_merge_similarity > usual:
            return self.settings.small_merge_similarity, SMALL_FLOOR
        return usual, ""

    def cohesion(self, s: int) -> float | None:
        """The mean cosine of two articles of story ``s`` (None for a story of one): its centroid is the sum of
        its unit vectors, so the squared norm is n plus twice the sum over pairs."""
        story = self.stories[s]
        n = len(story.members)
        return (story.norm**2 - n) / (n * (n - 1)) if n > 1 else None

    def _joint_cohesion(self, a: int, b: int) -> float:
        """The two stories' cohesions, each weighted by its articles (Chameleon's relative closeness); 0 when
        neither has two articles."""
        weighted = [(len(self.stories[s].members), c) for s in (a, b) if (c := self.cohesion(s)) is not None]
        total = sum(n for n, _ in weighted)
        return sum(n * c for n, c in weighted) / total if total else 0.0

    def _absorb(self, a: int, b: int) -> None:
        """Story ``a`` takes every article of story ``b`` (the older story keeps its id)."""
        into, out = self.stories[a], self.stories[b]
        into.members.extend(out.members)
        for article in out.members:
            self.story_of[article] = a
        into.centroid = into.filled_centroid.add(out.filled_centroid).capped(self.settings.centroid_terms)
        into.norm = into.centroid.norm()
        into.days = list(heapq.merge(into.days, out.days))
        out.members, out.centroid, out.norm, out.days = [], None, 0.0, []
        self._index_story(b)
        self._index_story(a)

    def _shared_story_terms(self, s: int, t: int) -> tuple[str, ...]:
        a, b = self.stories[s].filled_centroid, self.stories[t].filled_centroid
        common, i, j = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
        top = np.argsort(-(a.weights[i] * b.weights[j]), kind="stable")[:EXPLAIN_TERMS]
        return tuple(self.surface[int(common[k])] for k in top)

    # --- explanations ---------------------------------------------------------

    def _shared_terms(self, article: int, s: int) -> tuple[str, ...]:
        vector, centroid = self.vectors[article], self.stories[s].filled_centroid
        common, a, b = np.intersect1d(vector.ids, centroid.ids, assume_unique=True, return_indices=True)
        top = np.argsort(-(vector.weights[a] * centroid.weights[b]), kind="stable")[:EXPLAIN_TERMS]
        return tuple(self.surface[int(common[i])] for i in top)

    def centroid_terms(self, s: int, count: int = CENTROID_TERMS_SHOWN) -> list[str]:
        centroid = self.stories[s].centroid
        if centroid is None:
            return []
        top = np.argsort(-centroid.weights, kind="stable")[:count]
        return [self.surface[int(centroid.ids[i])] for i in top]

    def similarity_to_centroid(self, article: int) -> float:
        story = self.stories[self.story_of[article]]
        return self.vectors[article].dot(story.filled_centroid) / story.norm if story.norm else 0.0

    def groups(self) -> list[list[int]]:
        """Each non-empty story's articles (indexes), in the stories' order."""
        return [list(s.members) for s in self.stories if s.members]
