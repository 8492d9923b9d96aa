"""The MkDocs adapter: generate the digest's pages in memory and publish `digest.json` with the site.

`on_startup` existing keeps one plugin instance alive across `mkdocs serve` rebuilds, so
the spaCy pipeline is loaded once and the parse cache serves every unchanged seed.
`digest.json` and its schema are published as generated files beside the pages, and the
stylesheet and script the pages need are added to the site and to `extra_css`/`extra_javascript`:
a host's `mkdocs.yml` needs only `- digest`. Data problems are logged through the plugin's
logger, so `mkdocs build --strict` fails on them while a plain build warns and goes on.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from digest import __version__
from digest.model import Digest
from digest.nlp.encoder import load_encoder
from digest.nlp.parse import ModelMissing, Parser, default_cache_dir, load_pipeline
from digest.progress import PlainProgress, Report
from digest.remote import RemoteFailed
from digest.site.bundle import Layout, make_layout, published, site_files
from digest.site.excerpts import PUBLISH_TEXT
from digest.site.export import write_json
from digest.site.render import PACKAGED_TEMPLATES
from digest.snapshot import digest_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page
    from spacy.language import Language

log = get_plugin_logger("digest")
# The Markdown the generated pages are written in: details blocks, attribute lists, HTML with Markdown inside.
PAGE_EXTENSIONS = ("admonition", "attr_list", "md_in_html", "tables", "pymdownx.details", "pymdownx.superfences")


class DigestConfig(base.Config):
    # Paths resolve against the config file's folder. The seeds folder is checked in on_config,
    # so a missing one gets the digest's own one-line message.
    seeds_dir = c.Dir(exists=False, default="seeds")
    # Templates found here replace the packaged ones of the same name; the rest stay packaged.
    templates_dir = c.Optional(c.Dir(exists=True))
    # The folder of the docs the generated pages go under: "" keeps topics/, sources/, entities/ at the top.
    prefix = c.Type(str, default="")
    # "excerpts": source pages, search and digest.json hold only the sentences the digest cites.
    publish_text = c.Choice(PUBLISH_TEXT, default="full")
    model = c.Type(str, default="auto")
    cache_dir = c.Optional(c.Dir(exists=False))
    # A Dask scheduler (tcp://HOST:PORT): cleaning, parsing and extraction run on its cluster.
    scheduler = c.Optional(c.Type(str))


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.nlp: Language | None = None
        self.build_date: str | None = None
        self.scratch: tempfile.TemporaryDirectory[str] | None = None
        # Where progress goes: the plugin's logger unless an adapter (the CLI) chooses otherwise.
        self.report: Report = PlainProgress(log.info)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.nlp = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.seeds = Path(self.config.seeds_dir)
        self.templates = Path(self.config.templates_dir) if self.config.templates_dir else None
        if not self.seeds.is_dir():
            raise PluginError(f"digest: seeds folder {self.seeds} does not exist")
        if self.templates and not {p.name for p in self.templates.glob("*.md.j2")} & {p.name for p in PACKAGED_TEMPLATES.glob("*.md.j2")}:
            log.warning("templates folder %s overrides none of the digest's templates (%s)", self.templates, PACKAGED_TEMPLATES)
        layout = make_layout(self.config.prefix, lambda path: False)
        # A fresh Material site enables none of these, and the pages would show `??? info` as text.
        config.markdown_extensions.extend(name for name in PAGE_EXTENSIONS if name not in config.markdown_extensions)
        config.extra_css.extend(p for p in layout.stylesheets if p not in config.extra_css)
        config.extra_javascript.extend(p for p in layout.scripts if p not in map(str, config.extra_javascript))
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # A local, not an attribute: MkDocs renders every page after this, and the digest's
        # extractions (~80 MB per 1,000 articles) need not stay in memory while it does.
        try:
            # An unchanged seeds folder is its last digest: no model, no encoder loaded (digest.snapshot).
            digest = digest_of(self.seeds, self.config.model, self.cache_dir(), lambda: Parser(self.pipeline(), self.cache_dir()), self.report, self.config.scheduler)
        except RemoteFailed as error:
            raise PluginError(f"digest: {error}") from None
        # Once a build, with the version: a host's build log says which digest made its pages.
        log.info("version %s: %d articles, %d topics, %d problems", __version__, len(digest.articles), len(digest.topics), len(digest.problems))
        for problem in digest.problems:
            log.warning("seeds/%s", problem)
        digest = published(digest, self.config.publish_text)
        self.build_date = None if "SOURCE_DATE_EPOCH" in os.environ else build_day(digest)  # else the caller chose a date
        # Written to disk piece by piece, not held as one string while MkDocs renders every page
        # (measured on 1,000 articles: 60 MB less after on_files, a 23 MB lower peak).
        self.remove_scratch()
        self.scratch = tempfile.TemporaryDirectory(prefix="digest-")
        exported = Path(self.scratch.name) / "digest.json"
        write_json(digest, exported)
        # The host's own pages win: its index.md stays, and the digest's home steps aside.
        layout = make_layout(self.config.prefix, lambda path: files.get_file_from_path(path) is not None)
        pages = site_files(digest, self.templates, layout, site_url=config.site_url, title=config.site_name,
                           directory_urls=config.use_directory_urls, excerpts=self.config.publish_text == "excerpts")  # fmt: skip
        del digest
        for path, content in sorted(pages.items()):
            if files.get_file_from_path(path) is None:
                inclusion = InclusionLevel.NOT_IN_NAV if layout.is_detail(path) else InclusionLevel.UNDEFINED
                files.append(File.generated(config, path, content=content, inclusion=inclusion))
        if files.get_file_from_path(layout.under("digest.json")) is None:
            files.append(File.generated(config, layout.under("digest.json"), abs_src_path=str(exported)))
        if config.nav is not None:
            config.nav = with_sections(config.nav, layout)
        return files

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        """Same seeds, same bytes: the sitemap's dates follow the newest article, not the clock,
        set page by page rather than through the process's environment."""
        if self.build_date is not None:
            page.update_date = self.build_date
        return page

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
        return Path(configured) if configured else default_cache_dir()

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object) -> None:
        server.watch(str(self.seeds))
        # The packaged templates too: in an editable install (this repository) they are the ones edited.
        for folder in (self.templates, PACKAGED_TEMPLATES):
            if folder:
                server.watch(str(folder))


def build_day(digest: Digest) -> str:
    """The newest article's date, as MkDocs writes a page's update date."""
    dates = [a.published for a in digest.articles if a.published]
    return (dt.date.fromisoformat(max(dates)) if dates else dt.date(2000, 1, 1)).isoformat()


def nav_paths(nav: object) -> set[str]:
    """Every page path a MkDocs nav lists, at any depth."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*map(nav_paths, nav.values()))
    if isinstance(nav, list):
        return set().union(*map(nav_paths, nav))
    return set()


def with_sections(nav: list[object], layout: Layout) -> list[object]:
    """The host's nav, plus a "Digest" section of the digest's section pages it does not list itself."""
    listed = nav_paths(nav)
    missing: list[object] = [{title: path} for title, path in layout.sections() if path not in listed]
    return [*nav, {"Digest": missing}] if missing else nav
