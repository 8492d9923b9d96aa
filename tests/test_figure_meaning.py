"""Figures grouped by what they count in context (digest.figures.meaning), on hand-built
figures and hand-built context vectors: no spaCy, no encoder."""

from __future__ import annotations

import numpy as np

from digest.figures.grouping import group_figures, nest_places
from digest.model import Figure, Measure, Within


def fig(article: str, value: float, noun: str, measure: str | None = None, **fields) -> Figure:
    base = dict(sentence=0, text=f"{value:g}", qualifier=None, label=noun)
    return Figure(article=article, value=value, noun=noun, measure=Measure(measure or noun), **{**base, **fields})


def vector(*weights: float) -> bytes:
    """A unit vector in the encoder's 512 dimensions, its first components as given."""
    row = np.zeros(512, np.float32)
    row[: len(weights)] = weights
    return (row / np.linalg.norm(row)).astype(np.float32).tobytes()


SAME = vector(1.0, 0.1)
NEAR = vector(1.0, 0.3)
FAR = vector(0.0, 1.0)


def sizes(groups) -> list[int]:
    return sorted(len(g.values) for g in groups)


def test_two_words_for_one_count_join_when_their_contexts_mean_the_same():
    officers, policemen = fig("a", 9, "officer", "injured"), fig("b", 9, "policeman")
    assert sizes(group_figures([officers, policemen])) == [1, 1]
    groups = group_figures([officers, policemen], {officers: SAME, policemen: NEAR})
    assert [(g.status, len(g.values)) for g in groups] == [("agreed", 2)]


def test_contexts_that_mean_different_things_stay_apart():
    officers, policemen = fig("a", 9, "officer", "injured"), fig("b", 9, "policeman")
    assert sizes(group_figures([officers, policemen], {officers: SAME, policemen: FAR})) == [1, 1]


def test_two_measures_said_outright_never_join_however_alike_they_read():
    killed, injured = fig("a", 6, "policeman", "killed"), fig("b", 6, "civilian", "injured")
    assert sizes(group_figures([killed, injured], {killed: SAME, injured: SAME})) == [1, 1]


def test_a_count_of_people_never_joins_a_count_of_things_however_alike_they_read():
    people, tents = fig("a", 2000, "people"), fig("b", 2000, "tent")
    assert sizes(group_figures([people, tents], {people: SAME, tents: SAME})) == [1, 1]
    pupils, children = fig("a", 87, "pupil"), fig("b", 87, "child")  # two words for people still may
    assert sizes(group_figures([pupils, children], {pupils: SAME, children: SAME})) == [2]


def test_cases_in_an_outbreak_may_be_people():
    cases, people = fig("a", 61, "case", "hospitalised"), fig("b", 61, "people", "hospitalised")
    assert sizes(group_figures([cases, people], {cases: SAME, people: NEAR})) == [2]


def test_jobs_cut_may_be_the_employees_who_lose_them():
    jobs, cuts, employees = fig("a", 1100, "job"), fig("b", 1100, "cut"), fig("c", 1100, "employee")
    (group,) = group_figures([jobs, cuts, employees], {jobs: SAME, cuts: NEAR, employees: NEAR})
    assert len(group.values) == 3
    assert group.label != "employee"  # the row says what was lost, not who works there
    factories = fig("d", 1100, "factory")  # a count of other things still never joins the people
    assert sizes(group_figures([employees, factories], {employees: SAME, factories: SAME})) == [1, 1]


def test_one_precise_value_and_one_measure_said_ease_the_bar_more_than_the_value_alone():
    first, second = vector(1.0, 0.0), vector(0.25, 0.968)  # a cosine of 0.25, under the bar
    escapees, inmates = fig("a", 25, "escapee", "at large"), fig("b", 25, "inmate", "at large")
    assert sizes(group_figures([escapees, inmates], {escapees: first, inmates: second})) == [2]
    escapees, inmates = fig("a", 25, "escapee"), fig("b", 25, "inmate")  # the value alone
    assert sizes(group_figures([escapees, inmates], {escapees: first, inmates: second})) == [1, 1]
    escapees, inmates = fig("a", 5, "escapee", "at large"), fig("b", 5, "inmate", "at large")  # a round value
    assert sizes(group_figures([escapees, inmates], {escapees: first, inmates: second})) == [1, 1]


