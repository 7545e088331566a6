"""Each importer on a sample file written for this project, against known results."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tidewise.errors import ImportFormatError
from tidewise.formats import get_importer, guess_importer
from tidewise.formats.base import ImportOptions

LONDON = ImportOptions(zone="Europe/London")


def test_daylio_csv_current_is_sorted_tagged_and_keeps_the_mood(fixtures: Path) -> None:
    opts = ImportOptions(zone="Europe/London", mood_map={"so-so": 3})
    parsed = get_importer("daylio-csv").parse(fixtures / "daylio_current.csv", opts)
    texts = [e.text for e in parsed.entries]
    assert texts == [
        "Could not stop checking his phone bill & then hated myself for it.",
        "Slept through. First time since the summer.",
        "Long day\nWe ate together for the first time in a week.\nI went upstairs early, alone.",
    ]
    first, _, last = parsed.entries
    assert first.created == datetime(2026, 3, 13, 0, 5, tzinfo=ZoneInfo("Europe/London"))
    assert last.created.hour == 21 and last.created.minute == 40
    assert last.tags == ("walk", "counselling", "🌧️")
    assert last.source_mood is not None and last.source_mood.score == 3
    assert all(e.zone_assumed and e.time_zone == "Europe/London" for e in parsed.entries)
    assert parsed.notes == ("1 mood-only rows without a note were not imported",)
    assert len({e.import_key for e in parsed.entries}) == 3


def test_daylio_csv_refuses_an_unmapped_mood_by_column(fixtures: Path) -> None:
    with pytest.raises(ImportFormatError) as err:
        get_importer("daylio-csv").parse(fixtures / "daylio_current.csv", LONDON)
    assert "column mood" in str(err.value) and "--mood-map" in str(err.value)


def test_daylio_csv_older_seven_columns_and_24_hour_times(fixtures: Path) -> None:
    parsed = get_importer("daylio-csv").parse(fixtures / "daylio_older.csv", LONDON)
    assert [e.created.replace(tzinfo=None) for e in parsed.entries] == [
        datetime(2019, 6, 3, 8, 10),
        datetime(2019, 6, 4, 22, 5),
    ]
    assert parsed.entries[1].tags == ("friends", "film")
    assert parsed.entries[0].tags == ()


def test_daylio_backup_drops_the_pin_and_maps_moods_and_tags(daylio_backup: Path) -> None:
    parsed = get_importer("daylio-backup").parse(daylio_backup, LONDON)
    assert [e.import_key for e in parsed.entries] == ["daylio:412", "daylio:413"]
    numb, session = parsed.entries
    assert numb.source_mood is not None and (numb.source_mood.label, numb.source_mood.score) == (
        "numb",
        2,
    )
    assert session.source_mood is not None and session.source_mood.score == 5
    assert session.text == "Session\nSaid it out loud in counselling.\nLighter after."
    assert session.tags == ("walk", "counselling")
    assert session.time_zone == "+01:00"
    assert numb.created == datetime.fromtimestamp(1773525600, tz=UTC)
    assert "pin" in parsed.dropped_fields
    assert "4321" not in repr(parsed)


def test_jrnl_text_reads_stars_tags_and_titles(fixtures: Path) -> None:
    parsed = get_importer("jrnl-text").parse(fixtures / "jrnl.txt", LONDON)
    slept, film = parsed.entries
    assert slept.text == "Slept badly again.\nHe left early and I was relieved. @sleep"
    assert slept.tags == ("sleep",) and not slept.starred
    assert film.starred and film.text.startswith("We watched a film and I leaned on him.\n")
    assert film.tags == ("evening", "film")
    assert film.created.replace(tzinfo=None) == datetime(2026, 3, 12, 22, 45)


def test_jrnl_text_twelve_hour_default_format(fixtures: Path) -> None:
    parsed = get_importer("jrnl-text").parse(fixtures / "jrnl_ampm.txt", LONDON)
    assert [e.created.hour for e in parsed.entries] == [8, 22]
    assert parsed.entries[0].tags == ("morning",)


def test_jrnl_json_uses_uuid_and_drops_the_creator(fixtures: Path) -> None:
    parsed = get_importer("jrnl-json").parse(fixtures / "jrnl.json", LONDON)
    slept, film = parsed.entries
    assert slept.import_key == "dayone:0A1B2C3D4E5F60718293A4B5C6D7E8F9"
    assert film.text == (
        "We watched a film and I leaned on him.\nLater the voice started: what are you doing?"
    )
    assert film.starred and film.tags == ("evening",)
    assert parsed.dropped_fields == ("creator",)
    assert "kitchen-laptop" not in repr(parsed)


def test_day_one_converts_zones_and_drops_location(day_one_zip: Path) -> None:
    parsed = get_importer("day-one").parse(day_one_zip, LONDON)
    dinner, late = parsed.entries
    assert dinner.text == (
        "Quiet dinner. I wanted to reach for his hand and didn't.\n\n[a photo or file was here]"
    )
    assert dinner.time_zone == "Europe/London" and not dinner.zone_assumed
    assert dinner.created == datetime(2026, 3, 14, 21, 40, tzinfo=UTC)
    assert late.created.utcoffset() is not None and late.created.hour == 23
    assert late.text == "Up at eleven at night - again. Counting the days."
    assert late.starred
    assert {"location", "weather", "creationDeviceModel"} <= set(parsed.dropped_fields)
    assert "somewhere private" not in repr(parsed)


def test_notes_folder_dates_from_front_matter_and_names(fixtures: Path) -> None:
    parsed = get_importer("folder").parse(fixtures / "notes", LONDON)
    assert [e.created.replace(tzinfo=None) for e in parsed.entries] == [
        datetime(2026, 3, 10, 21, 0),
        datetime(2026, 3, 11, 12, 0),
        datetime(2026, 3, 12, 12, 0),
    ]
    assert parsed.entries[0].text.startswith("After the session\nWe talked")
    assert parsed.entries[0].tags == ("counselling", "evening")


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("daylio_current.csv", "daylio-csv"),
        ("daylio_older.csv", "daylio-csv"),
        ("jrnl.txt", "jrnl-text"),
        ("jrnl.json", "jrnl-json"),
        ("notes", "folder"),
    ],
)
def test_the_format_is_guessed_when_unambiguous(fixtures: Path, name: str, fmt: str) -> None:
    assert guess_importer(fixtures / name).name == fmt


def test_zips_are_guessed_by_what_they_hold(day_one_zip: Path, daylio_backup: Path) -> None:
    assert guess_importer(day_one_zip).name == "day-one"
    assert guess_importer(daylio_backup).name == "daylio-backup"


def test_an_unknown_file_is_refused_with_the_path(tmp_path: Path) -> None:
    odd = tmp_path / "odd.bin"
    odd.write_bytes(b"\x00\x01\x02")
    with pytest.raises(ImportFormatError, match="not in a format we recognise"):
        guess_importer(odd)
