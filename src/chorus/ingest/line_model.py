"""The line model: how likely each block of a page is to be the article's own text.

Two ensembles of boosted decision trees, stacked as in context-sensitive boilerplate
classification (jusText: Pomikálek 2011; learned block classifiers:
Kohlschütter, Fankhauser & Nejdl, "Boilerplate Detection using Shallow Text
Features", WSDM 2010). The first scores a block from its own shape and its
place on the page; the second adds the first's scores of the blocks around
it, so that a block between two paragraphs of reporting reads differently
from the same block among menus.

Every feature is general (no list of known strings of any site): sentence
shape, stop-word and capital shares, page-genre words, links, time stamps,
caption credits, second-person address (page furniture talks to the
reader; reporting rarely does outside quotations), repetition on the page,
how much of the block's vocabulary the page's other paragraphs share, and
where it stands relative to the page's main run of paragraphs (the longest
stretch of prose, which is the article on almost every news page).

The weights are learned by ``benchmarks/train_cleaner.py`` from labelled
lines of real pages (half of ``../shared/data/web-pages``, lines aligned
with the body a person marked) and of DUC articles dressed with one family
of furniture templates, and stored in ``line_model.json``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from chorus.lexicon import LINE_MODEL_ATTRIBUTIONS, alternation

MODEL_FILE = Path(__file__).with_name("line_model.json")

# A block of prose, for finding the page's runs of paragraphs.
PROSE_WORDS = 8
PROSE_STOP_RATIO = 0.2
# Paragraphs of one run may be this many other blocks apart (captions, an
# advertisement, a newsletter box between them); the article's end is a
# longer stretch of furniture.
MAX_RUN_GAP = 6
# The article's densest stretch: paragraphs with at most this many other blocks between them.
CORE_GAP = 2
_SEPARATOR_RE = re.compile(r"\s[|•·›»►/]\s|^[•·►▶✓*-]\s|^\d{1,2}[.)]\s")
_QUOTE_RE = re.compile(r"[“”\"‘’']")
_ATTRIBUTION_RE = re.compile(rf"\b{alternation(LINE_MODEL_ATTRIBUTIONS)}\b", re.IGNORECASE)


class BlockLike(Protocol):
    """What the features read of a block (``chorus.ingest.clean.Block``)."""

    text: str
    n_words: int
    terminal: bool
    stop_ratio: float
    title_ratio: float
    caps_ratio: float
    model_cue_score: float  # page wording, as the model was trained to read it
    link_like: bool
    timestamp: bool
    credit: bool
    caption_words: bool
    repeated: bool
    digit_ratio: float
    second_person: float
    own_cohesion: float
    dateline: bool
    stems: list[str]


PROSE_CUE_DENSITY = 0.08  # page words a long paragraph may use in passing ("shared photos on Instagram")
# A paragraph whose site dropped its full stop still reads as one when it is long and made of ordinary words.
UNENDED_PROSE_WORDS, UNENDED_PROSE_STOP_RATIO = 20, 0.3
SENTENCE_BREAK_RE = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]?[A-Z]")


def reads_as_sentences(b: BlockLike) -> bool:
    return b.terminal or (b.n_words >= UNENDED_PROSE_WORDS and b.stop_ratio >= UNENDED_PROSE_STOP_RATIO)


HEADLINE_WORDS = (4, 20)
HEADLINE_TITLE_RATIO = 0.6


def is_headline_shaped(b: BlockLike) -> bool:
    """A line like another story's headline: a few capitalised words, no sentence ending."""
    return (
        not b.terminal
        and HEADLINE_WORDS[0] <= b.n_words <= HEADLINE_WORDS[1]
        and b.title_ratio >= HEADLINE_TITLE_RATIO
        and not b.link_like
    )


def is_prose(b: BlockLike) -> bool:
    """A paragraph-like block: sentences, long enough, not a link, not printed twice, little page wording."""
    return (
        reads_as_sentences(b)
        and b.n_words >= PROSE_WORDS
        and b.stop_ratio >= PROSE_STOP_RATIO
        and not b.link_like
        and not b.repeated
        and b.model_cue_score < max(1.0, PROSE_CUE_DENSITY * b.n_words)
    )


