"""Reading a seeds folder that people and scripts fill: every bad file is one plain problem, never a crash."""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.model import Article, Problem
from digest.nlp.parse import Parser
from digest.pipeline import build_digest
from digest.sources.clean import clean_article
from digest.sources.read import decode, read_seed, read_seeds, safe_id

BODY = "The minister said on Tuesday that talks would resume. Aid convoys waited at the border.\n"
GOOD = f"A headline about talks\n\n{BODY}"


def folder(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (seeds / name).write_bytes(data)
    return seeds


def read(seeds: Path) -> tuple[dict[str, Article], dict[str, list[str]]]:
    articles, problems = read_seeds(seeds)
    by_file: dict[str, list[str]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem.message)
    return {a.file: a for a in articles}, by_file


def assert_plain(problems: list[Problem] | dict[str, list[str]]) -> None:
    messages = [m for ms in problems.values() for m in ms] if isinstance(problems, dict) else [
        p.message for p in problems
    ]
    for message in messages:
        assert message and "\n" not in message and "Traceback" not in message


# -- files that hold no article ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "skipped: the file is empty"),
        (b"  \n\t\r\n  \n", "skipped: the file holds only whitespace"),
        ("\ufeff\u00a0\u2003\n".encode(), "skipped: the file holds only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "skipped: binary data, not text"),
        (bytes(range(256)) * 8, "skipped: binary data, not text"),
    ],
    ids=["empty", "whitespace", "unicode-whitespace", "png", "all-bytes"],
)
def test_a_file_without_text_is_one_problem_and_the_rest_still_read(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    seeds = folder(tmp_path, {"bad.txt": content, "good.txt": GOOD})
    articles, problems = read(seeds)
    assert problems == {"bad.txt": [expected]}
    assert list(articles) == ["good.txt"]


def test_random_bytes_named_txt_are_binary(tmp_path: Path) -> None:
    noise = random.Random(7).randbytes(4096).replace(b"\x00", b"\x01")  # no NUL to give it away
    _, problems = read(folder(tmp_path, {"noise.txt": noise}))
    assert problems == {"noise.txt": ["skipped: binary data, not text"]}


# -- encodings ---------------------------------------------------------------------------------


def test_cp1252_is_decoded_with_its_smart_quotes_and_accents_and_warned_about(tmp_path: Path) -> None:
    text = "Café talks\n\nThe envoy said: “We are close.” It’s the café owner’s view — naïve or not.\n"
    articles, problems = read(folder(tmp_path, {"legacy.txt": text.encode("cp1252")}))
    article = articles["legacy.txt"]
    assert article.title == "Café talks"
    assert "“We are close.” It’s the café owner’s view — naïve" in article.text
    assert problems == {
        "legacy.txt": ["not UTF-8 (first bad byte at offset 3); non-UTF-8 bytes read as cp1252"]
    }


def test_latin1_accents_are_decoded(tmp_path: Path) -> None:
    text = "Élection à Québec\n\nLe député a répondu à la presse.\n"
    articles, problems = read(folder(tmp_path, {"latin.txt": text.encode("latin-1")}))
    assert articles["latin.txt"].title == "Élection à Québec"
    assert "député a répondu" in articles["latin.txt"].text
    assert len(problems["latin.txt"]) == 1 and "not UTF-8" in problems["latin.txt"][0]


def test_a_stray_cp1252_byte_does_not_garble_the_utf8_around_it() -> None:
    data = "Zürich “talks”\n\n".encode() + b"Price: 5\x80 per day. " + "Ångström.".encode()
    decoded = decode(data)
    assert not isinstance(decoded, str)
    assert decoded.text == "Zürich “talks”\n\nPrice: 5€ per day. Ångström."
    assert decoded.problem is not None and "offset" in decoded.problem


def test_utf8_with_bom_and_crlf_reads_normally_without_a_problem(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode()
    articles, problems = read(folder(tmp_path, {"windows.txt": data, "mac.txt": GOOD.replace("\n", "\r")}))
    assert problems == {}
    for article in articles.values():
        assert article.title == "A headline about talks"
        assert "\r" not in article.text and "\ufeff" not in article.text + article.title
        assert article.text.strip() == BODY.strip()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_text_not_binary(tmp_path: Path, codec: str) -> None:
    data = GOOD.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    articles, problems = read(folder(tmp_path, {"wide.txt": data}))
    assert problems == {}
    assert articles["wide.txt"].title == "A headline about talks"
    assert articles["wide.txt"].text.strip() == BODY.strip()


def test_a_file_too_large_for_an_article_is_not_read(tmp_path: Path) -> None:
    seeds = folder(tmp_path, {"good.txt": GOOD})
    with open(seeds / "dump.txt", "wb") as handle:
        handle.truncate(40 * 2**20)  # sparse: no 40 MB written
    articles, problems = read(seeds)
    assert problems == {"dump.txt": ["skipped: 40 MB is too large for an article (limit 16 MB)"]}
    assert list(articles) == ["good.txt"]


# -- front matter and dates --------------------------------------------------------------------


def test_front_matter_that_is_not_yaml_names_the_line_and_keeps_the_body(tmp_path: Path) -> None:
    md = "---\ntitle: Talks resume\nsource: [Wire\nurl: https://example.org/a\n---\n" + BODY
    articles, problems = read(folder(tmp_path, {"bad.md": md}))
    assert problems == {
        "bad.md": [
            "front matter is not valid YAML (line 4: expected ',' or ']', but got ':', "
            "while parsing a flow sequence from line 3); kept title, url, ignored the rest"
        ]
    }
    assert articles["bad.md"].text.strip() == BODY.strip()
    assert articles["bad.md"].source is None  # the broken field
    assert (articles["bad.md"].title, articles["bad.md"].url) == ("Talks resume", "https://example.org/a")


def test_front_matter_error_line_counts_from_the_top_of_the_file(tmp_path: Path) -> None:
    md = "---\ntitle: a\nsource: b\nurl: https://c.example\nlanguage: en\nbroken: \"unclosed\n---\n" + BODY
    _, problems = read(folder(tmp_path, {"late.md": md}))
    assert problems["late.md"] == [
        "front matter is not valid YAML (line 6: found unexpected end of stream); "
        "kept title, source, url, language, ignored the rest"
    ]


def test_a_broken_block_of_unknown_fields_keeps_nothing(tmp_path: Path) -> None:
    md = "---\nauthor: [a\ntags: {b\n---\n" + BODY
    articles, problems = read(folder(tmp_path, {"none.md": md}))
    assert problems["none.md"][0].endswith("; metadata ignored")
    assert articles["none.md"].source is None


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("- title\n- source", "front matter is a list, not a mapping of fields like 'title: ...'; metadata ignored"),
        ("just a sentence", "front matter is a single value, not a mapping of fields like 'title: ...'; metadata ignored"),
    ],
)
def test_front_matter_that_is_yaml_but_not_a_mapping(tmp_path: Path, front: str, expected: str) -> None:
    articles, problems = read(folder(tmp_path, {"odd.md": f"---\n{front}\n---\n{BODY}"}))
    assert problems == {"odd.md": [expected]}
    assert articles["odd.md"].text.strip() == BODY.strip()