def test_a_change_said_only_of_its_owner_may_be_the_change_another_outlet_names():
    base = dict(sentence=0, qualifier=None, noun=None, unit="%")
    owners = Figure(article="a", value=11.4, text="11.4%", measure=Measure("", owner="Hallberg", change="fall"), label="fall for Hallberg", **base)
    shares = Figure(article="b", value=11, text="more than 11%", measure=Measure("share", change="fall"), label="fall in shares", **base)
    assert sizes(group_figures([owners, shares], {owners: SAME, shares: NEAR})) == [2]
    assert sizes(group_figures([owners, shares], {owners: SAME, shares: FAR})) == [1, 1]  # the contexts still decide


def test_places_articles_windows_and_background_keep_apart():
    base = fig("a", 10, "victim", "killed", place="Gaza")
    others = [
        fig("b", 10, "person", "killed", place="Homs"),
        fig("a", 11, "casualty", "killed", sentence=3),
        fig("c", 10, "resident", "killed", period="24 hours"),
        fig("d", 10, "civilian", "killed", context=True),
    ]
    for other in others:
        assert sizes(group_figures([base, other], {base: SAME, other: SAME})) == [1, 1], other


def test_two_words_for_one_count_placed_at_two_depths_join_where_one_place_lies_in_the_other():
    workers, people = fig("a", 3, "worker", "killed", place="Stadiou Street"), fig("b", 3, "people", "killed", place="Athens")
    contexts = {workers: SAME, people: NEAR}
    assert sizes(group_figures([workers, people], contexts)) == [1, 1]
    assert sizes(group_figures([workers, people], contexts, nest_places([Within("Stadiou Street", "Athens")]))) == [2]


def test_one_count_an_article_says_twice_in_two_words_joins_the_clusters_of_both():
    lead, later = fig("a", 2, "man", "injured"), fig("a", 2, "people", "injured", sentence=5)
    partners, people = fig("b", 2, "partner", "injured"), fig("c", 2, "people", "injured")
    contexts = {lead: SAME, later: SAME, partners: SAME, people: NEAR}
    (group,) = group_figures([lead, partners, later, people], contexts)
    assert sorted(f.article for f in group.values) == ["a", "b", "c"]  # the article's count once
    women = fig("a", 2, "woman", "injured")  # "two men and two women were injured": one sentence, two counts
    assert sizes(group_figures([lead, women, fig("b", 2, "woman", "injured")], {lead: SAME, women: SAME, people: SAME})) != [3]
    other = fig("a", 3, "people", "injured", sentence=5)  # an article's two values are two quantities
    assert sizes(group_figures([lead, partners, other, fig("c", 3, "people", "injured")], dict.fromkeys([lead, partners, other], SAME))) == [2, 2]


def test_values_too_far_apart_never_join():
    abducted, held = fig("a", 250, "hostage"), fig("b", 132, "captive")
    assert sizes(group_figures([abducted, held], {abducted: SAME, held: SAME})) == [1, 1]


def test_a_level_never_joins_a_change():
    level = fig("a", 7, "%", "pay", unit="%")
    rise = Figure("b", 0, 7, "7", None, None, Measure("salary", change="rise"), "rise in salary", unit="%")
    assert sizes(group_figures([level, rise], {level: SAME, rise: SAME})) == [1, 1]


def test_of_two_clusters_that_read_alike_the_same_value_is_preferred():
    athletes = fig("a", 30500, "athlete")
    finished, started = fig("b", 27900, "runner", sentence=1), fig("b", 30500, "runner", sentence=2)
    groups = group_figures([athletes, finished, started], {athletes: SAME, finished: SAME, started: SAME})
    joined = next(g for g in groups if len(g.values) == 2)
    assert {f.value for f in joined.values} == {30500} and joined.status == "agreed"


def test_a_figure_without_a_context_vector_is_grouped_by_its_words_alone():
    officers, policemen = fig("a", 9, "officer", "injured"), fig("b", 9, "policeman")
    assert sizes(group_figures([officers, policemen], {officers: SAME})) == [1, 1]


def test_a_toll_that_moved_over_days_is_one_progression_however_each_day_words_it():
    days = [
        fig("a", 7, "people", "killed", as_of="2026-01-20"),
        fig("b", 9, "people", as_of="2026-01-21"),
        fig("c", 11, "people", "killed", as_of="2026-01-22"),
    ]
    contexts = dict(zip(days, (SAME, NEAR, SAME)))
    [group] = group_figures(days, contexts)
    assert group.status == "progression" and [f.value for f in group.values] == [7, 9, 11]
    undated = [fig("a", 7, "people", "killed"), fig("b", 9, "people"), fig("c", 11, "people", "killed")]
    assert sizes(group_figures(undated, dict(zip(undated, (SAME, NEAR, SAME))))) == [1, 2]


