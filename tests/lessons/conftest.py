"""Lesson fixtures: a real journal with a movable start, and a real local SMTP server.

The SMTP server is aiosmtpd's Controller on 127.0.0.1 with a free port, started for the
test and stopped after it; every message it receives is kept for the test to read.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest

from tidewise.journal import Journal
from tidewise.lessons.mail import SmtpSettings, configure


@dataclass
class Inbox:
    messages: list[Message] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@dataclass
class MailServer:
    host: str
    port: int
    inbox: Inbox


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield MailServer("127.0.0.1", controller.port, inbox)
    finally:
        controller.stop()


class StartedJournal:
    """A real journal whose `started` the test chooses (the release is measured from it)."""

    def __init__(self, journal: Journal, started: datetime) -> None:
        self._journal = journal
        self.started = started

    def get_state(self, key: str) -> Any | None:
        return self._journal.get_state(key)

    def set_state(self, key: str, value: Any) -> None:
        self._journal.set_state(key, value)


START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def journal_at_start(fresh_journal: Journal) -> StartedJournal:
    return StartedJournal(fresh_journal, START)


@pytest.fixture
def mail_journal(journal_at_start: StartedJournal, mail_server: MailServer) -> StartedJournal:
    configure(
        journal_at_start,
        SmtpSettings(
            host=mail_server.host,
            port=mail_server.port,
            starttls=False,
            from_address="reader@example.org",
        ),
    )
    return journal_at_start
