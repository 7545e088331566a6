"""Statistics on hand-built decoded timelines (states given, so answers check by eye)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from tidewise.cycle.decode import Decoded
from tidewise.cycle.labels import PHASES, Label
from tidewise.cycle.observation import Observation
from tidewise.cycle.phases import PHASE_INDEX, cycle_prior
from tidewise.cycle.stats import (
    current_phase,
    distancing,
    mismatches,
    month_key,
    moves,
    phase_shares,
    swings,
    trend,
)
from tidewise.cycle.synthetic import CODES, from_codes

R, W, P = Label.REACHING, Label.WITHDRAWING, Label.PUNISHING


def decoded(observations: list[Observation], codes: str | None = None) -> Decoded:
    """A timeline whose phases are the given codes (default: each entry's own label)."""
    letters = (codes or "").replace(" ", "")
    states = [
        PHASE_INDEX[CODES[letter]] if letters else int(np.argmax(o.probs[:6]))
        for letter, o in zip(letters or "x" * len(observations), observations, strict=True)
    ]
    posteriors = np.eye(6)[states] if states else np.zeros((0, 6))
    return Decoded(
        tuple(observations), np.array(states, dtype=np.int64), posteriors, cycle_prior(), 0.0
    )


def at(day: int, hour: int = 8) -> datetime:
    return datetime(2024, 1, 1, hour, tzinfo=UTC) + timedelta(days=day)


def test_time_in_phase_with_daily_entries_is_the_entry_share() -> None:
    time_shares, entry_shares = phase_shares(decoded(from_codes("RRRWE")))
    assert time_shares[R] == pytest.approx(0.6)
    assert time_shares[W] == pytest.approx(0.2)
    assert time_shares == pytest.approx(entry_shares)
    assert sum(time_shares.values()) == pytest.approx(1.0)


def test_time_in_phase_weighs_each_entry_by_time_until_the_next() -> None:
    # R on day 0, W on day 3, R on day 4: R holds 3 days, W 1 day, the last R the median (2).
    observations = [
        replace(o, time=at(d)) for o, d in zip(from_codes("RWR"), (0, 3, 4), strict=True)
    ]
    time_shares, entry_shares = phase_shares(decoded(observations))
    assert time_shares[R] == pytest.approx(5 / 6)
    assert time_shares[W] == pytest.approx(1 / 6)
    assert entry_shares[R] == pytest.approx(2 / 3)


def test_time_in_phase_caps_a_long_silence() -> None:
    observations = [
        replace(o, time=at(d)) for o, d in zip(from_codes("WRR"), (0, 60, 61), strict=True)
    ]
    time_shares, _ = phase_shares(decoded(observations), hold_cap_days=7.0)
    # W holds 7 capped days, R one day, the last R the median of (7, 1) = 4 days.
    assert time_shares[W] == pytest.approx(7 / 12)


def test_time_in_phase_with_identical_times_falls_back_to_entries() -> None:
    observations = [replace(o, time=at(0)) for o in from_codes("RRW")]
    time_shares, entry_shares = phase_shares(decoded(observations))
    assert time_shares == entry_shares
    assert time_shares[R] == pytest.approx(2 / 3)


def test_time_in_phase_of_nothing_is_empty() -> None:
    assert phase_shares(decoded([])) == ({}, {})


def test_current_phase_is_the_last_unbroken_stretch() -> None:
    now = current_phase(decoded(from_codes("RRWWEWWW")))
    assert now is not None
    assert now.phase is W
    assert now.entries == 3
    assert now.since == from_codes("RRWWEWWW")[5].time
    assert now.confidence == pytest.approx(1.0)
    assert current_phase(decoded([])) is None


def test_swings_from_check_ins_per_month_and_getting_smaller() -> None:
    # January swings from -3 to +3, February from -1 to +2, March from 0 to +1.
    values = {0: (-3, 3), 31: (-1, 2), 60: (0, 1)}
    observations = [
        Observation(at(day + k), (1 / 7,) * 7, closeness=c)
        for day, pair in values.items()
        for k, c in enumerate(pair)
    ]
    result = swings(decoded(observations, "RR" * 3))
    assert result.closeness.trend.by_month == {"2024-01": 6.0, "2024-02": 3.0, "2024-03": 1.0}
    assert result.closeness.trend.slope_per_month == pytest.approx(-2.5)
    assert result.closeness.getting_smaller is True


def test_swings_need_two_values_in_a_month_and_three_months_to_judge() -> None:
    observations = [
        Observation(at(0), (1 / 7,) * 7, closeness=2),
        Observation(at(31), (1 / 7,) * 7, closeness=-2),
        Observation(at(32), (1 / 7,) * 7, closeness=2),
    ]
    result = swings(decoded(observations, "RWR"))
    assert result.closeness.trend.by_month == {"2024-02": 4.0}
    assert result.closeness.getting_smaller is None
    assert result.closeness.trend.slope_per_month is None


def test_text_swings_are_the_spread_of_movement_scores() -> None:
    observations = from_codes("RRWWRRWW", confidence=1.0)
    result = swings(decoded(observations))
    assert result.text.trend.by_month == {"2024-01": pytest.approx(2.0)}


def test_steady_swings_are_not_getting_smaller() -> None:
    observations = [
        Observation(at(month * 31 + k), (1 / 7,) * 7, closeness=c)
        for month in range(4)
        for k, c in enumerate((-2, 2))
    ]
    assert swings(decoded(observations, "WR" * 4)).closeness.getting_smaller is False


def test_distancing_shares_usual_style_and_shift_by_month() -> None:
    # Jan: 3 withdrawing 1 punishing; Feb: 2 and 2; Mar: 0 and 4.
    codes = {0: "WWWP", 31: "WWPP", 60: "PPPP"}
    observations, letters = [], ""
    for day, part in codes.items():
        observations += from_codes(part, start=at(day))
        letters += part
    result = distancing(decoded(observations, letters))
    assert result.away_entries == 12
    # Shares come from each entry's own words, which from_codes keeps slightly mixed.
    assert result.punishing == pytest.approx(7 / 12, abs=0.02)
    assert result.usual == "both"
    by_month = result.punishing_by_month.by_month
    assert by_month == pytest.approx({"2024-01": 0.25, "2024-02": 0.5, "2024-03": 1.0}, abs=0.05)
    assert result.shift == "toward punishing"


def test_a_lone_angry_entry_counts_as_punishing_even_when_decoded_as_withdrawn() -> None:
    observations = from_codes("WPW")
    # Decoded as three withdrawn entries (as the smoothing can do), the middle one's
    # own words are still mostly punishing, and the usual style says so.
    result = distancing(decoded(observations, "WWW"))
    assert result.away_entries == 3
    assert result.punishing is not None and 0.25 < result.punishing < 0.4


def test_distancing_usual_needs_a_clear_majority() -> None:
    assert distancing(decoded(from_codes("WWWWP"))).usual == "withdrawing"
    assert distancing(decoded(from_codes("PPPRR"))).usual == "punishing"
    none = distancing(decoded(from_codes("RRAE")))
    assert (none.usual, none.withdrawing, none.shift) == (None, None, None)


def test_mismatches_close_or_calm_check_in_with_shame_heavy_text() -> None:
    shamed = (0.1, 0.5, 0.2, 0.0, 0.0, 0.0, 0.2)  # 0.7 shame mass
    calm = (0.8, 0.0, 0.0, 0.0, 0.0, 0.0, 0.2)
    observations = [
        Observation(at(0), shamed, closeness=2, shame=6, ref=1),
        Observation(at(1), shamed, closeness=-2, shame=1, ref=2),
        Observation(at(2), shamed, closeness=1, shame=0, ref=3),
        Observation(at(3), calm, closeness=3, shame=0, ref=4),
        Observation(at(4), shamed, ref=5),  # no check-in: nothing to compare
    ]
    result = mismatches(decoded(observations, "AAARA"))
    assert result.checkins == 4
    assert [(m.ref, m.kinds) for m in result.items] == [
        (1, ("close_but_shame_in_text",)),
        (2, ("low_shame_but_shame_in_text",)),
        (3, ("close_but_shame_in_text", "low_shame_but_shame_in_text")),
    ]
    assert result.share == pytest.approx(0.75)
    assert mismatches(decoded([])).share is None


def test_moves_count_changes_of_phase_only() -> None:
    counts = moves(decoded(from_codes("RRAWWER")))
    assert counts[R][Label.ATTACHMENT_SHAME] == 1
    assert counts[Label.ATTACHMENT_SHAME][W] == 1
    assert counts[Label.EXHAUSTION][R] == 1
    assert counts[R][R] == 0
    assert sum(n for row in counts.values() for n in row.values()) == 4
    assert set(counts) == set(PHASES)


def test_month_key_uses_the_entry_own_zone() -> None:
    late = datetime.fromisoformat("2024-01-31T23:30-05:00")  # February in UTC
    assert month_key(late) == "2024-01"


def test_trend_of_one_month_has_no_slope() -> None:
    assert trend({"2024-01": 2.0}).slope_per_month is None
    assert trend({}).fitted_change() is None
