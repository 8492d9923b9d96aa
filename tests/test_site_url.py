"""site_url: from mkdocs.yml, overridden by DIGEST_SITE_URL; it fills the sitemap and the canonical links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_site
from lxml import etree, html

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def site_url_of_config() -> str:
    # The !ENV tag's default is the config's own address.
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(
        r'^site_url: !ENV \[DIGEST_SITE_URL, "([^"]+)"\]$', text, re.MULTILINE
    )
    assert match, "mkdocs.yml's site_url is not overridable by DIGEST_SITE_URL"
    return match.group(1)


def pages(site: Path) -> set[str]:
    """Every published page, as its directory URL relative to the site (404.html is not a page)."""
    return {
        str(p.parent.relative_to(site)) + "/" if p.parent != site else ""
        for p in site.rglob("index.html")
    }


def sitemap(site: Path) -> list[str]:
    tree = etree.parse(str(site / "sitemap.xml"))
    return [loc.text or "" for loc in tree.iter(f"{SITEMAP}loc")]


def test_the_sitemap_lists_every_page_under_the_site_url(built_site: Path) -> None:
    base = site_url_of_config()
    listed = sitemap(built_site)
    assert len(listed) == len(set(listed)) == len(pages(built_site)) > 5
    assert {url.removeprefix(base) for url in listed} == pages(built_site)


def test_every_page_has_its_canonical_link(built_site: Path) -> None:
    base = site_url_of_config()
    for page in sorted(pages(built_site)):
        head = html.parse(str(built_site / page / "index.html")).getroot().head
        assert [link.get("href") for link in head.xpath("link[@rel='canonical']")] == [
            base + page
        ], page


def test_instant_navigation_is_on(built_site: Path) -> None:
    # Material's instant navigation follows only links the sitemap lists; features come from the config.
    config = yaml.safe_load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", "")
    )
    assert "navigation.instant" in config["theme"]["features"]
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '"navigation.instant"' in re.search(
        r'<script id="__config"[^>]*>(.*?)</script>', home, re.DOTALL
    ).group(1)
    assert sitemap(built_site)


@pytest.fixture(scope="module")
def small_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("site-url-seeds")
    (seeds / "bridge.txt").write_text(
        "date 2024-05-02\nBridge closes for repairs\n\nThe old bridge closed on Thursday for repairs, the city said. "
        "About 40,000 drivers use it every day. Repairs are expected to take three months.\n",
        encoding="utf-8",
    )
    return seeds


def test_the_environment_variable_overrides_the_site_url_and_forces_a_rebuild(
    small_seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    assert build_site(small_seeds, site) == 0
    default = site_url_of_config()
    assert sitemap(site) and all(url.startswith(default) for url in sitemap(site))
    address = "https://newsroom.example.net/digest/"
    monkeypatch.setenv(
        "DIGEST_SITE_URL", address.rstrip("/")
    )  # configure-pages gives no trailing slash
    # Same seeds, same files: only the environment changed, and the build must not be skipped.
    assert build_site(small_seeds, site) == 0
    assert sitemap(site) and all(url.startswith(address) for url in sitemap(site))
    head = html.parse(str(site / "index.html")).getroot().head
    assert head.xpath("link[@rel='canonical']")[0].get("href") == address
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert f"<id>{address}</id>" in feed and default not in feed


def test_the_sitemap_dates_follow_the_newest_article_and_the_environment_is_left_alone(built_site: Path) -> None:
    import json
    import os

    articles = json.loads((built_site / "digest.json").read_text(encoding="utf-8"))["articles"]
    newest = max(a["published"] for a in articles if a["published"])
    tree = etree.parse(str(built_site / "sitemap.xml"))
    assert {m.text for m in tree.iter(f"{SITEMAP}lastmod")} == {newest}
    # The build ran in this process (conftest.build_site): the plugin must not have pinned the date here.
    assert "SOURCE_DATE_EPOCH" not in os.environ
