"""Who a speaker's words in a parsed article stand for: a name, a pronoun or a description.

Used by `digest.extract.quotes` once it has found a quote's attribution. Coreference is
deliberately simple (see that module's docstring): "he"/"she" is a nearby person who spoke, else
one named; "the Qatari ruler" is the person whose title before the name holds the description's
words; a name the tagger missed or misread still names a speaker where its shape says so.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from digest.extract.entities import HONORIFICS, join_name_particles
from digest.nlp.sentences import memoised, sentence_of
from digest.nlp.vocabulary import (
    NAME_TITLES,
    PERSON_ENDINGS,
    PERSON_NOUNS,
    ROLE_FORMS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SUBJECTS,
)

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Prepositions that open where, when or how someone spoke, not who they are.
CIRCUMSTANCE_PREPOSITIONS = frozenset({"on", "during", "after", "before", "via", "through"})
# Labels the small model gives a person's name now and then; a speaker so labelled is named.
MISREAD_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC"})
PRONOUN_WINDOW = 3  # sentences back in which "he" or "she" looks for a person
FAR_PRONOUN_WINDOW = 6  # and for a person who spoke, when the window names nobody


def speaker_role(doc: Doc, speaker: str | None, speaker_text: str | None) -> tuple[str, ...]:
    """A named speaker's title words in the article; else a definite role description's words."""
    if speaker is not None:
        return tuple(sorted({ROLE_FORMS.get(w, w) for w in person_titles(doc).get(speaker, ())}))
    words = re.findall(r"[^\W\d_]+", (speaker_text or "").lower())
    if words[:1] != ["the"] or not ROLE_NOUNS & set(words):
        return ()  # "a spokesman", "officials": someone a text leaves unnamed on purpose
    return tuple(sorted({ROLE_FORMS.get(w, w) for w in words if w not in STOP_WORDS and len(w) > 1}))  # "s" of "the city's mayor"


def person_titles(doc: Doc) -> dict[str, frozenset[str]]:
    """Each person's title words as the article gives them, by name and by surname."""
    return memoised(doc, "person_titles", lambda: find_person_titles(doc))


def find_person_titles(doc: Doc) -> dict[str, frozenset[str]]:
    titles: dict[str, set[str]] = {}
    for person in person_spans(doc):
        words = {t.lower_ for t in title_of(person) if t.is_alpha and not t.is_stop}
        for name in {name_text(person), person[-1].text}:
            titles.setdefault(name, set()).update(words)
    return {name: frozenset(words) for name, words in titles.items()}


def names_of(doc: Doc) -> list[Span]:
    """The doc's entities with name particles joined."""
    return memoised(doc, "names", lambda: join_name_particles(doc))


def names_a_person(token: Token) -> bool:
    """A person's name or pronoun, or a noun for a person with a name beside it."""
    entity = entities_at(token.doc).get(token.i)
    if entity is not None:
        return entity.label_ == "PERSON"
    return token.lower_ in PERSONAL_PRONOUNS or (token.pos_ == "NOUN" and bool(appositive_names(token)))


