"""Topics: group the articles that report the same event, and name each group.

An article becomes a profile: TF-IDF weights over its content lemmas and entity names, the
quotes it prints, its specific numbers, and its time anchors (publication date, dates it
mentions, "the war's fifth month"). Candidate pairs come from an inverted index over each
article's most distinctive terms (blocking), so cost grows with the corpus, not its square.
Translations share few lemmas, so each article's nearest neighbours by its multilingual lead
vector (`digest.nlp.encoder`) are candidates too. A pair's score is text similarity, the
encoder's similarity (recentred: unrelated reports score below zero), the rare names both
print, and evidence that only one occasion gives (the same remark quoted, by the same speaker
where both name one; the same uncommon number), less a penalty that grows with the days between
them: a follow-up weeks later joins only on strong, specific evidence. Time anchors that cannot both hold forbid a pair. Average
linkage then merges groups while their mean score stays above a threshold: a single strong
pair cannot chain two merely similar stories together, and no group ever holds a forbidden pair.
An article left alone then joins the group it scores best with, if that is high enough, and so
does a group of a few articles that split off a larger one, if it prints the same rare names.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from digest import workers
from digest.align.linkage import average_linkage, pairs_sharing
from digest.memo import ByIdentity, ByValue
from digest.model import Extraction, Sentence
from digest.nlp.encoder import as_matrix
from digest.nlp.vocabulary import crude_stem

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# Verbs every news sentence uses: they say nothing about which event a text reports.
LIGHT_WORDS = frozenset({"say", "tell", "be", "have", "do", "make", "take", "add", "accord", "also", "'s"})
# Elapsed-time counts ("its fifth month") this many days apart may still be one moment, rounded.
CLOCK_SLACK_DAYS = 10
# Days between two reports cost GAP_WEIGHT per doubling of the weeks beyond GAP_GRACE days: a
# follow-up a month on needs the rare names or the remark that only one occasion gives.
GAP_GRACE, GAP_WEIGHT = 3, 0.1
# Mean pair score two groups need to merge (cosine scale plus evidence bonuses).
THRESHOLD = 0.42
# The multilingual encoder: each article's nearest leads are candidates; a pair's encoder
# cosine counts from ENCODER_CENTRE (unrelated reports sit near 0.06, look-alike events near
# 0.37, one event near 0.8 in any language), rounded so that thresholds never see float noise.
ENCODER_NEIGHBOURS, ENCODER_MIN = 10, 0.5
ENCODER_WEIGHT, ENCODER_CENTRE = 0.9, 0.5
# Names both articles print, weighted by rarity: names one or too many articles carry say nothing;
# a name in more than 3% of the corpus is the subject of a whole field (a league, a region), not of one event.
NAMES_WEIGHT, NAMES_MAX_SHARE = 0.25, 0.03
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# A lone article joins the group it scores best with when the mean reaches this; a small group
# (a few reports of one detail: an agent's comment on an offer) joins a larger one from GROUP_ATTACH.
ATTACH = 0.02
SMALL_GROUP, GROUP_ATTACH = 5, 0.15
# ... and only if the two groups print the same rare names (mean name cosine): reports of one event
# that split off share its places and people; a look-alike event elsewhere shares only its wording.
GROUP_NAMES = 0.05
QUOTE_WEIGHT = 0.4  # a remark quoted by both is strong evidence of one occasion
# One uncommon number both print (not a small count or a year: see specific_numbers) is
# already specific evidence on its own: "$184 million" in two reports of one offer.
NUMBER_BONUS, NUMBER_CAP = 0.15, 0.15
NEAR_RATIO, NEAR_MIN = 0.05, 100  # figures within 5% of each other, both at least 100
KEYS_PER_ARTICLE = 20  # blocking keys: an article's most distinctive terms
MAX_POSTINGS = 60  # a term in more articles than this is too common to block on


@dataclass(frozen=True)
class Series:
    """One occurrence in a numbered run of like events: "the fifth tour of the region since the
    war began" is kind (tour, region), number 5, anchor (war, began)."""

    kind: tuple[str, ...]  # content words between the ordinal and "since"; () when elided
    number: int
    anchor: tuple[str, ...]  # content words of the "since …" clause


