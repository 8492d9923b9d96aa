from __future__ import annotations

import os

import pytest

from digest import workers


def pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def test_spread_keeps_the_order_and_uses_other_processes_when_it_pays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PARALLEL_FROM", 4)
    results = workers.spread(pid_and_square, list(range(12)), chunksize=2)
    assert [square for _, square in results] == [n * n for n in range(12)]
    if workers.worth_forking(12):
        assert os.getpid() not in {pid for pid, _ in results}


def test_small_work_stays_in_this_process() -> None:
    results = workers.spread(pid_and_square, [1, 2, 3])
    assert results == [(os.getpid(), 1), (os.getpid(), 4), (os.getpid(), 9)]
