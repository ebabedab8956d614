"""Represent stage: sentences as TF-IDF vectors over content stems.

Spelling variants of one name across outlets ("Meshaal", "Mashaal",
"Meshal") are mapped to one term first, so that sentences that say the same
thing about the same person look alike.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from rapidfuzz import fuzz, process

from chorus.disjoint import DisjointSets
from chorus.sparse import sparse
from chorus.text import stem
from chorus.types import Sentence, Story

VARIANT_MIN_LENGTH = 5
VARIANT_MIN_RATIO = 80.0


def name_variants(story: Story) -> dict[str, str]:
    """Stem of each capitalised-name variant -> stem of its most frequent spelling.

    Two capitalised words are variants when they are long, start with the
    same letter, differ in length by at most one letter and are at least
    80% alike (normalised Indel similarity): Meshal/Meshaal/Mashaal/Mesgaal,
    Sergey/Sergei; not Austria/Australia or Iran/Iraq.
    """
    counts: Counter[str] = Counter()  # lower-cased spellings, as ``fuzz.ratio`` compares them
    for sentence in story.sentences:
        for token, capital, shouted in zip(sentence.tokens, sentence.capitalised, sentence.all_caps):
            if capital and not shouted and len(token) >= VARIANT_MIN_LENGTH and token.isalpha():
                counts[token] += 1
    names = [n for n, _ in counts.most_common()]
    rank = {n: r for r, n in enumerate(names)}
    # Union-find, so that A~B and B~C put A, B and C under one spelling. The
    # root of a group is always its most frequent spelling (earliest in
    # ``names``), so the order in which pairs are joined does not matter.
    spellings = DisjointSets(names)

    # Only names of one first letter and lengths at most one apart are
    # compared: grouped so, the pairs are far fewer than all of them.
    groups: dict[tuple[str, int], list[str]] = defaultdict(list)
    for name in names:
        groups[name[0], len(name)].append(name)
    for (letter, length), group in groups.items():
        for others in (group, groups.get((letter, length + 1), [])):
            if not others:
                continue
            scores = process.cdist(group, others, scorer=fuzz.ratio, score_cutoff=VARIANT_MIN_RATIO)
            for a, b in zip(*np.nonzero(scores)):
                if others is group and a >= b:
                    continue
                first, second = sorted((spellings.find(group[a]), spellings.find(others[b])), key=rank.__getitem__)
                spellings.union(first, second)
    canonical = {n: spellings.find(n) for n in names}
    return {stem(v): stem(c) for v, c in canonical.items() if stem(v) != stem(c)}


@dataclass
class Vectors:
    terms: list[str]  # column -> content stem (canonical spelling)
    index: dict[str, int]
    counts: sparse.csr_matrix  # sentences x terms, raw counts
    tfidf: sparse.csr_matrix  # sentences x terms, rows L2-normalised
    idf: np.ndarray  # per term, over sentences
    doc_freq: np.ndarray  # per term: how many documents use it
    variants: dict[str, str]
    numbers: list[frozenset[str]]  # per sentence, the numbers it states

    @cached_property
    def present(self) -> sparse.csr_matrix:
        """Sentences x terms, 1 where the sentence uses the term."""
        return (self.counts > 0).astype(np.float32)

    @property
    def sizes(self) -> np.ndarray:
        """Distinct content terms per sentence."""
        return np.diff(self.counts.indptr)

    def similarities_to(self, rows: list[int]) -> np.ndarray:
        """Cosine of every sentence with each of ``rows``: shape (n_sentences, len(rows))."""
        return (self.tfidf @ self.tfidf[rows].T).toarray()

    def vectorize(self, stems: list[str]) -> sparse.csr_matrix:
        """A text's stems as an L2-normalised TF-IDF row in this space."""
        row = np.zeros(len(self.terms))
        for s in stems:
            j = self.index.get(self.variants.get(s, s))
            if j is not None:
                row[j] += self.idf[j]
        norm = np.linalg.norm(row)
        return sparse.csr_matrix(row / norm if norm else row)


