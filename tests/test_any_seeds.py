"""Any seeds build: the project's real `seeds/`, plus articles nobody has seen, make a strict site.

Editors add articles to `seeds/` every day and the workflow runs the tests on every push, so this is
the one test that reads the real folder. It asserts nothing about what the seeds say (that is the
business of the tests' own copy in tests/resources/seeds/), only that the site builds and that
every seed in the folder has its page and its place in digest.json.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import PROJECT_SEEDS, build_site

pytestmark = pytest.mark.slow

# An invented event unrelated to the seeds, in the `.md` format with all of its front matter.
UNSEEN_MD = """\
---
title: "Ferry service across the Solent suspended after ramp failure at Portsmouth"
source: Hampshire Evening Courier
url: https://www.hampshire-courier.example/news/2025/11/ferry-ramp-failure
published: 2025-11-18
---

Ferry crossings between Portsmouth and Ryde were suspended on Tuesday morning after a loading ramp
failed at the Portsmouth terminal, leaving about 600 foot passengers and 140 vehicles waiting.

The operator said the hydraulic ramp jammed in the raised position shortly after 7am, as the first
sailing of the day was boarding. Nobody was hurt. Engineers were on site within the hour, but a
replacement part had to be brought from Southampton.

"Safety comes first, and we will not reopen the berth until the ramp has been fully inspected,"
a spokeswoman for the operator said. She apologised to passengers and said tickets would be
honoured on the hovercraft service, which added four extra crossings in the afternoon.

Commuters described long queues at the terminal. One nurse travelling to St Mary's Hospital in
Newport said she had waited more than two hours before being told to take the hovercraft.

The council's transport committee said it would ask the operator for a report on the failure,
the second at the terminal this year. Services were expected to resume on Wednesday.
"""

# A `.txt` seed as pasted from a web page: a title line and paragraphs, no date and no outlet line.
UNSEEN_TXT = """\
Library in Tartu reopens after two-year renovation

The city library of Tartu reopened to readers on Saturday after a renovation that took two years
and cost 9.5 million euros, nearly a third more than first planned.

The building, which dates from 1969, now has a new roof, a children's floor and a reading room on
the top storey with a view over the Emajõgi river. About 3,000 people visited on the first day,
the library said.

The mayor said at the opening that the delay had been caused by rising prices for building
materials and by the discovery of asbestos in the old ceilings. "It was worth the wait," she told
the crowd gathered in front of the entrance.

During the works the library ran from a temporary site in a former shop. Its 400,000 books were
moved back over the summer by staff and volunteers.
"""


def seed_files(seeds: Path) -> list[Path]:
    """The articles in a seeds folder: its `.txt` and `.md` files, as the README documents them."""
    files = (p for p in seeds.iterdir() if p.is_file() and not p.name.startswith("."))
    return sorted(p for p in files if p.suffix.lower() in (".txt", ".md"))


def test_the_real_seeds_plus_unseen_articles_build_and_every_seed_appears(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT_SEEDS, seeds)
    (seeds / "zz_unseen_ferry_ramp.md").write_text(UNSEEN_MD, encoding="utf-8")
    (seeds / "zz_unseen_tartu_library.txt").write_text(UNSEEN_TXT, encoding="utf-8")
    site = tmp_path / "site"
    assert build_site(seeds, site, "--strict") == 0
    document = json.loads((site / "digest.json").read_text(encoding="utf-8"))
    ids = {article["file"]: article["id"] for article in document["articles"]}
    files = [path.name for path in seed_files(seeds)]
    assert sorted(ids) == files
    missing = [name for name in files if not (site / "sources" / ids[name] / "index.html").is_file()]
    assert missing == []
