"""The one interface every content-selection method implements.

A method receives a represented Story and a Budget and returns the indexes of
the sentences it chose. Ranking methods only score sentences and inherit a
budget-filling greedy pass with a redundancy check; methods that optimise the
whole summary (MMR, KL-sum, ILP) override ``select``.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

import numpy as np

from chorus import lexicon
from chorus.align import CONTRADICTS, STATES
from chorus.align.claims import strip_attribution
from chorus.align.values import OUTCOMES, PEOPLE_NOUNS, Number, numbers_in, same_thing_counted
from chorus.references import antecedents_of, context_of, in_first_person, introducers, predecessor_of
from chorus.represent import pair_table, redundancy_matrix
from chorus.text import WORD_RE, is_bare_quotation, is_content, stem
from chorus.timeline import SUPERSEDED_AFTER_DAYS, about_now, article_days, dating_of, sentence_day
from chorus.types import Budget, Sentence, Story

if TYPE_CHECKING:  # scipy.sparse.linalg costs 0.15 s to import; only LexRank and TextRank need it
    from scipy.sparse.linalg import LinearOperator

MIN_SENTENCE_WORDS = 6  # shorter "sentences" are fragments, datelines, captions
MAX_SENTENCE_WORDS = 80  # longer ones are run-ons from bad splits
# A list item ("1. ``Star Wars,'' $64.8 million.") or a heading in capitals ("ATTENTION EDITORS: …").
HEADING = re.compile(r"^(?:_\s|\d{1,2}[.)]\s|[A-Z]{2,}(?:\s+[A-Z]{2,})*:|\([A-Z]{2,}\d*\)\s)")  # "(NYT31) NEW YORK --"
# A newspaper's note to readers: an address to write to ("by e-mail to gardening(AT)nytimes.com").
READER_NOTE = re.compile(r"@|\(AT\)|\be-?mail\s+to\b|\bwww\.|https?://|\bfax\b|\d{3}-\d{3}-\d{4}", re.IGNORECASE)
# Every alternative of READER_NOTE needs one of these, looked for before its case-blind search,
# which tries every position (about 4 CPU ms a 10-article cluster; 1.4% of DUC 2006 sentences hold
# a hint): the strings as written; the lower-case ones in the lower-cased text, whose letters have
# no case variant outside ASCII but the "i" of "mail" (dotless ı, dotted İ: folded to "i" first);
# and a phone number's digit, dash, digit.
READER_NOTE_HINTS = ("@", "://")
READER_NOTE_LOWER_HINTS = ("(at)", "www.", "fax")
_MAIL_HINT = "mail"
_PHONE_HINT = re.compile(r"\d-\d")
# A note to editors ("EDs: Following developments in Washington …", "MOVED (Howard Kleinberg is a
# columnist for Cox News Service.)").
EDITORS_NOTE = re.compile(r"^(?:EDS?|EDs|Eds)\.?:|^[A-Z]{3,}\s+\([^()]*\)\.?$")
# A sentence ends as one: a full stop, "!" or "?" before any closing quotation marks or brackets,
# or the newswire's closing quotes (``…''). A line without one is a list item ("Canadian hammer
# thrower Robin Lyons dropped from team … (September 7)"), a caption or a cut-off fragment.
SENTENCE_END = re.compile(r"""(?:[.!?][\s"'”’)\]]*|'')$""")
_MONTH_START = (
    "(?:" + "|".join(m[:3] for m in lexicon.MONTHS) + ")"
)  # "Sept.", "June", "Oct": a month's first three letters
# An item of a timeline or a chronology: a date, then a dash or a colon ("Nov. 26 -- …",
# "February 26,1989 -- …", "-- Oct. 8, 1998: …").
# Or a year and a colon ("1939: In April, …"), or a question or an answer of a question-and-answer
# box ("Q. How …", "A. By the bite …"), or an item of a news budget: a slug and a place before
# the dash ("BUSH-McCAIN (Greenville, S.C.) _ …").
TIMELINE_ITEM = re.compile(
    rf"^(?:(?:--?|_)\s*)?{_MONTH_START}[a-z]*\.?\s+\d{{1,2}}(?:-\d{{1,2}})?(?:,\s*\d{{4}})?\s*(?:--|_|-|:)\s"
    r"|^\d{4}:\s"
    r"|^[QA]\.\s"
    r"|^(?=\S*[A-Z]{3})[A-Za-z]+(?:-[A-Za-z]+)+\s+\([^)]+\)\s+(?:_|--)\s"
)
# An item of a list: "--U.S. District Judge …", "• …" (not "-- Ansett airlines …", what a cut dateline leaves).
FRAGMENT_START = re.compile(r"^(?:--(?=[^\s-])|•)")
MAX_CAPITALS_SHARE = 0.6  # a "sentence" mostly in capitals is a heading or a listing ("STAR WARS: EPISODE I")


class Summarizer(ABC):
    """Chooses sentences for a summary."""

    name: ClassVar[str]
    description: ClassVar[str]
    plain: ClassVar[str]  # what it does in plain words, for people who are not summarization researchers

    def __call__(self, story: Story, budget: Budget) -> list[int]:
        return self.select(story, budget)

    def select(self, story: Story, budget: Budget) -> list[int]:
        scores = self.score(story)
        order = sorted(candidates(story), key=lambda i: -scores[i])
        return greedy_fill(order, story, budget)

    @abstractmethod
    def score(self, story: Story) -> np.ndarray:
        """A salience score per sentence of the story (higher is better)."""


def stands_alone(sentence: Sentence, min_words: int = MIN_SENTENCE_WORDS) -> bool:
    """Can the sentence stand in a summary out of its article's context?

    Not a fragment or a run-on, not a question, not a bare quotation (in
    a summary, words between quotation marks with their speaker named in
    another sentence would be words from nobody), and not a heading: a line
    ending in a colon ("The New York Times said in an editorial for
    Wednesday, July 28:"), a note in brackets or half of one, a line in capitals,
    a list item or a timeline's item, a line that does not end as a sentence, a note to
    readers; and not the writer speaking as "I" or "we"."""
    text = sentence.text.strip()
    return (
        min_words <= sentence.words <= MAX_SENTENCE_WORDS
        and not text.endswith(("?", ":"))
        and not (text.startswith("(") and text.rstrip(".").endswith(")"))
        and not HEADING.match(text)
        and SENTENCE_END.search(text) is not None
        and not TIMELINE_ITEM.match(text)
        and not FRAGMENT_START.match(text)
        and not _reader_note(text)
        and not EDITORS_NOTE.match(text)
        and text.count("(") == text.count(")")
        and not is_bare_quotation(text)
        and not _mostly_capitals(sentence)
        and not in_first_person(text)
    )


def _reader_note(text: str) -> bool:
    """``READER_NOTE.search(text)``, searched only in a text that holds one of its hints."""
    lower = text.lower()
    hinted = (
        any(h in text for h in READER_NOTE_HINTS)
        or any(h in lower for h in READER_NOTE_LOWER_HINTS)
        or ("ma" in lower and _MAIL_HINT in lower.replace("\u0131", "i").replace("i\u0307", "i"))
        or ("-" in text and _PHONE_HINT.search(text) is not None)
    )
    return hinted and READER_NOTE.search(text) is not None


def _mostly_capitals(sentence: Sentence) -> bool:
    if sentence.all_caps:
        return sum(sentence.all_caps) > MAX_CAPITALS_SHARE * len(sentence.all_caps)
    letters = sum(map(str.isalpha, sentence.text))
    return bool(letters) and sum(map(str.isupper, sentence.text)) > MAX_CAPITALS_SHARE * letters


def candidates(story: Story) -> list[int]:
    """Sentences fit to stand in a summary on their own."""
    out = [s.index for s in story.sentences if stands_alone(s)]
    return out or [s.index for s in story.sentences]


def greedy_fill(order: list[int], story: Story, budget: Budget, avoid_repeats: bool = True) -> list[int]:
    """Take sentences in ``order`` while they fit and (unless told otherwise)
    paraphrase nothing already taken."""
    chosen: list[int] = []
    used_words = 0
    shortest = min((story.sentences[i].words for i in order), default=0)
    repeats = repeat_test(story, order)
    for i in order:
        words = story.sentences[i].words
        if not budget.fits(used_words + words, len(chosen) + 1):
            if budget.sentences is not None and len(chosen) >= budget.sentences:
                break
            if budget.words is not None and budget.words - used_words < shortest:
                break
            continue
        if chosen and avoid_repeats and repeats(i, chosen):
            continue
        chosen.append(i)
        used_words += words
    return chosen


def context_requirements(
    story: Story, pool: list[int], exclusive: Sequence[tuple[int, int]] = ()
) -> tuple[list[int], dict[int, list[int]]]:
    """The pool without the sentences whose context it lacks, and, for each sentence that
    leans on others (``chorus.references``), the pool sentences of which one must be chosen
    with it: the sentence before it in its article (a pronoun no edit can name, a
    connective), or a sentence naming what its description means (an earlier one of its
    article, any sentence of another article that names it without leaning on it itself, or
    a repeat of either: ``exclusive`` pairs, of which the summary holds one version)."""
    context = context_of(story)
    in_pool = set(pool)
    repeats: dict[int, set[int]] = {}
    for a, b in exclusive:
        repeats.setdefault(a, set()).add(b)
        repeats.setdefault(b, set()).add(a)
    wanted = {w for i in pool for w in context.needs(i).words}
    naming: dict[str, dict[int, set[str]]] | None = None
    requires: dict[int, list[int]] = {}
    for i in pool:
        sentence = story.sentences[i]
        needs = context.needs(i)
        if needs.predecessor:
            before = predecessor_of(story, sentence)
            found = {before} & in_pool if before is not None else set()
        elif needs.words:
            # The article's own earlier mention says what it means; with none (it is the
            # article's topic), another article's introduction of it does.
            own = antecedents_of(story, sentence, needs)
            found = {j for j in own if j in in_pool}
            if not own or needs.anywhere:
                if naming is None:
                    naming = introducers(story, pool, wanted)
                found |= {
                    j
                    for w in needs.words
                    for j, printed in naming.get(w, {}).items()
                    if story.sentences[j].doc_index != sentence.doc_index and needs.agrees(w, printed)
                }
            # Another version of an antecedent serves if it names the thing too and can be told
            # before the sentence: compose keeps an article's own order, so not a later one of its article.
            wanted_here = set(needs.words)
            found |= {
                r
                for j in list(found)
                for r in repeats.get(j, ())
                if r in in_pool
                and wanted_here & set(story.sentences[r].stems)
                and (story.sentences[r].doc_index != sentence.doc_index or r < i)
            }
            found.discard(i)
        else:
            continue
        requires[i] = sorted(found)
    # A sentence whose every support left the pool leaves it too, until nothing changes.
    dropped: set[int] = set()
    changed = True
    while changed:
        changed = False
        for i, options in requires.items():
            if i not in dropped and not any(j not in dropped for j in options):
                dropped.add(i)
                changed = True
    kept = [i for i in pool if i not in dropped]
    return kept, {i: [j for j in options if j not in dropped] for i, options in requires.items() if i not in dropped}


PREDECESSOR_MIN_WORDS = 3  # a sentence another leans on may be this short ("Cushman limped to a bookstore.")


def with_predecessors(story: Story, pool: list[int]) -> list[int]:
    """The pool and the sentence before each pool sentence that leans on it, however short
    (it is told with the one leaning on it, not alone), when it too could stand in a summary."""
    context = context_of(story)
    added = set()
    for i in pool:
        if context.needs(i).predecessor:
            before = predecessor_of(story, story.sentences[i])
            if before is not None and stands_alone(story.sentences[before], PREDECESSOR_MIN_WORDS):
                added.add(before)
    return sorted(set(pool) | added)


def edit_words(story: Story, pool: list[int]) -> dict[int, int]:
    """The most words compose's edits may add to each pool sentence (a full name for each bare
    surname, a date for an older statement about the present; a connective cut gives words
    back), so that the budget holds them."""
    context = context_of(story)
    names = context.names
    days = article_days(story)
    known = [d for d in days if d is not None]
    latest = max(known) if known else None
    out = {}
    for i in pool:
        sentence = story.sentences[i]
        extra = sum(len(e.full.split()) - 1 for e in names.edits(sentence.text, set(), i))
        pronoun = context.pronoun_edit(i)
        if pronoun is not None:
            extra += len(pronoun.full.split()) - 1
        here = context.here_edit(i)
        if here is not None:
            extra += len(here.full.split()) - 1
        state = context.state_edit(i)
        if state is not None:  # "the state" -> "[New Mexico]": never longer, so far
            extra += max(0, len(state.full.split()) - len(state.surname.split()))
        cut = context.connective_edit(i)
        if cut is not None:  # the connective's words go ("But ", "In addition, ")
            extra -= len(sentence.text[: cut.start].split())
        dated = dating_of(story, i, latest)
        if dated is not None:
            extra += len(dated.split())
        if extra:
            out[i] = extra
    return out


# A toll a later article gives higher overtakes the earlier one (``toll_raised_later``): the dead
# and the injured of one event are only ever counted up, so the lower count is an earlier state
# ("killing over 14,000 people" of August 1999 beside "about 17,000" a year later). Claim
# alignment finds such a pair only when the later sentence tells most of the earlier one's words
# too; this asks for the same thing counted (``values.same_thing_counted``: one outcome, figures
# within a factor of two) and one word of the event in common. Off: on the judged set it takes 5
# stale tolls out (stale 13 -> 10 of 1,033 sentences), but the toll sentences carry the references'
# words, and DUC 2007 loses 0.0010 / 0.0012 R-2 (issue 18, tenth round, BENCHMARKS.md).
LATER_TOLL_OVERTAKES = False
GROWING_OUTCOMES = frozenset({"dead", "injured"})  # counts that only grow as an event is reported


# A toll told through a reporting participle, which ``values.numbers_in`` reads as no outcome:
# "12,040 people have so far been confirmed dead", "16,000 people were listed as seriously injured".
_REPORTED_OUTCOME = re.compile(
    r"\s+(?:people|persons|others)\s+(?:have|has|had|were|was|are|is)\s+(?:so\s+far\s+|now\s+)?(?:been\s+)?"
    r"(?:confirmed|listed|reported|registered)\s+(?:as\s+)?(?:\w+ly\s+)?(\w+)",
    re.IGNORECASE,
)


def _tolls(text: str) -> list[Number]:
    """The counts of the dead and the injured a sentence gives as its own figures."""
    out = []
    for n in numbers_in(text, keep_superseded=False):
        if n.named or n.other or n.percent or n.unit:
            continue
        outcome = n.outcome
        if outcome is None:
            reported = _REPORTED_OUTCOME.match(text, n.end)
            outcome = OUTCOMES.get(stem(reported.group(1))) if reported else None
            n = replace(n, outcome=outcome)
        if outcome in GROWING_OUTCOMES:
            out.append(n)
    return out


# Words that tell nothing of which event was counted: what happened to the people, who they are,
# who reports it.
_NOT_EVENT_WORDS = frozenset(OUTCOMES) | PEOPLE_NOUNS | frozenset(stem(w) for w in lexicon.REPORTING_WORDS)
SAME_EVENT_WORDS = 1  # words of the event two counts' sentences must share ("quake"; "executions")


def _event_words(text: str) -> set[str]:
    """Content stems that say what was counted and where, not how many, who died, or who says so
    (its trailing attribution left out: ", the Interfax news agency reported")."""
    claim, _ = strip_attribution(text)
    return {stem(w) for w in WORD_RE.findall(claim) if is_content(w) and not w[0].isdigit()} - _NOT_EVENT_WORDS


def toll_raised_later(story: Story, i: int) -> bool:
    """Does an article dated later give a higher count of the dead or injured sentence ``i`` counts
    (``values.same_thing_counted``: one outcome, figures within a factor of two), in a
    sentence about the same event (``SAME_EVENT_WORDS`` words in common) that names no earlier time
    of its own ("in 1939 the quake killed 33,000")?"""
    sentence = story.sentences[i]
    tolls = _tolls(sentence.text)
    if not tolls:
        return False
    days = article_days(story)
    own = days[sentence.doc_index]
    if own is None:
        return False
    words = _event_words(sentence.text)
    for other in story.sentences:
        day = days[other.doc_index]
        if day is None or (day - own).days < SUPERSEDED_AFTER_DAYS:
            continue
        told = sentence_day(other.text, day)
        if told is not None and told <= own:
            continue
        later = _tolls(other.text)
        if not later or len(words & _event_words(other.text)) < SAME_EVENT_WORDS:
            continue
        if any(same_thing_counted(n, m) and m.typical > n.typical for n in tolls for m in later):
            return True
    return False


def overtaken_or_repeated(story: Story, chosen: list[int]) -> tuple[set[int], list[tuple[int, int]]]:
    """Of the chosen sentences, those a later article overtakes (``chorus.timeline``: another
    value for what they state, or done what they tell as planned), and the pairs of which one
    states what the other does (a fact told twice wastes the budget). Claim alignment
    (``chorus.align``) judges both."""
    context = context_of(story)
    days = article_days(story)
    overtaken: set[int] = set()
    repeated: list[tuple[int, int]] = []
    chosen_set = set(chosen)
    for i in chosen:
        sentence = story.sentences[i]
        own = days[sentence.doc_index]
        later = {
            d
            for d, day in enumerate(days)
            if own is not None and day is not None and (day - own).days >= SUPERSEDED_AFTER_DAYS
        }
        if not later and len(chosen) < 2:
            continue
        result = context.check(i)  # the same check compose cites the sentence with
        planned = about_now(sentence.text)
        for verdict in result.articles:
            evidence = verdict.evidence
            if evidence is None:
                continue
            if verdict.verdict == STATES:
                told_by = [j for j in evidence.sentences if j in chosen_set and j != i]
                if told_by:
                    repeated.append((min(i, told_by[0]), max(i, told_by[0])))
            if verdict.doc_index not in later:
                continue
            if verdict.verdict == CONTRADICTS and evidence.differences:
                overtaken.add(i)
            elif verdict.verdict == STATES and planned:
                if not about_now(" ".join(story.sentences[j].text for j in evidence.sentences)):
                    overtaken.add(i)  # told then as planned or ongoing, later as done
        if LATER_TOLL_OVERTAKES and i not in overtaken and later and toll_raised_later(story, i):
            overtaken.add(i)
    return overtaken, sorted(set(repeated))


PRECOMPUTED_PAIRS = 2000  # candidates up to which all pairs are tested at once (memory grows as n^2)


def repeat_test(story: Story, candidates: list[int]) -> Callable[[int, list[int]], bool]:
    """A test "does sentence i repeat one of these?" over ``candidates``."""
    vectors = story.represented()
    if len(candidates) > PRECOMPUTED_PAIRS:
        return lambda i, chosen: bool(redundancy_matrix(pair_table(vectors, [i], chosen)).any())
    position = {i: k for k, i in enumerate(candidates)}
    redundant = redundancy_matrix(pair_table(vectors, candidates, candidates))
    return lambda i, chosen: bool(redundant[position[i], [position[j] for j in chosen]].any())


def pagerank(
    weights: np.ndarray | LinearOperator, damping: float = 0.85, tol: float = 1e-6, max_iter: int = 200
) -> np.ndarray:
    """Stationary distribution of a random walk on a weighted graph, with teleporting.

    ``weights`` may be a matrix or any operator that multiplies by one, so a
    graph with a factored form (LexRank's X Xᵀ) never has to be built; the walk
    leaves a node with no edges for any node alike."""
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    out_degree = np.asarray(weights @ np.ones(n)).ravel()
    dangling = out_degree <= 0
    inverse_degree = np.divide(1.0, out_degree, out=np.zeros(n), where=~dangling)
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        walked = np.asarray(weights.T @ (rank * inverse_degree)).ravel() + rank[dangling].sum() / n
        new = (1 - damping) / n + damping * walked
        if np.abs(new - rank).sum() < tol:
            return new
        rank = new
    return rank


def cluster_centroid(story: Story) -> np.ndarray:
    """Mean TF-IDF vector of the story's sentences, L2-normalised."""
    centroid = np.asarray(story.represented().tfidf.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    return centroid / norm if norm else centroid
