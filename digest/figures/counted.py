"""What is counted: the noun a number counts, written or elided. What befell it (the measure
word around it) is `digest.figures.measures`."""

from __future__ import annotations

from spacy.tokens import Span, Token

from digest.figures.numbers import (
    compared_with,
    copula_subject,
    from_partner,
    is_compared,
    is_counted_whole,
    is_glued_million,
    is_tally_of_people,
    of_object,
    tally_subject,
)
from digest.figures.values import is_person_noun
from digest.figures.words import (
    ADJ_MEASURES,
    COLLECTIVE_NOUNS,
    COUNT_SYNONYMS,
    ESTIMATE_NOUNS,
    ESTIMATING_VERBS,
    FALL_WORDS,
    GENERIC_PEOPLE,
    LEMMA_FIXES,
    MEASUREMENT_WORDS,
    NOT_COUNTS,
    NOUN_MEASURES,
    PEOPLE_MEASURES,
    RISE_WORDS,
    RUNNING_TALLIES,
    SCALES,
    TALLY_NOUNS,
    UNIT_NOUNS,
    VERB_MEASURES,
    WORKER_NOUNS,
)
from digest.nlp.sentences import sentence_of
from digest.nlp.vocabulary import ARGUMENTS, SUBJECTS


def counted_noun(number: Token) -> Token | None:
    """The noun a number counts, written or elided ("including 29", "two of them", "toll rose to 300")."""
    head = number.head
    if modifies_noun(number) and inverted_tally(number) is not None:
        return tallied_noun(head)
    if modifies_noun(number) and head.pos_ in {"NOUN", "PROPN", "PRON"} and head.lower_ != "plus":  # "100,000 plus"
        # "Two miners were killed and 12 others trapped": the others are miners too
        if head.lemma_.lower() == "other":
            return earlier_counted_noun(number) or head
        # "the 3 bank employees", the number hung on the compound: the employees are counted
        plural = head.head if head.dep_ == "compound" and head.tag_ == "NN" and head.head.tag_ == "NNS" and head.head.i == head.i + 1 else None
        return plural or hyphened_head(head)
    if is_adjective_count(number):
        return hyphened_head(head.head)
    sibling = sibling_subject(number)
    if sibling is not None:
        return sibling
    if number.dep_ == "appos" and head.i < number.i and in_all(number) and (head.tag_ == "NNS" or head.lower_ in ADJ_MEASURES):
        return head  # "The victims, 12 in all, were identified", "The injured, 23 in total, …"; not ages ("The suspects, 19 and 21")
    partitive = partitive_noun(number)
    if partitive is not None:
        if partitive.pos_ != "PRON":
            return partitive
        # "of which 6": a relative whole nothing before counts is no noun ("6 which")
        found = earlier_counted_noun(number) or relative_whole(partitive)
        return found or (None if partitive.lower_ in {"which", "whom"} else partitive)
    if number.dep_ == "pobj" and head.lemma_ in {"include", "among"}:
        return including_noun(head)
    estimated = estimated_noun(number)
    if estimated is not None:
        return estimated
    if number.dep_ == "conj" and head.like_num and head.i < number.i:
        # "between 30 and 40 coaches": a range's bounds count one thing; but in "the dead were 12
        # and the injured 30" the second is no more of the dead (left unread, not read wrong)
        first = counted_noun(head)
        own = {c.lower_ for c in number.children if c.dep_ == "amod" and c.lower_ in ADJ_MEASURES}
        return None if first is not None and first.lower_ in ADJ_MEASURES and own - {first.lower_} else first
    partner = from_partner(number)
    if partner is not None and partner.i != number.i:
        return counted_noun(partner)  # "to 52 batches from 37": the 37 were batches too
    if is_compared(number):  # it counts what the count it is compared with counts
        other = compared_with(number)
        return earlier_counted_noun(number) or (counted_noun(other) if other is not None and not is_compared(other) else None)
    tally = tally_subject(number)
    found = (tally and tallied_noun(tally)) or changed_noun(number) or gapped_noun(number) or copula_noun(number)
    return found or copula_subject(number) or multiple_noun(number) or collective_noun(number)


