"""Topics: one event per topic, on the seeds and on short articles about other events."""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import replace

import pytest

from digest.align import topics
from digest.align.linkage import average_linkage
from digest.align.titles import clean_title, is_dateline, name_topic, shorten
from digest.align.topics import (
    GROUP_ATTACH,
    GROUP_NAMES,
    THRESHOLD,
    Profile,
    Remark,
    attach_small,
    candidate_pairs,
    clocks_agree,
    cluster_topics,
    find_clocks,
    find_series,
    gap_penalty,
    latest_mentioned_date,
    near_figures,
    quote_overlap,
    series_agree,
)
from digest.extract.articles import extract_article
from digest.extract.entities import canonicalise
from digest.memo import sweep_memory
from digest.model import Article, Digest, Extraction, Sentence
from digest.nlp.parse import Parser, parse_texts


def extract(parser: Parser, specs: list[tuple[str, str, str | None, str]]) -> tuple[Extraction, ...]:
    """Articles (id, text whose first line is the title, published, language) through the real model."""
    articles = [
        Article(id=i, file=f"{i}.txt", title=text.split("\n")[0], text=text.split("\n", 1)[1].strip(),
                published=published, language=language)
        for i, text, published, language in specs
    ]
    docs = parse_texts(parser, [a.text for a in articles])
    return canonicalise([extract_article(a, d) for a, d in zip(articles, docs)])


def test_seeds_four_reports_of_one_visit_and_a_later_trip(seeds_digest: Digest) -> None:
    topics = {tuple(sorted(t.articles)) for t in seeds_digest.topics}
    ids = sorted(a.id for a in seeds_digest.articles)
    assert (ids[0], ids[1], ids[2], ids[4]) in topics
    assert (ids[3],) in topics


def test_seed_topic_titles_are_short_and_unquoted(seeds_digest: Digest) -> None:
    for topic in seeds_digest.topics:
        assert 3 <= len(topic.title.split()) <= 12
        assert not re.search(r"[\"“”:…]", topic.title)


QUAKE_FEB = [
    ("q1", "Strong earthquake hits northern Chile\n\nA magnitude 7.1 earthquake struck near the mining town of "
     "Calama in northern Chile on Monday, killing four people and cutting power to 30,000 homes, the national "
     "emergency office Senapred said. Rescue teams searched collapsed adobe houses in the old quarter of Calama.",
     "2025-02-10"),
    ("q2", "Deadly tremor shakes Chilean desert region\n\nFour people died when a 7.1-magnitude quake shook Calama "
     "in the Antofagasta region on Monday, Chilean authorities said. Senapred reported that 30,000 homes lost "
     "electricity and that adobe buildings collapsed in the centre of Calama.", "2025-02-11"),
]
QUAKE_SEP = [
    ("q3", "Earthquake strikes central Chile\n\nA magnitude 6.4 earthquake struck off the coast of Valparaiso in "
     "central Chile on Thursday, damaging the port and injuring 12 people, the national emergency office "
     "Senapred said. Chile's president visited the port of Valparaiso.", "2025-09-04"),
    ("q4", "Quake damages Chilean port city\n\nTwelve people were hurt when a 6.4-magnitude earthquake hit "
     "Valparaiso on Thursday, Chilean authorities said. Senapred said cranes at the port of Valparaiso were "
     "damaged and the president travelled to the city.", "2025-09-05"),
]
ELECTION = [
    ("e1", "Landslide for Ruiz in Paraguay vote\n\nOpposition candidate Marta Ruiz won Paraguay's presidential "
     "election on Sunday with 52 percent of the vote, the electoral tribunal said. Ruiz promised to fight "
     "corruption and to raise pensions. Turnout was 61 percent.", "2025-04-28"),
    ("e2", "Paraguayans elect first woman president\n\nMarta Ruiz took 52% of ballots cast in Sunday's election, "
     "according to the Superior Electoral Justice Tribunal, becoming Paraguay's first female head of state. "
     "She pledged to tackle graft and increase pensions. Some 61% of voters turned out.", "2025-04-29"),
    ("e3", "Ruiz victory reshapes Asuncion politics\n\nThe ruling party conceded defeat after Marta Ruiz won the "
     "presidency with a majority of 52 percent, tribunal figures showed. Ruiz, a former judge, has vowed to "
     "root out corruption. Turnout reached 61 percent.", "2025-04-28"),
]


