"""Benchmark: time every stage of the digest on generated corpora of growing size.

    python -m digest_tools.bench --articles 100 --articles 1000 --json bench.json

For each size a fresh process writes a corpus (`digest_tools.corpus`) to a temporary folder and
times the stages one by one — read, parse (cold cache), extract, cluster, align, render,
site — then the raw `nlp.pipe` over the same texts with the same pipeline, a warm rebuild
with nothing changed (from the stage caches, and from the snapshot, which loads no model), and
a rebuild after one more article arrives. One process per size,
so its peak memory is that size's own. Parsing should dominate; the scaling table says,
for every stage after parsing, how its time grows from one size to the next, so a stage
that grows with the square of the corpus shows up by name.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_SIZES = (100, 1000, 5000)
STAGES = ("read", "parse", "extract", "cluster", "align", "render", "site")
STAGE_LABELS = {"parse": "parse + extract", "extract": "extract alone"}
# What a cold `python -m digest export` does; "extract alone" is already inside "parse".
EXPORT_STAGES = ("read", "parse", "cluster", "align")
# Stages that must grow with the corpus, not its square: 5× the articles may cost at most 6.5× the time.
SCALED_STAGES = STAGES[2:]
SLACK = 1.3
ROOT = Path(__file__).resolve().parent.parent

Json = dict[str, Any]


@dataclass
class Stopwatch:
    """Seconds spent per named stage (a timing tool, so it is mutable by design)."""

    times: dict[str, float | None] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.times[name] = (self.times.get(name) or 0.0) + time.perf_counter() - start


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


# ---------------------------------------------------------------- the stages, one by one


def staged_digest(seeds: Path, parser: Any, clock: Stopwatch) -> Any:
    """`pipeline.build_digest`, cut at its stage boundaries so each is timed on its own."""
    from digest.extract.articles import extract_articles
    from digest.extract.entities import canonicalise
    from digest.model import Digest
    from digest.pipeline import align_groups, group_articles, read_articles

    with clock.stage("read"):
        articles, problems = read_articles(seeds, parser)
    with clock.stage("parse"):  # parse and extract, together, in the worker processes
        extracted = extract_articles(parser, articles)
    with clock.stage("cluster"):
        extractions = canonicalise(extracted)
        groups, titles = group_articles(extractions)
    with clock.stage("align"):
        topics = align_groups(groups, titles, parser)
    return Digest(tuple(articles), extractions, topics, tuple(problems))


def extract_alone(digest: Any, parser: Any, clock: Stopwatch) -> None:
    """Extraction on its own, one process, from the cached docs: the part of "parse" that is ours."""
    from digest.extract.articles import extract_article
    from digest.nlp.parse import parse_texts

    for article in digest.articles:
        doc = parse_texts(parser, [article.text])[0]
        with clock.stage("extract"):
            extract_article(article, doc)


def render_stage(digest: Any, templates: Path) -> dict[str, str] | None:
    """The site's Markdown pages and `digest.json`; None while the renderer does not exist."""
    try:
        from digest.site.export import schema_text, to_json
        from digest.site.render import render_pages
    except ImportError:
        return None
    pages = dict(render_pages(digest, templates))
    pages["digest.json"] = to_json(digest)
    pages["digest.schema.json"] = schema_text()
    return pages


def site_stage(pages: dict[str, str], config_file: Path, work: Path) -> bool:
    """MkDocs alone: the rendered pages written out and built without the digest plugin."""
    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=env_loader())  # noqa: S506 - a SafeLoader subclass
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):  # relative to the real config, not the copy
        theme["custom_dir"] = str(config_file.parent / theme["custom_dir"])
    docs = work / "docs"
    source_docs = config_file.parent / config.get("docs_dir", "docs")
    if source_docs.is_dir():
        shutil.copytree(source_docs, docs, dirs_exist_ok=True)
    for path, text in pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config["plugins"] = [p for p in config.get("plugins", []) if plugin_name(p) != "digest"]
    config.update(docs_dir=str(docs), site_dir=str(work / "site"))
    plain = work / "mkdocs.yml"
    plain.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build(load_config(str(plain)))
    return True


