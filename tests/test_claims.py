"""Claims: what several outlets state alike, and what only one states."""

from __future__ import annotations

import pytest

from digest.align.claims import align_claims, find_statements, group_claims, is_statement
from digest.extract.articles import extract_article
from digest.extract.entities import canonicalise
from digest.model import Article, Claim, Digest, Extraction, Sentence
from digest.nlp.parse import Parser, parse_texts


def extract(parser: Parser, texts: dict[str, str]) -> tuple[Extraction, ...]:
    articles = [Article(id=i, file=f"{i}.txt", title=i, text=t, language="en") for i, t in texts.items()]
    docs = parse_texts(parser, [a.text for a in articles])
    return canonicalise([extract_article(a, d) for a, d in zip(articles, docs)])


def shared(claims: tuple[Claim, ...]) -> list[Claim]:
    return [c for c in claims if len(c.articles) > 1]


def test_seeds_three_outlets_report_the_mossad_received_the_response(seeds_digest: Digest) -> None:
    topic = max(seeds_digest.topics, key=lambda t: len(t.articles))
    mossad = [c for c in shared(topic.claims) if all("Mossad" in r.text for r in c.refs)]
    assert mossad and len(mossad[0].articles) >= 3
    assert mossad[0].text in {r.text for r in mossad[0].refs}


def test_seed_claims_hold_one_sentence_per_article_and_shared_come_first(seeds_digest: Digest) -> None:
    for topic in seeds_digest.topics:
        sizes = [len(c.articles) for c in topic.claims]
        assert sizes == sorted(sizes, reverse=True)
        for claim in topic.claims:
            assert len(claim.refs) == len(claim.articles)
        singles = [(c.refs[0].article, c.refs[0].sentence) for c in topic.claims if len(c.refs) == 1]
        assert singles == sorted(singles)


ELECTION = {
    "e1": "Opposition candidate Marta Ruiz won Paraguay's presidential election on Sunday with 52 percent of the "
    "vote, the electoral tribunal said. Turnout was 61 percent. The capital Asuncion saw long queues at "
    "polling stations.",
    "e2": "Marta Ruiz won the presidential election in Paraguay on Sunday, taking 52 percent of the vote, "
    "according to the electoral tribunal. Heavy rain flooded several roads in the north of the country.",
    "e3": "The electoral tribunal said Marta Ruiz had won Sunday's presidential election in Paraguay with 52 "
    "percent. Ruiz, a former judge, has vowed to root out corruption.",
}


def test_the_same_fact_in_three_wordings_is_one_shared_claim(parser: Parser) -> None:
    claims = group_claims(extract(parser, ELECTION))
    first = claims[0]
    assert first.articles == ("e1", "e2", "e3")
    assert all("Ruiz" in r.text for r in first.refs)
    rain = [c for c in claims if "rain" in c.text]
    assert len(rain) == 1 and rain[0].articles == ("e2",)


def test_unrelated_statements_about_one_person_stay_apart(parser: Parser) -> None:
    texts = {
        "a": "Marta Ruiz visited a hospital in Asuncion on Monday and met nurses in the children's ward.",
        "b": "Marta Ruiz appointed a former central bank governor as finance minister on Tuesday.",
    }
    claims = group_claims(extract(parser, texts))
    assert len(claims) == 2 and not shared(claims)


def sentence(text: str, pos: tuple[str, ...]) -> Sentence:
    return Sentence("x", 0, text, 0, len(text), lemmas=tuple(text.lower().split()[: len(pos)]), pos=pos)


def test_headings_questions_and_quotes_are_not_claims() -> None:
    assert is_statement(sentence("The tribunal counted the ballots on Monday.", ("DET", "NOUN", "VERB")))
    assert not is_statement(sentence("Diplomatic pressure", ("ADJ", "NOUN")))
    assert not is_statement(sentence("Ruiz wins in Paraguay", ("PROPN", "VERB", "ADP", "PROPN")))  # a headline
    assert not is_statement(sentence("Who will lead the new cabinet now?", ("PRON", "AUX", "VERB")))
    quote = '"We will fight corruption from the first day until the last one," she said.'
    assert not is_statement(sentence(quote, ("PRON", "AUX", "VERB")))


@pytest.mark.parametrize(
    "text",
    [
        "We believe this opens the way to an agreement and we are working on it.”",  # a quote's last sentence
        'until the harbour is safe again, which is our aim," the port authority said on Monday.',
        "The focus of my visit here is on the steps that need to be taken next.",  # unquoted speech
    ],
)
def test_the_rest_of_a_quote_and_unquoted_speech_are_not_claims(text: str) -> None:
    assert not is_statement(sentence(text, ("PRON", "VERB", "DET", "NOUN")))


@pytest.mark.parametrize(
    "text",
    [
        'The council approved the "green corridor" plan on Monday after a long debate.',
        "The US and the UN sent aid to the region after the floods, officials said.",
    ],
)
def test_statements_with_quoted_words_or_capital_us_are_claims(text: str) -> None:
    assert is_statement(sentence(text, ("DET", "NOUN", "VERB", "DET", "NOUN")))


