"""`publish_text: excerpts`: publish of each article only the sentences the digest cites.

A newsroom that digests other outlets' work should not republish their articles whole. The
digest is cut down before anything is rendered or exported, so the pages, the search index and
`digest.json` all hold the same excerpts and nothing more: each article's text becomes its
cited sentences (figures, quotes, claims), with their original indexes, so every anchor and
every link into a source page still lands on its sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from digest.model import Article, Digest, Extraction, Sentence, Topic

PUBLISH_TEXT = ("full", "excerpts")
# Between two cited sentences that were not neighbours in the article.
GAP = " … "


def cited_refs(topics: Iterable[Topic]) -> set[tuple[str, int]]:
    """Every (article, sentence) a figure, a quote or a claim links to."""
    cited: set[tuple[str, int]] = set()
    for topic in topics:
        cited.update((f.article, f.sentence) for g in topic.figures for f in g.values)
        cited.update((q.article, q.sentence) for g in topic.quotes for q in g.variants)
        cited.update((r.article, r.sentence) for c in topic.claims for r in c.refs)
    return cited


def excerpted(digest: Digest) -> Digest:
    """The digest with each article cut down to its cited sentences."""
    cited = cited_refs(digest.topics)
    extractions = tuple(excerpt(e, cited) for e in digest.extractions)
    by_id = {e.article.id: e.article for e in extractions}
    # An article with no extraction (none is expected) publishes nothing rather than its whole text.
    articles = tuple(by_id.get(a.id, cut(a, "")) for a in digest.articles)
    return replace(digest, articles=articles, extractions=extractions)


def excerpt(extraction: Extraction, cited: set[tuple[str, int]]) -> Extraction:
    kept = [s for s in extraction.sentences if (s.article, s.index) in cited]
    pieces: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    for previous, sentence in zip([None, *kept], kept):
        joint = "" if previous is None else ("\n\n" if previous.paragraph != sentence.paragraph else
                                            " " if previous.index + 1 == sentence.index else GAP)  # fmt: skip
        pieces.append(joint + sentence.text)
        offset += len(joint)
        # Offsets into the new text: the cut article stays consistent with its sentences.
        sentences.append(replace(sentence, start=offset, end=offset + len(sentence.text)))
        offset += len(sentence.text)
    # Mentions stay: a name is no one's text, and entity pages stay those of the full digest.
    return replace(extraction, article=cut(extraction.article, "".join(pieces)), sentences=tuple(sentences))


def cut(article: Article, text: str) -> Article:
    """The article with `text` for its own; the removed and mended lines are the outlet's text too."""
    return replace(article, text=text, removed=(), repaired=())
