"""What follows saving an entry, the same for the CLI and the web UI: `after_write`.

Two steps, in this order:
1. The reply (`replies.reply_for`): help, a check-in or a reflection. A check-in is
   recorded here, so the entry page and the terminal show the same one.
2. The opt-in weekly note, when one is due (`lessons.mail`). It goes out on its own
   thread: a mail server that does not answer can take `SEND_TIMEOUT_SECONDS` for each
   step, and the reply (perhaps the help lines) must never wait behind it. The CLI
   waits for the note before it closes the journal; the web UI does not wait at all.
   A note that could not go out is tried again after the next entry, and never stops
   the entry from being saved or shown.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tidewise.errors import TidewiseError
from tidewise.lessons.mail import note_due, send_due
from tidewise.replies import GradedReply, reply_for

if TYPE_CHECKING:
    from tidewise.journal import Journal
    from tidewise.records import Entry


class WeeklyNote:
    """The weekly note for reading `week`, being sent on a thread of its own."""

    def __init__(self, journal: Journal, week: int, now: datetime) -> None:
        self.week = week
        self._failed = False
        self._thread = threading.Thread(
            target=self._send, args=(journal, now), name="tidewise-weekly-note", daemon=True
        )
        self._thread.start()

    def _send(self, journal: Journal, now: datetime) -> None:
        try:
            send_due(journal, now)
        except TidewiseError:  # the mail server, or the journal locked meanwhile (web)
            self._failed = True

    def settled(self) -> bool:
        """True once the note has gone out or failed; never waits."""
        return not self._thread.is_alive()

    def failed(self) -> bool:
        """Wait until the note has gone (or not); True when it could not go out."""
        self._thread.join()
        return self._failed


@dataclass(frozen=True)
class AfterWrite:
    """The reply to show for the entry, and the weekly note if one was due."""

    reply: GradedReply | None
    note: WeeklyNote | None = None

    def note_failed(self) -> bool:
        """Waits for the weekly note; True when one was due and could not be sent."""
        return self.note is not None and self.note.failed()


def after_write(journal: Journal, entry: Entry, *, now: datetime | None = None) -> AfterWrite:
    """The steps after `entry` was written: its reply, then the weekly note when due."""
    moment = now or datetime.now(UTC)
    reply = reply_for(journal, entry)
    try:
        week = note_due(journal, moment)
    except TidewiseError:  # unreadable mail settings: no note this time, the entry is safe
        week = None
    return AfterWrite(reply, None if week is None else WeeklyNote(journal, week, moment))
