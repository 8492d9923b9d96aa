"""Direct quotes with their speakers, and their grouping across a topic's articles.

Finding quotes. Double quotation marks (straight, curly, guillemets) are paired within a
paragraph; a straight mark opens after a space and closes before one. A mark that pairs with
nothing is dropped, never stretched to the paragraph's end (seeds carry stray closing marks);
a second opening mark inside an open quote is a stray (a nested quote uses single marks) unless
a sentence has ended in between, when the first one was. A quote still open at a paragraph's end
continues only when the next paragraph opens with a quotation mark (the newspaper convention for
multi-paragraph quotes). Quotes of one to three words ("room for compromise", "optimistic") are
scare quotes or borrowed words and left out, unless they stand alone as an utterance: they end in
punctuation inside the marks or follow a colon or comma ("No," he said. / said: "Never.").

Finding speakers, in order: a verb of saying just after the closing mark ("…," Blinken said /
said Jens Laerke); else the nearest verb of saying before the opening mark in its sentence
("Blinken told reporters, “…”" / "Netanyahu said the group made “…”"); else "according to X";
else the speaker of a quote in the same or the previous paragraph (an unattributed quote
paragraph continues the last speaker). The verb's subject is the speaker, climbing from a
participle to the clause that has one ("Blinken said …, noting that “…”").
Coreference is deliberately simple: "he"/"she" is the most recent PERSON who was the subject of
a verb of saying in that sentence or the three before it, else the most recent PERSON named
there; "the Qatari ruler" (a role noun) is the most recent PERSON whose title before the name
holds the description's capitalised words ("Qatari Prime Minister …"), or two of its words,
unless the description names the person itself ("said the president of the bank Jan Nowak").

Grouping: see `group_quotes` (and `split_run_together` for quotes one outlet runs together).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, utils
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from digest.extract.entities import join_name_particles
from digest.model import Article, Quote, QuoteGroup, Sentence
from digest.nlp.sentences import memoised, sentence_at, sentence_of

SPEECH_VERBS = frozenset(
    """say tell state add ask assert acknowledge admit announce argue claim comment confirm declare
    deny explain insist note reply respond stress emphasize emphasise warn write tweet post urge
    suggest conclude recall remark reiterate maintain observe predict promise vow pledge caution
    describe call quote testify concede complain lament mention answer repeat affirm cry shout
    scream whisper joke boast retort counter contend allege estimate""".split()
)
# Nouns naming a person by role; a subject like "the Qatari ruler" may then stand for a named person.
ROLE_NOUNS = frozenset(
    """head ruler leader minister premier president secretary spokesman spokeswoman spokesperson
    chief official envoy diplomat ambassador general commander king queen prince princess emir
    sheikh chancellor mayor governor senator lawmaker director chairman chairwoman chair manager
    negotiator mediator officer prosecutor judge founder ceo boss""".split()
)
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"
MARKS = OPENING_MARKS + CLOSING_MARKS + '"'
_BEFORE_OPENING = "([{—–-/:"
_AFTER_CLOSING = ".,;:!?)]}…-—–"
_SENTENCE_END = re.compile(r"[.!?…]\s+[A-Z]")
SHORTEST_QUOTE_WORDS = 4
TRAILING_WINDOW = 12  # tokens after a closing mark in which an attribution verb may stand
PRONOUN_WINDOW = 3  # sentences back in which "he" or "she" looks for a person


@dataclass(frozen=True)
class Marked:
    """A quoted stretch: `start` and `end` are the offsets of its opening and closing marks."""

    start: int
    end: int


def find_quotes(article: Article, doc: Doc, sentences: tuple[Sentence, ...]) -> tuple[Quote, ...]:
    spans = [s for s in quote_spans(article.text) if worth_keeping(article.text, s)]
    inside = quoted_tokens(doc, spans)
    quotes: list[Quote] = []
    for span in spans:
        sentence = sentence_at(sentences, span.start + 1)
        speaker_text, speaker = attribute(doc, span, inside)
        if speaker_text is None:
            speaker_text, speaker = continued_speaker(quotes, sentences, sentence)
        text = quote_text(article.text[span.start + 1 : span.end])
        quotes.append(Quote(article.id, sentence, text, speaker, speaker_text, quote_lemmas(doc, span)))
    return tuple(quotes)


# --- pairing quotation marks ---------------------------------------------------------------


def quote_spans(text: str) -> list[Marked]:
    spans: list[Marked] = []
    pending: int | None = None  # an opening mark still open at the previous paragraph's end
    for start, end in paragraph_bounds(text):
        marks = [(i, kind) for i in range(start, end) if (kind := mark_kind(text, i))]
        continues = pending is not None and bool(marks) and marks[0] == (start, "open")
        found, pending = pair_marks(text, marks[1:] if continues else marks, pending if continues else None)
        spans.extend(found)
    return spans


def paragraph_bounds(text: str) -> Iterable[tuple[int, int]]:
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        stripped = match.group().rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        if stripped.strip():
            yield match.start() + lead, match.start() + len(stripped)


def mark_kind(text: str, i: int) -> str | None:
    """"open", "close" or None for a double quotation mark at `i`: by its neighbours, else its shape."""
    ch = text[i]
    if ch not in MARKS:
        return None
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING or after in MARKS)
    if opens != closes:
        return "open" if opens else "close"
    if ch in OPENING_MARKS:
        return "open"
    return "close" if ch in CLOSING_MARKS else None


def pair_marks(text: str, marks: list[tuple[int, str]], open_at: int | None) -> tuple[list[Marked], int | None]:
    spans: list[Marked] = []
    for position, kind in marks:
        if kind == "open":
            if open_at is None or _SENTENCE_END.search(text, open_at, position):
                open_at = position
        elif open_at is not None:
            spans.append(Marked(open_at, position))
            open_at = None
    return spans, open_at


def quote_text(raw: str) -> str:
    text = " ".join(raw.replace("\n", " ").split())
    text = "".join(ch for ch in text if ch not in MARKS)
    return " ".join(text.split()).strip().rstrip(",;:").strip()


def worth_keeping(text: str, span: Marked) -> bool:
    inner = text[span.start + 1 : span.end].strip()
    words = re.findall(r"\w+", inner)
    if len(words) >= SHORTEST_QUOTE_WORDS:
        return True
    before = text[: span.start].rstrip()[-1:]
    return bool(words) and (inner[-1:] in ".,!?…" or before in (":", ","))


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
    subject = trailing_subject(doc, span, inside) or leading_subject(doc, span, inside)
    return describe(doc, subject, inside) if subject is not None else (None, None)


def token_at(doc: Doc, char: int) -> Token:
    starts = token_starts(doc)
    return doc[max(bisect.bisect_right(starts, char) - 1, 0)]


def trailing_subject(doc: Doc, span: Marked, inside: set[int]) -> Token | None:
    close = token_at(doc, span.end)
    sent_end = sentence_of(close).end
    for token in doc[close.i + 1 : min(sent_end, close.i + 1 + TRAILING_WINDOW)]:
        if token.i in inside:
            return None  # another quote starts: the verb, if any, is its own
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            return objects[0] if objects else None
        if is_speech_verb(token):
            return subject_of(token)
    return None


def leading_subject(doc: Doc, span: Marked, inside: set[int]) -> Token | None:
    open_token = token_at(doc, span.start)
    for token in reversed(doc[sentence_of(open_token).start : open_token.i]):
        if token.i not in inside and is_speech_verb(token):
            return subject_of(token)
    return None


def is_speech_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, from the clause above for a participle; inverted "said X" included."""
    token = verb
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        if token.dep_ == "relcl":
            return token.head  # "Jens Laerke, who said …"
        if token.head.i == token.i:
            break
        token = token.head
    following = [t for t in verb.doc[verb.i + 1 : verb.i + 5] if t.ent_type_ == "PERSON"]
    return following[0] if following else None


