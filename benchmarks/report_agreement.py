"""Do the report's sections agree? The summary's brackets against the facts, the quotes against the facts.

For the two canonical examples and the first ``--limit`` DUC 2006 clusters::

    nice python benchmarks/report_agreement.py --limit 10

prints, per case and in all:

- summary sentences whose bracket (the articles cited as stating it) is not
  the stating articles of the fact that holds the sentence (for a sentence
  that disputes its fact: whose articles on either side are not the fact's);
- quotes printed in one wording by several outlets, the quotation most
  of each sentence (``chorus.align.quoted``'s rule), whose outlets are not all among the
  stating articles of the fact of the quote's sentences.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import chorus
from chorus.text import is_content, words
from common import SHARED, read_clusters

ROOT = Path(__file__).resolve().parents[1]
# chorus.align.quoted's rule, restated here so that the script also runs on trees without it
SHARED_QUOTE_WORDS = 8
SHARED_QUOTE_SHARE = 0.5


def most_of_its_sentence(report, occurrence) -> bool:
    quoted = words(occurrence.text)
    content = sum(is_content(w) for w in words(report.sentence(occurrence.sentence).text))
    return len(quoted) >= SHARED_QUOTE_WORDS and sum(is_content(w) for w in quoted) >= SHARED_QUOTE_SHARE * content


def disagreements(report) -> tuple[int, int, int, int]:
    brackets = differ = 0
    for s in report.summary.sentences:
        fact = report.fact_with(s.origin.index)
        brackets += 1
        bracket = sorted({c.doc_index for c in s.support})
        if fact is not None and s.origin.doc_index in fact.disputing:
            # it disputes its fact: the same articles on either side
            differ += sorted(set(bracket) | {c.doc_index for c in s.contradictions}) != fact.doc_indexes
        else:
            differ += fact is None or bracket != fact.stating
    quotes = split = 0
    for quote in report.quotes:
        if not quote.identical:
            continue  # one wording, printed whole by every outlet
        printed = [o.sentence for o in quote.occurrences if most_of_its_sentence(report, o)]
        if len({report.sentence(i).doc_index for i in printed}) < 2:
            continue
        quotes += 1
        facts = [report.fact_with(i) for i in printed]
        split += any(f is None or not {report.sentence(i).doc_index for i in printed} <= set(f.stating) for f in facts)
    return brackets, differ, quotes, split


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=10, help="DUC 2006 clusters")
    settings = parser.parse_args()
    cases = [
        ("lavrov-hamas", [SHARED / "examples" / "lavrov-hamas"]),
        ("harbor-fire", [ROOT / "examples" / "harbor-fire"]),
    ]
    cases += [
        (c.id, c.documents) for c in read_clusters(SHARED / "data" / "duc2006" / "clusters.jsonl", settings.limit)
    ]
    total = [0, 0, 0, 0]
    for name, documents in cases:
        found = disagreements(chorus.report(documents))
        total = [a + b for a, b in zip(total, found)]
        print(
            f"{name}: brackets unlike their fact {found[1]} of {found[0]}; quotes split from their fact {found[3]} of {found[2]}"
        )
    print(
        f"all: brackets unlike their fact {total[1]} of {total[0]}; quotes split from their fact {total[3]} of {total[2]}"
    )


if __name__ == "__main__":
    main()
