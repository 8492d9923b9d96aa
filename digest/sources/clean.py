"""Drop what a web page wraps around an article, keep every sentence, and record each removal.

General rules, not a list of any outlet's strings: page widgets (share, follow, comment
forms, "read next" with the neighbouring headline, "most popular" lists), photo credits
and captions, a title printed twice, a table of contents that repeats the subheadings,
lines in another language (identified by py3langid) and bracketed insertions in another
script (a translator's leftover).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

import ftfy
from spacy.lang.en.stop_words import STOP_WORDS

from digest.model import Article

# A byline's one to five names: capitalised words (case-sensitive, though the rest of the
# widget rule is not, so "By noon it had stopped." is no byline) or lower-case particles.
_BYLINE_NAMES = r"(?:(?-i:[A-ZÀ-Ž]|(?:de|da|di|du|del|van|von|der|den|al|el|bin|ibn)\s)[\w'’.-]*\s*){1,5}"
# Whole lines that are page furniture, whatever the outlet.
_WIDGET = re.compile(
    r"""^(?:
        share(?:\s+(?:this(?:\s+(?:article|story|page|post|video))?|on\s+\w+(?:\s*[|,/·]\s*\w+)*))?|
        follow\s+us(?:\s+on\s+\w+)?|print|email|e-mail|
        by\s+NAMES(?:and\s+NAMES)?|
        \((?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b[^)]*\)|
        read\s+(?:previous|next|more|also)|(?:previous|next)\s+(?:article|post|story|news)|
        (?:also\s+read|see\s+also|read\s+more|related|more\s+on\s+this(?:\s+story)?)\s*:.*|
        \(?(?:translated|translation)\s+(?:from|by)\b[^)]*\)?\.?|
        related(?:\s+(?:news|articles?|stories|posts|content|topics))?|
        (?:most\s+(?:popular|read|viewed|shared)(?:\s+(?:in|on|from)\s+.{1,40})?)|trending(?:\s+now)?|top\s+stories|
        leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|\d*\s*comments?|add\s+comment|
        your\s+email\s+address\s+will\s+not\s+be\s+published\..*|required\s+fields\s+are\s+marked.*|
        join\s+(?:\S+\s+){0,4}(?:whatsapp|telegram|signal|viber)\s+(?:group|channel|community)|
        (?:subscribe|sign\s+up)(?:\s+(?:now|today|here|free))?(?:\s+(?:for|to)\s+[^.,;!?]{1,60})?|advertisement|sponsored(?:\s+content)?|
        (?:tags?|topics?|categories)\s*:.*|(?:copyright\s*)?©.*|all\s+rights\s+reserved\.?|
        click\s+here\b.*|download\s+(?:our|the)\s+app.*
    )[\s:.!|]*$""".replace("NAMES", _BYLINE_NAMES),
    re.IGNORECASE | re.VERBOSE,
)
# Widgets after which the following lines are other articles' headlines.
_NAV_LABEL = re.compile(
    r"^(?:read\s+(?:previous|next|more|also)|(?:previous|next)\s+(?:article|post|story)|"
    r"related(?:\s+\w+)?|most\s+(?:popular|read|viewed|shared)(?:\s+(?:in|on|from)\s+.{1,40})?|"
    r"trending(?:\s+now)?|top\s+stories)[\s:]*$",
    re.IGNORECASE,
)
# Photo credits: "- PHOTO/AFP", "Photo: Reuters", "(Getty Images)", ".../POOL/AFP".
_CREDIT = re.compile(
    r"(?:[-–—|]\s*(?:photo|foto|image|picture|credit)s?\s*[/:]|^(?:photo|foto|image|picture|credit|caption)s?\s*:|"
    r"/POOL/|\((?:photo|image)[^)]*\)\s*$|\b(?:Getty\s+Images|AP\s+Photo|Shutterstock)\b\s*\)?$)",
    re.IGNORECASE,
)
# Only ftfy's encoding repairs: its other fixes (HTML entities, curly quotes, ligatures, widths)
# would change what a real UTF-8 article says, and text that is fine must stay byte-identical.
_MOJIBAKE_FIXES = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•])\s+(.+)$")
_BRACKETED = re.compile(r"\s?[\[(]([^\[\]()]{1,120})[\])]")
_TERMINAL = re.compile(r"[.!?…:;\"”’)]$")
# A thousands separator a tokeniser split off ("as many as 2, 000 people", "$30, 000"): corpora
# tokenised for research print numbers so, and the parser then reads "000" as a count of nothing.
# A group of three digits after ", " joins the number before it, unless that number is a day
# ("May 5, 300 people") or the tail of a height ("5 - foot - 8, 135 pounds", "(5 - 11, 220)").
_SPLIT_THOUSANDS = re.compile(r"(?<![\d.,])(?P<head>\d{1,3})(?P<tail>(?:, \d{3})+)(?!\d|[.,]\d)")
# A corpus tokenised in the Penn Treebank's way writes quotation marks as `` and '' apart from
# their words, and splits contractions off theirs.
_PTB_OPEN = re.compile(r"``\s*")
_PTB_CLOSE = re.compile(r"\s*''")
# Some tokenisers write both marks as '': one that starts a text or follows a space and runs
# onto a word opens ("IRNA reported. ''The Persian Gulf is not deep …, '' he said").
_PTB_DOUBLE_OPEN = re.compile(r"(?:^|(?<=\s))''(?=\w)")
_SPLIT_CONTRACTION = re.compile(r"(?<=\w)(?: (’) ((?:s|t|m|re|ve|ll|d)\b)| (')((?:ve|m|re|ll|d)\b)| (n[’']t)\b)")
_BEFORE_OPENING = "([{—–-/:"
# "10 a. m.", "1 : 53 p. m.", "at 6 : 41 last night": a time of day a tokeniser split at its points
# and colon.
_SPACED_MERIDIEM = re.compile(r"\b([ap])\. m\.", re.IGNORECASE)
_SPACED_CLOCK = re.compile(r"\b([01]?\d|2[0-3]) : ([0-5]\d)\b(?! :)")
# "euro110 billion": wire copy without a euro sign writes the currency's name onto the amount.
_GLUED_EURO = re.compile(r"(?<![\w$£€¥])euro(?=\d)", re.IGNORECASE)
# "a $ 35,000 reward", "US$ 5 million": a currency sign a tokeniser spaced off its amount.
_SPACED_CURRENCY = re.compile(r"(?<![^\s(\[])((?:[A-Z]{1,3})?[$£€¥]) (?=\d)")
# "a 300 - seat parliament", "three co - workers", "5 - foot - 8": a hyphen a tokeniser spaced, after a
# number or a prefix that is no word of its own. Before a word that opens a clause the spaced mark
# is a dash, and between two numbers a score or a range ("won 25 - 7").
# Where a text spaces more hyphens between words than it attaches, a tokeniser spaced them; an
# outlet that writes " - " for a dash attaches its hyphens ("well-known").
_WORD_HYPHEN_SPACED = re.compile(r"\w - \w")
_WORD_HYPHEN = re.compile(r"\w-\w")
# Prefixes that are never a word of their own, mended in any text; and those that, in a text a
# tokeniser spaced, are prefixes too ("pre - election", "vice - president").
_BOUND_PREFIXES = "co|anti|non|self|semi|multi"
_TOKENISED_PREFIXES = _BOUND_PREFIXES + "|pre|post|mid|vice"
_SPACED_HYPHEN = re.compile(
    r"(?<![\w.,])(?P<left>(?:(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:bn|mn|tn|m|k)?|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    rf"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))(?:-[a-z]+)*|(?i:{_TOKENISED_PREFIXES})) - "
    r"(?!(?:the|a|an|and|or|but|in|on|at|to|of|for|he|she|it|they|we|i|was|is|were|are|which|who|that|when|as)\b)(?=[a-z]|(?<=[a-z] - )\d)"
)
_SPACED_PREFIX = re.compile(rf"(?<![\w.,])(?P<left>(?i:{_BOUND_PREFIXES})) - (?=[a-z])")
# Below this share of straight marks written onto the word before them, a text's marks were
# spaced by a tokeniser (ECB+ dev: 269 of 354 texts attach none; every text written here, half).
ATTACHED_SHARE = 0.4
_BEFORE_NO_JOIN = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|-|–|\bno\.|\bnos\.)\s*$", re.IGNORECASE
)
# Short lines shorter than this are furniture or headings, never sentences we could lose.
_HEADLINE_WORDS = 20
# Language identification is unreliable below this many words; from the shorter bound up,
# a line counts as foreign only when the model is all but certain and no English word is in it.
_MIN_WORDS_FOR_LANGUAGE = 5
_MIN_WORDS_FOR_SHORT_LANGUAGE = 3
# py3langid takes many a short English brief ("Inflation fell to 3.2% in October from 3.7% in
# September.", 0.90) for Nigerian Pidgin, an English-lexified creole whose numbers and words the
# English readers handle as well: it is read as English, or the brief would lose its figures.
ENGLISH_LOOKALIKES = {"pcm": "en"}
# From this many words of body text on, the text's own language outweighs the front matter's.
_TRUSTED_BODY_WORDS = 40


@dataclass(frozen=True)
class Line:
    text: str
    keep: bool = True


def clean_article(article: Article) -> Article:
    """The article with its boilerplate removed, each removal recorded verbatim, and a title."""
    text, repaired = repair_encoding(article.text)
    lines = [normalise(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    language = choose_language(article.language, lines)
    title_text, title_repaired = repair_encoding(article.title)
    title = normalise(title_text)
    kept: list[str] = []
    removed: list[str] = []
    for line, keep in judge_lines(lines, title, language):
        if not keep:
            removed.append(line)
            continue
        stripped, fragments = strip_foreign_brackets(line, language)
        removed.extend(fragments)
        if stripped:
            kept.append(stripped)
    title = mend_tokenised(title) or derive_title(kept)
    return replace(
        article,
        title=title,
        text=mend_tokenised("\n\n".join(kept)),
        removed=tuple(removed),
        repaired=(*title_repaired, *repaired),
        language=language,
    )


def repair_encoding(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with mojibake mended ("CafÃ©" -> "Café"), and each mended line as "before → after".

    Before `normalise`, which drops C1 controls such as the 0x9D that ends a mangled "”"."""
    if text.isascii():  # mojibake needs non-ASCII characters: most lines pass untouched
        return text, ()
    lines = text.split("\n")
    fixed = [ftfy.fix_text(line, _MOJIBAKE_FIXES) if not line.isascii() else line for line in lines]
    repairs = tuple(change for old, new in zip(lines, fixed, strict=True) if old != new for change in changes(old, new))
    return "\n".join(fixed), repairs


