"""Read a seeds folder into articles: decode, split metadata from body, report bad files.

A seed is `.txt` (first line the title, an optional leading `date YYYY-MM-DD`) or `.md`
(YAML front matter and a Markdown body). Every problem becomes a `Problem` naming the
file; one bad file never costs the others.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from digest.model import Article, Problem

SUPPORTED = (".txt", ".md")
_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t:]*", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?:\s|$)")
# A first line longer than this, or holding two sentences, is a paragraph, not a headline.
_MAX_TITLE_WORDS = 30


@dataclass(frozen=True)
class Decoded:
    text: str
    problem: str | None  # a warning about how it was decoded


def read_seeds(seeds_dir: Path) -> tuple[list[Article], list[Problem]]:
    """Every readable seed in `seeds_dir` (sorted by name), and a problem per file skipped or mended."""
    articles: list[Article] = []
    problems: list[Problem] = []
    root = seeds_dir.resolve()
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or (path.is_dir() and not path.is_symlink()):
            continue
        article, found = read_seed(path, root)
        problems.extend(found)
        if article is not None:
            articles.append(article)
    return articles, problems


def read_seed(path: Path, root: Path) -> tuple[Article | None, list[Problem]]:
    """One seed file, or None with the reason it was skipped."""
    name = path.name
    refusal = refuse_path(path, root)
    if refusal:
        return None, [Problem(name, refusal)]
    data = path.read_bytes()
    decoded = decode(data)
    if isinstance(decoded, str):
        return None, [Problem(name, decoded)]
    problems = [Problem(name, decoded.problem)] if decoded.problem else []
    parse = parse_markdown if path.suffix.lower() == ".md" else parse_text
    article, issue = parse(path.stem, name, decoded.text)
    if issue:
        problems.append(Problem(name, issue))
    return article, problems


def refuse_path(path: Path, root: Path) -> str | None:
    """Why a path may not be read as a seed, if it may not."""
    target = path.resolve()
    if not target.is_relative_to(root):
        return "refused: it is a link leading outside the seeds folder"
    if not target.is_file():
        return "refused: not a regular file"
    if path.suffix.lower() not in SUPPORTED:
        shown = path.suffix or "(none)"
        return f"skipped: unknown extension {shown} (seeds are .txt or .md)"
    return None


def decode(data: bytes) -> Decoded | str:
    """The text of a seed, or a one-line reason it holds none."""
    if not data.strip():
        return "skipped: the file is empty"
    if looks_binary(data):
        return "skipped: binary data, not text"
    try:
        text = data.decode("utf-8-sig")
        problem = None
    except UnicodeDecodeError as error:
        text, codec = decode_legacy(data)
        problem = f"not UTF-8 (byte {error.start}); read as {codec}"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return "skipped: the file holds only whitespace"
    return Decoded(text, problem)


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def decode_legacy(data: bytes) -> tuple[str, str]:
    """Western newsrooms' legacy encodings: cp1252 first, as it is Latin-1 plus typographic quotes."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def parse_text(article_id: str, name: str, text: str) -> tuple[Article | None, str | None]:
    """A `.txt` seed: optional `date YYYY-MM-DD`, then a title line unless the text opens with a paragraph."""
    body = text.lstrip()
    published, problem = None, None
    match = _DATE_PREFIX.match(body)
    if match:
        published, problem = check_date(match.group(1))
        body = body[match.end() :]
        if body.startswith("\n"):
            title, body = split_title(body.lstrip())
        else:
            title = ""  # the date runs into the first paragraph: there is no title line
    else:
        title, body = split_title(body)
    if not body.strip():
        body, title = title, ""
    return Article(id=article_id, file=name, title=title, text=body, published=published), problem


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
    try:
        return dt.date.fromisoformat(value).isoformat(), None
    except ValueError:
        return None, f"date {value!r} is not a calendar date; ignored"


def parse_markdown(article_id: str, name: str, text: str) -> tuple[Article | None, str | None]:
    """A `.md` seed: YAML front matter (title, source, url, published, language) and a Markdown body."""
    match = _FRONT_MATTER.match(text)
    meta: dict[str, object] = {}
    problem = None
    body = text
    if match:
        body = text[match.end() :]
        loaded, problem = load_front_matter(match.group(1))
        meta = loaded
    published, date_problem = front_matter_date(meta.get("published"))
    problem = problem or date_problem
    title = as_text(meta.get("title")) or ""
    body = markdown_to_text(body)
    if not title:
        title, body = split_title(body.lstrip())
    article = Article(
        id=article_id,
        file=name,
        title=title,
        text=body,
        published=published,
        source=as_text(meta.get("source")),
        url=as_text(meta.get("url")),
        language=as_text(meta.get("language")),
    )
    return article, problem


def load_front_matter(block: str) -> tuple[dict[str, object], str | None]:
    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 2}" if mark is not None else "somewhere"
        reason = getattr(error, "problem", None) or "cannot be parsed"
        return {}, f"front matter is not valid YAML ({where}: {reason}); metadata ignored"
    if loaded is None:
        return {}, None
    if not isinstance(loaded, dict):
        return {}, "front matter is not a mapping of fields; metadata ignored"
    return {str(k): v for k, v in loaded.items()}, None


def front_matter_date(value: object) -> tuple[str | None, str | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    return check_date(str(value).strip()[:10])


def as_text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
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
