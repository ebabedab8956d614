"""The page of `chorus serve` as a journalist sees it: heights, widths and accessibility per story, width and tab.

    nice python benchmarks/web_page.py [--stories harbor-fire,lavrov,duc50,duc100] [--report-files] [--shots DIR] [--json out.json]

Runs the real `chorus serve --port 0` (its default limits: 50 articles a
request) and drives headless Chromium (Debian's `chromium` and
`chromium-driver`, as the browser tests do) at 1280 px and at 390 px (a phone,
emulated). Four stories: the shipped example (**Try the example**), the
Lavrov example of ../shared/examples (its five files picked), 50 DUC 2006
articles (the first two topics' 25 each, as files named by their DUC ids,
which give outlet and date) and 100 (the first four topics; for it the server
is started with `--max-articles 100`). For each, after the answer arrives, every
tab is opened in turn and measured: how long it takes to open (from the click,
dispatched in the page, to the first frame after it has been drawn and laid
out: `performance.now()` in the page), the page's height, how far it is wider
than the window (0 or less: no sideways scrolling), the right edge of the
widest element not inside a scrolling box, and axe-core's violations by impact
(axe-core as the browser tests install it, .cache/axe-core; run them once, or
`npm install --prefix .cache/axe-core axe-core@4.14.1`). Also where the result
starts (the top of "The story", px from the top of the page) and any console
error. With --report-files, each story's `chorus report --format html` file
too, opened from disk (its result starts at 0: it is all result).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import describe_machine, machine, markdown_table, write_json  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CHORUS_SHARED", ROOT.parent / "shared"))
LAVROV = SHARED / "examples" / "lavrov-hamas"
DUC2006 = SHARED / "data" / "duc2006" / "clusters.jsonl"
# DUC 2006 stories: how many of its topics (25 articles each); 50 articles is the server's default limit.
DUC_STORIES = {"duc50": 2, "duc100": 4}
MAX_ARTICLES = 100  # the server's articles per request, for duc100
CHROMIUM = os.environ.get("CHORUS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHORUS_CHROMEDRIVER", "/usr/bin/chromedriver")
AXE = Path(os.environ.get("CHORUS_AXE", ROOT / ".cache" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"))
WIDTHS = {1280: 900, 390: 844}  # px: width -> window height
ANSWER_SECONDS = 600  # a guard against a hang; a loaded machine only slows the answer

# The page measured in place: its height, its overflow, its widest element that no scrolling box clips.
MEASURE = """
let widest = {right: 0, element: ''};
for (const e of document.querySelectorAll('body *')) {
  const r = e.getBoundingClientRect();
  if (!r.width || !r.height || getComputedStyle(e).visibility === 'hidden') continue;
  let clipped = false;
  for (let p = e.parentElement; p && !clipped; p = p.parentElement) {
    clipped = ['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX);
  }
  if (!clipped && r.right > widest.right) {
    widest = {right: Math.round(r.right), element: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')};
  }
}
const title = document.getElementById('result-title');
return {
  height: document.documentElement.scrollHeight,
  overflow: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
  widest,
  result_top: title ? Math.round(title.getBoundingClientRect().top + window.scrollY) : 0,
};
"""

AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
  .then((r) => done(r.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))))
  .catch((e) => done([{id: 'axe-error: ' + e, impact: 'critical', nodes: 0}]));
"""


def duc_folder(folder: Path, topics: int) -> list[Path]:
    paths = []
    with DUC2006.open(encoding="utf-8") as lines:
        for line, _ in zip(lines, range(topics)):
            cluster = json.loads(line)
            for doc_id, text in zip(cluster["doc_ids"], cluster["documents"]):
                path = folder / f"{doc_id}.txt"
                path.write_text(text, encoding="utf-8")
                paths.append(path)
    return paths


def start_server(max_articles: int | None = None) -> tuple[subprocess.Popen[str], str]:
    chorus = Path(sys.executable).parent / "chorus"  # the command of this environment
    command = [str(chorus), "serve", "--port", "0", "--timeout", str(ANSWER_SECONDS)]
    if max_articles:
        command += ["--max-articles", str(max_articles)]
    # It says where it listens on stderr, once; the rest of stderr (the access log) is not read.
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert server.stderr is not None
    line = server.stderr.readline()
    threading.Thread(target=server.stderr.read, daemon=True).start()  # drained, so the server never blocks
    found = re.search(r"http://[\w.]+:\d+/", line)
    if not found:
        server.kill()
        raise SystemExit(f"web_page: chorus serve did not start: {line.strip()!r}")
    url = found.group(0)
    deadline = time.monotonic() + ANSWER_SECONDS
    while True:  # it names its address before it accepts connections: wait until it answers
        try:
            with urllib.request.urlopen(url + "api/limits", timeout=5):
                return server, url
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("web_page: chorus serve did not answer") from None
            time.sleep(0.2)


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(180)
    return driver


def set_width(driver, width: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": WIDTHS[width], "deviceScaleFactor": 1, "mobile": width < 600},
    )


def measure_story(driver, url: str, files: list[Path] | None, width: int, shots: Path | None, name: str) -> dict:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    set_width(driver, width)
    driver.get(url)
    wait = WebDriverWait(driver, ANSWER_SECONDS, poll_frequency=0.1)
    wait.until(lambda d: d.execute_script("return document.querySelectorAll('#method option').length > 1"))
    if files is None:
        driver.find_element(By.ID, "try-example").click()
    else:
        driver.find_element(By.ID, "file-input").send_keys("\n".join(str(p) for p in files))
        driver.find_element(By.ID, "summarize").click()
    wait.until(
        lambda d: (
            d.execute_script("return document.getElementById('result').dataset.shown")
            or d.find_elements(By.CSS_SELECTOR, "#error:not([hidden])")
        )
    )
    errors = driver.find_elements(By.CSS_SELECTOR, "#error:not([hidden])")
    if errors:
        return {"error": errors[0].text}
    return measure_tabs(driver, width, shots, name)


def measure_report_file(driver, path: Path, width: int, shots: Path | None, name: str) -> dict:
    """`chorus report --format html`'s file, opened from disk: the same viewer, drawn on load."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    set_width(driver, width)
    driver.get(path.as_uri())
    WebDriverWait(driver, ANSWER_SECONDS).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#tabs [role=tab]"))
    return measure_tabs(driver, width, shots, name)


def report_file(files: list[Path] | None, folder: Path, name: str) -> Path:
    chorus = Path(sys.executable).parent / "chorus"
    sources = [str(p) for p in files] if files is not None else [str(ROOT / "examples" / "harbor-fire")]
    html = subprocess.run(
        [str(chorus), "report", *sources, "--format", "html"], capture_output=True, text=True, check=True
    ).stdout
    path = folder / f"{name}-report.html"
    path.write_text(html, encoding="utf-8")
    return path


# A tab opened as a click opens it, timed in the page: from the click to the first frame after the
# tab was drawn and laid out (a layout is forced, then a frame waited for, then a task after it).
OPEN_TAB = """
const tab = arguments[0];
const done = arguments[arguments.length - 1];
tab.scrollIntoView({block: 'nearest', inline: 'nearest'});
const started = performance.now();
tab.click();
void document.documentElement.scrollHeight;
requestAnimationFrame(() => setTimeout(() => done({
  open_ms: Math.round(performance.now() - started),
  elements: document.getElementsByTagName('*').length,
}), 0));
"""


def measure_tabs(driver, width: int, shots: Path | None, name: str) -> dict:
    from selenium.webdriver.common.by import By

    axe = AXE.read_text(encoding="utf-8")
    record: dict[str, Any] = {"tabs": {}}
    for tab in driver.find_elements(By.CSS_SELECTOR, "#tabs [role=tab]"):
        key = tab.get_attribute("id").removeprefix("tab-")
        opened = driver.execute_async_script(OPEN_TAB, tab)
        time.sleep(0.2)  # let late layout (a picture's scrolling box) settle before measuring
        measured = driver.execute_script(MEASURE) | opened
        if not driver.execute_script("return Boolean(window.axe)"):
            driver.execute_script(axe)
        measured["axe"] = driver.execute_async_script(AXE_RUN)
        record["tabs"][key] = measured
        if shots:
            panel = driver.find_element(By.ID, f"panel-{key}")
            driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", panel)
            driver.save_screenshot(str(shots / f"{name}-{width}-{key}.png"))
    if shots:
        whole = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        (shots / f"{name}-{width}-page.png").write_bytes(base64.b64decode(whole["data"]))
    record["console_errors"] = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    return record


def impacts(violations: list[dict]) -> str:
    counts: dict[str, int] = {}
    for v in violations:
        counts[v["impact"]] = counts.get(v["impact"], 0) + 1
    return ", ".join(f"{n} {impact}" for impact, n in sorted(counts.items())) or "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", default="harbor-fire,lavrov,duc50,duc100", help="which stories, comma-separated")
    parser.add_argument("--widths", default="1280,390", help="window widths, px")
    parser.add_argument("--shots", type=Path, help="write a screenshot of every tab here")
    parser.add_argument(
        "--report-files", action="store_true", help="also each story's `chorus report --format html` file"
    )
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    settings = parser.parse_args(argv)
    for path, what in ((Path(CHROMIUM), "chromium"), (Path(CHROMEDRIVER), "chromium-driver"), (AXE, "axe-core")):
        if not path.is_file():
            raise SystemExit(f"web_page: {path} is missing (install {what}; see the docstring)")
    if settings.shots:
        settings.shots.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        stories: dict[str, list[Path] | None] = {"harbor-fire": None, "lavrov": sorted(LAVROV.glob("*.txt"))}
        for story, topics in DUC_STORIES.items():
            (Path(folder) / story).mkdir()
            stories[story] = duc_folder(Path(folder) / story, topics) if DUC2006.is_file() else []
        server, url = start_server()
        servers = [server]
        driver = start_browser()
        results: dict[str, Any] = {}
        try:
            for name in settings.stories.split(","):
                files = stories[name]
                if files == []:
                    print(f"web_page: no articles for {name} on this machine; skipped", file=sys.stderr)
                    continue
                story_url = url
                if files is not None and len(files) > 50:
                    bigger, story_url = start_server(MAX_ARTICLES)
                    servers.append(bigger)
                for width in map(int, settings.widths.split(",")):
                    results[f"{name} {width}"] = measure_story(driver, story_url, files, width, settings.shots, name)
                if settings.report_files:
                    path = report_file(files, Path(folder), name)
                    for width in map(int, settings.widths.split(",")):
                        results[f"{name} report file {width}"] = measure_report_file(
                            driver, path, width, settings.shots, f"{name}-file"
                        )
        finally:
            driver.quit()
            for running in servers:
                running.terminate()
                running.wait(30)
    rows = []
    for key, record in results.items():
        if "error" in record:
            rows.append([key, "error: " + record["error"], "", "", "", "", "", "", ""])
            continue
        tabs = record["tabs"]
        heights = " · ".join(f"{t['height']:,}" for t in tabs.values())
        opening = " · ".join(str(t["open_ms"]) for t in tabs.values())
        widest = max(tabs.values(), key=lambda t: t["widest"]["right"])["widest"]
        everything = [v for t in tabs.values() for v in t["axe"]]
        serious = sum(1 for v in everything if v["impact"] in ("serious", "critical"))
        rows.append(
            [
                key,
                f"{next(iter(tabs.values()))['result_top']:,}",
                opening,
                f"{max(t['elements'] for t in tabs.values()):,}",
                heights,
                str(max(t["overflow"] for t in tabs.values())),
                f"{widest['right']} ({widest['element']})",
                f"{serious} ({impacts(everything)} in all)",
                str(len(record["console_errors"])),
            ]
        )
    header = [
        "story, width (px)",
        "result starts at (px)",
        "opening each tab (ms)",
        "elements, all tabs open",
        "page height per tab (px): " + " · ".join(next(iter(results.values())).get("tabs", {})),
        "overflow (px)",
        "widest element's right edge (px)",
        "axe: serious or critical (all)",
        "console errors",
    ]
    print(markdown_table(header, rows))
    info = machine()
    print(describe_machine(info))
    write_json(settings.json, settings, info, results=results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