def _runs(prose: list[bool], n_words: list[int], max_gap: int) -> list[tuple[int, int, int]]:
    """The runs of prose (first and last block index, words), broken by more than ``max_gap`` other blocks."""
    runs = []
    start: int | None = None
    last = -1  # the run's last prose block, read only once start is set
    words = 0
    for i, p in enumerate(prose + [True]):
        end_of_page = i == len(prose)
        if not end_of_page and not p:
            continue
        if start is not None and (end_of_page or i - last - 1 > max_gap):
            runs.append((start, last, words))
            start, words = None, 0
        if end_of_page:
            break
        if start is None:
            start = i
        last = i
        words += n_words[i]
    return runs


def _main_run(prose: list[bool], n_words: list[int], max_gap: int = MAX_RUN_GAP) -> tuple[int, int]:
    """First and last block index of the run of prose with the most words (runs broken by > max_gap other blocks)."""
    runs = _runs(prose, n_words, max_gap)
    start, end, _ = max(runs, key=lambda run: run[2]) if runs else (0, -1, 0)  # the first of equals
    return start, end


# The article goes on past a stretch of furniture longer than MAX_RUN_GAP (a share row, a paywall prompt
# and a newsletter box stacked between two paragraphs): a run of prose next to the main run, set apart
# from it only by short blocks, whose paragraphs use the main run's words (another story's teaser, a
# bio or an outlet's "about us" shares few of them) and follow one another as an article's do (a box
# of related stories on the same topic sets a headline over each teaser) continues the article, and
# the main run takes it in.
RESUMED_RUNS = True
# Mean share of the run's paragraphs' stems that the main run's paragraphs use. 0.4 until session s16:
# the runs of the article's own paragraphs left out at 0.3-0.4 held 6,100 reporting words on sets C, E
# and J against 150 furniture lines (a later paragraph moves on to new names and places).
RESUME_COHESION = 0.3
RESUME_GAP_WORDS = 15  # no block between the two runs is longer (furniture lines, not a paragraph)
# ... but the article's own list sits between two of its runs too, under the lead-in that introduces it
# ("For me, the spectrum used to look like this:" over a list of short items): a lead-in ending in a colon
# right after a run, of at most RESUME_LEAD_IN_WORDS and over a short block, is no paragraph of furniture.
# Found on the real pages' own bodies (a how-to whose second half was read as outside the article).
RESUME_LEAD_INS = True
RESUME_LEAD_IN_WORDS = 40
# ... and furniture stacked in a gap is not all that sits there (found on fresh set J, real bodies among
# furniture): the article's own lines that are no paragraph (a table's row, a list's long item, a line
# with no sentence ending) and a lone paragraph (another story's lede in a box, a quiz's prompt, or one
# of the article's own). Neither is a paragraph of furniture that sets the runs apart: a long block in
# the gap that reads as no sentence, or uses the main run's words as a resumed run must, does not break
# it (RESUME_PAST_OWN_LINES), and a gap may hold RESUME_LONE_PARAGRAPHS paragraph standing alone. The
# run beyond must still pass the tests above (two paragraphs in a row, RESUME_COHESION).
RESUME_PAST_OWN_LINES = True
RESUME_LONE_PARAGRAPHS = 1


def _gap_lead_in(blocks: Sequence[BlockLike], i: int, run_before: bool) -> bool:
    """Block ``i`` of a gap introduces a list: the gap's first block after a run, ending in a colon, over
    a short line."""
    b = blocks[i]
    return (
        RESUME_LEAD_INS
        and run_before
        and b.n_words <= RESUME_LEAD_IN_WORDS
        and b.text.rstrip().endswith(":")
        and i + 1 < len(blocks)
        and blocks[i + 1].n_words <= RESUME_GAP_WORDS
    )


def _sets_runs_apart(blocks: Sequence[BlockLike], i: int, gap_start: int, use: Counter[str]) -> bool:
    """A block of a gap between two runs that is too long to be a line of furniture stacked there."""
    b = blocks[i]
    if b.n_words <= RESUME_GAP_WORDS or _gap_lead_in(blocks, i, i == gap_start):
        return False
    own_line = not reads_as_sentences(b) or _shared(b, use, 0) >= RESUME_COHESION
    return not (RESUME_PAST_OWN_LINES and own_line)


