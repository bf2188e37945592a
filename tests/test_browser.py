"""A real browser on the real server: headless Chromium opens YASGUI, runs a query, and result rows appear.

Chromium and ChromeDriver are Debian's (`apt-get install chromium chromium-driver`); `.ci/run` installs them.
Outside CI the test is skipped when they are missing; in CI (CI set) their absence fails it.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import paths, pipeline, store
from servers import start_server, stop_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
HAVE_BROWSER = Path(CHROMIUM).is_file() and Path(CHROMEDRIVER).is_file()

if not HAVE_BROWSER and not os.environ.get("CI"):
    pytest.skip("Debian's chromium and chromium-driver are not installed (.ci/run installs them)",
                allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, resources: pipeline.Resources) -> Iterator[tuple[str, str]]:
    path = tmp_path_factory.mktemp("browser") / "store"
    db = store.open_store(path)
    pipeline.build(resources, [paths.ARTICLES], db)
    del db
    proc, endpoint, page = start_server(path)
    yield endpoint, page
    stop_server(proc)


@pytest.fixture()
def browser() -> Iterator[object]:
    assert HAVE_BROWSER, f"chromium ({CHROMIUM}) and chromedriver ({CHROMEDRIVER}) are required in CI"
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _result_rows(driver, timeout: float = 30) -> list[str]:
    """Wait for YASGUI's result table to have rows; return their text."""
    script = ("return Array.from(document.querySelectorAll('.yasr table tbody tr'))"
              ".map(r => r.innerText).filter(t => t.trim() && !t.includes('No data'))")
    # read in one script call: YASR re-renders the table while it settles, so element handles go stale
    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(script) or False)


def _run(driver) -> None:
    button = WebDriverWait(driver, 30).until(EC.element_to_be_clickable((By.CSS_SELECTOR, ".yasqe_queryButton")))
    button.click()


def test_a_query_typed_into_yasgui_returns_rows(server, browser) -> None:
    endpoint, _ = server
    browser.get(endpoint + "/")
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".CodeMirror")))
    query = ("PREFIX gk: <https://w3id.org/geokg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
             "SELECT DISTINCT ?name WHERE { ?x gk:met ?y . ?x rdfs:label ?name } ORDER BY ?name")
    browser.execute_script("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", query)
    _run(browser)
    rows = _result_rows(browser)
    assert any("Vladimir Putin" in r for r in rows), rows[:5]


def test_a_canned_query_opens_from_the_query_page_and_runs(server, browser) -> None:
    endpoint, page = server
    browser.get(page + "/")
    link = browser.find_element(By.LINK_TEXT, "who_met_whom")
    link.click()
    WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".CodeMirror")))
    text = browser.execute_script("return document.querySelector('.CodeMirror').CodeMirror.getValue()")
    assert text == (paths.QUERIES / "who_met_whom.rq").read_text(encoding="utf-8")
    _run(browser)
    rows = _result_rows(browser)
    assert len(rows) >= 5
    assert any("Steve Witkoff" in r and "Vladimir Putin" in r for r in rows), rows[:5]
