"""Pure text helpers shared by reading and grouping: values, precision and articles of written numbers (no spaCy)."""

from __future__ import annotations

import re

from digest.figures.words import (
    DIGITS,
    EARLIER_MARKS,
    MEASUREMENT_UNITS,
    SCALED,
    SCALES,
    UNITS,
)
from digest.model import Figure


def token_value(text: str) -> float | None:
    word = text.lower()
    if DIGITS.match(word):
        return float(word.replace(",", ""))
    scaled = SCALED.match(word)
    if scaled:
        return float(scaled.group(1)) * SCALES[scaled.group(2)]
    if word in UNITS:
        return float(UNITS[word])
    return float(SCALES[word]) if word in SCALES else None


def strip_article(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text.strip())


def is_earlier_value(figure: Figure) -> bool:
    """A count written as an earlier value or a range's lower bound ("up from 12", "Between 30")."""
    words = tuple(figure.text.lower().split())
    return figure.counted not in MEASUREMENT_UNITS and any(words[: len(m)] == m for m in EARLIER_MARKS)


def significant_digits(text: str) -> int:
    """Digits as written, zeros at either end left out: 3 for "4.75%", 2 for "12,000", 0 for
    "two-thirds" (a word is a round value)."""
    return len(re.sub(r"\D", "", text).strip("0"))


def decimals(text: str) -> int:
    """Digits written after the decimal point: 2 for "3.50%", 0 for "about 34%"."""
    match = re.search(r"\d+(?:\.(\d+))?", text)
    return len(match.group(1) or "") if match else 0
