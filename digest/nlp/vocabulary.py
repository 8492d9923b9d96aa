"""The vocabulary the extractors and aligners share: speech verbs, dependency labels, content
parts of speech, near-synonyms and the two stemmers, each written once.

General English only: nothing here names an event, an outlet or a place.
"""

from __future__ import annotations

# Dependency labels of a clause's subject, active or passive ("Blinken said", "was told").
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A verb's subject or direct object: the nouns a count or a measurement may be said of.
ARGUMENTS = SUBJECTS | {"dobj"}

# Verbs of saying that attribute a quote to its speaker.
SPEECH_VERBS = frozenset(
    """say tell state add ask assert acknowledge admit announce argue claim comment confirm declare
    deny explain insist note reply respond stress emphasize emphasise warn write tweet post urge
    suggest conclude recall remark reiterate maintain observe predict promise vow pledge caution
    describe call quote testify concede complain lament mention answer repeat affirm cry shout
    scream whisper joke boast retort counter contend allege estimate
    assure reassure underline underscore specify indicate exclaim sob plead sigh murmur mutter yell
    chant request demand accuse
    speak brand dub term hail condemn slam""".split()
)
# Verbs of saying whose object is what was said, word for word: "chanted "thieves, thieves"",
# "requested "total privacy"", "denied "any wrongdoing"" (not "wrote", "called", "described").
UTTERANCE_VERBS = frozenset(
    """chant shout cry scream yell whisper murmur mutter exclaim request demand urge promise vow
    pledge deny admit plead""".split()
)

# Nouns naming a person by role; a subject like "the Qatari ruler" may then stand for a named person.
ROLE_NOUNS = frozenset(
    """head ruler leader minister premier president secretary spokesman spokeswoman spokesperson
    chief official envoy diplomat ambassador general commander king queen prince princess emir
    sheikh chancellor mayor governor senator lawmaker director chairman chairwoman chair manager
    negotiator mediator officer prosecutor judge founder ceo boss prefect mayoress chairperson""".split()
)
# One role under the names a translation may give it: "the mayoress" of Czech "starostka" is the
# mayor another outlet names; "chairwoman" and "chairman" the "chair" a third writes.
ROLE_FORMS = {"mayoress": "mayor", "chairwoman": "chair", "chairman": "chair", "chairperson": "chair"}
# Nouns that describe a person, beyond roles: an untagged name set beside one ("Siobhán Keane, a
# public health doctor") is a person's. Endings catch most others ("economist", "spokeswoman").
PERSON_NOUNS = ROLE_NOUNS | frozenset(
    """doctor physician nurse surgeon engineer teacher lawyer farmer worker resident mother father
    son daughter wife husband owner student researcher professor expert analyst witness survivor
    volunteer ranger driver pilot captain coach player writer member inspector curator""".split()
)
PERSON_ENDINGS = ("ist", "ian", "man", "woman", "person")
# Titles written before a name ("Mayor Tomasz Wierzbicki", "Ranger Ionut Petrescu"); not every
# noun for a person, since some are names too ("Son Heung-min").
NAME_TITLES = ROLE_NOUNS | frozenset(
    "ranger inspector detective captain sergeant constable coach doctor professor lawyer attorney defender".split()
    # and the trades a profile writes before a name: "Comedian Ellen DeGeneres", "Actor Hugh Jackman"
    + """comedian actor actress singer rapper songwriter author novelist poet producer filmmaker
    photographer designer artist musician guitarist drummer activist journalist reporter historian
    economist scientist""".split()
)  # "defender": a defence lawyer, as German "Verteidiger" is translated

