"""Claims: statements of fact that several outlets share, and those only one makes.

Within one topic, every sentence that states something (it has a verb, it is not a question,
a heading or mostly a direct quote) is compared with sentences of the other articles that
share one of its uncommon words or names (an inverted index, never all pairs). A pair
scores by the share of the shorter sentence's weighted content lemmas the other holds, by their
cosine, and by rapidfuzz's token-set ratio over the lemmas; average linkage (from clustering)
groups matched sentences, at most one per article, so one loose match cannot chain claims;
a sentence stating two facts (two shared quantities; or a phrase and the encoder tie it
to a sentence linkage left alone) is in the claim of each.
Wording misses paraphrase ("ordering the inspections in response to the flow of illegal drugs" /
"stepped-up inspections are needed to curb the flow of drugs"), so each pair's score also moves
with the sentence encoder's similarity (`meaning`), and each sentence's nearest sentences of
other articles by meaning are candidates too: up for one fact in other words, down for two
sentences that share words about different things; and up a little more where the encoder agrees
and the two share a phrase of three words in one order ("easier visas for Turkish citizens").

Two rules keep the score on what is said rather than who it is about. A person's title
("Interior Minister", ", the chief executive,") is part of their name, so it counts once, as the
name: two sentences about one minister's different acts share nothing else. And two sentences
that report the same counted quantity (one of the topic's figure groups: a toll, the evacuated,
the seats won) state the same fact however they word it; that pair is a candidate and scores a
bonus, shared by the quantities the two sentences report.

Statements that cannot both be true (`conflicts`: one negated, the other not; three years and
permanent; two places; two values of one quantity on one day) never share a claim; where they
otherwise match as one claim would, they are a *disagreement*: the two claims side by side.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from digest.align.conflicts import APART, Conflicts, Stance, agreed_disputes, figures_by_sentence, read_stance
from digest.align.linkage import average_linkage, pairs_sharing
from digest.align.meaning import near_pairs, pair_similarities, sentence_vectors
from digest.align.topics import content_terms
from digest.figures.grouping import group_figures
from digest.figures.words import UNITS
from digest.model import Claim, Disagreement, Extraction, Figure, FigureGroup, Mention, Sentence, SentenceRef
from digest.nlp.vocabulary import NUMBER_WORDS, SYNONYMS

# Mean pair score a group of sentences needs to count as one claim.
THRESHOLD = 0.48
# A conflicting pair is a disagreement only where it otherwise matches nearly as well as one claim's
# sentences; one bounded in time and one permanent need less: few sentences say either.
DISAGREE_THRESHOLDS = {"negation": 0.4, "number": 0.4, "place": 0.4, "duration": 0.2}
# The encoder's similarity moves a pair's score by this much per unit away from the centre: a
# paraphrase scores above it, two sentences sharing words about different things below.
MEANING_WEIGHT = 0.5
MEANING_CENTRE = 0.55
DISPUTE_BONUS = 0.15  # two statements agreeing on the very thing a third disputes
MIN_TERMS = 4  # fewer content words than this say too little to match on
QUOTED_SHARE = 0.5  # a sentence this much inside quotation marks is a quote, not a claim
_QUOTED = re.compile(r"[“\"«„][^”\"»“]*[”\"»“]")
VERB_POS = frozenset({"VERB", "AUX"})
HEADING_WORDS = 12
ANCHOR_BONUS = 0.2
# Two sentences whose shared phrases (words in the same order, each within PHRASE_REACH words of the
# one before) hold this many content words ("easier visas for Turkish citizens" / "easier visa rules
# for its citizens"), and that the encoder puts on the paraphrase side of MEANING_CENTRE, score this
# much more: three words in one order are rarely two sentences' by chance, but wording alone (a name
# the recogniser missed, "civil protection agency") is not a fact, so the encoder must agree.
PHRASE_WORDS = 3
PHRASE_REACH = 2
PHRASE_BONUS = 0.1
# The rest of the counts up to 99 as words, from the figure readers' own: a teen, or a ten with its
# unit after it ("twenty-five").
TEEN_WORDS = {word: value for word, value in UNITS.items() if 13 <= value <= 19}
TEN_WORDS = {word: value for word, value in UNITS.items() if value >= 20}
UNIT_WORDS = {word: value for word, value in UNITS.items() if 1 <= value <= 9}
_MARK = re.compile(r"[“”\"«»„]")
# Outside quotation marks a reporter does not say "I" or "we": such a sentence is someone's speech.
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|our|us)\b")
_CLOSERS = (".", "!", "”", '"', "’", "'", ")", "…")
QUANTITY_BONUS = 0.45
TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
# Words right before a name with nothing but spaces between: "Outgoing Prime Minister " + name.
_BEFORE_NAME = re.compile(r"((?:[\w'’-]+ )+)$")
# An appositive right after a name: ", the climate crisis minister," / ", president of the region,".
_APPOSITIVE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?((?:[^\W\d_][\w'’-]*\s+){0,3}[^\W\d_][\w'’-]*)\s*,")
_RELATIVE = frozenset({"who", "whom", "whose", "which", "that", "where", "when"})


@dataclass(frozen=True)
class Statement:
    sentence: Sentence
    terms: frozenset[str]  # content lemmas and entity names
    quantities: frozenset[int] = frozenset()  # the topic's shared figure groups it reports
    stance: Stance = Stance()
    # Each ordered pair of its words that stand close (`close_pairs`): what it says in what order.
    phrases: frozenset[tuple[str, str]] = frozenset()

    @property
    def article(self) -> str:
        return self.sentence.article


def group_claims(
    extractions: Sequence[Extraction], figures: Sequence[FigureGroup] | None = None
) -> tuple[Claim, ...]:
    """The topic's claims: shared ones first (most articles first), then each outlet's own.
    `figures`: the topic's figure groups, where the caller has them already."""
    return align_claims(extractions, figures)[0]


