"""The page of `chorus serve` in a real headless Chromium, driven by Selenium.

The browser is Debian's `chromium` with its `chromium-driver`; nothing is
downloaded at run time. When they are missing the tests are skipped with one
line saying how to install them, except in CI (CI=true), where they fail: CI
cannot pass without them. The accessibility check runs axe-core, which
`.ci/run` (or the first test that needs it) installs from the npm registry
into .cache/axe-core; chorus itself never needs it. Pages are checked at a
desktop width (1280 px) and a phone's (390 px, emulated). Screenshots go to
test-output/<test name>/.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

import chorus
from chorus.render.report_json import report_to_dict
from chorus.render.wording import SECTIONS
from chorus.types import DEFAULT_WORDS
from chorus.web import create_app
from chorus.web.limits import Limits
from conftest import DUC2006, EXAMPLE, ROOT, system_package_missing

KELLMOOR = ROOT / "tests" / "data" / "report" / "kellmoor-dam"

CHROMIUM = os.environ.get("CHORUS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHORUS_CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,1000",
)
WAIT_SECONDS = 30
OUTPUT = ROOT / "test-output"
DESKTOP = (1280, 900)
PHONE = (390, 844)
# The 100-article cluster is four DUC 2006 topics of 25 articles: more than the
# default 50 articles per request, so this server takes 100.
SERVER_LIMITS = Limits(max_documents=100)
AXE_VERSION = "4.14.1"
AXE = Path(os.environ.get("CHORUS_AXE", ROOT / ".cache" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"))


pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server_url():
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(SERVER_LIMITS), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 300  # a guard against a hang (a loaded machine only slows the start)
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the web server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not all(Path(path).is_file() for path in (CHROMIUM, CHROMEDRIVER)):
        system_package_missing(f"the browser tests need {CHROMIUM} and {CHROMEDRIVER}", "chromium chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("the browser tests need selenium, part of the test extra (pip install -e '.[test]')", pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, server_url, request):
    """The page freshly loaded at the desktop width; afterwards, no script error and nothing fetched from elsewhere."""
    set_viewport(browser, DESKTOP)
    browser.get(server_url)
    wait_until(browser, lambda d: d.execute_script("return document.querySelectorAll('#method option').length > 1"))
    yield browser
    # A 4xx answer is logged by the browser too; the page shows it to the person as an error message.
    errors = [
        e["message"]
        for e in browser.get_log("browser")
        if e["level"] == "SEVERE" and not re.search(r"responded with a status of 4\d\d", e["message"])
    ]
    assert errors == [], errors
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(url.startswith(server_url) for url in resources), resources


@pytest.fixture
def output_dir(request) -> Path:
    folder = OUTPUT / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def wait_until(driver, condition, seconds: float = WAIT_SECONDS):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, poll_frequency=0.05).until(condition)


def by_css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def element(driver, selector: str):
    found = by_css(driver, selector)
    assert found, f"nothing matches {selector}"
    return found[0]


def add_files(driver, paths: list[Path]) -> None:
    element(driver, "#file-input").send_keys("\n".join(str(p.resolve()) for p in paths))


def results_shown(driver) -> int:
    return int(driver.execute_script("return document.getElementById('result').dataset.shown || '0'"))


def wait_for_summary(driver, before: int, seconds: float = WAIT_SECONDS):
    """Wait for the result after the ``before``-th (or an error); returns the summary's markers."""
    wait_until(driver, lambda d: results_shown(d) > before or by_css(d, "#error:not([hidden])"), seconds)
    assert not by_css(driver, "#error:not([hidden])"), element(driver, "#error").text
    return by_css(driver, ".summary .cite")


def summarize(driver, seconds: float = WAIT_SECONDS):
    """Press Summarize and wait for its result."""
    before = results_shown(driver)
    element(driver, "#summarize").click()
    return wait_for_summary(driver, before, seconds)


def screenshot(driver, path: Path) -> None:
    """The whole page, not only the window, at the width it is shown at."""
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(shot["data"]))
    assert path.stat().st_size > 10_000


DOCS = ROOT / "docs"


def docs_image(driver, output_dir: Path, name: str, scroll_to: str | None = None) -> None:
    """What the window shows, for the README: into the test output, and into docs/ with CHORUS_UPDATE_DOCS=1."""
    if scroll_to:
        driver.execute_script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'})", scroll_to)
    path = output_dir / name
    driver.save_screenshot(str(path))
    if os.environ.get("CHORUS_UPDATE_DOCS") == "1":
        shutil.copyfile(path, DOCS / name)


def set_viewport(driver, size: tuple[int, int]) -> None:
    """Lay the page out at this size: a phone's is emulated as a mobile device (its viewport meta tag applies)."""
    width, height = size
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {
            "width": width,
            "height": height,
            "deviceScaleFactor": 1,
            "mobile": width < 600,
        },
    )


def overflow(driver) -> int:
    """How far the page is wider than its window, in px (0: no sideways scrolling)."""
    return driver.execute_script(
        "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth"
    )


def in_view(driver, selector: str) -> bool:
    """Is the element shown in the window: its top edge inside, and at least 120 px of it (or all of it) visible?"""
    return driver.execute_script(
        """
        const e = document.querySelector(arguments[0]);
        if (!e) return false;
        const r = e.getBoundingClientRect(), style = getComputedStyle(e);
        const visible = Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0);
        return style.visibility !== 'hidden' && style.display !== 'none' && r.height > 0 &&
            r.top >= -1 && visible >= Math.min(120, r.height) - 1 && r.left >= -1 && r.right <= window.innerWidth + 1;
    """,
        selector,
    )


def try_example(driver):
    before = results_shown(driver)
    element(driver, "#try-example").click()
    return wait_for_summary(driver, before)


def expected_report(paths: list[Path]) -> dict:
    """The report chorus makes of these articles, as the page receives it (the page asks for the default length)."""
    return report_to_dict(chorus.report(paths, words=DEFAULT_WORDS))


TABS = ["summary", "facts", "conflicts", "quotes", "entities", "reuse", "timeline", "coverage"]
TAB_LABELS = [SECTIONS[key]["tab"] for key in TABS]  # the wording of chorus.render.wording


def open_tab(driver, key: str):
    """Select a tab of the result by the report key it shows; returns its panel."""
    tab = element(driver, f"#tab-{key}")
    driver.execute_script("arguments[0].scrollIntoView({block: 'nearest', inline: 'nearest'})", tab)
    tab.click()
    assert tab.get_attribute("aria-selected") == "true"
    panel = element(driver, f"#panel-{key}")
    assert panel.is_displayed()
    assert [p.get_attribute("id") for p in by_css(driver, "#panels [role=tabpanel]") if p.is_displayed()] == [
        f"panel-{key}"
    ]
    return panel


def item_with(panel, selector: str, text: str):
    """The report item (list item or table row) matching ``selector`` whose text contains ``text``."""
    found = [i for i in panel.find_elements("css selector", selector) if text in i.text]
    assert len(found) == 1, f"{len(found)} items of {selector} contain {text!r}"
    return found[0]


def highlighted_articles(driver) -> list[int]:
    return sorted({int(re.match(r"\[(\d+)\]", heading).group(1)) for heading, _ in highlighted(driver)})


def highlighted(driver) -> list[tuple[str, str]]:
    """(article heading, sentence) of every highlighted source sentence."""
    return [
        (s.find_element("xpath", "ancestor::article").find_element("css selector", "h3").text, s.text)
        for s in by_css(driver, "#sources .sentence.hit")
    ]


# ---- the shipped example: the summary, its support bars and the pictures --------


# A marker lists up to this many article numbers, else "[12 outlets]" (the page's own setting).
CITATION_NUMBERS = int(
    re.search(r"citationNumbers:\s*(\d+)", (ROOT / "src/chorus/render/story.js").read_text()).group(1)
)


def test_try_the_example_shows_each_sentences_support(page, output_dir):
    markers = try_example(page)
    expected = expected_report(sorted(EXAMPLE.iterdir()))
    sentences = expected["summary"]["sentences"]
    assert len(markers) == len(sentences) == len(by_css(page, ".summary .s"))
    # Focus moved to the result, and a live region says it is ready.
    assert page.switch_to.active_element == element(page, "#result-title")
    assert "The story is ready" in element(page, "#announce").text
    assert len(by_css(page, "#sources article.doc")) == len(expected["documents"])
    # How the sentences were picked, in the Method menu's plain words; the method's name in the tooltip.
    from chorus.select import METHODS

    method = element(page, ".summary .meta .method")
    plain = METHODS[expected["summary"]["method"]].plain
    assert method.text == f"chosen: {plain[0].lower()}{plain[1:]}"
    assert method.get_attribute("title") == f"method {expected['summary']['method']}"
    assert "method " not in element(page, ".summary .meta").text

    # Each marker's bar: one block per independent source, a hatched one per article repeating
    # one, a red one per article giving another value; a single source is drawn apart.
    for marker, sentence in zip(markers, sentences):
        independent = sentence["independent_sources"]
        disputing = len({c["document"] for c in sentence["contradicted_by"]})
        assert len(marker.find_elements("css selector", ".seg.independent, .seg.single")) == independent
        assert len(marker.find_elements("css selector", ".seg.repeat")) == sentence["support_count"] - independent
        assert len(marker.find_elements("css selector", ".seg.disputing")) == disputing
        assert ("single" in marker.get_attribute("class").split()) == (independent == 1)
        numbers = sorted(
            d["number"] for d in expected["documents"] if d["id"] in {s["document"] for s in sentence["support"]}
        )
        listed = (
            f"[{', '.join(map(str, numbers))}]" if len(numbers) <= CITATION_NUMBERS else f"[{len(numbers)} outlets]"
        )
        assert marker.find_element("css selector", ".cite-numbers").text == listed
    assert any(s["independent_sources"] == 1 for s in sentences)  # the example has a single-source sentence
    disputed = next(m for m, s in zip(markers, sentences) if s["contradicted_by"])
    assert "disagrees" in disputed.text

    # Clicking a marker keeps the highlight: its articles' sentences, quoted in the evidence.
    corroborated = markers[0]
    corroborated.click()
    assert corroborated.get_attribute("aria-pressed") == "true"
    support = {s["document"] for s in sentences[0]["support"]} | {
        c["document"] for c in sentences[0]["contradicted_by"]
    }
    numbers = sorted(d["number"] for d in expected["documents"] if d["id"] in support)
    assert highlighted_articles(page) == numbers
    assert sentences[0]["text"] in [text for _, text in highlighted(page)]
    assert sentences[0]["text"] in element(page, "#evidence").text
    assert "More than 1,500" in element(page, "#evidence").text  # the article that says otherwise
    assert "says more than 1,500" in element(page, "#evidence").text  # its value as quoted, not capitalised
    assert in_view(page, "#evidence")
    screenshot(page, output_dir / "summary.png")
    docs_image(page, output_dir, "web-page.png", scroll_to="#result")
    page.execute_script("document.activeElement.blur()")
    assert highlighted_articles(page) == numbers  # pinned: stays after focus leaves
    corroborated.click()
    assert highlighted(page) == []


