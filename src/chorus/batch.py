"""Summarize a dataset of clusters: streaming, parallel, ordered, resumable.

Every input record yields exactly one output record, in input order: a
summary, or ``{"id", "error"}`` for a record that cannot be summarized. The
input is read a line at a time (a line longer than ``MAX_RECORD_BYTES`` is
skipped over, never held whole) and at most a few records per worker are in
flight, so memory stays flat whatever the input size. Output is written whole
lines at a time and handed to the operating system as soon as each record is
in order; after a crash or Ctrl-C, ``resume`` keeps the complete lines and
skips the records they answer. Because the output follows the input order,
the records OUT answers are a prefix of the input: resuming walks both files
side by side and remembers nothing.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from chorus.batch_output import Key, held_signals, open_output, repair_output, skip_answered
from chorus.errors import ChorusError, InputError

# A cluster is a few dozen articles of at most MAX_DOCUMENT_CHARS each; a line
# longer than MAX_RECORD_BYTES is a broken export (a whole dataset on one line,
# a binary blob), and holding it would break the memory bound. It gets an error record.
from chorus.ingest.decode import SNIFF_BYTES, looks_binary
from chorus.ingest.read import MAX_RECORD_BYTES, Cluster, open_dataset_file, parse_dataset_line
from chorus.parallel import (  # noqa: F401  (the pool's settings, read with batch's)
    MAX_PENDING_BYTES,
    TASKS_PER_WORKER,
    LostRecord,
    chunks as _chunks,
    default_jobs,
    run_ordered as _run_ordered,
)
from chorus.progress import Progress
from chorus.types import SummaryOptions

ID_SNIFF_BYTES = 4096  # how much of an oversized line is kept to find its id
RECORDS_PER_TASK = 2


@dataclass(frozen=True)
class OversizedLine:
    """An input line over ``MAX_RECORD_BYTES``: its first bytes and its size, not its content."""

    head: bytes
    size: int

    def __len__(self) -> int:
        return len(self.head)


# What a worker is given for one record: the line read, the stub of an oversized one, or a
# record lost with its worker (retried alone, then answered with an error).
RecordLine = bytes | OversizedLine | LostRecord


@dataclass(frozen=True)
class BatchOptions(SummaryOptions):
    """Each cluster's summary as asked (its query: `query`, then the cluster's `query_fields`)."""

    query_fields: tuple[str, ...] = ()  # dataset fields joined into the query (DUC: topic_title, topic_narrative)


def cluster_query(cluster: Cluster, options: BatchOptions) -> str | None:
    parts = [str(cluster.fields[f]) for f in options.query_fields if cluster.fields.get(f)]
    if options.query:
        parts.insert(0, options.query)
    return ". ".join(p.strip().rstrip(".") for p in parts) or None


def summarize_cluster(cluster: Cluster, options: BatchOptions) -> dict[str, Any]:
    from chorus.pipeline import read_story, summarize_as_asked
    from chorus.render import summary_to_dict

    story = read_story(cluster.documents, cluster_query(cluster, options))
    summary = summarize_as_asked(story, options)
    return {"id": cluster.id, **summary_to_dict(summary)}


# An oversized line is not parsed; its id is found only when it is the first key.
_LEADING_ID = re.compile(rb'\A\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)\s*[,}]')


def _id_of(line: bytes | OversizedLine) -> str | None:
    """The record's id as its output record will carry it, or None."""
    if isinstance(line, OversizedLine):
        found = _LEADING_ID.match(line.head)
        try:
            return str(json.loads(found.group(1))) if found else None
        except ValueError:
            return None
    try:
        record = json.loads(line)
    except Exception:  # not JSON, bad UTF-8, nesting too deep: no id to find
        return None
    if isinstance(record, dict) and isinstance(record.get("id"), (str, int, float)):
        return str(record["id"])
    return None


def input_key(number: int, line: bytes | OversizedLine) -> Key:
    """What identifies an input record in the output: its id, else its line number."""
    found = _id_of(line)
    return ("id", found) if found is not None else ("line", number)


