"""A synthetic newsroom: a seed number in, the same folder of articles out, for benchmarks.

Stories are invented events (an earthquake in a made-up town on a given day, with made-up
officials and agencies), each covered by 3–10 outlets. The outlets share some figures and
disagree on others ("at least 1,203 people died" against "1,180 deaths"), quote the same
remarks in different words, repeat some facts in paraphrase and add their own, and wrap it
all in the page furniture real seeds carry ("Share:", "Read Next" and a neighbour's headline,
photo credits). Names come from syllables, so no rule can lean on a real name, and spaCy
still sees capitalised names in context. Only `random.Random` seeded from the caller's
number is used: never the global generator, never the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

_BASE_DATE = dt.date(2022, 1, 3)
_OUTLET_POOL = 60
_COUNTRY_POOL = 24
_MAX_OUTLETS = 10
_SYLLABLES = (
    "an", "bel", "cor", "da", "el", "fen", "gal", "hal", "ir", "jo", "ka", "lin", "mar", "nor",
    "os", "per", "ra", "sel", "tam", "ul", "ven", "wil", "ya", "zor", "bri", "dun", "ke", "lo",
)  # fmt: skip
_GIVEN_ENDS = ("", "a", "o", "en", "ia", "us")
_SURNAME_ENDS = ("ovic", "sen", "ani", "ez", "ski", "ard", "ou", "ema", "ić", "berg")
_TOWN_ENDS = ("burg", "ava", "port", "stad", "ora", "ville", "ton", "ija", "abad", "field")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class GeneratedArticle:
    """One seed file: its name in the folder, its whole content, and the story it belongs to."""

    name: str
    content: str
    story: int
    outlet: str


@dataclass(frozen=True)
class EventKind:
    noun: str  # "earthquake"
    verb: str  # what it did to the town: "struck"
    where: str  # the spot in town: "the old quarter"
    rescue: str  # what rescuers do: "dug through the rubble"
    cause: str  # what is blamed
    company: str  # an organisation the event involves, "{}" for a surname


KINDS = (
    EventKind("earthquake", "struck", "the old quarter", "dug through the rubble with bare hands",
              "a fault line running beneath the valley", "{} Construction Group"),
    EventKind("flood", "swept through", "the riverside districts", "searched flooded streets by boat",
              "days of torrential rain upstream", "{} Water Authority"),
    EventKind("ferry disaster", "shook", "the harbour", "searched the water for survivors",
              "an overloaded vessel in rough seas", "{} Ferry Lines"),
    EventKind("factory fire", "devastated", "the industrial zone", "pulled workers from the smoke",
              "locked emergency exits and faulty wiring", "{} Textiles"),
    EventKind("mine collapse", "hit", "the eastern pit", "drilled air shafts towards trapped miners",
              "ignored warnings about unstable tunnels", "{} Mining Company"),
    EventKind("train derailment", "hit", "the central junction", "cut through twisted carriages",
              "a signal failure and worn tracks", "{} Railways"),
    EventKind("landslide", "buried", "the hillside villages", "dug through mud and rocks",
              "deforestation and weeks of rain", "{} Timber Corporation"),
    EventKind("cyclone", "battered", "the coastal districts", "cleared fallen trees from the roads",
              "a storm that strengthened faster than forecast", "{} Port Authority"),
)  # fmt: skip


@dataclass(frozen=True)
class Person:
    name: str
    role: str  # "the regional governor"

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Story:
    """One event: the facts every outlet covering it draws on."""

    index: int
    size: int
    kind: EventKind
    date: dt.date
    town: str
    region: str
    country: str
    president: str
    nearby: tuple[str, str, str]
    officials: tuple[Person, ...]  # speakers, the first one a figure's usual source
    witnesses: tuple[str, ...]
    agency: str
    company: str
    neighbour: str  # another country, sending help
    figures: dict[str, tuple[int, ...]]  # each measure's values; more than one when outlets disagree
    remarks: tuple[tuple[int, int], ...]  # (speaker, remark) pairs the outlets quote
    claims: tuple[int, ...]  # the shared facts, indices into CLAIMS
    outlets: tuple[str, ...]
    hour: str

    @property
    def weekday(self) -> str:
        return _WEEKDAYS[self.date.weekday()]


@dataclass(frozen=True)
class World:
    """What stories share: the outlets, countries and their presidents, the photo agencies."""

    outlets: tuple[str, ...]
    countries: tuple[tuple[str, str], ...]  # (country, president)
    agencies: tuple[str, ...]


# ---------------------------------------------------------------- names


def syllables(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(count))


def person_name(rng: random.Random) -> str:
    given = (syllables(rng, 2) + rng.choice(_GIVEN_ENDS)).capitalize()
    return f"{given} {(syllables(rng, 2) + rng.choice(_SURNAME_ENDS)).capitalize()}"


def town_name(rng: random.Random) -> str:
    return (syllables(rng, rng.choice((1, 2))) + rng.choice(_TOWN_ENDS)).capitalize()


def country_name(rng: random.Random) -> str:
    return (syllables(rng, 2) + "ia").capitalize()


def demonym(country: str) -> str:
    return country + "n"  # every invented country ends in "-ia": Velmaria, Velmarian


def unique(rng: random.Random, used: set[str], make: Callable[[random.Random], str]) -> str:
    """A fresh name: stories must not share people or places, or clustering gets free merges."""
    while True:
        name = make(rng)
        if name not in used:
            used.add(name)
            return name


# ---------------------------------------------------------------- planning


def make_world(rng: random.Random, used: set[str]) -> World:
    outlets = tuple(outlet_name(rng, used) for _ in range(_OUTLET_POOL))
    countries = tuple(
        (unique(rng, used, country_name), unique(rng, used, person_name)) for _ in range(_COUNTRY_POOL)
    )
    agencies = tuple(f"{unique(rng, used, town_name)} Press" for _ in range(6))
    return World(outlets, countries, agencies)


def outlet_name(rng: random.Random, used: set[str]) -> str:
    place = unique(rng, used, town_name)
    form = rng.choice(("The {} Herald", "{} Daily", "The {} Post", "{} Times", "{} Wire", "{} News"))
    return form.format(place)


def story_sizes(n_articles: int, rng: random.Random) -> list[int]:
    """Outlets per story, 3 to 10 each, summing to `n_articles` (fewer than 3 make one small story)."""
    sizes: list[int] = []
    remaining = n_articles
    while remaining > 0:
        if remaining <= _MAX_OUTLETS:
            size = remaining
        else:
            size = rng.randint(3, min(_MAX_OUTLETS, remaining - 3))
        sizes.append(size)
        remaining -= size
    return sizes


def plan_stories(n_articles: int, seed: int) -> tuple[World, list[Story]]:
    rng = random.Random(seed)
    used: set[str] = set()
    world = make_world(rng, used)
    sizes = story_sizes(n_articles, rng)
    # Distinct days for distinct events while the calendar allows it.
    days = rng.sample(range(max(1400, 2 * len(sizes))), len(sizes))
    stories = [plan_story(i, size, days[i], world, rng, used) for i, size in enumerate(sizes)]
    return world, stories


def plan_story(
    index: int, size: int, day: int, world: World, rng: random.Random, used: set[str]
) -> Story:
    country, president = rng.choice(world.countries)
    neighbour = rng.choice([c for c, _ in world.countries if c != country])
    kind = rng.choice(KINDS)
    return Story(
        index=index,
        size=size,
        kind=kind,
        date=_BASE_DATE + dt.timedelta(days=day),
        town=unique(rng, used, town_name),
        region=f"{unique(rng, used, town_name)} Province",
        country=country,
        president=president,
        nearby=(unique(rng, used, town_name), unique(rng, used, town_name), unique(rng, used, town_name)),
        officials=plan_officials(rng, used),
        witnesses=tuple(unique(rng, used, person_name) for _ in range(3)),
        agency=f"{country} {rng.choice(('Disaster Management Agency', 'Civil Protection Service', 'Emergency Ministry'))}",
        company=kind.company.format(unique(rng, used, town_name)),
        neighbour=neighbour,
        figures=plan_figures(rng),
        remarks=tuple((rng.randrange(3), r) for r in rng.sample(range(len(REMARKS)), 3)),
        claims=tuple(sorted(rng.sample(range(len(CLAIMS)), 6))),
        outlets=tuple(rng.sample(world.outlets, _MAX_OUTLETS + 1)),
        hour=f"{rng.randint(1, 11)}:{rng.choice(('05', '15', '30', '40', '50'))} {rng.choice(('a.m.', 'p.m.'))}",
    )


def plan_officials(rng: random.Random, used: set[str]) -> tuple[Person, ...]:
    roles = ("the regional governor", "the interior minister", "the head of the rescue service",
             "the town's mayor", "a police spokesperson")  # fmt: skip
    chosen = rng.sample(roles, 3)
    return tuple(Person(unique(rng, used, person_name), role) for role in chosen)


def plan_figures(rng: random.Random) -> dict[str, tuple[int, ...]]:
    """Each measure's values: one when every outlet agrees, two or three when counts diverge."""
    deaths = int(10 ** rng.uniform(1.0, 3.4))
    base = {
        "deaths": deaths,
        "injured": int(deaths * rng.uniform(1.2, 4.0)),
        "displaced": int(deaths * rng.uniform(20, 150)) // 10 * 10,
        "homes": int(deaths * rng.uniform(2, 12)),
        "rescuers": rng.randint(3, 40) * 50,
    }
    return {measure: spread(value, rng) for measure, value in base.items()}


