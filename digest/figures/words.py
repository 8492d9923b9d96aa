"""The figure readers' vocabulary: general English word lists and patterns, no event, outlet or place."""

from __future__ import annotations

import re

# Two outlets' values for one quantity lie within this ratio of each other; further apart
# (29 hostages believed dead beside a toll of 27,708) they measure different things.
VALUE_RATIO = 0.5
# A count given on different days (a toll that rises) may move by VALUE_RATIO a day, for at most
# this many days: beyond that, values so far apart are more likely two quantities.
RUNNING_DAYS = 3

# With no measure word ("31 seats", "1,800 jobs") less is known of what is counted: an article
# often gives several such counts (each party's seats), so values must lie closer.
BARE_RATIO = 0.75
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000,
    "mln": 1_000_000, "bln": 1_000_000_000,
}  # fmt: skip
# "several dozen", "a few thousand": words that make a scale a vague amount ("some hundred" is about a hundred)
VAGUE_AMOUNTS = {"several", "few", "many"}
DIGITS = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")

# "$10.3bn", "€2mn": a scale written onto the number (never "m" or "k", which may be metres)
SCALED = re.compile(r"^(\d+(?:\.\d+)?)(bn|mn|tn)$")
# "Temperatures reached 38C", "104F.": British copy glues the scale on (the tokenizer keeps it,
# and a full stop after it), read only in a sentence about temperature ("Apartment 4C" is a name).
GLUED_TEMPERATURE = re.compile(r"^(\d{1,3}(?:\.\d)?)([CF])\.?$")
TEMPERATURE_CUES = frozenset(
    """temperature mercury heat heatwave thermometer hot hotter hottest warm warmer warmest cold colder
    coldest freezing frost celsius fahrenheit weather forecast""".split()
)

# "400.000 patients": continental Europe groups thousands with points. A count is whole,
# so in a count (never a measurement: "1.125%") three digits after a point are thousands.
# A group never starts with a zero: "0.096" is a decimal.
POINT_GROUPED = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+$")
# "8.000 metres": nobody writes three zeros after a decimal point, so in any measurement but a
# share, groups of zeros after a point are thousands.
ZERO_GROUPED = re.compile(r"^[1-9]\d{0,2}(\.000)+$")
# "8,40 euros", "1,8 kilometres": translated outlets write a decimal comma; one or two digits
# after a comma are decimals (three are thousands: "1,400").
DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")

# Entity labels of numbers that never count anything.
# QUANTITY is left out: the model tags "more than 4.2 million voters" so; unit nouns catch "5 km".
NOT_COUNTS = {"DATE", "TIME", "ORDINAL", "MONEY", "PERCENT", "EVENT", "LAW", "FAC"}

# Nouns of measure, time, money and rank: "24 hours", "10 km", "two times", "5 percent".
UNIT_NOUNS = {
    "second", "minute", "hour", "day", "week", "weekend", "month", "year", "decade", "century",
    "night", "morning", "time", "percent", "per", "point", "degree", "magnitude", "round",
    "metre", "meter", "kilometre", "kilometer", "km", "mile", "foot", "feet", "inch", "yard",
    "acre", "hectare", "kilogram", "kg", "tonne", "ton", "pound", "gram", "ounce", "litre",
    "liter", "gallon", "barrel", "microgram", "milligram", "dollar", "euro", "yen", "shekel", "cent", "rupee", "yuan",
    "franc", "pence", "page", "chapter", "age", "grade", "stage", "phase", "step", "%",
}  # fmt: skip
QUALIFIERS = (
    (("no", "fewer", "than"), "at least"), (("no", "less", "than"), "at least"),
    (("in", "excess", "of"), "more than"), (("at", "least"), "at least"),
    (("more", "than"), "more than"), (("upwards", "of"), "more than"), (("over",), "more than"),
    (("close", "to"), "about"), (("an", "estimated"), "about"), (("approximately",), "about"),
    (("about",), "about"), (("around",), "about"), (("roughly",), "about"),
    (("nearly",), "about"), (("almost",), "about"), (("some",), "some"),
    (("no", "more", "than"), "at most"), (("up", "to"), "at most"), (("at", "most"), "at most"),
    (("fewer", "than"), "fewer than"), (("less", "than"), "fewer than"),
)  # fmt: skip
# Written after the number: "100,000 plus", "200 or more".
TRAILING_QUALIFIERS = ((("plus",), "more than"), (("or", "more"), "at least"))

