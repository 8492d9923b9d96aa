"""Units: the unit a number is written in (a sign, a word after it, a hyphen, a range's shared
unit, a magnitude), the token that stands for the measurement, and the span the figure covers."""

from __future__ import annotations

from spacy.tokens import Span, Token

from digest.figures.numbers import compared_with, from_partner, glued_temperature, is_fractional, number_value, read_qualifier, run_around, run_root, runs_of
from digest.figures.values import token_value
from digest.figures.words import (
    CURRENCY_CODES,
    CURRENCY_NAMES,
    CURRENCY_SCALES,
    CURRENCY_SIGNS,
    PERCENT_KINDS,
    PERCENT_UNITS,
    SCALES,
    SEISMIC_NOUNS,
    SPEED_UNITS,
    TEMPERATURE_SCALES,
    TEMPERATURE_UNITS,
    UNIT_NAMES,
)
from digest.nlp.sentences import sentence_of
from digest.nlp.vocabulary import ARGUMENTS


def measurement_unit(run: Span) -> tuple[str, Token, int, int] | None:
    """The unit of a measured number, the token that stands for the measurement in the tree,
    and the span of the figure as written (unit and sign included); None for a plain count."""
    doc, number = run.doc, run_root(run)
    temperature = glued_temperature(run[-1])
    if temperature is not None:
        return temperature[1], run[-1], run.start, run.end
    after = doc[run.end] if run.end < len(doc) else None
    before = doc[run.start - 1] if run.start > 0 else None
    sign = currency_sign(before) if before is not None else None
    if before is not None and sign is not None and currency_scale(run, sign):
        return sign, doc[run.end], before.i, run.end + 1  # "€2.5m": "m" heads it
    if after is not None and after.lower_ in CURRENCY_SCALES and currency_scale(run, scaled_name(after) or ""):
        return scaled_name(after) or "", doc[after.i + 1], run.start, after.i + 2  # "12m lei": the currency heads it
    if after is not None:
        found = unit_after(after)
        if found is not None:  # "per cent", "percentage points": the last word heads the phrase
            anchor = doc[found[1] - 1] if found[0] in PERCENT_KINDS else after
            if found[0] in TEMPERATURE_UNITS:  # "degrees Celsius", parsed either way round
                anchor = run_root(doc[run.end : found[1]])
            return found[0], anchor, run.start, found[1]
        joined = joined_unit(run)
        if joined is not None:
            return joined
        upper = range_upper(run)
        if upper is not None:  # "between 3.1 and 4.0 per cent": the bounds share one unit
            shared = measurement_unit(upper)
            return (shared[0], shared[1], run.start, run.end) if shared is not None else None
    if before is not None and sign is not None:
        anchor = before if number.head.i == before.i else number
        return sign, anchor, before.i, run.end
    magnitude = magnitude_word(run) or seismic_word(run)
    if magnitude is not None:
        anchor = number.head if number.dep_ == "nummod" and number.head.pos_ == "NOUN" else magnitude
        anchor = number if magnitude.i == number.i else anchor
        return "magnitude", anchor, min(run.start, magnitude.i), max(run.end, magnitude.i + 1)
    return compared_unit(run) or scaled_unit(run)


def scaled_unit(run: Span) -> tuple[str, Token, int, int] | None:
    """The currency a scaled amount of nothing leaves unsaid, as business copy does after a first
    sum: "a net loss of 1.3 billion euros, against a profit of 450 million a year earlier". A
    scale word that counts a noun ("450 million people") is a count."""
    number = run_root(run)
    if run[-1].lower_ not in SCALES or run[-1].lower_ in {"hundred", "thousand"} or number.dep_ == "nummod":
        return None
    sentence = sentence_of(number)
    earlier = [r for r in runs_of(run.doc) if sentence.start <= r.start and r.end <= run.start]
    units = [unit for r in earlier if (unit := measurement_unit(r)) is not None]
    if not units or units[-1][0] not in CURRENCY_NAMES.values():
        return None
    # "sank to 1,42 billion kronor, against 2,29 billion a year earlier": the level it is set against
    against = number.dep_ == "pobj" and number.head.lower_ in {"against", "versus", "vs"}
    return units[-1][0], units[-1][1] if against else number, run.start, run.end


