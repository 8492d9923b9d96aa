"""Live preview: `mkdocs serve` on a copy of the project rebuilds when a seed is edited, added or removed."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow
SEED = "004_59013b3910ca6c44"


@dataclass
class Server:
    url: str
    seeds: Path
    process: subprocess.Popen[str]
    log: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("docs", "templates", "overrides"):  # the folders mkdocs.yml names, where the project has them
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, project / name)
    shutil.copytree(SEEDS, project / "seeds")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    port = free_port()
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"]  # as `make serve` runs it
    with log.open("w") as sink:
        process = subprocess.Popen(command, cwd=project, stdout=sink, stderr=subprocess.STDOUT, text=True)
    running = Server(f"http://127.0.0.1:{port}/", project / "seeds", process, log)
    try:
        wait_for(lambda: fetch(running.url) is not None, 120, running)
        yield running
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition: Callable[[], bool], seconds: float, server: Server) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        assert server.process.poll() is None, server.log.read_text()
        time.sleep(0.2)
    pytest.fail(f"not within {seconds} s; server log:\n{server.log.read_text()}")


def topic_page(server: Server, holding: str) -> str:
    """The served topic page whose text holds `holding`, found from the served digest.json."""
    document = json.loads(fetch(f"{server.url}digest.json") or "{}")
    slug = next(t["slug"] for t in document["topics"] if holding in json.dumps(t, ensure_ascii=False))
    return f"{server.url}topics/{slug}/"


def test_an_edited_seed_changes_the_served_topic_page(server: Server) -> None:
    path = server.seeds / f"{SEED}.txt"
    text = path.read_text(encoding="utf-8")
    figure = re.search(r"at least (\d{1,3}(?:,\d{3})+) deaths", text)
    assert figure, "the seed's toll sentence changed; pick another figure"
    page = topic_page(server, figure.group(1))
    edited = str(int(figure.group(1).replace(",", "")) + 1234)
    edited = f"{int(edited):,}"
    assert edited not in (fetch(page) or "")
    path.write_text(text.replace(figure.group(0), f"at least {edited} deaths"), encoding="utf-8")
    seconds = wait_for(lambda: edited in (fetch(page) or ""), 60, server)
    print(f"edited seed served on its topic page after {seconds:.1f} s")


def test_added_and_removed_seeds_add_and_remove_pages(server: Server) -> None:
    page = f"{server.url}sources/zz_new/"
    (server.seeds / "zz_new.txt").write_text(
        "Harbour reopens after storm\n\nThe harbour of Port Lantern reopened on Monday, officials said.\n",
        encoding="utf-8",
    )
    wait_for(lambda: "Port Lantern" in (fetch(page) or ""), 60, server)
    (server.seeds / "zz_new.txt").unlink()
    wait_for(lambda: fetch(page) is None, 60, server)
    loads = server.log.read_text().count("loaded spaCy pipeline")
    assert loads == 1, f"spaCy was loaded {loads} times across rebuilds"


# `mkdocs serve`'s own loop, in one process: load the config, build, and again after a change,
# with the plugin kept between builds as MkDocs keeps it; then the session ends.
_SESSION = """
import logging, os, re, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
import digest.memo

project, site = Path(sys.argv[1]), sys.argv[2]
read: list[str] = []  # the kind of each cache file read: its folder is named kind-fingerprint
read_bytes = digest.memo.read_bytes
digest.memo.read_bytes = lambda path: read.append(path.parent.parent.name.split("-")[0]) or read_bytes(path) if path else None
dirty = sys.argv[6] == "dirty"  # `mkdocs serve --dirty`: the site folder is kept between builds
said: list[str] = []  # what the digest logs, for how many pages a build did not build
logging.getLogger("mkdocs").setLevel(logging.INFO)
logging.getLogger("mkdocs.plugins.digest").addHandler(logging.Handler())
logging.getLogger("mkdocs.plugins.digest").handlers[-1].emit = lambda record: said.append(record.getMessage())
config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
config.plugins.on_startup(command="serve", dirty=dirty)
build(config, dirty=dirty)
seed = project / "seeds" / sys.argv[3]
seed.write_text(seed.read_text(encoding="utf-8").replace(sys.argv[4], sys.argv[5]), encoding="utf-8")
read.clear()
pages = list(Path(site).rglob("*.html"))
for page in pages:
    os.utime(page, ns=(0, 0))  # a page written again gets the time of writing, whatever the clock's grain
build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=site), dirty=dirty)
print("pages left alone", sum(p.is_file() and p.stat().st_mtime_ns == 0 for p in pages))
print("pages not built", re.search(r"([0-9]+) not built again", said[-1]).group(1))
if sys.argv[7:]:
    for gone in sys.argv[7:]:
        (project / "seeds" / gone).unlink()
    build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=site), dirty=dirty)
snapshots = project / "cache" / "snapshots"
print("extractions read", read.count("extract"), "snapshots", len(list(snapshots.glob("*.pickle"))) if snapshots.is_dir() else 0)
config.plugins.on_shutdown()
print("after shutdown", len(list(snapshots.glob("*.pickle"))))
"""


@pytest.mark.parametrize("mode", ["clean", "dirty"])
def test_a_served_rebuild_equals_a_clean_build_and_reads_only_the_edit(tmp_path: Path, mode: str) -> None:
    project = tmp_path / "project"
    for name in ("docs", "templates", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, project / name)
    shutil.copytree(SEEDS, project / "seeds")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    env = {"DIGEST_CACHE_DIR": str(project / "cache"), "SOURCE_DATE_EPOCH": "0", "PATH": "/usr/bin:/bin"}
    text = (project / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    figure = re.search(r"at least (\d{1,3}(?:,\d{3})+) deaths", text)
    assert figure, "the seed's toll sentence changed; pick another figure"
    # A dirty session then loses a seed, the one article of its topic: the pages of that topic
    # must leave the kept site folder.
    gone = [p.name for p in (project / "seeds").glob("003_*.txt")] if mode == "dirty" else []
    edit = [f"{SEED}.txt", figure.group(0), "at least 99,999 deaths", mode, *gone]
    session = subprocess.run([sys.executable, "-c", _SESSION, str(project), str(tmp_path / "served"), *edit],
                             cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert session.returncode == 0, session.stderr[-3000:]
    # The edit's own article is looked for on disk; every other extraction came from memory, and
    # the digest's snapshot waits for the session's end.
    assert "extractions read 1 snapshots 0" in session.stdout, session.stdout
    assert "after shutdown 1" in session.stdout, session.stdout
    # Dirty, the unchanged pages are neither built nor written again; clean, the folder was emptied first.
    left = int(re.search(r"pages left alone (\d+)", session.stdout).group(1))  # type: ignore[union-attr]
    unbuilt = int(re.search(r"pages not built (\d+)", session.stdout).group(1))  # type: ignore[union-attr]
    assert left > 10 if mode == "dirty" else left == 0, session.stdout
    assert unbuilt > 10 if mode == "dirty" else unbuilt == 0, session.stdout
    clean_env = {**env, "DIGEST_CACHE_DIR": str(tmp_path / "clean-cache")}
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "clean")]
    clean = subprocess.run(command, cwd=project, env=clean_env, capture_output=True, text=True, timeout=600, check=False)
    assert clean.returncode == 0, clean.stderr[-3000:]
    served, built = tmp_path / "served", tmp_path / "clean"
    files = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(served) for p in served.rglob("*") if p.is_file())
    assert "99,999" in (served / "digest.json").read_text(encoding="utf-8")
    assert [f for f in files if (built / f).read_bytes() != (served / f).read_bytes()] == []