# What a count measures, by the words around it. General English, no event in particular.
VERB_MEASURES = {
    "trap": "trapped", "kill": "killed", "die": "killed", "slay": "killed", "murder": "killed", "perish": "killed",
    "massacre": "killed", "drown": "killed", "decease": "killed", "injure": "injured", "wound": "injured", "hurt": "injured",
    "maim": "injured", "abduct": "hostages", "kidnap": "hostages", "displace": "displaced",
    "flee": "displaced", "uproot": "displaced", "evacuate": "displaced", "arrest": "arrested",
    "detain": "arrested", "imprison": "arrested", "jail": "arrested", "rescue": "rescued",
    "vote": "voted", "abstain": "abstained", "live": "inhabitants", "infect": "infected", "hospitalise": "hospitalised",
    "hospitalize": "hospitalised", "release": "released", "free": "released",
    "destroy": "destroyed", "damage": "damaged", "treat": "injured", "survive": "rescued",
    "raze": "destroyed", "flatten": "destroyed", "demolish": "destroyed",
    # Services and places shut or still working: "shut two of four lines" is not "two lines run".
    "close": "closed", "shut": "closed", "cancel": "cancelled", "run": "running", "operate": "running",
    # A crowd told by what it did: "more than 100,000 took part", "35,000 demonstrated".
    "participate": "took part", "demonstrate": "took part", "rally": "took part",
    "escape": "escaped", "recapture": "recaptured",
    # Gunfire counts everyone hit, killed or wounded: "three people were shot, one fatally".
    "shoot": "shot", "gun": "shot",
    # An outbreak's sick: "has sickened 230 people"; and its vaccinated.
    "sicken": "ill", "vaccinate": "vaccinated", "immunise": "vaccinated", "immunize": "vaccinated",
}  # fmt: skip
# Verbs whose object, not their subject, undergoes what they measure: "Twelve soldiers killed three
# militants" kills the militants, "Two dozen ambulances took the injured to hospitals" takes the
# injured. Not "flee", "evacuate", "close" or "survive", whose subject may be what is counted.
AGENT_VERBS = frozenset(
    """kill slay murder massacre injure wound hurt maim abduct kidnap arrest detain imprison jail rescue
    infect hospitalise hospitalize release free destroy damage raze flatten demolish treat trap take rush bring transport sicken vaccinate
    admit fly airlift hold move relocate drive force recapture shoot gun""".split()
)
# Objects that make one idiom with the verb, said of its subject: "took part", "took shelter",
# "lost their lives", "fled their homes".
IDIOM_OBJECTS = frozenset("part life injury burn wound fracture bruise treatment care help home house shelter refuge".split())
ADJ_MEASURES = {
    "dead": "killed", "deceased": "killed", "injured": "injured", "wounded": "injured", "missing": "missing",
    "trapped": "trapped",
    "hospitalised": "hospitalised", "hospitalized": "hospitalised",
    "homeless": "displaced", "displaced": "displaced",
    "ill": "ill", "sick": "ill", "vaccinated": "vaccinated",
}  # fmt: skip
# States a noun has before the story: "twelve seriously ill patients were taken to hospitals" were
# ill already; "people ill with Legionnaires' disease", after the noun, are the outbreak's.
STATE_ADJECTIVES = frozenset({"ill", "sick"})
# The trapped are counted by what became of them when their clause says it: "14 people trapped in
# the rubble were rescued" or "freed", "20 miners trapped underground have died" were killed.
AFTER_TRAPPED = {"rescued": "rescued", "released": "rescued", "killed": "killed"}
NOUN_MEASURES = {
    "death": "killed", "fatality": "killed", "dead": "killed", "body": "killed", "corpse": "killed",
    "deceased": "killed",
    "casualty": "killed", "injury": "injured", "wounded": "injured", "injured": "injured",
    "hostage": "hostages", "captive": "hostages", "abductee": "hostages",
    # Evacuated and displaced are one class: outlets say either of the same people.
    "refugee": "displaced", "evacuee": "displaced", "detainee": "arrested", "arrest": "arrested",
    # a rate as much as a count, but "unemployment rose to 1.5 million" counts the unemployed
    "unemployment": "unemployed", "unemployed": "unemployed", "jobless": "unemployed",
}  # fmt: skip

# Nouns that say what is counted only when nothing else does: residents may be evacuated, killed …
WEAK_NOUN_MEASURES = {
    "inhabitant": "inhabitants", "resident": "inhabitants", "population": "inhabitants",
    "voter": "voted", "vote": "voted", "ballot": "voted", "survivor": "rescued",
}  # fmt: skip

# Nouns that stand for people in general: 27,585 deaths and 27,708 people killed count alike.
GENERIC_PEOPLE = {
    "people", "person", "individual", "death", "fatality", "casualty", "victim", "dead",
    "body", "corpse", "deceased", "survivor", "inhabitant", "resident", "population", "hostage", "captive", "abductee", "patient",
    "refugee", "evacuee", "detainee", "voter", "they", "them", "toll", "tally", "number",
}  # fmt: skip

