"""The search index a phone can load: each sentence once, on its source page; topic pages indexed
by what only they hold (title, figures, quotes, outlets), not by the sentences they repeat."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

REPEATING = {"Shared facts", "Disagreements", "Reported by one outlet"}


def index_docs(site: Path) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return docs


def test_sections_that_repeat_article_sentences_stay_out_of_the_index(built_site: Path) -> None:
    topic_pages = {p.parent.name for p in (built_site / "topics").glob("*/index.html")}
    html = {name: (built_site / "topics" / name / "index.html").read_text(encoding="utf-8") for name in topic_pages}
    assert any('id="shared-facts"' in page for page in html.values())  # the sections exist on the pages
    indexed = [d for d in index_docs(built_site) if d["location"].startswith("topics/")]
    assert not [d["location"] for d in indexed if d["title"] in REPEATING]
    assert {d["location"].split("/")[1] for d in indexed} - {""} == topic_pages  # every topic page is still found ("" is the list)
    assert any(d["title"] == "Figures" for d in indexed)


def test_every_shared_sentence_is_still_indexed_on_its_source_page(built_site: Path) -> None:
    digest = json.loads((built_site / "digest.json").read_text(encoding="utf-8"))
    sources = html.unescape(" ".join(d["text"] for d in index_docs(built_site) if d["location"].startswith("sources/")))
    shared = [s for t in digest["topics"] for c in t["claims"] for s in c["sentences"]]
    assert shared and [s for s in shared if s not in sources] == []
