"""Progress of long work: bars on a terminal, one plain line per stage elsewhere, and never a byte of output changed."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

from digest.nlp.parse import Parser
from digest.pipeline import build_digest
from digest.progress import PlainProgress, Step, TerminalProgress, counter, reporter_for
from digest.site.export import to_json

STAGES = ["clean", "parse + extract", "cluster", "align"]
LINE = re.compile(r"^(?:digest: )?(?P<stage>[a-z +]+): (?P<done>[\d,]+) of (?P<total>[\d,]+) (?P<unit>articles|topics) in [\d.]+ s")


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_plain_reporter_writes_one_line_when_a_stage_ends_with_its_rate_and_what_the_cache_gave() -> None:
    lines: list[str] = []
    clock = FakeClock()
    tick = counter(PlainProgress(lines.append, clock), "parse + extract", 10, done=2)
    for _ in range(4):
        clock.now += 1.0
        tick(2)
    assert lines == ["parse + extract: 10 of 10 articles in 4.0 s (2.0 articles/s, 2 from the cache)"]
    tick(5)  # past the end: nothing more is said
    assert len(lines) == 1


def test_an_empty_or_fully_cached_stage_still_gets_its_line() -> None:
    lines: list[str] = []
    report = PlainProgress(lines.append, FakeClock())
    counter(report, "clean", 0)
    counter(report, "align", 3, done=3, unit="topics")
    assert lines == ["clean: 0 of 0 articles in 0.0 s", "align: 3 of 3 topics in 0.0 s (3 from the cache)"]


def test_a_terminal_gets_a_bar_with_done_of_total_rate_and_time_left() -> None:
    stream = io.StringIO()
    bar = TerminalProgress(stream)
    tick = counter(bar, "parse + extract", 4)
    tick(2)
    tick(2)
    assert bar.bar is None  # closed at the end of the stage
    drawn = stream.getvalue()
    assert "parse + extract" in drawn and "4/4" in drawn and "articles/s" in drawn


def test_a_stream_that_is_no_terminal_gets_plain_lines() -> None:
    stream = io.StringIO()
    report = reporter_for(stream)
    assert isinstance(report, PlainProgress)
    report(Step("cluster", 5, 5))
    assert LINE.match(stream.getvalue())
    assert stream.getvalue().startswith("digest: cluster: 5 of 5 articles")


def test_a_build_reports_each_stage_once_in_order_and_its_digest_is_unchanged(parser: Parser) -> None:
    lines: list[str] = []
    reported = build_digest(SEEDS, parser, PlainProgress(lines.append))
    matches = [LINE.match(line) for line in lines]
    assert all(matches), lines
    assert [m["stage"] for m in matches if m] == STAGES
    articles = len(reported.articles)
    assert [(m["done"], m["total"]) for m in matches if m and m["stage"] == "parse + extract"] == [(str(articles), str(articles))]
    assert to_json(reported) == to_json(build_digest(SEEDS, parser))


def test_the_cli_export_prints_plain_stage_lines_when_stderr_is_no_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from digest.cli import main

    # A folder of its own: the suite's other exports of SEEDS leave a snapshot, which reports no stages.
    seeds = Path(shutil.copytree(SEEDS, tmp_path / "seeds"))
    assert main(["export", str(seeds), "-o", str(tmp_path / "digest.json")]) == 0
    stages = [m["stage"] for m in map(LINE.match, capsys.readouterr().err.splitlines()) if m]
    assert stages == STAGES


def test_under_mkdocs_the_lines_go_through_the_plugins_logger(caplog: pytest.LogCaptureFixture) -> None:
    from digest.site.plugin import DigestPlugin

    with caplog.at_level("INFO", logger="mkdocs.plugins.digest"):
        DigestPlugin().report(Step("align", 7, 7, "topics"))
    assert [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.digest"] == ["digest: align: 7 of 7 topics in 0.0 s (7 from the cache)"]