@dataclass(frozen=True)
class Remark:
    """A direct quote's content words and the name words of whoever the digest found saying it
    (empty when nobody was found: a quote in the text that the quote stage did not attribute)."""

    words: frozenset[str]
    speakers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Profile:
    """What clustering needs to know about one article."""

    id: str
    language: str | None
    published: dt.date | None
    not_before: dt.date | None  # the latest full date the text mentions
    terms: Mapping[str, int]  # term → count
    quotes: tuple[Remark, ...]
    numbers: frozenset[str]
    clocks: tuple[tuple[int, int], ...]  # elapsed-time intervals in days ("fifth month")
    series: tuple[Series, ...] = ()  # numbered repeats: "his fifth tour … since the war began"
    figures: tuple[tuple[str, float], ...] = ()  # (measure, value) of each counted figure
    names: frozenset[str] = frozenset()  # casefolded canonical names of people, places, bodies


def cluster_topics(extractions: Sequence[Extraction]) -> tuple[tuple[str, ...], ...]:
    """Groups of article ids, one per event, each sorted; groups sorted by their first id."""
    profiles = profile_articles(extractions)
    vectors = weigh_terms([p.terms for p in profiles])
    leads = as_matrix([e.vector for e in extractions])
    names = weigh_names([p.names for p in profiles])
    pairs = sorted(set(candidate_pairs(vectors)) | set(encoder_neighbours(leads)))
    pairs = [(i, j) for i, j in pairs if compatible(profiles[i], profiles[j])]
    encoded = pair_cosines(leads, pairs)
    stable = unchanged_inputs(profiles, vectors, names, extractions)

    def score(k: int, i: int, j: int) -> float:
        kept = _SCORES.get((profiles[i].id, profiles[j].id)) if stable[i] and stable[j] else None
        if kept is not None:
            return kept
        made = (
            score_pair(profiles[i], profiles[j], vectors[i], vectors[j])
            + ENCODER_WEIGHT * (encoded[k] - ENCODER_CENTRE) * bool(extractions[i].vector and extractions[j].vector)
            + NAMES_WEIGHT * cosine(names[i], names[j])
            - gap_penalty(profiles[i], profiles[j])
        )
        return _SCORES.put(made, (profiles[i].id, profiles[j].id))

    scores = {(i, j): score(k, i, j) for k, (i, j) in enumerate(pairs)}
    allowed = lambda i, j: compatible(profiles[i], profiles[j])  # noqa: E731 - named once, used twice
    groups = average_linkage(len(profiles), scores, THRESHOLD, allowed)
    shared_names = lambda i, j: cosine(names[i], names[j])  # noqa: E731 - a pair's name affinity, for attach_small
    groups = attach_small(attach_singles(groups, scores, allowed), scores, allowed, shared_names)
    return tuple(sorted(tuple(sorted(profiles[i].id for i in g)) for g in groups))


# A pair's score is its two articles' alone (profile, term and name vectors, lead vector): in a
# long-lived process a pair of articles whose inputs are as the last build had them keeps its score
# (scoring 8,400 pairs was 40 % of clustering 1,000 articles on a one-seed edit, profiled).
_INPUTS: ByValue[tuple[object, ...]] = ByValue()
_SCORES: ByValue[float] = ByValue()


def unchanged_inputs(
    profiles: Sequence[Profile], vectors: Sequence[Mapping[str, float]], names: Sequence[Mapping[str, float]], extractions: Sequence[Extraction]
) -> list[bool]:
    """Whether each article's part of a pair score is what the last build scored it with."""
    stable = []
    for profile, vector, named, extraction in zip(profiles, vectors, names, extractions, strict=True):
        inputs = (profile, vector, named, extraction.vector)
        stable.append(_INPUTS.get(profile.id) == inputs)
        _INPUTS.put(inputs, profile.id)
    return stable


