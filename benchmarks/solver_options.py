"""The `concepts` integer program under HiGHS options: CPU time and the objective reached.

    nice python benchmarks/solver_options.py --json /tmp/bench/solver_options.json
    nice python benchmarks/solver_options.py --against-now '{"no restart": {"mip_allow_restart": false}}'
    nice python benchmarks/solver_options.py --lp

Builds the integer program ``Concepts.select`` solves for every cluster of
the sets below (no query and with the query, DUC 2006 cut to 10 articles and
whole, DUC 2007's 10-article clusters), then solves each one with every
option set in turn, in one process pinned to one core: the options chorus
used before (presolve off, HiGHS's defaults), each option alone, and what
it uses now (``SOLVER_OPTIONS`` and the greedy solution's value as a cutoff,
``at_least``), and the same without the cutoff; all stop within ``SOLVER_GAP``
of the optimum, as chorus does. The optimum itself comes from a run with no
gap, timed too (the last row). Reported per option set: CPU ms per program (median and mean per set),
and how its objective compares with the old options' and with the optimum.
The summary ``Concepts.select`` returns is the better of the solver's and
the greedy solution, as here. With ``--against-now``, only the given option
sets (on top of ``SOLVER_OPTIONS``, with the greedy bound) are compared with
the solver as chorus runs it, program by program in a rotating order: how
many programs end with the same sentences, or an objective equal, higher or
lower (an option set may replace the current one only if it keeps every
objective). With ``--lp``, each program's LP relaxation alone: how often its
solution is integral (then it is an optimum, and the integer program needs no
search) or its bound proves the greedy solution optimal, and how far the bound
lies above the solution chorus keeps.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

import chorus.select.concepts as concepts
from chorus.pipeline import build_story, load_documents, make_budget
from common import default_cpu, describe_machine, machine, markdown_table, pin_to_one_core, read_clusters, write_json

DATA = Path("../shared/data")
SETS = (  # name, dataset, articles, words, query
    ("DUC 2006, 10 articles, generic", "duc2006/clusters.jsonl", 10, 250, False),
    ("DUC 2006, 25 articles, generic", "duc2006/clusters.jsonl", 25, 250, False),
    ("DUC 2006, 25 articles, query", "duc2006/clusters.jsonl", 25, 250, True),
    ("DUC 2007, 10 articles, query", "duc2007-update/clusters.jsonl", 10, 100, True),
)
EXACT_NODES = 10**7  # no node limit: the exact solves run to the end
OLD = {"presolve": "off"}  # HiGHS option values, as highspy takes them
GREEDY_BOUND = "greedy bound"
OPTION_SETS = {
    "before (presolve off)": OLD,
    "presolve on": {"presolve": "on"},
    "presolve, lp age 2": {"presolve": "on", "mip_lp_age_limit": 2},
    "presolve, cut pool 100": {"presolve": "on", "mip_pool_soft_limit": 100},
    "presolve, no heuristics": {"presolve": "on", "mip_heuristic_effort": 0.0},
    "SOLVER_OPTIONS, no greedy bound": concepts.SOLVER_OPTIONS,
    # The greedy solution's value as a cutoff (``at_least``): HiGHS prunes whatever cannot reach it.
    "now: SOLVER_OPTIONS and the greedy bound": {**concepts.SOLVER_OPTIONS, GREEDY_BOUND: True},
}


def problems(data: Path, limit: int | None) -> list[tuple[str, tuple]]:
    """Every program ``Concepts.select`` hands to the solver, with the name of its set."""
    out: list[tuple[str, tuple]] = []
    recorded: list[tuple] = []

    def record(*problem: Any, **options: Any) -> list[int]:
        recorded.append(problem)  # the program; how to solve it is this script's to vary
        return concepts.solve_coverage(*problem, **options)

    method = concepts.Concepts(solve=record)
    for name, path, articles, words, with_query in SETS:
        for cluster in read_clusters(data / path, limit):
            query = (
                " ".join(str(cluster.fields.get(f, "")) for f in ("topic_title", "topic_narrative"))
                if with_query
                else None
            )
            warnings: list[str] = []
            story = build_story(load_documents(cluster.documents[:articles], warnings), query, warnings)
            method.select(story, make_budget(words))
            out += [(name, p) for p in recorded]
            recorded.clear()
    return out


def solve(problem: tuple, options: dict[str, Any], gap: float) -> tuple[float, float]:
    """CPU seconds, and the objective of the better of the solver's and the greedy solution."""
    weights, sentence_concepts = problem[0], problem[1]
    start = time.process_time()
    at_least = None
    if options.get(GREEDY_BOUND):  # as Concepts.select does: the greedy solution first, its value as a bound
        at_least = concepts.coverage_value(weights, sentence_concepts, concepts.greedy_coverage(*problem))
        options = {k: v for k, v in options.items() if k != GREEDY_BOUND}
    chosen = concepts.solve_coverage(*problem, at_least=at_least, solver_options=options, gap=gap)
    seconds = time.process_time() - start
    greedy = concepts.greedy_coverage(*problem)
    value = max(concepts.coverage_value(weights, sentence_concepts, c) for c in (chosen, greedy))
    return seconds, value


