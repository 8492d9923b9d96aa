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
        digest.update(repr(part).encode("utf-8", "surrogateescape") + b"\0")
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
