"""Fractions: "one in five", "eight of 10", "two-thirds of", "a quarter of", read as shares."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from digest.figures.context import assemble
from digest.figures.counted import partitive_noun
from digest.figures.measurements import describe_share
from digest.figures.numbers import of_object, read_qualifier_at
from digest.figures.readings import antecedent, read_measured
from digest.figures.values import token_value
from digest.figures.words import FRACTION_WORDS, PERIOD_UNITS
from digest.model import Article, Figure, Sentence

# "three in four", "eight of 10": the words between a part and its whole.
SHARE_LINKS = {"in", "of"}


def fraction_spans(doc: Doc) -> Iterator[Span]:
    """ "one in five", "1 in 4" (the counted noun follows) and "two-thirds", "a quarter", "half"
    followed by "of" (the whole follows)."""
    for token in doc:
        if is_share_of(token):
            yield doc[token.i : token.i + 3]
        elif token.lemma_.lower() in FRACTION_WORDS or token.lower_ in FRACTION_WORDS:
            span = fraction_at(token)
            if span is not None:
                yield span


def is_share_of(token: Token) -> bool:
    """ "one in five", "one in 1,000", "Nine in ten voters", "3 in 4", "eight of 10 voters": one in
    anything, or a part of a hundred or fewer; never "12 in 2024" or "3 in 10%"."""
    doc, part = token.doc, token_value(token.text)
    if part is None or token.i + 2 >= len(doc) or doc[token.i + 1].lower_ not in SHARE_LINKS:
        return False
    whole = token_value(doc[token.i + 2].text)
    if token.i > 0 and token_value(doc[token.i - 1].text) is not None:
        return False  # "400 in" is not a part of anything
    if doc[token.i + 1].lower_ == "of" and part == 1:
        return False  # "one of 10 victims" may be one among them, not a tenth
    return whole is not None and part < whole and (part == 1 or whole <= 100) and doc[token.i + 3 : token.i + 4].text.lower() != "%"


def fraction_at(word: Token) -> Span | None:
    doc = word.doc
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if after is None or after.lower_ != "of" or word.tag_ == "VB":
        return None
    start = word.i
    if start >= 2 and doc[start - 1].text == "-" and token_value(doc[start - 2].text) is not None:
        start -= 2  # "two-thirds"
    elif start >= 1 and (doc[start - 1].lower_ in {"a", "one"} or token_value(doc[start - 1].text) is not None):
        start -= 1  # "a quarter", "three quarters"
    elif word.lower_ not in {"half"}:
        return None
    return doc[start : word.i + 1]


def fraction_value(span: Span) -> float | None:
    words = [t for t in span if t.text != "-"]
    if is_one_in(span):  # "one in five"
        parts = token_value(words[0].text), token_value(words[-1].text)
        return parts[0] / parts[1] if parts[0] and parts[1] else None
    word = words[-1]
    denominator = FRACTION_WORDS.get(word.lower_) or FRACTION_WORDS.get(word.lemma_.lower())
    numerator = token_value(words[0].text) if len(words) > 1 and words[0].lower_ not in {"a", "an"} else 1.0
    return numerator / denominator if numerator and denominator else None


def is_one_in(span: Span) -> bool:
    return len(span) == 3 and span[1].lower_ in SHARE_LINKS


def fraction_whole(span: Span) -> Token | None:
    """The noun a fraction takes its share of: "one in five homeowners", "two-thirds of the staff"."""
    last = span[-1]
    if is_one_in(span):
        return last.head if last.dep_ == "nummod" and last.head.pos_ == "NOUN" else partitive_noun(last)
    return antecedent(of_object(last) or of_object(span.root) or partitive_noun(last))


def read_fraction(article: Article, span: Span, sentences: tuple[Sentence, ...], previous: str | None) -> Figure | None:
    value, whole = fraction_value(span), fraction_whole(span)
    if value is None or whole is None or whole.lemma_.lower() in PERIOD_UNITS | {"century", "time"}:
        return None
    anchor = whole if is_one_in(span) else span[-1]
    if whole.lemma_.lower() == "point":  # "a quarter of a point": a fraction of the unit itself
        unit, value, reading = "percentage point", value, replace(read_measured(anchor), whole=None)
    else:
        unit, value, reading = "%", round(100 * value, 1), replace(read_measured(anchor), whole=whole)
    described = describe_share(unit, reading)
    if described is None:
        return None
    qualifier, start = read_qualifier_at(span.doc, span.start)
    measure, label = described
    return assemble(
        article, sentences, previous, anchor, span.start_char, value=value, text=span.doc[start : span.end].text,
        qualifier=qualifier, noun=None, unit=unit, measure=measure, label=label,
    )  # fmt: skip
