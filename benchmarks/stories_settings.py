"""The grouping's settings side by side on the pools of `stories_command.py`, as the command makes their features.

Each pool's articles are read and cleaned as ``chorus stories`` reads them
(the stream and the further inputs of ``stories_command.py --pool``), their
features made once, then grouped by ``chorus.digest.grouping`` under the
default settings and under each variant given with ``--variant``
(``name=value,...`` of ``GroupingSettings`` fields), and scored as
``stories_command.py`` scores them: B-cubed F1 (a DUC document filed under
two topics right in either), and with splits forgiven (each story takes the
label of most of its articles), for the DUC 2006 and DUC 2007 update pools
(topics), the kept-aside pool (whole, and its web pages and Lavrov articles
alone) and the DUC events pool (judged events). The default row equals
``stories_command.py``'s chorus rows (the same features in the same order).

    python benchmarks/stories_settings.py ../shared/data --variant time_penalty=0.02 --variant time_penalty=0.06
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import fields, replace
from pathlib import Path

from chorus.digest.features import document_features
from chorus.digest.grouping import GroupingSettings, StoryGrouper
from chorus.digest.inputs import key_articles, prepare_articles, read_items
from stories_command import aside_files, stem_of, stream
from stories_grouping import bcubed, extended_bcubed, forgive_splits

POOLS = ("duc2006", "duc2007", "aside", "events")


def pool_features(data: Path, pool: str) -> tuple[list, dict[str, list[str]], set[str]]:
    """The pool's features in the command's order, each article's labels, and the kept-aside articles."""
    articles, labels, _ = stream(data, pool)
    with tempfile.TemporaryDirectory() as tmp:
        inputs, aside = aside_files(data, Path(tmp)) if pool == "aside" else ([], {})
        lines = Path(tmp) / "pool.jsonl"
        lines.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        rejected: list = []
        cleaned = prepare_articles(key_articles(read_items([str(lines), *inputs], rejected, []), rejected), rejected)
        features = [document_features(a.key, a.document) for a in cleaned]
    return features, labels | {k: [event] for k, event in aside.items()}, set(aside)


def scored(features: list, labels: dict[str, list[str]], aside: set[str], settings: GroupingSettings) -> dict:
    grouper = StoryGrouper(settings)
    grouper.add(features)
    keys = [stem_of(f.key) for f in features]
    predicted = list(grouper.story_of)
    truth = [labels[k][0] for k in keys]
    out = {
        "whole": (
            len(set(predicted)),
            extended_bcubed(predicted, [frozenset(labels[k]) for k in keys])[2],
            bcubed(forgive_splits(predicted, truth), truth)[2],
        )
    }
    if aside:
        part = [i for i, k in enumerate(keys) if k in aside]
        p, t = [predicted[i] for i in part], [truth[i] for i in part]
        out["kept aside"] = (len(set(p)), bcubed(p, t)[2], bcubed(forgive_splits(p, t), t)[2])
    return out


def variant(text: str) -> tuple[str, GroupingSettings]:
    known = {f.name: f.type for f in fields(GroupingSettings)}
    changes = {}
    for item in text.split(","):
        name, _, value = item.partition("=")
        if name not in known:
            sys.exit(f"not a grouping setting: {name!r} (one of {', '.join(known)})")
        changes[name] = (
            None
            if value == "None"
            else int(value)
            if value.lstrip("-").isdigit()
            else value
            if name == "grouping"
            else float(value)
        )
    return text, replace(GroupingSettings(), **changes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument("--variant", action="append", default=[], help="name=value,... of GroupingSettings")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    variants = [("defaults", GroupingSettings())] + [variant(v) for v in args.variant]
    pools = {pool: pool_features(args.data, pool) for pool in POOLS}
    columns = [(pool, part) for pool in POOLS for part in (("whole", "kept aside") if pool == "aside" else ("whole",))]
    print("| settings | " + " | ".join(f"{p} {part}: stories, F1, F1 splits forgiven" for p, part in columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    figures = {}
    for name, settings in variants:
        results = {pool: scored(*pools[pool], settings) for pool in POOLS}
        figures[name] = {pool: {part: list(v) for part, v in r.items()} for pool, r in results.items()}
        cells = [results[p][part] for p, part in columns]
        print(f"| {name} | " + " | ".join(f"{n}, {f:.3f}, {s:.3f}" for n, f, s in cells) + " |", flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
