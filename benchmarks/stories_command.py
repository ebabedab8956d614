"""`chorus stories` as a user runs it, on a pooled stream of DUC articles whose stories are known.

`stories_grouping.py` scores the grouping alone (``chorus.digest.grouping``
on features it makes itself). This runs the command itself: the articles of
DUC clusters written as a JSONL stream of articles (``{"id", "title"?,
"text"}``: the NIST document id, which dates a wire story, and DUC 2006's
headline; no cluster), shuffled, given to ``chorus stories --format json``
in a subprocess, and each article's story read back from the digest. Every
article must come back in exactly one story or as rejected with a reason.

A document that DUC files under two topics is written once (a stream holds
an article once); it counts right in either of its topics (the extended
B-cubed of Amigó, Gonzalo, Artiles & Verdejo 2009), and "B3 F1, first
topic" gives it only its first. An article rejected by the command (a
syndicate's note that is no story) is counted apart and left out of the
scores.

DUC 2007's update task has three sets (A, B, C) of one topic: its
documents in time order, cut in three (earlier and later news of one
subject, not other events). They are scored twice: with a topic as one
story ("topic"), and with each set its own label ("set"), which says how
far chorus's stories split a topic along time; the F1 with splits forgiven
(each story takes the label of most of its articles) tells whether the
stories stay inside one set.

    python benchmarks/stories_command.py ../shared/data --pool all --json /tmp/bench/stories-command.json
    python benchmarks/stories_command.py ../shared/data --pool duc2007   # 250 articles, the A/B/C sets
    python benchmarks/stories_command.py ../shared/data --pool aside     # the kept-aside pool, with baselines
    python benchmarks/stories_command.py ../shared/data --pool events --baselines   # the DUC events pool
    python benchmarks/stories_command.py ../shared/data --pool duc2006 --grouping topic   # `--grouping topic`

The kept-aside pool (``--pool aside``) is DUC 2007 update's stream with,
as further arguments of the same command, the 83 real web pages of
``web-pages/`` saved as HTML files (a day's news of many outlets, November
2019; which of them report one event was judged before the pool was scored:
``benchmarks/stories/PROTOCOL.md``, ``web-pages-events.json``) and the
folder of the five Lavrov articles (``../shared/examples/lavrov-hamas``,
one event, undated, page furniture left in). Nothing of the web pages or
the Lavrov articles was used to tune the grouping. Its scores are given
for the whole pool, for the kept-aside articles alone (their stories as
grouped in the pool) and for the DUC 2007 articles alone.

The DUC events pool (``--pool events``) is the 175 articles of seven DUC
topics of many events of one field, each article's *event* judged
(``benchmarks/stories/duc-events.md``, ``duc-events.json``): a story should
be one event, and another event of the same field another story. Its
labels are events, not topics; the F1 with splits forgiven gives each
story the event of most of its articles.

``--baselines`` (always on for ``--pool aside``) scores, in the same run and
on the same articles as chorus cleans them, k-means on TF-IDF given the true
number of labels (mean of three seeds) and single link cut at cosine
``SINGLE_LINK_SIMILARITY`` (the threshold ``stories_grouping.py`` chose on
its tuning pools).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from stories_grouping import (  # the same scores and baselines, one source
    KMEANS_SEEDS,
    SHUFFLE_SEED,
    bcubed,
    extended_bcubed,
    forgive_splits,
    run_kmeans,
    run_single_link,
)

HERE = Path(__file__).resolve().parent
WEB_EVENTS = HERE / "stories" / "web-pages-events.json"
DUC_EVENTS = HERE / "stories" / "duc-events.json"
DUC_SMALL = HERE / "stories" / "duc-small-events.json"
# The small pools of --pool small (duc-small-events.md): each judged topic alone, the three together, and the
# three with the real web pages; "the topics alone" scores the three single-topic runs as one partition.
SMALL_ALONE = "alone"
SMALL_TOGETHER = "the three topics together"
SMALL_WITH_PAGES = "the three topics and the web pages"
LAVROV_EVENT = "lavrov-hamas"
SINGLE_LINK_SIMILARITY = 0.2  # stories_grouping.py's choice on its tuning pools (BENCHMARKS.md)
FILE_SUFFIXES = (".html", ".txt")


def read_clusters(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def stream(
    data: Path, pool: str, only: set[str] | None = None
) -> tuple[list[dict], dict[str, list[str]], dict[str, str]]:
    """The articles of the pool (one line each, shuffled), each document's topics, and its DUC 2007 set
    (``only``: of these topics alone)."""
    sources = {
        "duc2006": ["duc2006"],
        "duc2007": ["duc2007-update"],
        "aside": ["duc2007-update"],
        "all": ["duc2006", "duc2007-update"],
        "events": ["duc2006", "duc2007-update"],
        "small": ["duc2006"],
    }[pool]
    judged = {"events": DUC_EVENTS, "small": DUC_SMALL}.get(pool)
    events = json.loads(judged.read_text(encoding="utf-8")) if judged else None
    event_of = {d: name for name, ids in events["events"].items() for d in ids} if events else {}
    lines: dict[str, dict] = {}
    topics: dict[str, list[str]] = {}
    sets: dict[str, str] = {}
    for source in sources:
        for cluster in read_clusters(data / source / "clusters.jsonl"):
            topic = cluster["id"].split("-")[0]  # D0703A-B: topic D0703A, set B
            if (events is not None and topic not in events["topics"]) or (only is not None and topic not in only):
                continue
            headlines = cluster.get("doc_headlines") or [None] * len(cluster["documents"])
            for text, doc_id, title in zip(cluster["documents"], cluster["doc_ids"], headlines):
                if doc_id not in lines:
                    lines[doc_id] = {"id": doc_id, **({"title": title} if title else {}), "text": text}
                label = event_of.get(doc_id, f"article {doc_id}") if events is not None else topic
                topics.setdefault(doc_id, [])
                if label not in topics[doc_id]:
                    topics[doc_id].append(label)
                if events is None:
                    sets.setdefault(doc_id, cluster["id"])
    order = sorted(lines)
    random.Random(SHUFFLE_SEED).shuffle(order)
    return [lines[d] for d in order], topics, sets


def aside_files(data: Path, folder: Path, lavrov: bool = True) -> tuple[list[str], dict[str, str]]:
    """The kept-aside inputs beside the stream (the web pages as HTML files in ``folder``, the Lavrov
    folder unless not ``lavrov``) and each article's event, by its file name without the suffix."""
    judged = json.loads(WEB_EVENTS.read_text(encoding="utf-8"))
    event = {key: name for name, keys in judged["events"].items() for key in keys}
    pages = folder / "web-pages"
    pages.mkdir()
    truth = {}
    for key in judged["judged"]:
        html = gzip.decompress((data / "web-pages" / "html" / f"{key}.html.gz").read_bytes())
        (pages / f"{key}.html").write_bytes(html)
        truth[key] = event.get(key, f"page {key[:8]}")
    if not lavrov:
        return [str(pages)], truth
    folder_of_lavrov = data.parent / "examples" / LAVROV_EVENT
    truth |= {p.stem: LAVROV_EVENT for p in folder_of_lavrov.glob("*.txt")}
    return [str(pages), str(folder_of_lavrov)], truth


