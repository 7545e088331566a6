"""The reply after an entry, in the terminal: the same graded reply as the web.

Help and check-ins go to stderr (they are messages for the person; stdout stays data).
The card shows the person's own country's lines, labelled, and names the command that
lists every other country. `tidewise safety-check ENTRY ANSWER` records a check-in
answer when the prompt could not be shown (stdin was not a terminal).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from tidewise import reply_words as words
from tidewise.cli import app, session
from tidewise.cli.console import say

if TYPE_CHECKING:
    from tidewise.journal import Journal
    from tidewise.replies import GradedReply


def show_lines(reply: GradedReply) -> None:
    """The lines for this reply, labelled; the person's country first when known."""
    from tidewise.analysis.crisis import countries

    names = countries()
    say(words.EMERGENCY)
    shown = None
    for resource in reply.resources:
        if reply.country is None and resource.country != shown:
            shown = resource.country
            say(f"  {names.get(resource.country, resource.country)}")
        say(f"  - {resource.name}: {resource.contact}. {resource.offers}")
    if reply.country is None:
        say(words.NO_COUNTRY)
    else:
        say(f"{words.OTHER_COUNTRIES}: tidewise help-now --all-countries")


def show_reply(journal: Journal | None, entry_id: int, reply: GradedReply) -> None:
    """Print the reply; for a check-in on a terminal, ask and record the answer."""
    say("")
    say(reply.text)
    if reply.kind == "reflection":
        return
    if reply.kind == "check_in" and reply.answered is None:
        reply = _ask(journal, entry_id, reply)
    if reply.after_answer:
        say(reply.after_answer)
    show_lines(reply)
    say(words.CLI_HELP_NOW)
    if reply.kind == "safety":
        return
    if reply.answered is None:
        say(f"To answer later: tidewise safety-check {entry_id} safe|not-sure|not-safe")


def _ask(journal: Journal | None, entry_id: int, reply: GradedReply) -> GradedReply:
    from tidewise.replies import record_answer

    if journal is None or not sys.stdin.isatty():
        return reply
    choices = "  ".join(f"[{i}] {label}" for i, (_, label) in enumerate(reply.answers, 1))
    say(f"{choices}  (Enter to skip)")
    picked = sys.stdin.readline().strip()
    if picked not in {str(i) for i in range(1, len(reply.answers) + 1)}:
        return reply
    return record_answer(journal, entry_id, reply.answers[int(picked) - 1][0])


@app.command("safety-check")
def safety_check(
    ctx: typer.Context,
    entry_id: Annotated[int, typer.Argument(help="The entry the check-in came with.")],
    answer: Annotated[str, typer.Argument(help="safe, not-sure or not-safe.")],
) -> None:
    """Answer the "are you safe right now?" check-in that came with an entry.

    The answer is kept encrypted in your journal; it is shared with nobody.

    Example: tidewise safety-check 12 not-sure
    """
    from tidewise.replies import record_answer

    with session.opened(ctx) as journal:
        reply = record_answer(journal, entry_id, answer)
    say(reply.after_answer)
    show_lines(reply)
    say(words.CLI_HELP_NOW)
