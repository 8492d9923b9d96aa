"""URL slugs: lower-case ASCII words, stable for the same text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def slugify(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "untitled"


def unique_slugs(names: Iterable[str]) -> list[str]:
    """Slugs for the names in order, a number appended where two would collide."""
    taken: set[str] = set()
    slugs: list[str] = []
    for name in names:
        base = slugify(name)
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs
