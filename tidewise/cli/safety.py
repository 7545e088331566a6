"""`tidewise help-now` and `tidewise safety-plan`.

help-now must work in the worst moment: it prints the crisis resources at once, with no
journal and no passphrase needed. When the passphrase is available (TIDEWISE_PASSPHRASE,
or `--plan` to be asked), it also uses the country saved in the journal and shows the
person's own safety plan after the resources. It never contacts anyone.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tidewise.cli import app, session
from tidewise.cli.console import out, say
from tidewise.errors import TidewiseError
from tidewise.settings import PASSPHRASE_ENV

if TYPE_CHECKING:
    from tidewise.journal import Journal

COUNTRY_KEY = "prefs.country"
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")]

plan_app = typer.Typer(
    help="Your own safety plan, kept encrypted in your journal.", invoke_without_command=True
)
app.add_typer(plan_app, name="safety-plan")


@contextlib.contextmanager
def _journal_if_possible(ctx: typer.Context, ask: bool) -> Iterator[Journal | None]:
    """The journal when it can be opened without delay, else None (help never waits on it)."""
    from tidewise.journal import Journal

    settings = session.settings_for(ctx)
    if not Journal.exists(settings) or not (ask or os.environ.get(PASSPHRASE_ENV)):
        yield None
        return
    try:
        opened = session.opened(ctx)
        journal = opened.__enter__()
    except TidewiseError as err:
        say(f"(Could not open your journal: {err.message} Showing help without it.)")
        yield None
        return
    try:
        yield journal
    finally:
        opened.__exit__(None, None, None)


def _unknown_country_lines(typed: str) -> list[str]:
    """What to do when the country asked for has no lines in Tidewise's list yet.

    The ways to find a local line (the list's "anywhere else" entries) come first, so a
    person in a hurry does not have to scroll past every other country to reach them.
    """
    from tidewise.analysis.crisis import ELSEWHERE, select_entries

    code = typed.strip().upper()
    named = code if code.isalnum() and len(code) <= 3 else "That country"
    lines = [
        f"{named} is not in Tidewise's list of countries yet, so there are no lines for it here.",
        "To find a line where you are:",
    ]
    for entry in select_entries(country=None):
        if entry.country == ELSEWHERE and not entry.emergency:  # said on the first line
            lines.append(f"  {entry.name}: {entry.contact}")
    lines += ["The lines for every country in the list follow.", ""]
    return lines


def _render_resources(
    country: str | None, unknown: str | None = None
) -> tuple[str, list[dict[str, Any]]]:
    from tidewise.analysis.crisis import countries, select_entries

    names = countries()
    entries = select_entries(country=country)
    lines = ["If you are in danger right now, call your local emergency number.", ""]
    if unknown:
        lines += _unknown_country_lines(unknown)
    shown: str | None = None
    for entry in entries:
        if entry.country != shown:
            shown = entry.country
            lines.append(names.get(entry.country, entry.country))
        lines.append(f"  {entry.name}: {entry.contact}")
        lines.append(f"      {entry.offers}")
    lines += ["", "Tidewise has not contacted anyone. These are offers; the choice is yours."]
    return "\n".join(lines), [e.to_resource().to_dict() for e in entries]


@app.command("help-now")
def help_now(
    ctx: typer.Context,
    country: Annotated[
        str | None, typer.Option("--country", help="Your country code (US, UK, CA, AU, IE, NZ).")
    ] = None,
    plan: Annotated[
        bool, typer.Option("--plan", help="Ask for the passphrase to show your safety plan.")
    ] = False,
    remember: Annotated[
        bool, typer.Option("--remember", help="Save --country in your journal for next time.")
    ] = False,
    all_countries: Annotated[
        bool, typer.Option("--all-countries", help="Show the lines of every country.")
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Crisis lines for your country first, then your own safety plan. No journal needed.

    Example: tidewise help-now --country UK --remember
    """
    from tidewise.analysis.crisis import normalise_country
    from tidewise.lessons.safety_plan import load_plan

    chosen = normalise_country(country)
    safety_plan = None
    with _journal_if_possible(ctx, ask=plan or remember) as journal:
        if journal is not None:
            saved = journal.get_state(COUNTRY_KEY)
            if remember and chosen:
                journal.set_state(COUNTRY_KEY, chosen)
            chosen = chosen or normalise_country(str(saved) if saved else None)
            safety_plan = load_plan(journal)
    unknown = country if country and normalise_country(country) is None else None
    text, resources = _render_resources(None if all_countries else chosen, unknown)
    if as_json:
        payload = {
            "country": chosen,
            "country_not_listed": unknown is not None,
            "resources": resources,
            "safety_plan": safety_plan.to_dict() if safety_plan else None,
        }
        out(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    out(text)
    if safety_plan is not None:
        out("\n" + safety_plan.render())
    else:
        say("Your own safety plan: tidewise help-now --plan (asks for your passphrase).")


@plan_app.callback()
def plan_show(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Show your safety plan."""
    if ctx.invoked_subcommand is not None:
        return
    from tidewise.lessons.safety_plan import load_plan

    with session.opened(ctx) as journal:
        safety_plan = load_plan(journal)
    out(
        json.dumps(safety_plan.to_dict(), ensure_ascii=False, indent=2)
        if as_json
        else safety_plan.render()
    )


def _ask_section(title: str, prompt: str, current: tuple[str, ...]) -> list[str]:
    say(f"\n{title}\n  {prompt}")
    for item in current:
        say(f"  - {item}")
    say(
        "  Type one line at a time; an empty line ends. Enter '=' to keep what is there, "
        "'-' to clear it."
    )
    lines: list[str] = []
    while True:
        answer: str = typer.prompt("  ", default="", show_default=False, err=True)
        if not lines and answer.strip() == "=":
            return list(current)
        if not lines and answer.strip() == "-":
            return []
        if not answer.strip():
            return lines or list(current)
        lines.append(answer)


@plan_app.command("edit")
def plan_edit(
    ctx: typer.Context,
    home: Annotated[
        bool, typer.Option("--home", help="Edit the part for when home is not safe.")
    ] = False,
) -> None:
    """Fill in or change your safety plan, one section at a time (the other part is kept)."""
    from tidewise.lessons.safety_plan import (
        CRISIS,
        HOME,
        HOME_NOTE,
        PARTS,
        load_plan,
        save_plan,
        sections_of,
    )

    part = HOME if home else CRISIS
    with session.opened(ctx) as journal:
        current = load_plan(journal)
        chosen = sections_of(part)
        say(
            f"Your safety plan, {PARTS[part].lower()}: {len(chosen)} short sections, in your "
            "own words. It stays encrypted in your journal."
        )
        if home:
            say(HOME_NOTE)
        items = {key: list(lines) for key, lines in current.items.items()}
        items.update(
            {s.key: _ask_section(s.title, s.prompt, current.section(s.key)) for s in chosen}
        )
        save_plan(journal, items, datetime.now(UTC))
    say("Saved. See it any time with: tidewise safety-plan (or tidewise help-now --plan)")
