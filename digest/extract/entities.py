"""Entity mentions, and one canonical name per person, place and organisation across the corpus.

Canonical names, in three safe steps:

1. Every mention gets a *key*: case, accents, punctuation, a leading article, a possessive and
   honorifics ("Sheikh", "Mr") removed, so "the United States" / "The United States" and
   "Al-Thani" / "al Thani" share one. spaCy's small model labels the same word differently from
   sentence to sentence ("Blinken" PERSON here, GPE there), so each key takes its majority label.
2. People are clustered: full names (two or more name words besides particles such as "bin" or
   "al") are blocked by surname and merged when their surnames and given names are near-identical
   spellings (rapidfuzz) and the given names keep the same consonants, so "Anthony"/"Antony
   Blinken", "Carolos"/"Karolos Papoulias" and three transliterations of a Qatari prime
   minister's name meet, while "Joe"/"Jill Biden" and "Charlie"/"Charlene Kafoury" stay apart
   (`digest.extract.namesakes`; a middle initial or name one outlet leaves out makes no other
   person). A surname alone ("Blinken") joins the one cluster with that surname named in the same
   article, else the only one in the corpus; when two people of its article share it, it is the
   one the article called by it before naming the other, and otherwise it stays as written. A
   given name alone ("Kafoury's son, Charlie") joins the one person of that given name whose
   surname its article writes.
3. Places and organisations merge on equal keys, and an acronym with the one multi-word name in
   the corpus whose initials it spells ("US", "U.S." → "United States"; "UN" → "United
   Nations"). "Gaza" may be the city or the strip, so a shorter name is never guessed at.
   An organisation's name meets the short form a writer put in brackets after it anywhere in
   the corpus ("the Islamic Resistance Movement (Hamas)"), and so every spelling of that short
   form ("Hamás": accents are folded in the key).

Names are read whole: the small English model splits "Federation of Red Cross and Red Crescent
Societies" in two, so spans joined by "of", "for", or an "and" before a shared plural head are
joined back (`join_name_parts`).

On text in another language the English tagger calls many capitalised words names; such an
article shows only the names an English report also prints, or that two outlets print (`confirmed`).

A one-word organisation inside a job title ("Secretary of State", "Defense Minister") is part of
the title, not an organisation, and is no mention.

The canonical name of a cluster is its most frequent full spelling, ties broken alphabetically.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from digest.extract.namesakes import (
    PARTICLES,
    SAME_SOUND,
    SURNAME_SIMILARITY,
    cluster_people,
    consonants,
    name_words,
)
from digest.memo import ByIdentity
from digest.model import Article, Extraction, Mention, Sentence, Within
from digest.nlp.sentences import sentence_at
from digest.nlp.vocabulary import NAME_TITLES

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
_CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")
HONORIFICS = frozenset(
    "mr mrs ms miss dr sir dame lord lady sheikh sheikha shaikh prof professor rev reverend".split()
)
# Nouns of office that take a department's name: "Secretary of State", "Interior Minister".
TITLE_NOUNS = frozenset("secretary minister undersecretary".split())
# Letters from which a name in capitals is a dateline's, not an acronym ("COPIAPÓ", not "NATO").
SHOUTED_LETTERS = 5
# Words an acronym skips: "Organisation of American States" is OAS.
_ACRONYM_SKIPS = frozenset("of the and for de la".split())
# What may join two entity spans into one organisation's name.
ORG_JOINTS = frozenset("of for".split())  # a span ending in a joint continues into the next
ORG_PARTS = frozenset("ORG GPE LOC".split())
_DETERMINERS = frozenset("the a an".split())
_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def find_mentions(article: Article, doc: Doc, sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
    """Every named entity, its text without a leading "the" or a possessive, with the short form
    written in parentheses after it ("Islamic Resistance Movement" (Hamas))."""
    mentions = []
    spans = join_name_parts(doc)
    shorts = bracketed_shorts(doc, spans)
    for ent in spans:
        text = tidy_name(ent.text)
        if ent.label_ in LABELS and text and not in_job_title(ent):
            short = tidy_name(shorts[ent.start].text) if ent.start in shorts else ""
            mention = Mention(article.id, sentence_at(sentences, ent.start_char), text, ent.label_, text, short)
            mentions.append(mention)
    return tuple(mentions)


def join_name_parts(doc: Doc) -> list[Span]:
    """Entities read whole: a person split at a particle, an organisation split at "of", "for" or
    a shared plural head ("Federation of Red Cross" + "and" + "Red Crescent Societies"), and an
    entity that swallowed a bracket ("World Health Organization (WHO") cut there."""
    spans = join_organisations(doc, join_name_particles(doc))
    return [part for span in spans for part in split_at_bracket(span)]


def join_organisations(doc: Doc, ents: list[Span]) -> list[Span]:
    joined: list[Span] = []
    for ent in ents:
        last = joined[-1] if joined else None
        if last is not None and continues_organisation(last, ent):
            joined[-1] = Span(doc, last.start, ent.end, label="ORG")
            continue
        joined.append(ent)
    return joined


def continues_organisation(last: Span, ent: Span) -> bool:
    """Whether `ent` is the rest of the organisation `last` begins. "of"/"for" + a capitalised name
    continues it ("Agency" for "Palestine Refugees"); "and" only before a plural head the two share
    ("Red Cross and Red Crescent Societies") after an "of" name, since "Hamas and Islamic Jihad"
    are two. A determiner after the joint ("the Bank of England and the Fed") starts a new name."""
    doc = last.doc
    gap = doc[last.end : ent.start]
    if last.label_ != "ORG" or not all(t.is_title or t.is_upper for t in ent if t.is_alpha):
        return False
    if len(gap) == 0:
        return last[-1].lower_ in ORG_JOINTS and ent.label_ in ORG_PARTS
    if len(gap) != 1 or ent[0].lower_ in _DETERMINERS:
        return False
    joint = gap[0].lower_
    if joint in ("of", "for"):
        return ent.label_ in ORG_PARTS and (ent.label_ == "ORG" or joint == "of")
    has_of = any(t.lower_ == "of" for t in last)
    return joint in ("and", "&") and ent.label_ == "ORG" and has_of and ent[-1].tag_ == "NNPS"


def split_at_bracket(span: Span) -> list[Span]:
    """ "the World Health Organization (WHO" as the tagger reads it: the name, and its short form."""
    brackets = [t.i for t in span if t.text == "("]
    if not brackets or brackets[0] == span.start:
        return [span]
    cut = brackets[0]
    parts = [Span(span.doc, span.start, cut, label=span.label_)]
    if cut + 1 < span.end:
        parts.append(Span(span.doc, cut + 1, span.end, label=span.label_))
    return parts


def bracketed_shorts(doc: Doc, spans: list[Span]) -> dict[int, Span]:
    """Start of a name → the short form in the brackets right after it: an entity, or up to three
    capitalised words the tagger left untagged ("Resistance Movement (Hamas)")."""
    starts = {span.start: span for span in spans}
    shorts: dict[int, Span] = {}
    for span in spans:
        if span.end >= len(doc) or doc[span.end].text != "(":
            continue
        inner = starts.get(span.end + 1)
        close = next((t.i for t in doc[span.end + 1 : span.end + 5] if t.text == ")"), None)
        if inner is None and close is not None and close > span.end + 1:
            words = doc[span.end + 1 : close]
            if all(t.is_alpha and (t.is_title or t.is_upper) for t in words):
                inner = Span(doc, words.start, words.end, label=span.label_)
        if inner is not None and inner.end < len(doc) and doc[inner.end].text == ")":
            shorts[span.start] = inner
    return shorts


def in_job_title(ent: Span) -> bool:
    """ "State" in "Secretary of State", "Defense" in "Defense Minister": a title's word, not an
    organisation. An acronym ("UN Secretary-General") names a real one, so it stays."""
    if ent.label_ != "ORG" or len(ent) != 1 or not ent.text.istitle():
        return False
    doc = ent.doc
    before = doc[ent.start - 2 : ent.start] if ent.start >= 2 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    titled_of = before is not None and before[1].lower_ == "of" and before[0].lower_ in TITLE_NOUNS
    return titled_of or (after is not None and after.lower_ in TITLE_NOUNS)


def join_name_particles(doc: Doc) -> list[Span]:
    """Entities, with a person's name read whole across a name particle: two PERSON spans
    ("Tommaso" + "della" + "Longa"), a person the tagger ended at the particle and the surname
    it tagged otherwise ("Ursula von der" + "Leyen", a place), and a surname whose particle it
    left out ("von der" + "Leyen said")."""
    joined: list[Span] = []
    for ent in map(with_surname_particle, doc.ents):
        last = joined[-1] if joined else None
        gap = doc[last.end : ent.start] if last is not None else None
        if (
            last is not None and gap is not None
            and last.label_ == ent.label_ == "PERSON"
            and 0 < len(gap) <= 2 and all(t.text in PARTICLES for t in gap)
        ):
            joined[-1] = Span(doc, last.start, ent.end, label="PERSON")
            continue
        if last is not None and (misread_first_name(last, ent) or ends_at_particle(last, ent)):
            joined[-1] = Span(doc, last.start, ent.end, label="PERSON")
            continue
        joined.append(ent)
    return [without_title(e) if e.label_ == "PERSON" else e for e in joined]


# What the tagger takes a surname for: a person, a place, a body or a nationality, never a date.
NAME_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC"})


def ends_at_particle(person: Span, ent: Span) -> bool:
    """ "Ursula von der" or "Ursula von" + "der" (a person) and "Leyen" right after it, tagged as
    anything: a name does not end at its particle."""
    gap = person.doc[person.end : ent.start]
    return (
        person.label_ == "PERSON" and person[-1].text in PARTICLES and len(gap) <= 2
        and all(t.text in PARTICLES for t in gap) and ent[0].is_title and ent.label_ in NAME_LABELS
    )


def with_surname_particle(ent: Span) -> Span:
    """ "Leyen" after "von der", as the tagger reads "von der Leyen said": a person, particle and
    all. Only a Germanic "von" or "van" starts one: "de" and "da" begin places too ("Rio de Janeiro")."""
    doc, start = ent.doc, ent.start
    while start > max(0, ent.start - 2) and doc[start - 1].lower_ in PARTICLES and not doc[start - 1].ent_type_:
        start -= 1
    if start == ent.start or doc[start].lower_ not in {"von", "van"} or not ent[0].is_title or len(ent) > 2:
        return ent
    if ent.label_ not in NAME_LABELS or (start > 0 and doc[start - 1].lower_ in _DETERMINERS):
        return ent  # "drove a van Monday"
    return Span(doc, start, ent.end, label="PERSON")


def misread_first_name(first: Span, person: Span) -> bool:
    """A lone surname tagged a person, just after a one-word proper noun the tagger took for a
    place or a body, compounded to it: "Giulia" (GPE) "Bassi" is one name."""
    word = first[0]
    return (
        person.label_ == "PERSON" and len(person) == 1 and len(first) == 1 and first.end == person.start
        and first.label_ in ("GPE", "ORG", "NORP", "LOC") and word.pos_ == "PROPN"
        and word.dep_ == "compound" and word.head.i == person.start
    )


def without_title(person: Span) -> Span:
    """A person's name without the title the tagger took into it: "Ranger Ionut Petrescu" and
    "Mayor Tomasz Wierzbicki" are Ionut Petrescu and Tomasz Wierzbicki, as other outlets write
    them. A title before a single name stays ("King Charles", "Prince Harry")."""
    doc, start = person.doc, person.start
    while person.end - start > 2 and doc[start].text[:1].isupper() and doc[start].lower_ in NAME_TITLES:
        start += 1
    return person if start == person.start else Span(doc, start, person.end, label="PERSON")


def tidy_name(text: str) -> str:
    text = " ".join(text.split())
    text = _ARTICLE.sub("", text)
    return _POSSESSIVE.sub("", text).strip(" ,;:-–—")


@functools.lru_cache(maxsize=1 << 16)  # a corpus spells each name many times: keyed once each
def name_key(text: str) -> str:
    """What two spellings of one name share: no case, accents, punctuation, article or honorific."""
    text = unicodedata.normalize("NFKD", tidy_name(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    words = re.sub(r"[^\w\s]|_", " ", text.replace(".", "")).split()
    while words and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def canonicalise(extractions: Sequence[Extraction]) -> tuple[Extraction, ...]:
    """The extractions with every mention's `canonical`, every quote's `speaker` and every figure's
    `place` set corpus-wide,
    and, on text the English tagger cannot read, only the names the corpus confirms (see `confirmed`)."""
    english = [m for e in extractions if reads_names(e.article.language) for m in e.mentions]
    mentions = [m for e in extractions for m in e.mentions]
    labels = majority_labels(mentions) | majority_labels(english)
    names = canonical_names(mentions, labels)
    renamed = tuple(rename(e, names, labels) for e in extractions)
    kept = confirmed(renamed)
    final = (e if reads_names(e.article.language) else keep_confirmed(e, kept) for e in renamed)
    return tuple(unchanged(raw, e) for raw, e in zip(extractions, final, strict=True))


# The last canonical form of each extraction, by the extraction it was made from.
_CANONICAL: ByIdentity[Extraction] = ByIdentity()


def unchanged(raw: Extraction, canonical: Extraction) -> Extraction:
    """The canonical form made before, where it is equal: in a long-lived process every later
    stage then knows an untouched article by its identity (`digest.memo.ByIdentity`)."""
    before = _CANONICAL.get(raw)
    return _CANONICAL.put(before if before is not None and before == canonical else canonical, raw)


def reads_names(language: str | None) -> bool:
    """Whether the English tagger reads this language's names (a text of unknown language counts as English)."""
    return language is None or language.split("-")[0].lower() == "en"


