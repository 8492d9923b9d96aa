"""The Dask path: a real `distributed.LocalCluster` of two worker processes builds the same digest.json,
byte for byte, as a local build, and the client caches what the workers computed."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from spacy.language import Language

from digest import remote
from digest.nlp.parse import Parser
from digest.pipeline import build_digest
from digest.progress import PlainProgress
from digest.site.export import to_json

pytestmark = pytest.mark.slow
DEV = ROOT / "tests" / "resources" / "dev" / "articles"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    # Processes, not threads: each worker has its own spaCy pipeline, as on a real cluster.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_a_cluster_builds_the_same_digest_as_this_machine_and_the_client_keeps_the_results(
    scheduler: str, nlp: Language, tmp_path: Path
) -> None:
    local = to_json(build_digest(DEV, Parser(nlp, tmp_path / "local-cache")))
    cache = tmp_path / "remote-cache"
    lines: list[str] = []
    # Chunks of four: fifteen articles make four tasks, spread over both workers.
    with remote.connect(scheduler, "auto", chunk=4) as cluster:
        built = build_digest(DEV, Parser(nlp, cache), PlainProgress(lines.append), cluster)
    assert to_json(built) == local
    assert remote.worker_parser.cache_info().currsize == 0  # the parsing was done on the workers, not here
    assert any(line.startswith("parse + extract: 15 of 15 articles") and "from the cache" not in line for line in lines)
    # What the workers computed is now the client's cache: a local build parses nothing.
    again: list[str] = []
    assert to_json(build_digest(DEV, Parser(nlp, cache), PlainProgress(again.append))) == local
    assert any(line.startswith("parse + extract: 15 of 15") and "15 from the cache" in line for line in again)
    assert any(line.startswith("clean: 15 of 15") and "15 from the cache" in line for line in again)


def test_the_cli_export_through_a_scheduler_writes_the_local_bytes(scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from digest.cli import main

    seeds = tmp_path / "seeds"
    shutil.copytree(DEV, seeds)
    monkeypatch.setenv("DIGEST_CACHE_DIR", str(tmp_path / "cache-remote"))
    assert main(["export", str(seeds), "-o", str(tmp_path / "remote.json"), "--scheduler", scheduler]) == 0
    monkeypatch.setenv("DIGEST_CACHE_DIR", str(tmp_path / "cache-local"))
    assert main(["export", str(seeds), "-o", str(tmp_path / "local.json")]) == 0
    assert (tmp_path / "remote.json").read_bytes() == (tmp_path / "local.json").read_bytes()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unreachable_scheduler_is_one_clear_line_within_the_timeout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from digest.cli import main

    address = f"tcp://127.0.0.1:{free_port()}"
    start = time.monotonic()
    code = main(["export", str(DEV), "-o", str(tmp_path / "digest.json"), "--scheduler", address])
    assert time.monotonic() - start < remote.CONNECT_TIMEOUT + 20  # the model loads first; the connection gives up quickly
    assert code == 2 and not (tmp_path / "digest.json").exists()
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"digest: cannot reach the Dask scheduler at {address} within 5 s")


def mkdocs_project(tmp_path: Path, scheduler: str) -> Path:
    for name in ("docs", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "seeds_dir: seeds" in config
    (tmp_path / "mkdocs.yml").write_text(config.replace("seeds_dir: seeds", f"seeds_dir: seeds\n      scheduler: {scheduler}"), encoding="utf-8")
    return tmp_path


def mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(project / "site")]
    env = {**os.environ, "DIGEST_CACHE_DIR": str(project / "cache")}
    return subprocess.run(command, cwd=project, capture_output=True, text=True, check=False, timeout=300, env=env)


def test_the_plugins_scheduler_option_builds_on_the_cluster_and_logs_progress(scheduler: str, tmp_path: Path) -> None:
    result = mkdocs_build(mkdocs_project(tmp_path, scheduler))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "digest: parse + extract: 5 of 5 articles" in result.stderr  # through the plugin's logger, at INFO
    assert len(list((tmp_path / "site" / "sources").glob("*/index.html"))) == 5


def test_the_plugin_names_an_unreachable_scheduler_in_one_line(tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{free_port()}"
    result = mkdocs_build(mkdocs_project(tmp_path, address))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"cannot reach the Dask scheduler at {address}" in result.stderr
