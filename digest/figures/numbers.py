"""Numbers: runs of number tokens, their values, and which of them are counts at all."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from digest.figures.naming import names_something
from digest.figures.values import token_value
from digest.figures.words import (
    ADJ_MEASURES,
    DEATH_TALLIES,
    DIGITS,
    FALL_WORDS,
    GENERIC_PEOPLE,
    GLUED_TEMPERATURE,
    MONTH_PREFIXES,
    NOT_COUNTS,
    PEOPLE_MEASURES,
    PERIOD_UNITS,
    POINT_GROUPED,
    QUALIFIERS,
    RISE_WORDS,
    SCALED,
    SCALES,
    TALLY_NOUNS,
    TEMPERATURE_CUES,
    TRAILING_QUALIFIERS,
    UNIT_NOUNS,
    VAGUE_AMOUNTS,
    VERB_MEASURES,
    VOTING_VERBS,
)
from digest.nlp.sentences import memoised, sentence_of
from digest.nlp.vocabulary import ARGUMENTS


def number_value(tokens: Iterable[Token]) -> float | None:
    """The value of a run of number tokens: "27,708", "2.4 million", "twenty - five"."""
    total, current = 0.0, 0.0
    for token in tokens:
        if token.text == "-":
            continue
        glued = is_glued_million(token)
        temperature = glued_temperature(token)
        value = 1_000_000.0 if glued else temperature[0] if temperature else token_value(token.text)
        if value is None:
            return None
        if token.lower_ in {"hundred", "dozen"}:  # "two dozen" is 24, "two hundred" 200
            current = (current or 1) * value
        elif glued or token.lower_ in SCALES or SCALED.match(token.lower_):
            total, current = total + (current or 1) * value, 0.0
        else:
            current += value
    return total + current


def is_glued_million(token: Token) -> bool:
    """ "2.1m people": the British "m" for million, glued to its number and followed by the plural
    it counts; the tokenizer splits it off as if it were metres, which "a 10m wall" is."""
    doc = token.doc
    if token.lower_ != "m" or token.i == 0 or token.i + 1 >= len(doc):
        return False
    number, counted = doc[token.i - 1], doc[token.i + 1]
    plural = counted.tag_ == "NNS" and counted.pos_ == "NOUN" and counted.lower_ != "hurdles"  # "the 400m hurdles" is a race
    return not number.whitespace_ and bool(DIGITS.match(number.text)) and plural


def glued_temperature(token: Token) -> tuple[float, str] | None:
    """The value and unit of a temperature written as one word ("38C", "104F") in a sentence about
    the temperature."""
    match = GLUED_TEMPERATURE.match(token.text)
    if match is None or not any(t.lemma_.lower() in TEMPERATURE_CUES for t in sentence_of(token)):
        return None
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.text.istitle() and not before.is_sent_start:
        return None  # "Room 12C", "Apartment 4C": a name
    return float(match.group(1)), "fahrenheit" if match.group(2) == "F" else "degree"


def count_value(run: Span) -> float | None:
    if len(run) == 1 and POINT_GROUPED.match(run.text):
        return float(run.text.replace(".", ""))
    value = number_value(run)
    return value * scale_part(run)[0] if value is not None else None


def number_runs(doc: Doc) -> Iterator[Span]:
    """Maximal runs of adjacent number tokens; a hyphen joins spelled-out parts."""
    start: int | None = None
    for token in doc:
        # Only spelled-out parts join: "787-9" is a model, "2-1" a score, not 796 or 3.
        joins = token.text == "-" and start is not None and token.i + 1 < len(doc) and doc[token.i - 1].is_alpha
        glued = start is not None and is_glued_million(token)
        if token_value(token.text) is not None or glued or glued_temperature(token) or (joins and doc[token.i + 1].is_alpha and token_value(doc[token.i + 1].text)):
            start = token.i if start is None else start
            continue
        if start is not None:
            yield doc[start : token.i]
        start = None
    if start is not None:
        yield doc[start:]


def is_not_count(run: Span, elided: bool = False) -> bool:
    """Dates, times, money, ordinals, percentages, years, "six-week", "No. 10", "magnitude 7.8";
    `elided` says the number stands for a noun counted before it ("Eighteen were caught")."""
    doc = run.doc
    after = doc[run.end] if run.end < len(doc) else None
    before = doc[run.start - 1] if run.start > 0 else None
    # The model tags "the toll stands at 80" and "On Wednesday 470 firefighters" DATE;
    # a tally noun, a counted plural or a noun counted before outweighs the tag.
    if bare_margin_side(run) is not None:
        return False  # "voted 52-48", which the model may tag a date: a hyphen between the two sides of a vote
    tagged = any(t.ent_type_ in NOT_COUNTS for t in run)
    if tagged and not (elided or said_of_count(run) or counts_plural(run) or counts_part(run) or befalls(run)):
        return True
    if is_fractional(run):
        return True
    if after is not None and (after.text in {"-", "%", "/"} or after.lower_ in UNIT_NOUNS or is_clock_colon(after)):
        return True
    marks = {"-", "#", "/", "$", "€", "£", "no."}
    if before is not None and (before.lower_ in marks or before.lower_ in UNIT_NOUNS):
        return True
    return is_year(run) or is_anaphoric(run) or names_something(run) or is_vague_multiple(run)


def bare_margin_side(run: Span) -> str | None:
    """The side of a vote's margin written bare after its verb, the votes for first: "passed the
    House 218 to 212", "voted 52-48", "backed the plan 212-187"."""
    doc = run.doc
    if run.end + 1 < len(doc) and doc[run.end].lower_ in {"to", "-"} and tallies_vote(run_root(run), doc[run.end + 1]):
        return "voted for"
    if run.start >= 2 and doc[run.start - 1].lower_ in {"to", "-"} and tallies_vote(doc[run.start - 2], run_root(run)):
        return "voted against"
    return None


