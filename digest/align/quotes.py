"""Quotes grouped across a topic's articles: one group per remark, each article's wording a variant.

See `group_quotes` (and `split_run_together` for quotes one outlet runs together). Works on
`Quote` values alone (their lemmas were kept at extraction), never on a spaCy doc.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz, utils
from spacy.lang.en.stop_words import STOP_WORDS

from digest.model import Quote, QuoteGroup
from digest.nlp.vocabulary import ROLE_NOUNS, SYNONYMS, stem

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
# By meaning (the multilingual encoder's cosine of the two wordings): a paraphrase or a
# translation shares few words. One speaker's remarks on one story differ more than their
# rewordings do (eval, dev-dev3: other remarks of one speaker stay below 0.4); with a speaker
# unknown on one side only a translation vouches for the match (translations of one remark
# score 0.71-0.9, the closest two speakers' remarks on those sets 0.54).
MEANING_BAR = 0.45
MEANING_BAR_UNKNOWN = 0.7
# A fragment of another outlet's longer quote ("a betrayal of the voters" inside the whole
# sentence) is that remark when it runs this many words on; with no known speaker, more.
# One of its words must be a content word, except in a run this long from one known speaker:
# the list of stop words holds "serious", "every" and "out", so "This is serious" and "until
# every one of them is out" have none, yet an exact run of one person's words is their remark.
MIN_FRAGMENT_WORDS = 2
MIN_FRAGMENT_WORDS_UNKNOWN = 4
MIN_PLAIN_FRAGMENT_WORDS = 3
# A run of this many words, word for word, in two outlets' quotes is one remark whoever each
# names as its speaker: one of the attributions is wrong ("…," Nichols said / his lawyer said),
# and a reader should see the words once, with both names.
VERBATIM_WORDS = 8
# Words an outlet may open its cut of a remark with, where the whole says another ("This should …").
OPENING_WORDS = frozenset({"it", "this", "that", "and", "but", "so"})
_QUOTE_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-Z])")
_DERIVATIONS = ("ation", "ition", "ment", "ion", "ate", "ise", "ize", "ing", "er", "or", "e")


@dataclass(frozen=True)
class Terms:
    """A quote's content words, each with the keys it meets others by (stem and synonym senses)."""

    words: frozenset[str]
    keys: dict[str, frozenset[str]]

    @property
    def all_keys(self) -> frozenset[str]:
        return frozenset().union(*self.keys.values()) if self.keys else frozenset()


def group_quotes(
    quotes: Sequence[Quote], vectors: Mapping[Quote, bytes] | None = None, names: Mapping[str, frozenset[str]] | None = None
) -> tuple[QuoteGroup, ...]:
    """One group per remark, each article's wording a variant; never two variants of one article,
    unless they are two parts of the remark another article quotes whole (`parts_of_one_remark`).

    Candidate pairs come from blocks of one speaker (a quote with no known speaker meets those
    sharing a content word), so cost follows block sizes, not the corpus's square. Accepted
    pairs are merged best first; a merge that would put two quotes of one article (but for such
    parts), or two known speakers, or two quotes that share neither a content word nor a meaning,
    in one group is refused. `vectors` (each quote's encoder vector) let paraphrases and translations meet;
    `names` (each article's words and entity names, casefolded) tell whom an article names.
    """
    items = split_run_together(sorted(set(quotes), key=quote_order))
    terms = [quote_terms(q) for q in items]
    rarity = rarity_weights(terms)
    meaning = Meaning(items, vectors or {})
    scored = []
    for i, j in candidate_pairs(items, terms, meaning):
        score = fragment_score(items[i], items[j]) or (1.0 if verbatim(items[i], items[j]) else None)
        if not speaker_unnamed(items[i], items[j], names or {}):
            alike = max(similarity(items[i], items[j], terms[i], terms[j], rarity) or 0.0, meaning.score(i, j) or 0.0)
            score = max(score or 0.0, alike) or None
        if score is not None:
            scored.append((score, i, j))
    clusters = merge_pairs(items, terms, sorted(scored, key=lambda t: (-t[0], t[1], t[2])), meaning)
    groups = [QuoteGroup(group_speaker(c), tuple(sorted(c, key=quote_order))) for c in clusters]
    return tuple(sorted(groups, key=lambda g: (-len(g.variants), quote_order(g.variants[0]))))


