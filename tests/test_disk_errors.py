"""A full disk and a read-only folder are named as such (exit 1), never as damage (exit 3),
and nothing saved before is lost. The real cases run in a private mount namespace on a
tiny tmpfs (skipped where unprivileged namespaces are not allowed); SQLite's own
SQLITE_FULL is also produced directly on a real journal with `max_page_count`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tidewise.errors import DiskFullError, FolderNotWritableError
from tidewise.journal import Journal
from tidewise.records import Analysis
from tidewise.settings import Settings
from tidewise.storage import engine

ROOT = Path(__file__).resolve().parent.parent

# Runs as "root" inside a user + mount namespace: it can mount a 3 MB tmpfs, fill it,
# and remount it read-only, without touching the machine's own mounts.
SCRIPT = r"""
set -u
T=$(mktemp -d)
mount -t tmpfs -o size=3m tmpfs "$T"
export TIDEWISE_HOME="$T/j" TIDEWISE_PASSPHRASE="a passphrase"
tw() { "$PY" -m tidewise "$@"; }
tw init 2>/dev/null || exit 90
tw write --no-analysis "Written before the disk filled." >/dev/null 2>&1 || exit 91
dd if=/dev/zero of="$T/filler" bs=4k 2>/dev/null
head -c 300000 /dev/zero | tr '\0' 'x' | tw write --no-analysis; echo "write-full=$?"
tw list; echo "list-full=$?"
rm "$T/filler"
tw list --json | grep -c '"text"'; echo "list-after=$?"
mount -o remount,ro "$T"
tw list >/dev/null; echo "list-readonly=$?"
echo "Not possible." | tw write --no-analysis; echo "write-readonly=$?"
"""


def _namespaces_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = ["unshare", "--user", "--map-root-user", "--mount", "true"]
    return subprocess.run(probe, capture_output=True, check=False).returncode == 0


@pytest.mark.skipif(not _namespaces_work(), reason="no unprivileged mount namespaces here")
def test_a_full_disk_and_a_read_only_folder_are_named_and_nothing_is_lost() -> None:
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "bash", "-c", SCRIPT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ | {"PY": sys.executable},
        timeout=300,
        check=False,
    )
    lines = done.stdout.splitlines()
    codes = dict(line.split("=") for line in lines if "=" in line)
    assert codes == {
        "write-full": "1",
        "list-full": "1",
        "list-after": "0",
        "list-readonly": "1",
        "write-readonly": "1",
    }, done.stdout + done.stderr
    assert "1" in lines  # the entry written before the disk filled is still there
    errors = done.stderr.splitlines()
    full = "tidewise: The disk is full, so Tidewise stopped: nothing already saved was lost"
    assert sum(line.startswith(full) for line in errors) == 2, done.stderr
    readonly = "tidewise: The journal's folder cannot be written"
    assert sum(line.startswith(readonly) for line in errors) == 2, done.stderr
    assert "Restore from a backup" not in done.stderr


def test_sqlite_full_on_a_real_journal_is_disk_full_and_keeps_what_was_saved(
    fresh_journal: Journal,
) -> None:
    fresh_journal.write("Saved first.", analysis=Analysis.OFF)
    with fresh_journal._connection() as con:
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.execute(f"PRAGMA max_page_count = {int(pages) + 1}")  # SQLite says SQLITE_FULL
    with pytest.raises(DiskFullError) as caught:
        fresh_journal.write("x" * 100_000, analysis=Analysis.OFF)
    assert caught.value.exit_code == 1
    assert [e.text for e in fresh_journal.entries()] == ["Saved first."]
    with fresh_journal._connection() as con:
        assert engine.integrity_ok(con)
        con.execute("PRAGMA max_page_count = 1073741823")
    fresh_journal.write("Saved after space came back.", analysis=Analysis.OFF)
    assert fresh_journal.count() == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root; see the test above")
def test_a_read_only_folder_is_not_damage(settings: Settings, passphrase: str) -> None:
    Journal.create(settings, passphrase).close()
    os.chmod(settings.home, 0o555)
    try:
        with pytest.raises(FolderNotWritableError):
            Journal.open(settings, passphrase)
    finally:
        os.chmod(settings.home, 0o700)
