from __future__ import annotations

import pytest
from conftest import SEEDS

from digest.model import Article
from digest.sources.clean import clean_article, derive_title, is_foreign, repair_encoding, strip_foreign_brackets
from digest.sources.read import read_seeds

# Each seed's junk, verbatim, by kind; cleaning must remove exactly these lines and nothing else.
EXPECTED_REMOVED = {
    "000_6399e4c686de68dc": ["[Биньямину Нетаньяху]"],  # a translator's bracketed Russian name
    "001_9239763a7ecc3785": [
        "Read Previous",
        "Martyred and injured in Israeli bombing of two houses in central Rafah",  # neighbouring headline
        "Read Next",
        "Most important developments of the 124th day of war on Gaza Strip",
        "Leave a Reply",  # comment form
        "Your email address will not be published. Required fields are marked *",
        "Most Popular",
    ],
    "002_1a1ef733a991db94": [
        # photo captions with credits, each with its Spanish copy, and a table of contents
        "El secretario de Estado, Antony Blinken, y el primer ministró de Israel, Benjamin Netanyahu - PHOTO/X/@SecBlinken",
        "Secretary of State Antony Blinken and Israeli Prime Minister Benjamin Netanyahu - PHOTO/X/@SecBlinken",
        "1. Children in fear",
        "2. Diplomatic pressure",
        "El secretario de Estado de Estados Unidos, Antony Blinken, se reúne con el primer ministro y ministro de "
        "Asuntos Exteriores de Qatar, Sheikh Mohamed bin Abdulrahman al-Thani, en Diwan Annex, en Doha, el 6 de "
        "febrero de 2024, durante su gira por Oriente Medio - PHOTO/Mark Schiefelbein/POOL/AFP",
        "U.S. Secretary of State Antony Blinken meets with Qatari Prime Minister and Foreign Minister Sheikh "
        "Mohamed bin Abdulrahman al-Thani at Diwan Annex in Doha on February 6, 2024, during his Middle East "
        "tour - PHOTO/Mark Schiefelbein/POOL/AFP",
    ],
    "003_fffc45ff05542f1c": [],
    "004_59013b3910ca6c44": [
        "Blinken's Diplomatic Mission: Urgent Ceasefire Talks in Israel",  # the title printed twice
        "Share:",
        "Share:",
        "Join NewsTrack Whatsapp group",
        "Related News",
    ],
}


def seeds_by_id() -> dict[str, Article]:
    articles, problems = read_seeds(SEEDS)
    assert problems == []
    return {a.id: a for a in articles}


@pytest.mark.parametrize("seed", sorted(EXPECTED_REMOVED))
def test_each_kind_of_junk_is_removed_and_recorded_verbatim(seed: str) -> None:
    cleaned = clean_article(seeds_by_id()[seed])
    assert list(cleaned.removed) == EXPECTED_REMOVED[seed]
    for junk in EXPECTED_REMOVED[seed]:
        assert junk not in cleaned.text.split("\n\n")


@pytest.mark.parametrize("seed", sorted(EXPECTED_REMOVED))
def test_every_other_line_is_kept_whole(seed: str) -> None:
    raw = seeds_by_id()[seed]
    cleaned = clean_article(raw)
    removed = set(cleaned.removed)
    kept = cleaned.text
    for line in (" ".join(line.split()) for line in raw.text.split("\n")):
        if not line or line in removed or line == raw.title:
            continue
        for fragment in removed:
            line = line.replace(" " + fragment, "").replace(fragment, "")
        assert line in kept, f"lost: {line!r}"


def test_seed_000_has_no_title_line_so_a_short_one_is_derived() -> None:
    cleaned = clean_article(seeds_by_id()["000_6399e4c686de68dc"])
    assert cleaned.published == "2024-02-07"
    assert cleaned.title == "In the Gaza Strip, civilians are still being killed"
    assert cleaned.text.startswith("In the Gaza Strip, civilians are still being killed")


def test_seed_003_opens_with_a_paragraph_not_a_title() -> None:
    cleaned = clean_article(seeds_by_id()["003_fffc45ff05542f1c"])
    assert cleaned.text.startswith("U.S. Secretary of State Antony Blinken emphasized")
    assert len(cleaned.title.split()) <= 12


def test_all_seeds_are_identified_as_english() -> None:
    assert {clean_article(a).language for a in seeds_by_id().values()} == {"en"}


UNSEEN = """\
Flood waters recede in the river delta
Share on Facebook
Follow us on Twitter
Rescue teams reached 14 villages on Monday, officials said.
Villagers waited on rooftops for two days (Фото) before boats arrived.
Les secours ont atteint quatorze villages lundi, selon les autorités locales de la région.
Rescue boats on the river near the capital. (Photo: Reuters)
Shares of the insurer fell 5% after the storm, and analysts expect claims to rise.
Subscribe to our newsletter
Related Articles
Heatwave grips the south
Markets slide on storm fears
"""


def unseen_article() -> Article:
    title, _, body = UNSEEN.partition("\n")
    return Article(id="unseen", file="unseen.txt", title=title, text=body)


