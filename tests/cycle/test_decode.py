"""HMM decoding: soft evidence, check-ins, gaps, order, and the learned transitions."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from tidewise.cycle.decode import (
    DecodeSettings,
    decode,
    emission_matrix,
    forward_backward,
    gap_weights,
    viterbi,
)
from tidewise.cycle.labels import Label
from tidewise.cycle.observation import Observation
from tidewise.cycle.phases import cycle_prior, stationary
from tidewise.cycle.synthetic import CODES, from_codes

LETTER = {label: letter for letter, label in CODES.items()}


def letters(observations: list[Observation]) -> str:
    return "".join(LETTER[p] for p in decode(observations).phases)


def test_empty_input_decodes_to_an_empty_timeline() -> None:
    decoded = decode([])
    assert len(decoded) == 0
    assert decoded.phases == ()
    assert decoded.posteriors.shape == (0, 6)


def test_one_entry_takes_its_own_label() -> None:
    assert letters(from_codes("W")) == "W"


@pytest.mark.parametrize(
    "codes",
    ["RRRAWWWEERRR", "RRAAWWWWEERRRAPPPEERR", "RRWWRRWWRR", "DDRRRAPPPPEEE"],
)
def test_clear_entries_are_decoded_as_written(codes: str) -> None:
    assert letters(from_codes(codes)) == codes


def test_a_single_stray_entry_inside_a_stretch_is_smoothed() -> None:
    # One cold-sounding entry in a warm week is more likely a misreading than two jumps.
    assert letters(from_codes("RRRWRRR")) == "RRRRRRR"


def test_plain_telling_entries_take_their_neighbours_phase() -> None:
    assert letters(from_codes("WWWNNWWW")) == "WWWWWWWW"


def test_posteriors_are_distributions() -> None:
    decoded = decode(from_codes("RRAWWEER"))
    assert np.allclose(decoded.posteriors.sum(axis=1), 1.0)
    assert decoded.posteriors[0, 0] > 0.9


def test_out_of_order_input_is_decoded_in_time_order() -> None:
    ordered = from_codes("RRRAWWWEE")
    decoded = decode(list(reversed(ordered)))
    assert [o.time for o in decoded.observations] == [o.time for o in ordered]
    assert "".join(LETTER[p] for p in decoded.phases) == "RRRAWWWEE"


def test_identical_timestamps_keep_their_given_order() -> None:
    same = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    observations = [replace(o, time=same) for o in from_codes("RRRWWW")]
    decoded = decode(observations)
    assert decoded.observations == tuple(observations)
    assert "".join(LETTER[p] for p in decoded.phases) == "RRRWWW"


def test_a_check_in_tips_an_ambiguous_entry() -> None:
    when = datetime(2024, 1, 1, tzinfo=UTC)
    torn = (0.4, 0.0, 0.0, 0.4, 0.0, 0.0, 0.2)  # as much reaching as withdrawing
    close = Observation(when, torn, closeness=3, shame=1)
    distant = Observation(when, torn, closeness=-3, shame=4)
    assert decode([close]).phases == (Label.REACHING,)
    assert decode([distant]).phases == (Label.WITHDRAWING,)


def test_gap_weights_stay_one_within_a_day_and_decay_after() -> None:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    times = [start, start + timedelta(hours=20), start + timedelta(days=15)]
    observations = [Observation(t, (1 / 7,) * 7) for t in times]
    weights = gap_weights(observations, DecodeSettings(gap_scale_days=7.0))
    assert weights[1] == pytest.approx(1.0)
    expected = np.exp(-(15 - 20 / 24 - 1.0) / 7.0)
    assert weights[2] == pytest.approx(expected)


def test_a_long_gap_lets_the_phase_change_without_a_passage() -> None:
    # Straight from withdrawing to reaching is unlikely day to day, plausible after weeks.
    daily = from_codes("WWWWRR")
    late = from_codes("RR", start=daily[3].time + timedelta(days=40))
    decoded = decode(daily[:4] + late)
    assert decoded.phases[-2:] == (Label.REACHING, Label.REACHING)
    daily_probs = decode(daily).posteriors[4]
    gap_probs = decoded.posteriors[4]
    assert gap_probs[0] >= daily_probs[0]


def test_learned_transitions_follow_the_person_rather_than_the_prior() -> None:
    # This person goes straight from reaching to punishing, over and over.
    decoded = decode(from_codes("RRRRPPPPEE" * 12))
    prior = cycle_prior()
    r, p = 0, 4
    assert decoded.transitions[r, p] > prior[r, p]
    assert np.allclose(decoded.transitions.sum(axis=1), 1.0)


def test_emission_rows_are_distributions() -> None:
    matrix = emission_matrix(0.6, 0.15)
    assert np.allclose(matrix.sum(axis=1), 1.0)
    assert matrix[0, 0] == pytest.approx(0.6)


def test_viterbi_agrees_with_forward_backward_on_clear_evidence() -> None:
    emissions = np.full((5, 6), 0.05)
    emissions[np.arange(5), [0, 0, 1, 3, 3]] = 0.9
    weights = np.ones(5)
    prior = cycle_prior()
    start = stationary(prior)
    posteriors, counts, loglik = forward_backward(emissions, prior, weights, start)
    assert list(viterbi(emissions, prior, weights, start)) == list(posteriors.argmax(axis=1))
    assert counts.sum() == pytest.approx(4.0)  # one move per step after the first
    assert np.isfinite(loglik)


def test_between_selects_a_half_open_range() -> None:
    decoded = decode(from_codes("RRRAWWW"))
    first = decoded.observations[0].time
    part = decoded.between(first + timedelta(days=2), first + timedelta(days=5))
    assert len(part) == 3
    assert part.observations[0].time == first + timedelta(days=2)
    assert len(decoded.between(first + timedelta(days=30))) == 0
