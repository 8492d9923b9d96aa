from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import SEEDS, build_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest import memo
from digest.model import Digest, Figure, FigureGroup, Measure
from digest.nlp.parse import Parser
from digest.pipeline import build_digest
from digest.site.render import _KEPT as KEPT
from digest.site.render import SiteView, escape_markdown, render_pages, still_true, value_range

TEMPLATES = Path(__file__).resolve().parent.parent / "digest" / "site" / "templates"
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


# --- property: whole pages, rendered from the real templates, keep seed text inert ----------

MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.superfences"]


def digest_holding(text: str) -> Digest:
    """A one-topic digest whose every field a seed could fill holds `text`."""
    from digest.model import (
        Article,
        Claim,
        EntityRef,
        Extraction,
        Figure,
        FigureGroup,
        Mention,
        Quote,
        QuoteGroup,
        Sentence,
        SentenceRef,
        Topic,
    )  # fmt: skip

    body = f"{text} and more."
    articles = [
        Article(id=i, file=f"{i}.txt", title=text, text=body, removed=(text,), published="2024-01-02", source=text)
        for i in ("a", "b")
    ]
    figures = tuple(
        Figure(a.id, 0, 5.0 + n, text, None, "people", "killed", text, when=text, attribution=text)
        for n, a in enumerate(articles)
    )
    quotes = tuple(Quote(a.id, 0, text, text) for a in articles)
    extractions = tuple(
        Extraction(a, (Sentence(a.id, 0, body, 0, len(body)),), (Mention(a.id, 0, text, "PERSON", text),), (f,), (q,))
        for a, f, q in zip(articles, figures, quotes)
    )
    topic = Topic(
        slug="topic", title=text, articles=("a", "b"), dates=("2024-01-02", "2024-01-02"),
        figures=(FigureGroup(text, "divergent", figures),), quotes=(QuoteGroup(text, quotes),),
        claims=(Claim(text, tuple(SentenceRef(a.id, 0, body) for a in articles)), Claim(text, (SentenceRef("a", 0, body),))),
        entities=(EntityRef(text, "PERSON", "person"),),
    )  # fmt: skip
    return Digest(tuple(articles), extractions, (topic,))


