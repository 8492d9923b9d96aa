"""Direct quotes with their speakers, found in one parsed article.

Finding quotes is `digest.extract.marks`.

Finding speakers, in order: a verb of saying just after the closing mark ("…," Blinken said /
said Jens Laerke); else the nearest verb of saying before the opening mark in its sentence
("Blinken told reporters, “…”" / "Netanyahu said the group made “…”"); else "according to X";
else a person named just before a colon that opens the quote (a live blog's "Radka Vávrová:
“…”"), or a person whose clause the colon ends ("The minister was blunt: “…”") or whom a
verbless label there names ("The mayor on social media: “…”"); else the
subject of the verb of saying the quote's words hang on, past another quote between them; else,
for a quote that is a sentence of its own, the subject of the sentence of reported speech just
before it ("Weiss said the bridge would reopen. “We will not leave anyone behind.”"); else the
speaker of a quote in the same or the previous paragraph (an unattributed quote paragraph
continues the last speaker). The verb's subject is the speaker, climbing from a
participle to the clause that has one ("Blinken said …, noting that “…”"), never a subject
inside the quote; in translated order ("…," assured the director) the verb's object is.
Coreference (`digest.extract.people`) is deliberately simple: "he"/"she" is the most recent PERSON who was the subject of
a verb of saying in that sentence or the three before it, else the most recent PERSON named
there, else, with nobody named or speaking there, the last PERSON who spoke a little further
back, never a person the article writes with an honorific of the other gender ("Mr. MacFarlane"
for "she") nor a name alone in quotation marks (a film's, "his movie “Ted”"); "the Qatari ruler" (a role noun) is the most recent PERSON whose title before the name
holds the description's capitalised words ("Qatari Prime Minister …"), or two of its words,
unless the description names the person itself ("said the president of the bank Jan Nowak",
"said a mother, Aisha Bello").

Grouping them across a topic's articles is `digest.align.quotes`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from digest.extract.marks import SHORTEST_PARTIAL_WORDS, Marked, quote_spans, quote_text, worth_keeping
from digest.extract.people import (
    describe,
    entity_of,
    is_speech_verb,
    names_a_person,
    speaker_role,
)
from digest.model import Article, Quote, Sentence
from digest.nlp.sentences import memoised, sentence_at, sentence_of
from digest.nlp.vocabulary import (
    CONTENT_POS,
    FOREIGN_SPEECH_WORDS,
    LIGHT_VERBS,
    NUMBER_WORDS,
    ROLE_NOUNS,
    SUBJECTS,
    SYNONYMS,
    UTTERANCE_VERBS,
    VERB_PARTICLES,
)

# A quoted predicate noun phrase of this many words is the speaker's ("a “raw murderous act”"); one
# or two ("a “disgrace”", "a “total failure”") are as often the writer's scare quotes.
PREDICATE_WORDS = 3
NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "appos", "nummod"})
ATTRIBUTION_WORDS = 10  # "la ministra bávara de Transportes, Katrin Schober": a title and a name
# Lower-case words inside a name ("Dirk van Looy"); "der" and "den" only after "van" or "von", since
# alone they are German articles ("ein Sprecher der Polizei").
NAME_PARTICLES = frozenset("van von de da di du dos del della ten ter".split())
# Words that open a statement of its own after an attribution: "…," she said, "and the findings …"
CLAUSE_OPENERS = frozenset({"and", "but", "or", "so", "yet"})
TRAILING_WINDOW = 12  # tokens after a closing mark in which an attribution verb may stand


def find_quotes(article: Article, doc: Doc, sentences: tuple[Sentence, ...]) -> tuple[Quote, ...]:
    remarks = [
        parts for parts in rejoin_interrupted(doc, quote_spans(article.text))
        if any(worth_keeping(article.text, s) or reported_fragment(doc, article.text, s) for s in parts)
    ]  # fmt: skip
    inside = quoted_tokens(doc, [s for parts in remarks for s in parts])
    quotes: list[Quote] = []
    for parts in remarks:
        span = parts[0]  # the attribution that interrupts a remark follows its first part
        sentence = sentence_at(sentences, span.start + 1)
        speaker_text, speaker = attribute(doc, span, inside)
        if speaker_text is None and not (article.language or "en").startswith("en"):
            speaker_text, speaker = inverted_attribution(doc, span, inside)
        if speaker_text is None:
            speaker_text, speaker = reported_speaker(doc, span, inside)
        if speaker_text is None:
            speaker_text, speaker = continued_speaker(quotes, sentences, sentence)
        text = " ".join(quote_text(article.text[s.start + 1 : s.end]) for s in parts)
        role = speaker_role(doc, speaker, speaker_text)
        lemmas = tuple(lemma for s in parts for lemma in quote_lemmas(doc, s))
        quotes.append(Quote(article.id, sentence, text, speaker, speaker_text, lemmas, role))
    return tuple(quotes)


def rejoin_interrupted(doc: Doc, spans: Sequence[Marked]) -> list[tuple[Marked, ...]]:
    """The quotes, a remark its attribution interrupts as one: "We are ready," she said, "to sit
    down at any time." is "We are ready to sit down at any time", as another outlet may print it."""
    remarks: list[tuple[Marked, ...]] = []
    for span in spans:
        if remarks and interrupts(doc, remarks[-1][-1], span):
            remarks[-1] = (*remarks[-1], span)
        else:
            remarks.append((span,))
    return remarks