def test_general_rules_clean_an_outlet_nobody_has_seen() -> None:
    cleaned = clean_article(unseen_article())
    assert cleaned.removed == (
        "Share on Facebook",
        "Follow us on Twitter",
        "(Фото)",
        "Les secours ont atteint quatorze villages lundi, selon les autorités locales de la région.",
        "Rescue boats on the river near the capital. (Photo: Reuters)",
        "Subscribe to our newsletter",
        "Related Articles",
        "Heatwave grips the south",
        "Markets slide on storm fears",
    )
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs == [
        "Rescue teams reached 14 villages on Monday, officials said.",
        "Villagers waited on rooftops for two days before boats arrived.",
        "Shares of the insurer fell 5% after the storm, and analysts expect claims to rise.",
    ]


def test_short_english_lines_with_names_are_not_taken_for_foreign() -> None:
    assert not is_foreign("Secretary of State Antony Blinken and Prime Minister Benjamin Netanyahu", "en")
    assert not is_foreign("Children in fear", "en")
    assert is_foreign("El presidente del gobierno se reunió con los ministros en Madrid el lunes", "en")


def test_brackets_in_the_same_script_stay() -> None:
    assert strip_foreign_brackets("The capital (Cairo) said [sic] so.", "en") == (
        "The capital (Cairo) said [sic] so.",
        [],
    )
    assert strip_foreign_brackets("He met the minister [Μητσοτάκης] today.", "en") == (
        "He met the minister today.",
        ["[Μητσοτάκης]"],
    )


@pytest.mark.parametrize(
    ("paragraph", "title"),
    [
        ("Storm hits the coast.", "Storm hits the coast"),
        (
            "U.S. officials said on Friday that the talks, which lasted two days, ended without a deal.",
            "U.S. officials said on Friday that the talks",
        ),
    ],
)
def test_derived_titles_are_short_and_skip_abbreviations(paragraph: str, title: str) -> None:
    assert derive_title([paragraph]) == title


@pytest.mark.parametrize(
    "line",
    [
        "Share this story",
        "SHARE THIS ARTICLE",
        "Share on LinkedIn | X | Facebook",
        "By MARIA KOWALSKA",
        "By Jan de Vries and Anna Berg",
        "(Reporting by Harbour Wire's Oslo bureau; editing by the night desk)",
        "Foto: Agencja Nord",
        "(Translated from the Norwegian edition.)",
        "Related: Ferry strike ends after three days",
        "Tłumaczenie: redakcja Dziennika Bałtyckiego",
        "Sign up for our morning newsletter",
        "Subscribe to the Harbour Wire podcast.",
    ],
)
def test_bylines_credits_and_widgets_of_other_outlets_are_removed(line: str) -> None:
    article = Article(id="x", file="x.txt", title="Port reopens", text=f"The port reopened on Monday, officials said.\n{line}")
    assert clean_article(article).removed == (line,)


def test_a_most_read_box_takes_its_headlines_with_it() -> None:
    body = "The port reopened on Monday, officials said.\nMost read in Gdynia\nTram fares rise in May\nNew bridge opens"
    cleaned = clean_article(Article(id="x", file="x.txt", title="Port reopens", text=body))
    assert cleaned.removed == ("Most read in Gdynia", "Tram fares rise in May", "New bridge opens")


@pytest.mark.parametrize(
    "line",
    [
        "By the time rescuers arrived, the water had risen by two metres.",  # "By" opening a sentence
        "Share prices fell by 4% on the news.",
        "Translation services were offered to the families, the council said.",
        "By noon it had stopped.",  # short, and every word after "By" in lower case
        "By then it was over.",
        "Sign up rates fell sharply.",
        "Subscribe now, he urged viewers, or lose access.",
    ],
)
def test_sentences_that_open_like_furniture_are_kept(line: str) -> None:
    article = Article(id="x", file="x.txt", title="Port reopens", text=f"The port reopened on Monday.\n{line}")
    assert clean_article(article).removed == ()


FRENCH = (
    "Le conseil municipal a voté lundi soir la fermeture provisoire du pont, après que des fissures "
    "ont été découvertes par les ingénieurs de la ville.\nLes travaux de réparation devraient durer "
    "au moins six semaines, selon le maire, qui a promis des navettes gratuites pour les habitants."
)


def test_a_wrong_declared_language_does_not_strip_the_article() -> None:
    article = Article(id="fr", file="fr.md", title="Le pont fermé", text=FRENCH, language="en")
    cleaned = clean_article(article)
    assert cleaned.language == "fr" and cleaned.removed == ()


def test_a_short_english_brief_is_english_not_the_creole_the_identifier_takes_it_for() -> None:
    article = Article(id="x", file="x.txt", title="Prices", text="Inflation fell to 3.2% in October from 3.7% in September.")
    assert clean_article(article).language == "en"


def test_a_declared_language_stands_when_the_text_is_too_short_to_judge() -> None:
    article = Article(id="x", file="x.md", title="Kort", text="Brua er stengt.", language="no")
    assert clean_article(article).language == "no"


