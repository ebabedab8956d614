"""``chorus batch --engine dask``: the same job on a Dask cluster, partitioned.

The input (a JSONL file, a folder or glob of part files, local or any
fsspec URL) is cut into partitions: byte ranges of about ``partition_bytes``
of an uncompressed file, a whole file when it is gzipped (gzip cannot be
entered in the middle). A partition owns the lines that *start* in its range,
so every line belongs to exactly one partition. Each partition becomes one
Dask task that streams its lines through ``chorus.batch.process_record``, the
very function of the local engine, and writes ``part-NNNNN.jsonl[.gz]``: the
partitions' records in input order, the parts numbered in input order, so
the parts read in name order are what the local engine writes, record for
record. Error records carry the same input line numbers: before the work, a
cheap pass counts the newlines of every range, so a partition knows the
number of its first line.

A part is written under a hidden temporary name and moved into place when
complete, so a part that exists is whole: ``--resume`` runs only the
partitions whose part is missing. ``_chorus_batch.json`` in the output
folder records the input and the partitioning; a resume against a different
input or partition size is refused rather than mixed.
"""

from __future__ import annotations

import gzip
import json
import logging
import posixpath
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

import chorus
from chorus.batch import BatchOptions, BatchResult, default_jobs, process_record, read_records
from chorus.errors import ChorusError, InputError
from chorus.progress import Progress

DEFAULT_PARTITION_BYTES = 16 * 2**20  # about 170 DUC 2006 clusters of 25 articles: a minute or two of one core per task
MANIFEST = "_chorus_batch.json"
DATASET_ENDINGS = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
COUNT_BLOCK = 4 * 2**20
INSTALL_HINT = "--engine dask needs Dask: pip install 'chorus[dask]'"


@dataclass(frozen=True)
class Partition:
    index: int  # names the output part: part-{index:05d}
    url: str  # the input file, as fsspec names it (protocol included)
    start: int  # the partition owns the lines that start in [start, end)
    end: int | None  # None: to the end of the file (a gzipped file is one partition)
    newlines_before: int = 0  # newlines in the file before ``start``, for line numbers
    label: str | None = None  # the file's name in error records when the input has several files

    @property
    def compressed(self) -> bool:
        return self.url.endswith(".gz")


@dataclass(frozen=True)
class OutputParts:
    folder: str  # fsspec URL of the output folder
    suffix: str  # ".jsonl" or ".jsonl.gz"

    def name(self, index: int) -> str:
        return f"part-{index:05d}{self.suffix}"

    def url(self, index: int) -> str:
        return posixpath.join(self.folder, self.name(index))


def import_dask() -> Any:
    try:
        import distributed
        import fsspec  # noqa: F401
    except ImportError:
        raise ChorusError(INSTALL_HINT) from None
    return distributed


def _filesystem(url: str) -> tuple[Any, str]:
    import fsspec

    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:  # an unknown protocol or its package missing (s3fs, gcsfs...)
        raise ChorusError(f"cannot open {url}: {exc}") from None


def _has_glob(path: str) -> bool:
    return any(ch in path for ch in "*?[")


def input_files(source: str) -> list[tuple[str, int]]:
    """The input's files (fsspec URLs) in name order, with their sizes: one file,
    every dataset file under a folder, or a glob's matches."""
    fs, path = _filesystem(source)
    try:
        if _has_glob(path):
            paths = sorted(p for p in fs.glob(path) if not fs.isdir(p))
        elif fs.isdir(path):
            paths = sorted(
                p
                for p in fs.find(path)
                if posixpath.basename(p).endswith(DATASET_ENDINGS) and not posixpath.basename(p).startswith((".", "_"))
            )
            if not paths:
                raise InputError(f"folder {source} holds no dataset file ({', '.join(DATASET_ENDINGS)})")
        elif fs.exists(path):
            paths = [path]
        else:
            raise InputError(f"no such file: {source}")
        if not paths:
            raise InputError(f"no file matches {source}")
        return [(fs.unstrip_protocol(p), int(fs.size(p))) for p in paths]
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc}") from None