def describe(doc: Doc, subject: Token, inside: set[int]) -> tuple[str | None, str | None]:
    if subject.lower_ in PERSONAL_PRONOUNS:
        person = resolve_pronoun(doc, subject, inside)
        return subject.text, person
    entity = entity_of(doc, subject)
    if entity is not None:
        return name_text(entity), name_text(entity)
    if subject.pos_ == "PROPN" and subject.text in surnames(doc):
        return subject.text, subject.text  # a surname the tagger missed: "Papadakis said"
    if subject.pos_ == "PRON":
        return subject.text, None
    phrase = noun_phrase(subject)
    return phrase.text, named_in_description(doc, subject, inside) or resolve_description(doc, phrase, inside)


def named_in_description(doc: Doc, head: Token, inside: set[int]) -> str | None:
    """The person a role description names itself: "the president of the bank Jan Nowak said",
    "the head of the agency, Jan Nowak, said". A name that is a preposition's object ("the
    spokesman for Jan Nowak") is someone else, and two names leave it unresolved."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in ROLE_NOUNS:
        return None
    first, last = head.left_edge.i, head.right_edge.i
    people = [e for e in names_of(doc) if e.label_ == "PERSON" and first <= e.start and e.end <= last + 1]
    named = [e for e in people if e.start not in inside and names_the_head(e, head)]
    return name_text(named[0]) if len(named) == 1 else None


def names_the_head(person: Span, head: Token) -> bool:
    """An appositive of the head, or a name not led by a preposition, comma or possessive."""
    if person.root.dep_ == "appos" and person.root.head.i == head.i:
        return True
    before = person.doc[person.start - 1] if person.start > 0 else None
    return before is not None and before.pos_ not in ("ADP", "PUNCT", "PART") and before.tag_ != "POS"


def entity_of(doc: Doc, token: Token) -> Span | None:
    ent = memoised(doc, "entity_at", lambda: {i: e for e in names_of(doc) for i in range(e.start, e.end)}).get(token.i)
    return ent if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP") else None


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
        speakers = [p for p in pool if p.root.dep_ in ("nsubj", "nsubjpass") and is_speech_verb(p.root.head)]
        if speakers or pool:
            return name_text((speakers or pool)[0])
    return None


def recent_people(doc: Doc, before: Token, inside: set[int]) -> list[Span]:
    """People named outside quotes before a token, in a few sentences, the latest first."""
    sents = memoised(doc, "sents", lambda: list(doc.sents))
    index = next(i for i, s in enumerate(sents) if s.start <= before.i < s.end)
    window_start = sents[max(index - PRONOUN_WINDOW, 0)].start
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
    covered = {i for e in entities for i in range(e.start, e.end)}
    spans = [e for e in entities if e.label_ == "PERSON" or (len(e) == 1 and e.text in names)]
    spans += [doc[t.i : t.i + 1] for t in doc if t.pos_ == "PROPN" and t.text in names and t.i not in covered]
    return sorted(spans, key=lambda e: e.start)


def surnames(doc: Doc) -> frozenset[str]:
    """The last words of the doc's multi-word PERSON names."""
    return frozenset(e[-1].text for e in names_of(doc) if e.label_ == "PERSON" and len(e) >= 2)