def align_claims(
    extractions: Sequence[Extraction], figures: Sequence[FigureGroup] | None = None
) -> tuple[tuple[Claim, ...], tuple[Disagreement, ...]]:
    """The topic's claims (as `group_claims`) and its disagreements, in sentence order."""
    if figures is None:
        figures = group_figures([f for e in extractions for f in e.figures])
    quantities = shared_quantities(figures)
    readings = figures_by_sentence(figures)
    names = topic_names(extractions)
    statements = [s for e in extractions for s in find_statements(e, quantities, readings, names)]
    kinds = Conflicts([s.stance for s in statements])
    joinable = Joinable(statements, kinds)
    scored = score_pairs(statements, term_weights(statements), kinds)
    worded, scores = scored.worded, scored.scores
    groups = average_linkage(len(statements), scores, THRESHOLD, joinable)
    claims = [make_claim([statements[i] for i in g], scores, g) for g in groups]
    # A contradiction is as much a match in wording as in meaning: the encoder puts "will join" and
    # "will not join" far apart, so a conflicting pair is judged by the better of the two scores.
    disagreements = find_disagreements(statements, {p: max(s, worded[p]) for p, s in scores.items()}, groups, claims, kinds)
    joined = join_left_alone(statements, scored, join_second_facts(statements, scores, groups, joinable), joinable)
    facts = [make_claim([statements[i] for i in g], scores, g) for g in joined]
    return tuple(sorted(facts, key=claim_order)), disagreements


def join_second_facts(
    statements: Sequence[Statement], scores: Mapping[tuple[int, int], float], groups: Sequence[Sequence[int]],
    joinable: Joinable,
) -> list[list[int]]:
    """The groups, where a sentence reporting two shared quantities also joins the other fact it
    states ("More than 1,200 people have died and more than 4,000 have been hurt"): a group of
    other articles' sentences that each report one of its quantities, and that it matches as well
    as a claim's sentences match each other. Linkage gives a sentence one group; two facts need two."""
    joined = [list(g) for g in groups]
    for i, statement in enumerate(statements):
        if len(statement.quantities) < 2:
            continue
        for group in joined:
            if i not in group and second_fact_of(i, group, statements, scores, joinable):
                group.append(i)
    return [sorted(g) for g in joined]