def output_parts(output: str) -> OutputParts:
    """``-o FOLDER`` writes FOLDER/part-NNNNN.jsonl; ``-o FOLDER/part-*.jsonl.gz`` compresses."""
    folder, name = posixpath.split(output.rstrip("/"))
    if "*" not in output:
        return OutputParts(output.rstrip("/"), ".jsonl")
    if name not in ("part-*.jsonl", "part-*.jsonl.gz") or "*" in folder:
        raise ChorusError(f"the output of --engine dask is a folder, or FOLDER/part-*.jsonl[.gz], not {output}")
    return OutputParts(folder, name[len("part-*") :])


def plan_partitions(files: list[tuple[str, int]], partition_bytes: int) -> list[Partition]:
    """Byte ranges of the input; line numbers are filled in by ``number_lines``."""
    partitions: list[Partition] = []
    several = len(files) > 1
    for url, size in files:
        label = posixpath.basename(url) if several else None
        if url.endswith(".gz") or size <= partition_bytes:
            partitions.append(Partition(len(partitions), url, 0, None, 0, label))
            continue
        for start in range(0, size, partition_bytes):
            end = start + partition_bytes if start + partition_bytes < size else None
            partitions.append(Partition(len(partitions), url, start, end, 0, label))
    return partitions


# --- what runs on the workers ---------------------------------------------------------


def worker_ready() -> str:
    """Run first on the cluster: fails there, with a clear message here, if chorus is not installed."""
    import chorus.pipeline  # noqa: F401  (also warms the worker up)

    return chorus.__version__


def count_newlines(url: str, start: int, end: int) -> int:
    """Newlines in bytes [start, end) of an uncompressed file, read a block at a time."""
    fs, path = _filesystem(url)
    count = 0
    with fs.open(path, "rb") as f:
        f.seek(start)
        left = end - start
        while left > 0:
            block = f.read(min(COUNT_BLOCK, left))
            if not block:
                break
            count += block.count(b"\n")
            left -= len(block)
    return count


def _partition_lines(f: BinaryIO, partition: Partition) -> Iterator[tuple[int, Any]]:
    if partition.compressed:
        yield from read_records(gzip.GzipFile(fileobj=f, mode="rb"))
        return
    first = 1
    if partition.start > 0:
        # The line under way at ``start`` belongs to the partition before;
        # ours begin after the first newline at or after byte start - 1.
        f.seek(partition.start - 1)
        skipped = 0
        while True:
            piece = f.readline(2**20)
            skipped += len(piece)
            if not piece or piece.endswith(b"\n"):
                break
        first = partition.newlines_before + (1 if skipped == 1 else 2)
    end = partition.end
    yield from read_records(f, first, stop=None if end is None else (lambda: f.tell() >= end))


def summarize_partition(partition: Partition, parts: OutputParts, options: BatchOptions) -> tuple[int, int, int]:
    """Summarize one partition into its part file; return (index, ok, failed)."""
    in_fs, in_path = _filesystem(partition.url)
    out_fs, _ = _filesystem(parts.folder)
    final = parts.url(partition.index)
    folder, name = posixpath.split(final)
    # Hidden while incomplete, so that a part that exists is whole; unique, so
    # that a retried task never writes over another attempt.
    temporary = posixpath.join(folder, f".{name}.{uuid.uuid4().hex}.inprogress")
    ok = failed = 0
    _, temporary_path = _filesystem(temporary)
    with in_fs.open(in_path, "rb") as source, out_fs.open(temporary_path, "wb") as sink:
        # No name or time in the gzip header: a part's bytes depend only on its records.
        compressed = parts.suffix.endswith(".gz")
        target: BinaryIO = gzip.GzipFile(filename="", fileobj=sink, mode="wb", mtime=0) if compressed else sink  # type: ignore[assignment]  # GzipFile writes bytes
        for number, line in _partition_lines(source, partition):
            record = process_record(number, line, options)
            if "error" in record:
                failed += 1
                if partition.label and "line" in record:
                    record["file"] = partition.label
            else:
                ok += 1
            target.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        if target is not sink:
            target.close()
    _, final_path = _filesystem(final)
    out_fs.mv(temporary_path, final_path)
    return partition.index, ok, failed


