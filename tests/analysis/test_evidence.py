"""Evidence: whole content words or phrases that carried the sentence's label."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tidewise.analysis.classify import Head
from tidewise.analysis.embed import DIMENSIONS
from tidewise.analysis.engine import Engine
from tidewise.analysis.evidence import FUNCTION_WORDS, evidence_for
from tidewise.analysis.features import DENSE_NAMES, FeatureConfig, ngram_features
from tidewise.cycle.labels import LABEL_NAMES, Label

from .conftest import FakeEncoder, fake_head

WITHDRAWING = LABEL_NAMES.index("withdrawing")
PUNISHING = LABEL_NAMES.index("punishing")
WORD = re.compile(r"[^\W_](?:[^\W_]|['’-](?=[^\W_]))*")


def word_head(words: dict[str, tuple[int, float]]) -> Head:
    """A head whose only weights are the unigram buckets of the given words."""
    config = FeatureConfig(word_buckets=1 << 14, char_buckets=1)
    sparse = np.zeros((7, config.sparse_size), dtype=np.float32)
    for word, (label, weight) in words.items():
        idx, _ = ngram_features(word, config)
        sparse[label, idx[0]] = weight
    return Head(
        labels=LABEL_NAMES,
        dense_coef=np.zeros((7, DIMENSIONS + len(DENSE_NAMES)), dtype=np.float32),
        sparse_coef=sparse,
        intercept=np.zeros(7, dtype=np.float32),
        temperature=1.0,
        config=config,
        version="test",
    )


def row_for(label: int) -> np.ndarray:
    row = np.full(7, 0.02, dtype=np.float32)
    row[label] = 0.88
    return row


def test_the_words_whose_removal_lowers_the_label_most_are_chosen() -> None:
    head = word_head({"slept": (WITHDRAWING, 3.0), "spare": (WITHDRAWING, 2.0)})
    sentence = "Last night I slept in the spare room again"
    evidence = evidence_for(sentence, Label.WITHDRAWING, row_for(WITHDRAWING), head)
    texts = [e.text for e in evidence]
    assert any("slept" in t for t in texts)
    assert any("spare" in t for t in texts)
    assert all("Last" not in t for t in texts)


def test_a_lone_function_word_is_never_evidence_even_when_it_carries_weight() -> None:
    head = word_head({"he": (PUNISHING, 5.0), "up": (PUNISHING, 5.0), "screamed": (PUNISHING, 4.0)})
    sentence = "He came up the stairs and I screamed"
    evidence = evidence_for(sentence, Label.PUNISHING, row_for(PUNISHING), head)
    assert [e.text for e in evidence] == ["screamed"]


def test_no_content_word_means_no_evidence() -> None:
    head = word_head({"he": (PUNISHING, 5.0), "was": (PUNISHING, 5.0)})
    assert evidence_for("He was.", Label.PUNISHING, row_for(PUNISHING), head) == ()


def test_neutral_sentences_carry_no_evidence() -> None:
    row = np.array([0, 0, 0, 0, 0, 0, 1.0], dtype=np.float32)
    assert evidence_for("Counselling moved to Friday.", Label.NEUTRAL, row, fake_head()) == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "I still want him, and that's what scares me.",
        "what is wrong with me — I let her hold me again",
        "i cant do this anymore ngl, the self-respect is gone",
        "Il m’a menti pendant deux ans, et je l’ai cru.",
        "He's started therapy; I'm still furious about the lies!!",
    ],
)
def test_spans_never_cut_a_word_and_are_never_lone_function_words(sentence: str) -> None:
    encoder = FakeEncoder()
    _, shares = encoder.embed_with_tokens([sentence])
    for label in LABEL_NAMES[:6]:
        row = row_for(LABEL_NAMES.index(label))
        for e in evidence_for(sentence, Label(label), row, fake_head(), shares[0]):
            assert sentence[e.start : e.end] == e.text
            assert e.start == 0 or not sentence[e.start - 1].isalnum()
            assert e.end == len(sentence) or not sentence[e.end].isalnum()
            words = WORD.findall(e.text)
            assert any(w.lower().replace("’", "'") not in FUNCTION_WORDS for w in words)


def test_the_embedding_share_can_carry_a_word_by_itself() -> None:
    sentence = "the silence helped"
    encoder = FakeEncoder()
    vectors, shares = encoder.embed_with_tokens([sentence])
    # Exactly the token shares sum to the sentence vector (mean pooling is linear).
    assert np.allclose(shares[0].shares.sum(axis=0), vectors[0], atol=1e-5)
    head = word_head({})
    dense = np.zeros_like(head.dense_coef)
    dense[WITHDRAWING, :DIMENSIONS] = shares[0].shares[1] * 50  # point at "silence"
    head = Head(head.labels, dense, head.sparse_coef, head.intercept, 1.0, head.config, "test")
    evidence = evidence_for(sentence, Label.WITHDRAWING, row_for(WITHDRAWING), head, shares[0])
    assert [e.text for e in evidence][:1] == ["silence"]


def test_engine_evidence_points_into_each_sentence(fake_engine: Engine) -> None:
    analysis = fake_engine.analyze("I moved to the spare room. I screamed at him about her!")
    for sentence in analysis.sentences:
        for e in sentence.evidence:
            assert sentence.text[e.start : e.end] == e.text
