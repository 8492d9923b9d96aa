"""The digest as JSON, in the shape of `digest.schema.json` (the contract readers and tools rely on)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from digest.model import (
    Article,
    Claim,
    Digest,
    Disagreement,
    Figure,
    FigureGroup,
    Outlet,
    Quote,
    QuoteGroup,
    Topic,
    anchor,
)
from digest.sources.outlets import web_address

JsonObject = dict[str, Any]
_INDENT = "    "  # an item of a top-level list, as json.dumps(indent=2) nests it


def to_json(digest: Digest) -> str:
    """Deterministic text: the same digest always gives the same bytes."""
    return "".join(iter_json(digest))


def iter_json(digest: Digest) -> Iterator[str]:
    """`to_json`'s text in pieces, one article or topic at a time: the whole document never
    exists as Python objects, nor as one string, at once."""
    yield "{"
    for k, (key, items) in enumerate(document_parts(digest)):
        yield f'{"," if k else ""}\n  {json.dumps(key)}: '
        empty = True
        for item in items:
            text = json.dumps(item, ensure_ascii=False, indent=2)
            yield ("[\n" if empty else ",\n") + "\n".join(_INDENT + line for line in text.split("\n"))
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}\n"


def write_json(digest: Digest, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.writelines(iter_json(digest))


def schema_text() -> str:
    return resources.files("digest.site").joinpath("digest.schema.json").read_text(encoding="utf-8")


def to_document(digest: Digest) -> JsonObject:
    return {key: list(items) for key, items in document_parts(digest)}


def document_parts(digest: Digest) -> list[tuple[str, Iterator[JsonObject]]]:
    """The document's top-level keys, each with its items made lazily, in order."""
    topic_of = {article: topic.slug for topic in digest.topics for article in topic.articles}
    sentences = {(s.article, s.index): s.text for e in digest.extractions for s in e.sentences}
    return [
        ("articles", (article_object(a, topic_of.get(a.id, "")) for a in digest.articles)),
        ("topics", (topic_object(t, sentences) for t in digest.topics)),
        ("problems", ({"file": p.file, "message": p.message} for p in digest.problems)),
    ]


def article_object(article: Article, topic: str) -> JsonObject:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.outlet.name if article.outlet else None,
        "url": web_address(article.url),  # checked when read; checked again, as nothing else may pass
        "outlet": outlet_object(article.outlet),
        "published": article.published,
        "language": article.language,
        "file": article.file,
        "topic": topic,
        "text": article.text,
        "removed": list(article.removed),
        "repaired": list(article.repaired),
    }


def outlet_object(outlet: Outlet | None) -> JsonObject | None:
    if outlet is None:
        return None
    return {
        "name": outlet.name,
        "homepage": web_address(outlet.homepage),
        "country": outlet.country,
        "language": outlet.language,
    }


def topic_object(topic: Topic, sentences: dict[tuple[str, int], str]) -> JsonObject:
    return {
        "slug": topic.slug,
        "title": topic.title,
        "articles": list(topic.articles),
        "dates": list(topic.dates),
        "figures": [figure_group_object(g, sentences) for g in topic.figures],
        "quotes": [quote_group_object(g) for g in topic.quotes],
        "claims": [claim_object(c) for c in topic.claims],
        "entities": [{"name": e.name, "label": e.label, "slug": e.slug} for e in topic.entities],
        "disagreements": [disagreement_object(d) for d in topic.disagreements],
    }


def figure_group_object(group: FigureGroup, sentences: dict[tuple[str, int], str]) -> JsonObject:
    return {
        "label": group.label,
        # The shared contract knows three statuses: a count that moved over days is one whose
        # values differ, told apart by its own key.
        "status": "divergent" if group.status == "progression" else group.status,
        "progression": group.status == "progression",
        "context": group.context,
        "values": [figure_object(f, sentences) for f in group.values],
    }


def figure_object(figure: Figure, sentences: dict[tuple[str, int], str]) -> JsonObject:
    return {
        "article": figure.article,
        "value": figure.value,
        "text": figure.text,
        "qualifier": figure.qualifier,
        "as_of": figure.as_of,
        "when": figure.when,
        "attribution": figure.attribution,
        "sentence": sentences.get((figure.article, figure.sentence), ""),
        "anchor": anchor(figure.sentence),
        "measure": str(figure.measure),
        "noun": figure.counted,  # the key has always held the unit of a measurement too
        "place": figure.place,
        "period": figure.period,
    }


def quote_group_object(group: QuoteGroup) -> JsonObject:
    return {"speaker": group.speaker, "variants": [quote_object(q) for q in group.variants]}


def quote_object(quote: Quote) -> JsonObject:
    return {
        "article": quote.article,
        "text": quote.text,
        "anchor": anchor(quote.sentence),
        "speaker_as_written": quote.speaker_text,
    }


def disagreement_object(disagreement: Disagreement) -> JsonObject:
    return {"kind": disagreement.kind, "sides": [claim_object(side) for side in disagreement.sides]}


def claim_object(claim: Claim) -> JsonObject:
    return {
        "text": claim.text,
        "articles": list(claim.articles),
        "sentences": [ref.text for ref in claim.refs],
        "anchors": [{"article": ref.article, "anchor": ref.anchor} for ref in claim.refs],
    }