def env_loader() -> type:
    """Safe YAML that reads MkDocs' `!ENV [NAME, default]` as MkDocs would (site_url uses it)."""
    import os

    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def construct_env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]  # type: ignore[arg-type]
        *variables, default = names if len(names) > 1 else [*names, None]
        return next((os.environ[str(v)] for v in variables if str(v) in os.environ), default)

    Loader.add_constructor("!ENV", construct_env)
    return Loader


def plugin_name(entry: object) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def cli_build(seeds: Path, site: Path, config_file: Path, *options: str) -> Json | None:
    """The whole user-facing build, `python -m digest build`, in a process of its own.

    Its own process, so its seconds include what an editor waits for (start, model load) and
    its peak memory is that of a real build, not of this process's earlier stages.
    """
    arguments = ["build", str(seeds), "-d", str(site), "-f", str(config_file), *options]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CLI_REPORTING_PEAK, *arguments], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    peak = re.search(r"^peak_rss (\d+)$", done.stderr, re.MULTILINE)
    if done.returncode not in (0, 1) or not peak:
        print(f"bench: the CLI build failed ({done.returncode}): {done.stderr.strip()[-500:]}", file=sys.stderr)
        return None
    return {"s": elapsed, "peak_rss_mb": round(int(peak.group(1)) / 2**20, 1), "skipped": "is up to date" in done.stderr}


# `python -m digest` that also reports its own peak memory. Not getrusage from outside: that
# gives the largest child so far (the parse workers), and on Linux a child's ru_maxrss starts
# from its parent's size at the fork before exec. VmHWM is the new process's own high-water mark.
_CLI_REPORTING_PEAK = """\
import re, resource, sys
from digest.cli import main
code = main(sys.argv[1:])
try:
    with open("/proc/self/status") as status:
        peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", status.read()).group(1)) * 1024
except (OSError, AttributeError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
print("peak_rss", peak, file=sys.stderr)
sys.exit(code)
"""


# ---------------------------------------------------------------- one size, in its own process


def run_size(n_articles: int, seed: int, config_file: Path, raw_limit: int = 1000) -> Json:
    """Every measurement for one corpus size, in a scratch folder that is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=f"digest-bench-{n_articles}-") as scratch:
        work = Path(scratch)
        os.environ["DIGEST_CACHE_DIR"] = str(work / "cache")
        return measure(n_articles, seed, config_file, work, raw_limit)


def measure(n_articles: int, seed: int, config_file: Path, work: Path, raw_limit: int) -> Json:
    from digest.nlp.parse import Parser, load_pipeline
    from digest_tools.corpus import extra_article, write_article_file, write_corpus

    seeds = work / "seeds"
    generate_s = timed(lambda: write_corpus(seeds, n_articles, seed))
    start = time.perf_counter()
    nlp = load_pipeline()
    load_s = time.perf_counter() - start
    parser = Parser(nlp, work / "cache")
    clock = Stopwatch()
    errors: list[str] = []
    load_before = os.getloadavg()[0]
    digest = staged_digest(seeds, parser, clock)
    digest_peak = peak_rss_mb()  # before MkDocs runs in this process: the export's own peak
    export_s = sum(clock.times[name] or 0.0 for name in EXPORT_STAGES)
    extract_alone(digest, parser, clock)
    site_ok = time_site(digest, config_file, work, clock, errors)
    texts = [a.text for a in digest.articles]
    raw = raw_pipe(nlp, texts[:raw_limit])
    cold_build = cli_build(seeds, work / "site-cli", config_file, "--force")  # the digest warm: its site part
    index = search_index_size(work / "site-cli", n_articles)
    warm = rebuild(seeds, parser, work / "site-cli", config_file)
    unchanged = unchanged_rebuild(seeds, parser, work)
    write_article_file(seeds, extra_article(n_articles, seed))
    added = rebuild(seeds, parser, work / "site-cli", config_file)
    result = {
        "articles": n_articles,
        "seed": seed,
        "words": sum(len(t.split()) for t in texts),
        "topics": len(digest.topics),
        "problems": len(digest.problems),
        "generate_s": generate_s,
        "model": model_facts(nlp, load_s),
        "stages": {name: clock.times.get(name) for name in STAGES},
        "raw_pipe": raw,
        "export_s": export_s,
        "export_words_per_s": sum(len(t.split()) for t in texts) / export_s if export_s else None,
        "cold_build_s": export_s + sum(clock.times[n] or 0.0 for n in ("render", "site")),
        "cli_build_warm_digest": cold_build,
        "warm_rebuild": warm,
        "unchanged": unchanged,
        "add_one_rebuild": added,
        "site_built": site_ok,
        "search_index": index,
        "clustering": clustering_quality(digest, stories_by_id(seeds, n_articles, seed)),
        "errors": errors,
        "load_average": [load_before, os.getloadavg()[0]],
    }
    builds = [b["peak_rss_mb"] for b in (cold_build, warm["build"], added["build"]) if b]
    result["peak_rss_mb"] = {"export": digest_peak["self"], "workers": digest_peak["largest_child"],
                             "cli_build": max(builds) if builds else None}  # fmt: skip
    return result


def time_site(digest: Any, config_file: Path, work: Path, clock: Stopwatch, errors: list[str]) -> bool:
    """Render and MkDocs, each "n/a" (None) when missing or broken: a half-built renderer must not stop the rest."""
    clock.times["render"] = clock.times["site"] = None
    try:
        with clock.stage("render"):
            pages = render_stage(digest, config_file.parent / "digest" / "site" / "templates")
    except Exception as error:  # noqa: BLE001 - another engineer's stage failing is a result, not a crash
        errors.append(f"render: {type(error).__name__}: {error}")
        clock.times["render"] = None
        return False
    if pages is None or not config_file.is_file():
        clock.times["render"] = clock.times["render"] if pages is not None else None
        return False
    try:
        with clock.stage("site"):
            return site_stage(pages, config_file, work / "plain")
    except Exception as error:  # noqa: BLE001 - as above: a failing site stage is reported in the results
        errors.append(f"site: {type(error).__name__}: {error}")
        clock.times["site"] = None
        return False


def search_index_size(site: Path, n_articles: int) -> Json:
    """What a phone downloads before its first search (Material loads the whole index)."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return {"bytes": None, "kb_per_article": None}
    size = index.stat().st_size
    return {"bytes": size, "kb_per_article": size / 1000 / n_articles}


