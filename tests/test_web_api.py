"""The HTTP API of `chorus serve`: results, every limit, every kind of bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import zlib

import pytest

pytest.importorskip("fastapi", reason="the web extra is part of the test extra")

from fastapi.testclient import TestClient  # noqa: E402

import chorus  # noqa: E402
import chorus.web.jobs  # noqa: E402
from chorus.render.report_json import report_to_dict  # noqa: E402
from chorus.select import DEFAULT_METHOD, METHODS  # noqa: E402
from chorus.types import DEFAULT_WORDS, MIN_OUTLETS  # noqa: E402
from chorus.web import Limits, create_app  # noqa: E402
from chorus.web.inputs import DOCUMENTS_FIELD, PER_DOCUMENT_FIELDS, Incoming  # noqa: E402
from chorus.web.jobs import report_articles, summarize_articles  # noqa: E402
from chorus.web.limits import Deadline, out_of_time  # noqa: E402
from chorus.web.schemas import (  # noqa: E402
    ReportOptions,
    ReportRequest,
    ReportResponse,
    SummarizeOptions,
    SummarizeRequest,
    SummaryResponse,
)
from conftest import EXAMPLE, ROOT  # noqa: E402

EXAMPLE_FILES = sorted(EXAMPLE.iterdir())
KELLMOOR = ROOT / "tests" / "data" / "report" / "kellmoor-dam"
# Both endpoints read the same inputs under the same limits.
ENDPOINTS = ["/api/summarize", "/api/report"]
SMALL = Limits(max_request_bytes=200_000, max_documents=3, max_document_bytes=20_000, seconds=30)
# How long a test holds a piece of work at most: a bound against hanging, never a measurement.


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(), base_url="http://localhost") as c:
        yield c


@pytest.fixture(scope="module")
def small_client():
    with TestClient(create_app(SMALL), base_url="http://localhost") as c:
        yield c


def example_upload() -> list[tuple[str, tuple[str, bytes]]]:
    return [("documents", (p.name, p.read_bytes())) for p in EXAMPLE_FILES]


def example_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in EXAMPLE_FILES if p.suffix == ".txt"]


def assert_error(response, status: int, code: str, *words: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code
    for word in words:
        assert word in error["message"]
    return error


# ---- service endpoints -------------------------------------------------------


def test_health(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_methods_lists_every_method_and_the_default(client):
    data = client.get("/api/methods").json()
    assert data["default"] == DEFAULT_METHOD
    assert [m["name"] for m in data["methods"]] == list(METHODS)
    assert [m["name"] for m in data["methods"] if m["default"]] == [DEFAULT_METHOD]
    assert all(m["description"] for m in data["methods"])
    # In plain words for the page's menu: no paper, no jargon such as "integer programming".
    assert all(
        m["plain"] and not re.search(r"\d{4}|et al|integer|divergence|centroid", m["plain"]) for m in data["methods"]
    )


def test_limits_are_published(small_client):
    data = small_client.get("/api/limits").json()
    assert data["max_documents"] == 3
    assert data["max_document_bytes"] == 20_000
    assert data["max_request_bytes"] == 200_000
    assert data["default_words"] == DEFAULT_WORDS  # the page's length field starts at it
    assert data["default_min_outlets"] == MIN_OUTLETS  # and the Stories view's outlets field


def test_the_page_writes_no_default_length_of_its_own(client):
    length = re.search(r'<input[^>]*\bid="length"[^>]*>', client.get("/").text)
    assert length and "value=" not in length.group(0) and "max=" not in length.group(0)  # both from /api/limits


def test_page_and_its_assets_are_served_locally(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assets = [
        a
        for a in ("/static/page.css", "/static/story.css", "/static/app.css", "/static/story.js", "/static/app.js")
        if a in page.text
    ]
    assert len(assets) == 5
    for asset in assets:
        assert client.get(asset).status_code == 200
    for text in [page.text] + [client.get(a).text for a in assets]:
        text = text.replace("'http://www.w3.org/2000/svg'", "")  # SVG's namespace name, never fetched
        assert "http://" not in text and "https://" not in text and "//cdn" not in text


def test_no_swagger_page_because_it_needs_a_cdn(client):
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").status_code == 200


def test_unknown_path_and_method_are_json_errors(client):
    assert_error(client.get("/nowhere"), 404, "not_found")
    assert_error(client.get("/api/summarize"), 405, "method_not_allowed")


# ---- summaries -----------------------------------------------------------------


def test_summarize_uploaded_files(client):
    names = ["Marrowick Ledger", "", "Valley Courier", "", ""]
    response = client.post("/api/summarize", files=example_upload(), data={"names": names, "words": "80"})
    assert response.status_code == 200, response.text
    data = SummaryResponse.model_validate(response.json()).model_dump()  # the documented schema, exactly
    assert 0 < data["words"] <= 80 and data["budget"] == {"words": 80, "sentences": None}
    documents = data["documents"]
    assert [d["name"] for d in documents] == [
        "Marrowick Ledger",
        "02-northshore-radio.html",
        "Valley Courier",
        "04-wirenow.txt",
        "05-daily-roundup.txt",
    ]
    # The HTML upload went through the extractor: its headline came from <title>/<h1>, no markup is left.
    radio = documents[1]
    assert radio["title"] == "Hundreds evacuated as chemical warehouse burns in Marrowick"
    assert not any("<" in s["text"] for s in radio["sentences"])
    for sentence in data["sentences"]:
        for support in sentence["support"]:
            # every citation points at a sentence the page can show and highlight
            assert documents[support["number"] - 1]["id"] == support["document"]
            assert documents[support["number"] - 1]["sentences"][support["sentence"]]["text"] == support["text"]


def test_summarize_json_texts_and_objects(client):
    texts = example_texts()
    documents = [texts[0], {"text": texts[1], "name": "Valley Courier", "title": "What we know"}, *texts[2:]]
    response = client.post(
        "/api/summarize",
        json={"documents": documents, "sentences": 2, "query": "Who was hurt?", "method": "mmr"},
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert len(data["sentences"]) <= 2 and data["budget"] == {"words": None, "sentences": 2}
    assert data["query"] == "Who was hurt?" and data["method"] == "mmr"
    assert data["documents"][1]["name"] == "Valley Courier" and data["documents"][1]["title"] == "What we know"
    assert [d["id"] for d in data["documents"]] == [str(n) for n in range(1, len(texts) + 1)]


@pytest.mark.parametrize(
    ("fmt", "media_type", "marker"),
    [
        ("text", "text/plain", "Sources:"),
        ("markdown", "text/markdown", "[^1]:"),
        ("html", "text/html", "<!doctype html>"),
    ],
)
def test_other_formats_are_the_cli_renderings(client, fmt, media_type, marker):
    response = client.post("/api/summarize", json={"documents": example_texts(), "format": fmt, "words": 50})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert marker in response.text


def test_uploads_are_decoded_like_files(client):
    text = EXAMPLE_FILES[0].read_text(encoding="utf-8").replace("Marrowick", "Marrówick")
    mojibake = text.encode("utf-8").decode("cp1252", errors="replace")
    files = [
        ("documents", ("utf16.txt", text.encode("utf-16"))),
        ("documents", ("mojibake.txt", mojibake.encode("utf-8"))),
    ]
    response = client.post("/api/summarize", files=files)
    assert response.status_code == 200, response.text
    for document in response.json()["documents"]:
        assert any("Marrówick" in s["text"] for s in document["sentences"])


def test_one_article_is_summarized_with_a_warning(client):
    response = client.post("/api/summarize", json={"documents": [example_texts()[0]]})
    assert response.status_code == 200
    assert any("only one article" in w for w in response.json()["warnings"])


# ---- reports -------------------------------------------------------------------


def kellmoor_upload() -> list[tuple[str, tuple[str, bytes]]]:
    return [("documents", (p.name, p.read_bytes())) for p in sorted(KELLMOOR.iterdir())]


def refs_of(data: dict) -> list[tuple[dict, str]]:
    """Every sentence reference of a report, with text its sentence must contain (empty: none known)."""
    refs = [(ref, ref["text"]) for fact in data["facts"] for ref in fact["sentences"]]
    refs += [
        (ref, ref["text"])
        for conflict in data["conflicts"]
        for value in conflict["values"]
        for ref in value["sentences"]
    ]
    refs += [(o, o["text"][:30]) for quote in data["quotes"] for o in quote["occurrences"]]
    refs += [(o, o["text"]) for entity in data["entities"] for o in entity["occurrences"]]
    for passage in data["reuse"]["passages"]:
        for span in (passage["source"], passage["copy"]):
            refs += [({"document": span["document"], "sentence": n}, "") for n in span["sentences"]]
    return refs


# The report's sections after its documents, as `chorus report --format json` writes them.
REPORT_SECTIONS = (
    "summary",
    "facts",
    "conflicts",
    "updates",
    "quotes",
    "entities",
    "families",
    "reuse",
    "coverage",
    "ner",
    "warnings",
)


def test_report_of_uploaded_files_is_the_cli_report(client):
    response = client.post("/api/report", files=kellmoor_upload())
    assert response.status_code == 200, response.text
    data = ReportResponse.model_validate(response.json()).model_dump(by_alias=True)  # the documented schema
    assert data["schema"] == "chorus.report/2"
    # The sections are those of `chorus report --format json` on the same files...
    expected = report_to_dict(chorus.report(sorted(KELLMOOR.iterdir())))
    added = {"subtitle", "article_sentences"}
    assert [{k: v for k, v in d.items() if k not in added} for d in data["documents"]] == expected["documents"]
    for key in REPORT_SECTIONS:
        assert data[key] == expected[key], key
    # ...and every reference leads to a sentence the page shows.
    sentences = {d["id"]: d["article_sentences"] for d in data["documents"]}
    assert all(len(sentences[d["id"]]) == d["sentences"] for d in data["documents"])
    refs = refs_of(data)
    assert len(refs) > 50
    for ref, text in refs:
        assert text in sentences[ref["document"]][ref["sentence"]]["text"]


def test_the_example_is_served_from_the_package(client):
    data = client.get("/api/example").json()
    assert data["name"] == "harbor-fire"
    assert [(d["filename"], d["text"]) for d in data["documents"]] == [
        (p.name, p.read_text(encoding="utf-8")) for p in EXAMPLE_FILES
    ]


def test_report_maps_each_article_sent_to_its_document(client):
    data = client.post("/api/report", files=example_upload()).json()
    assert [r["document"] for r in data["families"]["rewrites"]] == ["05-daily-roundup"]  # stitched from 2 and 4
    assert data["inputs"] == [
        {"number": n, "document": p.stem, "problem": None} for n, p in enumerate(EXAMPLE_FILES, start=1)
    ]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_typed_outlets_and_dates_name_pasted_articles(client, path):
    texts = example_texts()[:3]
    form = {
        "documents": texts,
        "outlets": ["Harbour Gazette", "", "Harbour Gazette"],
        "dates": ["", "2024-03-14", "2024-03-15"],
    }
    response = client.post(path, content=text_form(form), headers={"content-type": "multipart/form-data; boundary=b"})
    assert response.status_code == 200, response.text
    documents = response.json()["documents"]
    assert [d["outlet"] for d in documents] == ["Harbour Gazette", "Valley Courier", "Harbour Gazette"]
    assert documents[1]["published"] == "2024-03-14" and documents[2]["published"] == "2024-03-15"
    labels = [d["label"] for d in documents]
    assert labels[0].startswith("Harbour Gazette") and len(set(labels)) == 3  # two of one outlet told apart


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_bad_file_among_good_ones_is_left_out_with_a_warning(client, path):
    files = [
        *example_upload()[:2],
        ("documents", ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))),
    ]
    response = client.post(path, files=files)
    assert response.status_code == 200, response.text
    data = response.json()
    assert len(data["documents"]) == 2
    assert any("photo.txt is a binary file" in w for w in data["warnings"])
    assert data["inputs"][:2] == [{"number": n, "document": EXAMPLE_FILES[n - 1].stem, "problem": None} for n in (1, 2)]
    assert data["inputs"][2]["number"] == 3 and data["inputs"][2]["document"] is None
    assert "photo.txt is a binary file, not text or HTML" in data["inputs"][2]["problem"]


def test_report_sections_of_our_own_cluster(client):
    data = client.post("/api/report", files=kellmoor_upload(), data={"words": "60"}).json()
    assert 0 < data["summary"]["words"] <= 60
    conflicts = {(c["kind"], frozenset(v["value"] for v in c["values"])) for c in data["conflicts"]}
    assert ("number", frozenset({"2,200", "2,100"})) in conflicts
    assert ("weekday", frozenset({"Tuesday", "Wednesday"})) in conflicts
    rebuild = next(q for q in data["quotes"] if q["text"].startswith("We will rebuild every home"))
    assert rebuild["speaker"] == "Ilse Varga" and len(rebuild["outlets"]) == 4
    hydrologist = next(e for e in data["entities"] if "Marta Oyelarin" in e["variants"])
    assert set(hydrologist["variants"]) == {"Marta Oyelaran", "Marta Oyelarin"} and hydrologist["kind"] == "person"
    assert any(p["direction_known"] and p["copy"]["document"] == "04-aggregator" for p in data["reuse"]["passages"])
    assert [c["document"] for c in data["coverage"]] == [d["id"] for d in data["documents"]]


def test_report_json_texts_with_options(client):
    texts = example_texts()
    body = {
        "documents": [{"text": texts[0], "name": "Ledger"}, *texts[1:]],
        "sentences": 2,
        "query": "Who was hurt?",
        "method": "mmr",
    }
    response = client.post("/api/report", json=body)
    assert response.status_code == 200, response.text
    data = response.json()
    summary = data["summary"]
    assert len(summary["sentences"]) <= 2 and summary["budget"] == {"words": None, "sentences": 2}
    assert summary["query"] == "Who was hurt?" and summary["method"] == "mmr"
    assert data["documents"][0]["name"] == "Ledger"
    assert [d["id"] for d in data["documents"]] == [str(n) for n in range(1, len(texts) + 1)]


def test_report_of_one_article_has_empty_sections_and_a_warning(client):
    data = client.post("/api/report", json={"documents": [example_texts()[0]]}).json()
    assert any("only one article" in w for w in data["warnings"])
    assert data["conflicts"] == [] and data["reuse"]["passages"] == []
    assert all(not f["several_outlets"] for f in data["facts"])


@pytest.mark.parametrize(
    ("fmt", "media_type", "marker"),
    [("markdown", "text/markdown", "## 4. Quotes"), ("html", "text/html", "<!doctype html>")],
)
def test_report_formats_are_the_cli_renderings(client, fmt, media_type, marker):
    response = client.post("/api/report", files=kellmoor_upload(), data={"format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert marker in response.text and "Ilse Varga" in response.text


# ---- downloading the report on screen: kept, not computed again --------------------------


class CountingPool:
    """Counts the jobs the app gives its workers."""

    def __init__(self, pool):
        self.pool = pool
        self.jobs = 0

    def __getattr__(self, name):
        return getattr(self.pool, name)

    async def run(self, *args, **kwargs):
        self.jobs += 1
        return await self.pool.run(*args, **kwargs)


@pytest.fixture
def counted_jobs(client, monkeypatch):
    """The number of jobs the client's app has run since the test began, as a callable."""
    import chorus.web.app as web_app

    counting = CountingPool(client.app.state.pool)
    real_compute = web_app.compute

    async def compute(request, limits, pool, *args, **kwargs):
        return await real_compute(request, limits, counting, *args, **kwargs)

    monkeypatch.setattr(web_app, "compute", compute)
    return lambda: counting.jobs


