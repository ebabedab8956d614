from __future__ import annotations

import os
import signal
from collections import Counter
from pathlib import Path
from typing import NoReturn

import pytest

from chorus.cli import main

# A run started in the background by a non-interactive shell inherits SIGINT ignored, and so do
# the commands it starts; the tests of Ctrl-C need it delivered as a terminal delivers it.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbor-fire"
SHARED = Path(os.environ.get("CHORUS_SHARED", ROOT.parent / "shared"))
LAVROV = SHARED / "examples" / "lavrov-hamas"
DUC2006 = SHARED / "data" / "duc2006"

# CI installs every system package the suite uses (.ci/run); there, a missing one fails the tests.
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def system_package_missing(what: str, packages: str) -> NoReturn:
    """Skip a test that needs a system package that is not installed; with CI=true, fail it.

    The skip reason is one line, the same for every test of a kind, so pytest's
    summary shows one line per missing package with the command that installs it.
    """
    message = f"{what} (Debian/Ubuntu: apt-get install {packages})"
    if IN_CI:
        pytest.fail(f"{message}; CI=true requires it", pytrace=False)
    pytest.skip(f"{message}{_SKIP_MARK}")


_SKIP_MARK = "; install it to run them (with CI=true they fail instead)"
_skipped_for_packages: Counter[str] = Counter()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and isinstance(report.longrepr, tuple):
        reason = str(report.longrepr[2]).removeprefix("Skipped: ")
        if reason.endswith(_SKIP_MARK):
            _skipped_for_packages[reason] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for reason, count in _skipped_for_packages.items():
        terminalreporter.write_line(f"{count} test{'s' if count != 1 else ''} skipped: {reason}", yellow=True)


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


@pytest.fixture(scope="session")
def perl_rouge() -> None:
    """The official ROUGE-1.5.5 Perl script can run (perl with XML::Parser and DB_File)."""
    from chorus.evaluation.rouge_perl import PERL_PACKAGE, perl_missing

    reason = perl_missing()
    if reason:
        system_package_missing(f"the tests against the Perl ROUGE-1.5.5 cannot run: {reason}", PERL_PACKAGE)


@pytest.fixture(scope="session")
def perl() -> str:
    """A perl interpreter (Debian always has perl-base)."""
    import shutil

    path = shutil.which("perl")
    if path is None:
        system_package_missing("the tests comparing with ROUGE's Perl code need perl", "perl")
    return path


@pytest.fixture
def duc2006() -> Path:
    if not (DUC2006 / "peers.jsonl").is_file():
        pytest.skip("../shared/data/duc2006 is not on this machine")
    return DUC2006


# Other news of each outlet, for clusters whose articles must not look like copies of one story.
OTHER_NEWS = [
    "Officials at the city hall declined to comment on the budget for the coming year.",
    "The local football team won its match on Saturday afternoon by two goals.",
    "A new bakery opened on the high street, selling rye bread and cinnamon buns.",
    "The regional orchestra announced a summer season of open-air concerts in the park.",
    "Heavy rain flooded several cellars in the old town, the water board reported.",
    "The university library extended its opening hours for the examination period.",
    "A farmer's market returned to the cathedral square after a two-year pause.",
    "The tram line to the airport will close for repairs during the autumn holidays.",
]
