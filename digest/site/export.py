"""The digest as JSON, in the shape of `digest.schema.json` (the contract readers and tools rely on)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from digest.memo import ByIdentity
from digest.model import (
    Article,
    Claim,
    Digest,
    Disagreement,
    Figure,
    FigureGroup,
    Outlet,
    Problem,
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
    for k, (key, items) in enumerate(document_texts(digest)):
        yield f'{"," if k else ""}\n  {json.dumps(key)}: '
        empty = True
        for text in items:
            yield ("[\n" if empty else ",\n") + text
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}\n"


def item_text(item: JsonObject) -> str:
    """One item of a top-level list, indented as json.dumps(indent=2) nests it."""
    text = json.dumps(item, ensure_ascii=False, indent=2)
    return "\n".join(_INDENT + line for line in text.split("\n"))


# Each article's and topic's text, by the object it was made from and what else it reads:
# under `mkdocs serve` an edit leaves all but a few of them as they were, and dumping them
# all again was 1.3 s of every rebuild at 1,000 articles.
_ARTICLE_TEXTS: ByIdentity[tuple[str, str]] = ByIdentity(resident_only=True)
_TOPIC_TEXTS: ByIdentity[tuple[tuple[str, ...], str]] = ByIdentity(resident_only=True)


def document_texts(digest: Digest) -> list[tuple[str, Iterator[str]]]:
    """`document_parts` as text, each item recalled where its object and what it reads are the same."""
    topic_of, sentences = look_ups(digest)
    return [
        ("articles", (article_text(a, topic_of.get(a.id, "")) for a in digest.articles)),
        ("topics", (topic_text(t, sentences) for t in digest.topics)),
        ("problems", (item_text(problem_object(p)) for p in digest.problems)),
    ]


def article_text(article: Article, topic: str) -> str:
    known = _ARTICLE_TEXTS.get(article)
    if known is not None and known[0] == topic:
        return known[1]
    return _ARTICLE_TEXTS.put((topic, item_text(article_object(article, topic))), article)[1]


def topic_text(topic: Topic, sentences: dict[tuple[str, int], str]) -> str:
    quoted = tuple(sentences.get((f.article, f.sentence), "") for g in topic.figures for f in g.values)
    known = _TOPIC_TEXTS.get(topic)
    if known is not None and known[0] == quoted:
        return known[1]
    return _TOPIC_TEXTS.put((quoted, item_text(topic_object(topic, sentences))), topic)[1]


def write_json(digest: Digest, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.writelines(iter_json(digest))


def schema_text() -> str:
    return resources.files("digest.site").joinpath("digest.schema.json").read_text(encoding="utf-8")


def to_document(digest: Digest) -> JsonObject:
    return {key: list(items) for key, items in document_parts(digest)}


def document_parts(digest: Digest) -> list[tuple[str, Iterator[JsonObject]]]:
    """The document's top-level keys, each with its items made lazily, in order."""
    topic_of, sentences = look_ups(digest)
    return [
        ("articles", (article_object(a, topic_of.get(a.id, "")) for a in digest.articles)),
        ("topics", (topic_object(t, sentences) for t in digest.topics)),
        ("problems", (problem_object(p) for p in digest.problems)),
    ]


def look_ups(digest: Digest) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
    """Each article's topic slug, and each sentence's text by (article, index)."""
    topic_of = {article: topic.slug for topic in digest.topics for article in topic.articles}
    sentences = {(s.article, s.index): s.text for e in digest.extractions for s in e.sentences}
    return topic_of, sentences


def problem_object(problem: Problem) -> JsonObject:
    return {"file": problem.file, "message": problem.message}


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
