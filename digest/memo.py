"""The one cache: results kept on disk between builds, so a rebuild never redoes work it has done.

Each result is a file named by the hash of what it was computed from, in a folder named for its
kind and for the code that shapes it: the module that computes it and every module of this package
that module imports, transitively (`code_fingerprint`). A changed input misses, and so does every
result of changed code, which simply starts afresh; editing the benchmark, the site or another
stage leaves a stage's results alone. Parsed docs (`digest.nlp.parse`) and pickled results
(cleaned articles, extractions, topics) share the layout and the one atomic writer. Only this
package writes these files.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
import threading
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
V = TypeVar("V")
K = TypeVar("K", bound=Hashable)
E = TypeVar("E")

# What a damaged, truncated or stale entry raises on loading: it is computed again.
_UNREADABLE = (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, OSError, ValueError)
# This module is left out of every fingerprint, so that its own edits keep every result: bump
# FORMAT when the files it writes change shape.
FORMAT = "1"
_IMPORT = re.compile(r"^[ \t]*import[ \t]+(digest[\w.]*)", re.MULTILINE)
_FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+(digest[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.MULTILINE)
# What a long-lived process (`mkdocs serve`) keeps in memory besides the files, by file path: a
# rebuild then unpickles only what changed, not 1,000 cleaned articles, extractions and topics.
# None: nothing kept, as in every one-off build.
_resident: dict[Path, object] | None = None
_touched: set[Path] = set()


def package_root() -> Path:
    return Path(str(resources.files("digest")))


@cache
def code_fingerprint(module: str | None = None) -> str:
    """A hash of the code that shapes a result: `module` and the package modules it imports,
    transitively; with no module, the whole package (what a site build depends on)."""
    root = package_root()
    paths = sorted(root.rglob("*.py")) if module is None else sorted(module_closure(module))
    digest = hashlib.sha256(FORMAT.encode())
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def module_closure(module: str) -> set[Path]:
    """The files of `module` and of every `digest` module it imports (at any depth, lazy imports
    included), with the packages' `__init__` files on the way; this module itself left out."""
    seen: set[Path] = set()
    todo = [module]
    while todo:
        for path in module_files(todo.pop()):
            if path in seen or path == package_root() / "memo.py":
                continue
            seen.add(path)
            todo.extend(imported_modules(path))
    return seen


def module_files(module: str) -> list[Path]:
    """A module's file and the `__init__` of each package above it; nothing for a name that is no module."""
    parts = module.split(".")[1:]
    root = package_root()
    inits = [root.joinpath(*parts[:i], "__init__.py") for i in range(len(parts) + 1)]
    own = [root.joinpath(*parts).with_suffix(".py")] if parts else []
    return [p for p in (*inits, *own) if p.is_file()]


@cache  # each file is read once however many stages import it
def imported_modules(path: Path) -> tuple[str, ...]:
    """The `digest` modules a file imports, at any indentation (lazy imports too): `from digest.x
    import y` may name a module y as well. A regex, not the AST: walking every node costs a
    tenth of a second per build, and a false hit only makes a key stricter."""
    text = path.read_text(encoding="utf-8")
    found = [m.group(1) for m in _IMPORT.finditer(text)]
    for m in _FROM_IMPORT.finditer(text):
        names = [n.split(" as ")[0].strip() for n in m.group(2).strip("()").replace("\n", " ").split(",")]
        found += [m.group(1), *(f"{m.group(1)}.{n}" for n in names if n)]
    return tuple(found)


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


def key_of(value: object) -> str:
    """A stable key: the repr of frozen dataclasses and tuples is the same in every run."""
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()


def keep_in_memory(enabled: bool) -> None:
    """Keep what shared memos load and store in memory too, from now on (or no longer)."""
    global _resident
    _resident = {} if enabled else None
    _touched.clear()


def keeps_in_memory() -> bool:
    """Whether this is a long-lived process that keeps results in memory (`keep_in_memory`)."""
    return _resident is not None


def settle() -> None:
    """A long-lived process's first build is over: what it keeps (half a million objects at 1,000
    articles) is moved out of the garbage collector's sight, so that a rebuild's full collections
    scan only what rebuilds make (0.4-0.6 s of a one-seed rebuild went on scanning it again,
    measured). What the build left unreachable is collected first. What a later edit drops
    still dies by its reference count (the memos hold frozen dataclasses and strings, without
    cycles); a cycle among them is collected at the next idle moment (`Settling`)."""
    gc.collect()
    gc.freeze()


class Settling:
    """`settle` again after each later build of a long-lived process, once it has returned and
    the session is idle: what each edit's build leaves alive (its topics, pages and look-ups)
    would otherwise stay in the collector's sight, and its full collections grew edit by edit
    (0.09 to 0.33 s in eight edits at 1,000 articles; 0.08-0.13 s when settled, measured).
    Never while a build runs: its own objects, dead by its end, would stay frozen."""

    def __init__(self, delay: float = 2.0) -> None:
        self.delay = delay
        self.building = False
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def build_starts(self) -> None:
        with self.lock:
            self.building = True
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None

    def build_ends(self) -> None:
        with self.lock:
            self.building = False
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(self.delay, self.settle_if_idle)
            self.timer.daemon = True  # a session's end never waits for it
            self.timer.start()

    def settle_if_idle(self) -> None:
        with self.lock:
            if not self.building:
                # What was frozen before and has died since is collected too: a cycle among an
                # earlier build's objects does not outlive the next idle moment.
                gc.unfreeze()
                settle()
            self.timer = None


