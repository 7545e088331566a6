"""An entry's own reading beside the tide's: the lookup, the comparison, the shares."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import FakeAnalyzer
from tidewise.cycle.labels import Label
from tidewise.records import Entry
from tidewise.reports.observations import tide_of
from tidewise.reports.readings import (
    READ_ALONE_KEYS,
    own_phases,
    read_alone_shares,
    tide_phase_if_different,
    tide_phases,
)

START = datetime(2025, 1, 6, 21, tzinfo=UTC)
TIRED = "I am so tired and lonely tonight. I miss him."
HELD = "He held my hand at dinner."
BILLS = "We paid the bills and booked the car in."


def journal(*texts: str | None) -> list[Entry]:
    """Entries a day apart, read by the keyword fake (None: an entry never read)."""
    analyzer = FakeAnalyzer()
    return [
        Entry(
            id=n,
            text=text or "Not read.",
            created=START + timedelta(days=n),
            updated=START + timedelta(days=n),
            analysis=analyzer.analyze(text) if text else None,
        )
        for n, text in enumerate(texts, 1)
    ]


# One warm evening inside two worn-out weeks: the tide reads it as part of the stretch.
STRETCH = journal(*[TIRED] * 6, HELD, *[TIRED] * 6, BILLS, None)


def test_the_tide_reads_a_lone_warm_evening_inside_a_worn_out_stretch() -> None:
    own = own_phases(STRETCH)
    phases = tide_phases(tide_of(STRETCH))
    assert own[7] == "reaching"
    assert phases[7] == Label.EXHAUSTION
    assert tide_phase_if_different(own[7], phases[7]) == Label.EXHAUSTION
    assert tide_phase_if_different(own[1], phases[1]) is None  # both read worn out


def test_an_unread_entry_has_neither_reading() -> None:
    assert 15 not in own_phases(STRETCH)
    assert 15 not in tide_phases(tide_of(STRETCH))
    assert tide_phase_if_different(None, None) is None
    assert tide_phase_if_different("reaching", None) is None


def test_read_alone_shares_count_the_tides_entries_each_on_its_own() -> None:
    tide = tide_of(STRETCH)
    shares = read_alone_shares(tide, own_phases(STRETCH))
    assert tuple(shares) == READ_ALONE_KEYS
    # 14 read entries: 12 worn out, 1 reaching, 1 with no clear phase; the unread one
    # is left out of both readings.
    assert shares["exhaustion"] == pytest.approx(12 / 14, abs=1e-4)
    assert shares["reaching"] == pytest.approx(1 / 14, abs=1e-4)
    assert shares["neutral"] == pytest.approx(1 / 14, abs=1e-4)
    assert shares["withdrawing"] == 0.0
    assert tide.entries_in_phase[Label.REACHING] == 0.0  # the tide sees no reaching at all


def test_read_alone_shares_follow_the_tides_period() -> None:
    tide = tide_of(STRETCH, since=START + timedelta(days=7), until=START + timedelta(days=8))
    assert read_alone_shares(tide, own_phases(STRETCH))["reaching"] == 1.0


def test_an_empty_period_has_no_shares() -> None:
    tide = tide_of(STRETCH, since=START + timedelta(days=100))
    assert read_alone_shares(tide, own_phases(STRETCH)) == dict.fromkeys(READ_ALONE_KEYS)
