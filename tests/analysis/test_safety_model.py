"""The learned safety layer (safety_model) and how `screen` combines it with the rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from tidewise.analysis.crisis import DANGER_FROM_PARTNER, KINDS, SELF_HARM
from tidewise.analysis.safety import LEARNED_LAYER, explain, screen, screen_sentence
from tidewise.analysis.safety_model import (
    DIMENSIONS,
    HEAD_LABELS,
    SafetyHead,
    load_safety_head,
    shipped_safety_head,
    word_features,
)
from tidewise.errors import ModelFilesError

RULE_HITS = ("He put his hands around my neck.", "I want to die.")
ORDINARY = ("We had pasta for dinner.", "The kids went to bed early.")


Vectors = npt.NDArray[np.float32]
Embed = Callable[[Sequence[str]], Vectors]


def unit_vectors(count: int, seed: int = 3) -> Vectors:
    rows = np.random.default_rng(seed).standard_normal((count, DIMENSIONS)).astype(np.float32)
    return np.asarray(rows / np.linalg.norm(rows, axis=1, keepdims=True), dtype=np.float32)


def constant_head(intercept: tuple[float, float, float]) -> SafetyHead:
    """A head whose verdict is its intercept: (none, self_harm, danger) logits."""
    buckets = 64
    return SafetyHead(
        coef=np.zeros((len(HEAD_LABELS), DIMENSIONS + buckets), dtype=np.float32),
        # harm_to_others (the fourth label) stays out of these heads' verdicts
        intercept=np.asarray((*intercept, -10.0), dtype=np.float32),
        buckets=buckets,
        threshold=0.5,
        version="test",
    )


NEVER = constant_head((10.0, 0.0, 0.0))
ALWAYS_DANGER = constant_head((-10.0, 0.0, 10.0))
ALWAYS_SELF_HARM = constant_head((-10.0, 10.0, 0.0))


def test_the_shipped_head_loads_with_its_held_out_report() -> None:
    from training.safety_encoder import ORDINARY_FPR_CAP, POSSIBLE_ORDINARY_FPR_CAP

    assert POSSIBLE_ORDINARY_FPR_CAP <= 0.02 and ORDINARY_FPR_CAP <= 0.01
    head = load_safety_head()
    assert head.coef.shape == (len(HEAD_LABELS), DIMENSIONS + head.buckets)
    assert head.intercept.shape == (len(HEAD_LABELS),)
    assert 0.0 < head.possible_threshold <= head.threshold < 1.0
    dev = head.report["dev"]
    # The caps the thresholds were chosen to keep, on rows training never saw.
    assert dev["lookalikes_clear"] <= 0.05
    assert dev["ordinary_possible_layer"] <= POSSIBLE_ORDINARY_FPR_CAP
    assert dev["ordinary_clear_layer"] <= ORDINARY_FPR_CAP
    assert head.report["held_out"]["crisis"] > 0 and 0.0 < dev["crisis_caught"] <= 1.0
    assert shipped_safety_head() is shipped_safety_head()  # loaded once per process


def test_a_missing_or_wrong_head_file_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(ModelFilesError):
        load_safety_head(tmp_path / "absent.npz")
    broken = tmp_path / "broken.npz"
    np.savez(
        broken,
        labels=np.asarray(HEAD_LABELS),
        coef=np.zeros((3, 10), dtype=np.float32),
        intercept=np.zeros(3, dtype=np.float32),
        threshold=np.float64(0.5),
        config=np.asarray('{"version": "x", "buckets": 64}'),
    )
    with pytest.raises(ModelFilesError):
        load_safety_head(broken)


def test_the_head_is_deterministic_and_gives_probabilities() -> None:
    head = shipped_safety_head()
    vectors = unit_vectors(4)
    sentences = ["one", "two words", "i'm not sure", "He said he would"]
    first = head.probabilities(vectors, sentences)
    assert np.array_equal(first, head.probabilities(vectors.copy(), list(sentences)))
    assert first.shape == (4, len(HEAD_LABELS))
    assert np.allclose(first.sum(axis=1), 1.0, atol=1e-5)
    assert head.flags(vectors, sentences) == head.flags(vectors, sentences)


def test_word_features_are_stable_unit_vectors() -> None:
    idx, val = word_features("Im SOOO tired", 4096)
    again, _ = word_features("i'm soo tired", 4096)
    assert np.array_equal(idx, again)  # the rules' normalising: shorthand, repeats, case
    assert np.isclose(float(np.sum(val**2)), 1.0)
    assert all(0 <= i < 4096 for i in idx)


def test_without_vectors_the_screen_is_the_rules_alone() -> None:
    sentences = [*ORDINARY, *RULE_HITS]
    assert screen(sentences) == screen(sentences, vectors=None)
    assert all(h.rule != LEARNED_LAYER for h in explain(sentences))


def test_the_learned_layer_never_drops_a_rule_hit() -> None:
    sentences = [*ORDINARY, *RULE_HITS]
    vectors = unit_vectors(len(sentences))
    rules_only = screen(sentences)
    assert screen(sentences, vectors=vectors, head=NEVER) == rules_only
    # A head that calls everything self-harm adds the ordinary sentences, but the rule
    # hits keep their own kinds: the learned kind is used only where no rule fired.
    loud = screen(sentences, vectors=vectors, head=ALWAYS_SELF_HARM)
    assert loud.sentences == (0, 1, 2, 3)
    hits = explain(sentences, vectors, ALWAYS_SELF_HARM)
    assert [h.kind for h in hits if h.sentence == 2] == [DANGER_FROM_PARTNER]
    assert {h.sentence for h in hits if h.rule == LEARNED_LAYER} == {0, 1}


def test_the_learned_kind_is_used_where_no_rule_fired() -> None:
    vectors = unit_vectors(2)
    result = screen(list(ORDINARY), vectors=vectors, head=ALWAYS_DANGER)
    assert result.concern and result.kinds == (DANGER_FROM_PARTNER,)
    assert result.resources  # help is offered as for a rule hit
    assert screen(list(ORDINARY), vectors=vectors, head=NEVER).concern is False


def test_explain_says_learned_layer_with_the_probability() -> None:
    hits = explain(["The kids went to bed early."], unit_vectors(1), ALWAYS_SELF_HARM)
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.rule, hit.kind, hit.text) == (
        LEARNED_LAYER,
        SELF_HARM,
        "The kids went to bed early.",
    )
    assert hit.probability is not None and hit.probability > 0.99
    assert hit.describe() == "learned layer, probability 1.00 (clear)"
    rule_hit = explain(["He put his hands around my neck."])[0]
    assert rule_hit.probability is None
    assert rule_hit.describe() == 'rule "hands on neck": "hands around my neck" (clear)'


def test_vectors_must_be_one_row_per_sentence() -> None:
    with pytest.raises(ValueError, match="one 384-d vector per sentence"):
        screen(list(ORDINARY), vectors=unit_vectors(3), head=NEVER)
    with pytest.raises(ValueError, match="one 384-d vector per sentence"):
        screen(list(ORDINARY), vectors=np.zeros((2, 10), dtype=np.float32), head=NEVER)


# ---- the real encoder and the shipped head ------------------------------------------------

# Written for this test; in no training file. The rules miss each of them. (Of twelve
# indirect sentences written for this check, the rules caught 4 and the combined screen 7;
# these are three of the ones only the learned layer caught.)
INDIRECT = (
    ("I sorted out my will and my passwords so it would be easy for them.", SELF_HARM),
    # (Issue 12's rules now catch the two danger sentences that stood here before.)
    ("I'm only allowed out if he has my location on.", DANGER_FROM_PARTNER),
)


@pytest.fixture(scope="module")
def embed() -> Embed:
    """The vectors the screen reads (its own encoder on model_text(sentence)), loaded once."""
    from tidewise.analysis.engine import default_analyzer

    engine = default_analyzer()  # the vectors the screen reads: its own encoder's
    return lambda texts: engine.screen_vectors(texts)


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "kind"), INDIRECT)
def test_the_combined_screen_catches_indirect_cases_the_rules_miss(
    embed: Embed, sentence: str, kind: str
) -> None:
    assert screen_sentence(sentence) == ()
    result = screen([sentence], vectors=embed([sentence]))
    assert result.concern and result.kinds == (kind,)
    assert explain([sentence], embed([sentence]))[0].rule == LEARNED_LAYER


@pytest.mark.model
def test_with_the_real_layer_rule_hits_stay_and_ordinary_days_pass(embed: Embed) -> None:
    sentences = [*ORDINARY, *RULE_HITS, "We walked the dog by the canal and talked about school."]
    result = screen(sentences, vectors=embed(sentences))
    assert result.sentences == (2, 3)
    assert result.kinds == KINDS
