"""Byte for byte: the pipeline gives each golden set the very `digest.json` stored for it.

A refactor must pass this unchanged. A change meant to alter the output regenerates the files
with `python -m digest_tools.golden --update` (or `make golden`) and commits them beside it, so
the review shows what moved.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from digest.nlp.parse import Parser
from digest_tools.golden import build, difference, golden_path, golden_sets, store, stored

SETS = golden_sets()


def test_every_labelled_set_and_the_seeds_have_a_golden_file() -> None:
    assert {"seeds", "dev", "dev2", "eval", "heldout"} <= set(SETS)
    for name in SETS:
        assert golden_path(name).is_file(), f"{name}: run python -m digest_tools.golden --update"


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_digest_is_byte_identical_to_the_golden_file(parser: Parser, name: str) -> None:
    now, golden = build(SETS[name], parser), stored(name)
    assert now == golden, f"{name}: digest.json changed\n" + difference(golden, now)


def test_the_summary_names_the_changed_line() -> None:
    summary = difference(b'{\n  "a": 1\n}\n', b'{\n  "a": 2\n}\n')
    assert '-  "a": 1' in summary and '+  "a": 2' in summary and "2 lines differ" in summary


def test_storing_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("digest_tools.golden.GOLDEN", tmp_path)
    store("x", b"same")
    first = (tmp_path / "x.json.gz").read_bytes()
    store("x", b"same")
    assert (tmp_path / "x.json.gz").read_bytes() == first and gzip.decompress(first) == b"same"
