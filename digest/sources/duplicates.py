"""Each text once: a seed that repeats an earlier one, exactly or nearly, is reported and left out.

Scrapers fetch the same story twice, and outlets republish wire copy with a changed headline,
a byline or a fixed typo. Counting such a copy as a second outlet would make one source look
like two, so it is dropped with a problem that names the seed it repeats. The first seed in
input order (the reader sorts by file name) is the one kept.

Near means a rapidfuzz `ratio` of at least `NEAR` between the normalised texts (case, accents
of quotation marks, punctuation and spacing ignored). Comparing every pair would be
quadratic, so texts are *blocked* first (locality-sensitive hashing): each gets a MinHash
signature of its word 3-grams, cut into bands, and only texts that agree on a whole band (and
are of comparable length) are compared. Two texts that are 95 % the same share most of their
3-grams, so they agree on some band with near certainty; unrelated texts almost never do.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from digest.memo import ByIdentity
from digest.model import Article, Problem

NEAR = 95.0
# Word 3-grams: unrelated articles share few, so unrelated texts rarely land in one bucket.
_GRAM = 3
# LSH banding: a pair is compared when all the MinHash rows of any one band agree. With 20 bands
# of 2 rows, texts whose 3-gram sets overlap by half collide with probability 0.996, texts that
# share 5 % of their 3-grams with probability 0.05 (measured costs are in tests/test_duplicates.py).
_BANDS = 20
_ROWS = 2
# Bands a candidate must share: with 20 bands of 2 rows a near copy shares 11 on average,
# fewer than 4 about once in 2,000 times.
_MIN_SHARED_BANDS = 4
# ratio >= 95 is impossible when the shorter text is under this share of the longer one.
_MIN_LENGTH_SHARE = 0.9
# Below this many characters a changed word or number is a different text, not a near copy.
_MIN_NEAR_CHARS = 200
# Fixed multipliers and offsets for the hash family: the same buckets on every run and machine.
_RANDOM = np.random.default_rng(20240207)
_MULTIPLY = _RANDOM.integers(1, 2**63, size=_BANDS * _ROWS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_ADD = _RANDOM.integers(0, 2**63, size=_BANDS * _ROWS, dtype=np.uint64)


@dataclass(frozen=True)
class Text:
    """A seed's normalised text and its LSH buckets: what duplicates are found by."""

    file: str
    key: str
    bands: tuple[bytes, ...]  # one bucket key per band; empty for texts too short to be near copies


def drop_duplicates(articles: Sequence[Article]) -> tuple[list[Article], list[Problem]]:
    """The articles without repeats, and one problem per repeat naming the seed it repeats.

    An article left with no text at all (everything was page furniture) is dropped too: it
    would otherwise be the "duplicate" of every other empty one, and it says nothing.
    """
    kept: list[Article] = []
    problems: list[Problem] = []
    index = TextIndex()
    for article in articles:
        text = as_text(article)
        verdict = judge(text, index)
        if verdict is None:
            index.add(text)
            kept.append(article)
        else:
            problems.append(Problem(article.file, verdict))
    return kept, problems


def judge(text: Text, index: TextIndex) -> str | None:
    """Why the text is not kept, or None when it is new."""
    if not text.key:
        return "skipped: no article text left once page furniture is removed"
    same = index.exact.get(text.key)
    if same is not None:
        return f"duplicate of {same}; counted once"
    near = nearest(text, index.candidates(text))
    if near is not None:
        other, score = near
        return f"near duplicate of {other.file} ({int(score)}% the same text); counted once"
    return None


class TextIndex:
    """The kept texts, by exact key and by LSH bucket."""

    def __init__(self) -> None:
        self.exact: dict[str, str] = {}
        self.buckets: dict[tuple[int, bytes], list[Text]] = defaultdict(list)

    def add(self, text: Text) -> None:
        self.exact[text.key] = text.file
        for band, bucket in enumerate(text.bands):
            self.buckets[band, bucket].append(text)

    def candidates(self, text: Text) -> list[Text]:
        """Kept texts sharing several bands: one shared band is common among articles written from
        one template, while a near copy (ratio >= 95) shares about half of them."""
        shared: Counter[str] = Counter()
        found: dict[str, Text] = {}
        for band, bucket in enumerate(text.bands):
            for other in self.buckets.get((band, bucket), ()):
                shared[other.file] += 1
                found[other.file] = other
        return [found[file] for file in sorted(found) if shared[file] >= _MIN_SHARED_BANDS]


def nearest(text: Text, candidates: Iterable[Text]) -> tuple[Text, float] | None:
    """The most similar candidate at or above `NEAR` (the first such on a tie), if any."""
    if len(text.key) < _MIN_NEAR_CHARS:
        return None
    best: tuple[Text, float] | None = None
    for other in candidates:
        if not comparable(text.key, other.key):
            continue
        score = fuzz.ratio(text.key, other.key, score_cutoff=NEAR)
        if score and (best is None or score > best[1]):
            best = (other, score)
    return best


def comparable(a: str, b: str) -> bool:
    shorter, longer = sorted((len(a), len(b)))
    return shorter >= _MIN_NEAR_CHARS and shorter >= longer * _MIN_LENGTH_SHARE


# Each article's Text, by the article: `mkdocs serve` hands back the same cleaned articles on
# every save, and hashing their 3-grams again was 1.5 s of a rebuild at 1,000 articles, profiled.
_TEXTS: ByIdentity[Text] = ByIdentity(resident_only=True)


def as_text(article: Article) -> Text:
    known = _TEXTS.get(article)
    if known is not None:
        return known
    key = normalise(article.text)
    return _TEXTS.put(Text(article.file, key, bands(key) if len(key) >= _MIN_NEAR_CHARS else ()), article)


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces: quotes, dashes and spacing do not count."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", text))


def bands(key: str) -> tuple[bytes, ...]:
    """The text's LSH bucket keys: its MinHash signature cut into `_BANDS` bands of `_ROWS` rows."""
    words = key.split()
    grams = {" ".join(words[i : i + _GRAM]) for i in range(max(1, len(words) - _GRAM + 1))}
    # crc32, not hash(): Python salts str hashes per process, and output must not vary by run.
    hashes = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams))
    # Multiply-shift hashing: uint64 arithmetic wraps, which is the modulus we want.
    mixed = (hashes[None, :] * _MULTIPLY[:, None] + _ADD[:, None]) >> np.uint64(32)
    signature = mixed.min(axis=1).reshape(_BANDS, _ROWS)
    return tuple(row.tobytes() for row in signature)


def candidate_pairs(texts: Sequence[Text]) -> set[tuple[str, str]]:
    """Every pair of files the blocking would let `nearest` compare (for measuring its cost)."""
    index = TextIndex()
    pairs: set[tuple[str, str]] = set()
    for text in texts:
        for other in index.candidates(text):
            if comparable(text.key, other.key):
                pairs.add((other.file, text.file))
        index.add(text)
    return pairs
