"""Pages rendered once: a generated page's HTML kept between builds, keyed by all it is made of.

MkDocs converts and templates every page on every build; at 1,000 articles that is most of a
rebuild after one seed changed, though nearly every page comes out as it did. The plugin keeps two
results per generated detail page (topic, source, entity) in the one cache (`digest.memo`):

- *rendered*: the page's HTML body with its table of contents, title and anchors, keyed by its
  Markdown, its path, the existence of every page it links to, and what shapes the conversion
  (Markdown extensions and their options, library versions, this package's code);
- *output*: the whole themed page, keyed by the rendered key and everything the theme puts around
  the body: the site's configuration, the theme's files, the nav, the page's own facts (address,
  title, neighbours, metadata) and what other plugins add to its template context.

The same key means the same bytes; the plugin reuses nothing whose render logged a warning, so a
strict build fails as it would have. This module knows no MkDocs: the plugin hands it plain values.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

# The libraries whose versions shape a page's HTML.
SHAPING = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pygments", "babel")
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")
# Inline links and images, raw HTML attributes, and reference definitions: every way a page names another.
# Three patterns, each with a literal start, scan far faster than one alternation.
_LINKS = (
    re.compile(r"\]\(\s*<?([^)\s>]+)"),
    re.compile(r"(?:href|src)\s*=\s*[\"']([^\"']+)"),
    re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE),
)


@dataclass(frozen=True)
class Rendered:
    """What MkDocs' Markdown conversion of one page gave; `links` maps each linked page to its anchors."""

    content: str
    toc: object
    title: str | None
    anchors: frozenset[str] | None
    links: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] | None


def key_of(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        # A page's Markdown and HTML are hashed as they are: their repr copied and escaped every
        # page again (a third of keying 3,000 pages, profiled). The tag keeps "'a'" apart from 'a'.
        if isinstance(part, str):
            digest.update(b"s%d:" % len(part))
            digest.update(part.encode("utf-8", "surrogateescape"))
        else:
            digest.update(b"r" + repr(part).encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def link_paths(markdown: str, src_uri: str) -> list[str]:
    """The docs paths a page's relative links point at, resolved as MkDocs resolves them first.
    A false hit (a path in a code span) only makes the key stricter."""
    found: set[str] = set()
    for destination in {d for pattern in _LINKS for d in pattern.findall(markdown)}:
        parts = urlsplit(destination)
        if parts.scheme or parts.netloc or not parts.path or destination.startswith(("/", "\\")):
            continue
        found.add(posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(parts.path))).lstrip("/"))
    return sorted(found)


def versions() -> list[str]:
    return [f"{name}=={version_of(name)}" for name in SHAPING]


def version_of(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


def folder_fingerprint(folder: Path | None) -> str:
    """A hash of every file under a folder (a theme's custom_dir), by path and bytes."""
    digest = hashlib.sha256()
    if folder is not None and folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def settings_text(settings: Iterable[tuple[str, object]]) -> str:
    """Settings as stable text: sorted, anything that is not JSON by its str (paths, URLs), less
    the memory addresses in a function's or an object's (Material's tags options hold functions),
    which differ from one process to the next and would make every build miss."""
    text = json.dumps(dict(sorted(settings)), sort_keys=True, default=str, ensure_ascii=False)
    return _ADDRESS.sub("", text)


def flat_items(items: Iterable[object], depth: int = 0) -> Iterator[tuple[int, str, str, str]]:
    """A nav as rows of (depth, kind, title, url), at any depth; titles are read after pages are."""
    for item in items:
        yield depth, type(item).__name__, str(getattr(item, "title", "")), str(getattr(item, "url", ""))
        yield from flat_items(getattr(item, "children", None) or (), depth + 1)


class KeptBytecode(BytecodeCache):
    """Templates compiled once per process: MkDocs makes a new Jinja environment every build, and
    compiling the theme's templates again was about 0.5 s of a one-seed `mkdocs serve` rebuild
    (profiled, 1,000 articles). Jinja checks each template's source against the checksum kept with
    its code, so an edited template or override is compiled again."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        # What else shapes the compiled code: an environment of other settings compiles its own.
        return super().get_bucket(environment, f"{compiling(environment)}\0{name}", filename, source)

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.kept.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


def compiling(environment: Environment) -> str:
    """The settings of a Jinja environment that shape a template's compiled code (in-process reprs)."""
    settings = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
                "autoescape", "finalize", "undefined", "is_async")  # fmt: skip
    return repr([getattr(environment, name, None) for name in settings] + sorted(environment.extensions))
