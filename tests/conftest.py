"""Shared fixtures: the real spaCy pipeline, loaded once, and the tests' own copy of the five seeds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from digest import memo
from digest.model import Digest
from digest.nlp.parse import Parser, load_pipeline
from digest.pipeline import build_digest

ROOT = Path(__file__).resolve().parent.parent
# The tests own this copy: editors change the project's seeds/, and no test may depend on what it holds.
SEEDS = ROOT / "tests" / "resources" / "seeds" / "articles"
# Read only by test_any_seeds.py, which checks nothing but that every seed in it builds and appears.
PROJECT_SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def parser(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Parser:
    return Parser(nlp, tmp_path_factory.mktemp("parse-cache"))


@pytest.fixture(scope="session")
def seeds_digest(parser: Parser) -> Digest:
    return build_digest(SEEDS, parser)


def build_site(seeds: Path, site: Path, *extra: str) -> int:
    """A real `python -m digest build` (MkDocs + Material) of `seeds` into `site`."""
    from digest.cli import main

    return main(["build", str(seeds), "-d", str(site), "-f", str(ROOT / "mkdocs.yml"), *extra])


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("built") / "site"
    assert build_site(SEEDS, site, "--strict") == 0
    return site


@pytest.fixture
def resident() -> Iterator[None]:
    """A long-lived process's memory (`mkdocs serve`): what memos make is kept between builds."""
    memo.keep_in_memory(True)
    yield
    memo.keep_in_memory(False)
