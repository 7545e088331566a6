"""`tidewise correct` and `tidewise corrections`: the person's own reading of sentences.

A correction names an entry, a sentence number (from 1, as `tidewise show ID` and
`show ID --json` number them) and a label. The journal keeps it encrypted, reads the
entry again as the person said, and fits its personal reader on all corrections.
Bad JSON Lines are refused by line number, never quoted (a line holds someone's words),
and nothing from a file with a bad line is applied.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from tidewise.cli import app, session
from tidewise.cli.console import out, say
from tidewise.corrections import CHOICES, CorrectionProblems, Request, title_of
from tidewise.errors import InputError, UsageError
from tidewise.plural import counted

NOTHING_APPLIED = "Nothing was applied."
NO_CORRECTIONS = "No corrections given."
EITHER = "Give either ID N LABEL or --jsonl FILE, not both."
GIVE = "Give ID N LABEL, for example: tidewise correct 12 3 withdrawing"
UNDO_OR_FORGET = "Give --undo ID or --forget-all, not both."
UNREADABLE = "That file could not be read."
LABEL_HELP = "One of: " + ", ".join(CHOICES) + " (or the names the app shows, in quotes)."


@app.command()
def correct(
    ctx: typer.Context,
    entry_id: Annotated[int | None, typer.Argument(help="The entry's id.")] = None,
    sentence: Annotated[int | None, typer.Argument(help="The sentence's number, from 1.")] = None,
    label: Annotated[str | None, typer.Argument(help=LABEL_HELP)] = None,
    jsonl: Annotated[
        str | None,
        typer.Option("--jsonl", help='A file (or - for stdin) of {"entry", "sentence", "label"}.'),
    ] = None,
) -> None:
    """Say what a sentence really was; the journal's reader learns from it, on this device.

    Example: tidewise correct 12 3 withdrawing
    """
    if jsonl is not None:
        if entry_id is not None or sentence is not None or label is not None:
            raise UsageError(EITHER)
        requests: list[Request] = list(_requests_from(_jsonl_text(jsonl)))
    elif entry_id is None or sentence is None or label is None:
        raise UsageError(GIVE)
    else:
        requests = [Request(entry_id, sentence, label)]
    with session.opened(ctx) as journal:
        try:
            done = journal.correct(requests)
        except CorrectionProblems as err:
            if jsonl is None:
                raise
            for index, message in err.problems:
                say(f"tidewise: line {getattr(requests[index], 'line', 0)}: {message}")
            raise InputError(NOTHING_APPLIED) from None
        stale = journal.stale_readings()
    if jsonl is None and done:
        said = done[0]
        say(f"Entry {said.entry_id}, sentence {said.sentence}: now {title_of(said.label)}.")
    else:
        say(f"Applied {counted(len(done), 'correction')}.")
    if stale:
        say(
            f"{stale} other entr{'ies were' if stale != 1 else 'y was'} read before this; "
            "`tidewise reanalyze` reads them again with what you taught it."
        )


@app.command()
def corrections(
    ctx: typer.Context,
    undo: Annotated[int | None, typer.Option("--undo", help="Take back correction ID.")] = None,
    forget_all: Annotated[
        bool, typer.Option("--forget-all", help="Forget every correction.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List what Tidewise has learned from you; take one back, or forget them all.

    Example: tidewise corrections --undo 4
    """
    with session.opened(ctx) as journal:
        if undo is not None and forget_all:
            raise UsageError(UNDO_OR_FORGET)
        if undo is not None:
            removed = journal.undo_correction(undo)
            say(f"Took back correction {removed.id}; entry {removed.entry_id} reads as before.")
            return
        if forget_all:
            count = journal.forget_corrections()
            say(f"Forgot {counted(count, 'correction')}.")
            return
        found = journal.corrections()
    if as_json:
        out(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=2))
        return
    for c in found:
        out(
            f"{c.id:>4}  {c.created:%Y-%m-%d}  entry {c.entry_id} · {c.sentence}: "
            f"{title_of(c.was)} → {title_of(c.label)}  {c.text.strip()}"
        )
    if not found:
        say("No corrections yet. `tidewise show ID` numbers an entry's sentences.")


@dataclass(frozen=True)
class _Numbered(Request):
    """A request remembering its line in the file, for messages."""

    line: int = 0


def _jsonl_text(source: str) -> str:
    if source == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        data = buffer.read() if buffer is not None else sys.stdin.read().encode()
        return bytes(data).decode("utf-8", errors="replace")
    try:
        return Path(source).read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise InputError(UNREADABLE) from err


def _requests_from(text: str) -> list[_Numbered]:
    """Every line parsed, or every bad line named (by number) and nothing returned."""
    found: list[_Numbered] = []
    bad: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        request = _parsed(line, number)
        if request is None:
            bad.append(number)
        else:
            found.append(request)
    for number in bad:
        say(
            f'tidewise: line {number}: expected {{"entry": ID, "sentence": N, "label": LABEL}} '
            "with whole numbers."
        )
    if bad:
        raise InputError(NOTHING_APPLIED)
    if not found:
        raise InputError(NO_CORRECTIONS)
    return found


def _parsed(line: str, number: int) -> _Numbered | None:
    try:
        item = json.loads(line)
    except json.JSONDecodeError:
        return None
    if not isinstance(item, dict):
        return None
    entry, sentence, label = item.get("entry"), item.get("sentence"), item.get("label")
    if not _whole(entry) or not _whole(sentence) or not isinstance(label, str):
        return None
    return _Numbered(entry, sentence, label, number)  # type: ignore[arg-type]


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
