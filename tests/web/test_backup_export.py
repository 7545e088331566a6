"""Backup to a folder the person names, and the encrypted export, from the browser."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.web.conftest import PASSPHRASE, Web
from tests.web.pagetree import parse
from tidewise.formats.sealed import open_sealed
from tidewise.journal import Journal
from tidewise.settings import Settings
from tidewise.web.routes.backup import INSIDE_JOURNAL, NEED_FULL_PATH
from tidewise.web.routes.export import NO_PASSPHRASE, PASSPHRASES_DIFFER


def test_backup_page_has_a_labelled_folder_field(unlocked_web: Web) -> None:
    page = parse(unlocked_web.get("/backup").text)
    form = page.find("form", action="/backup", method="post")
    assert form.find("input", name="form_token")
    assert page.find("label", for_="folder").text == "Folder for the backup"
    assert form.find("input", id="folder", name="folder")


def test_a_backup_is_saved_in_the_named_folder_and_opens(
    unlocked_web: Web, tmp_path: Path, settings: Settings
) -> None:
    unlocked_web.write("Worth keeping safe.")
    folder = tmp_path / "usb" / "notes"
    response = unlocked_web.post("/backup", {"folder": str(folder)})
    assert response.status_code == 200
    assert str(folder) in parse(response.text).find(id="backup-done").text
    copy = Settings(home=folder, kdf=settings.kdf)
    with Journal.open(copy, PASSPHRASE) as opened:
        assert [e.text for e in opened.entries()] == ["Worth keeping safe."]
    noted = [c["path"] for c in unlocked_web.state.journal.copies_written()]
    assert str(folder.resolve()) in noted


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        ("notes/backup", NEED_FULL_PATH),
        ("", "Type the folder for the backup."),
    ],
)
def test_a_folder_that_cannot_be_used_is_refused(
    unlocked_web: Web, folder: str, message: str
) -> None:
    response = unlocked_web.post("/backup", {"folder": folder})
    assert response.status_code == 400
    assert parse(response.text).find(id="form-error").text == message


def test_the_journals_own_folder_is_refused(unlocked_web: Web, settings: Settings) -> None:
    inside = settings.home / "backup-here"
    response = unlocked_web.post("/backup", {"folder": str(inside)})
    assert response.status_code == 400
    assert parse(response.text).find(id="form-error").text == INSIDE_JOURNAL
    assert not inside.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_folder_that_cannot_be_written_is_named_in_one_line(
    unlocked_web: Web, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        response = unlocked_web.post("/backup", {"folder": str(locked / "notes")})
    finally:
        locked.chmod(0o700)
    assert response.status_code == 400
    error = parse(response.text).find(id="form-error").text
    assert error == "That folder cannot be written (it is read-only, or not yours)."
    assert list(locked.iterdir()) == []


def test_a_folder_that_already_holds_a_backup_is_refused(unlocked_web: Web, tmp_path: Path) -> None:
    folder = tmp_path / "once"
    assert unlocked_web.post("/backup", {"folder": str(folder)}).status_code == 200
    again = unlocked_web.post("/backup", {"folder": str(folder)})
    assert again.status_code == 400
    assert "already holds a journal or a backup" in parse(again.text).find(id="form-error").text


def test_a_forged_backup_post_is_refused(unlocked_web: Web, tmp_path: Path) -> None:
    folder = tmp_path / "forged"
    forged = unlocked_web.post("/backup", {"folder": str(folder), "form_token": "nope"})
    assert forged.status_code == 403
    other = unlocked_web.post(
        "/backup", {"folder": str(folder)}, headers={"origin": "http://evil.example"}
    )
    assert other.status_code == 403
    assert not folder.exists()


def test_the_plain_export_warning_offers_the_encrypted_export(unlocked_web: Web) -> None:
    page = parse(unlocked_web.get("/export").text)
    warning = page.find(id="plain-warning")
    assert "not encrypted" in warning.text
    assert warning.find("a").attrs["href"] == "#encrypted-heading"
    form = page.find("form", action="/export/encrypted", method="post")
    assert page.find("label", for_="export-passphrase")
    assert page.find("label", for_="export-passphrase-again")
    assert form.find("input", type="password", name="passphrase_again")


def test_an_encrypted_export_opens_only_with_its_passphrase(unlocked_web: Web) -> None:
    unlocked_web.write("Sealed words.")
    fields = {"format": "json", "passphrase": "river stones", "passphrase_again": "river stones"}
    response = unlocked_web.post("/export/encrypted", fields)
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="notes-') and disposition.endswith('.json"')
    assert "Sealed words." not in response.text
    content, plain = open_sealed(response.text, "river stones", "download")
    assert content == "json" and "Sealed words." in plain


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [("one phrase", "another phrase", PASSPHRASES_DIFFER), ("", "", NO_PASSPHRASE)],
)
def test_an_encrypted_export_needs_the_passphrase_twice(
    unlocked_web: Web, first: str, second: str, message: str
) -> None:
    fields = {"format": "json", "passphrase": first, "passphrase_again": second}
    response = unlocked_web.post("/export/encrypted", fields)
    assert response.status_code == 400
    assert parse(response.text).find(id="form-error").text == message
    assert first not in response.text or not first


def test_odd_or_forged_encrypted_export_posts_are_refused(unlocked_web: Web) -> None:
    fields = {"format": "exe", "passphrase": "x y z", "passphrase_again": "x y z"}
    assert unlocked_web.post("/export/encrypted", fields).status_code == 400
    good = {**fields, "format": "json", "form_token": "forged"}
    assert unlocked_web.post("/export/encrypted", good).status_code == 403


def test_a_folder_inside_a_file_is_refused_in_one_line(unlocked_web: Web, tmp_path: Path) -> None:
    a_file = tmp_path / "not-a-folder.txt"
    a_file.write_text("x")
    response = unlocked_web.post("/backup", {"folder": str(a_file / "notes")})
    assert response.status_code == 400
    error = parse(response.text).find(id="form-error").text
    assert error == "Cannot write a file in that folder (does it exist, and may you write there?)."
    plain_file = unlocked_web.post("/backup", {"folder": str(a_file)})
    assert parse(plain_file.text).find(id="form-error").text == (
        "The backup path must be a folder (new or empty)."
    )
