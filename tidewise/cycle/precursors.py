"""What came right before each turn away.

A turn away (`loops.Turn`) runs from the last toward entry to the first away entry.
For each turn, three precursors are looked for; a turn may have several or none:

- `attachment_shame`: an entry decoded as attachment shame in the lead-in, the
  passage strictly between the last toward entry and the first away entry. This is
  the model's central claim (shame for reaching drives the turn away: see
  `phases.py`), tested on the person's own life.
- `reminder`: a reminder of the affair flagged anywhere in the window (a tag such
  as "reminder", "trigger" or "anniversary", or the observation's "reminder" flag).
- `fight`: a fight flagged anywhere in the window (a tag such as "fight" or
  "argument", or the observation's "fight" flag), or punishing in the text before
  the turn: an entry before the first away entry whose punishing mass is at least
  `fight_text_mass`.

Each share is the count of turns with that precursor over all turns; `none_found`
is the share with none of them. With no turns every share is None: nothing to divide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tidewise.cycle.labels import LABELS, Label
from tidewise.cycle.loops import Turn
from tidewise.cycle.observation import (
    FIGHT,
    FIGHT_TAGS,
    REMINDER,
    REMINDER_TAGS,
    Observation,
    flags_from_tags,
)

ATTACHMENT_SHAME = "attachment_shame"
NONE_FOUND = "none_found"
KINDS: tuple[str, ...] = (ATTACHMENT_SHAME, REMINDER, FIGHT)
DEFAULT_FIGHT_TEXT_MASS = 0.4
_PUNISHING = LABELS.index(Label.PUNISHING)


@dataclass(frozen=True)
class PrecursorRules:
    reminder_tags: tuple[str, ...] = REMINDER_TAGS
    fight_tags: tuple[str, ...] = FIGHT_TAGS
    fight_text_mass: float = DEFAULT_FIGHT_TEXT_MASS


@dataclass(frozen=True)
class Precursors:
    turns: int
    counts: dict[str, int]  # kind -> turns with it, plus none_found

    def shares(self) -> dict[str, float | None]:
        return {
            kind: (count / self.turns if self.turns else None)
            for kind, count in self.counts.items()
        }

    @property
    def usual(self) -> str | None:
        """The precursor seen most often (first in KINDS order on a tie), if any."""
        found = [(self.counts[kind], -i, kind) for i, kind in enumerate(KINDS) if self.counts[kind]]
        return max(found)[2] if found else None


def turn_precursors(
    turn: Turn,
    phases: Sequence[Label],
    observations: Sequence[Observation],
    rules: PrecursorRules,
) -> set[str]:
    """The precursors found for one turn."""
    found: set[str] = set()
    if any(phases[i] is Label.ATTACHMENT_SHAME for i in turn.lead_in):
        found.add(ATTACHMENT_SHAME)
    for index in turn.window:
        flags = _flags(observations[index], rules)
        found |= flags & {REMINDER, FIGHT}
    before_turn = range(turn.last_toward, turn.first_away)
    if any(observations[i].probs[_PUNISHING] >= rules.fight_text_mass for i in before_turn):
        found.add(FIGHT)
    return found


def count_precursors(
    turns: Sequence[Turn],
    phases: Sequence[Label],
    observations: Sequence[Observation],
    rules: PrecursorRules | None = None,
) -> Precursors:
    """Tally the precursors over every turn."""
    rules = rules or PrecursorRules()
    counts = dict.fromkeys((*KINDS, NONE_FOUND), 0)
    for turn in turns:
        found = turn_precursors(turn, phases, observations, rules)
        for kind in found:
            counts[kind] += 1
        if not found:
            counts[NONE_FOUND] += 1
    return Precursors(len(turns), counts)


def _flags(observation: Observation, rules: PrecursorRules) -> frozenset[str]:
    from_tags = flags_from_tags(
        observation.tags, reminder_tags=rules.reminder_tags, fight_tags=rules.fight_tags
    )
    return observation.flags | from_tags
