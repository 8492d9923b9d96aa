"""The search index a phone can load: a topic is found by its title, outlets, first shared facts, figures
and quotes; an article by its headline, outlet and lead; an entity by its name. What the pages repeat
(folded facts, disagreements, single-outlet statements, an entity's topics and quotes, the home's
summaries, the tags page) and the rest of each article's text stay out."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

REPEATING = {"Shared facts", "Disagreements", "Reported by one outlet"}
# The sentences of an article the index holds: its lead.
LEAD = 3
SENTENCE = re.compile(r'<span id="s(\d+)" class="digest-sentence[^"]*"[^>]*>(.*?)</span>', re.S)
SHOWN_FACTS = 5


def index_docs(site: Path) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return docs


def indexed_text(site: Path, prefix: str) -> str:
    return html.unescape(" ".join(d["title"] + " " + d["text"] for d in index_docs(site) if d["location"].startswith(prefix)))


def sentences_of(source_page: Path) -> dict[int, str]:
    return {int(i): html.unescape(text) for i, text in SENTENCE.findall(source_page.read_text(encoding="utf-8"))}


def test_sections_that_repeat_article_sentences_stay_out_of_the_index(built_site: Path) -> None:
    topic_pages = {p.parent.name for p in (built_site / "topics").glob("*/index.html")}
    html_pages = {name: (built_site / "topics" / name / "index.html").read_text(encoding="utf-8") for name in topic_pages}
    assert any('id="disagreements"' in page or 'id="reported-by-one-outlet"' in page for page in html_pages.values())
    indexed = [d for d in index_docs(built_site) if d["location"].startswith("topics/")]
    assert not [d["location"] for d in indexed if d["title"] in REPEATING - {"Shared facts"}]
    assert {d["location"].split("/")[1] for d in indexed} - {""} == topic_pages  # every topic page is still found ("" is the list)
    assert any(d["title"] == "Figures" for d in indexed)


def test_a_topic_is_found_by_the_facts_it_shows_first_and_not_by_the_folded_ones(built_site: Path) -> None:
    topics = json.loads((built_site / "digest.json").read_text(encoding="utf-8"))["topics"]
    docs = {d["location"]: html.unescape(d["text"]) for d in index_docs(built_site)}
    checked = 0
    for topic in topics:
        shared = [c["text"] for c in topic["claims"] if len(c["articles"]) >= 2]
        if not shared:
            continue
        entry = docs[f"topics/{topic['slug']}/#shared-facts"]
        assert all(text in entry for text in shared[:SHOWN_FACTS]), topic["slug"]
        assert not [text for text in shared[SHOWN_FACTS:] if text not in shared[:SHOWN_FACTS] and text in entry]
        checked += 1
    assert checked


def test_an_article_is_indexed_by_its_headline_and_lead_not_its_whole_text(built_site: Path) -> None:
    articles = json.loads((built_site / "digest.json").read_text(encoding="utf-8"))["articles"]
    left_out = 0
    for article in articles:
        page = built_site / "sources" / article["id"] / "index.html"
        entry = indexed_text(built_site, f"sources/{article['id']}/")
        sentences = sentences_of(page)
        assert article["title"] in entry
        assert all(text in entry for i, text in sentences.items() if i < LEAD), article["id"]
        rest = [text for i, text in sentences.items() if i >= LEAD and text not in {t for j, t in sentences.items() if j < LEAD}]
        assert not [text for text in rest if text in entry], article["id"]
        left_out += len(rest)
    assert left_out  # the fixtures' articles are longer than their leads


def test_pages_that_repeat_the_topics_stay_out_of_the_index(built_site: Path) -> None:
    locations = {d["location"] for d in index_docs(built_site)}
    assert not [loc for loc in locations if loc.startswith("#") and loc != "#"]  # the home's topic summaries
    assert not [loc for loc in locations if loc.startswith("tags/")]
    assert not [loc for loc in locations if loc.startswith("entities/") and loc.endswith(("#topics", "#quotes"))]
    assert [loc for loc in locations if loc.startswith("entities/")]  # each entity is still found by its name
