"""Read a seeds folder into articles: decode, split metadata from body, report bad files.

A seed is `.txt` (first line the title, under optional header lines `date YYYY-MM-DD`,
`source: NAME`, `url: https://…` in any order) or `.md` (YAML front matter and a Markdown
body). The editors' `outlets.yml` beside the seeds is no seed: it names outlets (see
digest.sources.outlets). The folder is fed by people and scripts, so
anything may be in it: every file that is skipped or mended yields one `Problem` naming
it in one plain line, and one bad file never costs the others.

- Skipped silently: hidden files (`.gitkeep`, `.DS_Store`) and subfolders not named like a seed.
- Skipped with a problem: empty or whitespace-only files, binary data, unknown extensions,
  folders named like a seed, links leading outside the folder or to nothing, unreadable files.
- Read with a problem: text not in UTF-8 (decoded as cp1252, which is Latin-1 plus the
  typographic quotes), front matter that is not YAML or not a mapping, a bad date or language.
- Read without one: UTF-8 with a byte-order mark, CRLF or CR line endings, UTF-16 with a BOM.
- Ids: an article's id is its file name without the extension when that is made only of
  ASCII letters, digits, `-` and `_` (and starts with a letter or digit); otherwise it is
  the name transliterated to such a slug ("Café au lait.txt" -> "Cafe-au-lait") and the
  file gets a problem, because ids become URLs (`sources/<id>/`) and HTML anchors.
  Two files whose ids clash (`a.md` and `a.txt`, or `A.txt` and `a.txt` on a
  case-insensitive disk) keep the first id in name order and the other gets a short hash.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from digest.memo import ByValue
from digest.model import Article, Problem
from digest.sources.outlets import (
    EMPTY,
    OUTLETS_FILES,
    Directory,
    check_name,
    check_url,
    parse_outlets,
    resolve_outlet,
)

MARKDOWN = (".md", ".markdown")
SUPPORTED = (".txt", *MARKDOWN)
# A news article is a few tens of kilobytes; anything this large is a mistake, not a seed.
MAX_BYTES = 16 * 1024 * 1024
_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t:]*", re.IGNORECASE)
# A `.txt` header line: `source: NAME` or `url: https://…`, lower-case, so a headline such as
# "Source: talks have stalled" is never taken for one.
_HEADER_LINE = re.compile(r"^[ \t]*(source|url)[ \t]*:[ \t]*([^\n]*?)[ \t]*(?:\n|\Z)")
# The outlets file is small by nature; anything larger is a mistake.
MAX_OUTLETS_BYTES = 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\n")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?:\s|$)")
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
# A first line longer than this, or holding two sentences, is a paragraph, not a headline.
_MAX_TITLE_WORDS = 30


@dataclass(frozen=True)
class Decoded:
    text: str
    problem: str | None  # a warning about how it was decoded


def read_seeds(seeds_dir: Path) -> tuple[list[Article], list[Problem]]:
    """Every readable seed in `seeds_dir` (sorted by name), and a problem per file skipped or mended."""
    root = seeds_dir.resolve()
    paths = sorted((p for p in seeds_dir.iterdir() if is_candidate(p)), key=lambda p: p.name)
    directory, problems = read_outlets(seeds_dir, root)
    paths, aliases = drop_aliases(paths, root)
    problems.extend(aliases)
    articles: list[Article] = []
    for path in paths:
        article, found = read_seed(path, root, directory)
        problems.extend(found)
        if article is not None:
            articles.append(article)
    articles, clashes = unique_ids(articles)
    problems.extend(clashes)
    return articles, sorted(problems, key=lambda p: (p.file, p.message))


def is_candidate(path: Path) -> bool:
    """Hidden files, plain subfolders and the outlets file are not seeds, and not worth a word."""
    if path.name.startswith(".") or is_outlets_file(path):
        return False
    return not (path.is_dir() and path.suffix.lower() not in SUPPORTED)


def is_outlets_file(path: Path) -> bool:
    return path.name.casefold() in OUTLETS_FILES


def read_outlets(seeds_dir: Path, root: Path) -> tuple[Directory, list[Problem]]:
    """The editors' outlets file (see digest.sources.outlets), or an empty one and why it was not read."""
    found = sorted((p for p in seeds_dir.iterdir() if is_outlets_file(p)), key=lambda p: p.name)
    if not found:
        return EMPTY, []
    path, name = found[0], shown(found[0].name)
    problems = [Problem(shown(p.name), f"a second outlets file; only {name} is read") for p in found[1:]]
    target = target_of(path, root)
    if target is None or not target.is_relative_to(root) or not target.is_file():
        return EMPTY, [*problems, Problem(name, "refused: not a file inside the seeds folder; outlets file ignored")]
    try:
        data = path.read_bytes()
    except OSError as error:
        return EMPTY, [*problems, Problem(name, f"cannot be read ({error.strerror or 'error'}); outlets file ignored")]
    if len(data) > MAX_OUTLETS_BYTES:
        return EMPTY, [*problems, Problem(name, "larger than 1 MB, too large for an outlets file; ignored")]
    decoded = decode(data) if data.strip() else Decoded("", None)
    if isinstance(decoded, str):
        return EMPTY, [*problems, Problem(name, f"{decoded.removeprefix('skipped: ')}; outlets file ignored")]
    directory, issues = parse_outlets(decoded.text, known_languages())
    issues = ([decoded.problem] if decoded.problem else []) + issues
    return directory, [*problems, *(Problem(name, issue) for issue in issues)]


