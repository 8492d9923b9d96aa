"""Score the digest's alignment against hand labels: the measure behind the quality gate.

`python -m digest_tools.evaluate EVAL_DIR --json FILE` runs the real pipeline (`build_digest`) on
`EVAL_DIR/articles`, compares it with `EVAL_DIR/labels.json` and prints a table; the JSON it
writes has the shape of the stored baseline, so refreshing the baseline is one command.

Every task is scored like a clustering, by pairs (as in pairwise clustering F1): a *pair* is
two distinct labelled items that one group holds together. Precision is the share of predicted
pairs that the labels also pair; recall the share of labelled pairs the digest predicts.

- topics: items are article ids; predicted groups are `Topic.articles`.
- figures: items are (article, value) mentions; a predicted `Figure` is the labelled item with
  its article and value. Labels keep (article, value) unique, so one article never holds two
  labelled quantities with the same value.
- quotes: items are (article, substring); a predicted `Quote` is every labelled item of its
  article whose substring its text contains (compared case- and quote-mark-insensitively).
- claims (only for sets whose labels have a `claims` key): items are sentences. Each label
  names its sentences by (article, substring), resolved to the one sentence of the parsed
  article that contains the substring; a predicted `Claim` is the sentences of its refs. The
  labels list every fact that two outlets state, so any other pair is wrong, including a pair
  of two sentences no label names. A label's `also` sentences state the fact beside another,
  main one: pairing them with the label's sentences is neither right nor wrong (*neutral*).

Predicted figures and quotes that match no label (a year, a figure nobody labelled, a quote
cut short) are left out of the pairs, since the labels cannot say whether grouping them is
right. But when such a mention sits in a group that holds a labelled one, it was joined to a
labelled quantity or remark, which is almost always wrong: it counts as *spurious*, and
`spurious_rate` (spurious / all members of groups holding a labelled item) is gated too.

- disagreements (only for sets whose labels have a `disagreements` key): each label is two
  *sides*, sentences (article, substring) that cannot all be true ("three years" / "permanent").
  A pair is one sentence of each side; a predicted `Disagreement` predicts the pairs across its
  two sides. Every predicted pair the labels do not hold is wrong; one that a claim label holds
  together (two outlets stating one fact, a paraphrase) is also *spurious*, and gated as such.

With no predicted pairs, precision is 0 unless the labels have no pairs either (nothing
predicted earns nothing); with no labelled pairs, recall is 1.

Two more tasks, only for sets whose labels have a `negatives` key (numbers that name or time
things: "the iPhone 15", "2:30 p.m.", "the 46th president"), are not pairwise:

- naming: recall is the share of negatives no figure of the digest shows (a negative is shown
  when a figure in a topic's rows has its article and one of its values); precision is the share
  of shown figures the labels speak of (a labelled figure or a negative) that are labelled
  figures. `spurious` counts the negatives shown.
- context: items are the mentions of figure groups labelled `context` (background figures from
  another event or time). Recall is the share of them the digest marks `context`; precision the
  share of labelled mentions it marks `context` that are labelled so.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path
from typing import Any, TypeVar

from digest.model import Claim, Digest, Figure, Quote
from digest.nlp.parse import Parser, default_cache_dir, load_pipeline
from digest.pipeline import build_digest
from digest.sources.clean import join_split_thousands, mend_tokenised
from digest.sources.read import read_seeds

Item = TypeVar("Item", bound=Hashable)
FigureKey = tuple[str, float]  # (article id, value)
QuoteKey = tuple[str, str]  # (article id, normalised substring)
SentenceKey = tuple[str, int]  # (article id, sentence index)
TASKS = ("topics", "figures", "quotes", "claims")
Side = frozenset[QuoteKey]
_QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})


@dataclass(frozen=True)
class ClaimLabel:
    """One fact: the sentences (at most one per article) that state it, and those that state it
    only beside another, main fact (`also`), whose pairing with it the score leaves out."""

    sentences: frozenset[QuoteKey]
    also: frozenset[QuoteKey] = frozenset()


@dataclass(frozen=True)
class Labels:
    """The hand labels: each group a set of items that belong together."""

    topics: tuple[frozenset[str], ...]
    figures: tuple[frozenset[FigureKey], ...]
    quotes: tuple[frozenset[QuoteKey], ...]
    claims: tuple[ClaimLabel, ...] | None = None  # None: the set has no claim labels, claims are not scored
    disagreements: tuple[tuple[Side, Side], ...] | None = None  # None: not scored
    # Each a number that names or times something, as the values it could be read as; None: not scored.
    negatives: tuple[frozenset[FigureKey], ...] | None = None
    context: frozenset[FigureKey] = frozenset()  # mentions of background figures (groups labelled `context`)


@dataclass(frozen=True)
class Predicted:
    """One predicted group: the labelled items it holds and how many members matched no label."""

    items: frozenset[Hashable]
    unlabelled: int = 0
    # Unlabelled members that still count in the pairs (claims: the labels name every shared fact).
    others: frozenset[Hashable] = frozenset()


@dataclass(frozen=True)
class Score:
    task: str
    precision: float
    recall: float
    f1: float
    gold_pairs: int
    predicted_pairs: int
    true_pairs: int
    labelled: int  # labelled items
    found: int  # labelled items the pipeline produced at all, grouped or not
    spurious: int  # unlabelled members of groups that hold a labelled item
    spurious_rate: float


# ---- labels -------------------------------------------------------------------------------


def load_labels(path: Path) -> Labels:
    data = json.loads(path.read_text(encoding="utf-8"))
    labels = Labels(
        topics=tuple(frozenset(t["articles"]) for t in data["topics"]),
        figures=tuple(frozenset(figure_key(a, v) for a, v in g["mentions"]) for g in data["figures"]),
        quotes=tuple(frozenset((a, normalise(s)) for a, s in g["variants"]) for g in data["quotes"]),
        claims=tuple(claim_label(g) for g in data["claims"]) if "claims" in data else None,
        disagreements=tuple(disagreement_label(g) for g in data["disagreements"]) if "disagreements" in data else None,
        negatives=tuple(negative_label(n) for n in data["negatives"]) if "negatives" in data else None,
        context=frozenset(figure_key(a, v) for g in data["figures"] if g.get("context") for a, v in g["mentions"]),
    )
    check_unique(labels)
    check_negatives(labels)
    return labels


def claim_label(group: dict[str, Any]) -> ClaimLabel:
    return ClaimLabel(frozenset((a, normalise(s)) for a, s in group["sentences"]),
                      frozenset((a, normalise(s)) for a, s in group.get("also", ())))


def disagreement_label(group: dict[str, Any]) -> tuple[Side, Side]:
    first, second = group["sides"]
    return (frozenset((a, normalise(s)) for a, s in first), frozenset((a, normalise(s)) for a, s in second))


def negative_label(item: dict[str, Any]) -> frozenset[FigureKey]:
    return frozenset(figure_key(item["article"], v) for v in item["values"])


def check_negatives(labels: Labels) -> None:
    """A negative sharing a labelled figure's article and value could not be told apart from it."""
    figures = set().union(*labels.figures) if labels.figures else set()
    both = figures & set().union(*(labels.negatives or ()))
    if both:
        raise ValueError(f"labels: negatives that are also labelled figures: {sorted(both)}")


