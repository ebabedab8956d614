"""Score chorus's methods, and other systems' summaries, against human references."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from chorus.batch import BatchOptions, process_chunk
from chorus.errors import ChorusError, InputError
from chorus.evaluation.rouge import DEFAULT_SCORER, Score, nist_options, score
from chorus.ingest.read import iter_dataset_lines, parse_dataset_line, parse_json
from chorus.parallel import run_ordered
from chorus.text import counted

REPORTED = ("ROUGE-1", "ROUGE-2", "ROUGE-SU4")


@dataclass
class SystemScore:
    name: str
    kind: str  # chorus | peer | human
    scores: dict[str, Score]
    failed: int = 0  # clusters it could not summarize (scored as empty)
    p_value: float | None = None  # paired bootstrap, R-2 recall, against the best chorus method

    def recall(self, metric: str) -> float:
        return self.scores[metric].recall if metric in self.scores else 0.0


@dataclass
class Evaluation:
    dataset: str
    clusters: int
    words: int
    query_fields: tuple[str, ...]
    systems: list[SystemScore] = field(default_factory=list)
    rouge: str = ""  # the ROUGE settings and scorer, as the output states them
    jackknife: bool = False

    def ranked(self) -> list[SystemScore]:
        return sorted(self.systems, key=lambda s: (-s.recall("ROUGE-2"), -s.recall("ROUGE-SU4")))


def reference_id(summary_id: str, index: int) -> str:
    """NIST ids end with the assessor's letter (D0601.M.250.A.C -> C)."""
    return summary_id.rsplit(".", 1)[-1] if summary_id else str(index + 1)


def load_references(
    dataset: str | Path, cluster_filter: str | None
) -> tuple[list[tuple[int, bytes]], dict[str, dict[str, str]]]:
    """The dataset's lines to summarize and, per cluster id, its reference summaries."""
    try:
        pattern = re.compile(cluster_filter) if cluster_filter else None
    except re.error as exc:
        raise InputError(f"--clusters {cluster_filter!r} is not a regular expression ({exc})") from None
    lines: list[tuple[int, bytes]] = []
    references: dict[str, dict[str, str]] = {}
    for number, line in iter_dataset_lines(dataset):
        cluster = parse_dataset_line(line, f"{dataset} line {number}", number)
        if pattern and not pattern.search(cluster.id):
            continue
        summaries = cluster.fields.get("summaries")
        if not isinstance(summaries, list) or not summaries or not all(isinstance(s, str) for s in summaries):
            raise InputError(f'{dataset} line {number}: cluster {cluster.id} has no "summaries" (reference summaries)')
        ids = cluster.fields.get("summary_ids") or [""] * len(summaries)
        references[cluster.id] = {reference_id(i, k): s for k, (i, s) in enumerate(zip(ids, summaries))}
        lines.append((number, line))
    if not lines:
        raise InputError(
            f"{dataset}: no cluster to evaluate" + (f" matches {cluster_filter!r}" if cluster_filter else "")
        )
    return lines, references


def load_peers(path: str | Path, topics: set[str]) -> dict[str, dict[str, str]]:
    """Other systems' summaries: JSONL of {"id" (cluster), "summarizer", "summary"}."""
    systems: dict[str, dict[str, str]] = {}
    for number, line in iter_dataset_lines(path):
        record = parse_json(line, f"{path} line {number}")
        try:
            cluster, system, text = str(record["id"]), str(record["summarizer"]), record["summary"]
        except (ValueError, KeyError, TypeError):
            raise InputError(f'{path} line {number}: expected {{"id", "summarizer", "summary"}}') from None
        if cluster in topics and isinstance(text, str):
            systems.setdefault(system, {})[cluster] = text
    if not systems:
        raise InputError(f"{path}: no peer summary for the clusters being evaluated")
    return systems


def summarize_all(lines: list[tuple[int, bytes]], options: BatchOptions, jobs: int) -> tuple[dict[str, list[str]], int]:
    """cluster id -> summary sentences, and the number of clusters that failed."""
    summaries: dict[str, list[str]] = {}
    failed = 0
    chunks = [[item] for item in lines]
    for records in run_ordered(chunks, options, jobs, process_chunk):
        for record in records:
            if record.get("error"):
                failed += 1
                summaries[str(record["id"])] = []
            else:
                summaries[str(record["id"])] = [s["text"] for s in record["sentences"]]
    return summaries, failed


def paired_bootstrap(ours: Sequence[float], theirs: Sequence[float], samples: int = 10_000, seed: int = 0) -> float:
    """One-sided p-value that ``ours`` is not better than ``theirs`` on average
    (Koehn 2004's paired bootstrap over topics)."""
    a, b = np.asarray(ours), np.asarray(theirs)
    if len(a) == 0:
        return 1.0
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(a), size=(samples, len(a)))
    diffs = (a[picks] - b[picks]).mean(axis=1)
    return float((diffs <= 0).mean())


