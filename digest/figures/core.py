"""Figures: numbers that count something, and their grouping across a topic's articles.

A figure is read off the dependency parse: a run of number tokens, the noun it counts
(`nummod`, or an elided noun after "including"/"of", or a tally noun: "the toll rose to 300"),
what is measured (a general lexicon of casualty, captivity, displacement … words found on the
noun, its modifiers or its governing verb), and the place, period, date and source found by
walking up from the count through its governors. Nothing here names an event, outlet or place.

Qualifiers are normalised to: "at least", "more than", "about" (approximately, around, roughly,
nearly, almost, close to, an estimated), "some" (kept apart: outlets use it as a rounding mark),
"at most" (up to, no more than) and "fewer than"; None when the number is given as exact.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from digest.model import Article, Figure, FigureGroup, Sentence, Status
from digest.nlp.sentences import sentence_at, sentence_of

# Two outlets' values for one quantity lie within this ratio of each other; further apart
# (29 hostages believed dead beside a toll of 27,708) they measure different things.
VALUE_RATIO = 0.5
# With no measure word ("31 seats", "1,800 jobs") less is known of what is counted: an article
# often gives several such counts (each party's seats), so values must lie closer.
BARE_RATIO = 0.75

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000,
}  # fmt: skip
DIGITS = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
# "$10.3bn", "€2mn": a scale written onto the number (never "m" or "k", which may be metres)
SCALED = re.compile(r"^(\d+(?:\.\d+)?)(bn|mn|tn)$")
# "400.000 patients": continental Europe groups thousands with points. A count is whole,
# so in a count (never a measurement: "1.125%") three digits after a point are thousands.
POINT_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")

# Entity labels of numbers that never count anything.
# QUANTITY is left out: the model tags "more than 4.2 million voters" so; unit nouns catch "5 km".
NOT_COUNTS = {"DATE", "TIME", "ORDINAL", "MONEY", "PERCENT", "EVENT", "LAW", "FAC"}
# Nouns of measure, time, money and rank: "24 hours", "10 km", "two times", "5 percent".
UNIT_NOUNS = {
    "second", "minute", "hour", "day", "week", "weekend", "month", "year", "decade", "century",
    "night", "morning", "time", "percent", "per", "point", "degree", "magnitude", "round",
    "metre", "meter", "kilometre", "kilometer", "km", "mile", "foot", "feet", "inch", "yard",
    "acre", "hectare", "kilogram", "kg", "tonne", "ton", "pound", "gram", "ounce", "litre",
    "liter", "gallon", "barrel", "dollar", "euro", "yen", "shekel", "cent", "rupee", "yuan",
    "franc", "pence", "page", "chapter", "age", "grade", "stage", "phase", "step", "%",
}  # fmt: skip

QUALIFIERS = (
    (("no", "fewer", "than"), "at least"), (("no", "less", "than"), "at least"),
    (("in", "excess", "of"), "more than"), (("at", "least"), "at least"),
    (("more", "than"), "more than"), (("upwards", "of"), "more than"), (("over",), "more than"),
    (("close", "to"), "about"), (("an", "estimated"), "about"), (("approximately",), "about"),
    (("about",), "about"), (("around",), "about"), (("roughly",), "about"),
    (("nearly",), "about"), (("almost",), "about"), (("some",), "some"),
    (("no", "more", "than"), "at most"), (("up", "to"), "at most"), (("at", "most"), "at most"),
    (("fewer", "than"), "fewer than"), (("less", "than"), "fewer than"),
)  # fmt: skip

# What a count measures, by the words around it. General English, no event in particular.
VERB_MEASURES = {
    "kill": "killed", "die": "killed", "slay": "killed", "murder": "killed", "perish": "killed",
    "massacre": "killed", "drown": "killed", "decease": "killed", "injure": "injured", "wound": "injured", "hurt": "injured",
    "maim": "injured", "abduct": "hostages", "kidnap": "hostages", "displace": "displaced",
    "flee": "displaced", "uproot": "displaced", "evacuate": "displaced", "arrest": "arrested",
    "detain": "arrested", "imprison": "arrested", "jail": "arrested", "rescue": "rescued",
    "vote": "voted", "live": "inhabitants", "infect": "infected", "hospitalise": "hospitalised",
    "hospitalize": "hospitalised", "release": "released", "free": "released",
    "destroy": "destroyed", "damage": "damaged", "treat": "injured", "survive": "rescued",
    # Services and places shut or still working: "shut two of four lines" is not "two lines run".
    "close": "closed", "shut": "closed", "cancel": "cancelled", "run": "running", "operate": "running",
}  # fmt: skip
ADJ_MEASURES = {
    "dead": "killed", "deceased": "killed", "injured": "injured", "wounded": "injured", "missing": "missing",
    "hospitalised": "hospitalised", "hospitalized": "hospitalised",
    "homeless": "displaced", "displaced": "displaced",
}  # fmt: skip
NOUN_MEASURES = {
    "death": "killed", "fatality": "killed", "dead": "killed", "body": "killed", "corpse": "killed",
    "deceased": "killed",
    "casualty": "killed", "injury": "injured", "wounded": "injured", "injured": "injured",
    "hostage": "hostages", "captive": "hostages", "abductee": "hostages",
    # Evacuated and displaced are one class: outlets say either of the same people.
    "refugee": "displaced", "evacuee": "displaced", "detainee": "arrested", "arrest": "arrested",
}  # fmt: skip
# Nouns that say what is counted only when nothing else does: residents may be evacuated, killed …
WEAK_NOUN_MEASURES = {
    "inhabitant": "inhabitants", "resident": "inhabitants", "population": "inhabitants",
    "voter": "voted", "vote": "voted", "ballot": "voted", "survivor": "rescued",
}  # fmt: skip
# Nouns that stand for people in general: 27,585 deaths and 27,708 people killed count alike.
GENERIC_PEOPLE = {
    "people", "person", "individual", "death", "fatality", "casualty", "victim", "dead",
    "body", "corpse", "deceased", "survivor", "inhabitant", "resident", "population", "hostage", "captive", "abductee",
    "refugee", "evacuee", "detainee", "voter", "they", "them", "toll", "tally", "number",
}  # fmt: skip
# Nouns a total is told by: "the death toll rose to 300".
TALLY_NOUNS = {"toll", "tally", "number", "total", "count", "figure", "turnout"}
INJURY_WORDS = {"injure", "wound", "injury", "wounded", "injured", "hurt"}
LABEL_PARTICIPLES = {
    "killed": "killed", "injured": "injured", "hostages": "taken hostage",
    "displaced": "displaced or evacuated", "arrested": "arrested",
    "rescued": "rescued", "voted": "who voted", "infected": "infected",
    "hospitalised": "hospitalised", "released": "released", "destroyed": "destroyed",
    "damaged": "damaged", "missing": "missing", "inhabitants": "living",
    "closed": "closed", "cancelled": "cancelled", "running": "running",
    "voted for": "voting for", "voted against": "voting against",
}  # fmt: skip

SPEECH_VERBS = {
    "say", "report", "tell", "announce", "state", "add", "confirm", "claim", "estimate",
    "record", "document", "declare", "note", "indicate", "put", "count", "tally", "cite",
}  # fmt: skip
# Words for a document rather than its author: "figures from the ministry" names the ministry.
REPORT_NOUNS = {"figure", "datum", "data", "statistic", "report", "count", "tally", "estimate", "result"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "on", "across", "throughout", "inside", "near", "at", "within"}
PERIOD_PREPS = {"in", "within", "over", "during", "for", "across"}
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "final", "opening", "closing"}
PERIOD_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}
# Trailing words that name a place's kind, not the place: "the Gaza Strip" is "Gaza".
PLACE_KINDS = {"strip", "region", "territory", "territories", "area", "province", "district"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
MONTH_PREFIXES = {m[:3] for m in MONTHS}
MONTH_RE = "|".join(m[:3] + r"[a-z]*\.?" for m in MONTHS)
# "7 October", "October 7th", "February 6, 2024" (commas already turned to spaces)
DAY_MONTH = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE})|({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b(?:\s+(\d{{4}}))?"
)


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


# --- numbers ---------------------------------------------------------------------------


def token_value(text: str) -> float | None:
    word = text.lower()
    if DIGITS.match(word):
        return float(word.replace(",", ""))
    scaled = SCALED.match(word)
    if scaled:
        return float(scaled.group(1)) * SCALES[scaled.group(2)]
    if word in UNITS:
        return float(UNITS[word])
    return float(SCALES[word]) if word in SCALES else None


def number_value(tokens: Iterable[Token]) -> float | None:
    """The value of a run of number tokens: "27,708", "2.4 million", "twenty - five"."""
    total, current = 0.0, 0.0
    for token in tokens:
        if token.text == "-":
            continue
        value = token_value(token.text)
        if value is None:
            return None
        if token.lower_ == "hundred":
            current = (current or 1) * 100
        elif token.lower_ in SCALES or SCALED.match(token.lower_):
            total, current = total + (current or 1) * value, 0.0
        else:
            current += value
    return total + current


def count_value(run: Span) -> float | None:
    if len(run) == 1 and POINT_GROUPED.match(run.text):
        return float(run.text.replace(".", ""))
    return number_value(run)


def number_runs(doc: Doc) -> Iterator[Span]:
    """Maximal runs of adjacent number tokens; a hyphen joins spelled-out parts."""
    start: int | None = None
    for token in doc:
        joins = token.text == "-" and start is not None and token.i + 1 < len(doc)
        if token_value(token.text) is not None or (joins and token_value(doc[token.i + 1].text)):
            start = token.i if start is None else start
            continue
        if start is not None:
            yield doc[start : token.i]
        start = None
    if start is not None:
        yield doc[start:]


def is_not_count(run: Span) -> bool:
    """Dates, times, money, ordinals, percentages, years, "six-week", "No. 10", "magnitude 7.8"."""
    doc = run.doc
    after = doc[run.end] if run.end < len(doc) else None
    before = doc[run.start - 1] if run.start > 0 else None
    # The model tags "the toll stands at 80" and "On Wednesday 470 firefighters" DATE;
    # a tally noun or a counted plural outweighs the tag.
    tagged = any(t.ent_type_ in NOT_COUNTS for t in run)
    if tagged and tally_subject(run_root(run)) is None and not counts_plural(run):
        return True
    if is_fractional(run):
        return True
    if after is not None and (after.text in {"-", "%", "/", ":"} or after.lower_ in UNIT_NOUNS):
        return True
    marks = {"-", "#", "/", "$", "€", "£", "no."}
    if before is not None and (before.lower_ in marks or before.lower_ in UNIT_NOUNS):
        return True
    return is_year(run) or is_anaphoric(run)


def counts_plural(run: Span) -> bool:
    """A number that modifies a plural common noun and stands by no month name counts that noun,
    whatever its entity tag: "470 firefighters", but not "October 7 attacks"."""
    number, doc = run_root(run), run.doc
    if number.dep_ == "conj" and number.head.like_num:
        number = number.head  # "between 20 and 25 buses": the upper bound counts what the lower counts
    noun = number.head
    if number.dep_ != "nummod" or noun.tag_ != "NNS" or noun.lemma_.lower() in UNIT_NOUNS | PERIOD_UNITS:
        return False
    beside = [doc[i].lower_ for i in (run.start - 1, run.end) if 0 <= i < len(doc)]
    return not any(word[:3] in MONTH_PREFIXES for word in beside) and noun.ent_type_ not in NOT_COUNTS


def is_fractional(run: Span) -> bool:
    """People come in whole numbers; "2.4 million" is whole, "7.8" is a measurement, and "3.500
    children" is 3,500 grouped with a point."""
    if len(run) == 1 and POINT_GROUPED.match(run.text) and counts_plural(run):
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
    return spelled and before is not None and before.lower_ in {"the", "these", "those", "both"} and not is_partitive_whole(run)


