"""The output depends on the input only: not on the string hash seed, nor on where objects sit in memory.

Two processes make the harbor-fire report (its summary, citations, facts and conflicts, where the
1,500 / 1,200 dispute rests on the words around a figure) with different hash seeds, a different
garbage-collector threshold and different objects allocated first, so that every object lies at
another address; their JSON must be the same byte for byte.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import EXAMPLE

# Allocates ``n`` objects of varied sizes (kept alive), sets the collector's threshold, then runs the CLI.
PROGRAM = """
import gc, sys
n, threshold = int(sys.argv[1]), int(sys.argv[2])
junk = [bytearray(k % 257 + 1) for k in range(n)] + [[k] * (k % 7) for k in range(n)]
gc.set_threshold(threshold)
from chorus.cli import main
sys.exit(main(sys.argv[3:]))
"""


def report_json(hash_seed: str, objects: int, threshold: int) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(objects), str(threshold), "report", str(EXAMPLE), "--format", "json"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


@pytest.mark.slow
def test_the_report_is_the_same_whatever_the_hash_seed_and_the_memory_layout():
    first = report_json("1", 0, 700)
    second = report_json("2", 50_021, 7)
    assert b'"conflicts"' in first and b"1,500" in first
    assert first == second