def tallies_vote(first: Token, second: Token) -> bool:
    """Whether two numbers are the margin a verb of voting passed or rejected something by: the
    first its bare object or adverb, or set after the object ("passed the budget 212-187"), the
    second counting nothing ("approved 12 to 15 homes" is a range)."""
    head = first.head
    after_object = first.dep_ == "nummod" and head.i < first.i and head.dep_ == "dobj"
    verb = head.head if after_object else head
    bare = (first.dep_ in {"npadvmod", "dobj"} or after_object) and verb.lemma_.lower() in VOTING_VERBS
    second_bare = second.dep_ in {"pobj", "prep"} or second.dep_ == "dobj" and second.head.i == verb.i
    return bare and first.like_num and second.like_num and second_bare


def is_vague_multiple(run: Span) -> bool:
    """ "several dozen youths", "a few thousand fans", "many hundreds": some number of dozens or
    thousands, which no outlet's value can agree or disagree with."""
    doc = run.doc
    before = doc[run.start - 1] if run.start > 0 else None
    scales_only = all(t.lower_ in SCALES.keys() | {"dozen"} for t in run)
    return scales_only and before is not None and before.lower_ in VAGUE_AMOUNTS


def is_clock_colon(token: Token) -> bool:
    """A colon inside a time or a ratio ("10:30", "3:1"), not one that ends a clause: "The
    survivors are 22: one of the 23 rescued died" still counts 22 survivors."""
    doc = token.doc
    return token.text == ":" and not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].like_num


def counts_plural(run: Span) -> bool:
    """A number that modifies a plural common noun and stands by no month name counts that noun,
    whatever its entity tag: "470 firefighters", but not "October 7 attacks"."""
    number = run_root(run)
    if number.dep_ == "conj" and number.head.like_num:
        number = number.head  # "between 20 and 25 buses": the upper bound counts what the lower counts
    noun = number.head
    if number.dep_ != "nummod" or noun.tag_ != "NNS" or noun.lemma_.lower() in UNIT_NOUNS | PERIOD_UNITS:
        return False
    return not beside_a_month(run) and noun.ent_type_ not in NOT_COUNTS


def beside_a_month(run: Span) -> bool:
    """Whether a month's name stands just before or after the number: "October 7 attacks"."""
    doc = run.doc
    return any(doc[i].lower_[:3] in MONTH_PREFIXES for i in (run.start - 1, run.end) if 0 <= i < len(doc))


def befalls(run: Span) -> bool:
    """A bare number that a verb only people undergo takes as its object, by no month name: the model
    tags the 80 of "killing 10 people and injuring 80 on Sunday" DATE, but no date is injured."""
    number = run_root(run)
    verb = number.head
    undergoes = number.dep_ in {"dobj", "nsubjpass"} and verb.pos_ == "VERB" and VERB_MEASURES.get(verb.lemma_.lower()) in PEOPLE_MEASURES
    return undergoes and not beside_a_month(run)


def counts_part(run: Span) -> bool:
    """A number that counts part of a plural common noun's whole ("Eighteen of the escapees",
    which the model tags DATE) counts that noun, unless the whole is a span of time or a unit
    ("two of the past five years")."""
    whole = of_object(run_root(run))
    if whole is None or whole.tag_ != "NNS" or whole.pos_ != "NOUN" or whole.ent_type_:
        return False
    return whole.lemma_.lower() not in UNIT_NOUNS | PERIOD_UNITS


