"""What keeps two near-identical statements apart: they say opposite things about one matter.

A sentence's *stance* is read from its lemmas, its places and the topic's figures: whether it is
negated ("will not join"), bounded in time ("for the next three years", "until the end of the
year") or open-ended ("permanent", "indefinitely"), which places it names, and which value it
gives, as of which day, for each counted quantity the topic's outlets share. Two statements
*conflict* when they differ on one of these in a way that cannot both be true: one negated and
the other not; one bounded and the other permanent; a place in the same slot of both ("a
Virginia law" / "a Massachusetts law", "in the Cusco region" / "in the Puno region"; not a
place right after "in" or "from": "tents set up in Venton" / "in Joville" can both be true); the
same quantity, as of the same day, at values no reading of their qualifiers reconciles (9 vs 11
killed on Tuesday; not "at least 9" vs 11, nor 6.5 vs 7 percent, within a reporter's rounding).
Two statements that count one thing at different places in an order ("a fifth skier" / "the sixth
skier") are about two things, never one claim. Tolls of different days do not conflict: the
figures table shows them side by side. And two statements that a third contradicts in the same
way take one side of the dispute (`agreed_disputes`): they agree on the very value the other
disputes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from digest.align.topics import ordinal_value
from digest.model import Figure, FigureGroup, Mention, Sentence
from digest.nlp.vocabulary import COMPLEMENTS, SPEECH_VERBS

NEGATORS = frozenset({"not", "no", "never", "neither", "nor", "n't", "without", "refuse", "reject"})
# Verb and particle that say no as plainly: "stay out of the platform", "ruled out a deal".
NEGATING_PHRASES = frozenset({("stay", "out"), ("opt", "out"), ("rule", "out"), ("pull", "out")})
DENIABLE_POS = frozenset({"NOUN", "VERB", "ADJ"})
NEGATION_REACH = 3  # content words a negation governs: "not join the EU's joint gas scheme"
# How far a value as written may be from the truth: rounding for an exact one, more for "about".
EXACT_SLACK = 0.05
ROUGH_SLACK = 0.1
PERMANENT = frozenset({"permanent", "permanently", "indefinitely", "indefinite", "forever"})
DURATION_NOUNS = frozenset({"year", "month", "week", "day", "decade"})
UNTIL = frozenset({"until", "till", "through"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
APART = "apart"  # different facts: never one claim, nor a disagreement
ORDINAL_REACH = 2  # words from an ordinal to the noun it counts: "the sixth missing skier"
# Conflicts read from a value (a duration, a number, a place): two statements that conflict with a
# third in one of these ways hold one value. A negation is read from shared words, so two
# statements it conflicts with need not say the same thing ("gas prices" / "the EU's gas").
SIDED = frozenset({"duration", "number", "place"})
_MORE = frozenset({"more", "further", "additional", "extra"})  # "three more years"
# Prepositions that put a place as where or whence something happens, not as which thing is meant.
LOCATING = frozenset({"in", "at", "from", "of", "near", "into", "across", "outside", "inside", "around", "throughout", "to"})


@dataclass(frozen=True)
class Stance:
    negated: bool = False
    # The few content words a negation governs, and all the sentence's: a negation conflicts only
    # when it denies what the other sentence says ("will not join" / "will join"), not a side
    # matter ("people who have no right to stay").
    denied: frozenset[str] = frozenset()
    # What a negation asserts by denying a word with a complement: "not stop" affirms "keep".
    affirmed: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    bounded: bool = False
    permanent: bool = False
    # Each name (a place or not), with the words either side of it: where it sits in what is said.
    names: frozenset[tuple[str, frozenset[str], bool]] = frozenset()
    # Per shared figure group: the range the value as qualified allows, and its day.
    values: tuple[tuple[int, float, float, str | None], ...] = ()
    # Each thing counted in order, with its place in the order: ("skier", 5) for "a fifth skier".
    ordinals: frozenset[tuple[str, int]] = frozenset()


def read_stance(
    sentence: Sentence, mentions: Sequence[Mention], figures: Sequence[tuple[int, Figure]], published: str | None = None
) -> Stance:
    """`published`: the article's date, the day of a figure that gives none of its own."""
    lemmas = sentence.lemmas
    denied = denied_words(lemmas, sentence.pos)
    return Stance(
        negated=bool(denied),
        denied=denied,
        affirmed=affirmed_words(lemmas, sentence.pos),
        words=frozenset(w for w, p in zip(lemmas, sentence.pos) if p in DENIABLE_POS),
        bounded=bool(UNTIL.intersection(lemmas)) or has_duration(lemmas, sentence.pos),
        permanent=bool(PERMANENT.intersection(lemmas)),
        names=frozenset(name_slot(sentence.text, m) for m in mentions),
        values=tuple(sorted((k, *value_range(f), f.as_of or published) for k, f in figures)),
        ordinals=counted_in_order(lemmas, sentence.pos),
    )