def grid_cells(panel) -> dict[tuple[int, str], str]:
    """(fact id, document id) -> the state its cell shows."""
    cells = {}
    for row in panel.find_elements("css selector", "svg.fact-grid .grid-row"):
        fact = int(row.get_attribute("data-fact"))
        for cell in row.find_elements("css selector", "rect.cell"):
            cells[(fact, cell.get_attribute("data-document"))] = cell.get_attribute("data-state")
    return cells


def expected_cells(report: dict) -> dict[tuple[int, str], str]:
    """What the grid must show, worked out here from the report's facts and families."""
    copies_from = {r["document"]: set(r["sources"]) for r in report["families"]["rewrites"]}
    for family in report["families"]["copies"]:
        for index, member in enumerate(family["members"][1:], start=1):
            copies_from[member] = set(family["members"][:index])
    cells = {}
    for fact in report["facts"]:
        for d in report["documents"]:
            key = (fact["id"], d["id"])
            if d["id"] in fact["disputing"]:
                cells[key] = "disputed"
            elif d["id"] in fact.get("updating", []):
                cells[key] = "updated"
            elif d["id"] not in fact["stating"]:
                cells[key] = "silent"
            else:
                cells[key] = "copy" if copies_from.get(d["id"], set()) & set(fact["stating"]) else "states"
    return cells


def show_all(panel, selector: str) -> None:
    """Press a list's "Show more" until everything is drawn."""
    while True:
        buttons = [b for b in panel.find_elements("css selector", selector) if b.is_displayed()]
        if not buttons:
            return
        buttons[0].click()


def test_the_pictures_of_the_example(page, output_dir):
    from selenium.webdriver.common.action_chains import ActionChains

    try_example(page)
    expected = expected_report(sorted(EXAMPLE.iterdir()))
    ids = [d["id"] for d in expected["documents"]]

    # The grid: one row per fact, one column per outlet; the stitched roundup's cells are copies.
    facts = open_tab(page, "facts")
    show_all(facts, ".grid-wrap > .more")
    grid = element(facts, "svg.fact-grid")
    assert int(grid.get_attribute("data-rows")) == len(expected["facts"])
    assert int(grid.get_attribute("data-columns")) == len(ids)
    assert [c.get_attribute("data-document") for c in grid.find_elements("css selector", ".grid-col")] == ids
    # Five wide columns: each headed by its outlet's name (a phone has no tooltip to tell what "2" is).
    names = [t.text for t in grid.find_elements("css selector", ".grid-col text.col-name")]
    assert names == [f"{d['number']} {d['label']}" for d in expected["documents"]]
    cells = grid_cells(facts)
    assert cells == expected_cells(expected)
    # Five columns leave the facts' labels room on a desktop: a fact of up to 80 characters is read whole.
    labels = [t.text for t in grid.find_elements("css selector", ".row-label")]
    whole = [f"{f['id']}. {f['text']}" for f in expected["facts"]]
    assert [label for label, text in zip(labels, whole) if len(text) <= 80 and label != text] == []
    assert sum(len(text) > 56 for text in whole if len(text) <= 80) >= 5  # facts the labels used to cut
    copied = {document for (_, document), state in cells.items() if state == "copy"}
    assert copied == {"05-daily-roundup"}
    first = grid.find_elements("css selector", ".grid-row")[0]
    ActionChains(page).move_to_element(first.find_element("css selector", ".row-head")).perform()
    fact = expected["facts"][0]
    assert highlighted_articles(page) == sorted(ids.index(d) + 1 for d in fact["outlets"])
    screenshot(page, output_dir / "facts.png")
    page.execute_script("window.scrollTo(0, document.getElementById('tabs').getBoundingClientRect().top + scrollY - 8)")
    docs_image(page, output_dir, "web-facts.png")

    # The copy graph: the roundup takes text from the radio report and the wire story.
    reuse = open_tab(page, "reuse")
    graph = element(reuse, "svg.copy-graph")
    edges = {
        (e.get_attribute("data-source"), e.get_attribute("data-copy"))
        for e in graph.find_elements("css selector", "line.edge.directed")
    }
    assert edges == {("02-northshore-radio", "05-daily-roundup"), ("04-wirenow", "05-daily-roundup")}
    assert [n.get_attribute("data-document") for n in graph.find_elements("css selector", ".graph-node.copy")] == [
        "05-daily-roundup"
    ]
    pairs = reuse.find_elements("css selector", ".paged > ol.items > li.item")
    assert [p.find_element("css selector", ".direction").text for p in pairs] == [
        "[5] Daily Roundup took from [4] WireNow",
        "[5] Daily Roundup took from [2] Northshore Radio News",
    ]
    screenshot(page, output_dir / "copying.png")
    page.execute_script("window.scrollTo(0, document.getElementById('tabs').getBoundingClientRect().top + scrollY - 8)")
    docs_image(page, output_dir, "web-copying.png")

    # The timeline: the five articles in the order of their publication dates.
    timeline = open_tab(page, "timeline")
    picture = element(timeline, "svg.timeline")
    dated = sorted((d["published"], d["id"]) for d in expected["documents"])
    assert len(dated) == 5 and all(p for p, _ in dated)
    dots = picture.find_elements("css selector", ".time-article")
    order = sorted(dots, key=lambda dot: float(dot.find_element("css selector", "circle").get_attribute("cx")))
    assert [dot.get_attribute("data-document") for dot in order][
        0
    ] == "02-northshore-radio"  # the radio was first, at night
    assert len({dot.get_attribute("data-document") for dot in dots}) == 5
    listed = [i.get_attribute("data-document") for i in timeline.find_elements("css selector", ".time-item")]
    assert listed[0] == "02-northshore-radio" and listed[-1] == "05-daily-roundup"
    assert int(picture.get_attribute("data-facts")) == len(expected["facts"])
    screenshot(page, output_dir / "timeline.png")
    page.execute_script("window.scrollTo(0, document.getElementById('tabs').getBoundingClientRect().top + scrollY - 8)")
    docs_image(page, output_dir, "web-timeline.png")

    coverage = open_tab(page, "coverage")
    assert len(coverage.find_elements("css selector", "tbody tr")) == len(ids)
    assert len(coverage.find_elements("css selector", "svg.coverage-bar")) == len(ids)
    # Each kind of part the bars draw is in the legend (the roundup's hatched facts, repeated from those it copies).
    drawn = page.execute_script(
        "return [...arguments[0].querySelectorAll('svg.coverage-bar rect.seg:not(.track)')]"
        ".filter((r) => Number(r.getAttribute('width')) > 0).map((r) => r.getAttribute('class'))",
        coverage,
    )
    explained = [r.get_attribute("class") for r in coverage.find_elements("css selector", ".legend rect")]
    assert "seg repeat" in drawn and set(drawn) == set(explained), (drawn, explained)