def modifies_noun(number: Token) -> bool:
    """Whether the number is written on the noun it counts: "12 people", and "2.1m people", whose
    split-off million the parse hangs on the noun some other way."""
    return number.dep_ == "nummod" or is_glued_million(number) or is_capitalised_count(number)


def count_on(noun: Token) -> Token | None:
    """The number written on the noun ("43" of "43 inmates"), if any."""
    return next((c for c in noun.children if c.like_num and modifies_noun(c)), None)


def is_capitalised_count(number: Token) -> bool:
    """ "Sixteen runners were taken to hospital": a spelled-out number opening a sentence is
    sometimes tagged a proper noun compounded with the plural it counts; so is the scale of "Two
    dozen ambulances"."""
    head = number.head
    spelled = number.is_alpha and number.is_title
    scale = number.lower_ in SCALES.keys() | {"dozen"}  # "Two dozen ambulances", the scale compounded
    return number.dep_ == "compound" and (spelled or scale) and head.i == number.i + 1 and head.tag_ == "NNS"


def is_adjective_count(number: Token) -> bool:
    """ "Forty injured people were taken to hospital": a count that opens a sentence is often
    parsed as the adjective's modifier, not the noun's; it still counts the noun."""
    adjective = number.head
    return (
        number.dep_ in {"npadvmod", "nummod"}
        and adjective.dep_ == "amod"
        and adjective.pos_ in {"ADJ", "VERB"}
        and adjective.head.pos_ in {"NOUN", "PROPN"}
        and number.i + 1 == adjective.i < adjective.head.i
    )


NEGATING_PREFIXES = frozenset({"non", "anti", "un", "counter"})


def in_all(number: Token) -> bool:
    """ "12 in all", "23 in total", "40 altogether": a number that says it counts the whole."""
    words = {t.lower_ for t in number.doc[number.i + 1 : number.i + 3]}
    return "altogether" in words or ("in" in words and bool(words & {"all", "total"}))


def hyphened_head(noun: Token) -> Token:
    """The last part of a hyphened word the tagger split and counted by its first: "2.1 million
    pre-orders" counts orders, "three ex-execs" execs (not "pre" and "ex"). A prefix that
    negates stays the word: 12 non-residents are no residents."""
    doc, word = noun.doc, noun
    while word.lower_ not in NEGATING_PREFIXES and not word.whitespace_ and word.i + 2 < len(doc) and doc[word.i + 1].text == "-" and not doc[word.i + 1].whitespace_:
        following = doc[word.i + 2]
        if not following.is_alpha or following.pos_ not in {"NOUN", "ADJ", "PROPN"}:
            break
        word = following
    return word


def inverted_tally(number: Token) -> Token | None:
    """The tally a translation writes after the value it rose to, which the parse makes one
    phrase: "rising to three the number of fatal victims", "Rises to three the balance of the
    victims" (Italian "il bilancio delle vittime")."""
    tally = number.head
    between = number.doc[number.i + 1 : tally.i]
    inverted = len(between) == 1 and between[0].lower_ == "the"
    return tally if inverted and (tally.lemma_.lower() in TALLY_NOUNS or is_tally_of_people(tally)) else None


def tallied_noun(tally: Token) -> Token:
    """What a tally counts: the plural of things its "of" names ("the number of confirmed cases
    rose to 1,024" counts cases) or the noun before "numbers" ("passenger numbers"), else the tally itself, which counts people ("the death toll
    rose to 45", "the number of people killed rose to 40": the tally's measure is theirs)."""
    whole = of_object(tally)
    whole = None if whole is not None and whole.like_num else whole  # "a total of 1,310": the value, not what it counts
    if whole is None and tally.lemma_.lower() == "number":
        # "Passenger numbers rose to 28 million" counts passengers, as "the number of passengers" does
        kinds = [c for c in tally.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == tally.i - 1]
        if kinds and is_countable(kinds[0]) and kinds[0].lemma_.lower() not in GENERIC_PEOPLE:
            return kinds[0]
    if whole is None and tally.lemma_.lower() in RUNNING_TALLIES and not tally_kinds(tally):
        # "312 new cases on Monday, bringing the total to 4,870": the total of what was just counted
        before = last_counted_noun(tally.doc[sentence_of(tally).start : tally.i])
        return before if before is not None and before.lemma_.lower() not in GENERIC_PEOPLE else tally
    if whole is None or whole.tag_ != "NNS" or whole.pos_ != "NOUN" or whole.lemma_.lower() in GENERIC_PEOPLE:
        return tally
    return whole if is_countable(whole) else tally


