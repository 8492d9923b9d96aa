"""Pure text helpers shared by reading and grouping: values, precision and articles of written numbers (no spaCy)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from digest.figures.words import (
    DECIMAL_COMMA,
    DIGITS,
    EARLIER_MARKS,
    GENERIC_PEOPLE,
    MEASUREMENT_UNITS,
    NOUN_MEASURES,
    PERCENT_KINDS,
    PERSON_COUNT_NOUNS,
    PERSON_NOUN_ENDINGS,
    RUNNING_DAYS,
    SCALED,
    SCALES,
    UNIT_BASES,
    UNITS,
    WORKER_NOUNS,
)
from digest.model import Figure
from digest.nlp.vocabulary import PERSON_NOUNS

_PERSON_WORDS = frozenset(GENERIC_PEOPLE | WORKER_NOUNS | NOUN_MEASURES.keys() | PERSON_COUNT_NOUNS | PERSON_NOUNS)


def token_value(text: str) -> float | None:
    word = text.lower()
    if DIGITS.match(word):
        return float(word.replace(",", ""))
    if DECIMAL_COMMA.match(word):
        return float(word.replace(",", "."))
    scaled = SCALED.match(word)
    if scaled:
        return float(scaled.group(1)) * SCALES[scaled.group(2)]
    if word in UNITS:
        return float(UNITS[word])
    return float(SCALES[word]) if word in SCALES else None


def strip_article(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text.strip())


def is_earlier_value(figure: Figure) -> bool:
    """A count written as an earlier value or a range's lower bound ("up from 12", "Between 30"),
    or an amount's lower bound ("between 40 and 60 tonnes": one amount not known closer). A
    share's range ("between 3.1 and 4.0 per cent") is a band whose two limits are told apart."""
    words = tuple(figure.text.lower().split())
    if figure.counted in MEASUREMENT_UNITS:
        return words[:1] == ("between",) and figure.counted not in PERCENT_KINDS
    return any(words[: len(m)] == m for m in EARLIER_MARKS)


def significant_digits(text: str) -> int:
    """Digits as written, zeros at either end left out: 3 for "4.75%", 2 for "12,000", 0 for
    "two-thirds" (a word is a round value)."""
    return len(re.sub(r"\D", "", text).strip("0"))


def decimals(text: str) -> int:
    """Digits written after the decimal point: 2 for "3.50%", 0 for "about 34%"."""
    match = re.search(r"\d+(?:\.(\d+))?", text)
    return len(match.group(1) or "") if match else 0


def as_of_date(figure: Figure) -> str | None:
    """The day a value holds for: the date its sentence names, else the article's own date."""
    return figure.as_of or figure.published


def days_apart(first: Figure, second: Figure) -> int:
    """The days between two figures' as-of dates (the day said, else the article's date), 1 to
    RUNNING_DAYS (1 when either is undated): a running count may move by VALUE_RATIO a day (a
    toll of 22, then 41, then 65), but two outlets' values for one day stay within one VALUE_RATIO."""
    one, other = as_of_date(first), as_of_date(second)
    if not (one and other) or one == other:
        return 1
    try:
        days = abs((dt.date.fromisoformat(one) - dt.date.fromisoformat(other)).days)
    except ValueError:
        return 1
    return max(1, min(days, RUNNING_DAYS))


def base_unit(figure: Figure) -> str:
    """What the value is a number of, a measurement in its unit's common base: "m" for "km"."""
    return UNIT_BASES[figure.counted][0] if figure.counted in UNIT_BASES else figure.counted


def base_value(figure: Figure) -> float:
    """The value in `base_unit`: 8000 for "8 km", 8000 for "8.000 metres"."""
    return figure.value * UNIT_BASES[figure.counted][1] if figure.counted in UNIT_BASES else figure.value


def common_values(figures: Sequence[Figure]) -> list[float]:
    """Each value in the unit most of the figures are written in (the first such on a tie): a row
    of 30 miles and 48km spans 0.17 miles, not 18 of no unit."""
    counts = Counter(f.counted for f in figures)
    unit = max(counts, key=lambda u: counts[u])
    factor = UNIT_BASES[unit][1] if unit in UNIT_BASES else 1.0
    return [f.value if f.counted == unit else round(base_value(f) / factor, 2) for f in figures]


def is_person_noun(noun: str) -> bool:
    """Whether a counted noun's lemma names people: "worker", "policeman", "skier"."""
    return noun in _PERSON_WORDS or noun.endswith(PERSON_NOUN_ENDINGS)
