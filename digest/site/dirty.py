"""What a dirty rebuild (`mkdocs serve --dirty`) carries over from the last build of the same process.

A dirty build keeps the site folder. After one edited seed among 1,000 articles a few dozen of
the digest's ~3,000 pages change, yet MkDocs would build and write every one. Two records let it
do less, and each keeps the site a clean build's, byte for byte:

- `WrittenPages`: a page whose HTML is what the last build wrote to the same file is not written again;
- `UnbuiltPages`: a page whose themed HTML is made of what the last build made it of (its
  converted content, the nav, its own facts, the template context other plugins give it) is not
  built at all, and the search entries it had are put back in a clean build's order.

This module knows no MkDocs: the plugin hands it keys, paths and entries.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable


class WrittenPages(logging.Filter):
    """A page whose HTML is what the last build of this process wrote there is not written again
    (rewriting 3,000 unchanged pages was 1.7 s of a rebuild at 1,000 articles, profiled). MkDocs
    writes nothing for an empty output and says so at INFO, once per page; for the pages left
    alone here those lines are dropped."""

    def __init__(self) -> None:
        super().__init__()
        self.last: dict[str, str] = {}  # where a page went: the HTML the last build wrote there
        self.now: dict[str, str] = {}
        self.skipped: set[str] = set()

    def start(self) -> None:
        self.now, self.skipped = {}, set()
        logging.getLogger("mkdocs.commands.build").addFilter(self)

    def output(self, html: str, destination: str, src_uri: str, *, kept_folder: bool) -> str:
        if not kept_folder:
            return html  # the folder was emptied: every page is written, and none need be recorded
        before = self.last.get(destination)
        if before == html and os.path.isfile(destination):  # equal strings: identity first, in C
            self.now[destination] = before
            self.skipped.add(src_uri)
            return ""
        if html.strip():
            self.now[destination] = html
        return html

    def keep(self, destination: str) -> bool:
        """A page not built this time: what the last build wrote stays, if it is still there."""
        before = self.last.get(destination)
        if before is None or not os.path.isfile(destination):
            return False
        self.now[destination] = before
        return True

    def finish(self, *, complete: bool) -> None:
        # After a failed build what the folder holds is unknown: the next one writes every page.
        self.last, self.now = (self.now if complete else {}), {}
        logging.getLogger("mkdocs.commands.build").removeFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        prefix = "Page skipped: '"
        return not (message.startswith(prefix) and message[len(prefix) :].rsplit("'", 1)[0] in self.skipped)


class UnbuiltPages:
    """The pages a dirty build need not build: the same build key as the last build's, which
    built the page without a warning and wrote it (`WrittenPages`). A page's search entries are
    kept by its path, so that the index of a build that skipped pages is a clean build's."""

    def __init__(self) -> None:
        self.last: dict[str, str] = {}  # path: the build key of a page the last build made cleanly
        self.now: dict[str, str] = {}
        self.warnings_at: dict[str, int] = {}  # path: the warnings logged before its build began
        self.unbuilt: set[str] = set()
        self.indexed_last: dict[str, list[object]] = {}  # path: its search entries
        self.indexed_now: dict[str, list[object]] = {}

    def start(self) -> None:
        self.now, self.warnings_at, self.unbuilt, self.indexed_now = {}, {}, set(), {}

    def unchanged(self, path: str, key: str, destination: str, written: WrittenPages, warnings: int) -> bool:
        """Whether the page is as the last build made it; its file is then kept as written."""
        self.now[path], self.warnings_at[path] = key, warnings
        if self.last.get(path) != key or not written.keep(destination):
            return False
        self.unbuilt.add(path)
        self.indexed_now[path] = self.indexed_last.get(path, [])  # none: the page was left out of search
        return True

    def built(self, path: str, warnings: int) -> None:
        """A page built now: one whose build warned is built again next time, and warns again."""
        if self.warnings_at.pop(path, warnings) != warnings:
            self.now.pop(path, None)

    def indexed(self, path: str, entries: list[object]) -> None:
        self.indexed_now[path] = entries

    def index(self, order: Iterable[str]) -> list[object]:
        """Every page's search entries in the order MkDocs builds the pages, as a clean build lists them."""
        return [entry for path in order for entry in self.indexed_now.get(path, ())]

    def finish(self, *, complete: bool) -> int:
        """The build's end: what it made becomes the last build's; returns how many pages it did not build."""
        count = len(self.unbuilt)
        self.last, self.indexed_last = (self.now, self.indexed_now) if complete else ({}, {})
        self.now, self.warnings_at, self.unbuilt, self.indexed_now = {}, {}, set(), {}
        return count