def test_values_apart_cost_less_closeness_the_more_days_lie_between_them():
    # contexts 0.55 alike: four killed and six victims a day apart read as two outlets'
    # disagreeing values, two days apart as a toll that rose
    four, alike = vector(1.0, 0.0), vector(0.55, (1 - 0.55**2) ** 0.5)
    for day, joined in (("2026-01-09", False), ("2026-01-10", True)):
        killed, victims = fig("a", 4, "skier", "killed", as_of="2026-01-08"), fig("b", 6, "victim", as_of=day)
        assert sizes(group_figures([killed, victims], {killed: four, victims: alike})) == ([2] if joined else [1, 1]), day


def test_one_measurement_whose_measure_word_was_misread_joins_only_at_one_value():
    section = fig("a", 80, "km/h", "section", unit="km/h")
    speed = fig("b", 80, "km/h", "speed", unit="km/h")
    faster = fig("c", 120, "km/h", "velocity", unit="km/h")
    groups = group_figures([section, speed, faster], {section: SAME, speed: NEAR, faster: SAME})
    assert sorted((len(g.values), g.values[0].value) for g in groups) == [(1, 120), (2, 80)]
    assert sizes(group_figures([section, speed], {section: SAME, speed: vector(0.5, 1.0)})) == [1, 1]


def test_one_measurement_named_two_ways_joins_where_contexts_read_as_alike_as_a_paraphrase():
    avalanche = Figure("a", 0, 300, "300 metres", None, None, Measure("width", whole=Measure("avalanche")), "avalanche in m", unit="m")
    slide = Figure("b", 0, 300, "300 metres", None, None, Measure("width", whole=Measure("slide")), "slide in m", unit="m")
    for alike, joined in ((0.57, True), (0.52, False)):
        contexts = {avalanche: vector(1.0, 0.0), slide: vector(alike, (1 - alike**2) ** 0.5)}
        assert sizes(group_figures([avalanche, slide], contexts)) == ([2] if joined else [1, 1]), alike


def test_one_precise_value_eases_the_bar_a_round_one_does_not():
    # contexts 0.33 alike: below the bar, but two outlets' 43 escapees are one count; two outlets'
    # "two" are as likely two things
    for value, joined in ((43, True), (2, False), (600, False)):
        inmates, men = fig("a", value, "inmate", "escaped"), fig("b", value, "man")
        contexts = {inmates: vector(1.0, 0.0), men: vector(0.33, (1 - 0.33**2) ** 0.5)}
        assert sizes(group_figures([inmates, men], contexts)) == ([2] if joined else [1, 1]), value


def test_a_window_one_outlet_leaves_unsaid_is_the_others_only_at_one_precise_value():
    week = fig("b", 3500, "child", period="one week")
    for value, joined in ((3500, True), (3400, False), (10, False)):
        vaccinated = fig("a", value, "child")
        other = week if value != 10 else fig("b", 10, "child", period="one week")
        assert sizes(group_figures([vaccinated, other], {vaccinated: SAME, other: SAME})) == ([2] if joined else [1, 1]), value


def test_only_figures_another_cluster_may_join_are_encoded_and_in_one_call():
    officers, policemen = fig("a", 9, "officer", "injured"), fig("b", 9, "policeman")
    alone = [fig("c", 4, "km", "length", unit="km"), fig("a", 250, "hostage", sentence=2)]
    calls: list[list[Figure]] = []

    def encode(figures):
        calls.append(list(figures))
        return {f: SAME if f is officers else NEAR for f in figures}

    groups = group_figures([officers, policemen, *alone], encode)
    assert [sorted(f.article for f in c) for c in calls] == [["a", "b"]]
    assert sorted(len(g.values) for g in groups) == [1, 1, 2]


def test_encoded_on_demand_the_groups_are_those_of_every_context_given():
    days = [fig("a", 7, "people", "killed", as_of="2026-01-20"), fig("b", 9, "people", as_of="2026-01-21"),
            fig("c", 11, "people", "killed", as_of="2026-01-22"), fig("d", 40, "tonne", unit="t")]
    contexts = dict(zip(days, (SAME, NEAR, SAME, FAR)))
    assert group_figures(days, lambda figures: {f: contexts[f] for f in figures}) == group_figures(days, contexts)


def test_a_figure_the_encoder_gives_no_vector_joins_nothing_by_meaning():
    officers, policemen = fig("a", 9, "officer", "injured"), fig("b", 9, "policeman")
    assert sizes(group_figures([officers, policemen], lambda figures: {officers: SAME})) == [1, 1]
