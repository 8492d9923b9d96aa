"""The story gate: ECB+ development topics (772 real articles, 66 stories, two look-alike events
per topic) clustered by the real pipeline must not score below the stored baseline.

Refresh the baseline only with a measurement:
`python -m digest_tools.stories tests/resources/ecbplus-dev/articles.jsonl.gz --json tests/resources/ecbplus-dev/baseline.json`.
The corpus is parsed into the project's parse cache (`.cache/digest`, which CI keeps between
runs): cold it costs about 75 s on two cores, warm about 8 s.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from digest.model import Digest, Problem, Topic
from digest.nlp.parse import Parser, default_cache_dir
from digest_tools.stories import StoryArticle, StoryScore, bcubed, evaluate_stories, format_score, pairwise, score_stories

ECBPLUS = Path(__file__).resolve().parent / "resources" / "ecbplus-dev"
TOLERANCE = 0.02
GATED = ("bcubed_precision", "bcubed_recall", "pair_precision", "pair_recall")


@pytest.fixture(scope="module")
def measured(nlp: Language) -> StoryScore:
    # The shared parse cache, not a fresh one: 772 articles are too many to parse on every run.
    return evaluate_stories(ECBPLUS / "articles.jsonl.gz", Parser(nlp, default_cache_dir()))


def baseline() -> dict[str, float]:
    stored: dict[str, float] = json.loads((ECBPLUS / "baseline.json").read_text(encoding="utf-8"))["scores"]["stories"]
    return stored


def losses(score: StoryScore, stored: dict[str, float]) -> list[str]:
    return [f"{m} {getattr(score, m):.3f} < baseline {stored[m]:.3f}" for m in GATED if getattr(score, m) < stored[m] - TOLERANCE]


@pytest.mark.slow
def test_story_clustering_holds_the_baseline(measured: StoryScore) -> None:
    lost = losses(measured, baseline())
    assert not lost, "story clustering dropped: " + "; ".join(lost) + "\n" + format_score(measured)


@pytest.mark.slow
def test_every_article_is_scored(measured: StoryScore) -> None:
    assert (measured.articles, measured.stories) == (772, 66)


def test_the_gate_fails_on_a_drop() -> None:
    stored = baseline()
    worse = StoryScore(772, 66, 100, *(stored[m] - 0.03 for m in ("bcubed_precision", "bcubed_recall", "bcubed_f1")),
                       *(stored[m] - 0.03 for m in ("pair_precision", "pair_recall", "pair_f1")))
    assert len(losses(worse, stored)) == len(GATED)


def test_bcubed_counts_each_item_once() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    assert bcubed({"a": 1, "b": 1, "c": 1, "d": 2}, gold) == (1.0, 1.0)
    # One topic for everything: a and b and c are right to be together, d is not.
    p, r = bcubed(dict.fromkeys(gold, 0), gold)
    assert (round(p, 4), r) == (round((3 * 3 / 4 + 1 / 4) / 4, 4), 1.0)
    # Everything apart: every item alone is pure, but a, b and c each found a third of their story.
    p, r = bcubed({k: k for k in gold}, gold)
    assert (p, round(r, 4)) == (1.0, round((3 * 1 / 3 + 1) / 4, 4))


def test_pairwise_counts_pairs() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    assert pairwise({"a": 1, "b": 2, "c": 2}, gold) == (0.0, 0.0)
    assert pairwise(dict.fromkeys(gold, 0), gold) == (1 / 3, 1.0)


def test_a_dropped_duplicate_is_scored_in_its_originals_topic() -> None:
    articles = [StoryArticle(i, s, "t", "x") for i, s in (("a", "s1"), ("b", "s1"), ("c", "s2"))]
    topic = Topic(slug="t", title="t", articles=("a",))
    digest = Digest((), (), (topic, Topic(slug="u", title="u", articles=("c",))),
                    (Problem("seeds/b.txt", "near duplicate of seeds/a.txt (90% the same text); counted once"),))
    score = score_stories(digest, articles)
    assert (score.articles, score.topics, score.bcubed_f1) == (3, 2, 1.0)