def resolve_description(doc: Doc, phrase: Span, inside: set[int]) -> str | None:
    """A role description ("the Qatari ruler") as the latest person whose title matches it."""
    head = phrase.root
    if head.pos_ != "NOUN" or head.lemma_.lower() not in ROLE_NOUNS:
        return None
    words = [t for t in phrase if t.is_alpha and not t.is_stop]
    capitalised = {t.lower_ for t in words if t.text[0].isupper() and t.i != sentence_of(phrase[0]).start}
    plain = {t.lower_ for t in words}
    people = [e for e in names_of(doc) if e.label_ == "PERSON" and e.end <= phrase.start and e.start not in inside]
    for person in reversed(people):
        title = {t.lower_ for t in title_of(person)}
        if (capitalised and capitalised <= title) or (not capitalised and len(plain & title) >= 2):
            return name_text(person)
    return None


def title_of(person: Span) -> list[Token]:
    """The words naming a person's role just before the name: "Qatari Prime Minister" in "Qatari Prime Minister X"."""
    doc = person.doc
    start = person.start
    while start > 0 and doc[start - 1].dep_ in ("compound", "amod", "nmod", "prep", "pobj") and not doc[start - 1].is_punct:
        if doc[start - 1].ent_type_ == "PERSON":
            break
        start -= 1
    return [t for t in doc[start : person.start] if t.is_alpha]


