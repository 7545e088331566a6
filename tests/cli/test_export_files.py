"""Exports never overwrite a file, and a killed export leaves no plaintext where the
person chose to write: partial files live in the journal's own 0700 folder, are removed
on SIGTERM/SIGHUP, and swept at the next start after a SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tidewise.cli.transfer import EXPORT_PASSPHRASE_ENV
from tidewise.journal import Journal
from tidewise.records import Analysis, NewEntry
from tidewise.settings import Settings
from tidewise.storage.files import SCRATCH_DIR

ROOT = Path(__file__).resolve().parent.parent.parent
CANARY = "plaintext-canary-8c1f"


def _entries(settings: Settings, passphrase: str, count: int) -> None:
    start = datetime(2025, 1, 1, 21, tzinfo=UTC)
    batch = [
        NewEntry(text=f"{CANARY} {n} " + "the tide went out again. " * 60, created=start)
        for n in range(count)
    ]
    batch = [NewEntry(text=e.text, created=start + timedelta(hours=n)) for n, e in enumerate(batch)]
    with Journal.open(settings, passphrase) as journal:
        journal.import_entries(batch, analysis=Analysis.OFF)


def test_an_existing_file_is_kept_and_a_free_name_is_used(
    journal_home: Path, settings: Settings, passphrase: str, tmp_path: Path
) -> None:
    _entries(settings, passphrase, 2)
    mine = tmp_path / "notes.md"
    mine.write_text("My own notes, not Tidewise's.\n")
    result = run("export", "--format", "markdown", "--out", str(mine))
    assert result.exit_code == 0, result.stderr
    assert mine.read_text() == "My own notes, not Tidewise's.\n"
    made = tmp_path / "notes_2.md"
    assert made.read_text("utf-8").startswith("# Journal")
    assert f"to {made}" in result.stderr
    assert "A file named notes.md was already there; it was kept" in result.stderr
    again = run("export", "--format", "markdown", "--out", str(mine))
    assert f"to {tmp_path / 'notes_3.md'}" in again.stderr


def test_encrypt_never_overwrites_the_plaintext_export(
    journal_home: Path,
    settings: Settings,
    passphrase: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _entries(settings, passphrase, 2)
    folder = tmp_path / "out"
    folder.mkdir()
    assert run("export", "--out", str(folder)).exit_code == 0
    [plain] = list(folder.iterdir())
    plain_text = plain.read_text("utf-8")
    monkeypatch.setenv(EXPORT_PASSPHRASE_ENV, "another long phrase")
    sealed = run("export", "--encrypt", "--out", str(folder))
    assert sealed.exit_code == 0, sealed.stderr
    assert plain.read_text("utf-8") == plain_text
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2
    docs = [json.loads((folder / n).read_text("utf-8"))["format"] for n in names]
    assert sorted(docs) == ["tidewise-encrypted-export", "tidewise-export"]


def _start_export(home: Path, passphrase: str, target: Path) -> subprocess.Popen[bytes]:
    env = os.environ | {"TIDEWISE_HOME": str(home), "TIDEWISE_PASSPHRASE": passphrase}
    return subprocess.Popen(
        [sys.executable, "-m", "tidewise", "export", "--format", "markdown", "--out", str(target)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for_partial(scratch: Path, child: subprocess.Popen[bytes]) -> bool:
    """Poll until the export's partial file exists (then the kill lands mid-export)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and child.poll() is None:
        if scratch.is_dir() and any(scratch.iterdir()):
            return True
        time.sleep(0.002)
    return False


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_a_killed_export_leaves_no_plaintext_in_the_target_folder(
    journal_home: Path, settings: Settings, passphrase: str, tmp_path: Path, sig: int
) -> None:
    _entries(settings, passphrase, 3000)
    target = tmp_path / "exports"
    target.mkdir()
    scratch = settings.home / SCRATCH_DIR
    landed = 0
    for _ in range(4):
        child = _start_export(settings.home, passphrase, target)
        caught = _wait_for_partial(scratch, child)
        child.send_signal(sig)
        child.wait(timeout=60)
        landed += caught
        # Nothing hidden or half-written where the person asked for the export.
        for path in target.iterdir():
            assert not path.name.startswith("."), path.name
            assert path.read_text("utf-8").rstrip().endswith("---") or path.stat().st_size > 0
        if sig != signal.SIGKILL and caught:
            assert child.returncode == 128 + sig
            assert not any(scratch.iterdir())  # removed by the process itself
    assert landed >= 2  # most kills landed while the partial file was being written
    # The next start sweeps what a SIGKILL left behind.
    assert run("list", "--limit", "1").exit_code == 0
    assert not scratch.exists() or not list(scratch.iterdir()), list(scratch.iterdir())
    assert oct(scratch.stat().st_mode & 0o777) == "0o700" if scratch.exists() else True


def test_a_finished_export_leaves_nothing_in_the_scratch_folder(
    journal_home: Path, settings: Settings, passphrase: str, tmp_path: Path
) -> None:
    _entries(settings, passphrase, 3)
    assert run("export", "--out", str(tmp_path / "a.json")).exit_code == 0
    scratch = settings.home / SCRATCH_DIR
    assert not any(scratch.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".json")) == ["a.json"]
