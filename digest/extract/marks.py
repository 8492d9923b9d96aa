"""Quotation marks paired into quoted stretches of an article's text: what `digest.extract.quotes`
reads as direct quotes.

Double quotation marks (straight, curly, guillemets) are paired within a
paragraph; a straight mark opens after a space and closes before one. A mark that pairs with
nothing is dropped, never stretched to the paragraph's end (seeds carry stray closing marks);
a second opening mark inside an open quote is a stray (a nested quote uses single marks) unless
a sentence has ended in between, when the first one was; right after a sentence's end it opens a
paragraph the copy ran into the last, and the first quote ran to that sentence's end. A quote still open at a paragraph's end
continues only when the next paragraph opens with a quotation mark (the newspaper convention for
multi-paragraph quotes). Quotes of one to three words ("room for compromise", "optimistic") are
scare quotes or borrowed words and left out, unless they stand alone as an utterance: they end in
punctuation inside the marks or follow a colon or comma ("No," he said. / said: "Never."), or,
of two or three words, are a partial quote a verb of saying introduces or closes ("called the
notice "sensible and necessary"", "had said he "should have known"", "is "under control", Karl
Weiss said").
Single marks quote only where a speech verb follows the pair (British and Dutch papers print
quotes so), or a verb of saying stands within three words before one that closes a sentence
("describing the suspect as 'subdued.'"), since a single mark is as often an apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from digest.nlp.vocabulary import FOREIGN_SPEECH_WORDS, SPEECH_VERBS

# Forms of a speech verb as written right after a quote: "said", "says", "added"; "zei", "sagte".
SPEECH_FORMS = FOREIGN_SPEECH_WORDS | {"said", "says", "told", "wrote", "writes"} | {
    form for verb in SPEECH_VERBS for form in (verb + "ed", verb + "d", verb + "s")
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, so "added" is tried before "add"."""
    return "|".join(sorted(map(re.escape, words), key=lambda w: (-len(w), w)))


# An opening single mark before a capital, the shortest stretch to a closing one, then a speech
# verb within three words: "'…,' he said", "'…', zei FNV-bestuurder …", "'…,' Undersheriff James Gage said".
_SINGLE_QUOTED = re.compile(
    r"(?<![\w'‘’])['‘](?=[A-Z])(?P<body>[^\n]{8,}?[\w.,!?…])['’](?=[,.]?\s+(?:[\w.-]+\s+){0,3}(?i:"
    + alternation(SPEECH_FORMS)
    + r")\b)"
)
# …or after a verb of saying and at most three words, closed by the end of a sentence or a comma:
# "describing the suspect as 'subdued. Very, very, very subdued.'", "requested 'total privacy,' and"
# (an apostrophe inside a word may stand within).
_SINGLE_SAID = re.compile(r"(?<=\s)['‘](?P<body>(?:[^\n'‘’]|['’](?=\w)){2,}?[.!?…,])['’](?!\w)")
# …or after a colon, closed by the end of a sentence: "Karl Weiss said: 'The outbreak is over.'"
# (an apostrophe, as in "the unions' demands", never follows a full stop).
_SINGLE_AFTER_COLON = re.compile(r"(?<=:\s)['‘](?=[A-Z])(?P<body>[^\n]+?[.!?…])['’](?!\w)")
# …or a whole sentence in single marks after another sentence, where the paragraph already quotes
# so: "'We will rebuild every home,' she told the BBC. 'Nobody will be left behind.'"
_SINGLE_SENTENCE = re.compile(r"(?<=[.!?…]\s)['‘](?=[A-Z])(?P<body>(?:[^\n'‘’]|['’](?=\w)){2,}?[.!?…])['’](?!\w)")
OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"
MARKS = OPENING_MARKS + CLOSING_MARKS + '"'
_BEFORE_OPENING = "([{—–-/:"
_AFTER_CLOSING = ".,;:!?)]}…-—–"
_ONLY_AFTER_CLOSING = ".,;:!?)]}"
_SENTENCE_END = re.compile(r"[.!?…]\s+[A-Z]")
# "…, police said.", "…, said Lt. Gerry Scherlinck.": a report's attribution of what it tells to
# someone, a comma or a full stop's mark before it and at most four words between.
_REPORTED_INSIDE = re.compile(r"[,.]['’]?\s+(?:[\w.'’-]+\s+){0,4}?(?:said|says|told)\b|\bsaid\s+(?:[A-Z][\w.'’-]*\s*){1,4}[.,]")
# A quoted report attributes this many statements inside its marks; one speaker's words never do.
REPORT_ATTRIBUTIONS = 2
SHORTEST_QUOTE_WORDS = 4
SHORTEST_PARTIAL_WORDS = 2
# A quoted title runs to a few words, each capitalised but these.
TITLE_WORDS = 8
TITLE_SMALL_WORDS = frozenset("a an the of in on at to for and or nor but from with by as into upon vs".split())
# A verb of saying and at most three words before a quote's opening mark, in its sentence: the
# quote is the words said. "Call" needs its object between ("called the plan "…""): right before
# the mark it names a thing ("a charity called "Help Now""), and "so-called" marks a scare quote.
def said_within_three_words(forms: Iterable[str]) -> str:
    """A regex of one of the forms, then at most three words."""
    return r"(?<![\w-])(?:" + alternation(forms) + r")(?:\s+[\w'’-]+){0,3}"