def continued_speaker(quotes: Sequence[Quote], sentences: Sequence[Sentence], sentence: int) -> tuple[str | None, str | None]:
    """An unattributed quote continues the last quote's speaker when that one is in this paragraph or the last."""
    if not quotes or quotes[-1].speaker_text is None:
        return None, None
    last = quotes[-1]
    here = sentences[sentence].paragraph if sentence < len(sentences) else 0
    there = sentences[last.sentence].paragraph if last.sentence < len(sentences) else 0
    return (last.speaker_text, last.speaker) if here - there <= 1 else (None, None)


# --- grouping quotes across articles -------------------------------------------------------
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
# Verbs too common or too grammatical to tell one remark from another.
LIGHT_VERBS = frozenset("be have do say tell get let make".split())
VERB_PARTICLES = frozenset("back away out off up down on over".split())
# "one" is left out: far more often a pronoun ("a necessary one", "no one") than a count.
NUMBER_WORDS = dict(zip("two three four five six seven eight nine ten eleven twelve".split(), map(str, range(2, 13))))
# Near-synonyms of general English that two translations or paraphrases of one remark swap for
# each other; one line per sense, so a word of two senses ("leave") sits on two lines.
# Phrasal verbs are joined by "_" as `quote_lemmas` writes them.
SYNONYM_SETS = """
    stay remain
    leave depart quit exit
    leave abandon desert
    return go_back come_back get_back
    continue keep carry_on go_on persist
    series string cycle sequence succession
    room space scope leeway
    careful carefully caution cautious cautiously prudent prudently
    begin start commence launch
    end finish stop halt cease
    search hunt
    choose pick select elect opt
    decision choice verdict ruling will judgement judgment
    accept respect acknowledge recognise recognize honour honor
    government state administration authority cabinet
    country nation
    people citizen public population resident inhabitant
    family household
    side beside alongside
    debris rubble ruin ruins wreckage
    destroy devastate wreck flatten
    collapse crumble topple
    builder contractor constructor
    building structure
    house home dwelling
    help aid assist support
    rebuild reconstruct restore repair
    investigate probe examine
    punish sanction penalise penalize
    fight battle combat struggle
    attack assault strike raid offensive
    war conflict
    talk negotiation discussion dialogue
    agreement deal accord pact
    ceasefire truce
    kill slay
    die perish
    injure wound hurt
    flood inundation deluge
    fire blaze wildfire inferno
    danger risk threat hazard peril
    safe secure
    damage harm
    crisis emergency
    quickly fast rapidly swiftly promptly soon
    big large huge vast enormous massive
    much many lot plenty numerous
    need require
    want wish desire
    try attempt seek
    think believe
    happen occur
    worker employee staff workforce
    management leadership executive boss
    mistake error fault
    job post position
    company firm business enterprise
    region area zone territory
    embankment bank dike dyke levee
    grateful thankful
    hard difficult tough
    necessary essential vital indispensable
    possible feasible
    concern worry fear anxiety
    important significant crucial
    friend ally partner
    tonight evening
    warn caution
    promise pledge vow
    anger outrage fury
    strike walkout stoppage
    wage pay salary
    price cost
    rise increase grow climb
    fall drop decline decrease
    cut reduce lower slash
    ban prohibit forbid
    law legislation
    win victory triumph
    hospital clinic
    doctor physician
    child kid
    victim casualty
    protect defend safeguard shield
    prevent avoid avert
    plan scheme strategy programme program
    money fund funding cash
    border frontier
    violence bloodshed
    responsible accountable liable
    criticise criticize condemn denounce
    welcome hail applaud
    expect anticipate
    sure certain confident
    tragedy disaster catastrophe calamity
    terrible awful horrific dreadful
    serious grave severe
    clear obvious evident
    immediately instantly
    together jointly
"""
SYNONYMS: dict[str, frozenset[int]] = {}
for _sense, _line in enumerate(SYNONYM_SETS.strip().splitlines()):
    for _word in _line.split():
        SYNONYMS[_word] = SYNONYMS.get(_word, frozenset()) | {_sense}
