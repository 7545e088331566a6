"""Odd but well-formed import content gets one clear line naming the problem: never a
Python repr stored as text, never a silent skip, never "unexpected error (TypeError)"."""

from __future__ import annotations

import base64
import copy
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tidewise.errors import ImportFormatError
from tidewise.formats.base import ImportOptions
from tidewise.journal import Journal
from tidewise.records import Analysis
from tidewise.transfer import import_file

FIXTURES = Path(__file__).parent / "fixtures"
DAY_ONE = json.loads((FIXTURES / "day_one_Journal.json").read_text("utf-8"))
DAYLIO = json.loads((FIXTURES / "daylio_backup.json").read_text("utf-8"))


def _day_one_zip(path: Path, doc: dict[str, Any], member: str = "Journal.json") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, json.dumps(doc))
    return path


def _daylio(path: Path, doc: dict[str, Any]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("backup.daylio", base64.b64encode(json.dumps(doc).encode()))
    return path


def _import(journal: Journal, path: Path) -> None:
    import_file(journal, path, options=ImportOptions(zone="UTC"), analysis=Analysis.OFF)


def _with(change: Callable[[dict[str, Any]], None], base: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(base)
    change(doc)
    return doc


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["entries"][0].update(text={"a": 1}), "field 'text' is not text"),
        (lambda d: d["entries"][0].update(text=["words"]), "field 'text' is not text"),
        (
            lambda d: d["entries"][0].update(creationDate="0001-01-01T00:00:00Z"),
            "creationDate is in the year 1",
        ),
        (
            lambda d: d["entries"][1].update(creationDate="9999-12-31T23:59:59Z"),
            "creationDate is in the year 9999",
        ),
    ],
)
def test_odd_day_one_content_is_named(
    fresh_journal: Journal, tmp_path: Path, change: Callable[[dict[str, Any]], None], problem: str
) -> None:
    path = _day_one_zip(tmp_path / "Export.zip", _with(change, DAY_ONE))
    with pytest.raises(ImportFormatError, match=problem):
        _import(fresh_journal, path)
    assert fresh_journal.count() == 0


def test_a_day_one_journal_inside_a_folder_of_the_zip_is_imported(
    fresh_journal: Journal, tmp_path: Path
) -> None:
    path = tmp_path / "Export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Day One Export/Journal.json", json.dumps(DAY_ONE))
        archive.writestr("__MACOSX/Day One Export/._Journal.json", b"\x00\x05\x16\x07")
    summary = import_file(
        fresh_journal, path, options=ImportOptions(zone="UTC"), analysis=Analysis.OFF
    )
    assert summary.format == "day-one" and summary.imported == 2
    assert any("macOS metadata" in note for note in summary.notes)
    assert any("inside folders" in note for note in summary.notes)


def _daylio_entry(**changes: Any) -> Callable[[dict[str, Any]], None]:
    return lambda doc: doc["dayEntries"][0].update(changes)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.update(customMoods=5), "field 'customMoods' is not a list"),
        (lambda d: d.update(customMoods={"id": 1}), "field 'customMoods' is not a list"),
        (lambda d: d.update(tags="walk"), "field 'tags' is not a list"),
        (lambda d: d["customMoods"][1].update(custom_name={"x": 1}), "'custom_name' is not text"),
        (_daylio_entry(mood=[7]), "field 'mood' is not a mood id"),
        (_daylio_entry(mood={"id": 7}), "field 'mood' is not a mood id"),
        (_daylio_entry(tags=[{"id": 3}]), "field 'tags' is not a list of tag ids"),
        (_daylio_entry(tags=[[3]]), "field 'tags' is not a list of tag ids"),
        (_daylio_entry(note={"html": "x"}), "field 'note' is not text"),
        (_daylio_entry(note_title=["x"]), "field 'note_title' is not text"),
        (_daylio_entry(datetime=-62_135_596_800_000), "has a date in the year 1"),
    ],
)
def test_odd_daylio_backup_shapes_are_named(
    fresh_journal: Journal, tmp_path: Path, change: Callable[[dict[str, Any]], None], problem: str
) -> None:
    path = _daylio(tmp_path / "backup.daylio", _with(change, DAYLIO))
    with pytest.raises(ImportFormatError, match=problem):
        _import(fresh_journal, path)
    assert fresh_journal.count() == 0


def test_a_49_mib_csv_field_is_too_large_not_broken_quoting(
    fresh_journal: Journal, tmp_path: Path
) -> None:
    header = (FIXTURES / "daylio_current.csv").read_text("utf-8").splitlines()[0]
    path = tmp_path / "daylio.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write(header + "\n")
        out.write('2026-03-14,March 14,Saturday,9:40 pm,good,"","","')
        out.write("x" * (49 * 1024 * 1024))
        out.write('"\n')
    with pytest.raises(ImportFormatError, match="too large to be one entry") as caught:
        _import(fresh_journal, path)
    assert "quoting" not in str(caught.value)


def test_the_cli_names_the_problem_instead_of_an_unexpected_error(
    fresh_journal: Journal, passphrase: str, tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys

    fresh_journal.close()
    env = os.environ | {
        "TIDEWISE_HOME": str(fresh_journal.settings.home),
        "TIDEWISE_PASSPHRASE": passphrase,
    }

    def tidewise_import(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tidewise", "import", str(path), "--no-analysis"],
            capture_output=True,
            text=True,
            env=env,
            cwd=Path(__file__).resolve().parents[2],
            check=False,
        )

    doc = _with(_daylio_entry(tags=[{"id": 3}]), DAYLIO)
    result = tidewise_import(_daylio(tmp_path / "backup.daylio", doc))
    assert result.returncode == 1
    assert "unexpected error" not in result.stderr
    assert "is not a list of tag ids. Nothing was imported." in result.stderr
    text_object = _with(lambda d: d["entries"][0].update(text={"a": 1}), DAY_ONE)
    result = tidewise_import(_day_one_zip(tmp_path / "E.zip", text_object))
    assert result.returncode == 1 and "field 'text' is not text" in result.stderr


def test_write_refuses_a_date_in_year_one(fresh_journal: Journal) -> None:
    from datetime import datetime

    from tidewise.errors import InputError

    with pytest.raises(InputError, match="1900 and 2199"):
        fresh_journal.write("x", created=datetime(1, 1, 1), analysis=Analysis.OFF)
