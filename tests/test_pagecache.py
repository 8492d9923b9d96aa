"""Pages rendered once: a rebuild that reuses kept pages gives a clean build's site, byte for byte."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path
from typing import Any

import jinja2
import markdown
import pytest
from conftest import ROOT, SEEDS, build_site

from digest.site.pagecache import KeptBytecode, key_of, link_paths, settings_text

pytestmark = pytest.mark.slow


def site_bytes(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file() and p.name != ".digest-build"}


def build_with_cache(seeds: Path, site: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> None:
    monkeypatch.setenv("DIGEST_CACHE_DIR", str(cache))
    assert build_site(seeds, site, "--strict", *extra) == 0


def reused(caplog: pytest.LogCaptureFixture) -> list[tuple[int, int]]:
    """(pages reused, pages that could be) of each build the log tells of."""
    found = (re.search(r"(\d+) of (\d+) pages reused", r.getMessage()) for r in caplog.records)
    return [(int(m.group(1)), int(m.group(2))) for m in found if m]


def count_converters(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Each Markdown converter built from now on (MkDocs builds one per page it converts)."""
    built: list[object] = []
    original = markdown.Markdown.__init__

    def counting(self: markdown.Markdown, *args: Any, **kwargs: Any) -> None:
        built.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(markdown.Markdown, "__init__", counting)
    return built


def test_a_rebuild_after_an_edit_and_a_new_seed_gives_a_clean_builds_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    warm = tmp_path / "warm"
    build_with_cache(seeds, tmp_path / "first", warm, monkeypatch)
    edited = sorted(seeds.glob("*.txt"))[-1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe mayor of Port Lantern said the harbour would reopen on Monday.\n", encoding="utf-8")
    (seeds / "zz_new.txt").write_text("Harbour reopens after storm\n\nThe harbour of Port Lantern reopened on Monday, officials said.\n", encoding="utf-8")
    caplog.set_level(logging.INFO)
    build_with_cache(seeds, tmp_path / "again", warm, monkeypatch)
    counts = reused(caplog)
    caplog.clear()
    build_with_cache(seeds, tmp_path / "clean", tmp_path / "cold", monkeypatch)
    again, clean = site_bytes(tmp_path / "again"), site_bytes(tmp_path / "clean")
    assert sorted(again) == sorted(clean)
    assert [path for path in clean if again[path] != clean[path]] == []
    # Not vacuous: the rebuild did reuse pages, and the clean build none.
    assert len(counts) == 1 and counts[0][0] > 0, counts
    assert [kept for kept, _ in reused(caplog)] == [0]


def test_a_rebuild_with_nothing_changed_reuses_every_generated_page_and_its_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    build_with_cache(SEEDS, tmp_path / "first", tmp_path / "cache", monkeypatch)
    caplog.set_level(logging.INFO)
    converters = count_converters(monkeypatch)
    build_with_cache(SEEDS, tmp_path / "again", tmp_path / "cache", monkeypatch, "--force")
    ((kept, total),) = reused(caplog)
    assert kept == total > 0
    # A reused page costs no Markdown converter (MkDocs would build one per page: more than were reused);
    # the host's own pages are still converted, every generated one (the home and section pages too) is not.
    assert 0 < len(converters) < kept
    pages = list((tmp_path / "again").rglob("index.html"))
    assert kept == len(pages) - len(list((ROOT / "docs").rglob("*.md")))
    assert site_bytes(tmp_path / "again") == site_bytes(tmp_path / "first")


def test_link_paths_resolve_relative_links_as_mkdocs_does() -> None:
    markdown = '[a](../sources/x.md#s-3) [b](<y.md>) [c](https://example.org/z.md) [d](#local)\n<a href="../entities/e%20f.md">e</a> [g](/absolute.md)\n[ref]: ../topics/t.md\n'
    assert link_paths(markdown, "topics/one.md") == ["entities/e f.md", "sources/x.md", "topics/t.md", "topics/y.md"]


def test_keys_tell_apart_what_differs() -> None:
    assert key_of("a", [("x.md", True)]) != key_of("a", [("x.md", False)])
    assert key_of("a", "b") != key_of("ab")
    assert key_of("a", [("x.md", True)]) == key_of("a", [("x.md", True)])


def test_settings_text_is_the_same_in_every_process() -> None:
    def tag_name(tag: object) -> str:
        return str(tag)

    first = settings_text([("sort_by", tag_name), ("depth", 3)])
    assert "0x" not in first and "tag_name" in first
    assert first == settings_text([("depth", 3), ("sort_by", tag_name)])


class CountingEnvironment(jinja2.Environment):
    compiled = 0

    def compile(self, *args: Any, **kwargs: Any) -> Any:
        CountingEnvironment.compiled += 1
        return super().compile(*args, **kwargs)


def test_kept_bytecode_compiles_a_template_once_until_its_source_changes() -> None:
    kept, sources = KeptBytecode(), {"page.html": "<p>{{ x }}</p>"}

    def rendered(**settings: Any) -> str:
        env = CountingEnvironment(loader=jinja2.DictLoader(sources), bytecode_cache=kept, **settings)
        return env.get_template("page.html").render(x="<b>")

    CountingEnvironment.compiled = 0
    assert rendered() == "<p><b></p>"
    assert rendered() == "<p><b></p>" and CountingEnvironment.compiled == 1  # a new environment, the kept code
    # Other settings compile other code: autoescaping must not come from the unescaped template's code.
    assert rendered(autoescape=True) == "<p>&lt;b&gt;</p>" and CountingEnvironment.compiled == 2
    sources["page.html"] = "<div>{{ x }}</div>"  # an editor's override
    assert rendered() == "<div><b></div>" and CountingEnvironment.compiled == 3


def test_key_of_keeps_a_string_apart_from_its_repr_and_from_other_splits() -> None:
    assert key_of("a") != key_of("'a'")  # a string hashed as it is, a tag apart from a repr
    assert key_of("ab", "c") != key_of("a", "bc") != key_of("abc")
    assert key_of("1") != key_of(1)
