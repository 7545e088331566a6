"""The writing prompts on an empty write page: which to offer, and the links around them.

The phase is the tide's current one (the same cached Tide the tide page reads) and the
reading is this week's (lessons/model.py); lessons/prompts.py does the choosing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tidewise.lessons import prompts
from tidewise.lessons.model import Lesson, current
from tidewise.web.tide_view import tide_of

if TYPE_CHECKING:
    from tidewise.web.state import WebState

MAX_TURN = 10_000  # "another prompt" wraps round long before this


@dataclass(frozen=True)
class PromptsView:
    offered: tuple[prompts.Offered, ...]
    lesson: Lesson
    next_turn: int


def prompts_view(state: WebState, turn: int) -> PromptsView | None:
    """The prompts for the write page, or None when the person asked for none."""
    journal = state.journal
    if not prompts.wanted(journal):
        return None
    tide_now = tide_of(state).current
    phase = str(tide_now.phase) if tide_now is not None else None
    lesson = current(journal, datetime.now(UTC))
    turn = turn if 0 <= turn < MAX_TURN else 0
    today = datetime.now().astimezone().date()  # the day on this computer's clock
    offered = prompts.choose(phase, lesson.week, today, turn)
    return PromptsView(offered, lesson, (turn + 1) % MAX_TURN)
