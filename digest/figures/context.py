"""Where, when and who says so: place, period, date and source, found by walking up from a count."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from spacy.tokens import Span, Token

from digest.figures.background import is_background
from digest.figures.numbers import is_fronted_whole
from digest.figures.values import strip_article
from digest.figures.words import (
    DAY_MONTH,
    MONTHS,
    ORDINAL_WORDS,
    PERIOD_PREPS,
    PERIOD_UNITS,
    PLACE_KINDS,
    PLACE_LABELS,
    PLACE_PREPS,
    PROPOSING_VERBS,
    REPORT_NOUNS,
    REPORTING_VERBS,
    RUNNING_TALLIES,
    SETTLEMENT_NOUNS,
    STREET_NOUNS,
    WEEKDAYS,
)
from digest.model import Article, Figure, Sentence
from digest.nlp.sentences import sentence_at, sentence_of
from digest.nlp.vocabulary import ARGUMENTS, SUBJECTS


def governors(token: Token) -> list[Token]:
    """The token and its ancestors, nearest first, then speech verbs hung beside them."""
    chain = [token, *token.ancestors]
    beside = [c for g in chain for c in g.children if c.dep_ in {"conj", "parataxis"} and is_speech(c)]
    return chain + [b for b in beside if b not in chain]


def is_speech(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in REPORTING_VERBS


def preps(node: Token, words: set[str] | None) -> Iterator[Token]:
    """Prepositional objects under a node, and under its subject and object nouns (any prep: None)."""
    holders = [node, *(c for c in node.children if c.dep_ in ARGUMENTS)]
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
    """ "in Homs", "in the Syrian city of Homs", "in southern Israel"; "In Heraklion, 10,000 marched"."""
    found = entity_of(pobj, PLACE_LABELS)
    if found is not None:
        return found
    if pobj.ent_type_:
        return entity_of(pobj, {pobj.ent_type_}) if is_fronted_setting(pobj) else None
    of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if inner is None:
        return None
    # "the northern city of Thessaloniki": a settlement's name is a place whatever the model's label for it
    named = pobj.lemma_.lower() in SETTLEMENT_NOUNS and inner.pos_ == "PROPN" and inner.ent_type_ in {"ORG", "PERSON", ""}
    return entity_of(inner, {inner.ent_type_} if named and inner.ent_type_ else PLACE_LABELS) or (name_span(inner) if named else None)


def name_span(name: Token) -> Span:
    """A name the model tagged as no entity, with the words written onto it: "Emilia-Romagna"."""
    start = name.i
    while start > 0 and (name.doc[start - 1].pos_ == "PROPN" or name.doc[start - 1].text == "-") and name.doc[start - 1].head.i in {name.i, start}:
        start -= 1
    return Span(name.doc, start, name.i + 1)


def is_fronted_setting(pobj: Token) -> bool:
    """ "In Heraklion, …": a name opening its sentence after "in" and before a comma sets the scene,
    though the small model often takes an unfamiliar town for an organisation."""
    prep = pobj.head
    sentence_start = prep.i == 0 or bool(prep.is_sent_start) or prep.doc[prep.i - 1].is_space
    entity = entity_of(pobj, {pobj.ent_type_}) if pobj.ent_type_ in {"ORG", "PERSON"} else None
    follows = pobj.doc[entity.end] if entity is not None and entity.end < len(pobj.doc) else None
    return prep.lower_ == "in" and sentence_start and prep.head.i > pobj.i and pobj.text[:1].isupper() and follows is not None and follows.text == ","


def find_place(chain: Sequence[Token]) -> str | None:
    for node in chain:
        # "the city of Thessaloniki, where 20,000 people marched": the clause happens in its antecedent
        if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
            entity = place_entity(node.head) or place_named_by(node.head)
            if entity is not None:
                return strip_article(entity.text)
        # "took to the streets of Athens": a crowd is where the streets it fills are
        streets = [p for p in preps(node, {"to", "into", "onto"}) if p.lemma_.lower() in STREET_NOUNS]
        for pobj in [*preps(node, PLACE_PREPS), *nested_preps(node, PLACE_PREPS), *streets]:
            entity = place_entity(pobj)
            if entity is not None:
                return strip_article(entity.text)
    return None


def place_named_by(antecedent: Token) -> Span | None:
    """The place a relative "where" refers to when the parse hangs the clause on the name itself
    ("the city of Thessaloniki, where …" with the clause under "Thessaloniki")."""
    if antecedent.dep_ == "pobj" and antecedent.head.lower_ == "of" and antecedent.head.head.pos_ == "NOUN":
        return place_entity(antecedent.head.head)
    return None


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
            if period is not None and not lasted(pobj):
                return period
        if node.lemma_.lower() in RUNNING_TALLIES or any(c.dep_ == "dobj" and c.lemma_.lower() in RUNNING_TALLIES for c in node.children):
            return None  # "1,350 in the past 24 hours, bringing the total to 48,200": a running total has no window
    return None


def lasted(pobj: Token) -> bool:
    """ "deliberated for nine hours": how long something lasted, not a window counted in; "for
    the past week" is one. Nor is a time still to come: "will immunise 50,000 children within
    four weeks" counts a plan, not the last four weeks."""
    recent = any(c.lower_ in {"last", "past", "previous", "preceding"} for c in pobj.children)
    verb = next((t for t in pobj.head.ancestors if t.pos_ in {"VERB", "AUX"}), pobj.head.head)
    return not recent and (pobj.head.lower_ == "for" or is_planned(verb))


def is_planned(verb: Token) -> bool:
    """A verb of what is yet to happen: "will immunise", "plans to vaccinate", and what a side
    offers or demands ("offered 10% over 36 months" is a deal's term, not the last 36 months)."""
    if verb.lemma_.lower() in PROPOSING_VERBS:
        return True
    return any(c.dep_ == "aux" and (c.lower_ in {"will", "shall", "'ll", "wo"} or c.tag_ == "TO") for c in verb.children)


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
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
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


def assemble(
    article: Article, sentences: tuple[Sentence, ...], previous: str | None, anchor: Token, at: int, **read: object
) -> Figure:
    """A figure from what was read of the number itself (`at`: where it is written), and its place,
    period, date and source found by walking up from `anchor`, the token that stands for it in the tree."""
    chain = governors(anchor)
    period = find_period(chain)
    # "Of the 1,100 jobs cut, 450 will go in Sweden": where the part is, not the whole fronted before it
    place = find_place(chain[:2] if is_fronted_whole(anchor) else chain)
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
        context=is_background(anchor, article.published),
        published=article.published,
        **read,  # type: ignore[arg-type]  # the caller's fields, typed by Figure itself when it is built
    )


def situate(words: str, place: str | None, period: str | None) -> str:
    if place:
        words += f" in {place_phrase(place)}"
    return words + (f" in the last {period}" if period else "")


def place_phrase(place: str) -> str:
    """ "Gaza Strip" reads "the Gaza Strip": a place named by its kind takes the article."""
    return f"the {place}" if place.split()[-1].lower() in PLACE_KINDS | {"east", "west"} else place