def is_partitive_whole(run: Span) -> bool:
    """ "Seven of the ten members", "two of its four lines": the whole a part is taken from is
    stated there, not referred back to."""
    noun = run_root(run).head
    of = noun.head if noun.dep_ == "pobj" else None
    return of is not None and of.lower_ == "of" and of.head.like_num and run_root(run).dep_ == "nummod"


def read_qualifier(run: Span) -> tuple[str | None, int]:
    return read_qualifier_at(run.doc, run.start)


def read_qualifier_at(doc: Doc, end: int) -> tuple[str | None, int]:
    """The normalised qualifier written just before `end`, and where it starts."""
    for words, normal in QUALIFIERS:
        start = end - len(words)
        if start >= 0 and tuple(t.lower_ for t in doc[start:end]) == words:
            return normal, start
    return None, end


# --- what is counted -------------------------------------------------------------------


def run_root(run: Span) -> Token:
    """The run's token whose head lies outside it: the one that attaches to the counted noun."""
    inside = {t.i for t in run}
    return next((t for t in run if t.head.i not in inside or t.head.i == t.i), run[-1])


def counted_noun(number: Token) -> Token | None:
    """The noun a number counts, written or elided ("including 29", "two of them", "toll rose to 300")."""
    head = number.head
    if number.dep_ == "nummod" and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return head
    sibling = sibling_subject(number)
    if sibling is not None:
        return sibling
    partitive = partitive_noun(number)
    if partitive is not None:
        return earlier_counted_noun(number) or partitive if partitive.pos_ == "PRON" else partitive
    if number.dep_ == "pobj" and head.lemma_ in {"include", "among"}:
        return including_noun(head)
    if number.dep_ == "conj" and head.like_num and head.i < number.i:
        return counted_noun(head)  # "between 30 and 40 coaches": a range's bounds count one thing
    if is_bare_earlier(number):
        return earlier_counted_noun(number)
    return tally_subject(number) or gapped_noun(number) or copula_noun(number)


def copula_noun(number: Token) -> Token | None:
    """ "Twelve were children", "Three were women": a number whose copula names what it counts."""
    if number.dep_ != "nsubj" or number.head.lemma_ != "be":
        return None
    return next((c for c in number.head.children if c.dep_ == "attr" and c.tag_ == "NNS" and c.pos_ == "NOUN"), None)


def is_bare_earlier(number: Token) -> bool:
    """ "214 cases …, up from 168 a week earlier": an earlier value that leaves its noun unsaid
    counts what the count it is compared with counts."""
    return number.dep_ == "pobj" and number.head.lower_ == "from" and number.head.head.lower_ in {"up", "down"}


def sibling_subject(number: Token) -> Token | None:
    """ "Twelve seriously ill patients were taken …", parsed as two subjects of "taken": the plural
    noun just after the number (past adverbs and adjectives) is the one it counts."""
    if number.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    for token in number.doc[number.i + 1 : number.i + 5]:
        if token.pos_ in {"ADV", "ADJ"}:
            continue
        same_role = token.dep_ == number.dep_ and token.head.i == number.head.i
        return token if token.tag_ == "NNS" and token.pos_ == "NOUN" and same_role else None
    return None


def partitive_noun(number: Token) -> Token | None:
    """ "two of them", "31 of the 90 seats" (also when the parse hangs "of" elsewhere)."""
    of = next((c for c in number.children if c.lower_ == "of" and c.dep_ == "prep"), None)
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if of is None and following is not None and following.lower_ == "of" and following.dep_ == "prep":
        of = following
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def earlier_counted_noun(number: Token) -> Token | None:
    """The nearest noun counted earlier in the sentence: what "1,200 of them" and "3,000 were
    evacuated" leave unsaid in "cut 1,800 jobs, 1,200 of them in Sweden"."""
    for token in reversed(number.doc[sentence_of(number).start : number.i]):
        counted = any(c.dep_ == "nummod" and c.like_num for c in token.children)
        if token.pos_ == "NOUN" and counted and is_countable(token):
            return token
    return None


def elided_count(number: Token) -> tuple[Token, Token] | None:
    """A bare number written as a subject, "and more than 3,000 were evacuated": the noun counted
    earlier in the sentence, and the verb that says what befell them."""
    following = [t for t in number.doc[number.i + 1 : sentence_of(number).end] if t.pos_ != "ADV"]
    if len(following) < 2 or following[0].pos_ != "AUX" or any(c.dep_ == "prep" for c in number.children):
        return None
    verb = next((t for t in following[:3] if t.pos_ == "VERB"), None)
    noun = earlier_counted_noun(number)
    return (noun, verb) if noun is not None and verb is not None else None


def gapped_noun(number: Token) -> Token | None:
    """The counted noun one clause wrote and the next left out:
    "3 people were killed and 17 wounded", "34 people dead and 12 missing", "… and 2,200 in Syria"."""
    if number.dep_ in {"nsubj", "nsubjpass"} and number.head.dep_ == "conj":
        verb = number.head.head
    elif number.dep_ == "conj" and number.head.pos_ in {"VERB", "AUX"}:
        verb = number.head
    else:
        return None
    nouns = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    counted = [n for n in nouns if any(c.dep_ == "nummod" for c in n.children)]
    return counted[0] if counted else None


def including_noun(including: Token) -> Token | None:
    """The whole an "including …" part belongs to: its head noun, or its verb's subject."""
    head = including.head
    if head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return head
    return next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def tally_subject(number: Token) -> Token | None:
    """ "The death toll rose to 300" / "the toll is 300": the tally noun the number completes."""
    verb = number.head.head if number.dep_ == "pobj" else number.head
    if number.dep_ not in {"pobj", "attr", "dobj"} or verb.pos_ not in {"VERB", "AUX"}:
        return None
    # "the toll rose to 300" (subject) or "the ministry put the toll at 300" (object)
    nouns = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.i != number.i]
    return next((n for n in nouns if n.lemma_.lower() in TALLY_NOUNS), None)


