"""Grouping: one quantity across a topic's articles, agreed, divergent or single. Needs no spaCy."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from digest.figures.meaning import Encode, merge_by_meaning
from digest.figures.values import (
    as_of_date,
    base_unit,
    base_value,
    days_apart,
    decimals,
    is_earlier_value,
    significant_digits,
    strip_article,
    token_value,
)
from digest.figures.words import (
    BARE_RATIO,
    CONVERSION_SHARE,
    FRACTION_PRECISION,
    FRACTION_TEXT,
    GENERIC_PEOPLE,
    INTERCHANGEABLE_MEASURES,
    MAGNITUDE_GAP,
    MEASUREMENT_UNITS,
    PERCENT_KINDS,
    PLACE_KEY_KINDS,
    POST_NOUNS,
    REPORT_NOUNS,
    ROUNDED_CONVERSION,
    STATUS_ORDER,
    VALUE_NOUNS,
    VALUE_RATIO,
    WORK_KIND,
    WORKER_THING,
)
from digest.model import Figure, FigureGroup, Measure, Status, Within


def group_key(figure: Figure) -> tuple[str, str, bool]:
    """Values are compared only within one (who, in what unit); measures, places and windows must agree."""
    who = "people" if figure.counted in GENERIC_PEOPLE else base_unit(figure)
    # "108 deputies voting in favour" is "108 for": whoever casts them, a tally counts votes
    who = "vote" if str(figure.measure) in {"voted for", "voted against"} else who
    who = "percentage point" if who == "basis point" else who  # 25 basis points are 0.25 points
    # A running count comes as a total and as increments ("120 in the last 24 hours"): a count's
    # window keys it. A measurement of one event is written with or without its window.
    # A background figure (another event's toll) is never a value of the story's own quantity.
    return (who, "" if figure.counted in MEASUREMENT_UNITS else period_key(figure.period), figure.context)


def period_key(period: str | None) -> str:
    """ "twelve hours" is "12 hours": a window compares by its words with numbers as digits."""
    words = (period or "").lower().split()
    return " ".join(f"{token_value(w):g}" if token_value(w) is not None else w for w in words)


def measure_key(figure: Figure) -> Measure | None:
    """The measure, or None for a thing counted with no measure word ("2,317 buildings"), which
    may join a cluster of the same thing measured ("2,300 buildings destroyed"). Not for people:
    a bare count of people (residents, crowds) is too often a different quantity."""
    label = str(figure.measure)
    bare = label == figure.counted and figure.counted not in GENERIC_PEOPLE
    return None if bare or label in VALUE_NOUNS else figure.measure


def place_key(place: str | None) -> str:
    words = strip_article(place or "").lower().replace("'s", "").split()
    while len(words) > 1 and words[-1] in PLACE_KEY_KINDS:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class Nesting:
    """The (inner, outer) place keys a topic's articles write one within the other, closed under
    "within a place within": Stadiou Street in Athens, Athens in Greece."""

    pairs: frozenset[tuple[str, str]] = frozenset()

    def agree(self, places: Iterable[str]) -> bool:
        """Whether one quantity may have been counted at all these places: one place, or one place
        that lies within each of the others (Qeshm, written as Qeshm, the Persian Gulf and
        Hormozgan). Two places side by side (Athens, Thessaloniki) are two quantities, though both
        lie in Greece."""
        distinct = set(places)
        return len(distinct) <= 1 or any(all(p == q or (p, q) in self.pairs for q in distinct) for p in distinct)


NO_NESTING = Nesting()


def nest_places(nesting: Iterable[Within]) -> Nesting:
    pairs = {(place_key(w.inner), place_key(w.outer)) for w in nesting}
    pairs = {(a, b) for a, b in pairs if a != b}
    while grown := {(a, d) for a, b in pairs for c, d in pairs if b == c and a != d} - pairs:
        pairs |= grown
    return Nesting(frozenset(pairs))


def group_figures(
    figures: Sequence[Figure], contexts: Mapping[Figure, bytes] | Encode | None = None, nesting: Nesting = NO_NESTING
) -> tuple[FigureGroup, ...]:
    """One group per quantity: blocked by key, then split by place and where values lie too far
    apart; with `contexts` (each figure's context vector, or what encodes the figures asked for),
    clusters that count one thing in other words are then joined by meaning (`digest.figures.meaning`).
    Places agree when they are one, or when the articles write one within the others (`nesting`)."""
    blocks: dict[tuple[str, str, bool], list[Figure]] = {}
    for figure in figures:
        blocks.setdefault(group_key(figure), []).append(figure)
    clusters = [c for key in sorted(blocks) for c in cluster_values(blocks[key], nesting)]
    if contexts:
        clusters = merge_by_meaning(clusters, contexts, nesting)
    groups = [make_group(c) for c in clusters]
    return tuple(sorted(groups, key=group_order))


def cluster_values(block: Sequence[Figure], nesting: Nesting = NO_NESTING) -> list[list[Figure]]:
    """Placed and measured figures first, then ascending by value; each joins the nearest cluster it fits.

    A figure that names no place may join a cluster of one place (outlets often leave the
    place of a toll implicit); figures naming two different places share a cluster only where
    one lies within the other (`Nesting`).
    A repeat of the same value by the same article is the same figure said twice: dropped.
    """
    clusters: list[list[Figure]] = []
    # A value several articles write is the likeliest core of a quantity: it seeds clusters before
    # a lone value near it ("between 30 and 40 coaches" beside two outlets' 40).
    agreeing = {v: len({f.article for f in block if f.value == v}) for v in {f.value for f in block}}
    order = sorted(block, key=lambda f: (is_earlier_value(f), f.place is None, measure_key(f) is None, f.measure.whole is None, -agreeing[f.value], f.value, f.article, f.sentence))
    for figure in order:
        if any(f.article == figure.article and f.value == figure.value for c in clusters for f in c):
            continue
        # "17 dead, up from 12", "between 30 and 40 coaches", "seven km (4 miles)": the same
        # quantity as the count the sentence gives beside it, though the article then gives it twice.
        mates = [c for c in clusters if any((same_sentence(f, figure) and is_earlier_value(figure)) or converts(f, figure) for f in c)]
        fitting = [c for c in mates if fits([f for f in c if f.article != figure.article], figure, nesting, c)]
        if fitting:
            fitting[0].append(figure)
            continue
        fitting = [c for c in clusters if fits(c, figure, nesting)]
        if fitting:
            min(fitting, key=lambda c: distance(c, figure)).append(figure)
        else:
            clusters.append([figure])
    return join_earlier_values(clusters, nesting)


def join_earlier_values(clusters: list[list[Figure]], nesting: Nesting = NO_NESTING) -> list[list[Figure]]:
    """A sentence that gives a count's earlier value beside its new one ("widened the recall to
    52 batches from 37") says the two are one quantity: the cluster the earlier value joined (the
    other outlets' 37) and the one its new value joined (52) are one, however far apart the values,
    where places, windows and measures agree and no other article gives a value in both."""
    for figure in [f for c in clusters for f in c if is_earlier_value(f)]:
        home = next(c for c in clusters if figure in c)
        for mate in clusters:
            new = [f for f in mate if same_sentence(f, figure) and not is_earlier_value(f)]
            if mate is not home and new and may_join(home, mate, figure.article, nesting):
                home.extend(mate)
                mate.clear()
                break
    return [c for c in clusters if c]


def may_join(first: Sequence[Figure], second: Sequence[Figure], article: str, nesting: Nesting = NO_NESTING) -> bool:
    if {f.article for f in first} & {f.article for f in second} - {article}:
        return False
    members = [*first, *second]
    periods = {period_key(f.period) for f in members if f.period}
    measures = all(measures_agree(measure_key(a), measure_key(b)) for a, b in itertools.combinations(members, 2))
    return places_agree(members, nesting) and len(periods) <= 1 and measures


def converts(first: Figure, second: Figure) -> bool:
    """Two measurements one sentence gives in two units, of one value: "seven km (4 miles)",
    "1,150 kilometers (700 miles)", a conversion rounded as its writer saw fit."""
    units = first.unit is not None and second.unit is not None and first.unit != second.unit
    if not (units and same_sentence(first, second) and base_unit(first) == base_unit(second)):
        return False
    one, other = base_value(first), base_value(second)
    return abs(one - other) <= ROUNDED_CONVERSION * max(one, other)


def same_sentence(first: Figure, second: Figure) -> bool:
    return first.article == second.article and first.sentence == second.sentence


def places_agree(figures: Iterable[Figure], nesting: Nesting) -> bool:
    return nesting.agree(place_key(f.place) for f in figures if f.place)


def fits(cluster: Sequence[Figure], figure: Figure, nesting: Nesting = NO_NESTING, whole: Sequence[Figure] | None = None) -> bool:
    """Whether `figure` may join `cluster`; with `whole`, measures, places and values are checked
    against all of `whole` but the one-value-per-article rule only against `cluster`."""
    members = (*(cluster if whole is None else whole), figure)
    # A measurement's window one outlet leaves unsaid ("150 mm of rain" beside "150 mm in twelve
    # hours") may be the same; two different windows never are.
    periods = {period_key(f.period) for f in members if f.period}
    measures = [measure_key(f) for f in members]
    same_article = any(f.article == figure.article for f in cluster)
    agree = places_agree(members, nesting) and len(periods) <= 1 and all(
        measures_agree(measure_key(a), measure_key(b)) or are_twins(a, b) for a, b in itertools.combinations(members, 2)
    )
    return agree and not same_article and values_close(members, all(measures))


def are_twins(first: Figure, second: Figure) -> bool:
    """One measurement written alike by two outlets: the same precise value in the same unit
    ("4.75%", "€1.2bn") measures one thing, however differently each sentence reads around it
    (a pronoun subject, a translator's word order). Round values ("2%", "10 km") recur by chance,
    a rise is never a fall, and two kinds of one thing stay two."""
    if base_unit(first) != base_unit(second) or first.counted not in MEASUREMENT_UNITS or base_value(first) != base_value(second):
        return False
    directions = {m.change for m in (first.measure, second.measure) if m.change is not None and m.thing}
    kinds = [m.first_kind() for m in (first.measure, second.measure)]
    bases = {str(m.without_kinds()) for m in (first.measure, second.measure)}
    if len(bases) == 1 and all(kinds):
        return False  # "rate (discount)" and "rate (deposit)": two kinds said outright
    return min(significant_digits(first.text), significant_digits(second.text)) >= 2 and len(directions) <= 1


def measures_agree(first: Measure | None, second: Measure | None) -> bool:
    """Equal measures, or one that leaves the whole or kind unsaid: "share for X" is "share of the
    vote for X", "rate" may be "rate (repo)"; but "rate (repo)" is never "rate (discount)"."""
    if first is None or second is None:
        return True
    one, other = str(first).casefold(), str(second).casefold()
    if frozenset({one, other}) in INTERCHANGEABLE_MEASURES:
        return True
    return one in loosened(second) or other in loosened(first) or closed_kind(one, other) or closed_kind(other, one)


def closed_kind(kind: str, general: str) -> bool:
    """A kind written as one word ("share of homeowner") is a kind of its last part ("share of
    owner"), as "home owner" would be. Short parts are left alone: a woman is no kind of man,
    a nonvoter no kind of voter."""
    words, others = kind.split(), general.split()
    differ = [(a, b) for a, b in zip(words, others) if a != b]
    if len(words) != len(others) or len(differ) != 1:
        return False
    word, tail = differ[0]
    return word.endswith(tail) and len(tail) >= 5 and len(word) - len(tail) >= 4


def loosened(measure: Measure) -> set[str]:
    """The labels a measure may stand for when one outlet says less: without its whole, its kinds, or both."""
    bare = measure.without_kinds()
    forms = {measure, measure.without_whole(), bare, bare.without_whole(), *agent_nouns(measure)}
    return {str(form).casefold() for form in forms}


def agent_nouns(measure: Measure) -> set[Measure]:
    """ "staff (driving)" may be "driver", "drive" or "drivor": whichever the other outlet wrote."""
    if measure.kind is not None or measure.whole is None:
        return {replace(measure, thing=t, kind=None) for t in agent_things(measure)}
    return {replace(measure, whole=whole) for whole in agent_nouns(measure.whole)}


def agent_things(measure: Measure) -> list[str]:
    thing = measure.thing.casefold()
    found = WORKER_THING.search(thing)
    kind = WORK_KIND.fullmatch(measure.kind.casefold()) if measure.kind and found else None
    if found is None or kind is None:
        return []
    return [thing[: found.start()] + kind.group(1) + ending for ending in ("er", "e", "or")]


def values_close(figures: Sequence[Figure], measured: bool) -> bool:
    """Counts within a ratio; percentages within one unit of the coarsest written precision
    (34.2% may be written "about 34%", but 3.50% is not 3.75%);
    magnitudes within half a unit (agencies differ by a few tenths); other measurements closer
    than counts, since a measured quantity is rounded but rarely restated."""
    unit, values = figures[-1].counted, [base_value(f) for f in figures]
    low, high = min(values), max(values)
    if unit in PERCENT_KINDS:
        points = [in_points(f, f.value) for f in figures]
        return max(points) - min(points) <= max(share_precision(f) for f in figures)
    if unit == "magnitude":
        return high - low <= MAGNITUDE_GAP
    if unit in MEASUREMENT_UNITS or not measured:
        return low >= BARE_RATIO * high
    return all(
        min(base_value(a), base_value(b)) >= VALUE_RATIO ** days_apart(a, b) * max(base_value(a), base_value(b))
        for a, b in itertools.combinations(figures, 2)
    )


def share_precision(figure: Figure) -> float:
    """How far either side of its value a percentage, point or fraction may lie, in points."""
    if figure.counted == "%" and not re.search(r"\d", figure.text) and FRACTION_TEXT.search(figure.text):
        return FRACTION_PRECISION
    return in_points(figure, 10.0 ** -decimals(figure.text))


def in_points(figure: Figure, value: float) -> float:
    """A value in percentage points: a basis point is a hundredth of one."""
    return value / 100 if figure.counted == "basis point" else value


def distance(cluster: Sequence[Figure], figure: Figure) -> float:
    """How far a value lies from a cluster's values, by ratio (min() keeps the older cluster on ties)."""
    mine = in_points(figure, base_value(figure))
    return min(abs(math.log(in_points(f, base_value(f)) / mine)) if f.value and mine else 0.0 for f in cluster)


def make_group(cluster: Sequence[Figure]) -> FigureGroup:
    values = tuple(sorted(cluster, key=lambda f: (f.article, f.sentence, f.value)))
    status: Status
    if len({f.article for f in values}) == 1:
        status = "single"
    elif all(same_value(a, b) or converts(a, b) for a, b in itertools.combinations(values, 2)):
        status = "agreed"
    elif is_progression(values):
        status = "progression"
        # an earlier value ("from 37") first on its day: the day's last value is the one it holds
        values = tuple(sorted(values, key=lambda f: (as_of_date(f) or "", not is_earlier_value(f), f.value, f.article, f.sentence)))
    else:
        status = "divergent"
    # The longest label says most, but one that names only a report of the value ("estimates in
    # crowns", of "the damage the region estimates at …") says less than any other, and one of
    # the posts lost ("jobs") says more than one of the people who lose them ("employees").
    label = min(values, key=lambda f: (f.measure.thing in REPORT_NOUNS, f.noun not in POST_NOUNS, -len(f.label), f.label)).label
    return FigureGroup(label=label, status=status, values=values, context=all(f.context for f in values))


def same_value(first: Figure, second: Figure) -> bool:
    """One value: equal in the common unit, or, written in two units, equal but for the rounding
    of a conversion (`CONVERSION_SHARE`)."""
    one, other = base_value(first), base_value(second)
    converted = first.unit is not None and second.unit is not None and first.unit != second.unit
    if one == other or not converted:
        return one == other
    written = max(0.5 * 10.0 ** -decimals(f.text) * (base_value(f) / f.value if f.value else 1.0) for f in (first, second))
    return abs(one - other) <= max(written, CONVERSION_SHARE * max(one, other))


def is_progression(values: Sequence[Figure]) -> bool:
    """Different values, each the only one given for its as-of date: a count that moved over
    days, not outlets that disagree. One undated value, or two values for one day, is a
    disagreement a reader must see (the seeds' 27,708 beside "at least 27,585").

    A day known only from the article's date is weaker evidence: two outlets a day apart may
    simply disagree (21 seats against 20, a turnout of 61.4% against "over 61"). Such values are
    a progression only when they count (no unit) and never fall from one day to the next, as a
    running toll does ("52 batches", then "nearly 1.7 million packs")."""
    current = [f for f in values if not is_earlier_value(f)]  # "52 from 37": 37 held the day before
    by_day: dict[str, set[float]] = {}
    for figure in current:
        day = as_of_date(figure)
        if day is None:
            return False
        by_day.setdefault(day, set()).add(base_value(figure))
    if len(by_day) < 2 or any(len(day) != 1 for day in by_day.values()):
        return False
    if all(f.as_of for f in current):
        return True
    daily = [next(iter(by_day[day])) for day in sorted(by_day)]
    return all(f.unit is None for f in current) and all(a <= b for a, b in itertools.pairwise(daily))


def group_order(group: FigureGroup) -> tuple[int, float, str, str, int]:
    first = group.values[0]
    return (STATUS_ORDER[group.status], -max(f.value for f in group.values), group.label, first.article, first.sentence)