def drop_aliases(paths: list[Path], root: Path) -> tuple[list[Path], list[Problem]]:
    """One path per file: a link to a seed that is read anyway is reported, not read twice."""
    owner: dict[Path, Path] = {}
    for path in sorted(paths, key=lambda p: (p.is_symlink(), p.name)):  # real files first
        target = target_of(path, root)
        if target is not None and target.is_relative_to(root):  # links outside are refused later
            owner.setdefault(target, path)
    kept: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        target = target_of(path, root)
        first = owner.get(target) if target is not None else None
        if first is None or first == path:
            kept.append(path)
        else:
            problems.append(Problem(shown(path.name), f"a link to {shown(first.name)}; counted once"))
    return kept, problems


def target_of(path: Path, root: Path) -> Path | None:
    """Where a path in the seeds folder (`root`, resolved) leads: a plain file is itself there;
    only a link needs resolving (resolving every seed three times was 0.4 s of reading 1,000)."""
    try:
        if not path.is_symlink():
            return root / path.name
    except OSError:
        return None
    return resolve(path)


def resolve(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links: RuntimeError before Python 3.13
        return None


def read_seed(path: Path, root: Path, directory: Directory = EMPTY) -> tuple[Article | None, list[Problem]]:
    """One seed file with its outlet (see digest.sources.outlets), or None with the reason it was skipped."""
    name = shown(path.name)
    refusal = refuse_path(path, root)
    if refusal:
        return None, [Problem(name, refusal)]
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(name, f"skipped: cannot be read ({error.strerror or 'error'})")]
    key = (path.name, data)
    known = _READ.get(key)
    if known is not None and known[0] == directory:
        return known[1]
    return _READ.put((directory, understand(path, name, data, directory)), key)[1]


# Each seed as read, by its name and bytes (and the outlets file it was read with): under
# `mkdocs serve` every save re-reads the folder, and decoding and parsing the unchanged seeds
# again was 1.5 s of a rebuild at 1,000 articles, profiled. The same Article then keeps its results by identity.
_READ: ByValue[tuple[Directory, tuple[Article | None, list[Problem]]]] = ByValue()


