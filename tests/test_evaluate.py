"""The alignment scorer on tiny hand-made digests: the metric itself must be able to fail."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from digest.model import (
    Article,
    Claim,
    Digest,
    Extraction,
    Figure,
    FigureGroup,
    Quote,
    QuoteGroup,
    Sentence,
    SentenceRef,
    Topic,
)
from digest.sources.read import read_seeds
from digest_tools.evaluate import (
    ClaimLabel,
    Labels,
    Predicted,
    check_articles,
    evaluate,
    figure_key,
    format_table,
    load_labels,
    main,
    normalise,
    pairs_of,
    predicted_figures,
    predicted_quotes,
    score_groups,
    to_json,
)

EVAL = Path(__file__).resolve().parent / "resources" / "eval"


def figure(article: str, value: float) -> Figure:
    return Figure(article, 0, value, f"{value:g}", None, "people", "killed", "people killed")


def quote(article: str, text: str) -> Quote:
    return Quote(article, 0, text, "Someone")


def topic(slug: str, articles: tuple[str, ...], figures=(), quotes=()) -> Topic:
    return Topic(slug, slug, articles, figures=figures, quotes=quotes)


def digest_of(*topics: Topic) -> Digest:
    ids = sorted({a for t in topics for a in t.articles})
    articles = tuple(Article(i, f"{i}.txt", i, "text") for i in ids)
    return Digest(articles, (), topics)


def labels(topics=(), figures=(), quotes=(), claims=None) -> Labels:
    return Labels(
        topics=tuple(frozenset(t) for t in topics),
        figures=tuple(frozenset(figure_key(a, v) for a, v in g) for g in figures),
        quotes=tuple(frozenset((a, normalise(s)) for a, s in g) for g in quotes),
        claims=None if claims is None else tuple(
            ClaimLabel(frozenset((a, normalise(s)) for a, s in g), frozenset((a, normalise(s)) for a, s in also))
            for g, also in claims
        ),
    )


SENTENCES = {
    "a": ["Nine people died in the floods.", "Rail traffic was suspended.", "The mayor visited Faenza."],
    "b": ["The floods killed nine people.", "Schools will stay closed.", "The mayor thanked volunteers."],
}


def claims_digest(*groups: tuple[tuple[str, int], ...]) -> Digest:
    """A digest of SENTENCES' two articles whose one topic's claims are `groups` of (article, index)."""
    extractions = tuple(
        Extraction(Article(a, f"{a}.txt", a, " ".join(texts)),
                   tuple(Sentence(a, i, t, 0, len(t)) for i, t in enumerate(texts)))
        for a, texts in SENTENCES.items()
    )
    claims = tuple(Claim(SENTENCES[g[0][0]][g[0][1]], tuple(SentenceRef(a, i, SENTENCES[a][i]) for a, i in g))
                   for g in groups)
    return Digest(tuple(e.article for e in extractions), extractions, (Topic("t", "t", ("a", "b"), claims=claims),))


# ---- pairs and scores ------------------------------------------------------------------


def test_pairs_are_unordered_and_distinct() -> None:
    assert pairs_of([["a", "b", "c"], ["c", "b"], ["d"]]) == {
        frozenset("ab"), frozenset("ac"), frozenset("bc")
    }


def test_perfect_grouping_scores_one() -> None:
    gold = [frozenset("abc"), frozenset("de")]
    score = score_groups("topics", gold, [Predicted(g) for g in gold], found=5)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert (score.gold_pairs, score.predicted_pairs, score.true_pairs) == (4, 4, 4)


def test_merging_two_groups_costs_precision_only() -> None:
    gold = [frozenset("abc"), frozenset("de")]
    score = score_groups("topics", gold, [Predicted(frozenset("abcde"))], found=5)
    assert score.recall == 1.0
    assert score.precision == pytest.approx(4 / 10)


def test_splitting_a_group_costs_recall_only() -> None:
    gold = [frozenset("abcd")]
    score = score_groups("topics", gold, [Predicted(frozenset("ab")), Predicted(frozenset("cd"))], found=4)
    assert score.precision == 1.0
    assert score.recall == pytest.approx(2 / 6)
    assert score.f1 == pytest.approx(2 * (1 / 3) / (1 + 1 / 3))


def test_predicting_nothing_earns_nothing() -> None:
    gold = [frozenset("ab")]
    score = score_groups("figures", gold, [Predicted(frozenset("a")), Predicted(frozenset("b"))], found=2)
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_nothing_to_find_and_nothing_found_is_perfect() -> None:
    score = score_groups("quotes", [frozenset("a"), frozenset("b")], [Predicted(frozenset("a"))], found=1)
    assert (score.precision, score.recall) == (1.0, 1.0)


# ---- matching predictions to labels ----------------------------------------------------


def test_lookalike_figures_grouped_together_are_a_false_pair() -> None:
    # Six rescuers killed (a, b) are not the six villages cut off (c).
    gold = labels(topics=[("a", "b", "c")], figures=[[("a", 6), ("b", 6)], [("c", 6)]])
    group = FigureGroup("six", "agreed", (figure("a", 6), figure("b", 6), figure("c", 6)))
    score = evaluate(digest_of(topic("t", ("a", "b", "c"), figures=(group,))), gold)[1]
    assert (score.true_pairs, score.predicted_pairs) == (1, 3)
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == 1.0


def test_figures_match_by_article_and_value() -> None:
    gold = labels(topics=[("a", "b")], figures=[[("a", 1203), ("b", 1180)]])
    right = FigureGroup("deaths", "divergent", (figure("a", 1203.0), figure("b", 1180.0)))
    wrong = FigureGroup("deaths", "divergent", (figure("a", 1203.0), figure("b", 1181.0)))
    assert predicted_figures(digest_of(topic("t", ("a", "b"), figures=(right,))), gold) == (
        Predicted(frozenset({("a", 1203.0), ("b", 1180.0)}), 0),
    )
    assert predicted_figures(digest_of(topic("t", ("a", "b"), figures=(wrong,))), gold) == (
        Predicted(frozenset({("a", 1203.0)}), 1),
    )


def test_large_values_match_after_float_arithmetic() -> None:
    gold = labels(topics=[("a",)], figures=[[("a", 3_200_000_000)]])
    group = FigureGroup("savings", "single", (figure("a", 3.2 * 1e9),))
    assert predicted_figures(digest_of(topic("t", ("a",), figures=(group,))), gold)[0].items


def test_unlabelled_figure_joining_a_labelled_group_is_spurious() -> None:
    gold = labels(topics=[("a", "b")], figures=[[("a", 40), ("b", 40)]])
    joined = FigureGroup("people", "agreed", (figure("a", 40), figure("b", 40), figure("b", 2023)))
    alone = FigureGroup("years", "agreed", (figure("a", 2021), figure("b", 2023)))
    score = evaluate(digest_of(topic("t", ("a", "b"), figures=(joined, alone))), gold)[1]
    assert (score.precision, score.recall) == (1.0, 1.0)
    assert score.spurious == 1
    assert score.spurious_rate == pytest.approx(1 / 3)


def test_a_negative_shown_as_a_figure_costs_naming_recall_and_context_is_scored_by_mark() -> None:
    from dataclasses import replace

    base = labels(topics=[("a", "b")], figures=[[("a", 40), ("b", 40)], [("a", 368), ("b", 368)]])
    gold = replace(base, negatives=(frozenset({("a", 5.0)}), frozenset({("b", 27.0), ("b", 26.0)})),
                   context=frozenset({("a", 368.0), ("b", 368.0)}))  # fmt: skip
    toll = FigureGroup("people", "agreed", (figure("a", 40), figure("b", 40)))
    past = FigureGroup("people", "agreed", (replace(figure("a", 368), context=True), figure("b", 368)))
    g5 = FigureGroup("g", "single", (figure("a", 5),))
    scores = {s.task: s for s in evaluate(digest_of(topic("t", ("a", "b"), figures=(toll, past, g5))), gold)}
    naming, context = scores["naming"], scores["context"]
    assert (naming.recall, naming.spurious, naming.found) == (0.5, 1, 1)
    assert naming.precision == pytest.approx(4 / 5)  # four labelled figures, one negative shown
    assert (context.precision, context.recall) == (1.0, 0.5)
    clean = {s.task: s for s in evaluate(digest_of(topic("t", ("a", "b"), figures=(toll,))), gold)}
    assert (clean["naming"].precision, clean["naming"].recall) == (1.0, 1.0)
    assert "naming" not in {s.task for s in evaluate(digest_of(topic("t", ("a", "b"), figures=(toll,))), base)}


def test_labels_refuse_a_negative_that_is_a_labelled_figure(tmp_path: Path) -> None:
    data = {"topics": [{"articles": ["a"]}], "figures": [{"mentions": [["a", 5]]}], "quotes": [],
            "negatives": [{"article": "a", "text": "5G", "values": [5]}]}  # fmt: skip
    (tmp_path / "labels.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="negatives"):
        load_labels(tmp_path / "labels.json")


def test_quotes_match_by_substring_whatever_the_quote_marks_and_case() -> None:
    gold = labels(topics=[("a", "b")], quotes=[[("a", "paying for management's mistakes"),
                                                ("b", "made to pay for the mistakes")]])
    group = QuoteGroup("Sara Holm", (
        quote("a", "The workers are Paying for management’s mistakes"),
        quote("b", "Employees are being made to pay for the mistakes of those at the top"),
    ))
    predicted = predicted_quotes(digest_of(topic("t", ("a", "b"), quotes=(group,))), gold)
    assert predicted == (Predicted(frozenset(k for g in gold.quotes for k in g), 0),)


def test_one_speakers_two_remarks_grouped_together_are_a_false_pair() -> None:
    gold = labels(topics=[("a", "b")], quotes=[[("a", "single citizen"), ("b", "beneath the debris")],
                                              [("b", "held to account")]])
    group = QuoteGroup("Arslan", (quote("a", "We will not leave a single citizen under the rubble"),
                                  quote("b", "No citizen of ours will be left beneath the debris"),
                                  quote("b", "Every builder will be held to account")))
    score = evaluate(digest_of(topic("t", ("a", "b"), quotes=(group,))), gold)[2]
    assert (score.true_pairs, score.predicted_pairs) == (1, 3)


def test_topics_split_across_dates_lose_recall_and_merged_events_lose_precision() -> None:
    gold = labels(topics=[("may1", "may2"), ("oct1", "oct2")])
    merged = evaluate(digest_of(topic("t", ("may1", "may2", "oct1", "oct2"))), gold)[0]
    split = evaluate(digest_of(*(topic(i, (i,)) for i in ("may1", "may2", "oct1", "oct2"))), gold)[0]
    assert (merged.precision, merged.recall) == (pytest.approx(2 / 6), 1.0)
    assert (split.precision, split.recall) == (0.0, 0.0)


def test_claims_score_pairs_of_sentences_and_a_pair_no_label_names_is_false() -> None:
    gold = labels(topics=[("a", "b")], claims=[([("a", "nine people died"), ("b", "killed nine")], [])])
    right = evaluate(claims_digest((("a", 0), ("b", 0)), (("a", 1),), (("b", 1),)), gold)[3]
    assert (right.task, right.precision, right.recall, right.found) == ("claims", 1.0, 1.0, 2)
    # The rail and the schools: two unique sentences shown as one shared fact.
    wrong = evaluate(claims_digest((("a", 0),), (("b", 0),), (("a", 1), ("b", 1))), gold)[3]
    assert (wrong.precision, wrong.recall, wrong.true_pairs, wrong.predicted_pairs) == (0.0, 0.0, 0, 1)


def test_claims_pairs_with_an_also_sentence_count_neither_way() -> None:
    gold = labels(topics=[("a", "b")], claims=[([("a", "nine people died")], [("b", "mayor thanked")])])
    score = evaluate(claims_digest((("a", 0), ("b", 2)),), gold)[3]
    assert (score.predicted_pairs, score.precision, score.recall) == (0, 1.0, 1.0)


def test_claims_are_scored_only_where_labelled_and_a_label_names_one_sentence() -> None:
    assert [s.task for s in evaluate(claims_digest(), labels(topics=[("a", "b")]))] == ["topics", "figures", "quotes"]
    vague = labels(topics=[("a", "b")], claims=[([("a", "the"), ("b", "killed nine")], [])])
    with pytest.raises(ValueError, match="matches 2 sentences"):
        evaluate(claims_digest(), vague)


# ---- labels ----------------------------------------------------------------------------


def write_labels(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_labels_refuse_an_item_in_two_groups(tmp_path: Path) -> None:
    data = {"topics": [{"articles": ["a", "b"]}], "quotes": [],
            "figures": [{"mentions": [["a", 6], ["b", 6]]}, {"mentions": [["a", 6.0]]}]}
    with pytest.raises(ValueError, match="two groups"):
        load_labels(write_labels(tmp_path / "labels.json", data))


def test_labels_must_cover_exactly_the_folder() -> None:
    gold = labels(topics=[("a", "b")], figures=[[("a", 1), ("c", 1)]])
    with pytest.raises(ValueError, match="not in the folder"):
        check_articles(gold, ["a", "b"])
    with pytest.raises(ValueError, match="no labelled topic"):
        check_articles(labels(topics=[("a",)]), ["a", "b"])


def test_labels_refuse_a_group_across_topics() -> None:
    gold = labels(topics=[("a",), ("b",)], quotes=[[("a", "x"), ("b", "y")]])
    with pytest.raises(ValueError, match="spans topics"):
        check_articles(gold, ["a", "b"])


def test_the_eval_labels_point_at_text_the_articles_hold() -> None:
    gold = load_labels(EVAL / "labels.json")
    articles = {a.id: a for a in read_seeds(EVAL / "articles")[0]}
    check_articles(gold, articles)
    missing = [(a, s) for g in gold.quotes for a, s in g if s not in normalise(articles[a].text)]
    assert not missing
    for group in gold.figures:
        for article, value in group:
            assert written(value, articles[article].text), (article, value)


_WORDS = {2: "two", 6: "six", 8: "eight", 9: "nine", 21: "twenty-one", 23: "twenty-three"}


def written(value: float, text: str) -> bool:
    """Whether `text` writes `value` in a form a reader would recognise (digits, words, millions)."""
    text = text.lower()
    whole = value.is_integer()
    forms = {f"{value:,.0f}" if whole else f"{value:g}", _WORDS.get(int(value), "") if whole else ""}
    for scale, name in ((1e9, "billion"), (1e6, "million")):
        if value >= scale:
            forms |= {f"{value / scale:g} {name}", f"a {name}", f"three {name}"}
    return any(f and re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d])", text) for f in forms)


def test_the_eval_set_is_large_enough_to_mean_something() -> None:
    gold = load_labels(EVAL / "labels.json")
    assert len(gold.topics) >= 5 and all(3 <= len(t) <= 4 for t in gold.topics)
    assert len(pairs_of(gold.figures)) >= 50
    assert len(pairs_of(gold.quotes)) >= 10
    assert gold.claims is not None and sum(len(c.sentences) > 1 for c in gold.claims) >= 30


def test_the_eval_claim_labels_point_at_text_the_articles_hold() -> None:
    gold = load_labels(EVAL / "labels.json")
    articles = {a.id: normalise(a.text) for a in read_seeds(EVAL / "articles")[0]}
    missing = [(a, s) for c in gold.claims or () for a, s in c.sentences | c.also if s not in articles[a]]
    assert not missing


def test_labels_refuse_a_claim_with_two_sentences_of_one_article(tmp_path: Path) -> None:
    data = {"topics": [{"articles": ["a", "b"]}], "figures": [], "quotes": [],
            "claims": [{"sentences": [["a", "nine died"], ["a", "nine killed"], ["b", "nine"]]}]}
    with pytest.raises(ValueError, match="two sentences of one article"):
        load_labels(write_labels(tmp_path / "labels.json", data))


# ---- output ----------------------------------------------------------------------------


def test_json_and_table_report_every_task() -> None:
    gold = labels(topics=[("a", "b")])
    scores = evaluate(digest_of(topic("t", ("a", "b"))), gold)
    data = to_json(scores)
    assert sorted(data["scores"]) == ["figures", "quotes", "topics"]
    assert data["scores"]["topics"]["precision"] == 1.0
    table = format_table(scores)
    assert [line.split()[0] for line in table.splitlines()[1:]] == ["topics", "figures", "quotes"]


def test_main_writes_the_baseline_shape(parser, tmp_path: Path, capsys, monkeypatch) -> None:
    eval_dir = tmp_path / "eval"
    (eval_dir / "articles").mkdir(parents=True)
    for name, verb in (("a", "killed"), ("b", "left dead")):
        (eval_dir / "articles" / f"{name}.txt").write_text(
            f"date 2025-01-02\nStorm hits coast\n\nA storm {verb} 12 people in Porto on Thursday.\n",
            encoding="utf-8")
    write_labels(eval_dir / "labels.json", {"topics": [{"articles": ["a", "b"]}], "figures": [], "quotes": []})
    monkeypatch.setenv("DIGEST_CACHE_DIR", str(parser.cache_dir))
    assert main([str(eval_dir), "--json", str(tmp_path / "out.json")]) == 0
    assert "topics" in capsys.readouterr().out
    assert set(json.loads((tmp_path / "out.json").read_text())["scores"]) == {"topics", "figures", "quotes"}