def raw_pipe(nlp: Any, texts: list[str]) -> Json:
    """spaCy alone on the same texts, with the process count and batch size the digest uses."""
    from digest.workers import PARALLEL_FROM

    processes = 2 if len(texts) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1 else 1
    seconds = timed(lambda: list(nlp.pipe(texts, n_process=processes, batch_size=16)))
    words = sum(len(t.split()) for t in texts)
    return {"seconds": seconds, "texts": len(texts), "words": words, "processes": processes,
            "words_per_s": words / seconds if seconds else None}  # fmt: skip


def stories_by_id(seeds: Path, n_articles: int, seed: int) -> dict[str, int]:
    """The true story of each article id (its file stem), from the generator."""
    from digest_tools.corpus import generate_corpus

    return {Path(a.name).stem: a.story for a in generate_corpus(n_articles, seed)}


def clustering_quality(digest: Any, truth: dict[str, int]) -> Json:
    """Pairwise precision and recall of the topics against the generator's stories, counted in linear time."""
    cells: dict[tuple[int, int], int] = {}
    for number, topic in enumerate(digest.topics):
        for article in topic.articles:
            if article in truth:
                key = (number, truth[article])
                cells[key] = cells.get(key, 0) + 1
    together = sum(pairs(c) for c in cells.values())
    by_topic = sum(pairs(sum(c for (t, _), c in cells.items() if t == n)) for n in {t for t, _ in cells})
    by_story = sum(pairs(sum(c for (_, s), c in cells.items() if s == n)) for n in {s for _, s in cells})
    return {"stories": len(set(truth.values())), "topics": len(digest.topics),
            "pair_precision": together / by_topic if by_topic else None,
            "pair_recall": together / by_story if by_story else None}  # fmt: skip


def pairs(count: int) -> int:
    return count * (count - 1) // 2


def rebuild(seeds: Path, parser: Any, site: Path, config_file: Path) -> Json:
    """A rebuild against the warm cache: the digest alone (as `mkdocs serve` redoes it), then the CLI build."""
    from digest.pipeline import build_digest

    digest_s = timed(lambda: build_digest(seeds, parser))
    build = cli_build(seeds, site, config_file) if config_file.is_file() else None
    return {"digest_s": digest_s, "build_s": build["s"] if build else None, "build": build}


