"""Results kept on disk between builds, so a rebuild never redoes work it has done.

Each result is a pickle named by the hash of what it was computed from, in a folder named
for its kind and for the package's own code: a changed input misses, and so does every
result of other code, which simply starts afresh. Only this package writes these files.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# What a damaged, truncated or stale entry raises on loading: it is computed again.
_UNREADABLE = (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, OSError, ValueError)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package's source."""
    digest = hashlib.sha256()
    package = Path(str(resources.files("digest")))
    for path in sorted(package.rglob("*.py")):  # the subpackages too: each stage lives in one
        digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def key_of(value: object) -> str:
    """A stable key: the repr of frozen dataclasses and tuples is the same in every run."""
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Memo:
    """One kind of result in one cache folder; no folder means nothing is kept."""

    folder: Path | None
    kind: str

    def path(self, key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / f"{self.kind}-{code_fingerprint()}" / key[:2] / f"{key}.pickle"

    def load(self, key: str, expected: type[T]) -> T | None:
        path = self.path(key)
        if path is None or not path.is_file():
            return None
        try:
            value = pickle.loads(path.read_bytes())  # noqa: S301 - only this package writes the cache folder
        except _UNREADABLE:
            return None
        return value if isinstance(value, expected) else None

    def recall_all(self, keys: Sequence[str], expected: type[T], compute: Callable[[list[int]], Sequence[T]]) -> list[T]:
        """A result per key: the stored ones, and for the rest what `compute` returns, given their positions."""
        found = [self.load(key, expected) for key in keys]
        missing = [i for i, value in enumerate(found) if value is None]
        for i, value in zip(missing, compute(missing), strict=True):
            self.store(keys[i], value)
            found[i] = value
        return [value for value in found if value is not None]

    def store(self, key: str, value: object) -> None:
        path = self.path(key)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        temporary.replace(path)  # atomic: a reader never sees half a file