@pytest.mark.parametrize(("fmt", "media_type"), [("markdown", "text/markdown"), ("html", "text/html")])
def test_the_download_is_the_report_rendered_without_computing_it_again(client, counted_jobs, fmt, media_type):
    data = client.post("/api/report", files=kellmoor_upload(), data={"words": "80"}).json()
    assert counted_jobs() == 1
    report_id = data["report_id"]
    assert isinstance(report_id, str) and len(report_id) >= 20  # not guessable: the report holds the articles
    download = client.get(f"/api/report/{report_id}", params={"format": fmt})
    assert counted_jobs() == 1  # no worker job: nothing read, cleaned or analysed again
    assert download.status_code == 200, download.text
    assert download.headers["content-type"].startswith(media_type)
    assert download.headers["content-disposition"].startswith("attachment")
    # The report is deterministic: the same bytes as a fresh /api/report of the same input in that format.
    fresh = client.post("/api/report", files=kellmoor_upload(), data={"words": "80", "format": fmt})
    assert counted_jobs() == 2
    assert download.content == fresh.content
    assert download.headers["content-security-policy"] == fresh.headers["content-security-policy"]
    assert download.headers["x-content-type-options"] == "nosniff"


def test_a_json_report_does_not_render_its_html_download_until_it_is_asked_for(monkeypatch):
    import chorus.render.report_html as report_html
    from chorus.render import render_report
    from chorus.web.inputs import Incoming
    from chorus.web.jobs import download, report_and_render
    from chorus.web.kept import KeptReports
    from chorus.web.limits import Deadline
    from chorus.web.schemas import ReportOptions

    articles = [Incoming(n, text=text) for n, text in enumerate(example_texts(), start=1)]
    options = ReportOptions(query="Who was <b>hurt</b>?")  # in the page's title and data: escaped alike
    real = report_html.render_report_html

    def not_now(report):
        raise AssertionError("the JSON answer rendered the HTML page")

    monkeypatch.setattr(report_html, "render_report_html", not_now)
    answer = report_and_render(articles, options, Deadline(600, "report"))
    kept = KeptReports(max_reports=4, max_bytes=10**8, seconds=60)
    parts = kept.parts(kept.keep(answer.parts))
    monkeypatch.setattr(report_html, "render_report_html", real)
    report = chorus.web.jobs.report_articles(articles, options, Deadline(600, "report"))
    assert download(parts, "html") == render_report(report, "html")
    assert download(parts, "markdown") == render_report(report, "markdown")


