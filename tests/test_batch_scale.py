"""`chorus batch` at scale: bounded reading, every record answered, kill and resume, progress."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

import chorus.batch as batch
import chorus.batch_output as batch_output
import chorus.parallel as parallel
import chorus.progress as progress
from chorus.batch import BatchOptions, OversizedLine, process_record, read_records, run_batch
from chorus.cli import EXIT_RECORDS_FAILED
from chorus.errors import InputError
from conftest import EXAMPLE

TEXTS = [p.read_text() for p in sorted(EXAMPLE.glob("*.txt"))]
RECORDS = 60
BAD_LINES = {
    7: "this is not json",
    13: json.dumps({"documents": TEXTS[:2]}),  # no id
    19: json.dumps({"id": "no-docs", "documents": []}),
    29: json.dumps({"id": "number-doc", "documents": [TEXTS[0], 42]}),
    37: "[" * 50_000,  # deeper than the JSON parser goes
    43: json.dumps([1, 2, 3]),
}


def write_dataset(path: Path, records: int) -> list[str]:
    """``records`` input records, good ones (different article subsets) and every kind of bad one."""
    lines = []
    for n in range(1, records + 1):
        if n in BAD_LINES:
            lines.append(BAD_LINES[n])
        else:
            first = n % len(TEXTS)
            docs = [TEXTS[(first + k) % len(TEXTS)] for k in range(2 + n % 3)]
            lines.append(json.dumps({"id": f"c{n:04d}", "documents": docs}))
    data = "\n".join(lines) + "\n"
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data.encode()))
    else:
        path.write_text(data)
    return lines


def records_of(path: Path) -> list[dict]:
    data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    return [json.loads(line) for line in data.decode().splitlines()]


def chorus_process(*args: str, stdin: int | None = None) -> subprocess.Popen:
    # Its own session, so a signal can go to the whole group as a terminal's Ctrl-C does.
    return subprocess.Popen(
        [sys.executable, "-m", "chorus.cli", *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> tuple[Path, Path]:
    """A 60-record input and its uninterrupted output (one process, in-process)."""
    folder = tmp_path_factory.mktemp("scale")
    source = folder / "in.jsonl"
    write_dataset(source, RECORDS)
    reference = folder / "reference.jsonl"
    result = run_batch(source, reference, BatchOptions(words=40), jobs=1)
    assert (result.ok, result.failed) == (RECORDS - len(BAD_LINES), len(BAD_LINES))
    return source, reference


# --- every record answered, bad ones with a reason ------------------------------------


def test_every_bad_record_gets_one_error_record_in_place(dataset):
    source, reference = dataset
    records = records_of(reference)
    assert len(records) == RECORDS
    errors = {n: r for n, r in enumerate(records, start=1) if "error" in r}
    assert sorted(errors) == sorted(BAD_LINES)
    assert "not valid JSON" in errors[7]["error"] and errors[7]["id"] is None and errors[7]["line"] == 7
    assert 'no "id"' in errors[13]["error"] and errors[13]["line"] == 13
    assert errors[19]["id"] == "no-docs" and "non-empty list" in errors[19]["error"]
    assert errors[29]["id"] == "number-doc" and "document 2 is not a string" in errors[29]["error"]
    assert errors[37]["line"] == 37 and "nested too deeply" in errors[37]["error"]
    assert "must be a JSON object" in errors[43]["error"]
    good = [r for n, r in enumerate(records, start=1) if n not in errors]
    assert [r["id"] for r in good] == [f"c{n:04d}" for n in range(1, RECORDS + 1) if n not in BAD_LINES]
    assert all(r["sentences"] and r["words"] <= 40 for r in good)


def test_an_oversized_line_is_skipped_over_not_held(monkeypatch):
    monkeypatch.setattr(batch, "MAX_RECORD_BYTES", 1000)
    big = json.dumps({"id": "big", "documents": ["word " * 400]}).encode()
    anonymous = json.dumps({"documents": ["word " * 400]}).encode()
    small = json.dumps({"id": "small", "documents": ["x"]}).encode()
    stream = io.BytesIO(big + b"\n\n" + anonymous + b"\n" + small + b"\n" + big)
    lines = list(read_records(stream))
    assert [n for n, _ in lines] == [1, 3, 4, 5]  # the blank line 2 is not a record
    first, second, third, last = (line for _, line in lines)
    assert isinstance(first, OversizedLine) and first.size == len(big) and len(first.head) <= batch.ID_SNIFF_BYTES
    assert third == small + b"\n"
    assert isinstance(last, OversizedLine) and last.size == len(big)  # no newline at the end of the file
    record = process_record(1, first, BatchOptions())
    assert record["id"] == "big" and record["line"] == 1 and f"{len(big):,} bytes" in record["error"]
    assert process_record(3, second, BatchOptions())["id"] is None


@pytest.mark.slow
def test_final_line_counts_ok_and_failed(run, dataset, tmp_path):
    source, reference = dataset
    out = tmp_path / "out.jsonl.gz"
    code, _, err = run("batch", str(source), "-o", str(out), "--words", "40", "--jobs", "1")
    assert code == EXIT_RECORDS_FAILED
    assert err.splitlines()[-1].startswith(f"chorus: {RECORDS - len(BAD_LINES)} ok, {len(BAD_LINES)} failed -> {out}")
    assert records_of(out) == records_of(reference)


# --- resume ------------------------------------------------------------------------------


def _lines_so_far(path: Path) -> int:
    """Complete lines in a file being written (a gzip stream without its end yet)."""
    if not path.exists():
        return 0
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data)
    return data.count(b"\n")


# Guards against a hang, not measures of speed: on a machine loaded several
# times over its cores, starting workers and summarizing the first records
# has taken over a minute.
HANG_GUARD_SECONDS = 600


def _wait_for_lines(path: Path, count: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        if _lines_so_far(path) >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"the run ended or stalled before writing {count} lines")


@pytest.mark.slow
@pytest.mark.parametrize("how,out_name", [("SIGKILL", "out.jsonl"), ("SIGINT", "out.jsonl.gz")])
def test_a_killed_run_resumes_to_the_uninterrupted_output(dataset, tmp_path, how, out_name):
    source, reference = dataset
    out = tmp_path / out_name
    # Two thirds of the input through a pipe left open: the run cannot finish
    # before the signal, however fast it is or however slow the machine.
    process = chorus_process("batch", "-", "-o", str(out), "--words", "40", "--jobs", "2", stdin=subprocess.PIPE)
    try:
        process.stdin.write("".join(source.read_text().splitlines(keepends=True)[: RECORDS * 2 // 3]))
        process.stdin.flush()
        _wait_for_lines(out, 10, process)
        os.killpg(process.pid, getattr(signal, how))
        _, err = process.communicate(timeout=HANG_GUARD_SECONDS)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    if how == "SIGINT":
        assert process.returncode == 130
        last = err.strip().splitlines()[-1]
        assert last.startswith("chorus: interrupted: ") and "rerun with --resume" in last, err
        assert "Traceback" not in err
        kept = records_of(out)  # a clean stop closes the gzip stream: readable to the end
    else:
        assert process.returncode == -signal.SIGKILL
        kept = [json.loads(line) for line in out.read_bytes().split(b"\n")[:-1]]
    assert 0 < len(kept) < RECORDS, "the run was not stopped midway"
    assert kept == records_of(reference)[: len(kept)]

    resumed = subprocess.run(
        [
            sys.executable,
            "-m",
            "chorus.cli",
            "batch",
            str(source),
            "-o",
            str(out),
            "--words",
            "40",
            "--resume",
            "--jobs",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
    )
    assert resumed.returncode == EXIT_RECORDS_FAILED, resumed.stderr
    assert f"{len(kept)} already done" in resumed.stderr
    assert records_of(out) == records_of(reference)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_signal_waits_until_the_record_is_written(tmp_path, stop):
    """Ctrl-C in the middle of writing a gzip line would leave a stream that cannot be
    read back (compressed but not yet in the CRC): the write finishes, then the run stops."""
    from chorus.cli import _interrupt

    out = tmp_path / "out.jsonl.gz"
    before = signal.signal(signal.SIGTERM, _interrupt) if stop == signal.SIGTERM else None
    try:
        handlers = {s: signal.getsignal(s) for s in batch_output.STOP_SIGNALS}
        handle = batch_output.open_output(out, resume=False)
        with pytest.raises(KeyboardInterrupt):
            with batch_output.held_signals():
                handle.write('{"id": 1}\n')
                os.kill(os.getpid(), stop)  # arrives in the middle of the record
                handle.write('{"id": 2}\n')
                handle.flush()
        handle.close()
        assert {s: signal.getsignal(s) for s in batch_output.STOP_SIGNALS} == handlers
    finally:
        if before is not None:
            signal.signal(signal.SIGTERM, before)
    assert gzip.decompress(out.read_bytes()) == b'{"id": 1}\n{"id": 2}\n'


def test_resume_refuses_an_output_written_from_another_input(run, dataset, tmp_path):
    source, reference = dataset
    out = tmp_path / "other.jsonl"
    lines = reference.read_text().splitlines(keepends=True)
    out.write_text(lines[1] + lines[0])  # answers records 2 and 1, in the wrong order
    code, _, err = run("batch", str(source), "-o", str(out), "--resume")
    assert code == 1 and "line 1 answers id 'c0002' but input record 1 is id 'c0001'" in err
    assert out.read_text() == lines[1] + lines[0], "the output must be left as it was"


# --- progress ---------------------------------------------------------------------------------


def test_progress_bar_shows_rate_and_eta_on_a_terminal_only(monkeypatch):
    from rich.console import Console

    assert type(progress.progress_reporter(quiet=False)) is progress.Progress  # pytest's stderr is not a terminal
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert isinstance(progress.progress_reporter(quiet=False), progress.ProgressBar)
    assert type(progress.progress_reporter(quiet=True)) is progress.Progress

    screen = io.StringIO()
    now = [100.0]  # a clock the test moves: one second per update
    bar = progress.ProgressBar(console=Console(file=screen, force_terminal=True, width=150), clock=lambda: now[0])
    bar.start(total_bytes=10_000, done_bytes=2_000)  # 2,000 bytes were already done (resume)
    for step in range(1, 5):
        now[0] += 1.0
        bar.update(ok=step * 10, failed=step, done_bytes=2_000 + step * 1_000)
    bar._bar.refresh()
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())  # without the terminal's colours
    bar.stop()
    assert "44 clusters (4 failed)" in shown
    assert "11.0/s" in shown  # 44 clusters in 4 seconds
    assert "50%" in shown  # 4,000 of the 8,000 bytes left at the start
    assert "ETA 0:00:04" in shown  # the other 4,000 bytes at 1,000 a second


# --- a worker killed by the system -----------------------------------------------------------


def die_on_poison(chunk, options):
    """A batch task whose worker process dies, as under the kernel's OOM killer, on a poisoned record."""
    if any(isinstance(line, bytes) and b"poison" in line for _, line in chunk):
        os.kill(os.getpid(), signal.SIGKILL)
    return batch.answer_chunk(chunk, options)


