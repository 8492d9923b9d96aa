from __future__ import annotations

from pathlib import Path

from digest.memo import Memo, key_of
from digest.model import Article


def article(text: str) -> Article:
    return Article(id="a", file="a.txt", title="A", text=text)


def test_a_stored_result_is_recalled_without_computing_it_again(tmp_path: Path) -> None:
    memo = Memo(tmp_path, "clean")
    asked: list[list[int]] = []

    def compute(missing: list[int]) -> list[Article]:
        asked.append(missing)
        return [article(f"cleaned {i}") for i in missing]

    assert memo.recall_all(["a", "b"], Article, compute) == [article("cleaned 0"), article("cleaned 1")]
    assert memo.recall_all(["c", "a", "b"], Article, compute) == [
        article("cleaned 0"), article("cleaned 0"), article("cleaned 1")
    ]  # fmt: skip
    assert asked == [[0, 1], [0]]  # the second time only "c", at position 0, was computed


def test_other_kinds_and_other_keys_miss(tmp_path: Path) -> None:
    Memo(tmp_path, "clean").store("k", article("x"))
    assert Memo(tmp_path, "topic").load("k", Article) is None
    assert Memo(tmp_path, "clean").load("other", Article) is None
    assert Memo(tmp_path, "clean").load("k", Article) == article("x")


def test_a_damaged_or_foreign_entry_is_computed_again(tmp_path: Path) -> None:
    memo = Memo(tmp_path, "clean")
    memo.store("k", article("x"))
    path = memo.path("k")
    assert path is not None
    path.write_bytes(b"\x80\x05not a pickle")
    assert memo.load("k", Article) is None
    memo.store("k", ["not", "an", "article"])
    assert memo.recall_all(["k"], Article, lambda missing: [article("fresh")]) == [article("fresh")]


def test_without_a_folder_nothing_is_kept(tmp_path: Path) -> None:
    memo = Memo(None, "clean")
    memo.store("k", article("x"))
    assert memo.load("k", Article) is None
    assert list(tmp_path.iterdir()) == []


def test_keys_follow_the_value_not_its_identity() -> None:
    assert key_of(article("same")) == key_of(article("same"))
    assert key_of(article("same")) != key_of(article("other"))
