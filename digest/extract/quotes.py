"""Direct quotes with their speakers, found in one parsed article.

Finding quotes is `digest.extract.marks`.

Finding speakers, in order: a verb of saying just after the closing mark ("…," Blinken said /
said Jens Laerke); else the nearest verb of saying before the opening mark in its sentence
("Blinken told reporters, “…”" / "Netanyahu said the group made “…”"); else "according to X";
else a person named just before a colon that opens the quote (a live blog's "Radka Vávrová:
“…”"), or a person whose clause the colon ends ("The minister was blunt: “…”"); else the
subject of the verb of saying the quote's words hang on, past another quote between them; else,
for a quote that is a sentence of its own, the subject of the sentence of reported speech just
before it ("Weiss said the bridge would reopen. “We will not leave anyone behind.”"); else the
speaker of a quote in the same or the previous paragraph (an unattributed quote paragraph
continues the last speaker). The verb's subject is the speaker, climbing from a
participle to the clause that has one ("Blinken said …, noting that “…”"), never a subject
inside the quote; in translated order ("…," assured the director) the verb's object is.
Coreference is deliberately simple: "he"/"she" is the most recent PERSON who was the subject of
a verb of saying in that sentence or the three before it, else the most recent PERSON named
there, else, with nobody named or speaking there, the last PERSON who spoke a little further
back; "the Qatari ruler" (a role noun) is the most recent PERSON whose title before the name
holds the description's capitalised words ("Qatari Prime Minister …"), or two of its words,
unless the description names the person itself ("said the president of the bank Jan Nowak",
"said a mother, Aisha Bello").

Grouping them across a topic's articles is `digest.align.quotes`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from digest.extract.entities import HONORIFICS, join_name_particles
from digest.extract.marks import SHORTEST_PARTIAL_WORDS, Marked, quote_spans, quote_text, worth_keeping
from digest.model import Article, Quote, Sentence
from digest.nlp.sentences import memoised, sentence_at, sentence_of
from digest.nlp.vocabulary import (
    CONTENT_POS,
    FOREIGN_SPEECH_WORDS,
    LIGHT_VERBS,
    NAME_TITLES,
    NUMBER_WORDS,
    PERSON_ENDINGS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SUBJECTS,
    SYNONYMS,
    VERB_PARTICLES,
)

NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "appos", "nummod"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Labels the small model gives a person's name now and then; a speaker so labelled is named.
MISREAD_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC"})
ATTRIBUTION_WORDS = 10  # "la ministra bávara de Transportes, Katrin Schober": a title and a name
# Lower-case words inside a name ("Dirk van Looy"); "der" and "den" only after "van" or "von", since
# alone they are German articles ("ein Sprecher der Polizei").
NAME_PARTICLES = frozenset("van von de da di du dos del della ten ter".split())
TRAILING_WINDOW = 12  # tokens after a closing mark in which an attribution verb may stand
PRONOUN_WINDOW = 3  # sentences back in which "he" or "she" looks for a person
FAR_PRONOUN_WINDOW = 6  # and for a person who spoke, when the window names nobody


def find_quotes(article: Article, doc: Doc, sentences: tuple[Sentence, ...]) -> tuple[Quote, ...]:
    spans = [s for s in quote_spans(article.text) if worth_keeping(article.text, s) or reported_fragment(doc, article.text, s)]
    inside = quoted_tokens(doc, spans)
    quotes: list[Quote] = []
    for span in spans:
        sentence = sentence_at(sentences, span.start + 1)
        speaker_text, speaker = attribute(doc, span, inside)
        if speaker_text is None and not (article.language or "en").startswith("en"):
            speaker_text, speaker = inverted_attribution(doc, span, inside)
        if speaker_text is None:
            speaker_text, speaker = reported_speaker(doc, span, inside)
        if speaker_text is None:
            speaker_text, speaker = continued_speaker(quotes, sentences, sentence)
        text = quote_text(article.text[span.start + 1 : span.end])
        role = speaker_role(doc, speaker, speaker_text)
        quotes.append(Quote(article.id, sentence, text, speaker, speaker_text, quote_lemmas(doc, span), role))
    return tuple(quotes)


def speaker_role(doc: Doc, speaker: str | None, speaker_text: str | None) -> tuple[str, ...]:
    """A named speaker's title words in the article; else a definite role description's words."""
    if speaker is not None:
        return tuple(sorted(person_titles(doc).get(speaker, ())))
    words = re.findall(r"[^\W\d_]+", (speaker_text or "").lower())
    if words[:1] != ["the"] or not ROLE_NOUNS & set(words):
        return ()  # "a spokesman", "officials": someone a text leaves unnamed on purpose
    return tuple(sorted({w for w in words if w not in STOP_WORDS and len(w) > 1}))  # "s" of "the city's mayor"


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


def reported_fragment(doc: Doc, text: str, span: Marked) -> bool:
    """A short quote inside what a verb of saying reports, and not a name for a thing: "told
    Reuters the outbreak was “largely under control”" quotes him; "said the “peace plan” failed"
    (a noun phrase) and "the “independent” review" (a noun's modifier) are scare quotes."""
    if len(re.findall(r"\w+", text[span.start + 1 : span.end])) < SHORTEST_PARTIAL_WORDS:
        return False
    root = quote_root(doc, span)
    if root is None or root.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or root.dep_ in NOUN_MODIFIERS:
        return False
    return reporting_verb(root) is not None


def quote_root(doc: Doc, span: Marked) -> Token | None:
    """The one word of a quote that hangs outside it, if one does."""
    words = [t for t in doc[token_at(doc, span.start).i : token_at(doc, span.end).i + 1] if span.start < t.idx < span.end]
    roots = [t for t in words if not span.start < t.head.idx < span.end or t.head.i == t.i]
    return roots[0] if len(roots) == 1 else None


def reporting_verb(root: Token) -> Token | None:
    """The nearest verb of saying above a quote's word, in its sentence: what reports it."""
    return next((t for t in root.ancestors if t.sent.start == root.sent.start and is_speech_verb(t)), None)


def quoted_tokens(doc: Doc, spans: Sequence[Marked]) -> set[int]:
    """Indices of tokens inside quotes, marks included: no speaker is read off quoted words."""
    starts = token_starts(doc)
    inside: set[int] = set()
    for span in spans:
        first = bisect.bisect_left(starts, span.start)
        last = bisect.bisect_right(starts, span.end)
        inside.update(range(first, last))
    return inside


def quote_lemmas(doc: Doc, span: Marked) -> tuple[str, ...]:
    """The quote's content words as lemmas: "chose" and "chosen" both "choose", "go back" one verb."""
    first = bisect.bisect_left(token_starts(doc), span.start + 1)
    lemmas = []
    for token in doc[first:]:
        if token.idx >= span.end:
            break
        lemma = phrasal_lemma(token)
        if is_content_word(token) or (lemma in SYNONYMS and token.pos_ in (*CONTENT_POS, "ADP")):
            lemmas.append(lemma)
    return tuple(lemmas)


def phrasal_lemma(token: Token) -> str:
    """A verb's lemma with its particle ("go_back", "carry_on"); a number as digits."""
    lemma = token.lemma_.lower().replace(",", "")
    if token.pos_ == "VERB":
        nxt = token.nbor() if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.head.i == token.i and nxt.dep_ in ("prt", "advmod") and nxt.lower_ in VERB_PARTICLES:
            return f"{lemma}_{nxt.lower_}"
    return NUMBER_WORDS.get(lemma, lemma)


def is_content_word(token: Token) -> bool:
    if token.like_num:
        return token.lower_ != "one"
    if token.is_stop or token.pos_ not in CONTENT_POS or not token.is_alpha:
        return False
    return not (token.pos_ == "VERB" and token.lemma_.lower() in LIGHT_VERBS)


def token_starts(doc: Doc) -> list[int]:
    return memoised(doc, "token_starts", lambda: [t.idx for t in doc])


def names_of(doc: Doc) -> list[Span]:
    """The doc's entities with name particles joined."""
    return memoised(doc, "names", lambda: join_name_particles(doc))


# --- attributing a quote -------------------------------------------------------------------


def attribute(doc: Doc, span: Marked, inside: set[int]) -> tuple[str | None, str | None]:
    """The speaker as written and as a name (None where no name resolves)."""
    subject = trailing_subject(doc, span, inside) or leading_subject(doc, span, inside) or reporting_subject(doc, span, inside)
    return describe(doc, subject, inside) if subject is not None else (None, None)


def reporting_subject(doc: Doc, span: Marked, inside: set[int]) -> Token | None:
    """The subject of the verb of saying the quote hangs on, when another quote stands between
    them: "Blinken's visit “is a nightmare” because Israel “intensifies …,” said Abu Nada"."""
    root = quote_root(doc, span)
    verb = reporting_verb(root) if root is not None else None
    return subject_of(verb, inside) if verb is not None else None


def inverted_attribution(doc: Doc, span: Marked, inside: set[int]) -> tuple[str | None, str | None]:
    """The speaker of a quote in another language, named after its speech verb: "», a déclaré le
    préfet Christophe Marin", "», dijo el prefecto …", "“, sagte Präfekt …". The English parse
    finds no subject of a French verb, and its entity recogniser no reliable names in French
    text, but the name that closes the attribution is the speaker: as written from the verb on,
    and as a name."""
    close = token_at(doc, span.end)
    sentence_end = sentence_of(close).end
    words = doc[close.i + 1 : min(sentence_end, close.i + 1 + TRAILING_WINDOW)]
    verb = next((t for t in words if t.lower_ in FOREIGN_SPEECH_WORDS), None)
    if verb is None or any(t.i in inside for t in doc[close.i + 1 : verb.i]):
        return (None, None)
    clause_end = verb.i + 1
    while clause_end < sentence_end and clause_end not in inside and doc[clause_end].text not in ".;:!?":
        clause_end += 1
    if clause_end - verb.i - 1 > ATTRIBUTION_WORDS:
        return (None, None)
    # A name closes its title ("la préfète du Var, Hélène Dufresne") or opens a description after
    # it ("Markus Leitner, porte-parole des ÖBB"): the first comma-separated part that ends in one.
    parts = " ".join(t.text for t in doc[verb.i + 1 : clause_end]).split(" , ")
    name = next((n for n in (closing_name(part.split()) for part in parts) if n), None)
    return (doc[verb.i + 1 : clause_end].text.strip(" ,"), name) if name else (None, None)


def closing_name(words: Sequence[str]) -> str | None:
    """The person's name that ends an attribution's words: its last two capitalised words, with the
    one before a particle ("Dirk Van Looy"); what comes before is a title, even capitalised
    as German nouns are ("Präfekt", "Verkehrsministerin")."""
    run: list[str] = []
    particles: set[int] = set()  # positions in `run`, counted from its end while it grows
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        particle = word.lower() in NAME_PARTICLES or (word.lower() in ("der", "den") and k > 0 and words[k - 1].lower() in ("van", "von"))
        if not (word.isalpha() and (word[:1].isupper() or (run and particle))):
            break
        run.insert(0, word)
        if particle:
            particles.add(len(run))
    names = [i for i in range(len(run)) if len(run) - i not in particles]
    return " ".join(run[names[-2] :]) if len(names) >= 2 else None


def token_at(doc: Doc, char: int) -> Token:
    starts = token_starts(doc)
    return doc[max(bisect.bisect_right(starts, char) - 1, 0)]


def trailing_subject(doc: Doc, span: Marked, inside: set[int]) -> Token | None:
    close = token_at(doc, span.end)
    sent_end = sentence_of(close).end
    for token in doc[close.i + 1 : min(sent_end, close.i + 1 + TRAILING_WINDOW)]:
        if token.i in inside:
            return None  # another quote starts: the verb, if any, is its own
        if is_according(token):
            return according_to(token)
        if is_speech_verb(token):
            return subject_of(token, inside) or inverted_object(token, close)
    return None


def leading_subject(doc: Doc, span: Marked, inside: set[int]) -> Token | None:
    open_token = token_at(doc, span.start)
    for token in reversed(doc[sentence_of(open_token).start : open_token.i]):
        if token.i not in inside and is_speech_verb(token):
            return subject_of(token, inside)
        if token.i not in inside and is_according(token):
            return according_to(token)  # "According to Karl Weiss, "…""
    return labelled_speaker(doc, open_token, inside)


def is_according(token: Token) -> bool:
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"


def according_to(token: Token) -> Token | None:
    objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
    return objects[0] if objects else None


def labelled_speaker(doc: Doc, open_token: Token, inside: set[int]) -> Token | None:
    """A person named just before a colon that opens the quote, with no verb: a live blog's or
    a transcript's "Opposition leader Radka Vávrová: “…”"."""
    colon = open_token.i - 1
    if colon < 1 or doc[colon].text != ":" or colon - 1 in inside:
        return None
    name = entity_of(doc, doc[colon - 1])
    if name is not None and name.label_ == "PERSON" and name.end == colon:
        return name.root
    return introducing_subject(doc[colon], inside)


def introducing_subject(colon: Token, inside: set[int]) -> Token | None:
    """A person whose clause the colon ends, with no verb of saying: "The minister, Karl Weiss,
    was blunt: “…”". Only a person: "The report's conclusion was stark: “…”" quotes the report."""
    verb = colon.doc[colon.i - 1]
    # The parser hangs the colon, and the clause before it, on the quote's verb: climb no further.
    while verb.head.i < colon.i and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(verb, inside)
    return subject if subject is not None and subject.i < colon.i and names_a_person(subject) else None


def names_a_person(token: Token) -> bool:
    """A person's name or pronoun, or a noun for a person with a name beside it."""
    entity = entities_at(token.doc).get(token.i)
    if entity is not None:
        return entity.label_ == "PERSON"
    return token.lower_ in PERSONAL_PRONOUNS or (token.pos_ == "NOUN" and bool(appositive_names(token)))


def is_speech_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS


def subject_of(verb: Token, inside: set[int]) -> Token | None:
    """The verb's subject, from the clause above for a participle; inverted "said X" included.
    A subject inside quotation marks is the quote's own ("We" of the quote the parser made the
    verb's head), never its speaker."""
    token = verb
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in SUBJECTS and c.i not in inside]
        if subjects:
            return subjects[0]
        if token.dep_ == "relcl":
            return token.head  # "Jens Laerke, who said …"
        if token.head.i == token.i:
            break
        token = token.head
    following = [t for t in verb.doc[verb.i + 1 : verb.i + 5] if t.ent_type_ == "PERSON"]
    return following[0] if following else titled_after(verb)