def _resumed_run(
    blocks: Sequence[BlockLike], prose: list[bool], runs: list[tuple[int, int, int]], start: int, end: int
) -> tuple[int, int]:
    """The main run ``start``-``end`` with the runs beside it that continue the article (RESUMED_RUNS)."""
    use = _run_use(blocks, prose, start, end)
    changed = True
    while changed:
        changed = False
        for first, last, _ in runs:
            before, after = last < start, first > end
            gap = range(last + 1, start) if before else range(end + 1, first) if after else range(0)
            if (
                not (before or after)
                or sum(prose[i] for i in gap) > RESUME_LONE_PARAGRAPHS
                or any(not prose[i] and _sets_runs_apart(blocks, i, gap.start, use) for i in gap)
            ):
                continue
            if not any(prose[i] and prose[i + 1] for i in range(first, last)):
                continue  # no two paragraphs in a row: teasers under their headlines, or a lone notice
            paragraphs = [blocks[i] for i in range(first, last + 1) if prose[i]]
            if sum(_shared(b, use, 0) for b in paragraphs) >= RESUME_COHESION * len(paragraphs):
                start, end = min(start, first), max(end, last)
                use = _run_use(blocks, prose, start, end)
                changed = True
    return start, end


OWN_FEATURES = (
    "log_words",
    "words_le_3",
    "words_le_6",
    "words_le_12",
    "words_gt_20",
    "words_gt_40",
    "terminal",
    "colon_end",
    "question",
    "stop_ratio",
    "title_ratio",
    "caps_ratio",
    "cue",
    "cue_density",
    "link",
    "timestamp",
    "credit",
    "repeated",
    "digit_ratio",
    "second_person",
    "quote",
    "attribution",
    "separator",
    "mean_word_length",
    "own_cohesion",
    "dateline",
    "prose",
    "terminal_short",
    "capitalised_short",
    "relative_position",
    "before_first_prose",
    "after_last_prose",
    "in_main_run",
    "before_main_run",
    "after_main_run",
    "blocks_from_main_run",
    "prose_neighbours",
    "prev_prose",
    "next_prose",
    "caption_words",
    "prose_share_before",
    "prose_share_after",
    "main_run_cohesion",
    "sentence_breaks",
    "reads_as_sentences",
    "in_core",
    "blocks_from_core",
    "core_cohesion",
    "prev_headline",
    "next_headline",
)
CONTEXT_FEATURES = ("p_self", "p_prev", "p_next", "p_prev2", "p_next2", "p_best_neighbour", "p_prev_x_next")


@dataclass(frozen=True)
class Layout:
    """Where a page's paragraphs are: which blocks are prose, and the main run of them."""

    prose: list[bool]
    run_start: int  # first block of the main run (len(blocks) when the page has no prose)
    run_end: int  # last block of the main run (-1 when none)
    run_cohesion: list[float]  # per block: share of its stems the main run's other paragraphs use
    core_start: int  # the densest stretch of paragraphs (at most CORE_GAP other blocks between two)
    core_end: int
    core_cohesion: list[float]  # per block: share of its stems that stretch's other paragraphs use

    def outside_run(self, i: int) -> bool:
        return i < self.run_start or i > self.run_end


def _run_use(blocks: Sequence[BlockLike], prose: list[bool], start: int, end: int) -> Counter[str]:
    return Counter(s for i in range(max(start, 0), end + 1) if prose[i] for s in set(blocks[i].stems))


def _shared(b: BlockLike, use: Counter[str], itself: int) -> float:
    return len([s for s in b.stems if use[s] > itself]) / len(b.stems) if b.stems else 0.0