def is_speech_verb(token: Token) -> bool:
    """A verb of saying; or "let know" and "made known", as Dutch "laten weten" and German
    "wissen lassen" are translated word for word."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma == "accuse" and any(c.dep_ == "auxpass" for c in token.children):
        return False  # "He was accused of “gross misconduct”": the accused, not who spoke
    return lemma in SPEECH_VERBS or (lemma in {"let", "make"} and any(c.lower_ in {"know", "known"} for c in token.children))


def describe(doc: Doc, subject: Token, inside: set[int]) -> tuple[str | None, str | None]:
    if subject.lower_ in PERSONAL_PRONOUNS:
        person = resolve_pronoun(doc, subject, inside)
        return subject.text, person
    entity = entity_of(doc, subject)
    if entity is not None:
        return name_text(entity), name_text(entity)
    # A name the tagger left unlabelled that says something is a speaker's name ("…," Camelia
    # Dobre said), a person's or, as "Network Rail said", the body's that spoke.
    untagged = next((p for p in untagged_people(doc) if p.start <= subject.i < p.end), None)
    untagged = untagged or speaking_name(doc, subject)
    if untagged is not None:
        return name_text(untagged), name_text(untagged)
    if subject.pos_ == "PROPN" and subject.text in surnames(doc):
        return subject.text, subject.text  # a surname the tagger missed: "Papadakis said"
    if subject.pos_ == "PRON":
        return subject.text, None
    phrase = noun_phrase(subject)
    return phrase.text, named_in_description(doc, subject, inside) or resolve_description(doc, phrase, inside)


def named_in_description(doc: Doc, head: Token, inside: set[int]) -> str | None:
    """The person a description names itself: a name set beside it ("said a mother, Aisha
    Bello"), or, for a role, one it runs into ("the president of the bank Jan Nowak said", "the
    head of the agency, Jan Nowak, said"). A name that is a preposition's object ("the
    spokesman for Jan Nowak") is someone else, and two names leave it unresolved."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    beside = [name for name in appositive_names(head) if name.start not in inside]
    if beside:
        return name_text(beside[0]) if len(beside) == 1 else None
    if head.lemma_.lower() not in ROLE_NOUNS:
        return None
    first, last = head.left_edge.i, head.right_edge.i
    people = [e for e in names_of(doc) if e.label_ == "PERSON" and first <= e.start and e.end <= last + 1]
    named = [e for e in people if e.start not in inside and names_the_head(e, head)]
    return name_text(named[0]) if len(named) == 1 else None


def appositive_names(head: Token) -> list[Span]:
    """Names in apposition to a description: to its head, or to the object of its "of", where
    the parser often hangs them ("the mayor of Fedje, Kari Nesheim"); that object, a place or a
    body, is not the person named, unless it is a person itself ("the wife of the minister, X")."""
    hosts = [head] + [
        obj for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children if obj.dep_ == "pobj" and not is_person_word(obj)
    ]
    names = (person_name(child) for host in hosts for child in host.children if child.dep_ == "appos")
    return [name for name in names if name is not None]


def is_person_word(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in ROLE_NOUNS or token.lower_ in PERSONAL_PRONOUNS


def person_name(token: Token) -> Span | None:
    """The PERSON entity a token heads, else a run of two or more capitalised proper nouns the
    tagger left unlabelled ("Kari Nesheim"): an appositive's name is a person's name."""
    doc = token.doc
    entity = entities_at(doc).get(token.i)
    if entity is not None:
        return entity if entity.label_ == "PERSON" else None
    start = token.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i:
        start -= 1
    words = doc[start : token.i + 1]
    plain = all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.ent_type_ for t in words)
    return words if plain and len(words) >= 2 else None


def speaking_name(doc: Doc, subject: Token) -> Span | None:
    """The subject of a verb of saying as a name the tagger missed or misread, unless it is a
    title: "the Prime Minister said" is a role, resolved as one (`resolve_description`)."""
    if subject.pos_ != "PROPN":
        return None
    name = person_name(subject) or misread_name(doc, subject) or titled_word(subject)
    if name is None or not is_title(name):
        return name
    return past_titles(name)


def titled_word(token: Token) -> Span | None:
    """A proper noun with a title among the compounds before it, whatever their case: "Regional
    governor Hořejší", where the tagger saw no name."""
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].head.i == token.i:
        start -= 1
    words = token.doc[start : token.i + 1]
    return words if any(t.lower_ in NAME_TITLES for t in words[:-1]) else None


def past_titles(name: Span) -> Span | None:
    """The name after the titles a run of capitalised words opens with: "Ferri" of "Prefect
    Ferri"; none when titles are all there is ("Prime Minister")."""
    titles = [t.i for t in name if t.lower_ in NAME_TITLES]
    rest = name.doc[titles[-1] + 1 : name.end] if titles else name[:0]
    return rest if len(rest) and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest) else None


