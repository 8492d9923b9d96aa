"""The pipeline: a topic's address survives the arrival of more reports of it."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SEEDS

from digest.parse import Parser
from digest.pipeline import build_digest


def slug_of(seeds: Path, parser: Parser, article_prefix: str) -> str:
    digest = build_digest(seeds, parser)
    return next(t.slug for t in digest.topics if any(a.startswith(article_prefix) for a in t.articles))


def test_a_topic_keeps_its_slug_when_later_outlets_join_it(parser: Parser, tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    for path in seeds[:2]:
        shutil.copy(path, tmp_path / path.name)
    before = slug_of(tmp_path, parser, "000")
    for path in seeds[2:]:
        shutil.copy(path, tmp_path / path.name)
    assert slug_of(tmp_path, parser, "000") == before
