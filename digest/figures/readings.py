"""Readings: what a measurement is said of, read off the tree around it: the whole it is a share
of, the noun or subject it measures, whose it is, and whether it is a level or a change."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from digest.figures.context import name_tokens
from digest.figures.counted import kinds_of
from digest.figures.numbers import of_object
from digest.figures.units import currency_sign
from digest.figures.values import strip_article
from digest.figures.words import (
    CHANGE_UNIT_WORDS,
    CONTEST_NOUNS,
    CURRENCY_NAMES,
    DEPTH_WORDS,
    DIMENSION_WORDS,
    FALL_WORDS,
    GAIN_LOSS_VERBS,
    MEASUREMENT_WORDS,
    NEUTRAL_VERBS,
    PERIOD_UNITS,
    QUANTITY_NOUNS,
    RECEIVING_MONEY_VERBS,
    REPORTING_VERBS,
    RISE_WORDS,
    SHARE_VERBS,
    TEMPERATURE_SCALES,
)
from digest.nlp.sentences import sentence_of
from digest.nlp.vocabulary import SUBJECTS


def proper_name(token: Token) -> str | None:
    """The proper name a noun is or carries: "Civic Spring" for "the Civic Spring party"."""
    names = [t for t in token.subtree if t.pos_ == "PROPN" and is_name_part(t, token)]
    if not names or names[-1].lower_ in QUANTITY_NOUNS:
        return None
    # A capitalised first word ("Turnout was …") may be tagged a name: alone, trust it as an entity.
    if len(names) == 1 and names[0].is_sent_start and not names[0].ent_type_:
        return None
    span = token.doc[names[0].i : names[-1].i + 1]
    # "the Democratic Alliance (AD)": the name, not its short form in brackets
    bracket = next((t.i for t in span if t.text in {"(", "["}), None)
    return strip_article((span if bracket is None or bracket == span.start else token.doc[span.start : bracket]).text.strip())


def is_name_part(part: Token, head: Token) -> bool:
    """A proper noun that is the head or one of its compounds: not "of Prime Minister X" after it."""
    while part.i != head.i:
        if part.dep_ not in {"compound", "flat", "amod", "nmod", "appos"}:
            return False
        part = part.head
    return True


def past_dateline(subject: Token) -> Token | None:
    """The subject, or what a misparsed dateline hides: in "STOCKHOLM (Meridian Press) — Hallberg
    Industri will cut …" the parse makes the city the subject and the firm its conjunct or
    appositive."""
    dash = next((t for t in subject.subtree if t.text in {"—", "–"}), None)
    if subject.i != sentence_of(subject).start or not (subject.text.isupper() and len(subject.text) > 1 and dash):
        return subject
    return next((c for c in subject.children if c.dep_ in {"conj", "appos"} and c.i > dash.i), None)


def clause_subjects(verb: Token) -> list[Token]:
    """The verb's subjects; a participle or infinitive clause borrows its governor's ("taking 34%")."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects or verb.dep_ not in {"advcl", "xcomp", "conj", "ccomp"} or verb.head.i == verb.i:
            return subjects
        verb = verb.head
    return []