# --- words -------------------------------------------------------------------------------


def content_terms(sentence: Sentence) -> list[str]:
    """The sentence's content lemmas; a plain word split where the sentence carries no lemmas."""
    if sentence.lemmas:
        pairs = zip(sentence.lemmas, sentence.pos or ("NOUN",) * len(sentence.lemmas))
        words = [lemma.replace(",", "") for lemma, pos in pairs if pos in CONTENT_POS]
    else:
        words = [crude_stem(w) for w in re.findall(r"[\w'’.,-]*\w", sentence.text.lower())]
    return [w for w in words if w not in STOP_WORDS and w not in LIGHT_WORDS and any(c.isalnum() for c in w)]



def word_set(text: str) -> frozenset[str]:
    return frozenset(crude_stem(w) for w in re.findall(r"\w+", text.lower()) if w not in STOP_WORDS)


# --- profiles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Wording:
    """What an article's own words give its profile, whatever its names resolve to: kept by the
    identity of the article and its sentences, which renaming the corpus's names leaves alone."""

    terms: Counter[str]  # content lemma → count; never changed once made
    not_before: dt.date | None
    numbers: frozenset[str]
    clocks: tuple[tuple[int, int], ...]
    series: tuple[Series, ...]


# Reading the words was a third of a rebuild's clustering at 1,000 articles, and titling read them again.
_WORDINGS: ByIdentity[Wording] = ByIdentity()


def profile_articles(extractions: Sequence[Extraction]) -> list[Profile]:
    """Each extraction's profile; only wording not met before is read, in forked workers where that pays."""
    known = [_WORDINGS.get(e.article, e.sentences) for e in extractions]
    missing = [e for e, w in zip(extractions, known, strict=True) if w is None]
    fresh = workers.map_inherited(read_wording, missing, 50)
    read = iter([_WORDINGS.put(w, e.article, e.sentences) for e, w in zip(missing, fresh, strict=True)])
    wordings = [w if w is not None else next(read) for w in known]
    return [profile_article(e, w) for e, w in zip(extractions, wordings, strict=True)]


def wording_of(extraction: Extraction) -> Wording:
    known = _WORDINGS.get(extraction.article, extraction.sentences)
    return known if known is not None else _WORDINGS.put(read_wording(extraction), extraction.article, extraction.sentences)


def read_wording(extraction: Extraction) -> Wording:
    terms: Counter[str] = Counter()
    for sentence in extraction.sentences:
        terms.update(content_terms(sentence))
    text = extraction.article.text
    return Wording(terms, latest_mentioned_date(text), specific_numbers(extraction), find_clocks(text), find_series(text))


def profile_article(extraction: Extraction, wording: Wording) -> Profile:
    article = extraction.article
    terms = Counter(wording.terms)
    terms.update(f"entity:{m.canonical.casefold()}" for m in extraction.mentions)
    return Profile(
        id=article.id,
        language=(article.language or "").split("-")[0].lower() or None,
        published=parse_date(article.published),
        not_before=wording.not_before,
        terms=terms,
        quotes=find_quoted(extraction),
        numbers=wording.numbers,
        clocks=wording.clocks,
        series=wording.series,
        figures=tuple(sorted({(str(f.measure), f.value) for f in extraction.figures})),
        names=frozenset(m.canonical.casefold() for m in extraction.mentions if m.label in NAME_LABELS),
    )


def parse_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


_QUOTED = re.compile(r"[“\"«„]([^”\"»“]{15,})[”\"»“]")


