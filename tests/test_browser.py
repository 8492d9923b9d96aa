"""What a reader sees: the built site in Debian's chromium, driven by Playwright.

The site is served over HTTP (Material's search runs in a web worker, which file:// forbids).
Any JavaScript error fails the test; a failing test leaves a screenshot in test-artifacts/.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.resources
import json
import os
import re
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    with opened_page(browser, request, viewport={"width": 1280, "height": 900}) as opened:
        yield opened


@contextlib.contextmanager
def opened_page(browser: Browser, request: pytest.FixtureRequest, **options: Any) -> Iterator[Page]:
    """A fresh browser context with `options` (viewport, color_scheme …): its page, watched for JS errors."""
    context = browser.new_context(**options)
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


def lead_of(site: Path, article: dict[str, Any]) -> str:
    """The headline and first sentences of an article, as its page shows them: what a reader remembers of it."""
    page = (site / "sources" / article["id"] / "index.html").read_text(encoding="utf-8")
    sentences = re.findall(r'<span id="s\d+" class="digest-sentence[^"]*"[^>]*>(.*?)</span>', page, re.S)
    return " ".join([article["title"], *sentences[:3]])


def distinctive_words(site: Path) -> dict[str, str]:
    """For each article, a long word of its lead that no other article uses anywhere."""
    articles = json.loads((site / "digest.json").read_text(encoding="utf-8"))["articles"]
    counts = Counter(w.lower() for a in articles for w in set(re.findall(r"[A-Za-z]{7,}", a["title"] + " " + a["text"])))
    words = {a["id"]: set(re.findall(r"[A-Za-z]{7,}", lead_of(site, a))) for a in articles}
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


PHONE = {"width": 390, "height": 844}
# What every table cell a phone shows must satisfy; one box per cell, measured in the page.
CELL_BOXES = """() => Array.from(document.querySelectorAll("article table")).map(table => {
  const headers = Array.from(table.querySelectorAll("thead th")).map(th => th.textContent.trim());
  const wrap = table.closest(".md-typeset__scrollwrap") || table.parentElement;
  return {
    headers,
    overflow: [table, wrap].map(e => e.scrollWidth - e.clientWidth),
    rows: Array.from(table.tBodies[0].rows).map(row => ({
      overflow: row.scrollWidth - row.clientWidth,
      cells: Array.from(row.cells).map(td => {
        const box = td.getBoundingClientRect();
        return {text: td.innerText.trim(), left: box.left, right: box.right, width: box.width,
                overflow: td.scrollWidth - td.clientWidth, visible: td.checkVisibility(),
                label: getComputedStyle(td, "::before").content};
      }),
    })),
  };
})"""


def figures_topic(site: Path) -> str:
    topics = json.loads((site / "digest.json").read_text(encoding="utf-8"))["topics"]
    with_figures = [t["slug"] for t in topics if t["figures"]]
    assert with_figures, "the fixture seeds give no topic with figures: nothing to lay out"
    return with_figures[0]


def a_source(site: Path) -> str:
    return json.loads((site / "digest.json").read_text(encoding="utf-8"))["articles"][0]["id"]


@pytest.fixture
def phone(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    with opened_page(browser, request, viewport=PHONE, device_scale_factor=2, is_mobile=True,
                     has_touch=True) as opened:
        yield opened


@pytest.mark.parametrize("where", ["topic", "sources/", "topics/"])
def test_a_phone_shows_every_column_of_every_table(phone: object, site_url: str, built_site: Path,
                                                   where: str) -> None:
    path = f"topics/{figures_topic(built_site)}/" if where == "topic" else where
    phone.goto(site_url + path)  # type: ignore[attr-defined]
    tables = phone.evaluate(CELL_BOXES)  # type: ignore[attr-defined]
    assert tables, f"no table on {path}"
    page_overflow = phone.evaluate("document.documentElement.scrollWidth - innerWidth")  # type: ignore[attr-defined]
    assert page_overflow <= 0, f"{path} scrolls sideways by {page_overflow}px"
    for table in tables:
        assert max(table["overflow"]) <= 0, (table["headers"], table["overflow"])
        for row in table["rows"]:
            assert row["overflow"] <= 0, row
            assert len(row["cells"]) == len(table["headers"])
            for header, cell in zip(table["headers"], row["cells"], strict=True):
                if not cell["text"]:
                    continue  # an empty Spread has nothing to show
                where_it_is = (header, cell)
                assert cell["visible"] and cell["overflow"] <= 0, where_it_is
                assert cell["left"] >= 0 and cell["right"] <= PHONE["width"], where_it_is
                # Wide enough for a phrase a line, not a word a line.
                assert cell["width"] > 150, where_it_is
                assert header in cell["label"], where_it_is  # the reader still knows which column it is
    if where == "topic":
        statuses = phone.locator("article table .digest-status")  # type: ignore[attr-defined]
        assert statuses.count() > 0
        for i in range(statuses.count()):
            box = statuses.nth(i).bounding_box()
            assert statuses.nth(i).is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


AXE = importlib.resources.files("axe_playwright_python") / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("where", "width"), [("home", 1280), ("topic", 1280), ("source", 1280), ("topic", 390)])
def test_axe_finds_no_serious_wcag_violation(browser: object, request: pytest.FixtureRequest, site_url: str,
                                             built_site: Path, where: str, width: int, scheme: str) -> None:
    path = {"home": "", "topic": f"topics/{figures_topic(built_site)}/",
            "source": f"sources/{a_source(built_site)}/"}[where]
    with opened_page(browser, request, viewport={"width": width, "height": 900}, color_scheme=scheme) as opened:
        opened.goto(site_url + path)  # type: ignore[attr-defined]
        palette = opened.evaluate("document.body.dataset.mdColorScheme")  # type: ignore[attr-defined]
        assert palette == {"light": "default", "dark": "slate"}[scheme]
        opened.add_script_tag(path=str(AXE))  # type: ignore[attr-defined]
        results = opened.evaluate(  # type: ignore[attr-defined]
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG)
    violations = results["violations"]
    print(f"axe {where} {width}px {scheme}: " + (", ".join(
        f"{v['id']} ({v['impact']}) ×{len(v['nodes'])}" for v in violations) or "no violations"))
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5], v["nodes"][0]["failureSummary"])
               for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
