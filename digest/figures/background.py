"""Background figures: a count from another event, told for comparison ("as in 1994, when
800,000 were killed", "In 2020, when the pandemic grounded its fleet, it cut 29,000 jobs").

They are figures of their own quantity, but not the story's: the page shows them as context.
A figure is background when its clause is framed by a year before the article's ("in 2016"), or
sits in a "when" clause that tells of such a year or of the event a comparison names ("since the
FTX collapse, when ...", "just like 2022, when ..."). A year that is the period counted ("in the
first quarter of 2025") frames no other event.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from digest.figures.words import COMPARISON_PREPS, PERIOD_NOUNS


def is_background(anchor: Token, published: str | None) -> bool:
    year = int(published[:4]) if published and published[:4].isdigit() else None
    chain = [anchor, *anchor.ancestors]
    return any(framed_by_year(node, year) or in_when_clause(node, year) for node in chain)


def framed_by_year(node: Token, year: int | None) -> bool:
    """ "In 2016 ... the company took back 2.5 million phones", "in the corona crisis of 2020"."""
    if year is None or node.pos_ not in {"VERB", "AUX"}:
        return False
    ins = (p for p in node.children if p.dep_ == "prep" and p.lower_ == "in")
    return any(earlier_year(t, year) for p in ins for t in frame_years(p))


def frame_years(prep: Token) -> Iterator[Token]:
    """The year an "in" phrase names: its object, or the "of" year of an event noun."""
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        yield pobj
        yield from (c for c in pobj.children if c.ent_type_ == "DATE")  # "in October 2013"
        if pobj.lemma_.lower() in PERIOD_NOUNS:
            continue  # "in the first quarter of 2025" is when the count was made, not another event
        for of in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"):
            yield from (c for c in of.children if c.dep_ == "pobj")


def in_when_clause(node: Token, year: int | None) -> bool:
    """ "since 2015, when 31 were arrested", "since the FTX collapse, when customers lost ..."."""
    if node.dep_ not in {"relcl", "advcl"} or not any(c.lower_ == "when" and c.dep_ in {"advmod", "mark"} for c in node.children):
        return False
    told = node.head
    compared = told.dep_ == "pobj" and told.head.lower_ in COMPARISON_PREPS
    return (year is not None and earlier_year(told, year)) or (compared and told.pos_ == "NOUN")


def earlier_year(token: Token, year: int) -> bool:
    text = token.text
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) < year
