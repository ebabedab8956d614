"""Fetching pages by URL, against a server on 127.0.0.1 that the tests start: nothing leaves the machine."""

import json
import sys
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from chorus.errors import InputError
from chorus.ingest.fetch import FetchLimits, fetch_page, fetch_pages, is_url
from conftest import EXAMPLE

ARTICLE = (EXAMPLE / "02-northshore-radio.html").read_bytes()
FEED = EXAMPLE.parents[1] / "tests" / "data" / "stories" / "feed.xml"
STORY = (EXAMPLE / "04-wirenow.txt").read_bytes()
# The limits a page that answers must pass under: time limits far beyond any load, so that a busy
# machine never turns an answer into a timeout; each timing test sets its one short limit against a
# page that never answers in time (held until the test has its error), not against a sleep.
SMALL = FetchLimits(max_bytes=64_000, connect_timeout=30.0, read_timeout=60.0, deadline=120.0, max_redirects=3)
SHORT_S = 0.5  # the one short limit of a timing test: the page it is set against never meets it
HELD_S = 60.0  # how long a held page waits at most (the test releases it as soon as it has its error)
DRIP_GAP_S = 0.02  # the dripping page's pause between two bytes: always a byte well inside SMALL's read timeout
DRIP_BYTES = int(HELD_S / DRIP_GAP_S)  # the dripping page ends by itself at last (a client that waits it out fails)
RELEASE = threading.Event()  # set once the timing tests are done: the held pages end
DRIPPED_OUT = threading.Event()  # the dripping page sent its last byte: no client cut it off


class Pages(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str | None = "text/html; charset=utf-8", **headers):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (the http.server API)
        path = self.path
        if path == "/article":
            self._send(200, ARTICLE)
        elif path == "/story.txt":
            self._send(200, STORY, "text/plain; charset=utf-8")
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            self._send(302, Location="/article" if left == 0 else f"/hop/{left - 1}")
        elif path == "/loop":
            self._send(301, Location="/loop")
        elif path == "/to-ftp":
            self._send(302, Location="ftp://127.0.0.1/file")
        elif path == "/big":
            self._send(200, b"<html><body>" + b"x" * 100_000 + b"</body></html>")
        elif path == "/big-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the body ends when the connection closes
            for _ in range(200):
                self.wfile.write(b"<p>" + b"y" * 1000 + b"</p>")
            self.close_connection = True
        elif path == "/slow":
            RELEASE.wait(HELD_S)  # no answer before the client has given up
            try:
                self._send(200, ARTICLE)
            except ConnectionError:
                pass
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:  # a byte at a time, never idle for the read timeout, until the client hangs up
                for _ in range(DRIP_BYTES):
                    if RELEASE.wait(DRIP_GAP_S):
                        break
                    self.wfile.write(b"<")
                    self.wfile.flush()
                else:
                    DRIPPED_OUT.set()
            except ConnectionError:
                pass
            self.close_connection = True
        elif path == "/feed.xml":
            self._send(200, FEED.read_bytes(), "application/rss+xml; charset=utf-8")
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.4\n\x00\x01binary", "application/pdf")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")
        elif path == "/empty":
            self._send(200, b"   ")
        elif path == "/missing":
            self._send(404, b"not here")
        else:
            self._send(500, b"oops")


