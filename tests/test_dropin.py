"""A stranger's MkDocs site: its own home, nav and theme, and only `- digest` added to its plugins.

Nothing of this repository's mkdocs.yml, docs/ or overrides/ is copied: whatever the digest
needs must come from the installed package.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

import digest

pytestmark = pytest.mark.slow

HOME = "# The Harbour Gazette\n\nLocal news since 1887. Nothing on this page comes from the digest.\n"
ABOUT = "# About us\n\nA small newsroom.\n"


def host_config(plugins: list[str], prefix: str = "") -> str:
    digest = f"  - digest:\n      prefix: {prefix}\n" if prefix else "  - digest\n"
    listed = "".join(f"  - {p}\n" for p in plugins)
    return (
        "site_name: The Harbour Gazette\n"
        "site_url: https://gazette.example.com/\n"
        "theme:\n  name: material\n  palette:\n    primary: teal\n  features:\n    - navigation.tabs\n"
        "nav:\n  - Home: index.md\n  - About us: about.md\n"
        f"plugins:\n{listed}{digest}"
    )


def make_host(root: Path, plugins: list[str], prefix: str = "") -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(HOME, encoding="utf-8")
    (root / "docs" / "about.md").write_text(ABOUT, encoding="utf-8")
    (root / "mkdocs.yml").write_text(host_config(plugins, prefix), encoding="utf-8")
    shutil.copytree(SEEDS, root / "seeds")
    return root


def mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    # The venv's own mkdocs, as a newsroom runs it; the parse cache is shared between these builds.
    env = {**os.environ, "DIGEST_CACHE_DIR": str(project.parent / "cache")}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False, timeout=300)


@pytest.fixture(scope="module")
def hosts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hosts")
    variants = {"plain": (["search"], ""), "tags": (["search", "tags"], ""), "prefixed": (["search"], "news")}
    built = {}
    for name, (plugins, prefix) in variants.items():
        project = make_host(root / name, plugins, prefix)
        result = mkdocs_build(project)
        assert result.returncode == 0, f"{name}: {result.stderr}"
        (project / "build.log").write_text(result.stderr, encoding="utf-8")
        built[name] = project / "site"
    return built


@pytest.mark.parametrize("variant", ["plain", "tags"])
def test_the_hosts_own_pages_stay_its_own(hosts: dict[str, Path], variant: str) -> None:
    site = hosts[variant]
    assert "Nothing on this page comes from the digest" in (site / "index.html").read_text(encoding="utf-8")
    assert "A small newsroom" in (site / "about" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("variant", ["plain", "tags", "prefixed"])
def test_the_digests_pages_data_and_assets_are_there(hosts: dict[str, Path], variant: str) -> None:
    base = hosts[variant] / ("news" if variant == "prefixed" else "")
    exported = json.loads((base / "digest.json").read_text(encoding="utf-8"))
    assert len(list((base / "sources").glob("*/index.html"))) == len(exported["articles"]) == len(list(SEEDS.glob("*.txt")))
    assert len(list((base / "topics").glob("*/index.html"))) == len(exported["topics"]) > 0
    assert (base / "topics" / "index.html").is_file() and (base / "entities" / "index.html").is_file()
    # The digest's home: beside the host's own index, or the prefix folder's index where that is free.
    assert (base / ("index.html" if variant == "prefixed" else "digest/index.html")).is_file()
    page = next((base / "topics").glob("*/index.html")).read_text(encoding="utf-8")
    assert "assets/digest/digest.css" in page and "assets/digest/tablesort.js" in page
    assert (base / "assets" / "digest" / "digest.css").stat().st_size > 0


def test_the_hosts_nav_gains_the_digests_sections(hosts: dict[str, Path]) -> None:
    home = (hosts["plain"] / "index.html").read_text(encoding="utf-8")
    for link in ('href="digest/"', 'href="topics/"', 'href="sources/"', 'href="entities/"', 'href="about/"'):
        assert link in home
    # Hundreds of topic pages are reached from their section page, never listed in every page's nav.
    first = json.loads((hosts["plain"] / "digest.json").read_text(encoding="utf-8"))["topics"][0]
    assert f'href="topics/{first["slug"]}/"' not in home.split('class="md-content"')[0]


@pytest.mark.parametrize("variant", ["plain", "tags"])
def test_search_finds_an_article(hosts: dict[str, Path], variant: str) -> None:
    site = hosts[variant]
    article = json.loads((site / "digest.json").read_text(encoding="utf-8"))["articles"][0]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if d["location"].startswith(f"sources/{article['id']}/")]
    words = article["text"].split()[:4]
    assert entries and any(" ".join(words) in d["text"] for d in entries)


def test_the_build_log_names_the_digests_version_once(hosts: dict[str, Path]) -> None:
    log = (hosts["plain"].parent / "build.log").read_text(encoding="utf-8")
    articles = len(list(SEEDS.glob("*.txt")))
    assert log.count(f"digest: version {digest.__version__}: {articles} articles, ") == 1
    assert log.count("digest: version ") == 1


@pytest.mark.parametrize("variant", ["plain", "prefixed"])
def test_the_pages_markdown_renders_though_the_host_enables_no_extension(hosts: dict[str, Path], variant: str) -> None:
    base = hosts[variant] / ("news" if variant == "prefixed" else "")
    for page in (base / "topics").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        assert "???" not in html and " markdown>" not in html and "{: " not in html, page
    assert any("<details" in p.read_text(encoding="utf-8") for p in (base / "topics").glob("*/index.html"))
