"""Golden files: the `digest.json` the pipeline gives for each fixed input set, byte for byte.

A change that should not alter behaviour (a refactor, a move) must leave every golden file as it
is; `tests/test_golden.py` rebuilds each set with the real pipeline and compares the bytes. When a
change is *meant* to alter the output, regenerate them all with one command and commit them with it:

    python -m digest_tools.golden --update        (or: make golden)

The sets: every folder of articles under `tests/resources/*/articles`: the tests' own copy of the
five seeds (so that editing `seeds/` never moves the golden files) and every labelled set.
Each is stored gzip-compressed with no timestamp, so the same bytes always compress the same.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import hashlib
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from digest.nlp.parse import Parser, load_pipeline
from digest.pipeline import build_digest
from digest.site.export import to_json

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "tests" / "resources"
GOLDEN = RESOURCES / "golden"


def golden_sets() -> dict[str, Path]:
    """Each set's name and the folder of articles it is built from."""
    sets = {}
    for folder in sorted(RESOURCES.iterdir()):  # `seeds`: the tests' own copy of the five seeds
        if (folder / "articles").is_dir():
            sets[folder.name] = folder / "articles"
    return sets


def golden_path(name: str) -> Path:
    return GOLDEN / f"{name}.json.gz"


def build(articles: Path, parser: Parser) -> bytes:
    return to_json(build_digest(articles, parser)).encode("utf-8")


def stored(name: str) -> bytes:
    return gzip.decompress(golden_path(name).read_bytes())


def store(name: str, data: bytes) -> None:
    # mtime=0: the compressed bytes depend only on the content, so an unchanged set is no git change.
    golden_path(name).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def difference(expected: bytes, actual: bytes, limit: int = 60) -> str:
    """A readable summary: sizes, digests and the first lines of a unified diff."""
    old, new = expected.decode("utf-8").splitlines(), actual.decode("utf-8").splitlines()
    diff = list(difflib.unified_diff(old, new, "golden", "now", n=2, lineterm=""))
    changed = sum(1 for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---"))
    head = [
        f"golden {len(expected):,} bytes sha256 {hashlib.sha256(expected).hexdigest()[:16]}; "
        f"now {len(actual):,} bytes sha256 {hashlib.sha256(actual).hexdigest()[:16]}; {changed} lines differ",
    ]
    tail = [f"... {len(diff) - limit} more diff lines"] if len(diff) > limit else []
    # Article texts are one long line each: cut every line so the summary stays readable.
    return "\n".join(head + [line if len(line) <= 160 else line[:157] + "..." for line in diff[:limit]] + tail)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m digest_tools.golden", description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the golden files from the current code")
    parser.add_argument("--cache-dir", type=Path, default=None, help="cache folder (default: a fresh one, so no stale result)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as fresh:
        return check_all(Parser(load_pipeline(), args.cache_dir or Path(fresh)), update=args.update)


def check_all(nlp_parser: Parser, update: bool) -> int:
    failed = 0
    for name, articles in golden_sets().items():
        now = build(articles, nlp_parser)
        if update:
            store(name, now)
            print(f"{name}: wrote {golden_path(name).relative_to(ROOT)} ({len(now):,} bytes)")
        elif not golden_path(name).exists() or stored(name) != now:
            failed += 1
            print(f"{name}: differs" if golden_path(name).exists() else f"{name}: no golden file")
        else:
            print(f"{name}: identical")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