def changes(old: str, new: str) -> list[str]:
    """The words a repair changed, "before → after": a whole paragraph would hide the repair."""
    before, after = old.split(), new.split()
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    return [
        f"{shown_words(before[i1:i2])} → {shown_words(after[j1:j2])}"
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def shown_words(words: list[str]) -> str:
    """Words as a reader can see them on a page: controls written as escapes, not dropped."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in " ".join(words))


def normalise(line: str) -> str:
    # NBSP and friends come from copy-paste of web pages; they must not survive into anchors or search.
    line = unicodedata.normalize("NFC", line)
    line = _CONTROL.sub("", line)  # invisible, and Markdown uses STX/ETX as its own placeholders
    line = re.sub(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]", " ", line)
    return join_split_thousands(re.sub(r" {2,}", " ", line).strip())


def mend_tokenised(text: str) -> str:
    """Text a research corpus tokenised, written back as an outlet printed it: quotation marks on
    their words ("`` … ''" and marks that say nothing of their side, `mend_sideless_marks`),
    contractions whole ("Lohan ’ s", "I 've"), currency signs on their amounts ("$ 35,000",
    "euro110 billion" as "€110 billion"), hyphens after numbers and prefixes ("300 - seat",
    "co - workers") and times of day ("1 : 53 p. m.")."""
    if "``" in text or "''" in text:
        text = _PTB_CLOSE.sub("”", _PTB_DOUBLE_OPEN.sub("“", _PTB_OPEN.sub("“", text)))
    if " ’ " in text or " '" in text or "n't" in text or "n’t" in text:
        text = _SPLIT_CONTRACTION.sub(lambda m: "".join(g for g in m.groups() if g), text)
    if len(_WORD_HYPHEN_SPACED.findall(text)) > len(_WORD_HYPHEN.findall(text)):
        text = _SPACED_HYPHEN.sub(r"\g<left>-", _SPACED_HYPHEN.sub(r"\g<left>-", text))  # twice: "59 - year - old"
    elif " - " in text:
        text = _SPACED_PREFIX.sub(r"\g<left>-", text)  # a prefix is no word: "co - workers" in any text
    if ". m." in text or " : " in text:
        text = _SPACED_CLOCK.sub(r"\1:\2", _SPACED_MERIDIEM.sub(r"\1.m.", text))
    return mend_sideless_marks(_GLUED_EURO.sub("€", _SPACED_CURRENCY.sub(r"\1", text)))


def mend_sideless_marks(text: str) -> str:
    """Straight marks a tokeniser spaced say little of which side they are on ("the quake. "Houses
    were destroyed, "Jassem Chabok said"): in text that writes fewer than `ATTACHED_SHARE` of them
    onto the word before, a quote's marks alternate in each paragraph, and only one written onto a
    word surely closes. Written as curly marks on their words, they read as the outlet printed them
    and pair as any other marks do. Text an outlet wrote attaches about half its marks: untouched."""
    straight = [m.start() for m in re.finditer('"', text)]
    if not straight or len(re.findall("[\"“”]", text)) < 2:
        return text
    if sum(1 for i in straight if is_attached(text, i)) >= ATTACHED_SHARE * len(straight):
        return text
    return "\n".join(alternate_marks(paragraph) for paragraph in text.split("\n"))


def is_attached(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace() and text[i - 1] not in _BEFORE_OPENING


def alternate_marks(paragraph: str) -> str:
    """The paragraph's marks, opening and closing in turn. A mark written onto the word before it,
    or standing apart after a sentence's end ("held accountable. " The strike"), surely closes: when
    no quote is open there, the mark taken for the last closing one opened it instead."""
    pieces: list[str] = []
    quoting, last = False, 0
    closed: tuple[int, re.Match[str]] | None = None  # the piece and match of the last closing mark
    for match in re.finditer(r'\s*(["“”])\s*', paragraph):
        mark = match.group(1)
        pieces.append(paragraph[last : match.start()])
        closes = mark == "”" or (mark == '"' and surely_closes(paragraph, match.start(1)))
        if mark == '"' and closes and not quoting and closed is not None:
            pieces[closed[0]] = opening_piece(paragraph, closed[1])
            quoting = True
        quoting = mark == "“" or (mark == '"' and not quoting and not closes)
        pieces.append(opening_piece(paragraph, match) if quoting else closing_piece(paragraph, match))
        if not quoting:
            closed = (len(pieces) - 1, match)
        last = match.end()
    pieces.append(paragraph[last:])
    return "".join(pieces).strip()


def surely_closes(paragraph: str, i: int) -> bool:
    spaced_after_end = paragraph[i - 2 : i] in {". ", "! ", "? ", ", "} and paragraph[i + 1 : i + 2] in {" ", ""}
    return is_attached(paragraph, i) or spaced_after_end


def opening_piece(paragraph: str, match: re.Match[str]) -> str:
    return (" " if match.start() < match.start(1) and match.start() > 0 else "") + "“"


def closing_piece(paragraph: str, match: re.Match[str]) -> str:
    following = paragraph[match.end() : match.end() + 1]
    return "”" + (" " if match.end() > match.end(1) or following.isalnum() else "")


def join_split_thousands(line: str) -> str:
    """ "2, 000 people" as "2,000 people": a number a tokeniser split at its separator, made whole."""

    def join(match: re.Match[str]) -> str:
        if _BEFORE_NO_JOIN.search(line, 0, match.start()):
            return match.group()
        return match["head"] + match["tail"].replace(", ", ",")

    return _SPLIT_THOUSANDS.sub(join, line) if ", " in line else line


def judge_lines(lines: list[str], title: str, language: str) -> list[tuple[str, bool]]:
    """Each line with whether it is kept."""
    headings = {fold(line) for line in lines if is_headline_like(line)}
    seen: set[str] = {fold(title)} if title else set()
    verdicts: list[tuple[str, bool]] = []
    after_nav = False
    for index, line in enumerate(lines):
        junk = is_junk(line, lines[index + 1 :], headings, seen, language, after_nav)
        verdicts.append((line, not junk))
        after_nav = bool(_NAV_LABEL.match(line)) or (after_nav and junk and is_headline_like(line))
        seen.add(fold(line))
    return verdicts


def is_junk(
    line: str, rest: list[str], headings: set[str], seen: set[str], language: str, after_nav: bool
) -> bool:
    if _WIDGET.match(line) or _CREDIT.search(line):
        return True
    if fold(line) in seen and is_headline_like(line):
        return True  # a title or heading printed twice
    if after_nav and is_headline_like(line):
        return True  # a neighbouring article's headline under "Read next", "Related" …
    if is_table_of_contents(line, rest):
        return True
    return is_foreign(line, language)


def is_headline_like(line: str) -> bool:
    return len(line.split()) <= _HEADLINE_WORDS and not _TERMINAL.search(line)


def is_table_of_contents(line: str, rest: list[str]) -> bool:
    match = _LIST_ITEM.match(line)
    if not match:
        return False
    entry = fold(match.group(1))
    return any(fold(later) == entry for later in rest)


def fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def is_foreign(line: str, language: str) -> bool:
    """A line in another language than the article's, when the words leave no doubt."""
    words = re.findall(r"[^\W\d_]+", line)
    if len(words) < _MIN_WORDS_FOR_SHORT_LANGUAGE:
        return False
    short = len(words) < _MIN_WORDS_FOR_LANGUAGE
    if language == "en":
        # Names and titles fool n-gram models on short lines; English function words do not lie.
        # Checked first, it also spares the model most lines of an English article.
        function_words = sum(1 for w in words if w.casefold() in STOP_WORDS)
        if function_words > 0 if short else function_words / len(words) >= 0.2:
            return False
    found, confidence = classify(line)
    return found != language and confidence >= (0.99 if short else 0.9)


def choose_language(declared: str | None, lines: list[str]) -> str:
    """The language the text is in: a long enough body outweighs a declared language.

    Front matter written by hand can be wrong, and trusting it would judge every line
    of the article foreign and remove it.
    """
    body_words = sum(len(line.split()) for line in lines if len(line.split()) >= _MIN_WORDS_FOR_LANGUAGE)
    if declared and body_words < _TRUSTED_BODY_WORDS:
        return declared
    return identify_language(lines)


def identify_language(lines: list[str]) -> str:
    """The article's language, read from its body: furniture and captions are short lines."""
    body = [line for line in lines if len(line.split()) >= _MIN_WORDS_FOR_LANGUAGE] or lines
    text = "\n".join(body)
    return classify(text)[0] if text.strip() else "und"


def classify(text: str) -> tuple[str, float]:
    language, confidence = identifier().classify(text)
    return ENGLISH_LOOKALIKES.get(str(language), str(language)), float(confidence)


@lru_cache(maxsize=1)
def identifier():  # type: ignore[no-untyped-def]  # py3langid ships no types to name its class
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def strip_foreign_brackets(line: str, language: str) -> tuple[str, list[str]]:
    """Drop bracketed runs written in another script than the line's own (a translator's leftover)."""
    if line.isascii() or not _BRACKETED.search(line):
        return line, []  # no bracket, or nothing but Latin letters: nothing to strip
    main = dominant_script(line)
    fragments: list[str] = []

    def drop(match: re.Match[str]) -> str:
        script = dominant_script(match.group(1))
        if script and main and script != main:
            fragments.append(match.group(0).strip())
            return ""
        return match.group(0)

    return _BRACKETED.sub(drop, line).strip(), fragments


def dominant_script(text: str) -> str | None:
    scripts = Counter(script_of(ch) for ch in text if ch.isalpha())
    return scripts.most_common(1)[0][0] if scripts else None


def script_of(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def derive_title(paragraphs: list[str]) -> str:
    """A short title from the opening sentence, for seeds that have no title line."""
    words = first_sentence(paragraphs[0]).rstrip(".!?").split() if paragraphs else []
    if not words:
        return "Untitled"
    if len(words) <= 12:
        return " ".join(words)
    head = " ".join(words[:12])
    for clause_end in re.finditer(r"[,;]| [–—]", head):
        if len(head[: clause_end.start()].split()) >= 5:
            return head[: clause_end.start()]  # the first clause long enough to say something
    return " ".join(words[:10]) + " …"


def first_sentence(paragraph: str) -> str:
    # Skip periods of initials and abbreviations ("U.S.", "Mr.") that are no sentence end.
    for match in re.finditer(r"[.!?][\"”’]?(?=\s+[\"“‘(]?[A-Z])", paragraph):
        before = paragraph[: match.start()].split()[-1:] or [""]
        if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Col|Sen|Rep|Gov|Prof", before[0]):
            continue
        return paragraph[: match.end()]
    return paragraph
