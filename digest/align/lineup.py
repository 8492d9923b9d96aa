"""One topic lined up: its figures, quotes and claims grouped across its articles, and its entities.

A module of its own so that the cached topics are keyed by exactly the code that makes them
(`digest.memo.code_fingerprint`): this module and what it imports, not the whole pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.align.claims import align_claims
from digest.align.quotes import group_quotes
from digest.figures.grouping import group_figures
from digest.model import EntityRef, Extraction, Figure, Quote, Topic
from digest.nlp.encoder import encode_texts
from digest.site.slug import slugify


def align_job(job: tuple[str, str, Sequence[Extraction]]) -> Topic:
    return make_topic(*job)


def make_topic(slug: str, title: str, group: Sequence[Extraction]) -> Topic:
    dates = sorted({e.article.published for e in group if e.article.published})
    figures = group_figures([f for e in group for f in e.figures], figure_contexts(group))
    claims, disagreements = align_claims(group, figures)
    return Topic(
        slug=slug,
        title=title,
        articles=tuple(sorted(e.article.id for e in group)),
        dates=(dates[0], dates[-1]) if dates else (),
        figures=figures,
        quotes=group_quotes([q for e in group for q in e.quotes], quote_vectors(group)),
        claims=claims,
        entities=topic_entities(group),
        disagreements=disagreements,
    )


def figure_contexts(group: Sequence[Extraction]) -> dict[Figure, bytes]:
    """Each figure's context vector: what it counts in words, then its sentence (the clause
    around the number). Only topics where two articles give figures need them, and only their
    figures are encoded, once per topic (the topic memo keeps them with the topic)."""
    if len([e for e in group if e.figures]) < 2:
        return {}
    figures = sorted({f for e in group for f in e.figures}, key=lambda f: (f.article, f.sentence, f.value, f.text))
    texts = {(s.article, s.index): s.text for e in group for s in e.sentences}
    contexts = [f"{f.label}. {texts.get((f.article, f.sentence), '')}" for f in figures]
    return dict(zip(figures, encode_texts(contexts)))


def quote_vectors(group: Sequence[Extraction]) -> dict[Quote, bytes]:
    """Each quote's vector, so that a paraphrase or a translation of a remark meets its wording
    in another article; only where two articles quote anyone."""
    if len([e for e in group if e.quotes]) < 2:
        return {}
    quotes = sorted({q for e in group for q in e.quotes}, key=lambda q: (q.article, q.sentence, q.text))
    return dict(zip(quotes, encode_texts([q.text for q in quotes])))


def topic_entities(group: Sequence[Extraction]) -> tuple[EntityRef, ...]:
    seen: dict[str, str] = {}
    for mention in (m for e in group for m in e.mentions):
        seen.setdefault(mention.canonical, mention.label)
    return tuple(EntityRef(n, seen[n], slugify(n)) for n in sorted(seen))
