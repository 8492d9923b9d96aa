"""Who published an article: its outlet, from the seed itself or from the editors' outlets file.

Precedence, first that names one wins (the seed's own word before the editors' file, and a
written word before an inference):

1. the seed's own metadata: `.md` front matter `source:`, or a `.txt` header line `source: NAME`;
2. the outlets file (`outlets.yml` in the seeds folder), by the domain of the seed's `url`;
3. the page's own furniture: a line such as "Join NewsTrack WhatsApp group", which only the
   outlet itself prints and which the cleaner removes as boilerplate. One such line, or several
   naming the same outlet; two different names, or "Join our …", name nothing.

Whichever way a name is found, the outlets file's entry of that name (compared without case)
adds its homepage, country and language, and gives the name the editors' spelling.

Only `http` and `https` addresses with a host are kept, for article URLs and homepages alike:
anything else (`javascript:`, `data:`, `file:`, a bare path) is a problem and is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

import yaml

from digest.model import Article, Outlet

OUTLETS_FILES = ("outlets.yml", "outlets.yaml")
FIELDS = ("homepage", "country", "language", "domains")
NOT_HTTP = "is not http(s); ignored"
# Characters no real URL holds unencoded, and which would end a Markdown link or an HTML attribute.
_UNSAFE = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")
_HOST = re.compile(r"(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+")
# "Join NewsTrack Whatsapp group": the outlet's name is one to four capitalised words. A subset of
# the cleaner's widget rule (digest/clean.py), so the line is always removed from the text too.
_NAME_WORD = r"(?-i:[A-Z0-9][\w&'’.-]*)"
_JOIN_LINE = re.compile(
    rf"^join\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s+(?:whatsapp|telegram|signal|viber)\s+"
    r"(?:group|channel|community)[\s:.!|]*$",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset({"our", "the", "my", "this", "us", "a", "an", "official"})
MAX_NAME = 100


def web_address(value: str | None) -> str | None:
    """`value` when it is an http(s) URL with a host and nothing that could break out of a link."""
    if not value or _UNSAFE.search(value):
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def check_url(value: str | None, what: str = "url") -> tuple[str | None, str | None]:
    """The address if it may be shown and exported, else None and the one-line reason."""
    if value is None:
        return None, None
    if web_address(value):
        return value, None
    try:
        parts = urlsplit(value)
        web = parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
    except ValueError:
        web = False
    # An http(s) address with a space, a quote or a bad port is broken, not foreign: say which.
    return None, f"{what} is not a valid http(s) address; ignored" if web else f"{what} {NOT_HTTP}"


def host_of(url: str | None) -> str | None:
    address = web_address(url)
    return urlsplit(address).hostname if address else None


@dataclass(frozen=True)
class Directory:
    """The editors' outlets file: each outlet once, found by its name or by a URL's domain."""

    by_name: dict[str, Outlet] = field(default_factory=dict)  # keyed by casefolded name
    by_domain: dict[str, Outlet] = field(default_factory=dict)

    def named(self, name: str) -> Outlet | None:
        return self.by_name.get(name.casefold())

    def for_url(self, url: str | None) -> Outlet | None:
        """The outlet whose domain the URL's host is, or is under; the longest domain wins."""
        host = host_of(url)
        if host is None:
            return None
        matches = [d for d in self.by_domain if host == d or host.endswith("." + d)]
        return self.by_domain[max(matches, key=len)] if matches else None


EMPTY = Directory()


def resolve_outlet(article: Article, directory: Directory = EMPTY) -> Article:
    """The article with its outlet, by the precedence in the module notes."""
    outlet = article.outlet or directory.for_url(article.url)
    if outlet is None:
        name = furniture_name(article.text)
        outlet = Outlet(name) if name else None
    if outlet is None:
        return article
    listed = directory.named(outlet.name)
    if listed is not None:
        outlet = merge(outlet, listed)
    return replace(article, outlet=outlet, source=outlet.name)


def merge(own: Outlet, listed: Outlet) -> Outlet:
    """The editors' entry, with anything the seed itself says of its outlet taking precedence."""
    return Outlet(
        name=listed.name,
        homepage=own.homepage or listed.homepage,
        country=own.country or listed.country,
        language=own.language or listed.language,
    )


