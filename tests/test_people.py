"""People: whom a speaker's name, pronoun or description stands for, in a real parse."""

from __future__ import annotations

import pytest
from spacy.language import Language

from digest.extract.people import describe, names_a_person, speaker_role
from digest.nlp.parse import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_a_role_keeps_its_words_and_an_unnamed_source_keeps_none(nlp: Language) -> None:
    doc = nlp("Mayor Tom Reed spoke on Monday.")
    assert speaker_role(doc, None, "the city's mayor") == ("city", "mayor")
    assert speaker_role(doc, None, "a spokesman") == ()
    assert speaker_role(doc, "Tom Reed", "Reed") == ("mayor",)


@pytest.mark.parametrize("text, word, person", [
    ("Karl Weiss was blunt.", "Weiss", True),
    ("She was blunt.", "She", True),
    ("The minister, Karl Weiss, was blunt.", "minister", True),  # a name beside the noun
    ("The minister was blunt.", "minister", False),
    ("The report was blunt.", "report", False),
])  # fmt: skip
def test_a_person_is_a_name_a_pronoun_or_a_noun_a_name_stands_beside(nlp: Language, text: str, word: str, person: bool) -> None:
    doc = nlp(text)
    assert names_a_person(next(t for t in doc if t.text == word)) is person


def test_he_is_the_person_who_spoke_just_before(nlp: Language) -> None:
    doc = nlp("Anna Berg met Karl Weiss. Weiss said the deal was off. He left at noon.")
    pronoun = next(t for t in doc if t.text == "He")
    assert describe(doc, pronoun, set()) == ("He", "Weiss")


def test_she_is_not_the_man_an_honorific_names_nor_a_title_in_quotation_marks(nlp: Language) -> None:
    doc = nlp(
        "Ms. DeGeneres has less to do with films than Mr. MacFarlane does (his movie “Ted” preceded his appearance). "
        "In typical fashion, she released a jokey response."
    )
    pronoun = next(t for t in doc if t.text == "she")
    assert describe(doc, pronoun, set()) == ("she", "DeGeneres")  # not Ted, a film, nor Mr. MacFarlane
    couple = nlp("Mr. and Mrs. Smith arrived late. Mrs. Smith said the road was closed. She left at noon.")
    assert describe(couple, next(t for t in couple if t.text == "She"), set()) == ("She", "Smith")