_SAID_BEFORE = re.compile(
    r"(?:" + said_within_three_words(SPEECH_FORMS - {"called", "calls"}) + r"|(?<![\w-])call(?:ed|s|ing)(?:\s+[\w'’-]+){1,3})\s*$",
    re.IGNORECASE,
)
# The same, with the participles that introduce a quote in a clause ("saying", "describing").
SAYING_FORMS = SPEECH_FORMS | {verb[:-1] + "ing" if verb.endswith("e") else verb + "ing" for verb in SPEECH_VERBS}
_SAYING_BEFORE = re.compile(said_within_three_words(SAYING_FORMS - {"called", "calls"}) + r"\s*$", re.IGNORECASE)
_NAMING = re.compile(r"(?<![\w-])(?:so-)?(?:called|dubbed|named|titled|entitled)\s*$", re.IGNORECASE)
# …and after the closing mark, past a comma and at most three words: "is "under control", Karl
# Weiss said".
_SAID_AFTER = re.compile(
    r"^[,]?\s+(?:[\w'’.-]+\s+){0,3}(?:"
    + alternation(SPEECH_FORMS)
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Marked:
    """A quoted stretch: `start` and `end` are the offsets of its opening and closing marks."""

    start: int
    end: int


def quote_spans(text: str) -> list[Marked]:
    spans: list[Marked] = []
    pending: int | None = None  # an opening mark still open at the previous paragraph's end
    for start, end in paragraph_bounds(text):
        marks = [(i, kind) for i in range(start, end) if (kind := mark_kind(text, i))]
        continues = pending is not None and bool(marks) and marks[0] == (start, "open")
        found, pending = pair_marks(text, marks[1:] if continues else marks, pending if continues else None)
        found = [span for span in found if not is_quoted_report(text, span)]
        spans.extend(found)
        spans.extend(single_quoted(text, start, end, found))
    return sorted(spans, key=lambda m: m.start)


def is_quoted_report(text: str, span: Marked) -> bool:
    """Whether the marks hold another outlet's report rather than one speaker's words: a blog
    quoting a wire story ("A gunman shot three people …, police said. … 'He ran,' Gage said.")
    attributes what it quotes to others, again and again. Its own quotes, in single marks, are
    then read as any others are."""
    inner = text[span.start + 1 : span.end]
    return len(_SENTENCE_END.findall(inner)) >= 2 and len(_REPORTED_INSIDE.findall(inner)) >= REPORT_ATTRIBUTIONS


def single_quoted(text: str, start: int, end: int, taken: Sequence[Marked]) -> list[Marked]:
    """Quotes in single marks, as British and Dutch papers print them ('We will not sign,' he
    said; 'Zonder sjorders vaart er geen schip weg', zei …). A single mark is also an apostrophe
    ("'s ochtends", "the unions' demands"), so only a pair that a speech verb follows counts."""
    found: list[Marked] = []
    for pattern in (_SINGLE_QUOTED, _SINGLE_AFTER_COLON, _SINGLE_SAID):
        for match in pattern.finditer(text, start, end):
            if pattern is _SINGLE_SAID and not said_before(text, match.start(), _SAYING_BEFORE):
                continue
            if not any(t.start <= match.start() <= t.end for t in (*taken, *found)):
                found.append(Marked(match.start(), match.end("body")))
    if found:  # the paragraph quotes in single marks: a sentence in them is a quote too
        for match in _SINGLE_SENTENCE.finditer(text, start, end):
            if not any(t.start <= match.start() <= t.end for t in (*taken, *found)):
                found.append(Marked(match.start(), match.end("body")))
    return sorted(found, key=lambda m: m.start)


def paragraph_bounds(text: str) -> Iterable[tuple[int, int]]:
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        stripped = match.group().rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        if stripped.strip():
            yield match.start() + lead, match.start() + len(stripped)


def mark_kind(text: str, i: int) -> str | None:
    """"open", "close" or None for a double quotation mark at `i`: by its neighbours, else its shape."""
    ch = text[i]
    if ch not in MARKS:
        return None
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # Nothing opens onto a comma or a stop: in French spacing ("« La nuit sera décisive », a
    # déclaré") the closing mark has a space before it and a comma after, which reads as an opening.
    onto_stop = after in _ONLY_AFTER_CLOSING and text[i + 1 : i + 4] != "..."
    opens = (before.isspace() or before in _BEFORE_OPENING) and not after.isspace() and not onto_stop
    closes = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING or after in MARKS)
    if opens != closes:
        return "open" if opens else "close"
    if ch in OPENING_MARKS:
        return "open"
    return "close" if ch in CLOSING_MARKS else None