def test_two_earthquakes_in_one_country_months_apart_are_two_topics(parser: Parser) -> None:
    found = cluster_topics(extract(parser, [(*q, "en") for q in QUAKE_FEB + QUAKE_SEP]))
    assert set(found) == {("q1", "q2"), ("q3", "q4")}


def test_a_long_lived_process_scores_again_only_the_pairs_an_edit_touches(
    parser: Parser, resident: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    scored: list[tuple[str, str]] = []
    score_pair = topics.score_pair
    monkeypatch.setattr(topics, "score_pair", lambda a, b, *rest: scored.append((a.id, b.id)) or score_pair(a, b, *rest))
    specs = [(*e, "en") for e in ELECTION + QUAKE_FEB]
    assert set(cluster_topics(extract(parser, specs))) == {("e1", "e2", "e3"), ("q1", "q2")}
    assert scored
    for edit in ("", " An editor added this marker sentence."):
        sweep_memory()  # as after each build of `mkdocs serve`
        scored.clear()
        edited = [(i, text + edit if i == "e3" else text, day, language) for i, text, day, language in specs]
        assert set(cluster_topics(extract(parser, edited))) == {("e1", "e2", "e3"), ("q1", "q2")}
        # words only e3 has: no other article's vector moves, so only e3's pairs are scored again
        assert all("e3" in pair for pair in scored) and bool(scored) == bool(edit)


def test_undated_earthquakes_split_by_content(parser: Parser) -> None:
    undated = [(i, text, None, "en") for i, text, _ in QUAKE_FEB + QUAKE_SEP]
    assert set(cluster_topics(extract(parser, undated))) == {("q1", "q2"), ("q3", "q4")}


def test_three_reports_of_one_election_merge_and_stay_apart_from_quakes(parser: Parser) -> None:
    found = cluster_topics(extract(parser, [(*e, "en") for e in ELECTION + QUAKE_FEB]))
    assert set(found) == {("e1", "e2", "e3"), ("q1", "q2")}


ELECTION_ES = ("e4", "Paraguay elige a su primera presidenta\n\nLa candidata opositora Marta Ruiz ganó el domingo "
               "las elecciones presidenciales de Paraguay con el 52 por ciento de los votos, según el tribunal "
               "electoral. Ruiz prometió combatir la corrupción y subir las pensiones. La participación fue del 61 por ciento.",
               "2025-04-28")
QUAKE_FR = ("q5", "Un fort séisme frappe le nord du Chili\n\nUn tremblement de terre de magnitude 7,1 a frappé lundi "
            "la ville minière de Calama, dans le nord du Chili, faisant quatre morts et privant 30 000 foyers "
            "d'électricité, selon l'office national des urgences Senapred.", "2025-02-10")


def test_a_report_in_another_language_joins_its_story_and_no_other(parser: Parser) -> None:
    specs = [(*e, "en") for e in ELECTION + QUAKE_FEB] + [(*ELECTION_ES, "es"), (*QUAKE_FR, "fr")]
    found = cluster_topics(extract(parser, specs))
    assert set(found) == {("e1", "e2", "e3", "e4"), ("q1", "q2", "q5")}


def test_a_report_weeks_later_joins_only_on_specific_evidence() -> None:
    near = Profile("a", "en", dt.date(2025, 3, 1), None, {}, (), frozenset(), ())
    assert gap_penalty(near, replace(near, published=dt.date(2025, 3, 3))) == 0
    month, quarter = (gap_penalty(near, replace(near, published=dt.date(2025, m, 1))) for m in (4, 6))
    assert 0 < month < quarter < THRESHOLD  # time alone never forbids; strong evidence can outweigh it
    assert gap_penalty(near, replace(near, published=None, not_before=None)) == 0


def test_topic_name_is_shared_wording_not_one_outlets_spin(parser: Parser) -> None:
    title = name_topic(extract(parser, [(*e, "en") for e in ELECTION]))
    assert len(title.split()) <= 12 and ":" not in title
    assert "Ruiz" in title or "Paraguay" in title


def test_a_two_word_headline_names_its_topic_rather_than_untitled(parser: Parser) -> None:
    spec = ("f1", "Festival opens\n\nThe town's summer festival opened on Friday with 40 stalls.", None, "en")
    assert name_topic(extract(parser, [spec])) == "Festival opens"


def test_a_wire_dateline_is_no_title_though_every_outlet_shares_its_place(parser: Parser) -> None:
    specs = [
        ("w1", "Wildfire forces 3,000 from homes near Marseille\n\nMARSEILLE, France (Coastline Wire) — A wildfire "
               "burned 1,200 hectares north of Marseille on Tuesday, and 3,000 residents left their homes.", None, "en"),
        ("w2", "Thousands flee fire in hills above Marseille\n\nMARSEILLE (Harbour Press) - A wildfire north of "
               "Marseille forced 3,000 residents from their homes on Tuesday as 850 firefighters fought it.", None, "en"),
    ]
    title = name_topic(extract(parser, specs))
    assert "(" not in title and "Marseille" in title, title


def test_a_kicker_naming_the_speaker_is_no_title_though_it_runs_three_words(parser: Parser) -> None:
    specs = [
        ("k1", "EU leaders condemn attack\n\nBRUSSELS — European Commission President Ursula von der Leyen called "
               "the attack \"a dark day for Europe\" and promised support to the victims' families. Speaking to "
               "reporters, she said the union would \"not be intimidated\".", None, "en"),
        ("k2", "Von der Leyen: attack a dark day for Europe\n\n\"This is a dark day for Europe. We stand with the "
               "families of the victims, and we will not be intimidated by those who want to divide us,\" von der "
               "Leyen said in a statement on Monday.", None, "en"),
        ("k3", "Commission chief speaks after attack\n\nUrsula von der Leyen spoke of \"a dark day for Europe\". "
               "\"We will not let ourselves be intimidated by those who want to divide us,\" the president of the "
               "Commission declared.", None, "en"),
    ]  # fmt: skip
    title = name_topic(extract(parser, specs))
    assert title.casefold() != "von der leyen" and title[0].isupper()


def test_a_quoted_sentence_is_no_heading_though_it_ends_inside_its_marks(parser: Parser) -> None:
    specs = [
        ("e1", "Mayor orders evacuation\n\nMayor Petra Holm ordered the evacuation of the old town. Her deputy "
               "added: \"Everyone must leave by midnight.\"", None, "en"),
        ("e2", "Old town evacuated as river rises\n\nThe old town was evacuated on Monday. Deputy mayor Jonas Berg "
               "said that everyone had to leave \"by midnight\".", None, "en"),
    ]  # fmt: skip
    assert "midnight" not in name_topic(extract(parser, specs))


@pytest.mark.parametrize("title, short", [
    ("Lyon grinds to a halt as bus drivers walk out", "Lyon grinds to a halt as bus drivers walk out"),
    ("Coach steps down", "Coach steps down"),
    ("Talks on", "Talks"),  # a dangling preposition goes
    # cut short, a title ends where its last clause began
    ("Poland's central bank cuts main rate by 25 basis points as inflation eases to 3 per cent",
     "Poland's central bank cuts main rate by 25 basis points"),
    ("The Chamber approved the budget for the year 2026, the deficit falls to 3 per cent", "The Chamber approved the budget for the year 2026"),
    ("Jury finds suspect in Troy office shooting guilty.", "Jury finds suspect in Troy office shooting guilty"),  # a headline's stop
    ("Iran sanctions eased by the U.S.", "Iran sanctions eased by the U.S."),  # an abbreviation's
])  # fmt: skip
def test_a_title_keeps_the_particle_of_its_verb(title: str, short: str) -> None:
    assert shorten(title) == short


@pytest.mark.parametrize("text, clean", [
    ("Lashers' strike halts container ships in Rotterdam", "Lashers' strike halts container ships in Rotterdam"),
    ("Minister: 'We will rebuild'", "Minister: We will rebuild"),
    ('"No more money", says Lind', "No more money, says Lind"),
])  # fmt: skip
def test_a_title_loses_its_quotation_marks_but_not_its_apostrophes(text: str, clean: str) -> None:
    assert clean_title(text) == clean


@pytest.mark.parametrize("text, dateline", [
    ("MARSEILLE, France (Coastline Wire) —", True), ("GAZA CITY (AP)", True), ("WASHINGTON —", True),
    ("NATO, EU agree on a new plan", False), ("UN warns of famine (again)", False), ("Festival opens", False),
])
def test_datelines_are_told_from_headlines(text: str, dateline: bool) -> None:
    assert is_dateline(text) is dateline


def test_average_linkage_does_not_chain_through_one_strong_link() -> None:
    # 0~1 and 1~2 are similar, 0 and 2 are not: a chain, not a group
    groups = average_linkage(3, {(0, 1): 0.9, (1, 2): 0.6}, 0.5, lambda i, j: True)
    assert groups == [[0, 1], [2]]


def test_average_linkage_keeps_forbidden_pairs_apart() -> None:
    groups = average_linkage(3, {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9}, 0.5, lambda i, j: {i, j} != {1, 2})
    assert sorted(map(sorted, groups)) == [[0, 1], [2]] or sorted(map(sorted, groups)) == [[0, 2], [1]]


def test_elapsed_time_counts_agree_only_when_they_can_be_one_moment() -> None:
    fifth = find_clocks("the war, now in its fifth month")
    assert fifth == ((120, 150),)
    assert not clocks_agree(fifth, find_clocks("after 10 months of intense fighting"))
    assert clocks_agree(fifth, find_clocks("after four months of war"))
    assert clocks_agree(fifth, ())  # no count: nothing to contradict


def test_numbered_repeats_of_one_run_with_other_numbers_are_other_occasions() -> None:
    fifth = find_series("It is the envoy's fifth tour of the Gulf since the blockade began on 3 June.")
    assert [(s.number, s.anchor) for s in fifth] == [(5, ("3", "began", "blockade", "june"))]
    assert not series_agree(fifth, find_series("the trip, his ninth since the blockade began, ends Friday"))
    assert series_agree(fifth, find_series("his fifth since the blockade began"))
    assert series_agree(fifth, find_series("the second summit since the blockade began"))  # another run
    assert series_agree(fifth, find_series("his ninth tour since the election"))  # another start
    assert series_agree(find_series("his third visit to Cairo since the war began"),
                        find_series("his fourth visit to Doha since the war began"))  # another run
    assert find_series("the sixth month since the blockade began") == ()  # elapsed time: the clocks' job


def test_close_figures_of_one_measure_are_shared_evidence() -> None:
    assert near_figures([("killed", 1180.0), ("injured", 4500.0)], [("killed", 1203.0), ("injured", 4512.0)]) == 2
    assert near_figures([("killed", 1180.0)], [("injured", 1190.0)]) == 0  # another quantity
    assert near_figures([("killed", 870.0)], [("killed", 1203.0)]) == 0  # too far apart
    assert near_figures([("killed", 20.0)], [("killed", 21.0)]) == 0  # small counts agree by chance
    assert near_figures([("killed", 1180.0)], [("killed", 1180.0)]) == 0  # equal: counted as a shared number


ENVOY = [
    ("v1", "Envoy arrives in Nairobi for ceasefire talks\n\nThe UN envoy Lars Ekdahl arrived in Nairobi to press "
     "both sides of the Sudan conflict to accept a ceasefire, on his fifth tour of East Africa since the fighting "
     "began. Ekdahl met Kenyan officials and Sudanese mediators and urged them to reopen aid corridors."),
    ("v2", "UN envoy presses Sudan ceasefire in Nairobi\n\nLars Ekdahl, the UN envoy, urged Sudanese mediators "
     "meeting in Nairobi to accept a ceasefire and reopen aid corridors. Kenyan officials hosted the talks with "
     "the envoy, who has pressed both sides of the Sudan conflict for months."),
    ("v3", "Ekdahl back in Nairobi pushing Sudan ceasefire\n\nThe UN envoy Lars Ekdahl was in Nairobi again to "
     "press both sides of the Sudan conflict to accept a ceasefire, his ninth tour since the fighting began. "
     "Ekdahl met Kenyan officials and Sudanese mediators about reopening aid corridors."),
]


def test_a_later_trip_numbered_differently_is_another_topic(parser: Parser) -> None:
    # Undated, no elapsed time: only the tours' numbers tell v1 and v3 apart (v2 could be either)
    found = cluster_topics(extract(parser, [(i, text, None, "en") for i, text in ENVOY]))
    assert len(found) == 2 and not any({"v1", "v3"} <= set(group) for group in found)


def test_latest_mentioned_date_is_a_lower_bound() -> None:
    text = "Talks began on January 30, 2024 and resumed on 6 February 2024 in Doha."
    assert str(latest_mentioned_date(text)) == "2024-02-06"
    assert latest_mentioned_date("No dates here, only Wednesday.") is None


def test_blocking_skips_terms_too_common_to_discriminate() -> None:
    common = [{"war": 1.0, "gaza": 1.0, f"only{i}": 0.5} for i in range(200)]
    assert candidate_pairs(common) == []  # every pair shares only terms in > MAX_POSTINGS articles
    paired = [{"quake": 1.0, "calama": 1.0}, {"quake": 1.0, "calama": 1.0}, {"vote": 1.0}]
    assert candidate_pairs(paired) == [(0, 1)]


def test_blocking_keys_are_terms_another_article_could_share() -> None:
    # Words no other article uses outweigh the shared place and name, and would fill every key slot
    own = [{**{f"own{k}": 1.0 for k in range(40)}, "malatya": 0.3, "arslan": 0.3}]
    other = [{**{f"other{k}": 1.0 for k in range(40)}, "malatya": 0.3, "arslan": 0.3}]
    assert candidate_pairs(own + other) == [(0, 1)]


def synthetic(n: int) -> list[Extraction]:
    """n articles in n // 4 events: each event's four reports share rare words; all share common ones."""
    out = []
    for i in range(n):
        event = i // 4
        words = ["government", "official", "report", f"place{event}", f"person{event}", f"detail{event}",
                 f"thing{event}", f"word{i}", f"other{i}"]
        text = " ".join(words)
        pos = tuple("NOUN" for _ in words)
        sentence = Sentence(f"a{i:05d}", 0, text, 0, len(text), lemmas=tuple(words), pos=pos)
        article = Article(f"a{i:05d}", f"a{i:05d}.txt", text, text, published="2025-01-01", language="en")
        out.append(Extraction(article, (sentence,)))
    return out


def test_clustering_cost_grows_about_linearly() -> None:
    small, large = synthetic(500), synthetic(2000)
    started = time.perf_counter()
    groups = cluster_topics(small)
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    cluster_topics(large)
    large_time = time.perf_counter() - started
    assert len(groups) == 125 and all(len(g) == 4 for g in groups)
    assert large_time < 8 * small_time + 0.5  # 4x the articles: far below the 16x of all pairs
    assert THRESHOLD > 0


def test_a_few_reports_split_off_a_story_join_it_again_when_their_mean_is_enough() -> None:
    big, small, other = [0, 1, 2, 3, 4, 5], [6, 7], [8, 9]
    scores = {(i, j): 0.8 for g in (big, small, other) for i in g for j in g if i < j}
    scores.update({(i, j): GROUP_ATTACH + 0.05 for i in big for j in small})
    scores.update({(i, j): GROUP_ATTACH - 0.05 for i in big for j in other})
    named = lambda i, j: GROUP_NAMES + 0.01  # noqa: E731 - every pair prints the event's rare names
    joined = attach_small([big, small, other], scores, lambda i, j: True, named)
    assert joined == [big + small, other]
    two = {pair: s for pair, s in scores.items() if max(pair) < 8}
    assert attach_small([big, small], two, lambda i, j: 7 not in (i, j), named) == [big, small]  # a forbidden pair


def test_a_look_alike_event_with_none_of_the_storys_names_stays_apart() -> None:
    big, small = [0, 1, 2, 3, 4, 5], [6, 7]
    scores = {(i, j): 0.8 for g in (big, small) for i in g for j in g if i < j}
    scores.update({(i, j): THRESHOLD - 0.01 for i in big for j in small})  # alike in wording, just short of linkage
    nameless = lambda i, j: 0.0  # noqa: E731 - other places, other officials
    assert attach_small([big, small], scores, lambda i, j: True, nameless) == [big, small]
    barely = lambda i, j: GROUP_NAMES * 0.9  # noqa: E731
    assert attach_small([big, small], scores, lambda i, j: True, barely) == [big, small]


def test_the_same_words_from_two_named_speakers_are_not_one_remark() -> None:
    words = frozenset({"tents", "clean", "water", "medicine", "need"})
    governor, minister, unnamed = Remark(words, frozenset({"galanus", "selbriou"})), Remark(words, frozenset({"perbelia"})), Remark(words)
    assert quote_overlap([governor], [minister]) == 0.0
    assert quote_overlap([governor], [Remark(words, frozenset({"selbriou"}))]) == 1.0  # "Selbriou" is "Galanus Selbriou"
    assert quote_overlap([governor], [unnamed]) == 1.0  # an unattributed quote may be his


def test_a_cosine_is_the_same_whatever_order_a_set_gave_its_terms() -> None:
    """Term dicts built from frozensets follow the hash seed's order; a plain float sum's last bit
    followed it too, and two processes gave two digests of 1,000 articles."""
    from digest.align.topics import cosine

    terms = {"a": 1e16, "b": 1.0, "c": -1e16, "d": 3.0}
    other = dict.fromkeys(terms, 1.0)
    assert cosine(terms, other) == cosine(dict(reversed(terms.items())), other) == 4.0
