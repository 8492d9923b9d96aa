"""Topics: group the articles that report the same event, and name each group."""

from __future__ import annotations

from collections.abc import Sequence

from digest.model import Extraction


def cluster_topics(extractions: Sequence[Extraction]) -> tuple[tuple[str, ...], ...]:
    """Placeholder until alignment lands: one topic per article."""
    return tuple((e.article.id,) for e in extractions)


def name_topic(extractions: Sequence[Extraction]) -> str:
    """Placeholder until alignment lands: the earliest article's title."""
    first = min(extractions, key=lambda e: (e.article.published or "9999", e.article.id))
    return first.article.title
