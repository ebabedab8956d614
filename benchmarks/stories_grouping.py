"""How well `chorus stories` recovers known clusters from a shuffled pool of their articles.

Pools the articles of DUC clusters (without their cluster ids), shuffles
them, groups them with chorus (which is not told how many clusters there
are) and, side by side in the same run, with two baselines on TF-IDF
vectors of the same cleaned texts: k-means given the true number of
clusters (mean of three seeds) and single-link clustering cut at one
similarity threshold (chosen on the tuning pools, then kept). Scores:
B-cubed precision, recall and F1 (Bagga & Baldwin 1998; Amigó et al. 2009),
the adjusted Rand index (Hubert & Arabie 1985), and the B-cubed F1 when
chorus's stories that fall inside one DUC topic count as one (DUC clusters
are topics, often several events: this forgives over-splitting only; each
story is given the topic most of its articles belong to).

Some DUC documents are filed under two topics (DUC 2006's D0606F and
D0641E share 6 of their 25; D0628A and D0648C one): pooled, such a
document is there twice, and its two copies, word for word alike, are
rightly one story, which B-cubed counts as a mistake for one of them. The
extended B-cubed of Amigó et al. (2009, for items of several categories)
gives each copy every topic of its document and counts it right in either;
it is reported beside the plain one. ``--copies-once`` groups each such
document once and puts its copy in its twin's story (a grouping in which a
copy adds nothing to a story), chorus's rows only.

Pools: DUC 2006's odd-numbered topics, DUC 2007 update (its sets A, B
and C of one topic are one cluster) and the two together (35 topics: a
larger pool, where related topics meet as they do in all of DUC 2006) are
for tuning; DUC 2006's even topics are held out; all of DUC 2006 is the
target.

Different events of one kind: a story is one event, and another event of
the same kind is another story. DUC 2006 has topics that are such events
(chosen by their topic titles, before looking at any grouping): two plane
crashes (EgyptAir Flight 990, October 1999; the Air France Concorde, July
2000), and three events of Russia in 1999-2000 (the terrorist attacks in
Chechnya, the Kursk disaster, the election of Vladimir Putin). Each set is
pooled alone, and the same topics are also looked up in the grouping of
the whole pool: "merged" counts the stories holding at least
``MERGED_ARTICLES`` articles of two of the events.

    python benchmarks/stories_grouping.py ../shared/data --json /tmp/bench/stories-grouping.json
    python benchmarks/stories_grouping.py ../shared/data --grid   # the tuning grid, on the tuning pools only
    python benchmarks/stories_grouping.py ../shared/data --separation   # how apart the true topics are
    python benchmarks/stories_grouping.py ../shared/data --merges   # which merges are wrong, and how alike
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from chorus.digest.engine import prepare_chunk
from chorus.digest.grouping import REFINE_SIMILARITY, GroupingSettings, StoryGrouper
from chorus.digest.inputs import KeyedRaw
from chorus.ingest.read import cluster_from_record

SHUFFLE_SEED = 22
KMEANS_SEEDS = (0, 1, 2)
SINGLE_LINK_GRID = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
SAME_KIND_EVENTS = {
    "two plane crashes": ("D0617H", "D0631D"),
    "Russia 1999-2000: Chechnya, Kursk, Putin's election": ("D0616G", "D0640D", "D0649D"),
}
MERGED_ARTICLES = 3


def load_pool(path: Path, topic_of) -> tuple[list, list[str]]:
    """The cleaned articles of every cluster of a DUC dataset, with their true topic."""
    items, truth = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        cluster = cluster_from_record(json.loads(line), f"{path} line {number}", number)
        for raw in cluster.documents:
            items.append(KeyedRaw(f"{cluster.id}/{raw.id}", raw.id or "", raw))
            truth.append(topic_of(cluster.id))
    prepared = prepare_chunk(items)
    kept = [(p, t) for p, t in zip(prepared, truth) if isinstance(p, tuple)]
    return [p for p, _ in kept], [t for _, t in kept]


def document_of(pool) -> list[str]:
    """The DUC document id of each pooled article (its key is ``cluster/document``)."""
    return [features.key.split("/", 1)[1] for _, features in pool]


def topics_of_documents(pool, truth: list[str]) -> list[frozenset[str]]:
    """Each article's topics: those of every copy of its document in the pool."""
    documents = document_of(pool)
    topics: dict[str, set[str]] = {}
    for document, topic in zip(documents, truth):
        topics.setdefault(document, set()).add(topic)
    return [frozenset(topics[d]) for d in documents]


