from __future__ import annotations

from pathlib import Path

from conftest import SEEDS
from spacy.language import Language

from digest.export import to_json
from digest.parse import Parser
from digest.pipeline import build_digest


def test_a_warm_build_from_cached_extractions_equals_a_cold_one(nlp: Language, tmp_path: Path) -> None:
    cold = build_digest(SEEDS, Parser(nlp, None))
    cached = Parser(nlp, tmp_path / "cache")
    first = build_digest(SEEDS, cached)
    stored = list((tmp_path / "cache").rglob("*.pickle"))
    assert len(stored) == len(first.articles)
    second = build_digest(SEEDS, cached)
    assert to_json(cold) == to_json(first) == to_json(second)


def test_a_damaged_cache_entry_is_extracted_again(nlp: Language, tmp_path: Path) -> None:
    cached = Parser(nlp, tmp_path / "cache")
    expected = to_json(build_digest(SEEDS, cached))
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert to_json(build_digest(SEEDS, cached)) == expected
