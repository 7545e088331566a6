"""The screen reads a flagged sentence again with the sentences beside it
(`safety.in_context`): the encoder was trained on whole items of one to three sentences,
and "It was there. All is fine now." is not the same as its first sentence alone."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from tidewise.analysis.engine import Engine
from tidewise.analysis.safety import explain, in_context, screen
from tidewise.analysis.safety_model import DIMENSIONS, HEAD_LABELS, SafetyHead

Vectors = npt.NDArray[np.float32]
SIGN, CALM = "zorp", "fine"  # made-up words: no rule of the screen reads them


def sign_head(gate: float) -> SafetyHead:
    """Concern is high on the first axis and low on the second (threshold 0.5)."""
    buckets = 16
    coef = np.zeros((len(HEAD_LABELS), DIMENSIONS + buckets), dtype=np.float32)
    coef[1, 0] = 20.0  # self_harm rises with axis 0
    return SafetyHead(
        coef=coef,
        intercept=np.asarray((10.0, 0.0, -10.0, -10.0), dtype=np.float32),
        buckets=buckets,
        threshold=0.5,
        version="test",
        possible_threshold=0.3,
        context_gate=gate,
    )


class Reader:
    """Axis 0 for a text with the sign and no calm word, axis 1 otherwise; remembers
    what it was asked to read."""

    def __init__(self) -> None:
        self.read: list[list[str]] = []

    def __call__(self, texts: list[str]) -> Vectors:
        self.read.append(list(texts))
        return vectors(texts)


def vectors(texts: Sequence[str]) -> Vectors:
    rows = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        rows[row, 0 if SIGN in text and CALM not in text else 1] = 1.0
    return rows


def test_a_flagged_sentence_read_with_a_calm_neighbour_is_no_longer_a_concern() -> None:
    sentences = [f"The {SIGN} was there again.", f"All is {CALM} now, truly."]
    alone = screen(sentences, vectors=vectors(sentences), head=sign_head(0.5))
    reader = Reader()
    together = screen(sentences, vectors=vectors(sentences), head=sign_head(0.5), context=reader)
    assert alone.level == "clear" and together.level == "none"
    # Only the flagged sentence was read again, with the sentence after it.
    assert reader.read == [[f"The {SIGN} was there again. All is {CALM} now, truly."]]


def test_a_sentence_in_the_middle_is_read_with_one_sentence_either_side() -> None:
    sentences = ["We had pasta.", f"The {SIGN} was there.", "The kids slept.", "Rain."]
    reader = Reader()
    hits = explain(sentences, vectors(sentences), sign_head(0.5), reader)
    assert reader.read == [[f"We had pasta. The {SIGN} was there. The kids slept."]]
    assert [(h.sentence, h.level) for h in hits] == [(1, "clear")]


def test_sentences_under_the_gate_are_never_read_again() -> None:
    sentences = ["We had pasta for dinner.", "The kids went to bed early."]
    reader = Reader()
    verdict = screen(sentences, vectors=vectors(sentences), head=sign_head(0.5), context=reader)
    assert verdict.level == "none"
    assert reader.read == []


def test_a_head_without_a_gate_reads_every_sentence_alone() -> None:
    sentences = [f"The {SIGN} was there again.", f"All is {CALM} now, truly."]
    reader = Reader()
    verdict = screen(sentences, vectors=vectors(sentences), head=sign_head(1.0), context=reader)
    assert verdict.level == "clear" and reader.read == []


def test_a_sentence_a_rule_flagged_is_read_in_context_even_under_the_gate() -> None:
    sentences = ["I want to die.", "We had pasta."]
    probs = np.tile(np.asarray([[0.99, 0.01, 0.0, 0.0]], dtype=np.float32), (2, 1))
    reader = Reader()
    read = in_context(sentences, probs, sign_head(0.5), reader, ruled={0})
    assert reader.read == [["I want to die. We had pasta."]]
    assert read.shape == probs.shape and np.array_equal(read[1], probs[1])


def test_one_sentence_alone_is_never_read_twice() -> None:
    reader = Reader()
    probs = np.asarray([[0.0, 1.0, 0.0, 0.0]], dtype=np.float32)
    read = in_context([f"The {SIGN}."], probs, sign_head(0.0), reader, ruled={0})
    assert reader.read == [] and np.array_equal(read, probs)


class OwnEncoder:
    """The screen's own encoder, told apart from the reader's by its vectors."""

    def embed(self, texts: Sequence[str], batch: int = 32) -> Vectors:
        return vectors([f"{SIGN} {t}" for t in texts])


def test_the_engine_reads_windows_with_the_screens_own_vectors(fake_engine: Engine) -> None:
    windows = ["We had pasta. The kids slept."]
    assert np.array_equal(fake_engine.read_in_context(windows), fake_engine.embed(windows))
    own = Engine(fake_engine.classifier, safety_encoder=OwnEncoder())  # type: ignore[arg-type]
    assert np.array_equal(own.read_in_context(windows), vectors([SIGN]))
