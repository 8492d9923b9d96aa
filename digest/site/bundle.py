"""What the digest adds to a host's docs folder, by path: the pages, the assets and the nav sections.

Shared by the MkDocs plugin (in memory) and `digest render` (on disk), so both lay the site
out the same way. Every generated page lives under one prefix ("" or e.g. "news/"); the pages
link to one another relatively, so moving them all together keeps every link whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from digest.model import Digest
from digest.site.excerpts import excerpted
from digest.site.export import schema_text
from digest.site.feed import atom_feed
from digest.site.render import render_pages

ASSETS = Path(__file__).parent / "assets"
DEFAULT_CONFIG = Path(__file__).parent / "default-mkdocs.yml"
STYLESHEETS = ("digest.css",)
SCRIPTS = ("tablesort.js",)
# Where the digest's home goes when the host already has a page at `index.md` under the prefix.
HOME_ASIDE = "digest.md"


@dataclass(frozen=True)
class Layout:
    prefix: str = ""  # "" or a folder path ending in "/"
    home: str = "index.md"

    def under(self, path: str) -> str:
        return f"{self.prefix}{path}"

    @property
    def stylesheets(self) -> list[str]:
        return [self.under(f"assets/digest/{name}") for name in STYLESHEETS]

    @property
    def scripts(self) -> list[str]:
        return [self.under(f"assets/digest/{name}") for name in SCRIPTS]

    def sections(self) -> list[tuple[str, str]]:
        """The digest's section pages, as a nav lists them: (title, path)."""
        return [
            ("Digest", self.home),
            ("Topics", self.under("topics/index.md")),
            ("Sources", self.under("sources/index.md")),
            ("People and places", self.under("entities/index.md")),
        ]

    def is_detail(self, path: str) -> bool:
        """A topic, source or entity page: reached from its section page, never listed in a nav."""
        folder, _, name = path.removeprefix(self.prefix).rpartition("/")
        return path.startswith(self.prefix) and folder in ("topics", "sources", "entities") and name != "index.md"


def make_layout(prefix: str, taken: Callable[[str], bool]) -> Layout:
    """The layout under `prefix`; the home steps aside to `digest.md` when the host has its own index."""
    clean = prefix.strip("/")
    base = f"{clean}/" if clean else ""
    home = f"{base}index.md"
    return Layout(base, f"{base}{HOME_ASIDE}" if taken(home) else home)


def published(digest: Digest, publish_text: str) -> Digest:
    """What may be published of the seeds: all of it, or only the sentences the digest cites."""
    return excerpted(digest) if publish_text == "excerpts" else digest


def generated_pages(digest: Digest, templates_dir: Path | None, layout: Layout, *, excerpts: bool = False) -> dict[str, str]:
    """Every generated Markdown page, by its path in the docs folder."""
    pages = render_pages(digest, templates_dir, excerpts=excerpts)
    return {(layout.home if path == "index.md" else layout.under(path)): text for path, text in pages.items()}


def asset_files(layout: Layout) -> dict[str, bytes]:
    """The stylesheet and script the pages need, read from the package."""
    names = [*STYLESHEETS, *SCRIPTS]
    return {layout.under(f"assets/digest/{name}"): (ASSETS / name).read_bytes() for name in names}


def site_files(digest: Digest, templates_dir: Path | None, layout: Layout, *, site_url: str | None, title: str,
               directory_urls: bool = True, excerpts: bool = False) -> dict[str, str | bytes]:  # fmt: skip
    """Everything the digest adds to a docs folder but `digest.json` (written apart, piece by piece).
    With `excerpts`, `digest` must be `published(digest, "excerpts")`: the pages then say so."""
    files: dict[str, str | bytes] = {**generated_pages(digest, templates_dir, layout, excerpts=excerpts), **asset_files(layout)}
    files[layout.under("digest.schema.json")] = schema_text()
    # An Atom id must be an absolute address: without a site_url there is no feed to link.
    if site_url:
        base = site_url if site_url.endswith("/") else f"{site_url}/"
        files[layout.under("feed.xml")] = atom_feed(digest, base + layout.prefix, title=title, directory_urls=directory_urls)
    return files


def default_config() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    return loaded


def plain_config(layout: Layout, docs_dir: str) -> dict[str, Any]:
    """A mkdocs.yml for the rendered folder that needs no digest plugin: what the plugin adds, written out."""
    config = default_config()
    config["docs_dir"] = docs_dir
    config["plugins"] = [p for p in config["plugins"] if p != "digest" and not (isinstance(p, dict) and "digest" in p)]
    config["extra_css"] = layout.stylesheets
    config["extra_javascript"] = layout.scripts
    config["nav"] = [{title: path} for title, path in layout.sections()]
    config["not_in_nav"] = "".join(f"/{layout.prefix}{folder}/*.md\n" for folder in ("topics", "sources", "entities"))
    return config
