"""Cue features and hashed n-grams: explainable, offset-true and stable across processes."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from tidewise.analysis.features import (
    DENSE_NAMES,
    FeatureConfig,
    cue_matches,
    dense_features,
    model_text,
    ngram_features,
    normalise,
)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("what is wrong with me that i still want him", "wrong_with_me"),
        ("have some self respect, girl", "self_respect"),
        ("i felt so guilty after we slept together", "guilty"),
        ("she's younger and thinner and i feel replaceable", "worth"),
        ("it must be my fault he strayed", "self_blame"),
        ("I screamed at him in the driveway", "anger_at_partner"),
        ("he deserves every bit of this", "making_pay"),
        ("I slept in the guest room again", "distance"),
        ("I didn't let him hug me", "negated_movement"),
        ("i'm so tired of fighting", "worn_out"),
        ("I miss us so much", "missing"),
        ("I just want the war to be over", "ceasefire"),
        ("we cuddled on the couch all evening", "closeness"),
        ("MC is on Thursday", "logistics"),
        ("has anyone tried a weekend intensive?", "ask_others"),
    ],
)
def test_cues_find_what_they_name(sentence: str, cue: str) -> None:
    assert cue in {m.cue for m in cue_matches(sentence)}


def test_cue_offsets_point_into_the_sentence_itself() -> None:
    sentence = "Honestly WHAT IS WRONG WITH ME’s voice"
    for match in cue_matches(sentence):
        assert normalise(sentence)[match.start : match.end] == sentence[
            match.start : match.end
        ].lower().replace("’", "'")


def test_normalise_keeps_the_length_even_for_odd_letters() -> None:
    text = "İstanbul ÆØÅ ß ’quoted‘"
    assert len(normalise(text)) == len(text)


def test_dense_features_have_one_value_per_name() -> None:
    values = dense_features("why do I keep going back to him?")
    assert values.shape == (len(DENSE_NAMES),)
    named = dict(zip(DENSE_NAMES, values.tolist(), strict=True))
    assert named["self_question"] == 1.0
    assert named["question_mark"] == 1.0


def test_partner_as_subject_without_the_writer_moving_is_a_feature() -> None:
    named = dict(
        zip(
            DENSE_NAMES, dense_features("he booked the counsellor for friday").tolist(), strict=True
        )
    )
    assert named["partner_subject_no_self"] == 1.0


def test_ngrams_are_sparse_normalised_and_inside_their_buckets() -> None:
    config = FeatureConfig(word_buckets=64, char_buckets=128)
    idx, val = ngram_features("i miss him i miss us", config)
    assert idx.min() >= 0 and idx.max() < config.sparse_size
    words = val[idx < 64]
    assert np.isclose(float(np.linalg.norm(words)), 1.0)


def test_ngram_hashing_is_the_same_in_another_process() -> None:
    config = FeatureConfig()
    here = ngram_features("the same words", config)[0].tolist()
    code = (
        "from tidewise.analysis.features import FeatureConfig, ngram_features;"
        "print(ngram_features('the same words', FeatureConfig())[0].tolist())"
    )
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert there.stdout.strip() == str(here)


def test_model_text_drops_tags_and_control_bytes() -> None:
    assert model_text("<p>I  love\x00him</p>") == "I love him"


def test_empty_text_has_no_ngrams() -> None:
    idx, val = ngram_features("", FeatureConfig())
    assert idx.size == 0 and val.size == 0