def of_object(token: Token) -> Token | None:
    """The object of the token's "of": "escapees" of "Eighteen of the escapees"."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def is_fractional(run: Span) -> bool:
    """People come in whole numbers; "2.4 million" is whole, "7.8" is a measurement, and "3.500
    children" and "the number of evacuees rose to 3.100" are 3,500 and 3,100 grouped with a point."""
    if len(run) == 1 and POINT_GROUPED.match(run.text) and (counts_plural(run) or tally_subject(run_root(run)) is not None):
        return False
    value = number_value(run)
    return value is not None and value != int(value)


def is_year(run: Span) -> bool:
    text = run.text
    return len(run) == 1 and text.isdigit() and 1800 <= int(text) <= 2100 and run[0].ent_type_ != "CARDINAL"


def is_anaphoric(run: Span) -> bool:
    """ "the two countries" refers back to things already named; it reports no figure."""
    before = run.doc[run.start - 1] if run.start > 0 else None
    spelled = run[0].text.isalpha() and (number_value(run) or 0) <= 10
    referring = before is not None and before.lower_ in {"the", "these", "those", "both"}
    return spelled and referring and not is_partitive_whole(run) and not is_compared(run_root(run)) and not in_tally(run_root(run))


def in_tally(number: Token) -> bool:
    """ "That leaves 62 pupils and the two teachers still in captivity": a definite count beside
    another count, in one list, is a count of its own."""
    noun = number.head
    partners = [*([noun.head] if noun.dep_ == "conj" else []), *(c for c in noun.children if c.dep_ == "conj")]
    return number.dep_ == "nummod" and any(c.dep_ == "nummod" and c.like_num for p in partners for c in p.children)


def runs_of(doc: Doc) -> list[Span]:
    """`number_runs` of the doc, found once."""
    return memoised(doc, "number_runs", lambda: list(number_runs(doc)))


def run_around(number: Token) -> Span:
    """The run of number tokens that holds the number."""
    runs = runs_of(number.doc)
    position = bisect.bisect_right(runs, number.i, key=lambda r: r.start) - 1
    return runs[position] if position >= 0 and number.i < runs[position].end else number.doc[number.i : number.i + 1]


def is_compared(number: Token) -> bool:
    """A value the count before it is compared with, its noun left unsaid: "214 cases, up from
    168 a week earlier", "14 arrested, up from the nine reported", "one fewer than the 17 the
    organisers reported". After "than", only a definite one: "more than 300" is a qualifier."""
    prep = number.head
    if number.dep_ != "pobj":
        return False
    if prep.lower_ == "from":
        return prep.head.lower_ in {"up", "down"}
    definite = number.doc[number.left_edge.i].lower_ == "the"
    return prep.lower_ == "than" and prep.head.lower_ in {"more", "fewer", "less"} and definite


def compared_with(number: Token) -> Token | None:
    """The earlier value of the sentence a compared value is compared with: "the toll rose to 300,
    up from 250" (300), "286 billion crowns, down from 310 billion" (billion, the root of 286 billion)."""
    if not is_compared(number):
        return None
    sentence, start = sentence_of(number), run_around(number).start
    earlier = [r for r in runs_of(number.doc) if sentence.start <= r.start and r.end <= start]
    return run_root(earlier[-1]) if earlier else None


def is_partitive_whole(run: Span) -> bool:
    """ "Seven of the ten members", "two of its four lines": the whole a part is taken from is
    stated there, not referred back to."""
    noun = run_root(run).head
    return (is_counted_whole(noun) or is_fronted_whole(noun)) and run_root(run).dep_ == "nummod"