def evaluate(
    dataset: str | Path,
    words: int,
    methods: Sequence[str],
    query_fields: Sequence[str] = (),
    peers: str | Path | Sequence[str | Path] | None = None,
    jobs: int = 1,
    cluster_filter: str | None = None,
    scorer: str = DEFAULT_SCORER,
    jackknife: bool = False,
) -> Evaluation:
    rouge_options = nist_options(words, jackknife=jackknife)
    lines, references = load_references(dataset, cluster_filter)
    systems: dict[str, dict[str, Any]] = {}
    kinds: dict[str, str] = {}
    failures: dict[str, int] = {}
    for method in methods:
        options = BatchOptions(words=words, method=method, query_fields=tuple(query_fields))
        summaries, failed = summarize_all(lines, options, jobs)
        systems[method] = summaries
        kinds[method] = "chorus"
        failures[method] = failed
    peer_files = [peers] if isinstance(peers, (str, Path)) else list(peers or [])
    reference_ids = {r for refs in references.values() for r in refs}
    for peer_file in peer_files:
        for name, peer_summaries in load_peers(peer_file, set(references)).items():
            if name in systems:
                raise ChorusError(f"peer {name!r} has the name of a chorus method or of another peer")
            systems[name] = peer_summaries
            kinds[name] = "human" if name in reference_ids else "peer"
    scored = score(systems, references, options=rouge_options, scorer=scorer)
    rouge = rouge_options.describe().replace(f"-l {words}", "-l WORDS") + f" ({scorer} scorer)"
    evaluation = Evaluation(str(dataset), len(references), words, tuple(query_fields), rouge=rouge, jackknife=jackknife)
    for name in systems:
        if name not in scored:
            raise ChorusError(f"ROUGE returned no score for {name!r}")
        evaluation.systems.append(SystemScore(name, kinds[name], scored[name], failures.get(name, 0)))
    _add_significance(evaluation)
    return evaluation


# The paired bootstrap resamples topics: with fewer there is nothing to resample, and its p-value
# would call any difference on one cluster certain.
MIN_SIGNIFICANCE_TOPICS = 2


def _add_significance(evaluation: Evaluation) -> None:
    ours = [s for s in evaluation.systems if s.kind == "chorus"]
    if not ours:
        return
    best = max(ours, key=lambda s: s.recall("ROUGE-2"))
    mine = best.scores["ROUGE-2"].per_topic_recall
    for system in evaluation.systems:
        if system is best:
            continue
        theirs = system.scores["ROUGE-2"].per_topic_recall
        topics = sorted(set(mine) & set(theirs))
        if len(topics) < MIN_SIGNIFICANCE_TOPICS:
            continue  # no p-value: resampling one topic always gives the same difference (p = 0 or 1)
        system.p_value = paired_bootstrap([mine[t] for t in topics], [theirs[t] for t in topics])


# --- rendering -----------------------------------------------------------------


def _cell(score: Score | None) -> str:
    if score is None:
        return "-"
    return f"{score.recall:.4f} ({score.recall_ci[0]:.4f}-{score.recall_ci[1]:.4f})"


def evaluation_rows(evaluation: Evaluation) -> list[dict[str, Any]]:
    rows = []
    for rank, s in enumerate(evaluation.ranked(), start=1):
        row: dict[str, Any] = {"rank": rank, "system": s.name, "kind": s.kind}
        for metric in REPORTED:
            sc = s.scores.get(metric)
            key = metric.lower()
            row[key] = (
                None
                if sc is None
                else {
                    "recall": sc.recall,
                    "recall_ci": list(sc.recall_ci),
                    "f1": sc.f1,
                    "f1_ci": list(sc.f1_ci),
                }
            )
        row["p_vs_best_chorus"] = s.p_value
        row["failed_clusters"] = s.failed
        rows.append(row)
    return rows


def render_evaluation(evaluation: Evaluation, fmt: str = "text") -> str:
    if fmt == "json":
        return (
            json.dumps(
                {
                    "dataset": evaluation.dataset,
                    "clusters": evaluation.clusters,
                    "words": evaluation.words,
                    "query_fields": list(evaluation.query_fields),
                    "rouge": evaluation.rouge,
                    "systems": evaluation_rows(evaluation),
                },
                indent=2,
            )
            + "\n"
        )
    header = ["#", "system", "kind", "R-1 R", "R-2 R (95% CI)", "SU4 R (95% CI)", "R-2 F", "SU4 F", "p"]
    rows = []
    for rank, s in enumerate(evaluation.ranked(), start=1):
        r2, su4 = s.scores.get("ROUGE-2"), s.scores.get("ROUGE-SU4")
        r1 = s.scores.get("ROUGE-1")
        rows.append(
            [
                str(rank),
                s.name + (f" ({s.failed} failed)" if s.failed else ""),
                s.kind,
                f"{r1.recall:.4f}" if r1 else "-",
                _cell(r2),
                _cell(su4),
                f"{r2.f1:.4f}" if r2 else "-",
                f"{su4.f1:.4f}" if su4 else "-",
                "" if s.p_value is None else f"{s.p_value:.3f}",
            ]
        )
    query = ", ".join(evaluation.query_fields) if evaluation.query_fields else "none"
    caption = (
        f"{evaluation.dataset}: {counted(evaluation.clusters, 'cluster')}, "
        f"{evaluation.words} words, query: {query}. "
        "ROUGE-1.5.5 recall (R) and F1, stemmed, 95% bootstrap CI"
        + (", jackknifed; " if evaluation.jackknife else "; ")
        + "p: paired bootstrap p-value that the best chorus method is not better on R-2."
    )
    if fmt == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return caption + "\n\n" + "\n".join(lines) + "\n"
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out = [caption, ""]
    out.append("  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip())
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(out) + "\n"
