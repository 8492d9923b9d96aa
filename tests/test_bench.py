"""The benchmark: its stage cut matches the pipeline, its scaling verdicts, and a whole tiny run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.nlp.parse import Parser
from digest.pipeline import build_digest
from digest_tools.bench import SCALED_STAGES, STAGES, Stopwatch, grow, main, scaling, staged_digest
from digest_tools.corpus import write_corpus


def test_staged_digest_is_the_pipelines_digest(parser: Parser, tmp_path: Path) -> None:
    # The benchmark re-cuts build_digest at stage boundaries; it must compute the same thing.
    write_corpus(tmp_path, 9, seed=21)
    clock = Stopwatch()
    assert staged_digest(tmp_path, parser, clock) == build_digest(tmp_path, parser)
    assert set(clock.times) == {"read", "parse", "cluster", "align"}
    assert all(t is not None and t >= 0 for t in clock.times.values())


def test_linear_growth_passes_and_quadratic_growth_is_flagged() -> None:
    linear = grow(1.0, 5.2, factor=5)
    quadratic = grow(1.0, 25.0, factor=5)
    assert linear["ok"] is True and linear["exponent"] == pytest.approx(1.02, abs=0.01)
    assert quadratic["ok"] is False and quadratic["exponent"] == pytest.approx(2.0)
    assert grow(None, 3.0, factor=5)["ratio"] is None


def test_scaling_compares_consecutive_sizes() -> None:
    runs = [
        {"articles": 1000, "stages": {name: 2.0 for name in STAGES}},
        {"articles": 100, "stages": {name: 0.2 for name in STAGES}},
        {"articles": 5000, "stages": {**{name: 10.0 for name in STAGES}, "cluster": 50.0}},
        {"articles": 50, "error": "worker exited with 1"},
    ]
    first, second = scaling(runs)
    assert (first["from"], first["to"], second["from"], second["to"]) == (100, 1000, 1000, 5000)
    assert second["target_ratio"] == pytest.approx(6.5)
    assert second["stages"]["cluster"]["ok"] is False and second["stages"]["extract"]["ok"] is True
    assert set(second["stages"]) == set(SCALED_STAGES)


def test_bench_runs_end_to_end_and_writes_every_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bench.json"
    assert main(["--articles", "6", "--json", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    (run,) = report["runs"]
    assert run["articles"] == 6 and run["words"] > 6 * 400
    assert set(run["stages"]) == set(STAGES)
    assert all(run["stages"][name] is not None for name in ("read", "parse", "extract", "cluster", "align"))
    assert run["raw_pipe"]["words_per_s"] > 0 and run["export_words_per_s"] > 0
    assert run["cold_build_s"] > run["export_s"] > 0
    assert set(run["warm_rebuild"]) == set(run["add_one_rebuild"]) == {"digest_s", "build_s", "build"}
    assert not run["unchanged"]["parser_loaded"] and run["unchanged"]["digest_s"] < run["warm_rebuild"]["digest_s"]
    # Nothing changed: the CLI build is skipped; one more article: it builds again.
    assert run["warm_rebuild"]["build"]["skipped"] and not run["add_one_rebuild"]["build"]["skipped"]
    assert run["warm_rebuild"]["build_s"] < run["add_one_rebuild"]["build_s"]
    assert 50 < run["peak_rss_mb"]["cli_build"] < 4000 and run["peak_rss_mb"]["export"] > 50
    assert report["serve"]["seed_files"] > 0 and 0 < report["serve"]["edit_served_s"] < 60
    assert 0 < report["serve"]["new_served_s"] < 60
    assert "ner" in run["model"]["components"]
    assert run["search_index"]["bytes"] > 1000 and run["search_index"]["kb_per_article"] > 0
    assert report["scaling"] == []
    table = capsys.readouterr().out
    assert "parse + extract (s)" in table and "raw nlp.pipe" in table and "mkdocs serve" in table
    assert "search index (MB)" in table
    assert "targets:" in table and "serve, edited seed served (s)" in table


def test_clustering_quality_counts_pairs_against_the_true_stories() -> None:
    from digest.model import Digest, Topic
    from digest_tools.bench import clustering_quality

    truth = {"a": 0, "b": 0, "c": 0, "d": 1, "e": 1}
    topics = (Topic("t1", "t1", ("a", "b")), Topic("t2", "t2", ("c", "d", "e")))
    quality = clustering_quality(Digest((), (), topics), truth)
    # Pairs together in both: a-b, d-e (2); in topics: 1 + 3 = 4; in stories: 3 + 1 = 4.
    assert quality == {"stories": 2, "topics": 2, "pair_precision": 0.5, "pair_recall": 0.5}


def test_targets_say_met_or_not_for_every_size_and_for_serve() -> None:
    from digest_tools.bench import target_lines

    run = {"articles": 1000, "stages": {}, "export_s": 100.0, "cold_build_s": 200.0, "export_words_per_s": 950.0,
           "raw_pipe": {"words_per_s": 1000.0}, "unchanged": {"export_cli_s": 2.0},
           "add_one_rebuild": {"digest_s": 6.0, "build_s": 20.0}, "peak_rss_mb": {"export": 500.0, "workers": None, "cli_build": 3100.0}}  # fmt: skip
    lines = target_lines([run], {"seed_files": 1000, "edit_served_s": 5.5, "new_served_s": 7.0})
    said = {line.split(" at ")[0].strip(): line.rsplit(")", 1)[1].strip() for line in lines[1:]}
    assert said == {
        "nothing changed, CLI / cold export": "met",  # 0.02
        "+1 article digest / cold export": "NOT MET",  # 0.06
        "+1 article site / cold build": "met",  # 0.10
        "cold export / raw nlp.pipe": "met",  # 0.95, a lower bound
        "peak RSS, largest process (MB)": "NOT MET",  # 3,100 MB
        "serve, edited seed served (s)": "NOT MET",
        "serve, new seed served (s)": "met",
    }


def test_a_target_a_run_did_not_measure_reads_n_a() -> None:
    from digest_tools.bench import target_lines

    run = {"articles": 10, "stages": {}, "export_s": None, "cold_build_s": None, "export_words_per_s": None,
           "raw_pipe": {"words_per_s": None}, "unchanged": {"export_cli_s": None},
           "add_one_rebuild": {"digest_s": None, "build_s": None}, "peak_rss_mb": {"export": None, "workers": None, "cli_build": None}}  # fmt: skip
    assert all(line.endswith("n/a") for line in target_lines([run], None)[1:])