def counted_in_order(lemmas: Sequence[str], pos: Sequence[str]) -> frozenset[tuple[str, int]]:
    """Each ordinal with the noun it counts, if one follows within ORDINAL_REACH words."""
    found = set()
    for i, lemma in enumerate(lemmas[: len(pos)]):
        place = ordinal_value(lemma)
        if not place:
            continue
        noun = next((lemmas[j] for j in range(i + 1, min(i + 1 + ORDINAL_REACH, len(pos))) if pos[j] == "NOUN"), None)
        if noun:
            found.add((noun, place))
    return frozenset(found)


def value_range(figure: Figure) -> tuple[float, float]:
    """The values a figure as qualified allows: "at least 9" is 9 and up, "about 300" 270 to 330."""
    value, qualifier = figure.value, figure.qualifier
    if qualifier in ("at least", "more than"):
        return (value, math.inf)
    if qualifier in ("at most", "fewer than"):
        return (-math.inf, value)
    slack = abs(value) * (EXACT_SLACK if qualifier is None else ROUGH_SLACK)
    return (value - slack, value + slack)


def name_slot(text: str, mention: Mention) -> tuple[str, frozenset[str], bool]:
    """The name, the content words right before and after it as written, and whether it is a place."""
    at = text.find(mention.text)
    place = mention.label in PLACE_LABELS
    if at < 0:
        return (mention.canonical.casefold(), frozenset(), place)
    before = re.findall(r"[\w'’-]+", text[:at])[-1:]
    if place and before and before[0].lower() in LOCATING:
        # "tents set up in Venton" / "in Joville": where something happened, which can be two
        # places at once; only a place that says *which* thing ("a Virginia law") fills a slot.
        return (mention.canonical.casefold(), frozenset(), place)
    after = re.findall(r"[\w'’-]+", text[at + len(mention.text):])[:1]
    words = {w.lower() for w in before + after}
    return (mention.canonical.casefold(), frozenset(w for w in words if w not in STOP_WORDS and w.isalpha()), place)


def denied_words(lemmas: Sequence[str], pos: Sequence[str]) -> frozenset[str]:
    """The first content words after each negator or negating phrase, names left out, up to a
    speech verb after them: what is denied is the reported matter, not that someone said it
    (but "did not confirm" denies the confirming)."""
    denied: set[str] = set()
    for start in negation_starts(lemmas):
        found: list[str] = []
        for j in range(start, min(len(lemmas), len(pos))):
            if found and lemmas[j] in SPEECH_VERBS:
                break  # the reporting frame closes the negated clause: "without precedent," said X
            if pos[j] in DENIABLE_POS:
                found.append(lemmas[j])
        denied.update(found[:NEGATION_REACH])
    return frozenset(denied)


def affirmed_words(lemmas: Sequence[str], pos: Sequence[str]) -> frozenset[str]:
    """The complements of the word each negator governs first ("not stop searching": keep,
    continue…), read from the same starts as `denied_words`."""
    affirmed: set[str] = set()
    for start in negation_starts(lemmas):
        first = next((lemmas[j] for j in range(start, min(len(lemmas), len(pos))) if pos[j] in DENIABLE_POS), None)
        affirmed.update(COMPLEMENTS.get(first or "", ()))
    return frozenset(affirmed)


