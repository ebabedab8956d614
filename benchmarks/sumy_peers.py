"""Summaries by sumy's LexRank, LSA and TextRank (or Luhn, SumBasic), as peers for ``chorus evaluate --peers``.

    python benchmarks/sumy_peers.py ../shared/data/duc2006/clusters.jsonl --words 250 \
        -o /tmp/bench/sumy-duc2006-250.jsonl

Writes one ``{"id", "summarizer", "summary"}`` line per cluster and system.
sumy (PyPI ``sumy``, the ``bench`` extra) is run as its documentation shows:
PlaintextParser, the English Snowball stemmer, sumy's English stop words.
Its default tokenizer needs NLTK data that cannot be downloaded here, so it
gets a tokenizer that splits sentences as chorus does (nupunkt, via
``chorus.segment.split_sentences``) and words with chorus's word regex.
A cluster's articles are given in order, one after the other, paragraphs
kept. sumy returns its top sentences; here it receives a word budget instead
of a sentence count and fills it as chorus does: sentences in rank order,
each taken if it still fits (never cut), a verbatim repeat of one already
taken skipped. sumy has no query support, so its summaries are generic.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers._summarizer import AbstractSummarizer, SentenceInfo
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from chorus.ingest.read import Cluster
from chorus.segment import split_sentences
from chorus.text import count_words, words
from common import read_clusters

# Prefixed so they never take the name of a chorus method in one evaluation table.
SYSTEMS: dict[str, type[AbstractSummarizer]] = {
    "sumy-lexrank": LexRankSummarizer,
    "sumy-lsa": LsaSummarizer,
    "sumy-textrank": TextRankSummarizer,
    "sumy-luhn": LuhnSummarizer,
    "sumy-sumbasic": SumBasicSummarizer,
}
# The peers of the quality tables in BENCHMARKS.md; Luhn and SumBasic are timed in speed.py.
DEFAULT_SYSTEMS = ("sumy-lexrank", "sumy-lsa", "sumy-textrank")
LANGUAGE = "english"


class NupunktTokenizer:
    """sumy's tokenizer interface without NLTK data: chorus's sentence splitter and word regex."""

    language = LANGUAGE

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


def make_summarizer(system: str) -> AbstractSummarizer:
    summarizer = SYSTEMS[system](Stemmer(LANGUAGE))
    summarizer.stop_words = get_stop_words(LANGUAGE)  # type: ignore[attr-defined]
    return summarizer


def word_budget(limit: int) -> Callable[[Sequence[SentenceInfo]], list[SentenceInfo]]:
    """A sumy sentence "count" that fills ``limit`` words.

    sumy calls it with every sentence, best rated first, and keeps what it
    returns. The rule is chorus's: take each sentence that still fits, stop
    when not even the shortest sentence would.
    """

    def fill(ranked: Sequence[SentenceInfo]) -> list[SentenceInfo]:
        lengths = [count_words(str(info.sentence)) for info in ranked]
        shortest = min(lengths, default=0)
        taken: list[SentenceInfo] = []
        seen: set[str] = set()
        used = 0
        for info, length in zip(ranked, lengths):
            if limit - used < shortest:
                break
            text = str(info.sentence)
            if used + length <= limit and text not in seen:
                taken.append(info)
                seen.add(text)
                used += length
        return taken

    return fill


def summarize(summarizer: AbstractSummarizer, articles: Sequence[str], limit: int) -> str:
    """One summary of the articles, in sumy's order (the order of the text)."""
    text = "\n\n".join(article.strip() for article in articles)
    document = PlaintextParser.from_string(text, NupunktTokenizer()).document
    return " ".join(str(s) for s in summarizer(document, word_budget(limit)))


def articles_of(cluster: Cluster) -> list[str]:
    return [doc.text for doc in cluster.documents]


def peer_records(clusters: Iterator[Cluster], systems: Sequence[str], limit: int) -> Iterator[dict[str, Any]]:
    summarizers = {name: make_summarizer(name) for name in systems}
    for cluster in clusters:
        for name, summarizer in summarizers.items():
            start = time.perf_counter()
            summary = summarize(summarizer, articles_of(cluster), limit)
            print(f"{cluster.id} {name}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
            yield {"id": cluster.id, "summarizer": name, "summary": summary}


def parse_systems(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(SYSTEMS)}")
    return names


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("clusters", help="JSONL dataset, one cluster a line (the schema of ../shared/data)")
    parser.add_argument("-o", "--output", required=True, type=Path, help="peers JSONL to write")
    parser.add_argument("--words", type=int, default=100, help="word budget per summary (default 100)")
    parser.add_argument(
        "--systems",
        type=parse_systems,
        default=list(DEFAULT_SYSTEMS),
        help=f"comma-separated, of {', '.join(SYSTEMS)} (default {','.join(DEFAULT_SYSTEMS)})",
    )
    parser.add_argument("--limit", type=int, help="only the first N clusters")
    args = parser.parse_args(argv)
    if args.words < 1:
        parser.error("--words must be at least 1")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for record in peer_records(read_clusters(args.clusters, args.limit), args.systems, args.words):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
