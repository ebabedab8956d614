"""One options type for a summary's length, focus and method (types.SummaryOptions),
read alike by the CLI, the web, batch and the report."""

from __future__ import annotations

import json

import pytest

import chorus
from chorus.batch import BatchOptions, summarize_cluster
from chorus.errors import ChorusError
from chorus.ingest import read_inputs
from chorus.types import DEFAULT_WORDS, Budget, SummaryOptions
from conftest import EXAMPLE

# The example's plain-text articles, so that every entry point reads the same texts.
ARTICLES = sorted(EXAMPLE.glob("*.txt"))
ASKED = {"sentences": 2, "method": "lexrank", "query": "Were firefighters hurt?"}


def test_the_length_asked_for():
    assert SummaryOptions().budget() == Budget(words=DEFAULT_WORDS, sentences=None)
    assert SummaryOptions(sentences=2).budget() == Budget(words=None, sentences=2)  # alone: no word limit
    assert SummaryOptions(words=40, sentences=2).budget() == Budget(words=40, sentences=2)
    with pytest.raises(ChorusError, match="at least 1"):
        SummaryOptions(words=0).budget()


def test_batch_options_are_summary_options():
    options = BatchOptions(**ASKED, query_fields=("topic_title",))
    assert isinstance(options, SummaryOptions) and options.budget() == Budget(words=None, sentences=2)
    assert BatchOptions().budget() == SummaryOptions().budget()


def test_cli_web_batch_and_report_summarize_the_same_options_alike(run):
    code, out, err = run(
        "summarize",
        *map(str, ARTICLES),
        "--sentences",
        "2",
        "--method",
        "lexrank",
        "--query",
        ASKED["query"],
        "--format",
        "json",
    )
    assert code == 0, err
    cli = [s["text"] for s in json.loads(out)["sentences"]]
    assert len(cli) == 2
    [cluster] = read_inputs([str(p) for p in ARTICLES], [])
    assert [s["text"] for s in summarize_cluster(cluster, BatchOptions(**ASKED))["sentences"]] == cli
    assert [s.text for s in chorus.report(ARTICLES, **ASKED).summary.sentences] == cli
    pytest.importorskip("fastapi")
    from chorus.web.inputs import Incoming
    from chorus.web.jobs import summarize_articles
    from chorus.web.limits import Deadline
    from chorus.web.schemas import SummarizeOptions

    articles = [Incoming(n, text=p.read_text(encoding="utf-8"), name=p.name) for n, p in enumerate(ARTICLES, start=1)]
    summary = summarize_articles(articles, SummarizeOptions(**ASKED), Deadline(600))
    assert [s.text for s in summary.sentences] == cli