def is_counted_whole(noun: Token) -> bool:
    """The whole a numbered part is taken from: "escapees" of "Eighteen of the escapees"."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.like_num


def is_fronted_whole(noun: Token) -> bool:
    """ "Of the eight cars, six came off the rails": a whole named before the clause its part is the subject of."""
    of = noun.head
    fronted = of.lower_ == "of" and of.dep_ == "prep" and of.head.pos_ in {"VERB", "AUX"} and of.i < of.head.i
    return noun.dep_ == "pobj" and fronted


def read_qualifier(run: Span) -> tuple[str | None, int]:
    return read_qualifier_at(run.doc, scale_part(run)[1])


# A part of a bare scale, written before it: "half a million", "a quarter of a million".
SCALE_PARTS = ((("half", "a"), 0.5), (("a", "half"), 0.5), (("quarter", "of", "a"), 0.25), (("a", "quarter"), 0.25))


def scale_part(run: Span) -> tuple[float, int]:
    """The share of a bare scale written before it and where that starts ("half a million" is
    500,000 from "half"); (1.0, the run's start) for any other number."""
    doc = run.doc
    if len(run) != 1 or run[0].lower_ not in SCALES:
        return 1.0, run.start
    for words, share in SCALE_PARTS:
        start = run.start - len(words)
        if start >= 0 and tuple(t.lower_ for t in doc[start : run.start]) == words:
            return share, start
    return 1.0, run.start


def read_qualifier_at(doc: Doc, end: int) -> tuple[str | None, int]:
    """The normalised qualifier written just before `end`, and where it starts."""
    for words, normal in QUALIFIERS:
        start = end - len(words)
        if start >= 0 and tuple(t.lower_ for t in doc[start:end]) == words:
            return normal, start
    return None, end


def trailing_qualifier(run: Span) -> tuple[str | None, int]:
    """The qualifier written just after the run ("100,000 plus"), and where the figure's text ends."""
    doc = run.doc
    for words, normal in TRAILING_QUALIFIERS:
        end = run.end + len(words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[run.end : end]) == words:
            return normal, end
    return None, run.end


def run_root(run: Span) -> Token:
    """The run's token whose head lies outside it: the one that attaches to the counted noun."""
    inside = {t.i for t in run}
    return next((t for t in run if t.head.i not in inside or t.head.i == t.i), run[-1])


def said_of_count(run: Span) -> bool:
    """A tally's value or a count a copula says of its subject: "the toll stands at 80", "The injured are 47"."""
    root = run_root(run)
    return tally_subject(root) is not None or copula_subject(root) is not None


def copula_subject(number: Token) -> Token | None:
    """ "The cancelled flights are 124": a number said of a plural subject by a copula counts it;
    so does one said of people an adjective names ("The missing are at least 6", "the dead were 12")."""
    if number.dep_ != "attr" or number.head.lemma_ != "be":
        return None
    subjects = [c for c in number.head.children if c.dep_ == "nsubj"]
    plural = next((c for c in subjects if c.tag_ == "NNS" and c.pos_ == "NOUN"), None)
    return plural or next((c for c in subjects if c.lower_ in ADJ_MEASURES and any(d.lower_ == "the" for d in c.children)), None)


def tally_subject(number: Token) -> Token | None:
    """ "The death toll rose to 300" / "the toll is 300": the tally noun the number completes;
    or the tally it is "of": "48 new cases, for a total of 1,310", "a death toll of 45"."""
    of = number.head
    if number.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" and of.head.lemma_.lower() in TALLY_NOUNS:
        return of.head
    verb = number.head.head if number.dep_ == "pobj" else number.head
    if number.dep_ not in {"pobj", "attr", "dobj"} or verb.pos_ not in {"VERB", "AUX"}:
        return None
    # "the toll rose to 300" (subject) or "the ministry put the toll at 300" (object)
    nouns = [c for c in verb.children if c.dep_ in ARGUMENTS and c.i != number.i]
    if verb.dep_ == "acl" and verb.lemma_.lower() in RISE_WORDS | FALL_WORDS:
        nouns.append(verb.head)  # "The number of passengers climbed … to 28 million", parsed as a noun phrase
    elif verb.dep_ == "acl" and number.head.lower_ == "to" and verb.head.dep_ == "dobj":
        nouns.append(verb.head)  # "raising the number rescued to 53": "to 53" hung on the tally's participle
    return next((n for n in nouns if n.lemma_.lower() in TALLY_NOUNS or is_tally_of_people(n)), None)


def is_tally_of_people(tally: Token) -> bool:
    """A death toll as a translation writes it: "the balance of the victims"."""
    if tally.lemma_.lower() not in DEATH_TALLIES:
        return False
    whole = of_object(tally)
    return whole is not None and whole.tag_ == "NNS" and whole.lemma_.lower() in GENERIC_PEOPLE


def from_partner(number: Token) -> Token | None:
    """The later value a "from" value moved to: "widened the recall to 52 batches from 37", "rose
    from 12 to 17". The number of a "to" beside the "from", under the same verb or noun."""
    if number.dep_ != "pobj" or number.head.lower_ != "from":
        return None
    governor = number.head.head
    for prep in governor.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.like_num:
                return pobj
            found = next((c for c in pobj.children if c.dep_ == "nummod" and c.like_num), None) if pobj.dep_ == "pobj" else None
            if found is not None:
                return found
    return None