def figure_key(article: str, value: float) -> FigureKey:
    # Rounded so that 3.2e9 parsed from "3.2 billion" equals the label's 3200000000.
    return (article, round(float(value), 6))


def normalise(text: str) -> str:
    # A label copies the corpus's "2, 000" and "Lohan ’ s"; the digest quotes its cleaned text, and
    # without the comma or colon that ends a quote before its speaker (`marks.quote_text`).
    mended = join_split_thousands(mend_tokenised(text)).translate(_QUOTE_MARKS)
    return " ".join(mended.casefold().split()).rstrip(",;: ")


def check_unique(labels: Labels) -> None:
    """An item in two labelled groups would make the pairs ambiguous: refuse such labels."""
    for task in TASKS:
        seen: set[Hashable] = set()
        for group in groups_of(labels, task):
            twice = seen & group
            if twice:
                raise ValueError(f"labels: {task} item(s) in two groups: {sorted(map(str, twice))}")
            seen |= group
    for claim in labels.claims or ():
        articles = [a for a, _ in claim.sentences]
        if len(articles) != len(set(articles)):
            # A claim shows one sentence per outlet: two of one article could never be paired.
            raise ValueError(f"labels: a claim holds two sentences of one article: {sorted(claim.sentences)}")


def groups_of(labels: Labels, task: str) -> tuple[frozenset[Any], ...]:
    if task == "claims":
        return tuple(c.sentences for c in labels.claims or ())
    return tuple(getattr(labels, task))