# Nouns for people beyond the generic ones, workers, vocabulary.PERSON_NOUNS and the agent endings
# (`is_person_noun`): a count of them is never a count of things ("2,000 people" are not "2,000 tents").
PERSON_COUNT_NOUNS = {
    "child", "kid", "boy", "girl", "baby", "infant", "adult", "teen", "youth", "pupil", "soldier", "troop",
    "police", "citizen", "inmate", "family", "athlete", "executive", "exec", "execs", "guest", "tourist", "fan",
    "passenger", "pilgrim", "rebel", "suspect", "agent", "crowd", "delegate", "deputy", "mp", "candidate", "crew",
    "audience", "delegation", "squad", "recruit", "relative", "colleague", "partner", "team", "guard", "national",
    "local", "steward", "rival", "guide", "faculty", "medic", "insurgent", "elderly", "parent", "dad", "mum", "mom",
    "brother", "sister", "sibling", "uncle", "aunt", "nephew", "niece", "friend", "neighbour", "neighbor", "cousin",
    "grandchild", "jew", "muslim", "hindu", "sikh", "catholic", "arab", "israeli", "iraqi", "pakistani",
    "bangladeshi", "saudi", "yemeni", "kuwaiti", "qatari", "omani", "somali", "nepali", "thai", "briton", "scot",
    "pole", "turk", "dane", "swede", "finn", "serb", "croat", "czech", "greek", "slovak", "kurd", "uzbek", "kazakh",
    "tajik",
}  # fmt: skip
# Agent nouns and demonyms: "rescuers", "survivors", "refugees", "migrants", "Syrians", "Chinese".
PERSON_NOUN_ENDINGS = ("er", "or", "ee", "ant", "ist", "an", "ese", "man", "person", "men", "ople")

# Nouns a total is told by: "the death toll rose to 300".
TALLY_NOUNS = {"toll", "tally", "number", "total", "count", "figure", "turnout"}
# A death toll as translations write it ("the balance of the victims", of Italian "il bilancio
# delle vittime" and French "le bilan"): a tally only when it is of plural persons.
DEATH_TALLIES = {"toll", "balance"}
# Tallies that, of nothing, total what the sentence counted before them: "bringing the total to 4,870".
RUNNING_TALLIES = {"total", "tally", "number", "count"}
# Nouns that only count what they are of: "passenger numbers", "the number of passengers".
COUNTING_NOUNS = {"number", "count", "tally"}
INJURY_WORDS = {"injure", "wound", "injury", "wounded", "injured", "hurt"}
LABEL_PARTICIPLES = {
    "killed": "killed", "injured": "injured", "hostages": "taken hostage",
    "displaced": "displaced or evacuated", "arrested": "arrested",
    "rescued": "rescued", "voted": "who voted", "infected": "infected",
    "hospitalised": "hospitalised", "released": "released", "destroyed": "destroyed",
    "damaged": "damaged", "missing": "missing", "inhabitants": "living",
    "closed": "closed", "cancelled": "cancelled", "running": "running", "trapped": "trapped",
    "voted for": "voting for", "voted against": "voting against", "took part": "taking part",
    "at large": "at large", "escaped": "escaped", "recaptured": "recaptured", "shot": "shot",
    "ill": "ill", "vaccinated": "vaccinated", "unemployed": "unemployed", "abstained": "who abstained",
}  # fmt: skip
# What a verb measures when it is denied: "23 deputies did not vote" abstained; any other denied
# verb measures nothing ("two were not injured" are not the injured).
NEGATED_MEASURES = {"vote": "abstained"}
# Verbs that attribute a figure to its source ("the ministry reported"), wider than quoting verbs.
REPORTING_VERBS = {
    "say", "report", "tell", "announce", "state", "add", "confirm", "claim", "estimate",
    "record", "document", "declare", "note", "indicate", "put", "count", "tally", "cite",
}  # fmt: skip

# Words for a document rather than its author: "figures from the ministry" names the ministry.
REPORT_NOUNS = {"figure", "datum", "data", "statistic", "report", "count", "tally", "estimate", "result"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "on", "across", "throughout", "inside", "near", "at", "within"}
PERIOD_PREPS = {"in", "within", "over", "during", "for", "across"}
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "final", "opening", "closing"}
PERIOD_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}