def negation_starts(lemmas: Sequence[str]) -> list[int]:
    """Where each negated stretch begins: after a negator, or after a negating verb and particle."""
    starts = [i + 1 for i, w in enumerate(lemmas) if w in NEGATORS]
    return starts + [i + 2 for i, pair in enumerate(zip(lemmas, lemmas[1:])) if pair in NEGATING_PHRASES]


def has_duration(lemmas: Sequence[str], pos: Sequence[str]) -> bool:
    """A number right before a period noun, or before "more" and one: "three years", "two more
    months"; not a rate ("300 trucks a week")."""
    return any(
        lemma in DURATION_NOUNS and i < len(pos)
        and ((i >= 1 and pos[i - 1] == "NUM") or (i >= 2 and pos[i - 2] == "NUM" and lemmas[i - 1] in _MORE))
        for i, lemma in enumerate(lemmas)
    )


def conflict(a: Stance, b: Stance) -> str | None:
    """What two statements about one matter differ on so that both cannot be true, if anything;
    APART where they name two actors in one slot ("ING analysts" / "Rabobank analysts"), or differ
    on a place and more besides: two events, not one told two ways ("a crash in Cusco killed 15" /
    "a crash in the Puno region killed 19")."""
    if not may_differ(a, b):
        return None
    kinds = differences(a, b)
    if "actor" in kinds or "ordinal" in kinds or ("place" in kinds and len(kinds) > 1):
        return APART
    return kinds[0] if kinds else None


def may_differ(a: Stance, b: Stance) -> bool:
    """Whether `differences` can find anything: the cheap test first, since a topic asks it of
    every pair of its statements and most pairs have nothing that could differ."""
    return traits_may_differ(traits_of(a), traits_of(b))


Traits = tuple[bool, bool, bool, bool, bool]  # negated, permanent, valued, slotted name, ordinals


def traits_of(stance: Stance) -> Traits:
    """What `may_differ` reads of a stance: whether a name of it sits between words (only such a
    name can fill a slot another's fills), and whether it has each other thing that can differ."""
    slotted = any(slot for _, slot, _ in stance.names)
    return (stance.negated, stance.permanent, bool(stance.values), slotted, bool(stance.ordinals))


def traits_may_differ(a: Traits, b: Traits) -> bool:
    (negated, permanent, valued, slotted, ordered), (negated2, permanent2, valued2, slotted2, ordered2) = a, b
    return (negated != negated2 or permanent or permanent2 or (valued and valued2)
            or (slotted and slotted2) or (ordered and ordered2))


class Conflicts:
    """`conflict` of a topic's statements by index, each pair read once: claims ask it of one pair
    while scoring, disputing, linking and finding disagreements."""

    def __init__(self, stances: Sequence[Stance]) -> None:
        self.stances = stances
        self.known: dict[tuple[int, int], str | None] = {}
        self.traits = [traits_of(s) for s in stances]  # read once: most pairs end at them

    def __call__(self, i: int, j: int) -> str | None:
        if not traits_may_differ(self.traits[i], self.traits[j]):
            return None
        pair = (i, j) if i < j else (j, i)  # `conflict` is symmetric
        if pair not in self.known:
            self.known[pair] = conflict(self.stances[pair[0]], self.stances[pair[1]])
        return self.known[pair]


def differences(a: Stance, b: Stance) -> list[str]:
    kinds = []
    if a.negated != b.negated and (denies(a, b) if a.negated else denies(b, a)):
        kinds.append("negation")
    if (a.permanent and b.bounded and not b.permanent) or (b.permanent and a.bounded and not a.permanent):
        kinds.append("duration")
    if differing_values(a, b):
        kinds.append("number")
    kinds.extend(sorted(other_name_in_slot(a, b)))
    if other_in_order(a, b):
        kinds.append("ordinal")
    return kinds


