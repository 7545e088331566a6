"""One analysed entry as the tide model sees it.

An `Observation` carries no text: only when it was written, the entry's label
distribution (the seven LABELS in order, e.g. `EntryAnalysis.label_mass`), the
optional check-in, and tags. Flags name events the statistics look for
("reminder" of the affair, a "fight"); they come from tags through `flags_from_tags`
or are set directly by whoever builds the observation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from tidewise.cycle.labels import LABEL_NAMES, LABELS

REMINDER = "reminder"
FIGHT = "fight"
# Tags a person might use for each event; matched case-insensitively.
REMINDER_TAGS: tuple[str, ...] = ("reminder", "trigger", "anniversary")
FIGHT_TAGS: tuple[str, ...] = ("fight", "argument", "row")


@dataclass(frozen=True)
class Observation:
    """An entry's time (timezone-aware), label distribution, check-in and tags."""

    time: datetime
    probs: tuple[float, ...]
    closeness: int | None = None
    shame: int | None = None
    tags: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    ref: int | None = None  # the entry id, when there is one

    def __post_init__(self) -> None:
        if self.time.tzinfo is None or self.time.utcoffset() is None:
            msg = "Observation.time must be timezone-aware"
            raise ValueError(msg)
        if len(self.probs) != len(LABELS):
            msg = f"Observation.probs needs {len(LABELS)} values in LABELS order"
            raise ValueError(msg)
        if any(p < 0.0 for p in self.probs):
            msg = "Observation.probs must not be negative"
            raise ValueError(msg)


def probs_from_mapping(mass: Mapping[str, float]) -> tuple[float, ...] | None:
    """A label -> mass mapping as a normalised 7-tuple; None when it holds no mass."""
    values = [max(0.0, float(mass.get(name, 0.0))) for name in LABEL_NAMES]
    total = sum(values)
    if total <= 0.0:
        return None
    return tuple(v / total for v in values)


def flags_from_tags(
    tags: Iterable[str],
    *,
    reminder_tags: Sequence[str] = REMINDER_TAGS,
    fight_tags: Sequence[str] = FIGHT_TAGS,
) -> frozenset[str]:
    """The event flags that a set of tags signals (case-insensitive, '#' ignored)."""
    lowered = {tag.strip().lstrip("#").lower() for tag in tags}
    flags: set[str] = set()
    if lowered & {t.lower() for t in reminder_tags}:
        flags.add(REMINDER)
    if lowered & {t.lower() for t in fight_tags}:
        flags.add(FIGHT)
    return frozenset(flags)


def has_flag(observation: Observation, flag: str) -> bool:
    """True when the observation carries the flag, directly or through its tags."""
    return flag in observation.flags or flag in flags_from_tags(observation.tags)
