"""What a reader sees: the built site in Debian's chromium, driven by Playwright.

The site is served over HTTP (Material's search runs in a web worker, which file:// forbids).
Any JavaScript error fails the test; a failing test leaves a screenshot in test-artifacts/.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import ROOT

if TYPE_CHECKING:  # the module imports Playwright only once the browser fixture runs
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser
BROWSER = os.environ.get("DIGEST_BROWSER", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
# Without these, chromium keeps calling home, which this closed network refuses.
QUIET = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(BROWSER).is_file():
        if os.environ.get("CI"):
            pytest.fail(f"no browser at {BROWSER}: .ci/run installs Debian's chromium")
        pytest.skip(f"no browser at {BROWSER} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=BROWSER, args=QUIET)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield opened
    failed = getattr(request.node, "failed_call", False)
    if failed or errors:
        ARTIFACTS.mkdir(exist_ok=True)
        opened.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    if report.when == "call" and report.failed:
        item.failed_call = True  # type: ignore[attr-defined]  # a mark for the page fixture: pytest has no field for it
    return report


def search(page: Page, site_url: str, query: str) -> list[str]:
    """Type into Material's search box; the result links, once they appear."""
    page.goto(site_url)
    page.click("label.md-search__icon, .md-search__input")
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15000)
    return [results.nth(i).get_attribute("href") for i in range(results.count())]


def distinctive_words(site: Path) -> dict[str, str]:
    """For each article, a long word no other article uses: what a reader might remember of it."""
    articles = json.loads((site / "digest.json").read_text(encoding="utf-8"))["articles"]
    words = {a["id"]: set(re.findall(r"[A-Za-z]{7,}", a["text"])) for a in articles}
    counts = Counter(w.lower() for ws in words.values() for w in ws)
    return {
        article: sorted((w for w in ws if counts[w.lower()] == 1), key=lambda w: (-len(w), w))[0]
        for article, ws in words.items()
    }


def test_every_article_is_findable_with_the_search_box(page: Page, site_url: str, built_site: Path) -> None:
    for article, word in distinctive_words(built_site).items():
        links = search(page, site_url, word)
        assert any(f"sources/{article}/" in (link or "") for link in links), (word, links)


def test_home_lists_the_topics_and_links_every_source(page: Page, site_url: str, built_site: Path) -> None:
    page.goto(site_url)
    document = json.loads((built_site / "digest.json").read_text(encoding="utf-8"))
    headings = page.locator("article h2").all_inner_texts()
    assert len(headings) == len(document["topics"])
    for article in document["articles"]:
        assert page.locator(f"article a[href*='sources/{article['id']}/']").count() >= 1


@pytest.mark.parametrize("query", ["Rafah", "27,585"])
def test_search_finds_the_topic_page(page: Page, site_url: str, built_site: Path, query: str) -> None:
    topics = json.loads((built_site / "digest.json").read_text(encoding="utf-8"))["topics"]
    holding = {t["slug"] for t in topics if query in json.dumps(t, ensure_ascii=False)}
    links = search(page, site_url, query)
    assert any(f"topics/{slug}/" in (link or "") for slug in holding for link in links), (holding, links)


def test_a_figure_leads_to_its_highlighted_sentence(page: Page, site_url: str) -> None:
    search(page, site_url, "27,585")
    page.locator(".md-search-result__item a[href*='/topics/']").first.click()
    page.wait_for_url(re.compile(r"/topics/[^/]+/"))
    row = page.locator("article table tr", has_text="27,585")
    assert "27,708" in row.inner_text() and "divergent" in row.inner_text().lower()
    row.locator("a", has_text=re.compile(".")).nth(1).click()
    page.wait_for_url(re.compile(r"/sources/[^/]+/#s\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    sentence = page.locator(f"[id='{anchor}']")
    assert "27,585" in sentence.inner_text()
    assert "digest-cited" in (sentence.get_attribute("class") or "")
    outline = sentence.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"  # the :target highlight a reader sees
    assert sentence.is_visible()