def shared_documents(pool, truth: list[str]) -> Counter:
    """Topics that share documents, with how many."""
    return Counter(
        tuple(sorted(t))
        for t in {d: t for d, t in zip(document_of(pool), topics_of_documents(pool, truth))}.values()
        if len(t) > 1
    )


def extended_bcubed(predicted: list, topics: list[frozenset[str]]) -> tuple[float, float, float]:
    """B-cubed with items of several categories (Amigó, Gonzalo, Artiles & Verdejo 2009, "multiplicity"
    B-cubed): a pair of items in one cluster is right when they share a topic; a pair sharing k topics
    counts 1/k of recall when they share the (one) cluster."""
    members: dict = {}
    for i, p in enumerate(predicted):
        members.setdefault(p, []).append(i)
    of_topic: dict[str, list[int]] = {}
    for i, ts in enumerate(topics):
        for t in ts:
            of_topic.setdefault(t, []).append(i)
    precision = recall = 0.0
    for i, p in enumerate(predicted):
        mates = members[p]
        precision += sum(1 for j in mates if topics[i] & topics[j]) / len(mates)
        sharing = {j for t in topics[i] for j in of_topic[t]}
        recall += sum(1 / len(topics[i] & topics[j]) for j in sharing if predicted[j] == p) / len(sharing)
    precision, recall = precision / len(predicted), recall / len(predicted)
    return precision, recall, 2 * precision * recall / (precision + recall)


_BASE = [GroupingSettings()]  # the settings every run starts from (--grouping sets their grouping)


def base_settings() -> GroupingSettings:
    return _BASE[0]


def copies_once(pool, settings: GroupingSettings) -> list[int]:
    """chorus's stories when each document is grouped once and its other copies put in its story."""
    documents = document_of(pool)
    first: dict[str, int] = {}
    for i, d in enumerate(documents):
        first.setdefault(d, i)
    kept = sorted(first.values())
    grouper = StoryGrouper(settings)
    grouper.add([pool[i][1] for i in kept])
    story = dict(zip(kept, grouper.story_of))
    return [story[first[d]] for d in documents]


def bcubed(predicted: list, truth: list) -> tuple[float, float, float]:
    n = len(truth)
    in_predicted, in_truth, both = Counter(predicted), Counter(truth), Counter(zip(predicted, truth))
    precision = sum(both[(p, t)] / in_predicted[p] for p, t in zip(predicted, truth)) / n
    recall = sum(both[(p, t)] / in_truth[t] for p, t in zip(predicted, truth)) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def forgive_splits(predicted: list, truth: list) -> list:
    """Each predicted story named by the topic most of its articles belong to."""
    votes: dict = {}
    for p, t in zip(predicted, truth):
        votes.setdefault(p, Counter())[t] += 1
    name = {p: max(sorted(c.items()), key=lambda x: x[1])[0] for p, c in votes.items()}
    return [name[p] for p in predicted]


def scores(predicted: list, truth: list, topics: list[frozenset[str]] | None = None) -> dict:
    """The figures of a grouping; with ``topics`` (each article's topics, ``topics_of_documents``)
    also the extended B-cubed F1."""
    from sklearn.metrics import adjusted_rand_score

    p, r, f = bcubed(predicted, truth)
    out = {
        "clusters": len(set(predicted)),
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "ari": round(adjusted_rand_score(truth, predicted), 3),
        "f1_splits_forgiven": round(bcubed(forgive_splits(predicted, truth), truth)[2], 3),
    }
    if topics is not None:
        out["f1_shared_documents"] = round(extended_bcubed(predicted, topics)[2], 3)
    return out


def run_chorus(pool, settings: GroupingSettings) -> tuple[list[int], float]:
    started = time.process_time()
    grouper = StoryGrouper(settings)
    grouper.add([features for _, features in pool])
    return list(grouper.story_of), time.process_time() - started


def tfidf(pool):
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{a.document.title or ''}\n{a.document.text}" for a, _ in pool]
    return TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)


