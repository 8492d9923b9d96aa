"""A toll given for different days is one row in date order, shown rising on the topic page.

Grouping on hand-built figures; the page built by the real MkDocs build from three short articles
written for this test and opened in Debian's chromium.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import build_site
from test_browser import QuietHandler, browser, opened_page  # noqa: F401  # `browser` is a fixture

from digest.figures.grouping import group_figures
from digest.model import Figure, Measure
from digest.pipeline import build_digest
from digest.site.export import to_document
from digest.site.progression import progression

CONTRACT = Path(__file__).resolve().parent / "resources" / "contract" / "digest.schema.json"

ARTICLES = {
    "a.txt": "date 2026-03-09\nCoach crash near Lyon kills nine\n\nLYON (Wire) — Nine people were killed on Monday "
             "when a coach carrying tourists crashed near Lyon, police said.\n",
    "b.txt": "date 2026-03-10\nLyon coach crash toll rises to 11\n\nThe death toll from the coach crash near Lyon rose "
             "to 11 on Tuesday, police said. The coach had left the motorway.\n",
    "c.txt": "date 2026-03-11\nLyon coach crash: 13 dead\n\nThirteen people have now died after the coach crash near "
             "Lyon, police said on Wednesday. Investigators are examining the motorway.\n",
}  # fmt: skip


def fig(article: str, value: float, as_of: str | None) -> Figure:
    return Figure(article=article, sentence=0, value=value, text=f"{value:g}", qualifier=None, noun="people",
                  measure=Measure("killed"), label="people killed", as_of=as_of)  # fmt: skip


def test_values_of_different_days_are_a_progression_in_date_order() -> None:
    (group,) = group_figures([fig("c", 13, "2026-03-11"), fig("a", 9, "2026-03-09"), fig("b", 11, "2026-03-10")])
    assert group.status == "progression"
    assert [f.value for f in group.values] == [9, 11, 13]
    assert "9 (9 Mar) → 11 (10 Mar) → 13 (11 Mar)" in progression(group)
    assert "rising from 9 to 13" in progression(group)


def test_a_toll_that_triples_over_three_days_is_one_row_but_not_on_one_day() -> None:
    (group,) = group_figures([fig("a", 22, "2026-06-19"), fig("b", 41, "2026-06-20"), fig("c", 65, "2026-06-21")])
    assert group.status == "progression" and [f.value for f in group.values] == [22, 41, 65]
    assert len(group_figures([fig("a", 22, "2026-06-19"), fig("b", 65, "2026-06-19")])) == 2  # one day: two quantities
    assert len(group_figures([fig("a", 22, "2026-06-01"), fig("b", 650, "2026-06-21")])) == 2  # three weeks do not make 30x


def test_a_value_whose_sentence_names_no_day_holds_for_the_article_date() -> None:
    undated = Figure(article="d", sentence=0, value=65, text="65", qualifier=None, noun="people",
                     measure=Measure("killed"), label="people killed", published="2026-06-21")  # fmt: skip
    (group,) = group_figures([fig("a", 22, "2026-06-19"), fig("b", 41, "2026-06-20"), undated])
    assert group.status == "progression" and [f.value for f in group.values] == [22, 41, 65]
    assert "→ 65 (21 Jun)" in progression(group)
    same_day = Figure(**{**undated.__dict__, "published": "2026-06-19"})
    assert len(group_figures([fig("a", 22, "2026-06-19"), same_day])) == 2  # one day: two quantities


@pytest.mark.parametrize(
    "figures",
    [
        [fig("a", 9, "2026-03-09"), fig("b", 11, "2026-03-09")],  # two values for one day
        [fig("a", 9, "2026-03-09"), fig("b", 11, None)],  # one undated: they may disagree
        [fig("a", 27708, None), fig("b", 27585, None)],  # the seeds' Gaza toll: undated, divergent
    ],
)
def test_values_that_disagree_on_a_day_or_undated_stay_divergent(figures: list[Figure]) -> None:
    (group,) = group_figures(figures)
    assert group.status == "divergent" and str(progression(group)) == ""


@pytest.fixture(scope="module")
def toll_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("toll") / "seeds"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


def test_digest_json_marks_the_progression_and_keeps_the_contract(parser, toll_seeds: Path) -> None:
    import jsonschema

    document = to_document(build_digest(toll_seeds, parser))
    jsonschema.validate(document, json.loads(CONTRACT.read_text(encoding="utf-8")))
    (group,) = [g for t in document["topics"] for g in t["figures"] if g["progression"]]
    assert group["status"] == "divergent" and [v["as_of"] for v in group["values"]] == ["2026-03-09", "2026-03-10", "2026-03-11"]


@pytest.fixture(scope="module")
def toll_site(toll_seeds: Path) -> Iterator[str]:
    seeds = toll_seeds
    site = seeds.parent / "site"
    assert build_site(seeds, site, "--strict") == 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    topic = next((site / "topics").glob("*/index.html")).parent.name
    yield f"http://127.0.0.1:{server.server_address[1]}/topics/{topic}/"
    server.shutdown()


@pytest.mark.browser
def test_the_topic_page_shows_the_toll_rising(browser, request: pytest.FixtureRequest, toll_site: str) -> None:  # noqa: F811
    with opened_page(browser, request, viewport={"width": 1280, "height": 900}) as page:
        page.goto(toll_site)
        row = page.locator("tr", has=page.locator(".digest-status.digest-progression"))
        assert row.count() == 1
        assert row.locator(".digest-sequence").inner_text() == "9 (9 Mar) → 11 (10 Mar) → 13 (11 Mar)"
        # The chart rises: each day's point is drawn higher (smaller y) than the day before.
        ys = [float(c.get_attribute("cy") or "nan") for c in row.locator("svg.digest-sparkline circle").all()]
        assert len(ys) == 3 and ys[0] > ys[1] > ys[2]
        assert row.locator("svg.digest-sparkline").is_visible()
        # The sequence stays in its own cell: it never runs under the status beside it.
        sequence, status = row.locator(".digest-sequence").bounding_box(), row.locator(".digest-status").bounding_box()
        assert sequence and status and sequence["x"] + sequence["width"] <= status["x"]
        # The outlets' values are listed in date order too.
        values = row.locator("td").nth(1).locator("strong").all_inner_texts()
        assert values == ["Nine", "11", "Thirteen"]


def test_an_earlier_value_given_on_a_day_does_not_stand_for_that_day() -> None:
    def batches(article: str, value: float, day: str, text: str | None = None) -> Figure:
        return Figure(article=article, sentence=0, value=value, text=text or f"{value:g}", qualifier=None, noun="batch",
                      measure=Measure("batch"), label="batches", published=day)  # fmt: skip

    figures = [batches("a", 37, "2026-06-02"), batches("c", 52, "2026-06-04"), batches("c", 37, "2026-06-04", "from 37")]
    (group,) = group_figures(figures)
    assert group.status == "progression"
    assert "37 (2 Jun) → 52 (4 Jun)" in progression(group)


def test_days_known_only_from_the_articles_make_a_progression_only_of_a_count_that_never_falls() -> None:
    def dated(article: str, value: float, day: str, **fields: object) -> Figure:
        base: dict[str, object] = {"noun": "people", "measure": Measure("killed"), "label": "people killed"}
        return Figure(article=article, sentence=0, value=value, text=f"{value:g}", qualifier=None, published=day, **{**base, **fields})

    (rising,) = group_figures([dated("a", 9, "2026-03-09"), dated("b", 11, "2026-03-10")])
    assert rising.status == "progression"
    seats = {"noun": "seat", "measure": Measure("seat"), "label": "seats"}
    (falling,) = group_figures([dated("a", 21, "2026-03-09", **seats), dated("b", 20, "2026-03-10", **seats)])
    assert falling.status == "divergent"  # two outlets' seat counts a day apart disagree
    turnout = {"noun": None, "unit": "%", "measure": Measure("turnout"), "label": "turnout"}
    (level,) = group_figures([dated("a", 61, "2026-03-09", **turnout), dated("b", 61.4, "2026-03-10", **turnout)])
    assert level.status == "divergent"  # a level measured once, written by two outlets
