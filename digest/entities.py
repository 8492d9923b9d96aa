"""Entity mentions, and one canonical name per person, place and organisation across the corpus."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from digest.sentences import sentence_at
from digest.model import Article, Extraction, Mention, Sentence

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")


def find_mentions(article: Article, doc: Doc, sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
    return tuple(
        Mention(article.id, sentence_at(sentences, ent.start_char), ent.text, ent.label_, ent.text)
        for ent in doc.ents
        if ent.label_ in LABELS
    )


def canonicalise(extractions: Sequence[Extraction]) -> tuple[Extraction, ...]:
    """Placeholder: names as written (alignment replaces this)."""
    return tuple(extractions)
