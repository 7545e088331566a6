"""The learned layer of the safety screen: a numpy softmax over sentence embeddings.

The phrase rules (`safety_patterns`, `safety_danger`) catch what they were written for
and little else: new wording slips past them. This layer reads the 384-d MiniLM vector
the engine already computes for every sentence (`embed.py`), plus the sentence's words
and word pairs hashed into a few thousand buckets (they carry what a sentence vector
blurs: "not", "never", whose body, "for a coffee"), and gives four probabilities:
none, self_harm, danger_from_partner, harm_to_others. A sentence is flagged when the
probability of a concern (1 - none) reaches the threshold that cross-validation chose.

It also reads two adjacent sentences together (`pair_vectors`): the sum of their
vectors, unit length again (the encoder mean-pools its tokens, so this is close to the
vector of the two sentences written as one), with the words of both. "I went to the
bridge. I stood there an hour." says together what neither says alone. A pair at or
above `pair_threshold` is a "possible" concern.

`data/safety_head.npz` is written by `python -m training.safety`, never
by hand: the label order, the weights, the threshold and a JSON config (version and
the cross-validation figures). numpy only at run time; no pickle.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tidewise.analysis.safety_patterns import DANGER, HARM_TO_OTHERS, SELF_HARM
from tidewise.analysis.safety_text import normalise
from tidewise.errors import ModelFilesError

SAFETY_HEAD_FILE = Path(__file__).parent / "data" / "safety_head.npz"
NONE = "none"
# The layer's own labels, fixed with its weights.
HEAD_KINDS: tuple[str, ...] = (SELF_HARM, DANGER, HARM_TO_OTHERS)
HEAD_LABELS: tuple[str, ...] = (NONE, *HEAD_KINDS)
DIMENSIONS = 384
WORD_BUCKETS = 4096
READER = "reader"  # the head reads the reader's MiniLM vectors
OWN_ENCODER = "safety-encoder"  # the head reads the screen's own fine-tuned encoder
ENCODERS = (READER, OWN_ENCODER)
_WORDS = re.compile(r"[a-z0-9']+")

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class LearnedFlag:
    """One sentence the learned layer flagged: which, which kind, how sure."""

    sentence: int
    kind: str
    probability: float  # of any concern (1 - p(none)), rounded to 3 places


@dataclass(frozen=True)
class SafetyHead:
    """Softmax weights over a sentence embedding, and the threshold for a flag."""

    coef: Matrix  # (4, 384 + buckets), rows in HEAD_LABELS order
    intercept: Matrix  # (4,)
    buckets: int
    threshold: float  # on 1 - p(none): at or above, a clear concern
    version: str
    report: dict[str, Any] = field(default_factory=dict)
    possible_threshold: float = 1.0  # at or above (and below `threshold`): possible
    pair_threshold: float = 1.0  # two adjacent sentences read together: possible at or above
    # Whose vectors the weights read: READER (the vectors the reader already computed) or
    # OWN_ENCODER (the screen's fine-tuned encoder, `model_files.safety_encoder_file`).
    encoder: str = READER
    # Sentences whose own concern reaches this (or that a rule flagged) are read again
    # with one sentence either side (`safety.in_context`); 1.0: never.
    context_gate: float = 1.0

    def probabilities(self, vectors: Matrix, sentences: Sequence[str]) -> Matrix:
        """One row per sentence: p(none), then p(kind) for each of HEAD_KINDS."""
        dense = self.coef[:, :DIMENSIONS]
        logits = np.asarray(vectors, dtype=np.float32) @ dense.T + self.intercept
        for row, sentence in enumerate(sentences):
            idx, val = word_features(sentence, self.buckets)
            logits[row] += self.coef[:, DIMENSIONS + idx] @ val
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float32)

    def concern(self, vectors: Matrix, sentences: Sequence[str]) -> Matrix:
        """The probability of any concern, one value per sentence."""
        return np.asarray(1.0 - self.probabilities(vectors, sentences)[:, 0], dtype=np.float32)

    def flags(self, vectors: Matrix, sentences: Sequence[str]) -> list[LearnedFlag]:
        """The sentences at or above the threshold, each with its likelier kind."""
        probs = self.probabilities(vectors, sentences)
        found = []
        for index, row in enumerate(probs):
            concern = 1.0 - float(row[0])
            if concern >= self.threshold:
                kind = HEAD_KINDS[int(np.argmax(row[1:]))]
                found.append(LearnedFlag(index, kind, round(concern, 3)))
        return found


def word_features(
    sentence: str, buckets: int = WORD_BUCKETS
) -> tuple[npt.NDArray[np.int64], Matrix]:
    """Bucket indexes and values of the sentence's words and word pairs (after the
    rules' normalising: lower case, straight quotes, shorthand spelled out); each present
    bucket gets the same value and the vector has unit length."""
    words = _WORDS.findall(normalise(sentence))
    grams = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    idx = np.asarray(sorted({zlib.crc32(g.encode("utf-8")) % buckets for g in grams}), np.int64)
    val = np.full(len(idx), 1.0 / np.sqrt(max(len(idx), 1)), dtype=np.float32)
    return idx, val


def pair_vectors(vectors: Matrix) -> Matrix:
    """One row per pair of adjacent sentences (i, i + 1): the sum of their vectors, unit
    length again. Empty for fewer than two sentences."""
    array = np.asarray(vectors, dtype=np.float32)
    if len(array) < 2:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    summed = array[:-1] + array[1:]
    norms = np.linalg.norm(summed, axis=1, keepdims=True)
    return np.asarray(summed / np.maximum(norms, 1e-12), dtype=np.float32)


def pair_texts(sentences: Sequence[str]) -> list[str]:
    """The text of each pair of adjacent sentences, as the layer's word features read it."""
    return [f"{a} {b}" for a, b in zip(sentences, sentences[1:], strict=False)]


