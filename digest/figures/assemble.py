"""Assembling figures from a parsed article: each number run read as a count, a measurement or a fraction."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from digest.figures.context import assemble
from digest.figures.counted import (
    count_anchor,
    counted_key,
    counted_noun,
    elided_count,
    is_countable,
    noun_lemma,
    subject_of,
)
from digest.figures.fractions import fraction_spans, read_fraction
from digest.figures.measurements import read_measurement
from digest.figures.measures import find_measure, verb_measure
from digest.figures.naming import is_caliber, is_coordinate
from digest.figures.numbers import (
    bare_margin_side,
    count_value,
    from_partner,
    is_not_count,
    number_runs,
    read_qualifier,
    run_root,
    trailing_qualifier,
)
from digest.figures.terms import read_term, term_unit
from digest.figures.units import measurement_unit, range_upper
from digest.figures.values import is_person_noun, token_value
from digest.figures.words import (
    ADJ_MEASURES,
    BUILT_VERBS,
    CAPACITY_VERBS,
    EARLIER_MARKS,
    GENERIC_PEOPLE,
    LABEL_PARTICIPLES,
    PEOPLE_MEASURES,
    WORKER_NOUNS,
)
from digest.model import Article, Figure, Measure, Sentence
from digest.nlp.sentences import sentence_of
from digest.nlp.vocabulary import ARGUMENTS


def find_figures(article: Article, doc: Doc, sentences: tuple[Sentence, ...]) -> tuple[Figure, ...]:
    """Every count in the article, in reading order; "the same source" takes the last source named."""
    figures: list[Figure] = []
    previous: str | None = None
    fractions = {f.start: f for f in fraction_spans(doc)}
    taken = {i for f in fractions.values() for i in range(f.start, f.end)}
    for run in sorted([*number_runs(doc), *fractions.values()], key=lambda r: r.start):
        if run.start in fractions and run is fractions[run.start]:
            figure = read_fraction(article, run, sentences, previous)
        elif taken & {t.i for t in run}:
            continue  # "five" in "one in five": part of a fraction already read
        else:
            figure = read_figure(article, run, sentences, previous)
        if figure is not None:
            figures.append(figure)
            previous = figure.attribution or previous
    return tuple(figures)


def read_figure(article: Article, run: Span, sentences: tuple[Sentence, ...], previous: str | None) -> Figure | None:
    term = term_unit(run)
    if term is not None:
        return read_term(article, run, term, sentences, previous)
    unit = measurement_unit(run)
    if unit is not None:
        return None if is_coordinate(run) or is_caliber(run) else read_measurement(article, run, unit, sentences, previous)
    number = run_root(run)
    noun, verb = counted_noun(number), None
    if noun is None:
        noun, verb = elided_count(number) or (None, None)
    if is_not_count(run, elided=verb is not None):
        return None
    value = count_value(run)
    qualifier, start = read_qualifier(run)
    start = earlier_mark(run, start)
    trailing, end = trailing_qualifier(run)  # "100,000 plus"; else `end` is the run's own
    qualifier = qualifier or trailing
    text = run.doc[start:end].text
    capacity = capacity_anchor(number, noun)
    if value is not None and capacity is not None:
        return assemble(
            article, sentences, previous, capacity, run.start_char, value=value, text=text,
            qualifier=qualifier, noun="capacity", measure=Measure("capacity"), label="capacity",
        )  # fmt: skip
    if value is not None and noun is None and (bare := bare_people(number)) is not None:
        anchor, measure = bare
        return assemble(
            article, sentences, previous, anchor, run.start_char, value=value, text=text,
            qualifier=qualifier, noun="people", measure=Measure(measure), label=f"people {LABEL_PARTICIPLES[measure]}",
        )  # fmt: skip
    side = vote_side(run)
    tally = margin_side(run) or (side if noun is None else None)
    if value is not None and tally is not None:
        return assemble(
            article, sentences, previous, number, run.start_char, value=value, text=text,
            qualifier=qualifier, noun="vote", measure=Measure(tally), label=f"votes {tally.split()[-1]}",
        )  # fmt: skip
    if value is not None and noun is not None and noun.like_num:
        return read_part_of_bare(article, run, sentences, previous, number, noun, value, text, qualifier)
    if value is None or noun is None or not is_countable(noun):
        return None
    if verb is not None:
        anchor, measure = verb, verb_measure(verb) or counted_key(noun)
    else:
        anchor, measure = count_anchor(number, noun), find_measure(number, noun) or counted_key(noun)
    if measure == "voted" and side is not None:
        measure = side  # "108 deputies voting in favour" and "79 against" are two tallies
    return assemble(
        article, sentences, previous, anchor, run.start_char, value=value, text=text,
        qualifier=qualifier, noun=counted_key(noun), measure=Measure(measure), label=count_words(noun, measure),
    )  # fmt: skip


def read_part_of_bare(
    article: Article, run: Span, sentences: tuple[Sentence, ...], previous: str | None,
    number: Token, whole: Token, value: float, text: str, qualifier: str | None,
) -> Figure | None:  # fmt: skip
    """ "Two of the 12 injured were in critical condition": a part of a bare count of people counts
    people too, with what befell the part itself (here nothing: "people"), never "12"."""
    if bare_people(whole) is None:
        return None
    measure = find_measure(number, whole) or "people"
    label = f"people {LABEL_PARTICIPLES[measure]}" if measure in LABEL_PARTICIPLES else "people"
    return assemble(
        article, sentences, previous, count_anchor(number, whole), run.start_char, value=value, text=text,
        qualifier=qualifier, noun="people", measure=Measure(measure), label=label,
    )  # fmt: skip


def vote_side(run: Span) -> str | None:
    """The side a tally of votes is on, written just after its number: "108 for, 79 against",
    "108 deputies voting in favour". A bare "for" counts only before a pause ("12 for charity"
    is no vote)."""
    doc = run.doc
    words = [t.lower_ for t in doc[run.end : min(run.end + 5, sentence_of(run[0]).end)]]
    for i, word in enumerate(words):
        if word == "against":
            return "voted against"
        if word == "in" and words[i + 1 : i + 2] in (["favour"], ["favor"]):
            return "voted for"
        if word == "for" and (i + 1 == len(words) or words[i + 1] in {",", ";", ".", "and", "-", "—"}):
            return "voted for"
        if word in {",", ";", "and", "but"} or token_value(word) is not None:
            return None  # past a pause the words belong to the next count
    return None


def margin_side(run: Span) -> str | None:
    """The sides of a vote written as a margin, "approved by 248 votes to 119": the first number
    is the votes for, the one after "votes to" the votes against."""
    doc = run.doc
    after = [t.lower_ for t in doc[run.end : run.end + 2]]
    if after == ["votes", "to"] and run.end + 2 < len(doc) and doc[run.end + 2].like_num:
        return "voted for"
    before = [t.lower_ for t in doc[max(run.start - 2, 0) : run.start]]
    if before == ["votes", "to"] and run.start >= 3 and doc[run.start - 3].like_num:
        return "voted against"
    return bare_margin_side(run)


def bare_people(number: Token) -> tuple[Token, str] | None:
    """A number with no noun that is the subject or object of a verb, or the count of an adjective,
    that only people can be: "At least 14 died", "killed 24", "up from 12 dead". The verb or
    adjective anchors it."""
    head = number.head
    # "infected 24,000 people and killed 24": a verb only people undergo says who its bare object is
    if number.dep_ in ARGUMENTS and head.pos_ in {"VERB", "AUX"}:
        measure = verb_measure(head)
    elif number.dep_ == "ROOT" and number.pos_ in {"NUM", "NOUN"}:
        measure = in_hospital(number)  # "Two children dead. Sixty in hospital."
    elif number.dep_ in {"nummod", "meta"} and (head.pos_ == "ADJ" or head.lower_ in ADJ_MEASURES):
        # "1 dead, 2 hurt in office shooting"; "leaving six missing", its adjective tagged a verb
        measure = ADJ_MEASURES.get(head.lower_)
    elif number.dep_ == "nummod" and head.tag_ == "VBN":
        measure = verb_measure(head)  # "2 hurt", the participle taken for the noun it stands for
    elif (after := participle_after(number)) is not None:
        head, measure = after, verb_measure(after)  # "30 of the 80 wounded"
    elif (after := word_after_range(number)) is not None:
        head, measure = after, verb_measure(after) or ADJ_MEASURES.get(after.lower_)  # "between 40 and 50 injured"
    else:
        return None
    return (head, measure) if measure in PEOPLE_MEASURES else None


def word_after_range(number: Token) -> Token | None:
    """The participle or adjective just after a range of bare numbers, which both bounds count:
    "two were killed and between 40 and 50 injured", parsed with "injured" hung elsewhere."""
    doc = number.doc
    lower = number if number.dep_ == "pobj" and number.head.lower_ == "between" else number.head
    if lower.dep_ != "pobj" or lower.head.lower_ != "between":
        return None
    upper = next((c for c in lower.children if c.dep_ == "conj" and c.like_num), None)
    if upper is None or (number.i != lower.i and number.i != upper.i) or upper.i + 1 >= len(doc):
        return None
    after = doc[upper.i + 1]
    return after if after.tag_ in {"VBN", "JJ"} else None


def participle_after(number: Token) -> Token | None:
    """ "the 80 wounded": a participle the parse hangs on the number it follows, standing for people."""
    if number.i + 1 >= len(number.doc):
        return None
    following = number.doc[number.i + 1]
    is_after = following.head.i == number.i and following.dep_ in {"acl", "amod"} and following.tag_ == "VBN"
    return following if is_after else None


def in_hospital(token: Token) -> str | None:
    places = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
    return "hospitalised" if any(p.lemma_.lower() == "hospital" for p in places) else None


def capacity_anchor(number: Token, noun: Token | None) -> Token | None:
    """A capacity: "has a capacity of 40,528", "which holds 40,000 people", "The ground holds 40,000".
    A capacity is said in the present of a thing, never of a person ("police held 40 people"), and
    it is room for people."""
    if number.dep_ == "pobj" and number.head.lower_ == "of" and number.head.head.lemma_.lower() == "capacity":
        return number.head.head
    counted = noun if noun is not None and number.dep_ == "nummod" and number.head.i == noun.i else number
    if built_for(counted):  # "The prison, built for 2,700, holds about 5,000": the 2,700 it was built for
        return counted.head.head
    verb = counted.head
    if counted.dep_ != "dobj" or verb.lemma_.lower() not in CAPACITY_VERBS or not present_tense(verb):
        return None
    if noun is not None and not (is_person_noun(noun.lemma_.lower()) or noun.lemma_.lower() in GENERIC_PEOPLE):
        return None  # "The coalition holds 180 of 300 seats": seats held, not room for them
    if any(t.lemma_.lower() == "capacity" or built_for(t) for t in sentence_of(verb)):
        return None  # "holds some 5,000 inmates, nearly twice its capacity of 2,700": what it holds now
    subjects = [verb.head] if verb.dep_ == "relcl" else [c for c in verb.children if c.dep_ == "nsubj"]
    inanimate = all(
        s.pos_ == "NOUN" and s.lemma_.lower() not in GENERIC_PEOPLE | WORKER_NOUNS and not s.ent_type_ for s in subjects
    )
    return verb if subjects and inanimate else None


def built_for(counted: Token) -> bool:
    """ "built for 2,700", "designed for 500 patients": the number (or the noun it counts) a thing
    was made to take."""
    made = counted.head.head
    return counted.dep_ == "pobj" and counted.head.lower_ == "for" and made.tag_ == "VBN" and made.lemma_.lower() in BUILT_VERBS


def present_tense(verb: Token) -> bool:
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in {"can", "could", "will", "would"} for c in verb.children)


def earlier_mark(run: Span, start: int) -> int:
    """Where the figure's text starts when it is an earlier value or a range's lower bound."""
    doc = run.doc
    for words in EARLIER_MARKS:
        begin = start - len(words)
        marked = begin >= 0 and tuple(t.lower_ for t in doc[begin:start]) == words
        if marked and words == ("from",):
            marked = range_upper(run) is not None or from_partner(run_root(run)) is not None
        elif marked and words == ("between",):
            marked = range_upper(run) is not None
        if marked:
            return begin
    return start


def count_words(noun: Token, measure: str) -> str:
    """What is counted, in words: "people killed", "inhabitants", "jobs"."""
    who = subject_of(noun)
    who = who if who == "people" else (noun.text.lower() if noun.tag_ in {"NNS", "NNPS"} else noun_lemma(noun))
    if measure == "inhabitants" and who == "people":
        return "inhabitants"
    if noun_lemma(noun) in {"vote", "ballot"}:
        return f"{who} {measure.split()[-1]}" if measure in {"voted for", "voted against"} else who  # not "votes who voted"
    if measure in LABEL_PARTICIPLES:
        return f"{who} {LABEL_PARTICIPLES[measure]}"
    return who
