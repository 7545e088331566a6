"""Import and export use-cases, shared by the CLI and the web UI.

An import parses the whole file first (formats/), then hands every entry to the
journal in one transaction: a broken file changes nothing, and a file imported
twice adds nothing the second time. Exports write to a stream; a file is written
whole, never over an existing one, through `durable.new_file` (the plaintext waits in
the journal's own folder until it is complete).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tidewise.formats import get_exporter, get_importer, guess_importer
from tidewise.formats.base import ExportMeta, Importer, ImportOptions
from tidewise.records import Analysis, Unread

if TYPE_CHECKING:
    from tidewise.journal import Journal
    from tidewise.settings import KdfProfile

# Journal state that travels with a JSON export: what the person chose and did.
EXPORTED_STATE = ("lessons", "safety_plan", "prefs")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportSummary:
    format: str
    imported: int
    skipped: int
    dropped_fields: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    unread: Unread | None = None  # why the entries were imported without a reading


def import_file(
    journal: Journal,
    path: Path,
    *,
    fmt: str | None = None,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    analysis: Analysis = Analysis.REQUIRED,
) -> ImportSummary:
    """Parse `path` whole, then import it in one transaction; raises before any write.
    `analysis` as for `Journal.import_entries` (IF_AVAILABLE: unread when no model)."""
    importer = importer_for(path, fmt)
    parsed = importer.parse(path, options or ImportOptions())
    result = journal.import_entries(
        parsed.entries, progress=progress, analysis=analysis, analyses=parsed.analyses
    )
    for key in EXPORTED_STATE:
        if key in parsed.state and journal.get_state(key) is None:
            journal.set_state(key, parsed.state[key])
    if parsed.corrections and result.unread is None:
        journal.restore_corrections(parsed.corrections)
    return ImportSummary(
        format=importer.name,
        imported=result.imported,
        skipped=result.skipped,
        dropped_fields=parsed.dropped_fields,
        notes=parsed.notes,
        unread=result.unread,
    )


def importer_for(path: Path, fmt: str | None = None) -> Importer:
    """The importer named by `fmt`, or the one format that recognises the file."""
    return get_importer(fmt) if fmt else guess_importer(path)


def export(
    journal: Journal,
    fmt: str,
    stream: IO[str],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    passphrase: str | None = None,
    kdf: KdfProfile | None = None,
) -> int:
    """Write the entries in [since, until) to `stream`; returns how many were written.

    With `passphrase`, the export is sealed (formats/sealed.py) before a byte of it
    reaches the stream: the plaintext only ever exists in memory.
    """
    exporter = get_exporter(fmt)
    entries = journal.entries(since=since, until=until, newest_first=False)
    state = {key: value for key in EXPORTED_STATE if (value := journal.get_state(key)) is not None}
    corrections: dict[int, list[dict[str, Any]]] = {}
    for c in journal.corrections():
        carried = {k: v for k, v in c.to_dict().items() if k not in ("id", "entry")}
        corrections.setdefault(c.entry_id, []).append(carried)
    meta = ExportMeta(
        exported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        state=state,
        corrections=corrections,
    )
    if passphrase is None:
        exporter.write(entries, stream, meta)
        return len(entries)
    from tidewise.formats.sealed import seal
    from tidewise.settings import DEFAULT_KDF

    plain = io.StringIO()
    exporter.write(entries, plain, meta)
    stream.write(seal(plain.getvalue(), exporter.name, passphrase, kdf or DEFAULT_KDF))
    return len(entries)


def default_export_name(fmt: str, now: datetime | None = None, *, sealed: bool = False) -> str:
    """Neutral file names: `notes-2026-03.json`, nothing that says what the notes are about."""
    stamp = (now or datetime.now()).strftime("%Y-%m")
    extension = "json" if sealed else get_exporter(fmt).extension
    return f"notes-{stamp}.{extension}"