def compared_unit(run: Span) -> tuple[str, Token, int, int] | None:
    """The unit a compared value leaves unsaid: "a deficit of 286 billion crowns, down from 310
    billion", "rose to $4.2 billion from 3.9 billion". The value it is compared with, in the same
    sentence, gives the unit and the token that stands for the measurement."""
    number = run_root(run)
    other = from_partner(number) or compared_with(number)
    if other is None:
        return None
    shared = measurement_unit(run_around(other))
    return (shared[0], shared[1], run.start, run.end) if shared is not None else None


def joined_unit(run: Span) -> tuple[str, Token, int, int] | None:
    """A unit joined to its number by a hyphen, the thing measured after: "a 6.8-inch screen",
    "a 10-km stretch", "a 110bn-euro rescue package". A period ("a six-week strike") or an age is no unit. ("The 6.8in display"
    is left alone: the parser reads its "in" as a preposition, and the sentence around it wrong.)"""
    doc = run.doc
    if run.end + 1 >= len(doc) or run[-1].whitespace_:
        return None
    after = doc[run.end]
    if after.text != "-" or after.whitespace_:
        return None
    unit = doc[run.end + 1]
    name = UNIT_NAMES.get(unit.lower_) or UNIT_NAMES.get(unit.lemma_.lower()) or CURRENCY_NAMES.get(unit.lower_)
    if name is None or unit.head.pos_ != "NOUN" or unit.head.i < unit.i:
        return None
    return name, unit, run.start, run.end + 2  # the unit heads it, as in "6.8 inches", on the noun it modifies


def currency_scale(run: Span, unit: str) -> float | None:
    """The scale glued to a sum in a currency: "€2.5m", "$3bn", "12m lei"."""
    doc = run.doc
    signed = run.start > 0 and currency_sign(doc[run.start - 1]) == unit
    after = doc[run.end] if run.end < len(doc) else None
    if after is None or doc[run.end - 1].whitespace_ != "":
        return None
    named = scaled_name(after) == unit
    return CURRENCY_SCALES.get(after.lower_) if signed or named else None


def scaled_name(scale: Token) -> str | None:
    """The currency named after a glued scale: "lei" of "12m lei"."""
    doc = scale.doc
    found = unit_after(doc[scale.i + 1]) if scale.i + 1 < len(doc) and scale.whitespace_ else None
    return found[0] if found is not None and found[0] in CURRENCY_NAMES.values() else None


def currency_sign(token: Token) -> str | None:
    """The currency a sign or an ISO code before a number stands for: "$", "€", "EUR", "USD"."""
    return CURRENCY_SIGNS.get(token.lower_) or CURRENCY_CODES.get(token.text)


def range_upper(run: Span) -> Span | None:
    """The upper bound of a range the run opens: "between 3.1 and 4.0", "from 30 to 40"."""
    doc = run.doc
    if run.end + 1 >= len(doc) or doc[run.end].lower_ not in {"and", "to"}:
        return None
    before = doc[run.start - 1].lower_ if run.start > 0 else ""
    if before not in {"between", "from"}:
        return None
    end = run.end + 1
    while end < len(doc) and token_value(doc[end].text) is not None:
        end += 1
    return doc[run.end + 1 : end] if end > run.end + 1 else None


