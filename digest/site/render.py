"""The second phase: render a `Digest` into Markdown pages, `{path: text}`, from Jinja2 templates.

Seed text is data. Templates receive it only as variables, autoescaped for HTML; where it
lands in Markdown (headings, tables, link texts) the `md` filter also escapes Markdown's
punctuation, so an article's `# heading`, `| table |`, `[link](…)` or `<script>` shows as
the literal text the article holds and never becomes structure or markup.
"""

from __future__ import annotations

import functools
import hashlib
import html
import inspect
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from digest import memo, workers
from digest.extract.articles import reads_figures
from digest.figures.values import common_values
from digest.model import (
    Article,
    Claim,
    Digest,
    Extraction,
    FigureGroup,
    Outlet,
    QuoteGroup,
    Sentence,
    Topic,
    anchor,
)
from digest.site.progression import progression
from digest.site.slug import unique_slugs
from digest.sources.outlets import web_address

# The default templates; a host's `templates_dir` overrides them file by file.
PACKAGED_TEMPLATES = Path(__file__).parent / "templates"
# Python-Markdown's escapable characters (plus "|" for tables); escaping others would show a backslash.
_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|"
# HTML's three (as html.escape without quotes) and a backslash before each Markdown one, in one
# pass: the regex with a replacement template took 1.1 of 9.6 s rendering 3,092 pages (profiled).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: f"\\{c}" for c in _MARKDOWN_SPECIAL}})
# Entity kinds that get a page of their own; nationalities and dates do not.
_DETAILS_MARKER = re.compile(r"\?(?=\?\?)")
_QUOTE_MARK = re.compile(r"[\"“”]")
# An article whose outlet nobody named is shown by its title, this many words of it, in quotes.
TITLE_WORDS = 8
UNNAMED = "outlet not named"
# Characters a link destination must not hold as they are: they would end the Markdown link.
_HREF_SAFE = "/:?#@!$&*+,;=%~-._"
TAGS_PER_TOPIC = 12
# How a topic page names an outlet's language (others show their ISO 639-1 code).
LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ru": "Russian", "ar": "Arabic", "hi": "Hindi", "zh": "Chinese", "ja": "Japanese",
    "pl": "Polish", "tr": "Turkish", "uk": "Ukrainian", "ko": "Korean",
}
ENTITY_LABELS = {"PERSON": "People", "ORG": "Organisations", "GPE": "Places", "LOC": "Places", "FAC": "Places"}


@dataclass(frozen=True)
class TopicLink:
    """What a page that lists a topic shows of it: a topic's claims may change without its link."""

    slug: str
    title: str
    dates: tuple[str, ...]


@dataclass(frozen=True)
class EntityPage:
    name: str
    label: str
    section: str
    slug: str
    topics: tuple[TopicLink, ...]
    quotes: tuple[tuple[TopicLink, QuoteGroup], ...]


@dataclass(frozen=True)
class EntityLink:
    name: str
    label: str
    section: str
    slug: str


def escape_markdown(text: object) -> Markup:
    """Text safe in any inline Markdown position: one line, HTML-escaped, Markdown punctuation escaped.

    Quotes stay as they are: no template puts this text in an attribute, and "Norfenia&#x27;s" in a
    heading reached the table of contents escaped twice, shown to readers as "&#x27;"."""
    flat = " ".join(str(text).split())
    escaped = flat.translate(_ESCAPES)
    # "???" opening a list item starts a collapsible block (pymdownx.details), and "?" has no
    # backslash escape: a character reference keeps the question marks and loses the syntax.
    return Markup(_DETAILS_MARKER.sub("&#63;", escaped))


def yaml_string(text: object) -> Markup:
    """A front-matter value: HTML-escaped, because Material prints page titles and tags unescaped,
    inside a JSON string, which is valid YAML and quotes everything YAML would read as syntax."""
    return Markup(json.dumps(html.escape(" ".join(str(text).split())), ensure_ascii=False))


