"""Conflicts: what keeps two near-identical statements apart, read from lemmas, names and figures."""

from __future__ import annotations

import pytest

from digest.align.conflicts import APART, Conflicts, agreed_disputes, conflict, read_stance
from digest.model import Figure, Measure, Mention, Sentence

# What spaCy's lemmatiser would give for the few inflected words below.
LEMMAS = {"years": "year", "allows": "allow", "makes": "make", "stores": "store", "checks": "check", "said": "say"}


def sentence(text: str, pos: dict[str, str] | None = None) -> Sentence:
    words = [LEMMAS.get(w, w) for w in (w.strip(".,").lower() for w in text.split())]
    tags = tuple((pos or {}).get(w, "NOUN" if w.isalpha() else "NUM") for w in words)
    return Sentence("a", 0, text, 0, len(text), lemmas=tuple(words), pos=tags)


FUNCTION = {w: "PART" for w in "not no the a will to of for in on".split()} | {"three": "NUM"}


def stance(text: str, places: tuple[str, ...] = (), figures: tuple[tuple[int, Figure], ...] = (), *,
           label: str = "GPE", published: str | None = None):  # type: ignore[no-untyped-def]
    mentions = [Mention("a", 0, p, label, p) for p in places]
    return read_stance(sentence(text, FUNCTION), mentions, figures, published)


def toll(value: float, qualifier: str | None = None, as_of: str | None = None) -> tuple[int, Figure]:
    figure = Figure("a", 0, value, str(value), qualifier, "people", Measure("killed"), "people killed", as_of=as_of)
    return (0, figure)


def test_a_negation_of_what_the_other_says_conflicts() -> None:
    assert conflict(stance("Norway will not join the platform"), stance("Norway will join the platform")) == "negation"
    assert conflict(stance("No stores will close"), stance("The group will close 40 stores")) == "negation"


def test_a_negation_of_a_side_matter_does_not() -> None:
    # "no right to stay" denies nothing the other sentence asserts.
    assert conflict(stance("Ministers agreed to return people who have no right to stay"),
                    stance("Ministers agreed to speed up deportation flights")) is None


def test_a_negation_of_a_word_with_a_complement_asserts_the_complement() -> None:
    # "not stop searching" says what "keep searching" says; "not start searching" still denies it.
    assert conflict(stance("We will not stop searching"), stance("We will keep searching")) is None
    assert conflict(stance("Crews did not leave the site"), stance("Crews stay at the site")) is None
    assert conflict(stance("We will not stop searching"), stance("We will stop searching")) == "negation"
    assert conflict(stance("We will not start searching"), stance("We will keep searching")) == "negation"


def test_a_negation_denies_the_reported_matter_not_the_saying_of_it() -> None:
    # "'without precedent for our region,' said the president" denies no saying; "did not confirm" does.
    quoted = stance("An event without precedent in the region said the president")
    assert quoted.denied == {"precedent", "region"}
    assert conflict(quoted, stance("The president said the disaster was beyond anything")) is None
    assert stance("The police did not confirm the arrest").denied == {"confirm", "arrest"}


def test_bounded_and_permanent_conflict_but_two_bounds_do_not() -> None:
    three_years = stance("The law allows drinks for the next three years")
    assert conflict(three_years, stance("The law makes drinks permanent")) == "duration"
    assert conflict(stance("The checks last until the end of the year"), stance("The checks continue indefinitely")) == "duration"
    assert conflict(three_years, stance("The law allows drinks until 2028")) is None
    # A rate is not a duration: "300 trucks a week" beside "permanent positions" says nothing of how long.
    assert conflict(stance("The plant builds 300 trucks a week"), stance("The plant cuts permanent jobs")) is None


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        (toll(9, as_of="2025-11-18"), toll(11, as_of="2025-11-18"), "number"),
        (toll(9, as_of="2025-11-17"), toll(11, as_of="2025-11-18"), None),  # tolls of two days
        (toll(9, "at least", "2025-11-18"), toll(11, as_of="2025-11-18"), None),  # "at least 9" allows 11
        (toll(1200, "more than", "2025-03-12"), toll(1203, as_of="2025-03-12"), None),
        (toll(6.5, as_of="2025-04-02"), toll(7, as_of="2025-04-02"), None),  # within rounding
    ],
)
def test_values_of_one_quantity_on_one_day_conflict_only_when_no_reading_reconciles_them(
    mine: tuple[int, Figure], theirs: tuple[int, Figure], expected: str | None
) -> None:
    assert conflict(stance("The crash killed people", figures=(mine,)), stance("The crash killed people", figures=(theirs,))) == expected


def test_a_figure_with_no_day_of_its_own_is_of_its_articles_day() -> None:
    nine = stance("The crash killed people", figures=(toll(9),), published="2025-11-18")
    eleven = stance("The crash killed people", figures=(toll(11),), published="2025-11-18")
    assert conflict(nine, eleven) == "number"