def test_front_matter_never_closed_is_reported_and_read_as_text(tmp_path: Path) -> None:
    articles, problems = read(folder(tmp_path, {"open.md": f"---\ntitle: Talks\n{BODY}"}))
    assert problems == {"open.md": ["front matter opened by '---' on line 1 is never closed; read as text"]}
    assert "talks would resume" in articles["open.md"].text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-30", "published date '2024-02-30' is not a calendar date; ignored"),
        ("2024-13-01", "published date '2024-13-01' is not a calendar date; ignored"),
        ("February 7, 2024", "published date 'February 7, 2024' is not an ISO date (YYYY-MM-DD); ignored"),
        ("yesterday", "published date 'yesterday' is not an ISO date (YYYY-MM-DD); ignored"),
    ],
)
def test_a_bad_published_date_is_one_problem_and_no_date(tmp_path: Path, value: str, expected: str) -> None:
    md = f"---\ntitle: Talks\npublished: {value}\n---\n{BODY}"
    articles, problems = read(folder(tmp_path, {"dated.md": md}))
    assert problems == {"dated.md": [expected]}
    assert articles["dated.md"].published is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-02-07", "2024-02-07"), ("2024-02-07T21:15:00Z", "2024-02-07"), ("'2024-02-07 08:00'", "2024-02-07")],
)
def test_good_published_dates_are_read(tmp_path: Path, value: str, expected: str) -> None:
    articles, problems = read(folder(tmp_path, {"ok.md": f"---\npublished: {value}\n---\n{GOOD}"}))
    assert problems == {}
    assert articles["ok.md"].published == expected