def test_a_text_without_words_still_gets_a_title() -> None:
    assert derive_title(["?"]) == "Untitled"


def test_mojibake_is_mended_and_each_repair_recorded() -> None:
    article = Article(
        id="m",
        file="m.txt",
        title="CafÃ© owners meet",
        text="The mayor said â€œno dealâ€\x9d to the owners of the city's cafés on Tuesday.\n\nNothing else changed.",
    )
    cleaned = clean_article(article)
    assert cleaned.title == "Café owners meet"
    assert "said “no deal” to the owners" in cleaned.text
    assert cleaned.repaired == ("CafÃ© → Café", "â€œno dealâ€\\x9d → “no deal”")


@pytest.mark.parametrize(
    "line",
    [
        "“I told the Prime Minister [Биньямину Нетаньяху] the toll is too high,” he said at the press conference.",
        "El secretario de Estado, Antony Blinken, y el primer ministró de Israel se reunieron el miércoles.",
        "Tom &amp; Jerry’s café — naïve façade, ½ price, 27,585 dead, fine ﬁ ligature and ｗｉｄｅ letters.",
    ],
)
def test_real_utf8_text_is_left_byte_identical(line: str) -> None:
    assert repair_encoding(line) == (line, ())
    assert repair_encoding(f"{line}\n\n{line}") == (f"{line}\n\n{line}", ())


# Research corpora (ECB+ and the corpora parsed like it) print what their tokeniser left: the
# digest reads and shows the text as the outlet printed it.
@pytest.mark.parametrize(
    "tokenised, printed",
    [
        ("As many as 2, 000 people needed tents; $30, 000 and 1, 000, 000 euros.",
         "As many as 2,000 people needed tents; $30,000 and 1,000,000 euros."),
        ('the quake. "Houses were destroyed 100 percent, "Jassem Chabok said. "We need tents, "he said.',
         "the quake. “Houses were destroyed 100 percent,” Jassem Chabok said. “We need tents,” he said."),
        ('needs to be found as soon as possible, \'\' said Lt. Gregg Hastings, who called him a " danger. \'\'',
         "needs to be found as soon as possible,” said Lt. Gregg Hastings, who called him a “danger.”"),
        ("IRNA reported. ''The Persian Gulf is not deep enough, '' he was quoted as saying.",
         "IRNA reported. “The Persian Gulf is not deep enough,” he was quoted as saying."),
        ("Lohan ’ s lawyer said I 've done it and it doesn ’ t matter.", "Lohan’s lawyer said I've done it and it doesn’t matter."),
        ("You do n't want that, and I ca n't.", "You don't want that, and I can't."),
        # currency signs on their amounts; hyphens after numbers and prefixes, not dashes before a clause
        ("A $ 35,000 reward (US$ 5 million in all) for three co - workers of the 59 - year - old in the 300 - seat house.",
         "A $35,000 reward (US$5 million in all) for three co-workers of the 59-year-old in the 300-seat house."),
        ("It began after 10 a. m. on Monday and ended at 1 : 53 p. m.; she died at 6 : 41 last night.",
         "It began after 10 a.m. on Monday and ended at 1:53 p.m.; she died at 6:41 last night."),
        ("Greece gets a euro110 billion ($141 billion) loan, a 110bn - euro rescue package, a 170, 000 - square - foot hall.",
         "Greece gets a €110 billion ($141 billion) loan, a 110bn-euro rescue package, a 170,000-square-foot hall."),
        # a prefix is no word of its own, whatever the text does with its other hyphens
        ("Two co - workers of the well-known, well-off firm were hurt.", "Two co-workers of the well-known, well-off firm were hurt."),
        # no number joined across a date or a height
        ("On May 5, 300 people marched; he is 5 - foot - 8, 135 pounds (5 - 11, 220); in 2008, 300 died.",
         "On May 5, 300 people marched; he is 5-foot-8, 135 pounds (5 - 11, 220); in 2008, 300 died."),
        # a mark apart after a sentence's end closes: the one before it, taken for a closing, opened
        ('He added : "We stand by them. This is the least we can do. "To those who mourn: they will pay. " The strike went on.',
         "He added : “We stand by them. This is the least we can do. “To those who mourn: they will pay.” The strike went on."),
    ],
)
def test_a_tokenised_corpus_text_reads_as_printed(tokenised: str, printed: str) -> None:
    assert clean_article(Article(id="t", file="t.txt", title="Quake", text=tokenised)).text == printed


@pytest.mark.parametrize(
    "line",
    [
        'He said "we will rebuild," and left. "Never," she said. A lone "mark stays as written.',
        "De boot vertrok op 's ochtends om zes uur; the unions' demands stand.",
        "They won 25 - 7 in 2008 - the year Hemsworth - and only he - scored.",
        "The toll rose to 12 - officials said - and a well-known 3-storey block fell.",
    ],
)
def test_text_an_outlet_printed_is_left_as_it_is(line: str) -> None:
    assert clean_article(Article(id="t", file="t.txt", title="Quake", text=line)).text == line
