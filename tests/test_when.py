"""Dates by the day alone, and the date and time a person types (tidewise/when.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tidewise.errors import InputError
from tidewise.when import (
    BAD_DATE,
    BAD_TIME,
    TIME_WITHOUT_DATE,
    WhenFields,
    is_day_only,
    parse_when,
)

BERLIN = ZoneInfo("Europe/Berlin")


def test_midnight_in_the_entrys_own_zone_is_a_day_only_date() -> None:
    assert is_day_only(datetime(2026, 3, 14, tzinfo=BERLIN))
    assert not is_day_only(datetime(2026, 3, 14, 0, 1, tzinfo=BERLIN))
    assert not is_day_only(datetime(2026, 3, 14, 0, 0, 0, 1, tzinfo=BERLIN))
    # The same instant seen in another zone is not midnight there.
    assert not is_day_only(datetime(2026, 3, 14, tzinfo=BERLIN).astimezone(UTC))


def test_fields_of_a_day_only_moment_have_no_time() -> None:
    assert WhenFields.of(datetime(2026, 3, 14, tzinfo=BERLIN)) == WhenFields("2026-03-14", "")
    later = datetime(2026, 3, 14, 21, 30, 12, tzinfo=BERLIN)
    assert WhenFields.of(later) == WhenFields("2026-03-14", "21:30")


def test_a_date_and_time_are_read_in_the_given_zone() -> None:
    moment = parse_when(WhenFields("2026-03-14", "21:30"), BERLIN)
    assert moment == datetime(2026, 3, 14, 21, 30, tzinfo=BERLIN)
    assert parse_when(WhenFields("2026-03-14", "7:05:09"), BERLIN) == datetime(
        2026, 3, 14, 7, 5, 9, tzinfo=BERLIN
    )


def test_a_date_without_a_time_is_the_day_alone() -> None:
    moment = parse_when(WhenFields("2026-03-14", " "), timezone(timedelta(hours=-5)))
    assert moment is not None and is_day_only(moment)


def test_both_fields_empty_mean_no_date_given() -> None:
    assert parse_when(WhenFields("", ""), BERLIN) is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (WhenFields("14/03/2026", ""), BAD_DATE),
        (WhenFields("2026-02-30", ""), BAD_DATE),
        (WhenFields("yesterday", ""), BAD_DATE),
        (WhenFields("2026-03-14", "25:00"), BAD_TIME),
        (WhenFields("2026-03-14", "9pm"), BAD_TIME),
        (WhenFields("2026-03-14", "12:60"), BAD_TIME),
        (WhenFields("", "21:30"), TIME_WITHOUT_DATE),
    ],
)
def test_unreadable_fields_are_refused_with_one_line(fields: WhenFields, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_when(fields, BERLIN)
    assert caught.value.message == message
    assert "\n" not in message