def understand(path: Path, name: str, data: bytes, directory: Directory) -> tuple[Article | None, list[Problem]]:
    """A seed's bytes as an article with its outlet, or None with the reason it was skipped."""
    decoded = decode(data)
    if isinstance(decoded, str):
        return None, [Problem(name, decoded)]
    parse = parse_markdown if path.suffix.lower() in MARKDOWN else parse_text
    article, issues = parse(path.stem, name, decoded.text)
    issues = ([decoded.problem] if decoded.problem else []) + issues
    if article is not None and article.id != path.stem:
        issues.append(f"the file name is not a safe id (letters, digits, - and _); its id is {article.id!r}")
    if article is not None:
        article = resolve_outlet(article, directory)
    return article, [Problem(name, issue) for issue in issues]


def refuse_path(path: Path, root: Path) -> str | None:
    """Why a path may not be read as a seed, if it may not."""
    target = target_of(path, root)
    if target is None:
        return "refused: a loop of links"
    if not target.is_relative_to(root):
        return "refused: it is a link leading outside the seeds folder"
    if path.is_symlink() and not target.exists():
        return "refused: a link to a file that does not exist"
    if target.is_dir():
        return "skipped: a folder named like a seed (subfolders are not read)"
    if not target.is_file():
        return "refused: not a regular file"
    if path.suffix.lower() not in SUPPORTED:
        shown_suffix = shown(path.suffix) or "(none)"
        return f"skipped: unknown extension {shown_suffix} (seeds are .txt or .md)"
    size = target.stat().st_size if target.exists() else 0
    if size > MAX_BYTES:
        return f"skipped: {size / 2**20:.0f} MB is too large for an article (limit {MAX_BYTES // 2**20} MB)"
    return None


def shown(name: str) -> str:
    """A file name fit for a log line and a web page: no control characters, no undecodable bytes."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def safe_id(stem: str) -> str:
    """The stem when it is URL- and anchor-safe, else an ASCII slug of it (see the module notes)."""
    if _SAFE_ID.fullmatch(stem):
        return stem
    ascii_text = unicodedata.normalize("NFKD", shown(stem)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    return slug[:80].rstrip("-") or f"seed-{short_hash(stem)}"


def short_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=4).hexdigest()


def unique_ids(articles: list[Article]) -> tuple[list[Article], list[Problem]]:
    """Each id once, compared without case: file systems and browsers may not tell `A` from `a`."""
    owner: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: (a.id != Path(a.file).stem, a.file)):
        owner.setdefault(article.id.casefold(), article.file)
    result: list[Article] = []
    problems: list[Problem] = []
    for article in articles:
        first = owner[article.id.casefold()]
        if first != article.file:
            new_id = f"{article.id}-{short_hash(article.file)}"
            message = f"id {article.id!r} is already taken by {first}; its id is {new_id!r}"
            problems.append(Problem(article.file, message))
            article = replace(article, id=new_id)
        result.append(article)
    return result, problems


def decode(data: bytes) -> Decoded | str:
    """The text of a seed, or a one-line reason it holds none."""
    if not data:
        return "skipped: the file is empty"
    wide = wide_codec(data)
    if wide is None and looks_binary(data):
        return "skipped: binary data, not text"
    text, problem = decode_wide(data, wide) if wide else decode_utf8(data)
    if "\x00" in text:
        return "skipped: binary data, not text"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return "skipped: the file holds only whitespace"
    return Decoded(text, problem)


def decode_utf8(data: bytes) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        text = data.decode("utf-8-sig", errors="digest-cp1252")
        return text, f"not UTF-8 (first bad byte at offset {error.start}); non-UTF-8 bytes read as cp1252"


def wide_codec(data: bytes) -> str | None:
    """UTF-32 or UTF-16, when a byte-order mark says so (UTF-32's LE mark starts like UTF-16's)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def decode_wide(data: bytes, codec: str) -> tuple[str, str | None]:
    text = data.decode(codec, errors="replace")
    return text, (f"not valid {codec.upper()} throughout; bad bytes replaced" if "\ufffd" in text else None)