def test_a_bad_date_line_in_a_txt_seed(tmp_path: Path) -> None:
    articles, problems = read(folder(tmp_path, {"d.txt": f"date 2024-02-31\n{GOOD}"}))
    assert problems == {"d.txt": ["date '2024-02-31' is not a calendar date; ignored"]}
    assert articles["d.txt"].published is None and articles["d.txt"].title == "A headline about talks"


def test_metadata_that_is_not_text_or_not_a_language_code(tmp_path: Path) -> None:
    md = f"---\ntitle: [one, two]\nlanguage: French\nsource: Wire\n---\n{GOOD}"
    articles, problems = read(folder(tmp_path, {"meta.md": md}))
    assert problems == {
        "meta.md": [
            "front matter field 'title' is a list or mapping, not text; ignored",
            "language 'French' is not a code such as 'en' or 'fr'; identified from the text",
        ]
    }
    assert articles["meta.md"].language is None and articles["meta.md"].source == "Wire"


def test_a_regional_language_tag_is_read_as_its_language(tmp_path: Path) -> None:
    articles, problems = read(folder(tmp_path, {"fr.md": f"---\nlanguage: fr-CA\n---\n{GOOD}"}))
    assert problems == {} and articles["fr.md"].language == "fr"


def test_front_matter_without_a_body_is_skipped(tmp_path: Path) -> None:
    articles, problems = read(folder(tmp_path, {"bare.md": "---\ntitle: Talks\n---\n\n"}))
    assert articles == {}
    assert problems == {"bare.md": ["skipped: no article text after the front matter"]}


# -- paths: links, extensions, folders, hidden files --------------------------------------------


def test_links_outside_the_folder_are_refused_and_inside_are_read_once(tmp_path: Path) -> None:
    seeds = folder(tmp_path, {"real.txt": GOOD})
    (tmp_path / "secret.txt").write_text("Outside\n\nNot a seed at all, and private.\n")
    (seeds / "escape.txt").symlink_to(tmp_path / "secret.txt")
    (seeds / "dotdot.txt").symlink_to(Path("..") / "secret.txt")
    (seeds / "alias.txt").symlink_to("real.txt")
    (seeds / "sub").mkdir()
    (seeds / "sub" / "inner.txt").write_text(GOOD.replace("talks", "convoys"))
    (seeds / "from-sub.txt").symlink_to(Path("sub") / "inner.txt")
    articles, problems = read(seeds)
    assert problems == {
        "alias.txt": ["a link to real.txt; counted once"],
        "dotdot.txt": ["refused: it is a link leading outside the seeds folder"],
        "escape.txt": ["refused: it is a link leading outside the seeds folder"],
    }
    assert sorted(articles) == ["from-sub.txt", "real.txt"]
    assert "private" not in " ".join(a.text for a in articles.values())


def test_broken_and_looping_links_are_refused(tmp_path: Path) -> None:
    seeds = folder(tmp_path, {"good.txt": GOOD})
    (seeds / "gone.txt").symlink_to("missing.txt")
    (seeds / "loop-a.txt").symlink_to("loop-b.txt")
    (seeds / "loop-b.txt").symlink_to("loop-a.txt")
    articles, problems = read(seeds)
    assert problems == {
        "gone.txt": ["refused: a link to a file that does not exist"],
        "loop-a.txt": ["refused: a loop of links"],
        "loop-b.txt": ["refused: a loop of links"],
    }
    assert list(articles) == ["good.txt"]