def is_title(name: Span) -> bool:
    """A run of capitalised words that names a role ("Prime Minister", "the Health Minister")."""
    head = name.root
    return any(t.lower_ in NAME_TITLES for t in name) or any(c.dep_ == "det" for c in head.children)


def misread_name(doc: Doc, token: Token) -> Span | None:
    """Two or more capitalised proper nouns the tagger took for a work, a product or an event
    ("Camelia Dobre" WORK_OF_ART): as a speaker, a name."""
    entity = entities_at(doc).get(token.i)
    if entity is None or entity.label_ not in MISREAD_LABELS or len(entity) < 2:
        return None
    return entity if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in entity) else None


def names_the_head(person: Span, head: Token) -> bool:
    """An appositive of the head, or a name not led by a preposition, comma or possessive."""
    if person.root.dep_ == "appos" and person.root.head.i == head.i:
        return True
    before = person.doc[person.start - 1] if person.start > 0 else None
    return before is not None and before.pos_ not in ("ADP", "PUNCT", "PART") and before.tag_ != "POS"


def entity_of(doc: Doc, token: Token) -> Span | None:
    ent = entities_at(doc).get(token.i)
    return ent if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP") else None


def entities_at(doc: Doc) -> dict[int, Span]:
    """The entity (particles joined) each token index is part of."""
    return memoised(doc, "entity_at", lambda: {i: e for e in names_of(doc) for i in range(e.start, e.end)})


def name_text(span: Span) -> str:
    return re.sub(r"(?:'s|’s|'|’)$", "", span.text).strip()


def noun_phrase(head: Token) -> Span:
    """The subject's words up to a comma, a relative clause or a phrase that says where or when
    rather than who: "the Israeli head of government", "the mayor" of "The mayor on social media"."""
    doc = head.doc
    end = head.i + 1
    for token in doc[head.i + 1 : head.right_edge.i + 1]:
        if token.is_punct or token.dep_ in ("relcl", "acl", "appos"):
            break
        if token.dep_ == "prep" and token.head.i == head.i and token.lower_ in CIRCUMSTANCE_PREPOSITIONS:
            break
        end = token.i + 1
    return doc[head.left_edge.i : end]


def resolve_pronoun(doc: Doc, pronoun: Token, inside: set[int]) -> str | None:
    """The most recent person who spoke (was the subject of a verb of saying), else named, nearby.

    People of the pronoun's own paragraph come first: a paragraph that introduces someone and
    then quotes "she said" is about her, even when another person spoke in the paragraph before.
    """
    people = [p for p in recent_people(doc, pronoun, inside) if may_be(doc, p, pronoun)]
    text = memoised(doc, "text", lambda: doc.text)  # Doc.text joins every token on each access
    here = [p for p in people if "\n" not in text[p.end_char : pronoun.idx]]
    for pool in (here, people):
        speakers = [p for p in pool if spoke(p)]
        if speakers or pool:
            return name_text((speakers or pool)[0])
    return earlier_speaker(doc, pronoun, inside)


# What an honorific and a pronoun say of whom they stand for.
HONORIFIC_GENDERS = {"mr": "male", "mr.": "male", "ms": "female", "ms.": "female", "mrs": "female", "mrs.": "female", "miss": "female"}
PRONOUN_GENDERS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}


def may_be(doc: Doc, person: Span, pronoun: Token) -> bool:
    """Whether the pronoun may stand for the person: "she" is not the man the article calls "Mr.
    MacFarlane" anywhere. With no honorific written, anyone may be."""
    said = PRONOUN_GENDERS.get(pronoun.lower_)
    known = honorific_genders(doc).get(person[-1].text)
    return said is None or known is None or said == known


def honorific_genders(doc: Doc) -> dict[str, str]:
    """Surname → the gender its honorifics give ("Mr. MacFarlane", "Ms. DeGeneres"); a surname
    written with both (a couple) gives none."""
    return memoised(doc, "honorific_genders", lambda: find_honorific_genders(doc))


