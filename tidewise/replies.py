"""The reply after an entry, shared by the CLI and the web UI.

It reads the latest few entries to see the turn the person has just made, and the
country they chose for help lines, then lets `lessons.reflections` choose. A
safety concern always wins there, whatever the turn.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from tidewise.cycle.recent import recent_turn
from tidewise.errors import TidewiseError

if TYPE_CHECKING:
    from tidewise.journal import Journal
    from tidewise.lessons.reflections import Reply
    from tidewise.records import Entry

RECENT_DAYS = 7
RECENT_ENTRIES = 6


def turn_before(journal: Journal, entry: Entry) -> str | None:
    """The turn that `entry` completes, from the entries of the week before it."""
    earlier = journal.entries(
        since=entry.created - timedelta(days=RECENT_DAYS),
        until=entry.created,
        limit=RECENT_ENTRIES + 1,
    )
    previous = [e for e in reversed(earlier) if e.id != entry.id and e.analysis is not None]
    phases = [e.analysis.phase for e in previous[-RECENT_ENTRIES:] if e.analysis is not None]
    if entry.analysis is None:
        return None
    return recent_turn([*phases, entry.analysis.phase])


def reply_for(journal: Journal, entry: Entry) -> Reply | None:
    """The reflection (or, first of all, the offer of help) for an analysed entry."""
    from tidewise.lessons.reflections import choose_reflection

    if entry.analysis is None:
        return None
    country = journal.get_state("prefs.country")
    try:
        return choose_reflection(
            entry.analysis,
            turn_before(journal, entry),
            seed=entry.id,
            country=country if isinstance(country, str) else None,
        )
    except TidewiseError:
        return None  # missing or broken content: the entry itself still shows
