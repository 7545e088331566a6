"""Import and export use-cases, shared by the CLI and the web UI.

An import parses the whole file first (formats/), then hands every entry to the
journal in one transaction: a broken file changes nothing, and a file imported
twice adds nothing the second time. Exports write to a stream, or atomically to
a file, never half a file and never over an existing one: the plaintext is written
to a 0600 temp file in the journal's own folder (where only Tidewise looks, swept at
the next start if a kill left it), fsynced, then given a free name with link(2).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tidewise import private_files
from tidewise.errors import InputError, TidewiseError
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


@contextlib.contextmanager
def atomic_text_file(path: Path, *, scratch: Path | None = None) -> Iterator[IO[str]]:
    """A text stream that becomes `path` only if the block finishes: no half-written file."""
    with atomic_binary_file(path, scratch=scratch) as raw:
        stream = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        try:
            yield stream
        finally:
            stream.detach()  # flushes; atomic_binary_file fsyncs and closes the file itself


@contextlib.contextmanager
def atomic_binary_file(path: Path, *, scratch: Path | None = None) -> Iterator[IO[bytes]]:
    """Written to a 0600 temp file, fsynced, renamed onto `path` (replacing it) at the end.

    The temp file is in `scratch` when given (the journal's own folder, where only
    Tidewise looks), else beside `path`.
    """
    with _partial(path.expanduser(), scratch) as (stream, tmp):
        yield stream
        _finish(stream)
        _place(tmp, path.expanduser())
    _fsync_dir(path.expanduser().parent)


@dataclass
class NewFile:
    """A file being written that never replaces anything; `path` is where it ended up."""

    stream: IO[bytes]
    path: Path


@contextlib.contextmanager
def new_file(path: Path, *, scratch: Path | None = None) -> Iterator[NewFile]:
    """Like atomic_binary_file, but an existing file is never overwritten.

    When `path` is taken, the first free `stem_2.ext`, `stem_3.ext`, ... is used instead
    (`NewFile.path` says which). The name is claimed with link(2), which fails rather
    than replace, so even a file appearing meanwhile is kept.
    """
    path = path.expanduser()
    with _partial(path, scratch) as (stream, tmp):
        made = NewFile(stream=stream, path=path)
        yield made
        _finish(stream)
        made.path = _claim_free_name(tmp, path)
    _fsync_dir(made.path.parent)


def free_names(path: Path) -> Iterator[Path]:
    """`path`, then `stem_2.ext`, `stem_3.ext`, ... (a neutral, predictable order)."""
    yield path
    suffix = "".join(path.suffixes[-1:])
    stem = path.name[: len(path.name) - len(suffix)]
    for number in range(2, 10_000):
        yield path.with_name(f"{stem}_{number}{suffix}")
    msg = "Too many files with that name in the folder; choose another name."
    raise InputError(msg)


@contextlib.contextmanager
def _partial(path: Path, scratch: Path | None) -> Iterator[tuple[IO[bytes], Path]]:
    """A locked 0600 temp file; removed if the block does not finish (signals included)."""
    folder = scratch if scratch is not None else (path.parent or Path("."))
    tmp = folder / f".partial-{secrets.token_hex(8)}"
    try:  # created inside the try: a signal right after creation still removes it
        try:
            fd = private_files.create_file(tmp)
        except OSError as err:
            raise _cannot_write(err) from None
        with os.fdopen(fd, "wb") as stream:
            _hold_lock(fd)  # a start-up sweep skips files a live process still holds
            yield stream, tmp
    except OSError as err:  # a full disk while writing, most likely
        raise _cannot_write(err) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _hold_lock(fd: int) -> None:
    with contextlib.suppress(ImportError, OSError):
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)


def _finish(stream: IO[bytes]) -> None:
    stream.flush()
    os.fsync(stream.fileno())


def _place(tmp: Path, path: Path) -> None:
    """Rename `tmp` onto `path`; across file systems, copy beside `path` and rename."""
    try:
        os.replace(tmp, path)
        return
    except OSError as err:
        if err.errno != errno.EXDEV:
            raise _cannot_write(err) from None
    beside = path.parent / f".partial-{secrets.token_hex(8)}"
    try:
        _copy_new(tmp, beside)
        os.replace(beside, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(beside)


def _claim_free_name(tmp: Path, path: Path) -> Path:
    for candidate in free_names(path):
        try:
            os.link(tmp, candidate)
            return candidate
        except FileExistsError:
            continue
        except OSError as err:
            if err.errno not in (errno.EXDEV, errno.EPERM, errno.ENOTSUP, errno.EMLINK):
                raise _cannot_write(err) from None
        # No hard link here (another file system, or one without links): copy instead.
        try:
            _copy_new(tmp, candidate)
            return candidate
        except FileExistsError:
            continue
    raise AssertionError  # free_names raises before running out  # pragma: no cover


def _copy_new(source: Path, target: Path) -> None:
    """Copy into a new 0600 file (FileExistsError if `target` exists); removed on failure."""
    fd = private_files.create_file(target)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        raise


def _cannot_write(err: OSError) -> TidewiseError:
    from tidewise.errors import from_os_error

    return from_os_error(err)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def default_export_name(fmt: str, now: datetime | None = None, *, sealed: bool = False) -> str:
    """Neutral file names: `notes-2026-03.json`, nothing that says what the notes are about."""
    stamp = (now or datetime.now()).strftime("%Y-%m")
    extension = "json" if sealed else get_exporter(fmt).extension
    return f"notes-{stamp}.{extension}"
