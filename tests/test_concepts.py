"""The default method: concept coverage by integer programming."""

import json
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

import chorus
from chorus.pipeline import build_story
from chorus.select import DEFAULT_METHOD, METHODS
from chorus.select.concepts import FEATURES, Concepts, coverage_program, coverage_value, load_models, solve_coverage
from chorus.types import Budget
from conftest import EXAMPLE


@pytest.fixture(scope="module")
def story():
    return build_story(chorus.load_documents([EXAMPLE]))


def test_concepts_is_the_default_method():
    assert DEFAULT_METHOD == "concepts" and "concepts" in METHODS


def test_shipped_models_cover_both_modes_with_every_feature():
    models = load_models()
    assert set(models) == {"query", "generic"}
    for model in models.values():
        assert set(model.features) <= set(FEATURES)
        assert len(model.coef) == len(model.features) == len(model.mean)
    assert "q_sent" not in models["generic"].features


def test_solver_finds_the_best_cover_within_the_budget():
    rng = np.random.default_rng(7)
    n_sentences, n_concepts = 9, 14
    sentence_concepts = [
        set(rng.choice(n_concepts, size=rng.integers(1, 5), replace=False).tolist()) for _ in range(n_sentences)
    ]
    weights = rng.uniform(0.1, 1.0, n_concepts)
    lengths = rng.integers(5, 20, n_sentences).tolist()
    budget = Budget(words=35)
    chosen = solve_coverage(weights, sentence_concepts, lengths, list(range(n_sentences)), budget)

    def value(subset):
        return weights[list(set().union(*(sentence_concepts[i] for i in subset)))].sum() if subset else 0.0

    best = max(
        (
            c
            for r in range(n_sentences + 1)
            for c in combinations(range(n_sentences), r)
            if sum(lengths[i] for i in c) <= 35
        ),
        key=value,
    )
    assert sum(lengths[i] for i in chosen) <= 35
    assert value(chosen) == pytest.approx(value(best))


@pytest.mark.parametrize("seed", range(12))
def test_solver_finds_the_best_cover_with_exclusive_pairs_and_a_sentence_limit(seed):
    # The solver's options (presolve, cut limits) must not cost the optimum.
    rng = np.random.default_rng(seed)
    n_sentences, n_concepts = 10, 16
    sentence_concepts = [
        set(rng.choice(n_concepts, size=rng.integers(1, 6), replace=False).tolist()) for _ in range(n_sentences)
    ]
    weights = rng.uniform(0.05, 1.0, n_concepts)
    lengths = rng.integers(5, 25, n_sentences).tolist()
    exclusive = [(a, b) for a, b in combinations(range(n_sentences), 2) if rng.random() < 0.08]
    budget = Budget(words=int(rng.integers(30, 70)), sentences=int(rng.integers(2, 5)))
    chosen = solve_coverage(weights, sentence_concepts, lengths, list(range(n_sentences)), budget, exclusive)

    def value(subset):
        return weights[list(set().union(*(sentence_concepts[i] for i in subset)))].sum() if subset else 0.0

    feasible = (
        c
        for r in range(budget.sentences + 1)
        for c in combinations(range(n_sentences), r)
        if sum(lengths[i] for i in c) <= budget.words and not any(a in c and b in c for a, b in exclusive)
    )
    assert budget.fits(sum(lengths[i] for i in chosen), len(chosen))
    assert not any(a in chosen and b in chosen for a, b in exclusive)
    assert value(chosen) == pytest.approx(value(max(feasible, key=value)))


def test_the_reduced_program_values_every_choice_as_the_concepts_do():
    # Concepts one candidate carries fold into its value, concepts the same candidates carry
    # into one group: for every set of chosen sentences the covered value is unchanged.
    rng = np.random.default_rng(11)
    sentence_concepts = [set(rng.choice(10, size=rng.integers(1, 5), replace=False).tolist()) for _ in range(8)]
    sentence_concepts[5] = set(sentence_concepts[2])  # two candidates with the same concepts
    weights = rng.uniform(0.0, 1.0, 10)
    weights[3] = 0.0
    candidates = [0, 2, 3, 5, 7]
    own, shared, carriers = coverage_program(weights, sentence_concepts, candidates)
    assert len(shared) == len(carriers) < len({c for i in candidates for c in sentence_concepts[i]})
    assert all(len(where) >= 2 for where in carriers)
    for r in range(len(candidates) + 1):
        for chosen in combinations(range(len(candidates)), r):
            reduced = own[list(chosen)].sum() + sum(w for w, where in zip(shared, carriers) if set(where) & set(chosen))
            expected = coverage_value(weights, sentence_concepts, [candidates[j] for j in chosen])
            assert reduced == pytest.approx(expected)