def join_left_alone(
    statements: Sequence[Statement], scored: PairScores, groups: Sequence[Sequence[int]], joinable: Joinable
) -> list[list[int]]:
    """The groups, where a sentence linkage left alone joins the sentence of another article it
    matches best, already in another claim, if wording and meaning both say they match (a shared
    phrase and the encoder: `PairScores.phrased`) and the pair scores as a claim would. A lead
    sentence often states two facts ("ended a visit with a call for easier visas, after agreeing to
    speed up deportations"); linkage gave it the claim of one, and the other outlet's sentence of
    the other fact had no one left to match. The sentence left alone must give no number the other
    does not: "25 inmates are still on the run" says more than "43 inmates escaped" does."""
    joined = [list(g) for g in groups]
    partners: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (i, j) in scored.phrased:
        if scored.scores[(i, j)] >= THRESHOLD and joinable(i, j):
            for alone, other in ((i, j), (j, i)):
                if numbers(statements[alone]) <= numbers(statements[other]):
                    partners[alone].append((scored.scores[(i, j)], other))
    for group in joined:
        if len(group) == 1 and partners[group[0]]:
            group.append(max(partners[group[0]])[1])
    return [sorted(g) for g in joined]


def numbers(statement: Statement) -> set[str]:
    return {t for t in statement.terms if t.replace(".", "").isdigit()}


def second_fact_of(
    i: int, group: Sequence[int], statements: Sequence[Statement], scores: Mapping[tuple[int, int], float],
    joinable: Joinable,
) -> bool:
    statement = statements[i]
    members = [statements[j] for j in group]
    if any(m.article == statement.article or not m.quantities & statement.quantities for m in members):
        return False
    if not frozenset.intersection(*(m.quantities for m in members)) & statement.quantities:
        return False
    mean = math.fsum(scores.get((min(i, j), max(i, j)), 0.0) for j in group) / len(group)
    return mean >= THRESHOLD and all(joinable(i, j) for j in group)


@dataclass(frozen=True)
class PairScores:
    """A topic's candidate pairs of statements, scored."""

    worded: dict[tuple[int, int], float]  # by wording alone
    scores: dict[tuple[int, int], float]  # by wording and meaning
    phrased: frozenset[tuple[int, int]]  # those sharing a phrase that the encoder agrees on (PHRASE_BONUS)


def score_pairs(statements: Sequence[Statement], weights: Mapping[str, float], kinds: Conflicts | None = None) -> PairScores:
    """Each candidate pair's score by wording alone, and by wording and meaning. Candidates share an
    uncommon word, or are among each other's nearest sentences by meaning (`meaning.near_pairs`)."""
    articles = [s.article for s in statements]
    vectors = sentence_vectors([s.sentence.text for s in statements], articles)
    pairs = sorted(set(candidate_pairs(statements, weights)) | set(near_pairs(vectors, articles)))
    similar = pair_similarities(vectors, pairs)
    scorer = Scorer.of(statements, weights, find_anchors(statements))
    worded = {(i, j): scorer.score(i, j) for i, j in pairs}
    phrased = frozenset(p for p in pairs if similar.get(p, 0.0) >= MEANING_CENTRE and scorer.phrased(*p))
    meant = {pair: score + meaning_score(similar.get(pair), scorer.quantity_share(*pair) > 0)
             + PHRASE_BONUS * (pair in phrased) for pair, score in worded.items()}
    # Judged like a disagreement: by the better of the two scores (see `align_claims`).
    disputed = agreed_disputes([s.stance for s in statements], articles,
                               {p: max(s, worded[p]) for p, s in meant.items()}, DISAGREE_THRESHOLDS, kinds)
    return PairScores(worded, {p: s + DISPUTE_BONUS * (p in disputed) for p, s in meant.items()}, phrased)