def pair_marks(text: str, marks: list[tuple[int, str]], open_at: int | None) -> tuple[list[Marked], int | None]:
    spans: list[Marked] = []
    for position, kind in marks:
        if kind == "open":
            ended = open_at is not None and _SENTENCE_END.search(text, open_at, position) is not None
            if ended and open_at is not None and ends_sentence(text, position):
                spans.append(Marked(open_at, len(text[:position].rstrip())))
            if open_at is None or ended:
                open_at = position
        elif open_at is not None:
            spans.append(Marked(open_at, position))
            open_at = None
    return spans, open_at


def ends_sentence(text: str, position: int) -> bool:
    """Whether a sentence ends right before the mark at `position`: an opening mark there, inside
    an open quote, is a paragraph's, and the quote before it ran to that sentence's end (copy that
    lost its paragraph breaks: "Our country … abyss. "What is at stake …")."""
    return text[:position].rstrip()[-1:] in (".", "!", "?", "…")


def quote_text(raw: str) -> str:
    text = " ".join(raw.replace("\n", " ").split())
    text = "".join(ch for ch in text if ch not in MARKS)
    return " ".join(text.split()).strip().rstrip(",;:").strip()


def worth_keeping(text: str, span: Marked) -> bool:
    inner = text[span.start + 1 : span.end].strip()
    words = re.findall(r"\w+", inner)
    before = text[: span.start].rstrip()[-1:]
    if names_a_work(inner) and not (before == ":" or said_before(text, span.start, _SAYING_BEFORE) or said_after(text, span.end)):
        return False  # "released “The Notorious Bettie Page,” a feature film": a work's name, not words said
    if len(words) >= SHORTEST_QUOTE_WORDS:
        return True
    if bool(words) and (inner[-1:] in ".,!?…" or before in (":", ",")):
        return True
    return len(words) >= SHORTEST_PARTIAL_WORDS and (said_before(text, span.start) or said_after(text, span.end))


def names_a_work(inner: str) -> bool:
    """A title of a work or an honour: a few words, each capitalised but the small ones ("The Boy
    From Oz", "In Search of Bettie Page", "Most Likely to Succeed"); a remark reads as a sentence,
    and a slogan calls out, past a comma or to an exclamation mark ("Peoples of Europe, Rise Up")."""
    words = re.findall(r"\w+(?:['’]\w+)*", inner)
    called = "," in inner.rstrip(" ,.;:'’\"”") or inner.rstrip(" '’\"”")[-1:] in {"!", "?"}
    if called or not 2 <= len(words) <= TITLE_WORDS or not words[0][:1].isupper():
        return False
    big = [w for w in words[1:] if w.lower() not in TITLE_SMALL_WORDS]
    return bool(big) and all(w[:1].isupper() or w[:1].isdigit() for w in big)


def said_before(text: str, start: int, said: re.Pattern[str] = _SAID_BEFORE) -> bool:
    """Whether a verb of saying stands within three words before the opening mark at `start`."""
    lead = text[max(text.rfind("\n", 0, start), start - 80, 0) : start]
    if _NAMING.search(lead):
        return False  # "said the so-called “peace plan”": a name for a thing, not words said
    return said.search(re.split(r"[.!?;:]\s", lead)[-1]) is not None


def said_after(text: str, end: int) -> bool:
    """Whether a verb of saying follows the closing mark at `end`, past at most three words."""
    tail = text[end + 1 : end + 80].split("\n", 1)[0]
    return _SAID_AFTER.match(re.split(r"[.!?;:]\s", tail)[0]) is not None


