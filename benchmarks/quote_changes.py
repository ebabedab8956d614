"""Which of the report's quotes a change moves, over every DUC 2006 and DUC 2007 update cluster.

The story report lists the quotations of a cluster (``analysis.quotes``); a change to how they are
found must say how many it drops, adds or prints otherwise, and show them to be read::

    python benchmarks/quote_changes.py record -o /tmp/quotes-before.json     # on the old tree
    python benchmarks/quote_changes.py record -o /tmp/quotes-after.json      # on the new one
    python benchmarks/quote_changes.py compare /tmp/quotes-before.json /tmp/quotes-after.json --sample 30
    python benchmarks/quote_changes.py printings      # does each outlet listed print the quoted words?

A quote is the same in both when its words are (case, quotation marks and punctuation aside); ``compare`` counts
the quotes dropped (those the new tree reads as titles apart), the quotes added (those in a
sentence of AP copy, whose quotations open with '' and no backticks, apart), the quotes whose words
are the same but printed otherwise, the quotes that print wire copy's raw marks (`` '' `), those
that print an opening mark they never close (“ with no ” after it), and the quotes whose speaker
changed (the same words in both, another speaker).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from chorus.analysis.quotes import (
    PART_OF_QUOTE_RATIO,
    SAME_QUOTE_RATIO,
    find_quotations,
    group_quotations,
    is_title,
    normalized_words,
)
from chorus.pipeline import build_story, load_documents
from chorus.text import words
from common import read_clusters

SHARED = Path(os.environ.get("CHORUS_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DATASETS = ("duc2006/clusters.jsonl", "duc2007-update/clusters.jsonl")
_MARKS = re.compile(r"[`'\"“”‘’]")
RAW_MARKS = re.compile(r"``|''|`")
UNCLOSED = re.compile(r"“[^”]*$")


def record() -> list[dict[str, Any]]:
    """Every quote of every cluster: its cluster, text, speaker, outlets and first sentence."""
    out = []
    for dataset in DATASETS:
        for cluster in read_clusters(SHARED / "data" / dataset):
            story = build_story(load_documents(cluster.documents, []), None, [])
            for q in group_quotations(find_quotations(story)):
                out.append(
                    {
                        "cluster": cluster.id,
                        "text": q.text,
                        "speaker": q.speaker,
                        "documents": q.doc_indexes,
                        "sentence": story.sentences[q.occurrences[0].sentence].text,
                    }
                )
    return out


def printings() -> None:
    """Every outlet a quote of two or more outlets lists: does it print the words shown (rapidfuzz
    ratio >= SAME_QUOTE_RATIO), a part of them (partial ratio >= PART_OF_QUOTE_RATIO), or neither
    (another wording, a paraphrase, which it should not be credited with)?"""
    kinds: Counter[str] = Counter()
    quotes = 0
    for dataset in DATASETS:
        for cluster in read_clusters(SHARED / "data" / dataset):
            story = build_story(load_documents(cluster.documents, []), None, [])
            for q in group_quotations(find_quotations(story)):
                if len(q.doc_indexes) < 2:
                    continue
                quotes += 1
                shown = " ".join(normalized_words(q.text))
                for o in q.occurrences:
                    printed = " ".join(normalized_words(o.text))
                    if fuzz.ratio(printed, shown) >= SAME_QUOTE_RATIO:
                        kinds["the words shown"] += 1
                    elif fuzz.partial_ratio(printed, shown) >= PART_OF_QUOTE_RATIO:
                        kinds["a part of them"] += 1
                    else:
                        kinds["neither"] += 1
                        print(f"- {cluster.id} · shown: {q.text[:120]} · printed: {o.text[:120]}")
    print(f"quotes of 2+ outlets: {quotes}; printings: {sum(kinds.values())}")
    for kind in ("the words shown", "a part of them", "neither"):
        print(f"  {kind}: {kinds[kind]}")


def key(quote: dict[str, Any]) -> tuple[str, str]:
    """A quote's cluster and words: quotation marks and other punctuation aside."""
    return quote["cluster"], " ".join(w.lower() for w in words(_MARKS.sub(" ", quote["text"])))


def is_ap_sentence(text: str) -> bool:
    return "''" in text and "``" not in text


def compare(before: list[dict[str, Any]], after: list[dict[str, Any]], sample: int, seed: int) -> None:
    had, has = Counter(map(key, before)), Counter(map(key, after))
    printed_before = {(q["cluster"], q["text"]) for q in before}
    dropped = [q for q in before if key(q) not in has]
    added = [q for q in after if key(q) not in had]
    retyped = [q for q in after if key(q) in had and (q["cluster"], q["text"]) not in printed_before]
    titles = [q for q in dropped if is_title(q["text"])]
    ap = [q for q in added if is_ap_sentence(q["sentence"])]
    print(f"quotes: {len(before)} -> {len(after)}")
    print(f"dropped: {len(dropped)} ({len(titles)} titles, {len(dropped) - len(titles)} others)")
    print(f"added: {len(added)} ({len(ap)} in AP copy's ''…'' sentences, {len(added) - len(ap)} others)")
    print(f"same words, printed otherwise: {len(retyped)}")
    raw = [sum(bool(RAW_MARKS.search(q["text"])) for q in quotes) for quotes in (before, after)]
    print(f"printing raw wire marks: {raw[0]} -> {raw[1]}")
    stray = [sum(bool(UNCLOSED.search(q["text"])) for q in quotes) for quotes in (before, after)]
    print(f"printing an opening mark never closed: {stray[0]} -> {stray[1]}")
    speakers = {key(q): q["speaker"] for q in before}
    respoken = [(speakers[key(q)], q) for q in after if key(q) in speakers and speakers[key(q)] != q["speaker"]]
    print(f"same words, another speaker: {len(respoken)}")
    draw = random.Random(seed)
    for name, quotes in (
        ("dropped as titles", titles),
        ("dropped otherwise", [q for q in dropped if q not in titles]),
        ("added in AP copy", ap),
        ("added otherwise", [q for q in added if q not in ap]),
        ("printed otherwise", retyped),
    ):
        print(f"\n## {name} ({len(quotes)}; {min(sample, len(quotes))} drawn, seed {seed})")
        for q in draw.sample(quotes, min(sample, len(quotes))):
            print(f"- {q['cluster']} · {q['speaker']} · {q['text'][:140]}")
    print(f"\n## another speaker ({len(respoken)}; {min(sample, len(respoken))} drawn, seed {seed})")
    for was, q in draw.sample(respoken, min(sample, len(respoken))):
        print(f"- {q['cluster']} · {was} -> {q['speaker']} · {q['text'][:100]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="every quote of the DUC clusters, as the current tree finds them")
    rec.add_argument("-o", "--out", required=True)
    cmp = sub.add_parser("compare", help="what moved between two records")
    cmp.add_argument("before")
    cmp.add_argument("after")
    cmp.add_argument("--sample", type=int, default=30)
    cmp.add_argument("--seed", type=int, default=16)
    sub.add_parser("printings", help="whether each outlet listed prints the quoted words, on the current tree")
    args = parser.parse_args()
    if args.command == "record":
        Path(args.out).write_text(json.dumps(record(), ensure_ascii=False), encoding="utf-8")
        return 0
    if args.command == "printings":
        printings()
        return 0
    before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (args.before, args.after))
    compare(before, after, args.sample, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