# Two quotes are one remark when enough of the shorter one's content is found in the other:
# `MIN_SHARED_TERMS` content words (as lemmas, stems or near-synonyms) on each side, and a share
# of the shorter's content, weighted by rarity in the topic, of `SAME_SPEAKER_BAR`; one article
# may quote a whole remark and another half of it, so the shorter quote is what must be covered.
# Without a known speaker only the words vouch for the match, so the bars are higher. The old
# surface measure (rapidfuzz wording with stem overlap) still accepts typos and transliterations.
SAME_SPEAKER_BAR = 0.45
UNKNOWN_SPEAKER_BAR = 0.75
MIN_SHARED_TERMS = 2
MIN_SHARED_TERMS_UNKNOWN = 3
WORDING_BAR = 0.6
WORDING_BAR_UNKNOWN = 0.7
MIN_SHARED_STEMS = 2
_QUOTE_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-Z])")
_SUFFIXES = ("ingly", "edly", "ing", "ied", "ies", "ed", "es", "ly", "s")
_DERIVATIONS = ("ation", "ition", "ment", "ion", "ate", "ise", "ize", "ing", "er", "or", "e")


@dataclass(frozen=True)
class Terms:
    """A quote's content words, each with the keys it meets others by (stem and synonym senses)."""

    words: frozenset[str]
    keys: dict[str, frozenset[str]]

    @property
    def all_keys(self) -> frozenset[str]:
        return frozenset().union(*self.keys.values()) if self.keys else frozenset()


def group_quotes(quotes: Sequence[Quote]) -> tuple[QuoteGroup, ...]:
    """One group per remark, each article's wording a variant; never two variants of one article.

    Candidate pairs come from blocks of one speaker (a quote with no known speaker meets those
    sharing a content word), so cost follows block sizes, not the corpus's square. Accepted
    pairs are merged best first; a merge that would put two quotes of one article, or two known
    speakers, or two quotes with no content word in common, in one group is refused.
    """
    items = split_run_together(sorted(set(quotes), key=quote_order))
    terms = [quote_terms(q) for q in items]
    rarity = rarity_weights(terms)
    scored = []
    for i, j in candidate_pairs(items, terms):
        score = similarity(items[i], items[j], terms[i], terms[j], rarity)
        if score is not None:
            scored.append((score, i, j))
    clusters = merge_pairs(items, terms, sorted(scored, key=lambda t: (-t[0], t[1], t[2])))
    groups = [QuoteGroup(group_speaker(c), tuple(sorted(c, key=quote_order))) for c in clusters]
    return tuple(sorted(groups, key=lambda g: (-len(g.variants), quote_order(g.variants[0]))))


def split_run_together(items: list[Quote]) -> list[Quote]:
    """Split a quote of several sentences where another article prints its parts as two quotes.

    One outlet may run two remarks into one pair of marks ("… on these wages. We are staying
    out …") that another quotes apart; whole, the quote can join only one of them. It is cut
    at the sentence end where its head matches one quote of another article and its tail a
    different quote of that same article; quotes no other article splits stay whole.
    """
    terms = [quote_terms(q) for q in items]
    rarity = rarity_weights(terms)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, quote in enumerate(items):
        by_article[quote.article].append(i)
    result: list[Quote] = []
    for quote in items:
        others = [[(items[j], terms[j]) for j in ids] for a, ids in sorted(by_article.items()) if a != quote.article]
        result.extend(split_against(quote, others, rarity) or [quote])
    return sorted(set(result), key=quote_order)


