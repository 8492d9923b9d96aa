"""Terms a court hands down (digest.figures.terms), read off real parses of short court reports."""

from __future__ import annotations

import pytest

from digest.figures.assemble import find_figures
from digest.figures.grouping import group_figures
from digest.model import Article, Figure
from digest.nlp.sentences import split_sentences


def read(nlp, text: str, article: str = "a") -> tuple[Figure, ...]:
    item = Article(id=article, file=f"{article}.txt", title="t", text=text)
    doc = nlp(text)
    return find_figures(item, doc, split_sentences(item, doc))


def terms(nlp, text: str, article: str = "a") -> list[tuple[float, str, str]]:
    return [(f.value, str(f.unit), f.measure.thing) for f in read(nlp, text, article) if f.unit in {"year", "month"}]


@pytest.mark.parametrize("text, expected", [
    ("The court sentenced him to nine years in prison.", (9, "year", "prison term")),
    ("He was jailed for nine years on Thursday.", (9, "year", "prison term")),
    ("He must serve 9 years behind bars after judges found he took bribes.", (9, "year", "prison term")),
    ("The judge handed down a suspended sentence of 18 months.", (18, "month", "suspended sentence")),
    ("The court imposed a ten-year ban from holding office.", (10, "year", "ban")),
    ("He was banned from public office for 10 years by the court.", (10, "year", "ban")),
    ("Prosecutors had sought 12 years.", (12, "year", "prison term sought")),
    ("She faces up to 20 years in prison if convicted.", (20, "year", "maximum prison term")),
    ("Reyes could get 110 years. Judge Helen Ward will sentence him Sept. 18.", (110, "year", "maximum prison term")),
    ("The court condemned him to 7 years of prison.", (7, "year", "prison term")),  # as translations write it
    ("He received a sentence of seven years and six months.", (7.5, "year", "prison term")),  # one term
])  # fmt: skip
def test_a_term_the_clause_ties_to_a_court_is_read(nlp, text, expected):
    assert terms(nlp, text) == [expected]


@pytest.mark.parametrize("text", [
    "He served as mayor for 12 years.",
    "The court heard he had lived there for 12 years.",  # a court, but no term
    "A 64-year-old man was jailed.",
    "He was jailed three years ago.",
    "She got 12 years of experience before the court case.",
    "Four executives received sentences of between two and five years.",  # several people's band
])  # fmt: skip
def test_years_that_tell_time_age_or_a_band_are_no_term(nlp, text):
    assert terms(nlp, text) == []


def test_one_term_reported_alike_is_one_row_and_the_term_sought_another(nlp):
    figures = [
        *read(nlp, "A court sentenced former mayor Alain Girard to nine years in prison. Prosecutors had sought 12 years.", "a"),
        *read(nlp, "Alain Girard was jailed for nine years, short of the 12-year term prosecutors requested.", "b"),
        *read(nlp, "The ex-mayor must serve 9 years behind bars after the court found he took bribes.", "c"),
    ]
    groups = {g.values[0].measure.thing: sorted(f.article for f in g.values) for g in group_figures(figures)}
    assert groups == {"prison term": ["a", "b", "c"], "prison term sought": ["a", "b"]}


def test_two_people_named_with_their_terms_stay_apart(nlp):
    figures = [
        *read(nlp, "The court sentenced Alain Girard to nine years in prison.", "a"),
        *read(nlp, "The court sentenced Marc Roux to seven years in prison.", "b"),
    ]
    assert len(group_figures(figures)) == 2
