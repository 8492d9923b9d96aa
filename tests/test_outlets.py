"""Outlets: who said what is named from the seed, the editors' outlets file or the page's own
furniture, in that order; only http(s) addresses are kept; an unnamed outlet is said to be one."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from digest.model import Article, Digest, Outlet, Topic
from digest.nlp.parse import Parser
from digest.pipeline import build_digest
from digest.site.export import schema_text, to_json
from digest.site.render import outlet_labels, render_pages
from digest.sources.clean import clean_article
from digest.sources.outlets import furniture_name, web_address
from digest.sources.read import read_seeds

TEMPLATES = Path(__file__).resolve().parent.parent / "digest" / "site" / "templates"
BODY = "The minister said on Tuesday that talks would resume in Cairo. Aid convoys waited at the border.\n"
OUTLETS = """\
Example Wire:
  homepage: https://www.example.org/
  country: Spain
  language: es
NewsTrack:
  homepage: https://newstrack.example.net/
  country: India
  domains: [tracker.example.com]
"""


def folder(tmp_path: Path, files: dict[str, str]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    for name, content in files.items():
        (seeds / name).write_text(content, encoding="utf-8")
    return seeds


def read(seeds: Path) -> tuple[dict[str, Article], list[str]]:
    articles, problems = read_seeds(seeds)
    return {a.file: a for a in articles}, [str(p) for p in problems]


# -- the three sources of a name, and their precedence ------------------------------------------


def test_txt_header_lines_in_any_order_give_date_outlet_and_url(tmp_path: Path) -> None:
    txt = f"url: https://example.org/a?x=1&y=2\nsource: NewsTrack\ndate 2024-02-07\n\nTalks resume\n\n{BODY}"
    articles, problems = read(folder(tmp_path, {"a.txt": txt}))
    article = articles["a.txt"]
    assert problems == []
    assert (article.title, article.published, article.url) == ("Talks resume", "2024-02-07", "https://example.org/a?x=1&y=2")
    assert article.outlet == Outlet("NewsTrack") and article.source == "NewsTrack"
    assert "source:" not in article.text and "url:" not in article.text


def test_a_headline_starting_with_source_is_a_title_not_an_outlet(tmp_path: Path) -> None:
    articles, _ = read(folder(tmp_path, {"s.txt": f"Source: talks have stalled\n\n{BODY}"}))
    assert articles["s.txt"].outlet is None and articles["s.txt"].title == "Source: talks have stalled"


def test_a_date_running_into_the_text_still_works_after_a_source_line(tmp_path: Path) -> None:
    articles, problems = read(folder(tmp_path, {"r.txt": f"source: Wire\ndate 2024-02-07 {BODY}"}))
    assert problems == [] and articles["r.txt"].published == "2024-02-07"
    assert articles["r.txt"].title == "" and articles["r.txt"].text.startswith("The minister")
    assert articles["r.txt"].source == "Wire"


def test_the_outlets_file_names_a_seed_by_its_urls_domain(tmp_path: Path) -> None:
    md = f"---\ntitle: Wire story\nurl: https://news.example.org/2024/talks\n---\n{BODY}"
    articles, problems = read(folder(tmp_path, {"w.md": md, "outlets.yml": OUTLETS}))
    assert problems == []  # and outlets.yml is not read as a seed
    assert list(articles) == ["w.md"]
    assert articles["w.md"].outlet == Outlet("Example Wire", "https://www.example.org/", "Spain", "es")
    assert articles["w.md"].source == "Example Wire"


def test_the_outlets_file_completes_an_outlet_the_seed_names(tmp_path: Path) -> None:
    articles, _ = read(folder(tmp_path, {"n.txt": f"source: newstrack\n{GOOD}", "outlets.yml": OUTLETS}))
    assert articles["n.txt"].outlet == Outlet("NewsTrack", "https://newstrack.example.net/", "India", None)


GOOD = f"Talks resume\n\n{BODY}"


def test_the_seeds_own_name_outranks_the_domain_and_the_domain_outranks_furniture(tmp_path: Path) -> None:
    join = "Join Gazette Whatsapp group\n"
    files = {
        "own.md": f"---\nsource: Daily Post\nurl: https://www.example.org/a\n---\n{GOOD}{join}",
        "domain.md": f"---\nurl: https://tracker.example.com/b\n---\n{GOOD}{join}",
        "furniture.txt": f"{GOOD}{join}",
        "outlets.yml": OUTLETS,
    }
    articles, _ = read(folder(tmp_path, files))
    assert articles["own.md"].outlet == Outlet("Daily Post")  # not Example Wire, not Gazette
    assert articles["domain.md"].outlet is not None and articles["domain.md"].outlet.name == "NewsTrack"
    assert articles["furniture.txt"].outlet == Outlet("Gazette")


def test_furniture_names_an_outlet_only_when_certain() -> None:
    assert furniture_name("Text.\nJoin NewsTrack Whatsapp group\nRelated News") == "NewsTrack"
    assert furniture_name("Text.\nJoin The Hindu Telegram channel") == "The Hindu"
    assert furniture_name("Text.\nJoin our WhatsApp channel") is None
    assert furniture_name("Join the WhatsApp group") is None
    assert furniture_name("Join NewsTrack Whatsapp group\nJoin Gazette Telegram channel") is None  # two names
    assert furniture_name("Readers can join NewsTrack Whatsapp group for updates.") is None  # a sentence


def test_the_furniture_line_is_also_removed_from_the_text() -> None:
    article = Article(id="f", file="f.txt", title="Talks resume", text=f"{BODY}\nJoin NewsTrack Whatsapp group\n")
    assert clean_article(article).removed == ("Join NewsTrack Whatsapp group",)


def test_a_seed_nothing_names_has_no_outlet(tmp_path: Path) -> None:
    articles, problems = read(folder(tmp_path, {"x.txt": GOOD, "outlets.yml": OUTLETS}))
    assert problems == [] and articles["x.txt"].outlet is None and articles["x.txt"].source is None


# -- addresses ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["javascript:alert(3)", "JavaScript:alert(3)", "data:text/html,x", "file:///etc/passwd", "/relative", "https:///nohost"]
)
def test_a_url_that_is_not_http_is_one_problem_and_dropped(tmp_path: Path, url: str) -> None:
    files = {"j.md": f'---\ntitle: Talks\nurl: "{url}"\n---\n{BODY}', "k.txt": f"url: {url}\n{GOOD}"}
    articles, problems = read(folder(tmp_path, files))
    assert problems == ["j.md: url is not http(s); ignored", "k.txt: url is not http(s); ignored"]
    assert articles["j.md"].url is None and articles["k.txt"].url is None


def test_only_http_addresses_with_a_host_and_no_breakout_are_web_addresses() -> None:
    assert web_address("https://example.org/a?b=1#c") and web_address("HTTP://EXAMPLE.ORG")
    for bad in ["javascript:alert(1)", "http://", "https://a.org/\"onclick=x", "https://a.org/ b", "http://a.org:99999/"]:
        assert web_address(bad) is None, bad


def test_an_outlet_homepage_that_is_not_http_is_reported_and_dropped(tmp_path: Path) -> None:
    outlets = "Wire:\n  homepage: javascript:alert(1)\n  colour: red\n  language: English\n"
    articles, problems = read(folder(tmp_path, {"w.txt": f"source: Wire\n{GOOD}", "outlets.yml": outlets}))
    assert problems == [
        "outlets.yml: outlet 'Wire': homepage is not http(s); ignored",
        "outlets.yml: outlet 'Wire': language 'English' is not a code such as 'en' or 'fr'; ignored",
        "outlets.yml: outlet 'Wire': unknown field 'colour' (known: homepage, country, language, domains); ignored",
    ]
    assert articles["w.txt"].outlet == Outlet("Wire")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wire: [unclosed\n", "outlets.yml: not valid YAML (line 2: expected ',' or ']', but got '<stream end>'); outlets file ignored"),
        ("- Wire\n- Gazette\n", "outlets.yml: not a mapping of outlet names to their details (see the README); outlets file ignored"),
        ("Wire: just text\n", "outlets.yml: outlet 'Wire': details are not a mapping of homepage, country, language, domains; ignored"),
    ],
)
def test_a_broken_outlets_file_is_one_problem_and_the_seeds_are_still_read(tmp_path: Path, text: str, expected: str) -> None:
    articles, problems = read(folder(tmp_path, {"w.txt": f"source: Wire\n{GOOD}", "outlets.yml": text}))
    assert problems == [expected]
    assert articles["w.txt"].outlet == Outlet("Wire")


def test_an_outlets_file_that_is_binary_or_a_folder_is_a_problem(tmp_path: Path) -> None:
    seeds = folder(tmp_path, {"w.txt": GOOD})
    (seeds / "outlets.yml").write_bytes(b"\x00\x01\x02binary")
    _, problems = read(seeds)
    assert problems == ["outlets.yml: binary data, not text; outlets file ignored"]
    (seeds / "outlets.yml").unlink()
    (seeds / "outlets.yml").mkdir()
    _, problems = read(seeds)
    assert problems == ["outlets.yml: refused: not a file inside the seeds folder; outlets file ignored"]


# -- telling articles apart ------------------------------------------------------------------------


def test_two_articles_of_one_outlet_in_a_topic_are_numbered_and_unnamed_ones_show_their_title() -> None:
    articles = [
        Article(id="a", file="a.txt", title="Talks resume", text=BODY, source="NewsTrack"),
        Article(id="b", file="b.txt", title="Convoys wait", text=BODY, source="NewsTrack"),
        Article(id="c", file="c.txt", title="One two three four five six seven eight nine ten", text=BODY),
        Article(id="d", file="d.txt", title="Elsewhere", text=BODY, source="NewsTrack"),
    ]
    topics = [Topic("t", "T", ("a", "b", "c")), Topic("u", "U", ("d",))]
    assert outlet_labels(articles, topics) == {
        "a": "NewsTrack (1)",
        "b": "NewsTrack (2)",
        "c": "“One two three four five six seven eight …” (outlet not named)",
        "d": "NewsTrack",
    }


# -- one real digest: rendered pages and digest.json ---------------------------------------------

NAMED = """\
date 2024-02-07
source: NewsTrack
url: https://example.org/news/port?id=7&lang=en