def spread(value: int, rng: random.Random) -> tuple[int, ...]:
    if rng.random() < 0.5:
        return (value,)
    gap = max(1, int(value * rng.uniform(0.01, 0.06)))
    return tuple(sorted({value, value - gap, value + rng.choice((0, gap // 2 + 1))}))


# ---------------------------------------------------------------- text pools

# Qualifiers as outlets write them; "" is an exact count.
QUALIFIERS = ("at least ", "more than ", "about ", "some ", "nearly ", "", "")
FIGURE_FORMS = {
    "deaths": (
        "{q}{v} people died in the {noun}, {attr}.",
        "The {noun} left {q}{v} people dead, {attr}.",
        "The death toll has risen to {q}{v}, {attr}.",
        "Officials recorded {q}{v} deaths by {weekday} evening, {attr}.",
        "{Q}{v} people were killed, {attr}.",
        "The {noun} has claimed {q}{v} lives, {attr}.",
    ),
    "injured": (
        "{Q}{v} people were injured, {attr}.",
        "Another {v} were hurt and taken to hospitals in {nearby}.",
        "{Attr}, {q}{v} people were wounded.",
    ),
    "displaced": (
        "{Q}{v} residents were forced from their homes.",
        "The {agency} said {q}{v} people had been displaced.",
        "{Q}{v} people are staying in temporary shelters, {attr}.",
    ),
    "homes": (
        "{Q}{v} houses were destroyed or badly damaged.",
        "The {noun} flattened {q}{v} homes, {attr}.",
    ),
    "rescuers": (
        "{Q}{v} rescue workers have been deployed to {town}.",
        "The {agency} sent {q}{v} rescuers to the area.",
    ),
}
ATTRIBUTIONS = (
    "according to the {agency}",
    "{role} {official} said",
    "local authorities said",
    "the {agency} said on {pubday}",
    "{official} told reporters",
)
# Each remark three ways, as translations and rewrites give the same words.
REMARKS = (
    ("We will keep searching until every family has an answer",
     "We will not stop searching until every family has answers",
     "Our teams will keep looking until each family has an answer"),
    ("Every home lost in {town} will be rebuilt",
     "We will rebuild every house that was lost in {town}",
     "All the homes destroyed in {town} will be built again"),
    ("The warnings were ignored for years and people paid with their lives",
     "For years the warnings were ignored, and people have paid for it with their lives",
     "People paid with their lives because the warnings were ignored for years"),
    ("This is the worst disaster {region} has seen in a generation",
     "{region} has not seen a disaster like this in a generation",
     "It is the worst catastrophe {region} has known in a generation"),
    ("We need tents, clean water and medicine, and we need them now",
     "What we need right now is tents, clean water and medicine",
     "Tents, clean water and medicines are needed immediately"),
    ("Those responsible for this negligence will be held to account",
     "Whoever is responsible for this negligence will answer for it",
     "We will hold accountable those responsible for this negligence"),
    ("The hospitals in {nearby} are full and doctors are working around the clock",
     "Doctors in {nearby} are working day and night and the hospitals are full",
     "Hospitals in {nearby} have no beds left and the doctors work around the clock"),
    ("The chances of finding survivors are falling with every hour",
     "With every hour the chance of finding anyone alive gets smaller",
     "Every hour that passes lowers the chances of finding survivors"),
)  # fmt: skip
QUOTE_FORMS = (
    "{o}{q},{c} {name} said.",
    "{o}{q},{c} said {role} {name}.",
    "{name}, {role}, told reporters: {o}{q}.{c}",
    "{surname} said: {o}{q}.{c}",
    "According to {role} {name}, {o}{q}.{c}",
    "{o}{q},{c} {surname} added.",
)
# Facts every outlet may state, each in three wordings.
CLAIMS = (
    ("The {noun} {verb} {town} shortly after {hour} on {weekday}.",
     "Shortly after {hour} on {weekday}, the {noun} {verb} {town}.",
     "It was shortly after {hour} on {weekday} when the {noun} {verb} {town}."),
    ("Rescue teams from {nearby} reached {town} within hours.",
     "Within hours, rescuers from {nearby} had arrived in {town}.",
     "Teams from {nearby} were in {town} within a few hours."),
    ("President {president} declared three days of national mourning.",
     "Three days of national mourning were declared by President {president}.",
     "{country} will observe three days of mourning, President {president} announced."),
    ("Schools across {region} will stay closed until further notice.",
     "All schools in {region} remain shut until further notice.",
     "Authorities closed the schools of {region} until further notice."),
    ("The main road between {town} and {nearby} was cut off.",
     "The road linking {town} to {nearby} is impassable.",
     "{town} was cut off from {nearby} when the main road was blocked."),
    ("{official} ordered an inquiry into the causes of the {noun}.",
     "An inquiry into the {noun} was ordered by {official}.",
     "{official} has called for an investigation into what caused the {noun}."),
    ("{neighbour} sent a team of rescuers and sniffer dogs.",
     "A rescue team with sniffer dogs arrived from {neighbour}.",
     "Rescuers and dogs were flown in from neighbouring {neighbour}."),
    ("Experts blamed {cause}.",
     "Engineers pointed to {cause} as the likely cause.",
     "The {noun} was probably caused by {cause}, experts said."),
    ("The {company} said it was cooperating with investigators.",
     "Investigators have the full cooperation of the {company}, the firm said.",
     "In a statement, the {company} promised to cooperate with the inquiry."),
)  # fmt: skip
# Background any outlet may add on its own: the "reported by one outlet" material.
FILLER = (
    "{town} lies about {km} kilometres from {nearby}, the largest city in {region}.",
    "{region} is home to about {pop} people, many of whom work in farming and trade.",
    "In {year}, a similar {noun} near {nearby} killed {small} people.",
    "Residents described scenes of chaos as rescuers {rescue}.",
    "Many families spent the night in the open, wrapped in blankets against the cold.",
    "Aid groups warned of the risk of disease in crowded shelters.",
    "Volunteers formed long lines to pass water and bread to those waiting for news.",
    "The {agency} has been criticised in the past for slow responses to emergencies.",
    "Mobile networks in parts of {region} were still down on {pubday}.",
    "Local television showed images of {where} reduced to wreckage.",
    "Opposition leader {other} accused the government of ignoring earlier warnings.",
    "Shops in {nearby} ran out of bottled water within a day.",
    "Relatives gathered outside the hospital in {nearby}, hoping for news of the missing.",
    "The {company} has not commented on the reports.",
    "{witness}, who lives near {where}, said the first minutes were the worst.",
    "{witness} said she had spent the night searching for her brother.",
    "Engineers were inspecting bridges and public buildings across {region}.",
    "Prices for basic food rose sharply in the markets of {nearby}.",
    "The weather service forecast more rain for the coming days, which could slow the work.",
    "Critics say building rules in {country} are rarely enforced outside the capital.",
    "Blood donors queued for hours at clinics in {nearby} after an appeal on the radio.",
    "The army sent trucks, field kitchens and a mobile hospital to {town}.",
    "Several international charities said they were ready to send staff.",
    "The national football league postponed its weekend matches.",
    "Parliament held a minute of silence at the start of its session on {pubday}.",
    "Satellite images showed the extent of the damage around {where}.",
    "Insurance companies said it was too early to estimate the losses.",
    "Teachers in {nearby} opened classrooms to families who had lost their homes.",
    "The {noun} was the deadliest in {country} since {year}, historians said.",
    "Officials in {nearby} asked people not to travel to the area unless necessary.",
)
# A small grammar for the rest of the background, so articles do not share it word for word.
ACTORS = (
    "Volunteers", "Aid workers", "Residents of {nearby}", "Doctors from the hospital in {nearby}",
    "{witness}, a shopkeeper,", "Engineers from the {company}", "Soldiers", "Officials in {region}",
    "Local journalists", "Teachers from {nearby}", "Farmers near {town}", "Neighbours",
    "Church groups", "Students from {nearby}", "Firefighters from {nearby}", "Red Cross staff",
)  # fmt: skip
ACTIONS = (
    "handed out blankets and food", "set up tents on the football pitch",
    "searched damaged buildings for the missing", "collected donations for the families",
    "repaired power lines", "cleared debris from the main square", "checked the damaged bridges",
    "drew up lists of the missing", "asked for more heavy machinery", "shared pictures of the damage",
    "warned of looting", "opened their homes to strangers", "cooked meals for rescue crews",
    "brought drinking water in tanker trucks", "helped older people leave {where}",
)  # fmt: skip
SETTINGS = (
    "on {pubday}", "through the night", "near {where}", "in {nearby}", "despite the rain",
    "before dawn", "for a second day", "in the days after the {noun}", "while the search went on",
    "as night fell over {town}",
)  # fmt: skip
BOILERPLATE_END = (
    ("Leave a Reply", "Your email address will not be published. Required fields are marked *"),
    ("Most Popular",),
    ("Related News",),
)


# ---------------------------------------------------------------- writing


@dataclass(frozen=True)
class Voice:
    """How one outlet writes one article: its day, its quotation marks, its figures."""

    story: Story
    outlet: str
    published: dt.date
    marks: tuple[str, str]


def fill(template: str, story: Story, voice: Voice, rng: random.Random, **extra: str) -> str:
    values = {
        "noun": story.kind.noun, "verb": story.kind.verb, "where": story.kind.where,
        "rescue": story.kind.rescue, "cause": story.kind.cause, "company": story.company,
        "town": story.town, "region": story.region, "country": story.country,
        "president": story.president, "nearby": rng.choice(story.nearby), "agency": story.agency,
        "neighbour": story.neighbour, "weekday": story.weekday, "hour": story.hour,
        "pubday": _WEEKDAYS[voice.published.weekday()], "official": story.officials[0].name,
        "role": story.officials[0].role, "witness": rng.choice(story.witnesses[:2]),
        "other": story.witnesses[-1],
        "km": str(rng.randint(12, 240)), "pop": f"{rng.randint(3, 90) * 50_000:,}",
        "year": str(story.date.year - rng.randint(3, 40)), "small": str(rng.randint(4, 300)),
    }  # fmt: skip
    values.update(extra)
    return template.format_map({**{upper_first(k): upper_first(v) for k, v in values.items()}, **values})


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def figure_sentence(measure: str, story: Story, voice: Voice, rng: random.Random) -> str:
    value = rng.choice(story.figures[measure])
    qualifier = rng.choice(QUALIFIERS)
    official = rng.choice(story.officials)
    attr = fill(rng.choice(ATTRIBUTIONS), story, voice, rng, official=official.name, role=official.role)
    extra = {"q": qualifier, "v": f"{value:,}", "attr": attr}
    return upper_first(fill(rng.choice(FIGURE_FORMS[measure]), story, voice, rng, **extra))


def quote_sentence(remark: tuple[int, int], story: Story, voice: Voice, rng: random.Random) -> str:
    speaker = story.officials[remark[0]]
    words = fill(rng.choice(REMARKS[remark[1]]), story, voice, rng)
    form = rng.choice(QUOTE_FORMS)
    o, c = voice.marks
    text = fill(form, story, voice, rng, q=words, o=o, c=c, name=speaker.name,
                role=speaker.role, surname=speaker.surname)  # fmt: skip
    return upper_first(text)


def claim_sentence(claim: int, story: Story, voice: Voice, rng: random.Random) -> str:
    return upper_first(fill(rng.choice(CLAIMS[claim]), story, voice, rng))


def headline(story: Story, rng: random.Random) -> str:
    deaths = f"{story.figures['deaths'][0]:,}"
    forms = (
        f"{story.kind.noun.capitalize()} in {story.town} kills {deaths}",
        f"Death toll from {story.town} {story.kind.noun} climbs",
        f"Rescuers race to find survivors after {story.region} {story.kind.noun}",
        f"{story.country}: {story.kind.noun} {story.kind.verb} {story.town}, {deaths} dead",
        f"{story.kind.noun.capitalize()} in {story.country}'s {story.region} leaves hundreds homeless",
        f"Mourning in {story.town} after deadly {story.kind.noun}",
    )
    return rng.choice(forms)


def lead(story: Story, voice: Voice, rng: random.Random) -> str:
    day = story.date
    when = rng.choice((f"on {story.weekday}", f"on {day.day} {_MONTHS[day.month - 1]}"))
    return (
        f"A {story.kind.noun} {story.kind.verb} {story.town} in {story.country}'s {story.region} "
        f"{when}, and rescuers {story.kind.rescue} through the following night."
    )


def body_sentences(story: Story, voice: Voice, rng: random.Random, words: int) -> list[str]:
    """The article's sentences in reading order: lead, figures, facts, quotes, then background."""
    measures = ["deaths"] + [m for m in ("injured", "displaced", "homes", "rescuers") if rng.random() < 0.7]
    core = [figure_sentence(m, story, voice, rng) for m in measures]
    core += [claim_sentence(c, story, voice, rng) for c in rng.sample(story.claims, rng.randint(3, 5))]
    core += [quote_sentence(r, story, voice, rng) for r in rng.sample(story.remarks, rng.randint(1, 3))]
    rng.shuffle(core)
    sentences = [lead(story, voice, rng)] + core
    pool = rng.sample(FILLER, 8)
    while sum(len(s.split()) for s in sentences) < words:
        template = pool.pop() if pool and rng.random() < 0.45 else background(rng)
        sentences.append(upper_first(fill(template, story, voice, rng)))
    return sentences


def background(rng: random.Random) -> str:
    return f"{rng.choice(ACTORS)} {rng.choice(ACTIONS)} {rng.choice(SETTINGS)}."


def paragraphs(sentences: Sequence[str], rng: random.Random) -> list[str]:
    grouped: list[str] = []
    position = 0
    while position < len(sentences):
        take = rng.randint(1, 3)
        grouped.append(" ".join(sentences[position : position + take]))
        position += take
    return grouped


def write_article(story: Story, slot: int, world: World, stories: Sequence[Story], seed: int) -> GeneratedArticle:
    """The `slot`-th outlet's article on `story`, from its own generator so it does not depend on the others."""
    rng = random.Random(f"{seed}:{story.index}:{slot}")
    voice = Voice(story, story.outlets[slot], story.date + dt.timedelta(days=rng.choice((0, 0, 1, 2))),
                  rng.choice((("“", "”"), ('"', '"'))))  # fmt: skip
    title = headline(story, rng)
    body = paragraphs(body_sentences(story, voice, rng, rng.randint(540, 660)), rng)
    body = dress(body, title, story, world, stories, rng)
    name = hashlib.sha256(f"{seed}:{story.index}:{slot}".encode()).hexdigest()[:16]
    if rng.random() < 0.35:
        return GeneratedArticle(f"{name}.md", markdown_file(title, body, voice, rng), story.index, voice.outlet)
    return GeneratedArticle(f"{name}.txt", text_file(title, body, voice, rng), story.index, voice.outlet)


def dress(
    body: list[str], title: str, story: Story, world: World, stories: Sequence[Story], rng: random.Random
) -> list[str]:
    """Wrap the text in page furniture: share widgets, photo credits, a neighbour's headline."""
    lines = list(body)
    if rng.random() < 0.4:
        caption = f"Rescuers at work in {story.town} on {story.weekday}"
        credit = rng.choice((f"{caption} - PHOTO/{rng.choice(world.agencies).upper()}",
                             f"Photo: {rng.choice(world.agencies)}/{rng.choice(story.witnesses)}"))  # fmt: skip
        lines.insert(1, credit)
    if rng.random() < 0.3:
        lines.insert(0, "Share:")
    if rng.random() < 0.05:
        lines.insert(0, title)  # the title printed twice
    if rng.random() < 0.3:
        lines += ["Read Next", headline(rng.choice(stories), rng)]
    if rng.random() < 0.15:
        lines += list(rng.choice(BOILERPLATE_END))
    return lines


def text_file(title: str, body: list[str], voice: Voice, rng: random.Random) -> str:
    roll = rng.random()
    date = f"date {voice.published.isoformat()}"
    if roll < 0.05:
        return f"{date} " + "\n\n".join(body) + "\n"  # the date runs into the first paragraph
    head = f"{date}\n{title}" if roll < 0.6 else title
    return head + "\n\n" + "\n\n".join(body) + "\n"


def markdown_file(title: str, body: list[str], voice: Voice, rng: random.Random) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")  # a real URL's path has no quotes
    host = voice.outlet.lower().replace("the ", "").replace(" ", "")
    front = [
        "---",
        f'title: "{title}"',
        f'source: "{voice.outlet}"',
        f"url: https://www.{host}.example/{voice.published:%Y/%m}/{slug}",
        f"published: {voice.published.isoformat()}",
        "language: en",
        "---",
    ]
    if len(body) > 4:
        body = body[:3] + [f"## {rng.choice(('What happened', 'The response', 'Rescue efforts'))}"] + body[3:]
    return "\n".join(front) + "\n\n" + "\n\n".join(body) + "\n"


# ---------------------------------------------------------------- public


def generate_corpus(n_articles: int, seed: int) -> list[GeneratedArticle]:
    """`n_articles` articles in stories of 3–10 outlets, sorted by file name; the same for the same seed."""
    world, stories = plan_stories(n_articles, seed)
    articles = [write_article(s, slot, world, stories, seed) for s in stories for slot in range(s.size)]
    return sorted(articles, key=lambda a: a.name)


def extra_article(n_articles: int, seed: int) -> GeneratedArticle:
    """One more outlet's article on the corpus's first story: the newsroom's next arrival."""
    world, stories = plan_stories(n_articles, seed)
    story = stories[0]
    return write_article(story, story.size, world, stories, seed)


def write_corpus(folder: Path, n_articles: int, seed: int) -> list[GeneratedArticle]:
    folder.mkdir(parents=True, exist_ok=True)
    articles = generate_corpus(n_articles, seed)
    for article in articles:
        write_article_file(folder, article)
    return articles


def write_article_file(folder: Path, article: GeneratedArticle) -> Path:
    path = folder / article.name
    path.write_text(article.content, encoding="utf-8")
    return path
