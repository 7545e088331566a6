"""The tide over a date range: loops, turns, swings and their precursors in one object.

`analyze_tide` decodes the whole history (so an entry's phase does not change with
the range asked for, and the model learns from everything the person wrote), then
reads loops, turns and statistics from the entries in [since, until). Loops that
start before the range or return after it are not counted in it.

`Tide.to_dict()` is the `tidewise tide --json` contract that scripts read (its golden
file: tests/cycle/golden/tide_cli.json).
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np

from tidewise.cycle.decode import Decoded, DecodeSettings, decode, label_matrix
from tidewise.cycle.labels import PHASES, Label
from tidewise.cycle.loops import (
    DEFAULT_COARSE_DAYS,
    Loop,
    OuterLoop,
    Turn,
    coarse_runs,
    loops_from_runs,
    nest,
    side_runs,
    turns_from_runs,
)
from tidewise.cycle.observation import Observation
from tidewise.cycle.phases import FloatArray, movement_score
from tidewise.cycle.precursors import PrecursorRules, Precursors, count_precursors
from tidewise.cycle.stats import (
    DEFAULT_HOLD_CAP_DAYS,
    CurrentPhase,
    DistancingStats,
    Mismatches,
    Swings,
    SwingWidth,
    current_phase,
    distancing,
    mismatches,
    month_key,
    moves,
    phase_shares,
    swings,
)

FORMAT_VERSION = 1

NO_ENTRIES = "No analysed entries yet. The tide shows once there are a few."
EMPTY_RANGE = "No entries fall in this date range."
ONE_ENTRY = "One entry so far. A loop needs more entries to show."
NO_LOOP = "No completed loop here yet: a loop is a move away and back toward again."


@dataclass(frozen=True)
class TideSettings:
    decode: DecodeSettings = field(default_factory=DecodeSettings)
    coarse_days: float = DEFAULT_COARSE_DAYS
    hold_cap_days: float = DEFAULT_HOLD_CAP_DAYS
    precursors: PrecursorRules = field(default_factory=PrecursorRules)


@dataclass(frozen=True)
class Tide:
    since: datetime | None
    until: datetime | None
    timeline: Decoded  # the decoded entries inside the range
    loops: tuple[Loop, ...]
    outer: tuple[OuterLoop, ...]
    turns: tuple[Turn, ...]
    precursors: Precursors
    time_in_phase: dict[Label, float]
    entries_in_phase: dict[Label, float]
    swings: Swings
    distancing: DistancingStats
    mismatches: Mismatches
    current: CurrentPhase | None
    moves: dict[Label, dict[Label, int]]
    coarse_days: float
    message: str | None
    unanalysed: int = 0  # entries the caller skipped because they had no analysis

    @property
    def entries(self) -> int:
        return len(self.timeline)

    @property
    def median_loop_days(self) -> float | None:
        return statistics.median(loop.days for loop in self.loops) if self.loops else None

    @property
    def median_loop_entries(self) -> float | None:
        return statistics.median(loop.entries for loop in self.loops) if self.loops else None

    def loops_per_month(self) -> dict[str, int]:
        """Completed loops by the month they came back toward; every month shown, 0 too."""
        counts = Counter(month_key(self._time(loop.end)) for loop in self.loops)
        return {month: counts.get(month, 0) for month in self.months()}

    def months(self) -> list[str]:
        """Every calendar month from the first entry in range to the last."""
        if not self.entries:
            return []
        first, last = self.timeline.observations[0].time, self.timeline.observations[-1].time
        months, year, month = [], first.year, first.month
        while (year, month) <= (last.year, last.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    def _time(self, index: int) -> datetime:
        return self.timeline.observations[index].time

    def movement(self) -> FloatArray:
        """Per entry in range, how far its words leaned toward (+1) or away (-1)."""
        observations = list(self.timeline.observations)
        if not observations:
            return np.zeros(0, dtype=np.float64)
        return movement_score(label_matrix(observations))

    def to_dict(self) -> dict[str, Any]:
        """Every statistic, JSON-ready (the `tidewise tide --json` contract)."""
        return {
            "version": FORMAT_VERSION,
            "range": {"from": _iso(self.since), "to": _iso(self.until)},  # [from, to)
            "entries": self.entries,
            "unanalysed": self.unanalysed,
            "message": self.message,
            "current_phase": self._current_dict(),
            "loops": self._loops_dict(),
            "nesting": self._nesting_dict(),
            "time_in_phase": _shares(self.time_in_phase),
            "entries_in_phase": _shares(self.entries_in_phase),
            "swings": {
                "closeness": _swing_dict(self.swings.closeness),
                "text": _swing_dict(self.swings.text),
            },
            "distancing": self._distancing_dict(),
            "turns": self.precursors.turns,
            "precursors": {k: _round(v) for k, v in self.precursors.shares().items()},
            "precursor_counts": dict(self.precursors.counts),
            "usual_precursor": self.precursors.usual,
            "mismatches": self._mismatches_dict(),
            "moves": {str(a): {str(b): n for b, n in row.items()} for a, row in self.moves.items()},
        }

    def _current_dict(self) -> dict[str, Any] | None:
        if self.current is None:
            return None
        return {
            "phase": str(self.current.phase),
            "since": _iso(self.current.since),
            "entries": self.current.entries,
            "confidence": _round(self.current.confidence),
        }

    def _loop_dict(self, loop: Loop) -> dict[str, Any]:
        return {
            "start": _iso(self._time(loop.start)),
            "turned_away": _iso(self._time(loop.turn)),
            "returned": _iso(self._time(loop.end)),
            "days": _round(loop.days),
            "entries": loop.entries,
        }

    def _loops_dict(self) -> dict[str, Any]:
        return {
            "count": len(self.loops),
            "median_days": _round(self.median_loop_days),
            "median_entries": self.median_loop_entries,
            "per_month": self.loops_per_month(),
            "items": [self._loop_dict(loop) for loop in self.loops],
        }

    def _nesting_dict(self) -> dict[str, Any]:
        holding = [outer for outer in self.outer if len(outer.inner) >= 2]
        days = [outer.loop.days for outer in self.outer]
        return {
            "coarse_days": self.coarse_days,
            "outer_count": len(self.outer),
            "outer_median_days": _round(statistics.median(days)) if days else None,
            "outer_with_inner": len(holding),
            "inner_count": sum(len(outer.inner) for outer in holding),
            "items": [
                {**self._loop_dict(outer.loop), "loops_inside": len(outer.inner)}
                for outer in self.outer
            ],
        }

    def _distancing_dict(self) -> dict[str, Any]:
        d = self.distancing
        return {
            "away_entries": d.away_entries,
            "withdrawing": _round(d.withdrawing),
            "punishing": _round(d.punishing),
            "usual": d.usual,
            "punishing_by_month": {m: _round(v) for m, v in d.punishing_by_month.by_month.items()},
            "slope_per_month": _round(d.punishing_by_month.slope_per_month),
            "shift": d.shift,
        }

    def _mismatches_dict(self) -> dict[str, Any]:
        m = self.mismatches
        return {
            "checkins": m.checkins,
            "count": len(m.items),
            "share": _round(m.share),
            "items": [
                {
                    "time": _iso(item.time),
                    "entry": item.ref,
                    "kinds": list(item.kinds),
                    "closeness": item.closeness,
                    "shame": item.shame,
                    "text_shame": _round(item.text_shame),
                }
                for item in m.items
            ],
        }


def analyze_tide(
    observations: list[Observation] | tuple[Observation, ...],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    settings: TideSettings | None = None,
) -> Tide:
    """Decode every observation, then read the statistics of those in [since, until)."""
    settings = settings or TideSettings()
    whole = decode(observations, settings.decode)
    timeline = whole.between(since, until)
    phases = timeline.phases
    times = [o.time for o in timeline.observations]
    runs = side_runs(phases)
    loops = loops_from_runs(runs, times)
    outer = nest(loops, loops_from_runs(coarse_runs(runs, times, settings.coarse_days), times))
    turns = turns_from_runs(runs)
    time_shares, entry_shares = phase_shares(timeline, settings.hold_cap_days)
    return Tide(
        since=since,
        until=until,
        timeline=timeline,
        loops=tuple(loops),
        outer=tuple(outer),
        turns=tuple(turns),
        precursors=count_precursors(turns, phases, timeline.observations, settings.precursors),
        time_in_phase=time_shares,
        entries_in_phase=entry_shares,
        swings=swings(timeline),
        distancing=distancing(timeline),
        mismatches=mismatches(timeline),
        current=current_phase(timeline),
        moves=moves(timeline),
        coarse_days=settings.coarse_days,
        message=_message(len(whole), len(timeline), len(loops)),
    )


def _message(total: int, in_range: int, loops: int) -> str | None:
    if total == 0:
        return NO_ENTRIES
    if in_range == 0:
        return EMPTY_RANGE
    if in_range == 1:
        return ONE_ENTRY
    if loops == 0:
        return NO_LOOP
    return None


def _shares(shares: dict[Label, float]) -> dict[str, float | None]:
    return {str(phase): _round(shares[phase]) if shares else None for phase in PHASES}


def _swing_dict(width: SwingWidth) -> dict[str, Any]:
    return {
        "by_month": {m: _round(v) for m, v in width.trend.by_month.items()},
        "slope_per_month": _round(width.trend.slope_per_month),
        "getting_smaller": width.getting_smaller,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()
