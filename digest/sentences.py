"""Split a parsed article into numbered sentences, and find the sentence of a character offset."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from digest.model import Article, Sentence


def split_sentences(article: Article, doc: Doc) -> tuple[Sentence, ...]:
    """The doc's sentences that hold words, numbered in order; the number is the anchor."""
    sentences: list[Sentence] = []
    paragraph_starts = paragraph_offsets(article.text)
    carried: int | None = None  # where a run of bare punctuation ("#", "*") began
    for span in doc.sents:
        text = span.text.strip()
        start = span.start_char + (len(span.text) - len(span.text.lstrip()))
        paragraph = bisect.bisect_right(paragraph_starts, start) - 1
        if not any(ch.isalnum() for ch in text):
            carried = start if carried is None else carried
            continue
        if carried is not None and bisect.bisect_right(paragraph_starts, carried) - 1 == paragraph:
            # Punctuation spaCy split off belongs to the sentence it opens: the page must show it.
            start, text = carried, article.text[carried : start + len(text)]
        carried = None
        words = [t for t in span if not (t.is_punct or t.is_space)]
        sentences.append(
            Sentence(
                article.id, len(sentences), text, start, start + len(text), max(paragraph, 0),
                lemmas=tuple((t.lemma_ or t.text).lower() for t in words),
                pos=tuple(t.pos_ for t in words),
            )
        )
    return tuple(sentences)


def paragraph_offsets(text: str) -> list[int]:
    offsets = [0]
    position = text.find("\n\n")
    while position >= 0:
        offsets.append(position + 2)
        position = text.find("\n\n", position + 2)
    return offsets


def sentence_at(sentences: tuple[Sentence, ...], char: int) -> int:
    """The index of the sentence holding a character offset (the last one before it otherwise)."""
    index = 0
    for sentence in sentences:
        if sentence.start > char:
            break
        index = sentence.index
    return index
