"""Which full names of a corpus are one person's: spellings and transliterations of the same
given names and surname ("Mohamed"/"Mohammed", "Carolos"/"Karolos"), a middle initial or name
one outlet leaves out, and a generation ("Jr.", "III") that tells a son from his father.
`digest.extract.entities` clusters a corpus's names with it. Needs no spaCy.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz

# Lower-case words inside personal names that are not names themselves (Arabic, Romance, Dutch, German).
PARTICLES = frozenset(
    "al el al- bin ibn bint ben de da das do dos du del della der di la le van von den ter y".split()
)
# A generation written after the surname: "Anthony LaCalamita III" is a LaCalamita, not a "III".
GENERATIONS = frozenset("jr sr ii iii iv".split())
# Spellings closer than this are one person: transliterations and typos, not different first names.
GIVEN_NAME_SIMILARITY = 80.0
# Letters a transliteration writes either way ("Carolos"/"Karolos"), and letters it drops or adds
# without making another name: vowels, "h" ("Antony"), "w" and "y".
SAME_SOUND = str.maketrans({"c": "k", "q": "k"})
SOFT_LETTERS = re.compile(r"[aeiouhwy]")
SURNAME_SIMILARITY = 88.0


def name_words(key: str) -> list[str]:
    """A name key's name words, particles and a trailing generation left out: "mohamed bin
    abdulrahman al thani" → 3 words, "anthony lacalamita iii" → 2."""
    return split_generation(key)[0]


def generation(key: str) -> str | None:
    """The generation a name key ends with ("jr" of "mark felt jr"), which `name_words` leaves out."""
    return split_generation(key)[1]


def split_generation(key: str) -> tuple[list[str], str | None]:
    words = [w for w in key.split() if w not in PARTICLES]
    if len(words) > 2 and words[-1] in GENERATIONS:
        return words[:-1], words[-1]
    return words, None


def cluster_people(keys: Sequence[str]) -> list[list[str]]:
    """Full-name keys clustered within blocks of a shared surname prefix, so cost follows block size."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        blocks[name_words(key)[-1][:4]].append(key)
    parent = {key: key for key in keys}
    lineage = generations(keys)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if same_person(a, b, lineage):
                    union(parent, a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        groups[find(parent, key)].append(key)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def generations(keys: Sequence[str]) -> dict[tuple[str, str], set[str]]:
    """The generations the corpus writes after each (given names, surname)."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key in keys:
        if (written := generation(key)) is not None:
            found[split_name(key)].add(written)
    return found


def same_person(a: str, b: str, lineage: Mapping[tuple[str, str], set[str]] | None = None) -> bool:
    """Two full names that differ only as spellings of the same given names and surname do, of
    one generation. A generation one outlet leaves out ("Anthony LaCalamita" for Anthony
    LaCalamita III) is the one the corpus writes, unless it writes two: "Mark Felt Jr." is not
    his father, W. Mark Felt Sr., and then the bare "Mark Felt" is neither."""
    first, second = generation(a), generation(b)
    if first != second and (first is not None and second is not None or len((lineage or {}).get(split_name(a), set())) > 1):
        return False
    a_given, a_surname = split_name(a)
    b_given, b_surname = split_name(b)
    if fuzz.ratio(a_surname, b_surname) < SURNAME_SIMILARITY:
        return False
    return same_given_names(a_given, b_given) or middle_name_left_out(given_words(a), given_words(b))


def middle_name_left_out(first: list[str], second: list[str]) -> bool:
    """ "Mark Jay Heller" and "Mark Heller": one outlet writes a middle name the other leaves out."""
    shorter, longer = sorted((first, second), key=len)
    return bool(shorter) and len(longer) > len(shorter) and longer[: len(shorter)] == shorter


def same_given_names(a: str, b: str) -> bool:
    """Close spellings with the same consonants: "Mohamed"/"Mohammed", "Anthony"/"Antony" and
    "Carolos"/"Karolos" are one name; "Charlie"/"Charlene", a brother and his sister, are two,
    although their letters are as close (a spelling ratio of 80)."""
    first_a, first_b = a[:1].translate(SAME_SOUND), b[:1].translate(SAME_SOUND)
    if first_a != first_b or fuzz.ratio(a, b) < GIVEN_NAME_SIMILARITY:
        return False
    return consonants(a) == consonants(b)


def consonants(name: str) -> str:
    """A name's consonants, as a transliteration keeps them: sounds alike as one, doubled as one."""
    skeleton = SOFT_LETTERS.sub("", name.translate(SAME_SOUND))
    return re.sub(r"(.)\1+", r"\1", skeleton)


def split_name(key: str) -> tuple[str, str]:
    """Given names without spaces ("Abdel Rahman" and "Abdulrahman" are one name), and the surname.
    A middle initial beside a given name is left out: "James G. Bodiford" is James Bodiford."""
    return "".join(given_words(key)), name_words(key)[-1]


def given_words(key: str) -> list[str]:
    """The words before the surname, a middle initial beside a given name left out."""
    words = key.split()
    surname = name_words(key)[-1]
    cut = len(words) - 1 - words[::-1].index(surname)
    return [w for w in words[:cut] if len(w) > 1] or words[:cut]


def find(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def union(parent: dict[str, str], a: str, b: str) -> None:
    ra, rb = find(parent, a), find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)  # the smaller key roots: the same clusters in any order
