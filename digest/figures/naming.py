"""Numbers that name, number or time a thing instead of counting it: "the iPhone 15", "5G",
"1920 x 1080", "number 10", "minute 89", "at 14.00", "one of the largest".

A count comes before what it counts ("15 phones"); a number that follows its noun ("Android 17",
"Building 366"), sits inside a name ("Windows 11 users") or is glued to capitals ("5G") labels it.
"""

from __future__ import annotations

from spacy.tokens import Span

from digest.figures.values import token_value
from digest.figures.words import (
    CALIBER_WORDS,
    CLOCK,
    CLOCK_AFTER,
    CLOCK_BEFORE,
    COORDINATE_WORDS,
    DIMENSION_MARKS,
    EMERGENCY_NUMBERS,
    GLUED_UNITS,
    INVARIANT_PLURALS,
    LINE_NOUNS,
    MERIDIEMS,
    NAMING_ENTITIES,
    TALLY_NOUNS,
    WEAPON_NOUNS,
)


def names_something(run: Span) -> bool:
    tests = (
        follows_its_noun, inside_a_name, after_a_name_in_its_phrase, glued_to_capitals, is_dimension, is_clock,
        is_pronoun_one, is_coordinate, is_caliber, is_service_number, names_one_thing,
    )  # fmt: skip
    return any(test(run) for test in tests)


def names_one_thing(run: Span) -> bool:
    """ "the 76 station", "the 2500 block of Oregon 214": a number of two or more before a singular
    noun, after "the", names one thing (a brand, a street's block) rather than counting many.
    Nouns whose plural is their singular ("the 40 staff", "the 12 aircraft") still count."""
    doc, number = run.doc, run[-1]
    noun = number.head
    before = doc[run.start - 1] if run.start > 0 else None
    if number.dep_ != "nummod" or noun.tag_ != "NN" or noun.dep_ == "compound" or noun.i != run.end or before is None or before.lower_ != "the":
        return False
    value = token_value(number.text)
    return value is not None and value >= 2 and noun.lemma_.lower() not in INVARIANT_PLURALS


def follows_its_noun(run: Span) -> bool:
    """ "number 10", "Android 17", "minute 89", "Building 366": the number comes after the noun it
    modifies. A tally's value may follow it in a headline ("Gaza toll 27,708"): kept."""
    number = run[-1]
    head = number.head
    return number.dep_ in {"nummod", "appos", "npadvmod"} and head.i == run.start - 1 and head.pos_ in {"NOUN", "PROPN"} and head.lemma_.lower() not in TALLY_NOUNS - {"number"}


def inside_a_name(run: Span) -> bool:
    """ "Windows 11 users", "the Galaxy Note 7", "Euro 2024": the number is part of a named entity
    that holds a word as well; a proper noun stands just before it."""
    doc = run.doc
    before = doc[run.start - 1] if run.start > 0 else None
    if before is None or before.pos_ != "PROPN" or not before.is_alpha:
        return False
    return all(t.ent_type_ in NAMING_ENTITIES for t in run) and before.ent_type_ in NAMING_ENTITIES and before.ent_iob_ != "O" and run[0].ent_iob_ == "I"


def after_a_name_in_its_phrase(run: Span) -> bool:
    """ "the Interstate 75 highway", "a Boeing 737 jet": a proper noun just before the number
    modifies the noun the number does, so the two name it together (a count never follows a name
    inside its own phrase)."""
    number = run[-1]
    before = run.doc[run.start - 1] if run.start > 0 else None
    if before is None or before.pos_ != "PROPN" or before.dep_ not in {"compound", "nmod"}:
        return False
    if not (before.is_title or (before.is_upper and len(before) > 1)):  # "the SNS 24 line", "the FTSE 100 index"
        return False
    return number.dep_ == "nummod" and before.head.i == number.head.i


def glued_to_capitals(run: Span) -> bool:
    """ "5G", "4K": written onto capitals that are no unit ("12GB" is twelve gigabytes)."""
    doc = run.doc
    after = doc[run.end] if run.end < len(doc) else None
    if after is None or run[-1].whitespace_ or not after.is_alpha:
        return False
    return after.text[0].isupper() and after.lower_ not in GLUED_UNITS


def is_dimension(run: Span) -> bool:
    doc = run.doc
    beside = [doc[i].lower_ for i in (run.start - 1, run.end) if 0 <= i < len(doc)]
    return any(word in DIMENSION_MARKS for word in beside)


def is_clock(run: Span) -> bool:
    """ "at 14.00", "20.45 hours", "21:02 —", "7 p.m.": a time of day written with a point or colon,
    or an hour of the clock."""
    doc = run.doc
    after = doc[run.end].lower_ if run.end < len(doc) else ""
    if len(run) == 1 and run.text.isdigit() and 1 <= int(run.text) <= 12 and after in MERIDIEMS:
        return True  # "around 7 p.m."
    if len(run) != 1 or not CLOCK.match(run.text):
        return False
    before = doc[run.start - 1].lower_ if run.start > 0 else ""
    return ":" in run.text or before in CLOCK_BEFORE or after in CLOCK_AFTER


def is_pronoun_one(run: Span) -> bool:
    """ "one of the largest cases": "one" stands for a thing picked from others, it counts none."""
    doc = run.doc
    if run.text.lower() != "one" or run.end + 2 >= len(doc) or doc[run.end].lower_ != "of":
        return False
    return any(t.tag_ == "JJS" or t.lower_ == "most" for t in doc[run.end + 1 : run.end + 4])


def is_coordinate(run: Span) -> bool:
    """ "55.96 degrees in longitude and 26.94 degrees latitude": a position on the globe, no quantity."""
    doc = run.doc
    near = doc[max(run.start - 3, 0) : min(run.end + 4, len(doc))]
    return any(t.lower_ in COORDINATE_WORDS for t in near)


def is_caliber(run: Span) -> bool:
    """ "a 9mm handgun", "155mm artillery shells", "a 12 gauge shotgun": a bore names a weapon's
    kind; it measures nothing the story counts."""
    doc = run.doc
    after = doc[run.end : min(run.end + 4, len(doc))]
    bore = 0
    while bore < len(after) and (after[bore].lower_ in CALIBER_WORDS or after[bore].text == "-"):
        bore += 1
    return 0 < bore < len(after) and after[bore].lemma_.lower() in WEAPON_NOUNS


def is_service_number(run: Span) -> bool:
    """ "911 calls", "a 999 operator": an emergency line's number names the line."""
    doc = run.doc
    after = doc[run.end] if run.end < len(doc) else None
    return run.text in EMERGENCY_NUMBERS and after is not None and after.lemma_.lower() in LINE_NOUNS