def test_a_report_no_longer_kept_is_a_404_that_says_so(client):
    error = assert_error(client.get("/api/report/not-a-kept-report", params={"format": "html"}), 404, "report_not_kept")
    assert "computed again" in error["message"]


def test_the_download_takes_only_the_renderings_formats(client):
    report_id = client.post("/api/report", json={"documents": example_texts()[:2]}).json()["report_id"]
    for fmt in ("json", "text", ""):
        assert_error(client.get(f"/api/report/{report_id}", params={"format": fmt}), 422, "invalid_request", "format")


def test_the_download_is_guarded_like_every_route(client):
    report_id = client.post("/api/report", json={"documents": example_texts()[:2]}).json()["report_id"]
    path = f"/api/report/{report_id}?format=markdown"
    assert_error(client.get(path, headers={"host": "evil.example"}), 400, "unknown_host")
    answer = client.get(path)
    assert answer.status_code == 200 and answer.headers["x-frame-options"] == "DENY"


def test_a_report_asked_for_in_a_rendering_is_not_kept(client):
    kept = client.app.state.kept_reports
    before = len(kept)
    response = client.post("/api/report", json={"documents": example_texts()[:2], "format": "markdown"})
    assert response.status_code == 200 and len(kept) == before


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def packed(size: int, seed: int = 0) -> dict[str, bytes]:
    """Renderings of about ``size`` bytes packed (random text: compression keeps its size)."""
    import random

    from chorus.web.kept import pack

    text = "".join(random.Random(seed).choices("abcdefghijklmnopqrstuvwxyz0123456789", k=size * 8 // 5))
    return pack({"markdown": text, "html": ""})


def packed_size(renderings: dict[str, bytes]) -> int:
    from chorus.web.kept import ENTRY_OVERHEAD_BYTES

    return sum(len(v) for v in renderings.values()) + ENTRY_OVERHEAD_BYTES


def test_kept_reports_expire():
    from chorus.web.kept import KeptReports, pack

    clock = Clock()
    kept = KeptReports(max_reports=4, max_bytes=10**6, seconds=60, clock=clock)
    report_id = kept.keep(pack({"markdown": "# Report", "data": "{}"}))
    clock.now = 59
    assert kept.parts(report_id) == {"markdown": "# Report", "data": "{}"}
    clock.now = 60
    assert kept.parts(report_id) is None
    assert len(kept) == 0 and kept.bytes == 0


def test_kept_reports_are_bounded_by_count_and_bytes_oldest_first():
    from chorus.web.kept import KeptReports

    small = [packed(1000, seed) for seed in range(4)]
    kept = KeptReports(max_reports=3, max_bytes=3 * packed_size(small[0]) + 100, seconds=60, clock=Clock())
    ids = [kept.keep(r) for r in small]
    assert len(kept) == 3 and kept.parts(ids[0]) is None  # the count: the oldest went
    assert [kept.parts(i)["markdown"] for i in ids[1:]] == [zlib.decompress(r["markdown"]).decode() for r in small[1:]]
    big = packed(2000, 9)
    big_id = kept.keep(big)  # the bytes: room made by dropping the two oldest
    assert len(kept) == 2 and kept.bytes == packed_size(small[3]) + packed_size(big) <= kept.max_bytes
    assert kept.parts(ids[1]) is None and kept.parts(ids[2]) is None
    assert kept.parts(ids[3]) is not None
    assert kept.parts(big_id)["markdown"] == zlib.decompress(big["markdown"]).decode()
    assert kept.keep(packed(kept.max_bytes)) is None  # alone over the bound: not kept, nothing dropped for it
    assert len(kept) == 2


def test_report_has_no_text_format(client):
    assert_error(
        client.post("/api/report", json={"documents": ["text"], "format": "text"}), 422, "invalid_request", "format"
    )


# ---- limits --------------------------------------------------------------------


@pytest.mark.parametrize("path", ENDPOINTS)
def test_body_over_the_limit_declared(small_client, path):
    response = small_client.post(
        path, content=b"{" + b" " * 300_000 + b"}", headers={"content-type": "application/json"}
    )
    assert_error(response, 413, "request_too_large", "195 KB")


@pytest.mark.parametrize("path", ENDPOINTS)
def test_body_over_the_limit_streamed_without_length(small_client, path):
    def chunks():
        for _ in range(30):
            yield b" " * 10_000

    response = small_client.post(path, content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers
    assert_error(response, 413, "request_too_large")


@pytest.mark.parametrize("path", ENDPOINTS)
def test_too_many_documents_json(small_client, path):
    assert_error(small_client.post(path, json={"documents": ["text"] * 4}), 413, "too_many_documents", "4", "3")


@pytest.mark.parametrize("path", ENDPOINTS)
def test_too_many_documents_form(small_client, path):
    files = [("documents", (f"{n}.txt", b"A short article.")) for n in range(4)]
    assert_error(small_client.post(path, files=files), 413, "too_many_documents")


@pytest.mark.parametrize("path", ENDPOINTS)
def test_document_too_large_as_text(small_client, path):
    response = small_client.post(path, json={"documents": ["ok text", "word " * 5000]})
    assert_error(response, 413, "document_too_large", "Article 2", "20 KB")


@pytest.mark.parametrize("path", ENDPOINTS)
def test_document_too_large_as_file(small_client, path):
    files = [("documents", ("big.html", b"<p>word</p>" * 3000))]
    assert_error(small_client.post(path, files=files), 413, "document_too_large", "big.html")


@pytest.mark.parametrize(
    ("work", "options"), [(summarize_articles, SummarizeOptions()), (report_articles, ReportOptions())]
)
def test_work_out_of_time_stops_between_stages(work, options):
    articles = [Incoming(1, text=t) for t in example_texts()]
    with pytest.raises(Exception) as caught:
        work(articles, options, Deadline(0))
    assert getattr(caught.value, "status", None) == 504


# ---- bad input -------------------------------------------------------------------

BAD_JSON = [
    ({"documents": []}, "invalid_request", "documents"),
    ({}, "invalid_request", "documents"),
    ({"documents": [""]}, "invalid_request", "documents[0]: String should have at least 1 character"),
    ({"documents": [{"name": "no text"}]}, "invalid_request", "documents[0].text: Field required"),
    (
        {"documents": ["text", 42]},
        "invalid_request",
        'documents[1]: should be a text or an object with a "text" string',
    ),
    ({"documents": [{"text": "t", "colour": 1}]}, "invalid_request", "documents[0].colour: is not a field"),
    ({"documents": ["text"], "words": 0}, "invalid_request", "words"),
    ({"documents": ["text"], "words": 5000}, "invalid_request", "words"),
    ({"documents": ["text"], "words": "many"}, "invalid_request", "words"),
    ({"documents": ["text"], "sentences": -1}, "invalid_request", "sentences"),
    ({"documents": ["text"], "method": "magic"}, "invalid_request", "method"),
    ({"documents": ["text"], "format": "pdf"}, "invalid_request", "format"),
    ({"documents": ["text"], "query": "q" * 2000}, "invalid_request", "query"),
    ({"documents": ["text"], "colour": "blue"}, "invalid_request", "colour: is not a field of this request"),
    ({"documents": ["   \n  "]}, "bad_input", "no article text"),
    (
        {
            "documents": [
                "Der Bundestag hat am Dienstag ein neues Gesetz beschlossen, das die Regeln für Mieten in "
                "großen Städten verschärft. Die Opposition kritisierte das Vorhaben scharf."
            ]
        },
        "bad_input",
        "English",
    ),
    ([{"documents": ["text"]}], "invalid_request", "JSON object"),
]


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize(("body", "code", "hint"), BAD_JSON)
def test_bad_json_requests(client, body, code, hint, path):
    assert_error(client.post(path, json=body), 422, code, hint)


@pytest.mark.parametrize("path", ENDPOINTS)
def test_invalid_json(client, path):
    response = client.post(path, content=b'{"documents": [', headers={"content-type": "application/json"})
    assert_error(response, 422, "invalid_json", "not valid JSON")


@pytest.mark.parametrize("path", ENDPOINTS)
def test_unsupported_media_type(client, path):
    response = client.post(path, content=b"an article", headers={"content-type": "text/plain"})
    assert_error(response, 415, "unsupported_media_type", "multipart/form-data")


BAD_FORMS = [
    (
        None,
        [("documents", ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))],
        "bad_input",
        "photo.png is a binary file",
    ),
    (None, [("documents", ("empty.txt", b""))], "bad_input", "empty.txt is empty"),
    ({"documents": ["  "]}, None, "empty_document", "Article 1 is empty"),
    ({"words": "100"}, None, "no_documents", "No article"),
    ({"documents": ["an article"], "names": ["a", "b"]}, None, "invalid_request", "2 names"),
    ({"documents": ["an article"]}, [("names", ("n.txt", b"Reuters"))], "invalid_request", "not files"),
    ({"documents": ["an article"], "words": "ten"}, None, "invalid_request", "words"),
    ({"documents": ["an article"], "words": ["10", "20"]}, None, "invalid_request", "once"),
    ({"documents": ["an article"], "method": "magic"}, None, "invalid_request", "method"),
    ({"documents": ["an article"], "colour": "blue"}, None, "invalid_request", "colour"),
    ({"documents": ["an article"]}, [("words", ("w.txt", b"10"))], "invalid_request", "not a file"),
    ({"documents": ["an article"], "dates": ["yesterday"]}, None, "invalid_request", "The date of article 1"),
    ({"documents": ["an article"], "outlets": ["a", "b"]}, None, "invalid_request", "2 outlets"),
]


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize(("fields", "files", "code", "hint"), BAD_FORMS)
def test_bad_form_uploads(client, fields, files, code, hint, path):
    if files:
        response = client.post(path, data=fields or {}, files=files)
    else:  # text fields only: still multipart/form-data, as a browser sends it
        response = client.post(
            path, content=text_form(fields), headers={"content-type": "multipart/form-data; boundary=b"}
        )
    assert_error(response, 422, code, hint)


def text_form(fields: dict) -> bytes:
    parts = []
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(f'--b\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n')
    return ("".join(parts) + "--b--\r\n").encode()


@pytest.mark.parametrize("path", ENDPOINTS)
def test_malformed_multipart(client, path):
    response = client.post(path, content=b"garbage", headers={"content-type": "multipart/form-data"})
    assert_error(response, 422, "bad_upload", "could not be read")


# ---- the OpenAPI schema says what the endpoint accepts ------------------------------


@pytest.mark.parametrize(
    ("path", "request_model", "response_model", "formats"),
    [
        ("/api/summarize", SummarizeRequest, SummaryResponse, {"json", "text", "markdown", "html"}),
        ("/api/report", ReportRequest, ReportResponse, {"json", "markdown", "html"}),
    ],
)
def test_openapi_request_body_matches_what_is_parsed(client, path, request_model, response_model, formats):
    schema = client.get("/openapi.json").json()
    operation = schema["paths"][path]["post"]
    body = operation["requestBody"]["content"]
    assert set(body) == {"application/json", "multipart/form-data"}
    json_schema = resolve(schema, body["application/json"]["schema"]["$ref"])
    assert set(json_schema["properties"]) == set(request_model.model_fields)
    assert json_schema["required"] == ["documents"]
    assert set(json_schema["properties"]["method"]["anyOf"][0]["enum"]) == set(METHODS)
    assert set(json_schema["properties"]["format"]["enum"]) == formats
    form = body["multipart/form-data"]["schema"]["properties"]
    assert set(form) == {DOCUMENTS_FIELD, *PER_DOCUMENT_FIELDS, *request_model.model_fields}
    assert set(form["format"]["enum"]) == formats
    responses = operation["responses"]
    assert {"200", "413", "415", "422", "504"} <= set(responses)
    answer = responses["200"]["content"]
    assert answer["application/json"]["schema"]["$ref"].endswith("/" + response_model.__name__)
    assert len(answer) == len(formats)  # JSON plus one media type per rendering
    for ref in all_refs(schema):
        resolve(schema, ref)  # raises KeyError when a reference leads nowhere


def test_openapi_documents_the_download(client):
    schema = client.get("/openapi.json").json()
    operation = schema["paths"]["/api/report/{report_id}"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert parameters["report_id"]["in"] == "path" and parameters["format"]["in"] == "query"
    assert set(parameters["format"]["schema"]["enum"]) == {"markdown", "html"}
    assert set(operation["responses"]["200"]["content"]) == {"text/markdown", "text/html"}
    assert operation["responses"]["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")


def test_openapi_report_schema_has_every_section(client):
    schema = client.get("/openapi.json").json()
    report = schema["components"]["schemas"]["ReportResponse"]
    assert set(report["properties"]) == {"schema", "documents", *REPORT_SECTIONS, "inputs", "report_id"}
    assert set(report["required"]) == set(report["properties"])
    assert "copy" in schema["components"]["schemas"]["ReusePassage"]["properties"]  # the alias, as sent


def resolve(schema: dict, ref: str) -> dict:
    node = schema
    for key in ref.removeprefix("#/").split("/"):
        node = node[key]
    return node


def all_refs(node) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for value in node.values() for r in all_refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in all_refs(value)]
    return []


# ---- packaging and the command ----------------------------------------------------


def test_importing_chorus_does_not_import_the_web_stack():
    code = "import sys, chorus; chorus.Summary; print(' '.join(m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


# How long the started server may take to answer /healthz before the test fails: a guard against a hang,
# not a measure (the workers fork after the pipeline's import, which a loaded machine slows down).
START_GUARD_SECONDS = 120


@pytest.mark.slow
def test_chorus_serve_answers_on_localhost():
    process = subprocess.Popen(
        [sys.executable, "-m", "chorus.cli", "serve", "--port", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stderr.readline()
        assert line.startswith("chorus: serving on http://127.0.0.1:"), line
        url = line.split()[3]
        import urllib.request

        deadline = time.monotonic() + START_GUARD_SECONDS
        while True:
            try:
                with urllib.request.urlopen(url + "healthz", timeout=2) as response:
                    assert json.load(response)["status"] == "ok"
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(10)


def test_chorus_serve_reports_a_busy_port(run):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        code, _, err = run("serve", "--port", str(taken.getsockname()[1]))
    assert code == 1
    assert err.startswith("chorus: error: cannot listen on 127.0.0.1:") and "--port" in err


def test_chorus_serve_without_the_web_extra_says_what_to_install(run, monkeypatch):
    import importlib.util

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None if name == "uvicorn" else real_find_spec(name))
    code, _, err = run("serve")
    assert code == 1 and "uvicorn" in err and "pip install 'chorus[web]'" in err


def test_chorus_serve_sets_the_kept_reports_bounds(run, monkeypatch):
    import chorus.web.server as server

    served = []
    monkeypatch.setattr(server, "serve", lambda host, port, limits, **kwargs: served.append(limits))
    assert run("serve")[0] == 0
    defaults = Limits()
    assert (served[0].kept_reports, served[0].kept_report_bytes, served[0].kept_report_seconds) == (
        defaults.kept_reports,
        defaults.kept_report_bytes,
        defaults.kept_report_seconds,
    )
    code, _, _ = run("serve", "--kept-reports", "8", "--kept-report-bytes", "16MiB", "--kept-report-seconds", "600")
    assert code == 0
    assert (served[1].kept_reports, served[1].kept_report_bytes, served[1].kept_report_seconds) == (8, 16 * 2**20, 600)
    assert run("serve", "--kept-reports", "0")[0] == 0 and served[2].kept_reports == 0


def test_chorus_serve_takes_more_articles_when_told(run, monkeypatch):
    """The limit the page and the API then keep to (/api/limits and too_many_documents read it, as
    the small client's tests show)."""
    import chorus.web.server as server

    served = []
    monkeypatch.setattr(server, "serve", lambda host, port, limits, **kwargs: served.append(limits))
    assert run("serve")[0] == 0 and run("serve", "--max-articles", "100")[0] == 0
    assert [limits.max_documents for limits in served] == [Limits().max_documents, 100]
    code, _, err = run("serve", "--max-articles", "0")
    assert code == 1 and "--max-articles: must be at least 1" in err
    with pytest.raises(ValueError, match="max_documents must be at least 1"):
        Limits(max_documents=0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--kept-reports", "-1"), "--kept-reports: must be 0 or more, not -1"),
        (("--kept-reports", "many"), "--kept-reports: 'many' is not a whole number"),
        (("--kept-report-bytes", "100kB"), "--kept-report-bytes: must be at least 1 MiB"),
        (("--kept-report-bytes", "lots"), "--kept-report-bytes: 'lots' is not a size such as 16MiB"),
        (("--kept-report-seconds", "0"), "--kept-report-seconds: must be more than 0"),
        (("--worker-memory", "10"), "--worker-memory: must be at least 512 MiB"),
        (("--worker-memory", "511MiB"), "--worker-memory: must be at least 512 MiB"),
    ],
)
def test_chorus_serve_refuses_kept_reports_bounds_it_cannot_use(run, args, message):
    code, _, err = run("serve", *args)
    assert code == 1 and message in err


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("kept_reports", -1, "kept_reports is how many reports are kept: 0 (none) or more, not -1"),
        ("kept_report_bytes", -5, "kept_report_bytes must be 0 or more"),
        ("kept_report_seconds", 0, "kept_report_seconds must be more than 0"),
    ],
)
def test_limits_refuse_kept_reports_bounds_they_cannot_use(field, value, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        Limits(**{field: value})


def test_a_server_that_keeps_no_report_answers_with_no_report_id():
    with TestClient(create_app(Limits(kept_reports=0)), base_url="http://localhost") as c:
        answer = c.post("/api/report", json={"documents": example_texts()[:2]})
        assert answer.status_code == 200 and answer.json()["report_id"] is None
        assert len(c.app.state.kept_reports) == 0


def test_chorus_serve_rejects_a_bad_port(run):
    code, _, err = run("serve", "--port", "70000")
    assert code == 1 and "between 0 and 65535" in err


# --- chorus check over HTTP ------------------------------------------------------


def test_check_says_which_articles_state_a_claim_and_which_give_another_value(client):
    from chorus.web.schemas import CheckResponse

    claim = (
        "A fire at a chemical warehouse forced the evacuation of about 1,200 people from a "
        "waterfront neighbourhood of Marrowick on Tuesday night."
    )
    response = client.post("/api/check", files=example_upload(), data={"claim": claim})
    assert response.status_code == 200, response.text
    data = CheckResponse.model_validate(response.json()).model_dump()
    verdicts = {a["number"]: a["verdict"] for a in data["articles"]}
    assert verdicts[2] == "contradicts" and data["stating"] == 4 and data["contradicting"] == 1
    (against,) = [a for a in data["articles"] if a["verdict"] == "contradicts"]
    assert against["values"] == [{"kind": "number", "claim": "about 1,200", "article": "more than 1,500"}]
    assert against["sentences"][0]["text"].startswith("More than 1,500 people")
    assert data["independent_sources"] == 3  # the roundup repeats the wire story
    text = client.post("/api/check", files=example_upload(), data={"claim": claim, "format": "text"})
    assert text.status_code == 200 and text.text.startswith("Claim: A fire at a chemical warehouse")


def test_check_needs_a_claim(client):
    response = client.post("/api/check", json={"claim": " ", "documents": example_texts()})
    assert response.status_code == 422 and "claim is empty" in response.json()["error"]["message"]
    response = client.post("/api/check", json={"documents": example_texts()})
    assert response.status_code == 422 and "claim" in response.json()["error"]["message"]
    response = client.post("/api/check", json={"claim": "?!", "documents": example_texts()})
    assert response.status_code == 422 and "claim has no words" in response.json()["error"]["message"]


def test_the_time_limit_is_named_in_words_a_reader_expects():
    assert "longer than 1 second," in out_of_time(1).message
    assert "longer than 1.5 seconds," in out_of_time(1.5, "report").message
    assert out_of_time(60, "report").message.startswith("The report took longer than 60 seconds")


def test_check_tells_which_articles_it_left_out_and_why(client):
    from chorus.web.schemas import CheckResponse

    files = [
        *example_upload()[:2],
        ("documents", ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))),
    ]
    response = client.post("/api/check", files=files, data={"claim": "Three firefighters suffered minor burns."})
    assert response.status_code == 200, response.text
    data = CheckResponse.model_validate(response.json()).model_dump()
    assert len(data["articles"]) == 2  # was answered for two articles with no word of the third
    assert any("photo.txt is a binary file" in w for w in data["warnings"])
    assert [i["document"] for i in data["inputs"]] == [EXAMPLE_FILES[0].stem, EXAMPLE_FILES[1].stem, None]
    assert "photo.txt is a binary file" in data["inputs"][2]["problem"]
