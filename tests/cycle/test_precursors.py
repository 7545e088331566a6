"""Turn-away precursors on hand-built timelines."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tidewise.cycle.labels import LABELS, Label
from tidewise.cycle.loops import side_runs, turns_from_runs
from tidewise.cycle.observation import FIGHT, REMINDER, Observation
from tidewise.cycle.precursors import PrecursorRules, count_precursors
from tidewise.cycle.synthetic import CODES, from_codes


def tally(
    codes: str, observations: list[Observation] | None = None, rules: PrecursorRules | None = None
) -> dict[str, float | None]:
    phases = [CODES[c] for c in codes]
    observations = observations or from_codes(codes)
    turns = turns_from_runs(side_runs(phases))
    return count_precursors(turns, phases, observations, rules).shares()


def test_share_of_turns_after_attachment_shame() -> None:
    # Three turns away: after shame for reaching, straight away, after shame again.
    shares = tally("RRAWWERRPPERRAAWWERR")
    assert shares["attachment_shame"] == pytest.approx(2 / 3)
    assert shares["none_found"] == pytest.approx(1 / 3)


def test_reminder_anywhere_in_the_window_counts() -> None:
    codes = "RRAWWERRWW"
    observations = from_codes(codes)
    observations[1] = replace(observations[1], tags=("anniversary",))  # last toward entry
    observations[8] = replace(observations[8], flags=frozenset({REMINDER}))  # first away entry
    observations[0] = replace(observations[0], tags=("trigger",))  # too early: not in a window
    shares = tally(codes, observations)
    assert shares[REMINDER] == pytest.approx(1.0)


def test_fight_by_tag_or_by_punishing_text_before_the_turn() -> None:
    codes = "RRWWERRWWERRWW"
    observations = from_codes(codes)
    observations[2] = replace(observations[2], tags=("Argument",))  # first away of turn 1
    flared = [0.5, 0.0, 0.0, 0.0, 0.45, 0.0, 0.05]  # still reaching, with a flare of anger
    observations[6] = replace(observations[6], probs=tuple(flared))  # last toward of turn 2
    shares = tally(codes, observations)
    assert shares[FIGHT] == pytest.approx(2 / 3)
    strict = tally(codes, observations, PrecursorRules(fight_text_mass=0.6))
    assert strict[FIGHT] == pytest.approx(1 / 3)


def test_custom_tags_name_reminders() -> None:
    codes = "RRWW"
    observations = from_codes(codes)
    observations[2] = replace(observations[2], tags=("saw-her-car",))
    assert tally(codes, observations)[REMINDER] == 0.0
    custom = PrecursorRules(reminder_tags=("saw-her-car",))
    assert tally(codes, observations, custom)[REMINDER] == 1.0


def test_no_turns_means_no_shares() -> None:
    shares = tally("RRRREEEE")
    assert all(value is None for value in shares.values())


def test_usual_precursor_is_the_most_common() -> None:
    phases = [CODES[c] for c in "RRAWWERRAPP"]
    observations = from_codes("RRAWWERRAPP")
    turns = turns_from_runs(side_runs(phases))
    result = count_precursors(turns, phases, observations)
    assert result.usual == "attachment_shame"
    empty = count_precursors([], [], [])
    assert empty.usual is None
    assert LABELS.index(Label.PUNISHING) == 4  # the fight-text rule reads this column
