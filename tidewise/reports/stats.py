"""Plain numbers for the report that the tide itself does not hold. Pure: no I/O.

Weekly shame (each kind's mean intensity from the analysis), the count of
shame-voice sentences, weekly check-in means and their trends, and the safety
flags as dates and kinds. Weeks start on Monday, in the entry's own time zone.
Trends are least-squares slopes per week, so a few noisy weeks do not flip them.
Each result is a frozen dataclass; the report's JSON appendix is `dataclasses.asdict`
of the series and summaries (their field names are its keys) and `SafetyFlag.to_dict`.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tidewise.records import Entry

# A slope smaller than this (points per week) is reported as steady, not as a change.
STEADY = {"shame": 0.005, "closeness": 0.02, "checkin_shame": 0.05}


@dataclass(frozen=True)
class WeeklySeries:
    by_week: dict[str, float]  # the Monday of each week (ISO date) -> the week's mean
    slope_per_week: float | None
    trend: str  # "rising", "falling", "steady" or "not enough weeks to tell"


@dataclass(frozen=True)
class ShameByWeek:
    attachment: WeeklySeries
    disconnection: WeeklySeries
    shame_voice_sentences: int
    entries_with_shame_voice: int


@dataclass(frozen=True)
class CheckinsByWeek:
    checkins: int
    closeness: WeeklySeries
    shame: WeeklySeries


@dataclass(frozen=True)
class SafetyFlag:
    """An entry the safety screen flagged: its day and kinds; its words only when chosen."""

    day: date
    entry: int
    kinds: tuple[str, ...]
    sentences: tuple[str, ...] | None = None  # None: the words are left out

    def to_dict(self) -> dict[str, Any]:
        flag: dict[str, Any] = {
            "date": self.day.isoformat(),
            "entry": self.entry,
            "kinds": list(self.kinds),
        }
        if self.sentences is not None:
            flag["sentences"] = list(self.sentences)
        return flag


def week_of(entry: Entry) -> date:
    """The Monday of the entry's week, in the zone it was written in."""
    day = entry.created.date()
    return day - timedelta(days=day.weekday())


def slope(points: Sequence[tuple[float, float]]) -> float | None:
    """Least-squares slope of y over x; None with fewer than three points or no spread."""
    if len(points) < 3:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def direction(value: float | None, steady: float) -> str:
    if value is None:
        return "not enough weeks to tell"
    if abs(value) < steady:
        return "steady"
    return "rising" if value > 0 else "falling"


def _weekly(
    entries: Iterable[Entry], value: Callable[[Entry], float | None]
) -> dict[date, list[float]]:
    weeks: dict[date, list[float]] = defaultdict(list)
    for entry in entries:
        number = value(entry)
        if number is not None:
            weeks[week_of(entry)].append(number)
    return dict(sorted(weeks.items()))


def _series(weeks: dict[date, list[float]], steady: float) -> WeeklySeries:
    if not weeks:
        return WeeklySeries(by_week={}, slope_per_week=None, trend=direction(None, steady))
    first = min(weeks)
    means = {week: statistics.fmean(values) for week, values in weeks.items()}
    points = [((week - first).days / 7, mean) for week, mean in means.items()]
    trend = slope(points)
    return WeeklySeries(
        by_week={week.isoformat(): round(mean, 4) for week, mean in means.items()},
        slope_per_week=None if trend is None else round(trend, 4),
        trend=direction(trend, steady),
    )


def shame_by_week(entries: Sequence[Entry]) -> ShameByWeek:
    """Mean intensity per week of each kind of shame, the trends, and the shame-voice count."""
    analysed = [e for e in entries if e.analysis is not None]
    return ShameByWeek(
        attachment=_series(
            _weekly(analysed, lambda e: e.analysis.shame.attachment if e.analysis else None),
            STEADY["shame"],
        ),
        disconnection=_series(
            _weekly(analysed, lambda e: e.analysis.shame.disconnection if e.analysis else None),
            STEADY["shame"],
        ),
        shame_voice_sentences=sum(
            len(e.analysis.shame_voice) for e in analysed if e.analysis is not None
        ),
        entries_with_shame_voice=sum(
            1 for e in analysed if e.analysis is not None and e.analysis.shame_voice
        ),
    )


def checkins_by_week(entries: Sequence[Entry]) -> CheckinsByWeek:
    """Weekly means of the check-ins the person gave (closeness -3..3, shame 0..10)."""

    def closeness(e: Entry) -> float | None:
        return None if e.checkin is None or e.checkin.closeness is None else e.checkin.closeness

    def shame(e: Entry) -> float | None:
        return None if e.checkin is None or e.checkin.shame is None else e.checkin.shame

    return CheckinsByWeek(
        checkins=sum(1 for e in entries if e.checkin is not None and not e.checkin.empty),
        closeness=_series(_weekly(entries, closeness), STEADY["closeness"]),
        shame=_series(_weekly(entries, shame), STEADY["checkin_shame"]),
    )


def safety_flags(entries: Sequence[Entry]) -> list[SafetyFlag]:
    """Each entry the safety screen flagged: its date, kinds and entry id (never its text)."""
    flags = []
    for entry in entries:
        safety = entry.analysis.safety if entry.analysis is not None else None
        if safety is not None and safety.concern:
            flags.append(
                SafetyFlag(
                    day=entry.created.date(), entry=entry.id, kinds=tuple(sorted(safety.kinds))
                )
            )
    return flags


def safety_sentences(entry: Entry) -> list[str]:
    """The sentences that raised an entry's safety concern (only shown when chosen)."""
    if entry.analysis is None:
        return []
    sentences = entry.analysis.sentences
    return [sentences[i].text for i in entry.analysis.safety.sentences if 0 <= i < len(sentences)]