def test_a_persons_title_is_part_of_the_name_not_a_shared_fact(parser: Parser) -> None:
    # Same minister, different acts: the title words ("the health minister", "Health Minister")
    # count as the name, so the two sentences share only who they are about.
    texts = {
        "a": "Ana Duarte, the health minister, visited a field hospital in Porto on Monday morning.",
        "b": "Health Minister Ana Duarte said in Lisbon that the vaccine order would be doubled.",
    }
    assert not shared(group_claims(extract(parser, texts)))


def test_sentences_reporting_one_counted_quantity_share_a_claim(parser: Parser) -> None:
    # Worded apart ("2 deaths" / "Two people died"), but the figures align them as one toll.
    texts = {
        "a": "The civil protection agency confirmed 2 deaths, in Braga and in Guimarães.",
        "b": "Two people died in Monday's floods and more than 3,000 were evacuated, according to the "
        "regional authorities.",
    }
    assert [c.articles for c in shared(group_claims(extract(parser, texts)))] == [("a", "b")]


def test_sentences_reporting_only_different_quantities_never_share_a_claim(parser: Parser) -> None:
    # "a" reports both counts; "b" and "c" one each: "a" may pair with one of them, but the
    # complaints and the evictions are different facts, so no claim holds "b" and "c".
    texts = {
        "a": "Tenants filed 4,000 complaints about rents in Porto last year, and 900 families were evicted "
        "from their homes, the housing office said.",
        "b": "Tenants filed about 4,000 complaints about rents in Porto last year, according to the housing office.",
        "c": "Some 900 families were evicted from their homes in Porto last year, according to the housing office.",
    }
    claims = shared(group_claims(extract(parser, texts)))
    assert claims and not any({"b", "c"} <= set(c.articles) for c in claims)


def test_a_sentence_reporting_two_shared_quantities_is_in_the_claim_of_each(parser: Parser) -> None:
    # Linkage puts "a" with one of the others; its second fact is a claim too, shared with the third.
    texts = {
        "a": "More than 1,200 people have died in the earthquake and more than 4,000 have been hurt, "
        "according to the latest official figures.",
        "b": "The earthquake has killed at least 1,180 people, the disaster agency said on Tuesday.",
        "c": "Another 4,512 people have been injured in the earthquake, the disaster agency said.",
    }
    claims = shared(group_claims(extract(parser, texts)))
    assert sorted(c.articles for c in claims) == [("a", "b"), ("a", "c")]


def test_a_paraphrase_of_the_reason_is_one_shared_claim(parser: Parser) -> None:
    texts = {
        "a": "Governor Dale Whitaker said he was ordering the inspections in response to the flow of illegal "
        "drugs and human trafficking across the border.",
        "b": "Governor Dale Whitaker says stepped-up inspections are needed to curb human trafficking and the "
        "flow of drugs, even as traffic slows.",
    }
    assert [c.articles for c in shared(group_claims(extract(parser, texts)))] == [("a", "b")]


def test_will_join_and_will_not_join_are_a_disagreement_not_a_shared_claim(parser: Parser) -> None:
    texts = {
        "a": "Norway will join the European Union's joint gas purchasing platform, Energy Minister Ingrid "
        "Solberg said on Thursday.",
        "b": "Norway will not join the European Union's joint gas purchasing platform, Energy Minister Ingrid "
        "Solberg said on Thursday.",
    }
    claims, disagreements = align_claims(extract(parser, texts))
    assert not shared(claims)
    assert [(d.kind, d.sides[0].articles, d.sides[1].articles) for d in disagreements] == [("negation", ("a",), ("b",))]


def test_two_states_laws_disagree_and_two_crashes_in_two_places_are_apart(parser: Parser) -> None:
    laws = {"a": "The measure was modelled on a Virginia law passed in 2022 by the state assembly.",
            "b": "The measure was modelled on a Massachusetts law passed in 2022 by the state assembly."}
    claims, disagreements = align_claims(extract(parser, laws))
    assert not shared(claims) and [d.kind for d in disagreements] == ["place"]
    crashes = {"a": "A bus crash in the Cusco region of Peru killed 15 people in March, police said.",
               "b": "A bus crash in the Puno region of Peru killed 19 people last year, police said."}
    claims, disagreements = align_claims(extract(parser, crashes))
    assert not shared(claims) and not disagreements


def test_a_paraphrase_in_few_shared_words_is_one_claim_by_meaning(parser: Parser) -> None:
    texts = {
        "a": "At least nine passengers died when the bus left the road near Huanta on Tuesday night.",
        "b": "Nine people were killed on Tuesday when a coach plunged into a ravine outside Huanta.",
        "c": "The central bank of Peru kept its main interest rate unchanged on Tuesday.",
    }
    claims = shared(group_claims(extract(parser, texts)))
    assert [c.articles for c in claims] == [("a", "b")]


