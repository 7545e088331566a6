"""The personal reader: a small layer each journal fits on its writer's own corrections.

The shipped head was trained on other people's sentences. When the person says "no, this
sentence was me pulling away", the journal keeps that sentence's embedding and the label
they chose, and fits a linear correction `weights @ embedding` that is added to the
shipped log-probabilities (never replacing them), by penalised maximum likelihood. The
penalty pulls the weights toward zero, i.e. toward the shipped reader, which is the
prior: a handful of corrections moves little, a few hundred move more.

Why this shape (measured in `bench/bench_personal.py`, README "Corrections"): per-label
offsets fitted the same way pushed readings toward the commonest label and cost
macro-F1 everywhere; a memory of near-identical corrected sentences never fired
(sentences this close are rare), so neither is here. The weight penalty of 1 was the
best balance between one person's voice (where corrections help) and many writers'
posts (where they cost least).

Pure numpy, deterministic, no training library at run time; fitting 1,000 corrections
takes well under a second (`make bench` prints it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tidewise.cycle.labels import LABEL_NAMES

Matrix = npt.NDArray[np.float32]
LABEL_COUNT = len(LABEL_NAMES)


@dataclass(frozen=True)
class PersonalSettings:
    """How strongly corrections move the reader (chosen in bench/bench_personal.py)."""

    weight_penalty: float = 1.0  # L2 pull of the embedding weights toward zero
    steps: int = 300  # full-batch steps; the fit has converged well before


SETTINGS = PersonalSettings()


@dataclass(frozen=True)
class PersonalLayer:
    """A fitted layer: one weight row per label over the sentence embedding."""

    weights: Matrix  # (labels, dimensions)
    corrections: int  # how many corrected sentences it was fitted on
    version: str  # a digest of the corrections and settings ("" for none)

    @property
    def empty(self) -> bool:
        return self.corrections == 0

    def adjust(self, log_probs: Matrix, vectors: Matrix) -> Matrix:
        """Shipped log-probabilities (one row per sentence) plus this person's correction."""
        if self.empty or len(log_probs) == 0:
            return log_probs
        return np.asarray(log_probs + vectors @ self.weights.T, dtype=np.float32)


def fit_layer(
    log_probs: Matrix,
    vectors: Matrix,
    labels: Sequence[int] | npt.NDArray[np.int64],
    settings: PersonalSettings = SETTINGS,
) -> PersonalLayer:
    """Fit on corrected sentences: their shipped log-probabilities, their embeddings and
    the labels the person chose. Deterministic (full batch, fixed steps)."""
    y = np.asarray(labels, dtype=np.int64)
    if len(y) == 0:
        return PersonalLayer(np.zeros((LABEL_COUNT, 0), dtype=np.float32), 0, "")
    x = np.asarray(vectors, dtype=np.float64).reshape(len(y), -1)
    weights = _penalised_fit(np.asarray(log_probs, dtype=np.float64), x, y, settings)
    return PersonalLayer(weights.astype(np.float32), len(y), _digest(x, y, settings))


def _penalised_fit(
    base: npt.NDArray[np.float64],
    x: npt.NDArray[np.float64],
    y: npt.NDArray[np.int64],
    settings: PersonalSettings,
) -> npt.NDArray[np.float64]:
    """Nesterov-accelerated gradient descent on the convex penalised log-loss.

    The step is 1/L with L a bound on the Hessian (softmax curvature is at most half
    the Gram matrix's top eigenvalue, plus the penalty), so it needs no tuning."""
    onehot = np.eye(LABEL_COUNT)[y]
    penalty = settings.weight_penalty
    bound = 0.5 * float(np.linalg.eigvalsh(x.T @ x)[-1]) + 2.0 * penalty
    theta = np.zeros((x.shape[1], LABEL_COUNT))
    ahead = theta.copy()
    for step in range(settings.steps):
        probs = _softmax64(base + x @ ahead)
        grad = x.T @ (probs - onehot) + 2.0 * penalty * ahead
        updated = ahead - grad / bound
        ahead = updated + (step / (step + 3.0)) * (updated - theta)
        theta = updated
    return np.asarray(theta.T)


def _softmax64(z: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def softmax(logits: Matrix) -> Matrix:
    return np.asarray(_softmax64(np.asarray(logits, dtype=np.float64)), dtype=np.float32)


def log_softmax(logits: Matrix) -> Matrix:
    z = np.asarray(logits, dtype=np.float64)
    z = z - z.max(axis=1, keepdims=True)
    return np.asarray(z - np.log(np.exp(z).sum(axis=1, keepdims=True)), dtype=np.float32)


def _digest(x: npt.NDArray[np.float64], y: npt.NDArray[np.int64], s: PersonalSettings) -> str:
    """A short name for this fit: the same corrections and settings give the same version."""
    h = hashlib.sha256()
    h.update(np.ascontiguousarray(x, dtype=np.float32).tobytes())
    h.update(np.ascontiguousarray(y).tobytes())
    h.update(repr(s).encode())
    return "p-" + h.hexdigest()[:12]
