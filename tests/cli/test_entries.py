"""Entry commands through Typer's runner (stdout vs stderr) and real processes (exit codes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import FakeAnalyzer
from tidewise.journal import Journal
from tidewise.records import Analysis
from tidewise.settings import PASSPHRASE_ENV, Settings

SECRET_TEXT = "Nobody may see this sentence about the harbour."


def test_write_prints_only_the_id_on_stdout(journal_home: Path) -> None:
    result = run("write", SECRET_TEXT, "--no-analysis", "--closeness", "-2", "--tag", "night")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "1\n"
    assert "Saved entry 1" in result.stderr
    assert SECRET_TEXT not in result.stderr


def test_write_reads_stdin_and_a_date(journal_home: Path) -> None:
    result = run(
        "write", "--date", "2024-05-01T21:30+02:00", "--no-analysis", stdin=SECRET_TEXT + "\n"
    )
    assert result.exit_code == 0, result.stderr
    shown = json.loads(run("show", "1", "--json").stdout)
    assert shown["text"] == SECRET_TEXT
    assert shown["created"] == "2024-05-01T21:30:00+02:00"
    assert shown["time_zone"] == "+02:00"


@pytest.mark.model
def test_write_summary_names_phase_movement_and_shame(journal_home: Path) -> None:
    result = run("write", "I moved to the spare room. What is wrong with me?")
    assert result.exit_code == 0, result.stderr
    assert "Phase: Withdrawing; movement: away; shame for reaching" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["write", "x", "--closeness", "5"],
        ["write", "x", "--shame", "11"],
        ["write", "x", "--date", "soon"],
    ],
)
def test_bad_input_writes_nothing(journal_home: Path, args: list[str]) -> None:
    result = run(*args, "--no-analysis")
    assert result.exit_code != 0
    assert run("list", "--json").stdout.strip() == "[]"


def test_list_show_search_put_data_on_stdout(journal_home: Path) -> None:
    for day, text in [(1, "Harbour walk."), (2, "Spare room again."), (3, "Harbour swim.")]:
        run(
            "write",
            text,
            "--date",
            f"2024-05-0{day}T10:00",
            "--tag",
            "sea" if day != 2 else "home",
            "--no-analysis",
        )
    listed = run("list", "--from", "2024-05-02", "--to", "2024-05-03")
    assert listed.exit_code == 0
    assert [line.split()[0] for line in listed.stdout.splitlines()] == ["3", "2"]
    assert listed.stderr == ""
    tagged = json.loads(run("list", "--tag", "sea", "--json").stdout)
    assert [e["text"] for e in tagged] == ["Harbour swim.", "Harbour walk."]
    assert json.loads(run("list", "--limit", "1", "--json").stdout)[0]["id"] == 3
    found = run("search", "harbour", "--json")
    assert [e["id"] for e in json.loads(found.stdout)] == [3, 1]
    shown = run("show", "2")
    assert "Spare room again." in shown.stdout and "Tags: home" in shown.stdout


def test_show_labels_the_phase_as_the_entrys_own_reading(
    journal_home: Path, settings: Settings, passphrase: str
) -> None:
    with Journal.open(settings, passphrase, analyzer=FakeAnalyzer()) as journal:
        journal.write("He held my hand at dinner.")
    shown = run("show", "1")
    assert shown.exit_code == 0, shown.stderr
    assert "Phase of this entry on its own: Reaching · movement: toward" in shown.stdout


def test_empty_list_says_so_on_stderr(journal_home: Path) -> None:
    result = run("list")
    assert (result.stdout, result.stderr.strip()) == ("", "No entries.")


def test_edit_from_stdin_and_options(journal_home: Path) -> None:
    run("write", SECRET_TEXT, "--closeness", "1", "--shame", "4", "--no-analysis")
    result = run("edit", "1", "--shame", "0", stdin="New words.\n")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(run("show", "1", "--json").stdout)
    assert (shown["text"], shown["closeness"], shown["shame"]) == ("New words.", 1, 0)
    assert SECRET_TEXT not in result.stderr


def test_delete_asks_unless_yes(journal_home: Path) -> None:
    run("write", "One.", "--no-analysis")
    kept = run("delete", "1", stdin="n\n")
    assert kept.exit_code != 0
    assert run("list", "--json").stdout.count('"id"') == 1
    gone = run("delete", "1", "--yes")
    assert gone.exit_code == 0 and "deleted" in gone.stderr
    assert run("list", "--json").stdout.strip() == "[]"


def test_backup_prints_the_folder_and_restore_reads_it(journal_home: Path, tmp_path: Path) -> None:
    run("write", "Backed up.", "--no-analysis")
    result = run("backup", str(tmp_path / "b"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "b")
    restored = run("--journal", str(tmp_path / "r"), "restore", str(tmp_path / "b"))
    assert restored.exit_code == 0, restored.stderr
    listed = run("--journal", str(tmp_path / "r"), "list", "--json")
    assert [e["text"] for e in json.loads(listed.stdout)] == ["Backed up."]


def test_erase_asks_twice(journal_home: Path) -> None:
    run("write", "x", "--no-analysis")
    refused = run("erase", stdin="y\nno\n")
    assert refused.exit_code != 0
    assert (journal_home / "journal.db").exists()
    done = run("erase", stdin="y\nERASE\n")
    assert done.exit_code == 0, done.stderr
    assert not journal_home.exists()


def test_erase_for_scripts(journal_home: Path) -> None:
    assert run("erase", "--yes", "--yes-really").exit_code == 0
    assert not journal_home.exists()


def test_init_prompts_for_a_confirmed_passphrase(isolated_home: Path) -> None:
    result = run("init", stdin="tide moon\ntide moon\n")
    assert result.exit_code == 0, result.stderr
    assert "tide moon" not in result.stdout + result.stderr
    os.environ[PASSPHRASE_ENV] = "tide moon"
    try:
        assert run("list").exit_code == 0
    finally:
        del os.environ[PASSPHRASE_ENV]


def test_passwd_changes_the_passphrase(
    journal_home: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIDEWISE_NEW_PASSPHRASE", "brand new")
    assert run("passwd").exit_code == 0
    monkeypatch.setenv(PASSPHRASE_ENV, "brand new")
    assert run("list").exit_code == 0


def test_reanalyze_reports_on_stderr(
    settings: Settings, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Journal.create(settings, passphrase) as journal:
        journal.write("Not analysed yet.", analysis=Analysis.OFF)
    monkeypatch.setenv(PASSPHRASE_ENV, passphrase)
    original = Journal.open
    monkeypatch.setattr(
        Journal,
        "open",
        classmethod(lambda cls, s, p, **kw: original(s, p, analyzer=FakeAnalyzer())),
    )
    result = run("reanalyze")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "Analysed 1 entry." in result.stderr


def test_demo_prints_entries_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = run("demo")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n  ") == 8
    assert "harbour" in result.stdout
    assert list(tmp_path.iterdir()) == []


# ---- real processes: exit codes and streams -----------------------------------------


def tidewise(
    home: Path, *args: str, passphrase: str | None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != PASSPHRASE_ENV}
    if passphrase is not None:
        env[PASSPHRASE_ENV] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "tidewise", "--journal", str(home), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def _snapshot(home: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(home.iterdir())}


def test_processes_exit_0_and_keep_text_out_of_stderr(journal_home: Path, passphrase: str) -> None:
    written = tidewise(
        journal_home, "write", "--no-analysis", passphrase=passphrase, stdin=SECRET_TEXT
    )
    assert (written.returncode, written.stdout) == (0, "1\n")
    listed = tidewise(journal_home, "list", passphrase=passphrase)
    assert listed.returncode == 0 and "Nobody may see" in listed.stdout
    assert SECRET_TEXT not in written.stderr + listed.stderr


def test_wrong_passphrase_exits_2_and_touches_nothing(journal_home: Path) -> None:
    before = _snapshot(journal_home)
    result = tidewise(journal_home, "list", passphrase="wrong")
    assert result.returncode == 2
    assert result.stderr == "tidewise: That passphrase does not unlock this journal.\n"
    assert _snapshot(journal_home) == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda home: (home / "journal.db").write_bytes(b"\0" * 100),
        lambda home: (home / "journal.db").write_bytes(os.urandom(40960)),
        lambda home: (home / "journal.header").unlink(),
        lambda home: (home / "journal.header").write_text("{not json"),
        lambda home: (home / "journal.db").unlink(),
    ],
    ids=["truncated", "garbage", "no-header", "garbled-header", "no-db"],
)
def test_damage_exits_3_and_creates_nothing(
    journal_home: Path, passphrase: str, damage: object
) -> None:
    damage(journal_home)  # type: ignore[operator]
    before = _snapshot(journal_home)
    result = tidewise(journal_home, "list", passphrase=passphrase)
    assert result.returncode == 3
    assert result.stderr.startswith("tidewise: The journal's")
    assert _snapshot(journal_home) == before


def test_usage_errors_exit_1(journal_home: Path, passphrase: str) -> None:
    for args in (["no-such-command"], ["write", "--closeness", "lots"], ["show"]):
        result = tidewise(journal_home, *args, passphrase=passphrase)
        assert result.returncode == 1, args
        assert result.stdout == ""
        assert "Error" in result.stderr


def test_missing_journal_exits_1_without_asking(tmp_path: Path) -> None:
    result = tidewise(tmp_path / "none", "list", passphrase=None)
    assert result.returncode == 1
    assert "tidewise init" in result.stderr
    assert not (tmp_path / "none").exists()


def test_not_found_and_nul_are_input_errors(journal_home: Path, passphrase: str) -> None:
    missing = tidewise(journal_home, "show", "42", passphrase=passphrase)
    assert (missing.returncode, missing.stderr) == (1, "tidewise: No entry with that id.\n")
    nul = tidewise(journal_home, "write", "--no-analysis", passphrase=passphrase, stdin="a\0b")
    assert nul.returncode == 1 and "NUL" in nul.stderr


def test_help_lists_every_entry_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tidewise", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    for command in (
        "init",
        "write",
        "list",
        "show",
        "search",
        "edit",
        "delete",
        "passwd",
        "backup",
        "erase",
        "demo",
        "reanalyze",
    ):
        assert command in result.stdout


def test_help_does_not_load_the_store() -> None:
    code = (
        "import sys; from tidewise.cli import app\n"
        "names = ('sqlcipher3', 'sqlalchemy', 'numpy', 'argon2', 'cryptography',\n"
        "         'onnxruntime', 'dateparser', 'rich')\n"
        "heavy = [m for m in names if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