def page_layout(blocks: Sequence[BlockLike], resumed_runs: bool = RESUMED_RUNS) -> Layout:
    n = len(blocks)
    prose = [is_prose(b) for b in blocks]
    run_start, run_end = _main_run(prose, [b.n_words for b in blocks]) if any(prose) else (n, -1)
    if resumed_runs and any(prose):
        runs = _runs(prose, [b.n_words for b in blocks], MAX_RUN_GAP)
        run_start, run_end = _resumed_run(blocks, prose, runs, run_start, run_end)
    run_use = _run_use(blocks, prose, run_start, run_end)
    core_start, core_end = _main_run(prose, [b.n_words for b in blocks], CORE_GAP) if any(prose) else (n, -1)
    core_use = _run_use(blocks, prose, core_start, core_end)
    run_cohesion = [_shared(b, run_use, int(prose[i] and run_start <= i <= run_end)) for i, b in enumerate(blocks)]
    core_cohesion = [_shared(b, core_use, int(prose[i] and core_start <= i <= core_end)) for i, b in enumerate(blocks)]
    return Layout(prose, run_start, run_end, run_cohesion, core_start, core_end, core_cohesion)


def own_features(blocks: Sequence[BlockLike], layout: Layout | None = None) -> np.ndarray:
    """One row of OWN_FEATURES per block."""
    n = len(blocks)
    layout = layout or page_layout(blocks)
    prose, run_start, run_end = layout.prose, layout.run_start, layout.run_end
    sizes = [b.n_words for b in blocks]
    first = next((i for i, p in enumerate(prose) if p), n)
    last = next((i for i in range(n - 1, -1, -1) if prose[i]), -1)
    prose_words = [w if p else 0 for w, p in zip(sizes, prose)]
    total_prose = max(sum(prose_words), 1)
    before = np.cumsum([0] + prose_words[:-1]) if n else np.zeros(0)
    headline_shaped = [is_headline_shaped(b) for b in blocks]
    rows = np.zeros((n, len(OWN_FEATURES)))
    for i, b in enumerate(blocks):
        w = b.n_words
        text = b.text.rstrip()
        tokens = text.split()
        distance = run_start - i if i < run_start else i - run_end if i > run_end else 0
        rows[i] = (
            math.log1p(w),
            w <= 3,
            w <= 6,
            w <= 12,
            w > 20,
            w > 40,
            b.terminal,
            text.endswith(":"),
            text.endswith("?"),
            b.stop_ratio,
            b.title_ratio,
            b.caps_ratio,
            min(b.model_cue_score, 3.0),
            min(b.model_cue_score / max(w, 1), 1.0),
            b.link_like,
            b.timestamp,
            b.credit,
            b.repeated,
            b.digit_ratio,
            b.second_person,
            bool(_QUOTE_RE.search(text)),
            bool(_ATTRIBUTION_RE.search(text)),
            bool(_SEPARATOR_RE.search(text)),
            min(sum(map(len, tokens)) / max(len(tokens), 1), 12.0) / 12.0,
            b.own_cohesion,
            b.dateline,
            prose[i],
            b.terminal and w < PROSE_WORDS,
            w <= 12 and not b.terminal and b.title_ratio >= 0.6,
            i / max(n - 1, 1),
            i < first,
            i > last,
            run_start <= i <= run_end,
            i < run_start,
            i > run_end,
            math.log1p(distance),
            sum(prose[max(0, i - 2) : i] + prose[i + 1 : i + 3]),
            i > 0 and prose[i - 1],
            i + 1 < n and prose[i + 1],
            b.caption_words,
            before[i] / total_prose,
            (total_prose - before[i] - prose_words[i]) / total_prose,
            layout.run_cohesion[i],
            min(len(SENTENCE_BREAK_RE.findall(text)), 5),
            reads_as_sentences(b),
            layout.core_start <= i <= layout.core_end,
            math.log1p(layout.core_start - i if i < layout.core_start else max(i - layout.core_end, 0)),
            layout.core_cohesion[i],
            i > 0 and headline_shaped[i - 1],
            i + 1 < n and headline_shaped[i + 1],
        )
    return rows


def context_features(p: np.ndarray) -> np.ndarray:
    """One row of CONTEXT_FEATURES per block, from the first stage's scores ``p``."""
    padded = np.concatenate([[0.0, 0.0], p, [0.0, 0.0]])
    prev, nxt = padded[1:-3], padded[3:-1]
    prev2, next2 = padded[:-4], padded[4:]
    return np.column_stack([p, prev, nxt, prev2, next2, np.maximum(prev, nxt), prev * nxt])