def is_countable(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in UNIT_NOUNS or noun.ent_type_ in NOT_COUNTS:
        return False
    return noun.pos_ != "PROPN" or noun.ent_type_ == "NORP"


# Plurals the model's lemmatizer cuts wrongly: "corpses" is not "corps", nor "doses" "dos".
LEMMA_FIXES = {"corpses": "corpse", "doses": "dose"}


def lemma_of(token: Token) -> str:
    return LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


def noun_lemma(noun: Token) -> str:
    lemma = lemma_of(noun)
    return "people" if lemma in TALLY_NOUNS or lemma in {"they", "them"} else lemma


# General English synonyms of counted nouns: outlets write either for the same people or things.
COUNT_SYNONYMS = {
    "position": "job", "municipality": "town", "commune": "town", "township": "town",
    "rescuer": "rescue worker", "fireman": "firefighter", "employee": "employee",
    "trip": "journey", "ride": "journey", "minor": "child",
}  # fmt: skip
# Words for people at work: "12,000 employees", "12,400 staff"; a kind before them
# ("rescue workers", "search and rescue personnel") says which workers.
WORKER_NOUNS = {"worker", "employee", "staff", "staffer", "personnel"}


def counted_key(noun: Token) -> str:
    """The counted noun as a grouping key: its lemma, with synonyms of general English merged."""
    lemma = noun_lemma(noun)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() == "employ" or any(c.lemma_.lower() in WORKER_NOUNS for c in kinds_of(noun)):
        return "employee"  # "employs 4,800 people", "4,800 staff members"
    if lemma in WORKER_NOUNS:
        kinds = [c for c in noun.lefts if c.dep_ in {"compound", "nmod"} and c.pos_ == "NOUN"]
        kinds += [k for c in kinds for k in c.conjuncts if k.pos_ == "NOUN"]
        return f"{max(kinds, key=lambda t: t.i).lemma_.lower()} worker" if kinds else "employee"
    return COUNT_SYNONYMS.get(lemma, lemma)


def subject_of(noun: Token) -> str:
    """Who is counted, as a key: "people" for any general word for persons."""
    lemma = noun_lemma(noun)
    return "people" if lemma in GENERIC_PEOPLE else lemma


def noun_measure(noun: Token) -> str | None:
    lemma = lemma_of(noun)
    if lemma in TALLY_NOUNS:
        kinds = [NOUN_MEASURES.get(c.lemma_.lower()) for c in noun.children if c.dep_ in {"compound", "amod"}]
        # "the number of people killed": the measure sits on the counted noun after "of"
        of = [p for c in noun.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        kinds += [noun_measure(p) or modifier_measure(p) for p in of]
        return next((k for k in kinds if k), "killed" if lemma == "toll" else None)
    if lemma == "casualty" and mentions_injury(sentence_of(noun)):
        return "casualties"  # killed and wounded together
    return NOUN_MEASURES.get(lemma)


def mentions_injury(sentence: Span) -> bool:
    return any(t.lemma_.lower() in INJURY_WORDS for t in sentence)


def word_measure(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "ADJ" or token.lower_ in ADJ_MEASURES:
        return ADJ_MEASURES.get(token.lower_) or ADJ_MEASURES.get(lemma)
    if token.pos_ in {"VERB", "AUX"}:
        if lemma in MANAGING_VERBS and any(c.dep_ == "agent" for c in token.children):
            return None  # "four hospitals run by the group" are managed by it, not running
        return VERB_MEASURES.get(lemma) or idiom_measure(token)
    return None


# Verbs that in the passive with an agent say who manages a thing: "run by", "operated by".
MANAGING_VERBS = {"run", "operate"}


# Verb + object idioms: "took 250 people hostage", "lost their lives", "forced from their homes".
IDIOMS = (
    ({"take", "hold"}, {"hostage", "captive"}, "hostages"),
    ({"lose"}, {"life"}, "killed"),
    ({"leave", "flee", "force", "drive", "abandon", "evacuate"}, {"home", "house"}, "displaced"),
    ({"move", "take", "bring", "relocate"}, {"safety", "shelter"}, "displaced"),
    ({"admit", "take", "rush", "bring", "transport", "fly", "airlift"}, {"hospital"}, "hospitalised"),
    ({"be", "remain", "stay", "lie"}, {"hospital"}, "hospitalised"),
    ({"suffer", "sustain", "receive"}, {"injury", "burn", "wound", "fracture", "bruise"}, "injured"),
)


def idiom_measure(verb: Token) -> str | None:
    near = {t.lemma_.lower() for c in verb.children for t in (c, *c.children)}
    lemma = verb.lemma_.lower()
    return next((m for verbs, words, m in IDIOMS if lemma in verbs and words & near), None)


def modifier_measure(token: Token) -> str | None:
    """A measure written on the count itself: "29 believed to have died", "10 people dead"."""
    for child in token.children:
        if child.dep_ in {"amod", "acl", "relcl", "oprd", "acomp", "xcomp"}:
            found = word_measure(child) or next(
                (word_measure(c) for c in child.children if c.dep_ in {"xcomp", "acomp", "oprd"} and word_measure(c)),
                None,
            )
            if found:
                return found
    return None


def verb_measure(verb: Token) -> str | None:
    found = word_measure(verb)
    if found:
        return found
    complements = [c for c in verb.children if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp"}]
    found = next((word_measure(c) for c in complements if word_measure(c)), None)
    # "two children were among the dead"
    among = [p for c in verb.children if c.lower_ == "among" for p in c.children if p.dep_ == "pobj"]
    return found or next((noun_measure(p) for p in among if noun_measure(p)), None)


def find_measure(number: Token, noun: Token) -> str | None:
    """The first measure word from the count up to the clause that governs it; weak nouns last."""
    found = noun_measure(noun) or modifier_measure(number) or modifier_measure(noun) or held_measure(number, noun)
    if found is None and not is_partitive_whole(number.doc[number.i : number.i + 1]):
        found = climb_measure(number, noun)  # "Seven of the ten voted": the seven voted, not the ten
    return found or WEAK_NOUN_MEASURES.get(noun.lemma_.lower())


def held_measure(number: Token, noun: Token) -> str | None:
    """ "The coalition has 110 deputies": what a subject has now is its standing size, not the
    count of an event ("108 deputies voted"), though no measure word is written."""
    counted = count_anchor(number, noun)
    verb = counted.head
    holds = counted.dep_ == "dobj" and verb.lemma_.lower() == "have" and verb.tag_ in {"VBZ", "VBP"}
    return "held" if holds and any(c.dep_ == "nsubj" for c in verb.children) else None


def climb_measure(number: Token, noun: Token) -> str | None:
    node, after_of = count_anchor(number, noun), False
    while node.head.i != node.i and not ends_climb(node):
        node = node.head
        found = None
        if node.pos_ in {"NOUN", "PROPN"}:
            found = noun_measure(node) or modifier_measure(node)
            if found is None and after_of:
                break  # "displacing half of its 2.4 million inhabitants": the verb acts on the half
        elif node.pos_ in {"VERB", "AUX"}:
            found = verb_measure(node)
            if found is None and clause_head(node):
                break
        elif node.pos_ == "ADJ" and node.dep_ == "ROOT":
            found = word_measure(node)  # "Two children dead.": a headline's verbless predicate
        if found:
            return found
        after_of = node.lower_ == "of"
    return None


def ends_climb(node: Token) -> bool:
    """A noun or verb that modifies another noun: "voters casting ballots across 1,200 stations"
    says nothing of what the stations measure. Parts ("including", "of", conj, appos) climb on."""
    if node.dep_ in {"acl", "relcl"}:
        return True
    if node.dep_ == "pobj":
        return node.head.lemma_.lower() not in {"include", "among", "of"}
    return False


def count_anchor(number: Token, noun: Token) -> Token:
    """Where the count sits in the tree: its noun when written there, else the number itself."""
    return noun if number.dep_ == "nummod" and number.head.i == noun.i else number


def clause_head(verb: Token) -> bool:
    """A verb with its own subject, or a speech verb: past it lies another statement."""
    if verb.lemma_.lower() in SPEECH_VERBS:
        return True
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


# --- where, when, who says so -----------------------------------------------------------


def governors(token: Token) -> list[Token]:
    """The token and its ancestors, nearest first, then speech verbs hung beside them."""
    chain = [token, *token.ancestors]
    beside = [c for g in chain for c in g.children if c.dep_ in {"conj", "parataxis"} and is_speech(c)]
    return chain + [b for b in beside if b not in chain]


def is_speech(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in SPEECH_VERBS


def preps(node: Token, words: set[str] | None) -> Iterator[Token]:
    """Prepositional objects under a node, and under its subject and object nouns (any prep: None)."""
    holders = [node, *(c for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"})]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and (words is None or prep.lower_ in words):
                yield from (c for c in prep.children if c.dep_ == "pobj")


def nested_preps(node: Token, words: set[str]) -> Iterator[Token]:
    """One level further: "the toll from the earthquake in Turkey", "from a school in Kaduna"."""
    for pobj in preps(node, None):
        for prep in pobj.children:
            if prep.dep_ == "prep" and prep.lower_ in words:
                yield from (c for c in prep.children if c.dep_ == "pobj")


def entity_of(token: Token, labels: set[str]) -> Span | None:
    """The entity a token is part of, found from its IOB tags: `doc.ents` would rebuild every
    entity of the document on each call, quadratic in a long article."""
    if token.ent_type_ not in labels:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def place_entity(pobj: Token) -> Span | None:
    """ "in Homs", "in the Syrian city of Homs", "in southern Israel"."""
    found = entity_of(pobj, PLACE_LABELS)
    if found is not None or pobj.ent_type_:
        return found
    of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return entity_of(inner, PLACE_LABELS) if inner is not None else None


def find_place(chain: Sequence[Token]) -> str | None:
    for node in chain:
        for pobj in [*preps(node, PLACE_PREPS), *nested_preps(node, PLACE_PREPS)]:
            entity = place_entity(pobj)
            if entity is not None:
                return strip_article(entity.text)
    return None


def strip_article(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text.strip())


def period_of(pobj: Token) -> str | None:
    """ "the last 24 hours" → "24 hours"; "the past week" → "week"."""
    if pobj.lemma_.lower() not in PERIOD_UNITS:
        return None
    count = [c for c in pobj.children if c.dep_ == "nummod"]
    if any(c.ent_type_ == "ORDINAL" or c.lower_ in ORDINAL_WORDS for c in pobj.children):
        return None  # "the first three months" is a span of the calendar, not a window of time
    recent = any(c.lower_ in {"last", "past", "previous", "preceding"} for c in pobj.children)
    if count:
        return f"{count[0].text} {pobj.text}"
    return pobj.text if recent else None


def find_period(chain: Sequence[Token]) -> str | None:
    for node in chain:
        for pobj in preps(node, PERIOD_PREPS):
            period = period_of(pobj)
            if period is not None:
                return period
    return None


def date_children(node: Token) -> Iterator[Token]:
    for child in node.children:
        if child.dep_ in {"npadvmod", "tmod", "obl", "advmod"} and child.ent_type_ == "DATE":
            yield child
        elif child.dep_ == "prep" and child.lower_ in {"on", "as"}:
            yield from (c for c in child.subtree if c.dep_ == "pobj" and c.ent_type_ == "DATE")


def find_when(chain: Sequence[Token]) -> str | None:
    """The first date said of the count (nearest governor first), as written: "Wednesday"."""
    for node in chain:
        for token in date_children(node):
            entity = entity_of(token, {"DATE"})
            return entity.text if entity is not None else token.text
    return None


def resolve_date(text: str, published: str | None) -> str | None:
    """ "Wednesday", "yesterday", "on January 30", "7 October", "February 6, 2024" → ISO date."""
    words = text.lower().replace(",", " ").split()
    anchor = date.fromisoformat(published) if published else None
    explicit = month_day(" ".join(words), anchor)
    if explicit is not None or anchor is None:
        return explicit
    if "yesterday" in words:
        return (anchor - timedelta(days=1)).isoformat()
    if "today" in words or "tonight" in words:
        return anchor.isoformat()
    day = next((WEEKDAYS.index(w) for w in words if w in WEEKDAYS), None)
    if day is None:
        return None
    back = (anchor.weekday() - day) % 7 or (7 if "last" in words else 0)
    return (anchor - timedelta(days=back)).isoformat()


def month_day(text: str, anchor: date | None) -> str | None:
    match = DAY_MONTH.search(text)
    if match is None:
        return None
    month = MONTHS.index(next(m for m in MONTHS if (match.group(2) or match.group(3)).startswith(m[:3]))) + 1
    day = int(match.group(1) or match.group(4))
    if match.group(5):
        return safe_date(int(match.group(5)), month, day)
    if anchor is None:
        return None
    guess = safe_date(anchor.year, month, day)
    return safe_date(anchor.year - 1, month, day) if guess and guess > anchor.isoformat() else guess


def safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_speaker(chain: Sequence[Token]) -> Token | None:
    """The source noun: "according to X", else the subject of the nearest speech verb."""
    for node in chain:
        for pobj in preps(node, {"to"}):
            if pobj.head.head.lower_ == "according":
                return pobj
        for child in node.children:
            if child.lower_ == "according":
                return next((p for c in child.children for p in c.children if p.dep_ == "pobj"), None)
    verb = next((node for node in chain if is_speech(node)), None)
    return speech_subject(verb) if verb is not None else None


def speech_subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and verb.dep_ in {"acl", "pcomp"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        subject = verb.head
    if subject is not None:
        return subject
    # "…, the Observatory for Human Rights (OSDH) said": a misparsed subject still sits just before the verb.
    last = last_word_before(verb)
    entity = entity_of(last, {"ORG", "PERSON", "NORP", "GPE"}) if last is not None else None
    return entity.root if entity is not None else None


def last_word_before(token: Token) -> Token | None:
    """The nearest earlier word of the sentence, skipping punctuation and a bracketed aside."""
    depth = 0
    for previous in reversed(token.doc[sentence_of(token).start : token.i]):
        depth += {")": 1, "(": -1}.get(previous.text, 0)
        if depth == 0 and not previous.is_punct:
            return previous
    return None


def source_name(head: Token, previous: str | None) -> str | None:
    """A short name for a source: "Gaza's health ministry" → "Gaza health ministry"."""
    if head.lower_ in {"it", "they"} or any(c.lower_ == "same" for c in head.children):
        return previous
    if head.pos_ == "PRON":
        return None
    origin = [p for c in head.children if c.lower_ in {"from", "by"} for p in c.children if p.dep_ == "pobj"]
    if head.lemma_.lower() in REPORT_NOUNS and origin:
        return source_name(origin[0], previous)  # "the latest figures from the regional authorities"
    entity = entity_of(head, {"ORG", "PERSON", "NORP", "GPE"})
    if entity is not None and entity.root.i == head.i:
        return strip_article(entity.text)
    return " ".join(t.text for t in name_tokens(head))


def name_tokens(head: Token) -> list[Token]:
    """The head and its left name modifiers; articles, possessive marks and plain adjectives dropped."""
    kept = [head]
    for child in head.lefts:
        named = child.pos_ == "PROPN" or bool(child.ent_type_)
        plain = child.dep_ == "amod" and child.tag_ == "JJ"  # "interior ministry"; not "ruling", "latest"
        if child.dep_ == "compound" or plain or (child.dep_ in {"amod", "poss", "nmod"} and named):
            kept.extend(t for t in name_tokens(child) if t.dep_ != "case")
    return sorted(kept, key=lambda t: t.i)


# --- measurements: percentages, magnitudes, units and money ------------------------------
#
# A measurement is a number with a unit ("34.2%", "magnitude 6.8", "12,000 hectares", "€1 billion").
# Its `noun` is the normalised unit and its `measure` says what is measured, read off the tree:
# the whole of a share ("34.2% of the vote"), the noun it measures ("a depth of 10 km", "the damage
# at €1 billion"), the verb that acts on it ("burning 12,000 hectares") or the subject it is said of
# ("turnout was 61.4%", "sales fell 18%"), with whose share it is ("Civic Spring had 34.2%").
# A measurement whose measured thing cannot be read is dropped: a bare "10 km" says too little.

PERCENT_UNITS = {"%": "%", "percent": "%", "pct": "%"}
UNIT_NAMES = {
    "km": "km", "kilometre": "km", "kilometer": "km", "m": "m", "metre": "m", "meter": "m",
    "cm": "cm", "centimetre": "cm", "centimeter": "cm", "mm": "mm", "millimetre": "mm",
    "millimeter": "mm", "mile": "mile", "foot": "foot", "feet": "foot", "inch": "inch",
    "hectare": "hectare", "ha": "hectare", "acre": "acre", "kg": "kg", "kilogram": "kg",
    "tonne": "tonne", "ton": "tonne", "litre": "litre", "liter": "litre", "barrel": "barrel",
    "gallon": "gallon", "degree": "degree", "mph": "mph", "kph": "km/h", "km/h": "km/h",
}  # fmt: skip
# Currencies by their English names; krona, krone, koruna are all "crowns" in translation.
CURRENCY_NAMES = {
    "dollar": "dollar", "euro": "euro", "pound": "pound", "sterling": "pound", "yen": "yen",
    "yuan": "yuan", "renminbi": "yuan", "krona": "crown", "kronor": "crown", "krone": "crown",
    "kroner": "crown", "crown": "crown", "koruna": "crown", "franc": "franc", "rupee": "rupee",
    "lira": "lira", "ruble": "rouble", "rouble": "rouble", "shekel": "shekel", "peso": "peso",
    "rand": "rand", "dinar": "dinar", "riyal": "riyal", "dirham": "dirham", "zloty": "zloty",
    "forint": "forint", "hryvnia": "hryvnia", "naira": "naira", "lev": "lev", "leu": "leu",
    "lei": "leu", "cedi": "cedi", "shilling": "shilling", "kwacha": "kwacha",
    "ringgit": "ringgit", "baht": "baht", "rial": "riyal",
}  # fmt: skip
CURRENCY_SIGNS = {"$": "dollar", "us$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee", "₺": "lira"}
SPEED_UNITS = {"km": "km/h", "mile": "mph"}
TEMPERATURE_SCALES = {"celsius", "fahrenheit", "centigrade"}
UNIT_LABELS = {"%": "%", "km": "km", "m": "m", "cm": "cm", "mm": "mm", "km/h": "km/h", "mph": "mph", "kg": "kg", "foot": "feet", "inch": "inches"}
# Verbs that say a quantity is held, reached or estimated, and nothing of what it is.
NEUTRAL_VERBS = {
    "be", "have", "reach", "stand", "hit", "total", "put", "estimate", "measure", "remain", "stay",
    "exceed", "top", "win", "take", "get", "receive", "secure", "capture", "hold", "record",
    "register", "come", "end", "finish", "close", "expect", "forecast", "show", "amount", "say",
    "poll", "garner", "obtain", "account", "represent", "make", "see", "gain", "lose",
}  # fmt: skip
FALL_WORDS = {
    "fall", "drop", "decline", "slump", "plunge", "sink", "shrink", "slide", "tumble", "dip",
    "contract", "slip", "plummet", "decrease", "lower", "down", "less", "low", "cut", "reduce",
    "slash", "trim", "weaken", "ease",
}  # fmt: skip
RISE_WORDS = {
    "rise", "increase", "grow", "climb", "jump", "soar", "surge", "rally", "expand", "rebound",
    "higher", "high", "up", "more", "raise", "lift", "boost", "strengthen",
}  # fmt: skip
# General synonyms of measured things: outlets write either for the same quantity.
MEASURED_SYNONYMS = {
    "quake": "earthquake", "temblor": "earthquake", "gust": "wind", "rainfall": "rain",
    "precipitation": "rain", "stock": "share", "ballot": "vote", "temperature": "temperature",
    "goal": "target", "aim": "target", "objective": "target", "salary": "pay", "wage": "pay",
}  # fmt: skip
# Verbs whose subject holds a share: "the party took 12%", unlike "turnout reached 61%".
SHARE_VERBS = {
    "win", "take", "get", "receive", "secure", "capture", "garner", "poll", "obtain", "have", "hold",
    "own", "control", "score",
}  # fmt: skip
# Nouns for quantities that are said of, not owned: "Turnout was 61%", "Inflation rose 2%".
QUANTITY_NOUNS = {
    "turnout", "inflation", "unemployment", "growth", "output", "sales", "revenue", "profit",
    "price", "prices", "rate", "support", "approval", "participation", "share", "shares", "stock",
    "production", "exports", "imports", "spending", "debt", "deficit", "income", "wages", "rent",
}  # fmt: skip
# Verbs of handing over money: "promised 50,000 cedis to each family" is what "will pay" says.
PAYING_VERBS = {"promise": "pay", "pledge": "pay", "give": "pay", "grant": "pay", "award": "pay", "donate": "pay"}
# Nouns that say only that an amount is an amount: "exports in value of 1.2 billion euros" and
# "grain worth €1.2bn shipped" measure the same thing; "value" names neither.
VALUE_NOUNS = {"value", "amount", "sum", "worth", "total", "figure"}
# Nouns of seismic events, whose magnitude is often written as a bare number: "a 6.4 earthquake".
SEISMIC_NOUNS = {"earthquake", "quake", "aftershock", "tremor", "temblor", "foreshock"}
IRREGULAR_PARTICIPLES = {"burn": "burned", "cut": "cut", "give": "given", "spend": "spent", "lose": "lost", "pay": "paid", "raise": "raised"}


PERCENT_KINDS = {"%", "percentage point", "basis point"}
MAGNITUDE_GAP = 0.5
MEASUREMENT_UNITS = {
    *PERCENT_KINDS, "magnitude", *UNIT_NAMES.values(), *(f"{u}/h" for u in UNIT_NAMES.values()),
    *CURRENCY_NAMES.values(), *CURRENCY_SIGNS.values(),
}  # fmt: skip


# Words that name a measurement, not a measured thing: "with 27.9%" hung on another "28.5%".
MEASUREMENT_WORDS = {*PERCENT_UNITS, "cent", "point", "magnitude", *UNIT_NAMES, *CURRENCY_NAMES}


def measurement_unit(run: Span) -> tuple[str, Token, int, int] | None:
    """The unit of a measured number, the token that stands for the measurement in the tree,
    and the span of the figure as written (unit and sign included); None for a plain count."""
    doc, number = run.doc, run_root(run)
    after = doc[run.end] if run.end < len(doc) else None
    before = doc[run.start - 1] if run.start > 0 else None
    if before is not None and before.lower_ in CURRENCY_SIGNS and currency_scale(run, CURRENCY_SIGNS[before.lower_]):
        return CURRENCY_SIGNS[before.lower_], doc[run.end], before.i, run.end + 1  # "€2.5m": "m" heads it
    if after is not None:
        found = unit_after(after)
        if found is not None:  # "per cent", "percentage points": the last word heads the phrase
            anchor = doc[found[1] - 1] if found[0] in PERCENT_KINDS | {"degree"} else after
            return found[0], anchor, run.start, found[1]
        upper = range_upper(run)
        if upper is not None:  # "between 3.1 and 4.0 per cent": the bounds share one unit
            shared = measurement_unit(upper)
            return (shared[0], shared[1], run.start, run.end) if shared is not None else None
    if before is not None and before.lower_ in CURRENCY_SIGNS:
        anchor = before if number.head.i == before.i else number
        return CURRENCY_SIGNS[before.lower_], anchor, before.i, run.end
    magnitude = magnitude_word(run) or seismic_word(run)
    if magnitude is not None:
        anchor = number.head if number.dep_ == "nummod" and number.head.pos_ == "NOUN" else magnitude
        anchor = number if magnitude.i == number.i else anchor
        return "magnitude", anchor, min(run.start, magnitude.i), max(run.end, magnitude.i + 1)
    return None


# After a currency sign a lone letter is a scale: "€2.5m", "$40k", "£1.2bn" (split off by the tokenizer).
CURRENCY_SCALES = {"m": 1e6, "m.": 1e6, "mn": 1e6, "mln": 1e6, "k": 1e3, "bn": 1e9, "b": 1e9, "tn": 1e12}


def currency_scale(run: Span, unit: str) -> float | None:
    doc = run.doc
    signed = run.start > 0 and doc[run.start - 1].lower_ in CURRENCY_SIGNS and CURRENCY_SIGNS[doc[run.start - 1].lower_] == unit
    after = doc[run.end].lower_ if run.end < len(doc) else ""
    return CURRENCY_SCALES.get(after) if signed and doc[run.end - 1].whitespace_ == "" else None


def range_upper(run: Span) -> Span | None:
    """The upper bound of a range the run opens: "between 3.1 and 4.0", "from 30 to 40"."""
    doc = run.doc
    if run.end + 1 >= len(doc) or doc[run.end].lower_ not in {"and", "to"}:
        return None
    before = doc[run.start - 1].lower_ if run.start > 0 else ""
    if before not in {"between", "from"}:
        return None
    end = run.end + 1
    while end < len(doc) and token_value(doc[end].text) is not None:
        end += 1
    return doc[run.end + 1 : end] if end > run.end + 1 else None


def unit_after(token: Token) -> tuple[str, int] | None:
    """The unit a number is followed by, and where the written unit ends: "%", "per cent", "km/h",
    "kilometres an hour", "percentage points", "hectares", "kronor"."""
    doc, lemma = token.doc, token.lemma_.lower()
    following = [t.lower_ for t in doc[token.i + 1 : token.i + 3]]
    if token.lower_ in PERCENT_UNITS or lemma in PERCENT_UNITS:
        return "%", token.i + 1
    if token.lower_ == "per" and following[:1] == ["cent"]:
        return "%", token.i + 2
    if token.lower_ == "percentage" and following[:1] and following[0].startswith("point"):
        return "percentage point", token.i + 2
    if token.lower_ == "basis" and following[:1] and following[0].startswith("point"):
        return "basis point", token.i + 2  # a hundredth of a percentage point, as markets write it
    currency = CURRENCY_NAMES.get(lemma) or CURRENCY_NAMES.get(token.lower_) or CURRENCY_NAMES.get(token.lower_.removesuffix("s"))
    if currency is not None:
        return currency, token.i + 1
    unit = UNIT_NAMES.get(lemma) or UNIT_NAMES.get(token.lower_)
    if unit is None:
        return None
    speed = SPEED_UNITS.get(unit, f"{unit}/h")
    if following[:2] in (["/", "h"], ["/", "hr"]):
        return speed, token.i + 3  # "80 km/h" split by the tokenizer
    if following[:2] in (["an", "hour"], ["a", "hour"], ["per", "hour"]):
        return speed, token.i + 3
    if unit == "degree" and following[:1] and following[0] in TEMPERATURE_SCALES:
        return unit, token.i + 2  # "29 degrees Celsius": the scale's name heads the phrase
    return unit, token.i + 1


def magnitude_word(run: Span) -> Token | None:
    """ "magnitude 6.8", "magnitude-6.8", "6.9-magnitude", "a magnitude of 6.9", "put the magnitude at 6.8"."""
    doc = run.doc
    near = [doc[i] for i in (run.start - 1, run.start - 2, run.end, run.end + 1) if 0 <= i < len(doc)]
    written = next((t for t in near if t.lower_ == "magnitude"), None)
    if written is not None and all(doc[i].text == "-" for i in range(min(written.i, run.start) + 1, max(written.i, run.end - 1))):
        return written
    number = run_root(run)
    if number.dep_ == "pobj" and number.head.lower_ == "of" and number.head.head.lower_ == "magnitude":
        return number.head.head
    return completed_noun(number, {"magnitude"})


def seismic_word(run: Span) -> Token | None:
    """A quake's magnitude written bare: "the 6.9 earthquake", "the strongest measuring 5.4"."""
    number = run_root(run)
    if number.dep_ == "nummod" and number.head.lemma_.lower() in SEISMIC_NOUNS and is_fractional(run):
        return number.head
    measuring = number.head.lemma_.lower() == "measure" and number.dep_ in {"dobj", "attr", "npadvmod", "oprd"}
    return number if measuring and is_fractional(run) else None


def completed_noun(number: Token, nouns: set[str]) -> Token | None:
    """The noun a number completes through its verb: "put the magnitude at 6.8", "the toll rose to 300"."""
    verb = number.head.head if number.dep_ == "pobj" else number.head
    if number.dep_ not in {"pobj", "attr", "dobj"} or verb.pos_ not in {"VERB", "AUX"}:
        return None
    candidates = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.i != number.i]
    return next((n for n in candidates if n.lemma_.lower() in nouns), None)


def measured_key(token: Token) -> str:
    """What is measured, as a key, its compounds in brackets: they name its kind ("rate (repo)" is
    not "rate (discount)"), and one outlet may leave the kind unsaid ("the rate")."""
    lemma = token.lemma_.lower()
    written = tuple(c.lower_ for c in token.lefts if c.dep_ in {"amod", "compound"}) + (lemma,)
    spelled = next((key for words, key in SPELLED_OUT.items() if written[-len(words) :] == words), None)
    if spelled is not None:
        return spelled
    kinds = " ".join(c.lemma_.lower() for c in kinds_of(token) if (c.lemma_.lower(), lemma) not in GENUS_KINDS)
    return MEASURED_SYNONYMS.get(lemma, lemma) + (f" ({kinds})" if kinds else "")


# A measure written out or by its initials is one: "2.9% of gross domestic product" is "3% of GDP".
SPELLED_OUT = {("gross", "domestic", "product"): "gdp", ("gross", "national", "product"): "gnp"}


# Compounds that name the genus, not a kind: every central bank's rate is an interest rate, so
# "interest rates" is "the rate" with its kind unsaid (and may join "the reference rate").
GENUS_KINDS = {("interest", "rate")}


def measured_words(token: Token) -> str:
    return " ".join([*(c.text for c in kinds_of(token)), token.text]).lower()


def kinds_of(token: Token) -> list[Token]:
    return [
        c for c in token.lefts
        if c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"} and c.lower_ not in MEASUREMENT_WORDS and not c.like_num
    ]  # fmt: skip


def proper_name(token: Token) -> str | None:
    """The proper name a noun is or carries: "Civic Spring" for "the Civic Spring party"."""
    names = [t for t in token.subtree if t.pos_ == "PROPN" and is_name_part(t, token)]
    if not names or names[-1].lower_ in QUANTITY_NOUNS:
        return None
    # A capitalised first word ("Turnout was …") may be tagged a name: alone, trust it as an entity.
    if len(names) == 1 and names[0].is_sent_start and not names[0].ent_type_:
        return None
    return strip_article(token.doc[names[0].i : names[-1].i + 1].text)


def is_name_part(part: Token, head: Token) -> bool:
    """A proper noun that is the head or one of its compounds: not "of Prime Minister X" after it."""
    while part.i != head.i:
        if part.dep_ not in {"compound", "flat", "amod", "nmod", "appos"}:
            return False
        part = part.head
    return True


def clause_subjects(verb: Token) -> list[Token]:
    """The verb's subjects; a participle or infinitive clause borrows its governor's ("taking 34%")."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects or verb.dep_ not in {"advcl", "xcomp", "conj", "ccomp"} or verb.head.i == verb.i:
            return subjects
        verb = verb.head
    return []


def direction_of(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in FALL_WORDS or token.lower_ in FALL_WORDS:
        return "fall"
    return "rise" if lemma in RISE_WORDS or token.lower_ in RISE_WORDS else None


class Reading(NamedTuple):
    """What a measurement is said of, as read off the tree around it."""

    whole: Token | None  # "the vote" in "34.2% of the vote"; "rain" in "150 mm of rain"
    head: Token | None  # the noun it measures: "a depth of 10 km", "put the magnitude at 6.8"
    verb: Token | None  # a verb that says what is measured: "burning 12,000 hectares"
    subject: Token | None  # a common-noun subject: "turnout was 61.4%", "sales fell 18%"
    owner: str | None  # a named subject: "Civic Spring had 34.2%"
    unnamed: bool  # a pronoun subject: "it won 34%" (whose share is unknown)
    direction: str | None  # "fall" or "rise" for a change; None for a level


def of_object(token: Token) -> Token | None:
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def read_measured(anchor: Token) -> Reading:
    """Climb from the measurement to its verb through prepositions and degree words ("6.5 percent
    lower"); a noun met on the way is what it measures ("the damage at €1 billion")."""
    whole, node, direction, level = of_object(anchor), anchor, None, False
    # "the Greens' 28 percent", "the Greens 28 percent": an owner written on the measurement itself
    own = next((n for c in anchor.children if c.dep_ in {"poss", "nmod", "compound"} if (n := proper_name(c))), None)
    if anchor.dep_ == "conj" and anchor.head.like_num:
        node = anchor.head  # "between 2.5 and 3.0 per cent": the range stands where its lower bound does
    elif anchor.dep_ == "conj":  # "X took 28.5% and Y 28%": the verb's subject is not the conjunct's
        return Reading(whole, None, None, None, own, False, None)
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        head = node.head
        if node.dep_ == "pobj" and head.head.pos_ in {"NOUN", "PROPN"} and head.head.i != anchor.i:
            return noun_reading(whole, head, own)
        if node.dep_ == "npadvmod" and head.pos_ == "NOUN":  # "with revenue down 4.2 percent"
            words = [direction_of(c) for c in head.children if c.dep_ in {"advmod", "amod"}]
            return Reading(whole, head, None, None, own, False, direction or next((w for w in words if w), None))
        if node.dep_ == "pobj":
            level = level or head.lower_ in {"to", "at", "from"}  # "rose to 5%" is a level, "by 5%" a change
            node = head.head
        elif head.pos_ in {"VERB", "AUX"}:
            node = head
        elif node.dep_ in {"npadvmod", "advmod", "acomp", "amod"}:
            direction = direction or direction_of(head)
            node = head
        elif node.dep_ in {"compound", "nmod"} and head.pos_ == "NOUN" and head.lemma_.lower() in PERIOD_UNITS:
            node = head  # "rose 4.1% year on year": the parse hangs the percentage on "year"
        elif node.dep_ in {"compound", "nmod", "amod"} and head.pos_ == "NOUN" and node.i < head.i:
            return modified_reading(whole, head, own)
        else:
            break
    if node.pos_ == "NOUN" and node.i != anchor.i and direction is not None and node.head.i == node.i:
        return Reading(whole, node, None, None, own, False, direction)  # "Six per cent more pay."
    subject = fragment_subject(node, direction)
    if subject is not None:
        return Reading(whole, None, None, subject, own, False, direction)
    if node.pos_ not in {"VERB", "AUX"}:
        return Reading(whole, None, None, None, own, False, direction)
    reading = read_clause(anchor, node, whole, None if level else direction or direction_of(node))
    return reading._replace(owner=own, unnamed=False) if own else reading


def fragment_subject(root: Token, direction: str | None) -> Token | None:
    """A verbless sentence that tells the size of the change the previous one reports: "The zloty
    slipped too. Down 0.4% against the euro." The change is the previous subject's."""
    sentence = sentence_of(root)
    if direction is None or root.head.i != root.i or sentence.start == 0 or any(t.pos_ in {"VERB", "AUX"} for t in sentence):
        return None
    verb = sentence_of(root.doc[sentence.start - 1]).root
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    changes = verb.pos_ == "VERB" and direction_of(verb) == direction
    return subject if changes and subject is not None and subject.pos_ == "NOUN" else None


def modified_reading(whole: Token | None, noun: Token, own: str | None) -> Reading:
    """A measurement written before the noun it sizes: "a 12% rise in energy costs" is a rise in
    costs, "a 6% pay rise" a rise in pay, "a 3 km radius" a radius."""
    direction = direction_of(noun)
    if direction is None:
        return Reading(whole, noun, None, None, own, False, None)
    changed_in = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"in", "of"} for p in c.children if p.dep_ == "pobj"]
    measured = next(iter(changed_in), None) or next(reversed(kinds_of(noun)), None)
    return Reading(whole, measured, None, None, own, False, direction if measured is not None else None)


def changed_thing(noun: Token, prep: Token) -> Token | None:
    """What a noun of change changes, when it is written: "a pay rise of 7%", "a rise of 7% in
    costs" (not the prepositional phrase that holds the measurement itself)."""
    if direction_of(noun) is None or noun.pos_ != "NOUN":
        return None
    changed_in = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"in", "of"} and c.i != prep.i for p in c.children if p.dep_ == "pobj"]
    return next(iter(changed_in), None) or next(reversed(kinds_of(noun)), None)


def noun_reading(whole: Token | None, prep: Token, own: str | None) -> Reading:
    """A measurement hung on a noun: "a depth of 10 km", "the damage at €1 billion", and
    "the Greens with 27.9%", whose noun is its owner. On another measurement it is unknown."""
    noun = prep.head
    if noun.lemma_.lower() in MEASUREMENT_WORDS:
        return Reading(whole, None, None, None, own, own is None, None)
    changed = changed_thing(noun, prep)
    if changed is not None:  # "a pay rise of 7%" is the "7% pay rise", a rise in pay
        return Reading(whole, changed, None, None, own, False, direction_of(noun))
    name = proper_name(noun) if prep.lower_ == "with" else None
    if name is not None:
        return Reading(whole, None, None, None, own or name, False, None)
    return Reading(whole, noun, None, None, own, False, None)


def read_clause(anchor: Token, verb: Token, whole: Token | None, direction: str | None) -> Reading:
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != anchor.i), None)
    # "put the magnitude at 6.8", "estimate the damage at €1 billion": the object is what is measured
    # and "raised its key rate by 0.25 points": what a verb of change acts on
    at = anchor.dep_ == "pobj" and anchor.head.lower_ == "at"
    valued = (at or direction_of(verb) is not None) and obj is not None and obj.pos_ == "NOUN"
    head = obj if valued and obj.lemma_.lower() not in MEASUREMENT_WORDS else None
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        head = head or verb.head  # "damage estimated at more than a billion euros"
    lemma = verb.lemma_.lower()
    if lemma in SPEECH_VERBS:  # "…, the firm said": the speaker is the source, not what is measured
        return Reading(whole, head, None, None, None, False, direction)
    content = lemma not in NEUTRAL_VERBS and direction_of(verb) is None
    subjects = [s for s in clause_subjects(verb) if s.i != anchor.i]
    if verb.dep_ == "relcl" and any(s.tag_ in {"WDT", "WP"} for s in subjects):
        subjects = [verb.head]  # "the party, which won 34%": the party
    # Of two subjects (a misparsed dateline, "the opposition … party") the one next to the verb.
    subject = min(subjects, key=lambda s: abs(verb.i - s.i), default=None)
    if subject is not None and subject.lower_ == "it":
        subject = quantity_antecedent(subject) or subject
    named = proper_name(subject) if subject is not None else None
    common = subject if subject is not None and named is None and subject.pos_ in {"NOUN", "PROPN"} else None
    if common is not None and lemma in SHARE_VERBS:  # "the far-right party took 12%": whose share
        named, common = " ".join(t.text for t in name_tokens(common)), None
    unnamed = subject is not None and subject.pos_ == "PRON"
    return Reading(whole, head, verb if content else None, common, named, unnamed, direction)


def quantity_antecedent(pronoun: Token) -> Token | None:
    """What "it" stands for when the subject before it is a quantity: "Inflation is falling.
    It hit 4.1 percent." The nearest earlier subject within two sentences, if it is one."""
    doc, start = pronoun.doc, sentence_of(pronoun).start
    for _ in range(2):
        if start == 0:
            return None
        previous = sentence_of(doc[start - 1])
        subjects = [t for t in previous if t.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            last = subjects[-1]
            return last if last.pos_ == "NOUN" and last.lemma_.lower() in QUANTITY_NOUNS else None
        start = previous.start
    return None


def describe_measurement(unit: str, anchor: Token, reading: Reading) -> tuple[str, str] | None:
    """(measure, label) of a measurement, or None when what it measures cannot be read."""
    if unit == "magnitude":
        return describe_magnitude(anchor, reading)
    if unit in PERCENT_KINDS:
        return describe_share(unit, reading)
    written = UNIT_LABELS.get(unit, f"{unit}s")
    if reading.whole is not None:
        return measured_key(reading.whole), f"{written} of {measured_words(reading.whole)}"
    if reading.head is not None:
        return changed(reading, measured_key(reading.head), measured_words(reading.head), f" in {written}")
    if reading.verb is not None:
        lemma = reading.verb.lemma_.lower()
        return PAYING_VERBS.get(lemma, lemma), f"{written} {participle(reading.verb)}"
    if reading.subject is not None:
        return changed(reading, measured_key(reading.subject), measured_words(reading.subject), f" in {written}")
    return None


def changed(reading: Reading, key: str, words: str, unit: str) -> tuple[str, str]:
    """ "fall in sales" for a change, plain "turnout" for a level."""
    if reading.direction is None:
        return key, words + unit
    return f"{reading.direction} in {key}", f"{reading.direction} in {words}{unit}"


def describe_share(unit: str, reading: Reading) -> tuple[str, str] | None:
    """A percentage is a share of a whole (whose: the owner), or a level or change of its subject."""
    owner = f" for {reading.owner}" if reading.owner else ""
    if reading.whole is not None and not reading.unnamed:
        whole = phrase(reading.whole)
        key = f"share of {measured_key(reading.whole)}{participles(reading.whole)}{owner}"
        return key, (f"{possessive(reading.owner)} share of {whole}" if reading.owner else f"share of {whole}")
    points = f" ({unit}s)" if unit != "%" else ""
    noun = reading.head or reading.subject
    if noun is not None:
        return changed(reading, measured_key(noun), measured_words(noun), points)
    if reading.owner and reading.direction:
        return f"{reading.direction}{owner}", f"{reading.direction} for {reading.owner}{points}"
    if reading.owner:
        return f"share{owner}", f"{possessive(reading.owner)} share{points}"
    return None


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def describe_magnitude(anchor: Token, reading: Reading) -> tuple[str, str]:
    """ "A magnitude 6.9 earthquake", "the 6.9-magnitude quake", "the magnitude of the quake"."""
    event = anchor if anchor.lower_ != "magnitude" else None
    if event is None and anchor.head.pos_ == "NOUN" and anchor.dep_ in {"compound", "nmod", "amod"}:
        event = anchor.head
    subject = reading.subject if reading.subject is not None and reading.subject.lemma_.lower() in SEISMIC_NOUNS else None
    event = event if event is None or event.pos_ == "NOUN" else None
    event = event or of_object(anchor) or reading.head or subject
    if event is None or event.lower_ == "magnitude":
        return "magnitude", "magnitude"
    key = MEASURED_SYNONYMS.get(event.lemma_.lower(), event.lemma_.lower())
    return f"magnitude of the {key}", f"{key} magnitude"


def participles(noun: Token) -> str:
    """ "ballots counted" is not "ballots": a participle that restricts the whole is part of it."""
    words = [c.lower_ for c in noun.children if c.dep_ in {"acl", "amod"} and c.tag_ == "VBN"]
    return "".join(f" {w}" for w in words)


def phrase(noun: Token) -> str:
    """A noun with its article and compounds, as written: "the vote", "ballots counted"."""
    kept = [c for c in noun.lefts if c.dep_ in {"det", "compound"} and c.lower_ not in {"a", "an"}]
    return " ".join([*(t.text for t in kept), noun.text]).lower() + participles(noun)


def participle(verb: Token) -> str:
    """ "burned" for "burning", "saved" for "save": the label says what was done."""
    lemma = verb.lemma_.lower()
    if verb.tag_ in {"VBN", "VBD"}:
        return verb.lower_
    if lemma in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[lemma]
    return lemma + ("d" if lemma.endswith("e") else "ed")


LENGTH_UNITS = {"km", "m", "mile"}
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}


def is_distance(doc: Doc, unit: str, end: int) -> bool:
    """ "20 km from the island", "about 20 kilometres south of it", "5 miles away": however the
    sentence goes on, a length written so is how far one place lies from another."""
    after = [t.lower_ for t in doc[end : end + 2]]
    if unit not in LENGTH_UNITS or not after:
        return False
    return after[0] in {"from", "off", "away", "outside"} or (after[0] in COMPASS and after[1:] == ["of"])


# Units of things counted in whole amounts: "150.000 euro", "12.000 hectares" group thousands with points.
WHOLE_UNITS = {*CURRENCY_NAMES.values(), "hectare", "acre", "tonne"}


def read_measurement(
    article: Article, run: Span, unit: tuple[str, Token, int, int], sentences: tuple[Sentence, ...], previous: str | None
) -> Figure | None:
    name, anchor, low, high = unit
    value = count_value(run) if name in WHOLE_UNITS else number_value(run)
    scale = currency_scale(run, name)
    if value is not None and scale is not None:
        value = value * scale
    described = describe_measurement(name, anchor, read_measured(anchor))
    if value is None or described is None or is_year(run):
        return None
    doc = run.doc
    if low > 0 and doc[low - 1].lower_ in {"a", "an"} and run[0].lower_ in SCALES:
        low -= 1  # "more than a billion euros"
    qualifier, start = read_qualifier_at(doc, low)
    measure, label = (("distance", f"distance in {UNIT_LABELS.get(name, name + 's')}") if is_distance(doc, name, high) else described)
    return assemble(
        article, sentences, previous, anchor, run.start_char, value=value, text=doc[start:high].text,
        qualifier=qualifier, noun=name, measure=measure, label=label,
    )


# --- fractions: "one in five", "two-thirds of", "a quarter of" ---------------------------
#
# A fraction of a whole is a share, written as a percentage rounded to one decimal ("one in three"
# is 33.3%) so that it meets the same share written with a per cent sign; "a quarter of a point"
# is 0.25 percentage points.

FRACTION_WORDS = {
    "half": 2, "halve": 2, "halves": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip


def fraction_spans(doc: Doc) -> Iterator[Span]:
    """ "one in five", "1 in 4" (the counted noun follows) and "two-thirds", "a quarter", "half"
    followed by "of" (the whole follows)."""
    for token in doc:
        if is_share_of(token):
            yield doc[token.i : token.i + 3]
        elif token.lemma_.lower() in FRACTION_WORDS or token.lower_ in FRACTION_WORDS:
            span = fraction_at(token)
            if span is not None:
                yield span


def is_share_of(token: Token) -> bool:
    """ "one in five", "one in 1,000", "Nine in ten voters", "3 in 4": one in anything, or a part
    of a hundred or fewer; never "12 in 2024" or "3 in 10%"."""
    doc, part = token.doc, token_value(token.text)
    if part is None or token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "in":
        return False
    whole = token_value(doc[token.i + 2].text)
    if token.i > 0 and token_value(doc[token.i - 1].text) is not None:
        return False  # "400 in" is not a part of anything
    return whole is not None and part < whole and (part == 1 or whole <= 100) and doc[token.i + 3 : token.i + 4].text.lower() != "%"


def fraction_at(word: Token) -> Span | None:
    doc = word.doc
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if after is None or after.lower_ != "of" or word.tag_ == "VB":
        return None
    start = word.i
    if start >= 2 and doc[start - 1].text == "-" and token_value(doc[start - 2].text) is not None:
        start -= 2  # "two-thirds"
    elif start >= 1 and (doc[start - 1].lower_ in {"a", "one"} or token_value(doc[start - 1].text) is not None):
        start -= 1  # "a quarter", "three quarters"
    elif word.lower_ not in {"half"}:
        return None
    return doc[start : word.i + 1]


def fraction_value(span: Span) -> float | None:
    words = [t for t in span if t.text != "-"]
    if is_one_in(span):  # "one in five"
        parts = token_value(words[0].text), token_value(words[-1].text)
        return parts[0] / parts[1] if parts[0] and parts[1] else None
    word = words[-1]
    denominator = FRACTION_WORDS.get(word.lower_) or FRACTION_WORDS.get(word.lemma_.lower())
    numerator = token_value(words[0].text) if len(words) > 1 and words[0].lower_ not in {"a", "an"} else 1.0
    return numerator / denominator if numerator and denominator else None


def is_one_in(span: Span) -> bool:
    return len(span) == 3 and span[1].lower_ == "in"


def fraction_whole(span: Span) -> Token | None:
    """The noun a fraction takes its share of: "one in five homeowners", "two-thirds of the staff"."""
    last = span[-1]
    if is_one_in(span):
        return last.head if last.dep_ == "nummod" and last.head.pos_ == "NOUN" else partitive_noun(last)
    return of_object(last) or of_object(span.root) or partitive_noun(last)


def read_fraction(article: Article, span: Span, sentences: tuple[Sentence, ...], previous: str | None) -> Figure | None:
    value, whole = fraction_value(span), fraction_whole(span)
    if value is None or whole is None or whole.lemma_.lower() in PERIOD_UNITS | {"century", "time"}:
        return None
    anchor = whole if is_one_in(span) else span[-1]
    if whole.lemma_.lower() == "point":  # "a quarter of a point": a fraction of the unit itself
        unit, value, reading = "percentage point", value, read_measured(anchor)._replace(whole=None)
    else:
        unit, value, reading = "%", round(100 * value, 1), read_measured(anchor)._replace(whole=whole)
    described = describe_share(unit, reading)
    if described is None:
        return None
    qualifier, start = read_qualifier_at(span.doc, span.start)
    measure, label = described
    return assemble(
        article, sentences, previous, anchor, span.start_char, value=value, text=span.doc[start : span.end].text,
        qualifier=qualifier, noun=unit, measure=measure, label=label,
    )  # fmt: skip


# --- assembling a figure ----------------------------------------------------------------


def read_figure(article: Article, run: Span, sentences: tuple[Sentence, ...], previous: str | None) -> Figure | None:
    unit = measurement_unit(run)
    if unit is not None:
        return read_measurement(article, run, unit, sentences, previous)
    if is_not_count(run):
        return None
    value = count_value(run)
    number = run_root(run)
    noun, verb = counted_noun(number), None
    if noun is None:
        noun, verb = elided_count(number) or (None, None)
    qualifier, start = read_qualifier(run)
    start = earlier_mark(run, start)
    text = run.doc[start : run.end].text
    capacity = capacity_anchor(number, noun)
    if value is not None and capacity is not None:
        return assemble(
            article, sentences, previous, capacity, run.start_char, value=value, text=text,
            qualifier=qualifier, noun="capacity", measure="capacity", label="capacity",
        )  # fmt: skip
    if value is not None and noun is None and (bare := bare_people(number)) is not None:
        anchor, measure = bare
        return assemble(
            article, sentences, previous, anchor, run.start_char, value=value, text=text,
            qualifier=qualifier, noun="people", measure=measure, label=f"people {LABEL_PARTICIPLES[measure]}",
        )  # fmt: skip
    side = vote_side(run)
    if value is not None and noun is None and side is not None:
        return assemble(
            article, sentences, previous, number, run.start_char, value=value, text=text,
            qualifier=qualifier, noun="vote", measure=side, label=f"votes {side.split()[-1]}",
        )  # fmt: skip
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
        qualifier=qualifier, noun=counted_key(noun), measure=measure, label=count_words(noun, measure),
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


# Measures said only of people: "At least 14 died", "12 dead" count people though no noun is written.
PEOPLE_MEASURES = {"killed", "injured", "hostages", "displaced", "arrested", "rescued", "hospitalised", "missing"}


def bare_people(number: Token) -> tuple[Token, str] | None:
    """A number with no noun that is the subject or object of a verb, or the count of an adjective,
    that only people can be: "At least 14 died", "killed 24", "up from 12 dead". The verb or
    adjective anchors it."""
    head = number.head
    # "infected 24,000 people and killed 24": a verb only people undergo says who its bare object is
    if number.dep_ in {"nsubj", "nsubjpass", "dobj"} and head.pos_ in {"VERB", "AUX"}:
        measure = verb_measure(head)
    elif number.dep_ == "ROOT" and number.pos_ in {"NUM", "NOUN"}:
        measure = in_hospital(number)  # "Two children dead. Sixty in hospital."
    elif number.dep_ == "nummod" and head.pos_ == "ADJ":
        measure = ADJ_MEASURES.get(head.lower_)
    else:
        return None
    return (head, measure) if measure in PEOPLE_MEASURES else None


def in_hospital(token: Token) -> str | None:
    places = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
    return "hospitalised" if any(p.lemma_.lower() == "hospital" for p in places) else None


# Verbs that state how many a place takes: "the stadium holds 40,000", "a hall that seats 2,000".
CAPACITY_VERBS = {"hold", "seat", "accommodate"}


def capacity_anchor(number: Token, noun: Token | None) -> Token | None:
    """A capacity: "has a capacity of 40,528", "which holds 40,000 people", "The ground holds 40,000".
    A capacity is said in the present of a thing, never of a person ("police held 40 people")."""
    if number.dep_ == "pobj" and number.head.lower_ == "of" and number.head.head.lemma_.lower() == "capacity":
        return number.head.head
    counted = noun if noun is not None and number.dep_ == "nummod" and number.head.i == noun.i else number
    verb = counted.head
    if counted.dep_ != "dobj" or verb.lemma_.lower() not in CAPACITY_VERBS or not present_tense(verb):
        return None
    subjects = [verb.head] if verb.dep_ == "relcl" else [c for c in verb.children if c.dep_ == "nsubj"]
    inanimate = all(
        s.pos_ == "NOUN" and s.lemma_.lower() not in GENERIC_PEOPLE | WORKER_NOUNS and not s.ent_type_ for s in subjects
    )
    return verb if subjects and inanimate else None


def present_tense(verb: Token) -> bool:
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in {"can", "could", "will", "would"} for c in verb.children)


# Words before a number that make it an earlier value or the lower bound of a range of one
# quantity: "17 killed, up from 12", "between 30 and 40 coaches". Kept in the text as written.
EARLIER_MARKS = (("up", "from"), ("down", "from"), ("between",))


def earlier_mark(run: Span, start: int) -> int:
    """Where the figure's text starts when it is an earlier value or a range's lower bound."""
    doc = run.doc
    for words in EARLIER_MARKS:
        begin = start - len(words)
        if begin >= 0 and tuple(t.lower_ for t in doc[begin:start]) == words:
            if words != ("between",) or range_upper(run) is not None:
                return begin
    return start


def is_earlier_value(figure: Figure) -> bool:
    """A count written as an earlier value or a range's lower bound ("up from 12", "Between 30")."""
    words = tuple(figure.text.lower().split())
    return figure.noun not in MEASUREMENT_UNITS and any(words[: len(m)] == m for m in EARLIER_MARKS)


def assemble(
    article: Article, sentences: tuple[Sentence, ...], previous: str | None, anchor: Token, at: int, **read: object
) -> Figure:
    """A figure from what was read of the number itself (`at`: where it is written), and its place,
    period, date and source found by walking up from `anchor`, the token that stands for it in the tree."""
    chain = governors(anchor)
    period = find_period(chain)
    place = find_place(chain)
    speaker = find_speaker(chain)
    when = find_when(chain)
    label = situate(str(read.pop("label")), place, period)
    return Figure(
        article=article.id,
        sentence=sentence_at(sentences, at),
        label=label,
        place=place,
        period=period,
        as_of=resolve_date(when, article.published) if when is not None else None,
        when=when,
        attribution=source_name(speaker, previous) if speaker is not None else None,
        **read,  # type: ignore[arg-type]
    )


def count_words(noun: Token, measure: str) -> str:
    """What is counted, in words: "people killed", "inhabitants", "jobs"."""
    who = subject_of(noun)
    who = who if who == "people" else (noun.text.lower() if noun.tag_ in {"NNS", "NNPS"} else noun_lemma(noun))
    if measure == "inhabitants" and who == "people":
        return "inhabitants"
    if measure in LABEL_PARTICIPLES:
        return f"{who} {LABEL_PARTICIPLES[measure]}"
    return who


def situate(words: str, place: str | None, period: str | None) -> str:
    if place:
        words += f" in {place_phrase(place)}"
    return words + (f" in the last {period}" if period else "")


def place_phrase(place: str) -> str:
    """ "Gaza Strip" reads "the Gaza Strip": a place named by its kind takes the article."""
    return f"the {place}" if place.split()[-1].lower() in PLACE_KINDS | {"east", "west"} else place


# --- grouping ---------------------------------------------------------------------------


def group_key(figure: Figure) -> tuple[str, str]:
    """Values are compared only within one (who, in what unit); measures, places and windows must agree."""
    who = "people" if figure.noun in GENERIC_PEOPLE else figure.noun
    # "108 deputies voting in favour" is "108 for": whoever casts them, a tally counts votes
    who = "vote" if figure.measure in {"voted for", "voted against"} else who
    who = "percentage point" if who == "basis point" else who  # 25 basis points are 0.25 points
    # A running count comes as a total and as increments ("120 in the last 24 hours"): a count's
    # window keys it. A measurement of one event is written with or without its window.
    return (who, "" if figure.noun in MEASUREMENT_UNITS else period_key(figure.period))


def period_key(period: str | None) -> str:
    """ "twelve hours" is "12 hours": a window compares by its words with numbers as digits."""
    words = (period or "").lower().split()
    return " ".join(f"{token_value(w):g}" if token_value(w) is not None else w for w in words)


def measure_key(figure: Figure) -> str | None:
    """The measure, or None for a thing counted with no measure word ("2,317 buildings"), which
    may join a cluster of the same thing measured ("2,300 buildings destroyed"). Not for people:
    a bare count of people (residents, crowds) is too often a different quantity."""
    bare = figure.measure == figure.noun and figure.noun not in GENERIC_PEOPLE
    return None if bare or figure.measure in VALUE_NOUNS else figure.measure


def place_key(place: str | None) -> str:
    words = strip_article(place or "").lower().replace("'s", "").split()
    while len(words) > 1 and words[-1] in PLACE_KINDS:
        words.pop()
    return " ".join(words)


def group_figures(figures: Sequence[Figure]) -> tuple[FigureGroup, ...]:
    """One group per quantity: blocked by key, then split by place and where values lie too far apart."""
    blocks: dict[tuple[str, str], list[Figure]] = {}
    for figure in figures:
        blocks.setdefault(group_key(figure), []).append(figure)
    groups = [make_group(c) for key in sorted(blocks) for c in cluster_values(blocks[key])]
    return tuple(sorted(groups, key=group_order))


def cluster_values(block: Sequence[Figure]) -> list[list[Figure]]:
    """Placed and measured figures first, then ascending by value; each joins the nearest cluster it fits.

    A figure that names no place may join a cluster of one place (outlets often leave the
    place of a toll implicit); figures naming two different places never share a cluster.
    A repeat of the same value by the same article is the same figure said twice: dropped.
    """
    clusters: list[list[Figure]] = []
    # A value several articles write is the likeliest core of a quantity: it seeds clusters before
    # a lone value near it ("between 30 and 40 coaches" beside two outlets' 40).
    agreeing = {v: len({f.article for f in block if f.value == v}) for v in {f.value for f in block}}
    order = sorted(block, key=lambda f: (is_earlier_value(f), f.place is None, measure_key(f) is None, " of " not in f.measure, -agreeing[f.value], f.value, f.article, f.sentence))
    for figure in order:
        if any(f.article == figure.article and f.value == figure.value for c in clusters for f in c):
            continue
        # "17 dead, up from 12", "between 30 and 40 coaches": the same quantity as the count
        # the sentence gives beside it, though the article then gives it twice.
        mates = [c for c in clusters if is_earlier_value(figure) and any(same_sentence(f, figure) for f in c)]
        fitting = [c for c in mates if fits([f for f in c if f.article != figure.article], figure, c)]
        if fitting:
            fitting[0].append(figure)
            continue
        fitting = [c for c in clusters if fits(c, figure)]
        if fitting:
            min(fitting, key=lambda c: distance(c, figure)).append(figure)
        else:
            clusters.append([figure])
    return clusters


def same_sentence(first: Figure, second: Figure) -> bool:
    return first.article == second.article and first.sentence == second.sentence


def fits(cluster: Sequence[Figure], figure: Figure, whole: Sequence[Figure] | None = None) -> bool:
    """Whether `figure` may join `cluster`; with `whole`, measures, places and values are checked
    against all of `whole` but the one-value-per-article rule only against `cluster`."""
    members = (*(cluster if whole is None else whole), figure)
    places = {place_key(f.place) for f in members if f.place}
    # A measurement's window one outlet leaves unsaid ("150 mm of rain" beside "150 mm in twelve
    # hours") may be the same; two different windows never are.
    periods = {period_key(f.period) for f in members if f.period}
    measures = [measure_key(f) for f in members]
    same_article = any(f.article == figure.article for f in cluster)
    agree = len(places) <= 1 and len(periods) <= 1 and all(
        measures_agree(measure_key(a), measure_key(b)) or are_twins(a, b) for a, b in itertools.combinations(members, 2)
    )
    return agree and not same_article and values_close(members, all(measures))


def are_twins(first: Figure, second: Figure) -> bool:
    """One measurement written alike by two outlets: the same precise value in the same unit
    ("4.75%", "€1.2bn") measures one thing, however differently each sentence reads around it
    (a pronoun subject, a translator's word order). Round values ("2%", "10 km") recur by chance,
    a rise is never a fall, and two kinds of one thing stay two."""
    if first.noun != second.noun or first.noun not in MEASUREMENT_UNITS or first.value != second.value:
        return False
    directions = {m.split(" in ")[0] for m in (first.measure, second.measure) if m.startswith(("rise in", "fall in"))}
    kinds = [re.search(r" \(([^)]*)\)", m) for m in (first.measure, second.measure)]
    bases = {re.sub(r" \([^)]*\)", "", m) for m in (first.measure, second.measure)}
    if len(bases) == 1 and all(kinds):
        return False  # "rate (discount)" and "rate (deposit)": two kinds said outright
    return min(significant_digits(first.text), significant_digits(second.text)) >= 2 and len(directions) <= 1


def significant_digits(text: str) -> int:
    """Digits as written, zeros at either end left out: 3 for "4.75%", 2 for "12,000", 0 for
    "two-thirds" (a word is a round value)."""
    return len(re.sub(r"\D", "", text).strip("0"))


def decimals(text: str) -> int:
    """Digits written after the decimal point: 2 for "3.50%", 0 for "about 34%"."""
    match = re.search(r"\d+(?:\.(\d+))?", text)
    return len(match.group(1) or "") if match else 0


def measures_agree(first: str | None, second: str | None) -> bool:
    """Equal measures, or one that leaves the whole or kind unsaid: "share for X" is "share of the
    vote for X", "rate" may be "rate (repo)"; but "rate (repo)" is never "rate (discount)"."""
    if first is None or second is None:
        return True
    first, second = first.casefold(), second.casefold()
    return first in loosened(second) or second in loosened(first) or closed_kind(first, second) or closed_kind(second, first)


def closed_kind(kind: str, general: str) -> bool:
    """A kind written as one word ("share of homeowner") is a kind of its last part ("share of
    owner"), as "home owner" would be. Short parts are left alone: a woman is no kind of man,
    a nonvoter no kind of voter."""
    words, others = kind.split(), general.split()
    differ = [(a, b) for a, b in zip(words, others) if a != b]
    if len(words) != len(others) or len(differ) != 1:
        return False
    word, tail = differ[0]
    return word.endswith(tail) and len(tail) >= 5 and len(word) - len(tail) >= 4


def loosened(measure: str) -> set[str]:
    without_kind = re.sub(r" \([^)]*\)", "", measure)
    return {measure, without_whole(measure), without_kind, without_whole(without_kind), *agent_nouns(measure)}


# "the driving staff" are the drivers, "nursing staff" the nurses: a worker noun whose kind is what they do.
WORK_KIND = re.compile(r"\b(?:staff|worker|employee|personnel) \((\w+?)ing\)")


def agent_nouns(measure: str) -> set[str]:
    match = WORK_KIND.search(measure)
    if match is None:
        return set()
    stem = match.group(1)
    return {measure[: match.start()] + stem + ending + measure[match.end() :] for ending in ("er", "e", "or")}


def without_whole(measure: str) -> str:
    return re.sub(r" of .+?(?= for |$)", "", measure)


def values_close(figures: Sequence[Figure], measured: bool) -> bool:
    """Counts within a ratio; percentages within one unit of the coarsest written precision
    (34.2% may be written "about 34%", but 3.50% is not 3.75%);
    magnitudes within half a unit (agencies differ by a few tenths); other measurements closer
    than counts, since a measured quantity is rounded but rarely restated."""
    unit, values = figures[-1].noun, [f.value for f in figures]
    low, high = min(values), max(values)
    if unit in PERCENT_KINDS:
        points = [in_points(f, f.value) for f in figures]
        return max(points) - min(points) <= max(share_precision(f) for f in figures)
    if unit == "magnitude":
        return high - low <= MAGNITUDE_GAP
    if unit in MEASUREMENT_UNITS:
        return low >= BARE_RATIO * high
    return low >= (VALUE_RATIO if measured else BARE_RATIO) * high


# A share written as a fraction ("two-thirds", "one in five") is rounder than any percentage: it
# stands for values up to this many points either side.
FRACTION_PRECISION = 2.0
FRACTION_TEXT = re.compile(rf"\b(?:{'|'.join(FRACTION_WORDS)}|thirds|quarters|fifths|in)\b", re.IGNORECASE)


def share_precision(figure: Figure) -> float:
    """How far either side of its value a percentage, point or fraction may lie, in points."""
    if figure.noun == "%" and not re.search(r"\d", figure.text) and FRACTION_TEXT.search(figure.text):
        return FRACTION_PRECISION
    return in_points(figure, 10.0 ** -decimals(figure.text))


def in_points(figure: Figure, value: float) -> float:
    """A value in percentage points: a basis point is a hundredth of one."""
    return value / 100 if figure.noun == "basis point" else value


def distance(cluster: Sequence[Figure], figure: Figure) -> float:
    """How far a value lies from a cluster's values, by ratio (min() keeps the older cluster on ties)."""
    mine = in_points(figure, figure.value)
    return min(abs(math.log(in_points(f, f.value) / mine)) if f.value and mine else 0.0 for f in cluster)


def make_group(cluster: Sequence[Figure]) -> FigureGroup:
    values = tuple(sorted(cluster, key=lambda f: (f.article, f.sentence, f.value)))
    status: Status
    if len({f.article for f in values}) == 1:
        status = "single"
    elif len({f.value for f in values}) == 1:
        status = "agreed"
    else:
        status = "divergent"
    label = min((f.label for f in values), key=lambda text: (-len(text), text))
    return FigureGroup(label=label, status=status, values=values)


STATUS_ORDER = {"divergent": 0, "agreed": 1, "single": 2}


def group_order(group: FigureGroup) -> tuple[int, float, str, str, int]:
    first = group.values[0]
    return (STATUS_ORDER[group.status], -max(f.value for f in group.values), group.label, first.article, first.sentence)
