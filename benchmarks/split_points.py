"""Where sentences end: chorus's splitter against hand-judged split points of DUC text.

A *point* is a place in a paragraph where a sentence could start: after ``.``, ``!``, ``?`` or ``…``
(and any closing quotation marks or brackets) and whitespace, or wherever a splitter cut. The
paragraphs are the DUC articles' blank-line paragraphs, whitespace collapsed (``paragraphs``). The
protocol and every judgment are in ``benchmarks/splits/``::

    # where the current tree's splitter cuts, every point of both sets (run on each tree compared)
    python benchmarks/split_points.py record -o /tmp/splits-after.json
    # the points to judge: every one where two records differ, and a seeded sample of the others,
    # shown without saying which splitter cut where
    python benchmarks/split_points.py sheet /tmp/splits-before.json /tmp/splits-after.json --set duc2006 --sample 150
    # precision and recall of a split, per set, of the current tree (and of any records given)
    python benchmarks/split_points.py score benchmarks/splits/judgments.jsonl --record /tmp/splits-before.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from chorus.segment import split_sentences

SHARED = Path(os.environ.get("CHORUS_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SETS = {"duc2006": "duc2006/clusters.jsonl", "duc2007": "duc2007-update/clusters.jsonl"}
# After a sentence mark, closing marks, then whitespace: where a sentence could start.
POINT = re.compile(r"""[.!?…](?:[)\]"'”’]|'')*\s+(?=\S)""")
CONTEXT_BEFORE, CONTEXT_AFTER = 90, 60


def paragraphs(set_name: str) -> Iterator[tuple[str, str]]:
    """(paragraph key, paragraph) of every article of the set: "duc2006/D0601A/APW19990707.0190/3"."""
    with (SHARED / "data" / SETS[set_name]).open(encoding="utf-8") as lines:
        for line in lines:
            cluster = json.loads(line)
            for doc_id, text in zip(cluster["doc_ids"], cluster["documents"]):
                for p, paragraph in enumerate(text.split("\n\n")):
                    paragraph = " ".join(paragraph.split())
                    if paragraph:
                        yield f"{set_name}/{cluster['id']}/{doc_id}/{p}", paragraph


def cuts(paragraph: str) -> set[int]:
    """Offsets where the current splitter starts a sentence (after the first)."""
    found: set[int] = set()
    at = 0
    for sentence in split_sentences(paragraph):
        start = paragraph.find(sentence, at)
        if start < 0:  # the splitter joined pieces with one space where the text had one too
            start = paragraph.find(sentence[:20], at)
        if start > 0:
            found.add(start)
        at = max(at, start + 1)
    return found


def record(set_names: list[str]) -> dict[str, bool]:
    """{"<paragraph key>/<offset>": cut?} for every point of the sets."""
    out: dict[str, bool] = {}
    for name in set_names:
        for key, paragraph in paragraphs(name):
            cut = cuts(paragraph)
            for offset in sorted({m.end() for m in POINT.finditer(paragraph)} | cut):
                out[f"{key}/{offset}"] = offset in cut
    return out


def context(paragraph: str, offset: int) -> str:
    return (
        f"{paragraph[max(0, offset - CONTEXT_BEFORE) : offset].rstrip()} | {paragraph[offset : offset + CONTEXT_AFTER]}"
    )


def sheet(before: dict[str, bool], after: dict[str, bool], set_name: str, sample: int, seed: int) -> list[dict]:
    """Points to judge: where the records differ, then ``sample`` of the points where they agree."""
    texts = dict(paragraphs(set_name))
    points = [k for k in sorted(set(before) | set(after)) if k.startswith(set_name + "/")]
    differ = [k for k in points if before.get(k, False) != after.get(k, False)]
    agree = [k for k in points if before.get(k, False) == after.get(k, False)]
    chosen = differ + random.Random(seed).sample(agree, min(sample, len(agree)))
    rows = []
    for point in chosen:
        key, offset = point.rsplit("/", 1)
        rows.append(
            {
                "point": point,
                "drawn": "differ" if point in differ else "sample",
                "context": context(texts[key], int(offset)),
            }
        )
    return rows


def score(judged: list[dict], decisions: dict[str, bool]) -> dict[str, dict[str, float]]:
    """Per set (and drawn part): judged points, true cuts, precision and recall of a cut."""
    out: dict[str, dict[str, float]] = {}
    for row in judged:
        set_name = row["point"].split("/", 1)[0]
        for part in (set_name, f"{set_name} {row['drawn']}"):
            counts = out.setdefault(part, {"points": 0, "ends": 0, "cut": 0, "right_cuts": 0})
            cut = decisions.get(row["point"], False)
            counts["points"] += 1
            counts["ends"] += row["split"]
            counts["cut"] += cut
            counts["right_cuts"] += cut and row["split"]
    for counts in out.values():
        counts["precision"] = counts["right_cuts"] / counts["cut"] if counts["cut"] else 1.0
        counts["recall"] = counts["right_cuts"] / counts["ends"] if counts["ends"] else 1.0
    return out


def live_decisions(judged: list[dict]) -> dict[str, bool]:
    """The current tree's cut at each judged point."""
    wanted: dict[str, set[int]] = {}
    for row in judged:
        key, offset = row["point"].rsplit("/", 1)
        wanted.setdefault(key, set()).add(int(offset))
    out: dict[str, bool] = {}
    for name in sorted({k.split("/", 1)[0] for k in wanted}):
        for key, paragraph in paragraphs(name):
            if key in wanted:
                cut = cuts(paragraph)
                out.update({f"{key}/{o}": o in cut for o in wanted[key]})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="where the current splitter cuts, at every point")
    rec.add_argument("-o", "--out", required=True)
    rec.add_argument("--set", action="append", choices=sorted(SETS), help="default: both")
    sh = sub.add_parser("sheet", help="points to judge (JSON lines), from two records")
    sh.add_argument("before")
    sh.add_argument("after")
    sh.add_argument("--set", required=True, choices=sorted(SETS))
    sh.add_argument("--sample", type=int, default=150)
    sh.add_argument("--seed", type=int, default=16)
    sc = sub.add_parser("score", help="precision and recall of a cut on the judged points")
    sc.add_argument("judgments")
    sc.add_argument("--record", action="append", default=[], help="a record of another tree, scored beside")
    args = parser.parse_args()
    if args.command == "record":
        Path(args.out).write_text(json.dumps(record(args.set or sorted(SETS))), encoding="utf-8")
        return 0
    if args.command == "sheet":
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (args.before, args.after))
        for row in sheet(before, after, args.set, args.sample, args.seed):
            print(json.dumps(row, ensure_ascii=False))
        return 0
    judged = [
        json.loads(line) for line in Path(args.judgments).read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    runs = [("this tree", live_decisions(judged))]
    runs += [(p, json.loads(Path(p).read_text(encoding="utf-8"))) for p in args.record]
    print("| splitter | part | points | sentence ends | cuts | right cuts | precision | recall |")
    print("|---|---|---|---|---|---|---|---|")
    for name, decisions in runs:
        for part, c in sorted(score(judged, decisions).items()):
            print(
                f"| {name} | {part} | {c['points']} | {c['ends']} | {c['cut']} | {c['right_cuts']} | "
                f"{c['precision']:.3f} | {c['recall']:.3f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
