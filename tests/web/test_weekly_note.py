"""Saving an entry in the web UI sends a due weekly note too (through `after_write`), the
same as `tidewise write`; before, only the CLI ever sent it."""

from __future__ import annotations

import time

from tests.lessons.conftest import MailServer, mail_server  # noqa: F401 (a fixture)
from tests.web.conftest import Web
from tidewise.lessons import mail

WAIT_SECONDS = 30  # the note goes out on its own thread; a deadline, not a speed goal


def test_saving_an_entry_sends_the_due_weekly_note(
    unlocked_web: Web,
    mail_server: MailServer,  # noqa: F811 (the imported fixture)
) -> None:
    journal = unlocked_web.state.journal
    smtp = mail.SmtpSettings(mail_server.host, mail_server.port, False, None, "t@example.org")
    mail.configure(journal, smtp)
    journal.set_state(
        mail.SUBSCRIPTION_KEY,
        {"address": "reader@example.net", "confirmed": True, "last_sent_week": 0},
    )
    entry_id = unlocked_web.write("We planted the tulips by the gate.")
    assert unlocked_web.get(f"/entries/{entry_id}").status_code == 200
    deadline = time.monotonic() + WAIT_SECONDS
    while not mail_server.inbox.messages and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [m["Subject"] for m in mail_server.inbox.messages] == [mail.WEEKLY_SUBJECT]
    assert "tulips" not in str(mail_server.inbox.messages[0].get_payload())
