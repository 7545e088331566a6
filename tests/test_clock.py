"""The one rule for zone names: unknown is None, and only the caller picks a fallback."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tidewise import clock


def test_an_unknown_zone_name_is_none_not_a_guess() -> None:
    assert clock.zone_info("Mars/Olympus") is None
    assert clock.zone_info("") is None
    assert clock.iana_zone("+01:00") is None  # offsets are not IANA names


@pytest.mark.parametrize(
    ("name", "offset"),
    [("UTC", timedelta(0)), ("Z", timedelta(0)), ("+05:30", timedelta(hours=5, minutes=30))],
)
def test_utc_and_fixed_offsets_are_known(name: str, offset: timedelta) -> None:
    info = clock.zone_info(name)
    assert info is not None
    assert info.utcoffset(None) == offset


def test_an_iana_name_keeps_daylight_saving() -> None:
    info = clock.zone_info("Europe/Berlin")
    assert info is not None
    assert datetime(2024, 7, 1, tzinfo=info).utcoffset() == timedelta(hours=2)
    assert datetime(2024, 1, 1, tzinfo=info).utcoffset() == timedelta(hours=1)


def test_a_stored_entry_whose_zone_vanished_is_shown_in_utc_at_its_exact_instant() -> None:
    stored = clock.to_utc_text(datetime(2024, 5, 1, 21, 30, tzinfo=UTC))
    shown = clock.in_zone(stored, "Mars/Olympus")
    assert shown.tzinfo is UTC
    assert shown == datetime(2024, 5, 1, 21, 30, tzinfo=UTC)


def test_localise_attaches_a_known_zone_and_falls_back_to_utc() -> None:
    naive = datetime(2024, 5, 1, 9, 0)
    assert clock.localise(naive, "+02:00").utcoffset() == timedelta(hours=2)
    assert clock.localise(naive, "Mars/Olympus").tzinfo is UTC


def test_zone_names_round_trip_through_stored_text() -> None:
    moment = datetime(2024, 3, 31, 1, 59, tzinfo=timezone(timedelta(hours=-3, minutes=-30)))
    name = clock.zone_name(moment)
    assert name == "-03:30"
    assert clock.in_zone(clock.to_utc_text(moment), name) == moment


def test_the_system_zone_passes_over_a_tz_that_names_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert clock.system_zone() == "Asia/Tokyo"
    assert clock.local_zone_name() == "Asia/Tokyo"
    monkeypatch.setenv("TZ", "Mars/Olympus")
    assert clock.local_zone_name() is None
    assert clock.iana_zone(clock.system_zone()) is not None