@pytest.mark.slow
def test_a_worker_killed_on_one_record_costs_that_record_only():
    lines = [json.dumps({"id": f"r{n}", "documents": [f"Short text number {n}."]}).encode() for n in range(1, 13)]
    lines[6] = json.dumps({"id": "r7", "documents": ["poison"]}).encode()
    chunks = batch._chunks(list(enumerate(lines, start=1)), batch.RECORDS_PER_TASK)
    answers = [
        a for results in batch.run_ordered(chunks, BatchOptions(words=20), 2, task=die_on_poison) for a in results
    ]
    records = [json.loads(line) for _, line in answers]
    assert [r["id"] for r in records] == [f"r{n}" for n in range(1, 13)], "every record, in order"
    failed = [r for (is_error, _), r in zip(answers, records) if is_error]
    assert [r["id"] for r in failed] == ["r7"] and "worker process died" in failed[0]["error"]


# --- the workers' start: imported once, beside the parent's own imports ------------------------

WORKER_START_PROBE = """
import json, sys
import chorus.cli
import chorus.parallel as parallel

started = []
real_start = parallel.start_worker_server
def start():
    started.append(sorted({"numpy", "chorus.batch", "chorus.select"} & set(sys.modules)))
    real_start()
parallel.start_worker_server = start

def modules_at_task(chunk, options):  # in a worker: what it had before its first task
    return [(False, json.dumps(sorted(m for m in [*parallel.WORKER_PRELOAD, "numpy.ma"] if m in sys.modules)))]

if __name__ == "__main__":
    folder, jobs = sys.argv[1], sys.argv[2]
    code = chorus.cli.main(["batch", folder + "/in.jsonl", "-o", folder + "/out-" + jobs + ".jsonl", "--jobs", jobs,
                            "--words", "20", "--quiet"])
    print(json.dumps(started), code)
    if jobs == "2":
        from chorus.batch import BatchOptions, run_ordered
        answers = [line for results in run_ordered([[(1, b"{}")]], BatchOptions(), 2, task=modules_at_task)
                   for _, line in results]
        print(answers[0])
"""


