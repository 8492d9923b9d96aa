"""Figures: numbers that count something, and their grouping across a topic's articles."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from digest.model import Article, Figure, FigureGroup, Sentence


def find_figures(article: Article, doc: Doc, sentences: tuple[Sentence, ...]) -> tuple[Figure, ...]:
    """Placeholder until alignment lands: no figures."""
    return ()


def group_figures(figures: Sequence[Figure]) -> tuple[FigureGroup, ...]:
    return ()
