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


# A name of chorus's Python API that the README spells out ("`chorus.render_check(`", "`chorus.align.roles.Moments`").
_API_NAME = re.compile(r"\bchorus(?:\.[A-Za-z_][A-Za-z0-9_]*)+")


def _resolves(dotted: str) -> bool:
    """Does ``dotted`` name a module of chorus or an attribute of one (the longest importable prefix, then getattr)?"""
    import importlib

    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(found, name):
                return False
            found = getattr(found, name)
        return True
    return False


def test_every_python_name_the_readme_gives_exists():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    names = sorted({m.group(0).rstrip(".") for m in _API_NAME.finditer(text)} - {"chorus.py"})
    assert "chorus.render_check" in names and "chorus.align.roles.Moments" in names
    assert [n for n in names if not _resolves(n)] == []