def run_kmeans(matrix, k: int) -> list[dict]:
    from sklearn.cluster import KMeans

    return [list(KMeans(k, n_init=10, random_state=seed).fit_predict(matrix)) for seed in KMEANS_SEEDS]


def run_single_link(matrix, similarity: float) -> list:
    from scipy.sparse.csgraph import connected_components

    graph = matrix @ matrix.T
    graph.data[graph.data < similarity] = 0
    graph.eliminate_zeros()
    return list(connected_components(graph, directed=False)[1])


def mean_scores(runs: list[list], truth: list, topics: list[frozenset[str]] | None = None) -> dict:
    each = [scores(r, truth, topics) for r in runs]
    return {key: round(sum(s[key] for s in each) / len(each), 3) for key in each[0]}


def pools(data: Path) -> dict[str, tuple[list, list[str]]]:
    duc2006 = data / "duc2006" / "clusters.jsonl"
    duc2007 = data / "duc2007-update" / "clusters.jsonl"
    articles, truth = load_pool(duc2006, lambda c: c)
    odd = [i for i, t in enumerate(truth) if int(t[3:5]) % 2 == 1]
    even = [i for i, t in enumerate(truth) if int(t[3:5]) % 2 == 0]
    update = load_pool(duc2007, lambda c: c.split("-")[0])
    out = {
        "DUC 2006 odd + DUC 2007 update (tuning)": (
            update[0] + [articles[i] for i in odd],
            update[1] + [truth[i] for i in odd],
        ),
        "DUC 2007 update (tuning)": update,
        "DUC 2006 odd topics (tuning)": ([articles[i] for i in odd], [truth[i] for i in odd]),
        "DUC 2006 even topics (held out)": ([articles[i] for i in even], [truth[i] for i in even]),
        "DUC 2006 all 50 topics": (articles, truth),
    }
    shuffled = {}
    for name, (items, labels) in out.items():
        order = list(range(len(items)))
        random.Random(SHUFFLE_SEED).shuffle(order)
        shuffled[name] = ([items[i] for i in order], [labels[i] for i in order])
    return shuffled


def merged_stories(predicted: list, truth: list, events: tuple[str, ...]) -> int:
    """Stories holding at least MERGED_ARTICLES articles of each of two of the events."""
    counts: dict = {}
    for p, t in zip(predicted, truth):
        if t in events:
            counts.setdefault(p, Counter())[t] += 1
    return sum(1 for c in counts.values() if sum(1 for n in c.values() if n >= MERGED_ARTICLES) >= 2)


def same_kind_events(all_topics: tuple[list, list[str]], predicted_all: list) -> dict:
    """Each set of different events of one kind: pooled alone, and as grouped inside the whole pool."""
    pool, truth = all_topics
    out = {}
    for name, events in SAME_KIND_EVENTS.items():
        keep = [i for i, t in enumerate(truth) if t in events]
        alone, labels = [pool[i] for i in keep], [truth[i] for i in keep]
        predicted, _ = run_chorus(alone, base_settings())
        out[name] = {
            "events": len(events),
            "articles": len(alone),
            "alone": {**scores(predicted, labels), "merged": merged_stories(predicted, labels, events)},
            "in the whole pool": {
                **scores([predicted_all[i] for i in keep], labels),
                "merged": merged_stories(predicted_all, truth, events),
            },
        }
    return out