def meaning_score(similarity: float | None, counted: bool = False) -> float:
    """How far the encoder's similarity moves a pair's score: up for a paraphrase, down for two
    sentences that share words but say different things; never down for two that report one
    counted quantity (`counted`): the figures say they state one fact however apart their words
    ("2 deaths, in Braga" / "Two people died and 3,000 were evacuated")."""
    if similarity is None:
        return 0.0
    moved = MEANING_WEIGHT * (similarity - MEANING_CENTRE)
    return max(moved, 0.0) if counted else moved


def find_disagreements(
    statements: Sequence[Statement], scores: Mapping[tuple[int, int], float],
    groups: Sequence[Sequence[int]], claims: Sequence[Claim], kinds: Conflicts,
) -> tuple[Disagreement, ...]:
    """Claims of which two sentences match as one claim would but conflict: one per pair of claims."""
    claim_of = {i: k for k, group in enumerate(groups) for i in group}
    found: dict[tuple[int, int], Disagreement] = {}
    # The cheap tests first: most pairs match too loosely to be a disagreement of any kind.
    lowest = min(DISAGREE_THRESHOLDS.values())
    for (i, j), score in sorted(p for p in scores.items() if p[1] >= lowest):
        if statements[i].article == statements[j].article:
            continue
        kind = kinds(i, j)
        if kind in (None, APART) or score < DISAGREE_THRESHOLDS[kind]:
            continue
        a, b = sorted((claim_of[i], claim_of[j]), key=lambda k: ref_key(claims[k]))
        found.setdefault((a, b), Disagreement((claims[a], claims[b]), kind))
    return tuple(sorted(found.values(), key=lambda d: (ref_key(d.sides[0]), ref_key(d.sides[1]))))


def ref_key(claim: Claim) -> tuple[str, int]:
    return (claim.refs[0].article, claim.refs[0].sentence)


def shared_quantities(groups: Sequence[FigureGroup]) -> dict[tuple[str, int], frozenset[int]]:
    """Per (article, sentence), the figure groups of two or more articles that it reports."""
    found: dict[tuple[str, int], set[int]] = defaultdict(set)
    for k, group in enumerate(groups):
        if len({f.article for f in group.values}) > 1:
            for figure in group.values:
                found[(figure.article, figure.sentence)].add(k)
    return {key: frozenset(ids) for key, ids in found.items()}


@dataclass(frozen=True)
class Joinable:
    """Whether two of a topic's statements may be in one claim: one sentence per article; no
    conflict; and two sentences that each report a shared quantity, but no quantity in common,
    report different facts ("61,000 applied" is not "13,000 must leave"), so no claim holds both,
    however a third sentence reporting both links them."""

    statements: Sequence[Statement]
    kinds: Conflicts

    def __call__(self, i: int, j: int) -> bool:
        a, b = self.statements[i], self.statements[j]
        if a.article == b.article or self.kinds(i, j) is not None:
            return False
        return not (a.quantities and b.quantities and not a.quantities & b.quantities)


