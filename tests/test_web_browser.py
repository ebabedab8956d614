"""The page of `chorus serve` in a real headless Chromium, driven by Selenium.

The browser is Debian's `chromium` with its `chromium-driver`; nothing is
downloaded. When they are missing the tests are skipped with one line saying
how to install them, except in CI (CI=true), where they fail: CI cannot pass
without them. Screenshots go to test-output/<test name>/.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from chorus.web import create_app

from conftest import EXAMPLE, ROOT, system_package_missing

KELLMOOR = ROOT / "tests" / "data" / "report" / "kellmoor-dam"

CHROMIUM = os.environ.get("CHORUS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHORUS_CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
)
WAIT_SECONDS = 30
OUTPUT = ROOT / "test-output"


pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server_url():
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
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
        pytest.fail("the browser tests need selenium, part of the test extra (pip install -e '.[test]')",
                    pytrace=False)
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
    """The page freshly loaded; afterwards, no script error and nothing fetched from elsewhere."""
    browser.get(server_url)
    wait_until(browser, lambda d: d.execute_script("return document.querySelectorAll('#method option').length > 1"))
    yield browser
    # A 4xx answer is logged by the browser too; the page shows it to the person as an error message.
    errors = [
        e["message"] for e in browser.get_log("browser")
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


def wait_for_summary(driver):
    wait_until(driver, lambda d: by_css(d, "#result:not([hidden]) .summary .cite") or by_css(d, "#error:not([hidden])"))
    assert not by_css(driver, "#error:not([hidden])"), element(driver, "#error").text
    return by_css(driver, ".summary .cite")


def screenshot(driver, path: Path) -> None:
    """The whole page, not only the window."""
    size = driver.get_window_size()
    page_height, frame = driver.execute_script(
        "window.scrollTo(0, 0); return [document.documentElement.scrollHeight, window.outerHeight - window.innerHeight]"
    )
    driver.set_window_size(size["width"], max(page_height + frame, size["height"]))
    driver.save_screenshot(str(path))
    driver.set_window_size(size["width"], size["height"])
    assert path.stat().st_size > 10_000


def open_tab(driver, key: str):
    """Select a tab of the result by the report key it shows; returns its panel."""
    tab = element(driver, f"#tab-{key}")
    tab.click()
    assert tab.get_attribute("aria-selected") == "true"
    panel = element(driver, f"#panel-{key}")
    assert panel.is_displayed()
    assert [p.get_attribute("id") for p in by_css(driver, "#panels [role=tabpanel]") if p.is_displayed()] == [f"panel-{key}"]
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


def test_summarize_the_example_files_and_inspect_a_citation(page, output_dir):
    files = sorted(EXAMPLE.iterdir())
    add_files(page, files)
    cards = by_css(page, "#articles .article-card")
    assert len(cards) == len(files)  # the two empty text boxes gave way to the files
    assert element(page, "#articles .outlet").get_attribute("value") == "01-marrowick-ledger"
    element(page, "#summarize").click()
    markers = wait_for_summary(page)

    sentences = by_css(page, ".summary .s")
    assert len(sentences) == len(markers) >= 2
    assert len(by_css(page, "#sources article.doc")) == len(files)
    corroborated = max(markers, key=lambda m: m.text.count(","))  # the sentence most outlets carry
    numbers = [int(n) for n in re.findall(r"\d+", corroborated.text)]
    assert len(numbers) >= 2
    quoted = sentences[markers.index(corroborated)].text

    corroborated.click()  # pins the highlight
    assert corroborated.get_attribute("aria-pressed") == "true"
    hits = highlighted(page)
    assert sorted(int(re.match(r"\[(\d+)\]", heading).group(1)) for heading, _ in hits) == numbers
    assert quoted in [text for _, text in hits]  # the summary sentence itself, in its own article
    assert len(by_css(page, "#sources article.doc.cited")) == len(numbers)
    assert quoted in element(page, "#evidence").text
    screenshot(page, output_dir / "harbor-fire.png")

    page.execute_script("document.activeElement.blur()")
    assert len(highlighted(page)) == len(numbers)  # pinned: stays after the pointer or focus leaves
    corroborated.click()
    assert highlighted(page) == []

    # The same result has the story report's tabs: the fire chief's words, as four outlets print them.
    quotes = open_tab(page, "quotes")
    chief = item_with(quotes, "li.item", "We will not let anyone back in")
    assert "Dalia Okonkwo" in chief.find_element("css selector", ".speaker").text
    assert "carried by 4 outlets" in chief.text
    chief.click()
    assert highlighted_articles(page) == [1, 2, 4, 5]
    screenshot(page, output_dir / "harbor-fire-quotes.png")


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
    element(page, "#summarize").click()
    markers = wait_for_summary(page)

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


def test_a_bad_file_gets_a_readable_error(page, output_dir, tmp_path):
    element(page, "#summarize").click()  # nothing entered yet
    error = element(page, "#error")
    assert error.is_displayed() and "Add at least one article" in error.text

    picture = tmp_path / "photo.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    add_files(page, [picture])
    assert not error.is_displayed()
    element(page, "#summarize").click()
    wait_until(page, lambda d: element(d, "#error").is_displayed())
    assert "photo.txt is a binary file, not text or HTML" in error.text
    assert element(page, "#result").get_attribute("hidden") is not None
    screenshot(page, output_dir / "error.png")


def test_progress_is_shown_while_the_server_works(page):
    # The work runs in a worker process, out of the test's reach: a slow network makes the answer late.
    page.set_network_conditions(latency=1000, download_throughput=2**20, upload_throughput=2**20)
    try:
        add_files(page, sorted(EXAMPLE.glob("*.txt"))[:2])
        element(page, "#summarize").click()
        progress = element(page, "#progress")
        assert progress.is_displayed() and "Summarizing 2 articles" in progress.text
        assert not element(page, "#summarize").is_enabled()
        wait_for_summary(page)
        assert not progress.is_displayed() and element(page, "#summarize").is_enabled()
    finally:
        page.delete_network_conditions()


REPORT_TABS = ["Summary", "Facts & support", "Conflicts", "Quotes", "Entities", "Text reuse", "Coverage"]


def test_report_tabs_of_our_own_cluster(page, output_dir):
    from selenium.webdriver.common.action_chains import ActionChains

    add_files(page, sorted(KELLMOOR.iterdir()))
    element(page, "#summarize").click()
    wait_for_summary(page)
    labels = [re.sub(r"\s*\d+$", "", t.text) for t in by_css(page, "#tabs [role=tab]")]
    assert labels == REPORT_TABS

    # Facts: several outlets apart from one; an item highlights the sentences of every outlet it lists.
    facts = open_tab(page, "facts")
    several, single = facts.find_elements("css selector", "ol.items")
    first = several.find_elements("css selector", ":scope > li.item")[0]
    support = int(re.match(r"(\d+) (?:outlets|articles)", first.text).group(1))
    # A fact of one source: one outlet, or an outlet and its copies ("2 articles, 1 independent").
    assert support >= 3 and all(re.match(r"1 outlet|\d+ articles, 1 independent", i.text)
                                for i in single.find_elements("css selector", ":scope > li"))
    first.click()
    assert len(highlighted_articles(page)) == support
    assert first.find_element("css selector", ".cite").get_attribute("aria-pressed") == "true"
    screenshot(page, output_dir / "facts.png")
    first.click()
    assert highlighted(page) == []

    # Conflicts: each value with its outlets, their sentences in their articles.
    conflicts = open_tab(page, "conflicts")
    numbers = item_with(conflicts, "li.item", "2,200")
    assert "2,100" in numbers.text
    ActionChains(page).move_to_element(numbers).perform()
    hits = highlighted(page)
    assert len(hits) >= 2 and any("2,200" in text for _, text in hits) and any("2,100" in text for _, text in hits)
    numbers.click()  # pinned, so that the screenshot, which moves the window, keeps it
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

    # Entities: one person under both spellings, counted per outlet.
    entities = open_tab(page, "entities")
    hydrologist = item_with(entities, "table[data-kind=person] tr.item", "Oyelarin")
    spellings = [s.text for s in hydrologist.find_elements("css selector", ".spelling")]
    assert sorted(re.sub(r"×\d+$", "", s) for s in spellings) == ["Marta Oyelaran", "Marta Oyelarin"]
    assert [c.text for c in hydrologist.find_elements("css selector", ".chip")] == ["[1] 2", "[3] 1"]
    hydrologist.click()
    assert highlighted_articles(page) == [1, 3]

    # Text reuse: who took from whom.
    reuse = open_tab(page, "reuse")
    directions = [i.find_element("css selector", ".direction").text for i in reuse.find_elements("css selector", "li.item")]
    assert set(directions) == {
        "[4] 04-aggregator took from [1] 01-river-gazette", "[4] 04-aggregator took from [2] 02-valley-post",
    }
    assert re.search(r"\[4\] 04-aggregator: \d+% .* took from \[1\] 01-river-gazette, \[2\] 02-valley-post",
                     element(reuse, ".borrowing").text)

    # Coverage: one row per outlet; the marker of what only it is the source of highlights it there (and in
    # articles that copy it, which are no other source).
    coverage = open_tab(page, "coverage")
    rows = coverage.find_elements("css selector", "tbody tr")
    assert [r.find_element("css selector", "th").text for r in rows] == [
        f"[{n}] {p.stem}" for n, p in enumerate(sorted(KELLMOOR.iterdir()), start=1)
    ]
    own = next(r for r in rows if r.find_elements("css selector", ".cite"))
    own.find_element("css selector", ".cite").click()
    assert rows.index(own) + 1 in highlighted_articles(page)
    screenshot(page, output_dir / "coverage.png")


def test_report_tabs_of_the_lavrov_example(page, output_dir, lavrov_dir):
    files = sorted(lavrov_dir.glob("*.txt"))
    add_files(page, files)
    element(page, "#summarize").click()
    wait_for_summary(page)

    # The analyst's quote, printed by three outlets, two naming him and one with "he says".
    quotes = open_tab(page, "quotes")
    horowitz = item_with(quotes, "li.item", "Internally these diplomatic successes")
    assert horowitz.find_element("css selector", ".speaker").text == "Michael Horowitz"
    assert "carried by 3 outlets" in horowitz.text
    outlets = [o.text for o in horowitz.find_elements("css selector", ".occurrence")]
    assert [o.split(":")[0] for o in outlets] == [f"[{n}] {files[n - 1].stem}" for n in (3, 4, 5)]
    assert "he says" in outlets[2]
    horowitz.click()
    assert highlighted_articles(page) == [3, 4, 5]
    screenshot(page, output_dir / "quotes.png")

    # The Hamas leader under his four spellings is one person, in four of the five articles.
    entities = open_tab(page, "entities")
    assert highlighted(page) == []  # a new tab starts with nothing highlighted
    leader = item_with(entities, "table[data-kind=person] tr.item", "Mesgaal")
    assert leader.find_element("css selector", ".entity-name").text == "Khaled Meshaal"
    spellings = {re.sub(r"×\d+$", "", s.text) for s in leader.find_elements("css selector", ".spelling")}
    assert {"Mashaal", "Meshaal", "Meshal", "Mesgaal"} <= spellings
    assert len(leader.find_elements("css selector", ".chip")) == 4
    leader.find_element("css selector", ".cite").click()
    assert highlighted_articles(page) == [1, 2, 3, 5]
    screenshot(page, output_dir / "entities.png")


def test_an_empty_section_says_so(page):
    add_files(page, sorted(EXAMPLE.glob("*.txt"))[:1])
    element(page, "#summarize").click()
    wait_for_summary(page)
    conflicts = element(page, "#tab-conflicts")
    assert "empty" in conflicts.get_attribute("class") and conflicts.text.endswith("0")
    assert "No outlet gives a fact with another" in open_tab(page, "conflicts").text
    assert "No article reuses another's text" in open_tab(page, "reuse").text
    assert "No fact is reported by more than one independent source" in open_tab(page, "facts").text


def test_check_a_claim_against_the_articles_on_the_page(page, output_dir):
    add_files(page, sorted(EXAMPLE.iterdir()))
    element(page, "#summarize").click()
    wait_for_summary(page)
    claim = element(page, "#claim")
    claim.send_keys("Three firefighters suffered minor burns.")
    element(page, "#check-button").click()
    wait_until(page, lambda d: by_css(d, "#check-result li") or by_css(d, "#check-error:not([hidden])"))
    assert not by_css(page, "#check-error:not([hidden])"), element(page, "#check-error").text
    items = by_css(page, "#check-result li")
    assert len(items) == 5
    verdicts = [item.find_element("css selector", ".tag").text for item in items]
    assert verdicts.count("states it") == 4 and verdicts[-1] == "silent"
    assert "4 articles of 5 state it" in element(page, "#check-result .lead").text
    first = items[0]
    first.click()  # its sentence lights up in its article
    assert len(highlighted(page)) == 1
    screenshot(page, output_dir / "harbor-fire-check.png")
