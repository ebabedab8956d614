"""Datasets in the layouts research data comes in: DUC/TAC folders and Multi-News."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chorus.cli import EXIT_RECORDS_FAILED
from chorus.ingest.datasets import iter_duc_clusters, multinews_documents, parse_duc_sgml
from chorus.ingest.read import read_inputs

# Three short wire stories per topic, written for these tests.
FERRY = [
    (
        "APW20010312.0101",
        "Ferry runs aground off Tarrow Point",
        "A passenger ferry carrying 212 people ran aground off Tarrow Point on Monday morning after losing "
        "engine power in heavy seas, the coast guard said.\n\n"
        "   All passengers were taken off the vessel by lifeboats within three hours and nobody was badly hurt.\n\n"
        "   The operator, Linden Sound Lines, said it would inspect its other ferries before they sail again.",
    ),
    (
        "NYT20010312.0230",
        "Coast guard rescues 212 from stranded ferry",
        "<P>The coast guard rescued 212 passengers from a ferry that ran aground off Tarrow Point on Monday "
        "after its engines failed in rough water.</P>\n<P>Linden Sound Lines &amp; the harbor authority opened "
        "an inquiry into why the engines failed, officials said. &UR;</P>\n<P>Passengers said the crew handed out "
        "life jackets calmly while the ship listed in the swell.</P>",
    ),
    (
        "XIE20010313.0007",
        None,
        "The ferry that ran aground off Tarrow Point carried 212 passengers, all of whom were rescued by the "
        "coast guard on Monday.\n\nInvestigators from the harbor authority will examine the engines that failed "
        "before the ferry lost power.",
    ),
]
ORCHARD = [
    (
        "APW20010920.0044",
        "Frost ruins apple harvest in Caldry valley",
        "An early frost destroyed nearly half of the apple harvest in the Caldry valley this week, growers said "
        "on Thursday.\n\n   The regional farm council asked the government for emergency loans to help "
        "orchards survive the winter.",
    ),
    (
        "NYT20010920.0311",
        "Caldry growers count frost losses",
        "<P>Apple growers in the Caldry valley lost nearly half of their harvest to an early frost this week, "
        "the regional farm council said.</P>\n<P>The council asked for emergency loans so that small orchards "
        "can pay their workers through the winter.</P>",
    ),
]


def sgml(docno: str, headline: str | None, text: str) -> str:
    head = f"<HEADLINE> {headline} </HEADLINE>\n" if headline else ""
    return (
        f"<DOC>\n<DOCNO> {docno} </DOCNO>\n<DOCTYPE> NEWS STORY </DOCTYPE>\n<BODY>\n{head}"
        f"<TEXT>\n{text}\n</TEXT>\n</BODY>\n</DOC>\n"
    )


@pytest.fixture
def duc_release(tmp_path: Path) -> Path:
    """A DUC 2004-like release: docs/<topic>t/<DOCNO> SGML files and models/ references."""
    root = tmp_path / "duc"
    for folder, stories in (("d30001t", FERRY), ("d30002t", ORCHARD)):
        (root / "docs" / folder).mkdir(parents=True)
        for docno, headline, text in stories:
            (root / "docs" / folder / docno).write_text(sgml(docno, headline, text), encoding="latin-1")
    models = root / "models"
    models.mkdir()
    (models / "D30001.M.100.T.A").write_text(
        "A ferry with 212 passengers ran aground off Tarrow Point after its "
        "engines failed. The coast guard rescued everyone.\n"
    )
    (models / "D30001.M.100.T.B").write_text(
        "The coast guard took 212 people off a grounded ferry; an inquiry will examine the engines.\n"
    )
    (models / "D30002.M.100.T.A").write_text(
        "Frost destroyed half the Caldry valley apple harvest and growers asked for emergency loans.\n"
    )
    return root


@pytest.fixture
def update_release(tmp_path: Path) -> Path:
    """DUC 2007 update naming: folders D0703A-A / D0703A-B, references D0703-A.M..., a topics file."""
    root = tmp_path / "update"
    for folder, stories in (("D0703A-A", FERRY), ("D0703A-B", ORCHARD)):
        (root / folder).mkdir(parents=True)
        for docno, headline, text in stories:
            (root / folder / docno).write_text(sgml(docno, headline, text))
    (root / "models").mkdir()
    (root / "models" / "D0703-A.M.100.A.A").write_text("set A reference")
    (root / "models" / "D0703-B.M.100.A.A").write_text("set B reference")
    (root / "update_topics.sgml").write_text(
        "<topic>\n<num> D0703A </num>\n<title> Accidents at sea </title>\n"
        "<narr>\nDescribe the grounding and the rescue.\n</narr>\n</topic>\n"
    )
    return root


def test_sgml_articles_become_paragraphs_without_markup():
    docs = parse_duc_sgml(sgml(*FERRY[1]) + sgml(*FERRY[0]), "two.sgml")
    assert [d.docno for d in docs] == ["NYT20010312.0230", "APW20010312.0101"]
    assert docs[0].headline == "Coast guard rescues 212 from stranded ferry"
    paragraphs = docs[0].text.split("\n\n")
    assert len(paragraphs) == 3
    assert "Linden Sound Lines & the harbor authority" in paragraphs[1]
    assert "&UR;" not in docs[0].text and "<P>" not in docs[0].text
    assert len(docs[1].text.split("\n\n")) == 3  # indented lines open paragraphs


def test_duc_release_clusters_with_their_references(duc_release: Path):
    records = list(iter_duc_clusters(duc_release))
    assert [r["id"] for r in records] == ["d30001t", "d30002t"]
    ferry, orchard = records
    assert [d["id"] for d in ferry["documents"]] == [d for d, _, _ in FERRY]
    assert ferry["documents"][0]["title"] == "Ferry runs aground off Tarrow Point"
    assert ferry["summary_ids"] == ["D30001.M.100.T.A", "D30001.M.100.T.B"]
    assert orchard["summaries"] == [
        "Frost destroyed half the Caldry valley apple harvest and growers asked for emergency loans."
    ]
    assert "topic_title" not in ferry  # DUC 2004 has no topics file


def test_update_sets_get_only_their_own_references_and_the_topic(update_release: Path):
    a, b = iter_duc_clusters(update_release)
    assert (a["id"], a["summaries"]) == ("D0703A-A", ["set A reference"])
    assert (b["id"], b["summaries"]) == ("D0703A-B", ["set B reference"])
    assert a["topic_title"] == b["topic_title"] == "Accidents at sea"
    assert a["topic_narrative"] == "Describe the grounding and the rescue."


def test_summarize_one_topic_of_a_duc_release(run, duc_release: Path):
    code, out, err = run("summarize", str(duc_release), "--cluster", "d30001t", "--words", "60", "--format", "json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["sentences"]
    cited = {s["document"] for sentence in summary["sentences"] for s in sentence["support"]}
    assert cited <= {d for d, _, _ in FERRY} and cited
    assert "frost" not in out.lower()  # the other topic stays out


def test_summarize_a_folder_of_sgml_files_with_no_suffix(run, duc_release: Path):
    warnings: list[str] = []
    (cluster,) = read_inputs([str(duc_release / "docs" / "d30002t")], warnings)
    assert [d.id for d in cluster.documents] == [d for d, _, _ in ORCHARD]
    code, out, err = run("clean", str(duc_release / "docs" / "d30002t" / ORCHARD[0][0]))
    assert code == 0, err
    assert out.splitlines()[0] == "Frost ruins apple harvest in Caldry valley"
    assert "<TEXT>" not in out and "DOCNO" not in out


def test_evaluate_a_duc_release_directly(run, duc_release: Path):
    code, out, err = run("evaluate", str(duc_release), "--words", "40", "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    assert result["clusters"] == 2
    (ours,) = [s for s in result["systems"] if s["system"] == "concepts"]
    assert ours["rouge-1"]["recall"] > 0.2 and ours["failed_clusters"] == 0


def test_batch_asks_for_conversion_then_runs_the_converted_file(run, duc_release: Path, tmp_path: Path):
    code, _, err = run("batch", str(duc_release), "-o", str(tmp_path / "out.jsonl"), "--quiet")
    assert code == 1 and "chorus convert" in err and "Traceback" not in err
    converted = tmp_path / "duc.jsonl"
    code, _, err = run("convert", str(duc_release), "-o", str(converted))
    assert code == 0 and "2 clusters" in err
    code, _, err = run("batch", str(converted), "-o", str(tmp_path / "out.jsonl"), "--quiet", "--jobs", "1")
    assert code == 0, err
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in out] == ["d30001t", "d30002t"] and all(r["summary"] for r in out)
    code, _, err = run("convert", str(duc_release), "-o", str(converted))
    assert code == 1 and "--force" in err


def test_convert_refuses_a_file_that_holds_no_cluster(run, tmp_path: Path):
    article = tmp_path / "article.txt"
    article.write_text("The ferry ran aground on Tuesday.\n\nAll 212 passengers were rescued.\n")
    code, out, err = run("convert", str(article), "-o", str(tmp_path / "out.jsonl"))
    assert code == 1 and out == "" and "holds no cluster" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == [article]  # no output, not even a partial one
    code, out, err = run("convert", str(article), "-o", "-")
    assert code == 1 and out == "" and "holds no cluster" in err  # nor the article's lines on standard output


def test_convert_keeps_the_bad_rows_before_a_dataset_s_first_cluster(run, tmp_path: Path):
    dataset = tmp_path / "mixed.jsonl"
    dataset.write_text('not json\n{"id": "a", "documents": ["The ferry ran aground."]}\n{"id": 5}\n')
    code, out, err = run("convert", str(dataset), "-o", "-")
    assert code == 0 and out.splitlines() == [
        "not json",
        '{"id": "a", "documents": ["The ferry ran aground."]}',
        '{"id": 5}',
    ]
    assert "2 rows are not valid clusters" in err


def test_multinews_original_files(run, tmp_path: Path):
    src, tgt = tmp_path / "test.src", tmp_path / "test.tgt"
    ferry = " story_separator_special_tag ".join(
        text.replace("<P>", "").replace("</P>", "").replace("\n", " NEWLINE_CHAR ") for _, _, text in FERRY
    )
    orchard = " story_separator_special_tag ".join(
        text.replace("<P>", "").replace("</P>", "").replace("\n", " NEWLINE_CHAR ") for _, _, text in ORCHARD
    )
    src.write_text(ferry + "\n" + orchard + "\n")
    tgt.write_text("– A ferry ran aground and 212 people were rescued.\n– Frost ruined the apple harvest.\n")
    code, out, err = run("convert", str(src), "-o", "-")
    assert code == 0, err
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["id"] == "1" and len(first["documents"]) == 3
    assert first["documents"][0].count("\n\n") == 2 and "NEWLINE_CHAR" not in out
    assert second["summaries"] == ["Frost ruined the apple harvest."]
    code, out, err = run("evaluate", str(src), "--words", "30", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["clusters"] == 2


def test_multinews_rows_run_in_batch_and_a_bad_row_is_reported(run, tmp_path: Path):
    rows = tmp_path / "multinews.jsonl"
    good = {
        "document": " ||||| ".join(t.replace("<P>", "").replace("</P>", "") for _, _, t in FERRY),
        "summary": "– The ferry ran aground.",
    }
    rows.write_text("\n".join([json.dumps(good), json.dumps({"document": 7, "summary": "x"}), json.dumps(good)]) + "\n")
    code, _, err = run("batch", str(rows), "-o", str(tmp_path / "out.jsonl"), "--quiet", "--jobs", "1")
    assert code == EXIT_RECORDS_FAILED, err
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r.get("id") for r in out][::2] == ["1", "3"]
    assert out[0]["summary"] and out[2]["summary"] == out[0]["summary"]
    assert "error" in out[1] and "document" in out[1]["error"]
    assert "2 ok, 1 failed" in err


def test_multinews_separators():
    assert multinews_documents("one. ||||| two.|||||  ||||| three.") == ["one.", "two.", "three."]
