"""`digest render`: the pages on disk, built by plain MkDocs without the plugin, give the plugin's pages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import SEEDS

from digest.cli import main

pytestmark = pytest.mark.slow
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)


def mkdocs_build(project: Path) -> None:
    env = {**os.environ, "DIGEST_CACHE_DIR": str(project.parent / "cache")}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr


def articles(site: Path, folder: str) -> dict[str, str]:
    """Each page's rendered article (the theme's frame around it may differ), by its path."""
    pages = {}
    for page in sorted((site / folder).glob("*/index.html")):
        match = ARTICLE.search(page.read_text(encoding="utf-8"))
        assert match, page
        pages[str(page.relative_to(site))] = match.group(1)
    return pages


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("render")
    plain = root / "plain"
    plain.mkdir()
    code = main(["render", str(SEEDS), "-o", str(plain / "out"), "--mkdocs-yml", str(plain / "mkdocs.yml")])
    assert code == 0
    config = yaml.safe_load((plain / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "digest" not in json.dumps(config["plugins"])
    mkdocs_build(plain)
    # The same configuration with the plugin instead of the rendered folder.
    with_plugin = root / "plugin"
    (with_plugin / "docs").mkdir(parents=True)
    config["docs_dir"] = "docs"
    config["plugins"].append({"digest": {"seeds_dir": str(SEEDS)}})
    (with_plugin / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    mkdocs_build(with_plugin)
    return plain / "site", with_plugin / "site"


def test_the_rendered_folder_holds_pages_data_and_assets(built: tuple[Path, Path]) -> None:
    out = built[0].parent / "out"
    exported = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    assert len(list((out / "topics").glob("*.md"))) == len(exported["topics"]) + 1  # and topics/index.md
    assert len(list((out / "sources").glob("*.md"))) == len(exported["articles"]) + 1
    assert (out / "index.md").is_file() and (out / "digest.schema.json").is_file()
    assert (out / "assets" / "digest" / "digest.css").is_file() and (out / "assets" / "digest" / "tablesort.js").is_file()


@pytest.mark.parametrize("folder", ["topics", "sources", "entities"])
def test_plain_mkdocs_over_the_folder_gives_the_plugins_pages(built: tuple[Path, Path], folder: str) -> None:
    plain, with_plugin = built
    pages = articles(plain, folder)
    assert pages and pages == articles(with_plugin, folder)
    assert (plain / "digest.json").read_bytes() == (with_plugin / "digest.json").read_bytes()


def test_a_second_render_replaces_the_folder_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.md").write_text("# left over\n", encoding="utf-8")
    assert main(["render", str(SEEDS), "-o", str(out)]) == 0
    assert not (out / "stale.md").exists() and (out / "index.md").is_file()