def separation(pool, truth: list[str]) -> dict:
    """How far apart the true topics are in chorus's own article vectors (those of the grouping).

    The nearest topic centroid of each article (its own centroid without it),
    the cosines between topic centroids, and those between two random halves
    of one topic."""
    import numpy as np
    import scipy.sparse as sp

    grouper = StoryGrouper()
    grouper.add([features for _, features in pool])
    rows = np.repeat(np.arange(len(grouper.vectors)), [len(v.ids) for v in grouper.vectors])
    matrix = sp.csr_matrix(
        (
            np.concatenate([v.weights for v in grouper.vectors]),
            (rows, np.concatenate([v.ids for v in grouper.vectors])),
        ),
        shape=(len(grouper.vectors), len(grouper.terms)),
    )
    topics = sorted(set(truth))
    labels = np.array([topics.index(t) for t in truth])
    sums = np.vstack([np.asarray(matrix[labels == k].sum(axis=0)).ravel() for k in range(len(topics))])
    dots = np.asarray(matrix @ sums.T)  # article x topic
    own = dots[np.arange(len(labels)), labels]
    norms = np.linalg.norm(sums, axis=1)
    cosines = dots / norms
    own_norms = np.sqrt(np.maximum(norms[labels] ** 2 - 2 * own + 1.0, 1e-12))
    cosines[np.arange(len(labels)), labels] = (own - 1.0) / own_norms  # leave the article out of its own topic
    centroids = sums / norms[:, None]
    between = centroids @ centroids.T
    np.fill_diagonal(between, -1)
    rng = np.random.default_rng(SHUFFLE_SEED)
    halves = []
    for k in range(len(topics)):
        members = rng.permutation(np.flatnonzero(labels == k))
        a, b = (np.asarray(matrix[part].sum(axis=0)).ravel() for part in np.array_split(members, 2))
        halves.append(float(a @ b / np.linalg.norm(a) / np.linalg.norm(b)))
    closest = sorted(
        ((float(between[i, j]), topics[i], topics[j]) for i in range(len(topics)) for j in range(i + 1, len(topics))),
        reverse=True,
    )[:4]
    return {
        "nearest_topic_is_own": round(float(np.mean(cosines.argmax(axis=1) == labels)), 3),
        "closest_topic_pairs": [(round(c, 3), a, b) for c, a, b in closest],
        "halves_of_one_topic_median": round(float(np.median(halves)), 3),
        "halves_of_one_topic_min": round(min(halves), 3),
    }


MERGE_SIZE = 4  # --merges lists the merges of two stories of at least this many articles
PROFILE_TERMS = 10  # --merges: the cosine of the two stories' heaviest terms only


def cohesion(story) -> float:
    """The mean cosine of two articles of a story (its centroid is the sum of their unit vectors)."""
    n = len(story.members)
    return (story.norm**2 - n) / (n * (n - 1))


def profile_cosine(one, other, terms: int = PROFILE_TERMS) -> float:
    """The cosine of two centroids cut to their ``terms`` heaviest terms each."""
    import numpy as np

    cut = [
        dict(zip(v.ids[top].tolist(), (v.weights[top] / np.linalg.norm(v.weights[top])).tolist()))
        for v in (one, other)
        for top in [np.argsort(-v.weights, kind="stable")[:terms]]
    ]
    return sum(w * cut[1].get(t, 0.0) for t, w in cut[0].items())


