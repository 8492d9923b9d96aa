from __future__ import annotations

import gc
import time
import weakref
from pathlib import Path

import pytest

from digest import memo as memo_module
from digest.memo import Memo, Settling, key_of, settle
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


def mini_package(root: Path) -> Path:
    """A stand-in package: a imports b (lazily, inside a function); c stands apart."""
    package = root / "digest"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from digest.b import g\n    return g()\n")
    (package / "b.py").write_text("def g():\n    return 1\n")
    (package / "c.py").write_text("x = 1\n")
    return package


def test_a_stage_is_keyed_by_the_code_it_imports_and_nothing_else(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = mini_package(tmp_path)
    monkeypatch.setattr(memo_module, "package_root", lambda: package)

    def fingerprint(module: str | None = None) -> str:
        memo_module.code_fingerprint.cache_clear()
        memo_module.imported_modules.cache_clear()
        return memo_module.code_fingerprint(module)

    before, whole = fingerprint("digest.a"), fingerprint()
    (package / "c.py").write_text("x = 2\n")  # an unrelated module: the benchmark, the site …
    assert fingerprint("digest.a") == before and fingerprint() != whole
    (package / "b.py").write_text("def g():\n    return 2\n")  # code a's results depend on
    assert fingerprint("digest.a") != before
    memo_module.code_fingerprint.cache_clear()


def test_the_real_stages_leave_out_the_tools_and_the_site() -> None:
    root = memo_module.package_root()
    extract = {p.relative_to(root).as_posix() for p in memo_module.module_closure("digest.extract.articles")}
    assert {"extract/articles.py", "figures/words.py", "nlp/parse.py", "model.py"} <= extract
    assert not any(p.startswith("site/") or p == "figures/grouping.py" or p == "memo.py" for p in extract)
    clean = {p.relative_to(root).as_posix() for p in memo_module.module_closure("digest.sources.clean")}
    assert "nlp/parse.py" not in clean and "sources/clean.py" in clean


def test_the_atomic_writer_leaves_only_the_file(tmp_path: Path) -> None:
    target = tmp_path / "x" / "y.bin"
    memo_module.write_atomic(target, b"data")
    assert target.read_bytes() == b"data" and [p.name for p in target.parent.iterdir()] == ["y.bin"]


def test_a_long_lived_process_hands_back_the_same_object_without_reading_the_file(tmp_path: Path, resident: None) -> None:
    shared, private = Memo(tmp_path, "clean", shared=True), Memo(tmp_path, "topic")
    shared.store("k", article("x"))
    private.store("k", article("x"))
    for memo in (shared, private):
        path = memo.path("k")
        assert path is not None
        path.unlink()  # gone from disk: only memory can answer
    assert shared.load("k", Article) == article("x")
    assert shared.load("k", Article) is shared.load("k", Article)
    assert shared.load("k", list) is None  # the expected type still holds
    assert private.load("k", Article) is None  # a memo whose values may be changed keeps nothing


def test_a_sweep_forgets_what_the_last_build_did_not_use(tmp_path: Path, resident: None) -> None:
    memo = Memo(tmp_path, "clean", shared=True)
    memo.store("used", article("u"))
    memo.store("stale", article("s"))
    memo_module.sweep_memory()  # both were met in this build
    memo.load("used", Article)
    memo_module.sweep_memory()
    for key in ("used", "stale"):
        path = memo.path(key)
        assert path is not None
        path.unlink()
    assert memo.load("used", Article) == article("u")
    assert memo.load("stale", Article) is None


def test_one_off_builds_keep_nothing_in_memory(tmp_path: Path) -> None:
    memo = Memo(tmp_path, "clean", shared=True)
    memo.store("k", article("x"))
    assert memo.load("k", Article) is not memo.load("k", Article)


def test_results_by_identity_are_for_the_very_objects() -> None:
    table: memo_module.ByIdentity[str] = memo_module.ByIdentity()
    first, equal = article("same"), article("same")
    table.put("made from first", first)
    assert table.get(first) == "made from first"
    assert table.get(equal) is None  # equal is not the same: its result may not be assumed
    table.put("pair", first, equal)
    assert table.get(first, equal) == "pair"
    assert table.get(equal, first) is None
    memo_module.release()  # a one-off build lets go of them
    assert table.get(first) is None


def test_a_long_lived_process_keeps_results_by_identity_across_builds(resident: None) -> None:
    table: memo_module.ByIdentity[str] = memo_module.ByIdentity()
    kept, dropped = article("kept"), article("dropped")
    table.put("k", kept)
    table.put("d", dropped)
    memo_module.release()
    memo_module.sweep_memory()  # end of a build that met both
    assert table.get(kept) == "k"
    memo_module.sweep_memory()  # a build that met only `kept`
    assert (table.get(kept), table.get(dropped)) == ("k", None)


def test_results_only_a_later_build_can_use_are_kept_only_by_a_long_lived_process(request: pytest.FixtureRequest) -> None:
    table: memo_module.ByIdentity[str] = memo_module.ByIdentity(resident_only=True)
    item = article("x")
    assert table.put("one-off", item) == "one-off"
    assert table.get(item) is None  # a one-off build would hold it for nothing
    request.getfixturevalue("resident")
    table.put("served", item)
    assert table.get(item) == "served"


def test_settle_collects_what_a_build_dropped_and_freezes_what_it_keeps() -> None:
    class Node:
        me: object

    dropped = Node()
    dropped.me = dropped  # a cycle: only the collector frees it
    gone = weakref.ref(dropped)
    del dropped
    kept = [Node() for _ in range(100)]
    try:
        settle()
        assert gone() is None
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()


def test_a_later_build_settles_once_the_session_is_idle_and_never_during_a_build() -> None:
    class Node:
        me: object

    settling = Settling(delay=0.01)
    try:
        frozen = Node()
        frozen.me = frozen  # a cycle an earlier settle froze, which dies after it
        gone = weakref.ref(frozen)
        gc.freeze()
        del frozen
        settling.build_starts()
        time.sleep(0.1)
        assert gone() is not None  # a build runs: nothing is collected or frozen under it
        settling.build_ends()
        settling.build_starts()  # the next build came at once: the idle moment never was
        time.sleep(0.1)
        assert gone() is not None
        settling.build_ends()
        deadline = time.monotonic() + 5
        while (gone() is not None or settling.timer is not None) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert gone() is None  # idle: even what was frozen before and died since is collected
        assert gc.get_freeze_count() > 0  # and what lives on is frozen again
    finally:
        settling.build_starts()
        gc.unfreeze()