def find_honorific_genders(doc: Doc) -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for token in doc[1:]:
        gender = HONORIFIC_GENDERS.get(doc[token.i - 1].lower_)
        if gender is not None and token.pos_ == "PROPN":
            # the last word of the name the honorific opens: "Mr. Tom Tennant" is Tennant
            name = next((t for t in doc[token.i : token.i + 3] if t.pos_ == "PROPN" and (t.i + 1 == len(doc) or doc[t.i + 1].pos_ != "PROPN")), token)
            seen.setdefault(name.text, set()).add(gender)
    return {name: next(iter(genders)) for name, genders in seen.items() if len(genders) == 1}


def spoke(person: Span) -> bool:
    return person.root.dep_ in SUBJECTS and is_speech_verb(person.root.head)


def earlier_speaker(doc: Doc, pronoun: Token, inside: set[int]) -> str | None:
    """With nobody named in the window, the last person who spoke a few sentences further back,
    if no one else spoke since: "…, Mining Minister Paula Herrera said." then two sentences of
    facts and "she said". Anyone speaking in between (a "money expert", unnamed) is who "she" is."""
    sents = memoised(doc, "sents", lambda: list(doc.sents))
    index = next(i for i, s in enumerate(sents) if s.start <= pronoun.i < s.end)
    near = doc[sents[max(index - PRONOUN_WINDOW, 0)].start : pronoun.i]
    if any(is_speech_verb(t) for t in near if t.i not in inside and t.i != pronoun.head.i):
        return None
    people = recent_people(doc, pronoun, inside, FAR_PRONOUN_WINDOW)
    speakers = [p for p in people if spoke(p)]
    return name_text(speakers[0]) if speakers else None


def recent_people(doc: Doc, before: Token, inside: set[int], window: int = PRONOUN_WINDOW) -> list[Span]:
    """People named outside quotes before a token, in a few sentences, the latest first."""
    sents = memoised(doc, "sents", lambda: list(doc.sents))
    index = next(i for i, s in enumerate(sents) if s.start <= before.i < s.end)
    window_start = sents[max(index - window, 0)].start
    people = [
        e for e in person_spans(doc)
        if window_start <= e.start and e.end <= before.i and e.start not in inside
    ]
    return people[::-1]


def person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, and a named person's bare surname however the tagger labelled it
    ("Kranjc" as NORP, or as no entity at all), since later mentions of a person are surnames."""
    return memoised(doc, "person_spans", lambda: find_person_spans(doc))


def find_person_spans(doc: Doc) -> list[Span]:
    entities = names_of(doc)
    names = surnames(doc)
    untagged = untagged_people(doc)
    covered = {i for e in (*entities, *untagged) for i in range(e.start, e.end)}
    spans = [e for e in entities if e.label_ == "PERSON" or (len(e) == 1 and e.text in names)]
    spans += [doc[t.i : t.i + 1] for t in doc if t.pos_ == "PROPN" and t.text in names and t.i not in covered]
    return sorted([s for s in (*spans, *untagged) if not is_quoted_title(doc, s)], key=lambda e: e.start)


def is_quoted_title(doc: Doc, name: Span) -> bool:
    """A name alone in quotation marks is a work's title, no one to refer back to: "his movie “Ted”"."""
    return name.start > 0 and name.end < len(doc) and doc[name.start - 1].is_quote and doc[name.end].is_quote


def untagged_people(doc: Doc) -> list[Span]:
    """Names the tagger left unlabelled that the text shows are people's: after an honorific
    ("Dr Siobhán Keane") or beside a noun for a person ("Siobhán Keane, a public health doctor")."""
    return memoised(doc, "untagged_people", lambda: find_untagged_people(doc))


