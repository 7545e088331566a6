"""Files that are whole or absent: a temp file, fsync, rename, then fsync the folder.

A rename inside one folder is atomic, so whoever reads the file next (the person, or
the next start after a kill) finds the old file or the new one, never half of either;
the two fsyncs make the new one survive a power cut once the call has returned. Every
temp file is 0600 (private_files), holds a lock while it is written (the start-up sweep
of the journal's scratch folder skips files a live process holds) and is removed if the
write does not finish, signals included.

- `rename`: a finished, fsynced file (a database copy made by SQLite) into its place.
- `write_atomically`: the journal's own small files (the key header, its copy in a
  backup). The temp file is `.<name>.<random>.tmp` beside the target, so `stale_temps`
  can find what a kill left; a failure is named as a journal folder's failure.
- `atomic_binary_file` / `atomic_text_file`: a stream that replaces a file of the
  person's choosing (a report, a chart) when the block ends.
- `new_file`: the same, but it never replaces anything (exports); it claims the first
  free name with link(2).

The last two write their temp file (`.partial-<random>`) into `scratch` when given: the
journal's own folder, where only Tidewise looks, so a killed command leaves its
plaintext there and never in the person's folder.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tidewise import private_files
from tidewise.errors import InputError, from_os_error


def fsync(path: Path) -> None:
    """Flush a file, or a folder's list of names (after a rename), to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def rename(source: Path, target: Path) -> None:
    """Rename `source` onto `target` (replacing it) and fsync the folder, so the rename
    itself survives a power cut; `source` must already be fsynced and in the same folder."""
    os.replace(source, target)
    fsync(target.parent)


def write_atomically(path: Path, data: bytes) -> None:
    """`data` becomes `path` whole, through a temp file beside it (the journal's own files).

    A full disk or a read-only folder leaves the old file untouched and raises the
    journal's error for it; an fsync of the folder that fails afterwards is raised as is:
    the file is in place, but it may not survive a power cut.
    """
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    with _replacing(temp, path, journal=True) as stream:
        stream.write(data)
    fsync(path.parent)


def stale_temps(path: Path) -> list[Path]:
    """Temp files of `write_atomically(path, ...)` calls killed before their rename."""
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


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
    path = path.expanduser()
    with _replacing(_partial_name(path, scratch), path, journal=False) as stream:
        yield stream
    _fsync_chosen_folder(path.parent)


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
    tmp = _partial_name(path, scratch)
    with _temp_file(tmp, journal=False) as stream:
        made = NewFile(stream=stream, path=path)
        yield made
        _finish(stream)
        made.path = _claim_free_name(tmp, path)
    _fsync_chosen_folder(made.path.parent)


def free_names(path: Path) -> Iterator[Path]:
    """`path`, then `stem_2.ext`, `stem_3.ext`, ... (a neutral, predictable order)."""
    yield path
    suffix = "".join(path.suffixes[-1:])
    stem = path.name[: len(path.name) - len(suffix)]
    for number in range(2, 10_000):
        yield path.with_name(f"{stem}_{number}{suffix}")
    msg = "Too many files with that name in the folder; choose another name."
    raise InputError(msg)


def _partial_name(path: Path, scratch: Path | None) -> Path:
    folder = scratch if scratch is not None else (path.parent or Path("."))
    return folder / f".partial-{secrets.token_hex(8)}"


@contextlib.contextmanager
def _replacing(tmp: Path, path: Path, *, journal: bool) -> Iterator[IO[bytes]]:
    """A stream into `tmp` that is fsynced and renamed onto `path` when the block ends."""
    with _temp_file(tmp, journal=journal) as stream:
        yield stream
        _finish(stream)
        _place(tmp, path, journal=journal)


@contextlib.contextmanager
def _temp_file(tmp: Path, *, journal: bool) -> Iterator[IO[bytes]]:
    """A locked 0600 temp file; removed if the block does not finish (signals included)."""
    try:  # created inside the try: a signal right after creation still removes it
        try:
            fd = private_files.create_file(tmp)
        except OSError as err:
            raise from_os_error(err, journal=journal) from None
        with os.fdopen(fd, "wb") as stream:
            _hold_lock(fd)  # a start-up sweep skips files a live process still holds
            yield stream
    except OSError as err:  # a full disk while writing, most likely
        raise from_os_error(err, journal=journal) from None
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


def _place(tmp: Path, path: Path, *, journal: bool) -> None:
    """Rename `tmp` onto `path`; across file systems, copy beside `path` and rename."""
    try:
        os.replace(tmp, path)
        return
    except OSError as err:
        if err.errno != errno.EXDEV:
            raise from_os_error(err, journal=journal) from None
    beside = _partial_name(path, None)
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
                raise from_os_error(err) from None
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


def _fsync_chosen_folder(folder: Path) -> None:
    """Best effort in a folder the person chose: some file systems (network shares, some
    FUSE mounts) refuse an fsync of a folder, and the file itself is already on disk."""
    with contextlib.suppress(OSError):
        fsync(folder)