def find_quoted(extraction: Extraction) -> tuple[Remark, ...]:
    """Each direct quote (the quote stage's quotes and any the text shows) with its speakers' names."""
    speakers: dict[frozenset[str], set[str]] = defaultdict(set)
    for quote in extraction.quotes:
        speakers[word_set(quote.text)].update(name_words(quote.speaker))
    for text in _QUOTED.findall(extraction.article.text):
        speakers.setdefault(word_set(text), set())  # a remark the quote stage did not attribute
    return tuple(sorted((Remark(w, frozenset(s)) for w, s in speakers.items() if len(w) >= 3), key=lambda r: sorted(r.words)))


def name_words(speaker: str | None) -> set[str]:
    """A speaker's name as words to compare ("Antony Blinken" meets "Blinken"); initials say little."""
    return {w for w in re.findall(r"\w+", (speaker or "").casefold()) if len(w) > 2}


_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\b")


_PERCENT = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)", re.I)


def specific_numbers(extraction: Extraction) -> frozenset[str]:
    """Numbers unlikely to recur by chance (not small counts, not years; any exact percentage
    but a round one), and the figures' values."""
    found = {f"{f.measure}:{f.value:g}" for f in extraction.figures}
    found.update(f"{m}%" for m in _PERCENT.findall(extraction.article.text) if float(m) % 10)
    for match in _NUMBER.finditer(extraction.article.text):
        value = float(match.group().replace(",", ""))
        if value >= 100 and not (1900 <= value <= 2100 and value.is_integer()):
            found.add(f"{value:g}")
    return frozenset(found)


# --- time anchors --------------------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH = "(" + "|".join(_MONTHS) + ")"
_FULL_DATE = re.compile(rf"\b(?:(\d{{1,2}})\s+{_MONTH}|{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?)\s+(\d{{4}})\b", re.I)
_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_ORDINALS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_ORDINAL_UNIT = re.compile(r"\b(\w+?)\s+(day|week|month|year)\b(?!s)", re.I)
_SPAN_OF = re.compile(r"\b(\d+|" + "|".join(_WORD_NUMBERS) + r")\s+(day|week|month|year)s\s+of\b", re.I)


def latest_mentioned_date(text: str) -> dt.date | None:
    """The latest day-month-year date a text names: it was written on or after that day."""
    dates = []
    for day1, month1, month2, day2, year in _FULL_DATE.findall(text):
        try:
            dates.append(dt.date(int(year), _MONTHS[(month1 or month2).lower()], int(day1 or day2)))
        except ValueError:
            continue
    return max(dates) if dates else None


def find_clocks(text: str) -> tuple[tuple[int, int], ...]:
    """How long something has lasted, as the text counts it: "its fifth month", "10 months of war".

    Each becomes an interval of days; two reports of one moment count compatible intervals.
    """
    clocks: set[tuple[int, int]] = set()
    for word, unit in _ORDINAL_UNIT.findall(text):
        n = ordinal_value(word.lower())
        if n:
            clocks.add(((n - 1) * _UNIT_DAYS[unit.lower()], n * _UNIT_DAYS[unit.lower()]))
    for word, unit in _SPAN_OF.findall(text):
        n = int(word) if word.isdigit() else _WORD_NUMBERS[word.lower()]
        days = _UNIT_DAYS[unit.lower()]
        clocks.add(((n - 1) * days, (n + 1) * days))  # "10 months" is often rounded
    return tuple(sorted(clocks))


_ORDINAL = "(?:" + "|".join(list(_ORDINALS)[1:]) + r"|\d+(?:st|nd|rd|th))"
# An ordinal, up to six words naming what is counted, then "since" and the start of the count.
_SERIES = re.compile(rf"\b({_ORDINAL})((?:\s+[\w'’-]+){{0,6}}?)\s+since\s+([^.,;:!?()\n—–]+)", re.I)
ANCHOR_WORDS = 6


