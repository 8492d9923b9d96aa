"""Read sentences, entity mentions, figures and quotes off parsed articles, once.

An article's extraction is cached beside its parsed doc, keyed by the cleaned article,
the model and the package's own code: an unchanged seed then costs one small file read,
not a doc deserialisation and a fresh extraction, and any code change starts afresh.

Fresh articles are parsed and extracted in worker processes, a chunk at a time: only the
small extractions travel back, so the main process never holds a batch of parsed docs
(their tensors alone take ~0.4 kB a token) and does no spaCy work of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from digest import workers
from digest.extract.entities import find_mentions
from digest.extract.quotes import find_quotes
from digest.figures.assemble import find_figures
from digest.figures.nesting import find_nesting
from digest.memo import Memo, key_of_object
from digest.model import Article, Extraction
from digest.nlp.encoder import encode, lead_text, load_encoder
from digest.nlp.parse import Parser, parse_texts
from digest.nlp.sentences import split_sentences
from digest.progress import Report, Tick, counter, silent

# Articles per task: enough for spaCy to batch, few enough that both workers stay busy to the end.
CHUNK = 16
# The languages whose figures the digest reads: the figure words and the model are English. In
# another language it would read labels such as "etwa" or "pelo mistral": none beats wrong ones,
# and the topic page says so (site.render).
FIGURE_LANGUAGES = frozenset({"en"})


def reads_figures(language: str | None) -> bool:
    return language is None or language.split("-")[0].lower() in FIGURE_LANGUAGES


# How the articles the cache lacks are extracted: here and in forked workers (`extract_fresh`),
# or elsewhere (`digest.remote`, on a Dask cluster); `tick(n)` as n more are done.
Fresh = Callable[[Parser, Sequence[Article], Tick], list[Extraction]]


def extract_articles(parser: Parser, articles: Sequence[Article], report: Report = silent, fresh: Fresh | None = None) -> list[Extraction]:
    """An extraction per article, parsing only those the cache does not hold."""
    found = [read_cached(parser, a) for a in articles]
    missing = [a for a, e in zip(articles, found) if e is None]
    tick = counter(report, "parse + extract", len(articles), len(articles) - len(missing))
    if missing and fresh is None:
        load_encoder()  # once, here: forked workers inherit it instead of each reading 30 MB of weights
    extracted = (fresh or extract_fresh)(parser, missing, tick)
    for article, extraction in zip(missing, extracted, strict=True):
        if fresh is not None:  # computed elsewhere: kept here, exactly as local results are
            write_cached(parser, article, extraction)
        else:  # a worker wrote its file; a long-lived process keeps it in memory too, for the next save
            memo(parser).keep(key_of_object(article), extraction)
    remaining = iter(extracted)
    return [e if e is not None else next(remaining) for e in found]


def extract_fresh(parser: Parser, articles: Sequence[Article], tick: Tick | None = None) -> list[Extraction]:
    """Extractions in the articles' order, from worker processes where that pays."""
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    report = tick or (lambda n: None)
    if not workers.worth_forking(len(articles)):
        extracted: list[Extraction] = []
        for chunk in chunks:
            extracted += extract_chunk(parser, chunk)
            report(len(chunk))
        return extracted
    sizes = iter([len(chunk) for chunk in chunks])
    # The initializer hands each worker the parser once, instead of pickling it with every task.
    done = workers.fork_map(extract_in_worker, chunks, initializer=adopt_parser, initargs=(parser,), tick=lambda _: report(next(sizes)))
    return [e for chunk in done for e in chunk]


_worker_parser: Parser | None = None  # set once in each worker process, by adopt_parser


def adopt_parser(parser: Parser) -> None:
    global _worker_parser
    _worker_parser = parser


def extract_in_worker(articles: Sequence[Article]) -> list[Extraction]:
    assert _worker_parser is not None, "adopt_parser runs first in every worker"
    return extract_chunk(_worker_parser, articles)


def extract_chunk(parser: Parser, articles: Sequence[Article]) -> list[Extraction]:
    """Parse (or load the cached docs of) a few articles, extract them and cache what was extracted."""
    extracted = []
    for article, doc in zip(articles, parse_texts(parser, [a.text for a in articles])):
        extraction = extract_article(article, doc)
        write_cached(parser, article, extraction)
        extracted.append(extraction)
    return extracted


def extract_article(article: Article, doc: Doc) -> Extraction:
    sentences = split_sentences(article, doc)
    return Extraction(
        article=article,
        sentences=sentences,
        mentions=find_mentions(article, doc, sentences),
        figures=find_figures(article, doc, sentences) if reads_figures(article.language) else (),
        quotes=find_quotes(article, doc, sentences),
        nesting=find_nesting(doc) if reads_figures(article.language) else (),
        vector=encode(lead_text(article.title, sentences)),
    )


def memo(parser: Parser) -> Memo:
    """Extractions depend on the model as well as the article: they live under the model's key."""
    return Memo(parser.cache_dir / parser.key if parser.cache_dir else None, "extract", "digest.extract.articles", shared=True)


def read_cached(parser: Parser, article: Article) -> Extraction | None:
    extraction = memo(parser).load(key_of_object(article), Extraction)
    return extraction if extraction is not None and extraction.article == article else None


def write_cached(parser: Parser, article: Article, extraction: Extraction) -> None:
    memo(parser).store(key_of_object(article), extraction)
