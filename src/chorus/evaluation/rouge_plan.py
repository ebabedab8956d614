"""What both ROUGE scorers score: the options, the evaluations, the result type.

The Python scorer (``rouge155``) and the Perl one (``rouge_perl``) take the
same :class:`Plan`, so they see the same files, evaluation ids and peer ids.
That matters beyond bookkeeping: ROUGE's bootstrap draws instances by their
position in the sorted list of ``EVALID.PEERID`` keys, so the reported
average and interval depend on the ids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from chorus.errors import ChorusError
from chorus.evaluation.rouge_stem import EXCEPTION_FILES

METRICS = ("ROUGE-1", "ROUGE-2", "ROUGE-SU4")
# The Python reproduction (rouge155) needs no Perl; the Perl script is the oracle.
SCORERS = ("python", "perl")
DEFAULT_SCORER = "python"

# Between a topic id and the reference it leaves out, in an evaluation id.
LEFT_OUT_MARK = "~"


@dataclass(frozen=True)
class RougeOptions:
    """ROUGE-1.5.5's options, by name. The defaults are NIST's for DUC 2005-2007
    (``-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0``), without a length limit."""

    max_n: int = 2  # -n: ROUGE-1 .. ROUGE-max_n
    skip_distance: int | None = 4  # -2: ROUGE-S/SU with at most this many words between (None: none)
    skip_unigrams: bool = True  # -u: SU (skip-bigrams plus unigrams) instead of S
    stem: bool = True  # -m
    remove_stopwords: bool = False  # -s
    word_limit: int | None = None  # -l: first N words of every peer and model
    byte_limit: int | None = None  # -b: first N bytes
    confidence: float = 95  # -c
    resamples: int = 1000  # -r
    formula: str = "A"  # -f: A averages over the models, B takes the best one
    alpha: float = 0.5  # -p: F's weight of precision
    lcs: bool = False  # ROUGE-L (leaving out -x); the Perl scorer only
    wlcs_weight: float | None = None  # -w: ROUGE-W; the Perl scorer only
    jackknife: bool = False  # each system against every set of all references but one
    # -m's WordNet exception lists, in the order they are read (a later one's entry wins): a
    # setting so that a benchmark can score another order (rouge_scorers.py) without patching.
    exception_files: tuple[str, ...] = EXCEPTION_FILES

    def __post_init__(self) -> None:
        if self.word_limit and self.byte_limit:
            raise ChorusError("ROUGE takes a length limit in words or in bytes, not both")
        if self.formula not in ("A", "B"):
            raise ChorusError(f"ROUGE's scoring formula is A or B, not {self.formula!r}")
        if not 0 <= self.alpha <= 1 or not 0 <= self.confidence <= 100 or self.resamples < 1:
            raise ChorusError("ROUGE needs 0 <= alpha <= 1, 0 <= confidence <= 100 and at least one resample")

    def metric_names(self) -> list[str]:
        names = [f"ROUGE-{n}" for n in range(1, self.max_n + 1)]
        if self.skip_distance is not None:
            distance = str(self.skip_distance) if self.skip_distance >= 0 else "*"
            names.append(("ROUGE-SU" if self.skip_unigrams else "ROUGE-S") + distance)
        return names

    def perl_args(self) -> list[str]:
        """The same settings as ROUGE-1.5.5.pl's command-line options."""
        args = ["-n", str(self.max_n)]
        if self.wlcs_weight is not None:
            args += ["-w", str(self.wlcs_weight)]
        if not self.lcs:
            args.append("-x")
        if self.stem:
            args.append("-m")
        if self.remove_stopwords:
            args.append("-s")
        if self.skip_distance is not None:
            args += ["-2", str(self.skip_distance)] + (["-u"] if self.skip_unigrams else [])
        args += [
            "-c",
            f"{self.confidence:g}",
            "-r",
            str(self.resamples),
            "-f",
            self.formula,
            "-p",
            f"{self.alpha:g}",
            "-t",
            "0",
            "-a",
            "-d",
        ]
        if self.word_limit:
            args += ["-l", str(self.word_limit)]
        elif self.byte_limit:
            args += ["-b", str(self.byte_limit)]
        return args

    def describe(self) -> str:
        return (
            "ROUGE-1.5.5 "
            + " ".join(a for a in self.perl_args() if a != "-d")
            + (", jackknifed" if self.jackknife else "")
        )


def nist_options(word_limit: int | None, full: bool = False, jackknife: bool = False) -> RougeOptions:
    """DUC 2005-2007's settings: stemmed, ROUGE-2 and SU4, 95% CI, model average.

    NIST ran ``-n 4 -w 1.2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a``;
    unless ``full``, we skip ROUGE-3/4, -L and -W (``-n 2 -x``), which leaves
    ROUGE-1, ROUGE-2 and ROUGE-SU4 identical and runs several times faster.
    NIST's official tables are jackknifed (``jackknife``).
    """
    if full:
        return RougeOptions(max_n=4, lcs=True, wlcs_weight=1.2, word_limit=word_limit, jackknife=jackknife)
    return RougeOptions(word_limit=word_limit, jackknife=jackknife)


