"""Loops, turns and nesting on hand-built phase sequences (checkable by eye)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tidewise.cycle.labels import Label
from tidewise.cycle.loops import (
    Loop,
    SideRun,
    Turn,
    coarse_runs,
    loops_from_runs,
    nest,
    side_runs,
    turns_from_runs,
)
from tidewise.cycle.phases import Side
from tidewise.cycle.synthetic import CODES

T, A = Side.TOWARD, Side.AWAY


def phases(codes: str) -> list[Label]:
    return [CODES[c] for c in codes.replace(" ", "")]


def daily(count: int, hours: float = 24.0) -> list[datetime]:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    return [start + timedelta(hours=hours * i) for i in range(count)]


def loops_of(codes: str, hours: float = 24.0) -> list[Loop]:
    sequence = phases(codes)
    return loops_from_runs(side_runs(sequence), daily(len(sequence), hours))


def test_side_runs_skip_between_phases() -> None:
    #                         0123456789
    assert side_runs(phases("RRAWWEEDRR")) == [
        SideRun(T, 0, 1),
        SideRun(A, 3, 4),
        SideRun(T, 8, 9),
    ]
    assert side_runs(phases("RREERR")) == [SideRun(T, 0, 5)]  # passing through is not a turn
    assert side_runs(phases("EEDA")) == []


def test_one_loop_runs_from_reaching_to_the_next_reaching() -> None:
    #                  0123456789
    (loop,) = loops_of("RRAWWEEDRR")
    assert (loop.start, loop.turn, loop.end) == (0, 3, 8)
    assert loop.entries == 8
    assert loop.days == pytest.approx(8.0)


def test_consecutive_loops_share_their_boundary() -> None:
    #                       0         1
    #                       0123456789012345
    first, second = loops_of("RRAWWERRRAPPPERR")
    assert (first.start, first.end) == (0, 6)
    assert (second.start, second.end) == (6, 14)


@pytest.mark.parametrize(
    "codes",
    ["", "R", "RRRRRR", "WWWWW", "RRAWWWW", "WWWERRRR", "EEEDDD", "NNNN"],
)
def test_no_loop_is_made_up(codes: str) -> None:
    assert loops_of(codes) == []


def test_loop_length_in_days_follows_the_clock() -> None:
    (loop,) = loops_of("RWR", hours=12.0)
    assert loop.days == pytest.approx(1.0)
    assert loop.entries == 2


def test_turns_are_toward_then_away() -> None:
    #                       0123456789012
    runs = side_runs(phases("RRAAWWERRPPRR"))
    assert turns_from_runs(runs) == [Turn(1, 4), Turn(8, 9)]
    assert list(Turn(1, 4).lead_in) == [2, 3]
    assert list(Turn(1, 4).window) == [1, 2, 3, 4]
    assert turns_from_runs(side_runs(phases("WWERR"))) == []


def test_coarse_scale_merges_a_brief_return_inside_a_long_distance() -> None:
    # A week toward, ten days away with a two-day return toward in the middle, a week toward.
    codes = "RRRRRRR WWWWW RR WWWWW RRRRRRR"
    sequence = phases(codes)
    times = daily(len(sequence))
    runs = side_runs(sequence)
    assert len(loops_from_runs(runs, times)) == 2
    coarse = coarse_runs(runs, times, 4.0)
    assert [r.side for r in coarse] == [T, A, T]
    assert (coarse[1].first, coarse[1].last) == (7, 18)
    outer = loops_from_runs(coarse, times)
    assert len(outer) == 1
    (nested,) = nest(loops_from_runs(runs, times), outer)
    assert len(nested.inner) == 2
    assert nested.loop.days == pytest.approx(19.0)


def test_coarse_scale_merges_a_brief_turn_away_inside_a_long_closeness() -> None:
    codes = "RRRRRR W RRRRRR WWWWWWW RRRRR"
    sequence = phases(codes)
    times = daily(len(sequence))
    runs = side_runs(sequence)
    fine = loops_from_runs(runs, times)
    outer = loops_from_runs(coarse_runs(runs, times, 4.0), times)
    assert len(fine) == 2
    assert len(outer) == 1
    assert [len(o.inner) for o in nest(fine, outer)] == [2]


def test_coarse_scale_keeps_loops_that_are_all_long() -> None:
    codes = "RRRRR WWWWW RRRRR PPPPP RRRRR"
    sequence = phases(codes)
    times = daily(len(sequence))
    runs = side_runs(sequence)
    assert coarse_runs(runs, times, 4.0) == runs
    fine = loops_from_runs(runs, times)
    assert [len(o.inner) for o in nest(fine, loops_from_runs(runs, times))] == [1, 1]


def test_short_runs_at_the_edges_are_absorbed_without_moving_starts() -> None:
    codes = "WW RRRRRR WWWWWW RRRRRR W"
    sequence = phases(codes)
    times = daily(len(sequence))
    coarse = coarse_runs(side_runs(sequence), times, 4.0)
    assert [r.side for r in coarse] == [T, A, T]
    assert coarse[0].first == 2  # the toward run keeps its own start
    assert coarse[-1].last == len(sequence) - 1  # the last run reaches the end


def test_coarse_scale_of_nothing_is_nothing() -> None:
    assert coarse_runs([], [], 4.0) == []
    single = [SideRun(T, 0, 3)]
    assert coarse_runs(single, daily(4), 4.0) == single
