"""Loops, nested loops and turns away, read from a decoded phase timeline.

Definitions (entry indexes are positions in the time-ordered timeline):

- **Side run**: drop the entries decoded in a between phase (attachment shame,
  disconnection shame, exhaustion); a side run is a maximal stretch of the rest
  that stays on one side, toward (reaching) or away (withdrawing, punishing).
  Between entries inside a stretch do not break it.
- **Completed loop**: a toward run, then an away run, then a toward run again.
  The loop starts at the first entry of the first toward run and ends at the first
  entry of the next toward run (the return), so consecutive loops share their
  boundary. Its length in days is the time from start to return; in entries, the
  number of entries from the start up to (not including) the return. A journal
  that never comes back toward has no completed loop, however long it is.
- **Turn away**: a toward run followed by an away run. Its window runs from the
  last toward entry to the first away entry, both included; its lead-in is the
  entries strictly between (the passage).
- **Nesting**: the loops above are the fine scale. The coarse scale merges side
  runs shorter than `coarse_days` (time from a run's first entry to the next run's
  first entry) into their neighbours, shortest first, and reads loops again. A
  fine loop is *inner* to the coarse (outer) loop whose span contains it; an outer
  loop that holds two or more fine loops has nested loops.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tidewise.cycle.labels import Label
from tidewise.cycle.phases import Side, side_of

SECONDS_PER_DAY = 86400.0
DEFAULT_COARSE_DAYS = 4.0


@dataclass(frozen=True)
class SideRun:
    side: Side
    first: int  # index of the run's first entry on its side
    last: int  # index of the run's last entry on its side


@dataclass(frozen=True)
class Loop:
    start: int  # first entry of the toward run the loop leaves
    turn: int  # first entry of the away run
    end: int  # first entry of the toward run it comes back to
    days: float

    @property
    def entries(self) -> int:
        return self.end - self.start

    def contains(self, other: Loop) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Turn:
    last_toward: int
    first_away: int

    @property
    def lead_in(self) -> range:
        return range(self.last_toward + 1, self.first_away)

    @property
    def window(self) -> range:
        return range(self.last_toward, self.first_away + 1)


@dataclass(frozen=True)
class OuterLoop:
    loop: Loop
    inner: tuple[Loop, ...]


def side_runs(phases: Sequence[Label]) -> list[SideRun]:
    """Maximal one-sided stretches, between phases skipped."""
    runs: list[SideRun] = []
    for index, phase in enumerate(phases):
        side = side_of(phase)
        if side is Side.BETWEEN:
            continue
        if runs and runs[-1].side is side:
            runs[-1] = SideRun(side, runs[-1].first, index)
        else:
            runs.append(SideRun(side, index, index))
    return runs


def loops_from_runs(runs: Sequence[SideRun], times: Sequence[datetime]) -> list[Loop]:
    """Every toward -> away -> toward triple of consecutive runs."""
    loops: list[Loop] = []
    for before, away, after in zip(runs, runs[1:], runs[2:], strict=False):
        if before.side is Side.TOWARD and away.side is Side.AWAY and after.side is Side.TOWARD:
            days = _days(times[before.first], times[after.first])
            loops.append(Loop(before.first, away.first, after.first, days))
    return loops


def turns_from_runs(runs: Sequence[SideRun]) -> list[Turn]:
    """Every toward run followed by an away run."""
    return [
        Turn(before.last, after.first)
        for before, after in zip(runs, runs[1:], strict=False)
        if before.side is Side.TOWARD and after.side is Side.AWAY
    ]


def coarse_runs(
    runs: Sequence[SideRun], times: Sequence[datetime], coarse_days: float
) -> list[SideRun]:
    """Merge runs shorter than `coarse_days` into their neighbours, shortest first.

    A short run in the middle joins its two neighbours (which share a side) into one
    run; a short run at either end is absorbed by its one neighbour, keeping the
    neighbour's start so that coarse loops begin where a fine toward run begins.
    A heap with lazy deletion keeps this O(r log r) in the number of runs r.
    """
    live: dict[int, SideRun] = dict(enumerate(runs))
    left = {i: i - 1 for i in live}
    right = {i: (i + 1 if i + 1 < len(runs) else -1) for i in live}
    heap = [(_run_days(live, right, i, times), i, i) for i in live]
    heapq.heapify(heap)
    pushed = len(heap)
    version = {i: i for i in live}
    while heap and len(live) > 1:
        days, stamp, index = heapq.heappop(heap)
        if index not in live or stamp != version[index]:
            continue  # stale: merged or changed since it was pushed
        if days >= coarse_days:
            break
        survivor = _absorb(index, live, left, right)
        pushed += 1
        version[survivor] = pushed
        heapq.heappush(heap, (_run_days(live, right, survivor, times), pushed, survivor))
    ordered: list[SideRun] = []
    cursor = min(live, default=-1)
    while cursor != -1:
        ordered.append(live[cursor])
        cursor = right[cursor]
    return ordered


def _absorb(
    index: int, live: dict[int, SideRun], left: dict[int, int], right: dict[int, int]
) -> int:
    """Fold run `index` into its neighbours; returns the index of the merged run."""
    before, after = left[index], right[index]
    dropped = live.pop(index)
    if before == -1:  # first run: the next run keeps its own start
        left[after] = -1
        return after
    if after == -1:  # last run: the previous run now reaches to its end
        live[before] = SideRun(live[before].side, live[before].first, dropped.last)
        right[before] = -1
        return before
    merged = SideRun(live[before].side, live[before].first, live.pop(after).last)
    live[before] = merged
    right[before] = right[after]
    if right[after] != -1:
        left[right[after]] = before
    return before


def _run_days(
    live: dict[int, SideRun], right: dict[int, int], index: int, times: Sequence[datetime]
) -> float:
    run = live[index]
    following = right[index]
    end = times[live[following].first] if following != -1 else times[run.last]
    return _days(times[run.first], end)


def nest(fine: Sequence[Loop], outer: Sequence[Loop]) -> list[OuterLoop]:
    """Attach each fine loop to the outer loop whose span contains it (two-pointer scan)."""
    result: list[OuterLoop] = []
    cursor = 0
    for big in outer:
        while cursor < len(fine) and fine[cursor].start < big.start:
            cursor += 1
        inner: list[Loop] = []
        while cursor < len(fine) and big.contains(fine[cursor]):
            inner.append(fine[cursor])
            cursor += 1
        result.append(OuterLoop(big, tuple(inner)))
    return result


def _days(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / SECONDS_PER_DAY
