"""The topics' Atom feed, the feed link in every page's head, and the link-preview meta of topic pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from lxml import etree, html

from digest.model import Article, Digest, Figure, FigureGroup, Topic
from digest.site.feed import UNDATED, atom_feed, page_url
from digest.site.render import topic_description

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://news.example.org/digest/"
HOSTILE = 'Port <script>alert(1)</script> & "strike" talks'


def article(id: str, published: str | None) -> Article:
    return Article(id=id, file=f"{id}.txt", title=id, text="text", published=published)


def figure(article: str, value: float) -> Figure:
    return Figure(
        article, 0, value, f"{value:,.0f}", None, "people", "killed", "people killed"
    )


def sample() -> Digest:
    """Three topics given out of date order: one gains a late article, one has no dated article."""
    articles = (article("a", "2024-03-01"), article("b", "2024-03-09"), article("c", "2024-03-05"),
                article("d", None), article("e", "2024-02-01"))  # fmt: skip
    killed = FigureGroup(
        "people killed", "divergent", (figure("a", 27585), figure("b", 27708))
    )
    topics = (
        Topic(
            "port-strike", HOSTILE, ("a", "b"), ("2024-03-01", "2024-03-09"), (killed,)
        ),
        Topic("undated", "Undated story", ("d",)),
        Topic("bridge", "Bridge closes", ("c", "e"), ("2024-02-01", "2024-03-05")),
    )
    return Digest(articles, (), topics)


def parse(xml: str) -> etree._Element:
    return etree.fromstring(xml.encode("utf-8"))


def test_the_feed_is_atom_with_every_required_element() -> None:
    feed = parse(atom_feed(sample(), SITE, title="Digest"))
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{name}") is not None, name
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE}feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(sample().topics)
    for entry in entries:
        for name in ("id", "title", "updated", "link", "summary"):
            assert entry.find(f"{ATOM}{name}") is not None, name


def test_entries_are_newest_first_and_updated_when_a_topic_last_gained_an_article() -> (
    None
):
    feed = parse(atom_feed(sample(), SITE, title="Digest"))
    entries = feed.findall(f"{ATOM}entry")
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        HOSTILE,
        "Bridge closes",
        "Undated story",
    ]
    assert updated == [
        "2024-03-09T00:00:00+00:00",
        "2024-03-05T00:00:00+00:00",
        f"{UNDATED.isoformat()}T00:00:00+00:00",
    ]
    assert feed.findtext(f"{ATOM}updated") == updated[0]


def test_ids_are_the_topic_pages_and_do_not_depend_on_order_or_a_trailing_slash() -> (
    None
):
    digest = sample()
    reordered = Digest(digest.articles, (), tuple(reversed(digest.topics)))
    xml = atom_feed(digest, SITE, title="Digest")
    assert atom_feed(reordered, SITE.rstrip("/"), title="Digest") == xml
    ids = [e.findtext(f"{ATOM}id") for e in parse(xml).findall(f"{ATOM}entry")]
    assert ids[0] == f"{SITE}topics/port-strike/" == page_url(SITE, digest.topics[0])


def test_the_same_digest_gives_the_same_bytes_whenever_it_is_built() -> None:
    # feedgen's defaults would stamp the clock (updated) and its own version (generator).
    xml = atom_feed(sample(), SITE, title="Digest")
    assert atom_feed(sample(), SITE, title="Digest") == xml
    assert (
        "python-feedgen" not in xml
        and re.search(r"T\d\d:\d\d:\d\d", xml.replace("T00:00:00", "")) is None
    )


def test_seed_text_in_titles_is_escaped_not_markup() -> None:
    xml = atom_feed(sample(), SITE, title="Digest <b>&</b>")
    assert (
        "<script>" not in xml and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in xml
    )
    feed = parse(xml)
    assert feed.find(f"{ATOM}entry/{ATOM}title").text == HOSTILE
    assert feed.findtext(f"{ATOM}title") == "Digest <b>&</b>"


def test_the_description_names_each_divergent_figure_and_its_range() -> None:
    port = sample().topics[0]
    assert (
        topic_description(port)
        == "1 figure differs between 2 outlets: people killed (27,585–27,708)."
    )
    assert (
        topic_description(sample().topics[2])
        == "2 outlets; no figure differs between them."
    )
    assert (
        topic_description(sample().topics[1])
        == "1 outlet so far: nothing to compare yet."
    )
    many = Topic(
        "m",
        "m",
        ("a", "b"),
        figures=tuple(
            FigureGroup(f"n{i}", "divergent", port.figures[0].values) for i in range(5)
        ),
    )
    assert topic_description(many).endswith("n2 (27,585–27,708), and 2 more.")


# A real build of the project's seeds (conftest's built_site): the feed as published.


def heads(site: Path) -> dict[str, html.HtmlElement]:
    return {
        str(p.relative_to(site)): html.parse(str(p)).getroot().head
        for p in sorted(site.rglob("*.html"))
    }


def test_the_built_feed_lists_every_topic_page(built_site: Path) -> None:
    feed = parse((built_site / "feed.xml").read_text(encoding="utf-8"))
    topic_pages = {p.parent.name for p in (built_site / "topics").glob("*/index.html")}
    linked = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert topic_pages and len(linked) == len(topic_pages)
    assert {url.rstrip("/").rsplit("/", 1)[-1] for url in linked} == topic_pages


def test_every_page_links_the_feed_from_its_head(built_site: Path) -> None:
    pages = heads(built_site)
    assert len(pages) > 5
    for name, head in pages.items():
        links = head.xpath("link[@rel='alternate'][@type='application/atom+xml']")
        assert len(links) == 1, name
        # The link resolves, from the page's own folder, to the feed.
        target = (built_site / name).parent / links[0].get("href")
        assert (
            target.resolve() == (built_site / "feed.xml").resolve()
            or name == "404.html"
        ), name


def test_a_topic_page_has_link_preview_meta(built_site: Path) -> None:
    page = next(p for p in sorted((built_site / "topics").glob("*/index.html")))
    head = html.parse(str(page)).getroot().head
    meta = {
        m.get("property") or m.get("name"): m.get("content") for m in head.iter("meta")
    }
    canonical = head.xpath("link[@rel='canonical']")[0].get("href")
    assert meta["og:url"] == canonical and canonical.endswith(
        f"/topics/{page.parent.name}/"
    )
    assert meta["og:type"] == "article" and meta["twitter:card"] == "summary"
    assert (
        meta["og:site_name"]
        and meta["og:title"] == head.findtext("title").rsplit(" - ", 1)[0]
    )
    assert meta["og:description"] == meta["description"] == meta["twitter:description"]
    assert re.match(r"(\d+ figures? differs?|\d+ outlets?)", meta["og:description"])


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One seed whose title is markup: it must reach the head as text, in every preview tag."""
    from conftest import build_site

    seeds = tmp_path_factory.mktemp("hostile-seeds")
    body = ("Dock workers walked out on Monday in the port of Rotterdam, the union said. "
            "About 1,200 workers joined the strike, according to the union. The port authority said talks would resume.")  # fmt: skip
    front = yaml.safe_dump({"title": HOSTILE, "published": "2024-03-04"})
    (seeds / "port.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
    site = tmp_path_factory.mktemp("hostile") / "site"
    assert build_site(seeds, site) == 0
    return site


def test_markup_in_a_title_is_escaped_in_the_preview_meta_and_the_feed(
    hostile_site: Path,
) -> None:
    page = next((hostile_site / "topics").glob("*/index.html"))
    raw = page.read_text(encoding="utf-8")
    head = raw[: raw.index("</head>")]
    assert "<script>alert" not in raw
    parsed = html.fromstring(raw).head
    meta = {
        m.get("property") or m.get("name"): m.get("content")
        for m in parsed.iter("meta")
    }
    assert (
        "<script>alert(1)</script> &" in meta["og:title"]
        and meta["twitter:title"] == meta["og:title"]
    )
    assert (
        'property="og:title" content="Port &lt;script&gt;alert(1)&lt;/script&gt; &amp;'
        in head
    )
    feed = (hostile_site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed and parse(feed).find(
        f"{ATOM}entry/{ATOM}title"
    ).text.startswith("Port <script>")