def read_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8, read as cp1252: files pasted together from Windows and the web mix both."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    text = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad)
    return text, error.end


codecs.register_error("digest-cp1252", read_as_cp1252)


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def parse_text(article_id: str, name: str, text: str) -> tuple[Article | None, list[str]]:
    """A `.txt` seed: header lines (`date YYYY-MM-DD`, `source: NAME`, `url: https://…`, in any
    order), then a title line unless the text opens with a paragraph."""
    headers, body, runs_in, problems = split_headers(text.lstrip())
    if runs_in:
        title = ""  # the date runs into the first paragraph: there is no title line
    else:
        title, body = split_title(body)
    if not body.strip():
        body, title = title, ""
    if not body.strip():
        return None, [*problems, "skipped: no article text after the date"]
    source, problem = check_name(headers.get("source"))
    url, url_problem = check_url(headers.get("url"))
    problems += [p for p in (problem, url_problem) if p]
    published = headers.get("date")
    article = Article(
        id=safe_id(article_id), file=name, title=title, text=body, published=published, source=source, url=url
    )
    return article, problems


def split_headers(body: str) -> tuple[dict[str, str], str, bool, list[str]]:
    """The header lines at the top of a `.txt` seed, the text after them, whether a `date` runs
    straight into the first paragraph (seed 000 does), and a problem per bad or repeated header."""
    headers: dict[str, str] = {}
    problems: list[str] = []
    while True:
        date = _DATE_PREFIX.match(body)
        line = None if date else _HEADER_LINE.match(body)
        match = date or line
        if match is None:
            return headers, body, False, problems
        key, value = (match.group(1), " ".join(match.group(2).split())) if line else ("date", match.group(1))
        body = body[match.end() :]
        if key in headers:
            problems.append(f"a second {key!r} line at the top; the first kept")
        elif key == "date":
            published, problem = check_date(value)
            problems += [problem] if problem else []
            if published:
                headers["date"] = published
        elif value:
            headers[key] = value
        if date and not body.startswith("\n"):
            return headers, body, True, problems
        body = body.lstrip()


def split_title(text: str) -> tuple[str, str]:
    first, _, rest = text.partition("\n")
    if is_headline(first):
        return first.strip(), rest
    return "", text


def is_headline(line: str) -> bool:
    words = line.split()
    inner_ends = len(_SENTENCE_END.findall(line.strip()[:-1]))
    return 0 < len(words) <= _MAX_TITLE_WORDS and inner_ends == 0


def check_date(value: str) -> tuple[str | None, str | None]:
    """An ISO date (`2024-02-07`, or a date-time starting with one), or why the value is not one."""
    for parse in (dt.date.fromisoformat, lambda v: dt.datetime.fromisoformat(v).date()):
        try:
            return parse(value).isoformat(), None
        except ValueError:
            pass
    shown_value = " ".join(value.split())[:40]
    if _ISO_DATE.match(value):
        return None, f"date {shown_value!r} is not a calendar date; ignored"
    return None, f"date {shown_value!r} is not an ISO date (YYYY-MM-DD); ignored"


def parse_markdown(article_id: str, name: str, text: str) -> tuple[Article | None, list[str]]:
    """A `.md` seed: YAML front matter (title, source, url, published, language) and a Markdown body."""
    meta, body, problems = split_front_matter(text)
    fields = {key: field_text(meta, key, problems) for key in ("title", "source", "url", "language")}
    published = front_matter_date(meta.get("published"), problems)
    language = check_language(fields["language"], problems)
    title = fields["title"] or ""
    body = markdown_to_text(body)
    if not title:
        title, body = split_title(body.lstrip())
        if not body.strip():
            body, title = title, ""  # a one-line body is text, not a headline over nothing
    if not body.strip():
        return None, [*problems, "skipped: no article text after the front matter"]
    source, problem = check_name(fields["source"])
    url, url_problem = check_url(fields["url"])
    problems += [p for p in (problem, url_problem) if p]
    article = Article(
        id=safe_id(article_id),
        file=name,
        title=title,
        text=body,
        published=published,
        source=source,
        url=url,
        language=language,
    )
    return article, problems