def find_statements(
    extraction: Extraction, quantities: Mapping[tuple[str, int], frozenset[int]] | None = None,
    readings: Mapping[tuple[str, int], Sequence[tuple[int, Figure]]] | None = None,
    known: frozenset[str] = frozenset(),
) -> list[Statement]:
    """`known`: one-word names the topic's other articles give ("ACM", "Ayacucho"): the same word
    here is that name, even where the entity recogniser passed it by."""
    quoted = {q.sentence: len(q.text) for q in extraction.quotes}
    names: dict[int, set[str]] = defaultdict(set)
    name_words: dict[int, Counter[str]] = defaultdict(Counter)
    people: dict[int, list[Mention]] = defaultdict(list)
    mentioned: dict[int, list[Mention]] = defaultdict(list)
    for mention in extraction.mentions:
        mentioned[mention.sentence].append(mention)
        names[mention.sentence].add(f"entity:{mention.canonical.casefold()}")
        name_words[mention.sentence].update(re.findall(r"\w+", mention.text.lower()))
        if mention.label == "PERSON":
            people[mention.sentence].append(mention)
    statements = []
    last_person: str | None = None
    for sentence in extraction.sentences:
        if people[sentence.index]:
            last_person = f"entity:{people[sentence.index][-1].canonical.casefold()}"
        elif last_person and sentence.lemmas[:1] in (("he",), ("she",)):
            # "He said Turkey wanted easier visa rules": the sentence is about the person last named.
            names[sentence.index].add(last_person)
        titles = title_words(sentence, people[sentence.index])
        words = unnamed_words(sentence, name_words[sentence.index], titles) | spelled_numbers(sentence)
        terms = frozenset(f"entity:{w}" if w in known else t for w in words for t in senses(w)) | names[sentence.index]
        key = (sentence.article, sentence.index)
        held = (quantities or {}).get(key, frozenset())
        stance = read_stance(sentence, mentioned[sentence.index], (readings or {}).get(key, ()),
                             extraction.article.published)
        # A shared quantity or a stance says enough in fewer words: "Turnout reached 61.4 percent.",
        # "the inspections would continue indefinitely".
        brief = bool(held) or stance.negated or stance.permanent or stance.bounded
        if is_statement(sentence, quoted.get(sentence.index, 0)) and len(terms) >= MIN_TERMS - brief:
            phrases = close_pairs(word_terms(sentence, terms, known))
            statements.append(Statement(sentence, terms, held, stance, phrases))
    return statements


def word_terms(sentence: Sentence, terms: frozenset[str], known: frozenset[str]) -> list[frozenset[str]]:
    """The terms of each of the sentence's words, in order, leaving out names and numbers: a phrase
    is wording, and names and numbers are matched as anchors and quantities already."""
    found = []
    for lemma, pos in zip(sentence.lemmas, sentence.pos):
        word = NUMBER_WORDS.get(lemma, lemma) if pos == "NUM" else lemma.replace(",", "")
        said = frozenset() if word in known else senses(word) & terms
        said = frozenset(t for t in said if not is_anchor_kind(t))
        if said:
            found.append(said)
    return found


def close_pairs(words: Sequence[frozenset[str]]) -> frozenset[tuple[str, str]]:
    """Each ordered pair of terms of two words at most PHRASE_REACH apart."""
    return frozenset((a, b) for i, first in enumerate(words) for later in words[i + 1 : i + 1 + PHRASE_REACH]
                     for a in first for b in later if a != b)


def unnamed_words(sentence: Sentence, spelt: Counter[str], titles: set[str]) -> set[str]:
    """The content words said outside names: a name counts once, as its canonical entity, not once
    per word it is spelt with, and a person's title is part of the name. But a word of a name said
    again outside it is said: "the Restaurant Association said small restaurants survived"."""
    counts = Counter(content_terms(sentence))
    return {w for w, k in counts.items() if w not in titles and k > spelt[w]}


def spelled_numbers(sentence: Sentence) -> set[str]:
    """Counts written as words, as their digits: "Two people died" reports the "2 people" of
    another outlet (the stop list would drop "two" with "the" and "of"); "twenty-five" is 25."""
    counts = [w if p == "NUM" else "" for w, p in zip(sentence.lemmas, sentence.pos)]
    found = set()
    for before, word, after in zip(["", *counts], counts, [*counts[1:], ""]):
        if word in TEN_WORDS:
            found.add(str(TEN_WORDS[word] + UNIT_WORDS.get(after, 0)))
        elif before not in TEN_WORDS and (word in NUMBER_WORDS or word in TEEN_WORDS):
            found.add(NUMBER_WORDS.get(word) or str(TEEN_WORDS[word]))
    return found


def topic_names(extractions: Sequence[Extraction]) -> frozenset[str]:
    return frozenset(m.canonical.casefold() for e in extractions for m in e.mentions if " " not in m.canonical)