def check_articles(labels: Labels, article_ids: Iterable[str]) -> None:
    """Every article in exactly one labelled topic, and no label naming a missing article."""
    ids = set(article_ids)
    in_topics = set().union(*labels.topics) if labels.topics else set()
    claims = tuple(c.sentences | c.also for c in labels.claims or ()) + tuple(a | b for a, b in labels.disagreements or ())
    negatives = tuple(labels.negatives or ())
    named = in_topics | {a for g in labels.figures + labels.quotes + claims + negatives for a, _ in g}
    if named - ids:
        raise ValueError(f"labels name articles not in the folder: {sorted(named - ids)}")
    if ids - in_topics:
        raise ValueError(f"articles in no labelled topic: {sorted(ids - in_topics)}")
    for group in labels.figures + labels.quotes + claims:
        # The digest aligns figures and quotes within a topic: a group across topics is unreachable.
        if not any({a for a, _ in group} <= topic for topic in labels.topics):
            raise ValueError(f"labels: a group spans topics: {sorted(map(str, group))}")


# ---- predictions --------------------------------------------------------------------------


def predicted_topics(digest: Digest) -> tuple[Predicted, ...]:
    return tuple(Predicted(frozenset(t.articles)) for t in digest.topics)


def predicted_figures(digest: Digest, labels: Labels) -> tuple[Predicted, ...]:
    keys = set().union(*labels.figures) if labels.figures else set()
    groups = (g.values for t in digest.topics for g in t.figures)
    return tuple(to_predicted([match_figure(f, keys) for f in group]) for group in groups)


def predicted_quotes(digest: Digest, labels: Labels) -> tuple[Predicted, ...]:
    by_article = keys_by_article(labels.quotes)
    groups = (g.variants for t in digest.topics for g in t.quotes)
    return tuple(to_predicted([match_quote(q, by_article) for q in group]) for group in groups)


def claim_sentences(digest: Digest, claims: Sequence[ClaimLabel]) -> dict[QuoteKey, SentenceKey]:
    """Each labelled (article, substring) as the one parsed sentence that holds it."""
    texts: dict[str, list[tuple[int, str]]] = {}
    for extraction in digest.extractions:
        for s in extraction.sentences:
            texts.setdefault(s.article, []).append((s.index, normalise(s.text)))
    resolved = {}
    for article, piece in sorted({k for c in claims for k in c.sentences | c.also}):
        hits = [i for i, text in texts.get(article, ()) if piece in text]
        if len(hits) != 1:
            raise ValueError(f"labels: claim sentence {(article, piece)} matches {len(hits)} sentences, not one")
        resolved[(article, piece)] = (article, hits[0])
    return resolved


def gold_claims(claims: Sequence[ClaimLabel], resolved: dict[QuoteKey, SentenceKey]) -> tuple[frozenset[SentenceKey], ...]:
    return tuple(frozenset(resolved[k] for k in c.sentences) for c in claims)


def neutral_claim_pairs(
    claims: Sequence[ClaimLabel], resolved: dict[QuoteKey, SentenceKey], gold: Sequence[frozenset[SentenceKey]]
) -> set[frozenset[Any]]:
    """Pairs of a label's `also` sentences with its own: neither right nor wrong."""
    return pairs_of(frozenset(resolved[k] for k in c.sentences | c.also) for c in claims) - pairs_of(gold)


def predicted_claims(digest: Digest, named: set[SentenceKey]) -> tuple[Predicted, ...]:
    return tuple(claim_predicted(c, named) for t in digest.topics for c in t.claims)


def claim_predicted(claim: Claim, named: set[SentenceKey]) -> Predicted:
    keys = {(r.article, r.sentence) for r in claim.refs}
    others = frozenset(keys - named)
    return Predicted(frozenset(keys & named), len(others), others)


def score_claims(digest: Digest, claims: Sequence[ClaimLabel]) -> Score:
    resolved = claim_sentences(digest, claims)
    gold = gold_claims(claims, resolved)
    stated = {(r.article, r.sentence) for t in digest.topics for c in t.claims for r in c.refs}
    found = len(set().union(*gold) & stated) if gold else 0
    predicted = predicted_claims(digest, set(resolved.values()))
    return score_groups("claims", gold, predicted, found, neutral_claim_pairs(claims, resolved, gold))


