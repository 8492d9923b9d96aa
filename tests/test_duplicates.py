"""Exact and near duplicate seeds are counted once, named, and found without comparing every pair."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from conftest import SEEDS
from rapidfuzz import fuzz

from digest.model import Article
from digest.sources.clean import clean_article
from digest.sources.duplicates import NEAR, as_text, candidate_pairs, drop_duplicates, normalise
from digest.sources.read import read_seeds


def article(file: str, text: str) -> Article:
    return Article(id=file.split(".")[0], file=file, title="Title", text=text)


def corpus(count: int, seed: int = 3) -> list[str]:
    """Unrelated texts of 400-800 words drawn from a Zipf-like vocabulary, as natural text is."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(8000)]
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocab))))
    return [" ".join(rng.choices(vocab, cum_weights=weights, k=rng.randint(400, 800))) for _ in range(count)]


def edit(text: str, share: float, seed: int) -> str:
    """`text` with `share` of its words replaced, scattered: a copy with typos fixed and words changed."""
    rng = random.Random(seed)
    words = text.split()
    for _ in range(int(len(words) * share)):
        words[rng.randrange(len(words))] = rng.choice(["the", "said", "and", "of", "official"])
    return " ".join(words)


REAL = (SEEDS / "004_59013b3910ca6c44.txt").read_text(encoding="utf-8")


def test_an_exact_duplicate_is_counted_once_and_names_the_first() -> None:
    first, copy, other = article("a.txt", REAL), article("b.txt", REAL), article("c.txt", corpus(1)[0])
    kept, problems = drop_duplicates([first, copy, other])
    assert kept == [first, other]
    assert [(p.file, p.message) for p in problems] == [("b.txt", "duplicate of a.txt; counted once")]


def test_spacing_case_and_quote_style_do_not_make_a_new_text() -> None:
    variant = REAL.upper().replace("'", "’").replace(" ", "  ").replace("\n", "\n\n")
    kept, problems = drop_duplicates([article("a.txt", REAL), article("b.txt", variant)])
    assert len(kept) == 1 and problems[0].message == "duplicate of a.txt; counted once"


def test_a_near_duplicate_is_counted_once_with_its_similarity() -> None:
    copy = REAL.replace("Wednesday", "Tuesday", 1).replace("crucial", "critical") + "\nReporting by a staff writer."
    score = fuzz.ratio(normalise(REAL), normalise(copy))
    assert NEAR <= score < 100
    kept, problems = drop_duplicates([article("a.txt", REAL), article("b.txt", copy)])
    assert [a.file for a in kept] == ["a.txt"]
    assert [(p.file, p.message) for p in problems] == [
        ("b.txt", f"near duplicate of a.txt ({int(score)}% the same text); counted once")
    ]


def test_texts_below_the_threshold_are_both_kept() -> None:
    base = corpus(1)[0]
    rewritten = edit(base, 0.25, seed=1)
    assert fuzz.ratio(normalise(base), normalise(rewritten)) < NEAR
    kept, problems = drop_duplicates([article("a.txt", base), article("b.txt", rewritten)])
    assert len(kept) == 2 and problems == []


def test_short_texts_that_differ_by_a_number_are_different_reports() -> None:
    one = "Police said 3 people died in the fire on Monday night."
    two = "Police said 5 people died in the fire on Monday night."
    assert fuzz.ratio(one, two) >= NEAR
    kept, problems = drop_duplicates([article("a.txt", one), article("b.txt", two)])
    assert len(kept) == 2 and problems == []


def test_a_copy_is_named_after_a_kept_seed_never_a_dropped_one() -> None:
    base = corpus(1)[0]
    near = edit(base, 0.01, seed=2)
    kept, problems = drop_duplicates([article("a.txt", base), article("b.txt", near), article("c.txt", base)])
    assert [a.file for a in kept] == ["a.txt"]
    assert [p.file for p in problems] == ["b.txt", "c.txt"]
    assert all("of a.txt" in p.message for p in problems)


def test_an_article_left_empty_by_cleaning_is_dropped_with_a_reason() -> None:
    empty = clean_article(article("share.txt", "Share:\nLeave a Reply\n"))
    assert empty.text == ""
    kept, problems = drop_duplicates([empty, article("a.txt", REAL), article("b.txt", "")])
    assert [a.file for a in kept] == ["a.txt"]
    assert [(p.file, p.message) for p in problems] == [
        ("share.txt", "skipped: no article text left once page furniture is removed"),
        ("b.txt", "skipped: no article text left once page furniture is removed"),
    ]


def test_the_five_seeds_are_not_duplicates_of_each_other() -> None:
    articles, _ = read_seeds(SEEDS)
    cleaned = [clean_article(a) for a in articles]
    kept, problems = drop_duplicates(cleaned)
    assert problems == [] and kept == cleaned


def test_a_copied_real_seed_is_caught_after_reading_and_cleaning(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(SEEDS.iterdir()):
        (seeds / path.name).write_bytes(path.read_bytes())
    (seeds / "zz_copy.txt").write_text("Share:\n" + REAL.replace("crucial", "vital") + "\nRelated News\n")
    articles, _ = read_seeds(seeds)
    _, problems = drop_duplicates([clean_article(a) for a in articles])
    assert [p.file for p in problems] == ["zz_copy.txt"]
    assert problems[0].message.startswith("near duplicate of 004_59013b3910ca6c44.txt (")


def test_output_does_not_depend_on_anything_but_the_input() -> None:
    texts = corpus(30)
    articles = [article(f"{i:02d}.txt", t) for i, t in enumerate(texts)]
    articles += [article(f"x{i}.txt", edit(texts[i], 0.02, seed=i)) for i in range(0, 30, 5)]
    assert drop_duplicates(articles) == drop_duplicates(list(articles))
    assert [p.file for p in drop_duplicates(articles)[1]] == [f"x{i}.txt" for i in range(0, 30, 5)]


def test_blocking_finds_every_near_copy_and_compares_few_unrelated_pairs() -> None:
    """The cost that matters: among 1,500 unrelated texts almost no pair reaches rapidfuzz,
    while every copy at or above the threshold still does (scattered edits of 1-12 % of words, some of them below it)."""
    texts = corpus(1500)
    originals = [as_text(article(f"{i:04d}.txt", t)) for i, t in enumerate(texts)]
    pairs = candidate_pairs(originals)
    # Linear, not quadratic: fewer comparisons than texts, where all pairs would be 1,124,250.
    assert len(pairs) < len(texts) // 10, f"{len(pairs)} of {len(texts) * (len(texts) - 1) // 2} pairs compared"
    copies = [article(f"copy{i:03d}.txt", edit(texts[i], 0.01 + (i % 12) / 100, seed=i)) for i in range(120)]
    near = [c for i, c in enumerate(copies) if fuzz.ratio(normalise(texts[i]), normalise(c.text)) >= NEAR]
    assert 30 <= len(near) < len(copies)
    articles = [article(f"{i:04d}.txt", t) for i, t in enumerate(texts)] + copies
    _, problems = drop_duplicates(articles)
    assert sorted(p.file for p in problems) == sorted(c.file for c in near)