# Speech verbs as written after a quote in French, Spanish, Italian, Portuguese, German and Dutch,
# where the speaker follows the verb ("», a déclaré le préfet …"): the past forms reports use.
FOREIGN_SPEECH_WORDS = frozenset(
    """déclaré indiqué dit affirmé expliqué ajouté souligné estimé assuré précisé annoncé
    dijo declaró afirmó señaló explicó añadió aseguró indicó manifestó
    detto dichiarato affermato spiegato aggiunto sottolineato
    disse afirmou declarou explicou acrescentou
    sagte erklärte betonte sagt erklärt
    zei verklaarde aldus""".split()
)

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
# Verbs too common or too grammatical to tell one remark from another.
LIGHT_VERBS = frozenset("be have do say tell get let make".split())
VERB_PARTICLES = frozenset("back away out off up down on over".split())
# "one" is left out: far more often a pronoun ("a necessary one", "no one") than a count.
NUMBER_WORDS = dict(zip("two three four five six seven eight nine ten eleven twelve".split(), map(str, range(2, 13))))
# Near-synonyms of general English that two translations or paraphrases of one remark swap for
# each other; one line per sense, so a word of two senses ("leave") sits on two lines.
# Phrasal verbs are joined by "_" as `quote_lemmas` writes them.
SYNONYM_SETS = """
    stay remain
    leave depart quit exit
    leave abandon desert
    return go_back come_back get_back
    continue keep carry_on go_on persist
    series string cycle sequence succession
    room space scope leeway
    careful carefully caution cautious cautiously prudent prudently
    begin start commence launch
    end finish stop halt cease
    search hunt
    choose pick select elect opt
    decision choice verdict ruling will judgement judgment
    accept respect acknowledge recognise recognize honour honor
    government state administration authority cabinet
    country nation
    people citizen public population resident inhabitant
    family household
    side beside alongside
    debris rubble ruin ruins wreckage
    destroy devastate wreck flatten
    collapse crumble topple
    builder contractor constructor
    building structure
    house home dwelling
    help aid assist support
    rebuild reconstruct restore repair
    investigate probe examine
    punish sanction penalise penalize
    fight battle combat struggle
    attack assault strike raid offensive
    war conflict
    talk negotiation discussion dialogue
    agreement deal accord pact
    ceasefire truce
    kill slay
    die perish
    injure wound hurt
    flood inundation deluge
    fire blaze wildfire inferno
    danger risk threat hazard peril
    safe secure
    damage harm
    crisis emergency
    quickly fast rapidly swiftly promptly soon
    big large huge vast enormous massive
    much many lot plenty numerous
    need require
    want wish desire
    try attempt seek
    think believe
    happen occur
    worker employee staff workforce
    management leadership executive boss
    mistake error fault
    job post position
    company firm business enterprise
    region area zone territory
    embankment bank dike dyke levee
    grateful thankful
    hard difficult tough
    necessary essential vital indispensable
    possible feasible
    concern worry fear anxiety
    important significant crucial
    friend ally partner
    tonight evening
    warn caution
    promise pledge vow
    anger outrage fury
    strike walkout stoppage
    wage pay salary
    price cost
    rise increase grow climb
    fall drop decline decrease
    cut reduce lower slash
    ban prohibit forbid
    law legislation
    win victory triumph
    hospital clinic
    doctor physician
    child kid
    victim casualty
    protect defend safeguard shield
    prevent avoid avert
    plan scheme strategy programme program
    money fund funding cash
    border frontier
    violence bloodshed
    responsible accountable liable
    criticise criticize condemn denounce
    welcome hail applaud
    expect anticipate
    sure certain confident
    tragedy disaster catastrophe calamity
    terrible awful horrific dreadful
    serious grave severe
    clear obvious evident
    immediately instantly
    together jointly
"""
SYNONYMS: dict[str, frozenset[int]] = {}
for _sense, _line in enumerate(SYNONYM_SETS.strip().splitlines()):
    for _word in _line.split():
        SYNONYMS[_word] = SYNONYMS.get(_word, frozenset()) | {_sense}


# Pairs of senses where denying one asserts the other ("will not stop searching" is "will keep
# searching", "was not allowed" is "was banned"): complementary, never gradable ("did not rise" is
# not "fell"), so a negation of one side against the other side agrees instead of conflicting.
COMPLEMENT_SETS = """
    stop end finish cease halt quit abandon | continue keep persist resume carry_on go_on
    leave quit depart exit | stay remain
    lose | win keep retain
    fail | succeed manage
    die perish | survive
    dead | alive
    absent | present
    close shut | open
    ban prohibit forbid | allow permit
    exclude | include
    guilty | innocent
"""
COMPLEMENTS: dict[str, frozenset[str]] = {}
for _line in COMPLEMENT_SETS.strip().splitlines():
    _one, _other = (frozenset(half.split()) for half in _line.split("|"))
    for _word in _one:
        COMPLEMENTS[_word] = COMPLEMENTS.get(_word, frozenset()) | _other
    for _word in _other:
        COMPLEMENTS[_word] = COMPLEMENTS.get(_word, frozenset()) | _one

# Two stemmers on purpose, until a change that may move the output unifies them (issue 11):
# `stem` serves quote grouping, `crude_stem` topic and claim terms, and each has its tuned bars.
_SUFFIXES = ("ingly", "edly", "ing", "ied", "ies", "ed", "es", "ly", "s")

def stem(word: str) -> str:
    """Suffixes stripped, "ies" back to "y" and a doubled final consonant undone: "stopped" is "stop"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            if suffix in ("ing", "ed", "edly", "ingly") and len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # "stopped" → "stop"
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word

def crude_stem(word: str) -> str:
    """A crude suffix strip, for text that comes without lemmas (quotes, hand-built sentences)."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word.replace(",", "")
