"""The MkDocs adapter through the real `mkdocs build` command, as CI and editors run it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("docs", "templates", "overrides"):  # the folders mkdocs.yml names, where the project has them
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def mkdocs_build(project: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(project / "site"), *flags]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, check=False, timeout=300)


def test_strict_build_fails_on_a_bad_seed_and_names_it(project: Path) -> None:
    (project / "seeds" / "empty.txt").write_text("  \n", encoding="utf-8")
    strict = mkdocs_build(project, "--strict")
    assert strict.returncode != 0
    assert "seeds/empty.txt: skipped: the file holds only whitespace" in strict.stderr
    assert "Traceback" not in strict.stderr
    relaxed = mkdocs_build(project)
    assert relaxed.returncode == 0 and "empty.txt" in relaxed.stderr
    assert len(list((project / "site" / "sources").glob("*/index.html"))) == 5


def test_a_missing_seeds_folder_is_a_clear_error(project: Path) -> None:
    shutil.rmtree(project / "seeds")
    result = mkdocs_build(project)
    assert result.returncode != 0 and "seeds folder" in result.stderr and "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_model_says_how_to_install_one(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "seeds_dir: seeds", "seeds_dir: seeds\n      model: no_such_model"), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0 and "no_such_model" in result.stderr and "Traceback" not in result.stderr


def test_a_template_in_templates_dir_replaces_only_its_namesake(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "home.md.j2").write_text("# Our newsroom digest\n\n{{ site.topics|length }} stories.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("seeds_dir: seeds", "seeds_dir: seeds\n      templates_dir: templates"), encoding="utf-8")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "Our newsroom digest" in (project / "site" / "index.html").read_text(encoding="utf-8")
    topic_pages = list((project / "site" / "topics").glob("*/index.html"))
    assert topic_pages and "id=\"outlets\"" in topic_pages[0].read_text(encoding="utf-8")
