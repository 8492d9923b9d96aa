"""Direct quotes with their speakers, and their grouping across a topic's articles."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from digest.model import Article, Quote, QuoteGroup, Sentence


def find_quotes(article: Article, doc: Doc, sentences: tuple[Sentence, ...]) -> tuple[Quote, ...]:
    """Placeholder until alignment lands: no quotes."""
    return ()


def group_quotes(quotes: Sequence[Quote]) -> tuple[QuoteGroup, ...]:
    return ()
