"""The story report's wording has one source (chorus.render.wording) that the
Markdown report and the story viewer (the HTML report and the page) both read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import chorus
from chorus.analysis.entities import KINDS
from chorus.render.report_markdown import render_report_markdown
from chorus.render.wording import REPORT_TITLE, REPORT_WORDING, SECTIONS, story_script, viewer_wording
from chorus.select import METHODS

ROOT = Path(__file__).resolve().parents[1]
STORY_JS = (ROOT / "src/chorus/render/story.js").read_text(encoding="utf-8")
MARKDOWN_PY = (ROOT / "src/chorus/render/report_markdown.py").read_text(encoding="utf-8")


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


@pytest.fixture(scope="module")
def harbor_report():
    return chorus.report([ROOT / "examples" / "harbor-fire"])


@pytest.mark.parametrize("source, name", [(STORY_JS, "story.js"), (MARKDOWN_PY, "report_markdown.py")])
def test_no_renderer_writes_the_wording_again(source, name):
    """A title, lead or note typed into a renderer again would drift from the others."""
    for text in _strings(REPORT_WORDING):
        # A sentence is found by its opening words (a long string is split over lines), a name whole.
        written = [text[:40]] if len(text.split()) > 3 else [f"{q}{text}{q}" for q in "'\"`"]
        assert not any(w in source for w in written), f"{name} writes {text!r} itself; read it from the wording"


def test_the_viewer_reads_only_wording_that_exists():
    """Every TEXT.section.field story.js reads is in the wording (else the page would show 'undefined')."""
    used = set(re.findall(r"\bTEXT\.(\w+)\.(\w+)", STORY_JS))
    assert used, "story.js reads no wording"
    missing = {f"{section}.{field}" for section, field in used if field not in SECTIONS.get(section, {})}
    assert not missing
    # Its tabs are the wording's sections, in the wording's order.
    assert re.findall(r"\{key: '(\w+)', label: TEXT\.(\w+)\.tab", STORY_JS) == [(k, k) for k in SECTIONS]


def test_the_viewer_carries_the_wording_as_json():
    script = story_script()
    assert "/*chorus:wording*/" not in script
    written = re.search(r"const WORDING = (\{.*?\});\n", script)
    assert written and json.loads(written.group(1)) == viewer_wording()
    assert viewer_wording()["methods"]["concepts"] == METHODS["concepts"].plain


def test_markdown_headings_are_the_wording(harbor_report):
    text = render_report_markdown(harbor_report)
    assert text.startswith(f"# {REPORT_TITLE}\n")
    headings = re.findall(r"^## (\d+)\. (.+)$", text, flags=re.M)
    titles = [SECTIONS[key]["title"] for key in SECTIONS if key != "timeline"]
    assert headings == [(str(n), title) for n, title in enumerate(titles, start=1)]
    for key in SECTIONS:
        if key != "timeline" and "lead" in SECTIONS[key]:
            assert f"\n{SECTIONS[key]['lead']}\n" in text
    kinds = {kind for kind in KINDS if any(e.kind == kind for e in harbor_report.entities)}
    assert kinds  # the example names people and places
    for kind in kinds:
        assert f"### {SECTIONS['entities']['kinds'][kind]} (" in text


def test_empty_sections_say_so_in_the_same_words():
    report = chorus.report(["The council met on Monday.", "Rain fell in the hills."])
    text = render_report_markdown(report)
    assert not report.quotes and f"*{SECTIONS['quotes']['empty']}*" in text
    assert not report.conflicts and f"*{SECTIONS['conflicts']['empty']}*" in text


def test_entity_kinds_are_the_analysis_kinds():
    assert tuple(SECTIONS["entities"]["kinds"]) == KINDS


def test_the_page_is_served_the_viewer_with_its_wording():
    from fastapi.testclient import TestClient

    from chorus.web.app import create_app

    with TestClient(create_app(), base_url="http://localhost") as client:
        served = client.get("/static/story.js")
    assert served.status_code == 200 and served.text == story_script()


def test_the_markdown_report_says_how_the_sentences_were_picked_in_plain_words(harbor_report):
    # The page's summary says "chosen: the most facts in the fewest words" (story.js, from the methods'
    # plain words); the Markdown report and the HTML report's heading said "summary method `concepts`".
    from chorus.render.report_html import report_heading

    method = harbor_report.summary.method
    plain = METHODS[method].plain
    line = render_report_markdown(harbor_report).splitlines()[2]
    assert f"chosen: {plain[0].lower()}{plain[1:]}" in line
    assert method not in line
    about = report_heading(harbor_report)[1]
    assert f"chosen: {plain[0].lower()}{plain[1:]}" in about and f'title="method {method}"' in about