def make_environment(templates_dir: Path | None = None) -> Environment:
    folders = [templates_dir, PACKAGED_TEMPLATES] if templates_dir else [PACKAGED_TEMPLATES]
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(folder)) for folder in folders]),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = escape_markdown
    env.filters["yaml"] = yaml_string
    env.filters["number"] = format_number
    env.filters["href"] = href
    env.globals["paragraphs"] = paragraphs
    env.globals["cite"] = cite
    return env


def render_pages(digest: Digest, templates_dir: Path | None = None, *, excerpts: bool = False) -> dict[str, str]:
    """Every generated page of the site, by its path under docs/; `excerpts`: the digest was cut to them.
    Pages are independent of each other: both cores render them (5 s of a build at 1,000 articles).
    A long-lived process (`mkdocs serve`) renders again only the pages whose inputs changed (`KeptPages`)."""
    site = SiteView(digest, excerpts=excerpts)
    jobs = page_jobs(digest, site)
    if memo.keeps_in_memory():
        return _KEPT.render(templates_dir, site, jobs)
    _KEPT.forget()  # a one-off build keeps nothing, nor what a long-lived process left
    env = make_environment(templates_dir)
    # Forked workers inherit the environment and the view; only the pages' Markdown comes back.
    return dict(zip((job[0] for job in jobs), workers.map_inherited(functools.partial(render_job, env, site), jobs, 64)))


# A page to render: its path, its template, and which topic, source or entity (by index) it shows.
PageJob = tuple[str, str, str, int]


def page_jobs(digest: Digest, site: SiteView) -> list[PageJob]:
    sections = [("index.md", "home.md.j2"), ("topics/index.md", "topics.md.j2"),
                ("sources/index.md", "sources.md.j2"), ("entities/index.md", "entities.md.j2")]  # fmt: skip
    return [
        *((path, template, "site", 0) for path, template in sections),
        *((f"topics/{t.slug}.md", "topic.md.j2", "topic", i) for i, t in enumerate(digest.topics)),
        *((f"sources/{e.article.id}.md", "source.md.j2", "source", i) for i, e in enumerate(digest.extractions)),
        *((f"entities/{e.slug}.md", "entity.md.j2", "entity", i) for i, e in enumerate(site.entities)),
    ]


def render_job(env: Environment, site: SiteView, job: PageJob, view: object = None) -> str:
    """One page's Markdown; `view` is what its template sees as `site` (the site itself, or a
    `Recording` of it)."""
    page = env.get_template(job[1])
    return page.render(site=view or site, **shown_by(site, job))


def shown_by(site: SiteView, job: PageJob) -> dict[str, object]:
    """What a page shows besides the site: its topic, its source and topic, or its entity."""
    _, _, kind, index = job
    if kind == "topic":
        return {"topic": site.digest.topics[index]}
    if kind == "source":
        source = site.digest.extractions[index]
        return {"source": source, "topic": site.topic_of(source.article.id)}
    if kind == "entity":
        return {"entity": site.entities[index]}
    return {}


# A look-up a template made into the site: the attribute's name, the call's arguments (None for
# a plain attribute), and the answer.
LookUp = tuple[str, tuple[object, ...] | None, object]


class Recording:
    """The site as one page's template sees it: each look-up it makes is kept with its answer."""

    def __init__(self, site: SiteView) -> None:
        self._site = site
        self.looked_up: list[LookUp] = []

    def __getattr__(self, name: str) -> object:
        value = getattr(self._site, name)
        if not inspect.ismethod(value):
            self.looked_up.append((name, None, value))
            return value

        def call(*args: object) -> object:
            answer = value(*args)
            self.looked_up.append((name, args, answer))
            return answer

        return call


def still_true(site: SiteView, looked_up: Iterable[LookUp]) -> bool:
    """Whether every look-up gives the same answer on this site; one that cannot be asked any
    more (an article gone from the seeds) has no answer, and the page is rendered again."""
    for name, args, answer in looked_up:
        try:
            value = getattr(site, name)
            now = value if args is None else value(*args)
        except (AttributeError, KeyError, IndexError):
            return False
        if now != answer:
            return False
    return True


@dataclass(frozen=True)
class KeptPage:
    shown: dict[str, object]
    markdown: str
    looked_up: tuple[LookUp, ...]


