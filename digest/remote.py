"""A desk beyond one machine: clean, parse and extract on an existing Dask cluster.

`connect(address)` reaches the scheduler (`tcp://HOST:PORT`) within a few seconds or fails in
one line; the `DaskRemote` it yields is what `pipeline.build_digest` calls for the articles the
cache lacks. Only those travel, a chunk per task, and only their small results come back: the
client caches them exactly as local results (`digest.memo`), so the next build, local or remote,
recalls them. Each worker loads the spaCy pipeline and the encoder once and never writes a
cache of its own. Workers need this package and the same model installed: a worker whose
pipeline differs from the client's is refused by name, since its docs would differ too.

`distributed` is imported only here, and only when a scheduler is given.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from digest.extract.articles import CHUNK, extract_chunk
from digest.model import Article, Digest, Extraction
from digest.nlp.encoder import load_encoder
from digest.nlp.parse import Parser, load_pipeline
from digest.pipeline import build_digest
from digest.progress import Report, Tick, silent
from digest.sources.clean import clean_article

# A scheduler that does not answer within this many seconds is taken to be unreachable.
CONNECT_TIMEOUT = 5.0

T = TypeVar("T")
R = TypeVar("R")


class RemoteFailed(RuntimeError):
    """The cluster could not do the work; said in one line."""


class SchedulerUnreachable(RemoteFailed):
    """No Dask scheduler answered at the address given, or `distributed` is not installed."""


class WorkerMismatch(RemoteFailed):
    """A worker parses with another pipeline than the client: its results would differ from a local build's."""


@dataclass(frozen=True)
class DaskRemote:
    client: Any  # a distributed.Client, connected
    model: str
    address: str
    chunk: int = CHUNK  # articles per task: enough for spaCy to batch, few enough to keep every worker busy

    def clean(self, articles: Sequence[Article], tick: Tick) -> list[Article]:
        return [a for chunk in self.map(clean_chunk, self.chunks(articles), tick) for a in chunk]

    def extract(self, parser: Parser, articles: Sequence[Article], tick: Tick) -> list[Extraction]:
        done = self.map(functools.partial(extract_remote, self.model), self.chunks(articles), tick)
        for key, _ in done:
            if key != parser.key:
                raise WorkerMismatch(f"a worker of the Dask cluster at {self.address} parses with {key}, this machine with {parser.key}: install the same model and spaCy on both")
        return [e for _, chunk in done for e in chunk]

    def chunks(self, articles: Sequence[Article]) -> list[list[Article]]:
        return [list(articles[i : i + self.chunk]) for i in range(0, len(articles), self.chunk)]

    def map(self, function: Callable[[list[T]], R], chunks: Sequence[list[T]], tick: Tick) -> list[R]:
        """`function` over the chunks on the cluster, results in order; `tick` as each chunk is done."""
        from distributed import as_completed

        if not chunks:
            return []
        # pure=False: two equal chunks are still two tasks, and nothing is kept on the cluster between builds.
        futures = self.client.map(function, chunks, pure=False)
        sizes = {future.key: len(chunk) for future, chunk in zip(futures, chunks)}
        for future in as_completed(futures, loop=self.client.loop):
            tick(sizes[future.key])
        return list(self.client.gather(futures))


def build_digest_on(scheduler: str | None, seeds_dir: Path, parser: Parser, model: str, report: Report = silent) -> Digest:
    """`pipeline.build_digest`, on the cluster at `scheduler` when one is given, else here."""
    if not scheduler:
        return build_digest(seeds_dir, parser, report)
    with connect(scheduler, model) as remote:
        return build_digest(seeds_dir, parser, report, remote)


@contextmanager
def connect(address: str, model: str, timeout: float = CONNECT_TIMEOUT, chunk: int = CHUNK) -> Iterator[DaskRemote]:
    """A client of the scheduler at `address` for the length of one build."""
    try:
        from distributed import Client
        from distributed.comm.addressing import parse_address, parse_host_port
    except ImportError:
        raise SchedulerUnreachable("--scheduler needs Dask's `distributed`: run `pip install distributed`") from None
    try:
        # Checked first: a Client given a malformed address fails late and noisily, when it is collected.
        parse_host_port(parse_address(address)[1])
    except ValueError as error:
        raise SchedulerUnreachable(f"{address!r} is no Dask scheduler address such as tcp://HOST:8786 ({error})") from None
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise SchedulerUnreachable(f"cannot reach the Dask scheduler at {address} within {timeout:g} s ({reason})") from None
    try:
        yield DaskRemote(client, model, address, chunk)
    finally:
        client.close()


# ---------------------------------------------------------------- what runs on the workers


def clean_chunk(articles: list[Article]) -> list[Article]:
    return [clean_article(a) for a in articles]


@functools.cache
def worker_parser(model: str) -> Parser:
    """The pipeline and the encoder, loaded once per worker process; no cache: the client keeps the results."""
    load_encoder()
    return Parser(load_pipeline(model), None)


# A worker started with several threads shares one pipeline between them: spaCy is not
# promised to be thread-safe, so one chunk at a time runs through it.
_PIPELINE_LOCK = threading.Lock()


def extract_remote(model: str, articles: list[Article]) -> tuple[str, list[Extraction]]:
    """A chunk's extractions, with the worker's pipeline key for the client to check."""
    with _PIPELINE_LOCK:
        parser = worker_parser(model)
        return parser.key, extract_chunk(parser, articles)