def direction_of(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in FALL_WORDS or token.lower_ in FALL_WORDS:
        return "fall"
    return "rise" if lemma in RISE_WORDS or token.lower_ in RISE_WORDS else None


@dataclass(frozen=True)
class Reading:
    """What a measurement is said of, as read off the tree around it."""

    whole: Token | None = None  # "the vote" in "34.2% of the vote"; "rain" in "150 mm of rain"
    head: Token | None = None  # the noun it measures: "a depth of 10 km", "put the magnitude at 6.8"
    verb: Token | None = None  # a verb that says what is measured: "burning 12,000 hectares"
    subject: Token | None = None  # a common-noun subject: "turnout was 61.4%", "sales fell 18%"
    owner: str | None = None  # a named subject: "Civic Spring had 34.2%"
    unnamed: bool = False  # a pronoun subject: "it won 34%" (whose share is unknown)
    direction: str | None = None  # "fall" or "rise" for a change; None for a level
    dimension: str | None = None  # the extent an adjective names: "depth" in "a shaft 450 metres deep"


def read_measured(anchor: Token) -> Reading:
    """Climb from the measurement to its verb through prepositions and degree words ("6.5 percent
    lower"); a noun met on the way is what it measures ("the damage at €1 billion")."""
    converted = converted_from(anchor)
    if converted is not None:
        return read_measured(converted)  # "110 billion euros ($141 billion)": it measures what the amount it converts does
    whole, node, direction, level = antecedent(of_object(anchor)), anchor, None, False
    lower, upper = repeated_range(anchor)
    if upper is not None and whole is None:
        whole = of_object(upper)  # "40 percent to 70 percent of the buildings": both bounds' whole
    # "the Greens' 28 percent", "the Greens 28 percent": an owner written on the measurement itself
    own = next((n for c in anchor.children if c.dep_ in {"poss", "nmod", "compound"} if (n := proper_name(c))), None)
    extent = dimension_of(anchor)
    if extent is not None:
        return Reading(whole=whole, head=extent[0], owner=own, dimension=extent[1])
    if anchor.dep_ == "conj" and anchor.head.like_num:
        node = anchor.head  # "between 2.5 and 3.0 per cent": the range stands where its lower bound does
    elif lower is not None:
        node = lower
    elif anchor.dep_ == "conj":  # "X took 28.5% and Y 28%": the verb's subject is not the conjunct's
        return Reading(whole=whole, head=gapped_subject(anchor), owner=own)
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        head = node.head
        if node.dep_ == "pobj" and head.head.pos_ in {"NOUN", "PROPN"} and head.head.i != anchor.i:
            return noun_reading(whole, head, own)
        if node.dep_ == "npadvmod" and head.pos_ == "NOUN":  # "with revenue down 4.2 percent"
            words = [direction_of(c) for c in head.children if c.dep_ in {"advmod", "amod"}]
            direction = direction or next((w for w in words if w), None) or gapped_direction(head)
            return Reading(whole=whole, head=head, owner=own, direction=direction)
        if node.dep_ == "appos" and is_gapped(head) and head.i < node.i:
            # a gapped clause: "will reach 2,370 billion crowns, the incomes 2,084 billion crowns",
            # "the Greens took 28.5% and the Socialists 28%"
            if head.pos_ == "NOUN":
                return Reading(whole=whole, head=head, owner=own)
            if head.pos_ == "PROPN":
                return Reading(whole=whole, owner=own or proper_name(head))
        if node.dep_ == "pobj":
            level = level or head.lower_ in {"to", "at", "from"}  # "rose to 5%" is a level, "by 5%" a change
            node = head.head
        elif head.pos_ in {"VERB", "AUX"}:
            node = head
        elif node.dep_ == "advmod" and head.pos_ == "NOUN" and (direction or direction_of(node)):
            # "reported revenue of $18.1 billion, up 94% from a year earlier": the noun changed
            return Reading(whole=whole, head=head, owner=own, direction=direction or direction_of(node))
        elif node.dep_ in {"npadvmod", "advmod", "acomp", "amod"}:
            direction = direction or direction_of(head)
            node = head
        elif node.dep_ in {"compound", "nmod"} and head.pos_ == "NOUN" and head.lemma_.lower() in PERIOD_UNITS:
            node = head  # "rose 4.1% year on year": the parse hangs the percentage on "year"
        elif node.dep_ in {"compound", "nmod", "amod", "nummod"} and head.pos_ == "NOUN" and node.i < head.i:
            return modified_reading(whole, head, own)  # "a $35,000 reward": the parse counts the reward in dollars
        else:
            break
    if node.pos_ == "NOUN" and node.i != anchor.i and direction is not None and node.head.i == node.i:
        return Reading(whole=whole, head=node, owner=own, direction=direction)  # "Six per cent more pay."
    subject = fragment_subject(node, direction)
    if subject is not None:
        return Reading(whole=whole, subject=subject, owner=own, direction=direction)
    if node.pos_ not in {"VERB", "AUX"}:
        return Reading(whole=whole, owner=own, direction=direction)
    if anchor.dep_ == "dobj" and node.lemma_.lower() == "raise" and anchor.head.i == node.i:
        return Reading(whole=whole, verb=node, owner=own)  # "the appeal raised €3 million": money collected, no rise
    reading = read_clause(anchor, node, whole, None if level else direction or direction_of(node) or changed_by(anchor, node, whole))
    return replace(reading, owner=own, unnamed=False) if own else reading


def changed_by(anchor: Token, verb: Token, whole: Token | None) -> str | None:
    """The direction of a gain or loss whose object is the change itself: "the stock lost 6%"."""
    if whole is not None or anchor.dep_ not in {"dobj", "npadvmod"} or anchor.head.i != verb.i or anchor.lemma_.lower() not in CHANGE_UNIT_WORDS:
        return None
    return GAIN_LOSS_VERBS.get(verb.lemma_.lower())


def antecedent(whole: Token | None) -> Token | None:
    """What a relative "of whom" or "of which" stands for: "2,000 people …, half of whom had
    been given housing" is half of the people (the noun the relative clause hangs on)."""
    if whole is None or whole.lower_ not in {"whom", "which"}:
        return whole
    clause = next((t for t in whole.ancestors if t.dep_ == "relcl"), None)
    if clause is not None and clause.head.pos_ == "NOUN":
        return clause.head
    # the parse may hang the clause elsewhere: the last noun counted before it ("2,000 people")
    before = whole.doc[sentence_of(whole).start : whole.i]
    return next((t for t in reversed(before) if t.pos_ == "NOUN" and any(c.like_num for c in t.children)), None)


def repeated_range(anchor: Token) -> tuple[Token | None, Token | None]:
    """The other bound of a range that writes its unit twice ("40 percent to 70 percent"), as
    (lower, upper): the upper's "to" hangs on the lower."""
    to = anchor.head
    if anchor.dep_ == "pobj" and to.lower_ == "to" and to.dep_ == "prep" and is_bound_like(to.head, anchor):
        return to.head, None
    upper = next((c for t in anchor.children if t.dep_ == "prep" and t.lower_ == "to" for c in t.children if c.dep_ == "pobj"), None)
    return (None, upper) if upper is not None and is_bound_like(upper, anchor) else (None, None)


def is_bound_like(one: Token, other: Token) -> bool:
    """Two unit words of one range: the same word, each measuring a number of its own."""
    return one.lemma_.lower() == other.lemma_.lower() and all(any(c.like_num for c in t.children) for t in (one, other))


def gapped_subject(anchor: Token) -> Token | None:
    """The common noun a gapped clause names before its amount: "spending will reach 2.37 trillion
    crowns and revenue 2.08 trillion crowns" (revenue, a conjunct beside the amount's)."""
    start = anchor.left_edge.i
    if start == 0:
        return None
    before = anchor.doc[start - 1]
    beside = before.dep_ == "conj" and before.head.i == anchor.head.i
    return before if beside and before.pos_ == "NOUN" and not before.ent_type_ else None


def is_gapped(noun: Token) -> bool:
    """Whether the noun opens a clause whose verb was left out, its amount in apposition: joined
    to the clause before, or taken for a second object of its verb ("won 25.7%, the Christian
    Democrats 24.1%")."""
    second = noun.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < noun.i for c in noun.head.children)
    return noun.dep_ in {"appos", "conj"} or second


