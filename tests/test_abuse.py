"""Fault and abuse: no input may exhaust memory, hang, crash with a traceback or lose work.

The runs that could take the machine's memory run in a subprocess whose
address space is capped (``resource.setrlimit``), so that a regression ends in
a MemoryError there, not in the kernel's OOM killer here.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

import chorus.ingest.read as read
from chorus.cli import EXIT_RECORDS_FAILED, EXIT_USER_ERROR
from chorus.errors import InputError
from chorus.ingest.html import extract_html
from conftest import EXAMPLE

# Enough for chorus to summarize the example (it needs about 600 MB of
# address space with one BLAS thread), far too little to hold a 100 MB file
# decoded, let alone /dev/zero.
MEMORY_CAP = 900 * 2**20
NESTED = "[" * 100_000
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))]


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def capped_chorus(*args: str, settings: dict[str, object] | None = None, **kwargs) -> subprocess.CompletedProcess:
    """`chorus ARGS` in a memory-capped process; ``settings`` overrides constants of chorus.ingest.read."""
    assignments = "".join(f"read.{name} = {value!r}; " for name, value in (settings or {}).items())
    program = (
        "import sys; import chorus.ingest.read as read; "
        + assignments
        + "from chorus.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    if "input" not in kwargs:
        kwargs.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run(
        [sys.executable, "-c", program, *args],
        preexec_fn=_cap_memory,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1"},
        **kwargs,
    )


def assert_one_error_line(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode == EXIT_USER_ERROR, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr, result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("chorus: error: "), result.stderr[-2000:]
    for word in words:
        assert word in lines[0]
    return lines[0]


# ---- unbounded reads ---------------------------------------------------------------


@pytest.mark.slow
def test_the_cap_leaves_room_for_a_real_summary():
    """The memory cap of these tests is no refusal in itself."""
    result = capped_chorus("summarize", str(EXAMPLE), "--words", "40")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "[1" in result.stdout


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(device):
    assert_one_error_line(capped_chorus("summarize", device), device, "is a device")


@pytest.mark.slow
def test_an_endless_pipe_on_stdin_stops_at_the_input_limit():
    yes = subprocess.Popen(["yes", "the fire spread to the harbor"], stdout=subprocess.PIPE)
    try:
        result = capped_chorus("summarize", "-", stdin=yes.stdout)
    finally:
        yes.kill()
        yes.wait()
    assert_one_error_line(result, "standard input is over 64 MiB", "chorus batch")


@pytest.mark.slow
def test_a_100_mb_file_is_refused_by_its_size(tmp_path):
    big = tmp_path / "big.txt"
    line = "The fire destroyed the warehouse at the harbor, officials said on Monday.\n"
    with big.open("w") as f:
        for _ in range(100 * 2**20 // (len(line) * 1000) + 1):
            f.write(line * 1000)
    assert big.stat().st_size > 100 * 10**6
    assert_one_error_line(capped_chorus("summarize", str(big)), "big.txt is 100 MiB", "16 MiB")


class _Unsized:
    """A stream that does not say its size, as a pipe does not."""

    def __init__(self, stream):
        self._stream = stream

    def fileno(self):
        raise OSError("no size")

    def seekable(self):
        return False

    def read(self, n):
        return self._stream.read(n)


def test_a_stream_that_does_not_say_its_size_is_cut_at_the_limit(tmp_path):
    """A file may grow after it was measured: the read itself stops at the limit."""
    long = tmp_path / "long.txt"
    long.write_text("The fire spread.\n" * 200)
    with long.open("rb") as stream:
        with pytest.raises(InputError, match="long.txt is over 1 KiB, the limit for an article"):
            read.read_capped(_Unsized(stream), 1024, "long.txt")
        stream.seek(0)
        assert len(read.read_capped(_Unsized(stream), 10_000, "long.txt")) == long.stat().st_size


@pytest.mark.slow
def test_a_fifo_nobody_writes_to_is_given_up_on(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    result = capped_chorus("summarize", str(fifo), settings={"PIPE_WAIT_SECONDS": 0.5})
    assert_one_error_line(result, "nothing arrived for 0.5 seconds")
    dataset = tmp_path / "clusters.jsonl"
    os.mkfifo(dataset)
    for command in (["summarize", str(dataset)], ["batch", str(dataset), "-o", str(tmp_path / "out.jsonl")]):
        assert_one_error_line(capped_chorus(*command, settings={"PIPE_WAIT_SECONDS": 0.5}), "nothing arrived")


def test_a_folders_pipes_devices_and_broken_links_are_left_out_with_a_warning(tmp_path, monkeypatch):
    """Named like articles but no files: said, not read (a pipe would wait for a writer), not silently dropped."""
    monkeypatch.setattr(read, "PIPE_WAIT_SECONDS", 0.5)  # were the pipe read, the test would fail soon
    (tmp_path / "01-article.txt").write_text((EXAMPLE / "01-marrowick-ledger.txt").read_text(encoding="utf-8"))
    os.mkfifo(tmp_path / "02-pipe.txt")
    (tmp_path / "03-nowhere.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "04-loop.txt").symlink_to(tmp_path / "05-loop.txt")
    (tmp_path / "05-loop.txt").symlink_to(tmp_path / "04-loop.txt")
    warnings: list[str] = []
    documents = read.read_folder(tmp_path, warnings)
    assert [d.name for d in documents] == ["01-article.txt"]
    assert warnings[0] == f"skipped: {tmp_path / '02-pipe.txt'} is a named pipe, not a file"
    assert warnings[1].startswith(f"skipped: cannot read {tmp_path / '03-nowhere.txt'}: No such file")
    assert [w.split(": ")[-1] for w in warnings[2:]] == ["Too many levels of symbolic links"] * 2
    (tmp_path / "01-article.txt").unlink()
    with pytest.raises(InputError, match=r"holds no article file .*: .*02-pipe.txt is a named pipe, not a file"):
        read.read_folder(tmp_path, [])


@pytest.mark.slow
def test_a_fifo_with_a_writer_is_read(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f'cat "$1" > "{fifo}"', "sh", str(EXAMPLE / "01-marrowick-ledger.txt")])
    try:
        result = capped_chorus("summarize", str(fifo), "--words", "30")
    finally:
        writer.wait(timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "[1]" in result.stdout


def test_work_past_the_memory_budget_ends_in_one_error_line(run, monkeypatch):
    """chorus caps its own address space at its share of the computer's memory:
    work that needs more is one error line, and the limit before is given back."""
    import chorus.pipeline
    from chorus.cli import memory_budget

    before = resource.getrlimit(resource.RLIMIT_AS)
    seen = []

    def needs_too_much(*args, **kwargs):
        seen.append(resource.getrlimit(resource.RLIMIT_AS)[0])
        raise MemoryError

    monkeypatch.setattr(chorus.pipeline, "summarize_story", needs_too_much)
    code, out, err = run("summarize", str(EXAMPLE))
    assert code == EXIT_USER_ERROR and out == ""
    assert err.startswith("chorus: error: out of memory") and len(err.strip().splitlines()) == 1, err
    budget = memory_budget()
    assert budget and seen == [min(budget, before[0] if before[0] != resource.RLIM_INFINITY else budget)]
    assert resource.getrlimit(resource.RLIMIT_AS) == before


# ---- nested JSON -------------------------------------------------------------------


@pytest.fixture
def nested(tmp_path) -> dict[str, Path]:
    files = {}
    for suffix in (".json", ".jsonl"):
        files[suffix] = tmp_path / f"nested{suffix}"
        files[suffix].write_text(NESTED + "\n")
    return files


def test_nested_json_files_and_stdin_get_one_error_line(nested, run):
    for path in nested.values():
        code, _, err = run("summarize", str(path))
        assert code == EXIT_USER_ERROR and "nested too deeply" in err and err.count("\n") == 1
    result = capped_chorus("summarize", "-", input=NESTED)
    assert_one_error_line(result, "standard input", "nested too deeply")


def test_nested_json_in_evaluate_and_convert(nested, tmp_path, run):
    code, _, err = run("evaluate", str(nested[".jsonl"]))
    assert code == EXIT_USER_ERROR and "nested too deeply" in err
    dataset = tmp_path / "one.jsonl"
    dataset.write_text(json.dumps({"id": "c1", "documents": TEXTS, "summaries": ["A warehouse burned."]}) + "\n")
    code, _, err = run("evaluate", str(dataset), "--peers", str(nested[".jsonl"]))
    assert code == EXIT_USER_ERROR and "line 1: the JSON is nested too deeply" in err
    # convert keeps a row it cannot read, for batch to report it, and converts the rest.
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(NESTED + "\n" + json.dumps({"id": "c1", "documents": TEXTS[:2]}) + "\n")
    out = tmp_path / "converted.jsonl"
    code, _, err = run("convert", str(mixed), "-o", str(out))
    assert code == 0 and "1 rows are not valid clusters" in err
    assert out.read_text().splitlines()[0] == NESTED
    code, _, err = run("convert", str(nested[".jsonl"]), "-o", str(tmp_path / "none.jsonl"))
    assert code == EXIT_USER_ERROR and "holds no cluster" in err and not (tmp_path / "none.jsonl").exists()
    assert "line 1: the JSON is nested too deeply to read" in err  # why its one row is none


def test_parse_json_names_the_problem():
    with pytest.raises(InputError, match="x.json: the JSON is nested too deeply"):
        read.parse_json(NESTED, "x.json")
    with pytest.raises(InputError, match=r"x.json: not valid JSON \(Expecting value at line 1 column 2\)"):
        read.parse_json("[,]", "x.json")
    assert read.parse_json("[[1]]", "x.json") == [[1]]


def test_a_dataset_line_over_the_record_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_RECORD_BYTES", 1000)
    dataset = tmp_path / "long.jsonl.gz"
    dataset.write_bytes(gzip.compress((json.dumps({"id": "a", "documents": ["x" * 5000]}) + "\n").encode()))
    with pytest.raises(InputError, match="line 1 is over 1000 bytes"):
        list(read.iter_dataset_lines(dataset))


# ---- lost work ---------------------------------------------------------------------


def _write_dataset(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_batch_refuses_to_overwrite_an_output_without_resume_or_force(tmp_path, run):
    source = _write_dataset(
        tmp_path / "in.jsonl", [{"id": "a", "documents": TEXTS}, {"id": "b", "documents": TEXTS[:3]}]
    )
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "summary": "the work of a run that crashed"}\n')
    before = out.read_bytes()
    code, _, err = run("batch", str(source), "-o", str(out), "--jobs", "1", "--words", "40")
    assert code == EXIT_USER_ERROR and "exists: add --resume" in err and "--force" in err
    assert out.read_bytes() == before
    code, _, err = run("batch", str(source), "-o", str(out), "--jobs", "1", "--words", "40", "--force")
    assert code == 0, err
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b"]
    code, _, err = run("batch", str(source), "-o", str(out), "--force", "--resume")
    assert code == EXIT_USER_ERROR and "--force" in err
    code, _, err = run("batch", str(source), "-o", os.devnull, "--jobs", "1", "--words", "40")
    assert code == 0, err  # a device such as /dev/null is no one's work


def test_batch_exit_status_says_whether_every_record_succeeded(tmp_path, run):
    failing = _write_dataset(tmp_path / "bad.jsonl", [{"id": "a", "documents": []}, {"documents": TEXTS}])
    code, _, err = run("batch", str(failing), "-o", str(tmp_path / "bad-out.jsonl"), "--jobs", "1")
    assert code == EXIT_RECORDS_FAILED and "0 ok, 2 failed" in err
    assert len((tmp_path / "bad-out.jsonl").read_text().splitlines()) == 2  # each failure is a record
    good = _write_dataset(tmp_path / "good.jsonl", [{"id": "a", "documents": TEXTS}])
    code, _, err = run("batch", str(good), "-o", str(tmp_path / "good-out.jsonl"), "--jobs", "1", "--words", "40")
    assert code == 0 and "1 ok, 0 failed" in err


@pytest.mark.parametrize("name", ["photo.jsonl", "photo.jsonl.gz"])
def test_batch_refuses_a_binary_file_rather_than_writing_an_error_record_per_line_of_it(tmp_path, run, name):
    noise = bytes(range(256)) * 64  # has newlines: a "line" of noise every 256 bytes
    source = tmp_path / name
    source.write_bytes(gzip.compress(noise) if name.endswith(".gz") else noise)
    code, out, err = run("batch", str(source), "-o", "-", "--jobs", "1")
    assert code == EXIT_USER_ERROR and out == "" and "is a binary file, not a JSONL dataset" in err


# ---- HTML pages: size of the text, not of the markup; code out of titles -------------


def _page(body: str, heading: str = "Warehouse fire forces evacuations", extra: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>Fire</title>{extra}</head><body><article><h1>{heading}</h1>"
        f"{body}</article></body></html>"
    )


@pytest.mark.slow
def test_a_big_page_with_a_small_article_is_read(tmp_path, run):
    paragraphs = "".join(f"<p>{line}</p>" for line in TEXTS[0].split("\n") if len(line) > 60)
    image = base64.b64encode(os.urandom(6 * 2**20)).decode()  # an inline image: 8 MB of base64
    page = tmp_path / "page.html"
    page.write_text(_page(paragraphs + f'<img src="data:image/png;base64,{image}">'))
    assert page.stat().st_size > 8 * 10**6
    code, out, err = run("summarize", str(page), str(EXAMPLE / "03-valley-courier.txt"), "--words", "40")
    assert code == 0, err
    assert "[1" in out and "page.html" in out


def test_the_text_extracted_from_a_page_is_what_the_article_limit_counts(monkeypatch):
    monkeypatch.setattr(read, "MAX_DOCUMENT_CHARS", 500)
    sentence = "The warehouse fire forced hundreds of residents from their homes overnight, officials said. "
    with pytest.raises(InputError, match="text extracted from the page is .* characters; the limit is 500"):
        extract_html(_page("".join(f"<p>Report {i}: {sentence * 3}</p>" for i in range(4))), "page.html")


def test_script_and_style_text_stay_out_of_a_title():
    body = "".join(f"<p>{line}</p>" for line in TEXTS[0].split("\n") if len(line) > 60)
    heading = 'Warehouse fire <script>var tracker = "alert(1)";</script>forces evacuations<style>h1{color:red}</style>'
    page = extract_html(_page(body, heading), "page.html")
    assert page.title == "Warehouse fire forces evacuations"
    assert "tracker" not in page.text and "color" not in page.text


# ---- Markdown output injection ---------------------------------------------------------


INJECTED = '<img src=x onerror="alert(1)">'


def test_markdown_output_carries_no_html_from_articles_titles_or_names(tmp_path, run):
    folder = tmp_path / "story"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        lines = text.split("\n")
        lines.insert(len(lines) // 2, f"The chief said {INJECTED} the fire was out by Tuesday morning, officials said.")
        (folder / f"{i} {INJECTED}.txt").write_text("\n".join(lines), encoding="utf-8")
    headline = tmp_path / "page.html"
    body = "".join(f"<p>{line}</p>" for line in TEXTS[0].split("\n") if len(line) > 60)
    headline.write_text(_page(body, heading="Fire &lt;script&gt;alert(2)&lt;/script&gt; at the harbor"))
    for command in (["summarize", "--format", "markdown", "--words", "250"], ["report"]):
        code, out, err = run(*command, str(folder), str(headline))
        assert code == 0, err
        assert "<img" not in out and "<script" not in out
        assert "&lt;img" in out  # shown as text, not dropped
    # The HTML report's no-JavaScript copy shows the words once escaped, as the reader wrote them
    # (it escaped the Markdown's own escapes again: "&amp;lt;img" printed "&lt;img" on the page).
    code, out, err = run("report", "--format", "html", str(folder), str(headline))
    assert code == 0, err
    copy = out.split('<pre class="report-text">', 1)[1].split("</pre>", 1)[0]
    assert "&lt;img src=x" in copy and "&amp;lt;" not in copy and "<img" not in copy


# ---- the API -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/summarize", "/api/report"])
def test_nested_json_posted_to_the_api_is_a_422(path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from chorus.web import create_app

    with TestClient(create_app(), base_url="http://localhost") as client:
        for body in (NESTED, '{"documents": ' + NESTED):
            response = client.post(path, content=body, headers={"content-type": "application/json"})
            assert response.status_code == 422, response.text
            assert response.json()["error"]["code"] == "invalid_json"
            assert "nested too deeply" in response.json()["error"]["message"]


@pytest.mark.parametrize("command", ["summarize", "report", "clean", "stories", "evaluate"])
def test_a_file_name_too_long_for_the_system_is_one_line_not_a_traceback(command, capsys):
    # An article's text given where a file is asked for: pathlib's checks raised OSError (ENAMETOOLONG).
    from chorus.cli import main

    assert main([command, "x" * 5000]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert err.startswith("chorus: error: a file name of 5,000 characters is too long") and err.count("\n") == 1


def test_one_article_given_as_a_json_file_says_what_a_dataset_row_is(tmp_path, capsys):
    from chorus.cli import main

    (tmp_path / "one.json").write_text('{"id": "x", "text": "The bridge closed on Monday, officials said."}')
    assert main(["summarize", str(tmp_path / "one.json")]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert 'is one article ({"id", "text"}), not a cluster' in err and "cluster x" not in err


def test_when_no_article_is_left_the_error_says_why_each_was_left_out():
    import chorus

    notes = ["(Distributed by New York Times Special Features)", "-0- (To publish this article, it must be purchased.)"]
    with pytest.raises(InputError) as caught:
        chorus.summarize([{"id": "a", "text": notes[0]}, {"id": "b", "text": notes[1]}])
    assert str(caught.value).startswith("no article text found in the input (a is only a syndicate's")
    assert "; b is only" in str(caught.value)
