"""The first phase: from a seeds folder to a `Digest`, everything understood, nothing rendered.

Every stage whose result can be kept is kept (see `digest.memo`, the one cache): a rebuild re-reads the
seeds and re-clusters the corpus, but cleans, parses, extracts and aligns only what changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from digest.align.lineup import align_job
from digest.align.titles import name_topic
from digest.align.topics import cluster_topics
from digest.extract.articles import extract_articles
from digest.extract.entities import canonicalise
from digest.memo import Memo, key_of, key_of_object, release
from digest.model import Article, Digest, Extraction, Problem, Topic
from digest.nlp.encoder import load_encoder
from digest.nlp.parse import Parser
from digest.progress import Report, Tick, counter, silent
from digest.site.slug import unique_slugs
from digest.sources.clean import clean_article
from digest.sources.duplicates import drop_duplicates
from digest.sources.read import read_seeds
from digest.workers import spread


def build_digest(seeds_dir: Path, parser: Parser, report: Report = silent, remote: Remote | None = None) -> Digest:
    """The digest of a seeds folder; `report` hears how far each stage is, and `remote`, when given,
    cleans, parses and extracts what the cache lacks somewhere else (a Dask cluster, `digest.remote`)."""
    articles, problems = read_articles(seeds_dir, parser, report, remote)
    extractions = canonicalise(extract_articles(parser, articles, report, remote.extract if remote else None))
    tick = counter(report, "cluster", len(extractions))
    groups, titles = group_articles(extractions)
    tick(len(extractions))
    topics = align_groups(groups, titles, parser, report)
    release()
    return Digest(tuple(articles), extractions, topics, tuple(problems))


class Remote(Protocol):
    """Somewhere else to clean and extract: results come back in order and are cached here."""

    def clean(self, articles: Sequence[Article], tick: Tick) -> list[Article]: ...

    def extract(self, parser: Parser, articles: Sequence[Article], tick: Tick) -> list[Extraction]: ...


def read_articles(seeds_dir: Path, parser: Parser, report: Report = silent, remote: Remote | None = None) -> tuple[list[Article], list[Problem]]:
    """The seeds read, cleaned and counted once each, with every problem met on the way."""
    articles, problems = read_seeds(seeds_dir)
    # Cleaning identifies the language of every line, the slowest part of reading: kept between builds.
    memo = Memo(parser.cache_dir, "clean", "digest.sources.clean", shared=True)

    def clean(missing: list[int]) -> list[Article]:
        tick = counter(report, "clean", len(articles), len(articles) - len(missing))
        todo = [articles[i] for i in missing]
        return remote.clean(todo, tick) if remote else spread(clean_article, todo, 16, tick)

    cleaned = memo.recall_all([key_of_object(a) for a in articles], Article, clean)
    kept, duplicates = drop_duplicates(cleaned)
    return kept, problems + duplicates + too_long(kept, parser.nlp.max_length)


def too_long(articles: Sequence[Article], limit: int) -> list[Problem]:
    """Texts beyond spaCy's max_length are parsed in parts (`parse.parse_long`); the editor hears of it."""
    return [
        Problem(a.file, f"{len(a.text):,} characters is beyond spaCy's max_length of {limit:,}; parsed in parts")
        for a in articles
        if len(a.text) >= limit
    ]


def group_articles(extractions: Sequence[Extraction]) -> tuple[list[list[Extraction]], list[str]]:
    """The articles grouped into topics, newest first, and each topic's title."""
    by_id = {e.article.id: e for e in extractions}
    groups = [[by_id[i] for i in group] for group in cluster_topics(extractions)]
    groups.sort(key=lambda g: (latest_date(g), min(e.article.id for e in g)), reverse=True)
    return groups, [name_topic(group) for group in groups]


def align_groups(groups: Sequence[Sequence[Extraction]], titles: Sequence[str], parser: Parser, report: Report = silent) -> tuple[Topic, ...]:
    """Each group's figures, quotes and claims lined up; an unchanged topic is recalled, not aligned again."""
    slugs = unique_slugs(f"{first_date(g) or ''} {founder(g).article.title}" for g in groups)
    memo = Memo(parser.cache_dir / parser.key if parser.cache_dir else None, "topic", "digest.align.lineup", shared=True)
    jobs = [(slug, title, tuple(group)) for slug, title, group in zip(slugs, titles, groups)]
    # Topics are independent of each other: both cores align them.
    keys = [key_of((slug, title, tuple(map(key_of_object, group)))) for slug, title, group in jobs]
    def align(missing: list[int]) -> list[Topic]:
        # Aligning encodes figure contexts, quotes and statements: the encoder is read here, once,
        # and the forked workers inherit it (when every extraction came from the cache, the
        # extract stage never read it).
        if missing:
            load_encoder()
        tick = counter(report, "align", len(jobs), len(jobs) - len(missing), "topics")
        return spread(align_job, [jobs[i] for i in missing], 4, tick)

    return tuple(memo.recall_all(keys, Topic, align))


def founder(group: Sequence[Extraction]) -> Extraction:
    """The topic's first article (earliest date, then id), whose title the slug is made from: an
    article that arrives later never moves the topic's address, though it may change its title."""
    return min(group, key=lambda e: (e.article.published or "9999-99-99", e.article.id))


def first_date(group: Sequence[Extraction]) -> str | None:
    dates = [e.article.published for e in group if e.article.published]
    return min(dates) if dates else None


def latest_date(group: Sequence[Extraction]) -> str:
    dates = [e.article.published for e in group if e.article.published]
    return max(dates) if dates else ""
