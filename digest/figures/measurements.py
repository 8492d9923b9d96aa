"""Measurements: percentages, magnitudes, units and money, and what each measures."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from digest.figures.context import assemble
from digest.figures.counted import kinds_of, lemma_of
from digest.figures.numbers import (
    count_value,
    glued_temperature,
    is_year,
    number_value,
    of_object,
    read_qualifier_at,
    scale_part,
)
from digest.figures.readings import Reading, read_measured
from digest.figures.units import currency_scale, is_magnitude_word, range_upper
from digest.figures.words import (
    COMPASS,
    COUNTING_NOUNS,
    CURRENCY_NAMES,
    ESTIMATING_VERBS,
    GENUS_KINDS,
    IRREGULAR_PARTICIPLES,
    LENGTH_UNITS,
    LEVEL_VERBS,
    MAGNITUDE_NOUNS,
    MEASURED_SYNONYMS,
    MEASUREMENT_WORDS,
    PAYING_VERBS,
    PERCENT_KINDS,
    PERIOD_NOUNS,
    PRICE_VERBS,
    SCALES,
    SEISMIC_NOUNS,
    SPELLED_OUT,
    TEMPERATURE_UNITS,
    UNIT_LABELS,
    VALUE_NOUNS,
    VERB_SYNONYMS,
    WHOLE_UNITS,
    ZERO_GROUPED,
)
from digest.model import Article, Figure, Measure, Sentence


def measured_key(token: Token) -> Measure:
    """What is measured, as a key, its compounds in brackets: they name its kind ("rate (repo)" is
    not "rate (discount)"), and one outlet may leave the kind unsaid ("the rate")."""
    lemma = token.lemma_.lower()
    counted = counted_by(token) or (next(iter(kinds_of(token)), None) if lemma in COUNTING_NOUNS else None)
    if counted is not None and counted.pos_ == "NOUN":
        return measured_key(counted)  # "passenger numbers rose", "the number of passengers rose": passengers rose
    written = tuple(c.lower_ for c in token.lefts if c.dep_ in {"amod", "compound"}) + (lemma,)
    spelled = next((key for words, key in SPELLED_OUT.items() if written[-len(words) :] == words), None)
    if spelled is not None:
        return Measure(spelled)
    kinds = " ".join(c.lemma_.lower() for c in kinds_of(token) if (c.lemma_.lower(), lemma) not in GENUS_KINDS)
    return Measure(MEASURED_SYNONYMS.get(lemma, lemma), kind=kinds or None)


def measured_words(token: Token) -> str:
    counted = counted_by(token)
    if counted is not None and counted.pos_ == "NOUN":
        return measured_words(counted)  # "the number of passengers" says passengers
    return " ".join([*(c.text for c in kinds_of(token)), token.text]).lower()


def counted_by(token: Token) -> Token | None:
    """What a number, count or tally is of: "passengers" of "the number of passengers"."""
    return of_object(token) if token.lemma_.lower() in COUNTING_NOUNS else None


def describe_measurement(unit: str, anchor: Token, reading: Reading) -> tuple[Measure, str] | None:
    """(measure, label) of a measurement, or None when what it measures cannot be read."""
    if unit == "magnitude":
        return describe_magnitude(anchor, reading)
    if unit in PERCENT_KINDS:
        return describe_share(unit, reading)
    written = UNIT_LABELS.get(unit, f"{unit}s")
    if reading.whole is not None:
        return measured_key(reading.whole), f"{written} of {measured_words(reading.whole)}"
    if reading.head is not None and reading.dimension is not None:
        # "a shaft 450 metres deep" is a depth (of the shaft), as "at 452 metres of depth" is
        return Measure(reading.dimension, whole=measured_key(reading.head)), f"{measured_words(reading.head)} in {written}"
    if reading.head is not None:
        return changed(reading, measured_key(reading.head), measured_words(reading.head), f" in {written}")
    if reading.dimension is not None:
        return Measure(reading.dimension), f"{reading.dimension} in {written}"
    if reading.verb is not None:
        lemma = lemma_of(reading.verb)
        if lemma in PRICE_VERBS and unit in CURRENCY_NAMES.values():  # "starts at $44,990", "the recall will cost €60m"
            thing = "cost" if lemma == "cost" else "price"
            if reading.subject is not None:
                return Measure(thing, whole=measured_key(reading.subject)), f"{thing} of {measured_words(reading.subject)} in {written}"
            return Measure(thing), f"{thing} in {written}"
        return Measure(PAYING_VERBS.get(lemma) or VERB_SYNONYMS.get(lemma, lemma)), f"{written} {participle(reading.verb)}"
    if reading.subject is not None:
        return changed(reading, measured_key(reading.subject), measured_words(reading.subject), f" in {written}")
    if unit in TEMPERATURE_UNITS:
        return Measure("temperature"), f"temperature in {written}"  # "Madrid recorded 40.1C": what else is in degrees
    return None


def changed(reading: Reading, key: Measure, words: str, unit: str) -> tuple[Measure, str]:
    """ "fall in sales" for a change, plain "turnout" for a level."""
    if reading.direction is None:
        return key, words + unit
    return replace(key, change=reading.direction), f"{reading.direction} in {words}{unit}"


def describe_share(unit: str, reading: Reading) -> tuple[Measure, str] | None:
    """A percentage is a share of a whole (whose: the owner), or a level or change of its subject."""
    owner = reading.owner or None
    if reading.whole is not None and not reading.unnamed:
        whole = phrase(reading.whole)
        key = Measure("share", whole=measured_key(reading.whole), restriction=participles(reading.whole), owner=owner)
        if reading.owner:
            return key, f"{possessive(reading.owner)} share of {whole}"
        # "put the deficit at 2.9% of GDP": the label says whose size it is; the key does not, as
        # outlets name it apart ("the deficit", "the deficit target"). "lost 6% of its value" is a
        # part of the subject's own whole.
        part = reading.head or reading.subject
        if part is not None and reading.direction is None and is_sized_as_share(part, reading.whole):
            return key, f"{measured_words(part)} as a share of {whole}"
        return key, f"share of {whole}"
    points = f" ({unit}s)" if unit != "%" else ""
    noun = reading.head or reading.subject
    if noun is not None:
        return changed(reading, measured_key(noun), measured_words(noun), points)
    if reading.owner and reading.direction:
        return Measure("", owner=owner, change=reading.direction), f"{reading.direction} for {reading.owner}{points}"
    if reading.owner:
        return Measure("share", owner=owner), f"{possessive(reading.owner)} share{points}"
    return None


def is_sized_as_share(part: Token, whole: Token) -> bool:
    """Whether a percentage of a whole gives the size of the noun its verb sets or holds at it:
    "put the deficit at 2.9% of GDP", "public debt stands at 62% of GDP"; not the noun's own
    part ("lost 6% of its value"), a unit ("86 billion crowns, 1.3% of GDP") or what a verb of
    content does ("Norway's fields supply 30% of the gas")."""
    lemma = part.head.lemma_.lower()
    # the one who estimates is no part: "officials put 66.7% of homes at risk"
    held = part.dep_ == "nsubj" and lemma in LEVEL_VERBS or part.dep_ in {"dobj", "nsubjpass"} and lemma in ESTIMATING_VERBS
    owned = any(c.dep_ == "poss" for c in whole.children)
    unit = part.lemma_.lower() in MEASUREMENT_WORDS or part.lower_ in MEASUREMENT_WORDS
    return part.pos_ == "NOUN" and held and not owned and not unit


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def describe_magnitude(anchor: Token, reading: Reading) -> tuple[Measure, str]:
    """ "A magnitude 6.9 earthquake", "the 6.9-magnitude quake", "the magnitude of the quake"."""
    event = anchor if not is_magnitude_word(anchor) else None
    if event is None and anchor.head.pos_ == "NOUN" and anchor.dep_ in {"compound", "nmod", "amod"}:
        event = anchor.head
    subject = reading.subject if reading.subject is not None and reading.subject.lemma_.lower() in SEISMIC_NOUNS else None
    event = event if event is None or event.pos_ == "NOUN" else None
    # "a magnitude of 5.9" names no event: the number is the magnitude's own object
    whole = of_object(anchor)
    event = event or (whole if whole is not None and whole.pos_ == "NOUN" else None) or reading.head or subject
    if event is None or event.lemma_.lower() in MAGNITUDE_NOUNS:
        return Measure("magnitude"), "magnitude"
    key = MEASURED_SYNONYMS.get(event.lemma_.lower(), event.lemma_.lower())
    # "the" is part of the whole's words: the label has always read "magnitude of the quake".
    return Measure("magnitude", whole=Measure(f"the {key}")), f"{key} magnitude"


def participles(noun: Token) -> tuple[str, ...]:
    """ "ballots counted" is not "ballots": a participle that restricts the whole is part of it."""
    return tuple(c.lower_ for c in noun.children if c.dep_ in {"acl", "amod"} and c.tag_ == "VBN")


def phrase(noun: Token) -> str:
    """A noun with its article and compounds, as written: "the vote", "ballots counted"."""
    # An adjective only where it names ("Polish homeowners", "gross domestic product"): others
    # would move the label's meaning, which the figure's context vector reads.
    adjectives = [c for c in noun.lefts if c.dep_ == "amod"]
    spelled = tuple(t.lower_ for t in (*adjectives, noun))[-3:] in SPELLED_OUT
    kept = [c for c in noun.lefts if c.dep_ in {"det", "compound"} and c.lower_ not in {"a", "an"}
            or c.dep_ == "amod" and (spelled or is_named(c))]
    return " ".join([*(as_written(t) for t in kept), as_written(noun), *participles(noun)])


def as_written(token: Token) -> str:
    """A word for a label: lower case, but for an acronym ("GDP") or a name ("Polish")."""
    return token.text if is_named(token) else token.lower_


def is_named(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ == "NORP" or token.text.isupper() and len(token.text) > 1


def participle(verb: Token) -> str:
    """ "burned" for "burning", "saved" for "save": the label says what was done."""
    lemma = verb.lemma_.lower()
    if verb.tag_ in {"VBN", "VBD"}:
        return verb.lower_
    if lemma in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"  # "supplied"
    # one syllable ending consonant-vowel-consonant doubles its last letter: "ripped", "banned"
    doubles = len(re.findall("[aeiou]+", lemma)) == 1 and re.search("[^aeiou][aeiou][^aeiouwxy]$", lemma)
    return lemma + (lemma[-1] if doubles else "") + "ed"


def amount_in(doc: Doc, unit: str, end: int) -> tuple[Measure, str] | None:
    """An amount of money followed by what it is paid in ("takes home €40,000 in prize money",
    "$2 million in aid"), where nothing else says what it measures."""
    if unit not in CURRENCY_NAMES.values() or end >= len(doc) or doc[end].lower_ != "in" or doc[end].dep_ != "prep":
        return None
    noun = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.ent_type_ or noun.lemma_.lower() in PERIOD_NOUNS | VALUE_NOUNS:
        return None
    return measured_key(noun), f"{measured_words(noun)} in {UNIT_LABELS.get(unit, f'{unit}s')}"


def only_paid(reading: Reading) -> bool:
    """Whether all the reading says of an amount is that it is paid or given."""
    verb = reading.verb
    if verb is None or reading.whole is not None or reading.head is not None or reading.dimension is not None:
        return False
    lemma = lemma_of(verb)
    return PAYING_VERBS.get(lemma, lemma) == "pay"


def is_distance(doc: Doc, unit: str, end: int) -> bool:
    """ "20 km from the island", "about 20 kilometres south of it", "5 miles away": however the
    sentence goes on, a length written so is how far one place lies from another."""
    after = [t.lower_ for t in doc[end : end + 2]]
    if unit not in LENGTH_UNITS or not after:
        return False
    return after[0] in {"from", "off", "away", "outside"} or (after[0] in COMPASS and after[1:] == ["of"])


def read_measurement(
    article: Article, run: Span, unit: tuple[str, Token, int, int], sentences: tuple[Sentence, ...], previous: str | None
) -> Figure | None:
    name, anchor, low, high = unit
    zeros = len(run) == 1 and ZERO_GROUPED.match(run.text) and name not in PERCENT_KINDS
    share, part_start = scale_part(run)  # "half a million tonnes"
    value = count_value(run) if name in WHOLE_UNITS or zeros else (v * share if (v := number_value(run)) is not None else None)
    scale = currency_scale(run, name)
    if value is not None and scale is not None:
        value = value * scale
    reading, paid_in = read_measured(anchor), amount_in(run.doc, name, high)
    # "ordered to pay 40,000 euros in damages": what it is paid in says what the sum is, not "paid"
    described = (paid_in if paid_in and only_paid(reading) else None) or describe_measurement(name, anchor, reading) or paid_in
    if value is None or described is None or is_year(run):
        return None
    doc = run.doc
    if share != 1.0:
        low = min(low, part_start)
    elif low > 0 and doc[low - 1].lower_ in {"a", "an"} and run[0].lower_ in SCALES:
        low -= 1  # "more than a billion euros"
    qualifier, start = read_qualifier_at(doc, low)
    if start > 0 and doc[start - 1].lower_ == "between" and range_upper(run) is not None:
        start -= 1  # "between 40 and 60 tonnes": the lower bound of one quantity's range
    measure, label = ((Measure("distance"), f"distance in {UNIT_LABELS.get(name, name + 's')}") if is_distance(doc, name, high) else described)
    text = doc[start:high].text
    text = text.removesuffix(".") if glued_temperature(doc[high - 1]) else text  # "38C.": the stop ends the sentence
    return assemble(
        article, sentences, previous, anchor, run.start_char, value=value, text=text,
        qualifier=qualifier, noun=None, unit=name, measure=measure, label=label,
    )