def cross_pairs(first: Iterable[Item], second: Iterable[Item]) -> set[frozenset[Item]]:
    return {frozenset((x, y)) for x in first for y in second if x != y}


def score_disagreements(digest: Digest, labels: Labels) -> Score:
    """Pairs across the sides of each labelled and each predicted disagreement."""
    sides = labels.disagreements or ()
    claims = labels.claims or ()
    resolved = claim_sentences(digest, [*claims, *(ClaimLabel(a | b) for a, b in sides)])
    gold = set().union(*(cross_pairs({resolved[k] for k in a}, {resolved[k] for k in b}) for a, b in sides))
    paraphrases = pairs_of(gold_claims(claims, resolved))
    predicted: set[frozenset[SentenceKey]] = set()
    shown: set[SentenceKey] = set()
    for topic in digest.topics:
        for disagreement in topic.disagreements:
            first, second = ({(r.article, r.sentence) for r in side.refs} for side in disagreement.sides)
            predicted |= cross_pairs(first, second)
            shown |= first | second
    true = len(gold & predicted)
    precision = true / len(predicted) if predicted else float(not gold)
    recall = true / len(gold) if gold else 1.0
    labelled = {k for pair in gold for k in pair}
    spurious = len(predicted & paraphrases)
    return Score("disagreements", precision, recall, f1(precision, recall), len(gold), len(predicted), true,
                 labelled=len(labelled), found=len(labelled & shown), spurious=spurious,
                 spurious_rate=spurious / len(predicted) if predicted else 0.0)


def to_predicted(matches: Sequence[frozenset[Hashable]]) -> Predicted:
    items = frozenset().union(*matches) if matches else frozenset()
    return Predicted(items, sum(1 for m in matches if not m))


def match_figure(figure: Figure, keys: set[FigureKey]) -> frozenset[Hashable]:
    key = figure_key(figure.article, figure.value)
    return frozenset({key}) if key in keys else frozenset()


def match_quote(quote: Quote, by_article: dict[str, list[QuoteKey]]) -> frozenset[Hashable]:
    text = normalise(quote.text)
    return frozenset(k for k in by_article.get(quote.article, ()) if k[1] in text)


def keys_by_article(groups: Iterable[frozenset[QuoteKey]]) -> dict[str, list[QuoteKey]]:
    by_article: dict[str, list[QuoteKey]] = {}
    for key in sorted(k for g in groups for k in g):
        by_article.setdefault(key[0], []).append(key)
    return by_article


def found_figures(digest: Digest, labels: Labels) -> int:
    keys = set().union(*labels.figures) if labels.figures else set()
    return len({k for e in digest.extractions for f in e.figures for k in match_figure(f, keys)})


def found_quotes(digest: Digest, labels: Labels) -> int:
    by_article = keys_by_article(labels.quotes)
    return len({k for e in digest.extractions for q in e.quotes for k in match_quote(q, by_article)})


def shown_figures(digest: Digest) -> list[Figure]:
    return [f for t in digest.topics for g in t.figures for f in g.values]


def score_naming(digest: Digest, labels: Labels) -> Score:
    negatives = labels.negatives or ()
    shown = {figure_key(f.article, f.value) for f in shown_figures(digest)}
    named = set().union(*negatives) if negatives else set()
    figures = set().union(*labels.figures) if labels.figures else set()
    wrong = sum(1 for n in negatives if n & shown)
    right = len(shown & figures)
    said = right + len(shown & named)
    recall = 1 - wrong / len(negatives) if negatives else 1.0
    precision = right / said if said else 1.0
    return Score("naming", precision, recall, f1(precision, recall), 0, said, right,
                 labelled=len(negatives), found=len(negatives) - wrong, spurious=wrong,
                 spurious_rate=wrong / len(negatives) if negatives else 0.0)  # fmt: skip


def score_context(digest: Digest, labels: Labels) -> Score:
    figures = set().union(*labels.figures) if labels.figures else set()
    shown = shown_figures(digest)
    found = {figure_key(f.article, f.value) for f in shown} & labels.context
    marked = {figure_key(f.article, f.value) for f in shown if f.context} & figures
    true = len(marked & labels.context)
    precision = true / len(marked) if marked else float(not labels.context)
    recall = true / len(labels.context) if labels.context else 1.0
    wrong = len(marked - labels.context)
    return Score("context", precision, recall, f1(precision, recall), len(labels.context), len(marked), true,
                 labelled=len(labels.context), found=len(found), spurious=wrong,
                 spurious_rate=wrong / len(marked) if marked else 0.0)  # fmt: skip