def test_the_timeline_tells_corroborated_facts_from_single_ones(page, output_dir):
    """The example's 27 facts fall at five times, too many to stack as dots: drawn as bars, each bar shows how
    many of its facts several outlets report and how many one does, as the legend says; and on a phone the
    last tick's label is not cut at the picture's edge."""
    expected = expected_report(sorted(EXAMPLE.iterdir()))
    several = sum(1 for fact in expected["facts"] if fact["support"] > 1)
    assert 0 < several < len(expected["facts"])
    for size in (DESKTOP, PHONE):
        set_viewport(page, size)
        page.refresh()
        wait_until(page, lambda d: d.execute_script("return document.querySelectorAll('#method option').length > 1"))
        try_example(page)
        picture = element(open_tab(page, "timeline"), "svg.timeline")
        bars = picture.find_elements("css selector", ".time-bar.facts")
        dots = picture.find_elements("css selector", ".time-fact")
        assert bars or dots
        shown_several = len(picture.find_elements("css selector", ".time-fact circle.several")) + sum(
            int(b.get_attribute("data-several")) for b in bars
        )
        shown_one = len(picture.find_elements("css selector", ".time-fact circle.one")) + sum(
            int(b.get_attribute("data-one")) for b in bars
        )
        assert (shown_several, shown_one) == (several, len(expected["facts"]) - several)
        assert not by_css(page, "#panel-timeline .picture-note")  # every fact placed: nothing to say
        for bar in bars:  # a part of each kind it counts, coloured as the legend's dots
            for kind in ("several", "one"):
                parts = bar.find_elements("css selector", f"rect.bar.{kind}")
                assert len(parts) == (int(bar.get_attribute(f"data-{kind}")) > 0)
        colours = page.execute_script(
            "const found = {}; for (const [kind, selector] of Object.entries(arguments[0])) {"
            " const e = document.querySelector(selector); if (e) found[kind] = getComputedStyle(e).fill; }"
            " return found;",
            {
                "several bar": "#panel-timeline .time-bar.facts rect.several",
                "one bar": "#panel-timeline .time-bar.facts rect.one",
                "several legend": "#panel-timeline .legend rect.fact.several",
                "one legend": "#panel-timeline .legend rect.fact.one",
            },
        )
        assert colours.get("several bar", colours["several legend"]) == colours["several legend"]
        assert colours.get("one bar", colours["one legend"]) == colours["one legend"]
        assert colours["several legend"] != colours["one legend"]
        # Every tick label lies inside the picture.
        edges = page.execute_script(
            "const svg = arguments[0]; const width = svg.getBoundingClientRect();"
            "return [...svg.querySelectorAll('text.tick')].map((t) => {const r = t.getBoundingClientRect();"
            " return [r.left - width.left, width.right - r.right, t.textContent];});",
            picture,
        )
        assert edges and all(left >= 0 and right >= 0 for left, right, _ in edges), edges
        screenshot(page, output_dir / f"timeline-{size[0]}.png")


def test_the_rewrite_of_the_lavrov_example_is_shaded_as_a_copy(page, output_dir, lavrov_dir):
    files = sorted(lavrov_dir.glob("*.txt"))
    add_files(page, files)
    summarize(page)
    expected = expected_report(files)
    rewrites = [r["document"] for r in expected["families"]["rewrites"]]
    assert rewrites == ["002_4987aa31bae3cc18"]  # the README of the example: one article copies the others

    facts = open_tab(page, "facts")
    grid = element(facts, "svg.fact-grid")
    assert int(grid.get_attribute("data-rows")) < len(expected["facts"])  # drawn a page at a time
    show_all(facts, ".grid-wrap > .more")
    grid = element(facts, "svg.fact-grid")  # drawn again, with every row
    assert int(grid.get_attribute("data-rows")) == len(expected["facts"])
    cells = grid_cells(facts)
    assert cells == expected_cells(expected)
    assert {document for (_, document), state in cells.items() if state == "copy"} == set(rewrites)
    article = element(page, "#sources article.doc:nth-child(3)")
    assert "Stitched from" in article.find_element("css selector", ".doc-role").text
    screenshot(page, output_dir / "lavrov-facts.png")


def test_the_evidence_stays_in_view_on_a_long_tab(page, output_dir, lavrov_dir):
    from selenium.webdriver.common.action_chains import ActionChains

    add_files(page, sorted(lavrov_dir.glob("*.txt")))
    summarize(page)
    facts = open_tab(page, "facts")
    show_all(facts, ".fact-list .more")
    last = facts.find_elements("css selector", ".fact-list li.item")[-1]
    page.execute_script("arguments[0].scrollIntoView({block: 'end'})", last)
    assert page.execute_script("return window.scrollY") > 1000  # far down a long tab
    ActionChains(page).move_to_element(last).perform()
    assert "active" in last.get_attribute("class")
    assert in_view(page, "#evidence")
    assert last.text.split("\n")[0].split(" ", 2)[-1][:40] in element(page, "#evidence").text
    screenshot(page, output_dir / "evidence-sticky.png")


# ---- a phone: no sideways scrolling, a tab strip that scrolls, the evidence as a sheet ----


def test_every_tab_fits_a_phone(page, output_dir, lavrov_dir):
    set_viewport(page, PHONE)
    for name, start in (("harbor-fire", try_example), ("lavrov", None)):
        if start:
            start(page)
        else:
            element(page, "#clear-articles").click()
            add_files(page, sorted(lavrov_dir.glob("*.txt")))
            summarize(page)
        assert page.execute_script("return window.innerWidth") == PHONE[0]
        tabs = by_css(page, "#tabs [role=tab]")
        assert [re.sub(r"\s*\d+$", "", t.text) for t in tabs] == TAB_LABELS
        # One line of tabs, scrolled sideways inside its strip rather than wrapped.
        assert len({t.location["y"] for t in tabs}) == 1
        assert max(t.size["height"] for t in tabs) < 50
        for key in TABS:
            panel = open_tab(page, key)
            assert overflow(page) <= 0, f"{name}: the {key} tab is wider than the phone"
            if key == "facts":  # the grid's columns named, and the whole grid on the screen, not scrolled
                assert (
                    len(panel.find_elements("css selector", ".grid-col text.col-name")) == 5
                )  # both stories have five articles
                box = element(panel, ".picture-scroll")
                assert page.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", box)
                assert box.get_attribute("tabindex") is None  # nothing to scroll: no tab stop
            screenshot(page, output_dir / f"{name}-{key}.png")
        # Tapping a marker brings the evidence up as a sheet over the bottom of the screen.
        open_tab(page, "summary")
        assert not in_view(page, "#evidence")
        marker = element(page, ".summary .cite")
        page.execute_script("arguments[0].scrollIntoView({block: 'center'})", marker)
        marker.click()
        wait_until(page, lambda d: in_view(d, "#evidence"), seconds=5)  # it slides up in 0.2 s
        assert highlighted(page)
        screenshot(page, output_dir / f"{name}-evidence-sheet.png")
        if name == "harbor-fire":
            from selenium.webdriver.common.action_chains import ActionChains

            ActionChains(page).move_to_element(element(page, "#tabs")).perform()  # the pointer off the sentences
            page.execute_script(
                "window.scrollTo(0, document.getElementById('tabs').getBoundingClientRect().top + scrollY - 8)"
            )
            docs_image(page, output_dir, "web-phone.png")
        from selenium.webdriver.common.keys import Keys

        element(page, "#evidence .close").send_keys(Keys.ENTER)  # Close, from the keyboard
        wait_until(page, lambda d: not in_view(d, "#evidence"), seconds=5)
        assert highlighted(page) == []


# ---- input -------------------------------------------------------------------------


def paste_articles(page, texts: list[str]) -> None:
    """Paste the texts into the first box at once, separated by lines of dashes, as a user pasting several would."""
    page.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
        element(page, "#articles textarea"),
        "\n-----\n".join(texts),
    )


def test_pasted_articles_split_named_and_dated(page, output_dir):
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))[:3]]
    # A paste of three articles separated by lines of dashes becomes three cards.
    paste_articles(page, texts)
    cards = [c for c in by_css(page, "#articles .article-card") if c.find_elements("css selector", "textarea")]
    filled = [c for c in cards if c.find_element("css selector", "textarea").get_attribute("value").strip()]
    assert len(filled) == 3
    assert [c.find_element("css selector", "textarea").get_attribute("value") for c in filled] == [
        t.strip() for t in texts
    ]
    filled[0].find_element("css selector", ".outlet").send_keys("Harbour Gazette")
    page.execute_script("arguments[0].value = '2024-03-14'", filled[1].find_element("css selector", ".date"))
    summarize(page)
    headings = [h.text for h in by_css(page, "#sources article.doc h3")]
    assert headings[0] == "[1] Harbour Gazette"
    assert len(set(headings)) == len(headings)  # unique labels
    assert "2024-03-14" in element(page, "#sources article.doc:nth-child(2) .doc-meta").text

    # A changed input marks the result out of date until it is made again.
    assert not element(page, "#stale").is_displayed()
    element(page, "#query").send_keys("Who was hurt?")
    assert element(page, "#stale").is_displayed()
    before = results_shown(page)
    element(page, "#rerun").click()
    wait_for_summary(page, before)
    assert not element(page, "#stale").is_displayed()
    assert "Who was hurt?" in element(page, ".summary .query").text
    screenshot(page, output_dir / "pasted.png")


def test_an_article_header_does_not_repeat_what_its_label_says(page):
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))[:3]]
    paste_articles(page, texts)
    cards = [c for c in by_css(page, "#articles .article-card") if c.find_elements("css selector", "textarea")][:3]
    for card, day in zip(cards[:2], ("2024-03-14", "2024-03-15")):  # two articles of one outlet: told apart by day
        card.find_element("css selector", ".outlet").send_keys("Harbour Gazette")
        page.execute_script("arguments[0].value = arguments[1]", card.find_element("css selector", ".date"), day)
    markers = summarize(page)
    first = element(page, "#sources article.doc:nth-child(1)")
    assert first.find_element("css selector", "h3").text == "[1] Harbour Gazette, 2024-03-14"
    meta = first.find_element("css selector", ".doc-meta").text
    assert "Harbour Gazette" not in meta and "2024-03-14" not in meta and "words" in meta
    for marker in markers:  # the evidence names each article once, its day once
        marker.click()
        for source in by_css(page, "#evidence .evidence-source"):
            assert source.text.count("2024-03-1") <= 1, source.text
        marker.click()
    # The coverage table names each outlet and day once too (it said "2024-03-14 · 217 words" under it).
    row = item_with(open_tab(page, "coverage"), "tr.item", "[1] Harbour Gazette, 2024-03-14")
    assert row.find_element("css selector", "th").text.count("2024-03-14") == 1
    assert "words" in row.find_element("css selector", ".doc-meta").text


