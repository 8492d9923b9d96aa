"""The pipeline: a topic's address survives the arrival of more reports of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

from digest.nlp.parse import Parser
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


def test_an_article_beyond_max_length_is_parsed_in_parts_and_reported(
    parser: Parser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraph = "The harbour board met on Monday and agreed to repair the north pier before winter. "
    (tmp_path / "long.txt").write_text("Harbour repairs agreed\n\n" + "\n\n".join([paragraph] * 40), encoding="utf-8")
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], tmp_path)
    monkeypatch.setattr(parser.nlp, "max_length", 1000)
    digest = build_digest(tmp_path, parser)
    (problem,) = [p for p in digest.problems if p.file == "long.txt"]
    assert "max_length" in problem.message and "parsed in parts" in problem.message
    assert "long" in {a.id for a in digest.articles}