class Shape(HTMLParser):
    """The elements and attribute names a page builds, and every attribute value."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, tuple(sorted(k for k, _ in attrs))))
        self.values.extend(v or "" for _, v in attrs)


def page_shapes(digest: Digest) -> dict[str, Shape]:
    shapes = {}
    for path, page in render_pages(digest, TEMPLATES).items():
        front, _, body = page.partition("\n---\n") if page.startswith("---\n") else ("", "", page)
        if front:
            yaml.safe_load(front.removeprefix("---\n"))  # front matter stays valid YAML
        shape = Shape()
        shape.feed(markdown.markdown(body, extensions=MARKDOWN_EXTENSIONS))
        shapes[path] = shape
    return shapes


PLAIN = page_shapes(digest_holding("plain words"))


# Arbitrary text rarely spells markup, so pieces of Markdown, HTML, Jinja and YAML syntax are mixed in.
SYNTAX = ["<", ">", "<b>", "</b>", "<script>", "<img src=x onerror=alert(1)>", "*", "**", "_", "`", "```", "~~~",
          "#", "# ", "[", "](", "](javascript:alert(1))", ")", "|", "{{", "}}", "{%", "%}", "{#", "\n", "\n\n", "&",
          "&amp;", "javascript:", "---", "> ", "1. ", "- ", '"', "'", ": ", "!", "\\", "!!! note", "??? x",
          "{: .x }", "<div markdown>", "    ", "\t", "[TOC]", "<!--", "-->"]
SEED_TEXT = st.lists(
    st.one_of(st.sampled_from(SYNTAX), st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=12)),
    min_size=1, max_size=12,
).map("".join).filter(lambda t: t.strip())  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SEED_TEXT)
def test_any_seed_text_leaves_every_page_the_shape_of_plain_text(text: str) -> None:
    shapes = page_shapes(digest_holding(text))
    entity_paths = {p for p in shapes if p.startswith("entities/") and p != "entities/index.md"}
    assert len(entity_paths) == 1  # the one person, under whatever slug the name gives
    for path, shape in shapes.items():
        plain = PLAIN["entities/plain-words.md" if path in entity_paths else path]
        assert shape.elements == plain.elements, path
        assert not [v for v in shape.values if v.strip().lower().startswith("javascript:")]


def two_language_digest(second: str) -> Digest:
    from digest.model import Article, Extraction, Sentence, Topic

    articles = [
        Article(id=i, file=f"{i}.txt", title=f"Report {i}", text="Body.", published="2024-01-02", source=f"Outlet {i}",
                language=language)
        for i, language in (("a", "en"), ("b", second))
    ]
    extractions = tuple(Extraction(a, (Sentence(a.id, 0, "Body.", 0, 5),)) for a in articles)
    return Digest(tuple(articles), extractions, (Topic(slug="topic", title="Report", articles=("a", "b")),))


def test_a_topic_page_names_each_outlets_language_and_what_it_cannot_read() -> None:
    page = render_pages(two_language_digest("es"), TEMPLATES)["topics/topic.md"]
    assert "language: English \\(en\\)" in page and "language: Spanish \\(es\\)" in page
    note = page.split('!!! note "Read in English only"', 1)[1].split("\n\n", 1)[0]
    assert "Outlet b" in note and "\\(in Spanish\\)" in note and "Outlet a" not in note


def test_an_english_topic_page_has_no_note_on_languages() -> None:
    page = render_pages(two_language_digest("en"), TEMPLATES)["topics/topic.md"]
    assert "Read in English only" not in page



def test_no_page_shows_a_character_reference_as_text(tmp_path: Path) -> None:
    """An apostrophe in a topic's title reaches its headings and the home page's table of contents
    as itself, never escaped twice into a visible "&#x27;"."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "quake.txt").write_text(
        "date 2025-03-02\n\nQuake in Norfenia's Wilwilava Province kills 12\n\n"
        "An earthquake struck Norfenia's Wilwilava Province on Sunday, killing 12 people.\n\n"
        "Rescuers searched the rubble through the night, the province's governor said.\n",
        encoding="utf-8",
    )
    assert build_site(seeds, tmp_path / "site") == 0
    pages = {p: p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")}
    home = pages[tmp_path / "site" / "index.html"]
    assert "Norfenia's Wilwilava" in home or "Norfenia&#39;s Wilwilava" in home
    assert [str(p.relative_to(tmp_path)) for p, html in pages.items() if re.search(r"&amp;(#\w+|[a-z]+);", html)] == []


def test_a_long_lived_process_renders_again_only_the_pages_an_edit_changes(
    parser: Parser, tmp_path: Path, resident: None
) -> None:
    """`mkdocs serve` after an editor edits one seed: the same Markdown as a fresh render, byte for
    byte, with every page that shows nothing new taken from the last render."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    before = build_digest(seeds, parser)
    first = render_pages(before, TEMPLATES)
    assert KEPT.rendered == set(first)  # nothing kept yet
    edited = sorted(seeds.iterdir())[-1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nThe mayor added that 14 roads stay closed.\n", encoding="utf-8")
    after = build_digest(seeds, parser)
    again = render_pages(after, TEMPLATES)
    memo.keep_in_memory(False)
    assert again == render_pages(after, TEMPLATES)  # what a one-off build renders
    edited_id = after.articles[-1].id
    [touched] = [t for t in after.topics if edited_id in t.articles]
    untouched = [t for t in after.topics if t is not touched]
    assert untouched  # the case: a topic the edit cannot reach
    sections = {"index.md", "topics/index.md", "sources/index.md", "entities/index.md"}
    assert sections | {f"sources/{edited_id}.md", f"topics/{touched.slug}.md"} <= KEPT.rendered
    for topic in untouched:
        reached = {f"topics/{topic.slug}.md", *(f"sources/{a}.md" for a in topic.articles)}
        assert not reached & KEPT.rendered
    assert {p for p in again if again[p] != first.get(p)} <= KEPT.rendered


def test_an_edited_template_renders_every_page_again(seeds_digest: Digest, tmp_path: Path, resident: None) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    render_pages(seeds_digest, templates)
    render_pages(seeds_digest, templates)
    assert KEPT.rendered == {"index.md", "topics/index.md", "sources/index.md", "entities/index.md"}  # the sections alone
    topic = templates / "topic.md.j2"
    topic.write_text(topic.read_text(encoding="utf-8") + "\nEdited by an editor.\n", encoding="utf-8")
    pages = render_pages(seeds_digest, templates)
    assert KEPT.rendered == set(pages)
    assert all(page.endswith("Edited by an editor.\n") for path, page in pages.items() if path.startswith("topics/") and path != "topics/index.md")


def test_a_look_up_that_cannot_be_asked_any_more_renders_the_page_again(seeds_digest: Digest) -> None:
    site = SiteView(seeds_digest)
    present = seeds_digest.articles[0].id
    assert still_true(site, [("outlet", (present,), site.outlet(present))])
    assert not still_true(site, [("outlet", ("an-article-removed-since",), "Some Outlet")])


def test_a_row_in_two_units_spans_its_values_in_the_unit_most_outlets_write() -> None:
    def speed(article: str, value: float, unit: str) -> Figure:
        return Figure(article, 0, value, f"{value:g} {unit}", None, None, Measure("speed"), "speed", unit=unit)

    group = FigureGroup("speed", "divergent", (speed("a", 120, "mph"), speed("b", 193, "km/h"), speed("c", 100, "mph")))
    assert value_range(group) == "100–120"


def test_a_remark_two_outlets_attribute_differently_shows_each_outlets_speaker(parser: Parser, tmp_path: Path) -> None:
    said = "I will not bring dishonor to the decision to spare my life and I am sorry"
    for name, speaker in (("a", "Brian Nichols"), ("b", "Brian Nichols"), ("c", "his lawyer Stephen Bright")):
        body = f'The court sentenced Brian Nichols on Friday. "{said}," {speaker} said.'
        (tmp_path / f"{name}.txt").write_text(f"Nichols sentenced to life\n\n{body}\n", encoding="utf-8")
    digest = build_digest(tmp_path, parser)
    [page] = [text for path, text in render_pages(digest, TEMPLATES).items() if path.startswith("topics/") and path != "topics/index.md"]
    assert "### Brian Nichols" in page
    assert page.count("which names Stephen Bright as the speaker") == 1
