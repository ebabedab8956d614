"""ROUGE-1.5.5 scorer, evaluation harness and batch mode."""

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from chorus.cli import EXIT_RECORDS_FAILED
from chorus.evaluation.evaluate import evaluate, paired_bootstrap, render_evaluation
from chorus.evaluation.rouge import nist_options, score

from conftest import EXAMPLE, SHARED

DUC2006 = SHARED / "data" / "duc2006"


def _perl_ready() -> bool:
    return shutil.which("perl") is not None and subprocess.run(
        ["perl", "-MXML::Parser", "-MDB_File", "-e", "1"], capture_output=True
    ).returncode == 0


needs_rouge = pytest.mark.skipif(not _perl_ready(), reason="perl with XML::Parser is not installed")


@needs_rouge
def test_rouge_counts_bigrams_as_expected():
    refs = {"t1": {"A": "the police killed the gunman"}}
    out = score({"sys": {"t1": "police killed the gunman"}, "other": {"t1": "a gunman was seen"}}, refs, None)
    # Bigrams of the reference: the-police police-killed killed-the the-gunman; the
    # system has three of the four.
    assert out["sys"]["ROUGE-2"].recall == pytest.approx(0.75)
    assert out["other"]["ROUGE-2"].recall == 0.0
    assert out["sys"]["ROUGE-2"].per_topic_recall == {"t1": pytest.approx(0.75)}


@needs_rouge
def test_a_human_peer_is_not_scored_against_their_own_reference():
    refs = {"t1": {"A": "the cat sat on the mat", "B": "a dog slept by the door"}}
    out = score({"A": {"t1": "the cat sat on the mat"}}, refs, None)
    assert out["A"]["ROUGE-1"].recall < 0.5  # scored against B only


def _duc_peers(systems: set[str]) -> tuple[dict, dict]:
    clusters = [json.loads(line) for line in (DUC2006 / "clusters.jsonl").open()]
    refs = {c["id"]: {sid.rsplit(".", 1)[1]: s for sid, s in zip(c["summary_ids"], c["summaries"])} for c in clusters}
    peers: dict[str, dict[str, str]] = {}
    for line in (DUC2006 / "peers.jsonl").open():
        p = json.loads(line)
        if p["summarizer"] in systems:
            peers.setdefault(p["summarizer"], {})[p["id"]] = p["summary"]
    return peers, refs


@needs_rouge
def test_scorer_reproduces_nist_duc2006_results():
    if not (DUC2006 / "peers.jsonl").is_file():
        pytest.skip("../shared/data/duc2006 is not on this machine")
    peers, refs = _duc_peers({"24", "1"})
    out = score(peers, refs, 250, options=nist_options(250, full=True))
    # NIST's settings, without jackknifing (../shared/data/README.md).
    assert out["24"]["ROUGE-2"].recall == pytest.approx(0.09510, abs=0.001)
    assert out["24"]["ROUGE-SU4"].recall == pytest.approx(0.15476, abs=0.001)
    assert out["1"]["ROUGE-2"].recall == pytest.approx(0.04926, abs=0.001)
    assert out["1"]["ROUGE-SU4"].recall == pytest.approx(0.09771, abs=0.001)
    # The faster options chorus uses by default give the same R-2 and SU4 (up to
    # ROUGE's bootstrap, which also produces the mean it prints).
    fast = score({"24": peers["24"]}, refs, 250)
    for metric in ("ROUGE-2", "ROUGE-SU4"):
        assert fast["24"][metric].recall == pytest.approx(out["24"][metric].recall, abs=0.0002)
        assert fast["24"][metric].per_topic_recall == out["24"][metric].per_topic_recall


def test_paired_bootstrap():
    better = [0.2, 0.3, 0.25, 0.4, 0.35] * 4
    worse = [x - 0.05 for x in better]
    assert paired_bootstrap(better, worse) == 0.0
    assert paired_bootstrap(worse, better) == 1.0
    mixed = [x + (0.01 if i % 2 else -0.01) for i, x in enumerate(better)]
    assert 0.05 < paired_bootstrap(mixed, better) < 0.95


def _tiny_dataset(tmp_path, n=3):
    texts = [p.read_text() for p in sorted(EXAMPLE.glob("*.txt"))]
    path = tmp_path / "tiny.jsonl"
    with path.open("w") as f:
        for k in range(n):
            f.write(json.dumps({
                "id": f"c{k}", "documents": texts[k:] + texts[:k],
                "summaries": [texts[k].split("\n\n")[3]], "summary_ids": ["c.M.100.A"],
                "topic_title": "warehouse fire evacuation",
            }) + "\n")
    return path