def represent(story: Story) -> Vectors:
    variants = name_variants(story)
    index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[int] = []
    doc_terms: list[set[int]] = [set() for _ in story.documents]
    for sentence in story.sentences:
        # Terms numbered in the order first met, counted in that order (the matrix as before, built
        # in C: Counter of a list, extend with its keys and values).
        counts: Counter[int] = Counter(
            [index.setdefault(variants.get(s, s), len(index)) for s in sentence.content_stems]
        )
        rows.extend([sentence.index] * len(counts))
        cols.extend(counts.keys())
        vals.extend(counts.values())
        doc_terms[sentence.doc_index].update(counts)
    shape = (len(story.sentences), len(index))
    counts_matrix = sparse.csr_matrix((np.asarray(vals, dtype=float), (rows, cols)), shape=shape)
    sentence_freq = np.bincount(cols, minlength=len(index)) if cols else np.zeros(len(index))
    idf = np.log((1 + shape[0]) / (1 + sentence_freq)) + 1.0
    tfidf = counts_matrix.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    # Each row divided by its norm, as a product with a diagonal matrix held in CSR: the same
    # product (and so the same matrix, entry order included) as with ``sparse.diags``, whose DIA
    # format imports numpy.ma (15 ms on the first story) and costs twice the time.
    diagonal = np.arange(shape[0])
    tfidf = sparse.csr_matrix((1.0 / norms, diagonal, np.arange(shape[0] + 1)), shape=(shape[0], shape[0])) @ tfidf
    doc_freq = np.zeros(len(index))
    for terms in doc_terms:
        doc_freq[list(terms)] += 1
    story.vectors = Vectors(
        terms=list(index),
        index=index,
        counts=counts_matrix,
        tfidf=tfidf.tocsr(),
        idf=idf,
        doc_freq=doc_freq,
        variants=variants,
        numbers=[sentence_numbers(sentence.text) for sentence in story.sentences],
    )
    return story.vectors


def similarity_to_the_others(story: Story) -> np.ndarray:
    """Each article's cosine with the rest of its story: its vector (log term counts times the
    terms' inverse document frequency in the story, L2-normalised) against the sum of the other
    articles' vectors. An article about another story shares only common words with the rest."""
    vectors = story.vectors
    n = len(story.documents)
    if vectors is None or n < 2:
        return np.ones(n)
    of_document = np.array([s.doc_index for s in story.sentences])
    members = sparse.csr_matrix(
        (np.ones(len(of_document)), (of_document, np.arange(len(of_document)))), shape=(n, len(of_document))
    )
    counts = (members @ vectors.counts).tocsr()
    counts.data = 1.0 + np.log(counts.data)
    weighted = counts.multiply(np.log((1 + n) / (1 + vectors.doc_freq)) + 1.0).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = sparse.csr_matrix(weighted.multiply(1.0 / norms[:, None]))
    total = np.asarray(unit.sum(axis=0)).ravel()
    own = np.asarray(unit.multiply(unit).sum(axis=1)).ravel()  # 1, or 0 for an article with no content word
    dots = unit @ total - own  # each article with the sum of the others
    # |sum of the others|^2 = |total|^2 - 2 (article . total) + |article|^2
    rest = np.sqrt(np.maximum(total @ total - 2 * (unit @ total) + own, 1e-12))
    return dots / rest


# Two sentences are close paraphrases (one supports the other as a source)
# when they are similar overall (TF-IDF cosine), or when one carries most of
# the other's content words (overlap coefficient), as when one outlet quotes
# a sentence in full and another quotes half of it. The overlap route also
# needs some overall similarity: a short generic sentence ("The other tenders
# were for settlements in the West Bank") shares four topic words with dozens
# of longer ones without saying what any of them says.
PARAPHRASE_COSINE = 0.5
PARAPHRASE_OVERLAP = 0.6
PARAPHRASE_MIN_SHARED = 4
PARAPHRASE_OVERLAP_MIN_COSINE = 0.3
# A summary should not state one fact twice, so the bar for "redundant" is
# lower than for "paraphrase": two reports of the evacuation that share most
# of their key words are redundant even when each adds a detail.
REDUNDANT_COSINE = 0.4
REDUNDANT_OVERLAP = 0.4
REDUNDANT_MIN_SHARED = 5

# "2,200", "1.5", "1999": digits with thousands separators or a decimal point.
_NUMBER = re.compile(r"\d+(?:[,.]\d+)*")


def sentence_numbers(text: str) -> frozenset[str]:
    return frozenset(m.group().replace(",", "") for m in _NUMBER.finditer(text))


@dataclass
class PairTable:
    """How alike the sentences ``rows`` are to the sentences ``cols``."""

    rows: list[int]
    cols: list[int]
    cosine: np.ndarray  # TF-IDF cosine, len(rows) x len(cols)
    shared: np.ndarray  # content stems both carry (name variants unified)
    overlap: np.ndarray  # shared / the smaller sentence's content stems


def pair_table(vectors: Vectors, rows: list[int], cols: list[int] | None = None) -> PairTable:
    cols = list(range(vectors.counts.shape[0])) if cols is None else cols
    present = vectors.present
    shared = (present[rows] @ present[cols].T).toarray()
    smaller = np.minimum.outer(vectors.sizes[rows], vectors.sizes[cols])
    overlap = shared / np.maximum(smaller, 1)
    cosine = (vectors.tfidf[rows] @ vectors.tfidf[cols].T).toarray()
    return PairTable(rows, cols, cosine, shared, overlap)


