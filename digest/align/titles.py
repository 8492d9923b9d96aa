"""A topic's title: the headline-like line its articles most agree on (see `name_topic`)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from digest.align.topics import wording_of
from digest.model import Extraction, Sentence
from digest.nlp.vocabulary import VERB_PARTICLES, crude_stem

TITLE_WORDS = 12  # a title longer than this is cut
# A place in capitals, perhaps its country, and the agency in brackets: "GAZA CITY, Gaza (AP)".
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]+(?:, [A-Z][\w.'’ -]*)?\s*\([^)]*\)\s*[—–-]?$")


def name_topic(extractions: Sequence[Extraction]) -> str:
    """A neutral title: the headline-like line the topic's articles most agree on.

    Candidates are every article's title and short heading lines near its top, split at a
    colon (a kicker such as "Blinken:" or a quoted claim after it is one outlet's framing) and
    stripped of quotation marks. Each is scored by how many of the topic's articles use its
    content words, so wording every outlet shares wins over one outlet's angle; a made-up
    string of keywords would read worse and could join words no outlet put together.
    """
    candidates = title_candidates(extractions)
    if not candidates:
        return "Untitled"
    shares = term_shares(extractions)
    best = shorten(max(candidates, key=lambda c: (title_score(c, shares), -len(c), c)))
    return best[:1].upper() + best[1:]  # the part after a kicker's colon opens in lower case: "attack a dark day …"


def title_candidates(extractions: Sequence[Extraction]) -> list[str]:
    lines: list[str] = []
    # An English digest is titled in English where any of its reports is in English.
    english = [e for e in extractions if (e.article.language or "en").startswith("en")]
    for e in english or extractions:
        lines.append(e.article.title)
        lines.extend(s.text for s in e.sentences[:4] if looks_like_heading(s))
    parts = {clean_title(part) for line in lines for part in re.split(r":\s+", line)}
    # A kicker ("Blinken", "Von der Leyen") is no title, but a short headline ("Festival opens") beats none at all.
    people = person_names(extractions)
    titles = [p for p in parts if len(p.split()) >= 3 and p.casefold() not in people]
    return sorted(titles) or sorted(p for p in parts if p)


def person_names(extractions: Sequence[Extraction]) -> set[str]:
    """Every person's name the topic gives, casefolded, and each tail of it: a kicker names the
    speaker by surname, particles and all ("Von der Leyen: attack a dark day for Europe")."""
    names = {m.canonical.casefold() for e in extractions for m in e.mentions if m.label == "PERSON"}
    return {" ".join(words[i:]) for name in names if (words := name.split()) for i in range(len(words))}


def looks_like_heading(sentence: Sentence) -> bool:
    text = sentence.text.rstrip()
    # A quoted sentence ends inside its marks ('… by midnight."'): it is still a sentence
    ended = text.rstrip("\"'”’»)").endswith((".", "?", "!"))
    return len(text.split()) <= TITLE_WORDS and not ended and not is_dateline(text)


def is_dateline(text: str) -> bool:
    """A wire dateline the sentencizer cut off the lead ("MARSEILLE, France (Coastline Wire) —",
    "GAZA (Reuters) -"): it names where the report was filed, not what happened, yet every
    article of a topic shares its place, so it would outscore the headlines."""
    return text.endswith(("—", "–", " -")) or _DATELINE.match(text) is not None


def clean_title(text: str) -> str:
    """Without quotation marks; a single mark only where it opens or closes a quote, so the
    apostrophe of "Drivers' strike continues" stays."""
    text = re.sub(r"[\"“”«»„]", "", text)
    text = re.sub(r"(?<!\w)['‘]([^'‘’]*?)['’](?!\w)", r"\1", text)
    text = re.sub(r"(?<!\w)['‘]", "", text)
    return " ".join(text.split()).strip(" -–—|,;")


def term_shares(extractions: Sequence[Extraction]) -> dict[str, float]:
    """For each content word, the share of the topic's articles that use it."""
    per_article = [set(wording_of(e).terms) for e in extractions]
    counts = Counter(t for terms in per_article for t in terms)
    return {t: k / len(extractions) for t, k in counts.items()}


def title_score(candidate: str, shares: Mapping[str, float]) -> float:
    words = [t for t in (crude_stem(w) for w in re.findall(r"[\w']+", candidate.lower())) if t not in STOP_WORDS]
    if not words:
        return 0.0
    found = [max(shares.get(w, 0.0), shares.get(w.rstrip("s"), 0.0)) for w in words]
    return sum(found) / math.sqrt(len(words))  # mostly shared words; a little credit for coverage


# Where a clause of a long headline begins: a title cut short ends before it, keeping at least MIN_CUT words.
CLAUSE_WORDS = frozenset({"as", "while", "after", "before", "amid", "and", "but", "with", "when", "despite"})
MIN_CUT = 5
# Adverb particles that end a phrasal verb, and a headline with it: "steps down", "called off";
# "on" and "over" end one more often as a preposition left dangling by the cut ("Talks on").
TITLE_PARTICLES = VERB_PARTICLES - {"on", "over"}


def shorten(title: str) -> str:
    """At most TITLE_WORDS words, never ending on an ellipsis or a dangling "of"; a title cut short
    ends where its last clause began ("… cuts main rate by 25 basis points", not "… as inflation")."""
    words = title.replace("…", " ").replace("...", " ").split()
    if len(words) > TITLE_WORDS:
        words = words[:TITLE_WORDS]
        breaks = [i for i, w in enumerate(words) if i >= MIN_CUT and (w.lower() in CLAUSE_WORDS or words[i - 1].endswith((",", ";")))]
        words = words[: breaks[-1]] if breaks else words
    # "Talks on", "Strike over": a dangling word goes; "Coach steps down", "Strike called off" keep theirs
    while len(words) > 1 and words[-1].lower() in STOP_WORDS and words[-1].lower() not in TITLE_PARTICLES:
        words.pop()
    title = " ".join(words).rstrip(",;:-–—")
    # a headline's own full stop goes ("Jury finds suspect guilty."), an abbreviation's stays ("… the U.S.")
    return title[:-1] if words and title.endswith(".") and "." not in words[-1][:-1] else title
