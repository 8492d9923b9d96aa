"""Nesting: which places an article says lie within which, read from the parse.

Outlets place one toll at different depths: "10 killed on Qeshm island", "10 killed in the
Persian Gulf", "three dead on Stadiou Street", "three dead in Athens". Grouping keeps figures of
two places apart, which keeps the Homs strike out of the Gaza toll and Thessaloniki's marchers
out of the Athens crowd, but also splits one toll written at two depths. The articles themselves
say how their places nest, in a few constructions the parse shows, and only those are read:

- a place with a place under "in", "on", "off" or "within": "Qeshm island in the Gulf";
- a place in apposition to a place: "Troy, Michigan", "Stadiou Street, downtown Athens";
- a place named by a settlement noun with a place's possessive or compound: "Iran's Kerman
  province", "the Persian Gulf island of Qeshm".

A list ("Athens, Thessaloniki and Patras") is a conjunction, not an apposition, and a
preposition the parse hangs on the verb ("strikes by Israel in Gaza") says nothing of the names.

Outlets abroad also place a toll in the country ("three killed in Greece") that the local press
places in its capital or street, and no article need write "Athens, Greece". A story's home
country (`home_country`: the one country most of its articles name, twice as often as any
other) is taken to hold the story's other places; country names are Babel's (CLDR), which
MkDocs Material's own dependency already installs.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from babel import Locale
from spacy.tokens import Doc, Span, Token

from digest.figures.context import entity_of, place_entity
from digest.figures.values import strip_article
from digest.figures.words import PLACE_LABELS, SETTLEMENT_NOUNS, STREET_NOUNS
from digest.model import Within

# Prepositions by which a place lies in another: "on the island", "off the coast" are where a
# place is as much as "in"; "near" and "at" say only that two places are close.
WITHIN_PREPS = {"in", "on", "off", "within", "inside"}
_PLACE_NOUNS = SETTLEMENT_NOUNS | STREET_NOUNS | {"coast", "gulf", "bay", "sea", "valley"}


def find_nesting(doc: Doc) -> tuple[Within, ...]:
    """Every (inner, outer) pair of places the article writes one within the other, in reading
    order, each once."""
    seen: dict[Within, None] = {}
    for token in doc:
        inner = named_place(token)
        if inner is None:
            continue
        for outer in outer_places(token, inner):
            pair = Within(strip_article(inner.text), strip_article(outer.text))
            if pair.inner.casefold() != pair.outer.casefold():
                seen.setdefault(pair, None)
    return tuple(seen)


def named_place(token: Token) -> Span | None:
    """The place a token names, where it heads the name: "Athens", "island" of "Qeshm island" or of
    "the island of Qeshm". Other words of a name (the "Persian" of "Persian Gulf") name none."""
    if token.dep_ == "compound" and token.head.ent_type_ == token.ent_type_ and token.ent_type_:
        return None
    entity = entity_of(token, PLACE_LABELS)
    if entity is not None:
        return entity if token.i == entity.root.i else None
    if token.lemma_.lower() not in _PLACE_NOUNS:
        return None
    return place_entity(token) or next((e for c in token.children if c.dep_ == "compound" and (e := entity_of(c, PLACE_LABELS)) is not None), None)


def outer_places(token: Token, inner: Span) -> Iterator[Span]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in WITHIN_PREPS and follows(child, max(token.i + 1, inner.end)):
            yield from (p for c in child.children if c.dep_ == "pobj" and (p := named_place(c)) is not None)
        elif child.dep_ == "appos" and follows(child, max(token.i + 1, inner.end)):
            place = named_place(child)
            if place is not None:
                yield place
        elif child.dep_ in {"poss", "compound"} and token.lemma_.lower() in _PLACE_NOUNS:
            place = entity_of(child, PLACE_LABELS)
            if place is not None and not overlaps(place, inner):
                yield place


def follows(child: Token, end: int) -> bool:
    """Whether the child's phrase comes right after the name, or after a comma: a preposition a
    misparse hangs on a name from further on ("the city of Homs and 27,708 in Gaza") is not the
    name's."""
    start = child.left_edge.i
    doc = child.doc
    return start == end or (start == end + 1 and doc[end].text == ",")


def overlaps(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end


# Babel's territories that are groupings, not countries: the EU, the euro area, the UN, "unknown".
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ"})


@functools.cache
def country_names() -> frozenset[str]:
    """Every country's English name, as CLDR writes it: "Greece", "United States"."""
    territories = Locale("en").territories
    return frozenset(name for code, name in territories.items() if code.isalpha() and code not in _NOT_COUNTRIES)


def home_country(named: Sequence[Iterable[str]]) -> str | None:
    """The country more than half the articles name (`named`: each article's place names), twice
    as many as name any other; None where no one country is the story's."""
    counts = Counter(name for names in named for name in set(names) & country_names())
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] * 2 <= len(named) or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def within_home(places: Iterable[str], named: Sequence[Iterable[str]]) -> tuple[Within, ...]:
    """Each place that is not a country, within the story's home country."""
    home = home_country(named)
    if home is None:
        return ()
    return tuple(Within(place, home) for place in sorted(set(places)) if place not in country_names())
