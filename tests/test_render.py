"""Every output format carries the summary and its citations."""

import json
import re

import pytest

import chorus
from chorus.errors import ChorusError
from chorus.render import render
from chorus.render.text import source_line
from chorus.types import Document
from conftest import EXAMPLE


@pytest.fixture(scope="module")
def summary():
    return chorus.summarize([EXAMPLE], words=100)


def test_text_marks_each_sentence_with_its_sources(summary):
    out = render(summary, "text")
    body, sources = out.split("\n\nSources:\n")
    for s in summary.sentences:
        marker = "[" + ", ".join(str(d + 1) for d in s.doc_indexes)
        assert f"{s.text} {marker}]" in body or f"{s.text} {marker} · " in body
    # An article that gives another value is named in the bracket, and listed with the sources.
    assert "[1, 3, 4, 5 · 3 independent · 2 says more than 1,500]" in body
    cited = {d for s in summary.sentences for d in s.doc_indexes + s.contradicting_indexes}
    assert len(sources.strip().splitlines()) == len(cited)
    # Named by outlet, with the headline and, to find it again, the file it came as.
    assert (
        f"{summary.documents[0].label}: Fire at Halvern warehouse forces hundreds from their homes (01-marrowick-ledger.txt)"
        in sources
    )
    assert not summary.documents[0].label.endswith(".txt")


def test_markdown_has_footnotes_listing_every_supporting_document(summary):
    out = render(summary, "markdown")
    for n, s in enumerate(summary.sentences, start=1):
        assert f"[^{n}]" in out
        footnote = next(line for line in out.splitlines() if line.startswith(f"[^{n}]:"))
        for d in s.doc_indexes:
            assert summary.documents[d].label in footnote
        assert footnote.split(":", 2)[1].strip().startswith(str(s.support_count))
    assert "### Sources" in out


def test_json_schema(summary):
    data = json.loads(render(summary, "json"))
    assert data["summary"] == summary.text
    assert data["words"] == summary.words <= data["budget"]["words"] == 100
    assert data["method"] == summary.method
    ids = {d["id"] for d in data["documents"]}
    for item, s in zip(data["sentences"], summary.sentences):
        assert item["text"] == s.text
        assert item["support_count"] == len({x["document"] for x in item["support"]}) == s.support_count
        assert item["source"]["document"] in ids
        for support in item["support"]:
            assert support["document"] in ids
            assert isinstance(support["sentence"], int) and support["sentence"] >= 0
            assert support["text"]
            assert support["name"] or support["title"] or support["document"]


def test_html_is_self_contained_and_links_sentences_to_sources(summary):
    out = render(summary, "html")
    assert out.startswith("<!doctype html>")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", out)  # nothing fetched from the network
    anchors = set(re.findall(r'id="(d\d+-s\d+)"', out))
    supports = re.findall(r'data-support="([^"]+)"', out)
    assert len(supports) == len(summary.sentences)
    for group in supports:
        assert set(group.split()) <= anchors


def test_unknown_format_is_an_error(summary):
    with pytest.raises(ChorusError, match="unknown format"):
        render(summary, "pdf")


@pytest.mark.parametrize(
    "doc, line",
    [
        (
            Document(id="a", text="x", title="Fire at the harbor", name="01.txt", shown_as="Ledger"),
            "[1] Ledger: Fire at the harbor (01.txt)",
        ),
        (
            Document(
                id="a",
                text="x",
                title="Fire at the harbor forces hundreds out",
                name="01.txt",
                shown_as="Fire at the harbor…",
            ),
            "[1] Fire at the harbor forces hundreds out (01.txt)",
        ),
        (Document(id="a", text="x", name="002_4987.txt", shown_as="002_4987.txt"), "[1] 002_4987.txt"),
        (
            Document(id="a", text="x", name="002_4987.txt", shown_as="“Russian Foreign Minister…”"),
            "[1] “Russian Foreign Minister…” (002_4987.txt)",
        ),
        # A pasted text's id is its place: "(article 1)" after "[1]" would say nothing more; another place would.
        (Document(id="1", text="x", shown_as="“Flood water closed…”"), "[1] “Flood water closed…”"),
        (Document(id="3", text="x", shown_as="“Flood water closed…”"), "[1] “Flood water closed…” (article 3)"),
        (
            Document(id="APW19980601.0001", text="x", title="Storm", shown_as="Associated Press"),
            "[1] Associated Press: Storm (APW19980601.0001)",
        ),
    ],
)
def test_a_source_is_named_by_its_human_label_and_the_file_it_came_as(doc, line):
    assert source_line(1, doc) == line


def test_the_markdown_report_lists_the_articles_in_the_order_published():
    from chorus.render.report_markdown import _in_time

    docs = [
        Document(id="a", text="x", published="2024-03-13T07:15:00"),
        Document(id="b", text="x", published="2024-03-12T23:05:00+00:00"),
        Document(id="c", text="x"),
        Document(id="d", text="x", published="2024-03-13"),
    ]
    assert _in_time(docs) == [
        r"In the order published: \[2\] 2024-03-12 23:05, \[4\] 2024-03-13, \[1\] 2024-03-13 07:15; undated: \[3\].",
        "",
    ]
    assert _in_time(docs[2:3] + docs[:1]) == []  # one dated article orders nothing


@pytest.mark.parametrize(
    "words",
    ['<img src=x onerror="alert(1)">', "[1] a bracket \\[ and \\]", "&lt; and &amp; and & alone", "AT&T; 3 < 4"],
)
def test_markdown_unescape_gives_back_the_words_it_escaped(words):
    from chorus.render.markdown import _escape, unescape

    assert unescape(_escape(words)) == words