def test_both_sayings_of_permanent_face_the_bounded_one(parser: Parser) -> None:
    texts = {
        "a": "The governor signed the to-go cocktail bill into law on Tuesday. The law makes to-go cocktails permanent.",
        "b": "Governor Ruth Calloway put her signature on the to-go cocktail bill on Tuesday. "
        "The change is permanent, lawmakers said.",
        "c": "Governor Ruth Calloway signed the to-go cocktail bill on Tuesday. "
        "The law allows to-go drinks for the next three years.",
    }
    _, disagreements = align_claims(extract(parser, texts))
    assert [d.kind for d in disagreements] == ["duration"]
    sides = [{r.text for r in side.refs} for side in disagreements[0].sides]
    permanent = next(side for side in sides if any("permanent" in t for t in side))
    bounded = next(side for side in sides if side is not permanent)
    assert permanent == {"The law makes to-go cocktails permanent.", "The change is permanent, lawmakers said."}
    assert bounded == {"The law allows to-go drinks for the next three years."}



def test_a_sentence_opening_with_he_is_about_the_person_last_named(parser: Parser) -> None:
    text = ("Interior Minister Kemal Arslan met business leaders in Munich on Tuesday. "
            "He said Turkey wanted easier visa rules for its citizens in return. "
            "The talks were held behind closed doors at a hotel near the station.")
    (extraction,) = extract(parser, {"a": text})
    terms = {s.sentence.index: s.terms for s in find_statements(extraction)}
    assert "entity:kemal arslan" in terms[0] and "entity:kemal arslan" in terms[1]
    assert "entity:kemal arslan" not in terms[2]


def test_a_statements_weight_is_the_same_whatever_order_its_terms_come_in() -> None:
    from digest.align.claims import Scorer, Statement

    weights = {"a": 1e16, "b": 1.0, "c": -1e16, "d": 3.0}
    one = Statement(Sentence("x", 0, "text", 0, 4), frozenset(weights))
    assert Scorer.of([one], weights, frozenset()).masses == [4.0]  # the exact sum, in any order


def test_a_count_written_as_a_word_is_the_same_term_as_its_digits(parser: Parser) -> None:
    texts = {"a": "Three hikers died in an avalanche near the pass on Sunday, rescuers said.",
             "b": "An avalanche near the pass killed 3 hikers on Sunday, the police said."}
    terms = [s.terms for e in extract(parser, texts) for s in find_statements(e)]
    assert len(terms) == 2 and all("3" in t for t in terms)
    assert "three" not in terms[0]


def test_a_count_of_two_words_is_one_number() -> None:
    from digest.align.claims import spelled_numbers

    words = ("twenty", "five", "inmate", "and", "fifteen", "guard", "of", "forty")
    pos = ("NUM", "NUM", "NOUN", "CCONJ", "NUM", "NOUN", "ADP", "NUM")
    assert spelled_numbers(Sentence("x", 0, "text", 0, 4, lemmas=words, pos=pos)) == {"25", "15", "40"}


def test_a_word_of_a_name_said_again_outside_it_is_a_word_of_the_sentence(parser: Parser) -> None:
    text = "The Ohio Farm Bureau said the rain had helped many small farms save their harvest."
    (extraction,) = extract(parser, {"a": text})
    (statement,) = find_statements(extraction)
    assert "entity:ohio farm bureau" in statement.terms and "farm" in statement.terms
    assert "ohio" not in statement.terms and "bureau" not in statement.terms  # the name counts once


def test_two_sentences_share_phrases_of_three_words_in_order(parser: Parser) -> None:
    from digest.align.claims import Scorer, term_weights

    texts = {"a": "The ministers agreed on Friday to offer cheaper train tickets to students.",
             "b": "Students will get cheaper train tickets from next month, the transport office said.",
             "c": "Train tickets will be checked more often at stations, the police said."}
    statements = [s for e in extract(parser, texts) for s in find_statements(e)]
    assert [s.article for s in statements] == ["a", "b", "c"]
    scorer = Scorer.of(statements, term_weights(statements), frozenset())
    assert scorer.phrased(0, 1)  # "cheaper train tickets"
    assert not scorer.phrased(0, 2) and not scorer.phrased(1, 2)  # "train tickets": two words


TWO_FACTS = ("Mayor Anne Roux left Lyon on Friday calling for cheaper train tickets for students, "
             "after the region agreed to extend the tram line to the airport.")
TRAM_LINE = "The region agreed on Friday to extend the tram line to the airport."


def test_a_sentence_stating_two_facts_is_in_the_claim_of_each(parser: Parser) -> None:
    texts = {"a": TWO_FACTS, "b": f"{TRAM_LINE} Mayor Anne Roux said students should get cheaper train tickets."}
    claims = shared(group_claims(extract(parser, texts)))
    assert sorted([(r.article, r.sentence) for r in c.refs] for c in claims) == [[("a", 0), ("b", 0)], [("a", 0), ("b", 1)]]


def test_a_sentence_left_alone_giving_a_number_the_other_does_not_stays_alone(parser: Parser) -> None:
    texts = {"a": TWO_FACTS, "b": f"{TRAM_LINE} Mayor Anne Roux said 40,000 students should get cheaper train tickets."}
    claims = shared(group_claims(extract(parser, texts)))
    assert [[(r.article, r.sentence) for r in c.refs] for c in claims] == [[("a", 0), ("b", 0)]]
