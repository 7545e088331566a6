"""`tidewise lessons`: the weekly readings, progress, and the optional weekly email.

    tidewise lessons [--json]            list: unlocked, locked or completed
    tidewise lessons read N [--json]     print a reading (locked ones too, on request)
    tidewise lessons done N              mark a reading as done
    tidewise lessons sources [--json]    where the figures quoted in the readings come from
    tidewise lessons email setup|subscribe|confirm|unsubscribe|send-due|status

Thin: the work is in tidewise/lessons/. Reading commands also send a due weekly note
(best effort) so the email goes out when Tidewise runs.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated

import typer

from tidewise.cli import app, session
from tidewise.cli.console import out, say
from tidewise.errors import MailError

if TYPE_CHECKING:
    from tidewise.journal import Journal

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")]
Week = Annotated[int, typer.Argument(help="The reading's number (1, 2, 3...).", min=1)]

lessons_app = typer.Typer(
    help="The weekly readings: one unlocks each week; all can be read on request.",
    no_args_is_help=False,
    invoke_without_command=True,
)
email_app = typer.Typer(help="The optional weekly email (opt-in, discreet, one-step unsubscribe).")
lessons_app.add_typer(email_app, name="email")
app.add_typer(lessons_app, name="lessons")


def _now() -> datetime:
    return datetime.now(UTC)


def _send_due_quietly(journal: Journal) -> None:
    """The weekly note goes out when Tidewise runs; a mail problem never blocks reading."""
    from tidewise.lessons.mail import send_due

    try:
        week = send_due(journal, _now())
    except MailError:
        say("(The weekly email could not be sent this time; reading works as usual.)")
        return
    if week is not None:
        say(f"Sent the weekly note for reading {week}.")


@lessons_app.callback()
def lessons_list(ctx: typer.Context, as_json: AsJson = False) -> None:
    """List the readings with their state: unlocked, locked (with its date) or completed."""
    if ctx.invoked_subcommand is not None:
        return
    from tidewise.lessons.model import statuses

    with session.opened(ctx) as journal:
        rows = statuses(journal, _now())
        _send_due_quietly(journal)
    if as_json:
        out(json.dumps([row.to_dict() for row in rows], ensure_ascii=False, indent=2))
        return
    for row in rows:
        when = "" if row.unlocked else f"  (opens {row.unlocks_at.date().isoformat()})"
        out(f"{row.lesson.week:>2}  {row.state:<9}  {row.lesson.title}{when}")


@lessons_app.command("read")
def lessons_read(ctx: typer.Context, week: Week, as_json: AsJson = False) -> None:
    """Print a reading and note that you opened it."""
    from tidewise.lessons.model import open_lesson

    with session.opened(ctx) as journal:
        row = open_lesson(journal, week, _now())
        _send_due_quietly(journal)
    lesson = row.lesson
    if as_json:
        out(
            json.dumps(row.to_dict() | lesson.to_dict(with_body=True), ensure_ascii=False, indent=2)
        )
        return
    if not row.unlocked:
        say(f"This reading opens on {row.unlocks_at.date().isoformat()}; here it is early.")
    out(f"{lesson.title}\n\n{lesson.summary}\n")
    out(rendered_markdown(lesson.body))
    say(f"When you are ready: tidewise lessons done {week}")


READING_WIDTH = 88  # lines longer than this are hard to read, however wide the terminal


def rendered_markdown(text: str) -> str:
    """Markdown as a terminal shows it (headings, emphasis, lists), through rich.

    Styled only on a terminal; piped into a file or another program it is plain text.
    rich pads every line to the full width, so the padding is trimmed.
    """
    import sys

    from rich.console import Console
    from rich.markdown import Markdown

    console = Console(file=sys.stdout, highlight=False)
    console.width = min(console.width, READING_WIDTH)
    with console.capture() as captured:
        console.print(Markdown(text))
    return "\n".join(line.rstrip() for line in captured.get().splitlines())


@lessons_app.command("sources")
def lessons_sources(as_json: AsJson = False) -> None:
    """Where each figure quoted in the readings comes from. No journal needed.

    Example: tidewise lessons sources
    """
    from tidewise.lessons.sources import render, sources

    if as_json:
        out(json.dumps([s.to_dict() for s in sources()], ensure_ascii=False, indent=2))
        return
    out(render().rstrip("\n"))


@lessons_app.command("done")
def lessons_done(ctx: typer.Context, week: Week) -> None:
    """Mark a reading as done (the first time counts)."""
    from tidewise.lessons.model import complete_lesson

    with session.opened(ctx) as journal:
        row = complete_lesson(journal, week, _now())
    day = row.completed.date().isoformat() if row.completed else "today"
    say(f"Reading {week} marked done on {day}.")


# ---- the weekly email ---------------------------------------------------------------------


@email_app.command("setup")
def email_setup(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Your mail server (SMTP) host.")],
    from_address: Annotated[str, typer.Option("--from", help="The sender address.")],
    port: Annotated[int, typer.Option("--port", help="SMTP port.")] = 587,
    starttls: Annotated[
        bool, typer.Option("--starttls/--no-starttls", help="Use STARTTLS.")
    ] = True,
    user: Annotated[
        str | None, typer.Option("--user", help="Login name, if the server needs one.")
    ] = None,
) -> None:
    """Save the mail server settings in the journal. The password is read only from
    TIDEWISE_SMTP_PASSWORD when mail is sent; it is never stored."""
    from tidewise.lessons.mail import SmtpSettings, configure

    with session.opened(ctx) as journal:
        configure(journal, SmtpSettings(host, port, starttls, user, from_address))
    say("Mail settings saved. Next: tidewise lessons email subscribe ADDRESS")


@email_app.command("subscribe")
def email_subscribe(
    ctx: typer.Context, address: Annotated[str, typer.Argument(help="Where to send the note.")]
) -> None:
    """Send a confirmation code to ADDRESS (nothing else is sent until you confirm)."""
    from tidewise.lessons.mail import subscribe

    with session.opened(ctx) as journal:
        subscribe(journal, address, _now())
    say("A confirmation code is on its way. Then: tidewise lessons email confirm CODE")


@email_app.command("confirm")
def email_confirm(
    ctx: typer.Context, code: Annotated[str, typer.Argument(help="The code from the email.")]
) -> None:
    """Turn the weekly note on with the code you received."""
    from tidewise.lessons.mail import confirm

    with session.opened(ctx) as journal:
        confirm(journal, code, _now())
    say("Confirmed. A short note will arrive when each new reading is ready.")


@email_app.command("unsubscribe")
def email_unsubscribe(ctx: typer.Context) -> None:
    """Stop the weekly note and forget the address. One step."""
    from tidewise.lessons.mail import unsubscribe

    with session.opened(ctx) as journal:
        had = unsubscribe(journal)
    say("Unsubscribed; no more emails will be sent." if had else "There was no subscription.")


@email_app.command("send-due")
def email_send_due(ctx: typer.Context) -> None:
    """Send the weekly note now if one is due (Tidewise also does this when it runs)."""
    from tidewise.lessons.mail import send_due

    with session.opened(ctx) as journal:
        week = send_due(journal, _now())
    say(f"Sent the note for reading {week}." if week else "Nothing is due.")


@email_app.command("status")
def email_status(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Whether the weekly note is set up, waiting for a code, or on."""
    from tidewise.lessons.mail import status

    with session.opened(ctx) as journal:
        info = status(journal)
    if as_json:
        out(json.dumps(info, ensure_ascii=False))
        return
    state = "on" if info["confirmed"] else "waiting for the code" if info["pending"] else "off"
    out(f"weekly email: {state}" + (f" ({info['address']})" if info["address"] else ""))
