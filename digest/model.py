"""The data every stage passes on: frozen, plain, and free of spaCy and MkDocs.

Stages read these and return new ones; nothing here knows how it was computed,
so the renderer, the JSON export and the tests share one vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# progression: the values differ but each was given for a day of its own (a toll rising 9 → 11 → 13)
Status = Literal["agreed", "divergent", "single", "progression"]


def anchor(sentence: int) -> str:
    """The HTML id of a sentence on its source page: every link to a sentence is built from it."""
    return f"s{sentence}"


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file; the build reports it and goes on."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Outlet:
    """Who published an article: a name, and what the editors know of it."""

    name: str
    homepage: str | None = None  # an http(s) address, checked when read
    country: str | None = None  # as the editors write it: "India", "ES"
    language: str | None = None  # the outlet's usual language, an ISO 639-1 code


@dataclass(frozen=True)
class Article:
    """One seed after reading and cleaning: the text the digest works from."""

    id: str
    file: str
    title: str
    text: str  # cleaned; paragraphs separated by one blank line
    removed: tuple[str, ...] = ()
    # Lines whose broken encoding was mended ("CafÃ©" -> "Café"), each as "before → after".
    repaired: tuple[str, ...] = ()
    published: str | None = None  # ISO date
    source: str | None = None  # the outlet's name: always `outlet.name`, kept for callers and digest.json
    url: str | None = None  # the original article; only ever an http(s) address (see digest.sources.outlets)
    language: str | None = None
    outlet: Outlet | None = None

    def __post_init__(self) -> None:
        # One truth for the outlet's name: `source="X"` alone means `Outlet("X")`, and a given
        # outlet names the source. (To drop an outlet, replace both `outlet` and `source`.)
        if self.outlet is None and self.source:
            object.__setattr__(self, "outlet", Outlet(self.source))
        elif self.outlet is not None and self.source != self.outlet.name:
            object.__setattr__(self, "source", self.outlet.name)


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article's cleaned text, addressable by its anchor."""

    article: str
    index: int
    text: str
    start: int  # character offsets into Article.text
    end: int
    paragraph: int = 0
    # Per word (punctuation and spaces left out): the lower-cased lemma and its coarse POS,
    # so stages after parsing can compare sentences by content words without the spaCy doc.
    lemmas: tuple[str, ...] = ()
    pos: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return anchor(self.index)


@dataclass(frozen=True)
class Mention:
    """A named entity as one sentence writes it, with its corpus-wide name."""

    article: str
    sentence: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT …
    canonical: str
    # The short form written in parentheses right after the name: "Hamas" in
    # "the Islamic Resistance Movement (Hamas)"; the writer's word that the two are one.
    short: str = ""


@dataclass(frozen=True)
class Measure:
    """What a figure measures, as read: the thing, its kind, the whole it is a share of, whose share
    it is, and whether it is a level or a change. `str()` is the label digest.json has always
    carried ("rise in rate (repo)", "share of vote for X"); grouping reads the fields, never the text."""

    thing: str  # "killed", "rate", "share", "magnitude", "pay"; "" for an owner's change ("rise for X")
    kind: str | None = None  # compounds naming its kind: "repo" in "rate (repo)"
    whole: Measure | None = None  # what it is a share or magnitude of: "vote" in "share of vote"
    restriction: tuple[str, ...] = ()  # participles restricting the whole: "counted" in "share of ballots counted"
    owner: str | None = None  # whose share: "X" in "share for X"
    change: str | None = None  # "rise" or "fall" for a change; None for a level

    def __str__(self) -> str:
        if self.change is not None and not self.thing:
            return f"{self.change} for {self.owner}"
        text = self.thing + (f" ({self.kind})" if self.kind else "")
        if self.change is not None:
            text = f"{self.change} in {text}"
        if self.whole is not None:
            text += f" of {self.whole}" + "".join(f" {w}" for w in self.restriction)
        return text + (f" for {self.owner}" if self.owner else "")

    def without_whole(self) -> Measure:
        """ "share for X" for "share of vote for X": one outlet may leave the whole unsaid."""
        return Measure(self.thing, self.kind, None, (), self.owner, self.change)

    def without_kinds(self) -> Measure:
        """ "rate" for "rate (repo)", at every level: one outlet may leave the kind unsaid."""
        whole = self.whole.without_kinds() if self.whole is not None else None
        return Measure(self.thing, None, whole, self.restriction, self.owner, self.change)

    def first_kind(self) -> str | None:
        """The kind said first in the label: its own, else its whole's."""
        return self.kind or (self.whole.first_kind() if self.whole is not None else None)