def interrupts(doc: Doc, first: Marked, second: Marked) -> bool:
    """Whether only an attribution between commas stands between the two quotes, in one sentence
    ("…," Kowalska said, "…" / "…", she said, "…"), and the second cannot stand without the first:
    it opens in lower case, and not with a conjunction. "Yes," he said, "We will." quotes two
    sentences, and "…," she said, "and the findings will be acted on." two statements."""
    text = doc.text
    inner, gap, after = text[first.start + 1 : first.end].rstrip(), text[first.end + 1 : second.start], text[second.start + 1 : second.end]
    if not (inner.endswith(",") or gap.lstrip().startswith(",")) or not gap.rstrip().endswith(","):
        return False
    if not after[:1].islower() or after.split(maxsplit=1)[0] in CLAUSE_OPENERS:
        return False
    if re.search(r"[.!?;:\n]", gap) or len(gap.split()) > ATTRIBUTION_WORDS:
        return False
    return any(is_speech_verb(t) for t in doc.char_span(first.end + 1, second.start, alignment_mode="expand") or ())


def reported_fragment(doc: Doc, text: str, span: Marked) -> bool:
    """A short quote inside what a verb of saying reports, and not a name for a thing: "told
    Reuters the outbreak was “largely under control”" quotes him; "said the “peace plan” failed"
    (a noun phrase) and "the “independent” review" (a noun's modifier) are scare quotes."""
    words = len(re.findall(r"\w+", text[span.start + 1 : span.end]))
    if words < SHORTEST_PARTIAL_WORDS:
        return False
    root = quote_root(doc, span)
    if root is None or root.dep_ in NOUN_MODIFIERS:
        return False
    # "said the firebombing was a “raw murderous act”": what a reported clause says its subject is
    # quotes the speaker's words; a bare noun phrase elsewhere ("the “peace plan” failed") names a thing.
    said_of = any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.head.children)  # not "there is “room for compromise”"
    predicate = root.pos_ == "NOUN" and root.dep_ == "attr" and said_of and words >= PREDICATE_WORDS
    # "demonstrators chanting “thieves, thieves”": the words a verb of uttering takes as its object
    uttered = root.dep_ == "dobj" and root.head.lemma_.lower() in UTTERANCE_VERBS
    if root.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and not predicate and not uttered:
        return False
    # "According to the governor, inflation remains “too high”": the sentence is the governor's
    according = any(is_according(t) for t in root.sent)
    return uttered or according or reporting_verb(root) is not None


def quote_root(doc: Doc, span: Marked) -> Token | None:
    """The one word of a quote that hangs outside it, if one does; of words that hang on one word
    outside ("was “still too high”": "still" and "high" on "was"), the one not an adverb."""
    words = [t for t in doc[token_at(doc, span.start).i : token_at(doc, span.end).i + 1] if span.start < t.idx < span.end]
    roots = [t for t in words if not span.start < t.head.idx < span.end or t.head.i == t.i]
    if len({t.head.i for t in roots}) == 1 and len(roots) > 1:
        roots = [t for t in roots if t.dep_ not in {"advmod", "neg", "punct", "cc"}]
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
    return introducing_subject(doc[colon], inside) or labelling_noun(doc[colon], inside)


def labelling_noun(colon: Token, inside: set[int]) -> Token | None:
    """The person a verbless label before the colon names, past what it adds about them: a live
    blog's "Giulia Bassi, 27, who was in the crowd: “…”" or "The mayor on social media: “…”"."""
    head = colon.head
    if head.i >= colon.i or head.i in inside or head.pos_ not in ("NOUN", "PROPN") or head.sent.start != colon.sent.start:
        return None
    role = head.lower_ in ROLE_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    return head if role or names_a_person(head) else None


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
