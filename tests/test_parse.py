"""Parsing: texts beyond spaCy's max_length never crash and keep their text, and the cache gives back what it got."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from digest.nlp.parse import COMPONENTS, Parser, parse_long, parse_texts, run_pipeline, split_parts

PARAGRAPH = "The minister said on Tuesday that talks would resume. Aid convoys waited at the border."


@pytest.fixture
def small(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> Language:
    """The real pipeline with a max_length small enough for tests to exceed (restored afterwards)."""
    monkeypatch.setattr(nlp, "max_length", 300)
    return nlp


def test_a_text_of_many_paragraphs_beyond_max_length_parses_whole(small: Language) -> None:
    text = "\n\n".join(f"{PARAGRAPH} Item {i} was noted." for i in range(12))
    assert len(text) > 3 * small.max_length
    with pytest.raises(ValueError):
        small(text)  # the failure parse_long exists to avoid
    doc = parse_long(small, text)
    assert doc.text == text
    assert sum(1 for s in doc.sents if s.text.startswith("The minister")) == 12
    assert any(ent.label_ == "DATE" and ent.text == "Tuesday" for ent in doc.ents)


def test_one_paragraph_longer_than_max_length_is_cut_at_sentence_ends(small: Language) -> None:
    text = " ".join(f"Official number {i} said the convoy had arrived." for i in range(40))
    assert "\n" not in text and len(text) > 5 * small.max_length
    doc = parse_long(small, text)
    assert doc.text == text
    assert all(s.text.strip().endswith(".") for s in doc.sents)


def test_a_run_of_characters_longer_than_max_length_does_not_crash(small: Language) -> None:
    text = f"{PARAGRAPH}\n\n{'x' * 1000}\n\n{'é' * 700} {PARAGRAPH}"
    doc = parse_long(small, text)
    assert doc.text == text


def test_run_pipeline_parses_long_and_short_texts_in_order(small: Language) -> None:
    texts = ["Short one.", "\n\n".join([PARAGRAPH] * 10), "Another short one."]
    docs = list(run_pipeline(small, texts))
    assert [d.text for d in docs] == texts


def test_parse_texts_caches_long_texts_with_their_text_intact(small: Language, tmp_path: Path) -> None:
    parser = Parser(small, tmp_path)
    text = "\n\n".join([PARAGRAPH] * 10)
    first = parse_texts(parser, [text])[0]
    assert list(tmp_path.rglob("*.spacy"))
    again = parse_texts(parser, [text])[0]
    assert again.text == first.text == text
    assert [t.text for t in again] == [t.text for t in first]


@pytest.mark.parametrize("limit", [2, 5, 40])
def test_split_parts_respects_the_limit_and_loses_nothing(limit: int) -> None:
    text = f"{PARAGRAPH}\n\nNo-break-{'z' * 90}\n\n\n   spaced   out. End."
    parts = split_parts(text, limit)
    assert "".join(parts) == text
    assert all(0 < len(p) <= limit for p in parts)


def test_split_parts_prefers_paragraph_then_sentence_breaks() -> None:
    text = f"{PARAGRAPH}\n\n{PARAGRAPH}"
    assert split_parts(text, len(PARAGRAPH) + 5) == [f"{PARAGRAPH}\n\n", PARAGRAPH]
    first, second = PARAGRAPH.split(". ")
    assert split_parts(PARAGRAPH, len(PARAGRAPH) - 3) == [f"{first}. ", second]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab .!\n\t é")), max_size=400), limit=st.integers(2, 60))
def test_split_parts_property(text: str, limit: int) -> None:
    parts = split_parts(text, limit)
    assert "".join(parts) == text
    assert all(len(p) <= limit for p in parts)
    assert len(parts) <= max(1, 2 * len(text) // limit + 1)  # never many tiny parts


def test_cached_docs_are_read_back_and_a_damaged_entry_is_parsed_again(nlp: Language, tmp_path: Path) -> None:
    parser = Parser(nlp, tmp_path)
    texts = [PARAGRAPH, "Another article entirely. It names Paris."]
    first = parse_texts(parser, texts)
    entries = sorted(tmp_path.rglob("*.spacy"))
    assert len(entries) == 2
    entries[0].write_bytes(b"not a DocBin")
    again = parse_texts(parser, texts)
    assert [d.text for d in again] == texts
    assert [[t.lemma_ for t in d] for d in again] == [[t.lemma_ for t in d] for d in first]


def test_the_pipeline_loads_only_the_components_the_digest_reads(nlp: Language) -> None:
    assert "senter" not in nlp.component_names
    assert set(nlp.pipe_names) == {*COMPONENTS, "digest_paragraphs"}


def test_a_pipeline_of_other_components_has_its_own_cache_key(nlp: Language, tmp_path: Path) -> None:
    full = Parser(nlp, tmp_path)
    fewer = Parser(spacy.blank("en"), tmp_path)
    fewer.nlp.meta.update({k: nlp.meta[k] for k in ("lang", "name", "version")})
    assert full.key != fewer.key and full.key.startswith(fewer.key.rsplit("-", 1)[0])