@dataclass(frozen=True)
class Figure:
    """A number that counts something, with what it counts and who says so."""

    article: str
    sentence: int
    value: float
    text: str  # as written, qualifier included: "at least 27,585"
    qualifier: str | None  # "at least", "more than", "about", "some"; None when exact
    noun: str | None  # the counted noun's lemma: "people", "death", "hostage"; None for a measurement
    measure: Measure  # the normalised thing measured: "killed", "hostages", "inhabitants", or the noun
    label: str  # what is counted, in words: "people killed in Gaza"
    place: str | None = None
    period: str | None = None  # a window the count covers: "24 hours"
    as_of: str | None = None  # ISO date
    attribution: str | None = None
    # The date as written ("Wednesday", "7 October"): shown where the article's own date is
    # unknown, so a reader still sees that two tolls were given on different days.
    when: str | None = None
    unit: str | None = None  # a measurement's unit: "%", "km", "magnitude", "euro"; None for a count
    # A background figure from another event or time ("as in 1994, when 800,000 were killed"):
    # shown apart as context, never lined up with or against the story's own.
    context: bool = False
    # The article's publication date: the as-of date of a value whose sentence names no day
    # ("The recall now covers nearly 1.7 million packs"), so a running count reads in order.
    published: str | None = None

    @property
    def counted(self) -> str:
        """What the value is a number of: the unit of a measurement, else the counted noun."""
        return self.unit or self.noun or ""


@dataclass(frozen=True)
class Quote:
    """A direct quote and the person it is attributed to."""

    article: str
    sentence: int  # the sentence where the quote opens
    text: str  # the quoted words, without the quotation marks
    speaker: str | None  # canonical name where resolved
    speaker_text: str | None = None  # as written: "he", "Blinken", "the Qatari ruler"
    # The quoted content words' lower-cased lemmas, phrasal verbs joined ("go_back"), so
    # grouping can meet "chose"/"chosen" without the spaCy doc; empty when built by hand.
    lemmas: tuple[str, ...] = ()
    # The speaker's role in words, lower-cased: a named speaker's title in the article ("mayor"
    # of "Mayor Tomasz Wierzbicki"), or the words of a definite description no name resolved
    # ("prime", "minister" of "the prime minister"), which another outlet may name.
    role: tuple[str, ...] = ()


@dataclass(frozen=True)
class Within:
    """Two places an article writes one inside the other: "Qeshm island in the Persian Gulf"."""

    inner: str
    outer: str


@dataclass(frozen=True)
class Extraction:
    """Everything read off one parsed article."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    vector: bytes = b""  # the multilingual encoder's unit vector of the lead (digest.nlp.encoder)
    nesting: tuple[Within, ...] = ()  # places written one within another (digest.figures.nesting)


@dataclass(frozen=True)
class SentenceRef:
    article: str
    sentence: int
    text: str

    @property
    def anchor(self) -> str:
        return anchor(self.sentence)


@dataclass(frozen=True)
class FigureGroup:
    """One counted quantity across a topic's articles."""

    label: str
    status: Status
    values: tuple[Figure, ...]
    context: bool = False  # every value is a background figure (see `Figure.context`)


@dataclass(frozen=True)
class QuoteGroup:
    """One remark, with each article's wording of it."""

    speaker: str | None
    variants: tuple[Quote, ...]


@dataclass(frozen=True)
class Claim:
    """A statement of fact and the sentences, in one or more articles, that make it."""

    text: str
    refs: tuple[SentenceRef, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({ref.article for ref in self.refs}))


@dataclass(frozen=True)
class Disagreement:
    """Two statements about one thing that cannot both be true, each side with the sentences
    that make it; `kind` names what they differ on ("number", "negation", "duration", "place")."""

    sides: tuple[Claim, Claim]
    kind: str


@dataclass(frozen=True)
class EntityRef:
    """An entity named in a topic: its canonical name and kind."""

    name: str
    label: str
    slug: str


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    articles: tuple[str, ...]
    dates: tuple[str, ...] = ()
    figures: tuple[FigureGroup, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()
    claims: tuple[Claim, ...] = ()
    entities: tuple[EntityRef, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()


@dataclass(frozen=True)
class Digest:
    """The whole understanding of a seeds folder: what every page is rendered from."""

    articles: tuple[Article, ...]
    extractions: tuple[Extraction, ...]
    topics: tuple[Topic, ...]
    problems: tuple[Problem, ...] = field(default=())

    def topic_of(self, article_id: str) -> Topic:
        return next(t for t in self.topics if article_id in t.articles)
