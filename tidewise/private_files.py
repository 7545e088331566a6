"""Files and folders only the person's own account can read, whatever the umask.

Every file Tidewise writes (the database and its `-wal`/`-shm`, headers, backups,
exports, reports) is 0600 and every folder it creates 0700. The umask alone cannot
promise that: a common umask of 022 makes new files 0644, readable by every account on
a shared computer. So files are created with an explicit mode and `fchmod`ed (a umask
can only take bits away, and an odd umask could take away too many), and SQLite's side
files copy the database file's mode. The CLI also sets the process umask to 077, so
anything a library writes behind our back is private too.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
PRIVATE_UMASK = 0o077


def restrict_umask() -> int:
    """Make files this process creates private by default; returns the old umask."""
    return os.umask(PRIVATE_UMASK)


def make_dir(path: Path) -> None:
    """Create `path` and any missing parents as 0700; existing folders are left as they are."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=DIR_MODE)
            os.chmod(folder, DIR_MODE)


def create_file(path: Path) -> int:
    """A new file (never an existing one) open for writing, mode 0600; returns the fd."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    except BaseException:
        os.close(fd)
        raise
    return fd


def create_empty(path: Path) -> None:
    """A new empty 0600 file, for SQLite to open: its side files then copy the mode."""
    os.close(create_file(path))


def tighten(path: Path) -> None:
    """Make an existing file 0600 if group or others could read it (older journals)."""
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o077:
            os.chmod(path, FILE_MODE)
