"""The pipeline: a topic's address survives the arrival of more reports of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

from digest.nlp.parse import Parser
from digest.pipeline import build_digest


def slug_of(seeds: Path, parser: Parser, article_prefix: str) -> str:
    digest = build_digest(seeds, parser)
    return next(t.slug for t in digest.topics if any(a.startswith(article_prefix) for a in t.articles))


def test_a_topic_keeps_its_slug_when_later_outlets_join_it(parser: Parser, tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    for path in seeds[:2]:
        shutil.copy(path, tmp_path / path.name)
    before = slug_of(tmp_path, parser, "000")
    for path in seeds[2:]:
        shutil.copy(path, tmp_path / path.name)
    assert slug_of(tmp_path, parser, "000") == before


def test_an_article_beyond_max_length_is_parsed_in_parts_and_reported(
    parser: Parser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraph = "The harbour board met on Monday and agreed to repair the north pier before winter. "
    (tmp_path / "long.txt").write_text("Harbour repairs agreed\n\n" + "\n\n".join([paragraph] * 40), encoding="utf-8")
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], tmp_path)
    monkeypatch.setattr(parser.nlp, "max_length", 1000)
    digest = build_digest(tmp_path, parser)
    (problem,) = [p for p in digest.problems if p.file == "long.txt"]
    assert "max_length" in problem.message and "parsed in parts" in problem.message
    assert "long" in {a.id for a in digest.articles}


# Reports of the seeds' February story (Blinken in Tel Aviv, Hamas's answer through Qatar),
# written for this test in the outlets' own languages; they share names and numbers, not words.
SPANISH_REPORT = """\
---
title: "Blinken ve «margen para un acuerdo» pese a los elementos inaceptables de la respuesta de Hamás"
source: Diario del Sur
published: 2024-02-07
---

El secretario de Estado de Estados Unidos, Antony Blinken, afirmó este miércoles en Tel Aviv que
la respuesta de Hamás a la propuesta de tregua en Gaza contiene elementos claramente inaceptables,
pero que todavía deja margen para alcanzar un acuerdo.

Hamás entregó su respuesta a través de Qatar al servicio de inteligencia israelí, el Mossad. La
oficina del primer ministro israelí, Benjamín Netanyahu, indicó que los responsables estudian la
respuesta con atención.

Blinken dijo haber transmitido a Netanyahu y a otros dirigentes israelíes que el número de civiles
inocentes que mueren cada día en la Franja de Gaza sigue siendo demasiado alto. La propuesta prevé
una pausa en los combates y la liberación de los rehenes israelíes retenidos en Gaza.
"""

FRENCH_REPORT = """\
---
title: "À Tel-Aviv, Blinken juge que la réponse du Hamas laisse une marge pour un accord"
source: La Gazette du Levant
published: 2024-02-07
---

Le secrétaire d'État américain Antony Blinken a déclaré mercredi à Tel-Aviv que la réponse du
Hamas à la proposition de trêve à Gaza comportait des éléments clairement inacceptables, mais
qu'elle laissait encore une marge pour parvenir à un accord.

Le Hamas a transmis sa réponse au Mossad, le service de renseignement israélien, par
l'intermédiaire du Qatar. Le bureau du Premier ministre israélien Benyamin Netanyahou a fait savoir
que la réponse était étudiée avec soin.

Selon Blinken, le bilan quotidien des civils innocents tués dans la bande de Gaza reste trop
élevé. La proposition prévoit une pause dans les combats et la libération des otages israéliens.
"""


@pytest.mark.parametrize("report", [SPANISH_REPORT, FRENCH_REPORT], ids=["es", "fr"])
def test_a_report_in_another_language_joins_its_story(parser: Parser, tmp_path: Path, report: str) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "foreign.md").write_text(report, encoding="utf-8")
    digest = build_digest(tmp_path, parser)
    (topic,) = [t for t in digest.topics if "foreign" in t.articles]
    assert {a[:3] for a in topic.articles if a != "foreign"} == {"000", "001", "002", "004"}
