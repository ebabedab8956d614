"""How well the rule-based recogniser types the entities a story report lists (hand-judged).

``benchmarks/entities/judgments.tsv`` holds, for the top ``--top`` entities of each cluster of the
set (the report's order: most outlets, then most mentions), the kind a reader gave each one
(person / place / organization / other; "not an entity" is other). See
``benchmarks/entities/README.md`` for the protocol. This script recomputes the entities with the
current tree, matches each judged name to the entity of that name (or the entity that lists it as a
variant), and prints per-kind precision and recall over the judged entities, per part::

    nice python benchmarks/entity_kinds.py                       # score the current tree
    nice python benchmarks/entity_kinds.py --dump dev --top 30   # list a part's entities to judge

A judged name the tree no longer finds as an entity counts as typed "other" (it is not listed).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from chorus.analysis.entities import KINDS, Entity, find_entities
from chorus.pipeline import build_story, load_documents
from common import SHARED, read_clusters

HERE = Path(__file__).resolve().parent / "entities"
JUDGMENTS = HERE / "judgments.tsv"
# part -> (dataset under the shared folder or an example folder, cluster ids); an example folder is one cluster.
PARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "dev": ("data/duc2006/clusters.jsonl", ("D0601A", "D0602B", "D0603C", "D0604D")),
    "kept": ("data/duc2007-update/clusters.jsonl", ("D0706B-A", "D0711C-A", "D0740I-A")),
    "kept-example": ("examples/lavrov-hamas", ("lavrov-hamas",)),
    # Round 2 (session s11): a new kept-aside part, judged on main 5a6e029 before the round's rules.
    "kept2-2006": ("data/duc2006/clusters.jsonl", ("D0605E", "D0606F")),
    "kept2-2007": ("data/duc2007-update/clusters.jsonl", ("D0703A-A", "D0716D-A")),
}


def part_of(name: str) -> str:
    """The part a source belongs to: the example is the first kept part's, both kept2 sources kept2's."""
    return "kept" if name == "kept-example" else name.split("-")[0]


def stories(part: str) -> dict[str, Any]:
    source, ids = PARTS[part]
    path = SHARED / source
    if path.is_dir():
        files = sorted(path.glob("*.txt"))
        return {ids[0]: build_story(load_documents(files, []), None, [])}
    return {c.id: build_story(load_documents(c.documents, []), None, []) for c in read_clusters(path) if c.id in ids}


def dump(part_names: list[str], top: int) -> None:
    """The top entities of each cluster with one sentence each, for judging (tab-separated)."""
    for part in part_names:
        for cid, story in stories(part).items():
            for entity in find_entities(story)[:top]:
                m = entity.mentions[0]
                sentence = story.sentences[m.sentence].text.replace("\t", " ").replace("\n", " ")
                print("\t".join([part_of(part), cid, entity.name, entity.kind, str(entity.count), sentence[:200]]))


def read_judgments() -> list[dict[str, str]]:
    with JUDGMENTS.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")]
    for r in rows:
        if r["kind"] not in KINDS:
            raise SystemExit(f"bad kind {r['kind']!r} for {r['name']!r}")
    return rows


def predicted(entities: list[Entity], name: str) -> str:
    for entity in entities:
        if entity.name == name:
            return entity.kind
    for entity in entities:
        if name in entity.variants:
            return entity.kind
    return "other"


def scores(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Per-kind precision and recall of ``(judged, predicted)`` pairs, and accuracy."""
    out: dict[str, Any] = {"n": len(pairs), "accuracy": sum(j == p for j, p in pairs) / max(1, len(pairs))}
    for kind in KINDS:
        tp = sum(j == p == kind for j, p in pairs)
        said = sum(p == kind for _, p in pairs)
        true = sum(j == kind for j, _ in pairs)
        out[kind] = {
            "precision": tp / said if said else None,
            "recall": tp / true if true else None,
            "predicted": said,
            "judged": true,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dump", nargs="*", help="list the entities of these parts to judge")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--part", action="append", help="score only these parts (dev, kept, kept2)")
    parser.add_argument("--errors", action="store_true", help="list the judged entities typed wrong")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.dump is not None:
        dump(args.dump or list(PARTS), args.top)
        return 0
    judged = read_judgments()
    wanted = set(args.part or ("dev", "kept", "kept2"))
    by_cluster: dict[str, list[dict[str, str]]] = {}
    for r in judged:
        if r["part"] in wanted:
            by_cluster.setdefault(r["cluster"], []).append(r)
    pairs: dict[str, list[tuple[str, str]]] = {}
    errors = []
    for part in PARTS:
        if part_of(part) not in wanted:
            continue
        for cid, story in stories(part).items():
            entities = find_entities(story)
            for r in by_cluster.get(cid, []):
                got = predicted(entities, r["name"])
                pairs.setdefault(r["part"], []).append((r["kind"], got))
                if got != r["kind"]:
                    errors.append((cid, r["name"], r["kind"], got))
    results = {part: scores(p) for part, p in pairs.items()}
    print("| part | judged | accuracy | " + " | ".join(f"{k} P / R (predicted, judged)" for k in KINDS) + " |")
    print("|---|---|---|" + "---|" * len(KINDS))
    for part, s in results.items():

        def cell(k: str) -> str:
            p, r = s[k]["precision"], s[k]["recall"]
            fmt = lambda v: "-" if v is None else f"{v:.2f}"  # noqa: E731
            return f"{fmt(p)} / {fmt(r)} ({s[k]['predicted']}, {s[k]['judged']})"

        print(f"| {part} | {s['n']} | {s['accuracy']:.2f} | " + " | ".join(cell(k) for k in KINDS) + " |")
    if args.errors:
        for e in errors:
            print("\t".join(e))
    if args.json:
        args.json.write_text(json.dumps({"scores": results, "errors": errors}, indent=1))
    confusion = Counter((j, p) for p in pairs.values() for j, p in p)
    print("confusion (judged -> predicted):", dict(sorted(confusion.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