def test_a_bad_file_is_marked_and_the_others_still_run(page, output_dir, tmp_path):
    element(page, "#summarize").click()  # nothing entered yet
    error = element(page, "#error")
    assert error.is_displayed() and "Add at least one article" in error.text

    picture = tmp_path / "photo.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    add_files(page, [*sorted(EXAMPLE.glob("*.txt"))[:2], picture])
    assert not error.is_displayed()
    summarize(page)
    cards = by_css(page, "#articles .article-card")
    assert [("failed" in c.get_attribute("class")) for c in cards] == [False, False, True]
    assert "photo.txt is a binary file, not text or HTML" in cards[2].find_element("css selector", ".card-status").text
    assert "photo.txt is a binary file" in element(page, ".summary .warnings").text
    assert len(by_css(page, "#sources article.doc")) == 2
    screenshot(page, output_dir / "bad-file.png")

    # Alone, the bad file is an error that names it, and its card is marked.
    element(page, "#clear-articles").click()
    add_files(page, [picture])
    element(page, "#summarize").click()
    wait_until(page, lambda d: element(d, "#error").is_displayed())
    assert "photo.txt is a binary file, not text or HTML" in error.text


# Cards shown before the list of articles folds (the page's own setting).
CARDS_SHOWN = int(re.search(r"CARDS_SHOWN = (\d+);", (ROOT / "src/chorus/web/static/app.js").read_text()).group(1))


def shown_cards(driver) -> list[str]:
    """The badge numbers of the article cards on screen."""
    return [
        c.find_element("css selector", ".badge").text
        for c in by_css(driver, "#articles .article-card")
        if c.is_displayed()
    ]


