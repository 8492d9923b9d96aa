"""Score story clustering on a corpus labelled only with stories: ECB+ and sets like it.

`python -m digest_tools.stories FILE.jsonl --json BASELINE` writes each article of the JSON-lines
file (`id`, `story`, `title`, `text`) as a seed, runs the real pipeline on them and compares the
topics with the gold stories. B-cubed counts every article once, however large its story, so a
66-story corpus is not scored by its three largest stories alone (as pairs would be); pairwise
precision and recall are printed beside it, as `digest_tools.evaluate` scores topics.

The digest counts a near-duplicate seed once: it is scored in its original's topic, as a reader
sees it (the warning names the original).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from digest.model import Digest
from digest.nlp.parse import Parser, default_cache_dir, load_pipeline
from digest.pipeline import build_digest
from digest_tools.evaluate import f1, rounded

_DUPLICATE = re.compile(r"duplicate of (\S+?)[;\s]")


@dataclass(frozen=True)
class StoryArticle:
    id: str
    story: str
    title: str
    text: str


@dataclass(frozen=True)
class StoryScore:
    articles: int
    stories: int
    topics: int
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pair_precision: float
    pair_recall: float
    pair_f1: float


def load_stories(path: Path) -> list[StoryArticle]:
    """A JSON-lines corpus, plain or gzip-compressed (`.jsonl.gz`: the copy in tests/ is kept small)."""
    data = path.read_bytes()
    lines = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [StoryArticle(r["id"], r["story"], r["title"], r["text"]) for r in rows]


def write_seeds(articles: Sequence[StoryArticle], folder: Path) -> None:
    """One `.txt` seed per article: its title line, a blank line, its text."""
    folder.mkdir(parents=True, exist_ok=True)
    for a in articles:
        (folder / f"{a.id}.txt").write_text(f"{a.title}\n\n{a.text}\n", encoding="utf-8")


def predicted_stories(digest: Digest) -> dict[str, int]:
    """Each article's topic number; a dropped duplicate takes its original's."""
    topic = {a: k for k, t in enumerate(digest.topics) for a in t.articles}
    for problem in digest.problems:
        match = _DUPLICATE.search(problem.message)
        original = Path(match.group(1)).stem if match else None
        if original in topic:
            topic[Path(problem.file).stem] = topic[original]
    return topic


def bcubed(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> tuple[float, float]:
    """B-cubed precision and recall (Bagga & Baldwin): per item, the share of its predicted
    cluster that shares its gold cluster, and the share of its gold cluster it was put with."""
    by_predicted: dict[Any, set[str]] = defaultdict(set)
    by_gold: dict[Any, set[str]] = defaultdict(set)
    for item in gold:
        by_predicted[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    both = {i: len(by_predicted[predicted[i]] & by_gold[gold[i]]) for i in gold}
    precision = sum(both[i] / len(by_predicted[predicted[i]]) for i in gold) / len(gold)
    recall = sum(both[i] / len(by_gold[gold[i]]) for i in gold) / len(gold)
    return precision, recall


def pairwise(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> tuple[float, float]:
    same = [(predicted[a] == predicted[b], gold[a] == gold[b]) for a, b in combinations(sorted(gold), 2)]
    true = sum(1 for p, g in same if p and g)
    guessed = sum(1 for p, _ in same if p)
    labelled = sum(1 for _, g in same if g)
    return (true / guessed if guessed else float(not labelled)), (true / labelled if labelled else 1.0)


def score_stories(digest: Digest, articles: Sequence[StoryArticle]) -> StoryScore:
    predicted = predicted_stories(digest)
    gold = {a.id: a.story for a in articles if a.id in predicted}
    missing = sorted({a.id for a in articles} - set(gold))
    if missing:
        raise ValueError(f"articles the digest lost: {missing[:5]}")
    bp, br = bcubed(predicted, gold)
    pp, pr = pairwise(predicted, gold)
    topics = len({predicted[i] for i in gold})
    return StoryScore(len(gold), len(set(gold.values())), topics, bp, br, f1(bp, br), pp, pr, f1(pp, pr))


def evaluate_stories(path: Path, parser: Parser) -> StoryScore:
    articles = load_stories(path)
    with tempfile.TemporaryDirectory() as folder:
        write_seeds(articles, Path(folder))
        return score_stories(build_digest(Path(folder), parser), articles)


def to_json(score: StoryScore) -> dict[str, Any]:
    return {"scores": {"stories": {k: rounded(v) for k, v in asdict(score).items()}}}


def format_score(s: StoryScore) -> str:
    return (f"{s.articles} articles, {s.stories} stories, {s.topics} topics\n"
            f"B-cubed  P {s.bcubed_precision:.3f}  R {s.bcubed_recall:.3f}  F1 {s.bcubed_f1:.3f}\n"
            f"pairwise P {s.pair_precision:.3f}  R {s.pair_recall:.3f}  F1 {s.pair_f1:.3f}")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m digest_tools.stories", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSON-lines file of articles with their gold story")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the scores (baseline format)")
    parser.add_argument("--model", default="auto", help="spaCy model (default: the installed English one)")
    parser.add_argument("--cache-dir", type=Path, default=None, help="parse cache (default: .cache/digest)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    parser = Parser(load_pipeline(args.model), args.cache_dir or default_cache_dir())
    score = evaluate_stories(args.corpus, parser)
    print(format_score(score))
    if args.json:
        args.json.write_text(json.dumps(to_json(score), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
