"""The weekly email against a real local SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from tests.lessons.conftest import START, MailServer, StartedJournal
from tidewise.errors import InputError, MailError, UsageError
from tidewise.lessons import mail
from tidewise.lessons.model import lessons

WEEK = timedelta(weeks=1)


def _code(server: MailServer) -> str:
    body = str(server.inbox.messages[-1].get_payload())
    found = re.search(r"\b(\d{6})\b", body)
    assert found
    return found.group(1)


def test_double_opt_in_then_weekly_notes_then_unsubscribe(
    mail_journal: StartedJournal, mail_server: MailServer
) -> None:
    now = START + timedelta(days=2)
    mail.subscribe(mail_journal, "reader@example.net", now)
    assert len(mail_server.inbox.messages) == 1
    first = mail_server.inbox.messages[0]
    assert first["Subject"] == mail.CONFIRM_SUBJECT and first["To"] == "reader@example.net"
    assert mail.send_due(mail_journal, now + 3 * WEEK) is None  # nothing before confirming
    assert mail.status(mail_journal)["pending"]

    with pytest.raises(InputError):
        mail.confirm(mail_journal, "000000" if _code(mail_server) != "000000" else "111111", now)
    assert mail.confirm(mail_journal, _code(mail_server), now) == "reader@example.net"
    assert mail.send_due(mail_journal, now) is None  # week 1 is already open to them
    assert len(mail_server.inbox.messages) == 1

    assert mail.send_due(mail_journal, START + WEEK) == 2
    assert mail.send_due(mail_journal, START + WEEK + timedelta(hours=5)) is None  # once a week
    assert mail.send_due(mail_journal, START + 4 * WEEK) == 5  # missed weeks: one note, newest
    weekly = mail_server.inbox.messages[1:]
    assert [m["Subject"] for m in weekly] == [mail.WEEKLY_SUBJECT] * 2
    for message in weekly:
        text = str(message.get_payload()).lower()
        assert "tidewise lessons read" in text and "unsubscribe" in text
        for item in lessons():
            assert item.title.lower() not in text  # no title that reveals the subject
        for word in ("affair", "cheat", "betray", "partner", "shame", "journal entry"):
            assert word not in text and word not in message["Subject"].lower()

    assert mail.unsubscribe(mail_journal) is True
    assert mail.send_due(mail_journal, START + 9 * WEEK) is None
    assert len(mail_server.inbox.messages) == 3
    assert mail.status(mail_journal)["address"] is None


def test_codes_expire_and_cannot_be_reused(
    mail_journal: StartedJournal, mail_server: MailServer
) -> None:
    mail.subscribe(mail_journal, "reader@example.net", START)
    with pytest.raises(InputError, match="expired"):
        mail.confirm(mail_journal, _code(mail_server), START + mail.CODE_LIFETIME + WEEK)
    mail.subscribe(mail_journal, "reader@example.net", START + WEEK)
    mail.confirm(mail_journal, _code(mail_server), START + WEEK)
    with pytest.raises(UsageError):
        mail.confirm(mail_journal, _code(mail_server), START + WEEK)


def test_setup_is_needed_and_addresses_are_checked(journal_at_start: StartedJournal) -> None:
    with pytest.raises(UsageError):
        mail.subscribe(journal_at_start, "reader@example.net", START)
    with pytest.raises(InputError):
        mail.configure(journal_at_start, mail.SmtpSettings("localhost", 25, False, None, "nope"))
    assert mail.send_due(journal_at_start, START + WEEK) is None  # not configured: quiet


def test_an_unreachable_server_is_a_clear_error(journal_at_start: StartedJournal) -> None:
    from tests.lessons.conftest import _free_port

    dead = mail.SmtpSettings("127.0.0.1", _free_port(), False, None, "reader@example.org")
    mail.configure(journal_at_start, dead)
    with pytest.raises(MailError):
        mail.subscribe(journal_at_start, "reader@example.net", START)
    assert mail.status(journal_at_start)["pending"] is False  # nothing half-done


def test_a_login_needs_the_password_from_the_environment(
    journal_at_start: StartedJournal, mail_server: MailServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(mail.PASSWORD_ENV, raising=False)
    settings = mail.SmtpSettings(mail_server.host, mail_server.port, False, "me", "a@example.org")
    mail.configure(journal_at_start, settings)
    with pytest.raises(MailError, match=mail.PASSWORD_ENV):
        mail.subscribe(journal_at_start, "reader@example.net", START)
    assert "password" not in str(journal_at_start.get_state(mail.SMTP_KEY)).lower()
