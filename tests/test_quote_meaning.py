"""Quotes that are one remark in other words: fragments, paraphrases and translations
(digest.align.quotes with encoder vectors)."""

from __future__ import annotations

import numpy as np

from digest.align.quotes import group_quotes
from digest.model import Quote
from digest.nlp.encoder import encode_texts


def q(article: str, text: str, speaker: str | None) -> Quote:
    return Quote(article, 0, text, speaker, speaker)


def vector(*weights: float) -> bytes:
    row = np.zeros(512, np.float32)
    row[: len(weights)] = weights
    return (row / np.linalg.norm(row)).astype(np.float32).tobytes()


def encoded(quotes: list[Quote]) -> dict[Quote, bytes]:
    return dict(zip(quotes, encode_texts([x.text for x in quotes])))


def sizes(groups) -> list[int]:
    return sorted(len(g.variants) for g in groups)


def test_a_fragment_of_a_longer_quote_is_that_remark():
    whole = q("a", "What happened tonight is a betrayal of every voter in this country", "Ann Lee")
    part = q("b", "a betrayal of every voter", "Ann Lee")
    assert sizes(group_quotes([whole, part])) == [2]


def test_a_short_fragment_with_no_known_speaker_is_not_enough():
    whole = q("a", "What happened tonight is a betrayal of every voter in this country", "Ann Lee")
    part = q("b", "a betrayal", None)
    assert sizes(group_quotes([whole, part])) == [1, 1]


def test_a_fragment_of_stop_words_alone_joins_one_known_speakers_remark():
    whole = q("a", "We see oil on the rocks and on the birds, this is serious", "Kari Nesheim")
    part = q("b", "This is serious", "Kari Nesheim")
    assert sizes(group_quotes([whole, part])) == [2]
    assert sizes(group_quotes([whole, q("b", "This is serious", None)])) == [1, 1]


def test_a_fragment_joins_a_group_whose_other_members_share_nothing_with_it():
    whole = q("a", "We will not rest until every one of them is out.", "Paula Herrera")
    translated = q("b", "We will not rest until the last one is out", None)
    part = q("c", "until every one of them is out", "Paula Herrera")
    vectors = {whole: vector(1.0, 0.3), translated: vector(1.0, 0.0), part: vector(0.0, 1.0)}
    assert sizes(group_quotes([whole, translated, part], vectors)) == [3]


def test_a_paraphrase_by_the_same_speaker_joins_by_meaning_only():
    first = q("a", "Nobody should return to the villages until we say it is safe", "Nikos Papadakis")
    second = q("b", "No one is to go back before the all-clear", "Nikos Papadakis")
    near = {first: vector(1.0, 0.2), second: vector(1.0, 0.9)}
    far = {first: vector(1.0, 0.0), second: vector(0.0, 1.0)}
    assert sizes(group_quotes([first, second], near)) == [2]
    assert sizes(group_quotes([first, second], far)) == [1, 1]


def test_two_speakers_never_share_a_remark_however_alike():
    first, second = q("a", "We accept the result", "Ann Lee"), q("b", "We accept the outcome", "Bob Ray")
    assert sizes(group_quotes([first, second], {first: vector(1.0), second: vector(1.0)})) == [1, 1]


def test_a_translation_of_a_remark_joins_it_with_both_wordings():
    english = q("a", "We will not negotiate with criminals who hold our hospital hostage", "Lieve Claes")
    spanish = q("b", "No vamos a negociar con criminales que mantienen nuestro hospital como rehén", None)
    other = q("c", "La seguridad de los pacientes no está en peligro", None)
    groups = group_quotes([english, spanish, other], encoded([english, spanish, other]))
    joined = [g for g in groups if len(g.variants) == 2]
    assert len(joined) == 1 and {v.article for v in joined[0].variants} == {"a", "b"}
    assert joined[0].speaker == "Lieve Claes"


def test_a_translation_with_few_cognates_still_joins_but_another_remark_does_not():
    english = q("a", "This is a budget of responsibility, not of austerity", "Tomas Benes")
    german = q("b", "Dies ist ein Haushalt der Verantwortung, nicht der Sparsamkeit", None)
    other = q("c", "Die Opposition wird gegen diesen Haushalt stimmen", None)
    groups = group_quotes([english, german, other], encoded([english, german, other]))
    assert sorted(sorted(v.article for v in g.variants) for g in groups) == [["a", "b"], ["c"]]


def test_only_quotes_another_article_could_match_by_meaning_are_encoded():
    from digest.align.lineup import comparable_quotes

    ann_a, ann_b = q("a", "We accept the result", "Ann Lee"), q("b", "We take the outcome", "Ann Lee")
    bob = q("a", "The count was fair", "Bob Ray")
    assert comparable_quotes([ann_a, ann_b, bob]) == [ann_a, ann_b]
    unknown = q("c", "Aceptamos el resultado", None)
    assert comparable_quotes([ann_a, ann_b, bob, unknown]) == [ann_a, ann_b, bob, unknown]


def test_an_article_names_whom_its_text_or_its_entities_name():
    from digest.align.lineup import article_names
    from digest.model import Article, Extraction, Mention

    article = Article("a", "a.txt", "Title", "Its chief safety officer, Dr Ravi Menon, spoke.")
    mention = Mention("a", 0, "Dr Ravi Menon", "PERSON", "Ravi Menon")
    names = article_names([Extraction(article, (), (mention,))])["a"]
    assert {"menon", "ravi menon"} <= names and "herrera" not in names
