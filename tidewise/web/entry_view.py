"""Everything the saved-entry page shows, gathered from the entry and the lessons package.

The reply after an entry comes from `replies.reply_for` (shared with the CLI). When it is
the help reply or a check-in, the page shows it as a card beside the entry on a wide
screen and right under the entry's text on a narrow one (never above it, pushing the
entry away), with the person's own country's lines and the rest one click away.

"Phase" is the entry's own reading, from its own sentences. The tide reads the entry
together with the ones around it; where its phase for this entry differs, the page
names it too, with one sentence on why the two can differ (reports/readings.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tidewise import reply_words
from tidewise.replies import reply_for
from tidewise.reports.readings import tide_phase_if_different
from tidewise.web import present

if TYPE_CHECKING:
    from tidewise.analysis.types import Resource
    from tidewise.cycle.labels import Label
    from tidewise.journal import Journal
    from tidewise.records import Entry
    from tidewise.replies import GradedReply


def entry_context(
    journal: Journal, entry: Entry, tide_phase: Label | None = None
) -> dict[str, Any]:
    """Template context for one saved entry; `tide_phase` is the tide's phase for it."""
    analysis = entry.analysis
    context: dict[str, Any] = {
        "entry": entry,
        "analysis": analysis,
        "words": reply_words,
        "segments": present.segments(entry),
        "legend": present.labels_present(entry),
        "checkin_words": _checkin_words(entry),
        "safety": None,
        "card": None,
        "other_resources": (),
        "reflection": None,
        "movement_words": "",
        "phase_words": "",
        "tide_phase_words": "",
        "tide_note": present.TIDE_NOTE,
        "distancing_words": "",
        "shame_voice": (),
    }
    if analysis is None:
        return context
    reply = reply_for(journal, entry)
    context |= {
        "movement_words": present.MOVEMENT_WORDS.get(analysis.movement, analysis.movement),
        "phase_words": present.phase_words(analysis.phase),
        "tide_phase_words": _tide_phase_words(analysis.phase, tide_phase),
        "distancing_words": present.DISTANCING_WORDS.get(analysis.distancing, ""),
        "shame_voice": analysis.shame_voice,
        "safety": analysis.safety,
    }
    if reply is not None and reply.kind != "reflection":
        context |= {"card": reply, "other_resources": other_lines(reply)}
    elif reply is not None:
        context["reflection"] = reply
    return context


def other_lines(reply: GradedReply) -> tuple[Resource, ...]:
    """The lines of every other country, for the card's "other countries" fold."""
    from tidewise.analysis.safety import resources_for_kinds

    if reply.country is None:
        return ()
    everyone = resources_for_kinds(reply.concerns, None)
    return tuple(r for r in everyone if r.country not in (reply.country, "INTL"))


def _tide_phase_words(own: str, tide_phase: Label | None) -> str:
    other = tide_phase_if_different(own, tide_phase)
    return "" if other is None else present.phase_words(other)


def _checkin_words(entry: Entry) -> str:
    checkin = entry.checkin
    if checkin is None or checkin.empty:
        return ""
    parts = []
    if checkin.closeness is not None:
        parts.append(f"closeness {present.CLOSENESS_WORDS[checkin.closeness].lower()}")
    if checkin.shame is not None:
        parts.append(f"shame {checkin.shame} of 10")
    return ", ".join(parts).capitalize()
