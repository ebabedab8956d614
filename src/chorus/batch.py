"""Summarize a dataset of clusters: streaming, parallel, ordered, resumable.

Every input record yields exactly one output record, in input order: a
summary, or ``{"id", "error"}`` for a record that cannot be summarized. The
input is read lazily and at most a few records per worker are in flight, so
memory stays flat whatever the input size. Output is appended whole lines at
a time; after a crash or Ctrl-C, ``resume`` keeps the complete lines and
skips the records they answer.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from chorus.errors import ChorusError, InputError
from chorus.ingest.read import Cluster, iter_dataset_lines, parse_dataset_line

RECORDS_PER_TASK = 2
TASKS_PER_WORKER = 4  # in flight; bounds memory


@dataclass(frozen=True)
class BatchOptions:
    words: int | None = 100
    sentences: int | None = None
    method: str | None = None
    query_fields: tuple[str, ...] = ()  # dataset fields joined into the query (DUC: topic_title, topic_narrative)
    query: str | None = None


def cluster_query(cluster: Cluster, options: BatchOptions) -> str | None:
    parts = [str(cluster.fields[f]) for f in options.query_fields if cluster.fields.get(f)]
    if options.query:
        parts.insert(0, options.query)
    return ". ".join(p.strip().rstrip(".") for p in parts) or None


def summarize_cluster(cluster: Cluster, options: BatchOptions) -> dict[str, Any]:
    from chorus.pipeline import build_story, load_documents, make_budget, summarize_story
    from chorus.render import summary_to_dict

    warnings: list[str] = []
    docs = load_documents(cluster.documents, warnings)
    story = build_story(docs, cluster_query(cluster, options), warnings)
    summary = summarize_story(story, make_budget(options.words, options.sentences), options.method)
    return {"id": cluster.id, **summary_to_dict(summary)}


def _id_of(line: bytes) -> Any:
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    if isinstance(record, dict) and isinstance(record.get("id"), (str, int, float)):
        return str(record["id"])
    return None


def process_record(number: int, line: bytes, options: BatchOptions) -> dict[str, Any]:
    """One input line to one output record; never raises."""
    try:
        cluster = parse_dataset_line(line, f"line {number}")
    except ChorusError as exc:
        return {"id": _id_of(line), "line": number, "error": str(exc)}
    try:
        return summarize_cluster(cluster, options)
    except ChorusError as exc:
        return {"id": cluster.id, "error": str(exc)}
    except Exception as exc:  # a bug in one record must not cost the others
        return {"id": cluster.id, "error": f"internal error: {type(exc).__name__}: {exc}"}


def process_chunk(chunk: list[tuple[int, bytes]], options: BatchOptions) -> list[str]:
    return [json.dumps(process_record(n, line, options), ensure_ascii=False) for n, line in chunk]


def _chunks(lines: Iterable[tuple[int, bytes]], size: int) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for item in lines:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _warm_up() -> None:
    import chorus.pipeline  # noqa: F401  (import once per worker, not per task)


def run_ordered(
    chunks: Iterable[list[tuple[int, bytes]]], options: BatchOptions, jobs: int
) -> Iterator[list[str]]:
    """Process chunks on ``jobs`` processes, yielding results in input order."""
    if jobs <= 1:
        for chunk in chunks:
            yield process_chunk(chunk, options)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_warm_up) as pool:
        pending: deque[Future[list[str]]] = deque()
        iterator = iter(chunks)
        try:
            for chunk in iterator:
                pending.append(pool.submit(process_chunk, chunk, options))
                if len(pending) >= jobs * TASKS_PER_WORKER:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


# --- output files ------------------------------------------------------------


def _is_gzip(path: Path) -> bool:
    return path.name.endswith(".gz")


@dataclass
class Done:
    """What an existing output file already answers."""

    ids: Counter[str]
    lines: set[int]  # input line numbers of answered records that had no id

    def __len__(self) -> int:
        return sum(self.ids.values()) + len(self.lines)


def _note(done: Done, raw: bytes) -> None:
    try:
        record = json.loads(raw)
    except ValueError:
        return
    if not isinstance(record, dict):
        return
    if record.get("id") is not None:
        done.ids[str(record["id"])] += 1
    elif isinstance(record.get("line"), int):
        done.lines.add(record["line"])


def recover_output(path: Path) -> Done:
    """Cut OUT back to its complete lines (a crash can leave half a line) and
    list what they answer. Streams: memory does not grow with the file."""
    done = Done(Counter(), set())
    if not path.exists():
        return done
    if _is_gzip(path):
        tmp = path.with_name(path.name + ".recovering")
        with gzip.open(tmp, "wb") as out:
            try:
                with gzip.open(path, "rb") as f:
                    for raw in f:
                        if raw.endswith(b"\n"):
                            out.write(raw)
                            _note(done, raw)
            except (EOFError, OSError):
                pass  # a crash mid-write truncates the last gzip member
        os.replace(tmp, path)
        return done
    with path.open("r+b") as f:
        f.seek(0, os.SEEK_END)
        end = f.tell()
        position = end
        while position > 0:  # find the last newline, reading backwards
            step = min(65536, position)
            f.seek(position - step)
            block = f.read(step)
            cut = block.rfind(b"\n")
            if cut >= 0:
                position = position - step + cut + 1
                break
            position -= step
        if position != end:
            f.truncate(position)
        f.seek(0)
        for raw in f:
            _note(done, raw)
    return done


def open_output(path: Path, resume: bool) -> tuple[IO[str], Done]:
    """Open OUT for writing; with ``resume``, keep its complete lines and append."""
    if not path.parent.exists():
        raise ChorusError(f"output folder {path.parent} does not exist")
    done = recover_output(path) if resume else Done(Counter(), set())
    mode = "at" if resume else "wt"
    try:
        if _is_gzip(path):
            handle: IO[str] = gzip.open(path, mode, encoding="utf-8")  # type: ignore[assignment]
        else:
            handle = open(path, mode, encoding="utf-8")
    except OSError as exc:
        raise ChorusError(f"cannot write {path}: {exc.strerror or exc}") from None
    return handle, done


# --- the batch run -------------------------------------------------------------


@dataclass
class BatchResult:
    ok: int = 0
    failed: int = 0
    skipped: int = 0  # already in OUT (resume)
    seconds: float = 0.0


def _skip_done(lines: Iterable[tuple[int, bytes]], done: Done, result: BatchResult) -> Iterator[tuple[int, bytes]]:
    """Leave out the input records that OUT already answers (by id, else by line number)."""
    remaining = len(done)
    for number, line in lines:
        if remaining:
            key = _id_of(line)
            if key is not None and done.ids[key] > 0:
                done.ids[key] -= 1
            elif key is None and number in done.lines:
                done.lines.discard(number)
            else:
                yield number, line
                continue
            remaining -= 1
            result.skipped += 1
            continue
        yield number, line


def run_batch(
    source: str | Path,
    output: str | Path,
    options: BatchOptions,
    jobs: int | None = None,
    resume: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Summarize every cluster of ``source`` into ``output`` (JSONL, .gz allowed)."""
    jobs = jobs or os.cpu_count() or 1
    out_path = Path(output)
    if str(source) != "-" and Path(source).resolve() == out_path.resolve():
        raise ChorusError("the output file must not be the input file")
    lines = iter_dataset_lines(source)
    handle, done = open_output(out_path, resume)
    result = BatchResult()
    start = time.perf_counter()
    try:
        todo = _skip_done(lines, done, result) if len(done) else lines
        last_flush = time.monotonic()
        for records in run_ordered(_chunks(todo, RECORDS_PER_TASK), options, jobs):
            for record in records:
                handle.write(record + "\n")
                if '"error":' in record and json.loads(record).get("error") is not None:
                    result.failed += 1
                else:
                    result.ok += 1
            if time.monotonic() - last_flush > 1.0:
                handle.flush()
                last_flush = time.monotonic()
            if progress:
                progress(result.ok, result.failed)
    finally:
        handle.close()
        result.seconds = time.perf_counter() - start
    return result


def dataset_size(source: str | Path) -> int | None:
    if str(source) == "-":
        return None
    try:
        return Path(source).stat().st_size
    except OSError:
        return None


def progress_reporter(quiet: bool) -> tuple[Callable[[int, int], None] | None, Callable[[], None]]:
    """A rich progress line on stderr (count, rate, elapsed), off when quiet or not a TTY."""
    if quiet or not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} clusters ({task.fields[failed]} failed)"),
        TextColumn("{task.fields[rate]:.2f}/s"),
        TimeElapsedColumn(),
        transient=True,
    )
    task = bar.add_task("batch", total=None, failed=0, rate=0.0)
    started = time.perf_counter()
    bar.start()

    def update(ok: int, failed: int) -> None:
        done = ok + failed
        bar.update(task, completed=done, failed=failed, rate=done / max(time.perf_counter() - started, 1e-9))

    return update, bar.stop


__all__ = ["BatchOptions", "BatchResult", "InputError", "process_record", "run_batch"]
