from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEEDS
from spacy.language import Language

from digest.nlp.parse import Parser
from digest.pipeline import build_digest
from digest.site.export import to_json


def test_a_warm_build_from_cached_extractions_equals_a_cold_one(nlp: Language, tmp_path: Path) -> None:
    cold = build_digest(SEEDS, Parser(nlp, None))
    cached = Parser(nlp, tmp_path / "cache")
    first = build_digest(SEEDS, cached)
    stored = list((tmp_path / "cache").rglob("extract-*/*/*.pickle"))
    assert len(stored) == len(first.articles)
    second = build_digest(SEEDS, cached)
    assert to_json(cold) == to_json(first) == to_json(second)


def test_a_damaged_cache_entry_is_extracted_again(nlp: Language, tmp_path: Path) -> None:
    cached = Parser(nlp, tmp_path / "cache")
    expected = to_json(build_digest(SEEDS, cached))
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert to_json(build_digest(SEEDS, cached)) == expected


def test_an_edited_seed_realigns_its_own_topic_only(nlp: Language, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    cached = Parser(nlp, tmp_path / "cache")
    first = build_digest(seeds, cached)
    topics = lambda: sorted(p.name for p in (tmp_path / "cache").rglob("topic-*/*/*.pickle"))  # noqa: E731 - a one-line probe, read again after each build
    before = topics()
    assert len(before) == len(first.topics) == 2
    seed = next(seeds.glob("003_*"))
    seed.write_text(seed.read_text(encoding="utf-8") + "\nThe ferry to Port Lantern sailed at noon.\n", encoding="utf-8")
    second = build_digest(seeds, cached)
    after = topics()
    assert len(after) == 3 and set(before) < set(after)  # one new entry: the edited seed's topic
    assert to_json(second) == to_json(build_digest(seeds, Parser(nlp, None)))


def test_worker_processes_extract_what_one_process_does(
    nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digest import workers
    from digest.extract import articles as extract
    from digest.pipeline import read_articles

    articles, _ = read_articles(SEEDS, Parser(nlp, None))
    alone = extract.extract_articles(Parser(nlp, None), articles)
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(extract, "CHUNK", 2)  # three tasks over two workers, results in order
    cached = Parser(nlp, tmp_path / "cache")
    assert extract.extract_articles(cached, articles) == alone
    assert len(list((tmp_path / "cache").rglob("extract-*/*/*.pickle"))) == len(articles)  # written by the workers


def test_a_long_lived_process_keeps_what_its_workers_extracted(nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, resident: None) -> None:
    from digest import memo, workers
    from digest.extract import articles as extract
    from digest.pipeline import read_articles

    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    parser = Parser(nlp, tmp_path / "cache")
    articles, _ = read_articles(SEEDS, parser)
    fresh = extract.extract_articles(parser, articles)
    read: list[object] = []
    monkeypatch.setattr(memo, "read_bytes", lambda path: read.append(path))
    again = extract.extract_articles(parser, articles)
    # The workers wrote the files; the next build takes each extraction from memory, the very object.
    assert read == [] and all(a is b for a, b in zip(again, fresh, strict=True))
