"""Synthetic journals with known ground truth, for tests and benchmarks.

A journal is a chain of outer loops. Each outer loop is a reaching stretch, an
optional passage of attachment shame, an away stretch (withdrawing or punishing),
then exhaustion (sometimes disconnection shame) before the next reaching stretch.
Inside the away stretch, small swings may nest: a brief return toward (exhaustion,
two or three reaching entries) before turning away again. The journal ends with a
reaching stretch, so every loop it plants is completed.

Each entry's label is its true phase, except that a `neutral_rate` share read as
plain telling and a `noise` share are flipped to another label chosen at random.
The label distribution puts most mass on the (possibly flipped) label. Precursors
are planted per turn away: attachment shame just before, a "reminder" tag, a "fight"
tag on the turning entry. Everything is drawn from one seeded generator.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from tidewise.cycle.labels import LABELS, Label
from tidewise.cycle.observation import FIGHT, REMINDER, Observation

_CLOSENESS = {
    Label.REACHING: 2,
    Label.ATTACHMENT_SHAME: 1,
    Label.DISCONNECTION_SHAME: -1,
    Label.WITHDRAWING: -2,
    Label.PUNISHING: -2,
    Label.EXHAUSTION: -1,
}
_SHAME = {
    Label.REACHING: 2,
    Label.ATTACHMENT_SHAME: 8,
    Label.DISCONNECTION_SHAME: 7,
    Label.WITHDRAWING: 4,
    Label.PUNISHING: 4,
    Label.EXHAUSTION: 4,
}


@dataclass(frozen=True)
class SyntheticSpec:
    """What to plant. Lengths are in entries; shares are chances per loop or turn."""

    loops: int = 20
    seed: int = 0
    noise: float = 0.0
    neutral_rate: float = 0.0
    nested_share: float = 0.4
    max_inner: int = 2
    attachment_shame_share: float = 0.6
    reminder_share: float = 0.2
    fight_share: float = 0.15
    punishing_share: float = 0.4
    disconnection_share: float = 0.3
    gap_share: float = 0.02
    checkin_share: float = 0.3
    reach_entries: tuple[int, int] = (10, 16)
    away_segment_entries: tuple[int, int] = (8, 12)
    inner_reach_entries: tuple[int, int] = (2, 3)
    start: datetime = field(default_factory=lambda: datetime(2023, 1, 2, 8, 0, tzinfo=UTC))


@dataclass(frozen=True)
class SyntheticTruth:
    """What was planted: true phases per entry and the loop and precursor counts."""

    phases: tuple[Label, ...]
    loops: int  # every completed loop, inner ones included
    outer_loops: int
    inner_per_outer: tuple[int, ...]  # loops inside each outer loop (1 when none nest)
    turns: int
    precursors: dict[str, float]

    @property
    def nested_loops(self) -> int:
        """Loops that sit inside an outer loop holding two or more."""
        return sum(k for k in self.inner_per_outer if k >= 2)


@dataclass(frozen=True)
class SyntheticJournal:
    observations: tuple[Observation, ...]
    truth: SyntheticTruth


@dataclass
class _Builder:
    """Accumulates true phases and per-entry tags while the loops are laid out."""

    spec: SyntheticSpec
    rng: random.Random
    phases: list[Label] = field(default_factory=list)
    tags: list[set[str]] = field(default_factory=list)
    turns: int = 0
    planted: dict[str, int] = field(
        default_factory=lambda: {"attachment_shame": 0, REMINDER: 0, FIGHT: 0}
    )

    def add(self, phase: Label, count: int) -> None:
        self.phases.extend([phase] * count)
        self.tags.extend(set() for _ in range(count))

    def span(self, bounds: tuple[int, int]) -> int:
        return self.rng.randint(*bounds)

    def turn_away(self, style: Label, entries: int, *, passage: int = 2) -> None:
        """Leave the toward side: maybe a passage of attachment shame, then distance."""
        last_toward = len(self.phases) - 1
        if self.rng.random() < self.spec.attachment_shame_share:
            self.add(Label.ATTACHMENT_SHAME, self.rng.randint(1, passage))
            self.planted["attachment_shame"] += 1
        first_away = len(self.phases)
        self.add(style, entries)
        self.turns += 1
        if self.rng.random() < self.spec.reminder_share:
            self.tags[self.rng.randint(last_toward, first_away)].add(REMINDER)
            self.planted[REMINDER] += 1
        if self.rng.random() < self.spec.fight_share:
            self.tags[first_away].add(FIGHT)
            self.planted[FIGHT] += 1

    def outer_loop(self) -> int:
        """Lay one outer loop after a reaching stretch; returns the loops it holds."""
        spec, rng = self.spec, self.rng
        style = Label.PUNISHING if rng.random() < spec.punishing_share else Label.WITHDRAWING
        inner = rng.randint(1, spec.max_inner) if rng.random() < spec.nested_share else 0
        self.turn_away(style, self.span(spec.away_segment_entries))
        for _ in range(inner):
            self.add(Label.EXHAUSTION, 1)
            self.add(Label.REACHING, self.span(spec.inner_reach_entries))
            self.turn_away(style, self.span(spec.away_segment_entries), passage=1)
        self.add(Label.EXHAUSTION, rng.randint(1, 3))
        if rng.random() < spec.disconnection_share:
            self.add(Label.DISCONNECTION_SHAME, rng.randint(1, 2))
        self.add(Label.REACHING, self.span(spec.reach_entries))
        return inner + 1


def generate(spec: SyntheticSpec) -> SyntheticJournal:
    """A seeded synthetic journal and the truth it was built from."""
    rng = random.Random(spec.seed)
    builder = _Builder(spec, rng)
    builder.add(Label.REACHING, builder.span(spec.reach_entries))
    per_outer = tuple(builder.outer_loop() for _ in range(spec.loops))
    times = _times(len(builder.phases), spec, rng)
    observations = tuple(
        _observation(phase, time, tags, spec, rng)
        for phase, time, tags in zip(builder.phases, times, builder.tags, strict=True)
    )
    turns = builder.turns
    shares = {kind: (count / turns if turns else 0.0) for kind, count in builder.planted.items()}
    truth = SyntheticTruth(
        phases=tuple(builder.phases),
        loops=sum(per_outer),
        outer_loops=spec.loops,
        inner_per_outer=per_outer,
        turns=turns,
        precursors=shares,
    )
    return SyntheticJournal(observations, truth)


def _times(count: int, spec: SyntheticSpec, rng: random.Random) -> list[datetime]:
    """Mostly one or two entries a day, with the odd gap of days or weeks."""
    times: list[datetime] = []
    current = spec.start
    for _ in range(count):
        times.append(current)
        if rng.random() < spec.gap_share:
            current += timedelta(days=rng.uniform(4.0, 20.0))
        else:
            current += timedelta(hours=rng.uniform(6.0, 24.0))
    return times


def _observation(
    phase: Label, time: datetime, tags: set[str], spec: SyntheticSpec, rng: random.Random
) -> Observation:
    shown = phase
    if rng.random() < spec.neutral_rate:
        shown = Label.NEUTRAL
    if rng.random() < spec.noise:
        shown = rng.choice([label for label in LABELS if label is not shown])
    checkin = rng.random() < spec.checkin_share
    return Observation(
        time=time,
        probs=_distribution(shown, rng),
        closeness=_clamp(_CLOSENESS[phase] + rng.randint(-1, 1), -3, 3) if checkin else None,
        shame=_clamp(_SHAME[phase] + rng.randint(-2, 2), 0, 10) if checkin else None,
        tags=tuple(sorted(tags)),
    )


def _distribution(label: Label, rng: random.Random) -> tuple[float, ...]:
    """Most of the mass on `label`, the rest spread roughly evenly over the others."""
    top = rng.uniform(0.55, 0.9)
    rest = [rng.uniform(0.5, 1.5) for _ in range(len(LABELS) - 1)]
    total = sum(rest)
    spread = iter(r / total * (1.0 - top) for r in rest)
    return tuple(top if candidate is label else next(spread) for candidate in LABELS)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


CODES: dict[str, Label] = {
    "R": Label.REACHING,
    "A": Label.ATTACHMENT_SHAME,
    "D": Label.DISCONNECTION_SHAME,
    "W": Label.WITHDRAWING,
    "P": Label.PUNISHING,
    "E": Label.EXHAUSTION,
    "N": Label.NEUTRAL,
}


def from_codes(
    codes: str,
    *,
    start: datetime | None = None,
    step: timedelta = timedelta(days=1),
    confidence: float = 0.8,
) -> list[Observation]:
    """A hand-built timeline: one entry per letter (R A D W P E N; spaces ignored).

    Each entry puts `confidence` on its letter's label and spreads the rest evenly;
    entries are `step` apart from `start` (2024-01-01 08:00 UTC by default).
    """
    moment = start or datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    rest = (1.0 - confidence) / (len(LABELS) - 1)
    observations = []
    for letter in codes.replace(" ", ""):
        label = CODES[letter]
        probs = tuple(confidence if candidate is label else rest for candidate in LABELS)
        observations.append(Observation(time=moment, probs=probs))
        moment += step
    return observations