# --- the driver -------------------------------------------------------------------


def _manifest(files: list[tuple[str, int]], partition_bytes: int, parts: OutputParts) -> dict[str, Any]:
    return {
        "input": [{"url": url, "bytes": size} for url, size in files],
        "partition_bytes": partition_bytes,
        "parts": parts.suffix,
    }


def check_output(parts: OutputParts, manifest: dict[str, Any], resume: bool) -> set[str]:
    """Check the output folder against this run, changing nothing; return the parts already whole."""
    fs, folder = _filesystem(parts.folder)
    try:
        if not fs.exists(folder):
            return set()
        if not fs.isdir(folder):
            raise ChorusError(f"{parts.folder} is a file; the output of --engine dask is a folder")
        names = {posixpath.basename(p) for p in fs.ls(folder, detail=False)}
        if MANIFEST in names:
            with fs.open(posixpath.join(folder, MANIFEST), "rb") as f:
                previous = json.loads(f.read())
            if not resume:
                raise ChorusError(
                    f"{parts.folder} already holds a batch run: add --resume to finish it, or choose another folder"
                )
            if previous != manifest:
                raise ChorusError(
                    f"{parts.folder} holds a batch run of another input or partitioning "
                    f"(see {MANIFEST}); choose another folder"
                )
        elif any(n.startswith("part-") for n in names):
            raise ChorusError(f"{parts.folder} already holds part files; choose an empty or new folder")
    except OSError as exc:
        raise ChorusError(f"cannot read {parts.folder}: {exc}") from None
    return {n for n in names if n.startswith("part-") and n.endswith(parts.suffix)}


def start_output(parts: OutputParts, manifest: dict[str, Any]) -> None:
    """Create the folder and its manifest; remove the parts a killed run left half-written."""
    fs, folder = _filesystem(parts.folder)
    manifest_path = posixpath.join(folder, MANIFEST)
    try:
        fs.makedirs(folder, exist_ok=True)
        if not fs.exists(manifest_path):
            with fs.open(manifest_path, "wb") as f:
                f.write(json.dumps(manifest, indent=2).encode("utf-8"))
        for path in fs.ls(folder, detail=False):
            name = posixpath.basename(path)
            if name.startswith(".part-") and name.endswith(".inprogress"):
                fs.rm(path)
    except OSError as exc:
        raise ChorusError(f"cannot write to {parts.folder}: {exc}") from None


