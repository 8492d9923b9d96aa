"""The benchmark corpus: deterministic, the sizes asked for, and realistic enough to exercise every stage."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from pathlib import Path

import pytest

from digest.sources.clean import clean_article
from digest.sources.read import read_seeds
from digest_tools.corpus import extra_article, generate_corpus, plan_stories, story_sizes, write_corpus


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_writes_byte_identical_files(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 40, seed=7)
    write_corpus(tmp_path / "b", 40, seed=7)
    assert folder_bytes(tmp_path / "a") == folder_bytes(tmp_path / "b")


def test_different_seeds_write_different_corpora(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 40, seed=7)
    write_corpus(tmp_path / "b", 40, seed=8)
    a, b = folder_bytes(tmp_path / "a"), folder_bytes(tmp_path / "b")
    assert set(a) != set(b)
    assert set(a.values()).isdisjoint(b.values())


@pytest.mark.parametrize("n", [1, 2, 3, 7, 11, 13, 64, 250])
def test_corpus_has_exactly_the_articles_asked_for(n: int) -> None:
    articles = generate_corpus(n, seed=3)
    assert len(articles) == n
    assert len({a.name for a in articles}) == n


@pytest.mark.parametrize("n", [3, 11, 13, 14, 97, 500])
def test_every_story_has_three_to_ten_outlets(n: int) -> None:
    sizes = Counter(a.story for a in generate_corpus(n, seed=5))
    assert all(3 <= size <= 10 for size in sizes.values()), sizes
    assert len({a.outlet for a in generate_corpus(n, seed=5) if a.story == 0}) == sizes[0]


@pytest.mark.parametrize("n", range(3, 60))
def test_story_sizes_sum_to_the_corpus(n: int) -> None:
    sizes = story_sizes(n, __import__("random").Random(n))
    assert sum(sizes) == n and all(3 <= s <= 10 for s in sizes)


def test_articles_are_about_six_hundred_words() -> None:
    words = [len(a.content.split()) for a in generate_corpus(60, seed=2)]
    assert 560 <= statistics.mean(words) <= 700
    assert min(words) >= 500


def test_stories_are_distinct_events() -> None:
    _, stories = plan_stories(600, seed=4)
    assert len({s.town for s in stories}) == len(stories)
    assert len({s.date for s in stories}) == len(stories)
    people = [p.name for s in stories for p in s.officials]
    assert len(set(people)) == len(people)


def test_each_article_names_its_own_story_town_and_people() -> None:
    _, stories = plan_stories(30, seed=9)
    for article in generate_corpus(30, seed=9):
        story = stories[article.story]
        assert story.town in article.content
        assert any(p.name in article.content or p.surname in article.content for p in story.officials)


def test_some_stories_disagree_on_figures_and_some_agree() -> None:
    _, stories = plan_stories(300, seed=1)
    counts = [len(values) for s in stories for values in s.figures.values()]
    assert 1 in counts and max(counts) >= 2


def test_seeds_read_cleanly_in_both_formats_with_dates(tmp_path: Path) -> None:
    write_corpus(tmp_path, 80, seed=6)
    articles, problems = read_seeds(tmp_path)
    assert problems == [] and len(articles) == 80
    suffixes = Counter(Path(a.file).suffix for a in articles)
    assert suffixes[".md"] >= 10 and suffixes[".txt"] >= 10
    assert sum(1 for a in articles if a.published) >= 40
    assert all(a.source for a in articles if a.file.endswith(".md"))


def test_boilerplate_is_present_and_cleaning_removes_it(tmp_path: Path) -> None:
    write_corpus(tmp_path, 80, seed=6)
    articles, _ = read_seeds(tmp_path)
    raw = "\n".join(a.text for a in articles)
    assert "Share:" in raw and "Read Next" in raw and ("PHOTO/" in raw or "Photo:" in raw)
    cleaned = [clean_article(a) for a in articles]
    assert sum(len(a.removed) for a in cleaned) >= 30
    assert not any("Read Next" in a.text or "\nShare:" in a.text for a in cleaned)


def test_the_same_remarks_are_quoted_in_several_wordings() -> None:
    # A story quotes three remarks; more distinct quotations than that means paraphrases.
    wordings: dict[int, set[str]] = {}
    for article in generate_corpus(120, seed=11):
        quoted = re.findall(r"[“\"]([^”\"]{20,})[”\"]", article.content)
        wordings.setdefault(article.story, set()).update(q.rstrip(".,") for q in quoted)
    assert sum(1 for found in wordings.values() if len(found) > 3) >= len(wordings) // 2


def test_extra_article_is_a_new_file_on_the_first_story() -> None:
    corpus = generate_corpus(25, seed=12)
    extra = extra_article(25, seed=12)
    assert extra.story == 0
    assert extra.name not in {a.name for a in corpus}
    assert extra.outlet not in {a.outlet for a in corpus if a.story == 0}
    assert extra == extra_article(25, seed=12)