def split_against(
    quote: Quote, others: Sequence[Sequence[tuple[Quote, Terms]]], rarity: dict[str, float]
) -> list[Quote] | None:
    """The quote's head and tail, at the first sentence end where they meet two quotes of one article."""
    pieces = _QUOTE_SENTENCE_END.split(quote.text)
    for k in range(1, len(pieces)):
        head, tail = (piece_quote(quote, " ".join(part)) for part in (pieces[:k], pieces[k:]))
        head_terms, tail_terms = quote_terms(head), quote_terms(tail)
        for article in others:
            heads = {id(q) for q, t in article if similarity(head, q, head_terms, t, rarity) is not None}
            tails = {id(q) for q, t in article if similarity(tail, q, tail_terms, t, rarity) is not None}
            if heads and tails and len(heads | tails) >= 2:
                return [head, tail]
    return None


def piece_quote(quote: Quote, text: str) -> Quote:
    """Part of a quote, with the stored lemmas of its own words (a word's lemma starts as it does)."""
    words = content_words(text)
    lemmas = tuple(
        lemma for lemma in quote.lemmas
        if any(w[:4] == lemma[:4] or stem(w) == stem(lemma.split("_")[0]) for w in words)
    )
    return Quote(quote.article, quote.sentence, text, quote.speaker, quote.speaker_text, lemmas)


def quote_order(quote: Quote) -> tuple[str, int, str, str]:
    return (quote.article, quote.sentence, quote.text, quote.speaker or "")


def quote_terms(quote: Quote) -> Terms:
    """The lemmas `find_quotes` stored, else (a quote built by hand) the text's content words."""
    words = frozenset(quote.lemmas) if quote.lemmas else frozenset(content_words(quote.text))
    return Terms(words, {w: term_keys(w) for w in words})


def term_keys(word: str) -> frozenset[str]:
    # A word with no synonyms of its own takes its stem's: the noun "beginning" those of "begin".
    senses = SYNONYMS.get(word) or SYNONYMS.get(stem(word), ())
    return frozenset({stem(word), derived_stem(word), *(f"~{sense}" for sense in senses)})


def derived_stem(word: str) -> str:
    """A lemma without its derivational suffix, so a paraphrase's noun meets the verb it comes
    from: "investigation"/"investigate", "evacuation"/"evacuate", "builder"/"build"."""
    for suffix in _DERIVATIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 5:
            return "+" + word[: -len(suffix)]
    return "+" + word