Storm closes the port of Valletta

A storm closed the port of Valletta on Wednesday, the harbour authority said.

At least 40 ships waited outside the harbour, officials said.
"""
UNNAMED = """\
Ferries stay in harbour as storm hits Malta

Ferries stayed in harbour in Valletta on Wednesday as a storm hit Malta, the port authority said.

More than 40 ships waited outside the harbour, the authority added.
"""
HOSTILE = """\
---
title: Storm warning for Gozo
url: "javascript:alert(3)"
published: 2024-02-07
---
A storm warning was issued for Gozo on Wednesday, the weather office said. Schools closed early.
"""


@pytest.fixture(scope="module")
def storm(parser: Parser, tmp_path_factory: pytest.TempPathFactory) -> Digest:
    seeds = folder(tmp_path_factory.mktemp("storm"), {"named.txt": NAMED, "unnamed.txt": UNNAMED, "hostile.md": HOSTILE})
    return build_digest(seeds, parser)


def test_pages_name_the_outlet_link_the_original_and_say_when_no_outlet_is_named(storm: Digest) -> None:
    pages = render_pages(storm, TEMPLATES)
    topic = pages[f"topics/{storm.topic_of('named').slug}.md"]
    outlets = topic.split("## Outlets", 1)[1].split("\n## ", 1)[0]
    assert "[NewsTrack](../sources/named.md): Storm closes the port of Valletta" in outlets
    assert "[original article on example\\.org](https://example.org/news/port?id=7&amp;lang=en)" in outlets
    unnamed = pages["sources/unnamed.md"]
    assert "**Outlet:** not named" in unnamed
    shown = "“Ferries stay in harbour as storm hits Malta” \\(outlet not named\\)"
    assert shown in pages[f"topics/{storm.topic_of('unnamed').slug}.md"] and shown in pages["index.md"]
    assert "[Ferries stay in harbour as storm hits](" not in pages["index.md"]  # no title posing as an outlet
    source = pages["sources/named.md"]
    assert "**Outlet:** NewsTrack" in source and "**[Original article](https://example.org/news/port?id=7&amp;lang=en)**" in source
    assert "Original article" not in pages["sources/hostile.md"]


def test_a_javascript_url_is_reported_once_and_appears_nowhere(storm: Digest) -> None:
    assert [str(p) for p in storm.problems if "url" in p.message] == ["hostile.md: url is not http(s); ignored"]
    pages = render_pages(storm, TEMPLATES)
    document = to_json(storm)
    assert not [path for path, text in pages.items() if "javascript" in text.lower()]
    assert "javascript" not in document.lower()
    parsed = json.loads(document)
    jsonschema.validate(parsed, json.loads(schema_text()))
    by_id = {a["id"]: a for a in parsed["articles"]}
    assert by_id["hostile"]["url"] is None and by_id["hostile"]["outlet"] is None
    assert by_id["named"]["source"] == "NewsTrack" and by_id["named"]["outlet"]["name"] == "NewsTrack"
    assert by_id["named"]["url"] == "https://example.org/news/port?id=7&lang=en"