@pytest.mark.slow
def test_the_worker_server_starts_before_the_parents_heavy_imports_and_preloads_the_tasks(tmp_path):
    write_dataset(tmp_path / "in.jsonl", 3)
    probe = tmp_path / "probe.py"
    probe.write_text(WORKER_START_PROBE)
    runs = {
        jobs: subprocess.run(
            [sys.executable, str(probe), str(tmp_path), jobs], capture_output=True, text=True, check=True
        ).stdout.splitlines()
        for jobs in ("1", "2")
    }
    assert runs["1"] == ["[] 0"], "one job: no worker server"
    # Two: started while the parent had imported neither numpy nor the batch runner, and the workers had
    # everything WORKER_PRELOAD names (and no numpy.ma) before their first task.
    assert runs["2"][0] == "[[]] 0"
    assert json.loads(runs["2"][1]) == sorted(parallel.WORKER_PRELOAD)
    assert (tmp_path / "out-1.jsonl").read_text() == (tmp_path / "out-2.jsonl").read_text()


# --- constant memory: the input is read only a bounded way ahead of the output -----------------


def echo_chunk(chunk, options):
    return [(False, str(number)) for number, _ in chunk]


def _most_read_ahead(records: int, jobs: int) -> int:
    """Run ``records`` ten-byte records through ``run_ordered``; the most records read but not yet answered."""
    read = answered = most = 0

    def source():
        nonlocal read
        for number in range(1, records + 1):
            read += 1
            yield number, b"0123456789"

    for results in batch.run_ordered(
        batch._chunks(source(), batch.RECORDS_PER_TASK), BatchOptions(), jobs, task=echo_chunk
    ):
        assert [int(line) for _, line in results] == list(range(answered + 1, answered + len(results) + 1))
        answered += len(results)
        most = max(most, read - answered)
    assert answered == records
    return most


