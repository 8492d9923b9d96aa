"""Split a parsed article into numbered sentences, and find the sentence of a character offset."""

from __future__ import annotations

import bisect
import sys
from collections.abc import Callable
from typing import Any, TypeVar, cast

from spacy.tokens import Doc, Span, Token

from digest.model import Article, Sentence

T = TypeVar("T")


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
                # Interned: a corpus repeats a small vocabulary, and so does each article's cached pickle.
                lemmas=tuple(sys.intern((t.lemma_ or t.text).lower()) for t in words),
                pos=tuple(sys.intern(t.pos_) for t in words),
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
    position = bisect.bisect_right(sentences, char, key=lambda s: s.start) - 1
    return sentences[position].index if position >= 0 else 0


def memoised(doc: Doc, name: str, compute: Callable[[], T]) -> T:
    """A per-doc value computed once: recomputed per figure or quote, whole-doc scans turn quadratic."""
    key = ("digest", name)
    # spaCy types user_data by str keys, but any hashable is allowed; a tuple cannot clash with theirs.
    data = cast(dict[object, Any], doc.user_data)
    if key not in data:
        data[key] = compute()
    return cast(T, data[key])


def sentence_of(token: Token) -> Span:
    """The sentence holding a token. spaCy's `Token.sent` walks every sentence before it."""
    doc = token.doc
    starts: list[int] = memoised(doc, "sentence_starts", lambda: [s.start for s in doc.sents] + [len(doc)])
    position = bisect.bisect_right(starts, token.i) - 1
    return doc[starts[position] : starts[position + 1]]
