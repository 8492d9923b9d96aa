"""What a dirty rebuild carries over: pages left unwritten and unbuilt, and the search entries put back."""

from __future__ import annotations

from pathlib import Path

from digest.site.dirty import UnbuiltPages, WrittenPages


def built_once(tmp_path: Path, pages: dict[str, str], warned: frozenset[str] = frozenset()) -> tuple[UnbuiltPages, WrittenPages]:
    """A first build of `pages` (path: build key), each written to tmp_path and indexed."""
    unbuilt, written = UnbuiltPages(), WrittenPages()
    unbuilt.start()
    written.start()
    for path, key in pages.items():
        destination = str(tmp_path / f"{path}.html")
        assert not unbuilt.unchanged(path, key, destination, written, warnings=0)
        Path(destination).write_text(written.output(f"<p>{key}</p>", destination, path, kept_folder=True))
        unbuilt.built(path, warnings=1 if path in warned else 0)
        unbuilt.indexed(path, [f"entry of {path}"])
    assert unbuilt.finish(complete=True) == 0
    written.finish(complete=True)
    return unbuilt, written


def test_a_page_with_the_last_key_is_not_built_and_keeps_its_entries(tmp_path: Path) -> None:
    unbuilt, written = built_once(tmp_path, {"a": "1", "b": "2", "c": "3"})
    unbuilt.start()
    written.start()
    assert unbuilt.unchanged("a", "1", str(tmp_path / "a.html"), written, warnings=0)
    assert not unbuilt.unchanged("b", "2 edited", str(tmp_path / "b.html"), written, warnings=0)
    unbuilt.built("b", warnings=0)
    unbuilt.indexed("b", ["new entry of b"])
    assert unbuilt.unchanged("c", "3", str(tmp_path / "c.html"), written, warnings=0)
    # The order is the build's, not the order the pages were looked at.
    assert unbuilt.index(["c", "b", "a"]) == ["entry of c", "new entry of b", "entry of a"]
    assert unbuilt.finish(complete=True) == 2


def test_a_page_whose_build_warned_or_whose_file_is_gone_is_built_again(tmp_path: Path) -> None:
    unbuilt, written = built_once(tmp_path, {"a": "1", "b": "2"}, warned=frozenset({"a"}))
    (tmp_path / "b.html").unlink()
    unbuilt.start()
    written.start()
    assert not unbuilt.unchanged("a", "1", str(tmp_path / "a.html"), written, warnings=0)
    assert not unbuilt.unchanged("b", "2", str(tmp_path / "b.html"), written, warnings=0)


def test_after_a_failed_build_every_page_is_built(tmp_path: Path) -> None:
    unbuilt, written = built_once(tmp_path, {"a": "1"})
    unbuilt.start()
    written.start()
    assert unbuilt.unchanged("a", "1", str(tmp_path / "a.html"), written, warnings=0)
    unbuilt.finish(complete=False)
    written.finish(complete=False)
    unbuilt.start()
    written.start()
    assert not unbuilt.unchanged("a", "1", str(tmp_path / "a.html"), written, warnings=0)
