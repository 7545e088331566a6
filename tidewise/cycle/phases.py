"""Phases, the sides of the swing, and the cycle's transition prior.

The six phases are the hidden states of the tide model (`decode.py`). Each sits on a
side of the swing: `reaching` is the toward side; `withdrawing` and `punishing` are the
away side; the two shames and `exhaustion` are passages between them. Loops and turns
(`loops.py`) are read from the sides.

The prior encodes the cycle Tidewise is built on: reaching -> attachment shame ->
withdrawing or punishing -> exhaustion -> reaching, with disconnection shame feeding
the reach. Every move keeps a small weight, because small loops nest inside larger
ones (a brief return toward in the middle of a cold week) and a person can skip a step.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import numpy.typing as npt

from tidewise.cycle.labels import LABELS, PHASES, Label

FloatArray = npt.NDArray[np.float64]

PHASE_COUNT = len(PHASES)
PHASE_INDEX: dict[Label, int] = {phase: i for i, phase in enumerate(PHASES)}
NEUTRAL_COLUMN = LABELS.index(Label.NEUTRAL)
# Column of each phase in a 7-label probability vector (LABELS order).
PHASE_COLUMNS: tuple[int, ...] = tuple(LABELS.index(phase) for phase in PHASES)


class Side(StrEnum):
    """Where a phase sits in the swing."""

    TOWARD = "toward"
    AWAY = "away"
    BETWEEN = "between"


SIDE_OF: dict[Label, Side] = {
    Label.REACHING: Side.TOWARD,
    Label.ATTACHMENT_SHAME: Side.BETWEEN,
    Label.DISCONNECTION_SHAME: Side.BETWEEN,
    Label.WITHDRAWING: Side.AWAY,
    Label.PUNISHING: Side.AWAY,
    Label.EXHAUSTION: Side.BETWEEN,
}

# Relative weights of the moves out of each phase (the stay weight is set apart).
# Read a row as: "after this phase, the person most often goes to ...".
_MOVES: dict[Label, dict[Label, float]] = {
    Label.REACHING: {
        Label.ATTACHMENT_SHAME: 5.0,
        Label.DISCONNECTION_SHAME: 2.0,
        Label.WITHDRAWING: 1.5,
        Label.PUNISHING: 1.0,
        Label.EXHAUSTION: 0.5,
    },
    Label.ATTACHMENT_SHAME: {
        Label.WITHDRAWING: 4.0,
        Label.PUNISHING: 3.0,
        Label.REACHING: 2.0,
        Label.DISCONNECTION_SHAME: 0.5,
        Label.EXHAUSTION: 0.5,
    },
    Label.DISCONNECTION_SHAME: {
        Label.REACHING: 4.0,
        Label.WITHDRAWING: 2.0,
        Label.PUNISHING: 1.5,
        Label.EXHAUSTION: 1.0,
        Label.ATTACHMENT_SHAME: 0.5,
    },
    Label.WITHDRAWING: {
        Label.EXHAUSTION: 4.0,
        Label.PUNISHING: 1.5,
        Label.REACHING: 1.5,
        Label.DISCONNECTION_SHAME: 1.0,
        Label.ATTACHMENT_SHAME: 0.5,
    },
    Label.PUNISHING: {
        Label.EXHAUSTION: 3.0,
        Label.WITHDRAWING: 2.5,
        Label.REACHING: 1.5,
        Label.DISCONNECTION_SHAME: 1.0,
        Label.ATTACHMENT_SHAME: 0.5,
    },
    Label.EXHAUSTION: {
        Label.REACHING: 5.0,
        Label.DISCONNECTION_SHAME: 2.0,
        Label.WITHDRAWING: 1.0,
        Label.PUNISHING: 1.0,
        Label.ATTACHMENT_SHAME: 0.5,
    },
}

DEFAULT_STAY = 0.75


def cycle_prior(stay: float = DEFAULT_STAY) -> FloatArray:
    """The 6x6 transition prior in PHASES order; each row sums to 1.

    `stay` is the chance of remaining in a phase from one entry to the next; the
    rest is shared among the moves in proportion to the cycle's weights.
    """
    if not 0.0 < stay < 1.0:
        msg = "stay must be strictly between 0 and 1"
        raise ValueError(msg)
    prior = np.zeros((PHASE_COUNT, PHASE_COUNT))
    for origin, moves in _MOVES.items():
        row = PHASE_INDEX[origin]
        total = sum(moves.values())
        for target, weight in moves.items():
            prior[row, PHASE_INDEX[target]] = (1.0 - stay) * weight / total
        prior[row, row] = stay
    return prior


def stationary(transitions: FloatArray) -> FloatArray:
    """The long-run share of each phase under `transitions` (the left eigenvector for 1)."""
    values, vectors = np.linalg.eig(transitions.T)
    vector = np.real(vectors[:, int(np.argmin(np.abs(values - 1.0)))])
    vector = np.abs(vector)
    return np.asarray(vector / vector.sum(), dtype=np.float64)


def side_of(phase: Label) -> Side:
    """The side of the swing a phase sits on; `neutral` counts as between."""
    return SIDE_OF.get(phase, Side.BETWEEN)


def movement_score(probs: FloatArray) -> FloatArray:
    """Toward minus away mass of label distributions, in -1..1 (one value per row)."""
    toward = probs[..., LABELS.index(Label.REACHING)]
    away = probs[..., LABELS.index(Label.WITHDRAWING)] + probs[..., LABELS.index(Label.PUNISHING)]
    return np.asarray(toward - away, dtype=np.float64)