@needs_rouge
def test_evaluate_ranks_methods_and_peers(tmp_path):
    path = _tiny_dataset(tmp_path)
    peers = tmp_path / "peers.jsonl"
    peers.write_text("".join(json.dumps({"id": f"c{k}", "summarizer": "empty", "summary": "nothing"}) + "\n" for k in range(3)))
    ev = evaluate(path, words=50, methods=["lead", "lexrank"], query_fields=["topic_title"], peers=peers)
    ranked = ev.ranked()
    assert {s.name for s in ranked} == {"lead", "lexrank", "empty"}
    assert ranked[-1].name == "empty" and ranked[-1].kind == "peer"
    r2 = [s.recall("ROUGE-2") for s in ranked]
    assert r2 == sorted(r2, reverse=True)
    text = render_evaluation(ev, "text")
    assert "R-2 R (95% CI)" in text and "lexrank" in text
    data = json.loads(render_evaluation(ev, "json"))
    assert data["systems"][0]["rouge-2"]["recall_ci"][0] <= data["systems"][0]["rouge-2"]["recall"]
    assert "| system |" in render_evaluation(ev, "markdown").replace("#", "").replace("|  |", "|")


def test_evaluate_needs_references(run, tmp_path):
    path = tmp_path / "norefs.jsonl"
    path.write_text(json.dumps({"id": "x", "documents": ["a text."]}) + "\n")
    code, out, err = run("evaluate", str(path))
    assert code == 1 and "has no \"summaries\"" in err


# --- batch -----------------------------------------------------------------------


def _batch_input(tmp_path):
    texts = [p.read_text() for p in sorted(EXAMPLE.glob("*.txt"))]
    lines = [
        json.dumps({"id": "good-1", "documents": texts}),
        "this is not json",
        json.dumps({"documents": texts}),  # no id
        json.dumps({"id": "no-docs", "documents": []}),
        json.dumps({"id": "bad-doc", "documents": [texts[0], 7]}),
        json.dumps({"id": "empty-doc", "documents": [""]}),
        json.dumps({"id": "good-2", "documents": texts[:3]}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_writes_one_record_per_input_in_order(run, tmp_path, jobs):
    out = tmp_path / "out.jsonl"
    code, _, err = run("batch", str(_batch_input(tmp_path)), "-o", str(out), "--jobs", jobs, "--words", "40")
    assert code == EXIT_RECORDS_FAILED
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r.get("id") for r in records] == ["good-1", None, None, "no-docs", "bad-doc", "empty-doc", "good-2"]
    assert [bool(r.get("error")) for r in records] == [False, True, True, True, True, True, False]
    assert records[1]["line"] == 2 and "not valid JSON" in records[1]["error"]
    assert "no \"id\"" in records[2]["error"]
    assert records[0]["words"] <= 40 and records[0]["sentences"]
    assert "2 ok, 5 failed" in err


def test_batch_resume_skips_finished_records_and_repairs_a_cut_line(run, tmp_path):
    source = _batch_input(tmp_path)
    full = tmp_path / "full.jsonl"
    run("batch", str(source), "-o", str(full), "--jobs", "1")
    lines = full.read_text().splitlines(keepends=True)
    partial = tmp_path / "partial.jsonl"
    partial.write_text("".join(lines[:3]) + lines[3][:25])  # killed mid-line
    code, _, err = run("batch", str(source), "-o", str(partial), "--resume", "--jobs", "1")
    assert code == EXIT_RECORDS_FAILED and "3 already done" in err
    assert partial.read_text() == full.read_text()


def test_batch_gzip_in_and_out(run, tmp_path):
    source = _batch_input(tmp_path)
    gz_in = tmp_path / "in.jsonl.gz"
    gz_in.write_bytes(gzip.compress(source.read_bytes()))
    out = tmp_path / "out.jsonl.gz"
    code, _, _ = run("batch", str(gz_in), "-o", str(out), "--jobs", "1")
    assert code == EXIT_RECORDS_FAILED
    records = [json.loads(line) for line in gzip.decompress(out.read_bytes()).decode().splitlines()]
    assert len(records) == 7


def test_batch_bad_arguments(run, tmp_path):
    code, _, err = run("batch", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl"))
    assert code == 1 and "no such file" in err
    code, _, err = run("batch", str(tmp_path), "-o", str(tmp_path / "o.jsonl"))
    assert code == 1 and "is a folder" in err and "--engine dask" in err
    code, _, err = run("evaluate", str(tmp_path))
    assert code == 1 and "is a folder; a dataset is a JSONL file" in err
    src = _batch_input(tmp_path)
    code, _, err = run("batch", str(src), "-o", str(tmp_path / "nodir" / "o.jsonl"))
    assert code == 1 and "does not exist" in err
    code, _, err = run("batch", str(src), "-o", str(tmp_path / "o.jsonl"), "--method", "nope")
    assert code == 1 and "unknown method" in err


def test_batch_to_stdout(run, tmp_path):
    code, out, err = run("batch", str(_batch_input(tmp_path)), "-o", "-", "--jobs", "1", "--words", "40")
    assert code == EXIT_RECORDS_FAILED and "2 ok, 5 failed" in err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") for r in records] == ["good-1", None, None, "no-docs", "bad-doc", "empty-doc", "good-2"]
    assert not Path("-").exists()  # no file named "-" in the working folder
    code, _, err = run("batch", str(_batch_input(tmp_path)), "-o", "-", "--resume")
    assert code == 1 and "--resume needs an output file" in err
    code, _, err = run("batch", str(_batch_input(tmp_path)), "-o", "-", "--engine", "dask")
    assert code == 1 and "not -" in err
