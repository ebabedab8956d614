"""Pairs of sentences a judge reads for disagreements, chosen without chorus's conflict engine.

    python benchmarks/conflict_candidates.py --clusters ../shared/data/duc2006/clusters.jsonl --ids D0606F,D0634G

For a hand-judged conflict set (``benchmarks/claims/PROTOCOL.md``, the
seventh session's split): every sentence of every article that gives a
figure (digits or a number word, with the word after it) or a month and day,
paired with each sentence of another outlet's article that gives a different
figure followed by the same word (or a different day of the same month) and
shares at least ``--min-shared`` other content words. Only the articles'
outlets (``chorus.ingest``) and a plain regular-expression sentence splitter
are used, nothing of ``chorus.align`` or ``chorus.analysis``, so the judge
reads the candidates before and apart from what chorus reports. What this
cannot surface (a figure named by coreference, a name in one role, a pair
with fewer words in common) is left to reading whole articles.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from chorus.ingest.metadata import wire_metadata

_SENTENCE_END = re.compile(r"(?<=[.!?'\"])\s+(?=[A-Z`(])")
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen"
).split()
_FIGURE = re.compile(
    r"(?P<value>\$?\d[\d,.]*(?:\s+(?:million|billion|thousand|trillion))?|\b(?:"
    + "|".join(_NUMBER_WORDS)
    + r")(?:[- ](?:"
    + "|".join(_NUMBER_WORDS)
    + r"))*(?:\s+(?:million|billion|thousand))?)\s*(?:-|\s)?\s*(?P<thing>%|percent|[a-z][a-z-]+)",
    re.IGNORECASE,
)
_MONTHS = "January February March April May June July August September October November December".split()
_DATE = re.compile(r"\b(?P<month>" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\.?\s+(?P<day>[0-3]?\d)\b")
_AGE_AFTER = re.compile(r"\b(?P<name>[A-Z][a-z]+),\s+(?P<age>\d{1,3}),")  # "Shepard, 21,"
_AGE_BEFORE = re.compile(r"\b(?P<age>\d{1,3})-year-old\s+(?:[a-z]+\s+){0,3}?(?:[A-Z][a-z]+\s+)?(?P<name>[A-Z][a-z]+)")
_YEAR = re.compile(r"\b(?:in|since|of|from)\s+(?P<year>(?:19|20)\d\d)\b")
YEAR_EXTRA_SHARED = 2  # years recur in any story: a pair of years needs more words in common
_WORD = re.compile(r"[a-z][a-z'-]+")
_STOP = set(
    "the a an and or of to in on at for by with from that this these those is are was were be been has have had "
    "it its as but not no said says say he she they them his her their we our you your who which what when where "
    "there than then also about after before more less over under into out up down all any some one two three "
    "year years percent million billion thousand new would could will can may might".split()
)


def stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def sentences(text: str) -> list[str]:
    out = []
    for paragraph in text.split("\n\n"):
        out.extend(s.strip() for s in _SENTENCE_END.split(" ".join(paragraph.split())) if s.strip())
    return out


def content(sentence: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(sentence.lower()) if w not in _STOP and len(w) > 2}


def figures(sentence: str) -> list[tuple[str, str]]:
    found = []
    for m in _FIGURE.finditer(sentence):
        value, thing = m.group("value").strip(), stem(m.group("thing"))
        if re.fullmatch(r"(?:19|20)\d\d", value):
            continue  # a year: read with the dates
        found.append((value.lower().rstrip(".,"), "percent" if thing in ("%", "percent") else thing))
    for m in _DATE.finditer(sentence):
        found.append((m.group("day"), "date:" + m.group("month").lower()))
    for m in _AGE_AFTER.finditer(sentence):
        found.append((m.group("age"), "age:" + m.group("name").lower()))
    for m in _AGE_BEFORE.finditer(sentence):
        found.append((m.group("age"), "age:" + m.group("name").lower()))
    for m in _YEAR.finditer(sentence):
        found.append((m.group("year"), "year"))
    return found


def candidates(record: dict, min_shared: int, any_figure: int = 0) -> list[tuple]:
    docs = []
    for doc_id, text in zip(record["doc_ids"], record["documents"]):
        outlet = wire_metadata(doc_id, text).outlet or doc_id
        for sentence in sentences(text):
            figs = figures(sentence)
            if figs:
                docs.append((doc_id, outlet, sentence, figs, content(sentence)))
    by_thing: dict[str, list[int]] = defaultdict(list)
    for i, (_, _, _, figs, _) in enumerate(docs):
        for _, thing in figs:
            by_thing[thing].append(i)
    pairs = {}
    for thing, members in by_thing.items():
        if thing in _STOP:
            continue
        for i, j in combinations(sorted(set(members)), 2):
            a, b = docs[i], docs[j]
            if a[0] == b[0] or a[1] == b[1]:
                continue
            va = {v for v, t in a[3] if t == thing}
            vb = {v for v, t in b[3] if t == thing}
            if va & vb:
                continue
            shared = (a[4] & b[4]) - {thing}
            if len(shared) < min_shared + (YEAR_EXTRA_SHARED if thing == "year" else 0):
                continue
            pairs[(i, j)] = (thing, sorted(va), sorted(vb), len(shared))
    if any_figure:
        # Sentences with many words in common whose figures differ, whatever word follows them
        # ("the seven adults diagnosed" / "Six adult patients who had been diagnosed").
        for i, j in combinations(range(len(docs)), 2):
            a, b = docs[i], docs[j]
            if (i, j) in pairs or a[0] == b[0] or a[1] == b[1]:
                continue
            shared = a[4] & b[4]
            va, vb = {v for v, _ in a[3]}, {v for v, _ in b[3]}
            if len(shared) >= any_figure and not va & vb:
                pairs[(i, j)] = ("any", sorted(va), sorted(vb), len(shared))
    return [(docs[i], docs[j], *rest) for (i, j), rest in sorted(pairs.items(), key=lambda kv: -kv[1][3])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=Path, action="append", required=True)
    parser.add_argument("--ids", required=True, help="cluster ids, comma-separated")
    parser.add_argument("--min-shared", type=int, default=3, help="content words two sentences share (default 3)")
    parser.add_argument(
        "--any-figure", type=int, default=0, help="also pairs sharing this many content words whose figures differ"
    )
    args = parser.parse_args()
    wanted = set(args.ids.split(","))
    for path in args.clusters:
        with open(path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if record["id"] not in wanted:
                    continue
                found = candidates(record, args.min_shared, args.any_figure)
                print(f"## {record['id']}: {record.get('topic_title', '')} ({len(found)} pairs)")
                for a, b, thing, va, vb, shared in found:
                    print(f"- [{thing}] {'/'.join(va)} vs {'/'.join(vb)} (shared {shared})")
                    print(f"    {a[0]} ({a[1]}): {a[2]}")
                    print(f"    {b[0]} ({b[1]}): {b[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
