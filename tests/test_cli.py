"""The command line: inputs, options, and a clear one-line error for every user mistake."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE


def test_summarize_example_prints_cited_summary(run):
    code, out, err = run("summarize", str(EXAMPLE))
    assert code == 0
    assert "Sources:" in out and "[1" in out
    assert err == ""


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_every_format(run, fmt):
    code, out, _ = run("summarize", str(EXAMPLE), "--format", fmt, "--words", "50")
    assert code == 0 and out.strip()
    if fmt == "json":
        assert json.loads(out)["words"] <= 50


def test_lavrov_markdown_is_within_budget(run, lavrov_dir):
    code, out, _ = run("summarize", str(lavrov_dir), "--format", "markdown")
    assert code == 0
    paragraph = out.split("\n\n")[1]
    import re

    text = re.sub(r"\[\^\d+\]", "", paragraph).replace("\\[", "[").replace("\\]", "]")
    assert len(text.split()) <= 100
    assert "Most Popular" not in out and "LOG IN" not in out


def test_files_are_accepted_individually(run):
    files = [str(p) for p in sorted(EXAMPLE.iterdir())][:3]
    code, out, _ = run("summarize", *files, "--sentences", "2", "--format", "json")
    data = json.loads(out)
    assert code == 0 and len(data["sentences"]) == 2 and len(data["documents"]) == 3


@pytest.mark.slow
def test_stdin_articles_separated_by_dashes():
    texts = [p.read_text() for p in sorted(EXAMPLE.glob("*.txt"))]
    result = subprocess.run(
        [sys.executable, "-m", "chorus.cli", "summarize", "-", "--format", "json", "--words", "60"],
        input="\n-----\n".join(texts),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["documents"]) == len(texts)


def test_jsonl_clusters(run, tmp_path):
    texts = [p.read_text() for p in sorted(EXAMPLE.glob("*.txt"))]
    path = tmp_path / "clusters.jsonl.gz"
    with gzip.open(path, "wt") as f:
        f.write(json.dumps({"id": "fire", "documents": texts}) + "\n")
        f.write(json.dumps({"id": "fire-2", "documents": texts[:2]}) + "\n")
    code, out, _ = run("summarize", str(path), "--format", "json", "--words", "40")
    data = json.loads(out)
    assert code == 0 and [d["id"] for d in data] == ["fire", "fire-2"]
    code, out, _ = run("summarize", str(path), "--cluster", "fire-2", "--format", "json")
    assert code == 0 and len(json.loads(out)["documents"]) == 2


def test_methods_lists_every_method(run):
    from chorus.select import DEFAULT_METHOD, METHODS

    code, out, _ = run("methods")
    assert code == 0
    for name in METHODS:
        assert name in out
    assert f"{DEFAULT_METHOD}" in out and "(default)" in out


def test_clean_prints_title_then_body_and_can_show_removed_lines(run):
    path = EXAMPLE / "03-valley-courier.txt"
    code, out, _ = run("clean", str(path))
    assert code == 0
    assert out.startswith("Marrowick warehouse fire: what we know\n\nA fire at a chemical warehouse")
    assert "Advertisement" not in out
    code, out, _ = run("clean", str(path), "--removed")
    assert "- Advertisement  [" in out


# --- errors: one line, non-zero exit, no traceback --------------------------


def _assert_clean_error(code, out, err, *fragments):
    assert code != 0
    assert out == ""
    assert err.startswith("chorus: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err


def test_missing_file(run, tmp_path):
    _assert_clean_error(*run("summarize", str(tmp_path / "nope.txt")), "no such file", "nope.txt")


def test_empty_file(run, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    _assert_clean_error(*run("summarize", str(tmp_path / "empty.txt")), "empty.txt is empty")


def test_binary_file(run, tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    _assert_clean_error(*run("summarize", str(tmp_path / "photo.txt")), "binary")


def test_a_bad_file_in_a_folder_is_skipped_with_its_problem_in_words(run, tmp_path):
    for page in sorted(EXAMPLE.glob("0[13]*.txt")):
        (tmp_path / page.name).write_text(page.read_text())
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "marked.txt").write_bytes(b"\xef\xbb\xbf\n")
    code, out, err = run("summarize", str(tmp_path))
    assert code == 0 and out
    assert f"warning: skipped: {tmp_path / 'photo.txt'} is a binary file, not text or HTML" in err
    assert f"warning: skipped: {tmp_path / 'marked.txt'} is empty" in err


def test_folder_without_articles(run, tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    _assert_clean_error(*run("summarize", str(tmp_path)), "holds no article file")


def test_folder_with_only_unreadable_articles(run, tmp_path):
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    _assert_clean_error(*run("summarize", str(tmp_path)), "no readable article")


def test_html_page_without_an_article_is_skipped_with_a_warning(run, tmp_path):
    for p in sorted(EXAMPLE.glob("*.txt"))[:2]:
        (tmp_path / p.name).write_text(p.read_text())
    (tmp_path / "shell.html").write_text("<html><head><script>var a = 1;</script></head><body></body></html>")
    code, out, err = run("summarize", str(tmp_path))
    assert code == 0 and out
    assert "shell.html: no article text found in the HTML page" in err
    _assert_clean_error(*run("summarize", str(tmp_path / "shell.html")), "no article text found")


def test_non_english_text(run, tmp_path):
    (tmp_path / "es.txt").write_text(
        "El gobierno anunció hoy un nuevo plan para reducir el desempleo en las regiones del sur del país. "
        "Los sindicatos dijeron que las medidas llegan tarde y que esperan más inversiones públicas este año."
    )
    _assert_clean_error(*run("summarize", str(tmp_path / "es.txt")), "English", "Spanish")


def test_non_english_article_in_a_cluster_is_skipped_with_a_warning(run, tmp_path):
    for p in sorted(EXAMPLE.glob("*.txt"))[:2]:
        (tmp_path / p.name).write_text(p.read_text())
    (tmp_path / "de.txt").write_text(
        "Die Regierung hat heute einen neuen Plan vorgestellt, um die Arbeitslosigkeit im Süden des Landes zu senken. "
        "Die Gewerkschaften sagten, die Maßnahmen kämen zu spät, und forderten mehr öffentliche Investitionen."
    )
    code, out, err = run("summarize", str(tmp_path))
    assert code == 0 and out
    assert "warning: skipped articles not in English: de.txt (German)" in err


def test_single_article_summarizes_with_a_warning(run):
    code, out, err = run("summarize", str(EXAMPLE / "04-wirenow.txt"))
    assert code == 0 and "[1]" in out
    assert "warning: only one article" in err


def test_a_budget_no_sentence_fits_is_an_error_not_an_empty_summary(run):
    _assert_clean_error(*run("summarize", str(EXAMPLE), "--words", "5"), "fits in 5 words", "raise the word budget")
    code, out, _ = run("summarize", str(EXAMPLE), "--words", "25")
    assert code == 0 and "[" in out


def test_an_article_given_twice_is_read_once_and_a_copy_is_flagged(run, tmp_path):
    first, second = sorted(EXAMPLE.glob("*.txt"))[:2]
    (tmp_path / "copy.txt").write_text(second.read_text())
    code, out, err = run("summarize", str(first), str(first), str(second), "--format", "json")
    assert code == 0 and f"{first.name} was given twice: read once" in err
    sources = json.loads(out)["documents"]
    assert [s["name"] for s in sources] == [first.name, second.name], "the repeated file is not a second outlet"
    code, out, err = run("summarize", str(first), str(second), str(tmp_path / "copy.txt"), "--format", "json")
    assert code == 0 and f"copy.txt has the same text as {second.name}: both count as sources" in err
    assert len(json.loads(out)["documents"]) == 3


@pytest.mark.parametrize(
    "args,fragment",
    [
        (["summarize", str(EXAMPLE), "--words", "0"], "at least 1"),
        (["summarize", str(EXAMPLE), "--words", "ten"], "not a whole number"),
        (["summarize", str(EXAMPLE), "--method", "magic"], "unknown method 'magic'"),
        (["summarize", str(EXAMPLE), "--format", "pdf"], "invalid choice"),
        (["summarize"], "required"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_options(run, args, fragment):
    _assert_clean_error(*run(*args), fragment)


def test_bad_jsonl(run, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "documents": ["text"]}\nnot json\n')
    _assert_clean_error(*run("summarize", str(path)), "bad.jsonl line 2", "not valid JSON")
    path.write_text('{"documents": ["text"]}\n')
    _assert_clean_error(*run("summarize", str(path)), 'no "id"')
    path.write_text('{"id": 1, "documents": [3]}\n')
    _assert_clean_error(*run("summarize", str(path)), "document 1 is not a string")


def test_console_script_is_installed():
    import chorus

    script = Path(sys.executable).with_name("chorus")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == f"chorus {chorus.__version__}\n"


def test_chorus_has_one_version_from_its_package_metadata():
    from importlib.metadata import version

    import chorus

    assert chorus.__version__ == version("chorus")


def test_library_modules_never_import_the_cli():
    """Data flows one way: the CLI uses the library, never the reverse (no import cycle)."""
    import ast

    package = Path(chorus_package_dir())
    offenders = []
    for path in package.rglob("*.py"):
        if path.name == "cli.py" and path.parent == package:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            if any(n == "chorus.cli" or n.startswith("chorus.cli.") for n in names):
                offenders.append(str(path.relative_to(package)))
    assert offenders == []


def chorus_package_dir() -> str:
    import chorus

    return str(Path(chorus.__file__).parent)


def _help(command: str) -> str:
    import argparse

    from chorus.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return " ".join(commands.choices[command].format_help().split())  # unwrapped


def test_help_states_the_defaults_the_commands_use():
    from chorus.types import DIGEST_WORDS
    from chorus.web.limits import WORKER_MEMORY, Limits

    limits = Limits()
    serve = _help("serve")
    assert f"at once (default {limits.workers})" in serve
    assert f"may hold (default {limits.max_documents})" in serve
    assert f"one request (default {limits.seconds:g})" in serve
    assert f"(default {WORKER_MEMORY / 2**30:g} GiB, less on a small machine)" in serve  # Limits' cap
    assert f"again (default {limits.kept_reports};" in serve
    assert f"(default {limits.kept_report_bytes / 2**20:g} MiB;" in serve
    assert f"was made (default {limits.kept_report_seconds:g})" in serve
    assert f"summary (default {DIGEST_WORDS})" in _help("stories")


def test_the_cli_reads_the_servers_defaults_without_loading_the_web_stack():
    code = "import sys, chorus.cli; chorus.cli.build_parser(); print('fastapi' in sys.modules)"
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        == "False"
    )


def test_a_date_is_checked_by_one_rule_in_the_cli_and_the_api(run):
    from chorus.types import typed_date
    from chorus.web.schemas import DocumentIn

    with pytest.raises(ValueError) as rejected:
        typed_date("2015-13-01")
    code, _, err = run("stories", "x.txt", "--since", "2015-13-01")
    assert code != 0 and str(rejected.value) in err
    with pytest.raises(ValueError, match="is not a date; write it as YYYY-MM-DD"):
        DocumentIn(text="Some text.", published="2015-13-01")
    assert typed_date(" 2015-08-03T14:20:00+00:00 ") == "2015-08-03T14:20:00+00:00"
    with pytest.raises(ValueError):
        typed_date("2015-08-03T14:20:00", day_only=True)  # --since takes a day
