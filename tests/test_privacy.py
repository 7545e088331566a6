"""No plaintext outside the database, and no network, ever.

Unique canaries (ASCII and non-ASCII) are written, then every file under the journal
folder, and the temp folder SQLite and Python would use, is read as bytes and searched
for the canaries as UTF-8, UTF-16-LE and base64 (at all three alignments), after each
step: writes, edit, checkpoint, VACUUM, backup, passphrase change, import, close, and
a SIGKILL in the middle of writing.
"""

from __future__ import annotations

import base64
import secrets
import socket
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.kill import run_and_kill
from tidewise.cli import app
from tidewise.journal import Journal
from tidewise.records import Analysis, NewEntry
from tidewise.settings import PASSPHRASE_ENV, Settings


def _forms(secret: str) -> list[bytes]:
    """The byte patterns a leaked `secret` could take."""
    raw = secret.encode("utf-8")
    forms = [raw, secret.encode("utf-16-le"), secret.encode("utf-16-be")]
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + raw)
        forms.append(encoded[4:-4])  # the part that does not depend on neighbours
    return forms


def _leaks(folders: list[Path], secrets_: list[str]) -> list[str]:
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                found += [f"{path.name}: {s[:6]}" for s in secrets_ for f in _forms(s) if f in data]
    return found


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("SQLITE_TMPDIR", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_no_canary_reaches_any_file(
    settings: Settings, passphrase: str, temp_dir: Path, tmp_path: Path
) -> None:
    ascii_canary = "CANARY" + secrets.token_hex(8)
    other_canary = "Kanärie-" + secrets.token_hex(6) + "-ßøé🌊"
    canaries = [ascii_canary, other_canary]
    body = f"I kept this to myself: {ascii_canary} and {other_canary}. "
    places = [settings.home, temp_dir]

    def check(step: str, extra: list[str] = []) -> None:  # noqa: B006
        assert _leaks(places, canaries + extra) == [], step

    journal = Journal.create(settings, passphrase)
    for number in range(200):
        journal.write(
            body * (1 + number % 30) + str(number), tags=["canary"], analysis=Analysis.OFF
        )
    check("after writes, journal open")
    entry = journal.entries(limit=1)[0]
    journal.edit(entry.id, text=body + "edited", analysis=Analysis.OFF)
    check("after edit")
    with journal._connection() as con:
        con.execute("PRAGMA wal_checkpoint(FULL)").fetchall()
        check("after checkpoint")
        con.execute("VACUUM")
        check("after VACUUM")
    journal.backup()
    journal.backup(tmp_path / "elsewhere")
    places.append(tmp_path / "elsewhere")
    check("after backups")
    journal.change_passphrase(passphrase, "new " + passphrase)
    check("after passphrase change", [passphrase, "new " + passphrase])
    journal.import_entries(
        [NewEntry(text=body + f"import {n}", created=datetime.now(UTC)) for n in range(50)],
        analysis=Analysis.OFF,
    )
    check("after import")
    journal.close()
    check("after close", [passphrase, "new " + passphrase])

    def child(report: Callable[[str], None]) -> None:
        with Journal.open(settings, "new " + passphrase) as writer:
            while True:
                writer.write(body * 20, analysis=Analysis.OFF)
                report("1\n")

    run_and_kill(child, 0.15)
    assert (settings.home / "journal.db-wal").exists()  # killed while open: WAL left behind
    check("after SIGKILL")
    assert Journal.open(settings, "new " + passphrase).count() >= 250


def test_the_canary_check_itself_finds_plaintext(tmp_path: Path) -> None:
    canary = "Kanärie-" + secrets.token_hex(4)
    for name, data in [
        ("a", canary.encode()),
        ("b", canary.encode("utf-16-le")),
        ("c", b"xx" + base64.b64encode(b"zz" + canary.encode())),
    ]:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "file").write_bytes(data)
        assert _leaks([folder], [canary]) != []


def test_commands_work_with_the_network_unreachable(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, passphrase: str
) -> None:
    Journal.create(settings, passphrase).close()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setenv(PASSPHRASE_ENV, passphrase)
    runner = CliRunner()
    home = str(settings.home)
    written = runner.invoke(app, ["--journal", home, "write", "Offline words.", "--no-analysis"])
    assert written.exit_code == 0, written.stderr
    listed = runner.invoke(app, ["--journal", home, "list"])
    assert "Offline words." in listed.stdout
    found = runner.invoke(app, ["--journal", home, "search", "offline"])
    assert "Offline words." in found.stdout


def test_a_sentence_corrected_through_the_web_reaches_no_file(
    settings: Settings, temp_dir: Path
) -> None:
    """A canary sentence corrected on the entry page (kept with its text and embedding in
    the corrections table), re-read in the background, listed, undone and corrected
    again, appears in no file outside the encrypted store."""
    from tests.web.conftest import PASSPHRASE, TOKEN, Web, make_app, make_client

    canary = "Kanärie-" + secrets.token_hex(6) + "-ßøé"
    other = "CANARY" + secrets.token_hex(8)
    text = f"He held my hand near {canary}. I moved to the spare room past {other}."
    app = make_app(settings)
    web = Web(make_client(app), app)
    try:
        assert web.client.get(f"/launch/{TOKEN}").status_code == 303
        web.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
        web.write(f"The note said {canary}.")  # read again after the correction
        entry_id = web.write(text)
        fields = {"sentence": "1", "label": "withdrawing"}
        assert web.post(f"/entries/{entry_id}/correct", fields).status_code == 303
        web.post(f"/entries/{entry_id}/correct", {"sentence": "2", "label": "unsure"})
        assert app.state.rereader.wait(10)
        assert canary in web.get("/learned").text
        first = web.state.journal.corrections()[0]
        web.post(f"/corrections/{first.id}/undo", {"back": "learned"})
        web.post(f"/entries/{entry_id}/correct", fields)
        assert app.state.rereader.wait(10)
        assert len(web.state.journal.corrections()) == 2
        assert _leaks([settings.home, temp_dir], [canary, other]) == [], "while open"
    finally:
        app.state.web.shutdown()
    assert _leaks([settings.home, temp_dir], [canary, other, PASSPHRASE]) == [], "after lock"
