"""The first phase: from a seeds folder to a `Digest`, everything understood, nothing rendered."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from digest.claims import group_claims
from digest.clean import clean_article
from digest.cluster import cluster_topics, name_topic
from digest.duplicates import drop_duplicates
from digest.entities import canonicalise
from digest.extract import extract_articles
from digest.figures import group_figures
from digest.model import Digest, EntityRef, Extraction, Topic
from digest.parse import Parser
from digest.quotes import group_quotes
from digest.read import read_seeds
from digest.slug import slugify, unique_slugs


def build_digest(seeds_dir: Path, parser: Parser) -> Digest:
    articles, problems = read_seeds(seeds_dir)
    articles, duplicates = drop_duplicates([clean_article(a) for a in articles])
    problems.extend(duplicates)
    extractions = canonicalise(extract_articles(parser, articles))
    topics = make_topics(extractions)
    return Digest(tuple(articles), extractions, topics, tuple(problems))


def make_topics(extractions: Sequence[Extraction]) -> tuple[Topic, ...]:
    by_id = {e.article.id: e for e in extractions}
    groups = [[by_id[i] for i in group] for group in cluster_topics(extractions)]
    groups.sort(key=lambda g: (latest_date(g), min(e.article.id for e in g)), reverse=True)
    titles = [name_topic(group) for group in groups]
    slugs = unique_slugs(f"{first_date(g) or ''} {t}" for g, t in zip(groups, titles))
    return tuple(make_topic(slug, title, g) for slug, title, g in zip(slugs, titles, groups))


def make_topic(slug: str, title: str, group: Sequence[Extraction]) -> Topic:
    dates = sorted({e.article.published for e in group if e.article.published})
    return Topic(
        slug=slug,
        title=title,
        articles=tuple(sorted(e.article.id for e in group)),
        dates=(dates[0], dates[-1]) if dates else (),
        figures=group_figures([f for e in group for f in e.figures]),
        quotes=group_quotes([q for e in group for q in e.quotes]),
        claims=group_claims(group),
        entities=topic_entities(group),
    )


def topic_entities(group: Sequence[Extraction]) -> tuple[EntityRef, ...]:
    seen: dict[str, str] = {}
    for mention in (m for e in group for m in e.mentions):
        seen.setdefault(mention.canonical, mention.label)
    return tuple(EntityRef(n, seen[n], slugify(n)) for n in sorted(seen))


def first_date(group: Sequence[Extraction]) -> str | None:
    dates = [e.article.published for e in group if e.article.published]
    return min(dates) if dates else None


def latest_date(group: Sequence[Extraction]) -> str:
    dates = [e.article.published for e in group if e.article.published]
    return max(dates) if dates else ""
