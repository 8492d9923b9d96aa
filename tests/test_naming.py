"""Numbers that name, number or time a thing are no figures; another event's figures are context.

Real parses of short texts written for these tests (not the seeds), and grouping on hand-built figures.
"""

from __future__ import annotations

import pytest

from digest.figures.assemble import find_figures
from digest.figures.grouping import group_figures
from digest.model import Article, Figure, Measure
from digest.nlp.sentences import split_sentences


def read(nlp, text: str, published: str | None = "2026-03-10") -> tuple[Figure, ...]:
    item = Article(id="a", file="a.txt", title="t", text=text, published=published)
    doc = nlp(text)
    return find_figures(item, doc, split_sentences(item, doc))


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("The Galaxy S27 has a new 5G modem, Samsung said on Tuesday.", {5, 27}),
        ("Windows 11 users get a new app, and the phone runs Android 17.", {11, 17}),
        ("The airline ordered 10 Boeing 787-9 jets on Monday.", {787, 9, 796}),
        ("The screen has a resolution of 3120 x 1440 pixels.", {3120, 1440}),
        ("The press conference began at 14.00 in Frankfurt.", {14}),
        ("Betis beat Sevilla 2-1 with a goal from their number 10 in the minute 89.", {2, 1, 3, 10, 89}),
        ("The team has 3 players in the derby number 135 and incarnation number 12.", {135, 12}),
        ("It was one of the largest cases brought in the district.", {1}),
        ("Police found him on the Interstate 75 highway, and the airline flies two Boeing 737 jets.", {75, 737}),
        ("The epicentre was located 55.96 degrees in longitude and 26.94 degrees latitude.", {55.96, 26.94}),
        ("He mowed into the older woman with his gray 2013 Toyota Camry around 7 p.m., police said.", {7}),
        ("Police received dozens of 911 calls, and a 911 dispatcher stayed on the line.", {911}),
        ("Anyone with a fever is asked to call the SNS 24 line, and the FTSE 100 index fell.", {24, 100}),
        ("He fired a 9mm handgun, and the army fired 155mm artillery shells and a 12 gauge shotgun.", {9, 155, 12}),
        ("He stopped at the 76 station, in the 2500 block of Oregon 214.", {76, 2500, 214}),
    ],
)
def test_a_number_that_names_is_no_figure(nlp, text: str, named: set[float]) -> None:
    assert not {f.value for f in read(nlp, text)} & named


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The airline ordered 10 Boeing jets and will cut 1,200 jobs.", 1200),
        ("The phone has 12GB of memory and sold 57 million units.", 57_000_000),
        ("Police arrested 14 people before the 8:45 p.m. kick-off.", 14),
        ("Gaza toll rises to 27,708.", 27708),
        ("The fire service took 40 calls in one night.", 40),
        ("Police seized 3 guns from the house.", 3),
        ("The UN sent 40 trucks of food to the city.", 40),  # capitals before the count, not inside its phrase
        ("The 40 staff were sent home, and the 12 aircraft landed.", 40),  # a plural its singular
        ("The 40 staff were sent home, and the 12 aircraft landed.", 12),
        ("Reports said the 3 bank employees were burnt to death.", 3),  # the count hung on a compound
    ],
)
def test_a_count_beside_a_name_is_still_read(nlp, text: str, value: float) -> None:
    assert value in {f.value for f in read(nlp, text)}


@pytest.mark.parametrize(
    "text",
    [
        "In 2016, when the phone was recalled, the company took back 2.5 million phones.",
        "It was the biggest operation since 2015, when 31 people were arrested.",
        "It is the largest case since the FTX collapse, when customers lost 8,000 homes.",
        "In the corona crisis of 2020 Lufthansa had removed 29,000 jobs.",
        "In October 2013, a boat sank off Lampedusa, killing 368 people.",
    ],
)
def test_another_events_figure_is_context(nlp, text: str) -> None:
    figures = read(nlp, text)
    assert figures and all(f.context for f in figures), figures


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested 31 people on Saturday, the most since 2015.",
        "The loss shrank to 340 jobs, against 849 jobs in the first quarter of 2025.",
        "In 2026, the company will cut 1,200 jobs.",
    ],
)
def test_the_storys_own_figure_is_not_context(nlp, text: str) -> None:
    figures = read(nlp, text)
    assert figures and not any(f.context for f in figures), figures


def fig(article: str, value: float, context: bool = False) -> Figure:
    return Figure(article=article, sentence=0, value=value, text=f"{value:g}", qualifier=None, noun="people",
                  measure=Measure("killed"), label="people killed", context=context)  # fmt: skip


def test_context_figures_group_apart_and_say_so() -> None:
    groups = group_figures([fig("a", 41), fig("b", 41), fig("a", 368, True), fig("b", 368, True), fig("c", 40)])
    by_value = {frozenset(f.value for f in g.values): g for g in groups}
    assert by_value[frozenset({368})].context and by_value[frozenset({368})].status == "agreed"
    own = by_value[frozenset({40, 41})]
    assert not own.context and all(not f.context for f in own.values)


def test_a_context_figure_is_not_a_divergent_value_of_the_toll() -> None:
    groups = group_figures([fig("a", 800_000, True), fig("b", 600_000), fig("c", 600_000)])
    assert {(g.status, g.context) for g in groups} == {("agreed", False), ("single", True)}


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("A quake struck Qeshm on Sunday. The worst disaster in December 2003, in which 31,000 people were killed, is remembered.", {31000}),
        ("A quake hit on Sunday. A major earthquake killed more than 31,000 in the city of Bam in 2003.", {31000}),
        ("A quake in 2003 struck Bam on Friday. In 2003, it also injured 40 people.", set()),  # the lead's own year
        ("The firm reported losses on Monday. In 2027, the company will cut 1,200 jobs.", set()),  # a plan, not the past
    ],
)
def test_an_undated_article_s_years_frame_other_events_unless_its_lead_names_them(nlp, text: str, context: set[int]) -> None:
    figures = read(nlp, text, published=None)
    assert figures and {f.value for f in figures if f.context} == context, figures
