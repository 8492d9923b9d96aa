"""Background figures: a count from another event, told for comparison ("as in 1994, when
800,000 were killed", "In 2020, when the pandemic grounded its fleet, it cut 29,000 jobs").

They are figures of their own quantity, but not the story's: the page shows them as context.
A figure is background when its clause is framed by a year before the article's ("in 2016"; an
undated article's year is the one its lead names, `undated_year`), or
sits in a "when" clause that tells of such a year or of the event a comparison names ("since the
FTX collapse, when ...", "just like 2022, when ..."). A year that is the period counted ("in the
first quarter of 2025") frames no other event.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from digest.figures.words import COMPARISON_PREPS, PERIOD_NOUNS
from digest.nlp.sentences import memoised


def is_background(anchor: Token, published: str | None) -> bool:
    dated = bool(published and published[:4].isdigit())
    year = int(published[:4]) if published and dated else undated_year(anchor)
    past_only = not dated
    chain = [anchor, *anchor.ancestors]
    return any(framed_by_year(node, year, past_only) or in_when_clause(node, year) for node in chain)


def undated_year(anchor: Token) -> int | None:
    """The year an undated article is taken to tell of, for telling background by: the one its
    lead names, else one after every year it names. News dates its own story by day ("on
    Sunday"), not by year: a year in an undated article's body frames another event ("the world's
    worst disaster in December 2003, in which 31,000 were killed"), unless the lead names it.
    Only what the article tells as past is then framed (`framed_by_year`): "in 2027 it will cut"
    is the story's own plan."""
    return memoised(anchor.doc, "undated_year", lambda: story_year(anchor.doc))


def story_year(doc: Doc) -> int | None:
    lead = next(iter(doc.sents), None)
    named = [int(t.text) for t in lead if is_year_token(t)] if lead is not None else []
    if named:
        return max(named)
    years = [int(t.text) for t in doc if is_year_token(t)]
    return max(years) + 1 if years else None


def is_year_token(token: Token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and 1800 <= int(token.text) <= 2100 and token.ent_type_ == "DATE"


def framed_by_year(node: Token, year: int | None, past_only: bool = False) -> bool:
    """ "In 2016 ... the company took back 2.5 million phones", "in the corona crisis of 2020";
    "the disaster in December 2003, in which …": a noun a relative clause tells of frames it too.
    `past_only`: only a verb in a past form (or a noun whose clause is) is framed."""
    clauses = [c for c in node.children if c.dep_ == "relcl"] if node.pos_ == "NOUN" else [node]
    if year is None or node.pos_ not in {"VERB", "AUX", "NOUN"} or not clauses:
        return False
    if past_only and not any(c.tag_ in {"VBD", "VBN"} for c in clauses):
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
