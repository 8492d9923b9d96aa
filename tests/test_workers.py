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


def test_workers_follow_the_cores_this_process_may_use(monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(os, "sched_getaffinity"):
        pytest.skip("no CPU affinity on this platform")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3})
    assert workers.usable_cores() == 1 and not workers.worth_forking(1000)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(8)))
    assert workers.usable_cores() == 8


class Unpicklable:
    """An item only a forked worker can see: pickling it (to send it to a worker) fails."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.hook = lambda: n

    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("not to be pickled")


def pid_and_value(item: Unpicklable) -> tuple[int, int]:
    return os.getpid(), item.n


def test_map_inherited_hands_the_workers_its_items_without_pickling_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PARALLEL_FROM", 4)
    results = workers.map_inherited(pid_and_value, [Unpicklable(n) for n in range(12)], chunksize=2)
    assert [n for _, n in results] == list(range(12))
    if workers.worth_forking(12):
        assert os.getpid() not in {pid for pid, _ in results}
