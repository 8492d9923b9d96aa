"""No broken internal link or anchor anywhere in the built site."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit


class PageScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key):
                self.ids.add(str(values[key]))
        if tag in ("a", "link") and values.get("href"):
            self.links.append(str(values["href"]))
        if tag in ("script", "img") and values.get("src"):
            self.links.append(str(values["src"]))


def scan(site: Path) -> dict[Path, PageScan]:
    pages = {}
    for path in site.rglob("*.html"):
        if path.relative_to(site) == Path("404.html"):
            continue  # served for any missing URL, so MkDocs links it from the site's root, not relatively
        parsed = PageScan()
        parsed.feed(path.read_text(encoding="utf-8"))
        pages[path] = parsed
    return pages


def resolve(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
        return None
    path, fragment = urldefrag(unquote(parts.path) + ("#" + parts.fragment if parts.fragment else ""))
    target = page if not path else (page.parent / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, fragment


def broken_links(site: Path) -> list[str]:
    pages = scan(site)
    broken = []
    for page, parsed in pages.items():
        for link in parsed.links:
            resolved = resolve(site, page, link)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {link} (no such file)")
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{page.relative_to(site)}: {link} (no such anchor)")
    return broken


def test_no_internal_link_or_anchor_is_broken(built_site: Path) -> None:
    assert broken_links(built_site) == []


def test_the_checker_finds_a_broken_anchor(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<a href="other/#nowhere">x</a><a href="missing.html">y</a>')
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "index.html").write_text('<p id="here">z</p>')
    assert broken_links(tmp_path) == [
        "index.html: other/#nowhere (no such anchor)",
        "index.html: missing.html (no such file)",
    ]
