"""Writing prompts for an empty write page, chosen from the recent tide and this week's reading.

A prompt is a line in content/prompts.json, tagged with the phases it suits (`phases`)
and the weekly readings it goes with (`weeks`). The write page offers at most two: one
for where the person's tide has been lately, one for this week's reading. They are an
offer, never a field to fill in. "Another prompt" turns to the next pair; "no prompts"
is kept in the journal's encrypted state under STATE_KEY, until the person turns them
back on in Settings.

The choice is pure and deterministic: the day and the number of turns pick the place
in each list, so the page is the same on reload, and changes from one day to the next.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources as package_files
from typing import Any

from tidewise.cycle.labels import PHASES
from tidewise.errors import ContentError
from tidewise.lessons.model import StateStore, lessons

STATE_KEY = "writing_prompts"
PHASE_NAMES = frozenset(str(p) for p in PHASES)


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str
    phases: tuple[str, ...]
    weeks: tuple[int, ...]


@dataclass(frozen=True)
class Offered:
    """A prompt on the page, and why it was chosen ("tide" or "lesson")."""

    prompt: Prompt
    reason: str


def parse_prompts(raw: Any, weeks: int) -> tuple[Prompt, ...]:
    """The prompts in `raw` (the JSON list), checked: ids unique, tags known."""
    if not isinstance(raw, list):
        msg = "The writing prompts are not a list."
        raise ContentError(msg)
    found = tuple(_prompt(item, weeks) for item in raw)
    if len({p.id for p in found}) != len(found):
        msg = "Two writing prompts share an id."
        raise ContentError(msg)
    return found


def _prompt(item: Any, weeks: int) -> Prompt:
    try:
        prompt = Prompt(
            id=str(item["id"]),
            text=str(item["text"]).strip(),
            phases=tuple(str(p) for p in item["phases"]),
            weeks=tuple(int(w) for w in item["weeks"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        msg = "A writing prompt is missing its id, text or tags."
        raise ContentError(msg) from error
    if not prompt.text or not set(prompt.phases) <= PHASE_NAMES or not prompt.phases:
        msg = f"Writing prompt {prompt.id} has no text or an unknown phase."
        raise ContentError(msg)
    if not prompt.weeks or not all(1 <= w <= weeks for w in prompt.weeks):
        msg = f"Writing prompt {prompt.id} names a reading that does not exist."
        raise ContentError(msg)
    return prompt


@lru_cache(maxsize=1)
def prompts() -> tuple[Prompt, ...]:
    """Every prompt in the package, checked once."""
    text = package_files.files("tidewise.lessons").joinpath("content/prompts.json").read_text()
    return parse_prompts(json.loads(text), len(lessons()))


def choose(phase: str | None, week: int, day: date, turn: int = 0) -> tuple[Offered, ...]:
    """One prompt for the recent tide's phase (when there is one) and one for the week's
    reading; two for the reading when the tide has nothing to say yet."""
    every = prompts()
    for_tide = [p for p in every if phase in p.phases]
    for_week = [p for p in every if week in p.weeks]
    start = day.toordinal() + turn
    offered: list[Offered] = []
    if for_tide:
        offered.append(Offered(_pick(for_tide, start), "tide"))
    taken = {o.prompt.id for o in offered}
    rest = [p for p in for_week if p.id not in taken] or [p for p in every if p.id not in taken]
    # The reading's list turns the other way round, so the pair does not move in step.
    offered.append(Offered(_pick(rest, -start), "lesson"))
    if len(offered) == 1 and len(rest) > 1:
        offered.append(Offered(_pick(rest, -start - 1), "lesson"))
    return tuple(offered)


def _pick(pool: list[Prompt], place: int) -> Prompt:
    return pool[place % len(pool)]


def wanted(store: StateStore) -> bool:
    """False once the person has said "no prompts"."""
    kept = store.get_state(STATE_KEY)
    return not (isinstance(kept, dict) and kept.get("off") is True)


def set_wanted(store: StateStore, on: bool) -> None:
    store.set_state(STATE_KEY, None if on else {"off": True})
