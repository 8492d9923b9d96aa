"""A disagreement as a reader sees it: both outlets' sentences side by side on the topic page,
each linked to its highlighted sentence. The real site, in Debian's chromium (fixtures of test_browser)."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import ROOT, build_site
from test_browser import QuietHandler, browser, page  # noqa: F401  (fixtures used by name)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
COVERAGE = ROOT / "tests" / "resources" / "coverage" / "articles"
# Norway and the EU gas platform: two outlets say it will join, two that it will not.
NORWAY = ("w09", "w16", "w04", "w12")


@pytest.fixture(scope="module")
def disagreeing_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("disagreeing-seeds")
    for name in NORWAY:
        (seeds / f"{name}.txt").write_text((COVERAGE / f"{name}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    site = tmp_path_factory.mktemp("disagreeing") / "site"
    assert build_site(seeds, site, "--strict") == 0
    return site


@pytest.fixture(scope="module")
def disagreeing_url(disagreeing_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(disagreeing_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_a_disagreement_shows_both_outlets_sentences_linked(page: Page, disagreeing_url: str,  # noqa: F811
                                                            disagreeing_site: Path) -> None:
    topics = json.loads((disagreeing_site / "digest.json").read_text(encoding="utf-8"))["topics"]
    slug = next(t["slug"] for t in topics if t["disagreements"])
    page.goto(f"{disagreeing_url}topics/{slug}/")
    assert page.locator("article h2", has_text="Disagreements").count() == 1
    grid = page.locator(".digest-disagreement", has_text="will not join").first
    cards = grid.locator("li")
    assert cards.count() == 2
    texts = [cards.nth(i).inner_text() for i in range(2)]
    assert any("will not join" in t for t in texts) and any("not join" not in t for t in texts)
    links = [cards.nth(i).locator("a[href*='sources/']").first for i in range(2)]
    assert links[0].get_attribute("href") != links[1].get_attribute("href")
    # Both sides sit next to each other on a wide screen: one row, two columns.
    boxes = [cards.nth(i).bounding_box() for i in range(2)]
    assert boxes[0] and boxes[1] and abs(boxes[0]["y"] - boxes[1]["y"]) < 5 and boxes[0]["x"] != boxes[1]["x"]
    denying = next(i for i in range(2) if "will not join" in texts[i])
    links[denying].click()
    page.wait_for_url(re.compile(r"/sources/[^/]+/#s\d+$"))
    sentence = page.locator(f"[id='{page.url.rsplit('#', 1)[1]}']")
    assert "will not join" in sentence.inner_text()
    assert "digest-cited" in (sentence.get_attribute("class") or "")