def resolve_roles(quotes: Sequence[Quote]) -> list[Quote]:
    """Each quote whose speaker its article gives only by role ("the mayor said") with the one
    speaker another article quotes under that title ("Mayor Tomasz Wierzbicki"): every word of
    the description in the title. Two people of that title, or none, leave it unresolved."""
    titled = [(q.article, q.speaker, frozenset(q.role)) for q in quotes if q.speaker and q.role]
    resolved = []
    for quote in quotes:
        if not quote.speaker and quote.role:
            words = set(quote.role)
            holders = {speaker for article, speaker, title in titled if article != quote.article and words <= title}
            if len(holders) == 1:
                quote = replace(quote, speaker=holders.pop())
        resolved.append(quote)
    return resolved


def resolve_surnames(quotes: Sequence[Quote]) -> list[Quote]:
    """Each quote whose article names its speaker by surname alone ("Payton said") with the one
    speaker of that surname whom another article names in full ("Sean Payton"). Two such people,
    or none, leave it as written."""
    full = {q.speaker for q in quotes if q.speaker and " " in q.speaker}
    resolved = []
    for quote in quotes:
        if quote.speaker and " " not in quote.speaker:
            holders = {name for name in full if name.split()[-1] == quote.speaker}
            if len(holders) == 1:
                quote = replace(quote, speaker=holders.pop())
        resolved.append(quote)
    return resolved


def speaker_unnamed(a: Quote, b: Quote, names: Mapping[str, frozenset[str]]) -> bool:
    """One quote's speaker is known and the other's article never names them. An unattributed
    remark there is then likelier someone else's ("a spokeswoman said", in a story about
    another agency) than theirs: only an exact run of their words joins it, not a likeness."""
    if bool(a.speaker) == bool(b.speaker):
        return False
    known, unknown = (a, b) if a.speaker else (b, a)
    said = names.get(unknown.article)
    speaker = (known.speaker or "").casefold()
    surname = re.findall(r"\w+", speaker)[-1:]  # "Thani" of "al-Thani", however the article writes "Al-"
    return said is not None and speaker not in said and not said.issuperset(surname) and not one_role(known, unknown)


def one_role(known: Quote, unknown: Quote) -> bool:
    """The unnamed speaker is described by a role noun the named one holds: "the spokeswoman of
    the Direção-Geral da Saúde" may be the spokeswoman another outlet names, though her agency's
    name is translated. A common noun the description adds that the title lacks ("the police
    spokeswoman" against a hospital's) says it is someone else."""
    if not set(known.role) & set(unknown.role) & ROLE_NOUNS:
        return False
    added = {w for w in re.findall(r"[^\W\d_]+", unknown.speaker_text or "") if w.islower()} - STOP_WORDS - ROLE_NOUNS
    return added <= set(known.role)


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
    return replace(quote, text=text, lemmas=lemmas)


def quote_order(quote: Quote) -> tuple[str, int, str, str]:
    return (quote.article, quote.sentence, quote.text, quote.speaker or "")


def quote_terms(quote: Quote) -> Terms:
    """The lemmas `find_quotes` stored, else (a quote built by hand) the text's content words."""
    words = frozenset(quote.lemmas) if quote.lemmas else frozenset(content_words(quote.text))
    return Terms(words, {w: term_keys(w) for w in words})


def term_keys(word: str) -> frozenset[str]:
    # A word with no synonyms of its own takes its stem's: the noun "beginning" those of "begin".
    senses = SYNONYMS.get(word) or SYNONYMS.get(stem(word), frozenset())
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




def rarity_weights(terms: Sequence[Terms]) -> dict[str, float]:
    """Per key, a smoothed inverse document frequency over the quotes grouped together: a word
    every quote of the topic uses ("earthquake") vouches less for a match than a rare one."""
    df = Counter(k for t in terms for k in t.all_keys)
    return {k: math.log(1 + len(terms) / n) for k, n in df.items()}