def merges(pools_: dict[str, tuple[list, list[str]]]) -> list[dict]:
    """Every merge of the merging step between two stories of ``MERGE_SIZE`` articles or more, in each
    pool: the sizes, the group average, the centroids' cosine, the group average over the two
    stories' own cohesion (geometric mean), the cosine of their ``PROFILE_TERMS`` heaviest terms, and
    whether most articles of both stories are of one topic (a right merge) or not."""

    class Watched(StoryGrouper):
        seen: list[dict]

        def _absorb(self, a: int, b: int) -> None:
            sizes = [len(self.stories[a].members), len(self.stories[b].members)]
            if min(sizes) >= MERGE_SIZE:
                one, other = (self.stories[s].filled_centroid for s in (a, b))
                topics = [Counter(self.truth[m] for m in self.stories[s].members).most_common(1)[0][0] for s in (a, b)]
                average = self.group_average(a, b)
                own = math.sqrt(cohesion(self.stories[a]) * cohesion(self.stories[b]))
                self.seen.append(
                    {
                        "sizes": sorted(sizes),
                        "group_average": round(average, 3),
                        "centroid_cosine": round(one.dot(other) / (one.norm() * other.norm()), 3),
                        "to_own_cohesion": round(average / own, 3),
                        "profile_cosine": round(profile_cosine(one, other), 3),
                        "right": topics[0] == topics[1],
                        "topics": topics,
                    }
                )
            super()._absorb(a, b)

    out = []
    for name, (pool, truth) in pools_.items():
        grouper = Watched(base_settings())
        grouper.seen, grouper.truth = [], truth  # type: ignore[attr-defined]
        grouper.add([features for _, features in pool])
        out.extend({"pool": name, **m} for m in grouper.seen)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument("--grid", action="store_true", help="chorus's settings grid on the tuning pools")
    parser.add_argument("--separation", action="store_true", help="how far apart the true topics of all DUC 2006 are")
    parser.add_argument(
        "--merges",
        action="store_true",
        help=f"every merge of two stories of {MERGE_SIZE}+ articles: right or wrong, and how alike",
    )
    parser.add_argument(
        "--copies-once",
        action="store_true",
        help="chorus with each document grouped once and its copies put in its story, beside chorus as it is",
    )
    parser.add_argument("--single-link", type=float, default=None, help="the single-link threshold (default: tuned)")
    parser.add_argument("--grouping", choices=("event", "topic"), help="chorus's grouping (default: its default)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.grouping:
        _BASE[0] = replace(GroupingSettings(), grouping=args.grouping)
    all_pools = pools(args.data)
    tuning = {k: v for k, v in all_pools.items() if "tuning" in k}
    if args.separation:
        print(json.dumps(separation(*all_pools["DUC 2006 all 50 topics"]), indent=1))
        return 0
    if args.merges:
        found = merges(all_pools)
        for m in sorted(found, key=lambda m: (m["right"], m["group_average"])):
            print(
                f"{m['pool']}: {'right' if m['right'] else 'WRONG'} {m['sizes'][0]} + {m['sizes'][1]} articles, "
                f"group average {m['group_average']:.3f}, centroids' cosine {m['centroid_cosine']:.3f}, "
                f"to own cohesion {m['to_own_cohesion']:.3f}, heaviest terms' cosine {m['profile_cosine']:.3f}"
                + ("" if m["right"] else f" ({' + '.join(m['topics'])})")
            )
        measures = (
            ("group average", "group_average"),
            ("centroids' cosine", "centroid_cosine"),
            ("to own cohesion", "to_own_cohesion"),
            ("heaviest terms' cosine", "profile_cosine"),
        )
        for right in (True, False):
            chosen = [m for m in found if m["right"] is right]
            if chosen:
                print(
                    f"{'right' if right else 'wrong'}: {len(chosen)} merges, "
                    + ", ".join(
                        f"{label} {min(m[key] for m in chosen):.3f}-{max(m[key] for m in chosen):.3f}"
                        for label, key in measures
                    )
                )
        wrong, right_ = [m for m in found if not m["right"]], [m for m in found if m["right"]]
        if wrong:  # a floor on a measure that refuses every wrong merge refuses these right ones too
            print(
                "a floor refusing every wrong merge refuses, of the right ones: "
                + ", ".join(
                    f"{label} {sum(1 for m in right_ if m[key] <= max(w[key] for w in wrong))}"
                    for label, key in measures
                )
            )
        return 0
    if args.copies_once:
        print(
            "| pool | grouping | clusters | B3 P | B3 R | B3 F1 | B3 F1, shared documents |\n|---|---|---|---|---|---|---|"
        )
        for name, (pool, truth) in all_pools.items():
            topics = topics_of_documents(pool, truth)
            for label, predicted in (
                ("as it is", run_chorus(pool, base_settings())[0]),
                ("copies once", copies_once(pool, base_settings())),
            ):
                s = scores(predicted, truth, topics)
                print(
                    f"| {name} | {label} | {s['clusters']} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} "
                    f"| {s['f1_shared_documents']:.3f} |"
                )
        return 0
    if args.grid:
        print("tuning pools: " + " | ".join(tuning))
        for join in (0.12, 0.16, 0.2, 0.24, 0.28):
            for merge in (None, 0.08, 0.09, 0.1, 0.11):
                for refine in (0.12, 0.14):
                    if merge is None and refine != REFINE_SIMILARITY:
                        continue  # one pass, then refinement: the grouping before merging came in (at join 0.12)
                    settings = replace(
                        base_settings(),
                        join_similarity=join,
                        merge_similarity=merge,
                        refine_similarity=join if merge is None else refine,
                        grown_story_articles=10**9,
                    )  # as first tuned: no size rule
                    f1 = [scores(run_chorus(pool, settings)[0], truth)["f1"] for pool, truth in tuning.values()]
                    print(
                        f"join {join} merge {merge} refine {refine}: "
                        + " ".join(f"{f:.3f}" for f in f1)
                        + f" mean {sum(f1) / len(f1):.3f}",
                        flush=True,
                    )
        for grown in (10, 15, 20):  # the size at which two stories need the higher merge similarity
            for grown_merge in (0.1, 0.12, 0.14):
                settings = replace(base_settings(), grown_story_articles=grown, grown_merge_similarity=grown_merge)
                f1 = [scores(run_chorus(pool, settings)[0], truth)["f1"] for pool, truth in tuning.values()]
                print(
                    f"grown story {grown} merge {grown_merge}: "
                    + " ".join(f"{f:.3f}" for f in f1)
                    + f" mean {sum(f1) / len(f1):.3f}",
                    flush=True,
                )
        for penalty in (0.0, 0.005, 0.01):
            settings = replace(base_settings(), time_penalty=penalty)
            f1 = [scores(run_chorus(pool, settings)[0], truth)["f1"] for pool, truth in tuning.values()]
            print(
                f"time penalty {penalty}: " + " ".join(f"{f:.3f}" for f in f1) + f" mean {sum(f1) / len(f1):.3f}",
                flush=True,
            )
        for terms in (None, 600, 1000, 2000):  # the bound on a centroid's terms (default CENTROID_TERMS)
            settings = replace(base_settings(), centroid_terms=terms)
            row = [f"{scores(run_chorus(pool, settings)[0], truth)['f1']:.3f}" for pool, truth in tuning.values()]
            print(f"centroid terms {terms}: " + " ".join(row), flush=True)
        return 0
    threshold = args.single_link
    if threshold is None:  # tuned on the tuning pools: the best mean B-cubed F1
        matrices = {name: tfidf(pool) for name, (pool, _) in tuning.items()}
        threshold = max(
            SINGLE_LINK_GRID,
            key=lambda s: sum(bcubed(run_single_link(matrices[n], s), truth)[2] for n, (_, truth) in tuning.items()),
        )
    results = {}
    for name, (pool, truth) in all_pools.items():
        shared = shared_documents(pool, truth)
        if shared:
            print(
                f"{name}: documents filed under two or more topics: "
                + ", ".join(f"{' + '.join(t)} {n}" for t, n in sorted(shared.items()))
            )
    print(
        "| pool | articles | topics | system | clusters | B3 P | B3 R | B3 F1 | ARI | F1, splits forgiven "
        "| F1, shared documents | CPU s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, (pool, truth) in all_pools.items():
        k = len(set(truth))
        topics = topics_of_documents(pool, truth)
        predicted, cpu = run_chorus(pool, base_settings())
        matrix = tfidf(pool)
        rows = {
            "chorus (k not given)": (scores(predicted, truth, topics), round(cpu, 1)),
            f"k-means on TF-IDF, true k={k}": (mean_scores(run_kmeans(matrix, k), truth, topics), None),
            f"single link, cosine ≥ {threshold}": (scores(run_single_link(matrix, threshold), truth, topics), None),
        }
        results[name] = {system: {**s, "cpu_seconds": c} for system, (s, c) in rows.items()}
        for system, (s, c) in rows.items():
            print(
                f"| {name} | {len(pool)} | {k} | {system} | {s['clusters']} | {s['precision']:.3f} | {s['recall']:.3f} "
                f"| {s['f1']:.3f} | {s['ari']:.3f} | {s['f1_splits_forgiven']:.3f} | {s['f1_shared_documents']:.3f} "
                f"| {c if c is not None else ''} |"
            )
        if name == "DUC 2006 all 50 topics":
            events = same_kind_events((pool, truth), predicted)
    print("\n| events of one kind | articles | grouped | stories | B3 P | B3 R | B3 F1 | stories merging two events |")
    print("|---|---|---|---|---|---|---|---|")
    for name, row in events.items():
        for where in ("alone", "in the whole pool"):
            s = row[where]
            print(
                f"| {name} ({row['events']} events) | {row['articles']} | {where} | {s['clusters']} | {s['precision']:.3f} "
                f"| {s['recall']:.3f} | {s['f1']:.3f} | {s['merged']} |"
            )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps({"single_link_threshold": threshold, "results": results, "events": events}, indent=2)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
