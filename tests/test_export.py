from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema

from digest import memo
from digest.model import Digest
from digest.nlp.parse import Parser
from digest.pipeline import build_digest
from digest.site.export import schema_text, to_document, to_json, write_json

SHARED_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "digest.schema.json"
# The contract as given to the project, copied: GitHub's runners have no ../shared.
CONTRACT = Path(__file__).resolve().parent / "resources" / "contract" / "digest.schema.json"
COVERAGE = Path(__file__).resolve().parent / "resources" / "coverage" / "articles"


def test_the_digest_of_the_seeds_is_valid_against_the_schema(seeds_digest: Digest) -> None:
    document = json.loads(to_json(seeds_digest))
    jsonschema.validate(document, json.loads(schema_text()))
    assert len(document["articles"]) == 5


def test_a_broken_document_is_caught_by_the_schema(seeds_digest: Digest) -> None:
    document = to_document(seeds_digest)
    del document["articles"][0]["removed"]
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    assert not validator.is_valid(document)


def test_every_article_points_at_a_topic_that_lists_it(seeds_digest: Digest) -> None:
    document = to_document(seeds_digest)
    topics = {t["slug"]: t for t in document["topics"]}
    for article in document["articles"]:
        assert article["id"] in topics[article["topic"]]["articles"]


def test_the_export_is_byte_identical_for_the_same_digest(seeds_digest: Digest) -> None:
    assert to_json(seeds_digest) == to_json(seeds_digest)


def extension_breaks(contract: object, packaged: object, where: str = "$") -> list[str]:
    """Where `packaged` fails to keep `contract`: it may add properties and reword descriptions,
    nothing else; a property, type, enum or requirement of the contract must stay as it is."""
    if isinstance(contract, dict) and isinstance(packaged, dict):
        breaks = []
        for key, value in contract.items():
            if key in {"description", "title", "$id"}:
                continue
            if key not in packaged:
                breaks.append(f"{where}.{key} is missing")
            elif key == "required":
                breaks += [f"{where}.required lost {name!r}" for name in value if name not in packaged[key]]
            else:
                breaks += extension_breaks(value, packaged[key], f"{where}.{key}")
        return breaks
    return [] if contract == packaged else [f"{where}: {packaged!r} is not the contract's {contract!r}"]


def test_the_packaged_schema_keeps_the_shared_contract() -> None:
    packaged = json.loads(schema_text())
    for contract_file in (CONTRACT, SHARED_SCHEMA):
        if contract_file.is_file():  # ../shared is beside every clone on our machines, not on GitHub's
            assert extension_breaks(json.loads(contract_file.read_text(encoding="utf-8")), packaged) == []


def test_a_schema_that_drops_part_of_the_contract_is_caught() -> None:
    contract = json.loads(CONTRACT.read_text(encoding="utf-8"))
    broken = json.loads(schema_text())
    broken["properties"]["articles"]["items"]["required"].remove("removed")
    broken["properties"]["topics"]["items"]["properties"]["figures"]["items"]["properties"]["status"]["enum"].pop()
    assert len(extension_breaks(contract, broken)) == 2


def test_the_copied_contract_is_the_shared_one() -> None:
    if SHARED_SCHEMA.is_file():
        assert CONTRACT.read_bytes() == SHARED_SCHEMA.read_bytes()


def test_the_published_digest_json_and_schema_are_the_built_sites(built_site: Path) -> None:
    published = json.loads((built_site / "digest.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "digest.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(published, schema)
    jsonschema.validate(published, json.loads(CONTRACT.read_text(encoding="utf-8")))
    assert schema == json.loads(schema_text())
    assert {a["id"][:3] for a in published["articles"]} == {"000", "001", "002", "003", "004"}


def test_the_streamed_json_is_the_document_as_json_dumps_writes_it(seeds_digest: Digest, tmp_path: Path) -> None:
    expected = json.dumps(to_document(seeds_digest), ensure_ascii=False, indent=2) + "\n"
    assert to_json(seeds_digest) == expected
    write_json(seeds_digest, tmp_path / "digest.json")
    assert (tmp_path / "digest.json").read_text(encoding="utf-8") == expected


def test_an_empty_digest_streams_as_valid_json() -> None:
    empty = Digest((), (), ())
    assert to_json(empty) == json.dumps(to_document(empty), indent=2) + "\n"


def test_a_disagreement_is_exported_valid_against_both_schemas(parser: Parser, tmp_path: Path) -> None:
    # Four outlets on Norway and the EU gas platform: two say it will join, two that it will not.
    for name in ("w09", "w16", "w04", "w12"):
        (tmp_path / f"{name}.txt").write_text((COVERAGE / f"{name}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    document = json.loads(to_json(build_digest(tmp_path, parser)))
    for schema in (json.loads(schema_text()), json.loads(CONTRACT.read_text(encoding="utf-8"))):
        jsonschema.validate(document, schema)
    found = [d for t in document["topics"] for d in t["disagreements"]]
    assert found and {d["kind"] for d in found} == {"negation"}
    sides = [[" ".join(side["sentences"]) for side in d["sides"]] for d in found]
    assert any("will join" in yes and "will not join" in no for yes, no in sides)
    assert all(side["anchors"] for d in found for side in d["sides"])


def test_a_long_lived_process_recalls_unchanged_items_and_remakes_what_changed(seeds_digest: Digest, resident: None) -> None:
    assert to_json(seeds_digest) == to_json(seeds_digest)
    # A topic kept as it was, whose figure's sentence now reads otherwise: its text is made again.
    topic = next(t for t in seeds_digest.topics if t.figures)
    figure = topic.figures[0].values[0]
    extractions = tuple(
        dataclasses.replace(e, sentences=tuple(dataclasses.replace(s, text="A changed sentence.") if s.index == figure.sentence else s for s in e.sentences))
        if e.article.id == figure.article else e
        for e in seeds_digest.extractions
    )  # fmt: skip
    changed = dataclasses.replace(seeds_digest, extractions=extractions)
    text = to_json(changed)
    assert "A changed sentence." in text
    memo.keep_in_memory(False)
    assert text == to_json(changed)  # as a one-off build writes it
