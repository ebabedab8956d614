"""The benchmark scripts in benchmarks/: sumy peers (when sumy is installed) and the scaling fit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chorus.evaluation.evaluate import load_peers
from chorus.segment import split_sentences

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

ARTICLES = [
    "A storm flooded the river town of Elsworth on Monday. Water rose two metres in the main street within an hour. "
    "The mayor said 300 homes were evacuated overnight.\n\nRescue boats carried older residents to the school gym. "
    "No deaths were reported, the fire service said.",
    "Floodwater covered the centre of Elsworth after a storm on Monday. About 300 homes were evacuated, "
    "the mayor said. Rescue boats took people to a shelter at the school.\n\nThe river is expected to fall by Wednesday. "
    "Insurers said claims could reach ten million pounds.",
    "Residents of Elsworth returned to check on their homes as the river began to fall. The storm dropped a month of "
    "rain in one day, forecasters said. Shops on the main street stayed shut.\n\nThe council opened a fund for families "
    "whose homes were flooded.",
]


@pytest.fixture
def sumy_peers(monkeypatch: pytest.MonkeyPatch):
    pytest.importorskip("sumy", reason="sumy is a benchmark dependency (pip install -e '.[bench]')")
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import sumy_peers

    return sumy_peers


@pytest.fixture
def syspath_benchmarks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))


def test_sumy_peers_fill_the_budget_with_whole_sentences(sumy_peers, tmp_path: Path) -> None:
    dataset = tmp_path / "clusters.jsonl"
    records = [{"id": "flood", "documents": ARTICLES}, {"id": "flood-short", "documents": ARTICLES[:2]}]
    dataset.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    output = tmp_path / "peers.jsonl"
    budget = 40

    systems = ",".join(sumy_peers.SYSTEMS)
    assert sumy_peers.main([str(dataset), "-o", str(output), "--words", str(budget), "--systems", systems]) == 0

    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["summarizer"]) for r in lines] == [
        (cluster, system) for cluster in ("flood", "flood-short") for system in sumy_peers.SYSTEMS
    ]
    assert all(set(r) == {"id", "summarizer", "summary"} for r in lines)
    for record in lines:
        articles = ARTICLES if record["id"] == "flood" else ARTICLES[:2]
        sentences = [s for a in articles for p in a.split("\n\n") for s in split_sentences(p)]
        chosen = split_sentences(record["summary"])
        used = len(record["summary"].split())
        assert chosen and used <= budget
        assert all(s in sentences for s in chosen), "sentences are taken whole from the articles"
        left_out = [s for s in sentences if s not in chosen]
        assert all(used + len(s.split()) > budget for s in left_out), "a sentence that still fits was left out"
    assert set(load_peers(output, {"flood", "flood-short"})) == set(sumy_peers.SYSTEMS)


def test_scaling_fits_the_growth_exponent(syspath_benchmarks: None) -> None:
    from scaling import growth, growth_exponent

    assert growth_exponent([10, 100, 1000], [0.5, 50, 5000]) == pytest.approx(2.0)
    assert growth_exponent([10, 100], [3.0, 30.0]) == pytest.approx(1.0)
    assert growth_exponent([10], [1.0]) is None
    fit = growth([10, 30, 100, 1000], [0.0, 1.0, 10.0, 1000.0])  # a zero (no memory added) cannot be fitted
    assert fit["largest"] == pytest.approx(2.0) and fit["largest_sizes"] == [100, 1000]
    assert 1.0 < fit["overall"] < 2.0


def test_concept_training_holds_out_whole_topics(syspath_benchmarks: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    import train_concepts

    seen: list[set[str]] = []

    def record(examples, features, regularisation=None):
        seen.append({e.cluster_id for e in examples})
        return train_concepts.ConceptModel(features, np.zeros(1), np.ones(1), np.zeros(1), 0.0)

    monkeypatch.setattr(train_concepts, "fit", record)
    # DUC 2007's sets A, B and C of one topic, and DUC 2006 clusters: one topic each.
    ids = [f"D07{t:02d}X-{s}" for t in range(4) for s in "ABC"] + [f"D06{t:02d}Y" for t in range(6)]
    examples = [train_concepts.Example(i, None, np.zeros((1, 1)), np.zeros(1)) for i in ids]
    held_out = train_concepts.fold_models(examples, ("df_frac",), folds=5)
    assert set(held_out) == set(ids) and len(seen) == 5
    for training in seen:
        for cluster_id in ids:
            same_topic = {i for i in ids if i[:5] == cluster_id[:5]}
            # a topic is either wholly in a fold's training data or wholly held out
            assert same_topic <= training or not same_topic & training
    assert all(sum(i not in training for training in seen) == 1 for i in ids)  # each held out exactly once


def _flood_story(query: str | None = None):
    from chorus.pipeline import read_story

    return read_story(ARTICLES, query)


def test_held_out_summaries_are_the_ones_chorus_prints(syspath_benchmarks: None) -> None:
    import numpy as np

    import train_concepts
    from chorus.pipeline import summarize_story
    from chorus.select.concepts import concept_table, load_models
    from chorus.types import Budget

    story = _flood_story()
    table = concept_table(story)
    example = train_concepts.Example("flood", story, table.features, np.zeros(len(table.concepts)))
    printed = [s.text for s in summarize_story(story, Budget(words=40), "concepts").sentences]
    assert printed and train_concepts.summarize_with(load_models()["generic"], example, 40) == printed


def test_extra_concept_features_count_articles_sentences_and_the_query(syspath_benchmarks: None) -> None:
    import concept_variants

    story = _flood_story("homes evacuated by the flood")
    names = concept_variants.EXTRA_FEATURES
    table = concept_variants.with_extra_features(names)(story, 1)
    assert table.names[-len(names) :] == names and table.features.shape == (len(table.concepts), len(table.names))
    column = {name: table.features[:, table.names.index(name)] for name in names}
    row = {c: k for k, c in enumerate(table.concepts)}
    opener = row["storm", "flood"]  # "A storm flooded ..." opens the first article only
    assert column["first_sent_frac"][opener] == 1 / 3
    assert column["first_sent_frac"][row["300", "home"]] == 0  # "300 homes were evacuated" opens no article
    assert column["sent_frac"][row["300", "home"]] == 2 / len(story.sentences)
    assert column["q_idf"][row["300", "home"]] > column["q_idf"][row["rescu", "boat"]] == 0
    assert column["q_sent_mean"][row["300", "home"]] > column["q_sent_mean"][row["rescu", "boat"]]
    assert column["uni_tf_min"][row["300", "home"]] <= column["uni_tf_max"][row["300", "home"]]


def test_extended_bcubed_is_bcubed_with_one_topic_each_and_forgives_a_document_of_two(syspath_benchmarks):
    from stories_grouping import bcubed, extended_bcubed

    predicted, truth = [0, 0, 1, 1, 1, 2], ["a", "a", "a", "b", "b", "c"]
    assert extended_bcubed(predicted, [frozenset(t) for t in truth]) == pytest.approx(bcubed(predicted, truth))
    # Articles 2 and 3 are two copies of one document filed under topics a and b, rightly one story:
    # plain B-cubed counts one of them wrong, the extended one neither.
    truth = ["a", "a", "a", "b", "b"]
    topics = [frozenset("a"), frozenset("a"), frozenset("ab"), frozenset("ab"), frozenset("b")]
    predicted = [0, 0, 0, 0, 1]
    plain_precision, _, _ = bcubed(predicted, truth)
    precision, recall, _ = extended_bcubed(predicted, topics)
    assert plain_precision < 1 and precision == 1
    assert recall < 1  # article 4 (topic b) is apart from the copies, which are b's too


def test_claims_score_reads_the_shared_data_where_chorus_shared_says(tmp_path: Path) -> None:
    # As every benchmark does (common.SHARED), not a path of its own beside the tree.
    import os
    import subprocess
    import sys

    shown = subprocess.run(
        [sys.executable, "-c", "import claims_score as c; print(c.DATA); print(c.SOURCES['lavrov-hamas'])"],
        cwd=BENCHMARKS,
        env={**os.environ, "CHORUS_SHARED": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert shown[:2] == [str(tmp_path / "data"), str(tmp_path / "examples" / "lavrov-hamas")]


def test_the_fresh_sets_shared_page_shape_puts_furniture_only_between_paragraphs(syspath_benchmarks: None) -> None:
    from fresh_pages import TemplatePageMaker
    from noisy_pages import NEUTRAL, REPORTING, Line

    maker = TemplatePageMaker([], [], seed=1)
    paragraphs = ["The council met on Monday and voted.", "XXXX", "The vote was close, the clerk said."]
    lines = maker.interleave(
        paragraphs, gap=lambda i: [Line(f"gap {i}", "ad")], before=lambda i: [Line(f"stamp {i}", "live")] if i else []
    )
    assert [(line.text, line.kind) for line in lines] == [
        (paragraphs[0], REPORTING),
        ("gap 0", "ad"),
        ("stamp 1", "live"),
        ("XXXX", NEUTRAL),  # wire residue, scored neither way
        ("gap 1", "ad"),
        ("stamp 2", "live"),
        (paragraphs[2], REPORTING),
    ]


def test_fresh_set_i_shares_no_wording_with_the_other_sets(syspath_benchmarks: None) -> None:
    from fresh_pages import shared_with_generators
    from noisy_fresh_i import I_TEMPLATES, OTHER_GENERATORS

    assert shared_with_generators(I_TEMPLATES, OTHER_GENERATORS) == 0
    assert shared_with_generators({"x": ["Markets data delayed 15 minutes today"]}, ["noisy_fresh_i.py"]) > 0


def test_fresh_set_j_shares_no_wording_with_the_other_sets(syspath_benchmarks: None) -> None:
    from fresh_pages import shared_with_generators
    from noisy_fresh_j import J_TEMPLATES, OTHER_GENERATORS

    assert shared_with_generators(J_TEMPLATES, OTHER_GENERATORS) == 0
    assert shared_with_generators({"x": ["Have a story we should look into"]}, ["noisy_fresh_j.py"]) > 0


def test_fresh_set_j_clusters_the_judged_events_and_each_half_in_fives(syspath_benchmarks: None) -> None:
    import json

    from noisy_fresh_j import EVENTS, j_parts
    from web_pages import is_training_page

    events = json.loads(EVENTS.read_text(encoding="utf-8"))["events"]
    judged = sorted({k for group in events.values() for k in group})
    keys = judged + [f"{digit}{n:03d}" for digit in "08f" for n in range(6)]
    parts = j_parts(keys)
    assert [sorted(g) for p, g in parts if p == "events"] == [sorted(g) for _, g in sorted(events.items())]
    for name, half in (("five, train half", True), ("five, held-out half", False)):
        groups = [g for p, g in parts if p == name]
        drawn = [k for g in groups for k in g]
        assert sorted(drawn) == sorted(k for k in keys if is_training_page(k) == half)  # each page once
        assert all(len(g) <= 5 for g in groups) and sum(len(g) < 5 for g in groups) <= 1


def test_fresh_set_k_shares_no_wording_with_the_other_sets(syspath_benchmarks: None) -> None:
    from fresh_pages import shared_with_generators
    from noisy_fresh_k import K_TEMPLATES, OTHER_GENERATORS

    assert shared_with_generators(K_TEMPLATES, OTHER_GENERATORS) == 0
    assert shared_with_generators({"x": ["Set your location to see news"]}, ["noisy_fresh_k.py"]) > 0


def test_fresh_set_k_draws_each_half_in_fours_and_four_documents_of_set_b(syspath_benchmarks: None) -> None:
    from noisy_fresh_k import duc_documents, k_parts
    from web_pages import is_training_page

    keys = [f"{digit}{n:03d}" for digit in "08f" for n in range(7)]
    parts = k_parts(keys)
    for name, half in (("four, train half", True), ("four, held-out half", False)):
        groups = [g for p, g in parts if p == name]
        drawn = [k for g in groups for k in g]
        assert sorted(drawn) == sorted(k for k in keys if is_training_page(k) == half)  # each page once
        assert all(len(g) <= 4 for g in groups) and sum(len(g) < 4 for g in groups) <= 1
    assert duc_documents({"id": "D0703A-A", "documents": ["x"] * 10}) == []
    chosen = duc_documents({"id": "D0703A-B", "documents": ["x"] * 8})
    assert len(chosen) == len(set(chosen)) == 4 and all(0 <= i < 8 for i in chosen)
