"""The page's Markdown and HTML downloads of a 50-article report: computed again (before) or kept (now).

    nice python benchmarks/web_download.py [--repeat 3] [--json out.json]

Runs the real `chorus serve --port 0` (default settings) and sends it 50
DUC 2006 articles (the first two topics' 25 each, as files named by their
DUC ids), as the page does. Before: the download re-sent the whole request
with `format` markdown or html (`POST /api/report`), so the server read,
cleaned and analysed every article again. Now: the page's JSON answer
carries `report_id` and the download is `GET /api/report/{id}?format=...`,
served from what the server kept. Measured per format, the median
of ``--repeat`` runs: the wall-clock time of each way, the time of the JSON
answer itself (which also makes and compresses what the downloads are made
of, in the worker: the Markdown report and the HTML page's data; the page
itself is put together on download), the bytes kept for this report, and how many such reports the
server's byte bound holds; then, in this process, the worker's CPU time
after the analysis, now and as the eleventh session rendered both downloads
from the Report. Wall-clock times on a shared machine include the
others' load, reported beside them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import describe_machine, machine, markdown_table, write_json  # noqa: E402
from web_page import duc_folder, start_server  # noqa: E402

FORMATS = ("markdown", "html")
TIMEOUT_SECONDS = 600  # a guard against a hang


def upload(paths: list[Path]) -> list[tuple[str, tuple[str, bytes]]]:
    return [("documents", (p.name, p.read_bytes())) for p in paths]


def timed(call):
    started = time.perf_counter()
    response = call()
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.text[:500]
    return elapsed, response


def kept_part(fmt: str, text: str) -> str:
    """What the server keeps of a download (chorus.web.jobs.download_parts): the Markdown report, and of
    the HTML page its embedded data (the rest of the page is the Markdown again and fixed code)."""
    if fmt == "markdown":
        return text
    return text.split('<script type="application/json" id="story-data">', 1)[1].split("</script>", 1)[0]


def worker_cost(paths: list[Path], repeat: int) -> dict[str, list[float]]:
    """CPU seconds a worker spends on a JSON report after its analysis, in this process: now (the payload and
    the downloads' parts, compressed) and as session s11 did it (the payload and both downloads rendered
    from the Report, compressed), alternately, on one analysis of the same articles."""
    import chorus.web.jobs as jobs
    from chorus.render import render_report
    from chorus.web.inputs import Incoming
    from chorus.web.kept import pack
    from chorus.web.limits import Deadline
    from chorus.web.schemas import ReportOptions

    articles = [Incoming(n, data=p.read_bytes(), filename=p.name) for n, p in enumerate(paths, start=1)]
    options = ReportOptions()
    report = jobs.report_articles(articles, options, Deadline(TIMEOUT_SECONDS, "report"))

    def rendered_both() -> None:
        jobs.report_payload(report, articles)
        pack({fmt: render_report(report, fmt) for fmt in FORMATS})

    def parts_only() -> None:
        analysed = jobs.report_articles
        jobs.report_articles = lambda *_: report  # type: ignore[assignment]  # the analysis is not measured
        try:
            jobs.report_and_render(articles, options, Deadline(TIMEOUT_SECONDS, "report"))
        finally:
            jobs.report_articles = analysed

    runs: dict[str, list[float]] = {"s11: both rendered": [], "now: parts": []}
    for _ in range(repeat):
        for name, work in (("s11: both rendered", rendered_both), ("now: parts", parts_only)):
            started = time.process_time()
            work()
            runs[name].append(time.process_time() - started)
    return runs


def main(argv: list[str] | None = None) -> int:
    import httpx

    from chorus.web.kept import ENTRY_OVERHEAD_BYTES
    from chorus.web.limits import Limits

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure; the median is shown")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    settings = parser.parse_args(argv)
    limits = Limits()
    server, url = start_server()
    try:
        with tempfile.TemporaryDirectory() as folder, httpx.Client(base_url=url, timeout=TIMEOUT_SECONDS) as client:
            paths = duc_folder(Path(folder))
            files = upload(paths)
            upload_kb = sum(len(data) for _, (_, data) in files) / 1024
            runs: dict[str, list[float]] = {"json": [], **{f"post {f}": [] for f in FORMATS}}
            runs |= {f"get {f}": [] for f in FORMATS}
            kept_bytes = 0
            for _ in range(settings.repeat):
                seconds, answer = timed(lambda: client.post("/api/report", files=files))
                runs["json"].append(seconds)
                report_id = answer.json()["report_id"]
                assert report_id, "the report was not kept"
                kept_bytes = ENTRY_OVERHEAD_BYTES
                for fmt in FORMATS:
                    seconds, fresh = timed(lambda: client.post("/api/report", files=files, data={"format": fmt}))
                    runs[f"post {fmt}"].append(seconds)
                    seconds, download = timed(lambda: client.get(f"/api/report/{report_id}", params={"format": fmt}))
                    runs[f"get {fmt}"].append(seconds)
                    assert download.content == fresh.content, f"the kept {fmt} is not the fresh one"
                    kept_bytes += len(zlib.compress(kept_part(fmt, download.text).encode("utf-8"), 1))
    finally:
        server.terminate()
        server.wait(30)
    median = {name: statistics.median(values) for name, values in runs.items()}
    rows = [[fmt, f"{median[f'post {fmt}']:.2f} s", f"{median[f'get {fmt}'] * 1000:.0f} ms"] for fmt in FORMATS]
    print(f"50 DUC 2006 articles ({upload_kb:.0f} KB), median of {settings.repeat}")
    print(markdown_table(["download", "before: POST /api/report again", "now: GET /api/report/{id}"], rows))
    fits = limits.kept_report_bytes // kept_bytes
    print(
        f"JSON answer (with the parts of both downloads, made and compressed in the worker): {median['json']:.2f} s; "
        f"kept for this report: {kept_bytes / 1024:.0f} KB compressed; "
        f"the bound ({limits.kept_reports} reports, {limits.kept_report_bytes / 2**20:.0f} MB) holds "
        f"{min(fits, limits.kept_reports)} such reports"
    )
    with tempfile.TemporaryDirectory() as folder:
        cost = worker_cost(duc_folder(Path(folder)), max(settings.repeat, 5))
    print(
        "the worker's CPU time after the analysis (median): "
        + ", ".join(f"{name} {statistics.median(values) * 1000:.0f} ms" for name, values in cost.items())
    )
    info = machine()
    print(describe_machine(info))
    write_json(settings.json, settings, info, runs=runs, median=median, kept_bytes=kept_bytes, worker_cost=cost)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
