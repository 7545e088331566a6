"""Import by choosing a file: the upload route, its limits, progress and its summary."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.web.conftest import Web
from tests.web.pagetree import parse
from tidewise.formats.base import MAX_FILE_BYTES
from tidewise.settings import Settings
from tidewise.web.routes.imports import CHOOSE_A_FILE, NEEDS_PASSPHRASE
from tidewise.web.upload import UPLOAD_BODY_BYTES

JRNL = (
    "[2024-05-01 21:30] A long walk by the water.\n"
    "We talked for the first time in days.\n\n"
    "[2024-05-02 08:10] Slept badly.\n"
    "I kept to myself all morning.\n"
)


def _upload(
    web: Web, content: bytes, name: str = "journal.txt", **fields: str
) -> tuple[int, str, str]:
    """POST the import form as the page sends it: the token first, then the file."""
    data = {"form_token": fields.pop("form_token", web.form_token()), **fields}
    response = web.client.post(
        "/import",
        data=data,
        files={"file": (name, content, "text/plain")},
        headers={"origin": fields.pop("origin", "http://127.0.0.1:8765")},
    )
    return response.status_code, response.headers.get("location", ""), response.text


def _finished(web: Web) -> str:
    web.app.state.imports.wait(30)
    page = web.get("/import/status")
    assert page.status_code == 200
    return page.text


def _scratch(settings: Settings) -> list[Path]:
    folder = settings.home / ".scratch"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_import_page_is_a_labelled_upload_form_with_the_token_first(unlocked_web: Web) -> None:
    page = parse(unlocked_web.get("/import").text)
    form = page.find("form", action="/import", method="post")
    assert form.attrs["enctype"] == "multipart/form-data"
    inputs = form.find_all("input")
    assert inputs[0].attrs["name"] == "form_token"
    assert page.find("label", for_="import-file").text == "File to import"
    assert form.find("input", type="file", id="import-file", name="file")
    assert page.find("label", for_="import-format")
    assert page.find("label", for_="import-zone")
    formats = [o.attrs["value"] for o in form.find("select").find_all("option")]
    assert "" in formats and "jrnl-text" in formats and "folder" not in formats


def test_a_file_is_imported_once_and_its_copy_is_gone(
    unlocked_web: Web, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    status, location, _ = _upload(unlocked_web, JRNL.encode(), zone="Europe/Berlin")
    assert (status, location) == (303, "/import/status")
    done = parse(_finished(unlocked_web)).find(id="import-done").text
    assert "Imported 2 entries from journal.txt" in done
    journal = unlocked_web.state.journal
    assert sorted(e.text.split("\n")[0] for e in journal.entries()) == [
        "A long walk by the water.",
        "Slept badly.",
    ]
    assert journal.entries()[0].time_zone == "Europe/Berlin"
    assert _scratch(settings) == []
    assert list(system_temp.iterdir()) == []  # never spooled to the system's temp folder
    again = _upload(unlocked_web, JRNL.encode())
    assert again[0] == 303
    assert "Imported 0 entries" in _finished(unlocked_web)
    assert journal.count() == 2
    listed = unlocked_web.get("/journal").text
    assert "A long walk by the water." in listed


def test_a_file_in_no_known_format_is_refused_in_one_line(
    unlocked_web: Web, settings: Settings
) -> None:
    status, _, text = _upload(unlocked_web, b"\x00\x01 not a journal \xff", name="photo.jpg")
    assert status == 400
    error = parse(text).find(id="form-error").text
    assert error.startswith("photo.jpg: file: is not in a format we recognise")
    assert "the Format choice" in error and "--format" not in error
    assert error.endswith("Nothing was imported.")
    assert unlocked_web.state.journal.count() == 0
    assert _scratch(settings) == []


def test_a_broken_file_changes_nothing(unlocked_web: Web, settings: Settings) -> None:
    broken = JRNL.replace("2024-05-02 08:10", "2024-13-45 08:10").encode()
    status, _, _ = _upload(unlocked_web, broken, format="jrnl-text")
    assert status == 303
    error = parse(_finished(unlocked_web)).find(id="import-error").text
    assert error.startswith("journal.txt: ") and error.endswith("Nothing was imported.")
    assert unlocked_web.state.journal.count() == 0
    assert _scratch(settings) == []


def test_no_file_and_a_bad_zone_are_refused(unlocked_web: Web) -> None:
    status, _, text = _upload(unlocked_web, b"", name="")
    assert status in (400,)
    assert parse(text).find(id="form-error").text == CHOOSE_A_FILE
    status, _, text = _upload(unlocked_web, JRNL.encode(), zone="Mars/Olympus")
    assert status == 400
    assert "time zone" in parse(text).find(id="form-error").text
    assert unlocked_web.state.journal.count() == 0


def test_a_file_over_the_limit_is_refused_and_never_kept(
    unlocked_web: Web, settings: Settings
) -> None:
    just_over = b"x" * (MAX_FILE_BYTES + 10)
    status, _, text = _upload(unlocked_web, just_over)
    assert status == 413
    assert parse(text).find(id="form-error").text == (
        "That file is larger than 50 MB. Nothing was imported."
    )
    assert _scratch(settings) == []
    far_over = b"x" * (UPLOAD_BODY_BYTES + 10)
    status, _, text = _upload(unlocked_web, far_over)
    assert status == 413
    assert "larger than 50 MB" in text
    assert _scratch(settings) == []
    assert unlocked_web.state.journal.count() == 0


def test_forged_uploads_are_refused_before_the_file_is_written(
    unlocked_web: Web, settings: Settings
) -> None:
    status, _, _ = _upload(unlocked_web, JRNL.encode(), form_token="forged")
    assert status == 403
    status, _, _ = _upload(unlocked_web, JRNL.encode(), origin="http://evil.example")
    assert status == 403
    assert _scratch(settings) == []
    assert unlocked_web.state.journal.count() == 0


def test_an_encrypted_export_comes_back_with_its_passphrase(unlocked_web: Web) -> None:
    unlocked_web.write("Sealed and brought back.")
    fields = {"format": "json", "passphrase": "tide pools", "passphrase_again": "tide pools"}
    sealed = unlocked_web.post("/export/encrypted", fields).content
    journal = unlocked_web.state.journal
    journal.delete(journal.entries()[0].id)
    status, _, text = _upload(unlocked_web, sealed, name="notes.json")
    assert status == 400
    assert parse(text).find(id="form-error").text == NEEDS_PASSPHRASE
    _upload(unlocked_web, sealed, name="notes.json", export_passphrase="wrong one")
    wrong = parse(_finished(unlocked_web)).find(id="import-error").text
    assert wrong == "That passphrase does not open this encrypted export; nothing was imported."
    _upload(unlocked_web, sealed, name="notes.json", export_passphrase="tide pools")
    assert "Imported 1 entry" in _finished(unlocked_web)
    assert [e.text for e in journal.entries()] == ["Sealed and brought back."]


def test_a_forged_post_without_a_file_is_refused(unlocked_web: Web) -> None:
    response = unlocked_web.client.post(
        "/import",
        data={"form_token": "forged", "format": "jrnl-text"},
        files={"other": ("", b"", "text/plain")},
        headers={"origin": "http://127.0.0.1:8765"},
    )
    assert response.status_code == 403
    plain = unlocked_web.post("/import", {"format": "jrnl-text"})  # not multipart at all
    assert plain.status_code == 400