def sweep_memory() -> None:
    """Forget what the build since the last sweep did not use: an edited seed's old extraction
    is not kept for the rest of the session."""
    if _resident is not None:
        for path in _resident.keys() - _touched:
            del _resident[path]
    _touched.clear()
    for table in _tables:
        table.sweep()


def release() -> None:
    """The end of a build's digest: what was kept by identity for this build alone is let go,
    unless a long-lived process keeps it for the next."""
    if _resident is None:
        for table in _tables:
            table.clear()


class Table(Generic[K, E]):
    """Results kept in memory, each for as long as the builds use it (`sweep_memory`), all of them
    let go at the end of a one-off build (`release`)."""

    def __init__(self) -> None:
        self.table: dict[K, E] = {}
        self.touched: set[K] = set()
        _tables.append(self)

    def sweep(self) -> None:
        for key in self.table.keys() - self.touched:
            del self.table[key]
        self.touched.clear()

    def clear(self) -> None:
        self.table.clear()
        self.touched.clear()


class ByIdentity(Table[tuple[int, ...], tuple[tuple[object, ...], V]]):
    """Results derived from objects, kept while the objects are: by their identity, with the
    objects held so that no other object can take their address. Within one build a result is
    made once however many stages ask (a topic's profile and its title read the same terms); in
    a long-lived process, from one build to the next for every object the memos handed back
    unchanged (`keep_in_memory`)."""

    def __init__(self, *, resident_only: bool = False) -> None:
        super().__init__()
        # Results only a later build can use, kept only while a long-lived process keeps them.
        self.resident_only = resident_only

    def get(self, *objects: object) -> V | None:
        key = tuple(map(id, objects))
        found = self.table.get(key)
        if found is None or any(a is not b for a, b in zip(found[0], objects, strict=True)):
            return None
        self.touched.add(key)
        return found[1]

    def put(self, value: V, *objects: object) -> V:
        if self.resident_only and _resident is None:
            return value
        key = tuple(map(id, objects))
        self.table[key] = (objects, value)
        self.touched.add(key)
        return value


class ByValue(Table[Hashable, V]):
    """Results by a value they were made from (a seed's bytes), kept only while a long-lived process
    keeps memory (`keep_in_memory`), and only as long as its builds meet the value again."""

    def get(self, key: Hashable) -> V | None:
        found = self.table.get(key)
        if found is not None:
            self.touched.add(key)
        return found

    def put(self, value: V, key: Hashable) -> V:
        if _resident is not None:
            self.table[key] = value
            self.touched.add(key)
        return value


_tables: list[Table[Any, Any]] = []


@dataclass(frozen=True)
class Memo:
    """One kind of result in one cache folder; no folder means nothing is kept."""

    folder: Path | None
    kind: str
    code: str | None = None  # the module that computes this kind; None: the whole package
    suffix: str = ".pickle"
    # Its values are never changed by who loads them (frozen dataclasses, strings), so one object
    # may be handed to every build of a long-lived process.
    shared: bool = False

    def path(self, key: str) -> Path | None:
        if self.folder is None:
            return None
        # One path parsed per key, not three joins: a rebuild of 1,000 articles looks up 5,000 keys.
        return Path(f"{self.folder}/{self.kind}-{code_fingerprint(self.code)}/{key[:2]}/{key}{self.suffix}")

    def load_bytes(self, key: str) -> bytes | None:
        return read_bytes(self.path(key))

    def store_bytes(self, key: str, data: bytes) -> None:
        path = self.path(key)
        if path is not None:
            write_atomic(path, data)

    def load(self, key: str, expected: type[T]) -> T | None:
        path = self.path(key)
        if self.shared and _resident is not None and path is not None and path in _resident:
            _touched.add(path)
            kept = _resident[path]
            return kept if isinstance(kept, expected) else None
        data = read_bytes(path)
        if data is None:
            return None
        try:
            value = pickle.loads(data)  # noqa: S301 - only this package writes the cache folder
        except _UNREADABLE:
            return None
        if not isinstance(value, expected):
            return None
        self.remember(path, value)
        return value

    def remember(self, path: Path | None, value: object) -> None:
        if self.shared and _resident is not None and path is not None:
            _resident[path] = value
            _touched.add(path)

    def recall_all(self, keys: Sequence[str], expected: type[T], compute: Callable[[list[int]], Sequence[T]]) -> list[T]:
        """A result per key: the stored ones, and for the rest what `compute` returns, given their positions."""
        found = [self.load(key, expected) for key in keys]
        missing = [i for i, value in enumerate(found) if value is None]
        for i, value in zip(missing, compute(missing), strict=True):
            self.store(keys[i], value)
            found[i] = value
        return [value for value in found if value is not None]

    def keep(self, key: str, value: object) -> None:
        """A value another process stored (a forked worker wrote its file): kept in memory here as if loaded."""
        self.remember(self.path(key), value)

    def store(self, key: str, value: object) -> None:
        path = self.path(key)
        if path is not None:
            write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        self.remember(path, value)


def read_bytes(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()  # a missing file (the usual miss) or a folder raise: no stat first
    except OSError:
        return None


# Keys of objects asked for more than once (an article by the clean and the extract stages, an
# extraction by its topic's key): repr and hash once per object (hashing 1,000 extractions alone
# took 0.9 s of a rebuild).
_KEYS: ByIdentity[str] = ByIdentity()


def key_of_object(value: object) -> str:
    """`key_of(value)`, made once per object (`ByIdentity`): for immutable values only."""
    known = _KEYS.get(value)
    return known if known is not None else _KEYS.put(key_of(value), value)
