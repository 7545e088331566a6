"""Every file Tidewise writes is 0600 and every folder it creates 0700, whatever the
umask, even inside an existing 0755 folder. Checked in real processes run with umask 022
(the common default that makes new files readable by every account)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from tidewise.journal import Journal
from tidewise.records import Analysis
from tidewise.settings import TEST_KDF, Settings

ROOT = Path(__file__).resolve().parent.parent


def _umask_022() -> None:
    os.umask(0o022)


def _modes(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): oct(stat.S_IMODE(path.stat().st_mode))
        for path in sorted(folder.rglob("*"))
    }


def test_the_facade_writes_private_files_in_a_process_with_umask_022(tmp_path: Path) -> None:
    """No CLI here (it narrows the umask itself): the storage layer alone must do it."""
    home = tmp_path / "shared"
    home.mkdir()
    os.chmod(home, 0o755)  # an existing folder others can list
    script = """
import json, os, sys
from pathlib import Path
os.umask(0o022)
from tidewise.journal import Journal
from tidewise.records import Analysis
from tidewise.settings import TEST_KDF, Settings
home = Path(sys.argv[1])
journal = Journal.create(Settings(home=home / "journal", kdf=TEST_KDF), "a passphrase")
journal.write("Kept private.", analysis=Analysis.OFF)
journal.backup()  # an automatic backup under journal/backups/
journal.backup(home / "my-backup")
modes = {str(p.relative_to(home)): oct(p.stat().st_mode & 0o777) for p in home.rglob("*")}
journal.close()
print(json.dumps(modes))
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(home)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=_umask_022,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    modes = json.loads(done.stdout)
    assert "journal/journal.db-wal" in modes and "journal/journal.db-shm" in modes
    folders = {"journal", "journal/backups", "my-backup"}
    for name, mode in modes.items():
        if name in folders or name.count("/") == 2 and name.startswith("journal/backups/"):
            assert mode == "0o700", name
        else:
            assert mode == "0o600", name
    assert oct(stat.S_IMODE(home.stat().st_mode)) == "0o755"  # the person's folder is theirs


def test_cli_commands_write_private_files_with_umask_022(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    env = os.environ | {"TIDEWISE_HOME": str(shared), "TIDEWISE_PASSPHRASE": "a passphrase"}
    env.pop("TIDEWISE_DEBUG", None)

    def tidewise(*args: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "tidewise", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            preexec_fn=_umask_022,
            check=False,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr

    tidewise("init")
    tidewise("write", "--no-analysis", "--date", "2026-03-01", "Kept private.")
    tidewise("backup", str(shared / "copy"))
    tidewise("export", "--format", "markdown", "--out", str(shared))
    tidewise("report", "--out", str(shared / "summary.html"))
    modes = _modes(shared)
    assert "copy/journal.db" in modes and "summary.html" in modes
    assert any(name.startswith("notes-") for name in modes)
    for name, mode in modes.items():
        path = shared / name
        assert mode == ("0o700" if path.is_dir() else "0o600"), name


def test_opening_an_older_journal_makes_its_files_private(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "j", kdf=TEST_KDF)
    Journal.create(settings, "a passphrase").close()
    for path in (settings.db_path, settings.header_path):
        os.chmod(path, 0o644)  # as an earlier Tidewise left them under umask 022
    with Journal.open(settings, "a passphrase") as journal:
        journal.write("Now private.", analysis=Analysis.OFF)
        for path in settings.home.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
