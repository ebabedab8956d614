"""`chorus batch --engine dask`: the same records as the local engine, on a LocalCluster and on a
scheduler and worker started as separate processes."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chorus.batch import BatchOptions, run_batch
from chorus.cli import EXIT_RECORDS_FAILED, byte_size
from chorus.distributed import Partition, plan_partitions
from test_batch_scale import BAD_LINES, records_of, write_dataset

RECORDS = 30
PARTITION = "6KB"  # records are 1 to 3 KB: every part boundary cuts through a record
START_GUARD_SECONDS = 600  # the separate scheduler process must start within this (a hang guard)


def records_of_bytes(data: bytes) -> list[dict]:
    return [json.loads(line) for line in gzip.decompress(data).decode().splitlines()]


def parts_records(folder: Path) -> list[dict]:
    return [record for part in sorted(folder.glob("part-*")) for record in records_of(part)]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> tuple[Path, list[dict]]:
    folder = tmp_path_factory.mktemp("dask")
    source = folder / "in.jsonl"
    write_dataset(source, RECORDS)
    reference = folder / "reference.jsonl"
    run_batch(source, reference, BatchOptions(words=40), jobs=1)
    return source, records_of(reference)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """A `dask scheduler` and a `dask worker` as separate processes, on free ports."""
    folder = tmp_path_factory.mktemp("cluster")
    scheduler_file = folder / "scheduler.json"
    bin_dir = Path(sys.executable).parent
    common = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "start_new_session": True}
    processes = [
        subprocess.Popen(
            [
                str(bin_dir / "dask"),
                "scheduler",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(scheduler_file),
            ],
            **common,
        )
    ]
    try:
        # A guard against a hang, not a measure of speed: on a loaded machine the scheduler's imports alone
        # take tens of seconds. It fails at once if the scheduler exits.
        deadline = time.monotonic() + START_GUARD_SECONDS
        while not scheduler_file.exists():
            assert processes[0].poll() is None, "the dask scheduler exited"
            assert time.monotonic() < deadline, "the dask scheduler did not start"
            time.sleep(0.1)
        processes.append(
            subprocess.Popen(
                [
                    str(bin_dir / "dask"),
                    "worker",
                    "--scheduler-file",
                    str(scheduler_file),
                    "--nthreads",
                    "1",
                    "--no-dashboard",
                ],
                **common,
            )
        )
        yield json.loads(scheduler_file.read_text())["address"]
    finally:
        for process in reversed(processes):
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def test_partitions_cover_the_input_and_gzip_files_are_whole():
    parts = plan_partitions([("file:///d/a.jsonl", 250), ("file:///d/b.jsonl.gz", 900), ("file:///d/c.jsonl", 80)], 100)
    assert [(p.url[-10:], p.start, p.end) for p in parts] == [
        ("/d/a.jsonl", 0, 100),
        ("/d/a.jsonl", 100, 200),
        ("/d/a.jsonl", 200, None),
        ("b.jsonl.gz", 0, None),
        ("/d/c.jsonl", 0, None),
    ]
    assert [p.index for p in parts] == [0, 1, 2, 3, 4]
    assert all(isinstance(p, Partition) and p.label for p in parts)  # several files: errors name theirs


def test_partition_size_option():
    assert byte_size("16MiB") == 16 * 2**20 and byte_size("6KB") == 6000 and byte_size("512") == 512
    with pytest.raises(Exception, match="not a size"):
        byte_size("lots")


@pytest.mark.slow
def test_local_cluster_gives_the_local_engine_records(run, dataset, tmp_path):
    source, reference = dataset
    out = tmp_path / "out"
    code, _, err = run(
        "batch",
        str(source),
        "-o",
        str(out),
        "--words",
        "40",
        "--engine",
        "dask",
        "--jobs",
        "2",
        "--partition-size",
        PARTITION,
    )
    assert code == EXIT_RECORDS_FAILED, err
    parts = sorted(p.name for p in out.glob("part-*"))
    assert len(parts) >= 5 and parts[0] == "part-00000.jsonl"
    assert parts_records(out) == reference, "the same records, in the same order, line numbers included"
    assert [r["line"] for r in parts_records(out) if r.get("id") is None] == [7, 13]
    failed = len([n for n in BAD_LINES if n <= RECORDS])
    assert err.splitlines()[-1].startswith(
        f"chorus: {RECORDS - failed} ok, {failed} failed -> {out} ({len(parts)} parts)"
    )


@pytest.mark.slow
def test_scheduler_and_worker_processes_give_the_same_records_and_resume(run, dataset, tmp_path, scheduler):
    source, reference = dataset
    out = tmp_path / "out"
    pattern = str(out / "part-*.jsonl.gz")
    args = [
        "batch",
        str(source),
        "-o",
        pattern,
        "--words",
        "40",
        "--engine",
        "dask",
        "--scheduler",
        scheduler,
        "--partition-size",
        PARTITION,
    ]
    code, _, err = run(*args)
    assert code == EXIT_RECORDS_FAILED, err
    assert parts_records(out) == reference
    parts = sorted(out.glob("part-*.jsonl.gz"))

    # A run that died left two parts missing and one half-written under its temporary name.
    lost = [parts[1].read_bytes(), parts[-1].read_bytes()]
    parts[1].unlink()
    parts[-1].unlink()
    (out / f".{parts[1].name}.0123.inprogress").write_bytes(lost[0][:20])
    code, _, err = run(*args)
    assert code == 1 and "already holds a batch run: add --resume" in err
    code, _, err = run(*args, "--resume")
    # The exit status tells of the records redone: those of the two lost parts (where the
    # parts cut the dataset depends on the example articles' sizes).
    redone = [r for part in lost for r in records_of_bytes(part)]
    assert code == (EXIT_RECORDS_FAILED if any("error" in r for r in redone) else 0), err
    assert [parts[1].read_bytes(), parts[-1].read_bytes()] == lost
    assert parts_records(out) == reference
    assert not list(out.glob(".*inprogress"))
    assert "already done" in err.splitlines()[-1]

    code, _, err = run(*args[:-1], "9KB", "--resume")
    assert code == 1 and "another input or partitioning" in err


@pytest.mark.slow
def test_a_folder_of_part_files_keeps_file_order_and_names_the_file_of_a_bad_line(run, dataset, tmp_path, scheduler):
    source, reference = dataset
    lines = source.read_text().splitlines(keepends=True)
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "part-0.jsonl").write_text("".join(lines[:10]))
    (folder / "part-1.jsonl.gz").write_bytes(gzip.compress("".join(lines[10:]).encode()))
    (folder / "notes.txt").write_text("not a dataset")
    out = tmp_path / "out"
    code, _, err = run(
        "batch", str(folder), "-o", str(out), "--words", "40", "--engine", "dask", "--scheduler", scheduler
    )
    assert code == EXIT_RECORDS_FAILED, err
    records = parts_records(out)
    assert [r.get("id") for r in records] == [r.get("id") for r in reference]
    no_id = [r for r in records if r.get("id") is None]
    assert [(r["file"], r["line"]) for r in no_id] == [("part-0.jsonl", 7), ("part-1.jsonl.gz", 3)]


def test_bad_dask_arguments(run, dataset, tmp_path):
    source, _ = dataset
    code, _, err = run("batch", str(source), "-o", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:1")
    assert code == 1 and "--scheduler and --partition-size need --engine dask" in err
    code, _, err = run("batch", str(tmp_path / "nothing-*.jsonl"), "-o", str(tmp_path / "o"), "--engine", "dask")
    assert code == 1 and "no file matches" in err
    code, _, err = run("batch", str(source), "-o", str(tmp_path / "o" / "summaries-*.txt"), "--engine", "dask")
    assert code == 1 and "FOLDER/part-*.jsonl" in err
    shutil.rmtree(tmp_path / "o", ignore_errors=True)


class _Workers:
    """The two calls of a Dask client that the version check makes, with workers already up."""

    def __init__(self, versions: list[str]) -> None:
        self.versions = versions

    def scheduler_info(self) -> dict:
        return {"workers": {f"tcp://w{k}": {} for k in range(len(self.versions))}}

    def run(self, function) -> dict:
        return {f"tcp://w{k}": version for k, version in enumerate(self.versions)}


def test_workers_on_another_version_are_a_warning_returned_not_printed(capsys):
    import chorus
    from chorus.distributed import check_workers

    assert check_workers(_Workers([chorus.__version__] * 2)) == []
    warnings = check_workers(_Workers([chorus.__version__, "0.0.9"]))
    assert warnings == [f"the Dask workers run chorus 0.0.9, this machine {chorus.__version__}"]
    assert capsys.readouterr() == ("", "")
