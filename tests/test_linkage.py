"""Blocking and linkage shared by topics, quotes and claims."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

from digest.align.linkage import average_linkage, pairs_sharing


def counted(postings: dict[str, list[int]], cap: int) -> Counter[tuple[int, int]]:
    """Every pair posted under one key, counted the plain way."""
    shared: Counter[tuple[int, int]] = Counter()
    for ids in postings.values():
        if len(ids) <= cap:
            shared.update(combinations(ids, 2))
    return shared


def test_pairs_sharing_keys_are_the_pairs_counted_one_by_one() -> None:
    rng = random.Random(7)
    for _ in range(20):
        items, keys = rng.randint(2, 300), rng.randint(1, 200)
        postings = {f"k{k}": sorted(rng.sample(range(items), rng.randint(1, min(items, 40)))) for k in range(keys)}
        postings["twice"] = [0, 0, 1]  # an item posting a key twice pairs with itself, as combinations does
        cap = rng.randint(2, 40)
        pairs = counted(postings, cap)
        for at_least in (1, 2, 3):
            assert pairs_sharing(postings, cap, at_least) == sorted(p for p, k in pairs.items() if k >= at_least)


def test_a_key_beyond_the_cap_and_no_keys_pair_nothing() -> None:
    assert pairs_sharing({"every": [0, 1, 2, 3]}, cap=3) == []
    assert pairs_sharing({}, cap=3) == []
    assert pairs_sharing({"one": [5]}, cap=3) == []


def test_average_linkage_merges_only_allowed_groups_above_the_threshold() -> None:
    scores = {(0, 1): 0.9, (1, 2): 0.8, (2, 3): 0.1}
    # {0, 1} against 2 averages (0 + 0.8) / 2, below the threshold.
    assert average_linkage(4, scores, 0.5, lambda i, j: True) == [[0, 1], [2], [3]]
    assert average_linkage(4, scores, 0.5, lambda i, j: (i, j) != (0, 1)) == [[0], [1, 2], [3]]
