"""The cycle's transition prior and the sides of the swing."""

from __future__ import annotations

import numpy as np
import pytest

from tidewise.cycle.labels import PHASES, Label
from tidewise.cycle.phases import (
    PHASE_INDEX,
    Side,
    cycle_prior,
    movement_score,
    side_of,
    stationary,
)


def test_prior_rows_are_distributions_that_keep_every_move_possible() -> None:
    prior = cycle_prior()
    assert prior.shape == (6, 6)
    assert np.allclose(prior.sum(axis=1), 1.0)
    assert (prior > 0).all()


@pytest.mark.parametrize(
    ("origin", "likeliest_move"),
    [
        (Label.REACHING, Label.ATTACHMENT_SHAME),
        (Label.ATTACHMENT_SHAME, Label.WITHDRAWING),
        (Label.WITHDRAWING, Label.EXHAUSTION),
        (Label.PUNISHING, Label.EXHAUSTION),
        (Label.EXHAUSTION, Label.REACHING),
        (Label.DISCONNECTION_SHAME, Label.REACHING),
    ],
)
def test_prior_follows_the_cycle(origin: Label, likeliest_move: Label) -> None:
    row = cycle_prior()[PHASE_INDEX[origin]].copy()
    row[PHASE_INDEX[origin]] = 0.0  # the stay is set apart
    assert PHASES[int(row.argmax())] is likeliest_move


def test_prior_stay_is_the_diagonal_and_must_be_a_probability() -> None:
    assert np.allclose(np.diag(cycle_prior(0.6)), 0.6)
    with pytest.raises(ValueError, match="stay"):
        cycle_prior(1.0)


def test_stationary_is_a_fixed_point() -> None:
    prior = cycle_prior()
    pi = stationary(prior)
    assert pi.sum() == pytest.approx(1.0)
    assert np.allclose(pi @ prior, pi)


def test_sides() -> None:
    assert side_of(Label.REACHING) is Side.TOWARD
    assert side_of(Label.WITHDRAWING) is side_of(Label.PUNISHING) is Side.AWAY
    assert side_of(Label.EXHAUSTION) is Side.BETWEEN
    assert side_of(Label.NEUTRAL) is Side.BETWEEN


def test_movement_score_is_toward_minus_away() -> None:
    probs = np.array([[0.5, 0.1, 0.0, 0.2, 0.1, 0.1, 0.0]])
    assert movement_score(probs)[0] == pytest.approx(0.5 - 0.3)