@dataclass
class Score:
    recall: float
    recall_ci: tuple[float, float]
    f1: float
    f1_ci: tuple[float, float]
    per_topic_recall: dict[str, float] = field(default_factory=dict)
    precision: float = 0.0
    precision_ci: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True)
class EvalUnit:
    """One ROUGE ``<EVAL>``: some peers scored against some of a topic's references."""

    id: str
    topic: str
    models: tuple[str, ...]  # reference ids
    peers: tuple[str, ...]  # system names


def spl_text(summary: str | Sequence[str]) -> bytes:
    """A summary as the sentence-per-line file ROUGE reads (UTF-8)."""
    sentences = [summary] if isinstance(summary, str) else list(summary)
    return ("\n".join(" ".join(s.split()) for s in sentences if s.strip()) + "\n").encode("utf-8")


_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


class _Names:
    """File-system and XML-safe ids, distinct for distinct names."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self._taken: set[str] = set()

    def __call__(self, name: str) -> str:
        if name not in self.ids:
            base = _UNSAFE.sub("_", name) or "_"
            candidate, k = base, 1
            while candidate in self._taken:
                k += 1
                candidate = f"{base}_{k}"
            self._taken.add(candidate)
            self.ids[name] = candidate
        return self.ids[name]


@dataclass
class Plan:
    """The evaluations of one scoring run, with every summary as ROUGE's file bytes."""

    units: list[EvalUnit]
    peer_files: dict[str, dict[str, bytes]]  # system -> topic -> file
    model_files: dict[str, dict[str, bytes]]  # topic -> reference id -> file
    peer_id: dict[str, str]  # system -> ROUGE peer id
    topic_id: dict[str, str]  # topic -> safe id
    model_id: dict[str, dict[str, str]]  # topic -> reference id -> ROUGE model id

    def instances(self, system: str) -> list[tuple[str, EvalUnit]]:
        """The system's evaluations as ROUGE orders them: by the key ``EVALID.PEERID``."""
        peer = self.peer_id[system]
        keyed = [(f"{u.id}.{peer}", u) for u in self.units if system in u.peers]
        return sorted(keyed, key=lambda item: item[0].encode("utf-8"))


def make_plan(
    systems: dict[str, dict[str, str | Sequence[str]]],
    references: dict[str, dict[str, str]],
    jackknife: bool = False,
) -> Plan:
    """The evaluations for every system on every topic it has a summary for.

    A system whose name is one of a topic's reference ids (a human
    summarizer) is scored against the other references only, as NIST does.
    Without ``jackknife`` the other systems are scored against all references;
    with it, against each set of all but one (one evaluation per left-out
    reference), while a human is scored once, against the others: the
    procedure of ROUGE-1.5.5's release note (1.4), which makes systems' and
    humans' figures comparable.
    """
    topics, peers = _Names(), _Names()
    model_names: dict[str, _Names] = {}
    units: list[EvalUnit] = []
    peer_files: dict[str, dict[str, bytes]] = {}
    model_files: dict[str, dict[str, bytes]] = {}
    for topic, refs in references.items():
        t = topics(topic)
        model_names[topic] = names = _Names()
        model_files[topic] = {}
        for ref_id, text in refs.items():
            names(ref_id)
            model_files[topic][ref_id] = spl_text(text)
        present = [s for s, summaries in systems.items() if topic in summaries]
        for system in present:
            peers(system)
            peer_files.setdefault(system, {})[topic] = spl_text(systems[system][topic])
        ref_ids = list(refs)
        humans = [s for s in present if s in refs and len(ref_ids) > 1]
        machines = [s for s in present if s not in humans]
        if jackknife and len(ref_ids) > 1:
            for left_out in ref_ids:
                models = tuple(r for r in ref_ids if r != left_out)
                in_unit = tuple(machines) + ((left_out,) if left_out in humans else ())
                if in_unit:
                    units.append(EvalUnit(f"{t}{LEFT_OUT_MARK}{names(left_out)}", topic, models, in_unit))
        else:
            if machines:
                units.append(EvalUnit(t, topic, tuple(ref_ids), tuple(machines)))
            for human in humans:
                models = tuple(r for r in ref_ids if r != human)
                units.append(EvalUnit(f"{t}{LEFT_OUT_MARK}{names(human)}", topic, models, (human,)))
    if not units:
        raise ChorusError("nothing to score: no system summary matches a topic with references")
    return Plan(units, peer_files, model_files, peers.ids, topics.ids, {t: n.ids for t, n in model_names.items()})


def per_topic_recall(plan: Plan, system: str, recalls: dict[str, float]) -> dict[str, float]:
    """Average the rounded recall of a system's evaluations (by evaluation id) per topic."""
    sums: dict[str, list[float]] = {}
    for unit in plan.units:
        if unit.id in recalls and system in unit.peers:
            sums.setdefault(unit.topic, []).append(recalls[unit.id])
    out = {}
    for topic, values in sums.items():
        total = 0.0
        for v in values:
            total += v
        out[topic] = total / len(values)
    return out