def furniture_name(text: str) -> str | None:
    """The outlet a "Join X WhatsApp group" line names, when the text's lines name only one."""
    names = {
        " ".join(m.group(1).split())
        for line in text.split("\n")
        if (m := _JOIN_LINE.match(" ".join(line.split())))
    }
    names = {n for n in names if n.casefold() not in _NOT_NAMES}
    return names.pop() if len({n.casefold() for n in names}) == 1 else None


def check_name(value: str | None) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    if len(value) > MAX_NAME:
        return None, f"source is {len(value)} characters, too long for an outlet's name; ignored"
    return value, None


# -- the outlets file -----------------------------------------------------------------------------


def parse_outlets(text: str, languages: frozenset[str]) -> tuple[Directory, list[str]]:
    """The outlets file's text as a directory, and a one-line problem per thing ignored in it."""
    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        reason = " ".join(str(getattr(error, "problem", None) or "cannot be parsed").split())
        return EMPTY, [f"not valid YAML ({where}{reason}); outlets file ignored"]
    except (ValueError, TypeError, RecursionError) as error:
        return EMPTY, [f"not valid YAML ({type(error).__name__}); outlets file ignored"]
    if loaded is None:
        return EMPTY, []
    if not isinstance(loaded, dict):
        return EMPTY, ["not a mapping of outlet names to their details (see the README); outlets file ignored"]
    problems: list[str] = []
    by_name: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    for key in sorted(loaded, key=str):
        entry = outlet_entry(str(key), loaded[key], languages, problems)
        if entry is None:
            continue
        outlet, domains = entry
        if outlet.name.casefold() in by_name:
            problems.append(f"outlet {outlet.name!r} is listed twice; the first kept")
            continue
        by_name[outlet.name.casefold()] = outlet
        for domain in domains:
            first = by_domain.setdefault(domain, outlet)
            if first is not outlet:
                problems.append(f"domain {domain!r} is listed for {first.name!r} and {outlet.name!r}; kept for {first.name!r}")
    return Directory(by_name, by_domain), problems


def outlet_entry(
    name: str, details: object, languages: frozenset[str], problems: list[str]
) -> tuple[Outlet, list[str]] | None:
    """One outlet of the file and its domains, or None when its entry is unusable."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        problems.append(f"outlet name {name[:40]!r} is empty or too long; ignored")
        return None
    if details is None:
        details = {}
    if not isinstance(details, dict):
        problems.append(f"outlet {name!r}: details are not a mapping of {', '.join(FIELDS)}; ignored")
        return None
    said = f"outlet {name!r}:"
    for key in ("homepage", "country", "language"):
        if isinstance(details.get(key), (dict, list)):
            problems.append(f"{said} {key} is a list or mapping, not text; ignored")
    for unknown in sorted(str(k) for k in details if k not in FIELDS):
        problems.append(f"{said} unknown field {unknown[:40]!r} (known: {', '.join(FIELDS)}); ignored")
    homepage, problem = check_url(text_of(details.get("homepage")), "homepage")
    if problem:
        problems.append(f"{said} {problem}")
    language = text_of(details.get("language"))
    if language is not None and language.casefold() not in languages:
        problems.append(f"{said} language {language[:40]!r} is not a code such as 'en' or 'fr'; ignored")
        language = None
    outlet = Outlet(name, homepage, text_of(details.get("country")), language.casefold() if language else None)
    return outlet, domains_of(details.get("domains"), homepage, said, problems)


def domains_of(value: object, homepage: str | None, said: str, problems: list[str]) -> list[str]:
    """The hosts an outlet's URLs live on: those listed, and its homepage's."""
    listed = value if isinstance(value, list) else [] if value is None else [value]
    domains: list[str] = []
    for item in listed:
        text = (text_of(item) or "").casefold()
        host = urlsplit(text).hostname if "//" in text else text.rstrip("/")
        if host and _HOST.fullmatch(host):
            domains.append(site_domain(host))
        else:
            problems.append(f"{said} domain {str(item)[:40]!r} is not a host name such as example.org; ignored")
    home = host_of(homepage)
    return list(dict.fromkeys([*domains, *([site_domain(home)] if home else [])]))


def site_domain(host: str) -> str:
    # "www." names the same site: listing "www.example.org" must still match "example.org/a".
    return host.removeprefix("www.") if host.count(".") >= 2 else host


def text_of(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(str(value).split())
    return text or None