def process_record(number: int, line: RecordLine, options: BatchOptions) -> dict[str, Any]:
    """One input line to one output record; never raises."""
    if isinstance(line, LostRecord):
        return {
            "id": _id_of(line.line),
            "line": number,
            "error": f"line {number}: the worker process died while summarizing this record "
            "(killed by the system: out of memory?)",
        }
    if isinstance(line, OversizedLine):
        return {
            "id": _id_of(line),
            "line": number,
            "error": f"line {number}: the record is {line.size:,} bytes; the limit is {MAX_RECORD_BYTES:,}",
        }
    try:
        cluster = parse_dataset_line(line, f"line {number}", number)
    except ChorusError as exc:
        return {"id": _id_of(line), "line": number, "error": str(exc)}
    except Exception as exc:  # e.g. JSON nested too deep for the parser
        return {"id": None, "line": number, "error": f"line {number}: unreadable record ({type(exc).__name__})"}
    try:
        return summarize_cluster(cluster, options)
    except ChorusError as exc:
        return {"id": cluster.id, "error": str(exc)}
    except Exception as exc:  # a bug in one record must not cost the others
        return {"id": cluster.id, "error": f"internal error: {type(exc).__name__}: {exc}"}


def process_chunk(chunk: list[tuple[int, RecordLine]], options: BatchOptions) -> list[dict[str, Any]]:
    return [process_record(number, line, options) for number, line in chunk]


def answer_chunk(chunk: list[tuple[int, RecordLine]], options: BatchOptions) -> list[tuple[bool, str]]:
    """(failed?, output line) for each record: the caller counts without parsing the line again."""
    return [("error" in record, json.dumps(record, ensure_ascii=False)) for record in process_chunk(chunk, options)]


# --- reading the input -----------------------------------------------------------


class LineStream(Protocol):
    """What read_records reads: a binary file, a gzip stream, a Dask partition."""

    def readline(self, size: int = -1, /) -> bytes: ...


