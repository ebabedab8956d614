"""Which entities a rule change adds, drops or retypes, over every DUC 2006 / 2007 cluster and the examples.

The hand-judged set (``entity_kinds.py``) holds each cluster's top 30 entities; a rule about rarer
words moves entities outside it. This lists all of them, so that each change can be read and judged::

    nice python benchmarks/entity_changes.py --json /tmp/entities-before.json                  # old tree
    nice python benchmarks/entity_changes.py --json /tmp/entities-after.json \\
        --against /tmp/entities-before.json                                                     # new tree

An entity is its name and kind with its mention count; a change is printed as
``cluster  name  kind before -> kind after  (mentions)`` ("-" where it is not listed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from chorus.analysis.entities import find_entities
from chorus.pipeline import build_story, load_documents
from common import SHARED, read_clusters

DATASETS = ("data/duc2006/clusters.jsonl", "data/duc2007-update/clusters.jsonl")
EXAMPLES = (SHARED / "examples" / "lavrov-hamas", Path(__file__).resolve().parents[1] / "examples" / "harbor-fire")


def all_entities() -> dict[str, dict[str, list]]:
    """``{cluster id: {entity name: [kind, mentions]}}``."""
    out: dict[str, dict[str, list]] = {}
    stories = []
    for dataset in DATASETS:
        stories += [(c.id, c.documents) for c in read_clusters(SHARED / dataset)]
    stories += [(folder.name, sorted(folder.glob("*.txt"))) for folder in EXAMPLES]
    for cid, documents in stories:
        story = build_story(load_documents(documents, []), None, [])
        out[cid] = {e.name: [e.kind, e.count] for e in find_entities(story)}
    return out


def changes(before: dict[str, dict[str, list]], after: dict[str, dict[str, list]]) -> list[tuple]:
    found = []
    for cid in sorted(set(before) | set(after)):
        old, new = before.get(cid, {}), after.get(cid, {})
        for name in sorted(set(old) | set(new)):
            a, b = old.get(name), new.get(name)
            if (a and a[0]) != (b and b[0]):
                count = (b or a)[1]
                found.append((cid, name, a[0] if a else "-", b[0] if b else "-", count))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, required=True, help="write this tree's entities here")
    parser.add_argument("--against", type=Path, help="a record of another tree to compare with")
    args = parser.parse_args(argv)
    entities = all_entities()
    args.json.write_text(json.dumps(entities, ensure_ascii=False))
    if args.against:
        found = changes(json.loads(args.against.read_text()), entities)
        for cid, name, a, b, count in found:
            print(f"{cid}\t{name}\t{a} -> {b}\t({count})")
        print(f"{len(found)} entities changed in {len({f[0] for f in found})} clusters", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
