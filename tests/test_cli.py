from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, build_site

from digest.cli import main, with_options


def copy_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    return seeds


def test_export_writes_the_digest_without_a_site(tmp_path: Path) -> None:
    output = tmp_path / "out" / "digest.json"
    assert main(["export", str(SEEDS), "-o", str(output)]) == 0
    document = json.loads(output.read_text(encoding="utf-8"))
    assert len(document["articles"]) == 5
    assert not (tmp_path / "out" / "index.html").exists()


def test_export_strict_fails_on_a_bad_seed_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / "broken.txt").write_bytes(b"")
    output = tmp_path / "digest.json"
    assert main(["export", str(seeds), "-o", str(output), "--strict"]) == 1
    assert not output.exists()
    assert "broken.txt: skipped: the file is empty" in capsys.readouterr().err
    assert main(["export", str(seeds), "-o", str(output)]) == 0  # without --strict: warn and go on
    assert len(json.loads(output.read_text(encoding="utf-8"))["articles"]) == 5


def test_a_missing_seeds_folder_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.json")]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("digest: seeds folder") and "\n" not in error and "Traceback" not in error


def test_build_makes_a_page_per_article_from_any_seeds_folder(built_site: Path) -> None:
    for seed in SEEDS.iterdir():
        assert (built_site / "sources" / seed.stem / "index.html").is_file()
    assert (built_site / "digest.json").is_file() and (built_site / "digest.schema.json").is_file()


def test_a_failed_strict_build_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    site = tmp_path / "site"
    assert build_site(seeds, site, "--strict") == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    (seeds / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert build_site(seeds, site, "--strict") == 1
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]  # no staging left behind


def test_two_builds_of_the_same_seeds_are_byte_identical(tmp_path: Path, built_site: Path) -> None:
    again = tmp_path / "again"
    assert build_site(SEEDS, again) == 0
    first = {p.relative_to(built_site): p.read_bytes() for p in built_site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_build_needs_a_config_that_enables_the_plugin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    code = main(["build", str(SEEDS), "-d", str(tmp_path / "site"), "-f", str(config)])
    assert code == 2 and "does not enable the digest plugin" in capsys.readouterr().err
    assert (ROOT / "mkdocs.yml").is_file()


def test_a_rebuild_with_nothing_changed_is_skipped_and_any_change_rebuilds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = copy_seeds(tmp_path)
    site = tmp_path / "site"
    assert build_site(seeds, site) == 0
    marker = site / "marker"
    marker.write_text("left by the first build's reader", encoding="utf-8")
    capsys.readouterr()
    assert build_site(seeds, site) == 0
    assert "is up to date" in capsys.readouterr().err and marker.exists()  # not rebuilt
    seed = next(seeds.glob("003_*"))
    seed.write_text(seed.read_text(encoding="utf-8") + "\nThe ferry to Port Lantern sailed at noon.\n", encoding="utf-8")
    assert build_site(seeds, site) == 0
    assert "is up to date" not in capsys.readouterr().err and not marker.exists()
    assert "Port Lantern" in (site / "sources" / seed.stem / "index.html").read_text(encoding="utf-8")
    marker.write_text("again", encoding="utf-8")
    assert build_site(seeds, site, "--force") == 0
    assert not marker.exists()


def test_a_deleted_site_is_built_again_even_when_nothing_changed(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    site = tmp_path / "site"
    assert build_site(seeds, site) == 0
    shutil.rmtree(site)
    assert build_site(seeds, site) == 0
    assert (site / "index.html").is_file()


def test_build_needs_no_mkdocs_yml_anywhere(tmp_path: Path) -> None:
    """From a folder with no mkdocs.yml, `python -m digest build` uses the packaged config: a real, strict build."""
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "DIGEST_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "digest", "build", str(SEEDS), "-d", "site", "--strict"]
    result = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    site = work / "site"
    exported = json.loads((site / "digest.json").read_text(encoding="utf-8"))
    assert len(list((site / "sources").glob("*/index.html"))) == len(exported["articles"]) == len(list(SEEDS.glob("*.txt")))
    assert len(list((site / "topics").glob("*/index.html"))) == len(exported["topics"]) > 0
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Cross-source digest" in home and "assets/digest/digest.css" in home
    assert not (work / "mkdocs.yml").exists() and sorted(p.name for p in work.iterdir()) == ["site"]


def test_build_takes_a_custom_config_and_its_choices_win_over_the_configs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGEST_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "index.md").write_text("# The Lantern Post\n\nOur own front page.\n", encoding="utf-8")
    config = tmp_path / "custom.yml"
    # A seeds folder that does not exist and full text: the command line's seeds and excerpts replace both.
    config.write_text(
        "site_name: The Lantern Post\ndocs_dir: pages\ntheme:\n  name: material\n"
        "plugins:\n  - digest:\n      seeds_dir: nowhere\n      publish_text: full\n",
        encoding="utf-8",
    )
    site = tmp_path / "out"
    assert main(["build", str(SEEDS), "-d", str(site), "-f", str(config), "--strict", "--publish-text", "excerpts"]) == 0
    assert "Our own front page" in (site / "index.html").read_text(encoding="utf-8")
    assert "The Lantern Post" in next((site / "topics").glob("*/index.html")).read_text(encoding="utf-8")
    assert main(["export", str(SEEDS), "-o", str(tmp_path / "full.json")]) == 0
    full = {a["id"]: a["text"] for a in json.loads((tmp_path / "full.json").read_text(encoding="utf-8"))["articles"]}
    published = {a["id"]: a["text"] for a in json.loads((site / "digest.json").read_text(encoding="utf-8"))["articles"]}
    assert published.keys() == full.keys()
    # Excerpts, not the config's full text: some articles lose sentences, none gains any.
    assert published != full and all(len(published[i]) <= len(full[i]) for i in full)
    assert config.read_text(encoding="utf-8").count("nowhere") == 1  # the file is read, never rewritten


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.yml", None, "does not exist"),
        ("broken.yml", "site_name: [unclosed\n", "broken.yml"),
    ],
)
def test_a_bad_config_file_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | None, message: str
) -> None:
    config = tmp_path / name
    if content is not None:
        config.write_text(content, encoding="utf-8")
    assert main(["build", str(SEEDS), "-d", str(tmp_path / "site"), "-f", str(config)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("digest: ") and message in error and "\n" not in error and "Traceback" not in error
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("plugins", "expected"),
    [
        (["search", "digest"], ["search", {"digest": {"seeds_dir": "s"}}]),
        (["search", {"digest": {"prefix": "news", "seeds_dir": "x"}}], ["search", {"digest": {"prefix": "news", "seeds_dir": "s"}}]),
        ([{"digest": None}], [{"digest": {"seeds_dir": "s"}}]),
        ({"search": {}, "digest": {"prefix": "news"}}, {"search": {}, "digest": {"prefix": "news", "seeds_dir": "s"}}),
        (["search", "tags"], None),
        ({"search": {}}, None),
        (None, None),
    ],
)
def test_the_command_lines_options_go_to_the_digest_plugin_only(plugins: object, expected: object) -> None:
    assert with_options(plugins, "digest", {"seeds_dir": "s"}) == expected
