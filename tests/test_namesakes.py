"""Which full names are one person's (digest.extract.namesakes), on name keys alone: no spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from digest.extract.namesakes import cluster_people, generations, name_words, same_person


@pytest.mark.parametrize("a, b, same", [
    ("anthony blinken", "antony blinken", True),  # a transliteration's dropped h
    ("carolos papoulias", "karolos papoulias", True),
    ("charlie kafoury", "charlene kafoury", False),  # brother and sister: other consonants
    ("james g bodiford", "james bodiford", True),  # a middle initial left out
    ("mark jay heller", "mark heller", True),  # a middle name left out
    ("jay heller", "mark jay heller", False),  # the middle name is no one's first
    ("mark felt jr", "w mark felt sr", False),  # two generations
])  # fmt: skip
def test_two_full_names_are_one_person_only_as_spellings_of_one_name(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_a_generation_one_outlet_leaves_out_is_the_one_the_corpus_writes_unless_it_writes_two() -> None:
    assert len(cluster_people(["anthony lacalamita", "anthony lacalamita iii"])) == 1
    keys = ["mark felt", "mark felt jr", "mark felt sr"]
    assert generations(keys)[("mark", "felt")] == {"jr", "sr"}
    assert len(cluster_people(keys)) == 3
    assert name_words("mohamed bin abdulrahman al thani") == ["mohamed", "abdulrahman", "thani"]


def test_matching_names_needs_no_spacy() -> None:
    probe = "import sys, digest.extract.namesakes; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], check=False).returncode == 0