def test_a_link_to_a_folder_outside_is_refused_not_listed(tmp_path: Path) -> None:
    seeds = folder(tmp_path, {})
    (seeds / "etc.txt").symlink_to("/etc")
    _, problems = read(seeds)
    assert problems == {"etc.txt": ["refused: it is a link leading outside the seeds folder"]}


def test_unknown_extensions_folders_and_hidden_files(tmp_path: Path) -> None:
    seeds = folder(
        tmp_path,
        {"notes.docx": b"PK\x03\x04", "README": "read me", ".gitkeep": "", ".DS_Store": b"\x00\x01Bud1",
         "UPPER.TXT": GOOD, "long.markdown": GOOD},
    )
    (seeds / "folder.txt").mkdir()
    (seeds / "images").mkdir()
    articles, problems = read(seeds)
    assert problems == {
        "README": ["skipped: unknown extension (none) (seeds are .txt or .md)"],
        "folder.txt": ["skipped: a folder named like a seed (subfolders are not read)"],
        "notes.docx": ["skipped: unknown extension .docx (seeds are .txt or .md)"],
    }
    assert sorted(articles) == ["UPPER.TXT", "long.markdown"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_one_problem(tmp_path: Path) -> None:
    seeds = folder(tmp_path, {"locked.txt": GOOD, "good.txt": GOOD + "More.\n"})
    (seeds / "locked.txt").chmod(0)
    articles, problems = read(seeds)
    assert problems == {"locked.txt": ["skipped: cannot be read (Permission denied)"]}
    assert list(articles) == ["good.txt"]


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    seeds = folder(tmp_path, {})
    os.mkfifo(seeds / "pipe.txt")
    _, problems = read(seeds)
    assert problems == {"pipe.txt": ["refused: not a regular file"]}


# -- ids ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("000_6399e4c686de68dc", "000_6399e4c686de68dc"),
        ("Plain-Name_2", "Plain-Name_2"),
        ("has space", "has-space"),
        ("Café au lait", "Cafe-au-lait"),
        ("a..b", "a-b"),
        ("..", None),
        ("-leading", "leading"),
        ("新闻", None),
    ],
)
def test_ids_are_safe_for_urls_and_anchors(stem: str, expected: str | None) -> None:
    found = safe_id(stem)
    assert found == expected if expected else found.startswith("seed-") and len(found) == 13
    assert all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in found)


def test_unsafe_file_names_get_a_slug_id_and_one_problem(tmp_path: Path) -> None:
    seeds = folder(tmp_path, {"Café au lait.txt": GOOD, "a..b.txt": GOOD + "Two.\n", "新闻.txt": GOOD + "Three.\n"})
    articles, problems = read(seeds)
    assert articles["Café au lait.txt"].id == "Cafe-au-lait"
    assert articles["a..b.txt"].id == "a-b"
    chinese = articles["新闻.txt"].id
    assert problems == {
        "Café au lait.txt": ["the file name is not a safe id (letters, digits, - and _); its id is 'Cafe-au-lait'"],
        "a..b.txt": ["the file name is not a safe id (letters, digits, - and _); its id is 'a-b'"],
        "新闻.txt": [f"the file name is not a safe id (letters, digits, - and _); its id is {chinese!r}"],
    }


def test_an_undecodable_file_name_is_shown_printably(tmp_path: Path) -> None:
    seeds = folder(tmp_path, {})
    with open(os.path.join(os.fsencode(seeds), b"caf\xe9\x07.txt"), "wb") as handle:
        handle.write(GOOD.encode())
    articles, problems = read(seeds)
    (name,) = articles
    assert name == "caf\ufffd\\x07.txt"
    name.encode("utf-8")  # no lone surrogates: JSON and web pages can carry it
    assert articles[name].id == "caf-x07"
    assert list(problems) == [name]


