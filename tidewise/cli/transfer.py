"""`tidewise import` and `tidewise export`: thin commands over tidewise/transfer.py.

Progress and the summary go to stderr; an export goes to stdout unless `--out`
names a file or folder (written atomically, never over an existing file). Exports
are plain files unless `--encrypt` seals them with an export passphrase
(TIDEWISE_EXPORT_PASSPHRASE for scripts).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from tidewise.cli import app, session
from tidewise.cli.console import say
from tidewise.errors import UsageError
from tidewise.plural import counted

if TYPE_CHECKING:
    from tidewise.transfer import ImportSummary

EXPORT_PASSPHRASE_ENV = "TIDEWISE_EXPORT_PASSPHRASE"  # noqa: S105 (a variable name)
NOT_ENCRYPTED = (
    "Note: this export is not encrypted. Anyone who opens the file can read it; "
    "keep it somewhere private and delete it when you are done (or use --encrypt)."
)


def parse_mood_map(value: str | None) -> dict[str, int]:
    """`so-so=3,numb=2` -> {"so-so": 3, "numb": 2}; scores 1 (worst) to 5 (best)."""
    mapping: dict[str, int] = {}
    for part in (value or "").split(","):
        if not part.strip():
            continue
        label, sep, score = part.rpartition("=")
        if not sep or not label.strip() or not score.strip().isdigit():
            msg = "--mood-map takes LABEL=SCORE pairs, like so-so=3,numb=2."
            raise UsageError(msg)
        if not 1 <= int(score) <= 5:
            msg = "Mood scores in --mood-map go from 1 (worst) to 5 (best)."
            raise UsageError(msg)
        mapping[label.strip().lower()] = int(score)
    return mapping


@contextlib.contextmanager
def progress_bar(label: str, file: TextIO | None = None) -> Iterator[Callable[[int, int], None]]:
    """A progress callback drawing a bar (on stderr), made when the total is first known."""
    with contextlib.ExitStack() as stack:
        bars: list[Any] = []

        def progress(done: int, total: int) -> None:
            if total <= 0:
                return
            if not bars:
                bar = typer.progressbar(length=total, label=label, file=file or sys.stderr)
                bars.append(stack.enter_context(bar))
            bars[0].update(max(0, done - bars[0].pos))

        yield progress


def _say_summary(summary: ImportSummary) -> None:
    from tidewise.records import Unread

    say(
        f"Imported {counted(summary.imported, 'entry')} ({summary.format}); "
        f"{summary.skipped} {'was' if summary.skipped == 1 else 'were'} already in the journal "
        "and skipped."
    )
    if summary.dropped_fields:
        say("Left out and never stored: " + ", ".join(summary.dropped_fields) + ".")
    for note in summary.notes:
        say(f"Note: {note}.")
    if summary.imported and summary.unread == Unread.ASKED:
        say("Not analysed yet; run `tidewise reanalyze` when you want the analysis.")
    elif summary.imported and summary.unread == Unread.NO_READER:
        say("The analysis is not available on this install; the entries are saved without it.")


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The file (or notes folder) to import.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="The format, when it cannot be guessed.")
    ] = None,
    zone: Annotated[
        str | None, typer.Option("--zone", help="IANA time zone for sources without one.")
    ] = None,
    mood_map: Annotated[
        str | None, typer.Option("--mood-map", help="Scores for renamed moods: so-so=3,numb=2.")
    ] = None,
    time_format: Annotated[
        str | None, typer.Option("--time-format", help="jrnl's timeformat, e.g. '%Y-%m-%d %H:%M'.")
    ] = None,
    no_analysis: Annotated[
        bool, typer.Option("--no-analysis", help="Import now, analyse later.")
    ] = False,
) -> None:
    """Import entries from Daylio, jrnl, Day One, a notes folder or a Tidewise export.

    All or nothing: a broken file changes nothing, and importing a file twice adds
    nothing the second time.

    Example: tidewise import daylio_export.csv --zone Europe/London --mood-map so-so=3
    """
    from tidewise.clock import system_zone, zone_info
    from tidewise.formats.base import ImportOptions
    from tidewise.formats.sealed import TidewiseEncryptedImporter
    from tidewise.records import Analysis
    from tidewise.transfer import import_file, importer_for

    if zone is not None and zone_info(zone) is None:
        msg = "--zone takes an IANA time zone name, like Europe/London or America/Chicago."
        raise UsageError(msg)
    importer = importer_for(file, fmt)
    secret = None
    if importer.name == TidewiseEncryptedImporter.name:
        secret = session.passphrase("Export passphrase", env=EXPORT_PASSPHRASE_ENV)
    options = ImportOptions(
        zone=zone or system_zone(),
        mood_map=parse_mood_map(mood_map),
        time_format=time_format,
        passphrase=secret,
    )
    with session.opened(ctx) as journal, progress_bar("Importing") as progress:
        summary = import_file(
            journal,
            file,
            fmt=importer.name,
            options=options,
            progress=progress,
            analysis=Analysis.OFF if no_analysis else Analysis.IF_AVAILABLE,
        )
    _say_summary(summary)


def _export_passphrase() -> str:
    value = os.environ.get(EXPORT_PASSPHRASE_ENV)
    if value:
        return value
    say("Choose a passphrase for this export (not your journal passphrase, ideally).")
    answer: str = typer.prompt(
        "Export passphrase", hide_input=True, confirmation_prompt=True, err=True
    )
    return answer


@app.command("export")
def export_(
    ctx: typer.Context,
    fmt: Annotated[
        str, typer.Option("--format", help="json, markdown, csv or csv-sentences.")
    ] = "json",
    out_file: Annotated[
        str | None,
        typer.Option(
            "--out",
            help="Write to this file, or into this folder (a path ending in '/' is a folder, "
            "made if missing); '-' is stdout.",
        ),
    ] = None,
    since: Annotated[str | None, typer.Option("--from", help="From this date.")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Up to this date.")] = None,
    encrypt: Annotated[
        bool, typer.Option("--encrypt", help="Seal the export with its own passphrase.")
    ] = False,
) -> None:
    """Export entries: JSON (lossless, importable again), Markdown or CSV.

    Example: tidewise export --format markdown --out notes.md --from 2024-01-01
    """
    from tidewise.durable import new_file
    from tidewise.formats import get_exporter
    from tidewise.transfer import default_export_name, export

    get_exporter(fmt)  # an unknown format fails before the passphrase prompt
    start = session.parse_when(since, role="from") if since else None
    end = session.parse_when(until, end_of_day=True, role="to") if until else None
    secret = _export_passphrase() if encrypt else None
    target = None if out_file is None or out_file == "-" else Path(out_file).expanduser()
    if target is not None and (out_file or "").endswith(("/", os.sep)):
        _make_private_folder(target)
    if target is not None and target.is_dir():
        target = target / default_export_name(fmt, sealed=encrypt)
    options: dict[str, Any] = {"since": start, "until": end, "passphrase": secret}
    with session.opened(ctx) as journal:
        if target is None:
            count = export(journal, fmt, sys.stdout, **options)
            sys.stdout.flush()
            written = None
        else:
            with new_file(target, scratch=journal.scratch_dir()) as made:
                stream = io.TextIOWrapper(made.stream, encoding="utf-8", newline="")
                count = export(journal, fmt, stream, **options)
                stream.detach()  # flushes into the file, which new_file fsyncs and names
            written = made.path
            journal.note_copy("export", written)  # `erase` offers to remove it later
    where = "standard output" if written is None else str(written)
    sealed = "encrypted with the export passphrase" if encrypt else "not encrypted"
    say(f"Exported {counted(count, 'entry')} ({fmt}) to {where}, {sealed}.")
    if written is not None and target is not None and written != target:
        say(f"A file named {target.name} was already there; it was kept as it was.")
    if not encrypt:
        say(NOT_ENCRYPTED)


def _make_private_folder(folder: Path) -> None:
    """A folder for the export, made if missing; folders made here are private (0700)."""
    if folder.is_dir():
        return
    if folder.exists():
        msg = "That --out path ends in '/' but is a file, not a folder."
        raise UsageError(msg)
    missing = [folder, *(p for p in folder.parents if not p.exists())]
    try:
        for made in reversed(missing):
            made.mkdir(mode=0o700)
            made.chmod(0o700)  # mkdir's mode is narrowed by the umask, never widened
    except OSError:
        msg = "The folder for the export could not be made (may you write there?)."
        raise UsageError(msg) from None
