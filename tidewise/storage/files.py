"""The journal's files on disk: what belongs to it, and erasing them.

Never touch the database, `-wal` or `-shm` while a connection is open: `vault.py`
closes first. The header holds the wrapped data key, so it is overwritten with random
bytes before it is unlinked (best effort: SSDs and copy-on-write file systems may keep
old blocks; the database stays encrypted either way).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path

from tidewise import durable
from tidewise.settings import Settings
from tidewise.storage import keys

SCRATCH_DIR = ".scratch"


def scratch_dir(settings: Settings) -> Path:
    """A 0700 folder inside the journal's own folder for files being written (exports).

    Only Tidewise looks here: a command killed mid-export leaves its half-written
    plaintext here, never in the folder the person chose, and the next start sweeps it.
    """
    from tidewise import private_files

    folder = settings.home / SCRATCH_DIR
    private_files.make_dir(folder)
    return folder


def sweep_scratch(settings: Settings) -> int:
    """Overwrite and remove what killed commands left in the scratch folder; returns how many."""
    folder = settings.home / SCRATCH_DIR
    if not folder.is_dir():
        return 0
    count = 0
    for leftover in folder.iterdir():
        with contextlib.suppress(OSError):
            if _in_use(leftover):
                continue  # another Tidewise process is writing it right now
            shred(leftover)
            count += 1
    return count


def _in_use(path: Path) -> bool:
    """True while a live process holds the file's lock (writers hold one until done)."""
    try:
        import fcntl
    except ImportError:
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def journal_files(settings: Settings) -> list[Path]:
    """The database, its SQLite side files, and leftovers of interrupted writes."""
    db = settings.db_path
    files = [db.with_name(db.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]
    files.extend(settings.home.glob(f".{db.name}.*.partial"))
    files.extend(keys.stale_temp_headers(settings.header_path))
    return files


def shred(path: Path) -> None:
    if not path.exists():
        return
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.write(secrets.token_bytes(size))
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def erase(settings: Settings) -> None:
    """Delete header, database, side files and all automatic backups; then the folder if empty."""
    shred(settings.header_path)
    for path in journal_files(settings):
        path.unlink(missing_ok=True)
    if settings.backups_dir.exists():
        shutil.rmtree(settings.backups_dir)
    sweep_scratch(settings)
    with contextlib.suppress(OSError):
        (settings.home / SCRATCH_DIR).rmdir()
    durable.fsync(settings.home)
    with contextlib.suppress(OSError):
        settings.home.rmdir()  # only when empty: the folder may hold the person's other files


def fingerprint(kind: str, path: Path) -> str:
    """Size and modification time of a written file ("" for a backup folder)."""
    if kind == "backup":
        return ""
    info = path.stat()
    return f"{info.st_size}:{info.st_mtime_ns}"


def erase_copy(copy: dict[str, str]) -> str:
    """Erase one recorded copy: "erased", "missing" (not reachable or changed since), or
    "kept" (never happens here; the caller's choice)."""
    from tidewise.settings import DB_NAME, HEADER_NAME

    path = Path(copy["path"])
    try:
        if copy["kind"] == "backup":
            if not (path / HEADER_NAME).is_file() and not (path / DB_NAME).is_file():
                return "missing"
            shred(path / HEADER_NAME)
            db = path / DB_NAME
            for suffix in ("", "-wal", "-shm", "-journal"):
                db.with_name(db.name + suffix).unlink(missing_ok=True)
            for leftover in path.glob(f".{DB_NAME}.*.partial"):
                leftover.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                path.rmdir()  # only when empty
            return "erased"
        if not path.is_file() or fingerprint(copy["kind"], path) != copy.get("fingerprint"):
            return "missing"
        shred(path)
    except OSError:
        return "missing"
    return "erased"
