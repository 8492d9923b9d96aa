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
import functools
import logging
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from jinja2 import ChoiceLoader, DictLoader
from mkdocs.commands.build import get_context
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from digest import __version__
from digest.memo import Memo, Settling, keep_in_memory, settle, sweep_memory
from digest.model import Digest
from digest.nlp.encoder import load_encoder
from digest.nlp.parse import ModelMissing, Parser, default_cache_dir, load_pipeline
from digest.progress import PlainProgress, Report
from digest.remote import RemoteFailed
from digest.site.bundle import Layout, make_layout, published, site_files
from digest.site.dirty import UnbuiltPages, WrittenPages
from digest.site.excerpts import PUBLISH_TEXT
from digest.site.export import write_json
from digest.site.pagecache import KeptBytecode, Rendered, flat_items, folder_fingerprint, key_of, link_paths, settings_text, versions
from digest.site.render import PACKAGED_TEMPLATES
from digest.snapshot import digest_of, write_held

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext
    from spacy.language import Language

log = get_plugin_logger("digest")
# The template a reused page is given, so that MkDocs renders nothing for it: the plugin hands back its kept HTML.
REUSED_TEMPLATE = "digest-reused.html"
# Template context MkDocs itself fills, covered by the site's and the page's own facts.
OWN_CONTEXT = {"nav", "pages", "config", "page", "mkdocs_version", "build_date_utc"}
# The Markdown the generated pages are written in: details blocks, attribute lists, HTML with Markdown inside.
PAGE_EXTENSIONS = ("admonition", "attr_list", "md_in_html", "tables", "pymdownx.details", "pymdownx.superfences")
# Plugins whose work on a built page a dirty build can stand in for when it does not build the
# page: a search index's entries (put back from the last build) and a context of tags (asked for here).
INDEXING = frozenset({"search", "material/search"})
CONTEXT_ONLY = frozenset({"tags", "material/tags"})


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
        self.unbuilt = UnbuiltPages()
        self.reuse = PageReuse(self.unbuilt.indexed)
        self.bytecode = KeptBytecode()
        self.serving = False
        self.dirty = False
        # The digest's files the last build wrote, by where they went: a dirty build keeps the
        # site folder, and what the digest no longer makes must not stay there.
        self.written: set[str] = set()
        self.written_pages = WrittenPages()
        # What a page's build key needs of the build, from on_nav and on_env; None while pages are read.
        self.building: tuple[MkDocsConfig, Navigation, Sequence[File], list[Any]] | None = None
        self.nav: Navigation | None = None
        self.settling = Settling()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.nlp = None
        # An editor's session rebuilds on every save: what the caches hold stays in memory too
        # (the extractions alone are ~80 MB per 1,000 articles), so an edit unpickles one article.
        self.serving = command == "serve"
        self.dirty = dirty
        keep_in_memory(self.serving)

    def on_shutdown(self) -> None:
        write_held()  # the session's last digest, for the next build to find unchanged

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.serving:
            self.settling.build_starts()
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
            digest = digest_of(self.seeds, self.config.model, self.cache_dir(), lambda: Parser(self.pipeline(), self.cache_dir()),
                               self.report, self.config.scheduler, hold=self.serving)  # fmt: skip
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
        layout = make_layout(self.config.prefix, lambda path: files.src_uris.get(path) is not None)
        pages = site_files(digest, self.templates, layout, site_url=config.site_url, title=config.site_name,
                           directory_urls=config.use_directory_urls, excerpts=self.config.publish_text == "excerpts")  # fmt: skip
        del digest
        self.written_pages.start()
        self.unbuilt.start()
        self.building = None
        self.reuse.start(self.cache_dir(), {path for path in pages if path.endswith(".md") and files.src_uris.get(path) is None})
        if self.dirty:
            # `--dirty` skips the pages it takes for unchanged; the host's few pages are built
            # anyway, so that their navigation and search entries are a clean build's. What a
            # dirty build saves is the site folder's emptying and refilling (3,000 folders).
            for file in files.documentation_pages():
                file.is_modified = lambda: True  # type: ignore[method-assign]
        made: list[File] = []
        for path, content in sorted(pages.items()):
            if files.src_uris.get(path) is None:
                inclusion = InclusionLevel.NOT_IN_NAV if layout.is_detail(path) else InclusionLevel.UNDEFINED
                made.append(File.generated(config, path, content=content, inclusion=inclusion))
                if self.dirty and path in self.reuse.paths:
                    made[-1].is_modified = functools.partial(self.needs_building, made[-1])  # type: ignore[method-assign]
        if files.src_uris.get(layout.under("digest.json")) is None:
            made.append(File.generated(config, layout.under("digest.json"), abs_src_path=str(exported)))
        for file in made:
            files.append(file)
        self.remove_stale({f.abs_dest_path for f in made}, config.site_dir)
        if config.nav is not None:
            config.nav = with_sections(config.nav, layout)
        return files

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        """Same seeds, same bytes: the sitemap's dates follow the newest article, not the clock,
        set page by page rather than through the process's environment."""
        if self.build_date is not None:
            page.update_date = self.build_date
        return page

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.reuse.site = site_key(config)  # every plugin has configured the site by now
        self.nav = nav
        self.reuse.nav_items = nav.items
        for plugin in config.plugins.values():
            self.reuse.index_through(plugin)
            if self.dirty and getattr(plugin, "search_index_prev", None) is not None:
                # Material merges a dirty build's index into the last one's, as if one page were
                # built; here every page is, so the last index would only add stale entries.
                plugin.search_index_prev = None
        return nav

    @event_priority(-100)  # last: the Markdown every other plugin has had its say on
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.reuse.before_render(markdown, page, files)

    @event_priority(100)  # first: every other plugin sees the HTML as MkDocs made it
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.reuse.after_render(html, page, files)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        self.reuse.prepare_templates(env, files)
        if env.bytecode_cache is None:
            env.bytecode_cache = self.bytecode
        self.building = self.unbuilt_context(config, files)
        return env

    def unbuilt_context(self, config: MkDocsConfig, files: Files) -> tuple[MkDocsConfig, Navigation, Sequence[File], list[Any]] | None:
        """What a dirty build needs to leave pages unbuilt; None where another plugin works on built
        pages in a way it cannot stand in for (then every page is built, as MkDocs would)."""
        others = [(name, plugin) for name, plugin in config.plugins.items() if plugin is not self]
        working = [(name, plugin) for name, plugin in others if hasattr(plugin, "on_page_context") or hasattr(plugin, "on_post_page")]
        if not self.dirty or self.nav is None or any(name not in INDEXING | CONTEXT_ONLY for name, _ in working):
            return None
        if len(self.reuse.indexes) > 1 or len(self.reuse.indexes) != sum(name in INDEXING for name, _ in working):
            return None  # an index whose entries could not be recorded page by page, or two by one path
        # The page list as MkDocs hands it to every page, listed once: listing it per page is quadratic.
        pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve if self.serving else InclusionLevel.is_included)
        return config, self.nav, pages, [plugin for name, plugin in working if name in CONTEXT_ONLY]

    def needs_building(self, file: File) -> bool:
        """`File.is_modified` of a generated page in a dirty build. Every page is read, so that the
        nav, tags, links and anchors are a clean build's; a page whose build key is the last
        build's is then not built, and its file stays as that build wrote it."""
        page = file.page
        if self.building is None or page is None:
            return True
        config, nav, pages, context_plugins = self.building
        context = get_context(nav, pages, config, page)
        for plugin in context_plugins:
            context = plugin.on_page_context(context, page=page, config=config, nav=nav) or context
        key = self.reuse.build_key(page, context)
        if key is None:
            return True
        return not self.unbuilt.unchanged(file.src_uri, key, file.abs_dest_path, self.written_pages, self.reuse.warnings.count)

    @event_priority(-100)  # last: the context as every other plugin left it
    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        self.reuse.look_up_output(context, page)
        return context

    @event_priority(100)  # first, as for the content
    def _post_page_reused(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self.reuse.output(output, page)

    @event_priority(-100)  # last: the HTML MkDocs would write, as every plugin left it
    def _post_page_written(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri not in self.reuse.paths:
            return output
        self.unbuilt.built(page.file.src_uri, self.reuse.warnings.count)
        return self.written_pages.output(output, page.file.abs_dest_path, page.file.src_uri, kept_folder=self.dirty)

    on_post_page = CombinedEvent(_post_page_reused, _post_page_written)

    @event_priority(100)  # before the search plugins write their index
    def _post_build_index(self, *, config: MkDocsConfig) -> None:
        if self.unbuilt.unbuilt and self.building is not None:
            order = [f.src_uri for f in self.building[2]]
            for entries in self.reuse.indexes:
                entries[:] = self.unbuilt.index(order)

    def _post_build_finish(self, *, config: MkDocsConfig) -> None:
        self.remove_scratch()
        sweep_memory()
        unbuilt = self.unbuilt.finish(complete=True)
        if self.reuse.memo is not None:
            log.info("%d of %d pages reused (%d with their theme, %d not built again)",
                     len(self.reuse.reused), len(self.reuse.paths), self.reuse.themed, unbuilt)  # fmt: skip
        self.reuse.finish()
        self.written_pages.finish(complete=True)
        self.building = self.nav = None
        if self.serving:
            self.settling.build_ends()

    on_post_build = CombinedEvent(_post_build_index, _post_build_finish)

    def on_build_error(self, *, error: Exception) -> None:
        self.remove_scratch()
        self.reuse.finish()
        self.written_pages.finish(complete=False)
        self.unbuilt.finish(complete=False)
        self.building = self.nav = None
        if self.serving:
            self.settling.build_ends()

    def remove_stale(self, now: set[str], site_dir: str) -> None:
        """In a dirty build, the files of the digest's last build that this one does not make (a
        removed seed's page), and the folders they leave empty: the site is then a clean build's."""
        if self.dirty:
            for path in sorted(self.written - now):
                remove_file(Path(path), Path(site_dir))
        self.written = now

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
        settle()  # the first build has returned: what it made and dropped can be told from what is kept
        server.watch(str(self.seeds))
        # The packaged templates too: in an editable install (this repository) they are the ones edited.
        for folder in (self.templates, PACKAGED_TEMPLATES):
            if folder:
                server.watch(str(folder))


def remove_file(path: Path, site: Path) -> None:
    """A file in the site folder, and each folder above it that it leaves empty, up to the site's."""
    if not path.is_relative_to(site):
        return
    path.unlink(missing_ok=True)
    folder = path.parent
    while folder != site and folder.is_relative_to(site) and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


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


class WarningCount(logging.Handler):
    """How many warnings MkDocs and its plugins have logged: a page whose render warned is not kept,
    so that every build that renders it warns again (and `--strict` fails again)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PageReuse:
    """The pages a build need not render again (`digest.site.pagecache`), for one build at a time:
    the generated pages, whose content is the digest's alone (a host's own pages render as usual,
    as other plugins may make them). A page's conversion is kept by its Markdown; its themed HTML
    also by the nav, its place in it and its converted content as every plugin left it."""

    def __init__(self, indexed: Callable[[str, list[object]], None]) -> None:
        self.memo: Memo | None = None
        self.indexed = indexed  # told each page's search entries, as the page is indexed
        self.indexes: list[list[Any]] = []  # the entries of each search index this build wrapped
        # The same folder, for what no one changes once made (a page's HTML, its search entries):
        # `mkdocs serve` keeps those in memory between rebuilds. Not the kept renders, whose toc
        # another plugin may edit in place.
        self.kept: Memo | None = None
        self.paths: set[str] = set()
        self.site = ""
        self.nav = ""
        self.nav_items: list[Any] = []
        self.env: Environment | None = None
        self.keys: dict[str, str] = {}  # path: its rendered key
        self.reused: dict[str, tuple[Rendered, str]] = {}  # path: its kept render and its real Markdown
        self.warned_at: dict[str, int] = {}
        self.outputs: dict[str, str | tuple[TemplateContext, str]] = {}  # path: kept HTML, or what renders it
        self.output_keys: dict[str, str] = {}
        self.templates: dict[str, Any] = {}
        self.warnings = WarningCount()
        self.themed = 0
        # A page's links by its Markdown, from the last build and this one: under `mkdocs serve`
        # the same 3,000 pages come back on every save, and their links' regexes were two thirds
        # of on_page_markdown in a profiled rebuild at 1,000 articles (each build keeps only what it met).
        self.links_before: dict[tuple[str, str], list[str]] = {}
        self.links_now: dict[tuple[str, str], list[str]] = {}

    def start(self, cache_dir: Path, paths: set[str]) -> None:
        self.finish()
        self.memo, self.kept, self.paths = Memo(cache_dir, "page"), Memo(cache_dir, "page", shared=True), paths
        self.links_before, self.links_now = self.links_now, {}
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def finish(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        self.paths, self.env, self.nav_items, self.themed, self.indexes = set(), None, [], 0, []
        for table in (self.keys, self.reused, self.warned_at, self.outputs, self.output_keys, self.templates):
            table.clear()

    def index_through(self, plugin: object) -> None:
        """Wrap a search plugin's indexing (MkDocs' and Material's alike: `search_index.add_entry_from_context`),
        so that an unchanged page's entries are recalled, not parsed again out of its HTML."""
        index = getattr(plugin, "search_index", None)
        add = getattr(index, "add_entry_from_context", None)
        entries = next((e for e in (getattr(index, n, None) for n in ("entries", "_entries")) if isinstance(e, list)), None)
        if add is None or entries is None or getattr(add, "digest_reuse", False):
            return
        options = settings_text(getattr(plugin, "config", {}).items())
        self.indexes.append(entries)

        def add_entry_from_context(page: Page) -> None:
            memo, before = self.kept, len(entries)
            if memo is None or page.file.src_uri not in self.paths:
                add(page)
                self.indexed(page.file.src_uri, entries[before:])
                return None
            # Not its template: indexing never reads it, and a reused page's is still the stand-in here.
            meta = {k: v for k, v in page.meta.items() if k != "template"}
            key = key_of(self.site, options, page.url, page.title, meta, str(page.toc), page.content)
            found = memo.load(key, list)
            if found is not None:
                entries.extend(found)
            else:
                add(page)
                memo.store(key, entries[before:])
            self.indexed(page.file.src_uri, entries[before:])
            return None

        add_entry_from_context.digest_reuse = True  # type: ignore[attr-defined]
        index.add_entry_from_context = add_entry_from_context  # type: ignore[union-attr]

    def before_render(self, markdown: str, page: Page, files: Files) -> str:
        path = page.file.src_uri
        if self.memo is None or path not in self.paths:
            return markdown
        # The paths are posix already: get_file_from_path's PurePath per call was 0.9 s of a profiled rebuild.
        links = [(target, files.src_uris.get(target) is not None) for target in self.links_in(markdown, path)]
        key = self.keys[path] = key_of(self.site, path, page.file.url, markdown, links)
        found = self.memo.load(key, Rendered)
        if found is None:
            self.warned_at[path] = self.warnings.count
            return markdown
        self.reused[path] = (found, markdown)
        # Nothing to convert, and no Markdown converter to build for it (building one with every
        # extension was a third of reading the pages in a profiled rebuild at 1,000 articles):
        # after_render hands back the kept HTML.
        page.render = functools.partial(skip_render, page)  # type: ignore[method-assign]
        return ""

    def links_in(self, markdown: str, path: str) -> list[str]:
        found = self.links_before.get((path, markdown))
        self.links_now[path, markdown] = found = found if found is not None else link_paths(markdown, path)
        return found

    def after_render(self, html: str, page: Page, files: Files) -> str:
        path = page.file.src_uri
        if path in self.reused:
            found, page.markdown = self.reused[path]
            restore(page, found, files)
            return found.content
        if self.memo is not None and self.warned_at.get(path) == self.warnings.count:
            links = None if page.links_to_anchors is None else tuple(
                (f.src_uri, tuple(sorted(anchors.items()))) for f, anchors in sorted(page.links_to_anchors.items(), key=lambda i: i[0].src_uri)
            )  # fmt: skip
            anchors = None if page.present_anchor_ids is None else frozenset(page.present_anchor_ids)
            self.memo.store(self.keys[path], Rendered(html, page.toc, page._title_from_render, anchors, links))  # noqa: SLF001
        else:
            self.keys.pop(path, None)
        return html

    def prepare_templates(self, env: Environment, files: Files) -> None:
        """Reused pages get an empty template; `output` hands back their kept HTML, or renders the real one."""
        self.env = env
        if self.memo is None:
            return
        if env.loader is not None and not isinstance(env.loader, ChoiceLoader):
            env.loader = ChoiceLoader([DictLoader({REUSED_TEMPLATE: ""}), env.loader])
        self.nav = key_of(list(flat_items(self.nav_items)))  # after every page is read: their titles are known
        for path in self.reused:
            page = files.src_uris.get(path)
            if page is not None and page.page is not None:
                self.templates[path] = page.page.meta.get("template", "main.html")
                page.page.meta["template"] = REUSED_TEMPLATE

    def look_up_output(self, context: TemplateContext, page: Page) -> None:
        path = page.file.src_uri
        if self.memo is None or path not in self.keys:
            return
        template = self.templates.pop(path, None)
        if template is not None:
            if template == "main.html":
                del page.meta["template"]
            else:
                page.meta["template"] = template
        # The content as the page has it now: a plugin may change it after conversion (a tags listing in on_env).
        key = self.output_keys[path] = key_of(self.keys[path], page.content or "", self.nav, page_facts(page, page.meta), context_facts(context))
        if template is not None:
            found = self.kept.load(key, str) if self.kept else None
            self.outputs[path] = found if found is not None else (context, template)

    def build_key(self, page: Page, context: TemplateContext) -> str | None:
        """What a page's themed HTML is made of before any plugin's `on_page_context` changes the
        page: its conversion, its content, the nav, its facts (with its own template) and its context."""
        path = page.file.src_uri
        if self.memo is None or path not in self.keys:
            return None  # not a generated page, or one whose conversion warned
        meta = page.meta
        if path in self.templates:
            own = self.templates[path]
            meta = {k: v for k, v in meta.items() if k != "template"} | ({} if own == "main.html" else {"template": own})
        return key_of(self.keys[path], page.content or "", self.nav, page_facts(page, meta), context_facts(context))

    def output(self, output: str, page: Page) -> str:
        path = page.file.src_uri
        kept = self.outputs.pop(path, None)
        if isinstance(kept, str):
            self.themed += 1
            return kept
        if kept is not None and self.env is not None:
            context, template = kept
            output = self.env.get_template(template).render(context)
        key = self.output_keys.pop(path, None)
        if key is not None and self.kept is not None:
            self.kept.store(key, output)
        return output


def skip_render(page: Page, config: MkDocsConfig, files: Files) -> None:
    """`Page.render` for a reused page: its HTML is restored from the cache once MkDocs asks for it."""
    page.content = ""


def restore(page: Page, found: Rendered, files: Files) -> None:
    """What MkDocs' conversion sets on a page besides its HTML, from the kept render."""
    page.toc = found.toc  # type: ignore[assignment]
    page._title_from_render = found.title  # noqa: SLF001 - set by Page.render, read by Page.title
    page.present_anchor_ids = None if found.anchors is None else set(found.anchors)
    if found.links is None:
        page.links_to_anchors = None
        return
    page.links_to_anchors = {}
    for target, anchors in found.links:
        file = files.src_uris.get(target)
        if file is not None:
            page.links_to_anchors[file] = dict(anchors)


def page_facts(page: Page, meta: Mapping[str, Any]) -> str:
    """What the theme prints of a page besides its body, given its metadata."""
    neighbours = [(p.title, p.url) if p else None for p in (page.previous_page, page.next_page)]
    parents = [getattr(p, "title", None) for p in page.ancestors]
    facts = [("url", page.url), ("title", page.title), ("canonical", page.canonical_url), ("edit", page.edit_url),
             ("home", page.is_homepage), ("meta", meta), ("neighbours", neighbours), ("parents", parents)]  # fmt: skip
    return settings_text(facts)


def context_facts(context: TemplateContext) -> str:
    """What plugins added to a page's template context (Material's tags), and its base URL and assets."""
    return settings_text((str(k), v if not isinstance(v, list) else [repr_of(i) for i in v]) for k, v in context.items() if k not in OWN_CONTEXT)


def repr_of(value: object) -> object:
    return value if isinstance(value, str | int | float | bool | None) else {k: str(v) for k, v in sorted(vars(value).items())} if hasattr(value, "__dict__") else str(value)


def site_key(config: MkDocsConfig) -> str:
    """Everything of the site's configuration that shapes a page: settings, plugins' options, the theme and its overrides."""
    settings = ((k, v) for k, v in config.items() if k not in ("site_dir", "docs_dir", "config_file_path", "plugins", "theme", "watch", "dev_addr", "strict"))
    plugins = [(name, settings_text(plugin.config.items())) for name, plugin in config.plugins.items()]
    theme = config.theme
    custom = Path(theme.custom_dir) if theme.custom_dir else None
    return key_of(versions(), settings_text(settings), plugins, theme.name, settings_text(theme.items()), folder_fingerprint(custom))
