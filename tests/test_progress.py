"""Progress of long `chorus report` and `chorus summarize` runs: on a terminal, and never in a pipe."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

from chorus.progress import MIN_ARTICLES, Steps, wanted
from conftest import EXAMPLE

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))]


def many_articles(folder, count: int = MIN_ARTICLES + 2):
    """``count`` distinct articles: the example's paragraphs, each article a different selection."""
    paragraphs = [p for t in TEXTS for p in t.split("\n\n") if len(p.split()) > 12]
    folder.mkdir()
    for n in range(count):
        chosen = [paragraphs[(n * 7 + k * 3) % len(paragraphs)] for k in range(6)]
        (folder / f"outlet-{n:02d}.txt").write_text(f"Harbor fire, report {n}\n\n" + "\n\n".join(chosen))
    return folder


def run_on_a_terminal(*args: str) -> tuple[int, str, str]:
    """Run chorus with stderr on a pseudo-terminal: (exit code, stdout, what the terminal showed)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "chorus.cli", *args],
        stdout=subprocess.PIPE,
        stderr=follower,
        env={**os.environ, "COLUMNS": "120", "TERM": "xterm"},
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        shown += chunk
    out = process.stdout.read().decode()
    code = process.wait(300)
    os.close(leader)
    return code, out, shown.decode("utf-8", errors="replace")


def test_a_report_on_many_articles_shows_its_steps_on_a_terminal(tmp_path):
    folder = many_articles(tmp_path / "story")
    code, out, shown = run_on_a_terminal("report", str(folder))
    assert code == 0 and out.startswith("# Story report")
    for step in ("reading 12 articles", "splitting into sentences", "comparing the outlets' claims"):
        assert step in shown
    assert re.search(r"\d+/7", shown)  # steps done of the expected seven


def test_summaries_of_a_dataset_show_which_cluster(tmp_path):
    import json

    folder = many_articles(tmp_path / "story")
    texts = [p.read_text() for p in sorted(folder.iterdir())]
    dataset = tmp_path / "clusters.jsonl"
    dataset.write_text("".join(json.dumps({"id": f"c{n}", "documents": texts[n::2]}) + "\n" for n in range(2)))
    code, out, shown = run_on_a_terminal("summarize", str(dataset), "--words", "40")
    assert code == 0 and "== c1 ==" in out
    assert "cluster 2 of 2: choosing the summary" in shown


def test_nothing_is_shown_in_a_pipe(tmp_path, run):
    folder = many_articles(tmp_path / "story")
    result = subprocess.run(
        [sys.executable, "-m", "chorus.cli", "report", str(folder)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0
    assert "reading" not in result.stderr and "\x1b[" not in result.stderr


def test_few_articles_or_no_terminal_mean_no_display(tmp_path):
    class Terminal:
        def isatty(self):
            return True

    assert wanted(MIN_ARTICLES, Terminal()) and not wanted(MIN_ARTICLES - 1, Terminal())
    assert not wanted(1000, open(os.devnull, "w"))
    with Steps(3, enabled=False) as step:  # disabled, it is a no-op that still counts
        step("a")
        step("b")
    assert step.done == 1