def solve_told(problem: tuple, optimum: float) -> float:
    """CPU seconds of an exact solve (no gap) given the optimum's value as the cutoff: what a perfect
    start solution would leave HiGHS to do (prove that nothing is better)."""
    start = time.process_time()
    concepts.solve_coverage(
        *problem, at_least=optimum, solver_options={**concepts.SOLVER_OPTIONS, "mip_max_nodes": EXACT_NODES}, gap=0.0
    )
    return time.process_time() - start


def solve_now(problem: tuple, options: dict[str, Any]) -> tuple[float, float, tuple[int, ...]]:
    """As ``Concepts.select`` solves (the greedy bound, SOLVER_OPTIONS with ``options`` on top): CPU
    seconds, the objective of the better solution and its sentences."""
    weights, sentence_concepts = problem[0], problem[1]
    start = time.process_time()
    greedy = concepts.greedy_coverage(*problem)
    greedy_value = concepts.coverage_value(weights, sentence_concepts, greedy)
    exact = concepts.solve_coverage(
        *problem, at_least=greedy_value, solver_options={**concepts.SOLVER_OPTIONS, **options}
    )
    seconds = time.process_time() - start
    exact_value = concepts.coverage_value(weights, sentence_concepts, exact)
    chosen = exact if exact_value >= greedy_value else greedy
    return seconds, max(exact_value, greedy_value), tuple(sorted(chosen))


def against_now(programs: list[tuple[str, tuple]], extra: dict[str, dict[str, Any]]) -> str:
    """Each option set of ``extra`` (on top of SOLVER_OPTIONS) against chorus's solver now, program
    by program in a rotating order: CPU ms per set of clusters, and how many programs end with the
    same sentences, the same objective, a higher or a lower one, and how far below the optimum (an
    exact solve, no gap) each ends."""
    names = ["now", *extra]
    settings = {"now": {}, **extra}
    results: dict[str, list[tuple[float, float, tuple[int, ...]]]] = {name: [] for name in names}
    exact = {**concepts.SOLVER_OPTIONS, "mip_max_nodes": EXACT_NODES}
    optimum = [solve(problem, exact, 0.0)[1] for _, problem in programs]
    for k, (_, problem) in enumerate(programs):
        shift = k % len(names)
        for name in names[shift:] + names[:shift]:
            results[name].append(solve_now(problem, settings[name]))
    set_names = [s[0] for s in SETS]
    now = results["now"]
    rows = []
    for name in names:
        by_set = []
        for set_name in set_names:
            seconds = [r[0] for (s, _), r in zip(programs, results[name]) if s == set_name]
            by_set.append(
                f"{statistics.median(seconds) * 1000:.0f} / {statistics.mean(seconds) * 1000:.0f}" if seconds else ""
            )
        tolerance = 1e-9
        same = sum(r[2] == n[2] for r, n in zip(results[name], now))
        equal = sum(abs(r[1] - n[1]) <= tolerance * max(n[1], 1) for r, n in zip(results[name], now))
        higher = sum(r[1] > n[1] + tolerance * max(n[1], 1) for r, n in zip(results[name], now))
        total = sum(r[0] for r in results[name])
        loss = [1 - r[1] / best if best > 0 else 0.0 for r, best in zip(results[name], optimum)]
        at_optimum = sum(x <= tolerance for x in loss)
        rows.append(
            [
                name,
                *by_set,
                f"{total:.1f}",
                f"{same}",
                f"{equal}",
                f"{higher}",
                f"{len(now) - equal - higher}",
                f"{at_optimum}",
                f"{statistics.mean(loss):.3%} / {max(loss):.2%}",
            ]
        )
    header = [
        "options (on top of SOLVER_OPTIONS)",
        *[f"{s}: CPU ms median / mean" for s in set_names],
        "total CPU s",
        "same sentences as now",
        "objective = now",
        "> now",
        "< now",
        "= optimum",
        "below the optimum: mean / worst",
    ]
    return markdown_table(header, rows)


