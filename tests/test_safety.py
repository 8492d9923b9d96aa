"""Seed text is data: whatever an article holds shows as its literal text, never as markup or code."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from conftest import build_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.site.render import escape_markdown

HOSTILE_TXT = """\
Storm <script>alert("title")</script> hits the {{ 7*7 }} coast
The storm hit the coast on Monday <script>alert(1)</script> and 1,204 homes lost power, officials said.

An image <img src=x onerror="alert(2)"> was posted by residents {% for x in range(3) %}loop{% endfor %} overnight.

Readers were told to [click here](javascript:alert(3)) for updates, which officials called a hoax.

# Not a heading but a line that starts with a hash sign and keeps going as a sentence.

| col | umn | kept as text in a table-like line with several pipes in it |

Some **bold** and `code` and <b>tags</b> and &lt;entities&gt; appear in the report too.
"""

HOSTILE_MD = """\
---
title: "<svg onload=alert(4)> {{ config }}"
source: "<b>Evil</b> Outlet"
url: "javascript:alert(5)"
published: 2024-03-04
---
Rescue teams reached 14 villages <iframe src=//evil></iframe> on Tuesday, the agency said.

The agency's chief said {{ 6*7 }} teams would stay {% raw %} until Friday.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "storm.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (seeds / "rescue.md").write_text(HOSTILE_MD, encoding="utf-8")
    site = root / "site"
    # Not --strict: the javascript: URL is itself a problem the build reports (and drops), then goes on.
    assert build_site(seeds, site) == 0
    return site


def test_a_javascript_url_is_reported_and_never_published(hostile_site: Path) -> None:
    every_file = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in hostile_site.rglob("*") if p.is_file())
    assert "javascript:alert(5)" not in every_file
    problems = json.loads((hostile_site / "digest.json").read_text(encoding="utf-8"))["problems"]
    assert {"file": "rescue.md", "message": "url is not http(s); ignored"} in problems


def page_html(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html")) if "sources" in p.parts or "topics" in p.parts)


class Elements(HTMLParser):
    """Every element a browser would build, with its attributes and any script it would run."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))
        self.in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False


def test_no_seed_markup_survives_into_any_page(hostile_site: Path) -> None:
    parsed = Elements()
    parsed.feed(page_html(hostile_site))
    handlers = [(tag, k, v) for tag, attrs in parsed.found for k, v in attrs.items() if k.startswith("on")]
    assert handlers == []
    assert not [s for s in parsed.scripts if "alert" in s]
    assert not [tag for tag, _ in parsed.found if tag in ("iframe", "img", "b")]
    assert not [a for tag, a in parsed.found if (a.get("href") or "").strip().lower().startswith("javascript:")]
    headings = re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", page_html(hostile_site), re.DOTALL)
    assert not [h for h in headings if "Not a heading" in h]


def test_the_literal_text_is_shown_instead(hostile_site: Path) -> None:
    text = html.unescape(re.sub(r"<[^>]+>", "", page_html(hostile_site)))
    for literal in ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">', "[click here](javascript:alert(3))",
                    "# Not a heading", "{{ 7*7 }}", "{% for x in range(3) %}", "{{ 6*7 }}", "**bold**", "&lt;entities&gt;"]:
        assert literal in text, literal
    assert "49" not in text and "42 teams" not in text  # Jinja never evaluated seed text


def test_the_json_holds_the_text_unchanged(hostile_site: Path) -> None:
    document = json.loads((hostile_site / "digest.json").read_text(encoding="utf-8"))
    texts = " ".join(a["text"] for a in document["articles"])
    assert "<script>alert(1)</script>" in texts and "{{ 6*7 }}" in texts


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=200))
def test_any_text_renders_as_itself_and_nothing_else(text: str) -> None:
    rendered = markdown.markdown(escape_markdown(text), extensions=["tables", "attr_list", "md_in_html", "admonition"])
    tags = set(re.findall(r"</?([a-zA-Z][\w-]*)", rendered))
    assert tags <= {"p"}
    shown = html.unescape(re.sub(r"</?p>", "", rendered))
    assert shown == " ".join(text.split())


def test_control_characters_never_reach_a_page() -> None:
    from digest.sources.clean import normalise

    assert normalise("a\x03b\x02c\x00d\ufeff e") == "abcd e"
