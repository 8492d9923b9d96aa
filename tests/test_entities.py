"""Entity mentions and canonical names across the corpus."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SEEDS
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from digest.extract.entities import (
    canonicalise,
    find_mentions,
    join_name_particles,
    join_name_parts,
    name_key,
    name_words,
)
from digest.figures.grouping import group_figures
from digest.model import Article, Extraction, Figure, Measure, Mention, Quote
from digest.nlp.parse import Parser, load_pipeline
from digest.nlp.sentences import split_sentences
from digest.pipeline import build_digest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def extraction(
    article: str,
    *names: str | tuple[str, str] | tuple[str, str, str],
    quotes: tuple[Quote, ...] = (),
    language: str | None = None,
    outlet: str | None = None,
) -> Extraction:
    """An article naming `names`: a bare name is a PERSON, a pair is (name, label), a triple
    (name, label, short form in brackets after it)."""
    triples = [(n, "PERSON", "") if isinstance(n, str) else (*n, "")[:3] for n in names]
    mentions = tuple(Mention(article, i, text, label, text, short) for i, (text, label, short) in enumerate(triples))
    source = Article(article, f"{article}.txt", "Title", "", language=language, source=outlet)
    return Extraction(source, (), mentions, (), quotes)


def canonical(extractions: list[Extraction]) -> dict[tuple[str, str], str]:
    return {(m.article, m.text): m.canonical for e in canonicalise(extractions) for m in e.mentions}


def test_spellings_of_one_name_meet_under_the_most_frequent() -> None:
    names = canonical([
        extraction("a", "Volodymyr Zelensky", "Zelensky"),
        extraction("b", "Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        extraction("c", "Wolodymyr Selenskyj"),  # German spelling: too far to be safe
    ])
    assert names[("a", "Zelensky")] == names[("b", "Volodymyr Zelenskyy")] == "Volodymyr Zelensky"
    assert names[("c", "Wolodymyr Selenskyj")] == "Wolodymyr Selenskyj"


def test_transliterations_of_a_long_arabic_name_are_one_person() -> None:
    names = canonical([
        extraction("a", "Salman bin Hamad Al Khalifa"),
        extraction("b", "Salman bin Hamad al-Khalifa", "Al-Khalifa"),
        extraction("c", "Sheikh Salman bin Hammad Al-Khalifa"),
    ])
    assert len(set(names.values())) == 1
    assert names[("a", "Salman bin Hamad Al Khalifa")] == "Salman bin Hamad Al Khalifa"  # a tie: alphabetical


def test_given_names_as_close_in_letters_but_not_in_consonants_are_two_people() -> None:
    names = canonical([
        extraction("a", "Charlene Kafoury", "Charlie Kafoury"),  # a sister and her brother
        extraction("b", "Carolos Papoulias"),
        extraction("c", "Karolos Papoulias", "Karolos Papoulias"),  # a transliteration
    ])
    assert names[("a", "Charlene Kafoury")] != names[("a", "Charlie Kafoury")]
    assert names[("b", "Carolos Papoulias")] == names[("c", "Karolos Papoulias")] == "Karolos Papoulias"


def test_a_bare_given_name_is_the_one_person_of_a_family_its_article_names() -> None:
    names = canonical([
        extraction("a", "Charlie Kafoury", "Charlene Kafoury", "Joe Biden"),
        extraction("b", ("Kafoury", "ORG"), "Charlie"),  # "Kafoury's son, Charlie, said"
        extraction("c", "Charlie"),  # no family named: no guess
        extraction("d", "Joe"),
    ])
    assert names[("b", "Charlie")] == "Charlie Kafoury"
    assert names[("c", "Charlie")] == "Charlie"
    assert names[("d", "Joe")] == "Joe"


def test_people_sharing_a_surname_stay_apart_and_a_bare_surname_resolves_by_article() -> None:
    names = canonical([
        extraction("a", "Joe Biden", "Biden"),
        extraction("b", "Jill Biden", "Biden"),
        extraction("c", "Biden"),
    ])
    assert names[("a", "Biden")] == "Joe Biden"
    assert names[("b", "Biden")] == "Jill Biden"
    assert names[("c", "Biden")] == "Biden"  # ambiguous in the corpus: left as written


def test_a_shared_surname_is_the_person_the_article_called_by_it_before_naming_the_other() -> None:
    first, second = canonicalise([
        extraction("a", "Anthony LaCalamita III", "LaCalamita", "Michele LaCalamita", "LaCalamita"),
        extraction("b", "Michele LaCalamita", "LaCalamita", "Anthony LaCalamita III"),
    ])
    him, her = "Anthony LaCalamita III", "Michele LaCalamita"
    assert [m.canonical for m in first.mentions] == [him, him, her, him]  # not "LaCalamita", nor his wife
    assert [m.canonical for m in second.mentions] == [her, her, him]


def test_a_generation_after_the_surname_is_no_surname() -> None:
    names = canonical([
        extraction("a", "Anthony LaCalamita III", "LaCalamita"),
        extraction("b", "Anthony LaCalamita III", "Michele LaCalamita", "LaCalamita"),
    ])
    assert names[("a", "LaCalamita")] == "Anthony LaCalamita III"  # his surname, not "III"
    assert names[("b", "LaCalamita")] == "LaCalamita"  # two LaCalamitas: not his wife's by default
    assert name_words("martin luther king jr") == ["martin", "luther", "king"]
    names = canonical([extraction("a", "W. Mark Felt Sr.", "Mark Felt Jr."), extraction("b", "Mark Felt")])
    assert len({names[("a", "W. Mark Felt Sr.")], names[("a", "Mark Felt Jr.")], names[("b", "Mark Felt")]}) == 3
    names = canonical([extraction("a", "Anthony LaCalamita III"), extraction("b", "Anthony LaCalamita")])
    assert names[("b", "Anthony LaCalamita")] == names[("a", "Anthony LaCalamita III")]  # the generation one outlet left out


def test_a_surname_resolves_to_the_full_name_the_headline_gives() -> None:
    headed = extraction("c", "Nichols")
    headed = replace(headed, article=replace(headed.article, title="A Georgia judge handed Brian Nichols, 37, four life terms"))
    names = canonical([extraction("a", "Brian Nichols"), extraction("b", "Terry Nichols"), headed, extraction("d", "Nichols")])
    assert names[("c", "Nichols")] == "Brian Nichols"
    assert names[("d", "Nichols")] == "Nichols"  # two Nichols in the corpus, none in its headline


def test_a_trade_written_before_a_name_is_no_part_of_it(nlp: Language) -> None:
    doc = nlp("Comedian Ellen DeGeneres will host the Oscars, organizers said.")
    assert [e.text for e in join_name_particles(doc) if e.label_ == "PERSON"] == ["Ellen DeGeneres"]


def test_a_middle_name_one_outlet_leaves_out_does_not_make_another_person() -> None:
    names = canonical([extraction("a", "Mark Jay Heller"), extraction("b", "Mark Heller"), extraction("c", "Jay Heller")])
    assert names[("a", "Mark Jay Heller")] == names[("b", "Mark Heller")]
    assert names[("c", "Jay Heller")] == "Jay Heller"  # the middle name is no one's first


def test_a_middle_initial_does_not_make_another_person() -> None:
    names = canonical([extraction("a", "James G. Bodiford"), extraction("b", "James Bodiford"), extraction("c", "James Bodiford")])
    assert names[("a", "James G. Bodiford")] == names[("b", "James Bodiford")] == "James Bodiford"
    names = canonical([extraction("a", "J. K. Rowling"), extraction("b", "Joanne Rowling")])
    assert names[("a", "J. K. Rowling")] != names[("b", "Joanne Rowling")]  # initials alone are no given name


def test_a_bare_surname_no_one_bears_is_the_one_person_it_misspells() -> None:
    names = canonical([extraction("a", "Hugh Hefner"), extraction("b", "Heffner"), extraction("c", "Hanson")])
    assert names[("b", "Heffner")] == "Hugh Hefner"
    names = canonical([extraction("a", "Pia Hansen"), extraction("c", "Hanson")])
    assert names[("c", "Hanson")] == "Hanson"  # Hansen and Hanson are two names, not one misspelt


def test_places_merge_only_on_the_same_name() -> None:
    names = canonical([
        extraction("a", ("Donetsk", "GPE"), ("United States", "GPE")),
        extraction("b", ("Donetsk Oblast", "GPE"), ("the United States", "GPE")),
    ])
    assert names[("a", "Donetsk")] != names[("b", "Donetsk Oblast")]
    assert names[("b", "the United States")] == names[("a", "United States")]


def test_a_word_gets_its_majority_label_corpus_wide() -> None:
    result = canonicalise([
        extraction("a", "Kallas", ("Kallas", "GPE"), "Kaja Kallas"),
        extraction("b", "Kallas"),
    ])
    assert {(m.text, m.label, m.canonical) for e in result for m in e.mentions} == {
        ("Kallas", "PERSON", "Kaja Kallas"), ("Kaja Kallas", "PERSON", "Kaja Kallas"),
    }


def test_quote_speakers_take_the_canonical_name() -> None:
    quote = Quote("b", 0, "We are ready to talk", "Zelensky", "he")
    result = canonicalise([extraction("a", "Volodymyr Zelensky"), extraction("b", "Zelensky", quotes=(quote,))])
    assert result[1].quotes[0].speaker == "Volodymyr Zelensky"
    assert result[1].quotes[0].speaker_text == "he"


def test_a_speaker_mislabelled_as_a_nationality_is_the_person_of_that_surname() -> None:
    # The tagger reads the bare surname as NORP twice: its majority label is not PERSON.
    quote = Quote("a", 2, "We accept the will of the voters", "Kranjc", "he")
    names = ("Tomaž Kranjc", ("Kranjc", "NORP"), ("Kranjc", "NORP"))
    [result] = canonicalise([extraction("a", *names, quotes=(quote,))])
    assert result.quotes[0].speaker == "Tomaž Kranjc"


def test_canonical_names_do_not_depend_on_article_order() -> None:
    corpus = [extraction(c, "Anthony Blinken", "Antony Blinken", "Blinken") for c in "abc"]
    corpus.append(extraction("d", "Antony Blinken", "Rishi Sunak", "Sunak"))
    shuffled = list(corpus)
    random.Random(3).shuffle(shuffled)
    assert canonical(shuffled) == canonical(corpus)


def test_name_key_ignores_case_accents_articles_possessives_and_honorifics() -> None:
    assert name_key("Sheikh Mohamed al-Thani's") == name_key("mohamed Al Thani")
    assert name_key("the Élysée") == name_key("Elysee")
    assert name_key("U.S.") == name_key("US")


def test_find_mentions_strips_articles_and_possessives(nlp: Language) -> None:
    text = "The European Union's leaders met Olaf Scholz in the Netherlands on Friday."
    article = Article("a", "a.txt", "Title", text)
    doc = nlp(text)
    texts = {m.text for m in find_mentions(article, doc, split_sentences(article, doc))}
    assert {"European Union", "Olaf Scholz", "Netherlands"} <= texts
    assert not any(t.startswith("the ") or t.endswith("'s") for t in texts)


def test_person_names_split_at_a_particle_are_joined() -> None:
    doc = Doc(Vocab(), words=["said", "Tommaso", "della", "Longa", "and", "Ana", "de", "Paris"])
    doc.ents = [Span(doc, 1, 2, "PERSON"), Span(doc, 3, 4, "PERSON"), Span(doc, 5, 6, "PERSON"), Span(doc, 7, 8, "GPE")]
    assert [e.text for e in join_name_particles(doc)] == ["Tommaso della Longa", "Ana", "Paris"]


@pytest.mark.parametrize(("text", "name"), [
    ('President Ursula von der Leyen called it "a dark day for Europe".', "Ursula von der Leyen"),  # "Leyen" tagged a place
    ('"This is a dark day," von der Leyen said in a statement on Monday.', "von der Leyen"),
    ("Van der Merwe said the talks had failed.", "Van der Merwe"),
])  # fmt: skip
def test_a_surname_is_read_with_its_particle(nlp: Language, text: str, name: str) -> None:
    assert [e.text for e in join_name_particles(nlp(text)) if e.label_ == "PERSON"] == [name]


def test_a_van_before_a_day_or_a_place_is_no_particle() -> None:
    doc = Doc(Vocab(), words=["They", "drove", "a", "van", "Monday", "to", "Rio", "de", "Janeiro"])
    doc.ents = [Span(doc, 4, 5, "DATE"), Span(doc, 8, 9, "GPE")]
    assert [(e.text, e.label_) for e in join_name_particles(doc)] == [("Monday", "DATE"), ("Janeiro", "GPE")]
    doc = Doc(Vocab(), words=["They", "loaded", "the", "van", "Berlin", "sent"])
    doc.ents = [Span(doc, 4, 5, "GPE")]
    assert [(e.text, e.label_) for e in join_name_particles(doc)] == [("Berlin", "GPE")]


def test_a_first_name_tagged_a_place_joins_the_lone_surname_after_it(nlp: Language) -> None:
    doc = nlp('10:30 — Giulia Bassi, 27, who was in the crowd: "People were falling."')
    assert [e.text for e in join_name_particles(doc) if e.label_ == "PERSON"] == ["Giulia Bassi"]
    doc = Doc(Vocab(), words=["Giulia", "Bassi", "left"], pos=["PROPN", "PROPN", "VERB"], heads=[1, 2, 2],
              deps=["nsubj", "nsubj", "ROOT"])
    doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 1, 2, "PERSON")]
    assert [e.text for e in join_name_particles(doc)] == ["Giulia", "Bassi"]  # not compounded: two names


def test_seed_names_are_canonical(nlp: Language) -> None:
    digest = build_digest(SEEDS, Parser(nlp, ROOT / ".cache" / "digest"))
    names = {m.text: m.canonical for e in digest.extractions for m in e.mentions}
    assert names["Anthony Blinken"] == names["Antony Blinken"] == names["Blinken"] == "Antony Blinken"
    thani = {names[n] for n in names if n.casefold().endswith("thani")}
    assert len(thani) == 1
    assert names["Gaza"] != names["Gaza Strip"]


def test_an_acronym_in_capitals_joins_the_one_name_it_spells() -> None:
    names = canonical([
        extraction("a", ("United States", "GPE"), ("U.S.", "GPE"), ("United Nations", "ORG")),
        extraction("b", ("US", "GPE"), ("UN", "ORG"), ("Hope For Us", "ORG")),
        extraction("c", ("Us", "ORG"), ("us", "ORG"), ("US", "ORG"), ("Hfu", "ORG")),
    ])
    assert names[("a", "U.S.")] == names[("b", "US")] == "United States"
    assert names[("b", "UN")] == "United Nations"
    assert names[("c", "Hfu")] == "Hfu"  # not written as an acronym


def test_a_figures_place_takes_the_canonical_name_and_nine_outlets_give_one_row() -> None:
    def counted(article: str, place: str) -> Extraction:
        figure = Figure(article, 0, 1160.0, "1,160", None, "people", Measure("killed"), "people killed", place=place)
        return replace(extraction(article, (place, "GPE"), ("United States", "GPE")), figures=(figure,))

    renamed = canonicalise([counted("a", "US"), counted("b", "United States"), counted("c", "U.S.")])
    assert [f.place for e in renamed for f in e.figures] == ["United States"] * 3
    assert len(group_figures([f for e in renamed for f in e.figures])) == 1


def test_a_datelines_capitals_never_name_a_place_another_article_writes_otherwise() -> None:
    names = canonical([
        extraction("a", ("FRANKFURT", "GPE"), ("NATO", "ORG")),
        extraction("b", ("FRANKFURT", "GPE"), ("Nato", "ORG")),
        extraction("c", ("Frankfurt", "GPE"), ("NATO", "ORG"), ("BELGRADE", "GPE")),
    ])
    assert names[("a", "FRANKFURT")] == "Frankfurt"  # though written so twice
    assert names[("b", "Nato")] == "NATO"  # an acronym: the most frequent spelling
    assert names[("c", "BELGRADE")] == "BELGRADE"  # no other spelling to show


def test_an_acronym_two_names_could_spell_stays_as_written() -> None:
    names = canonical([
        extraction("a", ("National Police", "ORG"), ("NP", "ORG")),
        extraction("b", ("New Party", "ORG")),
    ])
    assert names[("a", "NP")] == "NP"


def test_a_person_is_never_an_acronym() -> None:
    names = canonical([extraction("a", "Jon Kelly", ("JK", "ORG"))])
    assert names[("a", "JK")] == "JK"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Secretary of State Maria Lind met the Interior Minister on Monday.", set()),
        ("The UN Secretary-General said the Red Cross would help.", {"UN"}),
    ],
)
def test_a_department_inside_a_job_title_is_no_organisation(nlp: Language, text: str, kept: set[str]) -> None:
    doc = nlp(text)
    orgs = {m.text for m in find_mentions(Article("a", "a.txt", "T", text), doc, split_sentences(Article("a", "a.txt", "T", text), doc)) if m.label == "ORG"}
    assert "State" not in orgs and kept <= orgs


def tagged_doc(words: str, tags: str, ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(English().vocab, words=words.split(), tags=tags.split())  # lexical attributes: is_title
    doc.ents = [Span(doc, start, end, label) for start, end, label in ents]
    return doc


@pytest.mark.parametrize("words, name", [
    ("Ranger Ionut Petrescu said", "Ionut Petrescu"),
    ("Mayor Tomasz Wierzbicki said", "Tomasz Wierzbicki"),
    ("Defender Martin Hauser said", "Martin Hauser"),  # a defence lawyer, as a translation writes it
    ("King Charles said", "King Charles"),  # a title before a single name stays
    ("Son Heung Min said", "Son Heung Min"),  # a noun that is also a name ("son") is no title
])  # fmt: skip
def test_a_title_the_tagger_took_into_a_persons_name_is_left_out(words: str, name: str) -> None:
    doc = tagged_doc(words, " ".join(["NNP"] * (len(words.split()) - 1) + ["VBD"]), [(0, len(words.split()) - 1, "PERSON")])
    assert [e.text for e in join_name_particles(doc)] == [name]


def test_an_organisation_split_at_and_before_a_shared_plural_head_is_read_whole() -> None:
    doc = tagged_doc(
        "the Federation of Red Cross and Red Crescent Societies said",
        "DT NNP IN NNP NNP CC NNP NNP NNPS VBD",
        [(1, 5, "ORG"), (6, 9, "ORG")],
    )
    assert [e.text for e in join_name_parts(doc)] == ["Federation of Red Cross and Red Crescent Societies"]


@pytest.mark.parametrize("words, tags, ents", [
    # Two organisations named together stay two: no plural head, or no "of" name before the "and".
    ("Hamas and Islamic Jihad fired", "NNP CC NNP NNP VBD", [(0, 1, "ORG"), (2, 4, "ORG")]),
    ("Bank of England and Federal Reserve", "NNP IN NNP CC NNP NNP", [(0, 3, "ORG"), (4, 6, "ORG")]),
    ("Britain and United States", "NNP CC NNP NNPS", [(0, 1, "GPE"), (2, 4, "GPE")]),
    ("Bank of England and the Reserve Banks", "NNP IN NNP CC DT NNP NNPS", [(0, 3, "ORG"), (5, 7, "ORG")]),
])
def test_organisations_named_side_by_side_stay_apart(words: str, tags: str, ents: list[tuple[int, int, str]]) -> None:
    doc = tagged_doc(words, tags, ents)
    assert len(join_name_parts(doc)) == 2


def test_an_organisation_continues_across_of_and_for() -> None:
    doc = tagged_doc(
        "the Agency for Palestine Refugees and the Ministry of Health of Qatar",
        "DT NNP IN NNP NNPS CC DT NNP IN NNP IN NNP",
        [(1, 2, "ORG"), (3, 5, "ORG"), (7, 11, "ORG"), (11, 12, "GPE")],
    )
    assert [e.text for e in join_name_parts(doc)] == ["Agency for Palestine Refugees", "Ministry of Health of Qatar"]


def test_an_entity_that_swallowed_a_bracket_is_cut_into_name_and_short_form(nlp: Language) -> None:
    text = "Experts at the World Health Organization (WHO) and the Islamic Resistance Movement (Hamas) spoke."
    article = Article("a", "a.txt", "Title", text)
    doc = nlp(text)
    found = {(m.text, m.short) for m in find_mentions(article, doc, split_sentences(article, doc))}
    assert {("World Health Organization", "WHO"), ("Islamic Resistance Movement", "Hamas")} <= found
    assert not any("(" in name for name, _ in found)


def test_a_long_name_its_short_form_and_an_accented_spelling_are_one_organisation() -> None:
    names = canonical([
        extraction("a", ("Islamic Resistance Movement", "ORG", "Hamas"), ("Hamas", "ORG")),
        extraction("b", ("Hamas", "ORG"), ("Islamic Jihad", "ORG")),
        extraction("c", ("Hamás", "ORG"), language="es", outlet="El Diario"),
    ])
    assert names[("a", "Islamic Resistance Movement")] == names[("c", "Hamás")] == "Hamas"
    assert names[("b", "Islamic Jihad")] == "Islamic Jihad"


def test_a_short_form_after_two_names_or_a_place_in_brackets_joins_nothing() -> None:
    names = canonical([
        extraction("a", ("Democratic Front", "ORG", "DF"), ("Ministry of Health", "ORG", "Gaza")),
        extraction("b", ("Danish Force", "ORG", "DF"), ("Gaza", "GPE"), ("DF", "ORG")),
    ])
    assert names[("a", "Democratic Front")] == "Democratic Front"
    assert names[("b", "Danish Force")] == "Danish Force"
    assert names[("a", "Ministry of Health")] == "Ministry of Health"


def test_names_read_off_another_language_show_only_when_the_corpus_confirms_them() -> None:
    result = canonicalise([
        extraction("a", ("Hamas", "ORG"), outlet="Wire"),
        extraction("b", ("Hamás", "PERSON"), ("Según la Cruz Roja", "PERSON"), ("Cruz Roja", "ORG"), language="es", outlet="El País"),
        extraction("c", ("Cruz Roja", "ORG"), ("que el", "PERSON"), ("la", "ORG"), language="es", outlet="El Mundo"),
        extraction("d", ("la", "ORG"), language="es", outlet="ABC"),  # two outlets, but no name
    ])
    shown = {(m.article, m.canonical, m.label) for e in result for m in e.mentions}
    assert shown == {
        ("a", "Hamas", "ORG"), ("b", "Hamas", "ORG"),  # named in an English report; its English label
        ("b", "Cruz Roja", "ORG"), ("c", "Cruz Roja", "ORG"),  # two outlets write it alike
    }
