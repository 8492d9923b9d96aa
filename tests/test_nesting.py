"""Which places an article writes one within another, read with the real model."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from digest.figures.nesting import find_nesting, home_country, within_home
from digest.model import Within
from digest.nlp.parse import Parser
from digest.pipeline import build_digest


@pytest.mark.parametrize("text, inner, outer", [
    ("The quake jolted part of Qeshm island in the Gulf at 17:06 pm.", "Qeshm", "Gulf"),
    ("A blaze broke out at the bank, on Stadiou Street, downtown Athens.", "Stadiou Street", "Athens"),
    ("The shooting happened in Troy, Michigan, police said.", "Troy", "Michigan"),
    ("The earthquake hit Zarand in Iran's Kerman province.", "Kerman province", "Iran"),
    ("The quake razed villages on the Persian Gulf island of Qeshm on Sunday.", "Qeshm", "Persian Gulf"),
])  # fmt: skip
def test_a_place_written_within_another_is_read(nlp: Language, text: str, inner: str, outer: str) -> None:
    assert Within(inner, outer) in find_nesting(nlp(text))


@pytest.mark.parametrize("text", [
    "Protesters marched in Athens, Thessaloniki and Patras.",  # a list
    "Israeli strikes in Gaza killed 20, while Israel counted 1,200 dead.",  # no place under a place
    "Ten people died in the Syrian city of Homs and 27,708 in Gaza.",  # "in Gaza" is the second clause's
])  # fmt: skip
def test_places_side_by_side_are_not_nested(nlp: Language, text: str) -> None:
    assert find_nesting(nlp(text)) == ()


def groups_of(parser: Parser, folder: Path, *bodies: str) -> list[list[tuple[str, float]]]:
    for i, body in enumerate(bodies):
        (folder / f"a{i}.txt").write_text(f"Bank fire kills three in Athens\n\n{body}\n", encoding="utf-8")
    digest = build_digest(folder, parser)
    return sorted([(f.article, f.value) for f in g.values] for t in digest.topics for g in t.figures)


def test_a_toll_placed_at_two_depths_is_one_row_but_a_sibling_citys_crowd_is_not(parser: Parser, tmp_path: Path) -> None:
    groups = groups_of(
        parser,
        tmp_path,
        "Three bank workers were killed in Athens on Wednesday. About 20,000 people marched in Athens.",
        "Three bank employees died on Stadiou Street, downtown Athens, on Wednesday. Some 20,000 people marched in the northern city of Thessaloniki.",
    )
    assert [("a0", 3.0), ("a1", 3.0)] in groups
    assert [("a0", 20000.0)] in groups and [("a1", 20000.0)] in groups


def test_the_country_most_articles_name_is_the_storys_home() -> None:
    named = [["Greece", "Athens"], ["Greece", "Germany"], ["Athens", "Greece"], ["Stadiou Street"]]
    assert home_country(named) == "Greece"
    assert home_country([["Greece"], ["Germany"], ["Greece", "Germany"]]) is None  # no country twice the other
    assert home_country([["Greece"], ["Athens"], ["Athens"]]) is None  # named by too few articles
    assert home_country([["Athens"], ["Troy", "Michigan"]]) is None  # no country at all
    assert within_home(["Athens", "Germany", "Athens"], named) == (Within("Athens", "Greece"),)  # a country holds no country


def test_a_toll_placed_in_the_country_and_in_its_capital_is_one_row(parser: Parser, tmp_path: Path) -> None:
    groups = groups_of(
        parser,
        tmp_path,
        "Three bank workers were killed in Athens on Wednesday during a general strike in Greece.",
        "Three people were killed in Greece on Wednesday as protesters set fire to a bank in the Greek capital.",
        "Greece's parliament backed austerity. Three bank employees died in Athens, police said.",
    )
    assert [("a0", 3.0), ("a1", 3.0), ("a2", 3.0)] in groups