class KeptPages:
    """The last Markdown of each detail page in a long-lived process, with what it showed and
    every look-up its template made into the site. After one seed changed nearly every page
    shows what it showed and looks up what it looked up: it is its last Markdown, byte for byte,
    and only the rest are rendered (in this process: they are few, and their look-ups are kept).
    The home and section pages, which look at every topic, are always rendered; an edited
    template renders everything."""

    def __init__(self) -> None:
        self.templates = ""
        self.env: Environment | None = None  # compiled templates, kept while they are unchanged
        self.pages: dict[str, KeptPage] = {}
        self.rendered: set[str] = set()  # the pages the last call rendered

    def forget(self) -> None:
        self.templates, self.env, self.pages = "", None, {}

    def render(self, templates_dir: Path | None, site: SiteView, jobs: Sequence[PageJob]) -> dict[str, str]:
        templates = f"{templates_dir}\0{templates_key(templates_dir)}"
        if templates != self.templates or self.env is None:
            self.templates, self.env, self.pages = templates, make_environment(templates_dir), {}
        env = self.env
        markdown: dict[str, str] = {}
        kept: dict[str, KeptPage] = {}
        self.rendered = set()
        for job in jobs:
            path, shown = job[0], shown_by(site, job)
            page = self.pages.get(path)
            if page is None or page.shown != shown or not still_true(site, page.looked_up):
                recording = Recording(site)
                page = KeptPage(shown, render_job(env, site, job, recording), tuple(recording.looked_up))
                self.rendered.add(path)
            markdown[path] = page.markdown
            if job[2] != "site":
                kept[path] = page
        self.pages = kept  # a page gone from the site is forgotten
        return markdown


_KEPT = KeptPages()


