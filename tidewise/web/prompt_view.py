"""The writing prompts on an empty write page: which to offer, and the links around them.

The phase is the tide's current one (the same cached Tide the tide page reads; the
newest entries' own readings when it is not computed yet) and the reading is this
week's (lessons/model.py); lessons/prompts.py does the choosing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tidewise.lessons import prompts
from tidewise.lessons.model import Lesson, current
from tidewise.lessons.prompts import PHASE_NAMES
from tidewise.web.tide_view import TIDE_KEY, JournalTide

if TYPE_CHECKING:
    from tidewise.web.state import WebState

MAX_TURN = 10_000  # "another prompt" wraps round long before this
RECENT_ENTRIES = 7  # when the tide is not at hand, the newest entries' own readings


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
    phase = recent_phase(state)
    lesson = current(journal, datetime.now(UTC))
    turn = turn if 0 <= turn < MAX_TURN else 0
    today = datetime.now().astimezone().date()  # the day on this computer's clock
    offered = prompts.choose(phase, lesson.week, today, turn)
    return PromptsView(offered, lesson, (turn + 1) % MAX_TURN)


def recent_phase(state: WebState) -> str | None:
    """The tide's current phase when the tide is already computed (the entry and tide
    pages compute it); else the phase most of the newest entries read as on their own.
    Decoding a 3,650-entry journal takes about half a second here, too long to add to
    the write page, which is where unlocking lands."""
    whole = state.peek(TIDE_KEY)
    if isinstance(whole, JournalTide):
        current = whole.tide.current
        return str(current.phase) if current is not None else None
    newest = state.journal.entries(limit=RECENT_ENTRIES)
    phases = [e.analysis.phase for e in newest if e.analysis is not None]
    known = [p for p in phases if p in PHASE_NAMES]
    return Counter(known).most_common(1)[0][0] if known else None