def check_vectors(vectors: Matrix, count: int) -> Matrix:
    """The vectors as float32, if they are one 384-d row per sentence (else ValueError)."""
    array = np.asarray(vectors, dtype=np.float32)
    if array.ndim != 2 or array.shape != (count, DIMENSIONS):
        message = "safety screen: expected one 384-d vector per sentence"
        raise ValueError(message)
    return array


def load_safety_head(path: Path = SAFETY_HEAD_FILE) -> SafetyHead:
    """Read and check the shipped weights (a typed error when missing or inconsistent)."""
    if not path.is_file():
        raise ModelFilesError
    with np.load(path, allow_pickle=False) as data:
        labels = tuple(str(x) for x in data["labels"])
        config = json.loads(str(data["config"]))
        head = SafetyHead(
            coef=data["coef"].astype(np.float32),
            intercept=data["intercept"].astype(np.float32),
            buckets=int(config["buckets"]),
            threshold=float(data["threshold"]),
            version=str(config["version"]),
            report=dict(config.get("report", {})),
            possible_threshold=float(config.get("possible_threshold", data["threshold"])),
            pair_threshold=float(config.get("pair_threshold", 1.0)),
            encoder=str(config.get("encoder", READER)),
            context_gate=float(config.get("context_gate", 1.0)),
        )
    width = DIMENSIONS + head.buckets
    shapes_ok = head.coef.shape == (len(HEAD_LABELS), width) and head.intercept.shape == (
        len(HEAD_LABELS),
    )
    bands_ok = 0.0 < head.possible_threshold <= head.threshold < 1.0
    bands_ok = bands_ok and 0.0 < head.pair_threshold <= 1.0  # 1.0: no pair flags
    bands_ok = bands_ok and 0.0 <= head.context_gate <= 1.0
    if labels != HEAD_LABELS or not shapes_ok or not bands_ok or head.encoder not in ENCODERS:
        raise ModelFilesError
    return head


@cache
def shipped_safety_head() -> SafetyHead:
    """The head in the package, loaded once per process."""
    return load_safety_head()