def split_front_matter(text: str) -> tuple[dict[str, object], str, list[str]]:
    match = _FRONT_MATTER.match(text)
    if match:
        meta, problem = load_front_matter(match.group(1))
        return meta, text[match.end() :], [problem] if problem else []
    if _FRONT_MATTER_OPEN.match(text):
        return {}, text, ["front matter opened by '---' on line 1 is never closed; read as text"]
    return {}, text, []


# A known field on a line of its own, so a broken block can still give up its good fields.
_FIELD_LINE = re.compile(r"^(title|source|url|published|language)\s*:")


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so a bad date is reported by us, not raised by YAML."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_front_matter(block: str) -> tuple[dict[str, object], str | None]:
    try:
        loaded = yaml.load(block, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 2}" if mark is not None else "somewhere"  # +1 for the opening ---
        reason = " ".join(str(error.problem or error.context or "cannot be parsed").split())
        if error.context and error.context_mark and mark and error.context_mark.line != mark.line:
            reason += f", {error.context} from line {error.context_mark.line + 2}"
        kept = salvage_fields(block)
        verdict = f"kept {', '.join(kept)}, ignored the rest" if kept else "metadata ignored"
        return kept, f"front matter is not valid YAML ({where}: {reason}); {verdict}"
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        reason = " ".join(str(error).split())[:80] or type(error).__name__
        return {}, f"front matter is not valid YAML ({reason}); metadata ignored"
    if loaded is None:
        return {}, None
    if not isinstance(loaded, dict):
        kind = "a list" if isinstance(loaded, list) else "a single value"
        return {}, f"front matter is {kind}, not a mapping of fields like 'title: ...'; metadata ignored"
    return {str(k): v for k, v in loaded.items()}, None


def salvage_fields(block: str) -> dict[str, object]:
    """The known fields that are valid YAML each on its own line: one broken value ("url: [oops")
    should not cost the article its title, outlet and date."""
    kept: dict[str, object] = {}
    for line in block.splitlines():
        match = _FIELD_LINE.match(line)
        if match is None or match.group(1) in kept:
            continue
        try:
            loaded = yaml.load(line, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
        except (yaml.YAMLError, ValueError, TypeError, RecursionError):
            continue
        if isinstance(loaded, dict) and len(loaded) == 1 and not isinstance(loaded.get(match.group(1)), dict | list):
            kept[match.group(1)] = loaded[match.group(1)]
    return kept


def field_text(meta: dict[str, object], key: str, problems: list[str]) -> str | None:
    value = meta.get(key)
    if isinstance(value, (list, dict, set, tuple)):
        problems.append(f"front matter field {key!r} is a list or mapping, not text; ignored")
        return None
    return as_text(value)


def front_matter_date(value: object, problems: list[str]) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    published, problem = check_date(str(value).strip())
    if problem:
        problems.append(f"published {problem}")
    return published


def check_language(value: str | None, problems: list[str]) -> str | None:
    """An ISO 639-1 code the language identifier knows; anything else would make every line 'foreign'."""
    if value is None:
        return None
    code = re.split(r"[-_]", value.strip().casefold(), maxsplit=1)[0]
    if code in known_languages():
        return code
    problems.append(f"language {value[:40]!r} is not a code such as 'en' or 'fr'; identified from the text")
    return None


@lru_cache(maxsize=1)
def known_languages() -> frozenset[str]:
    from digest.sources.clean import (
        identifier,  # the cleaner's identifier decides which codes mean anything
    )

    return frozenset(identifier().nb_classes)


def as_text(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def markdown_to_text(body: str) -> str:
    """The words a Markdown body holds, without its link targets, images and emphasis marks."""
    text = _MD_IMAGE.sub("", body)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)

