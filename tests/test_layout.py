"""The layout's promises: rooms a newcomer can read, kept so by a test rather than by goodwill."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNTIME = ROOT / "digest"
LONGEST = 600  # lines: past this a module holds more than one concern


def modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    return names | {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}


def test_no_runtime_module_is_longer_than_one_concern() -> None:
    long = {p.relative_to(ROOT).as_posix(): n for p in modules(RUNTIME) if (n := len(p.read_text(encoding="utf-8").splitlines())) > LONGEST}
    assert not long, f"split these by concern: {long}"


def test_the_runtime_never_imports_the_developer_tools() -> None:
    reaching = [p.relative_to(ROOT).as_posix() for p in modules(RUNTIME) if any(m.startswith("digest_tools") for m in imported(p))]
    assert not reaching


def test_only_the_site_and_the_cli_import_mkdocs() -> None:
    allowed = {"digest/site/plugin.py", "digest/cli.py"}
    users = {p.relative_to(ROOT).as_posix() for p in modules(RUNTIME) if any(m.split(".")[0] == "mkdocs" for m in imported(p))}
    assert users <= allowed


def test_figure_grouping_needs_no_spacy() -> None:
    probe = "import sys, digest.figures.grouping; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], check=False).returncode == 0
