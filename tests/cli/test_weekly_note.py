"""`tidewise write` sends a due weekly note after the entry (through `after_write`), and a
mail server that fails is one calm line on stderr, never a failed command."""

from __future__ import annotations

import socket
from pathlib import Path

from tests.cli.helpers import run
from tests.lessons.conftest import MailServer, mail_server  # noqa: F401 (a fixture)
from tidewise.journal import Journal
from tidewise.lessons import mail
from tidewise.settings import Settings

NOT_SENT = "The weekly reading e-mail could not be sent; it will be tried next time."


def subscribe(settings: Settings, passphrase: str, port: int) -> None:
    """Mail set up and confirmed, no note sent yet: the note for reading 1 is due."""
    with Journal.open(settings, passphrase) as journal:
        smtp = mail.SmtpSettings("127.0.0.1", port, False, None, "tidewise@example.org")
        mail.configure(journal, smtp)
        journal.set_state(
            mail.SUBSCRIPTION_KEY,
            {"address": "reader@example.net", "confirmed": True, "last_sent_week": 0},
        )


def test_write_sends_the_due_weekly_note(
    journal_home: Path,
    settings: Settings,
    passphrase: str,
    mail_server: MailServer,  # noqa: F811 (the imported fixture)
) -> None:
    subscribe(settings, passphrase, mail_server.port)
    result = run("write", "--no-analysis", stdin="A walk by the water.")
    assert (result.exit_code, result.stdout) == (0, "1\n"), result.stderr
    assert [m["Subject"] for m in mail_server.inbox.messages] == [mail.WEEKLY_SUBJECT]
    assert NOT_SENT not in result.stderr


def test_a_mail_server_that_is_gone_is_one_line_and_the_entry_is_kept(
    journal_home: Path, settings: Settings, passphrase: str
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subscribe(settings, passphrase, port)
    result = run("write", "--no-analysis", stdin="Kept anyway.")
    assert (result.exit_code, result.stdout) == (0, "1\n"), result.stderr
    assert result.stderr.count(NOT_SENT) == 1
    with Journal.open(settings, passphrase) as journal:
        assert journal.get(1).text == "Kept anyway."
        assert mail.status(journal)["last_sent_week"] == 0