def unchanged_rebuild(seeds: Path, parser: Any, work: Path) -> Json:
    """Nothing changed since the last digest: the snapshot answers (`digest.snapshot`), in this
    process and through a whole `python -m digest export` (start, imports, check, JSON written)."""
    from digest.snapshot import digest_of

    cache = parser.cache_dir
    digest_of(seeds, "auto", cache, lambda: parser)  # the build that leaves the snapshot
    asked: list[Any] = []

    def parser_asked_for() -> Any:
        asked.append(parser)
        return parser

    digest_s = timed(lambda: digest_of(seeds, "auto", cache, parser_asked_for))
    command = [sys.executable, "-m", "digest", "export", str(seeds), "-o", str(work / "unchanged.json")]
    subprocess.run(command, capture_output=True, check=True)  # the CLI's own first export: its snapshot
    export_s = timed(lambda: subprocess.run(command, capture_output=True, check=True))
    return {"digest_s": digest_s, "parser_loaded": bool(asked), "export_cli_s": export_s}


def model_facts(nlp: Any, load_s: float) -> Json:
    meta = nlp.meta
    return {
        "name": f"{meta.get('lang')}_{meta.get('name')}",
        "version": meta.get("version"),
        "components": list(nlp.pipe_names),
        "load_s": load_s,
    }


RSS_UNIT = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux


def peak_rss_mb() -> Json:
    """Peak resident memory of this process and of its largest finished child (the parse workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / RSS_UNIT
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / RSS_UNIT
    return {"self": round(own, 1), "largest_child": round(children, 1)}


# ---------------------------------------------------------------- live preview


def serve_edit(config_file: Path, timeout: float = 120.0, articles: int | None = None, corpus_seed: int = 1, edits: int = 3) -> Json:
    """`mkdocs serve` on a copy of the project: seconds from editing a seed to its page being served
    changed (the median of `edits` edits to different seeds, one after another: one edit's time
    varies by about a second from run to run), and from a new seed arriving to its page being
    served. With `articles`, the copy's seeds are a generated corpus of that many (a newsroom's
    day), not the project's own."""
    timeout = max(timeout, 0.6 * (articles or 0))  # a cold first build of a generated corpus takes a while
    import socket
    import urllib.request

    def fetch(url: str) -> str | None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            return None

    def wait(condition: Callable[[], bool]) -> float | None:
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if condition():
                return time.perf_counter() - start
            if server.poll() is not None:
                return None
            time.sleep(0.05)
        return None

    with tempfile.TemporaryDirectory(prefix="digest-bench-serve-") as scratch, socket.socket() as probe:
        project = Path(scratch)
        for name in ("docs", "templates", "overrides") if articles else ("docs", "templates", "seeds", "overrides"):
            if (config_file.parent / name).is_dir():  # overrides: the theme's custom_dir
                shutil.copytree(config_file.parent / name, project / name)
        if articles:
            from digest_tools.corpus import write_corpus

            write_corpus(project / "seeds", articles, corpus_seed)
        shutil.copy(config_file, project / "mkdocs.yml")
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        url = f"http://127.0.0.1:{port}/"
        env = {**os.environ, "DIGEST_CACHE_DIR": str(project / "cache")}
        # As `make serve` runs it: --dirty keeps the site folder between rebuilds.
        command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"]
        server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            first = wait(lambda: fetch(f"{url}digest.json") is not None)
            seeds = sorted(p for p in (project / "seeds").iterdir() if p.suffix in (".txt", ".md"))[:edits]
            document = json.loads(fetch(f"{url}digest.json") or "{}")
            ids = {a["file"]: a["id"] for a in document.get("articles", [])}
            if first is None or any(seed.name not in ids for seed in seeds):
                return {"seed_files": None, "first_build_s": first, "edit_served_s": None, "edits_served_s": [], "new_served_s": None}
            times: list[float | None] = []
            for seed in seeds:  # one edit after another, as an editor makes them: each is timed
                marker = f"Benchmark marker {time.time_ns()}"
                seed.write_text(seed.read_text(encoding="utf-8") + f"\n\n{marker} was added by an editor.\n", encoding="utf-8")
                times.append(wait(lambda: marker in (fetch(f"{url}sources/{ids[seed.name]}/") or "")))  # noqa: B023 - called at once
                if times[-1] is None:
                    break  # not served in time: the server is stuck, and the next edits would wait as long
            served = None if None in times else statistics.median(t for t in times if t is not None)
            count = len(list((project / "seeds").iterdir()))
            arrived = new_seed(project / "seeds", articles or count, corpus_seed)
            new = wait(lambda: fetch(f"{url}sources/{arrived}/") is not None) if served is not None else None
            return {"seed_files": count, "first_build_s": first, "edit_served_s": served, "edits_served_s": times, "new_served_s": new}
        finally:
            server.terminate()
            server.wait(timeout=30)