# Trailing words that name a place's kind, not the place: "the Gaza Strip" is "Gaza".
PLACE_KINDS = {"strip", "region", "territory", "territories", "area", "province", "district"}
# Words a place's name may be written with or without, when places are compared: "Qeshm" and
# "Qeshm Island", "Genesee" and "Genesee County" (but "the Genesee County" is no phrase).
PLACE_KEY_KINDS = PLACE_KINDS | {"island", "county"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
MONTH_PREFIXES = {m[:3] for m in MONTHS}
MONTH_RE = "|".join(m[:3] + r"[a-z]*\.?" for m in MONTHS)

# "7 October", "October 7th", "February 6, 2024" (commas already turned to spaces)
DAY_MONTH = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE})|({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b(?:\s+(\d{{4}}))?"
)

# Words the model's lemmatizer cuts wrongly: "corpses" is not "corps", nor "doses" "dos", nor "fined" "fin".
LEMMA_FIXES = {"corpses": "corpse", "doses": "dose", "fined": "fine", "fines": "fine"}

# General English synonyms of counted nouns: outlets write either for the same people or things.
COUNT_SYNONYMS = {
    "position": "job", "municipality": "town", "commune": "town", "township": "town",
    "rescuer": "rescue worker", "fireman": "firefighter", "employee": "employee",
    "trip": "journey", "ride": "journey", "minor": "child", "kid": "child", "lot": "batch", "structure": "building",
    "workforce": "employee",
}  # fmt: skip

# Words for people at work: "12,000 employees", "12,400 staff"; a kind before them
# ("rescue workers", "search and rescue personnel") says which workers.
WORKER_NOUNS = {"worker", "employee", "staff", "staffer", "personnel"}

# Nouns of a group of people or things, counted by a number after "of": "the ship's crew of 19".
# Other nouns before "of 12" measure something ("a margin of 12", "an average of 30").
COLLECTIVE_NOUNS = {
    "crew", "team", "squad", "fleet", "convoy", "delegation", "contingent", "flotilla", "brigade", "crowd", "audience",
    "population", "workforce",
}  # fmt: skip
# Places people live in: "a city of 500,000 people" counts its inhabitants.
SETTLEMENT_NOUNS = {
    "city", "town", "village", "island", "country", "nation", "province", "region", "district", "municipality",
    "suburb", "community", "neighbourhood", "neighborhood", "capital", "port", "county", "metropolis", "state",
}  # fmt: skip

# Public spaces a crowd fills: "took to the streets of Athens" puts the crowd in Athens.
STREET_NOUNS = {"street", "square", "avenue", "boulevard", "road"}

# Verbs that in the passive with an agent say who manages a thing: "run by", "operated by".
MANAGING_VERBS = {"run", "operate"}

# Verb + object idioms: "took 250 people hostage", "lost their lives", "forced from their homes".
IDIOMS = (
    ({"take", "hold"}, {"hostage", "captive"}, "hostages"),
    ({"take"}, {"part"}, "took part"),
    ({"lose"}, {"life"}, "killed"),
    ({"leave", "flee", "force", "drive", "abandon", "evacuate"}, {"home", "house"}, "displaced"),
    ({"move", "take", "bring", "relocate"}, {"safety", "shelter"}, "displaced"),
    ({"admit", "take", "rush", "bring", "transport", "fly", "airlift"}, {"hospital"}, "hospitalised"),
    ({"be", "remain", "stay", "lie"}, {"hospital"}, "hospitalised"),
    ({"fall", "become", "get", "take"}, {"ill", "sick"}, "ill"),  # "60 people have fallen ill"
    # Escapees not yet caught: "25 were still at large", "are still on the run" (not "in the
    # run for the title": a preposition and its object are one word here), "continue fugitive".
    ({"be", "remain", "stay", "continue"}, {"large", "loose", "on run", "fugitive"}, "at large"),
    ({"suffer", "sustain", "receive"}, {"injury", "burn", "wound", "fracture", "bruise"}, "injured"),
    # "Nine fans needed treatment", "400 needed medical help": cared for, as "treated" is; help
    # or care alone is any help ("200 families need help with rent").
    ({"need", "require", "receive", "seek"}, {"treatment", "medical"}, "injured"),
)
PERCENT_UNITS = {"%": "%", "percent": "%", "pct": "%"}
UNIT_NAMES = {
    "km": "km", "kilometre": "km", "kilometer": "km", "m": "m", "metre": "m", "meter": "m",
    "cm": "cm", "centimetre": "cm", "centimeter": "cm", "mm": "mm", "millimetre": "mm",
    "millimeter": "mm", "mile": "mile", "foot": "foot", "feet": "foot", "ft": "foot", "inch": "inch",
    "hectare": "hectare", "ha": "hectare", "acre": "acre", "kg": "kg", "kilogram": "kg",
    "tonne": "tonne", "ton": "tonne", "litre": "litre", "liter": "litre", "barrel": "barrel",
    "gallon": "gallon", "degree": "degree", "celsius": "degree", "centigrade": "degree", "fahrenheit": "fahrenheit",
    "mph": "mph", "kph": "km/h", "km/h": "km/h",
    "gram": "gram", "milligram": "milligram", "mg": "milligram", "microgram": "microgram",
    # Storage and memory, as device reviews give them: "12GB of RAM", "a 2TB drive".
    "gb": "GB", "gigabyte": "GB", "tb": "TB", "terabyte": "TB", "mb": "MB", "megabyte": "MB",
}  # fmt: skip

# Currencies by their English names; krona, krone, koruna are all "crowns" in translation.
CURRENCY_NAMES = {
    "dollar": "dollar", "euro": "euro", "pound": "pound", "sterling": "pound", "yen": "yen",
    "yuan": "yuan", "renminbi": "yuan", "krona": "crown", "kronor": "crown", "krone": "crown",
    "kroner": "crown", "crown": "crown", "koruna": "crown", "franc": "franc", "rupee": "rupee",
    "lira": "lira", "ruble": "rouble", "rouble": "rouble", "shekel": "shekel", "peso": "peso",
    "rand": "rand", "dinar": "dinar", "riyal": "riyal", "dirham": "dirham", "zloty": "zloty",
    "forint": "forint", "hryvnia": "hryvnia", "naira": "naira", "lev": "lev", "leu": "leu",
    "lei": "leu", "cedi": "cedi", "shilling": "shilling", "kwacha": "kwacha",
    "ringgit": "ringgit", "baht": "baht", "rial": "riyal",
}  # fmt: skip
CURRENCY_SIGNS = {"$": "dollar", "us$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee", "₺": "lira"}
# ISO 4217 codes, as wire and company copy write them ("EUR 1.2 billion", "USD 5 million"): read
# only in capitals, so that "try", "all" or "cad" in running text stay words.
CURRENCY_CODES = {
    "USD": "dollar", "CAD": "dollar", "AUD": "dollar", "NZD": "dollar", "HKD": "dollar", "SGD": "dollar",
    "EUR": "euro", "GBP": "pound", "JPY": "yen", "CNY": "yuan", "RMB": "yuan", "CHF": "franc",
    "SEK": "crown", "NOK": "crown", "DKK": "crown", "CZK": "crown", "ISK": "crown", "INR": "rupee",
    "TRY": "lira", "RUB": "rouble", "ILS": "shekel", "MXN": "peso", "ZAR": "rand", "PLN": "zloty",
    "HUF": "forint", "UAH": "hryvnia", "NGN": "naira", "BGN": "lev", "RON": "leu", "SAR": "riyal",
    "AED": "dirham", "KES": "shilling", "THB": "baht", "MYR": "ringgit",
}  # fmt: skip
SPEED_UNITS = {"km": "km/h", "mile": "mph"}
# Words for a quake's magnitude itself, not the event it is the magnitude of: "a force of about
# 6.0 on the Richter scale" measures the quake, not a force.
MAGNITUDE_NOUNS = {"magnitude", "force", "strength", "intensity"}
# A bore before a weapon names its kind: "a 9mm handgun", "155mm shells", "a 12 gauge shotgun".
CALIBER_WORDS = {"mm", "millimetre", "millimeter", "caliber", "calibre", "gauge", "cal"}
WEAPON_NOUNS = {
    "gun", "handgun", "pistol", "rifle", "shotgun", "revolver", "weapon", "bullet", "round", "cartridge",
    "ammunition", "shell", "cannon", "howitzer", "mortar", "artillery", "magnum",
}  # fmt: skip
# Emergency lines, named by their numbers: "911 calls", "a 999 operator".
EMERGENCY_NUMBERS = {"911", "999", "112"}
LINE_NOUNS = {"call", "caller", "dispatcher", "operator", "line", "center", "centre", "system", "service", "tape", "recording"}
TEMPERATURE_SCALES = {"celsius", "fahrenheit", "centigrade"}
TEMPERATURE_UNITS = {"degree", "fahrenheit"}
UNIT_LABELS = {
    "%": "%", "km": "km", "m": "m", "cm": "cm", "mm": "mm", "km/h": "km/h", "mph": "mph", "kg": "kg", "foot": "feet",
    "inch": "inches", "fahrenheit": "degrees Fahrenheit",
    # currencies whose plural is no "-s": "12 million lei", "500 leva"
    "leu": "lei", "lev": "leva", "yen": "yen", "yuan": "yuan", "rand": "rand", "baht": "baht", "naira": "naira",
    # symbols have no plural: "12 GB of storage"
    "GB": "GB", "TB": "TB", "MB": "MB",
}  # fmt: skip

# Nouns whose plural is their singular, which the tagger tags singular after a count: "the 40 staff".
INVARIANT_PLURALS = frozenset(
    """staff crew police personnel aircraft spacecraft craft sheep fish deer cattle livestock poultry people
    offspring series species military infantry cavalry clergy faculty youth public counsel militia""".split()
)

# Measures outlets say of one count either way: the people a gunman shot are those he wounded,
# where none died.
INTERCHANGEABLE_MEASURES = frozenset({frozenset({"shot", "injured"})})

# Verbs a chamber passes or rejects a measure by, its margin written bare: "passed 218 to 212".
VOTING_VERBS = frozenset({"pass", "approve", "adopt", "reject", "vote", "defeat", "confirm", "ratify", "endorse", "back"})

# Verbs that say a quantity is held, reached or estimated, and nothing of what it is.
NEUTRAL_VERBS = {
    "be", "have", "reach", "stand", "hit", "total", "put", "estimate", "measure", "remain", "stay",
    "exceed", "top", "win", "take", "get", "receive", "secure", "capture", "hold", "record",
    "register", "come", "end", "finish", "close", "touch", "expect", "forecast", "show", "amount", "say",
    "poll", "garner", "obtain", "account", "represent", "make", "see", "gain", "lose",
}  # fmt: skip
FALL_WORDS = {
    "fall", "drop", "decline", "slump", "plunge", "sink", "shrink", "slide", "tumble", "dip",
    "contract", "slip", "plummet", "decrease", "lower", "down", "less", "low", "cut", "reduce",
    "slash", "trim", "weaken", "ease", "halve",
}  # fmt: skip
# Verbs of gain or loss whose object is the change itself, in percent or points: "the stock lost
# 6%", "the index added 120 points" ("lost 30% of its members" keeps a share of the whole).
GAIN_LOSS_VERBS = {"lose": "fall", "shed": "fall", "gain": "rise", "add": "rise"}
CHANGE_UNIT_WORDS = frozenset({"%", "percent", "pct", "cent", "point"})
RISE_WORDS = {
    "rise", "increase", "grow", "climb", "jump", "soar", "surge", "rally", "expand", "rebound",
    "higher", "high", "up", "more", "raise", "lift", "boost", "strengthen", "double", "triple", "quadruple",
}  # fmt: skip

# General synonyms of measured things: outlets write either for the same quantity.
MEASURED_SYNONYMS = {
    "quake": "earthquake", "temblor": "earthquake", "gust": "wind", "rainfall": "rain",
    "precipitation": "rain", "stock": "share", "ballot": "vote", "temperature": "temperature",
    "goal": "target", "aim": "target", "objective": "target", "salary": "pay", "wage": "pay",
    "mercury": "temperature", "kid": "child", "turnover": "revenue", "sale": "revenue", "earning": "profit",
    "participation": "turnout",
}  # fmt: skip

# Verbs whose subject holds a share: "the party took 12%", unlike "turnout reached 61%".
SHARE_VERBS = {
    "win", "take", "get", "receive", "secure", "capture", "garner", "poll", "obtain", "have", "hold",
    "own", "control", "score",
}  # fmt: skip

# Nouns for quantities that are said of, not owned: "Turnout was 61%", "Inflation rose 2%".
QUANTITY_NOUNS = {
    "turnout", "inflation", "unemployment", "growth", "output", "sales", "revenue", "profit",
    "price", "prices", "rate", "support", "approval", "participation", "share", "shares", "stock",
    "production", "exports", "imports", "spending", "debt", "deficit", "income", "wages", "rent",
}  # fmt: skip

# Verbs of handing over money: "promised 50,000 cedis to each family" is what "will pay" says.
# Verbs a sum is the price (or, for "cost", the cost) by: "the Model Y starts at $44,990", "the recall
# will cost €60m".
PRICE_VERBS = frozenset({"cost", "start", "retail", "sell", "price"})
# Verbs by which a sum is received: "the winners received 40,000 euros each" is a sum paid to
# them, not the winners' share of something (as "the party took 12%" is).
RECEIVING_MONEY_VERBS = frozenset({"receive", "get", "win", "pocket", "collect"})
PAYING_VERBS = {
    "promise": "pay", "pledge": "pay", "give": "pay", "grant": "pay", "award": "pay", "donate": "pay",
    **dict.fromkeys(sorted(RECEIVING_MONEY_VERBS), "pay"),
}  # fmt: skip
# Verbs outlets use alike of one amount: a fire's area ("burned 1,200 hectares", "scorched
# 1,500", "consumed 2,400"), and money spent on a thing, which is what it costs.
VERB_SYNONYMS = {
    "scorch": "burn", "consume": "burn", "blacken": "burn", "char": "burn", "ravage": "burn", "devour": "burn",
    "spend": "cost",
}  # fmt: skip

# Nouns that say only that an amount is an amount: "exports in value of 1.2 billion euros" and
# "grain worth €1.2bn shipped" measure the same thing; "value" names neither.
VALUE_NOUNS = {"value", "amount", "sum", "worth", "total", "figure"}

# Things each held or lost by one person: a count of them is a count of people, so "will cut
# 1,100 jobs", "1,100 job cuts" and "gives notice to 1.100 employees" may be one count.
POST_NOUNS = {"job", "post", "cut", "layoff", "redundancy"}

# Nouns of seismic events, whose magnitude is often written as a bare number: "a 6.4 earthquake".
SEISMIC_NOUNS = {"earthquake", "quake", "aftershock", "tremor", "temblor", "foreshock"}
IRREGULAR_PARTICIPLES = {
    "see": "seen", "foresee": "foreseen", "oversee": "overseen", "get": "got",
    "bring": "brought", "build": "built", "burn": "burned", "buy": "bought", "cost": "cost", "cut": "cut",
    "draw": "drawn", "drive": "driven", "fall": "fallen", "fly": "flown", "freeze": "frozen", "give": "given",
    "go": "gone", "grow": "grown", "hit": "hit", "hold": "held", "keep": "kept", "lead": "led", "leave": "left",
    "lose": "lost", "make": "made", "pay": "paid", "put": "put", "raise": "raised", "rise": "risen", "run": "run",
    "sell": "sold", "send": "sent", "set": "set", "shake": "shaken", "shut": "shut", "sink": "sunk",
    "spend": "spent", "spread": "spread", "strike": "struck", "sweep": "swept", "take": "taken", "throw": "thrown",
    "win": "won",
}  # fmt: skip
PERCENT_KINDS = {"%", "percentage point", "basis point"}
MAGNITUDE_GAP = 0.5
MEASUREMENT_UNITS = {
    *PERCENT_KINDS, "magnitude", *UNIT_NAMES.values(), *(f"{u}/h" for u in UNIT_NAMES.values()),
    *CURRENCY_NAMES.values(), *CURRENCY_SIGNS.values(),
}  # fmt: skip

# Words that name a measurement, not a measured thing: "with 27.9%" hung on another "28.5%".
MEASUREMENT_WORDS = {*PERCENT_UNITS, "cent", "point", "magnitude", *UNIT_NAMES, *CURRENCY_NAMES}

# Adjectives of extent: "a slick 2 km long", "a shaft 450 metres deep", "the tunnel is 3 km long"
# measure the thing they describe, not the clause's verb ("formed", "travels").
# The extent each names is the measure: "a shaft 450 metres deep" and "at 452 metres of depth"
# are one depth; "460 metres below ground" is a depth too, though nothing is said to be deep.
DIMENSION_WORDS = {
    "long": "length", "deep": "depth", "high": "height", "tall": "height", "wide": "width",
    "broad": "width", "thick": "thickness", "across": "width",
}  # fmt: skip
DEPTH_WORDS = {"below", "beneath", "underground", "underneath"}

# After a currency sign a lone letter is a scale: "€2.5m", "$40k", "£1.2bn" (split off by the tokenizer).
CURRENCY_SCALES = {"m": 1e6, "m.": 1e6, "mn": 1e6, "mln": 1e6, "k": 1e3, "bn": 1e9, "b": 1e9, "tn": 1e12}

# A measure written out or by its initials is one: "2.9% of gross domestic product" is "3% of GDP".
SPELLED_OUT = {("gross", "domestic", "product"): "gdp", ("gross", "national", "product"): "gnp"}

# Compounds that name the genus, not a kind: every central bank's rate is an interest rate, so
# "interest rates" is "the rate" with its kind unsaid (and may join "the reference rate").
GENUS_KINDS = {("interest", "rate")}
LENGTH_UNITS = {"km", "m", "mile"}
# Units compared in a common one: "8 km" and "8.000 metres" are one height; "a 30-mile chase" and
# "a 48km chase", "120 mph" and "193km/h" one quantity in two systems. (base unit, factor)
UNIT_BASES = {
    "km": ("m", 1000.0), "cm": ("m", 0.01), "mm": ("m", 0.001),
    "mile": ("m", 1609.344), "foot": ("m", 0.3048), "inch": ("m", 0.0254), "mph": ("km/h", 1.609344),
    "acre": ("hectare", 0.40468564),
    "tonne": ("kg", 1000.0), "gram": ("kg", 1e-3), "milligram": ("kg", 1e-6), "microgram": ("kg", 1e-9),
}  # fmt: skip
# Of one quantity in two units, the values agree when the conversion lands within half the last
# digit written, or within this share of the value: printed conversions are rounded ("58km (36
# miles)", 36.04), but "more than 100 mph" is not 193km/h.
CONVERSION_SHARE = 0.01
# A conversion the same sentence gives beside its value may be rounded further: "1,150 kilometers
# (700 miles)" is 714.6 miles written to the hundred.
ROUNDED_CONVERSION = 0.1
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}

