"""Read sentences, entity mentions, figures and quotes off one parsed article."""

from __future__ import annotations

from spacy.tokens import Doc

from digest.entities import find_mentions
from digest.figures import find_figures
from digest.model import Article, Extraction
from digest.sentences import split_sentences
from digest.quotes import find_quotes


def extract_article(article: Article, doc: Doc) -> Extraction:
    sentences = split_sentences(article, doc)
    return Extraction(
        article=article,
        sentences=sentences,
        mentions=find_mentions(article, doc, sentences),
        figures=find_figures(article, doc, sentences),
        quotes=find_quotes(article, doc, sentences),
    )
