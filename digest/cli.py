"""Command line: `digest export SEEDS -o FILE` (JSON only), `digest render SEEDS -o DIR` (the pages as
Markdown, for any static site tool) and `digest build SEEDS -d SITE_DIR` (the site).

Exit codes: 0 built (or already up to date); 1 built, but a seed had a problem and --strict
was given (nothing is written then); 2 could not build at all (no seeds folder, no spaCy
model, an unreachable Dask scheduler, a failed MkDocs build).

`build` needs no mkdocs.yml: without `-f` it uses ./mkdocs.yml where there is one, else the
packaged default (Material, every page the digest's). Its choices (seeds, model, publish_text)
reach the digest plugin as options before MkDocs validates the config, as if written in the file.

`build` is skipped when nothing it reads has changed since it last built the same site
folder: the seeds, the templates, the hand-written pages, the config, this package's code
and the versions of the libraries that shape the output. `--force` builds regardless.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from digest import __version__
from digest.memo import code_fingerprint
from digest.model import Digest
from digest.nlp.parse import ModelMissing, Parser, default_cache_dir, load_pipeline
from digest.progress import reporter_for
from digest.remote import RemoteFailed
from digest.site.bundle import ASSETS, DEFAULT_CONFIG, make_layout, plain_config, published, site_files
from digest.site.excerpts import PUBLISH_TEXT
from digest.site.export import iter_json
from digest.site.render import PACKAGED_TEMPLATES
from digest.snapshot import SHAPING as DIGEST_SHAPING
from digest.snapshot import digest_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

OK, PROBLEMS, FAILED = 0, 1, 2
DEFAULT_TITLE = "Cross-source digest"


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (ModelMissing, BuildFailed, RemoteFailed) as error:
        print(f"digest: {error}", file=sys.stderr)
        return FAILED


class BuildFailed(RuntimeError):
    """The build could not finish; the previous output is untouched."""


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="digest", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    export = commands.add_parser("export", help="write digest.json without building a site")
    export.add_argument("seeds", type=Path, help="the folder of seed articles")
    export.add_argument("-o", "--output", type=Path, required=True, help="the JSON file to write")
    add_common(export)
    export.set_defaults(run=run_export)
    render = commands.add_parser("render", help="write every generated page as Markdown, with digest.json and the assets")
    render.add_argument("seeds", type=Path, help="the folder of seed articles")
    render.add_argument("-o", "--output", type=Path, required=True, help="the folder to write (replaced as a whole)")
    render.add_argument("--templates-dir", type=Path, help="templates that replace the packaged ones of the same name")
    render.add_argument("--prefix", default="", help="a folder of the docs the pages go under (default: none)")
    render.add_argument("--site-url", help="the published address; with it, an Atom feed (feed.xml) is written too")
    render.add_argument("--mkdocs-yml", type=Path, help="also write a plugin-free mkdocs.yml that builds the folder")
    add_common(render)
    render.set_defaults(run=run_render)
    build = commands.add_parser("build", help="build the whole site from a seeds folder")
    build.add_argument("seeds", type=Path, help="the folder of seed articles")
    build.add_argument("-d", "--site-dir", type=Path, default=Path("site"), help="where the site goes")
    build.add_argument("-f", "--config-file", type=Path, help="the MkDocs config (default: ./mkdocs.yml, else the packaged one)")
    build.add_argument("--force", action="store_true", help="build even when nothing has changed")
    add_common(build)
    build.set_defaults(run=run_build)
    return parser


def add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--strict", action="store_true", help="fail (exit 1) on any problem with a seed")
    command.add_argument("--model", default="auto", help="spaCy model name or path (default: auto)")
    # No default here: `build` keeps the config's own publish_text unless the flag is given.
    command.add_argument("--publish-text", choices=PUBLISH_TEXT,
                         help="full (default): the articles' whole text; excerpts: only the sentences the digest cites")  # fmt: skip
    command.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                         help="clean, parse and extract on this Dask scheduler's cluster (workers need digest and the model installed)")  # fmt: skip


def run_export(args: argparse.Namespace) -> int:
    check_seeds(args.seeds)
    digest = digest_of(args.seeds, args.model, default_cache_dir(), lambda: Parser(load_pipeline(args.model), default_cache_dir()), reporter_for(sys.stderr), args.scheduler)
    report(digest)
    if args.strict and digest.problems:
        return PROBLEMS
    write_atomically(args.output, iter_json(published(digest, args.publish_text or "full")))
    return OK


def run_render(args: argparse.Namespace) -> int:
    """The pages on disk: Zensical, plain MkDocs or any Markdown tool builds them without the plugin."""
    check_seeds(args.seeds)
    if args.templates_dir is not None and not args.templates_dir.is_dir():
        raise BuildFailed(f"templates folder {args.templates_dir} does not exist")
    digest = digest_of(args.seeds, args.model, default_cache_dir(), lambda: Parser(load_pipeline(args.model), default_cache_dir()), reporter_for(sys.stderr), args.scheduler)
    report(digest)
    if args.strict and digest.problems:
        return PROBLEMS
    layout = make_layout(args.prefix, lambda path: False)
    digest = published(digest, args.publish_text or "full")
    files = site_files(digest, args.templates_dir, layout, site_url=args.site_url, title=DEFAULT_TITLE,
                       excerpts=args.publish_text == "excerpts")  # fmt: skip
    out = args.output.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    staging.chmod(0o755)
    try:
        for path, content in sorted(files.items()):
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        write_atomically(staging / layout.under("digest.json"), iter_json(digest))
        swap_in(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if args.mkdocs_yml is not None:
        docs_dir = os.path.relpath(out, args.mkdocs_yml.resolve().parent)
        write_atomically(args.mkdocs_yml, yaml.safe_dump(plain_config(layout, docs_dir), allow_unicode=True, sort_keys=False))
    print(f"digest: wrote {len(files) + 1} files to {args.output}", file=sys.stderr)
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


def write_atomically(path: Path, text: str | Iterable[str]) -> None:
    """Write `text` (or its pieces, never joined in memory) so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as out:
        out.writelines([text] if isinstance(text, str) else text)
    temporary.replace(path)