def other_in_order(a: Stance, b: Stance) -> bool:
    """One thing counted at different places in the order: "a fifth skier" / "the sixth skier" are
    two skiers, "the second day" / "the third day" two days."""
    nouns = {n for n, _ in a.ordinals} & {n for n, _ in b.ordinals}
    return any(not places_of(a, n) & places_of(b, n) for n in nouns)


def places_of(stance: Stance, noun: str) -> set[int]:
    return {place for counted, place in stance.ordinals if counted == noun}


def denies(negated: Stance, plain: Stance) -> bool:
    """Whether a negated statement denies what a plain one says, and does not assert it in other
    words ("will not stop searching" / "will keep searching")."""
    return bool(negated.denied & plain.words) and not negated.affirmed & plain.words


def other_name_in_slot(a: Stance, b: Stance) -> set[str]:
    """A name of one and a different name of the other between the same words: "place" where
    both are places, else "actor"."""
    mine, theirs = {n for n, _, _ in a.names}, {n for n, _, _ in b.names}
    return {"place" if place and other_place else "actor"
            for n, slot, place in a.names for m, other, other_place in b.names
            if n not in theirs and m not in mine and slot & other and not akin(n, m)}


def akin(name: str, other: str) -> bool:
    """One name and its adjective or short form: "Iran" / "Iranian", "EU" / "European Union"."""
    return name[:4] == other[:4] or name.startswith(other) or other.startswith(name)


def differing_values(a: Stance, b: Stance) -> bool:
    """One shared quantity, as of one day, in ranges that do not meet."""
    return any(k == m and day is not None and day == other and (high < low2 or high2 < low)
               for k, low, high, day in a.values for m, low2, high2, other in b.values)


def agreed_disputes(
    stances: Sequence[Stance], articles: Sequence[str], scores: Mapping[tuple[int, int], float],
    thresholds: Mapping[str, float], known: Conflicts | None = None,
) -> set[tuple[int, int]]:
    """Scored pairs that take one side of a dispute: a third statement, of a third article,
    that one of them matches as closely as a disagreement needs, conflicts with both in the same
    way ("permanent" / "permanent" against "for three years"). The disputed term is what a reader
    matches them on, however little else they share ("The law makes to-go cocktails permanent" /
    "The change is permanent"). `known`: the topic's conflicts read so far, where the caller keeps them."""
    kinds = known or Conflicts(stances)
    found: set[tuple[int, str]] = set()  # (statement, how it is disputed)
    lowest = min(thresholds.values())  # the cheap tests first: most pairs match too loosely to dispute
    for (i, j), score in scores.items():
        if score < lowest or articles[i] == articles[j]:
            continue
        kind = kinds(i, j)
        if kind in SIDED and score >= thresholds[kind]:
            found |= {(i, kind), (j, kind)}
    if not found:
        return set()
    disputes = sorted(found)
    sides: dict[int, set[tuple[int, str]]] = {}

    def sides_of(i: int) -> set[tuple[int, str]]:
        """The disputes statement i takes a side of: each (k, kind) it conflicts with in k's way.
        Read once per statement, not once per pair it is in."""
        if i not in sides:
            sides[i] = {(k, kind) for k, kind in disputes if k != i and kinds(i, k) == kind}
        return sides[i]

    return {(i, j) for (i, j) in scores
            if articles[i] != articles[j]
            and any(articles[k] not in (articles[i], articles[j]) for k, _ in sides_of(i) & sides_of(j))
            and kinds(i, j) is None}


def figures_by_sentence(groups: Sequence[FigureGroup]) -> dict[tuple[str, int], list[tuple[int, Figure]]]:
    """Per (article, sentence), the figures it gives of groups that two or more articles report."""
    found: dict[tuple[str, int], list[tuple[int, Figure]]] = {}
    for k, group in enumerate(groups):
        if len({f.article for f in group.values}) > 1:
            for figure in group.values:
                found.setdefault((figure.article, figure.sentence), []).append((k, figure))
    return found