def connect_cluster(distributed: Any, scheduler: str | None, jobs: int | None) -> tuple[Any, Any]:
    """A client of the cluster at ``scheduler`` (an address or a scheduler file), or of a new LocalCluster."""
    if scheduler is None:
        # One thread per worker process: summarizing is Python-bound, threads would share one GIL.
        cluster = distributed.LocalCluster(
            n_workers=jobs or default_jobs(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        return distributed.Client(cluster), cluster
    try:
        if scheduler.endswith(".json") and Path(scheduler).is_file():
            return distributed.Client(scheduler_file=scheduler, timeout="20s"), None
        return distributed.Client(scheduler, timeout="20s"), None
    except (OSError, TimeoutError) as exc:
        raise ChorusError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def check_workers(client: Any, wait_seconds: float = 120) -> list[str]:
    """Fail here, with a clear message, if no worker comes or the workers cannot import chorus;
    returns the warnings for the caller (workers running another version of chorus)."""
    try:
        if client.scheduler_info()["workers"]:
            versions = set(client.run(worker_ready).values())
        else:
            versions = {client.submit(worker_ready, pure=False).result(timeout=wait_seconds)}
    except ImportError as exc:
        raise ChorusError(
            f"the Dask workers cannot import chorus ({exc}): install chorus on every worker machine"
        ) from None
    except TimeoutError:
        raise ChorusError(
            f"no Dask worker joined the scheduler within {wait_seconds:.0f} s: start workers with "
            "`dask worker SCHEDULER_ADDRESS --nthreads 1`"
        ) from None
    mismatched = versions - {chorus.__version__}
    if mismatched:
        return [f"the Dask workers run chorus {', '.join(sorted(mismatched))}, this machine {chorus.__version__}"]
    return []


def run_dask_batch(
    source: str,
    output: str,
    options: BatchOptions,
    scheduler: str | None = None,
    jobs: int | None = None,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
    resume: bool = False,
    progress: Progress | None = None,
) -> BatchResult:
    """Summarize every cluster of ``source`` into the part files of ``output`` on a Dask cluster."""
    distributed = import_dask()
    progress = progress or Progress()
    if source == "-":
        raise ChorusError("--engine dask reads files (the workers cannot see this machine's stdin)")
    files = input_files(source)
    parts = output_parts(output)
    partitions = plan_partitions(files, partition_bytes)
    manifest = _manifest(files, partition_bytes, parts)
    done = check_output(parts, manifest, resume)
    sizes = {url: size for url, size in files}

    def span(p: Partition) -> int:
        return (sizes[p.url] if p.end is None else p.end) - p.start

    result = BatchResult(parts=len(partitions))
    start = time.perf_counter()
    client, cluster = connect_cluster(distributed, scheduler, jobs)
    futures: list[Any] = []
    try:
        result.warnings += check_workers(client)
        start_output(parts, manifest)
        todo = [p for p in number_lines(client, partitions) if parts.name(p.index) not in done]
        if len(todo) < len(partitions):
            result.skipped = _count_done(client, parts, [p for p in partitions if parts.name(p.index) in done])
        progress.start(sum(span(p) for p in todo), 0)
        futures = client.map(summarize_partition, todo, parts=parts, options=options, pure=False)
        by_index = {p.index: p for p in todo}
        done_bytes = 0
        for future in distributed.as_completed(futures):
            try:
                index, ok, failed = future.result()
            except Exception as exc:
                raise ChorusError(
                    f"a partition failed on the cluster ({type(exc).__name__}: {exc}); "
                    "the finished parts are kept: rerun with --resume"
                ) from None
            result.ok += ok
            result.failed += failed
            done_bytes += span(by_index[index])
            progress.update(result.ok, result.failed, done_bytes)
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        progress.stop()
        if futures:
            client.cancel(futures)
        client.close()
        if cluster is not None:
            cluster.close()
        result.seconds = time.perf_counter() - start
    return result


def number_lines(client: Any, partitions: list[Partition]) -> list[Partition]:
    """Give each partition the count of newlines before it, counted on the
    cluster (the data may be remote): one pass at disk speed, against the
    summarizing's few kilobytes a second."""
    ranges = [p for i, p in enumerate(partitions[:-1]) if partitions[i + 1].url == p.url and p.end is not None]
    if not ranges:
        return partitions
    counts = client.gather(
        client.map(
            count_newlines, [p.url for p in ranges], [p.start for p in ranges], [p.end for p in ranges], pure=False
        )
    )
    before: dict[tuple[str, int | None], int] = {}
    for p, n in zip(ranges, counts):
        before[(p.url, p.end)] = before.get((p.url, p.start), 0) + n
    return [replace(p, newlines_before=before[(p.url, p.start)]) if p.start > 0 else p for p in partitions]


def _count_done(client: Any, parts: OutputParts, finished: list[Partition]) -> int:
    """Records in the parts a previous run finished (shown as 'already done')."""
    return sum(client.gather(client.map(count_records, [parts.url(p.index) for p in finished], pure=False)))


def count_records(url: str) -> int:
    fs, path = _filesystem(url)
    with fs.open(path, "rb") as f:
        stream = gzip.GzipFile(fileobj=f, mode="rb") if url.endswith(".gz") else f
        return sum(1 for _ in stream)
