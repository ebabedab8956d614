"""ROUGE-1.5.5 in Python: ROUGE-N and ROUGE-S/SU as the Perl script computes them.

Each function below is one routine of ROUGE-1.5.5.pl (Lin 2004, the version
NIST ran for DUC 2005-2007), kept to its arithmetic so that every printed
figure comes out the same, including its quirks:

- ``readText``: a sentence-per-line file, ASCII-lower-cased; ``-l`` keeps
  the first N whitespace-separated words and ``-b`` the first N bytes, of
  the peer *and* of every model, before tokenizing.
- tokenizing: ``-`` becomes a token, every other byte that is not an ASCII
  letter or digit a space; tokens not starting with a letter or digit (the
  ``-``) are dropped; with ``-m`` tokens longer than 3 go through
  :func:`~chorus.evaluation.rouge_stem.morph_stem`; with ``-s`` the SMART
  stopwords are dropped.
- ROUGE-N: n-gram counts clipped per model and summed over models (``-f A``)
  or taken from the best model (``-f B``); skip-bigrams within ``-2`` words,
  with ``-u`` each token but the last also counted as a unigram.
- Per evaluation, recall, precision and F are rounded to 5 decimals
  (``%7.5f``) and F is computed from the rounded recall and precision.
- The printed average and its confidence interval come from the bootstrap:
  ``-r`` resamples, resample ``i`` seeded with ``srand(i)``. Perl's ``rand``
  is the 48-bit linear congruential generator of ``drand48`` (Perl's own
  since 5.20, glibc's before), so :func:`resample_indices` draws the same
  instances in the same order and the averages and intervals are the
  script's, not a re-estimate. The script reports the mean of the resample
  means (not the plain mean of the instances); so does this module.

Only ``-t 0`` (average over evaluations) is implemented, and neither ROUGE-L,
ROUGE-W nor Basic Elements: those options raise :class:`ChorusError`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache, partial

import numpy as np

from chorus.errors import ChorusError
from chorus.evaluation.rouge_plan import Plan, RougeOptions, Score, per_topic_recall
from chorus.evaluation.rouge_stem import EXCEPTION_FILES, STEM_MIN_LENGTH, exception_table, morph_stem, rouge_home

Gram = tuple[str, ...]

_WHITESPACE = re.compile(rb"[ \t\n\r\f\v]+")  # Perl's \s on a byte string
_NOT_TOKEN = re.compile(rb"[^A-Za-z0-9\-]")
_KEPT_TOKEN = re.compile(r"^[a-z0-9$]")

# drand48: x <- (a x + c) mod 2^48, seeded with (seed << 16) + 0x330E.
_DRAND48_A = 0x5DEECE66D
_DRAND48_C = 0xB
_DRAND48_MASK = (1 << 48) - 1
_DRAND48_SEED_LOW = 0x330E


def _perl_split(text: bytes) -> list[bytes]:
    """``split(/\\s+/, $text)``: a leading empty field is kept, trailing ones dropped."""
    fields = _WHITESPACE.split(text)
    while fields and fields[-1] == b"":
        fields.pop()
    return fields


def spl_lines(data: bytes) -> list[bytes]:
    """Lines of a sentence-per-line file as ``readText`` keeps them (lower-cased, non-empty)."""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()  # the newline ending the last line
    return [line.lower() for line in lines if line]  # bytes.lower() is ASCII-only, as tr/A-Z/a-z/


def read_text(data: bytes, word_limit: int = 0, byte_limit: int = 0) -> bytes | None:
    """``readText``: the file cut to the limit and tokenized; None where Perl leaves undef."""
    sentences = spl_lines(data)
    text: bytes | None
    if not word_limit and not byte_limit:
        text = b" ".join(sentences)
    else:
        kept = b""
        length = 0  # words (-l) or bytes (-b) kept so far
        limit = word_limit or byte_limit
        for sentence in sentences:
            words = _perl_split(sentence)
            size = len(words) if word_limit else len(sentence)
            if length + size < limit:
                kept = kept + b" " + sentence if length else kept + sentence
                length += size
            else:
                if length > 0:
                    kept += b" "
                room = limit - length
                kept += b" ".join(words[:room]) if word_limit else sentence[:room]
                break
        text = kept if kept else None
    if text is None:
        return None
    text = text.replace(b"-", b" - ")
    text = _NOT_TOKEN.sub(b" ", text)
    return _WHITESPACE.sub(b" ", text.strip(b" \t\n\r\f\v"))


@lru_cache(maxsize=1)
def smart_stopwords() -> frozenset[str]:
    path = rouge_home() / "data" / "smart_common_words.txt"
    return frozenset(line for line in path.read_text(encoding="latin-1").split("\n"))


class Tokenizer:
    """ROUGE's token filter (``createNGram``'s first half), with a stem cache; ``stem_word`` stems a
    token given the exception table (ROUGE's ``morph_stem``; a benchmark passes another stemmer)."""

    def __init__(
        self,
        stem: bool,
        remove_stopwords: bool,
        exception_files: tuple[str, ...] = EXCEPTION_FILES,
        stem_word: Callable[[str, dict[str, str]], str] = morph_stem,
    ) -> None:
        self.stem = stem
        self.stem_word = stem_word
        self.stopwords = smart_stopwords() if remove_stopwords else frozenset()
        self.exceptions = exception_table(exception_files) if stem else {}
        self._stems: dict[str, str] = {}

    def tokens(self, text: bytes | None) -> list[str] | None:
        if text is None:
            return None
        out: list[str] = []
        for raw in _perl_split(text):
            token = raw.decode("ascii")  # only letters, digits and - are left
            if token in self.stopwords or not _KEPT_TOKEN.match(token):
                continue
            if self.stem and len(token) >= STEM_MIN_LENGTH:
                stemmed = self._stems.get(token)
                if stemmed is None:
                    stemmed = self._stems[token] = self.stem_word(token, self.exceptions)
                token = stemmed
            out.append(token)
        return out


def ngram_counts(tokens: list[str] | None, n: int) -> tuple[Counter[Gram], int]:
    """``createNGram``: n-gram counts and their total."""
    if tokens is None:
        return Counter(), 0
    grams = Counter(zip(*(tokens[k:] for k in range(n))))
    return grams, max(0, len(tokens) - n + 1)


def skip_bigram_counts(tokens: list[str] | None, skip: int, unigrams: bool) -> tuple[Counter[Gram], int]:
    """``createSkipBigram``: pairs at most ``skip`` words apart (any distance if negative);
    with ``unigrams``, every token but the last also counts alone (as in the script)."""
    grams: Counter[Gram] = Counter()
    if tokens is None:
        return grams, 0
    count = 0
    last = len(tokens) - 1
    for i in range(last):
        if unigrams:
            grams[(tokens[i],)] += 1
            count += 1
        end = last if skip < 0 else min(last, i + skip + 1)
        for j in range(i + 1, end + 1):
            grams[(tokens[i], tokens[j])] += 1
            count += 1
    return grams, count


def rounded(value: float) -> float:
    """Perl's ``sprintf("%7.5f", ...)`` read back as a number."""
    return float(f"{value:7.5f}")


def clipped_hits(model: Counter[Gram], peer: Counter[Gram]) -> int:
    """``ngramScore``: shared grams, each counted at most as often as in the model."""
    return sum(min(model[gram], peer[gram]) for gram in model.keys() & peer.keys())


def eval_score(
    peer: tuple[Counter[Gram], int], models: Iterable[tuple[Counter[Gram], int]], formula: str, alpha: float
) -> tuple[float, float, float]:
    """``computeNGramScore`` / ``computeSkipBigramScore``: one evaluation's rounded R, P, F."""
    peer_grams, peer_count = peer
    hits = model_total = peer_total = 0
    best = -1.0
    for model_grams, model_count in models:
        hit = clipped_hits(model_grams, peer_grams)
        if formula == "B":
            model_recall = rounded(hit / model_count) if model_count else 0.0
            if model_recall > best:
                best, hits, model_total, peer_total = model_recall, hit, model_count, peer_count
        else:
            hits += hit
            model_total += model_count
            peer_total += peer_count
    recall = rounded(hits / model_total) if model_total else 0.0
    precision = rounded(hits / peer_total) if peer_total else 0.0
    denominator = (1 - alpha) * precision + alpha * recall
    f = rounded(precision * recall / denominator) if denominator > 0 else 0.0
    return recall, precision, f


# --- the bootstrap ------------------------------------------------------------------


@lru_cache(maxsize=8)
def resample_indices(instances: int, resamples: int) -> np.ndarray:
    """``bootstrapResampling``'s draws: row i is ``srand(i)`` then ``instances`` times
    ``int(rand(instances))``."""
    state = (np.arange(resamples, dtype=np.uint64) << np.uint64(16)) + np.uint64(_DRAND48_SEED_LOW)
    picks = np.empty((resamples, instances), dtype=np.int64)
    a, c, mask = np.uint64(_DRAND48_A), np.uint64(_DRAND48_C), np.uint64(_DRAND48_MASK)
    for k in range(instances):
        state = (state * a + c) & mask  # uint64 wraps mod 2^64, a multiple of 2^48
        uniform = state.astype(np.float64) * 2.0**-48  # exact: state < 2^48
        picks[:, k] = np.floor(uniform * instances).astype(np.int64)
    picks.setflags(write=False)
    return picks


def _sequential_sum(values: np.ndarray) -> float:
    """A left-to-right sum, as Perl adds (numpy's sum is pairwise)."""
    return float(np.cumsum(values)[-1]) if len(values) else 0.0


def bootstrap(
    scores: list[tuple[float, float, float]], resamples: int, confidence: float
) -> tuple[tuple[float, float, float], list[tuple[float, float]]]:
    """``computeAverages`` with ``-t 0``: the resampled average of R, P, F and their intervals.

    ``scores`` are in the script's instance order (sorted ``EVALID.PEERID``).
    """
    n = len(scores)
    values = np.asarray(scores, dtype=np.float64).reshape(n, 3)
    if n:
        picks = resample_indices(n, resamples)
        sample = values[picks[:, 0]].copy()
        for k in range(1, n):
            sample += values[picks[:, k]]
        sample /= n
    else:
        sample = np.zeros((resamples, 3))
    delta = resamples * ((100 - confidence) / 2.0) / 100.0
    upper_a = int(resamples - delta - 1)
    lower_a = int(delta)
    ratio = resamples - delta - 1 - upper_a
    averages: list[float] = []
    intervals: list[tuple[float, float]] = []
    for column in range(3):
        ranked = np.sort(sample[:, column], kind="stable")
        averages.append(rounded(_sequential_sum(ranked) / resamples))

        def at(i: int) -> float:
            # Perl counts negative indices from the end and reads past it as undef, i.e. 0.
            return float(ranked[i]) if -len(ranked) <= i < len(ranked) else 0.0

        low = at(lower_a) + (at(lower_a + 1) - at(lower_a)) * ratio
        high = at(upper_a) + (at(upper_a + 1) - at(upper_a)) * ratio
        intervals.append((rounded(low), rounded(high)))
    return (averages[0], averages[1], averages[2]), intervals


# --- a whole scoring run ------------------------------------------------------------


def check_supported(options: RougeOptions) -> None:
    unsupported = [
        name for name, used in (("ROUGE-L", options.lcs), ("ROUGE-W", options.wlcs_weight is not None)) if used
    ]
    if unsupported:
        raise ChorusError(
            f"the Python ROUGE scorer computes ROUGE-N and ROUGE-S/SU, not {' or '.join(unsupported)}: "
            "use the Perl scorer (--scorer perl)"
        )


def score_plan(plan: Plan, options: RougeOptions, tokenizer: Tokenizer | None = None) -> dict[str, dict[str, Score]]:
    """Every system's scores, as ``ROUGE-1.5.5.pl -a -d`` with ``options`` prints them (``tokenizer``:
    ``options``'s unless given)."""
    check_supported(options)
    if tokenizer is None:
        tokenizer = Tokenizer(options.stem, options.remove_stopwords, options.exception_files)
    word_limit, byte_limit = options.word_limit or 0, options.byte_limit or 0

    def tokens_of(data: bytes) -> list[str] | None:
        return tokenizer.tokens(read_text(data, word_limit, byte_limit))

    model_tokens = {
        (topic, ref): tokens_of(data) for topic, refs in plan.model_files.items() for ref, data in refs.items()
    }
    peer_tokens = {
        (system, topic): tokens_of(data) for system, topics in plan.peer_files.items() for topic, data in topics.items()
    }
    counters: list[tuple[str, Callable[[list[str] | None], tuple[Counter[Gram], int]]]] = [
        (f"ROUGE-{n}", partial(ngram_counts, n=n)) for n in range(1, options.max_n + 1)
    ]
    if options.skip_distance is not None:
        counters.append(
            (
                options.metric_names()[-1],
                partial(skip_bigram_counts, skip=options.skip_distance, unigrams=options.skip_unigrams),
            )
        )
    results: dict[str, dict[str, Score]] = {}
    for metric, count in counters:
        model_grams = {key: count(tokens) for key, tokens in model_tokens.items()}
        for system in sorted(plan.peer_id, key=lambda s: plan.peer_id[s]):
            instances = plan.instances(system)
            if not instances:
                continue
            peer_grams = {topic: count(peer_tokens[(system, topic)]) for topic in plan.peer_files[system]}
            per_eval = [
                eval_score(
                    peer_grams[unit.topic],
                    [model_grams[(unit.topic, m)] for m in unit.models],
                    options.formula,
                    options.alpha,
                )
                for _, unit in instances
            ]
            (r, p, f), (r_ci, p_ci, f_ci) = bootstrap(per_eval, options.resamples, options.confidence)
            recalls = {unit.id: values[0] for (_, unit), values in zip(instances, per_eval)}
            results.setdefault(system, {})[metric] = Score(
                recall=r,
                recall_ci=r_ci,
                f1=f,
                f1_ci=f_ci,
                precision=p,
                precision_ci=p_ci,
                per_topic_recall=per_topic_recall(plan, system, recalls),
            )
    return results