def test_clashing_ids_keep_the_first_and_hash_the_other(tmp_path: Path) -> None:
    seeds = folder(tmp_path, {"story.md": GOOD, "story.txt": GOOD + "Other.\n", "a b.txt": GOOD + "x\n", "a-b.txt": GOOD})
    articles, problems = read(seeds)
    assert articles["story.md"].id == "story" and articles["a-b.txt"].id == "a-b"
    assert articles["story.txt"].id.startswith("story-") and articles["a b.txt"].id.startswith("a-b-")
    assert len({a.id for a in articles.values()}) == 4
    assert problems["story.txt"] == [f"id 'story' is already taken by story.md; its id is {articles['story.txt'].id!r}"]
    assert len(problems["a b.txt"]) == 2  # not a safe name, and its slug is taken by a-b.txt
    assert "a-b.txt" not in problems and "story.md" not in problems


def test_output_is_sorted_and_the_same_twice(tmp_path: Path) -> None:
    seeds = folder(tmp_path, {"b.txt": GOOD, "a.txt": GOOD + "A.\n", "c.txt": b"", "0.docx": b"x"})
    first, second = read_seeds(seeds), read_seeds(seeds)
    assert first == second
    assert [a.file for a in first[0]] == ["a.txt", "b.txt"]
    assert [p.file for p in first[1]] == ["0.docx", "c.txt"]


def test_the_five_seeds_read_without_problems() -> None:
    articles, problems = read_seeds(SEEDS)
    assert problems == [] and len(articles) >= 5
    assert all(a.id == Path(a.file).stem for a in articles)


# -- another language --------------------------------------------------------------------------

FRENCH = (
    "Le secrétaire d'État américain est arrivé mercredi à Jérusalem pour pousser Israël à accepter "
    "une trêve dans la bande de Gaza. Il a rencontré le premier ministre et plusieurs responsables du "
    "gouvernement, avant de se rendre à Tel-Aviv pour une conférence de presse.\n"
    "Selon les autorités sanitaires locales, le bilan des victimes continue de s'alourdir chaque jour, "
    "et les organisations humanitaires demandent un accès sans entrave pour les convois d'aide. "
    "Les négociations, menées avec l'aide du Qatar et de l'Égypte, portent sur la libération des "
    "otages et sur une pause prolongée des combats.\n"
    "Le diplomate a déclaré que la marge de compromis existait encore, tout en jugeant certaines "
    "demandes inacceptables.\n"
)
SPANISH = (
    "El secretario de Estado estadounidense llegó el miércoles a Jerusalén para presionar a Israel a "
    "aceptar una tregua en la Franja de Gaza. Se reunió con el primer ministro y con varios altos "
    "funcionarios del gobierno antes de viajar a Tel Aviv para una rueda de prensa.\n"
    "Según las autoridades sanitarias locales, el número de víctimas sigue aumentando cada día, y las "
    "organizaciones humanitarias piden un acceso sin obstáculos para los convoyes de ayuda. Las "
    "negociaciones, con la mediación de Qatar y Egipto, buscan la liberación de los rehenes y una "
    "pausa prolongada de los combates.\n"
    "El diplomático afirmó que todavía hay margen para un compromiso, aunque calificó algunas "
    "exigencias de inaceptables.\n"
)


@pytest.mark.parametrize(("text", "language"), [(FRENCH, "fr"), (SPANISH, "es"), (BODY * 3, "en")])
def test_an_article_in_another_language_is_kept_with_its_language(
    tmp_path: Path, text: str, language: str
) -> None:
    assert len(text.split()) >= 30
    articles, problems = read(folder(tmp_path, {"other.txt": text}))
    assert problems == {}
    cleaned = clean_article(articles["other.txt"])
    assert cleaned.language == language
    # Its own language is not "foreign": no line of it is dropped as an insertion.
    assert cleaned.removed == ()
    assert cleaned.text.split() == text.split()


def test_a_declared_language_is_kept_by_cleaning(tmp_path: Path) -> None:
    articles, _ = read(folder(tmp_path, {"fr.md": f"---\nlanguage: FR\n---\n{FRENCH}"}))
    assert clean_article(articles["fr.md"]).language == "fr"


