"""`tidewise report`: the summary for a therapist, as HTML or PDF (tidewise/report.py).

Consent first: only entries marked for sharing, or named with --share, are quoted;
otherwise the report holds figures only. The answers to "are you safe right now?" go in
only with --include-check-ins. Names and places listed with --redact and
--redact-place are replaced everywhere, and kept (encrypted, in the journal) for the
next report. Capitalised words that might be names are suggested on stderr, never
redacted or skipped on a guess. --preview prints exactly the text that would leave.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tidewise.cli import app, session
from tidewise.cli.console import out, say

if TYPE_CHECKING:
    from tidewise.reports.document import Report


def _default_name() -> Path:
    return Path(f"summary-{datetime.now():%Y-%m-%d}.html")


@app.command()
def report(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option("--from", help="First day of the period.")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Last day of the period.")] = None,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="report.html or report.pdf (default: HTML).")
    ] = None,
    share: Annotated[
        list[int] | None, typer.Option("--share", help="Quote this entry (repeat for more).")
    ] = None,
    redact: Annotated[
        list[str] | None, typer.Option("--redact", help="A name to replace with [name].")
    ] = None,
    redact_place: Annotated[
        list[str] | None, typer.Option("--redact-place", help="A place to replace with [place].")
    ] = None,
    include_safety_text: Annotated[
        bool,
        typer.Option("--include-safety-text", help="Show the words of flagged safety sentences."),
    ] = False,
    include_check_ins: Annotated[
        bool,
        typer.Option(
            "--include-check-ins", help="Include your answers to 'are you safe right now?'"
        ),
    ] = False,
    preview: Annotated[
        bool, typer.Option("--preview", help="Print the text that would be shared; write nothing.")
    ] = False,
) -> None:
    """Make a summary for your therapist: figures by default, quotes only if you choose.

    Writes the report and, beside it, a .json file with the same figures.

    Example: tidewise report --from 2024-01-01 --out summary.pdf --share 12 --redact Sam
    """
    from tidewise import report as use_case
    from tidewise.reports.document import ReportRequest

    target = out_file or _default_name()
    use_case.report_format(target)  # a wrong suffix fails before the passphrase prompt
    with session.opened(ctx) as journal:
        request = ReportRequest(
            since=session.parse_when(since, role="from") if since else None,
            until=session.parse_when(until, end_of_day=True, role="to") if until else None,
            share=tuple(share or ()),
            redactions=use_case.kept_redactions(
                journal, redact or [], redact_place or [], save=not preview
            ),
            include_safety_text=include_safety_text,
            include_check_ins=include_check_ins,
        )
        maybe = use_case.suggestions(journal, request)
        made = use_case.build_report(journal, request)
        if preview:
            _print_preview(made)
        else:
            written = use_case.write_report(made, target, scratch=journal.scratch_dir())
            use_case.record_report(journal, made, target)
            for path in written:
                journal.note_copy("report", path)  # `erase` offers to remove it later
    if maybe:
        say("These words in the shared text might be names or places: " + ", ".join(maybe))
        say("Nothing was changed for them; add --redact WORD or --redact-place WORD if you wish.")
    if not preview:
        quoted = [str(excerpt.entry) for excerpt in made.excerpts]
        say(f"Wrote {' and '.join(str(p) for p in written)}.")
        say(f"Entries quoted: {', '.join(quoted) if quoted else 'none (figures only)'}.")
        say("The report is not encrypted: share it the way you would share a letter.")


def _print_preview(made: Report) -> None:
    """Exactly the writer's words that the report would contain, redacted."""
    from tidewise.reports import glance

    safety = made.safety
    if not made.excerpts and not safety.text_included:
        out("No words from your entries would be shared: the report holds figures only.")
    for item in made.excerpts:
        out(f"--- entry {item.entry} · {glance.excerpt_line(item)}")
        out(item.text)
    if safety.text_included:
        for flag in safety.flags:
            out(f"--- safety flag · {flag.day.isoformat()}")
            out(" ".join(flag.sentences or ()) or "(no sentence recorded)")
    if made.safety_check_ins is not None:  # only when the person included them
        out("--- your answers to 'are you safe right now?'")
        rows = glance.check_in_rows(made)
        if not rows:
            out(glance.CHECK_INS_NONE)
        for day, asked, answer in rows:
            out(f"{day} · {asked} · {answer}")