def confirmed(extractions: Sequence[Extraction]) -> frozenset[str]:
    """Canonical names shown from a text in another language: those an English report names too, or
    that two outlets name, written as a name (capitalised: the tagger also takes "la" or "un" for
    one). The English tagger reads any capitalised word there as a name ("Según la Cruz Roja" a
    PERSON); a name two outlets write alike is a name, a sentence's first word seldom is. A German
    noun two outlets use ("Angaben") still passes: capitals alone cannot tell it from a name."""
    outlets: dict[str, set[str]] = defaultdict(set)
    english: set[str] = set()
    for extraction in extractions:
        outlet = extraction.article.source or extraction.article.id
        for mention in extraction.mentions:
            outlets[mention.canonical].add(outlet)
            if reads_names(extraction.article.language):
                english.add(mention.canonical)
    return frozenset(english | {name for name, seen in outlets.items() if len(seen) >= 2 and name[:1].isupper()})


def keep_confirmed(extraction: Extraction, kept: frozenset[str]) -> Extraction:
    return replace(extraction, mentions=tuple(m for m in extraction.mentions if m.canonical in kept))


def majority_labels(mentions: Iterable[Mention]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        votes[name_key(mention.text)][mention.label] += 1
    return {key: min(c, key=lambda label: (-c[label], label)) for key, c in votes.items()}


def canonical_names(mentions: Sequence[Mention], labels: dict[str, str]) -> Names:
    """Spelling counts per key, and the person clusters over the keys labelled PERSON."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        spellings[name_key(mention.text)][mention.text] += 1
    people = sorted(k for k, label in labels.items() if label == "PERSON" and len(name_words(k)) >= 2)
    clusters = cluster_people(people)
    found = acronyms(spellings, labels)
    return Names(spellings, clusters, name_word_index(clusters, -1), found, short_forms(mentions, labels, found))


def short_forms(mentions: Iterable[Mention], labels: dict[str, str], acronyms: dict[str, str]) -> dict[str, str]:
    """Key of an organisation's name → the key it shares a page with, from "Long Name (Short)"
    written anywhere in the corpus: the short form's key, so "Hamas", "Hamás" and "the Islamic
    Resistance Movement (Hamas)" meet. A short form written after two different names is no guess,
    and a place in brackets ("Ministry of Health (Gaza)") says where, not what."""
    longs: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        short, long = name_key(mention.short), name_key(mention.text)
        if short and labels.get(long) == "ORG" and labels.get(short, "ORG") == "ORG":
            short = acronyms.get(short, short)  # "(WHO)" already meets "World Health Organization"
            if short != long:
                longs[short].add(long)
    return {next(iter(keys)): short for short, keys in longs.items() if len(keys) == 1}


def acronyms(spellings: dict[str, Counter[str]], labels: dict[str, str]) -> dict[str, str]:
    """Acronym key → the one multi-word non-person key whose initials it spells, where the corpus
    mostly writes it in capitals ("US", "U.S."); two names with the same initials: no guess."""
    spelled: dict[str, set[str]] = defaultdict(set)
    for key in spellings:
        words = [w for w in key.split() if w not in _ACRONYM_SKIPS]
        if len(words) >= 2 and labels.get(key) != "PERSON":
            spelled["".join(w[0] for w in words)].add(key)
    return {
        key: next(iter(spelled[key]))
        for key, counts in spellings.items()
        if len(spelled.get(key, ())) == 1 and labels.get(key) != "PERSON" and mostly_acronym(counts)
    }


def mostly_acronym(counts: Counter[str]) -> bool:
    return 2 * sum(n for spelling, n in counts.items() if is_acronym(spelling)) > sum(counts.values())


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


class Names:
    """The corpus's names: which cluster a key belongs to, and each cluster's canonical spelling."""

    def __init__(
        self,
        spellings: dict[str, Counter[str]],
        clusters: list[list[str]],
        surnames: dict[str, list[int]],
        acronyms: dict[str, str],
        shorts: dict[str, str] | None = None,
    ):
        self.spellings = spellings
        self.acronyms = acronyms
        self.shorts = shorts or {}
        # Every key an organisation's short form stands for, counted into its canonical spelling.
        self.short_group: dict[str, list[str]] = defaultdict(list)
        for long, short in sorted(self.shorts.items()):
            self.short_group[short].append(long)
        self.cluster_of = {key: i for i, keys in enumerate(clusters) for key in keys}
        self.surnames = surnames
        self.family = [frozenset(name_words(key)[-1] for key in keys) for keys in clusters]
        self.given = name_word_index(clusters, 0)
        self.canonical = [best_spelling(keys, spellings) for keys in clusters]
        # A corpus's 45,000 mentions name a few thousand things: each spelling is chosen once
        # (choosing it again was 70 % of canonicalising 1,000 articles, profiled).
        self.spelled: dict[tuple[str, ...], str] = {}
        self.skeletons: dict[str, list[str]] | None = None  # surnames by their consonants, built when first asked

    def resolve(
        self, text: str, local: frozenset[int] = frozenset(), label: str = "PERSON", written: frozenset[str] = frozenset(),
        established: Mapping[str, int] | None = None,
    ) -> str:  # fmt: skip
        """The canonical name of a spelling; `local` holds the clusters its article names, `written`
        every name word it writes, and `established` the person each of its shared surnames stands for."""
        key = name_key(text)
        if key in self.cluster_of:
            return self.canonical[self.cluster_of[key]]
        words = name_words(key)
        # Only a person's surname stands for a person: "Washington" the city is no one's surname here.
        if len(words) == 1 and label == "PERSON":
            candidates = self.surnames.get(words[0], []) or self.misspelt(words[0])
            nearby = [c for c in candidates if c in local]
            for pool in (nearby, candidates):
                if len(pool) == 1:
                    return self.canonical[pool[0]]
            chosen = (established or {}).get(words[0])
            if chosen is not None and chosen in nearby:
                return self.canonical[chosen]
            if nearby or candidates:
                return text  # two people share the surname: guessing would merge them
            relative = self.relative_named(words[0], written)
            if relative is not None:
                return self.canonical[relative]
        if label == "PERSON":
            return self.spelling((key,)) if key in self.spellings else text
        key = self.acronyms.get(key, key)
        key = self.shorts.get(key, key)
        group = (key, *self.short_group.get(key, ()))
        return self.spelling(group) if any(k in self.spellings for k in group) else text

    def misspelt(self, surname: str) -> list[int]:
        """The people whose surname a bare name no one bears misspells: "Heffner" for Hugh
        Hefner. The same consonants (doubled as one) and a spelling ratio at the surname bar."""
        if self.skeletons is None:
            self.skeletons = defaultdict(list)
            for known in self.surnames:
                self.skeletons[consonants(known)].append(known)
        near = [
            known for known in self.skeletons.get(consonants(surname), ())
            if known[:1].translate(SAME_SOUND) == surname[:1].translate(SAME_SOUND) and fuzz.ratio(known, surname) >= SURNAME_SIMILARITY
        ]  # fmt: skip
        return sorted({c for known in near for c in self.surnames[known]})

    def relative_named(self, given: str, written: frozenset[str]) -> int | None:
        """The one person of this given name whose surname the article writes as a name too:
        "Kafoury's son, Charlie" is the Charlie Kafoury another outlet names in full."""
        found = [c for c in self.given.get(given, ()) if self.family[c] & written]
        return found[0] if len(found) == 1 else None

    def spelling(self, keys: tuple[str, ...]) -> str:
        found = self.spelled.get(keys)
        if found is None:
            found = self.spelled[keys] = best_spelling(keys, self.spellings)
        return found

    def clusters_in(self, texts: Iterable[str]) -> frozenset[int]:
        return frozenset(self.cluster_of[k] for k in map(name_key, texts) if k in self.cluster_of)


def best_spelling(keys: Sequence[str], spellings: dict[str, Counter[str]]) -> str:
    """The most frequent spelling; a dateline's capitals ("FRANKFURT (Newswire) —") only where
    no article writes the name otherwise. Short capitals are acronyms ("NATO") and count as any."""
    counts: Counter[str] = Counter()
    for key in keys:
        counts.update(spellings.get(key, {}))
    return min(counts, key=lambda s: (is_shouted(s), -counts[s], s.casefold(), s))


def is_shouted(spelling: str) -> bool:
    letters = [ch for ch in spelling if ch.isalpha()]
    return len(letters) >= SHOUTED_LETTERS and all(ch.isupper() for ch in letters)


def name_word_index(clusters: list[list[str]], position: int) -> dict[str, list[int]]:
    """Each name word at `position` (0: the given name, -1: the surname) → the clusters with it."""
    index: dict[str, set[int]] = defaultdict(set)
    for i, keys in enumerate(clusters):
        for key in keys:
            index[name_words(key)[position]].add(i)
    return {word: sorted(ids) for word, ids in index.items()}


def rename(extraction: Extraction, names: Names, labels: dict[str, str]) -> Extraction:
    local = names.clusters_in([*(m.text for m in extraction.mentions), *title_names(extraction.article.title)])
    written = frozenset(word for m in extraction.mentions for word in name_words(name_key(m.text)))
    established = established_surnames(extraction.mentions, names)
    mentions = tuple(
        relabel(m, names.resolve(m.text, local, label, written, established), label)
        for m, label in ((m, labels.get(name_key(m.text), m.label)) for m in extraction.mentions)
    )
    quotes = tuple(
        replace(q, speaker=names.resolve(q.speaker, local, speaker_label(q.speaker, names, local, labels), written, established))
        if q.speaker
        else q for q in extraction.quotes
    )
    # A figure's place by its corpus-wide name too: nine outlets' "US" and "United States" are one
    # place, so their one figure is one row (grouping compares places by name).
    figures = tuple(replace(f, place=names.resolve(f.place, local, "GPE")) if f.place else f for f in extraction.figures)
    nesting = tuple(Within(names.resolve(w.inner, local, "GPE"), names.resolve(w.outer, local, "GPE")) for w in extraction.nesting)
    return replace(extraction, mentions=mentions, quotes=quotes, figures=figures, nesting=nesting)


def established_surnames(mentions: Sequence[Mention], names: Names) -> dict[str, int]:
    """The person a surname two people of one article share stands for: the one it named in full
    first, where it calls someone by the bare surname before it names the other ("Anthony
    LaCalamita III … LaCalamita told the judge … his wife, Michele LaCalamita"). An article that
    names both before it writes the bare surname has said nothing of whom it means."""
    first_named: dict[int, int] = {}
    first_bare: dict[str, int] = {}
    for position, mention in enumerate(mentions):  # in reading order
        key = name_key(mention.text)
        if key in names.cluster_of:
            first_named.setdefault(names.cluster_of[key], position)
        elif mention.label == "PERSON" and len(words := name_words(key)) == 1:
            first_bare.setdefault(words[0], position)
    found = {}
    for surname, bare_at in first_bare.items():
        named = sorted((at, c) for c, at in first_named.items() if c in names.surnames.get(surname, ()))
        if len(named) >= 2 and named[0][0] < bare_at < named[1][0]:
            found[surname] = named[0][1]
    return found


@functools.lru_cache(maxsize=1 << 14)  # every edit under `mkdocs serve` renames every article again
def title_names(title: str) -> tuple[str, ...]:
    """Every run of two to four capitalised words in the title, where a headline names someone in
    full that the text then calls by surname ("A Georgia judge handed Brian Nichols …", then
    "Nichols told the court"): the title is not parsed, so only names the corpus knows count."""
    runs = []
    for part in re.split(r"[,;:()\[\]\"“”‘’!?]|\s['’]|['’]\s", title):  # a run never crosses a comma
        words = part.split()
        capitalised = [bool(_CAPITALISED.match(w)) for w in words]
        for size in range(2, 5):
            runs += [" ".join(words[i : i + size]) for i in range(len(words) - size + 1) if all(capitalised[i : i + size])]
    return tuple(runs)


def relabel(mention: Mention, canonical: str, label: str) -> Mention:
    """The mention with its corpus-wide name and label; itself where they are its own (most are:
    copying 44,000 mentions was 0.5 of 2.0 s canonicalising 1,000 articles, profiled)."""
    if mention.canonical == canonical and mention.label == label:
        return mention
    return replace(mention, canonical=canonical, label=label)


def speaker_label(speaker: str, names: Names, local: frozenset[int], labels: dict[str, str]) -> str:
    """A speaker's label: PERSON when it is the surname of someone its article names in full, since
    who speaks is a person, even where the tagger took the surname for a nationality ("Kranjc" NORP)."""
    words = name_words(name_key(speaker))
    if len(words) == 1 and set(names.surnames.get(words[0], ())) & local:
        return "PERSON"
    return labels.get(name_key(speaker), "PERSON")