def find_series(text: str) -> tuple[Series, ...]:
    """Numbered repeats counted from a starting point: "his fifth tour of the Middle East since
    the conflict began", "his ninth since the conflict began" (what is counted left implicit).

    Elapsed time ("the fifth month since …") is left to the clocks, which allow for rounding.
    """
    found = set()
    for ordinal, between, since in _SERIES.findall(text):
        kind = tuple(sorted(word_set(between)))
        if kind and any(w.rstrip("s") in _UNIT_DAYS for w in kind):
            continue
        anchor = tuple(sorted(word_set(" ".join(since.split()[:ANCHOR_WORDS]))))
        number = ordinal_value(ordinal.lower())
        if anchor and number:
            found.add(Series(kind, number, anchor))
    return tuple(sorted(found, key=lambda s: (s.anchor, s.kind, s.number)))


def series_agree(a: Sequence[Series], b: Sequence[Series]) -> bool:
    """False when both number one run differently: the fifth and the ninth tour are two occasions.

    One run: the same starting point, and the same kind of event, where one wording may say
    less ("his ninth tour", "his ninth") but not something else ("visit to Cairo" is not
    "visit to Doha")."""
    return not any(x.number != y.number and nested(x.anchor, y.anchor) and nested(x.kind, y.kind) for x in a for y in b)


def nested(x: Sequence[str], y: Sequence[str]) -> bool:
    """Whether one word set holds the other: one of two wordings adds detail, neither departs."""
    return set(x) <= set(y) or set(y) <= set(x)


def ordinal_value(word: str) -> int | None:
    if word in _ORDINALS:
        return _ORDINALS[word]
    if not word[:1].isdigit():  # the test first: it is asked of every word of every statement
        return None
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(match.group(1)) if match else None