def senses(word: str) -> frozenset[str]:
    """A word as the senses it shares with its near-synonyms ("start" and "begin" are one term)."""
    found = SYNONYMS.get(word)
    return frozenset(f"sense:{k}" for k in sorted(found)) if found else frozenset({word})


def title_words(sentence: Sentence, people: Sequence[Mention]) -> set[str]:
    """The words of each person's title: the nouns and adjectives right before the name
    ("Climate Crisis Minister", "chief executive") and a short appositive right after it
    (", the chief executive,"), but not a relative clause (", who heads the agency,")."""
    words: set[str] = set()
    for person in people:
        at = sentence.text.find(person.text)
        if at < 0:
            continue
        before = _BEFORE_NAME.search(sentence.text[:at])
        words |= title_before(sentence, person.text, len(before.group(1).split()) if before else 0)
        after = _APPOSITIVE.match(sentence.text[at + len(person.text):])
        if after and not _RELATIVE.intersection(after.group(1).lower().split()):
            words.update(after.group(1).lower().split())
    return words


def title_before(sentence: Sentence, name: str, room: int) -> set[str]:
    """Up to `room` nouns and adjectives before the name's first word in the lemma sequence."""
    first = name.split()[0].lower()
    if not room or first not in sentence.lemmas or len(sentence.pos) != len(sentence.lemmas):
        return set()
    words: set[str] = set()
    j = sentence.lemmas.index(first) - 1
    while j >= 0 and room and sentence.pos[j] in TITLE_POS:
        words.add(sentence.lemmas[j])
        j, room = j - 1, room - 1
    return words


def is_statement(sentence: Sentence, quote_chars: int = 0) -> bool:
    """A sentence that asserts something: not a heading (no verb), a question, or a quote."""
    text = sentence.text.strip()
    if text.endswith("?") or (sentence.pos and not VERB_POS.intersection(sentence.pos)):
        return False
    if len(text.split()) <= HEADING_WORDS and not text.endswith(_CLOSERS):
        return False  # a headline or subheading, verb or not
    if closes_a_quote(text) or first_person(_QUOTED.sub(" ", text)):
        return False  # the rest of a quote opened in an earlier sentence, or unquoted speech
    inside = max(quote_chars, sum(len(m) for m in _QUOTED.findall(text)))
    return inside < QUOTED_SHARE * len(text)


def closes_a_quote(text: str) -> bool:
    """The first quotation mark closes a quote: a word or stop right before it, none after."""
    mark = _MARK.search(text)
    if mark is None:
        return False
    if mark.group() in "”»":
        return True
    before, after = text[: mark.start()], text[mark.end() :]
    return mark.group() == '"' and bool(before) and not before[-1].isspace() and (not after or not after[0].isalnum())


def first_person(text: str) -> bool:
    return _FIRST_PERSON.search(text) is not None


def term_weights(statements: Sequence[Statement]) -> dict[str, float]:
    """IDF over the topic's sentences: a name in every sentence matches nothing in particular."""
    df = Counter(t for s in statements for t in s.terms)
    n = len(statements)
    return {t: math.log((n + 1) / k) for t, k in df.items()}


def candidate_pairs(statements: Sequence[Statement], weights: Mapping[str, float]) -> list[tuple[int, int]]:
    """Sentence pairs of different articles sharing an uncommon term: the index skips terms in
    more sentences than a claim could span, so work stays near-linear in the topic's sentences."""
    articles = len({s.article for s in statements})
    cap = max(4 * articles, 8)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, statement in enumerate(statements):
        for term in statement.terms:
            postings[term].append(i)
    for i, statement in enumerate(statements):
        for quantity in statement.quantities:
            postings[f"quantity:{quantity}"].append(i)
    return [(i, j) for i, j in pairs_sharing(postings, cap) if statements[i].article != statements[j].article]


