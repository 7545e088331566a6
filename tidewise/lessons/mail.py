"""The optional weekly email: "Your weekly reading is ready", nothing more.

Opt-in only, with a confirmation code (double opt-in): `subscribe` mails a code, and
nothing else is ever sent until `confirm` gets that code back. `unsubscribe` is one
step. `send_due` mails at most one note when a new reading has been released since the
last one; the CLI and the web UI call it when Tidewise runs. This is the only thing in
Tidewise that uses the network, and only after the person sets it up.

Discretion: the subject and body never name the topic, a reading's title, or anything
from the journal; someone glancing at a shared inbox sees only "Your weekly reading is
ready". The mail server settings live in the encrypted journal state; the password comes
only from the TIDEWISE_SMTP_PASSWORD environment variable and is never stored.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from tidewise.errors import InputError, MailError, UsageError
from tidewise.lessons.model import StateStore, unlocked_count

if TYPE_CHECKING:
    from email.message import EmailMessage

SMTP_KEY = "mail.smtp"
SUBSCRIPTION_KEY = "mail.subscription"
PASSWORD_ENV = "TIDEWISE_SMTP_PASSWORD"  # noqa: S105 (a variable name, not a password)
CODE_LIFETIME = timedelta(hours=48)
SEND_TIMEOUT_SECONDS = 20
WEEKLY_SUBJECT = "Your weekly reading is ready"
CONFIRM_SUBJECT = "Your confirmation code"
_ADDRESS = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    starttls: bool = True
    user: str | None = None
    from_address: str = ""

    @classmethod
    def from_state(cls, raw: Any) -> SmtpSettings | None:
        if not isinstance(raw, dict) or not raw.get("host"):
            return None
        return cls(
            host=str(raw["host"]),
            port=int(raw.get("port", 587)),
            starttls=bool(raw.get("starttls", True)),
            user=str(raw["user"]) if raw.get("user") else None,
            from_address=str(raw.get("from_address") or ""),
        )


def check_address(address: str) -> str:
    address = address.strip()
    if not _ADDRESS.fullmatch(address) or len(address) > 254:
        msg = "That does not look like an email address."
        raise InputError(msg)
    return address


def configure(store: StateStore, smtp: SmtpSettings) -> None:
    """Save the mail server settings (never a password)."""
    check_address(smtp.from_address)
    if not smtp.host.strip() or not 0 < smtp.port < 65536:
        msg = "The mail server needs a host name and a port between 1 and 65535."
        raise InputError(msg)
    store.set_state(SMTP_KEY, asdict(smtp))


def smtp_settings(store: StateStore) -> SmtpSettings | None:
    return SmtpSettings.from_state(store.get_state(SMTP_KEY))


def _subscription(store: StateStore) -> dict[str, Any]:
    raw = store.get_state(SUBSCRIPTION_KEY)
    return dict(raw) if isinstance(raw, dict) else {}


def status(store: StateStore) -> dict[str, Any]:
    """What the person may see about their subscription (never the code)."""
    sub = _subscription(store)
    return {
        "configured": smtp_settings(store) is not None,
        "address": sub.get("address"),
        "confirmed": bool(sub.get("confirmed")),
        "pending": bool(sub.get("code_hash")) and not sub.get("confirmed"),
        "last_sent_week": sub.get("last_sent_week"),
    }


def _hash_code(code: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def _message(smtp: SmtpSettings, to: str, subject: str, body: str, now: datetime) -> EmailMessage:
    # The e-mail modules load only when a note is sent: `tidewise write` checks for a due
    # note every time, and most people never turn the e-mail on.
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid

    msg = EmailMessage()
    msg["From"] = smtp.from_address
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(domain=smtp.from_address.rpartition("@")[2] or None)
    msg.set_content(body)
    return msg


def deliver(smtp: SmtpSettings, msg: EmailMessage) -> None:
    """Hand one message to the mail server; MailError (no details that could leak) on failure."""
    import smtplib
    import ssl

    password = os.environ.get(PASSWORD_ENV)
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=SEND_TIMEOUT_SECONDS) as server:
            if smtp.starttls:
                server.starttls(context=ssl.create_default_context())
            if smtp.user:
                if not password:
                    msg_0 = f"Set {PASSWORD_ENV} to the mail password, then try again."
                    raise MailError(msg_0)
                server.login(smtp.user, password)
            server.send_message(msg)
    except (smtplib.SMTPException, OSError) as err:
        raise MailError(hint=f"The mail server said: {type(err).__name__}.") from None


def _require_smtp(store: StateStore) -> SmtpSettings:
    smtp = smtp_settings(store)
    if smtp is None:
        msg = "Set up the mail server first."
        raise UsageError(
            msg,
            hint="tidewise lessons email setup --host HOST --from ADDRESS",
        )
    return smtp


def subscribe(store: StateStore, address: str, now: datetime) -> None:
    """Step one of the double opt-in: mail a six-digit code to `address`."""
    address = check_address(address)
    smtp = _require_smtp(store)
    code = f"{secrets.randbelow(1_000_000):06d}"
    salt = secrets.token_hex(8)
    body = (
        f"Your confirmation code is {code}.\n\n"
        f"To turn on the weekly note, enter it in Tidewise:\n"
        f"    tidewise lessons email confirm {code}\n\n"
        "If you did not ask for this, ignore this message and nothing more will be sent.\n"
    )
    deliver(smtp, _message(smtp, address, CONFIRM_SUBJECT, body, now))
    store.set_state(
        SUBSCRIPTION_KEY,
        {
            "address": address,
            "confirmed": False,
            "code_hash": _hash_code(code, salt),
            "salt": salt,
            "code_sent": now.isoformat(),
        },
    )


def confirm(store: StateStore, code: str, now: datetime) -> str:
    """Step two: the code that was mailed turns the weekly note on. Returns the address."""
    sub = _subscription(store)
    if not sub.get("code_hash") or sub.get("confirmed"):
        msg = "There is no code waiting; subscribe first."
        raise UsageError(msg)
    if now - datetime.fromisoformat(str(sub["code_sent"])) > CODE_LIFETIME:
        msg = "That code has expired; subscribe again for a new one."
        raise InputError(msg)
    given = _hash_code(code.strip(), str(sub["salt"]))
    if not hmac.compare_digest(given, str(sub["code_hash"])):
        msg = "That code does not match the one we sent."
        raise InputError(msg)
    released = unlocked_count(store.started, now)
    store.set_state(
        SUBSCRIPTION_KEY,
        {
            "address": sub["address"],
            "confirmed": True,
            "confirmed_at": now.isoformat(),
            # This week's reading is already open to them; the next note is for the next one.
            "last_sent_week": released,
            "last_sent_at": None,
        },
    )
    return str(sub["address"])


def unsubscribe(store: StateStore) -> bool:
    """Stop every email at once; forget the address. True if there was one."""
    had = bool(_subscription(store))
    store.set_state(SUBSCRIPTION_KEY, None)
    return had


def weekly_body(week: int) -> str:
    """The whole weekly note: no title, no topic, nothing from the journal."""
    return (
        "A new reading is ready for you.\n\n"
        f"Open Tidewise on your own computer to read it (reading {week}):\n"
        f"    tidewise lessons read {week}\n\n"
        "To stop these notes: tidewise lessons email unsubscribe\n"
    )


def note_due(store: StateStore, now: datetime) -> int | None:
    """The reading whose weekly note is due at `now`, or None; reads state, sends nothing.

    Due means: subscribed and confirmed, the mail server set up, and a reading released
    after the last note. Several missed weeks give one note for the newest reading."""
    sub = _subscription(store)
    if not sub.get("confirmed") or smtp_settings(store) is None:
        return None
    released = unlocked_count(store.started, now)
    return released if released > int(sub.get("last_sent_week") or 0) else None


def send_due(store: StateStore, now: datetime) -> int | None:
    """Send the weekly note if one is due (`note_due`); the reading's number, or None."""
    released = note_due(store, now)
    smtp = smtp_settings(store)
    if released is None or smtp is None:
        return None
    sub = _subscription(store)
    deliver(smtp, _message(smtp, str(sub["address"]), WEEKLY_SUBJECT, weekly_body(released), now))
    store.set_state(
        SUBSCRIPTION_KEY, sub | {"last_sent_week": released, "last_sent_at": now.isoformat()}
    )
    return released