def unit_after(token: Token) -> tuple[str, int] | None:
    """The unit a number is followed by, and where the written unit ends: "%", "per cent", "km/h",
    "kilometres an hour", "percentage points", "hectares", "kronor"."""
    doc, lemma = token.doc, token.lemma_.lower()
    following = [t.lower_ for t in doc[token.i + 1 : token.i + 3]]
    if token.lower_ in PERCENT_UNITS or lemma in PERCENT_UNITS:
        return "%", token.i + 1
    if token.lower_ == "per" and following[:1] == ["cent"]:
        return "%", token.i + 2
    if token.lower_ == "percentage" and following[:1] and following[0].startswith("point"):
        return "percentage point", token.i + 2
    if token.lower_ == "basis" and following[:1] and following[0].startswith("point"):
        return "basis point", token.i + 2  # a hundredth of a percentage point, as markets write it
    currency = CURRENCY_NAMES.get(lemma) or CURRENCY_NAMES.get(token.lower_) or CURRENCY_NAMES.get(token.lower_.removesuffix("s"))
    currency = currency or CURRENCY_CODES.get(token.text)  # "900 million EUR"
    if currency is not None:
        return currency, token.i + 1
    if token.text == "°":  # "47.1°C", "104 °F", a bare "30°"
        scale = following[0] if following else ""
        return ("fahrenheit", token.i + 2) if scale == "f" else ("degree", token.i + (2 if scale == "c" else 1))
    unit = UNIT_NAMES.get(lemma) or UNIT_NAMES.get(token.lower_)
    if unit is None:
        return None
    speed = SPEED_UNITS.get(unit, f"{unit}/h")
    if following[:2] in (["/", "h"], ["/", "hr"]):
        return speed, token.i + 3  # "80 km/h" split by the tokenizer
    if following[:2] in (["an", "hour"], ["a", "hour"], ["per", "hour"]):
        return speed, token.i + 3
    if unit == "degree" and following[:1] and following[0] in TEMPERATURE_SCALES:
        # "29 degrees Celsius": the scale's name heads the phrase. Fahrenheit is its own unit,
        # never a divergent value of a temperature in Celsius ("104F" is "40C").
        return ("fahrenheit" if following[0] == "fahrenheit" else unit), token.i + 2
    return unit, token.i + 1


def magnitude_word(run: Span) -> Token | None:
    """ "magnitude 6.8", "magnitude-6.8", "6.9-magnitude", "a magnitude of 6.9", "put the magnitude at 6.8"."""
    doc = run.doc
    near = [doc[i] for i in (run.start - 1, run.start - 2, run.end, run.end + 1) if 0 <= i < len(doc)]
    written = next((t for t in near if is_magnitude_word(t)), None)
    if written is not None and all(doc[i].text == "-" for i in range(min(written.i, run.start) + 1, max(written.i, run.end - 1))):
        return written
    number = run_root(run)
    if number.dep_ == "pobj" and number.head.lower_ == "of" and is_magnitude_word(number.head.head):
        return number.head.head
    # "a magnitude of at least 5.9 hit": the parse may hang the number anywhere; the words say it
    _, start = read_qualifier(run)
    if start >= 2 and doc[start - 1].lower_ == "of" and is_magnitude_word(doc[start - 2]):
        return doc[start - 2]
    return completed_noun(number, {"magnitude"})


def is_magnitude_word(token: Token) -> bool:
    """ "magnitude", and the "-magnitude" of copy whose hyphen lost its number ("a 5.6 -magnitude quake")."""
    return token.lower_.lstrip("-") == "magnitude"


def seismic_word(run: Span) -> Token | None:
    """A quake's magnitude written bare: "the 6.9 earthquake", "the strongest measuring 5.4"."""
    number = run_root(run)
    if number.dep_ == "nummod" and number.head.lemma_.lower() in SEISMIC_NOUNS and is_fractional(run):
        return number.head
    measuring = number.head.lemma_.lower() == "measure" and number.dep_ in {"dobj", "attr", "npadvmod", "oprd"}
    # "registering 6.1 on the Richter scale", "a force of about 6.0 on the Richter scale"
    scale = tuple(t.lower_ for t in run.doc[run.end : run.end + 4]) == ("on", "the", "richter", "scale")
    return number if (measuring and is_fractional(run)) or (scale and 0 < (number_value(run) or 0) <= 10) else None


def completed_noun(number: Token, nouns: set[str]) -> Token | None:
    """The noun a number completes through its verb: "put the magnitude at 6.8", "the toll rose to 300"."""
    verb = number.head.head if number.dep_ == "pobj" else number.head
    if number.dep_ not in {"pobj", "attr", "dobj"} or verb.pos_ not in {"VERB", "AUX"}:
        return None
    candidates = [c for c in verb.children if c.dep_ in ARGUMENTS and c.i != number.i]
    return next((n for n in candidates if n.lemma_.lower() in nouns), None)