class Meaning:
    """The encoder's say on a pair of quotes: their cosine, if above the bar for their speakers."""

    def __init__(self, items: Sequence[Quote], vectors: Mapping[Quote, bytes]) -> None:
        self.items = items
        found = [i for i, q in enumerate(items) if vectors.get(q)]
        self.row = {i: k for k, i in enumerate(found)}
        rows = [np.frombuffer(vectors[items[i]], dtype=np.float32) for i in found]
        self.matrix = np.vstack(rows) if rows else np.zeros((0, 0), np.float32)

    def cosine(self, i: int, j: int) -> float | None:
        if i not in self.row or j not in self.row:
            return None
        return float(self.matrix[self.row[i]] @ self.matrix[self.row[j]])

    def score(self, i: int, j: int) -> float | None:
        a, b = self.items[i], self.items[j]
        if a.speaker and b.speaker and a.speaker != b.speaker:
            return None
        if numbers_differ(quote_terms(a), quote_terms(b)):
            return None
        cosine = self.cosine(i, j)
        bar = MEANING_BAR if a.speaker and b.speaker else MEANING_BAR_UNKNOWN
        return cosine if cosine is not None and cosine >= bar else None

    def neighbours(self, i: int) -> list[int]:
        """The quotes whose wording the encoder puts near quote i, for any speaker."""
        if i not in self.row:
            return []
        cosines = self.matrix @ self.matrix[self.row[i]]
        index = sorted(self.row, key=self.row.__getitem__)
        return [j for j, c in zip(index, cosines) if j != i and c >= MEANING_BAR]


def fragment_score(a: Quote, b: Quote) -> float | None:
    """1 when the shorter quote's words run on, in order, inside the longer one's: one outlet
    quoting part of a remark another quotes whole."""
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return None
    short, long = sorted((plain_words(a.text), plain_words(b.text)), key=len)
    known = bool(a.speaker and b.speaker)
    if not long_enough(short, known):
        return None
    if runs_inside(short, long):
        return 1.0
    # "felt this was the best move" inside "we felt that this was the best move": an outlet drops
    # the "that" a clause opens with; only between known speakers.
    if known and runs_inside(without_that(short), without_that(long)) and long_enough(without_that(short), known):
        return 1.0
    # "It should not have happened" inside "This should not have happened, and …": one outlet's
    # own opening word ("it", "and") before the run the other printed; only between known speakers.
    opened = known and short[0] in OPENING_WORDS
    return 1.0 if opened and long_enough(short[1:], known) and runs_inside(short[1:], long) else None


def without_that(words: Sequence[str]) -> list[str]:
    return [w for w in words if w != "that"]


def runs_inside(short: Sequence[str], long: Sequence[str]) -> bool:
    width = len(short)
    return any(long[k : k + width] == short for k in range(len(long) - width + 1))


def long_enough(words: Sequence[str], known: bool) -> bool:
    """Whether a run of these words says enough to be a remark's part (see MIN_FRAGMENT_WORDS)."""
    content = content_words(" ".join(words))
    if known and content:
        return len(words) >= MIN_FRAGMENT_WORDS
    if content:
        # "described “a loud bang”": two content words in three say what one known remark said
        return len(words) >= MIN_FRAGMENT_WORDS_UNKNOWN or (len(words) >= MIN_PLAIN_FRAGMENT_WORDS and len(set(content)) >= 2)
    return known and len(words) >= MIN_PLAIN_FRAGMENT_WORDS


def plain_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def candidate_pairs(items: Sequence[Quote], terms: Sequence[Terms], meaning: Meaning | None = None) -> list[tuple[int, int]]:
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
        if meaning is not None:
            pairs.update((min(i, j), max(i, j)) for j in meaning.neighbours(i))
    pairs.update(verbatim_pairs(items))
    return sorted((i, j) for i, j in pairs if items[i].article != items[j].article)


@functools.lru_cache(maxsize=1 << 14)  # asked again for each pair of clusters a merge weighs
def text_shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = plain_words(text)
    return frozenset(tuple(words[k : k + VERBATIM_WORDS]) for k in range(len(words) - VERBATIM_WORDS + 1))


def verbatim(a: Quote, b: Quote) -> bool:
    """Whether the two quotes share a run of `VERBATIM_WORDS` words, word for word."""
    return bool(text_shingles(a.text) & text_shingles(b.text))