def lp_relaxation(programs: list[tuple[str, tuple]]) -> str:
    """Per set: the programs whose LP relaxation has an integral solution, or a bound no higher than
    the greedy solution's value; the LP's CPU ms; its bound over the value chorus keeps (median)."""
    import highspy

    rows = []
    for set_name, *_ in SETS:
        mine = [p for s, p in programs if s == set_name]
        integral = proves_greedy = 0
        seconds: list[float] = []
        ratios: list[float] = []
        for problem in mine:
            weights, sentence_concepts = problem[0], problem[1]
            model = concepts.coverage_model(*problem)
            if model is None:
                continue
            _, kept, _ = solve_now(problem, {})
            greedy = concepts.coverage_value(weights, sentence_concepts, concepts.greedy_coverage(*problem))
            start = time.process_time()
            with concepts.quiet_stdout():
                solver = highspy.Highs()
                solver.setOptionValue("output_flag", False)
                solver.setOptionValue("threads", 1)
                model.integrality_ = []  # the relaxation: every variable continuous
                solver.passModel(model)
                solver.run()
            seconds.append(time.process_time() - start)
            x = np.array(solver.getSolution().col_value[: len(problem[3])])
            bound = -solver.getInfo().objective_function_value
            integral += bool(np.all((x < 1e-6) | (x > 1 - 1e-6)))
            proves_greedy += bound <= greedy * (1 + 1e-9)
            ratios.append(bound / max(kept, 1e-12))
        rows.append(
            [
                set_name,
                f"{len(mine)}",
                f"{integral}",
                f"{proves_greedy}",
                f"{statistics.median(seconds) * 1000:.1f}",
                f"{statistics.median(ratios):.4f}",
            ]
        )
    header = ["set", "programs", "LP solution integral", "LP bound ≤ greedy", "LP CPU ms (median)", "LP bound ÷ kept"]
    return markdown_table(header, rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default ../shared/data)")
    parser.add_argument("--limit", type=int, help="first N clusters of each set")
    parser.add_argument("--cpu", type=int, default=default_cpu(), help="core to pin to (default: the last)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument(
        "--against-now",
        type=json.loads,
        metavar="JSON",
        help='only compare these option sets with the solver now, e.g. \'{"no restart": {"mip_allow_restart": false}}\'',
    )
    parser.add_argument("--lp", action="store_true", help="only the LP relaxations: how often they settle the program")
    args = parser.parse_args(argv)
    pin_to_one_core(args.cpu)
    programs = problems(args.data, args.limit)
    print(f"{len(programs)} programs", file=sys.stderr, flush=True)
    if args.lp:
        print(f"{len(programs)} programs; {describe_machine(machine())}\n")
        print(lp_relaxation(programs), end="")
        return 0
    if args.against_now:
        print(
            f"{len(programs)} programs ({args.limit or 'all'} clusters per set), gap {concepts.SOLVER_GAP:.0%}, one core, "
            f"interleaved; {describe_machine(machine())}\n"
        )
        print(against_now(programs, args.against_now), end="")
        return 0
    exact = {**concepts.SOLVER_OPTIONS, "mip_max_nodes": EXACT_NODES}
    exact_times, optimum = zip(*(solve(p, exact, 0.0) for _, p in programs))
    results: dict[str, dict[str, list[float]]] = {}
    for name, options in OPTION_SETS.items():
        print(f"  {name} ...", file=sys.stderr, flush=True)
        times, values = zip(*(solve(p, options, concepts.SOLVER_GAP) for _, p in programs))
        results[name] = {"seconds": list(times), "values": list(values)}
    results["SOLVER_OPTIONS, no gap (the optimum)"] = {"seconds": list(exact_times), "values": list(optimum)}
    # The best a start solution could do for an exact solve: the optimum's own value as the cutoff.
    print("  no gap, the optimum as cutoff ...", file=sys.stderr, flush=True)
    told = [solve_told(p, best) for (_, p), best in zip(programs, optimum)]
    results["no gap, told the optimum's value (cutoff)"] = {"seconds": told, "values": list(optimum)}

    set_names = [s[0] for s in SETS]
    old = results["before (presolve off)"]["values"]
    rows = []
    for name, r in results.items():
        by_set = []
        for set_name in set_names:
            seconds = [t for (s, _), t in zip(programs, r["seconds"]) if s == set_name]
            by_set.append(
                f"{statistics.median(seconds) * 1000:.0f} / {statistics.mean(seconds) * 1000:.0f}" if seconds else ""
            )
        tolerance = 1e-9
        same = sum(abs(v - o) <= tolerance * max(o, 1) for v, o in zip(r["values"], old))
        higher = sum(v > o + tolerance * max(o, 1) for v, o in zip(r["values"], old))
        at_optimum = sum(v >= best - tolerance * max(best, 1) for v, best in zip(r["values"], optimum))
        worst = min((v - best) / best for v, best in zip(r["values"], optimum) if best > 0)
        rows.append(
            [
                name,
                *by_set,
                f"{same}",
                f"{higher}",
                f"{len(old) - same - higher}",
                f"{at_optimum}",
                f"{worst * 100:.2f}%",
            ]
        )
    header = [
        "options",
        *[f"{s}: CPU ms median / mean" for s in set_names],
        "objective = before",
        "> before",
        "< before",
        "= optimum",
        "worst vs optimum",
    ]
    info = machine()
    print(
        f"{len(programs)} programs ({args.limit or 'all'} clusters per set), gap {concepts.SOLVER_GAP:.0%}, one core; "
        f"{describe_machine(info)}\n"
    )
    print(markdown_table(header, rows), end="")
    write_json(args.json, args, info, sets=[s for s, _ in programs], optimum=list(optimum), results=results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
