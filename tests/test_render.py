from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from digest.model import Digest
from digest.render import escape_markdown, render_pages

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    "# Not a heading",
    "| a | b |",
    "**bold** and _em_ and `code`",
    "1. not a list",
    "{{ 7*7 }} {% raw %}",
    "&lt;b&gt; already escaped",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_the_literal_text(text: str) -> None:
    rendered = markdown.markdown(f"Line: {escape_markdown(text)}", extensions=["tables", "attr_list", "md_in_html"])
    assert "<script" not in rendered and "<img" not in rendered and "href=" not in rendered
    assert "<strong>" not in rendered and "<code>" not in rendered and "<h1" not in rendered
    unescaped = rendered.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    assert unescaped == f"<p>Line: {text}</p>"


def test_pages_cover_home_sections_topics_sources_and_entities(seeds_digest: Digest) -> None:
    pages = render_pages(seeds_digest, TEMPLATES)
    assert {"index.md", "topics/index.md", "sources/index.md", "entities/index.md"} <= set(pages)
    assert {f"sources/{a.id}.md" for a in seeds_digest.articles} <= set(pages)
    assert {f"topics/{t.slug}.md" for t in seeds_digest.topics} <= set(pages)


def test_source_pages_give_every_sentence_an_anchor(seeds_digest: Digest) -> None:
    pages = render_pages(seeds_digest, TEMPLATES)
    for extraction in seeds_digest.extractions:
        page = pages[f"sources/{extraction.article.id}.md"]
        for sentence in extraction.sentences:
            assert f'id="{sentence.anchor}"' in page


def test_rendering_is_deterministic(seeds_digest: Digest) -> None:
    assert render_pages(seeds_digest, TEMPLATES) == render_pages(seeds_digest, TEMPLATES)


def test_a_figure_row_shows_the_day_as_written_when_the_article_is_undated(seeds_digest: Digest) -> None:
    pages = render_pages(seeds_digest, TEMPLATES)
    rows = [line for page in pages.values() for line in page.splitlines() if "**27,708**" in line]
    assert rows and all("as of Wednesday" in row for row in rows)