def gapped_direction(noun: Token) -> str | None:
    """ "Exports rose 5%, imports 3%": a noun and its amount with the verb left out change as the
    clause before did ("rose to 5%, imports to 3%" are levels, read through their "to")."""
    verb = noun.head
    return direction_of(verb) if noun.dep_ in {"advcl", "conj", "appos"} and verb.pos_ == "VERB" else None


def converted_from(anchor: Token) -> Token | None:
    """The amount a bracketed one converts, where the parse hangs it on that amount: "110 billion
    euros ($141 billion)", "58km (36 miles)", "28 degrees Celsius (82 degrees Fahrenheit)"."""
    head = anchor.head
    if anchor.dep_ not in {"appos", "parataxis"} or head.i >= anchor.i:
        return None
    if anchor.ent_type_ == head.ent_type_ == "MONEY":
        return head
    bracketed = any(t.text == "(" for t in anchor.doc[head.i + 1 : anchor.i])
    measured = head.ent_type_ in {"MONEY", "QUANTITY"} or head.lower_ in TEMPERATURE_SCALES
    if not bracketed or not measured:
        return None
    # a scale's name hung on its degrees ("28 degrees Celsius (82 F)") stands for them
    return head.head if head.dep_ == "appos" and head.lower_ in TEMPERATURE_SCALES else head