class QuietServer(ThreadingHTTPServer):
    """The test pages' server: chorus hanging up on a page too big or too slow is expected, not
    an error to print; any other error of a handler still is."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    RELEASE.clear()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASE.set()
    httpd.shutdown()
    httpd.server_close()


def test_an_html_page_is_fetched_with_its_address(server):
    doc = fetch_page(f"{server}/article", SMALL)
    assert doc.format == "html" and "Hundreds evacuated" in doc.text
    assert doc.url == f"{server}/article" and doc.name == f"{server}/article"


def test_a_feed_s_address_gives_chorus_stories_its_items_and_summarize_no_page(server):
    """`chorus stories https://…/feed.xml` reads the feed's items as a feed file's; a summary refuses it as before."""
    from chorus.digest import stories

    digest = stories([f"{server}/feed.xml", f"{server}/missing"], summaries=False)
    assert digest.articles_in == digest.articles_out == 3
    assert sorted(a.document.title for s in digest.stories for a in s.articles) == [
        "Kestrel Islands ferries stay in port after earthquake",
        "Tram extension to the airport approved by Marrowick council",
    ]
    assert [r.reason for r in digest.rejected] == [f"{server}/missing: the server answered 404 Not Found"]
    with pytest.raises(InputError, match="not a web page but application/rss"):
        fetch_page(f"{server}/feed.xml", SMALL)


def test_a_text_page_is_read_as_text(server):
    doc = fetch_page(f"{server}/story.txt", SMALL)
    assert doc.format == "text" and doc.text.startswith("Chemical warehouse fire")


def test_redirects_are_followed_up_to_the_limit(server):
    doc = fetch_page(f"{server}/hop/2", SMALL)
    assert doc.url == f"{server}/article"
    with pytest.raises(InputError, match="more than 3 redirects"):
        fetch_page(f"{server}/hop/5", SMALL)
    with pytest.raises(InputError, match="more than 3 redirects"):
        fetch_page(f"{server}/loop", SMALL)


def test_a_redirect_off_the_web_is_refused_naming_the_address_asked_for(server):
    with pytest.raises(InputError) as refused:
        fetch_page(f"{server}/to-ftp", SMALL)
    assert str(refused.value).startswith(f"{server}/to-ftp: redirected to ftp://")
    assert str(refused.value).endswith("only http and https addresses can be fetched, not ftp://")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "javascript://alert(1)"])
def test_only_http_and_https(url):
    assert is_url(url)
    with pytest.raises(InputError, match="only http and https"):
        fetch_page(url, SMALL)


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_oversize_pages_are_refused_with_sizes_a_person_reads(server, path):
    with pytest.raises(InputError, match=r"the limit (?:is|of) 62\.5 KiB$"):
        fetch_page(f"{server}{path}", SMALL)


def test_a_server_that_does_not_answer_in_time(server):
    with pytest.raises(InputError, match="no answer within the time limit"):
        fetch_page(f"{server}/slow", replace(SMALL, read_timeout=SHORT_S))


def test_a_page_dripping_bytes_is_cut_at_the_deadline(server):
    # Its bytes never pause for the read timeout: only the deadline over the whole page can end it.
    with pytest.raises(InputError, match=f"took over {SHORT_S:g} s to arrive"):
        fetch_page(f"{server}/drip", replace(SMALL, deadline=SHORT_S))
    assert not DRIPPED_OUT.is_set()  # cut off while the bytes still came, not once the page had ended


@pytest.mark.parametrize(
    "path, message",
    [
        ("/report.pdf", "not a web page but application/pdf"),
        ("/image", "not a web page but image/png"),
        ("/missing", "answered 404"),
        ("/error", "answered 500"),
        ("/empty", "the page is empty"),
    ],
)
def test_errors_name_the_page_and_the_cause(server, path, message):
    with pytest.raises(InputError, match=message) as caught:
        fetch_page(f"{server}{path}", SMALL)
    assert f"{server}{path}" in str(caught.value)


def test_a_host_that_cannot_be_reached():
    with pytest.raises(InputError, match="could not fetch"):
        fetch_page("http://127.0.0.1:9/", SMALL)  # the discard port: nothing listens


def test_the_server_mode_refuses_its_own_network(server):
    with pytest.raises(InputError, match="inside the server's own network"):
        fetch_page(f"{server}/article", FetchLimits(refuse_private=True))


def test_one_failed_page_is_a_warning_and_the_others_go_on(server):
    warnings: list[str] = []
    docs = fetch_pages([f"{server}/article", f"{server}/missing", f"{server}/story.txt"], warnings, SMALL)
    assert [d.url for d in docs] == [f"{server}/article", f"{server}/story.txt"]
    assert len(warnings) == 1 and warnings[0].startswith(f"skipped: {server}/missing: the server answered 404")


def test_summarize_and_clean_take_urls(run, server):
    code, out, err = run("clean", f"{server}/article", f"{server}/missing", f"{server}/story.txt")
    assert code == 0
    assert "==> Northshore Radio News <==" in out and "More than 1,500 people" in out
    assert "==> WireNow <==" in out
    assert "warning: skipped" in err and "404" in err
    code, out, err = run("summarize", f"{server}/article", f"{server}/story.txt", "--format", "json")
    assert code == 0 and '"url": "' + server + '/article"' in out


def test_when_no_page_can_be_fetched_the_error_says_why(run, server):
    code, out, err = run("summarize", f"{server}/missing", f"{server}/report.pdf")
    assert code == 1 and out == ""
    assert "chorus: error: no article could be read" in err and "404" in err and "application/pdf" in err
    assert "Traceback" not in err


# --- the web page and API take URLs too ----------------------------------------


def test_the_api_fetches_a_pasted_url_and_skips_a_failed_one(server):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from chorus.web import Limits, create_app

    urls = [f"{server}/article", f"{server}/story.txt", f"{server}/missing"]
    with TestClient(create_app(Limits(fetch_private=True)), base_url="http://localhost") as client:
        answer = client.post("/api/summarize", json={"documents": urls, "words": 40})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert [d["label"] for d in body["documents"]] == ["Northshore Radio News", "WireNow"]
        assert body["documents"][0]["url"] == f"{server}/article"
        assert any("404" in w for w in body["warnings"])
        form = client.post(
            "/api/summarize", files=[("documents", (None, f" {urls[0]}\n")), ("documents", (None, urls[1]))]
        )
        assert form.status_code == 200, form.text


def test_a_public_server_does_not_fetch_its_own_network(server):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from chorus.web import create_app

    with TestClient(create_app(), base_url="http://localhost") as client:
        answer = client.post("/api/summarize", json={"documents": [f"{server}/article"]})
    assert answer.status_code == 422
    assert "inside the server's own network" in answer.json()["error"]["message"]


def test_stories_take_urls_and_report_a_failed_one(run, server):
    code, out, err = run(
        "stories", f"{server}/article", f"{server}/story.txt", f"{server}/missing", "--no-summaries", "--format", "json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["articles_in"] == 3
    urls = {d.get("url") for s in data["stories"] for d in s["documents"]}
    assert {f"{server}/article", f"{server}/story.txt"} <= urls
    (failed,) = data["rejected"]
    assert failed["where"] == f"{server}/missing" and "404" in failed["reason"]