def verbatim_pairs(items: Sequence[Quote]) -> set[tuple[int, int]]:
    """Pairs of quotes, whatever their speakers, that share a run of `VERBATIM_WORDS` words."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, quote in enumerate(items):
        for shingle in text_shingles(quote.text):
            index[shingle].append(i)
    return {(i, j) for found in index.values() for k, i in enumerate(found) for j in found[k + 1 :]}


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
    total = math.fsum(weight.values())  # fsum: exact, so the order of a set's words cannot move the bits
    return math.fsum(weight[w] for w in met) / total if total else 0.0


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
    items: Sequence[Quote], terms: Sequence[Terms], scored: Iterable[tuple[float, int, int]], meaning: Meaning | None = None
) -> list[list[Quote]]:
    cluster_of = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for _, i, j in scored:
        a, b = cluster_of[i], cluster_of[j]
        if a == b or not compatible(items, terms, members[a], members[b], meaning):
            continue
        keep, gone = min(a, b), max(a, b)
        for k in members.pop(gone):
            cluster_of[k] = keep
            members[keep].append(k)
    return [[items[k] for k in ids] for _, ids in sorted(members.items())]


def compatible(
    items: Sequence[Quote], terms: Sequence[Terms], left: Sequence[int], right: Sequence[int], meaning: Meaning | None = None
) -> bool:
    """No article twice (unless as parts of one remark, `parts_of_one_remark`), at most one known
    speaker, and no two members without a word or a meaning in common: a chain of pairs each close
    enough must not join two quotes that share nothing. A fragment with no content word ("until
    every one of them is out") can share no word with anyone: being part of another member's
    wording is what it has in common with that remark."""
    members = (*left, *right)
    shared = {items[k].article for k in left} & {items[k].article for k in right}
    if any(not parts_of_one_remark(items, members, article) for article in shared):
        return False
    if not one_speaker_or_verbatim(items, left, right):
        return False
    # An article twice among the members is one that quotes the remark in parts: each merge vetted it.
    parted = len({items[k].article for k in members}) < len(members)
    return all(
        items[i].article == items[j].article  # two parts of one remark: the whole they run in vouches for them
        or terms[i].all_keys & terms[j].all_keys
        or (meaning is not None and meaning.score(i, j) is not None)
        or plain_part(items, terms, i, members)
        or plain_part(items, terms, j, members)
        or (parted and in_one_whole(items, i, j, members))
        for i in left for j in right
    )


def one_speaker_or_verbatim(items: Sequence[Quote], left: Sequence[int], right: Sequence[int]) -> bool:
    """At most one known speaker; or two whose quotes across the merge share a verbatim run, pair
    by pair: the same words, attributed twice."""
    speakers = {items[k].speaker for k in (*left, *right) if items[k].speaker}
    if len(speakers) <= 1:
        return True
    return all(
        verbatim(items[i], items[j])
        for i in left for j in right
        if items[i].speaker and items[j].speaker and items[i].speaker != items[j].speaker
    )


def in_one_whole(items: Sequence[Quote], i: int, j: int, members: Sequence[int]) -> bool:
    """Whether quotes i and j both run inside one longer member: two parts share no word with each
    other ("I am sorry for the trouble", "should not have happened"). Asked only of a group where
    one article quotes that remark in parts; without one, two outlets' short runs of one longer
    quote ("harvest delayed", "prices rising") may be two remarks it ran together."""
    return any(
        k not in (i, j) and fragment_score(items[i], items[k]) is not None and fragment_score(items[j], items[k]) is not None
        and len(items[k].text) > max(len(items[i].text), len(items[j].text))
        for k in members
    )


def parts_of_one_remark(items: Sequence[Quote], members: Sequence[int], article: str) -> bool:
    """Whether an article's quotes among the members are separate parts of one remark another
    article quotes whole: "Results are what they are," she said. "Ruud gave everything for this
    club." beside "Ruud gave everything for this club, but results are what they are". Each runs
    word for word inside that one longer quote, and neither inside the other. Or the article's
    two quotes are one remark, quoted in part and again whole."""
    own = [items[k] for k in members if items[k].article == article]
    wholes = [items[k] for k in members if items[k].article != article]
    if len(own) == 2 and fragment_score(*own) is not None and len(own[0].text) != len(own[1].text):
        return True  # "… the “emergency response” …" and the whole remark later: the article quotes it again, in part
    if len(own) < 2 or any(fragment_score(a, b) is not None for a, b in itertools.combinations(own, 2)):
        return False
    return any(all(fragment_score(part, whole) is not None and len(part.text) < len(whole.text) for part in own) for whole in wholes)


def plain_part(items: Sequence[Quote], terms: Sequence[Terms], i: int, members: Sequence[int]) -> bool:
    """Whether quote i, without a content word, is a fragment of a longer member of another article."""
    if terms[i].words:
        return False
    words = len(plain_words(items[i].text))
    return any(
        items[k].article != items[i].article
        and len(plain_words(items[k].text)) > words
        and fragment_score(items[i], items[k]) is not None
        for k in members
    )


def group_speaker(variants: Sequence[Quote]) -> str | None:
    counts = Counter(q.speaker for q in variants if q.speaker)
    return min(counts, key=lambda s: (-counts[s], s)) if counts else None
