"""ROUGE-1.5.5 in Python against the Perl script: agreement, NIST's official tables, stemmer, speed.

    python benchmarks/rouge_scorers.py ../shared/data/duc2006 --repeats 2 --json /tmp/bench/rouge.json

Scores NIST's DUC 2006 peers (35 systems, 10 humans) against the four
references of each of the 50 topics with NIST's settings (``-n 2 -x -m -2 4
-u -c 95 -r 1000 -f A -p 0.5 -t 0 -l 250``), with both scorers, plainly and
jackknifed, and prints:

1. agreement: the largest difference between the two scorers over every
   system, metric (ROUGE-1, ROUGE-2, ROUGE-SU4) and figure (R, P, F, the
   bounds of their 95% intervals, and every per-topic recall);
2. NIST's official tables (``official-rouge2.txt``, ``official-rougeSU4.txt``,
   jackknifed): how many summarizers the Python scorer reproduces to the
   printed digit, under the two orders in which ROUGE's WordNet database can
   be built (the script reads the folder in directory order);
3. the stemmer: over the words of the references and peers, how often
   ROUGE's morphology (WordNet exceptions, then its own Porter) differs from
   PyStemmer's ``porter``, and what scoring with PyStemmer instead would
   change;
4. speed: CPU seconds per full scoring run (this process plus its children),
   the scorers interleaved, each repeated; the Perl database is built
   beforehand and not counted.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path
from statistics import median
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chorus.evaluation import rouge155, rouge_stem  # noqa: E402
from chorus.evaluation.evaluate import load_peers, load_references  # noqa: E402
from chorus.evaluation.rouge import nist_options, read_score_table, score  # noqa: E402
from chorus.evaluation.rouge_perl import rouge_data_dir  # noqa: E402
from chorus.evaluation.rouge_plan import make_plan  # noqa: E402
from common import describe_machine, machine, markdown_table, write_json  # noqa: E402

WORDS = 250
METRICS = ("ROUGE-1", "ROUGE-2", "ROUGE-SU4")


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def figures(scores: dict[str, Any]) -> dict[tuple[str, ...], float]:
    flat: dict[tuple[str, ...], float] = {}
    for system, metrics in scores.items():
        for metric, s in metrics.items():
            for name in ("recall", "precision", "f1"):
                flat[(system, metric, name)] = getattr(s, name)
            for name in ("recall_ci", "precision_ci", "f1_ci"):
                low, high = getattr(s, name)
                flat[(system, metric, name, "low")] = low
                flat[(system, metric, name, "high")] = high
            for topic, value in s.per_topic_recall.items():
                flat[(system, metric, "topic", topic)] = value
    return flat


def against_official(
    scores: dict[str, Any], table: dict[str, tuple[float, float, float]], metric: str
) -> dict[str, Any]:
    exact, worst = 0, 0.0
    for system, row in table.items():
        s = scores[system][metric]
        difference = max(abs(a - b) for a, b in zip((s.recall, *s.recall_ci), row))
        exact += difference < 1e-9
        worst = max(worst, difference)
    return {"exact": exact, "of": len(table), "worst": worst}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the duc2006 folder of ../shared/data")
    parser.add_argument("--repeats", type=int, default=2, help="timed runs of each scorer (default 2)")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    args = parser.parse_args(argv)

    _, references = load_references(args.data / "clusters.jsonl", None)
    peers = load_peers(args.data / "peers.jsonl", set(references))
    rouge_data_dir()  # build the Perl scorer's database now, outside the timings
    results: dict[str, Any] = {}

    # 1 and 4: agreement and speed, plain and jackknifed, scorers interleaved.
    rows = []
    for jackknife in (False, True):
        options = nist_options(WORDS, jackknife=jackknife)
        times: dict[str, list[float]] = {"python": [], "perl": []}
        out: dict[str, Any] = {}
        for _ in range(args.repeats):
            for scorer in ("python", "perl"):
                before = cpu_seconds()
                out[scorer] = score(peers, references, options=options, scorer=scorer)
                times[scorer].append(cpu_seconds() - before)
        python, perl = figures(out["python"]), figures(out["perl"])
        assert python.keys() == perl.keys(), "the scorers scored different things"
        worst = max(abs(python[k] - perl[k]) for k in perl)
        same = sum(all(python[k] == perl[k] for k in perl if k[0] == system) for system in out["perl"])
        label = "jackknifed" if jackknife else "plain"
        results[label] = {
            "systems": len(out["perl"]),
            "figures": len(perl),
            "largest_difference": worst,
            "systems_identical": same,
            "cpu_seconds": times,
        }
        rows.append(
            [
                label,
                str(len(out["perl"])),
                f"{len(perl):,}",
                f"{worst:.1g}" if worst else "0",
                f"{same} of {len(out['perl'])}",
                f"{median(times['python']):.1f}",
                f"{median(times['perl']):.1f}",
                f"{median(times['perl']) / median(times['python']):.0f}x",
            ]
        )
        if jackknife:
            jackknifed = out["python"]
    print("Agreement and speed (CPU seconds per run, median of", args.repeats, "interleaved runs):\n")
    print(
        markdown_table(
            [
                "run",
                "systems",
                "figures compared",
                "largest difference",
                "systems identical",
                "Python s",
                "Perl s",
                "Perl/Python",
            ],
            rows,
        )
    )

    # 2: NIST's official (jackknifed) tables, under both build orders of the WordNet database.
    tables = {
        "ROUGE-2": read_score_table(args.data / "official-rouge2.txt"),
        "ROUGE-SU4": read_score_table(args.data / "official-rougeSU4.txt"),
    }
    rows = []
    orders = {
        "adj, adv, noun, verb (chorus; best -> well)": rouge_stem.EXCEPTION_FILES,
        "adv, noun, verb, adj (best -> good)": ("adv.exc", "noun.exc", "verb.exc", "adj.exc"),
    }
    results["official"] = {}
    for label, order in orders.items():
        if order == rouge_stem.EXCEPTION_FILES:
            scores = jackknifed
        else:
            options = replace(nist_options(WORDS, jackknife=True), exception_files=order)
            scores = score(peers, references, options=options)
        row = [label]
        for metric, table in tables.items():
            found = against_official(scores, table, metric)
            results["official"].setdefault(label, {})[metric] = found
            row.append(f"{found['exact']} of {found['of']} (largest difference {found['worst']:.5f})")
        rows.append(row)
    print("NIST's official DUC 2006 tables, jackknifed Python scorer: summarizers whose mean and 95% interval")
    print("match to the printed digit:\n")
    print(markdown_table(["WordNet files read in the order", "ROUGE-2", "ROUGE-SU4"], rows))

    # 3: ROUGE's morphology against PyStemmer's porter.
    import Stemmer

    pystemmer = Stemmer.Stemmer("porter")
    plain = rouge155.Tokenizer(stem=False, remove_stopwords=False)
    vocabulary: set[str] = set()
    texts = [t for refs in references.values() for t in refs.values()]
    texts += [t for summaries in peers.values() for t in summaries.values()]
    for text in texts:
        vocabulary.update(plain.tokens(rouge155.read_text(text.encode("utf-8"))) or [])
    stemmed = sorted(w for w in vocabulary if len(w) >= rouge_stem.STEM_MIN_LENGTH)
    table = rouge_stem.exception_table()
    by_exception = [w for w in stemmed if w in table and table[w] != pystemmer.stemWord(w)]
    by_porter = [w for w in stemmed if w not in table and rouge_stem.porter_stem(w) != pystemmer.stemWord(w)]
    options = nist_options(WORDS)
    pystemmed = rouge155.Tokenizer(
        options.stem, options.remove_stopwords, stem_word=lambda token, exceptions: pystemmer.stemWord(token)
    )
    with_pystemmer = rouge155.score_plan(make_plan(peers, references, jackknife=options.jackknife), options, pystemmed)
    reference_scores = score(peers, references, options=nist_options(WORDS))
    shifts = {m: max(abs(with_pystemmer[s][m].recall - reference_scores[s][m].recall) for s in peers) for m in METRICS}
    changed = {m: sum(with_pystemmer[s][m].recall != reference_scores[s][m].recall for s in peers) for m in METRICS}

    def ranking(scores: dict[str, Any]) -> list[str]:
        return sorted(peers, key=lambda s: -scores[s]["ROUGE-2"].recall)

    swapped = sum(a != b for a, b in zip(ranking(with_pystemmer), ranking(reference_scores)))
    results["stemmer"] = {
        "words_stemmed": len(stemmed),
        "differ_by_exception": len(by_exception),
        "differ_by_porter": len(by_porter),
        "examples_exception": by_exception[:12],
        "examples_porter": by_porter[:12],
        "largest_recall_shift": shifts,
        "systems_changed": changed,
        "rank_positions_changed_r2": swapped,
    }
    print(f"Stemming: of the {len(stemmed):,} distinct words ROUGE stems (longer than 3 letters) in DUC 2006's")
    print(f"references and peers, PyStemmer's porter stems {len(by_exception)} differently because ROUGE takes")
    print(f"WordNet's exception ({', '.join(by_exception[:6])}, ...) and {len(by_porter)} because ROUGE's Porter")
    print(f"differs ({', '.join(by_porter[:6])}, ...). Scoring with PyStemmer instead changes the recall of")
    print(
        ", ".join(f"{changed[m]} of {len(peers)} summarizers on {m} (by up to {shifts[m]:.5f})" for m in METRICS)
        + f", and {swapped} places of the ROUGE-2 ranking.\n"
    )
    info = machine()
    print(f"Machine: {describe_machine(info)}; {time.strftime('%Y-%m-%d')}.")
    write_json(args.json, args, info, **results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
