"""Import and export use-cases, shared by the CLI and the web UI.

An import parses the whole file first (formats/), then hands every entry to the
journal in one transaction: a broken file changes nothing, and a file imported
twice adds nothing the second time. Exports write to a stream, or atomically to
a file (temp file in the same folder, fsync, rename), never half a file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

from tidewise.formats import get_exporter, get_importer, guess_importer
from tidewise.formats.base import ExportMeta, ImportOptions

if TYPE_CHECKING:
    from tidewise.journal import Journal

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
    importer = get_importer(fmt) if fmt else guess_importer(path)
    parsed = importer.parse(path, options or ImportOptions())
    result = journal.import_entries(
        parsed.entries, progress=progress, analyze=analyze, analyses=parsed.analyses
    )
    for key in EXPORTED_STATE:
        if key in parsed.state and journal.get_state(key) is None:
            journal.set_state(key, parsed.state[key])
    return ImportSummary(
        format=importer.name,
        imported=result.imported,
        skipped=result.skipped,
        dropped_fields=parsed.dropped_fields,
        notes=parsed.notes,
    )


def export(
    journal: Journal,
    fmt: str,
    stream: IO[str],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
) -> int:
    """Write the entries in [since, until] to `stream`; returns how many were written."""
    exporter = get_exporter(fmt)
    entries = journal.entries(since=since, until=until, newest_first=False)
    state = {key: value for key in EXPORTED_STATE if (value := journal.get_state(key)) is not None}
    meta = ExportMeta(exported_at=datetime.now(UTC).isoformat(timespec="seconds"), state=state)
    exporter.write(entries, stream, meta)
    return len(entries)


@contextlib.contextmanager
def atomic_text_file(path: Path) -> Iterator[IO[str]]:
    """A text stream that becomes `path` only if the block finishes: no half-written export."""
    path = path.expanduser()
    fd, tmp = tempfile.mkstemp(prefix=".partial-", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
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


def default_export_name(fmt: str, now: datetime | None = None) -> str:
    """Neutral file names: `notes-2026-03.json`, nothing that says what the notes are about."""
    stamp = (now or datetime.now()).strftime("%Y-%m")
    return f"notes-{stamp}.{get_exporter(fmt).extension}"
