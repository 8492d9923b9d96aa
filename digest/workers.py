"""Every core the process may use, for work that splits into independent items: parsing
articles, aligning topics.

Workers are forked, as spaCy's own `n_process` does: they inherit the loaded model and
everything else the parent holds instead of loading or pickling it again. Where fork does
not exist, or the work is too small to pay for a second process, callers run in-process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a second process costs more to start than it saves.
PARALLEL_FROM = 40


def usable_cores() -> int:
    """The cores this process may run on: a container or `taskset` may allow fewer than the machine has."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def worth_forking(items: int) -> bool:
    return items >= PARALLEL_FROM and usable_cores() > 1 and "fork" in multiprocessing.get_all_start_methods()


def spread(function: Callable[[T], R], items: Sequence[T], chunksize: int = 1, tick: Callable[[int], None] | None = None) -> list[R]:
    """`function` over `items`, in forked workers where that pays, else here; results in order.
    `tick(1)` is called as each item is done (progress)."""
    if worth_forking(len(items)):
        return fork_map(function, items, chunksize=chunksize, tick=tick)
    return [ticked(function(x), tick) for x in items]


def ticked(result: R, tick: Callable[[int], None] | None) -> R:
    if tick is not None:
        tick(1)
    return result


def fork_map(
    function: Callable[[T], R],
    items: Sequence[T],
    *,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    chunksize: int = 1,
    tick: Callable[[int], None] | None = None,
) -> list[R]:
    """`function` over `items` in forked workers, results in the items' order; `tick(1)` as each arrives."""
    workers = usable_cores()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=initargs) as pool:
        return [ticked(result, tick) for result in pool.map(function, items, chunksize=chunksize)]


_inherited: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # set once in each worker, by adopt


def map_inherited(function: Callable[[T], R], items: Sequence[T], chunksize: int = 1) -> list[R]:
    """`function` over `items` in forked workers that inherit both, so that only the results are
    pickled (an article's extraction costs more to pickle than to profile); here where forking
    does not pay. Results in order."""
    if not worth_forking(len(items)):
        return [function(x) for x in items]
    return fork_map(call_inherited, range(len(items)), initializer=adopt, initargs=(function, items), chunksize=chunksize)


def adopt(function: Callable[[Any], Any], items: Sequence[Any]) -> None:
    global _inherited
    _inherited = (function, items)


def call_inherited(index: int) -> Any:
    assert _inherited is not None, "adopt runs first in every worker"
    function, items = _inherited
    return function(items[index])