def run_build(args: argparse.Namespace) -> int:
    check_seeds(args.seeds)
    config_file = site_config_file(args.config_file)
    with tempfile.TemporaryDirectory(prefix="digest-docs-") as empty:
        # The packaged config comes with no pages of its own: every page is the digest's.
        docs_dir = empty if config_file == DEFAULT_CONFIG else None
        return build_once(args, config_file, docs_dir)


def site_config_file(given: Path | None) -> Path:
    if given is not None:
        if not given.is_file():
            raise BuildFailed(f"MkDocs config {given} does not exist")
        return given
    local = Path("mkdocs.yml")
    return local if local.is_file() else DEFAULT_CONFIG


def build_once(args: argparse.Namespace, config_file: Path, docs_dir: str | None) -> int:
    site = args.site_dir.resolve()
    inputs = inputs_key(args, config_file, docs_dir)
    if not args.force and site.is_dir() and stamp_path(site).is_file() and stamp_path(site).read_text() == inputs:
        print(f"digest: {args.site_dir} is up to date: no seed, template, page, config or code changed (--force rebuilds)",
              file=sys.stderr)  # fmt: skip
        return OK
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-", dir=site.parent))
    staging.chmod(0o755)  # mkdtemp's 0700 would follow the site onto a web server
    try:
        code = build_site(args, config_file, docs_dir, staging)
        if code == OK:
            swap_in(staging, site)
            write_atomically(stamp_path(site), inputs)
        return code
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# The libraries whose versions shape the site's bytes, besides this package's own code: the digest's and the site's.
SHAPING = (*DIGEST_SHAPING, "mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "jinja2", "feedgen")


def inputs_key(args: argparse.Namespace, config_file: Path, docs_dir: str | None) -> str:
    """A hash of everything a site build reads; the same key means the same site."""
    config = load_site_config(args, config_file, docs_dir=docs_dir)
    plugin = config.plugins["digest"]
    # The packaged templates and assets are data, not code: code_fingerprint does not see them.
    folders = [args.seeds.resolve(), Path(config.docs_dir), PACKAGED_TEMPLATES, ASSETS]
    folders += [Path(plugin.config.templates_dir)] if plugin.config.templates_dir else []
    folders += [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    digest = hashlib.sha256()
    # site_url may come from the environment (DIGEST_SITE_URL), not from the config file's bytes.
    for part in (code_fingerprint(), args.model, str(args.publish_text), str(args.strict), str(config.site_url), *map(version_of, SHAPING)):
        digest.update(part.encode() + b"\0")
    files = {config_file.resolve()} | {f for d in folders if d.is_dir() for f in d.rglob("*")}
    for path in sorted(files):
        digest.update(str(path).encode() + b"\0" + file_bytes(path) + b"\0")
    return digest.hexdigest()


def file_bytes(path: Path) -> bytes:
    """A file's content; a link's target, never followed (it may lead anywhere); nothing for the rest."""
    if path.is_symlink():
        return os.readlink(path).encode()
    return path.read_bytes() if path.is_file() else b""


def version_of(distribution: str) -> str:
    try:
        return f"{distribution}=={metadata.version(distribution)}"
    except metadata.PackageNotFoundError:
        return f"{distribution} absent"


def stamp_path(site: Path) -> Path:
    """Where the key of the site's last build is kept: in the cache, never published with the site."""
    name = hashlib.sha256(str(site).encode("utf-8")).hexdigest()[:16]
    return default_cache_dir() / "builds" / f"{name}.key"


def plugin_options(args: argparse.Namespace) -> dict[str, Any]:
    """What the command line tells the digest plugin; these win over the config file's options."""
    options: dict[str, Any] = {"seeds_dir": str(args.seeds.resolve()), "model": args.model}
    if getattr(args, "scheduler", None):
        options["scheduler"] = args.scheduler
    if args.publish_text:
        options["publish_text"] = args.publish_text
    return options


def load_site_config(args: argparse.Namespace, config_file: Path, **overrides: Any) -> MkDocsConfig:
    """`config_file` as MkDocs loads it (INHERIT, !ENV), the digest plugin's options merged in before validation."""
    from mkdocs import exceptions
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        raw = MkDocsConfig(config_file_path=str(config_file))
        with config_file.open("rb") as text:
            raw.load_file(text)
        plugins = with_options(raw.get("plugins"), "digest", plugin_options(args))
        if plugins is None:
            raise BuildFailed(f"{config_file} does not enable the digest plugin")
        return load_config(str(config_file), plugins=plugins, **overrides)
    except exceptions.Abort:
        raise BuildFailed(f"{config_file} is not a valid MkDocs configuration (see above)") from None
    except exceptions.ConfigurationError as error:
        # YAML's own message spans lines (the problem, then where): one line, as every error here.
        raise BuildFailed(f"{config_file}: {' '.join(str(error).split())}") from None


def with_options(plugins: object, name: str, options: dict[str, Any]) -> list[object] | dict[str, object] | None:
    """The config's `plugins` (a list, or a mapping of names) with `options` over plugin `name`'s own; None without it."""
    if isinstance(plugins, dict) and name in plugins:
        return {**plugins, name: {**(plugins[name] or {}), **options}}
    if not isinstance(plugins, list):
        return None
    merged: list[object] = []
    for entry in plugins:
        if entry == name:
            entry = {name: options}
        elif isinstance(entry, dict) and name in entry:
            entry = {**entry, name: {**(entry[name] or {}), **options}}
        merged.append(entry)
    return merged if merged != plugins else None


def build_site(args: argparse.Namespace, config_file: Path, docs_dir: str | None, staging: Path) -> int:
    """One MkDocs build into `staging`, with the digest plugin pointed at `args.seeds`."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build

    config = load_site_config(args, config_file, docs_dir=docs_dir, site_dir=str(staging), strict=args.strict)
    plugin = config.plugins.get("digest")
    if plugin is not None:
        plugin.report = reporter_for(sys.stderr)  # bars on a terminal: the plugin's INFO lines are not shown here
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