@pytest.mark.slow
def test_the_input_is_read_only_a_bounded_way_ahead_of_the_output(monkeypatch):
    # in flight: at most TASKS_PER_WORKER tasks per worker, whatever the input's length
    assert 0 < _most_read_ahead(300, jobs=2) <= 2 * batch.TASKS_PER_WORKER * batch.RECORDS_PER_TASK
    # and at most MAX_PENDING_BYTES of input, however few the tasks (here: one task of two ten-byte records)
    monkeypatch.setattr(parallel, "MAX_PENDING_BYTES", 25)
    assert _most_read_ahead(300, jobs=2) <= batch.RECORDS_PER_TASK


@pytest.mark.slow
def test_a_finished_result_does_not_wait_for_the_next_input():
    # A live feed: the second record arrives only once the first one's answer is out.
    first_answered = threading.Event()

    def live_feed():
        yield [(1, b"first")]
        if not first_answered.wait(timeout=HANG_GUARD_SECONDS):
            raise AssertionError("the first answer was held back until more input came")
        yield [(2, b"second")]

    answered = []
    for results in batch.run_ordered(live_feed(), BatchOptions(), 2, task=echo_chunk):
        answered += [line for _, line in results]
        first_answered.set()
    assert answered == ["1", "2"]


@pytest.mark.slow
def test_an_input_error_reaches_the_caller_through_the_reading_thread():
    def broken_feed():
        yield [(1, b"first")]
        raise InputError("cannot read feed.jsonl.gz: truncated")

    with pytest.raises(InputError, match="truncated"):
        list(batch.run_ordered(broken_feed(), BatchOptions(), 2, task=echo_chunk))
