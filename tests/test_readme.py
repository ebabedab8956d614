"""The README's shown runs are what chorus prints: a change of the output updates the README with it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# A fenced block that opens with "$ chorus ..." and shows what the command prints.
_SHOWN_RUN = re.compile(r"^```\n\$ (chorus [^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _shown_runs() -> list[tuple[str, str]]:
    return _SHOWN_RUN.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_shows_runs():
    assert len(_shown_runs()) >= 2


@pytest.mark.parametrize(("command", "shown"), [pytest.param(c, s, id=c) for c, s in _shown_runs()])
def test_a_run_the_readme_shows_prints_what_it_shows(run, monkeypatch, command, shown):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(*shlex.split(command)[1:])
    assert code == 0 and out == shown
