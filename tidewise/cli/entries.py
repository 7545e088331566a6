"""Entry commands: init, write, list, show, search, edit, delete, passwd, backup,
restore, erase, demo, reanalyze. Thin: parse, call the Journal facade, print.

Data (ids, entries, JSON) goes to stdout; messages go to stderr, and never carry entry
text. Entry text comes from the argument, stdin or an in-process prompt: never an
external editor and its temp files. The passphrase comes from a hidden prompt, or
TIDEWISE_PASSPHRASE for scripts. Only light modules are imported at the top so that
`tidewise --help` stays fast; the store (sqlcipher3) loads inside the commands.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tidewise.cli import app, session
from tidewise.cli.console import out, say
from tidewise.errors import InputError, JournalExistsError, NoJournalError
from tidewise.plural import counted

if TYPE_CHECKING:
    from tidewise.records import CheckIn, Entry, SourceMood

NEW_PASSPHRASE_ENV = "TIDEWISE_NEW_PASSPHRASE"  # noqa: S105 (a variable name)
PREVIEW_CHARS = 60

Closeness = Annotated[
    int | None, typer.Option("--closeness", help="How close you feel to your partner, -3..3.")
]
ShameOpt = Annotated[int | None, typer.Option("--shame", help="How much shame you feel, 0..10.")]
Tags = Annotated[list[str] | None, typer.Option("--tag", help="A tag; repeat for more.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")]


def _read_text(prompt: str) -> str:
    """All of stdin; on a terminal, an in-process prompt ended by Ctrl-D."""
    if sys.stdin.isatty():
        say(prompt)
    return sys.stdin.read().rstrip()


def _read_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").rstrip()
    except OSError as err:
        message = "That file could not be read."
        raise InputError(message) from err


def _checkin(closeness: int | None, shame: int | None, base: CheckIn | None = None) -> CheckIn:
    from tidewise.records import CheckIn

    return CheckIn(
        closeness if closeness is not None else (base.closeness if base else None),
        shame if shame is not None else (base.shame if base else None),
    )


def _phase_title(phase: str) -> str:
    from tidewise.cycle.labels import title

    return title(phase)


def _summary(entry: Entry) -> str:
    analysis = entry.analysis
    if analysis is None:
        return f"Saved entry {entry.id} (not analysed; `tidewise reanalyze` can do it later)."
    shame = analysis.shame
    return (
        f"Saved entry {entry.id}. Phase: {_phase_title(analysis.phase)}; "
        f"movement: {analysis.movement}; shame for reaching {shame.attachment:.0%}, "
        f"shame from the rupture {shame.disconnection:.0%}."
    )


def entry_dict(entry: Entry) -> dict[str, Any]:
    """The JSON form of an entry printed by list/show/search --json."""
    return {
        "id": entry.id,
        "created": entry.created.isoformat(),
        "updated": entry.updated.isoformat(),
        "time_zone": entry.time_zone,
        "zone_assumed": entry.zone_assumed,
        "text": entry.text,
        "closeness": entry.checkin.closeness if entry.checkin else None,
        "shame": entry.checkin.shame if entry.checkin else None,
        "tags": list(entry.tags),
        "starred": entry.starred,
        "shared": entry.shared,
        "import_key": entry.import_key,
        "source_mood": (
            None
            if entry.source_mood is None
            else {"label": entry.source_mood.label, "score": entry.source_mood.score}
        ),
        "analysis": entry.analysis.to_dict() if entry.analysis else None,
    }


def _print_entries(entries: list[Entry], as_json: bool) -> None:
    if as_json:
        out(json.dumps([entry_dict(e) for e in entries], ensure_ascii=False, indent=2))
        return
    for entry in entries:
        phase = _phase_title(entry.analysis.phase) if entry.analysis else "-"
        first_line = entry.text.strip().splitlines()[0] if entry.text.strip() else ""
        preview = first_line[:PREVIEW_CHARS] + ("…" if len(first_line) > PREVIEW_CHARS else "")
        star = "★" if entry.starred else " "
        out(f"{entry.id:>5}  {entry.created:%Y-%m-%d %H:%M}  {phase:<22} {star} {preview}")
    if not entries:
        say("No entries.")


def _print_entry(entry: Entry) -> None:
    out(f"Entry {entry.id} · {entry.created:%A %Y-%m-%d %H:%M} ({entry.time_zone})")
    if entry.checkin:
        parts = [("closeness", entry.checkin.closeness), ("shame", entry.checkin.shame)]
        out(
            "Check-in: "
            + ", ".join(f"{name} {value}" for name, value in parts if value is not None)
        )
    if entry.source_mood is not None:
        out(_mood_line(entry.source_mood, entry.import_key))
    if entry.tags:
        out("Tags: " + ", ".join(entry.tags))
    if entry.starred:
        out("Starred")
    out("")
    out(entry.text)
    out("")
    if entry.analysis:
        a = entry.analysis
        # The entry's own reading; `tidewise tide` reads it with the entries around it.
        out(
            f"Phase of this entry on its own: {_phase_title(a.phase)} · "
            f"movement: {a.movement} · distancing: {a.distancing}"
        )
        for voice in a.shame_voice:
            out(f"  shame voice: {voice.strip()}")


def _mood_line(mood: SourceMood, import_key: str | None) -> str:
    """Another app's mood, shown as that app's: never read as closeness or shame."""
    app_name = "Daylio" if (import_key or "").startswith("daylio:") else "the app it came from"
    return f"Mood in {app_name}: {mood.label} ({mood.score} of 5)"


# ---- commands ---------------------------------------------------------------------------


@app.command()
def init(
    ctx: typer.Context,
    country: Annotated[
        str | None,
        typer.Option("--country", help="Your country for help lines (US, UK, CA, AU, IE, NZ)."),
    ] = None,
) -> None:
    """Create a new encrypted journal. Asks for your country for help lines (skippable).

    Example: tidewise init --country UK
    """
    from tidewise.analysis.crisis import normalise_country
    from tidewise.journal import Journal
    from tidewise.replies import save_country

    settings = session.settings_for(ctx)
    if Journal.exists(settings):
        raise JournalExistsError
    if country is not None and normalise_country(country) is None:
        message = "Unknown country code; use one of US, UK, CA, AU, IE, NZ."
        raise InputError(message)
    journal = Journal.create(settings, session.passphrase("Choose a passphrase", confirm=True))
    try:
        if country is None and sys.stdin.isatty():
            say("Your country, so help lines for it come first (US, UK, CA, AU, IE, NZ);")
            say("Enter skips. To change it: tidewise help-now --country XX --remember")
            country = sys.stdin.readline().strip()
        with contextlib.suppress(InputError):
            save_country(journal, country)
    finally:
        journal.close()
    say(f"Created an encrypted journal in {settings.home}.")
    say("Keep the passphrase safe: without it nobody, not even Tidewise, can read the journal.")


@app.command()
def write(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(
            help="The entry. Better left out: an argument stays in shell history and the "
            "process list. Without it, type at the prompt, pipe it in, or use --file."
        ),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the entry from this file.")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="When: 2024-05-01, 2024-05-01T21:30, yesterday, 'today 9pm', '3 days ago'.",
        ),
    ] = None,
    closeness: Closeness = None,
    shame: ShameOpt = None,
    tag: Tags = None,
    no_analysis: Annotated[
        bool, typer.Option("--no-analysis", help="Save without analysing.")
    ] = False,
    star: Annotated[bool, typer.Option("--star", help="Star the entry.")] = False,
) -> None:
    """Write an entry: type it at the prompt (end with Ctrl-D), or use --file. Prints its id.

    Examples: tidewise write --closeness 1 --tag walk   (then type, and Ctrl-D)
              tidewise write --file today.txt
    """
    from tidewise.journal import Journal
    from tidewise.records import Analysis
    from tidewise.writing import after_write

    # Every option is checked before any thread starts: a bad date ends the command
    # while the process has only its main thread.
    created = session.parse_when(date) if date else None
    checkin = _checkin(closeness, shame)
    tags = Journal.clean_tags(tag or ())
    if text is not None and file is not None:
        message = "Give the entry as text or with --file, not both."
        raise InputError(message)
    warming = None
    if not no_analysis:
        from tidewise.analysis.engine import warm_up

        warming = warm_up()  # load the model in the background while the key is derived
    try:
        if text is not None:
            from tidewise.reply_words import SHELL_HISTORY_WARNING

            say(SHELL_HISTORY_WARNING)
            body = text
        elif file is not None:
            body = _read_file(file)
        else:
            body = _read_text("Write your entry; end with Ctrl-D on its own line.")
        with session.opened(ctx) as journal:
            reading = Analysis.OFF if no_analysis else Analysis.IF_AVAILABLE
            entry = journal.write(
                body, created=created, checkin=checkin, tags=tags, starred=star, analysis=reading
            )
            _say_unread(entry)
            after = after_write(journal, entry)
            reply = after.reply
            out(str(entry.id))
            if reply is not None and reply.kind != "reflection":
                from tidewise.cli.reply_view import show_reply

                show_reply(journal, entry.id, reply)  # help and check-ins come before figures
                say("")
            if after.note_failed():
                say("The weekly reading e-mail could not be sent; it will be tried next time.")
    finally:
        if warming is not None:
            # A failed command (wrong passphrase, empty text) must not exit while the model
            # loads in native code: the runtime aborts the process if a thread is cut off.
            warming.join()
    say(_summary(entry))
    if reply is not None and reply.kind == "reflection":
        say("")
        say(reply.text)


def _say_unread(saved: Entry) -> None:
    """Tell the person when the reader could not run here (never when they said not to)."""
    from tidewise.records import Unread

    if saved.unread == Unread.NO_READER:
        say("The analysis is not available on this install; the entry is saved without it.")


@app.command("list")
def list_entries(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option("--from", help="From this date.")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Up to this date.")] = None,
    tag: Annotated[str | None, typer.Option("--tag", help="Only with this tag.")] = None,
    phase: Annotated[
        str | None,
        typer.Option("--phase", help='Only this phase, as shown ("Worn out") or internal.'),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many.")] = None,
    starred: Annotated[bool, typer.Option("--starred", help="Only starred entries.")] = False,
    as_json: AsJson = False,
) -> None:
    """List entries, newest first; a star marks starred ones.

    Example: tidewise list --from 2024-05-01 --tag walk --limit 10
    """
    wanted_phase = _phase_named(phase) if phase is not None else None
    start = session.parse_when(since, role="from") if since else None
    end = session.parse_when(until, end_of_day=True, role="to") if until else None
    with session.opened(ctx) as journal:
        found = journal.entries(
            since=start,
            until=end,
            tag=tag,
            phase=wanted_phase,
            limit=limit,
            starred=True if starred else None,
        )
    _print_entries(found, as_json)


def _phase_named(name: str) -> str:
    """The internal name of the phase a person typed, or an InputError listing the choices."""
    from tidewise.cycle.labels import LABEL_TITLES, label_named

    label = label_named(name)
    if label is None:
        choices = ", ".join(f"{title} ({label})" for label, title in LABEL_TITLES.items())
        message = f"No phase has that name. Choose one of: {choices}."
        raise InputError(message)
    return label.value


@app.command()
def show(
    ctx: typer.Context, entry_id: Annotated[int, typer.Argument()], as_json: AsJson = False
) -> None:
    """Show one entry with its analysis.

    Example: tidewise show 12
    """
    from tidewise.replies import reply_for

    with session.opened(ctx) as journal:
        entry = journal.get(entry_id)
        reply = reply_for(journal, entry)
    if as_json:
        shown = {
            **entry_dict(entry),
            "sentences": sentence_rows(entry),
            "reply": reply.contract() if reply else None,
        }
        out(json.dumps(shown, ensure_ascii=False, indent=2))
        return
    _print_entry(entry)
    _print_sentences(entry)
    if reply is not None:
        out("")
        out(reply.text)
        if reply.kind != "reflection":
            from tidewise.cli.reply_view import show_lines

            show_lines(reply)


def sentence_rows(entry: Entry) -> list[dict[str, Any]]:
    """The entry's sentences numbered from 1, as `tidewise correct ID N LABEL` counts them."""
    if entry.analysis is None:
        return []
    return [
        {"number": number, **s.to_dict(), "title": _phase_title(s.label)}
        for number, s in enumerate(entry.analysis.sentences, 1)
    ]