def dimension_of(anchor: Token) -> tuple[Token | None, str] | None:
    """The extent a measurement gives, and what has it: the noun its adjective describes ("a shaft
    450 metres deep"), the subject it is said of ("the tunnel is 3 km long"), or the object of the
    verb it qualifies ("dug a trench 2 metres wide"); "460 metres below ground" is a depth of
    nothing named."""
    extent = anchor.head
    if anchor.dep_ == "npadvmod" and extent.lower_ in DEPTH_WORDS:
        return None, "depth"
    if anchor.dep_ != "npadvmod" or extent.lower_ not in DIMENSION_WORDS:
        return None
    dimension, target = DIMENSION_WORDS[extent.lower_], extent.head
    if target.pos_ in {"NOUN", "PROPN"}:
        return target, dimension
    if extent.dep_ == "acomp":
        subject = next(iter(clause_subjects(target)), None)
    else:
        subject = next((c for c in target.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    return (subject, dimension) if subject is not None else None


def fragment_subject(root: Token, direction: str | None) -> Token | None:
    """A verbless sentence that tells the size of the change the previous one reports: "The zloty
    slipped too. Down 0.4% against the euro." The change is the previous subject's."""
    sentence = sentence_of(root)
    if direction is None or root.head.i != root.i or sentence.start == 0 or any(t.pos_ in {"VERB", "AUX"} for t in sentence):
        return None
    verb = sentence_of(root.doc[sentence.start - 1]).root
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    changes = verb.pos_ == "VERB" and direction_of(verb) == direction
    return subject if changes and subject is not None and subject.pos_ == "NOUN" else None


def modified_reading(whole: Token | None, noun: Token, own: str | None) -> Reading:
    """A measurement written before the noun it sizes: "a 12% rise in energy costs" is a rise in
    costs, "a 6% pay rise" a rise in pay, "a 3 km radius" a radius."""
    direction = direction_of(noun)
    if direction is None:
        return Reading(whole=whole, head=noun, owner=own)
    changed_in = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"in", "of"} for p in c.children if p.dep_ == "pobj"]
    measured = next(iter(changed_in), None) or next(reversed(kinds_of(noun)), None)
    if measured is None and noun.dep_ == "appos" and noun.head.pos_ == "NOUN":
        measured = noun.head  # "drew 32 million viewers, a 24% drop": the change is in what it stands beside
    return Reading(whole=whole, head=measured, owner=own, direction=direction if measured is not None else None)


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
        return Reading(whole=whole, owner=own, unnamed=own is None)
    changed = changed_thing(noun, prep)
    if changed is not None:  # "a pay rise of 7%" is the "7% pay rise", a rise in pay
        return Reading(whole=whole, head=changed, owner=own, direction=direction_of(noun))
    name = proper_name(noun) if prep.lower_ == "with" else None
    if name is not None:
        return Reading(whole=whole, owner=own or name)
    return Reading(whole=whole, head=noun, owner=own)


def read_clause(anchor: Token, verb: Token, whole: Token | None, direction: str | None) -> Reading:
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != anchor.i), None)
    # "put the magnitude at 6.8", "estimate the damage at €1 billion": the object is what is measured
    # and "raised its key rate by 0.25 points": what a verb of change acts on
    at = anchor.dep_ == "pobj" and anchor.head.lower_ == "at"
    valued = (at or direction_of(verb) is not None) and obj is not None and obj.pos_ == "NOUN"
    head = obj if valued and obj is not None and obj.lemma_.lower() not in MEASUREMENT_WORDS else None
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        head = head or verb.head  # "damage estimated at more than a billion euros"
    if head is None and obj is not None and trails_count(anchor, verb, obj):
        head = obj  # "carried 28 million passengers …, up 4%": the count the change trails
    lemma = verb.lemma_.lower()
    # "The mercury was recorded at 41 degrees": a passive subject is what is measured
    recorded = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"), None) if at else None
    if lemma in REPORTING_VERBS and recorded is not None:
        return Reading(whole=whole, head=head, subject=recorded, direction=direction)
    if lemma in REPORTING_VERBS:  # "…, the firm said": the speaker is the source, not what is measured
        return Reading(whole=whole, head=head, direction=direction)
    received = lemma in RECEIVING_MONEY_VERBS and is_money(anchor)
    content = (lemma not in NEUTRAL_VERBS or received) and direction_of(verb) is None
    # not another measurement ("68% of children have received …, below the 95% needed"): it is no owner
    subjects = [p for s in clause_subjects(verb) if s.i != anchor.i and not is_measurement(s) and (p := past_dateline(s)) is not None]
    # "Counting showed the incumbent ahead with 51.3%": the object's share, not the subject's
    # (not "won Sunday's election with 32.1%": a contest is no one's share)
    held = anchor.dep_ == "pobj" and anchor.head.lower_ == "with" and anchor.head.head.i == verb.i and obj is not None
    held = held and obj is not None and obj.lemma_.lower() not in CONTEST_NOUNS
    if held and obj is not None:
        subjects = [obj]
    elif verb.dep_ == "relcl" and any(s.tag_ in {"WDT", "WP"} for s in subjects):
        subjects = [verb.head]  # "the party, which won 34%": the party
    elif any(is_comment_what(s) for s in subjects):
        subjects = [o for o in verb.head.children if o.dep_ in {"dobj", "attr"} and o.i < verb.i][:1]
    # Of two subjects (a misparsed dateline, "the opposition … party") the one next to the verb.
    subject = min(subjects, key=lambda s: abs(verb.i - s.i), default=None)
    if subject is not None and subject.lower_ == "it":
        subject = quantity_antecedent(subject) or subject
    named = proper_name(subject) if subject is not None else None
    common = subject if subject is not None and named is None and subject.pos_ in {"NOUN", "PROPN"} else None
    if common is not None and (lemma in SHARE_VERBS or held) and not received:  # "the far-right party took 12%": whose share
        named, common = " ".join(t.text for t in name_tokens(common)), None
    unnamed = subject is not None and subject.pos_ == "PRON"
    return Reading(whole=whole, head=head, verb=verb if content else None, subject=common, owner=named, unnamed=unnamed, direction=direction)