# -- properties: nothing a file holds makes reading raise ----------------------------------------

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_one(name: str, data: bytes) -> tuple[Article | None, list[Problem]]:
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        (root / name).write_bytes(data)
        article, problems = read_seed(root / name, root.resolve())
        articles, listed = read_seeds(root)
        assert (articles, listed) == ([article] if article else [], sorted(problems, key=lambda p: (p.file, p.message)))
    return article, problems


def check_read(name: str, data: bytes) -> None:
    article, problems = read_one(name, data)
    assert_plain(problems)
    assert all(p.file == name for p in problems)
    if article is not None:
        assert article.text.strip()
        cleaned = clean_article(article)
        assert isinstance(cleaned.text, str) and isinstance(cleaned.title, str)
        assert all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in article.id)


@PROPERTY
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md"]))
def test_arbitrary_bytes_never_raise(data: bytes, suffix: str) -> None:
    check_read(f"seed{suffix}", data)


@PROPERTY
@given(
    text=st.text(max_size=1500),
    prefix=st.sampled_from(["", "---\n", "date ", "\ufeff", "---\ntitle: "]),
    suffix=st.sampled_from([".txt", ".md"]),
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252"]),
)
def test_arbitrary_text_never_raises(text: str, prefix: str, suffix: str, encoding: str) -> None:
    check_read(f"seed{suffix}", (prefix + text).encode(encoding, errors="replace"))


@PROPERTY
@given(front=st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n 0123456789")), max_size=200))
def test_arbitrary_front_matter_never_raises(front: str) -> None:
    check_read("seed.md", f"---\n{front}\n---\n{BODY}".encode())


# -- the whole build ---------------------------------------------------------------------------


def test_a_hostile_folder_still_builds_a_digest_of_its_good_seeds(tmp_path: Path, parser: Parser) -> None:
    real = sorted(SEEDS.glob("*.txt"))
    files: dict[str, bytes | str] = {path.name: path.read_bytes() for path in real}
    files.update({
        "empty.txt": b"", "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00", "notes.docx": b"PK",
        "bad yaml.md": f"---\ntitle: [x\n---\n{BODY}", "list.md": f"---\n- a\n---\n{FRENCH}",
        "copy.txt": real[1].read_bytes(), "legacy.txt": "Café “talks”\n\nIt’s late.\n".encode("cp1252"),
    })
    seeds = folder(tmp_path, files)
    (seeds / "out.txt").symlink_to("/etc/hostname")
    digest = build_digest(seeds, parser)
    problems = {p.file: p.message for p in digest.problems}
    assert sorted(problems) == ["bad yaml.md", "copy.txt", "empty.txt", "image.txt", "legacy.txt", "list.md",
                                "notes.docx", "out.txt"]
    assert problems["copy.txt"] == f"duplicate of {real[1].name}; counted once"
    assert_plain([p for p in digest.problems])
    ids = {a.id for a in digest.articles}
    assert {p.stem for p in real} <= ids and {"bad-yaml", "list", "legacy"} <= ids
    assert next(a for a in digest.articles if a.id == "list").language == "fr"
    assert sum(len(t.articles) for t in digest.topics) == len(digest.articles)


def test_a_long_lived_process_reads_an_unchanged_seed_as_the_same_article(tmp_path: Path, resident: None) -> None:
    text = "source: Harbour Times\nHarbour reopens\n\nThe harbour reopened on Monday, officials said.\n"
    seeds = folder(tmp_path, {"a.txt": text})
    (first,), _ = read_seeds(seeds)
    (again,), _ = read_seeds(seeds)
    assert again is first  # its later results are then kept by identity
    (seeds / "a.txt").write_text(text.replace("Monday", "Tuesday"), encoding="utf-8")
    (edited,), _ = read_seeds(seeds)
    assert "Tuesday" in edited.text
    (seeds / "outlets.yml").write_text("Harbour Times:\n  country: Norway\n", encoding="utf-8")
    (seeds / "a.txt").write_text(text, encoding="utf-8")
    (listed,), _ = read_seeds(seeds)
    assert listed.outlet is not None and listed.outlet.country == "Norway"  # read with the new outlets file
