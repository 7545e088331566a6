"""Observations: validation, tag flags, label mass."""

from __future__ import annotations

from datetime import datetime

import pytest

from tidewise.cycle.observation import (
    FIGHT,
    REMINDER,
    Observation,
    flags_from_tags,
    has_flag,
    probs_from_mapping,
)

UNIFORM = (1 / 7,) * 7


def test_observation_needs_an_aware_time() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Observation(time=datetime(2024, 1, 1), probs=UNIFORM)


def test_observation_needs_seven_non_negative_values() -> None:
    when = datetime.fromisoformat("2024-01-01T08:00+01:00")
    with pytest.raises(ValueError, match="7 values"):
        Observation(time=when, probs=(1.0,))
    with pytest.raises(ValueError, match="negative"):
        Observation(time=when, probs=(-0.1, 0.2, 0.2, 0.2, 0.2, 0.2, 0.1))


def test_flags_come_from_tags_case_and_hash_ignored() -> None:
    assert flags_from_tags(["#Anniversary", "walk"]) == {REMINDER}
    assert flags_from_tags(["Argument", "trigger"]) == {REMINDER, FIGHT}
    assert flags_from_tags(["walk"]) == frozenset()
    assert flags_from_tags(["seen-his-car"], reminder_tags=["seen-his-car"]) == {REMINDER}


def test_has_flag_reads_flags_and_tags() -> None:
    when = datetime.fromisoformat("2024-01-01T08:00+00:00")
    assert has_flag(Observation(when, UNIFORM, flags=frozenset({FIGHT})), FIGHT)
    assert has_flag(Observation(when, UNIFORM, tags=("reminder",)), REMINDER)
    assert not has_flag(Observation(when, UNIFORM), REMINDER)


def test_probs_from_mapping_normalises_and_refuses_empty_mass() -> None:
    probs = probs_from_mapping({"reaching": 2.0, "neutral": 2.0, "unknown": 5.0})
    assert probs == (0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5)
    assert probs_from_mapping({}) is None
    assert probs_from_mapping({"reaching": 0.0}) is None
