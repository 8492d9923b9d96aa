"""One topic lined up: its figures, quotes and claims grouped across its articles, and its entities.

A module of its own so that the cached topics are keyed by exactly the code that makes them
(`digest.memo.code_fingerprint`): this module and what it imports, not the whole pipeline.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from digest.align.claims import align_claims
from digest.align.quotes import group_quotes, resolve_roles, resolve_surnames
from digest.figures.grouping import group_figures, nest_places
from digest.figures.meaning import Encode
from digest.figures.nesting import within_home
from digest.model import EntityRef, Extraction, Figure, Quote, Topic
from digest.nlp.encoder import encode_texts
from digest.site.slug import slugify


def align_job(job: tuple[str, str, Sequence[Extraction]]) -> Topic:
    return make_topic(*job)


def make_topic(slug: str, title: str, group: Sequence[Extraction]) -> Topic:
    dates = sorted({e.article.published for e in group if e.article.published})
    written = [f for e in group for f in e.figures]
    home = within_home((f.place for f in written if f.place), [[m.canonical for m in e.mentions] for e in group])
    figures = group_figures(written, figure_contexts(group), nest_places([*(w for e in group for w in e.nesting), *home]))
    claims, disagreements = align_claims(group, figures)
    quotes = resolve_surnames(resolve_roles([q for e in group for q in e.quotes]))
    return Topic(
        slug=slug,
        title=title,
        articles=tuple(sorted(e.article.id for e in group)),
        dates=(dates[0], dates[-1]) if dates else (),
        figures=figures,
        quotes=group_quotes(quotes, quote_vectors(quotes), article_names(group)),
        claims=claims,
        entities=topic_entities(group),
        disagreements=disagreements,
    )


def figure_contexts(group: Sequence[Extraction]) -> Encode | None:
    """What encodes figures' context vectors: what each counts in words, then its sentence (the
    clause around the number). Only topics where two articles give figures need them, and of
    those only the figures grouping asks for: those another article's figures may join."""
    if len([e for e in group if e.figures]) < 2:
        return None
    texts = {(s.article, s.index): s.text for e in group for s in e.sentences}

    def encode(figures: Sequence[Figure]) -> dict[Figure, bytes]:
        return dict(zip(figures, encode_texts([f"{f.label}. {texts.get((f.article, f.sentence), '')}" for f in figures])))

    return encode


def quote_vectors(quotes: Sequence[Quote]) -> dict[Quote, bytes]:
    """The vector of each quote that another article's could match by meaning, so that a
    paraphrase or a translation of a remark meets its wording there; only where two articles
    quote anyone."""
    if len({q.article for q in quotes}) < 2:
        return {}
    asked = comparable_quotes(sorted(set(quotes), key=lambda q: (q.article, q.sentence, q.text)))
    return dict(zip(asked, encode_texts([q.text for q in asked])))


def article_names(group: Sequence[Extraction]) -> dict[str, frozenset[str]]:
    """Whom each article names, casefolded: its words (a surname the tagger missed included)
    and the canonical names of its entities (a name it spells another way)."""
    return {
        e.article.id: frozenset(re.findall(r"\w+", e.article.text.casefold())) | {m.canonical.casefold() for m in e.mentions}
        for e in group
    }


def comparable_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes the encoder is ever asked about (`quotes.Meaning`): two known speakers never
    share a remark, so with every speaker known only those of a speaker another article quotes
    too; a quote with no known speaker may be the translation of any, and then all are."""
    if any(not q.speaker for q in quotes):
        return list(quotes)
    articles: dict[str, set[str]] = defaultdict(set)
    for quote in quotes:
        articles[quote.speaker or ""].add(quote.article)
    return [q for q in quotes if len(articles[q.speaker or ""]) > 1]


def topic_entities(group: Sequence[Extraction]) -> tuple[EntityRef, ...]:
    seen: dict[str, str] = {}
    for mention in (m for e in group for m in e.mentions):
        seen.setdefault(mention.canonical, mention.label)
    return tuple(EntityRef(n, seen[n], slugify(n)) for n in sorted(seen))