def content_words(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", text.casefold())
    words = [re.sub(r"['’]s$", "", w) for w in words]
    return [w for w in words if "'" not in w and "’" not in w and w not in STOP_WORDS and len(w) > 1]


def content_stems(text: str) -> frozenset[str]:
    """Crude stems of a text's content words: enough to see "reached" and "reaching" agree."""
    return frozenset(stem(w) for w in content_words(text))


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            if suffix in ("ing", "ed", "edly", "ingly") and len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # "stopped" → "stop"
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def rarity_weights(terms: Sequence[Terms]) -> dict[str, float]:
    """Per key, a smoothed inverse document frequency over the quotes grouped together: a word
    every quote of the topic uses ("earthquake") vouches less for a match than a rare one."""
    df = Counter(k for t in terms for k in t.all_keys)
    return {k: math.log(1 + len(terms) / n) for k, n in df.items()}


def candidate_pairs(items: Sequence[Quote], terms: Sequence[Terms]) -> list[tuple[int, int]]:
    by_speaker: dict[str, list[int]] = defaultdict(list)
    unknown: list[int] = []
    for i, quote in enumerate(items):
        (by_speaker[quote.speaker] if quote.speaker else unknown).append(i)
    pairs = {(i, j) for block in by_speaker.values() for k, i in enumerate(block) for j in block[k + 1 :]}
    index: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(terms):
        for key in t.all_keys:
            index[key].append(i)
    for i in unknown:
        pairs.update((min(i, j), max(i, j)) for key in terms[i].all_keys for j in index[key] if j != i)
    return sorted((i, j) for i, j in pairs if items[i].article != items[j].article)


def similarity(a: Quote, b: Quote, a_terms: Terms, b_terms: Terms, rarity: dict[str, float]) -> float | None:
    """How surely two quotes are one remark (0–1), or None when they cannot be."""
    if (a.speaker and b.speaker and a.speaker != b.speaker) or numbers_differ(a_terms, b_terms):
        return None
    known = bool(a.speaker and b.speaker)
    scores = [content_score(a_terms, b_terms, rarity, known), wording_score(a, b, known)]
    found = [s for s in scores if s is not None]
    return max(found) if found else None


def numbers_differ(a: Terms, b: Terms) -> bool:
    """Both quotes give numbers and none is the same: a toll of 40 and one of 70 are two remarks."""
    a_numbers = {w for w in a.words if w[:1].isdigit()}
    b_numbers = {w for w in b.words if w[:1].isdigit()}
    return bool(a_numbers and b_numbers and not a_numbers & b_numbers)


def content_score(a: Terms, b: Terms, rarity: dict[str, float], known: bool) -> float | None:
    """The larger rarity-weighted share of one quote's content words that the other one has."""
    a_met, b_met = met_words(a, b), met_words(b, a)
    if min(len(a_met), len(b_met)) < (MIN_SHARED_TERMS if known else MIN_SHARED_TERMS_UNKNOWN):
        return None
    score = max(weighted_share(a, a_met, rarity), weighted_share(b, b_met, rarity))
    return score if score >= (SAME_SPEAKER_BAR if known else UNKNOWN_SPEAKER_BAR) else None


def met_words(a: Terms, b: Terms) -> frozenset[str]:
    """The words of `a` that meet a word of `b`: the same lemma or stem, or a near-synonym."""
    others = b.all_keys
    return frozenset(w for w, keys in a.keys.items() if keys & others)


def weighted_share(terms: Terms, met: frozenset[str], rarity: dict[str, float]) -> float:
    weight = {w: max(rarity.get(k, 0.0) for k in keys) for w, keys in terms.keys.items()}
    total = sum(weight.values())
    return sum(weight[w] for w in met) / total if total else 0.0


def wording_score(a: Quote, b: Quote, known: bool) -> float | None:
    """The mean of rapidfuzz's wording score and the stems' overlap: close wordings, typos included."""
    a_stems, b_stems = content_stems(a.text), content_stems(b.text)
    shared = len(a_stems & b_stems)
    if shared < MIN_SHARED_STEMS:
        return None
    overlap = shared / min(len(a_stems), len(b_stems))
    wording = max(
        fuzz.token_set_ratio(a.text, b.text, processor=utils.default_process),
        fuzz.partial_token_sort_ratio(a.text, b.text, processor=utils.default_process),
    ) / 100
    score = (wording + overlap) / 2
    return score if score >= (WORDING_BAR if known else WORDING_BAR_UNKNOWN) else None


def merge_pairs(
    items: Sequence[Quote], terms: Sequence[Terms], scored: Iterable[tuple[float, int, int]]
) -> list[list[Quote]]:
    cluster_of = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for _, i, j in scored:
        a, b = cluster_of[i], cluster_of[j]
        if a == b or not compatible(items, terms, members[a], members[b]):
            continue
        keep, gone = min(a, b), max(a, b)
        for k in members.pop(gone):
            cluster_of[k] = keep
            members[keep].append(k)
    return [[items[k] for k in ids] for _, ids in sorted(members.items())]


def compatible(items: Sequence[Quote], terms: Sequence[Terms], left: Sequence[int], right: Sequence[int]) -> bool:
    """No article twice, at most one known speaker, and no two members without a word in common:
    a chain of pairs each close enough must not join two quotes that share nothing."""
    if {items[k].article for k in left} & {items[k].article for k in right}:
        return False
    if len({items[k].speaker for k in (*left, *right) if items[k].speaker}) > 1:
        return False
    return all(terms[i].all_keys & terms[j].all_keys for i in left for j in right)


def group_speaker(variants: Sequence[Quote]) -> str | None:
    counts = Counter(q.speaker for q in variants if q.speaker)
    return min(counts, key=lambda s: (-counts[s], s)) if counts else None
