"""Command line: `digest export SEEDS -o FILE` (JSON only) and `digest build SEEDS -d SITE_DIR` (the site).

Exit codes: 0 built; 1 built, but a seed had a problem and --strict was given (nothing is
written then); 2 could not build at all (no seeds folder, no spaCy model, a failed MkDocs build).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from digest.export import to_json
from digest.model import Digest
from digest.parse import ModelMissing, Parser, default_cache_dir, load_pipeline
from digest.pipeline import build_digest

OK, PROBLEMS, FAILED = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (ModelMissing, BuildFailed) as error:
        print(f"digest: {error}", file=sys.stderr)
        return FAILED


class BuildFailed(RuntimeError):
    """The build could not finish; the previous output is untouched."""


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="digest", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    export = commands.add_parser("export", help="write digest.json without building a site")
    export.add_argument("seeds", type=Path, help="the folder of seed articles")
    export.add_argument("-o", "--output", type=Path, required=True, help="the JSON file to write")
    add_common(export)
    export.set_defaults(run=run_export)
    build = commands.add_parser("build", help="build the whole site from a seeds folder")
    build.add_argument("seeds", type=Path, help="the folder of seed articles")
    build.add_argument("-d", "--site-dir", type=Path, default=Path("site"), help="where the site goes")
    build.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    add_common(build)
    build.set_defaults(run=run_build)
    return parser


def add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--strict", action="store_true", help="fail (exit 1) on any problem with a seed")
    command.add_argument("--model", default="auto", help="spaCy model name or path (default: auto)")


def run_export(args: argparse.Namespace) -> int:
    check_seeds(args.seeds)
    digest = build_digest(args.seeds, Parser(load_pipeline(args.model), default_cache_dir()))
    report(digest)
    if args.strict and digest.problems:
        return PROBLEMS
    write_atomically(args.output, to_json(digest))
    return OK


def check_seeds(seeds: Path) -> None:
    if not seeds.is_dir():
        raise BuildFailed(f"seeds folder {seeds} does not exist")


def report(digest: Digest) -> None:
    for problem in digest.problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(
        f"digest: {len(digest.articles)} articles, {len(digest.topics)} topics, "
        f"{len(digest.problems)} problems",
        file=sys.stderr,
    )


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def run_build(args: argparse.Namespace) -> int:
    check_seeds(args.seeds)
    if not args.config_file.is_file():
        raise BuildFailed(f"MkDocs config {args.config_file} does not exist")
    site = args.site_dir.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-", dir=site.parent))
    staging.chmod(0o755)  # mkdtemp's 0700 would follow the site onto a web server
    try:
        code = build_site(args, staging)
        if code == OK:
            swap_in(staging, site)
        return code
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build_site(args: argparse.Namespace, staging: Path) -> int:
    """One MkDocs build into `staging`, with the digest plugin pointed at `args.seeds`."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        config = load_config(str(args.config_file), site_dir=str(staging), strict=args.strict)
    except exceptions.Abort:
        raise BuildFailed(f"{args.config_file} is not a valid MkDocs configuration (see above)") from None
    plugin = config.plugins.get("digest")
    if plugin is None:
        raise BuildFailed(f"{args.config_file} does not enable the digest plugin")
    plugin.config.seeds_dir = str(args.seeds.resolve())
    plugin.config.model = args.model
    try:
        build(config)
    except exceptions.Abort as error:
        print(f"digest: {error}", file=sys.stderr)
        return PROBLEMS if args.strict else FAILED
    except exceptions.MkDocsException as error:
        raise BuildFailed(str(error)) from None
    return OK


def swap_in(staging: Path, site: Path) -> None:
    """Replace the old site by the finished one, so a failed build never leaves half a site."""
    old = site.with_name(f".{site.name}-old-{os.getpid()}")
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
