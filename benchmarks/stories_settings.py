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

Small pools (session s16), for the rules that must hold when a pool is one
subject's few articles: "events, each topic alone" groups each of the
events pool's seven topics alone and scores the seven runs as one partition
against the judged events; "crashes alone, pairs a day apart" groups each of
DUC 2006's two plane-crash topics (Concorde, EgyptAir 990) alone and counts
the pairs of articles at most a day apart that share a story (the share of
such pairs: one crash told over two days is one event). ``--kept-aside``
adds the columns of ``stories_command.py --pool small`` (three topics each
alone as one partition, and together), the pool no setting was chosen on:
give it only to re-check a choice made without it.

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
from stories_command import DUC_EVENTS, DUC_SMALL, aside_files, stem_of, stream
from stories_grouping import bcubed, extended_bcubed, forgive_splits

POOLS = ("duc2006", "duc2007", "aside", "events")
EVENTS_ALONE, CRASHES_ALONE = "events, each topic alone", "crashes alone, pairs a day apart"
SMALL_ALONE, SMALL_TOGETHER = "kept aside: small, each topic alone", "kept aside: small, together"
CRASH_TOPICS = ("D0631D", "D0617H")  # the Air France Concorde, EgyptAir 990 (one crash each)
PAIR_DAYS = 1  # articles at most this many days apart in a crash topic: one event's, as its protocol reads


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


def topics_features(data: Path, pool: str, topics: list[str]) -> list[tuple[list, dict[str, list[str]]]]:
    """Each topic's features alone (the command's order) and its articles' labels."""
    out = []
    for topic in topics:
        articles, labels, _ = stream(data, pool, {topic})
        out.append((features_of(articles, []), labels))
    return out


def features_of(articles: list[dict], inputs: list[str]) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        lines = Path(tmp) / "pool.jsonl"
        lines.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        rejected: list = []
        cleaned = prepare_articles(key_articles(read_items([str(lines), *inputs], rejected, []), rejected), rejected)
        return [document_features(a.key, a.document) for a in cleaned]


def each_alone(runs: list[tuple[list, dict[str, list[str]]]], settings: GroupingSettings) -> tuple:
    """The runs grouped one by one and scored as one partition: stories, B-cubed F1, F1 splits forgiven."""
    predicted, truth = [], []
    for n, (features, labels) in enumerate(runs):
        grouper = StoryGrouper(settings)
        grouper.add(features)
        predicted += [f"{n}:{s}" for s in grouper.story_of]
        truth += [labels[stem_of(f.key)][0] for f in features]
    return len(set(predicted)), bcubed(predicted, truth)[2], bcubed(forgive_splits(predicted, truth), truth)[2]


def close_pairs_together(runs: list[tuple[list, dict[str, list[str]]]], settings: GroupingSettings) -> tuple:
    """Each run grouped alone: its stories, and the share of its pairs of dated articles at most PAIR_DAYS apart
    that share a story (the runs' pairs counted together)."""
    stories, together, pairs = 0, 0, 0
    for features, _ in runs:
        grouper = StoryGrouper(settings)
        grouper.add(features)
        stories += len(set(grouper.story_of))
        for i, a in enumerate(features):
            for j in range(i):
                b = features[j]
                if a.day is not None and b.day is not None and abs(a.day - b.day) <= PAIR_DAYS:
                    pairs += 1
                    together += grouper.story_of[i] == grouper.story_of[j]
    return stories, together / pairs if pairs else 1.0, float(pairs)


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
    parser.add_argument("--kept-aside", action="store_true", help="also the kept-aside small pools (re-check only)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    variants = [("defaults", GroupingSettings())] + [variant(v) for v in args.variant]
    pools = {pool: pool_features(args.data, pool) for pool in POOLS}
    events_topics = json.loads(DUC_EVENTS.read_text(encoding="utf-8"))["topics"]
    small = {EVENTS_ALONE: topics_features(args.data, "events", events_topics)}
    small[CRASHES_ALONE] = topics_features(args.data, "duc2006", list(CRASH_TOPICS))
    if args.kept_aside:
        small_topics = json.loads(DUC_SMALL.read_text(encoding="utf-8"))["topics"]
        small[SMALL_ALONE] = topics_features(args.data, "small", small_topics)
        articles, labels, _ = stream(args.data, "small")
        small[SMALL_TOGETHER] = [(features_of(articles, []), labels)]
    columns = [(pool, part) for pool in POOLS for part in (("whole", "kept aside") if pool == "aside" else ("whole",))]
    columns += [(name, "whole") for name in small]
    print(
        "| settings | "
        + " | ".join(f"{p} {part}: stories, F1, F1 splits forgiven" for p, part in columns[: -len(small)])
        + " | "
        + " | ".join(f"{p}: stories, F1, forgiven" if p != CRASHES_ALONE else f"{p}: stories, share" for p in small)
        + " |"
    )
    print("|---" * (len(columns) + 1) + "|")
    figures = {}
    for name, settings in variants:
        results = {pool: scored(*pools[pool], settings) for pool in POOLS}
        for pool, runs in small.items():
            measure = close_pairs_together if pool == CRASHES_ALONE else each_alone
            results[pool] = {"whole": measure(runs, settings)}
        figures[name] = {pool: {part: list(v) for part, v in r.items()} for pool, r in results.items()}
        cells = [results[p][part] for p, part in columns]
        shown = [
            f"{n}, {f:.3f} of {s:.0f} pairs" if pool == CRASHES_ALONE else f"{n}, {f:.3f}, {s:.3f}"
            for (pool, _), (n, f, s) in zip(columns, cells)
        ]
        print(f"| {name} | " + " | ".join(shown) + " |", flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