def find_untagged_people(doc: Doc) -> list[Span]:
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ == "compound" or token.ent_type_:
            continue
        name = person_name(token)
        if name is None or name.label_:
            continue
        if name[0].lower_.rstrip(".") in HONORIFICS:
            name = name[1:]  # "Dr Siobhán Keane": the parser makes the title part of the name
            titled = len(name) >= 1
        else:
            titled = name.start > 0 and doc[name.start - 1].lower_.rstrip(".") in HONORIFICS
        described = any(c.dep_ == "appos" and is_person_noun(c) for c in token.children)
        if (titled or described) and not is_title(name):
            found.append(name)
    return found


def is_person_noun(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in PERSON_NOUNS or lemma.endswith(PERSON_ENDINGS))


def surnames(doc: Doc) -> frozenset[str]:
    """The last words of the doc's multi-word PERSON names, the untagged ones included."""
    return memoised(doc, "surnames", lambda: frozenset(
        e[-1].text for e in (*names_of(doc), *untagged_people(doc)) if e.label_ in ("PERSON", "") and len(e) >= 2
    ))  # fmt: skip


def resolve_description(doc: Doc, phrase: Span, inside: set[int]) -> str | None:
    """A role description ("the Qatari ruler", "the minister") as the latest person whose title
    matches it: every capitalised word of the description in the title, or, with none, the role
    noun itself or two of the description's words; a bare "the minister" only a lone holder. The title is what precedes the name
    ("Health Minister Maria Lopez") or stands beside it ("Maria Lopez, the health minister")."""
    head = phrase.root
    # A capitalised title ("the Prime Minister said") is tagged a proper noun: a role all the same.
    if head.pos_ not in ("NOUN", "PROPN") or head.lower_ not in ROLE_NOUNS and head.lemma_.lower() not in ROLE_NOUNS:
        return None
    words = [t for t in phrase if t.is_alpha and not t.is_stop]
    capitalised = {t.lower_ for t in words if t.text[0].isupper() and t.i != sentence_of(phrase[0]).start}
    plain = {t.lower_ for t in words}
    people = [e for e in names_of(doc) if e.label_ == "PERSON" and e.end <= phrase.start and e.start not in inside]
    matching = [name_text(p) for p in reversed(people) if title_matches(p, head, capitalised, plain)]
    # "the minister" after two ministers is either: a description that says which ("the
    # Qatari Prime Minister") names the latest of that title, a bare one only a lone holder.
    return matching[0] if matching and (capitalised or len(set(matching)) == 1) else None


def title_matches(person: Span, head: Token, capitalised: set[str], plain: set[str]) -> bool:
    tokens = title_of(person)
    title = {t.lower_ for t in tokens}
    if capitalised:
        return capitalised <= title  # "the French leader" is "French President X"
    if head.lemma_.lower() in {t.lemma_.lower() for t in tokens}:
        # A role the description narrows must be narrowed alike: "the prime minister" is not
        # "Health Minister X", though both are ministers; a bare "the minister" may be either.
        return plain - {head.lower_, head.lemma_.lower()} <= title
    return len(plain & title) >= 2


def title_of(person: Span) -> list[Token]:
    """The words naming a person's role: just before the name ("Qatari Prime Minister" in
    "Qatari Prime Minister X"), or in an appositive beside it ("X, the health minister," or
    "the interior minister, X")."""
    doc = person.doc
    start = person.start
    while start > 0 and doc[start - 1].dep_ in ("compound", "amod", "nmod", "prep", "pobj") and not doc[start - 1].is_punct:
        if doc[start - 1].ent_type_ == "PERSON":
            break
        start -= 1
    before = [t for t in doc[start : person.start] if t.is_alpha]
    root = person.root
    beside = [child for child in root.children if child.dep_ == "appos" and child.i >= person.end]
    if root.dep_ == "appos" and root.head.i < person.start:
        beside.append(root.head)
        host = root.head  # "the minister of Mining, Paula Herrera": the parser hangs the name on "Mining"
        if host.dep_ == "pobj" and host.head.lower_ == "of" and host.head.head.i < host.i:
            beside.append(host.head.head)
    return before + [t for noun in beside for t in noun_phrase(noun) if t.is_alpha and t.ent_type_ != "PERSON"]
