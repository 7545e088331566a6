"""Statistics of a decoded timeline: time per phase, swings, distancing, mismatches.

Definitions:

- **Time in phase**: each entry's phase holds until the next entry, for at most
  `hold_cap_days` (a long silence is not time spent in a phase); the last entry
  holds for the median of the others (one day when there are none). Shares are of
  the total. When every entry has the same instant, entry shares are used.
- **Month**: the calendar month of the entry in its own time zone ("2024-03").
- **Swing width** of a month: for check-ins, highest minus lowest closeness (-3..3,
  at least two check-ins); for text, the 90th minus the 10th percentile of the
  entries' movement score (reaching mass minus withdrawing and punishing mass,
  -1..1, at least two entries). Trend: least-squares slope per month over the
  months that have a width; "getting smaller" when there are three or more such
  months and the fitted line falls by at least 15% of their mean width.
- **Distancing**: among entries decoded away, the share withdrawing and the share
  punishing; "usual" is the one at 60% or more, else "both". Per month the same
  shares; the trend is the slope of the punishing share per month, called a shift
  when the fitted line moves by 0.2 or more across the months shown.
- **Mismatch**: a check-in that says close (closeness >= 1) while the text is
  shame-heavy (attachment + disconnection shame mass >= 0.5), or says little shame
  (shame <= 2) while the text is shame-heavy.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from tidewise.cycle.decode import Decoded, label_matrix
from tidewise.cycle.labels import LABELS, PHASES, Label
from tidewise.cycle.observation import Observation
from tidewise.cycle.phases import Side, movement_score, side_of

SECONDS_PER_DAY = 86400.0
DEFAULT_HOLD_CAP_DAYS = 7.0
SHRINK_FRACTION = 0.15
STYLE_MAJORITY = 0.6
STYLE_SHIFT = 0.2
MIN_TREND_MONTHS = 3
SHAME_HEAVY = 0.5
_SHAME_COLUMNS = [LABELS.index(Label.ATTACHMENT_SHAME), LABELS.index(Label.DISCONNECTION_SHAME)]
_PUNISHING_COLUMN = LABELS.index(Label.PUNISHING)
_WITHDRAWING_COLUMN = LABELS.index(Label.WITHDRAWING)


def month_key(moment: datetime) -> str:
    return moment.strftime("%Y-%m")


def _month_number(key: str) -> int:
    year, month = key.split("-")
    return int(year) * 12 + int(month) - 1


@dataclass(frozen=True)
class Trend:
    """A per-month series with its least-squares slope (None with fewer than 2 months)."""

    by_month: dict[str, float]
    slope_per_month: float | None

    def fitted_change(self) -> float | None:
        """How far the fitted line moves from the first month shown to the last."""
        if self.slope_per_month is None:
            return None
        numbers = [_month_number(key) for key in self.by_month]
        return self.slope_per_month * (max(numbers) - min(numbers))


def trend(by_month: dict[str, float]) -> Trend:
    ordered = dict(sorted(by_month.items()))
    if len(ordered) < 2:
        return Trend(ordered, None)
    x = np.array([_month_number(key) for key in ordered], dtype=np.float64)
    y = np.array(list(ordered.values()), dtype=np.float64)
    x -= x.mean()
    slope = float((x * (y - y.mean())).sum() / (x * x).sum())
    return Trend(ordered, slope)


@dataclass(frozen=True)
class SwingWidth:
    trend: Trend
    getting_smaller: bool | None  # None: fewer than three months to judge by


@dataclass(frozen=True)
class Swings:
    closeness: SwingWidth
    text: SwingWidth


@dataclass(frozen=True)
class DistancingStats:
    away_entries: int
    withdrawing: float | None
    punishing: float | None
    usual: str | None
    punishing_by_month: Trend
    shift: str | None  # "toward punishing", "toward withdrawing", "steady"; None: too few months


@dataclass(frozen=True)
class Mismatch:
    time: datetime
    ref: int | None
    kinds: tuple[str, ...]
    closeness: int | None
    shame: int | None
    text_shame: float


@dataclass(frozen=True)
class Mismatches:
    checkins: int
    items: tuple[Mismatch, ...] = field(default_factory=tuple)

    @property
    def share(self) -> float | None:
        return len(self.items) / self.checkins if self.checkins else None


@dataclass(frozen=True)
class CurrentPhase:
    phase: Label
    since: datetime  # first entry of the current unbroken stretch in this phase
    entries: int
    confidence: float  # the model's chance of this phase at the last entry


def phase_shares(
    decoded: Decoded, hold_cap_days: float = DEFAULT_HOLD_CAP_DAYS
) -> tuple[dict[Label, float], dict[Label, float]]:
    """(time shares, entry shares) per phase; empty dicts for an empty timeline."""
    n = len(decoded)
    if n == 0:
        return {}, {}
    entry_counts = np.bincount(decoded.states, minlength=len(PHASES)).astype(np.float64)
    entry_shares = _as_shares(entry_counts)
    stamps = np.array([o.time.timestamp() for o in decoded.observations])
    holds = np.minimum(np.diff(stamps) / SECONDS_PER_DAY, hold_cap_days)
    last = float(np.median(holds)) if len(holds) else 1.0
    holds = np.append(holds, last)
    if holds.sum() <= 0:
        return entry_shares, entry_shares
    time_totals = np.bincount(decoded.states, weights=holds, minlength=len(PHASES))
    return _as_shares(time_totals), entry_shares


def _as_shares(totals: np.ndarray) -> dict[Label, float]:
    whole = float(totals.sum())
    return {phase: float(totals[i]) / whole for i, phase in enumerate(PHASES)}


def current_phase(decoded: Decoded) -> CurrentPhase | None:
    if len(decoded) == 0:
        return None
    states = decoded.states
    last = int(states[-1])
    start = len(states) - 1
    while start > 0 and int(states[start - 1]) == last:
        start -= 1
    return CurrentPhase(
        phase=PHASES[last],
        since=decoded.observations[start].time,
        entries=len(states) - start,
        confidence=float(decoded.posteriors[-1, last]),
    )


def _by_month(
    observations: Sequence[Observation], value: Callable[[int], float | None]
) -> dict[str, list[float]]:
    groups: dict[str, list[float]] = defaultdict(list)
    for index, observation in enumerate(observations):
        v = value(index)
        if v is not None:
            groups[month_key(observation.time)].append(v)
    return groups


def swings(decoded: Decoded) -> Swings:
    observations = decoded.observations
    closeness = _by_month(observations, lambda i: _maybe(observations[i].closeness))
    scores = movement_score(label_matrix(list(observations)))
    text = _by_month(observations, lambda i: float(scores[i]))
    closeness_widths = {m: max(v) - min(v) for m, v in closeness.items() if len(v) >= 2}
    text_widths = {
        m: float(np.percentile(v, 90) - np.percentile(v, 10))
        for m, v in text.items()
        if len(v) >= 2
    }
    return Swings(_swing_width(closeness_widths), _swing_width(text_widths))


def _maybe(value: int | None) -> float | None:
    return None if value is None else float(value)


def _swing_width(widths: dict[str, float]) -> SwingWidth:
    series = trend(widths)
    change = series.fitted_change()
    if len(widths) < MIN_TREND_MONTHS or change is None:
        return SwingWidth(series, None)
    mean = statistics.fmean(widths.values())
    return SwingWidth(series, mean > 0 and change <= -SHRINK_FRACTION * mean)


def _punishing_share(observation: Observation, phase: Label) -> float:
    """How much of an away entry's distancing is punishing, by its own words.

    The decoder decides *that* an entry sits on the away side; the words decide *how*.
    Its smoothing can carry a withdrawn spell over a lone angry entry, and the usual
    way of distancing should not lose that entry.
    """
    punishing = observation.probs[_PUNISHING_COLUMN]
    withdrawing = observation.probs[_WITHDRAWING_COLUMN]
    if punishing + withdrawing <= 0.0:
        return 1.0 if phase is Label.PUNISHING else 0.0
    return punishing / (punishing + withdrawing)


def distancing(decoded: Decoded) -> DistancingStats:
    away = [
        (month_key(o.time), _punishing_share(o, phase))
        for o, phase in zip(decoded.observations, decoded.phases, strict=True)
        if side_of(phase) is Side.AWAY
    ]
    if not away:
        return DistancingStats(0, None, None, None, trend({}), None)
    punishing = sum(share for _, share in away) / len(away)
    withdrawing = 1.0 - punishing
    usual = "both"
    if punishing >= STYLE_MAJORITY:
        usual = "punishing"
    elif withdrawing >= STYLE_MAJORITY:
        usual = "withdrawing"
    months: dict[str, list[float]] = defaultdict(list)
    for month, share in away:
        months[month].append(share)
    series = trend({m: sum(v) / len(v) for m, v in months.items()})
    return DistancingStats(len(away), withdrawing, punishing, usual, series, _shift(series))


def _shift(series: Trend) -> str | None:
    change = series.fitted_change()
    if change is None or len(series.by_month) < MIN_TREND_MONTHS:
        return None
    if change >= STYLE_SHIFT:
        return "toward punishing"
    if change <= -STYLE_SHIFT:
        return "toward withdrawing"
    return "steady"


def mismatches(decoded: Decoded) -> Mismatches:
    checkins = 0
    items: list[Mismatch] = []
    shame_mass = label_matrix(list(decoded.observations))[:, _SHAME_COLUMNS].sum(axis=1)
    for observation, text_shame in zip(decoded.observations, shame_mass.tolist(), strict=True):
        if observation.closeness is None and observation.shame is None:
            continue
        checkins += 1
        kinds = _mismatch_kinds(observation, text_shame)
        if kinds:
            items.append(
                Mismatch(
                    observation.time,
                    observation.ref,
                    kinds,
                    observation.closeness,
                    observation.shame,
                    text_shame,
                )
            )
    return Mismatches(checkins, tuple(items))


def _mismatch_kinds(observation: Observation, text_shame: float) -> tuple[str, ...]:
    if text_shame < SHAME_HEAVY:
        return ()
    kinds: list[str] = []
    if observation.closeness is not None and observation.closeness >= 1:
        kinds.append("close_but_shame_in_text")
    if observation.shame is not None and observation.shame <= 2:
        kinds.append("low_shame_but_shame_in_text")
    return tuple(kinds)


def moves(decoded: Decoded) -> dict[Label, dict[Label, int]]:
    """How often the decoded timeline went from one phase to a different one."""
    counts: dict[Label, dict[Label, int]] = {p: dict.fromkeys(PHASES, 0) for p in PHASES}
    states = decoded.states
    for before, after in zip(states[:-1], states[1:], strict=True):
        if before != after:
            counts[PHASES[int(before)]][PHASES[int(after)]] += 1
    return counts