# Units of things counted in whole amounts: "150.000 euro", "12.000 hectares" group thousands with points.
WHOLE_UNITS = {*CURRENCY_NAMES.values(), "hectare", "acre", "tonne"}
FRACTION_WORDS = {
    "half": 2, "halve": 2, "halves": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip

# Measures said only of people: "At least 14 died", "12 dead" count people though no noun is written.
PEOPLE_MEASURES = {
    "killed", "injured", "hostages", "displaced", "arrested", "rescued", "hospitalised", "missing", "trapped", "took part",
}  # fmt: skip

# Verbs that set a quantity at a number: "police put the crowd at 35,000".
ESTIMATING_VERBS = {"put", "estimate", "place", "peg", "set", "number"}
# Verbs that hold their subject at a level: "public debt stands at 62% of GDP".
LEVEL_VERBS = frozenset({"be", "stand", "remain", "stay", "reach", "hit", "total", "amount", "equal", "top", "exceed"})
# Nouns whose compound says what a source's bare number counts: "Crowd estimates vary wildly".
ESTIMATE_NOUNS = {"estimate", "figure", "count", "tally"}

# Verbs that state how many a place takes: "the stadium holds 40,000", "a hall that seats 2,000".
CAPACITY_VERBS = {"hold", "seat", "accommodate"}
# Participles of a thing made to take a number: "a prison built for 2,700", "designed for 500".
BUILT_VERBS = {"build", "design", "mean", "plan", "intend"}

# Words before a number that make it an earlier value or the lower bound of a range of one
# quantity: "17 killed, up from 12", "between 30 and 40 coaches", "to 52 batches from 37" (a
# bare "from" only beside a "to" with a number). Kept in the text as written.
EARLIER_MARKS = (("up", "from"), ("down", "from"), ("between",), ("from",))

# "the driving staff" are the drivers, "nursing staff" the nurses: a worker noun whose kind is what they do.
WORK_KIND = re.compile(r"(\w+?)ing")  # the kind: what they do
WORKER_THING = re.compile(r"\b(?:staff|worker|employee|personnel)$")

# A share written as a fraction ("two-thirds", "one in five") is rounder than any percentage: it
# stands for values up to this many points either side.
FRACTION_PRECISION = 2.0
FRACTION_TEXT = re.compile(rf"\b(?:{'|'.join(FRACTION_WORDS)}|thirds|quarters|fifths|in)\b", re.IGNORECASE)
STATUS_ORDER = {"divergent": 0, "progression": 1, "agreed": 2, "single": 3}

# ---- numbers that name, not count (figures/naming.py) -------------------------------------

# A number glued to capitals names a thing ("5G", "4K"), unless the capitals are a unit ("12GB").
GLUED_UNITS = {"gb", "mb", "tb", "kb", "ghz", "mhz", "hz", "mp", "mah", "kwh", "mwh", "gwh", "kw", "mw", "gw", "w"}
# "x" between two numbers makes a size or resolution ("1920 x 1080"), never two counts.
DIMENSION_MARKS = {"x", "×"}
# A clock time "14.00", "20.45" is told from a decimal by what stands around it.
CLOCK = re.compile(r"^([01]?\d|2[0-4])[.:][0-5]\d$")
CLOCK_BEFORE = {"at", "from", "until", "till", "by", "before", "after", "around", "since", "to"}
MERIDIEMS = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m"}
CLOCK_AFTER = {"hours", "hrs", "h", "gmt", "utc", "cet", "est", "local", *MERIDIEMS}
# A position on the globe: "55.96 degrees in longitude".
COORDINATE_WORDS = {"latitude", "longitude"}
# Entities a number inside names: "Windows 11", "Galaxy Note 7", "Euro 2024", "Apollo 11".
NAMING_ENTITIES = {"PRODUCT", "ORG", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PERSON"}
# A year stands for another event only in a frame of time, not when it is a period of the count.
PERIOD_NOUNS = {*PERIOD_UNITS, "quarter", "half", "season", "term", "session", "period", "fiscal"}
# "since the FTX collapse, when ...", "just like 2022, when ...": a comparison's event.
COMPARISON_PREPS = {"since", "like", "unlike", "than", "as"}

# A court's terms (`terms.py`): years and months are read only where these words set a term and
# the sentence is about a court or a ban.
TERM_UNITS = {"year": "year", "month": "month"}
TERM_WORDS = frozenset({"sentence", "jail", "imprison", "prison", "term", "serve", "custody", "detention", "incarcerate", "bars"})
COURT_WORDS = frozenset(
    """sentence sentenced jail jailed imprison imprisonment prison custody detention incarcerate bars
    court judge judges jury prosecutor prosecutors prosecution convict convicted guilty sentencing""".split()
)
BAN_WORDS = frozenset({"ban", "disqualify", "disqualification"})
SOUGHT_VERBS = frozenset({"seek", "demand", "request", "ask", "want", "urge"})
PROSECUTION_WORDS = frozenset({"prosecutor", "prosecution"})
FACING_VERBS = frozenset({"face", "risk", "carry"})
RECEIVING_VERBS = frozenset({"get", "receive"})

# Contests a party wins with a share, never the holder of one: "won Sunday's election with 32.1%".
CONTEST_NOUNS = frozenset({"election", "vote", "poll", "ballot", "race", "contest", "referendum", "primary", "round", "runoff"})

# Verbs of what one side proposes: a period after them is the proposal's term, not a window.
PROPOSING_VERBS = SOUGHT_VERBS | {"offer", "propose", "plan"}
