"""What the digest adds to a host's docs folder, by path: the pages, the assets and the nav sections.

Shared by the MkDocs plugin (in memory) and `digest render` (on disk), so both lay the site
out the same way. Every generated page lives under one prefix ("" or e.g. "news/"); the pages
link to one another relatively, so moving them all together keeps every link whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from digest.model import Digest
from digest.site.render import render_pages

ASSETS = Path(__file__).parent / "assets"
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


def generated_pages(digest: Digest, templates_dir: Path | None, layout: Layout) -> dict[str, str]:
    """Every generated Markdown page, by its path in the docs folder."""
    pages = render_pages(digest, templates_dir)
    return {(layout.home if path == "index.md" else layout.under(path)): text for path, text in pages.items()}


def asset_files(layout: Layout) -> dict[str, bytes]:
    """The stylesheet and script the pages need, read from the package."""
    names = [*STYLESHEETS, *SCRIPTS]
    return {layout.under(f"assets/digest/{name}"): (ASSETS / name).read_bytes() for name in names}