def titled_after(verb: Token) -> Token | None:
    """A person named beside a role further after a subjectless verb of saying, through nouns
    and prepositions only: "said in the debate the minister of finance Tomáš Beneš"."""
    end = min(sentence_of(verb).end, verb.i + 1 + TRAILING_WINDOW)
    titled = (t for t in verb.doc[verb.i + 1 : end] if t.dep_ == "appos" and t.head.lemma_.lower() in ROLE_NOUNS)
    return next((t for t in titled if t.ent_type_ == "PERSON" and nominal_path(t, verb)), None)


def nominal_path(token: Token, verb: Token) -> bool:
    """Whether the token hangs on the verb through nouns and prepositions, no clause between."""
    for _ in range(8):
        if token.head.i == verb.i:
            return token.dep_ in ("prep", "dobj", "npadvmod", "appos")
        if token.dep_ not in ("appos", "pobj", "prep", "compound", "dobj", "npadvmod") or token.head.i == token.i:
            return False
        token = token.head
    return False


def inverted_object(verb: Token, close: Token) -> Token | None:
    """The noun the parser made the object of a verb of saying just after the quote: in
    "…," added the minister' and "…," assured the director' (translated word order) the
    object is the speaker, since what was said is the quote itself."""
    between = verb.doc[close.i + 1 : verb.i]
    if any(not t.is_punct for t in between):
        return None
    objects = [c for c in verb.rights if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    return objects[0] if objects else None


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
    name = person_name(subject) or misread_name(doc, subject)
    return name if name is not None and not is_title(name) else None


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
    """The subject's words up to a comma or a relative clause: "the Israeli head of government"."""
    doc = head.doc
    end = head.i + 1
    for token in doc[head.i + 1 : head.right_edge.i + 1]:
        if token.is_punct or token.dep_ in ("relcl", "acl", "appos"):
            break
        end = token.i + 1
    return doc[head.left_edge.i : end]


def resolve_pronoun(doc: Doc, pronoun: Token, inside: set[int]) -> str | None:
    """The most recent person who spoke (was the subject of a verb of saying), else named, nearby.

    People of the pronoun's own paragraph come first: a paragraph that introduces someone and
    then quotes "she said" is about her, even when another person spoke in the paragraph before.
    """
    people = recent_people(doc, pronoun, inside)
    text = memoised(doc, "text", lambda: doc.text)  # Doc.text joins every token on each access
    here = [p for p in people if "\n" not in text[p.end_char : pronoun.idx]]
    for pool in (here, people):
        speakers = [p for p in pool if spoke(p)]
        if speakers or pool:
            return name_text((speakers or pool)[0])
    return earlier_speaker(doc, pronoun, inside)


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
    return sorted([*spans, *untagged], key=lambda e: e.start)


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


def continued_speaker(quotes: Sequence[Quote], sentences: Sequence[Sentence], sentence: int) -> tuple[str | None, str | None]:
    """An unattributed quote continues the last quote's speaker when that one is in this paragraph or the last."""
    if not quotes or quotes[-1].speaker_text is None:
        return None, None
    last = quotes[-1]
    here = sentences[sentence].paragraph if sentence < len(sentences) else 0
    there = sentences[last.sentence].paragraph if last.sentence < len(sentences) else 0
    return (last.speaker_text, last.speaker) if here - there <= 1 else (None, None)


def reported_speaker(doc: Doc, span: Marked, inside: set[int]) -> tuple[str | None, str | None]:
    """A quote that is a sentence of its own, right after a sentence of reported speech, is the
    reporting verb's subject's: "Weiss said the outbreak was under control. “We have beaten it
    back.”" Only a main verb of saying and a subject that resolves to a name; a sentence holding a
    quote itself leaves it to `continued_speaker`."""
    open_token, close = token_at(doc, span.start), token_at(doc, span.end)
    sentence = sentence_of(open_token)
    if sentence.start == 0 or not alone_in_sentence(doc, open_token, close, inside):
        return None, None
    before = sentence_of(doc[sentence.start - 1])
    verb = before.root
    if any(t.i in inside for t in before) or not is_speech_verb(verb):
        return None, None
    subject = subject_of(verb, inside)
    if subject is None or not before.start <= subject.i < before.end:
        return None, None
    text, name = describe(doc, subject, inside)
    return (text, name) if name else (None, None)


def alone_in_sentence(doc: Doc, open_token: Token, close: Token, inside: set[int]) -> bool:
    """Whether nothing but punctuation stands around the quote in its sentences."""
    lead = doc[sentence_of(open_token).start : open_token.i]
    tail = doc[close.i + 1 : sentence_of(close).end]
    return all(t.is_punct or t.i in inside for t in (*lead, *tail))