def _print_sentences(entry: Entry) -> None:
    if entry.analysis is None or not entry.analysis.sentences:
        return
    out("")
    out("Sentence by sentence (correct one with `tidewise correct ID N LABEL`):")
    for number, s in enumerate(entry.analysis.sentences, 1):
        mark = ""
        if s.correction == "unsure":
            mark = f" (you said: not sure; read as {_phase_title(s.label)})"
        elif s.correction is not None:
            mark = " (your word)"
        out(f"  {number:>2}. [{_phase_title(s.label)}{mark}] {s.text.strip()}")


@app.command()
def search(
    ctx: typer.Context,
    words: Annotated[str, typer.Argument(help="Words that must all appear.")],
    limit: Annotated[int | None, typer.Option("--limit")] = None,
    as_json: AsJson = False,
) -> None:
    """Find entries containing all the words (case and accents ignored).

    Example: tidewise search "spare room"
    """
    with session.opened(ctx) as journal:
        found = journal.search(words, limit=limit)
    _print_entries(found, as_json)


@app.command()
def edit(
    ctx: typer.Context,
    entry_id: Annotated[int, typer.Argument()],
    closeness: Closeness = None,
    shame: ShameOpt = None,
    tag: Tags = None,
) -> None:
    """Change an entry: new text from stdin or the prompt; check-in and tags by option.

    Example: echo "New words." | tidewise edit 12 --shame 3
    """
    from tidewise.records import Analysis

    with session.opened(ctx) as journal:
        entry = journal.get(entry_id)
        if sys.stdin.isatty():
            out(entry.text)
        new_text = _read_text("Type the new text; end with Ctrl-D. Leave it empty to keep it.")
        metadata = closeness is not None or shame is not None or tag is not None
        if not new_text and not metadata:
            msg = "Nothing to change: give new text, --closeness, --shame or --tag."
            raise InputError(msg)
        changes_checkin = closeness is not None or shame is not None
        checkin = _checkin(closeness, shame, entry.checkin) if changes_checkin else None
        updated = journal.edit(
            entry_id,
            text=new_text or None,
            checkin=checkin,
            tags=tag,
            analysis=Analysis.IF_AVAILABLE,
        )
    _say_unread(updated)
    say(f"Entry {updated.id} updated.")