def stem_of(key: str) -> str:
    """A file's article by its name without the suffix (a stream's article by its id)."""
    return next((key[: -len(s)] for s in FILE_SUFFIXES if key.endswith(s)), key)


def cleaned_texts(inputs: list[str]) -> dict[str, str]:
    """Each usable article's headline and cleaned text, by its key, read and cleaned as the command does."""
    from chorus.digest.inputs import Rejected, key_articles, prepare_articles, read_items

    rejected: list[Rejected] = []
    articles = prepare_articles(key_articles(read_items(inputs, rejected, []), rejected), rejected)
    return {a.key: f"{a.document.title or ''}\n{a.document.text}" for a in articles}


def baselines(texts: list[str], truth: list[str], part: list[int] | None = None) -> dict[str, dict]:
    """k-means on TF-IDF given the true number of labels (mean of the seeds) and single link, scored on
    every article and, with ``part``, on those articles alone (as grouped with the others)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    k = len(set(truth))

    def scored(runs: list[list]) -> dict[str, dict]:
        out = {}
        for name, indexes in (("topics", range(len(truth))), ("kept_aside", part)):
            if indexes is None:
                continue
            each = [scores([r[i] for i in indexes], [truth[i] for i in indexes]) for r in runs]
            out[name] = {key: round(sum(e[key] for e in each) / len(each), 3) for key in each[0]}
        return out

    return {
        f"k-means on TF-IDF, true k={k} (mean of {len(KMEANS_SEEDS)} seeds)": scored(run_kmeans(matrix, k)),
        f"single link, cosine ≥ {SINGLE_LINK_SIMILARITY}": scored([run_single_link(matrix, SINGLE_LINK_SIMILARITY)]),
    }


def run_command(
    chorus: str, articles: list[dict], extra: list[str], inputs: list[str] = (), pool_file: Path | None = None
) -> tuple[dict, float, float]:
    """The digest of ``chorus stories`` on the articles (and further inputs), its wall time and CPU seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        pool = pool_file or Path(tmp) / "pool.jsonl"
        pool.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        out = Path(tmp) / "digest.json"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(
            [chorus, "stories", str(pool), *inputs, "--format", "json", "-o", str(out), *extra],
            capture_output=True,
            text=True,
            env={**os.environ},
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            sys.exit(f"chorus stories failed ({done.returncode}): {done.stderr.strip()}")
        print(done.stderr.strip(), file=sys.stderr)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return json.loads(out.read_text(encoding="utf-8")), wall, cpu


def story_of_each(digest: dict) -> tuple[dict[str, str], dict[str, str]]:
    """Each article's story id, and each rejected article's reason."""
    story = {}
    for s in digest["stories"] + digest["hidden"]:
        for d in s["documents"]:
            if d["key"] in story:
                sys.exit(f"{d['key']} is in two stories")
            story[stem_of(d["key"])] = s["id"]
    return story, {stem_of(r["where"]): r["reason"] for r in digest["rejected"]}


def scores(predicted: list, truth: list, topics: list[frozenset[str]] | None = None) -> dict:
    from sklearn.metrics import adjusted_rand_score

    p, r, f = extended_bcubed(predicted, topics) if topics is not None else bcubed(predicted, truth)
    return {
        "stories": len(set(predicted)),
        "labels": len(set(truth)),
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "f1_first_topic": round(bcubed(predicted, truth)[2], 3),
        "ari": round(adjusted_rand_score(truth, predicted), 3),
        "f1_splits_forgiven": round(bcubed(forgive_splits(predicted, truth), truth)[2], 3),
    }


ROW_HEADER = (
    "| truth | articles | labels | stories | B3 P | B3 R | B3 F1 | B3 F1, first topic | ARI | F1, splits forgiven |"
)


def row(name: str, n: int, s: dict) -> str:
    first = f"{s['f1_first_topic']:.3f}" if "f1_first_topic" in s else "—"
    return (
        f"| {name} | {n} | {s['labels']} | {s['stories']} | {s['precision']:.3f} | {s['recall']:.3f} "
        f"| {s['f1']:.3f} | {first} | {s['ari']:.3f} | {s['f1_splits_forgiven']:.3f} |"
    )


def small_parts(data: Path, folder: Path) -> Iterator[tuple[str, list[dict], dict[str, list[str]], list[str], set]]:
    """The runs of ``--pool small``: each judged topic alone, the three together, the three with the web pages
    (name, the stream's articles, each article's event, the further inputs, the keys of those inputs)."""
    topics = json.loads(DUC_SMALL.read_text(encoding="utf-8"))["topics"]
    for topic in topics:
        articles, labels, _ = stream(data, "small", {topic})
        yield f"{topic} {SMALL_ALONE}", articles, labels, [], set()
    articles, labels, _ = stream(data, "small")
    yield SMALL_TOGETHER, articles, labels, [], set()
    inputs, pages = aside_files(data, folder, lavrov=False)
    yield SMALL_WITH_PAGES, articles, labels | {k: [e] for k, e in pages.items()}, inputs, set(pages)


def run_small(args: argparse.Namespace, extra: list[str]) -> int:
    """``--pool small``: one command per run of ``small_parts``, each scored against the judged events."""
    figures: dict = {"pool": "small", "grouping": args.grouping or "the command's default", "runs": {}}
    alone: tuple[list, list] = ([], [])  # the single-topic runs as one partition (story ids made distinct)
    print(
        "| run | articles | labels | stories | B3 P | B3 R | B3 F1 | B3 F1, first topic | ARI | F1, splits forgiven |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, articles, labels, inputs, extra_keys) in enumerate(small_parts(args.data, Path(tmp))):
            pool_file = Path(tmp) / f"pool-{n}.jsonl"
            digest, wall, cpu = run_command(args.chorus, articles, extra, inputs, pool_file)
            story, rejected = story_of_each(digest)
            keys = [a["id"] for a in articles] + sorted(extra_keys)
            lost = [k for k in keys if k not in story and k not in rejected]
            if lost or digest["articles_in"] != len(keys) or digest["articles_out"] != len(keys):
                sys.exit(f"{name}: articles lost: {lost[:5]} ({digest['articles_in']}, {digest['articles_out']})")
            kept = [k for k in keys if k in story]
            predicted, truth = [story[k] for k in kept], [labels[k][0] for k in kept]
            run = {"articles": len(keys), "rejected": {k: rejected[k] for k in keys if k in rejected}}
            run |= {"wall_seconds": round(wall, 1), "cpu_seconds": round(cpu, 1), "events": scores(predicted, truth)}
            rows = [(name, "events", kept)]
            if extra_keys:
                duc = [i for i, k in enumerate(kept) if k not in extra_keys]
                run["duc_only"] = scores([predicted[i] for i in duc], [truth[i] for i in duc])
                rows.append((f"{name}: the DUC articles alone, as grouped with the pages", "duc_only", duc))
            if name.endswith(SMALL_ALONE):
                alone[0].extend(f"{n}:{p}" for p in predicted)
                alone[1].extend(truth)
            if args.baselines:
                text_of = {stem_of(t): v for t, v in cleaned_texts([str(pool_file), *inputs]).items()}
                run["baselines"] = baselines([text_of[k] for k in kept], truth)
            run["wrong_stories"] = [
                {"story": p, "articles": [k for k, q in zip(kept, predicted) if q == p]}
                for p in sorted(set(predicted))
                if len({labels[k][0] for k, q in zip(kept, predicted) if q == p}) > 1
            ]
            figures["runs"][name] = run
            for label, key, which in rows:
                print(row(label, len(which), run[key]), flush=True)
            for baseline, by_part in run.get("baselines", {}).items():
                print(row(f"{name}: {baseline}", len(kept), by_part["topics"]), flush=True)
    figures["topics_alone"] = scores(*alone)
    print(
        row(
            f"the {len(figures['runs']) - 2} topics each alone, as one partition",
            len(alone[1]),
            figures["topics_alone"],
        )
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument("--pool", choices=("all", "duc2006", "duc2007", "aside", "events", "small"), default="all")
    parser.add_argument("--chorus", default=str(Path(sys.executable).with_name("chorus")), help="the command")
    parser.add_argument("--summaries", action="store_true", help="let the command summarize each story too")
    parser.add_argument("--baselines", action="store_true", help="k-means and single link in the same run")
    parser.add_argument(
        "--grouping", choices=("event", "topic"), help="the command's --grouping (default: the command's default)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    extra = ([] if args.summaries else ["--no-summaries"]) + (["--grouping", args.grouping] if args.grouping else [])
    if args.pool == "small":
        return run_small(args, extra)
    articles, topics, sets = stream(args.data, args.pool)
    with tempfile.TemporaryDirectory() as tmp:
        inputs, aside = aside_files(args.data, Path(tmp)) if args.pool == "aside" else ([], {})
        pool_file = Path(tmp) / "pool.jsonl"
        digest, wall, cpu = run_command(args.chorus, articles, extra, inputs, pool_file)
        texts = cleaned_texts([str(pool_file), *inputs]) if args.baselines or args.pool == "aside" else {}
    story, rejected = story_of_each(digest)
    topics |= {k: [event] for k, event in aside.items()}
    keys = [a["id"] for a in articles] + sorted(aside)
    lost = [k for k in keys if k not in story and k not in rejected]
    if lost or digest["articles_in"] != len(keys) or digest["articles_out"] != len(keys):
        sys.exit(f"articles lost: {lost[:5]} (in {digest['articles_in']}, out {digest['articles_out']}, {len(keys)})")
    kept = [k for k in keys if k in story]
    predicted = [story[k] for k in kept]
    figures = {
        "pool": args.pool,
        "grouping": args.grouping or "the command's default",
        "articles": len(keys),
        "rejected": {k: rejected[k] for k in keys if k in rejected},
        "wall_seconds": round(wall, 1),
        "cpu_seconds": round(cpu, 1),
        "topic": scores(predicted, [topics[k][0] for k in kept], [frozenset(topics[k]) for k in kept]),
    }
    rows = [("topics (a document in two counts in either)", "topic", len(kept))]
    if args.pool == "events":
        rows = [("events (judged)", "topic", len(kept))]
    if args.pool not in ("duc2006", "events"):
        update = [i for i, k in enumerate(kept) if "-" in sets.get(k, "")]
        figures["duc2007_by_set"] = scores([predicted[i] for i in update], [sets[kept[i]] for i in update])
        figures["duc2007_by_topic"] = scores([predicted[i] for i in update], [topics[kept[i]][0] for i in update])
        rows += [
            ("DUC 2007 update, a topic one story", "duc2007_by_topic", len(update)),
            ("DUC 2007 update, each set A/B/C its own", "duc2007_by_set", len(update)),
        ]
    if aside:
        part = [i for i, k in enumerate(kept) if k in aside]
        figures["kept_aside"] = scores([predicted[i] for i in part], [topics[kept[i]][0] for i in part])
        rows.append(("kept aside only: web pages and Lavrov, as grouped in the pool", "kept_aside", len(part)))
    if aside or args.pool == "events":
        figures["wrong_stories"] = [
            {"story": p, "articles": [k for k, q in zip(kept, predicted) if q == p]}
            for p in sorted(set(predicted))
            if len({topics[k][0] for k, q in zip(kept, predicted) if q == p}) > 1
        ]
    if texts:
        missing = [k for k in kept if k not in {stem_of(t) for t in texts}]
        if missing:
            sys.exit(f"articles the baselines did not get: {missing[:5]}")
        text_of = {stem_of(t): v for t, v in texts.items()}
        figures["baselines"] = baselines(
            [text_of[k] for k in kept], [topics[k][0] for k in kept], part if aside else None
        )
    print(f"{len(keys)} articles, {len(rejected)} rejected, {wall:.1f} s wall, {cpu:.1f} CPU s")
    print(ROW_HEADER)
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, key, n in rows:
        print(row(f"chorus: {name}" if texts else name, n, figures[key]))
    for name, by_part in figures.get("baselines", {}).items():
        print(row(f"{name}: topics", len(kept), by_part["topics"]))
        if "kept_aside" in by_part:
            print(row(f"{name}: kept aside only, as grouped in the pool", len(part), by_part["kept_aside"]))
    for wrong in figures.get("wrong_stories", []):
        print(
            f"story {wrong['story']} holds {len(wrong['articles'])} articles of several labels: "
            + ", ".join(f"{k[:16]} ({topics[k][0][:40]})" for k in wrong["articles"])
        )
    for k, reason in figures["rejected"].items():
        print(f"rejected: {k}: {reason}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