@dataclass(frozen=True)
class Scorer:
    """Pair scores over one topic's statements, with each statement's own sums and spelling made once."""

    statements: Sequence[Statement]
    weights: Mapping[str, float]
    anchors: frozenset[str]
    masses: Sequence[float]
    spelled: Sequence[str]

    @classmethod
    def of(cls, statements: Sequence[Statement], weights: Mapping[str, float], anchors: frozenset[str]) -> Scorer:
        # fsum, not sum: over a frozenset the order of the terms follows the hash seed, and a float
        # sum's last bit with it; the exact sum keeps the digest the same in every process.
        masses = [math.fsum(weights[t] for t in s.terms) for s in statements]
        return cls(statements, weights, anchors, masses, [" ".join(sorted(s.terms)) for s in statements])

    def score(self, i: int, j: int) -> float:
        """Weighted containment of the shorter in the longer, cosine, fuzzy lemma overlap, and a bonus
        when both name an anchor (a name or number the topic's sentences rarely repeat) and share a word
        besides: two outlets writing the one sentence about it are likely reporting the same fact."""
        shared = self.statements[i].terms & self.statements[j].terms
        common = math.fsum(self.weights[t] for t in shared)
        mass_i, mass_j = self.masses[i], self.masses[j]
        containment = common / min(mass_i, mass_j)
        cosine = common / math.sqrt(mass_i * mass_j)
        fuzzy = fuzz.token_set_ratio(self.spelled[i], self.spelled[j]) / 100
        anchored = bool(shared & self.anchors) and any(not is_anchor_kind(t) for t in shared)
        lexical = 0.45 * containment + 0.35 * cosine + 0.2 * fuzzy + ANCHOR_BONUS * anchored
        return lexical + QUANTITY_BONUS * self.quantity_share(i, j)

    def phrased(self, i: int, j: int) -> bool:
        """Whether the phrases the two share hold PHRASE_WORDS words (see `PHRASE_BONUS`)."""
        shared = self.statements[i].phrases & self.statements[j].phrases
        return len({t for pair in shared for t in pair}) >= PHRASE_WORDS

    def quantity_share(self, i: int, j: int) -> float:
        """The share of the quantities of the sentence reporting fewer that the other reports too:
        "2 deaths" and "two died and 3,000 were evacuated" report the one toll."""
        mine, theirs = self.statements[i].quantities, self.statements[j].quantities
        fewer = min(len(mine), len(theirs))
        return len(mine & theirs) / fewer if fewer else 0.0


def is_anchor_kind(term: str) -> bool:
    return term.startswith("entity:") or term.replace(".", "").isdigit()


def find_anchors(statements: Sequence[Statement]) -> frozenset[str]:
    """Names and numbers that at least two articles each put in exactly one statement, and that
    the topic as a whole mentions no more often than once per article."""
    per_article = Counter((s.article, t) for s in statements for t in s.terms if is_anchor_kind(t))
    total = Counter(t for (_, t) in per_article.elements())
    once = Counter(t for (_, t), k in per_article.items() if k == 1)
    articles = len({s.article for s in statements})
    return frozenset(t for t, k in once.items() if k >= 2 and total[t] <= articles)


def make_claim(members: Sequence[Statement], scores: Mapping[tuple[int, int], float], ids: Sequence[int]) -> Claim:
    """The claim worded by its most central sentence (the one closest to all others; the shortest on a tie)."""
    def centrality(k: int) -> tuple[float, int, str, int]:
        i = ids[k]
        total = sum(scores.get((min(i, j), max(i, j)), 0.0) for j in ids if j != i)
        sentence = members[k].sentence
        return (-total, len(sentence.text), sentence.article, sentence.index)

    central = members[min(range(len(members)), key=centrality)].sentence
    refs = sorted((SentenceRef(s.article, s.sentence.index, s.sentence.text) for s in members),
                  key=lambda r: (r.article, r.sentence))
    return Claim(central.text, tuple(refs))


def claim_order(claim: Claim) -> tuple[int, int, str, int]:
    """Shared claims first, most articles first; then in article and sentence order."""
    first = claim.refs[0]
    shared = len(claim.refs) if len(claim.refs) > 1 else 0
    return (-shared, 0 if shared else 1, first.article, first.sentence)
