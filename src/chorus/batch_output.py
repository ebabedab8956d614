"""The output file of `chorus batch`: written whole lines at a time, repaired after a crash, resumed.

After a crash or Ctrl-C, ``repair_output`` keeps OUT's complete lines and
``skip_answered`` walks OUT and the input side by side (OUT follows the
input order, so its records answer a prefix of the input) to skip the
records already answered; ``held_signals`` keeps a stop signal from cutting
a record in half while it is written.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from chorus.errors import ChorusError


def is_gzip(path: Path) -> bool:
    return path.name.endswith(".gz")


def repair_output(path: Path) -> None:
    """Cut OUT back to its complete lines: a crash can leave half a line (or
    half a gzip member). Streams: memory does not grow with the file."""
    if is_gzip(path):
        tmp = path.with_name(path.name + ".recovering")
        with gzip.open(tmp, "wb") as out:
            try:
                with gzip.open(path, "rb") as f:
                    for raw in f:
                        if raw.endswith(b"\n"):
                            out.write(raw)
            except (EOFError, OSError, gzip.BadGzipFile):
                pass  # a crash mid-write truncates the last gzip member
        os.replace(tmp, path)
        return
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


Key = tuple[str, Any]


def output_key(raw: bytes) -> Key | None:
    try:
        record = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    if record.get("id") is not None:
        return ("id", str(record["id"]))
    if isinstance(record.get("line"), int):
        return ("line", record["line"])
    return None


def describe_key(key: Key | None) -> str:
    if key is None:
        return "a line that is not a chorus record"
    return f"id {key[1]!r}" if key[0] == "id" else f"input line {key[1]}"


def skip_answered(
    records: Iterator[tuple[int, Any]], path: Path, input_key: Callable[..., Key | None]
) -> tuple[Iterator[tuple[int, Any]], int]:
    """Advance ``records`` past those OUT already answers; return the rest and how many were skipped.

    OUT was written in input order, so its records answer the first records
    of the input, one for one: compare the two side by side and remember
    nothing (``input_key(number, line)``: the key an input record's answer
    carries). A mismatch means OUT came from another input; stop rather than
    append to the wrong file.
    """
    skipped = 0
    opener = gzip.open if is_gzip(path) else open
    with opener(path, "rb") as answered:
        for number, raw in enumerate(answered, start=1):
            done = output_key(raw)
            item = next(records, None)
            if item is None:
                raise ChorusError(
                    f"{path} holds more records than the input ({number - 1}); "
                    "it was not written from this input: choose another output file"
                )
            expected = input_key(*item)
            if done != expected:
                raise ChorusError(
                    f"{path} line {number} answers {describe_key(done)} but input record {number} is "
                    f"{describe_key(expected)}: the output was not written from this input "
                    "(or the input changed); choose another output file"
                )
            skipped += 1
    return records, skipped


def open_output(path: Path, resume: bool) -> IO[str]:
    """Open OUT for writing; with ``resume``, append to its complete lines."""
    if not path.parent.exists():
        raise ChorusError(f"output folder {path.parent} does not exist")
    if path.is_dir():
        raise ChorusError(
            f"{path} is a folder; the local engine writes one JSONL file (a folder of parts needs --engine dask)"
        )
    mode = "at" if resume else "wt"
    try:
        if is_gzip(path):
            return gzip.open(path, mode, encoding="utf-8")  # type: ignore[return-value]  # text mode: a TextIO
        return open(path, mode, encoding="utf-8")
    except OSError as exc:
        raise ChorusError(f"cannot write {path}: {exc.strerror or exc}") from None


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)  # Ctrl-C, and a job scheduler's or shell's stop


@contextmanager
def held_signals() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done, then act as usual.

    Writing a record must not be cut in the middle: a gzip stream interrupted
    between compressing a line and counting it in its CRC, or between flushing
    the compressor and writing what it flushed, cannot be read back, and every
    record before the cut would be lost with it."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals only reach the main thread
        return
    arrived: list[int] = []
    previous = {}
    for stop in STOP_SIGNALS:
        handler = signal.getsignal(stop)
        if handler is not None:  # None: installed outside Python, which could not be put back
            previous[stop] = signal.signal(stop, lambda signum, frame: arrived.append(signum))
    try:
        yield
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)
    if arrived:
        signal.raise_signal(arrived[0])  # its own handler now runs (KeyboardInterrupt for Ctrl-C)
