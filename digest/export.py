"""The digest as JSON, in the shape of `digest.schema.json` (the contract readers and tools rely on)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from digest.model import Article, Claim, Digest, Figure, FigureGroup, Quote, QuoteGroup, Topic, anchor

JsonObject = dict[str, Any]


def to_json(digest: Digest) -> str:
    """Deterministic text: the same digest always gives the same bytes."""
    return json.dumps(to_document(digest), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def schema_text() -> str:
    return resources.files("digest").joinpath("digest.schema.json").read_text(encoding="utf-8")


def to_document(digest: Digest) -> JsonObject:
    topic_of = {article: topic.slug for topic in digest.topics for article in topic.articles}
    sentences = {(s.article, s.index): s.text for e in digest.extractions for s in e.sentences}
    return {
        "articles": [article_object(a, topic_of.get(a.id, "")) for a in digest.articles],
        "topics": [topic_object(t, sentences) for t in digest.topics],
        "problems": [{"file": p.file, "message": p.message} for p in digest.problems],
    }


def article_object(article: Article, topic: str) -> JsonObject:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "file": article.file,
        "topic": topic,
        "text": article.text,
        "removed": list(article.removed),
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
    }


def figure_group_object(group: FigureGroup, sentences: dict[tuple[str, int], str]) -> JsonObject:
    return {
        "label": group.label,
        "status": group.status,
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
        "measure": figure.measure,
        "noun": figure.noun,
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


def claim_object(claim: Claim) -> JsonObject:
    return {
        "text": claim.text,
        "articles": list(claim.articles),
        "sentences": [ref.text for ref in claim.refs],
        "anchors": [{"article": ref.article, "anchor": ref.anchor} for ref in claim.refs],
    }