def templates_key(templates_dir: Path | None) -> str:
    """The templates' contents: an editor's edit renders every page again."""
    digest = hashlib.sha256()
    for folder in (templates_dir, PACKAGED_TEMPLATES):
        for path in sorted(folder.glob("*.j2")) if folder is not None and folder.is_dir() else ():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class SiteView:
    """Look-ups the templates need, computed once per render."""

    def __init__(self, digest: Digest, *, excerpts: bool = False) -> None:
        self.digest = digest
        self.excerpts = excerpts
        self._sentences = {(s.article, s.index): s.text for e in digest.extractions for s in e.sentences}
        self.topics = digest.topics
        self.articles = {a.id: a for a in digest.articles}
        self.extractions = {e.article.id: e for e in digest.extractions}
        self._topic_of = {a: t for t in digest.topics for a in t.articles}
        self.entities = build_entity_pages(digest)
        self.entity_slug = {e.name: e.slug for e in self.entities}
        self._entity_page = {e.name: e for e in self.entities}
        self.cited = cited_sentences(digest.topics)
        self.labels = outlet_labels(digest.articles, digest.topics)

    def topic_of(self, article_id: str) -> Topic | None:
        return self._topic_of.get(article_id)

    # Look-ups by key rather than whole tables, so a page that reads one article or sentence
    # depends on that one alone (`KeptPages`).
    def article(self, article_id: str) -> Article:
        return self.articles[article_id]

    def is_cited(self, article_id: str, index: int) -> bool:
        return (article_id, index) in self.cited

    def outlet(self, article_id: str) -> str:
        """How a reader tells an article apart in its topic: the outlet's name (numbered when the
        topic holds two of its articles), or its title in quotes and "outlet not named"."""
        return self.labels[article_id]

    def named(self, article_id: str) -> Outlet | None:
        return self.articles[article_id].outlet

    def link(self, article_id: str) -> str | None:
        """The original article's address, only where it is a web address (never `javascript:`)."""
        return web_address(self.articles[article_id].url)

    def homepage(self, article_id: str) -> str | None:
        outlet = self.articles[article_id].outlet
        return web_address(outlet.homepage) if outlet else None

    def host(self, url: str) -> str:
        return urlsplit(url).hostname or url

    def language(self, article_id: str) -> str | None:
        """The article's own language, else its outlet's usual one; "und" is no language."""
        article = self.articles[article_id]
        language = article.language or (article.outlet.language if article.outlet else None)
        return language if language and language != "und" else None

    def language_name(self, article_id: str) -> str | None:
        code = self.language(article_id)
        return f"{LANGUAGE_NAMES[code]} ({code})" if code in LANGUAGE_NAMES else code

    def unread(self, topic: Topic) -> list[str]:
        """The topic's outlets whose figures the digest cannot read, with their language."""
        languages = {a: self.language(a) or "" for a in topic.articles}
        return [f"{self.outlet(a)} (in {LANGUAGE_NAMES.get(code, code)})" for a, code in languages.items() if not reads_figures(code)]

    def sentence(self, article_id: str, index: int) -> str:
        # By index, not by position: an excerpted article keeps only some of its sentences.
        return self._sentences.get((article_id, index), "")

    def divergent(self, topic: Topic) -> int:
        return sum(1 for group in topic.figures if group.status == "divergent" and not group.context)

    def description(self, topic: Topic) -> str:
        return topic_description(topic)

    def lead(self, topic: Topic) -> Claim | None:
        """The fact the most outlets share (two at least): the topic's lead on the home page."""
        shared = [c for c in topic.claims if len(c.articles) >= 2]
        if not shared:
            return None
        # A statement of fact leads better than a quoted remark, which belongs to its speaker.
        return max(shared, key=lambda c: (not _QUOTE_MARK.search(c.text), len(c.articles), -len(c.text)))

    def shared_claims(self, topic: Topic) -> list[Claim]:
        return [c for c in topic.claims if len(c.articles) >= 2]

    def single_claims(self, topic: Topic) -> list[tuple[str, list[Claim]]]:
        """Claims only one article makes, by article, in the topic's article order."""
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for claim in topic.claims:
            if len(claim.articles) == 1:
                by_article[claim.articles[0]].append(claim)
        return [(a, by_article[a]) for a in topic.articles if by_article[a]]

    def shared_quotes(self, topic: Topic) -> list[QuoteGroup]:
        return [g for g in topic.quotes if len({q.article for q in g.variants}) >= 2]

    def single_quotes(self, topic: Topic) -> list[QuoteGroup]:
        return [g for g in topic.quotes if len({q.article for q in g.variants}) < 2]

    def tags(self, topic: Topic) -> list[str]:
        """Material tags: the people, places and organisations with pages of their own."""
        counts = Counter(
            m.canonical for a in topic.articles for m in self.extractions[a].mentions if m.canonical in self.entity_slug
        )
        return sorted(sorted(counts), key=lambda name: -counts[name])[:TAGS_PER_TOPIC]

    def progression(self, group: FigureGroup) -> Markup:
        return progression(group)

    def spread(self, group: FigureGroup) -> str:
        values = common_values(group.values)
        if len(values) < 2 or max(values) == min(values):
            return ""
        low, high = min(values), max(values)
        return f"{format_number(high - low)} ({(high - low) / high:.1%})"

    def dates(self, topic: Topic | TopicLink) -> str:
        return " – ".join(dict.fromkeys(topic.dates)) if topic.dates else "date unknown"

    def topic_entities(self, topic: Topic, section: str) -> list[EntityLink]:
        """The topic's entities with pages of their own, in one section: what a link to each needs
        (not the pages, which list other topics too: a page renders again only for its own topic)."""
        pages = (self._entity_page.get(e.name) for e in topic.entities)
        links = (EntityLink(p.name, p.label, p.section, p.slug) for p in pages if p is not None and p.section == section)
        return sorted(links, key=lambda p: p.name)


def outlet_labels(articles: Iterable[Article], topics: Iterable[Topic]) -> dict[str, str]:
    """Each article's label: "NewsTrack", or "NewsTrack (2)" when its topic holds two NewsTrack
    articles. A number, not the date: dates are often unknown or the same day, and a number is
    always distinct and short enough for a chip; the topic's Outlets list says which is which."""
    by_id = {a.id: a for a in articles}
    labels = {a: base_label(article) for a, article in by_id.items()}
    for topic in topics:
        bases = [labels[a] for a in topic.articles if a in by_id]
        counts = Counter(label.casefold() for label in bases)
        seen: Counter[str] = Counter()
        for article_id, label in zip([a for a in topic.articles if a in by_id], bases):
            if counts[label.casefold()] > 1:
                seen[label.casefold()] += 1
                labels[article_id] = f"{label} ({seen[label.casefold()]})"
    return labels


