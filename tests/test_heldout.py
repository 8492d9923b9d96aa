"""The held-out gate: alignment quality on labelled articles nobody tunes the stages against.

`tests/resources/eval` is what the stage code is tuned on, so its scores flatter the code; the
held-out set (other kinds of events, other outlets' styles, its own traps) reports the honest
numbers. Refresh its baseline only with a measurement, never to make a change pass:
`python -m digest_tools.evaluate tests/resources/heldout --json tests/resources/heldout/baseline.json`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from digest.model import Article
from digest.nlp.parse import Parser
from digest.sources.clean import clean_article
from digest.sources.read import read_seeds
from digest_tools.evaluate import (
    Labels,
    Score,
    check_articles,
    evaluate_folder,
    format_table,
    load_labels,
    normalise,
    pairs_of,
)

HELDOUT = Path(__file__).resolve().parent / "resources" / "heldout"
EVAL = HELDOUT.parent / "eval"
# Room for harmless wobble (one pair more or less) without letting a real loss through.
TOLERANCE = 0.02
METRICS = ("precision", "recall")

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORDS = {w: float(i) for i, w in enumerate(_UNITS)} | {w: 20.0 + 10 * i for i, w in enumerate(_TENS)}
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(million|billion))?")
_WORD_NUMBER = re.compile(rf"\b({'|'.join(_TENS)})-({'|'.join(_UNITS[1:10])})\b|\b({'|'.join(_WORDS)})\b")
_SCALE = {None: 1.0, "million": 1e6, "billion": 1e9}


@pytest.fixture(scope="module")
def measured(parser: Parser) -> tuple[Score, ...]:
    return evaluate_folder(HELDOUT, parser)


def labels() -> Labels:
    return load_labels(HELDOUT / "labels.json")


def articles() -> dict[str, Article]:
    return {a.id: a for a in read_seeds(HELDOUT / "articles")[0]}


def baseline() -> dict[str, dict[str, float]]:
    return json.loads((HELDOUT / "baseline.json").read_text(encoding="utf-8"))["scores"]


def losses(scores: tuple[Score, ...], stored: dict[str, dict[str, float]]) -> list[str]:
    """Every P or R more than TOLERANCE below its stored value."""
    found = []
    for score in scores:
        for metric in METRICS:
            now, then = getattr(score, metric), stored[score.task][metric]
            if now < then - TOLERANCE:
                found.append(f"{score.task} {metric} {now:.3f} < baseline {then:.3f}")
    return found


def stated_values(text: str) -> set[float]:
    """Every number `text` writes, in digits ("1,200", "3.50", "2 million") or words ("Fifty-eight")."""
    values = set()
    for whole, decimals, scale in _NUMBER.findall(text):
        values.add(round(float(whole.replace(",", "") + decimals) * _SCALE[scale or None], 6))
    for tens, unit, word in _WORD_NUMBER.findall(text.lower()):
        values.add(_WORDS[tens] + _WORDS[unit] if tens else _WORDS[word])
    return values


def unwritten(gold: Labels, texts: dict[str, str]) -> list[tuple[str, object]]:
    """Labelled figures and quotes that the given article texts do not contain."""
    numbers = {a: stated_values(t) for a, t in texts.items()}
    words = {a: normalise(t) for a, t in texts.items()}
    figures = [(a, v) for g in gold.figures for a, v in sorted(g) if v not in numbers[a]]
    quotes = [(a, s) for g in gold.quotes for a, s in sorted(g) if s not in words[a]]
    return figures + quotes


# ---- the gate -----------------------------------------------------------------------------


def test_heldout_quality_holds_the_baseline(measured: tuple[Score, ...]) -> None:
    lost = losses(measured, baseline())
    assert not lost, "held-out quality dropped: " + "; ".join(lost) + "\nmeasured:\n" + format_table(measured)


def test_the_heldout_gate_fails_on_a_drop(measured: tuple[Score, ...]) -> None:
    # A baseline just above today's scores must be reported, once per task and metric.
    raised = {s.task: {m: getattr(s, m) + 0.05 for m in METRICS} for s in measured}
    lost = losses(measured, raised)
    assert len(lost) == 6 and all("baseline" in line for line in lost)


def test_the_heldout_baseline_covers_every_task() -> None:
    stored = baseline()
    assert set(stored) == {"topics", "figures", "quotes"}
    assert all({"precision", "recall", "f1"} <= set(v) for v in stored.values())


# ---- the labels ---------------------------------------------------------------------------


def test_every_heldout_label_points_at_text_the_articles_hold() -> None:
    gold, found = labels(), articles()
    check_articles(gold, found)
    assert not unwritten(gold, {a: x.text for a, x in found.items()})


def test_cleaning_keeps_every_labelled_figure_and_quote() -> None:
    # Page furniture goes, real sentences stay: a cleaner that drops a labelled one loses it for good.
    cleaned = {a: clean_article(x).text for a, x in articles().items()}
    assert not unwritten(labels(), cleaned)


def test_the_label_check_can_fail() -> None:
    gold = Labels(topics=(frozenset({"a"}),), figures=(frozenset({("a", 58.0), ("a", 7.0)}),),
                  quotes=(frozenset({("a", "over our heads")}),))
    assert unwritten(gold, {"a": "Fifty-eight people were hurt; 7 critically."}) == [("a", "over our heads")]
    assert unwritten(gold, {"a": "58 hurt, \u201cover our heads\u201d"}) == [("a", 7.0)]


def test_stated_values_read_digits_words_and_scales() -> None:
    text = "Fifty-eight hurt, 1,200 cancelled, rate at 3.50 percent, $2 million, eleven dead, 7.40 a.m."
    assert {58.0, 1200.0, 3.5, 2e6, 11.0, 7.4} <= stated_values(text)
    assert 7.0 not in stated_values(text) and 40.0 not in stated_values(text)


def test_the_heldout_set_is_large_and_independent_of_the_tuning_set() -> None:
    gold, tuning = labels(), load_labels(EVAL / "labels.json")
    assert len(gold.topics) >= 6 and all(3 <= len(t) <= 4 for t in gold.topics)
    assert len(pairs_of(gold.figures)) >= 50 and len(pairs_of(gold.quotes)) >= 20
    eval_texts = {normalise(a.text) for a in read_seeds(EVAL / "articles")[0]}
    assert not eval_texts & {normalise(a.text) for a in articles().values()}
    assert not {a for t in gold.topics for a in t} & {a for t in tuning.topics for a in t}
