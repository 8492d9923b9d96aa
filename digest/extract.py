"""Read sentences, entity mentions, figures and quotes off parsed articles, once.

An article's extraction is cached beside its parsed doc, keyed by the cleaned article,
the model and the package's own code: an unchanged seed then costs one small file read,
not a doc deserialisation and a fresh extraction, and any code change starts afresh.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

from digest.entities import find_mentions
from digest.figures import find_figures
from digest.model import Article, Extraction
from digest.parse import Parser, parse_texts
from digest.quotes import find_quotes
from digest.sentences import split_sentences


def extract_articles(parser: Parser, articles: Sequence[Article]) -> list[Extraction]:
    """An extraction per article, parsing only those the cache does not hold."""
    found: list[Extraction | None] = [read_cached(parser, a) for a in articles]
    missing = [i for i, extraction in enumerate(found) if extraction is None]
    docs = parse_texts(parser, [articles[i].text for i in missing])
    for i, doc in zip(missing, docs):
        found[i] = extract_article(articles[i], doc)
        write_cached(parser, articles[i], found[i])
    return [e for e in found if e is not None]


def extract_article(article: Article, doc: Doc) -> Extraction:
    sentences = split_sentences(article, doc)
    return Extraction(
        article=article,
        sentences=sentences,
        mentions=find_mentions(article, doc, sentences),
        figures=find_figures(article, doc, sentences),
        quotes=find_quotes(article, doc, sentences),
    )


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package's source: extractions made by other code are never reused."""
    digest = hashlib.sha256()
    package = resources.files("digest")
    for name in sorted(p.name for p in package.iterdir() if p.name.endswith(".py")):
        digest.update(name.encode() + package.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def cache_path(parser: Parser, article: Article) -> Path | None:
    if parser.cache_dir is None:
        return None
    key = hashlib.sha256(repr(article).encode("utf-8")).hexdigest()
    return parser.cache_dir / parser.key / f"extract-{code_fingerprint()}" / key[:2] / f"{key}.pickle"


def read_cached(parser: Parser, article: Article) -> Extraction | None:
    path = cache_path(parser, article)
    if path is None or not path.is_file():
        return None
    try:
        extraction = pickle.loads(path.read_bytes())  # our own cache folder, written below
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, OSError, ValueError):
        return None  # damaged or stale: extract again
    return extraction if isinstance(extraction, Extraction) and extraction.article == article else None


def write_cached(parser: Parser, article: Article, extraction: Extraction) -> None:
    path = cache_path(parser, article)
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
    temporary.replace(path)
