"""`publish_text: excerpts`: no sentence the digest does not cite is published anywhere in the site."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import SEEDS, build_site

from digest.model import Digest
from digest.site.excerpts import cited_refs, excerpted
from digest.site.export import schema_text, to_document

TAG = re.compile(r"<[^>]+>")
QUOTES = re.compile(r"[\"“”‘’«»]")


def flat(text: str) -> str:
    return " ".join(text.split())


def bare(text: str) -> str:
    return flat(QUOTES.sub("", text))


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def published_text(site: Path) -> str:
    """Every word a reader, a crawler or a search box can get from the site, tags and escapes undone."""
    parts = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".xml", ".js")):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            parts.extend(html.unescape(TAG.sub(" ", s)) for s in strings(json.loads(text)))
        else:
            parts.append(html.unescape(TAG.sub(" ", text)))
    return flat("\n".join(parts))


def uncited(digest: Digest) -> list[str]:
    """The seeds' sentences the digest cites nowhere: not a headline (pages are titled by them), not
    a cited sentence's part, not the words of a cited quote that runs on past its opening sentence."""
    cited = cited_refs(digest.topics)
    titles = {bare(a.title) for a in digest.articles} | {bare(t.title) for t in digest.topics}
    kept = {bare(s.text) for e in digest.extractions for s in e.sentences if (s.article, s.index) in cited}
    kept |= {bare(q.text) for t in digest.topics for g in t.quotes for q in g.variants}
    return sorted({
        flat(s.text) for e in digest.extractions for s in e.sentences
        if (s.article, s.index) not in cited and bare(s.text) not in titles and not any(bare(s.text) in k for k in kept)
    })  # fmt: skip


def test_the_excerpted_digest_keeps_every_cited_sentence_and_its_anchor(seeds_digest: Digest) -> None:
    cut = excerpted(seeds_digest)
    cited = cited_refs(seeds_digest.topics)
    kept = {(s.article, s.index) for e in cut.extractions for s in e.sentences}
    assert kept == cited and uncited(seeds_digest)
    for extraction in cut.extractions:
        for sentence in extraction.sentences:
            assert extraction.article.text[sentence.start : sentence.end] == sentence.text
    jsonschema.validate(to_document(cut), json.loads(schema_text()))


@pytest.mark.slow
def test_no_uncited_sentence_of_any_seed_appears_anywhere_in_the_site(tmp_path: Path, seeds_digest: Digest) -> None:
    site = tmp_path / "site"
    assert build_site(SEEDS, site, "--strict", "--publish-text", "excerpts") == 0
    text = published_text(site)
    hidden = uncited(seeds_digest)
    assert len(hidden) > 10
    leaked = [s for s in hidden if s in text]
    assert not leaked, leaked[:3]
    # What is cited is still there, on its source page, under its anchor.
    some = next(s for e in seeds_digest.extractions for s in e.sentences if (s.article, s.index) in cited_refs(seeds_digest.topics))
    page = (site / "sources" / some.article / "index.html").read_text(encoding="utf-8")
    assert f'id="{some.anchor}"' in page and "Excerpts: only the sentences" in page
    exported = json.loads((site / "digest.json").read_text(encoding="utf-8"))
    jsonschema.validate(exported, json.loads(schema_text()))
