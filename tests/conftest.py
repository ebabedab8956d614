from __future__ import annotations

import os
from pathlib import Path

import pytest

from chorus.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbor-fire"
SHARED = Path(os.environ.get("CHORUS_SHARED", ROOT.parent / "shared"))
LAVROV = SHARED / "examples" / "lavrov-hamas"


@pytest.fixture
def lavrov_dir() -> Path:
    if not LAVROV.is_dir():
        pytest.skip("../shared/examples/lavrov-hamas is not on this machine")
    return LAVROV


@pytest.fixture
def run(capsys):
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""

    def _run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return _run
