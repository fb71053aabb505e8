"""The web UI in headless Chromium, as a person would use it: filter, map, timeline, evidence.

Playwright drives Debian's chromium (never a downloaded browser); the app runs in
uvicorn on a free loopback port, on the store the other web tests use.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from harmtrace.store import IncidentWrite, open_store, save_links
from harmtrace.store.web import MAP_POINTS
from harmtrace.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(web_db: str) -> Iterator[str]:
    yield from _serving(web_db)


def _serving(store: str) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda exc: problems.append(str(exc)))
    opened.on("dialog", lambda dialog: problems.append(f"dialog: {dialog.message}"))
    opened.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    opened.problems = problems
    yield opened
    context.close()


def _markers(page) -> int:
    """Map markers once map.js loaded them (it records the count on the map element)."""
    playwright_api.expect(page.locator("#map")).to_have_attribute("data-markers",
                                                                  re.compile(r"^\d+$"))
    return int(page.get_attribute("#map", "data-markers"))


def test_filter_incidents_see_map_and_timeline_follow(page):
    page.goto("/incidents")
    every = _markers(page)
    playwright_api.expect(page.locator("#timeline .bar-incidents").first).to_be_attached()
    bars = page.locator("#timeline .bar-incidents").count()
    assert every > 1 and bars > 0
    assert page.locator(".leaflet-marker-icon").count() > 0

    page.select_option("select[name=event_type]", "shelling")
    playwright_api.expect(page).to_have_url(re.compile("event_type=shelling"))
    playwright_api.expect(page.locator("#map")).not_to_have_attribute("data-markers",
                                                                      str(every))
    rows = page.locator("table.incidents tbody tr")
    assert 0 < rows.count() < every + 5
    assert all("shelling" in text for text in rows.locator("td:nth-child(4)").all_inner_texts())
    assert 0 < _markers(page) < every
    playwright_api.expect(page.locator("#timeline .bar-incidents").first).to_be_attached()
    assert 0 < page.locator("#timeline .bar-incidents").count() <= bars
    assert page.problems == []


def test_open_incident_and_follow_evidence_to_highlighted_text(page):
    page.goto("/incidents?q=Saraqib")
    page.get_by_role("link", name="Saraqib").first.click()
    page.wait_for_url("**/incidents/*")
    evidence = page.locator(".claim blockquote").first.inner_text().strip("“”")
    page.locator("a.evidence-link").first.click()
    page.wait_for_url("**/reports/*#c*")
    highlighted = "".join(page.locator("#text .targeted").all_inner_texts())
    assert highlighted == evidence
    assert page.problems == []


def test_script_payloads_in_a_report_stay_inert(page, client):
    reports = client.get("/api/v1/reports").json()["items"]
    hostile = next(r for r in reports if "Binnish" in r["title"])
    page.goto(f"/reports/{hostile['id']}")
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    assert "onerror=alert('text')" in page.locator("#text").inner_text()
    assert page.locator("#text img, #text script").count() == 0
    assert page.evaluate("document.title") .startswith("Strike on Binnish <script>")
    assert page.problems == []



def _crowded(url: str, count: int) -> str:
    """A store with more placed incidents than a map shows at once, on a grid over Syria."""
    incidents = [IncidentWrite(
        key=f"n{n}", summary={"killed": {"low": n % 50, "high": n % 50},
                              "location": f"Village {n}", "latitude": 33.0 + (n % 60) * 0.08,
                              "longitude": 36.0 + (n // 60) * 0.08, "event_types": ["shelling"]},
        grade=None, grade_rule=None, country="SY", date_start="2024-01-01",
        date_end="2024-01-01", perpetrators=()) for n in range(count)]
    with open_store(url)() as session:
        save_links(session, incidents=incidents, members=[])
    return url


@pytest.fixture(scope="module")
def crowded_url(tmp_path_factory) -> Iterator[str]:
    store = _crowded(f"sqlite:///{tmp_path_factory.mktemp('crowded') / 'c.db'}",
                     MAP_POINTS + 400)
    yield from _serving(store)


def test_a_crowded_map_says_so_and_shows_the_view_once_zoomed(browser, crowded_url):
    context = browser.new_context(base_url=crowded_url)
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto("/incidents")
    assert _markers(page) == MAP_POINTS
    playwright_api.expect(page.locator("#map-note")).to_contain_text(
        f"Showing the {MAP_POINTS} heaviest")
    page.evaluate("document.getElementById('map').scrollIntoView()")
    for _ in range(4):
        page.locator("#map .leaflet-control-zoom-in").click()
        page.wait_for_timeout(300)
    playwright_api.expect(page.locator("#map")).not_to_have_attribute(
        "data-markers", str(MAP_POINTS), timeout=10_000)
    assert any("bbox=" in url for url in asked)
    assert _markers(page) < MAP_POINTS
    context.close()