@dataclass(frozen=True)
class Stage:
    """Gradient-boosted regression trees (Friedman 2001) scoring blocks, as trained by scikit-learn's
    HistGradientBoostingClassifier and stored as plain arrays.

    All trees of all blocks are walked at once, one level a step: a node
    sends a block left when its feature is at most the node's threshold.
    """

    names: tuple[str, ...]
    baseline: float
    feature: np.ndarray  # per node; -1 for a leaf
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray  # a leaf's contribution to the log-odds
    roots: np.ndarray  # the first node of each tree
    depth: int

    def predict(self, x: np.ndarray) -> np.ndarray:
        if not len(x):
            return np.zeros(0)
        n_rows, n_trees = len(x), len(self.roots)
        # One walk per block and tree, flattened row by row; only the walks not yet at a leaf
        # take the next step (most trees end well before ``depth``).
        node = np.tile(self.roots, n_rows)
        row_start = np.repeat(np.arange(n_rows) * x.shape[1], n_trees)
        flat_x = np.ascontiguousarray(x).ravel()
        walking = np.flatnonzero(self.feature[node] >= 0)
        for _ in range(self.depth):
            if not len(walking):
                break
            at = node[walking]
            go_left = flat_x[row_start[walking] + self.feature[at]] <= self.threshold[at]
            step = np.where(go_left, self.left[at], self.right[at])
            node[walking] = step
            walking = walking[self.feature[step] >= 0]
        z = self.baseline + self.value[node].reshape(n_rows, n_trees).sum(axis=1)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def to_json(self) -> dict:
        return {
            "features": list(self.names),
            "baseline": round(self.baseline, 6),
            "depth": self.depth,
            "roots": self.roots.tolist(),
            "nodes": [
                [int(f), round(float(t), 6), int(lo), int(hi), round(float(v), 6)]
                for f, t, lo, hi, v in zip(self.feature, self.threshold, self.left, self.right, self.value)
            ],
        }

    @classmethod
    def from_json(cls, data: dict) -> Stage:
        nodes = np.array(data["nodes"], dtype=float).reshape(-1, 5)
        return cls(
            tuple(data["features"]),
            float(data["baseline"]),
            nodes[:, 0].astype(np.int64),
            nodes[:, 1],
            nodes[:, 2].astype(np.int64),
            nodes[:, 3].astype(np.int64),
            nodes[:, 4],
            np.array(data["roots"], dtype=np.int64),
            int(data["depth"]),
        )


@dataclass(frozen=True)
class LineModel:
    own: Stage
    context: Stage
    threshold: float  # a block scoring at least this is kept

    def scores(self, blocks: Sequence[BlockLike], layout: Layout | None = None) -> np.ndarray:
        if not blocks:
            return np.zeros(0)
        x = own_features(blocks, layout)
        first = self.own.predict(x)
        return self.context.predict(np.hstack([x, context_features(first)]))

    def scores_of_pages(self, pages: Sequence[Sequence[BlockLike]], layouts: Sequence[Layout]) -> list[np.ndarray]:
        """``scores`` of each page, the trees walked once for all of them (each block's walk is its
        own, so the scores are the same; numpy's cost per call is paid once, not per page)."""
        own = [own_features(blocks, layout) for blocks, layout in zip(pages, layouts)]
        sizes = [len(x) for x in own]
        if not sum(sizes):
            return [np.zeros(0) for _ in own]
        ends = np.cumsum(sizes)[:-1]
        first = np.split(self.own.predict(np.vstack(own)), ends)
        with_context = [np.hstack([x, context_features(f)]) for x, f in zip(own, first)]
        return np.split(self.context.predict(np.vstack(with_context)), ends)

    def to_json(self) -> dict:
        return {"own": self.own.to_json(), "context": self.context.to_json(), "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: dict) -> LineModel:
        own, context = Stage.from_json(data["own"]), Stage.from_json(data["context"])
        if own.names != OWN_FEATURES or context.names != OWN_FEATURES + CONTEXT_FEATURES:
            raise ValueError(
                f"{MODEL_FILE.name} was trained on other features; rerun benchmarks/train_cleaner.py --write"
            )
        return cls(own, context, float(data["threshold"]))


@lru_cache(maxsize=1)
def default_model() -> LineModel:
    return LineModel.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