@dataclass
class SimilarPairs:
    """Every pair of a story's sentences alike enough to pass some test of
    likeness (cosine at least ``MIN_PAIR_COSINE``), with how alike: the sparse
    counterpart of a PairTable of the whole story, whose n x n tables outgrow
    memory at a few thousand sentences."""

    first: np.ndarray  # sentence indexes, first < second
    second: np.ndarray
    cosine: np.ndarray
    shared: np.ndarray
    overlap: np.ndarray

    @cached_property
    def _position(self) -> dict[tuple[int, int], int]:
        return {(a, b): k for k, (a, b) in enumerate(zip(self.first.tolist(), self.second.tolist()))}

    def _of(self, values: np.ndarray, a: int, b: int) -> float:
        k = self._position.get((min(a, b), max(a, b)))
        return float(values[k]) if k is not None else 0.0  # not listed: less alike than any test needs

    def cosine_of(self, a: int, b: int) -> float:
        return self._of(self.cosine, a, b)

    def shared_of(self, a: int, b: int) -> float:
        return self._of(self.shared, a, b)


MIN_PAIR_COSINE = PARAPHRASE_OVERLAP_MIN_COSINE  # every test of likeness needs at least this cosine
PAIR_BLOCK_CELLS = 5_000_000  # cosines computed at once: bounds the memory of a large story


def similar_pairs(vectors: Vectors, min_cosine: float = MIN_PAIR_COSINE) -> SimilarPairs:
    n = vectors.tfidf.shape[0]
    step = max(1, PAIR_BLOCK_CELLS // max(n, 1))
    tfidf_columns = vectors.tfidf.T.tocsr()
    present = vectors.present
    present_columns = present.T.tocsr()
    firsts, seconds, cosines, shareds = [], [], [], []
    for start in range(0, n, step):
        cosine = (vectors.tfidf[start : start + step] @ tfidf_columns).tocsr()
        shared = (present[start : start + step] @ present_columns).tocsr()
        cosine.sort_indices()
        shared.sort_indices()
        # Both are non-zero exactly where two sentences share a content stem, so
        # their entries line up; read row by row, pairs come sorted as in a dense table.
        rows = np.repeat(np.arange(start, start + cosine.shape[0]), np.diff(cosine.indptr))
        keep = (cosine.data >= min_cosine - 1e-12) & (rows < cosine.indices)
        firsts.append(rows[keep])
        seconds.append(cosine.indices[keep])
        cosines.append(cosine.data[keep])
        shareds.append(shared.data[keep].astype(float))
    if not firsts:
        empty = np.zeros(0)
        return SimilarPairs(empty.astype(int), empty.astype(int), empty, empty, empty)
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    shared_words = np.concatenate(shareds)
    smaller = np.minimum(vectors.sizes[first], vectors.sizes[second])
    return SimilarPairs(first, second, np.concatenate(cosines), shared_words, shared_words / np.maximum(smaller, 1))


def looks_like_paraphrase(cosine: np.ndarray, shared: np.ndarray, overlap: np.ndarray) -> np.ndarray:
    """The wording test of a paraphrase, on arrays of pairs (numbers aside)."""
    return (cosine >= PARAPHRASE_COSINE) | (
        (shared >= PARAPHRASE_MIN_SHARED) & (overlap >= PARAPHRASE_OVERLAP) & (cosine >= PARAPHRASE_OVERLAP_MIN_COSINE)
    )


def numbers_disagree(vectors: Vectors, a: int, b: int) -> bool:
    """Do sentences ``a`` and ``b`` both state numbers, none of them the same?"""
    mine, theirs = vectors.numbers[a], vectors.numbers[b]
    return bool(mine and theirs and not mine & theirs)


def paraphrase_matrix(vectors: Vectors, table: PairTable) -> np.ndarray:
    """``[a, b]``: does sentence ``cols[b]`` say what ``rows[a]`` says (so it
    supports it as a citation)? Two sentences whose numbers all differ do
    not: "1,200 evacuated" does not support "1,500 evacuated"."""
    alike = looks_like_paraphrase(table.cosine, table.shared, table.overlap)
    for a, b in zip(*np.nonzero(alike)):
        if numbers_disagree(vectors, table.rows[a], table.cols[b]):
            alike[a, b] = False
    return alike


def redundancy_matrix(table: PairTable) -> np.ndarray:
    """``[a, b]``: would a summary holding ``rows[a]`` repeat itself by adding
    ``cols[b]``? Looser than a paraphrase, and blind to numbers: two versions
    of one fact are not stacked."""
    return (table.cosine >= REDUNDANT_COSINE) | (
        (table.shared >= REDUNDANT_MIN_SHARED) & (table.overlap >= REDUNDANT_OVERLAP)
    )


def is_paraphrase(vectors: Vectors, a: Sentence, b: Sentence) -> bool:
    """Does ``b`` say what ``a`` says?"""
    return bool(paraphrase_matrix(vectors, pair_table(vectors, [a.index], [b.index]))[0, 0])