def is_money(anchor: Token) -> bool:
    """Whether the measurement's token is a currency: "euros", "$", "EUR", or a number after a sign."""
    before = anchor.doc[anchor.i - 1] if anchor.i > 0 else None
    signed = anchor.like_num and before is not None and currency_sign(before) is not None
    return anchor.lemma_.lower() in CURRENCY_NAMES or currency_sign(anchor) is not None or signed


def is_measurement(noun: Token) -> bool:
    """A unit with its own number: "68%", "12 million lei" (not "the zloty", a currency itself)."""
    return noun.lemma_.lower() in MEASUREMENT_WORDS and any(c.like_num for c in noun.children)


def is_comment_what(subject: Token) -> bool:
    """A translator's "what" for "which", commenting on the clause before: "the deficit will make
    286 billion crowns, what corresponds to 2.9 percent of GDP" (the amount corresponds)."""
    comma = subject.i > 0 and subject.doc[subject.i - 1].text == ","
    return subject.lower_ == "what" and subject.tag_ == "WP" and comma and subject.head.dep_ in {"ccomp", "advcl", "conj"}


def trails_count(anchor: Token, verb: Token, obj: Token) -> bool:
    """Whether a change hangs on the verb after the count it takes as its object ("carried 28
    million passengers in the quarter, up 4%"): the change is the count's, not the subject's."""
    degree = anchor.head
    after = degree.dep_ == "advmod" and degree.head.i == verb.i and degree.i > obj.i
    return after and direction_of(degree) is not None and any(c.dep_ == "nummod" for c in obj.children)


def quantity_antecedent(pronoun: Token) -> Token | None:
    """What "it" stands for when the subject before it is a quantity: "Inflation is falling.
    It hit 4.1 percent." The nearest earlier subject within two sentences, if it is one."""
    doc, start = pronoun.doc, sentence_of(pronoun).start
    same = earlier_measured_subject(pronoun)
    if same is not None:
        return same
    for _ in range(2):
        if start == 0:
            return None
        previous = sentence_of(doc[start - 1])
        subjects = [t for t in previous if t.dep_ in SUBJECTS]
        if subjects:
            last = subjects[-1]
            return last if last.pos_ == "NOUN" and last.lemma_.lower() in QUANTITY_NOUNS else None
        start = previous.start
    return None


def earlier_measured_subject(pronoun: Token) -> Token | None:
    """ "The mercury was recorded at 41 degrees, while on Saturday it was 45": a copular "it" in a
    clause hung on one that measured its own subject stands for that subject."""
    verb = pronoun.head
    if verb.lemma_ != "be" or verb.dep_ not in {"advcl", "conj"}:
        return None
    governor = verb.head
    subject = next((c for c in governor.children if c.dep_ in SUBJECTS and c.i < pronoun.i), None)
    measured = any(t.like_num for t in governor.subtree if t.i < verb.left_edge.i)
    return subject if subject is not None and subject.pos_ == "NOUN" and measured else None
