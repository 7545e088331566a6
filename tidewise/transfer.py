"""Import and export use-cases, shared by the CLI and the web UI.

An import parses the whole file first (formats/), then hands every entry to the
journal in one transaction: a broken file changes nothing, and a file imported
twice adds nothing the second time. Exports write to a stream, or atomically to
a file (temp file in the same folder, fsync, rename), never half a file.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tidewise.errors import InputError
from tidewise.formats import get_exporter, get_importer, guess_importer
from tidewise.formats.base import ExportMeta, Importer, ImportOptions

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


def import_file(
    journal: Journal,
    path: Path,
    *,
    fmt: str | None = None,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    analyze: bool = True,
) -> ImportSummary:
    """Parse `path` whole, then import it in one transaction; raises before any write."""
    importer = importer_for(path, fmt)
    parsed = importer.parse(path, options or ImportOptions())
    result = journal.import_entries(
        parsed.entries, progress=progress, analyze=analyze, analyses=parsed.analyses
    )
    for key in EXPORTED_STATE:
        if key in parsed.state and journal.get_state(key) is None:
            journal.set_state(key, parsed.state[key])
    if parsed.corrections and analyze:
        journal.restore_corrections(parsed.corrections)
    return ImportSummary(
        format=importer.name,
        imported=result.imported,
        skipped=result.skipped,
        dropped_fields=parsed.dropped_fields,
        notes=parsed.notes,
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
    """Write the entries in [since, until] to `stream`; returns how many were written.

    With `passphrase`, the export is sealed (formats/sealed.py) before a byte of it
    reaches the stream: the plaintext only ever exists in memory.
    """
    exporter = get_exporter(fmt)
    entries = journal.entries(since=since, until=until, newest_first=False)
    state = {key: value for key in EXPORTED_STATE if (value := journal.get_state(key)) is not None}
    corrections: dict[int, list[dict[str, Any]]] = {}
    for c in journal.corrections():
        corrections.setdefault(c.entry_id, []).append(
            {
                "sentence": c.sentence,
                "text": c.text,
                "was": c.was,
                "label": c.label,
                "created": c.created.isoformat(),
            }
        )
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


@contextlib.contextmanager
def atomic_text_file(path: Path) -> Iterator[IO[str]]:
    """A text stream that becomes `path` only if the block finishes: no half-written export."""
    with atomic_binary_file(path) as raw:
        stream = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        try:
            yield stream
        finally:
            stream.detach()  # flushes; atomic_binary_file fsyncs and closes the file itself


@contextlib.contextmanager
def atomic_binary_file(path: Path) -> Iterator[IO[bytes]]:
    """Temp file in the target folder (mode 0600), fsync, rename: the file is whole or absent."""
    path = path.expanduser()
    try:
        fd, tmp = tempfile.mkstemp(prefix=".partial-", dir=path.parent or Path("."))
    except OSError:
        msg = "Cannot write a file in that folder (does it exist, and may you write there?)."
        raise InputError(msg) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def default_export_name(fmt: str, now: datetime | None = None, *, sealed: bool = False) -> str:
    """Neutral file names: `notes-2026-03.json`, nothing that says what the notes are about."""
    stamp = (now or datetime.now()).strftime("%Y-%m")
    extension = "json" if sealed else get_exporter(fmt).extension
    return f"notes-{stamp}.{extension}"