def new_seed(seeds: Path, n_articles: int, seed: int) -> str:
    """A generated article the folder does not hold yet, written into it; its id (file stem)."""
    from digest_tools.corpus import extra_article, write_article_file

    article = extra_article(n_articles, seed)
    return write_article_file(seeds, article).stem


# ---------------------------------------------------------------- the driver


def run_worker(n_articles: int, seed: int, config_file: Path, timeout: float | None, raw_limit: int) -> Json:
    """One size in a fresh interpreter, so model load, caches and peak memory start from nothing."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    command = [sys.executable, "-m", "digest_tools.bench", "--worker", str(n_articles), "--seed", str(seed),
               "--config", str(config_file), "--json", str(out), "--raw-limit", str(raw_limit)]  # fmt: skip
    try:
        try:
            done = subprocess.run(command, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {"articles": n_articles, "error": f"timed out after {timeout:g} s"}
        if done.returncode != 0:
            return {"articles": n_articles, "error": f"worker exited with {done.returncode}"}
        return dict(json.loads(out.read_text(encoding="utf-8")))
    finally:
        out.unlink(missing_ok=True)


def scaling(runs: Sequence[Json]) -> list[Json]:
    """For each pair of consecutive sizes, how each stage after parsing grew against the corpus."""
    ok = sorted((r for r in runs if "stages" in r), key=lambda r: r["articles"])
    return [compare(small, large) for small, large in zip(ok, ok[1:])]


def compare(small: Json, large: Json) -> Json:
    factor = large["articles"] / small["articles"]
    stages = {name: grow(small["stages"][name], large["stages"][name], factor) for name in SCALED_STAGES}
    return {"from": small["articles"], "to": large["articles"], "size_factor": factor,
            "target_ratio": factor * SLACK, "stages": stages}  # fmt: skip


def grow(before: float | None, after: float | None, factor: float) -> Json:
    """The time ratio and the exponent it implies: 1 is linear, 2 quadratic."""
    if before is None or after is None or before <= 0:
        return {"small_s": before, "large_s": after, "ratio": None, "exponent": None, "ok": None}
    ratio = after / before
    exponent = math.log(ratio) / math.log(factor) if factor > 1 else None
    return {"small_s": before, "large_s": after, "ratio": ratio, "exponent": exponent,
            "ok": ratio <= factor * SLACK}  # fmt: skip


def machine() -> Json:
    import spacy

    return {"cpus": os.cpu_count(), "python": platform.python_version(), "spacy": spacy.about.__version__,
            "platform": platform.platform()}  # fmt: skip


# ---------------------------------------------------------------- the table


def seconds_cell(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def table(runs: Sequence[Json], scales: Sequence[Json]) -> str:
    ok = [r for r in runs if "stages" in r]
    head = f"{'':26}" + "".join(f"{r['articles']:>12,}" for r in ok)
    lines = [head, f"{'words':26}" + "".join(f"{r['words']:>12,}" for r in ok)]
    lines += [f"{STAGE_LABELS.get(name, name) + ' (s)':26}" + "".join(f"{seconds_cell(r['stages'][name]):>12}" for r in ok)
              for name in STAGES]  # fmt: skip
    lines += [row(label, ok, pick) for label, pick in ROWS]
    lines += [f"error at {r['articles']}: {r['error']}" for r in runs if "error" in r]
    lines += [f"at {r['articles']}: {e}" for r in ok for e in r["errors"]]
    if ok:
        lines.append(f"spaCy components: {', '.join(ok[0]['model']['components'])} ({ok[0]['model']['name']})")
    for scale in scales:
        lines += scaling_lines(scale)
    return "\n".join(lines)


def row(label: str, runs: Sequence[Json], pick: Callable[[Json], float | None]) -> str:
    cells = []
    for run in runs:
        value = pick(run)
        cells.append(f"{'n/a' if value is None else f'{value:,.2f}':>12}")
    return f"{label:26}" + "".join(cells)


ROWS: tuple[tuple[str, Callable[[Json], float | None]], ...] = (
    ("cold export (s)", lambda r: r["export_s"]),
    ("cold export (words/s)", lambda r: r["export_words_per_s"]),
    ("raw nlp.pipe (words/s)", lambda r: r["raw_pipe"]["words_per_s"]),
    ("export / raw pipe", lambda r: ratio(r["export_words_per_s"], r["raw_pipe"]["words_per_s"])),
    ("model load (s)", lambda r: r["model"]["load_s"]),
    ("cold build (s)", lambda r: r["cold_build_s"]),
    ("warm digest (s)", lambda r: r["warm_rebuild"]["digest_s"]),
    ("warm digest / cold export", lambda r: ratio(r["warm_rebuild"]["digest_s"], r["export_s"])),
    ("warm build, CLI (s)", lambda r: r["warm_rebuild"]["build_s"]),
    ("warm build / cold build", lambda r: ratio(r["warm_rebuild"]["build_s"], r["cold_build_s"])),
    ("unchanged digest (s)", lambda r: r["unchanged"]["digest_s"]),
    ("unchanged / cold export", lambda r: ratio(r["unchanged"]["digest_s"], r["export_s"])),
    ("unchanged export, CLI (s)", lambda r: r["unchanged"]["export_cli_s"]),
    ("unchanged CLI / cold export", lambda r: ratio(r["unchanged"]["export_cli_s"], r["export_s"])),
    ("+1 article digest (s)", lambda r: r["add_one_rebuild"]["digest_s"]),
    ("+1 digest / cold export", lambda r: ratio(r["add_one_rebuild"]["digest_s"], r["export_s"])),
    ("+1 article build, CLI (s)", lambda r: r["add_one_rebuild"]["build_s"]),
    ("+1 build / cold build", lambda r: ratio(r["add_one_rebuild"]["build_s"], r["cold_build_s"])),
    ("build, CLI, warm digest (s)", lambda r: (r["cli_build_warm_digest"] or {}).get("s")),
    ("peak RSS export (MB)", lambda r: r["peak_rss_mb"]["export"]),
    ("peak RSS a worker (MB)", lambda r: r["peak_rss_mb"]["workers"]),
    ("peak RSS CLI build (MB)", lambda r: r["peak_rss_mb"]["cli_build"]),
    ("search index (MB)", lambda r: None if r["search_index"]["bytes"] is None else r["search_index"]["bytes"] / 1e6),
    ("search index / article (KB)", lambda r: r["search_index"]["kb_per_article"]),
    ("topics", lambda r: r["topics"]),
    ("stories (truth)", lambda r: r["clustering"]["stories"]),
    ("pair precision", lambda r: r["clustering"]["pair_precision"]),
    ("pair recall", lambda r: r["clustering"]["pair_recall"]),
    ("load average (start)", lambda r: r["load_average"][0]),
)


# The newsroom's targets (issue 16), each a figure of a run, its bound, and whether it is an upper bound.
TARGETS: tuple[tuple[str, Callable[[Json], float | None], float, bool], ...] = (
    ("nothing changed, CLI / cold export", lambda r: ratio(r["unchanged"]["export_cli_s"], r["export_s"]), 0.03, True),
    ("+1 article digest / cold export", lambda r: ratio(r["add_one_rebuild"]["digest_s"], r["export_s"]), 0.05, True),
    ("+1 article site / cold build", lambda r: ratio(r["add_one_rebuild"]["build_s"], r["cold_build_s"]), 0.15, True),
    ("cold export / raw nlp.pipe", lambda r: ratio(r["export_words_per_s"], r["raw_pipe"]["words_per_s"]), 0.9, False),
    ("peak RSS, largest process (MB)", lambda r: max((v for v in r["peak_rss_mb"].values() if v is not None), default=None), 3000.0, True),
)


def target_lines(runs: Sequence[Json], serve: Json | None) -> list[str]:
    """Each target against each size that measured it, and `mkdocs serve`'s two: met or not met."""
    lines = ["targets:"]
    for label, pick, bound, upper in TARGETS:
        for run in (r for r in runs if "stages" in r):
            value = pick(run)
            lines.append(verdict(f"{label} at {run['articles']:,}", value, bound, upper))
    if serve:
        lines.append(verdict(f"serve, edited seed served (s) at {serve['seed_files']}", serve["edit_served_s"], 5.0, True))
        lines.append(verdict(f"serve, new seed served (s) at {serve['seed_files']}", serve["new_served_s"], 10.0, True))
    return lines