def test_a_known_value_prunes_the_search_but_not_the_optimum():
    rng = np.random.default_rng(3)
    sentence_concepts = [set(rng.choice(12, size=3, replace=False).tolist()) for _ in range(8)]
    weights = rng.uniform(0.1, 1.0, 12)
    lengths = rng.integers(5, 15, 8).tolist()
    problem = (weights, sentence_concepts, lengths, list(range(8)), Budget(words=30))

    def value(subset):
        return weights[list(set().union(*(sentence_concepts[i] for i in subset)))].sum() if subset else 0.0

    best = value(solve_coverage(*problem))
    assert value(solve_coverage(*problem, at_least=best / 2)) == pytest.approx(best)
    assert value(solve_coverage(*problem, at_least=best)) == pytest.approx(best)  # a solution as good is kept


def test_an_option_highs_does_not_take_is_an_error_not_ignored():
    # HiGHS's presolve takes "on" / "off" / "choose"; given True it would quietly keep its default.
    with pytest.raises(ValueError, match="presolve"):
        solve_coverage(np.ones(2), [{0}, {1}], [5, 5], [0, 1], Budget(words=5), solver_options={"presolve": True})


def test_solver_never_takes_both_of_an_exclusive_pair():
    weights = np.array([1.0, 1.0, 1.0])
    chosen = solve_coverage(weights, [{0, 1}, {1, 2}, {0}], [5, 5, 5], [0, 1, 2], Budget(words=100), [(0, 1)])
    assert not {0, 1} <= set(chosen)


def test_concepts_every_outlet_reports_weigh_more_than_one_outlets_details(story):
    table, weights = Concepts().concept_weights(story)
    by_text = {" ".join(c): w for c, w in zip(table.concepts, weights)}
    everywhere = by_text["chemic warehous"]  # in every article and headline
    column = FEATURES.index("df_frac")
    single = [w for c, w, f in zip(table.concepts, weights, table.features) if f[column] <= 0.2]
    assert everywhere > np.percentile(single, 95)


def test_a_query_pulls_the_summary_toward_it(story):
    plain = Concepts().select(story, Budget(words=40))
    focused_story = build_story(
        chorus.load_documents([EXAMPLE]), query="Which firefighters were injured and how badly?"
    )
    focused = Concepts().select(focused_story, Budget(words=40))
    text = " ".join(focused_story.sentences[i].text for i in focused).lower()
    assert "injur" in text or "burn" in text
    assert plain != focused or "injur" in " ".join(story.sentences[i].text for i in plain).lower()


def test_solver_prints_nothing_on_stdout(capfd):
    # A problem met in a batch run: HiGHS's presolve wrote a debug line to the
    # process's stdout, which would corrupt `chorus summarize --format json`.
    case = json.loads((Path(__file__).parent / "data" / "highs-presolve-case.json").read_text())
    chosen = solve_coverage(
        np.array(case["weights"]),
        [set(concepts) for concepts in case["sentence_concepts"]],
        case["lengths"],
        case["candidates"],
        Budget(words=case["words"]),
        [tuple(pair) for pair in case["exclusive"]],
    )
    assert chosen and sum(case["lengths"][i] for i in chosen) <= case["words"]
    assert capfd.readouterr().out == ""


def test_silencing_the_solver_keeps_what_python_prints_around_it():
    # fd 1 is pointed away from stdout only while HiGHS runs: text printed before
    # (still in Python's buffer when stdout is a pipe) and after must come out, in order.
    import subprocess
    import sys

    case = Path(__file__).parent / "data" / "highs-presolve-case.json"
    code = f"""
import json, numpy as np
from chorus.select.concepts import solve_coverage
from chorus.types import Budget
case = json.load(open({str(case)!r}))
print("before")
chosen = solve_coverage(np.array(case["weights"]), [set(c) for c in case["sentence_concepts"]], case["lengths"],
                        case["candidates"], Budget(words=case["words"]), [tuple(p) for p in case["exclusive"]])
print("after", bool(chosen))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "before\nafter True\n"
