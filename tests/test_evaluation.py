"""The evaluation harness and batch mode (the ROUGE scorers: test_rouge.py)."""

import gzip
import json
from pathlib import Path

import pytest

from chorus.cli import EXIT_RECORDS_FAILED
from chorus.evaluation.evaluate import evaluate, paired_bootstrap, render_evaluation
from conftest import EXAMPLE


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
            f.write(
                json.dumps(
                    {
                        "id": f"c{k}",
                        "documents": texts[k:] + texts[:k],
                        "summaries": [texts[k].split("\n\n")[3]],
                        "summary_ids": ["c.M.100.A"],
                        "topic_title": "warehouse fire evacuation",
                    }
                )
                + "\n"
            )
    return path


def test_evaluate_ranks_methods_and_peers(tmp_path):
    path = _tiny_dataset(tmp_path)
    peers = tmp_path / "peers.jsonl"
    peers.write_text(
        "".join(json.dumps({"id": f"c{k}", "summarizer": "empty", "summary": "nothing"}) + "\n" for k in range(3))
    )
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


def test_evaluate_needs_no_perl(run, tmp_path, monkeypatch):
    path = _tiny_dataset(tmp_path, n=2)
    monkeypatch.setenv("PATH", str(tmp_path))  # no perl to be found
    code, out, err = run("evaluate", str(path), "--words", "50", "--method", "lead", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["rouge"].endswith("(python scorer)") and "-l WORDS" in data["rouge"]
    assert data["systems"][0]["rouge-2"]["recall"] > 0
    code, _, err = run("evaluate", str(path), "--words", "50", "--method", "lead", "--scorer", "perl")
    assert code == 1
    assert err.startswith("chorus: error: the Perl ROUGE-1.5.5 scorer cannot run: perl is not installed")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_evaluate_with_the_perl_scorer_gives_the_same_table(run, tmp_path, perl_rouge):
    path = _tiny_dataset(tmp_path, n=2)
    tables = []
    for scorer in ("python", "perl"):
        code, out, err = run(
            "evaluate",
            str(path),
            "--words",
            "50",
            "--method",
            "lead,lexrank",
            "--jackknife",
            "--scorer",
            scorer,
            "--format",
            "json",
        )
        assert code == 0, err
        data = json.loads(out)
        assert "jackknifed" in data["rouge"]
        tables.append(data["systems"])
    assert tables[0] == tables[1]


def test_evaluate_needs_references(run, tmp_path):
    path = tmp_path / "norefs.jsonl"
    path.write_text(json.dumps({"id": "x", "documents": ["a text."]}) + "\n")
    code, out, err = run("evaluate", str(path))
    assert code == 1 and 'has no "summaries"' in err


def test_evaluate_on_one_cluster_claims_no_significance_and_a_bad_filter_is_an_error(run, tmp_path):
    path = _tiny_dataset(tmp_path, n=2)
    one = evaluate(path, words=50, methods=["lead", "lexrank"], cluster_filter="c1")
    assert one.clusters == 1 and all(s.p_value is None for s in one.systems)  # one topic: nothing to resample
    assert "1 cluster," in render_evaluation(one, "text")
    two = evaluate(path, words=50, methods=["lead", "lexrank"])
    assert sum(s.p_value is not None for s in two.systems) == 1  # the method that is not the best
    code, out, err = run("evaluate", str(path), "--clusters", "c(")
    assert code == 1 and out == ""
    assert err.startswith("chorus: error: --clusters 'c(' is not a regular expression") and "Traceback" not in err


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


@pytest.mark.parametrize("jobs", ["1", pytest.param("2", marks=pytest.mark.slow)])
def test_batch_writes_one_record_per_input_in_order(run, tmp_path, jobs):
    out = tmp_path / "out.jsonl"
    code, _, err = run("batch", str(_batch_input(tmp_path)), "-o", str(out), "--jobs", jobs, "--words", "40")
    assert code == EXIT_RECORDS_FAILED
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r.get("id") for r in records] == ["good-1", None, None, "no-docs", "bad-doc", "empty-doc", "good-2"]
    assert [bool(r.get("error")) for r in records] == [False, True, True, True, True, True, False]
    assert records[1]["line"] == 2 and "not valid JSON" in records[1]["error"]
    assert 'no "id"' in records[2]["error"]
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