def test_files_dropped_at_once_become_one_card_each(page):
    """Dropping many files on the form, as from a file manager: each is a card, and all are summarized."""
    files = [{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted(EXAMPLE.iterdir())]
    page.execute_script(
        """
        const transfer = new DataTransfer();
        for (const f of arguments[0]) transfer.items.add(new File([f.text], f.name, {type: 'text/plain'}));
        const form = document.getElementById('input-form');
        form.dispatchEvent(new DragEvent('dragenter', {bubbles: true, cancelable: true, dataTransfer: transfer}));
        form.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: transfer}));
        """,
        files,
    )
    wait_until(page, lambda d: len(by_css(d, "#articles .article-card")) == len(files), seconds=10)
    cards = " ".join(c.text for c in by_css(page, "#articles .article-card"))
    assert all(f["name"] in cards for f in files)
    assert "dragging" not in element(page, "#dropzone").get_attribute("class")
    summarize(page)
    assert f"Source articles ({len(files)})" in element(page, "#sources-title").text


def placeholder_clipped(driver) -> list[str]:
    """The placeholders of shown fields too wide for their box (measured in the field's own font)."""
    return driver.execute_script("""
        const canvas = document.createElement('canvas').getContext('2d');
        return [...document.querySelectorAll('main input[placeholder]')].filter((field) => {
          if (!field.offsetParent) return false;
          const style = getComputedStyle(field);
          canvas.font = style.font;
          const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return canvas.measureText(field.placeholder).width > room + 1;
        }).map((field) => field.placeholder);
    """)


def test_many_articles_fold_their_lists(page, output_dir, tmp_path):
    from selenium.webdriver.common.keys import Keys

    set_viewport(page, PHONE)
    # Ten files: two stories' articles, and one that is not text, ninth.
    picture = tmp_path / "photo.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    stories = sorted(EXAMPLE.iterdir()) + sorted(KELLMOOR.iterdir())
    paths = [*stories[:8], picture, *stories[8:]]
    add_files(page, paths)
    assert len(by_css(page, "#articles .article-card")) == len(paths) == 10
    fold = element(page, "#fold-articles")
    assert shown_cards(page) == [str(n) for n in range(1, CARDS_SHOWN + 1)]
    assert fold.is_displayed() and fold.get_attribute("aria-expanded") == "false"
    assert f"Show all 10 articles ({10 - CARDS_SHOWN} not shown)" in fold.text
    folded_height = element(page, "#articles").size["height"]

    # Every article is sent, the folded ones too; the one left out is shown on its card, folded or not.
    summarize(page)
    assert "Source articles (9)" in element(page, "#sources-title").text
    assert shown_cards(page) == [*map(str, range(1, CARDS_SHOWN + 1)), "9"]
    assert "failed" in by_css(page, "#articles .article-card")[8].get_attribute("class")
    assert overflow(page) <= 0
    assert placeholder_clipped(page) == []  # the outlets' and the claim's
    screenshot(page, output_dir / "folded.png")

    # A claim of the fire: four articles state it; the five silent ones (a fire article, the dam's four) are one line.
    element(page, "#claim").send_keys("Three firefighters suffered minor burns.")
    element(page, "#check-button").click()
    wait_until(page, lambda d: by_css(d, "#check-result li") or by_css(d, "#check-error:not([hidden])"))
    items = by_css(page, "#check-result li.item")
    assert [i.find_element("css selector", ".tag").text for i in items] == ["states it"] * 4 + ["silent"]
    silent = items[-1].text
    assert silent.startswith("silent 5 articles: ") and silent.count("[") == 5
    assert "[5] Daily Roundup" in silent and "[6] " in silent

    # From the keyboard: the button opens the list and closes it again.
    fold.send_keys(Keys.ENTER)
    assert shown_cards(page) == [str(n) for n in range(1, 11)]
    assert fold.get_attribute("aria-expanded") == "true"
    assert element(page, "#articles").size["height"] > 1.5 * folded_height
    fold.send_keys(Keys.ENTER)
    assert len(shown_cards(page)) == CARDS_SHOWN + 1
    # A text box added to a folded list is shown, with the focus in it.
    element(page, "#add-article").click()
    assert page.switch_to.active_element.get_attribute("aria-label") == "Text of article 11"
    assert shown_cards(page)[-1] == "11"
    assert overflow(page) <= 0


def test_the_method_menu_speaks_plainly(page):
    options = by_css(page, "#method option")
    assert options and not any(re.search(r"\(\w+ (&|et al\.)", o.text) for o in options)
    default = element(page, "#method option[selected]")
    assert default.text == "The most facts in the fewest words (default)"
    assert "integer programming" in default.get_attribute("title")


def test_the_length_field_starts_at_the_servers_default(page):
    assert page.execute_script("return document.getElementById('length').value") == str(DEFAULT_WORDS)


def test_pasted_articles_with_typed_outlets_and_keyboard_focus(page, output_dir, lavrov_dir):
    from selenium.webdriver.common.keys import Keys

    texts = [p.read_text(encoding="utf-8") for p in sorted(lavrov_dir.glob("*.txt"))]
    outlets = ["Times of Israel", "Haaretz", "Breitbart", "Middle East Monitor", "Newsweek"]
    for _ in range(len(texts) - 2):
        element(page, "#add-article").click()
    cards = by_css(page, "#articles .article-card")
    assert len(cards) == len(texts)
    for card, text, outlet in zip(cards, texts, outlets):
        card.find_element("css selector", ".outlet").send_keys(outlet)
        box = card.find_element("css selector", "textarea")
        # Typing 15 KB key by key takes long; a paste sets the value at once, as this does.
        page.execute_script("arguments[0].value = arguments[1]", box, text)
        box.send_keys(Keys.END, " ")
    element(page, "#query").send_keys("What did Russia offer Hamas?")
    markers = summarize(page)

    headings = [h.text for h in by_css(page, "#sources article.doc h3")]
    assert headings == [f"[{n}] {o}" for n, o in enumerate(outlets, start=1)]
    assert "What did Russia offer Hamas?" in element(page, ".summary .query").text
    assert not re.search(r"Most Popular|LOG IN", element(page, ".summary").text)

    # Keyboard only: Tab from the selected tab reaches the first marker and highlights its support.
    element(page, "#tabs [role=tab][aria-selected=true]").click()
    page.switch_to.active_element.send_keys(Keys.TAB)
    assert page.switch_to.active_element == markers[0]
    assert highlighted(page)
    page.switch_to.active_element.send_keys(Keys.ENTER)
    assert markers[0].get_attribute("aria-pressed") == "true"
    screenshot(page, output_dir / "lavrov-hamas.png")
    page.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert markers[0].get_attribute("aria-pressed") == "false"
    # Arrow keys move along the tabs.
    element(page, "#tab-summary").click()
    page.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert page.switch_to.active_element == element(page, "#tab-facts")
    assert element(page, "#panel-facts").is_displayed()


def test_check_a_claim_against_the_articles_on_the_page(page, output_dir):
    try_example(page)
    claim = element(page, "#claim")
    claim.send_keys("Three firefighters suffered minor burns.")
    element(page, "#check-button").click()
    wait_until(page, lambda d: by_css(d, "#check-result li") or by_css(d, "#check-error:not([hidden])"))
    assert not by_css(page, "#check-error:not([hidden])"), element(page, "#check-error").text
    items = by_css(page, "#check-result li")
    assert len(items) == 5
    verdicts = [item.find_element("css selector", ".tag").text for item in items]
    assert verdicts.count("states it") == 4 and verdicts[-1] == "silent"
    lead = element(page, "#check-result .lead").text
    assert "4 articles of 5 state it" in lead
    assert "Three firefighters suffered minor burns." in lead  # the answer names the claim it answers
    first = items[0]
    first.click()  # its sentence lights up in its article
    assert len(highlighted(page)) == 1
    assert in_view(page, "#evidence")
    screenshot(page, output_dir / "harbor-fire-check.png")
    # A second claim: while it is checked (its answer held back here), the first one's answer is gone,
    # not left beside the new claim as if it were its answer; then the new answer names the new claim.
    page.execute_script("""
        const fetched = window.fetch;
        window.fetch = (url, options) => String(url).includes('/api/check')
          ? new Promise((done) => setTimeout(() => done(fetched(url, options)), 1500)) : fetched(url, options);
    """)
    claim.clear()
    claim.send_keys("The city fined the company in 2021.")
    element(page, "#check-button").click()
    checking = element(page, "#check-result")
    assert checking.get_attribute("aria-busy") == "true"
    assert not checking.find_elements("css selector", "li") and "The city fined the company" in checking.text
    wait_until(page, lambda d: by_css(d, "#check-result li"))
    lead = element(page, "#check-result .lead").text
    assert "The city fined the company in 2021." in lead and "firefighters" not in lead
    assert element(page, "#check-result").get_attribute("aria-busy") is None


# Every file the page offers for download, kept as it is made (the page saves a Blob through a link).
CATCH_DOWNLOADS = """
window.caughtDownloads = [];
const made = URL.createObjectURL;
URL.createObjectURL = (blob) => { window.caughtDownloads.push(blob); return made(blob); };
"""
READ_DOWNLOAD = """
const done = arguments[arguments.length - 1];
window.caughtDownloads[arguments[0]].text().then(done, (e) => done('unreadable: ' + e));
"""


def report_requests(driver) -> list[str]:
    """The paths of the page's requests to the report routes, in order."""
    names = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return [re.sub(r"^https?://[^/]+", "", n) for n in names if "/api/report" in n]


def fresh_rendering(server_url: str, paths: list[Path], fmt: str) -> str:
    """What /api/report answers in ``fmt`` for these files, as the page sends them."""
    import httpx

    files = [("documents", (p.name, p.read_bytes())) for p in paths]
    fields = {"outlets": [""] * len(paths), "dates": [""] * len(paths), "words": str(DEFAULT_WORDS), "format": fmt}
    response = httpx.post(server_url + "api/report", files=files, data=fields, timeout=WAIT_SECONDS * 4)
    assert response.status_code == 200, response.text
    return response.text


def test_a_download_is_the_report_on_screen_though_the_input_changed(page, server_url):
    try_example(page)
    page.execute_script(CATCH_DOWNLOADS)
    # The input changes: other articles, another length. The result shown stays the example's.
    element(page, "#clear-articles").click()
    add_files(page, sorted(KELLMOOR.iterdir())[:2])
    element(page, "#length").clear()
    element(page, "#length").send_keys("40")
    assert element(page, "#stale").is_displayed()
    element(page, "[data-download=markdown]").click()
    wait_until(page, lambda d: d.execute_script("return window.caughtDownloads.length") == 1)
    markdown = page.execute_async_script(READ_DOWNLOAD, 0)
    # Served from what the server kept: one report computed (the example's), and one download.
    requests = report_requests(page)
    assert requests[0] == "/api/report" and len(requests) == 2
    assert re.fullmatch(r"/api/report/[\w-]{20,}\?format=markdown", requests[1]), requests
    assert markdown == fresh_rendering(server_url, sorted(EXAMPLE.iterdir()), "markdown")
    assert "Kellmoor" not in markdown
    assert not element(page, "#download-note").is_displayed()

    # Once the server no longer keeps it, the page makes it again from the articles as they were sent.
    page.execute_script("state.result.report_id = 'no-longer-kept';")
    element(page, "[data-download=html]").click()
    wait_until(page, lambda d: d.execute_script("return window.caughtDownloads.length") == 2, WAIT_SECONDS * 4)
    html = page.execute_async_script(READ_DOWNLOAD, 1)
    assert report_requests(page)[2:] == ["/api/report/no-longer-kept?format=html", "/api/report"]
    assert html == fresh_rendering(server_url, sorted(EXAMPLE.iterdir()), "html")


def test_the_page_says_when_a_download_is_made_again(page):
    try_example(page)
    # A slow network holds the second report long enough to read what the page says meanwhile.
    page.execute_script("state.result.report_id = null;")
    page.set_network_conditions(latency=1500, download_throughput=2**20, upload_throughput=2**20)
    try:
        element(page, "[data-download=markdown]").click()
        note = element(page, "#download-note")
        wait_until(page, lambda d: note.is_displayed())
        assert "no longer keeps this report" in note.text
        wait_until(page, lambda d: not note.is_displayed(), WAIT_SECONDS * 4)
    finally:
        page.delete_network_conditions()
    assert not by_css(page, "#error:not([hidden])")


def test_progress_is_shown_while_the_server_works(page):
    # The work runs in a worker process, out of the test's reach: a slow network makes the answer late.
    page.set_network_conditions(latency=1000, download_throughput=2**20, upload_throughput=2**20)
    try:
        add_files(page, sorted(EXAMPLE.glob("*.txt"))[:2])
        element(page, "#summarize").click()
        progress = element(page, "#progress")
        assert progress.is_displayed() and "Summarizing 2 articles" in progress.text
        assert not element(page, "#summarize").is_enabled()
        wait_for_summary(page, 0)
        assert not progress.is_displayed() and element(page, "#summarize").is_enabled()
    finally:
        page.delete_network_conditions()


# ---- the report's views on our other clusters ---------------------------------------


def test_report_tabs_of_our_own_cluster(page, output_dir):
    from selenium.webdriver.common.action_chains import ActionChains

    add_files(page, sorted(KELLMOOR.iterdir()))
    summarize(page)
    labels = [re.sub(r"\s*\d+$", "", t.text) for t in by_css(page, "#tabs [role=tab]")]
    assert labels == TAB_LABELS
    expected = expected_report(sorted(KELLMOOR.iterdir()))
    name = {d["id"]: f"[{d['number']}] {d['label']}" for d in expected["documents"]}

    # Facts: several outlets apart from one; an item highlights the sentences of every outlet it lists.
    facts = open_tab(page, "facts")
    several = element(facts, ".fact-list[data-list=several]")
    single = element(facts, ".fact-list[data-list=single]")
    first = several.find_elements("css selector", "li.item")[0]
    support = int(re.match(r"(\d+) (?:outlets|articles)", first.text).group(1))
    # A fact of one source: one outlet, or an outlet and its copies ("2 articles, 1 independent").
    assert support >= 3 and all(
        re.match(r"1 outlet|\d+ articles, 1 independent", i.text)
        for i in single.find_elements("css selector", "li.item")
    )
    first.click()
    assert len(highlighted_articles(page)) == support
    assert first.find_element("css selector", ".cite").get_attribute("aria-pressed") == "true"
    first.click()
    assert highlighted(page) == []

    # Conflicts: one entry per disputed fact, each value with its outlets.
    conflicts = open_tab(page, "conflicts")
    numbers = item_with(conflicts, "li.item", "2,200")
    assert "2,100" in numbers.text
    ActionChains(page).move_to_element(numbers).perform()
    hits = highlighted(page)
    assert len(hits) >= 2 and any("2,200" in text for _, text in hits) and any("2,100" in text for _, text in hits)
    numbers.click()  # pinned, so that the screenshot keeps it
    screenshot(page, output_dir / "conflicts.png")

    # Quotes: the speaker and every outlet that prints the quote.
    quotes = open_tab(page, "quotes")
    rebuild = item_with(quotes, "li.item", "We will rebuild every home")
    assert rebuild.find_element("css selector", ".speaker").text == "Ilse Varga"
    assert "carried by 4 outlets" in rebuild.text
    assert len(rebuild.find_elements("css selector", ".occurrence")) == 4
    rebuild.find_element("css selector", ".cite").click()
    assert highlighted_articles(page) == [1, 2, 3, 4]
    assert "We will rebuild every home" in element(page, "#evidence").text

    # Names: one person under both spellings, counted per outlet.
    entities = open_tab(page, "entities")
    hydrologist = item_with(entities, ".entity-group[data-kind=person] li.item", "Oyelarin")
    spellings = [s.text for s in hydrologist.find_elements("css selector", ".spelling")]
    assert sorted(re.sub(r"×\d+$", "", s) for s in spellings) == ["Marta Oyelaran", "Marta Oyelarin"]
    assert sorted(c.text for c in hydrologist.find_elements("css selector", ".chip")) == ["[1] 2", "[3] 1"]
    hydrologist.click()
    assert highlighted_articles(page) == [1, 3]

    # Text reuse, grouped by pair of articles: who took from whom.
    reuse = open_tab(page, "reuse")
    directions = [
        i.find_element("css selector", ".direction").text
        for i in reuse.find_elements("css selector", ".paged > ol.items > li.item")
    ]
    aggregator, gazette, post = name["04-aggregator"], name["01-river-gazette"], name["02-valley-post"]
    assert set(directions) == {f"{aggregator} took from {gazette}", f"{aggregator} took from {post}"}
    assert re.search(
        rf"{re.escape(aggregator)}: \d+% .* took from {re.escape(gazette)}, {re.escape(post)}",
        element(reuse, ".borrowing").text,
    )

    # Coverage: one row per outlet; the marker of what only one outlet reports highlights it in that outlet alone.
    coverage = open_tab(page, "coverage")
    rows = coverage.find_elements("css selector", "tbody tr")
    assert [r.find_element("css selector", "th").text.split("\n")[0] for r in rows] == [
        name[d["id"]] for d in expected["documents"]
    ]
    own = next(r for r in rows if r.find_elements("css selector", ".cite"))
    own.find_element("css selector", ".cite").click()
    # Highlighted there, and in articles that copy it (which are no other source).
    assert rows.index(own) + 1 in highlighted_articles(page)
    screenshot(page, output_dir / "coverage.png")


def test_report_tabs_of_the_lavrov_example(page, output_dir, lavrov_dir):
    files = sorted(lavrov_dir.glob("*.txt"))
    add_files(page, files)
    summarize(page)
    name = {d["number"]: f"[{d['number']}] {d['label']}" for d in expected_report(files)["documents"]}

    # The article with no headline or outlet is named by its opening words, its file name beside them.
    third = element(page, "#sources article.doc:nth-child(3)")
    assert (
        third.find_element("css selector", "h3").text
        == "[3] “Russian Foreign Minister Sergei Lavrov and exiled Hamas…”"
    )
    assert "002_4987aa31bae3cc18.txt" in third.find_element("css selector", ".doc-meta").text

    # The grid's "show more" says how many facts it adds, and adds as many: here all that are left.
    facts = open_tab(page, "facts")
    more = next(b for b in facts.find_elements("css selector", "button") if "in the grid" in b.text)
    remaining = re.fullmatch(r"Show the remaining (\d+) facts in the grid", more.text)
    assert remaining, more.text
    rows = len(facts.find_elements("css selector", ".row-head"))
    more.click()
    assert len(facts.find_elements("css selector", ".row-head")) == rows + int(remaining.group(1))
    assert not more.is_displayed()

    # The analyst's quote, printed by three outlets, two naming him and one with "he says".
    quotes = open_tab(page, "quotes")
    horowitz = item_with(quotes, "li.item", "Internally these diplomatic successes")
    assert horowitz.find_element("css selector", ".speaker").text == "Michael Horowitz"
    assert "carried by 3 outlets" in horowitz.text
    outlets = [o.text for o in horowitz.find_elements("css selector", ".occurrence")]
    assert [o.split(":")[0] for o in outlets] == [name[n] for n in (3, 4, 5)]
    assert "he says" in outlets[2]
    horowitz.click()
    assert highlighted_articles(page) == [3, 4, 5]
    screenshot(page, output_dir / "quotes.png")

    # The Hamas leader under his four spellings is one person, in four of the five articles.
    entities = open_tab(page, "entities")
    assert highlighted(page) == []  # a new tab starts with nothing highlighted
    leader = item_with(entities, ".entity-group[data-kind=person] li.item", "Mesgaal")
    assert leader.find_element("css selector", ".entity-name").text == "Khaled Meshaal"
    spellings = {re.sub(r"×\d+$", "", s.text) for s in leader.find_elements("css selector", ".spelling")}
    assert {"Mashaal", "Meshaal", "Meshal", "Mesgaal"} <= spellings
    assert len(leader.find_elements("css selector", ".chip")) == 4
    leader.find_element("css selector", ".cite").click()
    assert highlighted_articles(page) == [1, 2, 3, 5]
    screenshot(page, output_dir / "entities.png")


def reads_alike(names: list[str]) -> list[tuple[str, str]]:
    """Pairs of cut names a reader cannot tell apart: one, in letters and digits, opens the other."""
    keys = [re.sub(r"[^\w]+", " ", name.lower()).strip() for name in names]
    return [
        (names[i], names[j])
        for i in range(len(names))
        for j in range(i + 1, len(names))
        if keys[i].startswith(keys[j]) or keys[j].startswith(keys[i])
    ]


def test_the_lavrov_grid_columns_and_graph_nodes_can_be_told_apart(browser, output_dir, tmp_path, run, lavrov_dir):
    """Articles 2 and 3 open with the same four words (a headline and a lede): cut to the room of a column
    name or a graph label, they read "Russian Foreign Minist…" both; what is left must tell them apart."""
    code, out, _ = run("report", *map(str, sorted(lavrov_dir.glob("*.txt"))), "--format", "html")
    assert code == 0
    path = tmp_path / "lavrov.html"
    path.write_text(out, encoding="utf-8")
    for size in (DESKTOP, PHONE):
        set_viewport(browser, size)
        browser.get(path.as_uri())
        wait_until(browser, lambda d: by_css(d, "#tabs [role=tab]"))
        grid = element(open_tab(browser, "facts"), "svg.fact-grid")
        columns = [t.text.split(" ", 1)[1] for t in grid.find_elements("css selector", ".grid-col text.col-name")]
        assert len(columns) == 5 and reads_alike(columns) == [], columns
        graph = element(open_tab(browser, "reuse"), "svg.copy-graph")
        nodes = [t.text for t in graph.find_elements("css selector", ".node-label")]
        assert len(nodes) >= 3 and reads_alike(nodes) == [], nodes
        screenshot(browser, output_dir / f"lavrov-{size[0]}.png")


def test_a_copy_graph_of_one_pair_is_no_taller_than_it_needs(page):
    add_files(page, [EXAMPLE / "04-wirenow.txt", EXAMPLE / "05-daily-roundup.txt"])  # the roundup copies the wire
    summarize(page)
    graph = element(open_tab(page, "reuse"), "svg.copy-graph")
    assert graph.get_attribute("data-nodes") == "2" and graph.get_attribute("data-edges") == "1"
    assert graph.size["height"] <= 150
    nodes = graph.find_elements("css selector", ".graph-node circle")
    top, bottom = sorted(n.location["y"] for n in nodes)
    assert bottom - top >= 40  # still two nodes apart, the line between them seen


def test_an_empty_section_says_so(page):
    add_files(page, sorted(EXAMPLE.glob("*.txt"))[:1])
    summarize(page)
    conflicts = element(page, "#tab-conflicts")
    assert "empty" in conflicts.get_attribute("class") and conflicts.text.endswith("0")
    assert SECTIONS["conflicts"]["empty"] in open_tab(page, "conflicts").text
    assert SECTIONS["reuse"]["empty"] in open_tab(page, "reuse").text
    assert SECTIONS["facts"]["several_empty"] in open_tab(page, "facts").text
    assert SECTIONS["timeline"]["empty"] not in open_tab(page, "timeline").text  # the example's article is dated


def test_an_update_over_the_days_is_listed_apart_from_the_conflicts(page):
    # Two outlets' tolls a day apart, the higher later: an update, not a conflict (PROTOCOL.md).
    texts = (
        "The death toll from the earthquake in Velmar has risen to 7,085, officials said on Friday.",
        "More than 10,000 people were killed in the earthquake in Velmar, officials said on Friday.",
    )
    from conftest import OTHER_NEWS

    docs = [
        {"text": t + "\n\n" + OTHER_NEWS[k], "id": f"d{k + 1}", "published": day}
        for k, (t, day) in enumerate(zip(texts, ["1999-08-20", "1999-08-21"]))
    ]
    report = {**report_to_dict(chorus.report(docs)), "inputs": []}
    assert report["conflicts"] == [] and len(report["updates"]) == 1
    show_report(page, report)
    assert element(page, "#tab-conflicts").text.endswith("0")  # updates are not counted as conflicts
    panel = open_tab(page, "conflicts")
    assert SECTIONS["conflicts"]["empty"] in panel.text
    assert f"{SECTIONS['conflicts']['updates']} (1)" in panel.text and "7,085, then more than 10,000" in panel.text
    # The summary's marker and the facts' grid say it the same way (chorus.align.updates): no
    # article disagrees; the other outlet's count is an update.
    open_tab(page, "summary")
    marker = next(
        m
        for m, sentence in zip(page.find_elements("css selector", ".summary .cite"), report["summary"]["sentences"])
        if sentence["updated_by"]
    )
    assert "disagree" not in marker.text and not marker.find_elements("css selector", ".seg.disputing")
    (fact,) = [f for f in report["facts"] if f["updating"]]
    assert fact["disputing"] == []
    cells = grid_cells(open_tab(page, "facts"))
    assert cells[(fact["id"], fact["updating"][0])] == "updated" and "disputed" not in cells.values()


# ---- scale: 100 articles through the page, a 1,000-article report drawn lazily ---------

# The page draws at most about this many elements, however large the story: lists,
# the grid and the articles come a page at a time.
MAX_ELEMENTS = 12_000


def element_count(driver) -> int:
    return driver.execute_script("return document.getElementsByTagName('*').length")


def open_every_tab(driver, output_dir: Path, name: str) -> dict:
    """Open each tab; the DOM stays bounded; the page's own drawing times, recorded."""
    counts = {}
    for key in TABS:
        open_tab(driver, key)
        counts[key] = element_count(driver)
        assert counts[key] < MAX_ELEMENTS, f"{name}: {counts[key]} elements after opening {key}"
        assert overflow(driver) <= 0, f"{name}: the {key} tab is wider than the window"
    timings = driver.execute_script("return ChorusStory.timings()")
    assert set(TABS) <= set(timings)  # every tab was drawn, when first opened
    (output_dir / f"{name}-timings.json").write_text(json.dumps({"ms": timings, "elements": counts}, indent=1))
    return timings


@pytest.fixture
def hundred_articles(tmp_path) -> list[Path]:
    """Four DUC 2006 topics, 25 articles each, as files named by their DUC ids (which give outlet and date)."""
    dataset = DUC2006 / "clusters.jsonl"
    if not dataset.is_file():
        pytest.skip("../shared/data/duc2006 is not on this machine")
    paths = []
    with dataset.open(encoding="utf-8") as lines:
        for line, _ in zip(lines, range(4)):
            cluster = json.loads(line)
            for doc_id, text in zip(cluster["doc_ids"], cluster["documents"]):
                path = tmp_path / f"{doc_id}.txt"
                path.write_text(text, encoding="utf-8")
                paths.append(path)
    assert len(paths) == 100
    return paths


def test_a_hundred_articles_stay_usable(page, output_dir, hundred_articles, axe_source):
    add_files(page, hundred_articles)
    summarize(page, seconds=240)
    assert len(by_css(page, "#sources article.doc")) < 98  # the articles come a few at a time
    # Two of the files are only the New York Times Syndicate's sales notice, no story:
    # left out, and their cards say why.
    assert "Source articles (98)" in element(page, "#sources-title").text
    left_out = [c for c in by_css(page, "#articles .article-card") if "failed" in c.get_attribute("class")]
    assert len(left_out) == 2
    assert all(
        "syndicate" in c.find_element("css selector", ".card-status").get_attribute("textContent") for c in left_out
    )
    open_every_tab(page, output_dir, "desktop")
    facts = open_tab(page, "facts")
    assert int(element(facts, "svg.fact-grid").get_attribute("data-columns")) == 98
    # A marker with many outlets names how many, not every number.
    assert any(re.fullmatch(r"\[\d+ outlets\]", c.text) for c in facts.find_elements("css selector", ".cite-numbers"))
    screenshot(page, output_dir / "hundred-facts.png")
    set_viewport(page, PHONE)
    page.refresh()  # a fresh page at the phone's width: the pictures are drawn for it
    wait_until(page, lambda d: d.execute_script("return document.querySelectorAll('#method option').length > 1"))
    add_files(page, hundred_articles)
    summarize(page, seconds=240)
    open_every_tab(page, output_dir, "phone")
    # The grid of 100 outlets scrolls sideways inside its box: a region the keyboard reaches and scrolls.
    from selenium.webdriver.common.keys import Keys

    facts = open_tab(page, "facts")
    box = element(facts, ".picture-scroll")
    assert box.get_attribute("tabindex") == "0" and "scrolls sideways" in box.get_attribute("aria-label")
    box.send_keys(Keys.ARROW_RIGHT)  # focuses it (Selenium clicks in first) and scrolls it
    wait_until(page, lambda d: d.execute_script("return arguments[0].scrollLeft", box) > 0, seconds=5)
    assert serious_violations(page, axe_source) == []


def synthetic_report(articles: int, facts: int, seed: int = 7) -> dict:
    """A report of the shape of chorus.report/2 with many articles, facts, names and copies,
    made up here to load the viewer the way a 1,000-article story would."""
    import random

    rng = random.Random(seed)
    ids = [f"a{n:04d}" for n in range(1, articles + 1)]
    documents = [
        {
            "number": n,
            "id": i,
            "name": f"{i}.txt",
            "title": f"Story {n}",
            "label": f"Outlet {n % 97} #{n}",
            "outlet": f"Outlet {n % 97}",
            "url": None,
            "byline": None,
            "published": f"2015-08-{1 + n % 28:02d}T{n % 24:02d}:00:00",
            "words": 300,
            "sentences": 12,
            "subtitle": None,
            "article_sentences": [
                {"text": f"Sentence {s} of article {n} about the talks.", "paragraph": s // 3} for s in range(12)
            ],
        }
        for n, i in enumerate(ids, start=1)
    ]

    def refs(count: int) -> list[dict]:
        return [{"document": i, "sentence": rng.randrange(12), "text": "..."} for i in rng.sample(ids, count)]

    fact_list = []
    for f in range(1, facts + 1):
        sentences = refs(min(articles, max(1, int(rng.paretovariate(1.2)))) if f > 60 else rng.randrange(50, 400))
        stating = [r["document"] for r in sentences]
        disputing = stating[-2:] if f <= 60 else []  # 60 disputed facts
        fact_list.append(
            {
                "id": f,
                "support": len(stating),
                "independent_sources": max(1, len(stating) * 2 // 3),
                "several_outlets": len(stating) > 1,
                "text": f"Fact {f}: officials said the talks would continue.",
                "outlets": stating,
                "stating": [i for i in stating if i not in disputing],
                "disputing": disputing,
                "sentences": sentences,
            }
        )
    fact_list.sort(key=lambda f: -f["support"])
    conflicts = [
        {
            "kind": "number",
            "fact": f["id"],
            "values": [
                {
                    "value": "12",
                    "outlets": f["stating"],
                    "sentences": [r for r in f["sentences"] if r["document"] in f["stating"]],
                },
                {
                    "value": "13",
                    "outlets": f["disputing"],
                    "sentences": [r for r in f["sentences"] if r["document"] in f["disputing"]],
                },
            ],
        }
        for f in fact_list
        if f["disputing"]
    ]
    passages = []
    for p in range(3000):
        copy, source = rng.sample(ids, 2)
        passages.append(
            {
                "kind": "text",
                "direction_known": p % 3 > 0,
                "matched_words": rng.randrange(6, 80),
                "source": {"document": source, "sentences": [1], "words": 20, "text": "shared words"},
                "copy": {"document": copy, "sentences": [2], "words": 20, "text": "shared words"},
            }
        )

    def quote(q: int, occurrences: list[dict]) -> dict:
        return {
            "text": f"Quote {q} of four words",
            "speaker": "Sergei Lavrov",
            "speaker_named": True,
            "speaker_resolved": True,
            "outlets": [r["document"] for r in occurrences],
            "identical": True,
            "variants": [],
            "occurrences": [
                {**r, "speaker": "Lavrov", "attribution": "Lavrov said", "role": None} for r in occurrences
            ],
        }

    def entity(e: int, occurrences: list[dict]) -> dict:
        return {
            "name": f"Name {e}",
            "kind": ["person", "place", "organization", "other"][e % 4],
            "mentions": 40,
            "variants": {f"Name {e}": 30, f"Nme {e}": 10},
            "per_document": {r["document"]: 1 for r in occurrences},
            "occurrences": occurrences,
        }

    sentences = [
        {
            "text": f"Summary sentence {n}.",
            "words": 3,
            "source": {"document": ids[n], "sentence": 0},
            "support_count": 300,
            "independent_sources": 120,
            "support": [
                {**r, "number": ids.index(r["document"]) + 1, "sentences": [r["sentence"]], "similarity": 0.8}
                for r in refs(300)
            ],
            "contradicted_by": [],
        }
        for n in range(8)
    ]
    return {
        "schema": "chorus.report/2",
        "documents": documents,
        "summary": {
            "summary": "",
            "words": 24,
            "method": "concepts",
            "query": None,
            "budget": {"words": 100, "sentences": None},
            "sentences": sentences,
        },
        "facts": fact_list,
        "conflicts": conflicts,
        "quotes": [quote(q, refs(30)) for q in range(500)],
        "entities": [entity(e, refs(40)) for e in range(2000)],
        "reuse": {
            "passages": passages,
            "documents": [
                {
                    "document": i,
                    "words": 300,
                    "borrowed_words": 30,
                    "share": 0.1,
                    "sources": rng.sample(ids, 3),
                    "shares_with": [],
                }
                for i in ids
            ],
        },
        "coverage": [
            {
                "document": i,
                "words": 300,
                "sentences": 12,
                "facts": 20,
                "facts_share": 0.01,
                "several_outlet_facts": 15,
                "several_outlet_facts_share": 0.02,
                "exclusive_facts": [f["id"] for f in fact_list if f["outlets"] == [i]],
            }
            for i in ids
        ],
        "families": {
            "independent_sources": 900,
            "copies": [{"members": ids[300:303], "original": ids[300], "original_by": "earliest"}],
            "rewrites": [{"document": ids[n], "share": 0.6, "sources": {ids[n + 1]: 0.5}} for n in range(0, 200, 2)],
        },
        "ner": "rules",
        "warnings": [],
        "inputs": [],
    }


def one_outlets_pile(facts: int, copying: int) -> dict:
    """A synthetic report of 400 articles all of one outlet, labelled by day as DUC's are ("Associated
    Press, 1999-05-03": labels that read alike until their last word), the first ``copying`` of them
    sharing a passage with each other and no others sharing any."""
    report = synthetic_report(400, facts)
    for d in report["documents"]:
        d["published"] = f"{1999 + d['number'] // 28}-05-{1 + d['number'] % 28:02d}"
        d["outlet"] = "Associated Press"
        d["label"] = f"Associated Press, {d['published']}"
    ids = [d["id"] for d in report["documents"][:copying]]
    template = report["reuse"]["passages"][0]
    report["reuse"]["passages"] = [
        {**template, "source": {**template["source"], "document": a}, "copy": {**template["copy"], "document": b}}
        for n, a in enumerate(ids)
        for b in ids[n + 1 :]
    ]
    return report


def show_report(driver, report: dict) -> None:
    driver.execute_script(
        """
        document.getElementById('result').hidden = false;
        window.ChorusStory.show(JSON.parse(arguments[0]), document.getElementById('story'));
    """,
        json.dumps(report),
    )


def test_a_crowded_copy_graph_labels_no_node_twice_elided_or_under_another(page, output_dir):
    """Ten articles of one outlet copying each other, as in a 100-article DUC pile: on a phone's ring a
    label ran under its neighbour's node and read "Associated ……" once cut; on a desktop none is cut."""
    for size in (PHONE, DESKTOP):
        set_viewport(page, size)
        show_report(page, one_outlets_pile(100, 10))
        graph = element(open_tab(page, "reuse"), "svg.copy-graph")
        assert graph.get_attribute("data-nodes") == "10"
        found = page.execute_script(
            """
            const svg = arguments[0], box = svg.getBoundingClientRect();
            const nodes = [...svg.querySelectorAll('.graph-node')];
            const meets = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
            return nodes.flatMap((node) => {
              const label = node.querySelector('.node-label');
              if (!label) return [];
              const r = label.getBoundingClientRect();
              const under = nodes.filter((other) => other !== node && meets(r, other.querySelector('circle').getBoundingClientRect()));
              return [{text: label.textContent, under: under.map((o) => o.dataset.document),
                       inside: r.left >= box.left - 1 && r.right <= box.right + 1}];
            });
            """,
            graph,
        )
        graph.screenshot(str(output_dir / f"crowded-graph-{size[0]}.png"))
        assert found, "no node is labelled"
        for label in found:
            assert not re.search(r"…\s*…", label["text"]), label
            assert label["under"] == [] and label["inside"], label
        # Each label says what tells it apart from the others: its day.
        assert all(re.search(r"\d{4}-05-\d\d$", label["text"]) for label in found), found
        if size == DESKTOP:  # the graph takes the tab's width: every label whole (4 of 10 were cut at 720 px)
            assert [label["text"] for label in found if not label["text"].startswith("Associated Press, ")] == []


def test_tall_evidence_for_the_last_item_of_a_tab_keeps_its_heading_in_view(page, output_dir):
    """The evidence is sticky beside the tab, but cannot leave the tab's area: for the last name of a
    page of names, quoted eight times, it was pushed up, its heading and first quotes off the top of the
    window (357 px of them for "Sydney Games" on the 100-article pile). It keeps to the room it has."""
    from selenium.webdriver.common.action_chains import ActionChains

    show_report(page, one_outlets_pile(100, 0))
    names = open_tab(page, "entities")
    last = names.find_elements("css selector", "li.item")[-1]
    page.execute_script("arguments[0].scrollIntoView({block: 'end'})", last)
    page.execute_script("window.scrollBy(0, 120)")  # the tab's end, its "Show more" button, in the window
    ActionChains(page).move_to_element(last).perform()
    assert "active" in last.get_attribute("class")
    assert len(by_css(page, "#evidence blockquote")) >= 8  # tall: more than the room left beside the tab
    assert in_view(page, "#evidence-title") and in_view(page, "#evidence")
    page.save_screenshot(str(output_dir / "tall-evidence.png"))  # the window, as the person sees it
    page.execute_script("window.scrollBy(0, -600)")  # further up the tab, the evidence has its room again
    wait_until(page, lambda d: d.execute_script("return document.getElementById('evidence').style.maxHeight") == "")


def test_a_timeline_of_many_facts_says_it_places_the_most_reported(page):
    """The facts lane holds the 60 most-reported facts: on a pile of 200 its bars were all the colour of
    "a fact several outlets report", read as if every fact were; it says which facts it places."""
    report = one_outlets_pile(200, 0)
    dated = len(report["facts"])
    show_report(page, report)
    panel = open_tab(page, "timeline")
    picture = element(panel, "svg.timeline")
    assert int(picture.get_attribute("data-facts")) == 60 < dated
    expected = f"the 60 facts the most outlets report, of {dated}"
    assert expected in picture.get_attribute("aria-label")
    assert "from 1999-05-02 to 2013-05-09," in picture.get_attribute("aria-label")  # days, not "00:00"
    assert element(panel, ".picture-note").text == f"Facts first reported: {expected}."


def test_a_thousand_article_report_is_drawn_lazily(page, output_dir):
    report = synthetic_report(1000, 5000)
    page.execute_script(
        """
        document.getElementById('result').hidden = false;
        window.ChorusStory.show(JSON.parse(arguments[0]), document.getElementById('story'));
    """,
        json.dumps(report),
    )
    assert len(by_css(page, "#sources article.doc")) <= 10
    timings = open_every_tab(page, output_dir, "thousand")
    facts = open_tab(page, "facts")
    assert int(element(facts, "svg.fact-grid").get_attribute("data-rows")) <= 40
    assert len(facts.find_elements("css selector", ".fact-list li.item")) <= 2 * 25
    assert element(facts, ".cite-numbers").text.endswith("outlets]")
    # Conflicts are one entry per disputed fact, drawn a page at a time.
    assert int(element(page, "#tab-conflicts .count").text) == len(report["conflicts"]) > 25
    assert len(by_css(page, "#panel-conflicts li.item")) <= 25
    # Reuse is grouped by pair of articles, and the graph keeps to the busiest.
    graph = element(page, "#panel-reuse svg.copy-graph")
    assert int(graph.get_attribute("data-nodes")) <= 30
    screenshot(page, output_dir / "thousand-facts.png")
    assert timings


# ---- accessibility: axe-core, with no serious or critical violation ----------------------


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        npm = shutil.which("npm")
        if npm is None:
            system_package_missing("the accessibility test needs npm to install axe-core", "npm")
        prefix = AXE.parents[2]
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                npm,
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(prefix),
                f"axe-core@{AXE_VERSION}",
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return AXE.read_text(encoding="utf-8")


def serious_violations(driver, axe_source: str) -> list[dict]:
    if not driver.execute_script("return Boolean(window.axe)"):
        driver.execute_script(axe_source)
    driver.set_script_timeout(120)
    found = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then((r) => done(r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}))))
          .catch((e) => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
    """)
    return [v for v in found if v["impact"] in ("serious", "critical")]


def test_no_serious_accessibility_violation(page, output_dir, axe_source):
    problems = {}
    problems["input"] = serious_violations(page, axe_source)
    for size in (DESKTOP, PHONE):
        set_viewport(page, size)
        try_example(page)
        for key in TABS:
            open_tab(page, key)
            found = serious_violations(page, axe_source)
            if found:
                problems[f"{size[0]}px {key}"] = found
        open_tab(page, "summary")
        element(page, ".summary .cite").click()  # the evidence panel, or sheet, open
        problems[f"{size[0]}px evidence"] = serious_violations(page, axe_source)
    problems = {k: v for k, v in problems.items() if v}
    (output_dir / "axe.json").write_text(json.dumps(problems, indent=1))
    assert problems == {}


# ---- chorus report --format html: the same viewer, from one file ---------------------------


def test_the_html_report_file_draws_the_same_pictures(browser, output_dir, tmp_path, run):
    code, out, _ = run("report", str(EXAMPLE), "--format", "html")
    assert code == 0
    path = tmp_path / "report.html"
    path.write_text(out, encoding="utf-8")
    expected = expected_report(sorted(EXAMPLE.iterdir()))
    set_viewport(browser, DESKTOP)
    browser.get(path.as_uri())
    wait_until(browser, lambda d: by_css(d, ".summary .cite"))
    assert [re.sub(r"\s*\d+$", "", t.text) for t in by_css(browser, "#tabs [role=tab]")] == TAB_LABELS
    open_tab(browser, "facts")
    show_all(element(browser, "#panel-facts"), ".grid-wrap > .more")
    assert grid_cells(element(browser, "#panel-facts")) == expected_cells(expected)
    open_tab(browser, "reuse")
    assert len(by_css(browser, "svg.copy-graph line.edge.directed")) == 2
    open_tab(browser, "timeline")
    assert len(by_css(browser, "svg.timeline .time-article")) == 5
    element(browser, "#tab-summary").click()
    element(browser, ".summary .cite").click()
    assert highlighted(browser)
    # Its headings go down one level at a time (h1, then the sections' h2, then their h3s), as the page's do.
    levels = browser.execute_script(
        "return [...document.querySelectorAll('h1, h2, h3, h4')].filter((e) => e.getClientRects().length ||"
        " e.classList.contains('sr-only')).map((e) => Number(e.tagName[1]))"
    )
    assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    screenshot(browser, output_dir / "report-file.png")
    errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources == []  # nothing fetched: the file carries everything


def test_the_stories_view_groups_many_files_and_a_feed(page, output_dir, tmp_path, axe_source):
    """The Stories view as a person uses it: two stories' files, a feed and a file that is no text chosen at once;
    the stories come back ranked, each with its summary, the feed's items apart, the bad file named; at both widths
    nothing overflows and axe finds nothing serious."""
    picture = tmp_path / "photo.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    headline = "Tarnby library reopens after two years of repairs with a new reading room for its pupils"
    long_title = tmp_path / "library.html"  # no outlet, a headline its label cuts short
    long_title.write_text(
        f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
        "<p>The Tarnby public library reopened on Saturday after two years of repairs, its director said. Its new "
        "reading room will host pupils every weekday morning.</p>"
        "<p>The room was paid for by a bequest of old maps and books.</p></article></body></html>"
    )
    paths = [
        *sorted(EXAMPLE.glob("*.txt")),
        *sorted(KELLMOOR.glob("*.txt")),
        ROOT / "tests/data/stories/feed.xml",
        long_title,
    ]
    element(page, "#stories-files").send_keys("\n".join(str(p.resolve()) for p in [*paths, picture]))
    element(page, "#stories-form button[type=submit]").click()
    status = element(page, "#stories-status")
    wait_until(page, lambda d: by_css(d, "#stories-output h2") or not status.text.startswith("Grouping"), seconds=180)
    assert status.text == ""  # no error
    heading = element(page, "#stories-output h2").text
    articles = len(sorted(EXAMPLE.glob("*.txt"))) + len(sorted(KELLMOOR.glob("*.txt"))) + 2 + 1 + 1
    assert heading.endswith(f"from {articles} articles"), heading
    shown = by_css(page, "#stories-output article.story")
    sources = [len(s.find_elements("css selector", ".story-sources li")) for s in shown]
    assert sources[:2] == [len(list(EXAMPLE.glob("*.txt"))), len(list(KELLMOOR.glob("*.txt")))], sources
    assert sorted(sources[2:]) == [1, 1, 1]  # the feed's two items (a tram vote, ferries) and the library
    lines = [li.text for li in by_css(page, "#stories-output .story-sources li")]
    assert any(line.startswith(headline + " — ") for line in lines), lines  # said once, whole
    assert not any("…: " in line for line in lines), lines
    assert all(s.find_elements("css selector", ".story-summary .story-cite") for s in shown[:2])
    assert "photo.txt" in element(page, "#stories-output ul").text
    screenshot(page, output_dir / "stories-desktop.png")
    assert serious_violations(page, axe_source) == []
    set_viewport(page, PHONE)
    overflow = page.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow
    screenshot(page, output_dir / "stories-phone.png")
