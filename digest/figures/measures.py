"""What befell what is counted: the measure word a count's noun, its modifiers or the verb it
hangs on give ("killed", "displaced or evacuated", "took part"), climbing from the count to the
clause that governs it. What is counted is `digest.figures.counted`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from digest.figures.counted import count_anchor, count_on, lemma_of, partitive_noun, subject_of
from digest.figures.numbers import is_compared, is_fronted_whole, is_partitive_whole, is_tally_of_people
from digest.figures.values import is_person_noun
from digest.figures.words import (
    ADJ_MEASURES,
    AFTER_TRAPPED,
    AGENT_VERBS,
    DEATH_TALLIES,
    GENERIC_PEOPLE,
    IDIOM_OBJECTS,
    IDIOMS,
    INJURY_WORDS,
    MANAGING_VERBS,
    NEGATED_MEASURES,
    NOUN_MEASURES,
    REPORTING_VERBS,
    SETTLEMENT_NOUNS,
    STATE_ADJECTIVES,
    TALLY_NOUNS,
    VERB_MEASURES,
    WEAK_NOUN_MEASURES,
)
from digest.nlp.sentences import sentence_of
from digest.nlp.vocabulary import SUBJECTS


def noun_measure(noun: Token) -> str | None:
    lemma = lemma_of(noun)
    if lemma in TALLY_NOUNS or is_tally_of_people(noun):
        kinds = [NOUN_MEASURES.get(c.lemma_.lower()) for c in noun.children if c.dep_ in {"compound", "amod"}]
        # "the number of people killed": the measure sits on the counted noun after "of"
        of = [p for c in noun.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        kinds += [noun_measure(p) or modifier_measure(p) or word_measure(p) for p in of]  # "the number of wounded"
        return next((k for k in kinds if k), "killed" if lemma in DEATH_TALLIES else None)
    if lemma == "casualty" and mentions_injury(sentence_of(noun)):
        return "casualties"  # killed and wounded together
    # "The injured are 47": a participle standing for the people it says befell
    return NOUN_MEASURES.get(lemma) or (ADJ_MEASURES.get(noun.lower_) if noun.pos_ in {"VERB", "ADJ"} else None)


def mentions_injury(sentence: Span) -> bool:
    return any(t.lemma_.lower() in INJURY_WORDS for t in sentence)


def word_measure(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in {"fatal", "mortal"} and lemma_of(token.head) in GENERIC_PEOPLE:
        return "killed"  # "fatal victims", as Portuguese "vítimas mortais" is translated
    if is_denied(token):
        return NEGATED_MEASURES.get(lemma) if token.pos_ in {"VERB", "AUX"} else None
    if token.pos_ == "ADJ" or token.lower_ in ADJ_MEASURES:
        return ADJ_MEASURES.get(token.lower_) or ADJ_MEASURES.get(lemma)
    if token.pos_ in {"VERB", "AUX"}:
        if lemma in MANAGING_VERBS and any(c.dep_ == "agent" for c in token.children):
            return None  # "four hospitals run by the group" are managed by it, not running
        return VERB_MEASURES.get(lemma) or idiom_measure(token)
    return None


def is_denied(token: Token) -> bool:
    """ "did not vote", "were not injured": the word, or the verb it completes, is negated."""
    verbs = [token, token.head] if token.dep_ in {"acomp", "oprd", "attr"} else [token]
    return any(c.dep_ == "neg" for v in verbs for c in v.children)


def idiom_measure(verb: Token, without: Token | None = None) -> str | None:
    """The measure of an idiom the verb makes with a word near it, leaving out `without`."""
    # "transported to hospital units": a compound names the place as the noun itself would
    words = [t for c in verb.children for t in (c, *c.children) if without is None or t.i != without.i]
    near = {t.lemma_.lower() for t in (*words, *(c for w in words for c in w.children if c.dep_ == "compound"))}
    near |= {f"{c.lower_} {p.lemma_.lower()}" for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"}
    lemma = verb.lemma_.lower()
    return next((m for verbs, words, m in IDIOMS if lemma in verbs and words & near), None)


def modifier_measure(token: Token) -> str | None:
    """A measure written on the count itself: "29 believed to have died", "10 people dead"."""
    for child in token.children:
        if child.dep_ == "amod" and child.i < token.i and child.lower_ in STATE_ADJECTIVES:
            continue  # "seriously ill patients": ill before the story
        if child.dep_ in {"amod", "acl", "relcl", "oprd", "acomp", "xcomp"} and not tells_of_part(child):
            found = word_measure(child) or next(
                (word_measure(c) for c in child.children if c.dep_ in {"xcomp", "acomp", "oprd"} and word_measure(c)),
                None,
            )
            if found:
                return found
    return None


def tells_of_part(clause: Token) -> bool:
    """ "412 athletes, of which 17 were transported to hospital": a relative clause with a count
    of its own says what befell that part, not the whole it hangs on."""
    return clause.dep_ == "relcl" and any(c.dep_ in SUBJECTS and c.like_num for c in clause.children)


def verb_measure(verb: Token) -> str | None:
    found = word_measure(verb)
    if found == "shot":
        # "were shot and killed", "shot dead", "shot to death": what the shooting did to the same
        # people ("shot one person and injured two others" injured others)
        outcome = [c for c in verb.children if c.dep_ in {"conj", "oprd", "acomp"} and not has_own_object(c)]
        if any(c.lower_ == "to" and any(p.lemma_.lower() == "death" for p in c.children) for c in verb.children):
            return "killed"
        return next((m for c in outcome if (m := word_measure(c)) in {"killed", "injured"}), found)
    if found:
        return found
    # "500 volunteers helped evacuate 3,000 residents": a complement with an object of its own
    # measures that object; "were forced to leave their homes" is one idiom with its object.
    complements = [c for c in verb.children if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp"} and not has_own_object(c)]
    found = next((word_measure(c) for c in complements if word_measure(c)), None)
    # "two children were among the dead"
    among = [p for c in verb.children if c.lower_ == "among" for p in c.children if p.dep_ == "pobj"]
    return found or next((noun_measure(p) for p in among if noun_measure(p)), None)


def has_own_object(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() not in IDIOM_OBJECTS for c in verb.children)


def find_measure(number: Token, noun: Token) -> str | None:
    """The first measure word from the count up to the clause that governs it; weak nouns last."""
    # "nine of the miners trapped": what befell the whole is not the part's own measure
    whole = partitive_noun(number)
    part = whole is not None and whole.i == noun.i
    # "two of the injured died": a whole the participle names gives the part's measure only when
    # its clause says nothing else befell it ("21 of the injured remain in serious condition")
    standing = part and noun.pos_ in {"VERB", "ADJ"}
    found = (None if standing else noun_measure(noun)) or modifier_measure(number) or (None if part else modifier_measure(noun))
    found = found or dwelling_measure(number, noun) or held_measure(number, noun)
    if found is None and not is_partitive_whole(number.doc[number.i : number.i + 1]):
        found = climb_measure(number, noun)  # "Seven of the ten voted": the seven voted, not the ten
    elif found == "injured" and climb_measure(number, noun) == "hospitalised":
        found = "hospitalised"  # "31 injured people remain in hospital": the injured still there, not all of them
    elif found == "trapped" and (befell := climb_measure(number, noun)) in AFTER_TRAPPED:
        # "rescued 14 people trapped under debris", "20 people trapped in the mine have died": being
        # trapped is how they were found; the clause says what became of them
        found = AFTER_TRAPPED[befell]
    return found or compared_measure(number, noun) or (noun_measure(noun) if standing else None) or WEAK_NOUN_MEASURES.get(noun.lemma_.lower())


def compared_measure(number: Token, noun: Token) -> str | None:
    """ "14 people were arrested, up from the nine reported": a value compared with an earlier
    count, its noun left unsaid, measures what that count measures."""
    if not is_compared(number) or noun.i > number.i:
        return None
    count = count_on(noun)
    return find_measure(count, noun) if count is not None else None


def dwelling_measure(number: Token, noun: Token) -> str | None:
    """ "Qeshm, home to 120,000 people", "Bandar Abbas, a city of 500,000 people": the people a
    place is home to are its inhabitants, as "a population of 100,000" is."""
    counted = count_anchor(number, noun)
    place = counted.head.head
    if counted.dep_ != "pobj" or subject_of(noun) != "people":
        return None
    home = counted.head.lower_ == "to" and place.lemma_.lower() == "home"
    settled = counted.head.lower_ == "of" and place.lemma_.lower() in SETTLEMENT_NOUNS
    return "inhabitants" if home or settled else None


def held_measure(number: Token, noun: Token) -> str | None:
    """ "The coalition has 110 deputies": what a subject has now is its standing size, not the
    count of an event ("108 deputies voted"), though no measure word is written; but the
    residents a place has are its inhabitants, and the victims or deaths an event has ("the
    floods have already two victims") are what it did, not what it holds."""
    lemma = noun.lemma_.lower()
    if WEAK_NOUN_MEASURES.get(lemma) == "inhabitants" or lemma == "victim" or NOUN_MEASURES.get(lemma) in {"killed", "injured"}:
        return None
    counted = count_anchor(number, noun)
    verb = counted.head
    holds = counted.dep_ == "dobj" and verb.lemma_.lower() == "have" and verb.tag_ in {"VBZ", "VBP"}
    return "held" if holds and any(c.dep_ == "nsubj" for c in verb.children) else None


def climb_measure(number: Token, noun: Token) -> str | None:
    node, after_of = count_anchor(number, noun), False
    while node.head.i != node.i and not ends_climb(node):
        if acts_on_another(node):
            break  # "Twelve soldiers killed three militants": the soldiers were not killed
        node, below = node.head, node
        found = None
        if node.pos_ in {"NOUN", "PROPN"}:
            found = noun_measure(node) or modifier_measure(node)
            if found is None and after_of:
                break  # "displacing half of its 2.4 million inhabitants": the verb acts on the half
        elif node.pos_ in {"VERB", "AUX"}:
            found = verb_measure(node)
            if found is not None and found == idiom_measure(node) and idiom_measure(node, below) is None:
                found = None  # "left 1.2 million homes without power": the idiom's word is the count's
            if found is None and clause_head(node):
                break
        elif node.pos_ == "ADJ" and node.dep_ == "ROOT":
            found = word_measure(node)  # "Two children dead.": a headline's verbless predicate
        if found:
            return found
        after_of = node.lower_ == "of"
    return None


def acts_on_another(subject: Token) -> bool:
    """The active subject of a verb whose object undergoes what the verb measures (`AGENT_VERBS`)."""
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in AGENT_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(o.lemma_.lower() in IDIOM_OBJECTS or is_own(o) for o in objects)


def is_own(thing: Token) -> bool:
    """The subject itself or a part of it: "freed themselves", "hurt their backs"; not a person of
    theirs ("killed their commander")."""
    if thing.lower_ in {"themselves", "himself", "herself", "itself", "ourselves"}:
        return True
    theirs = any(c.dep_ == "poss" and c.lower_ in {"their", "his", "her", "its", "our"} for c in thing.children)
    return theirs and not (is_person_noun(thing.lemma_.lower()) or thing.lemma_.lower() in GENERIC_PEOPLE)


def ends_climb(node: Token) -> bool:
    """A noun or verb that modifies another noun: "voters casting ballots across 1,200 stations"
    says nothing of what the stations measure. Parts ("including", "of", conj, appos) climb on."""
    if node.dep_ in {"acl", "relcl"}:
        return True
    if node.dep_ == "conj" and node.pos_ in {"NOUN", "PROPN"} and node.head.pos_ in {"VERB", "AUX"}:
        # "a runner died and more than 400 needed medical help", parsed as a verb and a noun
        # joined: the noun's clause is its own, and the 400 did not die.
        return True
    if is_fronted_whole(node):
        return True  # "Of the 300 passengers, 25 were hurt": the 300 were not all hurt
    if node.dep_ == "pobj":
        return node.head.lemma_.lower() not in {"include", "among", "of"}
    return False


def clause_head(verb: Token) -> bool:
    """A verb with its own subject, or a speech verb: past it lies another statement."""
    if verb.lemma_.lower() in REPORTING_VERBS:
        return True
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)
