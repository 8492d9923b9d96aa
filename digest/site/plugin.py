"""The MkDocs adapter: generate the digest's pages in memory and publish `digest.json` with the site.

`on_startup` existing keeps one plugin instance alive across `mkdocs serve` rebuilds, so
the spaCy pipeline is loaded once and the parse cache serves every unchanged seed.
`digest.json` and its schema are published as generated files beside the pages.
Data problems are logged through `mkdocs.plugins.digest`, so `mkdocs build --strict`
fails on them while a plain build warns and goes on.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from digest.model import Digest
from digest.nlp.encoder import load_encoder
from digest.nlp.parse import ModelMissing, Parser, default_cache_dir, load_pipeline
from digest.pipeline import build_digest
from digest.site.export import schema_text, write_json
from digest.site.feed import atom_feed
from digest.site.render import render_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from spacy.language import Language

log = logging.getLogger("mkdocs.plugins.digest")


class DigestConfig(base.Config):
    seeds_dir = c.Type(str, default="seeds")
    templates_dir = c.Type(str, default="templates")
    model = c.Type(str, default="auto")
    cache_dir = c.Optional(c.Type(str))


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.nlp: Language | None = None
        self.pinned = False
        self.scratch: tempfile.TemporaryDirectory[str] | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.nlp = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.seeds = self.resolve(self.config.seeds_dir)
        self.templates = self.resolve(self.config.templates_dir)
        if not self.seeds.is_dir():
            raise PluginError(f"digest: seeds folder {self.seeds} does not exist")
        if not (self.templates / "topic.md.j2").is_file():
            raise PluginError(f"digest: templates folder {self.templates} holds no topic.md.j2")
        return config

    def resolve(self, path: str) -> Path:
        candidate = Path(path)
        return candidate if candidate.is_absolute() else self.root / candidate

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # A local, not an attribute: MkDocs renders every page after this, and the digest's
        # extractions (~80 MB per 1,000 articles) need not stay in memory while it does.
        digest = build_digest(self.seeds, Parser(self.pipeline(), self.cache_dir()))
        for problem in digest.problems:
            log.warning("seeds/%s", problem)
        self.pin_build_date(digest)
        # Written to disk piece by piece, not held as one string while MkDocs renders every page
        # (measured on 1,000 articles: 60 MB less after on_files, a 23 MB lower peak).
        self.remove_scratch()
        self.scratch = tempfile.TemporaryDirectory(prefix="digest-")
        exported = Path(self.scratch.name) / "digest.json"
        write_json(digest, exported)
        pages = render_pages(digest, self.templates)
        pages["digest.schema.json"] = schema_text()
        # An Atom id must be an absolute address: without a site_url there is no feed to link.
        if config.site_url:
            pages["feed.xml"] = atom_feed(
                digest, config.site_url, title=config.site_name, directory_urls=config.use_directory_urls
            )
        del digest
        for path, content in sorted(pages.items()):
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=content))
        if files.get_file_from_path("digest.json") is None:
            files.append(File.generated(config, "digest.json", abs_src_path=str(exported)))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.remove_scratch()

    def on_build_error(self, *, error: Exception) -> None:
        self.remove_scratch()

    def remove_scratch(self) -> None:
        if self.scratch is not None:
            self.scratch.cleanup()
            self.scratch = None

    def pipeline(self) -> Language:
        if self.nlp is None:
            try:
                self.nlp = load_pipeline(self.config.model)
                load_encoder()  # once per `mkdocs serve`, like the pipeline: a missing one fails here, in one line
            except ModelMissing as error:
                raise PluginError(f"digest: {error}") from None
            log.info("loaded spaCy pipeline %s %s", self.nlp.meta["name"], self.nlp.meta["version"])
        return self.nlp

    def cache_dir(self) -> Path:
        configured = self.config.cache_dir
        return self.resolve(configured) if configured else default_cache_dir()

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object) -> None:
        server.watch(str(self.seeds))
        server.watch(str(self.templates))

    def pin_build_date(self, digest: Digest) -> None:
        """Same seeds, same bytes: the sitemap's dates follow the newest article, not the clock."""
        if "SOURCE_DATE_EPOCH" in os.environ and not self.pinned:
            return  # the caller chose a date
        os.environ["SOURCE_DATE_EPOCH"] = str(build_epoch(digest))
        self.pinned = True


def build_epoch(digest: Digest) -> int:
    dates = [a.published for a in digest.articles if a.published]
    day = dt.date.fromisoformat(max(dates)) if dates else dt.date(2000, 1, 1)
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
