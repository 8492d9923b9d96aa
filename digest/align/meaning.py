"""What two statements assert, compared as sentence vectors rather than as shared words.

Outlets rarely word one fact alike ("ordering the inspections in response to the flow of illegal
drugs" / "stepped-up inspections are needed to curb the flow of drugs"), so word overlap alone
misses most paraphrases. The multilingual sentence encoder the stories already use
(`digest.nlp.encoder`) maps a sentence near its paraphrases. Only a topic's candidate statements
are encoded, and only where two or more articles could share one; each statement's nearest
statements of *other* articles are candidate pairs (blocking: k per statement, so the pairs grow
linearly with the topic), a block of rows at a time so memory stays block × n.

Similarities are rounded to three places: a matrix product's last bits may differ with its
shape, and the site must come out byte-identical.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from digest.nlp.encoder import as_matrix, encode_texts

NEIGHBOURS = 3  # nearest statements of other articles each statement is compared with
NEIGHBOUR_MIN = 0.5  # below this similarity a neighbour is no paraphrase worth scoring
BLOCK = 512


def sentence_vectors(texts: Sequence[str], articles: Sequence[str]) -> np.ndarray:
    """Unit rows for the texts; none (an empty matrix) unless two articles are present."""
    if len(set(articles)) < 2:
        return np.zeros((0, 0), np.float32)
    return as_matrix(encode_texts(texts))


def near_pairs(vectors: np.ndarray, articles: Sequence[str]) -> list[tuple[int, int]]:
    """Each statement with its NEIGHBOURS most similar statements of other articles, if similar enough."""
    n = len(vectors)
    if n < 2 or vectors.shape[1] == 0:
        return []
    owner = np.array(hash_free_ids(articles))
    k = min(NEIGHBOURS, n - 1)
    found: set[tuple[int, int]] = set()
    for start in range(0, n, BLOCK):
        sims = np.round(vectors[start : start + BLOCK] @ vectors.T, 3)
        sims[owner[start : start + BLOCK, None] == owner[None, :]] = -1.0  # same article: never a pair
        nearest = np.argsort(-sims, axis=1, kind="stable")[:, :k]
        for row, columns in enumerate(nearest):
            i = start + row
            found.update((min(i, int(j)), max(i, int(j))) for j in columns if sims[row, j] >= NEIGHBOUR_MIN)
    return sorted(found)


def hash_free_ids(articles: Sequence[str]) -> list[int]:
    """Each article as a small integer, by first appearance (no string hashing: runs must agree)."""
    ids: dict[str, int] = {}
    return [ids.setdefault(a, len(ids)) for a in articles]


def pair_similarities(vectors: np.ndarray, pairs: Sequence[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """The cosine of each pair's two statements, rounded; none where nothing was encoded."""
    if not pairs or vectors.shape[1] == 0:
        return {}
    first, second = (np.array(side) for side in zip(*pairs))
    cosines = np.einsum("ij,ij->i", vectors[first], vectors[second])
    # In float64 a float32 cosine times 1000 is exact, so numpy rounds it as `round` would, at
    # once for the topic's (hundreds of thousands of) pairs.
    return dict(zip(pairs, np.round(cosines.astype(np.float64), 3).tolist()))