def verdict(label: str, value: float | None, bound: float, upper: bool) -> str:
    if value is None:
        return f"  {label:48} n/a"
    met = value <= bound if upper else value >= bound
    return f"  {label:48} {value:10,.2f}  ({'<=' if upper else '>='} {bound:g})  {'met' if met else 'NOT MET'}"


def ratio(part: float | None, whole: float | None) -> float | None:
    return part / whole if part is not None and whole else None


def scaling_lines(scale: Json) -> list[str]:
    lines = [f"scaling {scale['from']:,} -> {scale['to']:,} (x{scale['size_factor']:g}; target <= x{scale['target_ratio']:g}):"]
    for name, g in scale["stages"].items():
        if g["ratio"] is None:
            lines.append(f"  {name:8} n/a")
            continue
        verdict = "ok" if g["ok"] else "TOO STEEP"
        lines.append(f"  {name:8} {g['small_s']:8.2f}s -> {g['large_s']:8.2f}s  x{g['ratio']:.1f}  "
                     f"(exponent {g['exponent']:.2f})  {verdict}")  # fmt: skip
    return lines


# ---------------------------------------------------------------- command line


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m digest_tools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, action="append", help="corpus size; repeat for several (default 100, 1000, 5000)")
    parser.add_argument("--seed", type=int, default=1, help="the corpus generator's seed")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the MkDocs config of the site")
    parser.add_argument("--timeout", type=float, help="seconds allowed per size")
    parser.add_argument("--raw-limit", type=int, default=1000,
                        help="texts in the raw nlp.pipe comparison (a rate: a sample is enough; default 1000)")
    parser.add_argument("--no-serve", action="store_true", help="skip the `mkdocs serve` edit timing")
    parser.add_argument("--serve-articles", type=int, help="time `mkdocs serve` on this many generated seeds (default: the project's seeds/)")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    if args.worker is not None:
        result = run_size(args.worker, args.seed, args.config.resolve(), args.raw_limit)
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
        return 0
    runs: list[Json] = []
    for n in sorted(set(args.articles or DEFAULT_SIZES)):
        runs.append(run_worker(n, args.seed, args.config.resolve(), args.timeout, args.raw_limit))
        save(args, runs)  # after every size: a long run interrupted still leaves its finished sizes
        print(f"bench: {n:,} articles done", file=sys.stderr, flush=True)
    serve = serve_edit(args.config.resolve(), articles=args.serve_articles, corpus_seed=args.seed) if args.config.is_file() and not args.no_serve else None
    save(args, runs, serve)
    print(table(runs, scaling(runs)))
    if serve:
        served = serve["edit_served_s"]
        new = serve["new_served_s"]
        each = ", ".join("n/a" if t is None else f"{t:.2f}" for t in serve.get("edits_served_s", []))
        print(f"mkdocs serve, {serve['seed_files']} seeds: an edited seed served changed after "
              f"{'n/a' if served is None else f'{served:.2f}'} s (median of {each}; target <= 5 s), a new seed served after "
              f"{'n/a' if new is None else f'{new:.2f}'} s (target <= 10 s)")  # fmt: skip
    print("\n".join(target_lines(runs, serve)))
    return 0 if all("stages" in r for r in runs) else 1


def save(args: argparse.Namespace, runs: list[Json], serve: Json | None = None) -> None:
    if args.json:
        report = {"machine": machine(), "seed": args.seed, "runs": runs, "scaling": scaling(runs), "serve": serve}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
