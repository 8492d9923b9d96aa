"""Progress of long work: a cold build of thousands of articles takes minutes, and says how far it is.

The core reports `Step`s to a callback (`Report`) and knows nothing of terminals or loggers:
`reporter_for` picks a tqdm bar per stage on a terminal (stage, done of total, rate, time
left) and one plain line per finished stage elsewhere (CI logs); the MkDocs plugin hands its
logger's `info` to `PlainProgress`. Progress goes to stderr or a logger only, never into
`digest.json` or the site, so it cannot change their bytes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any


@dataclass(frozen=True)
class Step:
    """`done` of `total` items of a stage are finished; the stage ends when done reaches total."""

    stage: str
    done: int
    total: int
    unit: str = "articles"

    @property
    def finished(self) -> bool:
        return self.done >= self.total


Report = Callable[[Step], None]
Tick = Callable[[int], None]


def silent(step: Step) -> None:
    """The default: the core is quiet unless an adapter asks to hear."""


def counter(report: Report, stage: str, total: int, done: int = 0, unit: str = "articles") -> Tick:
    """A tick function for one stage: reports the start now, then each `tick(n)` as n more items finish.

    `done` counts what needed no work (recalled from the cache), so the rate is that of real work.
    """
    count = min(done, total)
    report(Step(stage, count, total, unit))

    def tick(n: int = 1) -> None:
        nonlocal count
        if count < total:
            count = min(total, count + n)
            report(Step(stage, count, total, unit))

    return tick


class PlainProgress:
    """One line per finished stage, through `write` (a stream's or a logger's): what CI logs keep.

    Mutable by design: it remembers when each stage started, to give its time and rate.
    """

    def __init__(self, write: Callable[[str], object], clock: Callable[[], float] = time.monotonic) -> None:
        self.write = write
        self.clock = clock
        self.started: dict[str, tuple[float, int]] = {}

    def __call__(self, step: Step) -> None:
        start, first = self.started.setdefault(step.stage, (self.clock(), step.done))
        if step.finished:
            del self.started[step.stage]
            self.write(plain_line(step, self.clock() - start, step.done - first))


def plain_line(step: Step, seconds: float, worked: int) -> str:
    """"parse + extract: 1,000 of 1,000 articles in 61.2 s (16.3 articles/s, 12 from the cache)"."""
    rate = f"{worked / seconds:,.1f} {step.unit}/s" if worked and seconds > 0 else None
    cached = f"{step.done - worked:,} from the cache" if step.done > worked else None
    extra = ", ".join(part for part in (rate, cached) if part)
    return f"{step.stage}: {step.done:,} of {step.total:,} {step.unit} in {seconds:.1f} s" + (f" ({extra})" if extra else "")


class TerminalProgress:
    """A tqdm bar per stage on a terminal: done of total, rate and time left, redrawn in place."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.bar: Any = None
        self.stage: str | None = None

    def __call__(self, step: Step) -> None:
        from tqdm import tqdm  # only a terminal needs it

        if step.stage != self.stage:
            self.close()
            self.stage = step.stage
            self.bar = tqdm(total=step.total, initial=step.done, desc=step.stage, unit=f" {step.unit}", file=self.stream, leave=True, dynamic_ncols=True)
        else:
            self.bar.update(step.done - self.bar.n)
        if step.finished:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        self.bar, self.stage = None, None


def reporter_for(stream: IO[str], prefix: str = "digest: ") -> Report:
    """Bars on a terminal, else plain lines (each with `prefix`) on the same stream."""
    if stream.isatty():
        return TerminalProgress(stream)
    return PlainProgress(lambda line: print(prefix + line, file=stream, flush=True))
