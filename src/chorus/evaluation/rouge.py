"""ROUGE-1.5.5 (Lin 2004) as NIST ran it for DUC, in Python or with the official Perl script.

Published tables (DUC, TAC) come from the Perl script ROUGE-1.5.5.pl, so our
figures compare with them only if we compute exactly what it computes. The
default scorer, ``python`` (:mod:`chorus.evaluation.rouge155`), reproduces
it without Perl: same tokens, same stems, same counts, same bootstrap, so
the same printed figures (tests/test_rouge.py checks every DUC 2006 system
against the script to 1e-5). ``perl`` (:mod:`chorus.evaluation.rouge_perl`)
runs the script itself; it needs Perl's XML::Parser and DB_File.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from chorus.errors import ChorusError
from chorus.evaluation import rouge155, rouge_perl
from chorus.evaluation.rouge_plan import (
    DEFAULT_SCORER,
    METRICS,
    SCORERS,
    RougeOptions,
    Score,
    make_plan,
    nist_options,
)

__all__ = ["METRICS", "SCORERS", "DEFAULT_SCORER", "RougeOptions", "Score", "nist_options", "read_score_table", "score"]

_TABLE_ROW = re.compile(r"^(\S+) ([\d.]+) \(([\d.]+)%-conf\.int\. ([\d.]+) - ([\d.]+)\)$")


def score(
    systems: dict[str, dict[str, str | Sequence[str]]],
    references: dict[str, dict[str, str]],
    word_limit: int | None = None,
    options: RougeOptions | None = None,
    scorer: str = DEFAULT_SCORER,
) -> dict[str, dict[str, Score]]:
    """Score every system's summaries against the topics' references.

    Args:
        systems: system id -> topic id -> summary (text, or list of sentences).
        references: topic id -> reference id -> reference text. A system whose
            id equals a reference id (a human summarizer) is scored against the
            other references only, as NIST does.
        word_limit: cut every summary to this many words (ROUGE's ``-l``);
            used when ``options`` is not given (NIST's settings).
        options: ROUGE's settings (default :func:`nist_options`).
        scorer: ``python`` or ``perl``.

    Returns: system id -> metric ("ROUGE-2", ...) -> Score.
    """
    if scorer not in SCORERS:
        raise ChorusError(f"unknown ROUGE scorer {scorer!r} (choose from {', '.join(SCORERS)})")
    settings = options if options is not None else nist_options(word_limit)
    if scorer == "python":
        rouge155.check_supported(settings)
    plan = make_plan(systems, references, jackknife=settings.jackknife)
    module = rouge155 if scorer == "python" else rouge_perl
    return module.score_plan(plan, settings)


def read_score_table(path: str | Path) -> dict[str, tuple[float, float, float]]:
    """A published table of ``SYSTEM MEAN (95%-conf.int. LOW - HIGH)`` lines (NIST's
    official DUC results): system -> (mean, low, high)."""
    rows = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if m := _TABLE_ROW.match(line.strip()):
            rows[m.group(1)] = (float(m.group(2)), float(m.group(4)), float(m.group(5)))
    return rows
