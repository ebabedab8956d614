"""The tree stays clean for ruff (lint and format) and mypy, configured in pyproject.toml (`.ci/run` runs them too)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import IN_CI, ROOT


def _tool(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        message = f"{module} is not installed (it is in the test extra: pip install -e '.[test]')"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    _tool("ruff")
    done = _run("ruff", "check", "--no-cache", "src", "tests", "benchmarks")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_ruff_format_changes_nothing():
    _tool("ruff")
    done = _run("ruff", "format", "--check", "--no-cache", "src", "tests", "benchmarks")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


@pytest.mark.slow
def test_mypy_finds_nothing():
    _tool("mypy")
    done = _run("mypy", "src/chorus")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