def tally_kinds(tally: Token) -> list[Token]:
    """What the tally's own words say it counts: "death" of "the death toll"."""
    return [c for c in tally.children if c.dep_ in {"compound", "amod", "nmod"} and c.pos_ in {"NOUN", "ADJ"}]


def estimated_noun(number: Token) -> Token | None:
    """ "Police put the crowd at 35,000", "officials estimated the turnout at 4,000": a number
    after "at" that a verb of estimating sets its object at counts that object."""
    at = number.head
    if number.dep_ != "pobj" or at.lower_ != "at" or at.head.lemma_.lower() not in ESTIMATING_VERBS:
        return None
    objects = [c for c in at.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return objects[0] if objects else None


def multiple_noun(number: Token) -> Token | None:
    """ "three times superior to the limit", "five times higher than the limit": a multiple
    counts what it is a multiple of, as "three times the limit" does."""
    doc = number.doc
    if number.i + 2 >= len(doc) or doc[number.i + 1].lower_ != "times" or doc[number.i + 2].pos_ != "ADJ":
        return None
    than = [p for c in doc[number.i + 2].children if c.dep_ == "prep" and c.lower_ in {"to", "than"} for p in c.children]
    return next((p for p in than if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)


def collective_noun(number: Token) -> Token | None:
    """ "The ship's crew of 19", "a team of 12": a bare number after "of" counts the group noun."""
    of = number.head
    if number.dep_ != "pobj" or of.lower_ != "of" or any(c.dep_ in {"prep", "nummod"} for c in number.children):
        return None
    group = of.head
    return group if group.pos_ == "NOUN" and group.lemma_.lower() in COLLECTIVE_NOUNS else None


def changed_noun(number: Token) -> Token | None:
    """ "The dead rise to three", "deaths climbed to 65": the noun or adjective of a measure that
    a rise or fall to the number is said of (as a subject, or as the change's own modifier)."""
    if number.dep_ != "pobj" or number.head.lower_ != "to":
        return None
    change = number.head.head
    if change.lemma_.lower() not in RISE_WORDS | FALL_WORDS:
        return None
    said = [c for c in change.children if c.dep_ in {*SUBJECTS, "amod"}]
    return next((c for c in said if lemma_of(c) in NOUN_MEASURES or c.lower_ in ADJ_MEASURES), None)


def copula_noun(number: Token) -> Token | None:
    """ "Twelve were children", "Three were women": a number whose copula names what it counts."""
    if number.dep_ != "nsubj" or number.head.lemma_ != "be":
        return None
    return next((c for c in number.head.children if c.dep_ == "attr" and c.tag_ == "NNS" and c.pos_ == "NOUN"), None)


def sibling_subject(number: Token) -> Token | None:
    """ "Twelve seriously ill patients were taken …", parsed as two subjects of "taken": the plural
    noun just after the number (past adverbs and adjectives) is the one it counts."""
    if number.dep_ not in SUBJECTS:
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
    if of is None and number.dep_ in SUBJECTS:
        # "Of the eight cars, six came off the rails": the whole is fronted on the part's verb
        fronted = [c for c in number.head.children if c.lower_ == "of" and c.dep_ == "prep" and c.i < number.i]
        of = fronted[0] if fronted else None
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def relative_whole(pronoun: Token) -> Token | None:
    """What the whole a relative "of whom" or "of which" takes up counts: "The injured are 47, of
    whom 9 in grave conditions" counts the injured twice."""
    if pronoun.lower_ not in {"whom", "which"}:
        return None
    before = pronoun.doc[sentence_of(pronoun).start : pronoun.i]
    whole = next((t for t in reversed(before) if t.like_num), None)
    return counted_noun(whole) if whole is not None else None


def earlier_counted_noun(number: Token) -> Token | None:
    """The nearest noun counted earlier in the sentence: what "1,200 of them" and "3,000 were
    evacuated" leave unsaid in "cut 1,800 jobs, 1,200 of them in Sweden"."""
    return last_counted_noun(number.doc[sentence_of(number).start : number.i])


def last_counted_noun(words: Span) -> Token | None:
    for token in reversed(words):
        # "43 inmates", or the whole a part is counted of: "Eighteen of the escapees"
        counted = count_on(token) is not None or is_counted_whole(token)
        if token.pos_ == "NOUN" and counted and is_countable(token):
            return hyphened_head(token)  # "shooting three co-workers, killing two of them": workers
    return None


def previous_counted_noun(number: Token, verb: Token) -> Token | None:
    """The noun the sentence before counted last, for a bare number that opens its sentence:
    "43 inmates escaped on Sunday. Eighteen were caught within hours." Only within a paragraph,
    and a thing never undergoes what only people do ("40 homes destroyed. Two were killed")."""
    doc, sentence = number.doc, sentence_of(number)
    # "Eighteen were caught", "The remaining 25 were still at large"
    leading = doc[sentence.start : number.i]
    opening = number.i - sentence.start <= 3 and all(t.pos_ in {"DET", "ADJ", "ADV", "ADP"} or (t.dep_ == "amod" and t.head.i == number.i) for t in leading)
    if not opening:
        return None
    noun = counted_before(number)
    people_only = VERB_MEASURES.get(verb.lemma_.lower()) in PEOPLE_MEASURES
    return noun if noun is not None and (not people_only or is_person_noun(noun.lemma_.lower())) else None


def elided_count(number: Token) -> tuple[Token, Token] | None:
    """A bare number written as a subject, "and more than 3,000 were evacuated", or told of by a
    relative clause, "of the 32,000 who had registered": the noun counted earlier in the
    sentence, and the verb that says what befell them."""
    relative = next((c for c in number.children if c.dep_ == "relcl" and c.pos_ == "VERB" and relative_subject(c)), None)
    if relative is not None:  # "of the 32,000 who had registered": the runners counted before
        noun = earlier_counted_noun(number)
        return (noun, relative) if noun is not None else None
    said = said_count(number)
    if said is not None:
        return said
    following = [t for t in number.doc[number.i + 1 : sentence_of(number).end] if t.pos_ != "ADV"]
    if len(following) < 2 or following[0].pos_ != "AUX" or any(c.dep_ == "prep" for c in number.children):
        return None
    verb = next((t for t in following[:3] if t.pos_ == "VERB"), None)
    if verb is None and any(c.dep_ in {"acomp", "attr"} for c in following[0].children):
        verb = following[0]  # "The remaining 25 were still at large": the copula says what they are
    if verb is None:
        return None
    noun = earlier_counted_noun(number) or previous_counted_noun(number, verb)
    return (noun, verb) if noun is not None else None


def said_count(number: Token) -> tuple[Token, Token] | None:
    """A bare number a source gives for what was counted just before: "The Archive of Public
    Gatherings estimated 62,000", "the organisers said that there were over 100,000", "police
    say 35,000": the noun counted last in the sentence or the one before it, within the paragraph."""
    verb, dep = number.head, number.dep_
    if verb.lower_ == "plus" and dep == "nummod":
        verb, dep = verb.head, verb.dep_  # "Organisers claim 100,000 plus": the object is the number
    if dep == "pobj" and verb.dep_ == "prep" and verb.lower_ in {"over", "under", "about", "around", "nearly"}:
        verb, dep = verb.head, "dobj"  # "there were over 100,000": the qualifier parsed as a preposition
    estimated = dep == "dobj" and verb.lemma_.lower() in ESTIMATING_VERBS | {"say", "count", "report", "claim"}
    existential = dep in {"attr", "dobj"} and verb.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in verb.children)
    if not (estimated or existential) or any(c.dep_ == "prep" for c in number.children):
        return None
    noun = earlier_counted_noun(number) or counted_before(number) or estimated_before(number)
    return (noun, verb) if noun is not None and is_person_noun(noun.lemma_.lower()) else None


def estimated_before(number: Token) -> Token | None:
    """What the estimates before a source's bare number counted, within its paragraph: "Police put
    the crowd at 35,000. … the Archive estimated 62,000" (the crowd), or what "Crowd estimates vary
    wildly" are of."""
    doc, before = number.doc, sentence_before(number)
    start = before.start if before is not None else sentence_of(number).start
    for token in reversed(doc[start : number.i]):
        said = said_count(token) if token.like_num and token.dep_ == "dobj" else None  # "says 62,000. The police say 35,000"
        noun = (estimated_noun(token) or (said[0] if said else None)) if token.like_num else None
        if noun is not None:
            return noun
        if token.lemma_.lower() in ESTIMATE_NOUNS:
            kind = next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
            if kind is not None:
                return kind
    return None


def counted_before(number: Token) -> Token | None:
    """The noun the sentence before the number's counted last, within its paragraph."""
    before = sentence_before(number)
    return last_counted_noun(before) if before is not None else None


def sentence_before(number: Token) -> Span | None:
    """The sentence before the number's, if it stands in the same paragraph."""
    doc, sentence = number.doc, sentence_of(number)
    if sentence.start == 0:
        return None
    before = sentence_of(doc[sentence.start - 1])
    if "\n" in doc.text[before.end_char : sentence.start_char] or "\n" in before.text:
        return None
    return before


def relative_subject(verb: Token) -> bool:
    """Whether a relative clause's subject is its relative pronoun for people ("who had registered")."""
    return any(c.dep_ in SUBJECTS and c.lower_ in {"who", "that"} for c in verb.children)


def gapped_noun(number: Token) -> Token | None:
    """The counted noun one clause wrote and the next left out:
    "3 people were killed and 17 wounded", "34 people dead and 12 missing", "… and 2,200 in Syria"."""
    if number.dep_ in SUBJECTS and number.head.dep_ == "conj":
        verb = number.head.head
    elif number.dep_ == "conj" and number.head.pos_ in {"VERB", "AUX"}:
        verb = number.head
    else:
        return None
    nouns = [c for c in verb.children if c.dep_ in ARGUMENTS]
    counted = [n for n in nouns if any(c.dep_ == "nummod" for c in n.children)]
    return counted[0] if counted else None


def including_noun(including: Token) -> Token | None:
    """The whole an "including …" part belongs to: its head noun, or its verb's subject."""
    head = including.head
    if head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return head
    return next((c for c in head.children if c.dep_ in SUBJECTS), None)


def is_countable(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in UNIT_NOUNS or noun.ent_type_ in NOT_COUNTS:
        return False
    return noun.pos_ != "PROPN" or noun.ent_type_ == "NORP"


def lemma_of(token: Token) -> str:
    return LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


def noun_lemma(noun: Token) -> str:
    lemma = lemma_of(noun)
    tally = lemma in TALLY_NOUNS or is_tally_of_people(noun)
    return "people" if tally or lemma in {"they", "them"} else lemma


def counted_key(noun: Token) -> str:
    """The counted noun as a grouping key: its lemma, with synonyms of general English merged."""
    lemma = noun_lemma(noun)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() == "employ" or any(c.lemma_.lower() in WORKER_NOUNS for c in kinds_of(noun)):
        return "employee"  # "employs 4,800 people", "4,800 staff members"
    if lemma == "member" and kinds_of(noun):
        return counted_key(kinds_of(noun)[-1])  # "19 crew members" are the crew of 19
    if lemma in WORKER_NOUNS:
        kinds = [c for c in noun.lefts if c.dep_ in {"compound", "nmod"} and c.pos_ == "NOUN"]
        kinds += [k for c in kinds for k in c.conjuncts if k.pos_ == "NOUN"]
        return f"{max(kinds, key=lambda t: t.i).lemma_.lower()} worker" if kinds else "employee"
    return COUNT_SYNONYMS.get(lemma, lemma)


def subject_of(noun: Token) -> str:
    """Who is counted, as a key: "people" for any general word for persons, and for the
    adjective that stands for them ("the missing are at least 6")."""
    lemma = noun_lemma(noun)
    return "people" if lemma in GENERIC_PEOPLE or lemma in ADJ_MEASURES or noun.lower_ in ADJ_MEASURES else lemma


def count_anchor(number: Token, noun: Token) -> Token:
    """Where the count sits in the tree: its noun when written there, else the number itself."""
    written = modifies_noun(number) and number.head.i == noun.i
    return noun if written or (is_adjective_count(number) and number.head.head.i == noun.i) else number


def kinds_of(token: Token) -> list[Token]:
    return [
        c for c in token.lefts
        if c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"} and c.lower_ not in MEASUREMENT_WORDS and not c.like_num
    ]  # fmt: skip
