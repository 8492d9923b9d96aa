"""Terms a court hands down: "sentenced to nine years in prison", "jailed for nine years", "a
nine-year term", "banned from office for 10 years", and the term prosecutors sought.

Years and months are no figure anywhere else: "for ten years", "three years ago" and "a
64-year-old" tell time, not a quantity outlets report. Only a length the clause ties to a
sentence, a prison, a ban or serving time is read, so that a court story's central number is
lined up like a toll ("nine years" beside "9 years behind bars"), and the sentence one outlet
reports apart from the one prosecutors asked for.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from digest.figures.context import assemble
from digest.figures.numbers import number_value, read_qualifier
from digest.figures.readings import proper_name
from digest.figures.words import (
    BAN_WORDS,
    COURT_WORDS,
    FACING_VERBS,
    PROSECUTION_WORDS,
    RECEIVING_VERBS,
    SOUGHT_VERBS,
    TERM_UNITS,
    TERM_WORDS,
)
from digest.model import Article, Figure, Measure, Sentence
from digest.nlp.sentences import sentence_of

CLIMB = 4  # governors looked at above the unit: "sentenced him to nine years in prison" is two


def term_unit(run: Span) -> tuple[str, Token, int, str] | None:
    """The unit of a term ("year" or "month"), the token that stands for it, where it ends and
    what kind of term it is: "nine years", "nine-year" (the hyphen joins it to the noun it measures)."""
    doc = run.doc
    if run.end >= len(doc):
        return None
    after = doc[run.end]
    if after.text == "-" and not after.whitespace_ and run.end + 1 < len(doc):
        after = doc[run.end + 1]
    unit = TERM_UNITS.get(after.lemma_.lower())
    if unit is None or is_range_bound(run) or is_months_of_years(run):
        return None
    tail = months_after(after)
    end = tail[1] if unit == "year" and tail is not None else after.i + 1
    kind = sentencing_kind(after)
    return (unit, after, end, kind) if kind is not None else None


def months_after(unit: Token) -> tuple[float, int] | None:
    """The months a term in years goes on with, and where they end: "seven years and six months"."""
    doc = unit.doc
    words = doc[unit.i + 1 : unit.i + 4]
    if len(words) < 3 or words[0].lower_ != "and" or TERM_UNITS.get(words[2].lemma_.lower()) != "month":
        return None
    months = number_value([words[1]])
    return (months, unit.i + 4) if months is not None else None


def is_months_of_years(run: Span) -> bool:
    """The "six months" of "seven years and six months": part of the term before it."""
    doc = run.doc
    return run.start >= 2 and doc[run.start - 1].lower_ == "and" and TERM_UNITS.get(doc[run.start - 2].lemma_.lower()) == "year"


def is_range_bound(run: Span) -> bool:
    """ "between two and five years", "two to five years": a band of several people's terms, not
    one term ("sentenced him to nine years" is one)."""
    doc = run.doc
    before = doc[run.start - 1].lower_ if run.start > 0 else ""
    joined_before = before in {"and", "to", "-"} and run.start > 1 and doc[run.start - 2].like_num
    joined_after = run.end + 1 < len(doc) and doc[run.end].lower_ in {"and", "to"} and doc[run.end + 1].like_num
    return before == "between" or joined_before or joined_after


def sentencing_kind(unit: Token) -> str | None:
    """What the length is a length of: "prison term", "ban", "prison term sought" or "maximum
    prison term"; None unless the words of its clause set a term ("jailed for", "a nine-year
    term", "behind bars", what prosecutors sought) and its sentence is about a court ("served as
    mayor for ten years", "the court heard he had lived there for 12 years" are neither)."""
    words = clause_words(unit)
    lemmas = {w.lemma_.lower() for w in words}
    near = lemmas | {c.lemma_.lower() for w in words for c in w.children} | {t.lower_ for t in unit.head.subtree}
    asked = lemmas & SOUGHT_VERBS or any(c.dep_ == "relcl" and c.lemma_.lower() in SOUGHT_VERBS for w in words for c in w.children)
    # "got seven years", "could get 110 years": a verb of receiving, in a story told about a court
    received = unit.dep_ == "dobj" and unit.head.lemma_.lower() in RECEIVING_VERBS
    termed = near & (TERM_WORDS | BAN_WORDS) or asked and near & PROSECUTION_WORDS or received
    if not termed or not court_nearby(unit, received) or is_age_or_date(unit):
        return None
    if lemmas & BAN_WORDS:
        return "ban"
    if "suspend" in near:
        return "suspended sentence"  # "a suspended sentence of 18 months" is served only on a new offence
    may = received and any(c.dep_ == "aux" and c.lower_ in {"could", "may", "might"} for c in unit.head.children)
    if lemmas & FACING_VERBS or may:
        return "maximum prison term"  # "faces up to 20 years", "could get 110": what the law allows, not a sentence
    return "prison term sought" if asked else "prison term"


def court_nearby(unit: Token, received: bool) -> bool:
    """Whether the unit's sentence is about a court or a ban; for a verb of receiving, which says
    less, the sentence before or after may be ("Reyes could get 110 years. Judge Ward will
    sentence him Sept. 18.")."""
    sentence = sentence_of(unit)
    spans = [sentence]
    if received:
        doc = unit.doc
        spans += [sentence_of(doc[i]) for i in (sentence.start - 1, sentence.end) if 0 <= i < len(doc)]
    words = {form for span in spans for t in span for form in (t.lemma_.lower(), t.lower_)}
    return bool(words & (COURT_WORDS | BAN_WORDS))


def clause_words(unit: Token) -> list[Token]:
    """The unit and its governors up to its clause's verb: "years ← to ← sentenced"."""
    words = [unit]
    for token in list(unit.ancestors)[:CLIMB]:
        words.append(token)
        if token.pos_ in {"VERB", "AUX"}:
            break
    return words


def is_age_or_date(unit: Token) -> bool:
    """ "a 64-year-old", "three years ago", "12 years of experience": an age, a time or a span of
    something, whatever the sentence is about."""
    doc = unit.doc
    after = [t.lower_ for t in doc[unit.i + 1 : unit.i + 3]]
    # "12 years of experience" is a span; "7 years of prison", as translations write it, a term
    spanned = after[:1] == ["of"] and after[1:2] != [] and not {t.lemma_.lower() for t in doc[unit.i + 2 : unit.i + 3]} & TERM_WORDS
    return after[:1] in (["ago"], ["old"]) or spanned or after[:2] == ["-", "old"]


def sentenced(unit: Token) -> str | None:
    """Whose term it is: the person sentenced or jailed, where the clause names them."""
    for verb in list(unit.ancestors)[:CLIMB]:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        person = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in {"PROPN", "NOUN"}), None)
        return proper_name(person) if person is not None else None
    return None


def read_term(
    article: Article, run: Span, found: tuple[str, Token, int, str], sentences: tuple[Sentence, ...], previous: str | None
) -> Figure | None:
    unit, anchor, end, kind = found
    value = number_value(run)
    tail = months_after(anchor) if unit == "year" else None
    if value is not None and tail is not None:
        value += tail[0] / 12  # "seven years and six months" is seven and a half years
    if value is None:
        return None
    qualifier, start = read_qualifier(run)
    owner = sentenced(anchor)
    label = f"{kind} in {unit}s" + (f" for {owner}" if owner else "")
    return assemble(
        article, sentences, previous, anchor, run.start_char, value=value,
        text=run.doc[start:end].text, qualifier=qualifier, noun=None, unit=unit,
        measure=Measure(kind, kind=owner), label=label,
    )  # fmt: skip