def clocks_agree(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> bool:
    """False only when both count elapsed time and no count of one fits any count of the other."""
    if not a or not b:
        return True
    return any(x0 <= y1 + CLOCK_SLACK_DAYS and y0 <= x1 + CLOCK_SLACK_DAYS for x0, x1 in a for y0, y1 in b)


def compatible(a: Profile, b: Profile) -> bool:
    """Whether two articles may report one event at all: moments that can coincide. Language is
    no bar (a translation is the same report), nor is time alone (see `gap_penalty`)."""
    return clocks_agree(a.clocks, b.clocks) and series_agree(a.series, b.series)


def gap_days(a: Profile, b: Profile) -> int:
    """Days between the two reports' moments: their publication dates, or a date one mentions
    after the other was published."""
    gaps = [abs((a.published - b.published).days)] if a.published and b.published else []
    gaps += [(y.not_before - x.published).days for x, y in ((a, b), (b, a)) if x.published and y.not_before]
    return max(gaps, default=0)


def gap_penalty(a: Profile, b: Profile) -> float:
    weeks = max(0, gap_days(a, b) - GAP_GRACE) / 7
    return GAP_WEIGHT * math.log2(1 + weeks)


# --- similarity ----------------------------------------------------------------------------


def weigh_terms(counts: Sequence[Mapping[str, int]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors; smoothed IDF, so a tiny corpus still compares shared words."""
    df = Counter(t for c in counts for t in c)
    n = len(counts)
    # Each term's IDF and each count's weight once, not once per article (the same expressions, the same bits).
    idf = {t: math.log((n + 1) / (k + 1)) + 1 for t, k in df.items()}
    tf = {k: 1 + math.log(k) for k in {k for c in counts for k in c.values()}}
    vectors = []
    for c in counts:
        v = {t: tf[k] * idf[t] for t, k in c.items()}
        norm = math.sqrt(math.fsum(x * x for x in v.values())) or 1.0
        vectors.append({t: x / norm for t, x in v.items()})
    return vectors


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    # Over the shared terms only (the set intersection runs in C: 1.7 of 3.9 s of clustering 1,000
    # articles went on the others' zeros); fsum is exact, so the order a set gives them cannot move the bits.
    return math.fsum(a[t] * b[t] for t in a.keys() & b.keys())


def candidate_pairs(vectors: Sequence[Mapping[str, float]]) -> list[tuple[int, int]]:
    """Pairs sharing at least two of their most distinctive terms, via an inverted index.

    Each article posts at most KEYS_PER_ARTICLE keys and a key with more than MAX_POSTINGS
    articles is dropped, so the work is at most N·KEYS·MAX_POSTINGS: linear in N.
    """
    # A term only one article uses can pair nothing, yet TF-IDF ranks such terms highest: left
    # in, they crowd a short article's key slots and its shared places and names never post.
    df = Counter(t for v in vectors for t in v)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(vectors):
        shared = [t for t in v if df[t] > 1]
        # Only terms at least as heavy as the KEYS-th heaviest can be among the keys: sort those alone.
        least = min(heapq.nlargest(KEYS_PER_ARTICLE, [v[t] for t in shared]), default=0.0)
        for term in sorted((t for t in shared if v[t] >= least), key=lambda t: (-v[t], t))[:KEYS_PER_ARTICLE]:
            postings[term].append(i)
    return pairs_sharing(postings, MAX_POSTINGS, at_least=2)


def encoder_neighbours(leads: np.ndarray, block: int = 512) -> list[tuple[int, int]]:
    """Each article's ENCODER_NEIGHBOURS nearest leads above ENCODER_MIN, a block of rows at a
    time: memory stays block × N however large the corpus."""
    found: set[tuple[int, int]] = set()
    k = min(ENCODER_NEIGHBOURS + 1, len(leads))
    for start in range(0, len(leads), block):
        sims = np.round(leads[start : start + block] @ leads.T, 3)
        nearest = np.argpartition(-sims, k - 1, axis=1)[:, :k] if k else np.zeros((len(sims), 0), int)
        for row, columns in enumerate(nearest):
            i = start + row
            found.update((min(i, int(j)), max(i, int(j))) for j in columns if j != i and sims[row, j] >= ENCODER_MIN)
    return sorted(found)


def pair_cosines(leads: np.ndarray, pairs: Sequence[tuple[int, int]]) -> list[float]:
    if not pairs:
        return []
    first, second = (np.array(side) for side in zip(*pairs))
    return [float(x) for x in np.round(np.einsum("ij,ij->i", leads[first], leads[second]), 3)]


def weigh_names(names: Sequence[frozenset[str]]) -> list[dict[str, float]]:
    """Unit vectors over the names each article prints, by their rarity: a name only one article
    prints pairs nothing, one that most print (the country every report is about) says little."""
    df = Counter(n for s in names for n in s)
    most = max(2, int(NAMES_MAX_SHARE * len(names)))
    vectors = []
    for s in names:
        v = {n: math.log(len(names) / df[n]) for n in s if 1 < df[n] <= most}
        norm = math.sqrt(math.fsum(x * x for x in v.values())) or 1.0
        vectors.append({n: x / norm for n, x in v.items()})
    return vectors


def score_pair(a: Profile, b: Profile, va: Mapping[str, float], vb: Mapping[str, float]) -> float:
    shared = len(a.numbers & b.numbers) + near_figures(a.figures, b.figures)
    numbers = min(NUMBER_CAP, NUMBER_BONUS * shared)
    return cosine(va, vb) + QUOTE_WEIGHT * quote_overlap(a.quotes, b.quotes) + numbers


def near_figures(a: Sequence[tuple[str, float]], b: Sequence[tuple[str, float]]) -> int:
    """How many quantities both count with close but unequal values: a toll that rose overnight
    (1,180 then 1,203), or one outlet's rounding ("more than 1,200"). Equal values are already
    shared numbers; small counts are left out, as they agree by chance."""
    pairs = [((m, x), (n, y)) for m, x in a for n, y in b if m == n and x != y and close_values(x, y)]
    return min(len({p for p, _ in pairs}), len({q for _, q in pairs}))  # each figure counts once


def close_values(x: float, y: float) -> bool:
    return min(x, y) >= NEAR_MIN and abs(x - y) <= NEAR_RATIO * max(x, y)


def quote_overlap(a: Sequence[Remark], b: Sequence[Remark]) -> float:
    """How much of the closest pair of quotes is the same words: one remark in two wordings. Stock
    remarks ("we need tents, clean water and medicine") recur at every disaster in other mouths:
    two quotes whose speakers are both known and differ are not one remark."""
    return max((len(x.words & y.words) / min(len(x.words), len(y.words)) for x in a for y in b if same_speaker(x, y)), default=0.0)


def same_speaker(a: Remark, b: Remark) -> bool:
    return not (a.speakers and b.speakers) or bool(a.speakers & b.speakers)


# --- grouping ------------------------------------------------------------------------------


def attach_singles(
    groups: list[list[int]], scores: Mapping[tuple[int, int], float], allowed: Callable[[int, int], bool]
) -> list[list[int]]:
    """Each article linkage left alone joins the group whose mean score with it is highest, if
    that reaches ATTACH: a short report shares less with each member than they share together."""
    group_of = {i: k for k, g in enumerate(groups) for i in g}
    links: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for (i, j), s in scores.items():
        links[i][group_of[j]] += s
        links[j][group_of[i]] += s
    moves = {}
    for k, g in enumerate(groups):
        if len(g) != 1:
            continue
        i = g[0]
        means = [(s / len(groups[t]), t) for t, s in links[i].items() if len(groups[t]) > 1]
        best = max(means, default=(0.0, -1))
        if best[1] >= 0 and best[0] >= ATTACH and all(allowed(i, j) for j in groups[best[1]]):
            moves[k] = best[1]
    joined = [list(g) for g in groups]
    for k, target in sorted(moves.items()):
        joined[target].extend(groups[k])
        joined[k] = []
    return sorted((sorted(g) for g in joined if g), key=min)


def attach_small(
    groups: list[list[int]],
    scores: Mapping[tuple[int, int], float],
    allowed: Callable[[int, int], bool],
    shared_names: Callable[[int, int], float],
) -> list[list[int]]:
    """Each group of 2..SMALL_GROUP articles joins the larger group its mean score is highest with,
    if that reaches GROUP_ATTACH and their mean `shared_names` reaches GROUP_NAMES: linkage stops
    where the mean over a big group thins out, though the few reports that split off still share
    the event's rare names with it. A group that receives another does not move itself, so no
    article travels twice."""
    group_of = {i: k for k, g in enumerate(groups) for i in g}
    links: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for (i, j), s in scores.items():
        if group_of[i] != group_of[j]:
            links[group_of[i]][group_of[j]] += s
            links[group_of[j]][group_of[i]] += s
    moves = {}
    for k, g in enumerate(groups):
        if not 2 <= len(g) <= SMALL_GROUP:
            continue
        means = [(s / (len(g) * len(groups[t])), t) for t, s in links[k].items() if len(groups[t]) > len(g)]
        best = max(means, default=(0.0, -1))
        if best[1] >= 0 and best[0] >= GROUP_ATTACH and joinable(g, groups[best[1]], allowed, shared_names):
            moves[k] = best[1]
    joined = [list(g) for g in groups]
    for k, target in sorted(moves.items()):
        if target not in moves:
            joined[target].extend(groups[k])
            joined[k] = []
    return sorted((sorted(g) for g in joined if g), key=min)


def joinable(
    small: Sequence[int], large: Sequence[int], allowed: Callable[[int, int], bool], shared_names: Callable[[int, int], float]
) -> bool:
    if not all(allowed(i, j) for i in small for j in large):
        return False
    return sum(shared_names(i, j) for i in small for j in large) / (len(small) * len(large)) >= GROUP_NAMES
