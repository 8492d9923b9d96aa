"""Statements compared by meaning: the sentence encoder's nearest neighbours, blocked per statement."""

from __future__ import annotations

import numpy as np

from digest.align.meaning import NEIGHBOURS, near_pairs, pair_similarities, sentence_vectors
from digest.nlp import encoder

TEXTS = [
    "Nine people were killed when a bus plunged into a ravine in the Ayacucho region on Tuesday.",
    "At least nine passengers died when their coach went off the road in Ayacucho on Tuesday.",
    "The central bank raised its main interest rate by half a point to curb inflation.",
    "Police said the driver had been at the wheel for fourteen hours without a break.",
]


def test_encode_texts_matches_each_text_encoded_alone() -> None:
    together = [np.frombuffer(v, dtype=np.float32) for v in encoder.encode_texts(TEXTS[:2])]
    alone = [np.frombuffer(encoder.encode(t), dtype=np.float32) for t in TEXTS[:2]]
    assert all(np.allclose(a, b, atol=1e-5) for a, b in zip(alone, together))
    assert encoder.encode_texts([]) == []


def test_one_article_alone_is_not_encoded() -> None:
    assert sentence_vectors(TEXTS[:2], ["a", "a"]).size == 0
    assert near_pairs(sentence_vectors(TEXTS[:2], ["a", "a"]), ["a", "a"]) == []


def test_a_paraphrase_is_a_near_pair_and_another_matter_is_not() -> None:
    articles = ["a", "b", "b", "c"]
    vectors = sentence_vectors(TEXTS, articles)
    pairs = near_pairs(vectors, articles)
    assert (0, 1) in pairs and (0, 2) not in pairs and (2, 3) not in pairs
    similar = pair_similarities(vectors, [(0, 1), (0, 2)])
    assert similar[(0, 1)] > 0.6 > similar[(0, 2)]
    assert similar[(0, 1)] == round(similar[(0, 1)], 3)  # rounded: the same on any matrix shape


def test_neighbours_are_across_articles_and_at_most_k_each() -> None:
    """Identical rows: every pair is as near as can be, so only the cap and the article rule bind."""
    rows = np.tile(encoder.as_matrix([encoder.encode(TEXTS[0])]), (20, 1))
    articles = [f"a{i % 5}" for i in range(20)]
    pairs = near_pairs(rows, articles)
    assert all(articles[i] != articles[j] for i, j in pairs)
    assert len(pairs) <= NEIGHBOURS * len(rows)


def test_pair_similarities_round_each_cosine_as_round_does() -> None:
    rng = np.random.default_rng(3)
    rows = rng.standard_normal((60, encoder.DIMENSIONS)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    pairs = [(i, j) for i in range(60) for j in range(i + 1, 60)]
    first, second = (np.array(side) for side in zip(*pairs))
    cosines = np.einsum("ij,ij->i", rows[first], rows[second])
    similar = pair_similarities(rows, pairs)
    assert list(similar) == pairs
    assert list(similar.values()) == [round(float(c), 3) for c in cosines]
    assert all(type(s) is float for s in similar.values())