@app.command()
def star(ctx: typer.Context, entry_id: Annotated[int, typer.Argument()]) -> None:
    """Star an entry, to find it again with `tidewise list --starred`.

    Example: tidewise star 12
    """
    with session.opened(ctx) as journal:
        journal.set_starred(entry_id, True)
    say(f"Entry {entry_id} starred.")


@app.command()
def unstar(ctx: typer.Context, entry_id: Annotated[int, typer.Argument()]) -> None:
    """Take the star off an entry.

    Example: tidewise unstar 12
    """
    with session.opened(ctx) as journal:
        journal.set_starred(entry_id, False)
    say(f"Entry {entry_id} is no longer starred.")


@app.command()
def delete(
    ctx: typer.Context,
    entry_id: Annotated[int, typer.Argument()],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask.")] = False,
) -> None:
    """Delete one entry for good.

    Example: tidewise delete 12 --yes
    """
    with session.opened(ctx) as journal:
        journal.get(entry_id)  # NotFoundError before asking
        if not yes:
            typer.confirm(f"Delete entry {entry_id}? This cannot be undone", abort=True, err=True)
        journal.delete(entry_id)
    say(f"Entry {entry_id} deleted.")


@app.command()
def passwd(ctx: typer.Context) -> None:
    """Change the passphrase (TIDEWISE_NEW_PASSPHRASE for scripts).

    Example: tidewise passwd
    """
    from tidewise.journal import Journal

    settings = session.settings_for(ctx)
    if not Journal.exists(settings):
        raise NoJournalError
    old = session.passphrase("Current passphrase")
    with Journal.open(settings, old) as journal:
        new = session.passphrase("New passphrase", confirm=True, env=NEW_PASSPHRASE_ENV)
        still_open = journal.change_passphrase(old, new)
    say("Passphrase changed, and the journal re-encrypted with a new key:")
    say("the old passphrase no longer opens it, even with an old copy of the key file.")
    if still_open:
        say("These backups were made before the change and still open with the OLD passphrase:")
        for folder in still_open:
            say(f"  {folder}")
        say("Erase them, or make a new backup and then erase them, if someone may know it.")
    else:
        say("No backup Tidewise knows of opens with the old passphrase.")
    say("Backups made before earlier changes open with the passphrase of their time.")