def read_records(
    stream: LineStream, first_number: int = 1, stop: Callable[[], bool] | None = None
) -> Iterator[tuple[int, bytes | OversizedLine]]:
    """(line number, line) for each non-blank line of ``stream``, holding at most
    ``MAX_RECORD_BYTES`` of it; ``stop`` is asked before each line (a partition's end)."""
    number = first_number - 1
    while stop is None or not stop():
        line = stream.readline(MAX_RECORD_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            head, size = line[:ID_SNIFF_BYTES], len(line)
            del line
            while True:  # skip the rest of the line a block at a time
                rest = stream.readline(2**20)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, OversizedLine(head, size - 1 if rest.endswith(b"\n") else size)
        elif not line.isspace():
            yield number, line


def _starts_binary(path: Path) -> bool:
    """Does the file (gunzipped) open with what no text has (an image, an archive)? Its every "line" would
    be an error record of noise; a damaged line further in is still one error record among good ones."""
    try:
        with open_dataset_file(path) as raw:
            head = gzip.GzipFile(fileobj=raw).read(SNIFF_BYTES) if path.name.endswith(".gz") else raw.read(SNIFF_BYTES)
    except (OSError, EOFError):
        return False  # a corrupt .gz is reported as such when it is read
    return looks_binary(head)


class DatasetReader:
    """The records of a JSONL file (gzipped or not) or stdin, with how far into the file we are."""

    def __init__(self, source: str | Path) -> None:
        self.name = str(source)
        self.size: int | None = None
        self._raw: BinaryIO
        if self.name == "-":
            self._raw = sys.stdin.buffer
            self._stream: BinaryIO = self._raw
            return
        path = Path(source)
        self._raw = open_dataset_file(path, " (a folder of parts needs --engine dask)")
        self.size = os.fstat(self._raw.fileno()).st_size
        self._stream = gzip.GzipFile(fileobj=self._raw, mode="rb") if path.name.endswith(".gz") else self._raw  # type: ignore[assignment]  # both read bytes
        if _starts_binary(path):
            self.close()
            raise InputError(f"{path} is a binary file, not a JSONL dataset (one cluster a line)")

    @property
    def position(self) -> int:
        """Bytes of the file read so far (compressed bytes for .gz): the progress bar's measure."""
        try:
            return self._raw.tell()
        except (OSError, ValueError):
            return 0

    def __iter__(self) -> Iterator[tuple[int, bytes | OversizedLine]]:
        try:
            yield from read_records(self._stream)
        except (OSError, EOFError) as exc:  # a truncated or corrupt .gz
            raise InputError(f"cannot read {self.name}: {exc}") from None

    def close(self) -> None:
        if self._raw is not sys.stdin.buffer:
            self._stream.close()
            self._raw.close()


def run_ordered(
    chunks: Iterable[list[tuple[int, Any]]],
    options: BatchOptions,
    jobs: int,
    task: Callable[[list[tuple[int, Any]], BatchOptions], list[Any]] = process_chunk,
) -> Iterator[list[Any]]:
    """``parallel.run_ordered`` with batch's task (a chunk of records to their output records) by default."""
    return _run_ordered(chunks, options, jobs, task)


# --- the batch run -------------------------------------------------------------------


@dataclass
class BatchResult:
    ok: int = 0
    failed: int = 0
    skipped: int = 0  # already in OUT (resume)
    seconds: float = 0.0
    interrupted: bool = False
    parts: int = 0  # output part files (the dask engine)
    warnings: list[str] = field(default_factory=list)  # for the caller to show (the CLI prints them)


def run_batch(
    source: str | Path,
    output: str | Path,
    options: BatchOptions,
    jobs: int | None = None,
    resume: bool = False,
    progress: Progress | None = None,
    force: bool = False,
) -> BatchResult:
    """Summarize every cluster of ``source`` into ``output`` (JSONL, .gz allowed).

    An existing OUT is finished with ``resume`` or replaced with ``force``,
    never overwritten otherwise: it may be the work of a run that crashed.
    Ctrl-C (or SIGTERM, through the CLI) ends the run early with
    ``interrupted`` set; every record finished by then is in OUT.
    """
    jobs = jobs or default_jobs()
    progress = progress or Progress()
    out_path = Path(output)
    to_stdout = str(output) == "-"
    if to_stdout and resume:
        raise ChorusError("--resume needs an output file to resume, not -")
    if str(source) != "-" and not to_stdout and Path(source).resolve() == out_path.resolve():
        raise ChorusError("the output file must not be the input file")
    if not to_stdout and not resume and not force and out_path.is_file():
        raise ChorusError(f"{out_path} exists: add --resume to finish the run that wrote it, or --force to replace it")
    reader = DatasetReader(source)
    result = BatchResult()
    start = time.perf_counter()
    try:
        todo: Iterator[tuple[int, bytes | OversizedLine]] = iter(reader)
        if resume and out_path.exists():
            if not out_path.is_file():
                raise ChorusError(f"{out_path} is not a file")
            repair_output(out_path)
            todo, result.skipped = skip_answered(todo, out_path, input_key)
        handle = sys.stdout if to_stdout else open_output(out_path, resume)
        try:
            progress.start(reader.size, reader.position)
            # A pipe may be a live feed: a record must not wait for the next one to fill its task.
            per_task = RECORDS_PER_TASK if reader.size is not None else 1
            for answers in run_ordered(_chunks(todo, per_task), options, jobs, task=answer_chunk):
                with held_signals():
                    handle.write("".join(line + "\n" for _, line in answers))
                    handle.flush()  # a killed run keeps every record it finished
                failed = sum(1 for is_error, _ in answers if is_error)
                result.failed += failed
                result.ok += len(answers) - failed
                progress.update(result.ok, result.failed, reader.position)
        except KeyboardInterrupt:
            result.interrupted = True
        finally:
            if not to_stdout:
                handle.close()
    finally:
        progress.stop()
        reader.close()
        result.seconds = time.perf_counter() - start
    return result


__all__ = ["BatchOptions", "BatchResult", "InputError", "MAX_RECORD_BYTES", "process_record", "run_batch"]
