"""`after_write`: the reply for a new entry, then the opt-in weekly note when one is due.

Against a real local SMTP server (aiosmtpd, tests/lessons/conftest.py), and a real socket
that takes the connection and never answers, as a mail server behind a dead link does.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest

from tests.conftest import FakeAnalyzer
from tests.lessons.conftest import MailServer, mail_server  # noqa: F401 (a fixture)
from tidewise.analysis.safety import screen
from tidewise.analysis.types import EntryAnalysis
from tidewise.journal import Journal
from tidewise.lessons import mail
from tidewise.settings import Settings
from tidewise.writing import after_write

SUBSCRIBED = {"address": "reader@example.net", "confirmed": True, "last_sent_week": 1}
A_WEEK_ON = timedelta(weeks=1, hours=1)  # reading 2 is out; the note for it is due


def subscribe(journal: Journal, host: str, port: int) -> None:
    """As after the double opt-in: mail set up, the address confirmed, reading 1 noted."""
    mail.configure(journal, mail.SmtpSettings(host, port, False, None, "tidewise@example.org"))
    journal.set_state(mail.SUBSCRIPTION_KEY, SUBSCRIBED)


@pytest.fixture
def silent_server() -> Iterator[socket.socket]:
    """A listening socket that never says hello: connections wait until it closes."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield listener


def test_the_due_weekly_note_goes_out_after_an_entry(
    fresh_journal: Journal,
    mail_server: MailServer,  # noqa: F811 (the imported fixture)
) -> None:
    subscribe(fresh_journal, mail_server.host, mail_server.port)
    entry = fresh_journal.write("We had soup and talked about the garden.")
    after = after_write(fresh_journal, entry, now=fresh_journal.started + A_WEEK_ON)
    assert after.reply is not None and after.reply.kind == "reflection"
    assert after.note is not None and after.note.week == 2
    assert after.note_failed() is False
    [note] = mail_server.inbox.messages
    assert note["Subject"] == mail.WEEKLY_SUBJECT and note["To"] == "reader@example.net"
    assert "soup" not in str(note.get_payload())  # nothing from the journal, ever
    assert mail.status(fresh_journal)["last_sent_week"] == 2


def test_no_note_is_started_when_none_is_due(
    fresh_journal: Journal,
    mail_server: MailServer,  # noqa: F811 (the imported fixture)
) -> None:
    entry = fresh_journal.write("Nothing set up.")
    assert after_write(fresh_journal, entry, now=fresh_journal.started + A_WEEK_ON).note is None
    subscribe(fresh_journal, mail_server.host, mail_server.port)
    assert after_write(fresh_journal, entry, now=fresh_journal.started).note is None  # sent
    assert mail_server.inbox.messages == []


class ScreeningAnalyzer(FakeAnalyzer):
    """The keyword reader with the real safety screen's rules (no model needed)."""

    def analyze(self, text: str) -> EntryAnalysis:
        read = super().analyze(text)
        return replace(read, safety=screen([s.text for s in read.sentences]))


def test_the_reply_never_waits_for_a_mail_server_that_does_not_answer(
    settings: Settings, passphrase: str, silent_server: socket.socket
) -> None:
    fresh_journal = Journal.create(settings, passphrase, analyzer=ScreeningAnalyzer())
    host, port = silent_server.getsockname()
    subscribe(fresh_journal, host, port)
    entry = fresh_journal.write("I held on all day. Tonight I want to end it all.")
    after = after_write(fresh_journal, entry, now=fresh_journal.started + A_WEEK_ON)
    assert after.reply is not None and after.reply.kind != "reflection"  # help, here and now
    assert after.note is not None and not after.note.settled()  # still waiting for a hello
    silent_server.close()  # the connection drops: the note fails
    assert after.note_failed() is True
    assert mail.status(fresh_journal)["last_sent_week"] == 1  # tried again next time
    fresh_journal.close()