def test_two_places_in_one_slot_conflict_and_a_list_of_places_does_not() -> None:
    virginia = stance("The bill was modelled on a Virginia law", ("Virginia",))
    assert conflict(virginia, stance("The bill was modelled on a Massachusetts law", ("Massachusetts",))) == "place"
    assert conflict(stance("Teams from Azerbaijan and Germany came", ("Azerbaijan", "Germany")),
                    stance("Teams from Greece and Germany came", ("Greece", "Germany"))) is None


def test_where_something_happened_can_be_two_places_at_once() -> None:
    venton = stance("Firefighters from Venton set up tents on the football pitch", ("Venton",))
    joville = stance("Residents of Joville set up tents on the football pitch", ("Joville",))
    assert conflict(venton, joville) is None
    assert conflict(stance("Shelters opened in Venton overnight", ("Venton",)), stance("Shelters opened in Joville overnight", ("Joville",))) is None
    assert conflict(stance("It copies a Virginia law passed in 2022", ("Virginia",)),
                    stance("It copies a Massachusetts law passed in 2022", ("Massachusetts",))) == "place"  # which law


def test_two_actors_in_one_slot_or_a_place_and_a_number_are_two_facts_not_a_disagreement() -> None:
    ing = stance("ING analysts said prices would rise", ("ING",), label="ORG")
    assert conflict(ing, stance("Rabobank analysts said prices would fall", ("Rabobank",), label="ORG")) == APART
    cusco = stance("A crash in the Cusco region killed people", ("Cusco",), (toll(15, as_of="2025-11-18"),))
    puno = stance("A crash in the Puno region killed people", ("Puno",), (toll(19, as_of="2025-11-18"),))
    assert conflict(cusco, puno) == APART



def test_one_thing_counted_at_two_places_in_an_order_is_two_things() -> None:
    fifth = stance("Rescuers found the body of a fifth skier")
    assert conflict(fifth, stance("Rescuers found the body of the sixth skier")) == APART
    assert conflict(fifth, stance("Rescuers found the body of the fifth skier")) is None
    assert conflict(fifth, stance("It was the second avalanche of the week")) is None  # other things counted


THRESHOLDS = {"negation": 0.4, "number": 0.4, "place": 0.4, "duration": 0.2}


def test_two_statements_on_one_side_of_a_dispute_agree() -> None:
    # Two "permanent"s face one "three years": the pair of them takes one side, though only one of
    # them was scored against the bounded statement.
    sides = [stance("The law makes drinks permanent"), stance("The change is permanent"),
             stance("The law allows drinks for three years")]
    scores = {(0, 1): 0.1, (0, 2): 0.3}
    assert agreed_disputes(sides, ["a", "b", "c"], scores, THRESHOLDS) == {(0, 1)}
    # Too loose a match with the bounded one is no dispute; nor is one within a single article.
    assert agreed_disputes(sides, ["a", "b", "c"], {(0, 1): 0.1, (0, 2): 0.1}, THRESHOLDS) == set()
    assert agreed_disputes(sides, ["a", "b", "b"], scores, THRESHOLDS) == set()


def test_a_negation_makes_no_side_of_its_own() -> None:
    # Both share a word the negated one denies, but a word in common is not one claim.
    sides = [stance("Norway will join the gas scheme"), stance("Gas prices stay high"),
             stance("Norway will not join the gas scheme")]
    assert conflict(sides[0], sides[2]) == "negation" and conflict(sides[1], sides[2]) == "negation"
    assert agreed_disputes(sides, ["a", "b", "c"], {(0, 1): 0.1, (0, 2): 0.9}, THRESHOLDS) == set()


def test_a_topic_reads_each_pair_as_conflict_would_in_either_order() -> None:
    # One of each way to conflict, and statements with nothing that could: the shortcut for the
    # latter must give what the full reading gives, and a pair read once must answer both orders.
    sides = [stance("Norway will not join the platform"), stance("Norway will join the platform"),
             stance("The law makes drinks permanent"), stance("The law allows drinks for three years"),
             stance("a Virginia law", ("Virginia",)), stance("a Massachusetts law", ("Massachusetts",)),
             stance("Rescuers found a fifth skier"), stance("Rescuers found the sixth skier"),
             stance("Rescuers searched the valley"), stance("Crews cleared the road", ("Cusco",)),
             stance("A crash in the Cusco region killed people", ("Cusco",), (toll(15, as_of="2025-11-18"),)),
             stance("A crash in the Cusco region killed people", ("Cusco",), (toll(19, as_of="2025-11-18"),))]
    kinds = Conflicts(sides)
    for i in range(len(sides)):
        for j in range(len(sides)):
            assert kinds(i, j) == conflict(sides[i], sides[j]) == conflict(sides[j], sides[i]), (i, j)
    assert [kinds(0, 1), kinds(2, 3), kinds(4, 5), kinds(6, 7), kinds(10, 11)] == ["negation", "duration", "place", APART, "number"]
    assert kinds(8, 9) is None and kinds(0, 8) is None