# ---- scoring ------------------------------------------------------------------------------


def pairs_of(groups: Iterable[Iterable[Item]]) -> set[frozenset[Item]]:
    """Every unordered pair of distinct items that some group holds together."""
    return {frozenset(pair) for group in groups for pair in combinations(set(group), 2)}


def score_groups(
    task: str, gold: Sequence[frozenset[Any]], predicted: Sequence[Predicted], found: int,
    neutral: set[frozenset[Any]] | None = None,
) -> Score:
    """`neutral` pairs count neither way: left out of the predicted pairs (never in the gold)."""
    gold_pairs = pairs_of(gold)
    predicted_pairs = pairs_of(p.items | p.others for p in predicted) - (neutral or set())
    true = len(gold_pairs & predicted_pairs)
    precision = true / len(predicted_pairs) if predicted_pairs else float(not gold_pairs)
    recall = true / len(gold_pairs) if gold_pairs else 1.0
    joined = [p for p in predicted if p.items]
    spurious = sum(p.unlabelled for p in joined)
    members = sum(len(p.items) + p.unlabelled for p in joined)
    return Score(
        task, precision, recall, f1(precision, recall), len(gold_pairs), len(predicted_pairs), true,
        labelled=sum(len(g) for g in gold), found=found, spurious=spurious,
        spurious_rate=spurious / members if members else 0.0,
    )


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate(digest: Digest, labels: Labels) -> tuple[Score, ...]:
    articles = {a.id for a in digest.articles}
    scores: tuple[Score, ...] = (
        score_groups("topics", labels.topics, predicted_topics(digest),
                     len(articles & set().union(*labels.topics))),
        score_groups("figures", labels.figures, predicted_figures(digest, labels),
                     found_figures(digest, labels)),
        score_groups("quotes", labels.quotes, predicted_quotes(digest, labels),
                     found_quotes(digest, labels)),
    )
    if labels.claims is not None:
        scores = (*scores, score_claims(digest, labels.claims))
    if labels.disagreements is not None:
        scores = (*scores, score_disagreements(digest, labels))
    if labels.negatives is not None:
        scores = (*scores, score_naming(digest, labels), score_context(digest, labels))
    return scores


def evaluate_folder(eval_dir: Path, parser: Parser) -> tuple[Score, ...]:
    """Run the whole pipeline on `eval_dir/articles` and score it against `eval_dir/labels.json`."""
    articles = eval_dir / "articles"
    labels = load_labels(eval_dir / "labels.json")
    check_articles(labels, (a.id for a in read_seeds(articles)[0]))  # the ids the pipeline gives them
    return evaluate(build_digest(articles, parser), labels)


# ---- output -------------------------------------------------------------------------------


def to_json(scores: Sequence[Score]) -> dict[str, Any]:
    """The shape of `baseline.json`: scores by task, rates rounded so reruns diff cleanly."""
    return {"scores": {s.task: {k: rounded(v) for k, v in asdict(s).items() if k != "task"} for s in scores}}


def rounded(value: object) -> object:
    return round(value, 4) if isinstance(value, float) else value


def format_table(scores: Sequence[Score]) -> str:
    head = f"{'task':<13} {'P':>6} {'R':>6} {'F1':>6}  {'pairs gold/pred/true':>20}  {'found':>9}  {'spurious':>8}"
    rows = [
        f"{s.task:<13} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}  "
        f"{f'{s.gold_pairs}/{s.predicted_pairs}/{s.true_pairs}':>20}  {f'{s.found}/{s.labelled}':>9}  "
        f"{s.spurious:>3} {s.spurious_rate:4.2f}"
        for s in scores
    ]
    return "\n".join([head, *rows])


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m digest_tools.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path, help="a folder with articles/ and labels.json")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the scores (baseline format)")
    parser.add_argument("--model", default="auto", help="spaCy model (default: the installed English one)")
    parser.add_argument("--cache-dir", type=Path, default=None, help="parse cache (default: .cache/digest)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    parser = Parser(load_pipeline(args.model), args.cache_dir or default_cache_dir())
    scores = evaluate_folder(args.eval_dir, parser)
    print(format_table(scores))
    if args.json:
        args.json.write_text(json.dumps(to_json(scores), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
