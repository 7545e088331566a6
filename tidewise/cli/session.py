"""Opening the journal from the command line: where it is, the passphrase, dates.

Every command module opens the journal through `opened(ctx)`, so the passphrase
prompt, TIDEWISE_PASSPHRASE and the "no journal here" check behave the same
everywhere.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from tidewise.errors import NoJournalError
from tidewise.settings import PASSPHRASE_ENV, Settings

if TYPE_CHECKING:
    from tidewise.journal import Journal
    from tidewise.unlocking import EarlyUnlock

# Commands that unlock the journal with the current passphrase.
_UNLOCKING = frozenset(
    {"write", "list", "show", "search", "edit", "delete", "backup", "erase", "star", "unstar"}
)
_EARLY: list[EarlyUnlock] = []


def start_early_unlock(argv: list[str]) -> None:
    """Start Argon2id in a thread while Typer starts up, for scripted commands.

    Argon2id (about 150 ms) is most of a command's cost and Typer's own start-up about
    100 ms more; argon2-cffi releases the GIL, so on two cores they overlap. Only when
    the passphrase comes from TIDEWISE_PASSPHRASE and the command line plainly names an
    unlocking command; `Journal.open` uses the result only for the same header and
    passphrase, so a guess that misses costs nothing but the thread.
    """
    passphrase = os.environ.get(PASSPHRASE_ENV)
    args = argv[1:]
    journal: str | None = None
    while args and args[0].startswith("--"):
        if args[0] == "--journal" and len(args) > 1:
            journal, args = args[1], args[2:]
        elif args[0].startswith("--journal="):
            journal, args = args[0].split("=", 1)[1], args[1:]
        elif args[0] == "--debug":
            args = args[1:]
        else:
            return
    if not passphrase or not args or args[0] not in _UNLOCKING or "--help" in args:
        return
    from tidewise.unlocking import start_early_unlock

    early = start_early_unlock(Settings.resolve(Path(journal) if journal else None), passphrase)
    if early is not None:
        _EARLY.append(early)


def settings_for(ctx: typer.Context) -> Settings:
    journal = ctx.obj.get("journal") if isinstance(ctx.obj, dict) else None
    return Settings.resolve(journal)


def passphrase(prompt: str = "Passphrase", *, confirm: bool = False, env: str = "") -> str:
    value = os.environ.get(env or PASSPHRASE_ENV)
    if value:
        return value
    answer: str = typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm, err=True)
    return answer


@contextlib.contextmanager
def opened(ctx: typer.Context) -> Iterator[Journal]:
    from tidewise.journal import Journal

    settings = settings_for(ctx)
    if not Journal.exists(settings):
        raise NoJournalError  # before asking for a passphrase that could open nothing
    early = _EARLY.pop() if _EARLY else None
    journal = Journal.open(settings, passphrase(), early=early)
    try:
        yield journal
    finally:
        journal.close()


def parse_when(value: str, *, end_of_day: bool = False, role: str = "date") -> datetime:
    """A date from the command line, ISO or in words; one typed in words is said back.

    `role` ("date", "from" or "to") words that note, so the person can check what was
    understood before trusting a dated entry or a list. With `end_of_day` the answer is
    where a period ending on that date stops: the next midnight for a day alone.
    """
    from tidewise.cli.console import say
    from tidewise.cli.dates import is_iso, understand

    found = understand(value, end_of_day=end_of_day)
    if not is_iso(value):
        lead, day_note = _ROLE_WORDS.get(role, _ROLE_WORDS["date"])
        say(f"{lead} {found.words()}{'' if found.has_time else day_note}.")
    return found.period_end() if end_of_day else found.moment


# For each role: how the note starts, and what it adds when no time of day was given.
_ROLE_WORDS = {
    "date": ("Date understood:", " (the day alone, no time)"),
    "from": ("From:", " (from the start of that day)"),
    "to": ("Up to:", " (to the end of that day)"),
}
