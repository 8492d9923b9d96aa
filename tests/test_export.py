from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from digest.model import Digest
from digest.site.export import schema_text, to_document, to_json, write_json

SHARED_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "digest.schema.json"


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


def test_the_packaged_schema_is_the_shared_contract() -> None:
    if SHARED_SCHEMA.is_file():  # ../shared is beside every clone in CI
        assert json.loads(schema_text()) == json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))


def test_the_published_digest_json_and_schema_are_the_built_sites(built_site: Path) -> None:
    published = json.loads((built_site / "digest.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "digest.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(published, schema)
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