def base_label(article: Article) -> str:
    if article.outlet is not None:
        return article.outlet.name
    return f"“{short_title(article)}” ({UNNAMED})"


def short_title(article: Article) -> str:
    words = (article.title or article.file).split()
    return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")


def href(url: str) -> str:
    """A link destination that stays one: percent-encoded wherever Markdown would end or split it.
    Autoescaping then writes `&` as `&amp;`, which Markdown hands on as the same `&`."""
    return quote(url, safe=_HREF_SAFE)


def build_entity_pages(digest: Digest) -> tuple[EntityPage, ...]:
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in (m for e in digest.extractions for m in e.mentions):
        if mention.label in ENTITY_LABELS:
            labels[mention.canonical][mention.label] += 1
    # One pass over the topics indexes them by name: a scan per entity would make rendering quadratic.
    topics: dict[str, list[TopicLink]] = defaultdict(list)
    quotes: dict[str | None, list[tuple[TopicLink, QuoteGroup]]] = defaultdict(list)
    for topic in digest.topics:
        link = TopicLink(topic.slug, topic.title, topic.dates)
        for name in dict.fromkeys(e.name for e in topic.entities):
            topics[name].append(link)
        for group in topic.quotes:
            quotes[group.speaker].append((link, group))
    names = sorted(labels)
    pages = []
    for name, slug in zip(names, unique_slugs(names)):
        label = labels[name].most_common(1)[0][0]
        pages.append(EntityPage(name, label, ENTITY_LABELS[label], slug, tuple(topics[name]), tuple(quotes[name])))
    return tuple(pages)


def cited_sentences(topics: Iterable[Topic]) -> set[tuple[str, int]]:
    """The sentences a figure or quote was read from: highlighted on their source page."""
    cited: set[tuple[str, int]] = set()
    for topic in topics:
        cited.update((f.article, f.sentence) for g in topic.figures for f in g.values)
        cited.update((q.article, q.sentence) for g in topic.quotes for q in g.variants)
        cited.update((r.article, r.sentence) for d in topic.disagreements for side in d.sides for r in side.refs)
    return cited


def cite(article_id: str, sentence: int) -> str:
    """The link, from a page one folder deep, to a sentence on its article's source page."""
    return f"../sources/{article_id}.md#{anchor(sentence)}"


def topic_description(topic: Topic, shown: int = 3) -> str:
    """One line for link previews and the feed: which figures the outlets give differently."""
    divergent = [g for g in topic.figures if g.status == "divergent" and not g.context]
    outlets = f"{len(topic.articles)} {'outlet' if len(topic.articles) == 1 else 'outlets'}"
    if len(topic.articles) == 1:
        return "1 outlet so far: nothing to compare yet."
    if not divergent:
        return f"{outlets}; no figure differs between them."
    ranges = [f"{g.label} ({value_range(g)})" for g in divergent[:shown]]
    more = f", and {len(divergent) - shown} more" if len(divergent) > shown else ""
    noun = "figure differs" if len(divergent) == 1 else "figures differ"
    return f"{len(divergent)} {noun} between {outlets}: {', '.join(ranges)}{more}."


def value_range(group: FigureGroup) -> str:
    values = common_values(group.values)
    return f"{format_number(min(values))}–{format_number(max(values))}"


def format_number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def paragraphs(extraction: Extraction) -> list[list[Sentence]]:
    """The article's sentences, paragraph by paragraph, for the source page."""
    grouped: dict[int, list[Sentence]] = defaultdict(list)
    for sentence in extraction.sentences:
        grouped[sentence.paragraph].append(sentence)
    return [grouped[k] for k in sorted(grouped)]