@app.command()
def backup(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A new or empty folder for the backup.")],
) -> None:
    """Save an encrypted, verified backup of the journal into a folder.

    Example: tidewise backup /media/usb/journal-backup
    """
    with session.opened(ctx) as journal:
        folder = journal.backup(path)
    out(str(folder))
    say("Backup saved and verified. It opens with your current passphrase.")


@app.command()
def restore(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A backup folder made by `tidewise backup`.")],
) -> None:
    """Restore a backup into an empty journal location.

    Example: tidewise --journal ~/journal restore /media/usb/journal-backup
    """
    from tidewise.journal import Journal

    settings = session.settings_for(ctx)
    if Journal.exists(settings):
        raise JournalExistsError
    passphrase = session.passphrase("Passphrase of the backup")
    Journal.restore(settings, path, passphrase).close()
    say(f"Restored the backup into {settings.home}.")


@app.command()
def erase(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", help="Skip the first question.")] = False,
    yes_really: Annotated[bool, typer.Option("--yes-really", help="Skip the second.")] = False,
    copies: Annotated[
        bool | None,
        typer.Option(
            "--copies/--keep-copies",
            help="Also erase (or keep) the backups, exports and reports Tidewise made elsewhere.",
        ),
    ] = None,
) -> None:
    """Erase the journal and its backups for good (asks twice).

    Backups, exports and reports Tidewise wrote elsewhere are listed, and erased too if
    you say so.

    Example: tidewise erase
    """
    with session.opened(ctx) as journal:
        if not yes:
            typer.confirm("Erase this journal and all its backups?", abort=True, err=True)
        if not yes_really:
            answer = typer.prompt("This cannot be undone. Type ERASE to go on", err=True)
            if answer.strip() != "ERASE":
                raise typer.Abort
        known = [Path(c["path"]) for c in journal.copies_written()]
        if known and copies is None:
            say("Tidewise also wrote these copies outside the journal's folder:")
            for path in known:
                say(f"  {path}")
            copies = typer.confirm("Erase these copies too?", default=False, err=True)
        done = journal.erase(copies=bool(copies))
    say("The journal and its automatic backups are erased.")
    _say_paths("Also erased:", done.erased)
    _say_paths(
        "Could not be erased (not found, on a disk that is not connected, or changed "
        "since Tidewise wrote them); erase them yourself if they still hold your entries:",
        done.unreachable,
    )
    _say_paths("Kept, as you chose (they still hold your entries):", done.kept)
    say("Copies you made yourself, or made before Tidewise kept this list, are not known to it.")


def _say_paths(title: str, paths: tuple[Path, ...]) -> None:
    if paths:
        say(title)
        for path in paths:
            say(f"  {path}")


@app.command()
def demo() -> None:
    """Show Tidewise on a throwaway journal of example entries (deleted afterwards).

    Example: tidewise demo
    """
    from tidewise.demo import run_demo

    run_demo(out, say)


@app.command()
def reanalyze(
    ctx: typer.Context,
    force: Annotated[bool, typer.Option("--force", help="Redo every entry.")] = False,
) -> None:
    """Analyse entries that have no analysis, or one from an older analyser.

    Example: tidewise reanalyze
    """
    with session.opened(ctx) as journal, contextlib.ExitStack() as stack:
        bars: list[Any] = []

        def progress(done: int, total: int) -> None:
            if not bars:
                bar = typer.progressbar(length=total, label="Analysing", file=sys.stderr)
                bars.append(stack.enter_context(bar))
            bars[0].update(done - bars[0].pos)

        count = journal.reanalyze(progress=progress, force=force)
    say(f"Analysed {counted(count, 'entry')}.")
