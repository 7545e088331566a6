"""One period convention, [start, end), for the store, the tide, the report and the CLI.

Before it, `list` and `export` kept an entry written in the last microsecond of the `--to`
day while `tide` and the report left it out. Each boundary is checked through every door.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import FakeAnalyzer
from tidewise import clock
from tidewise.journal import Journal
from tidewise.records import NewEntry
from tidewise.settings import PASSPHRASE_ENV, Settings
from tidewise.web.report_view import ReportChoices, period

FIRST, LAST = date(2025, 5, 1), date(2025, 5, 3)


def _local(day: date) -> datetime:
    """Midnight of `day` on this machine, as the CLI reads `--from 2025-05-01`."""
    return datetime(day.year, day.month, day.day).astimezone()


@pytest.fixture
def boundary_home(settings: Settings, passphrase: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Entries just before, at, and just after both ends of FIRST..LAST (local days)."""
    start, end = _local(FIRST), _local(LAST + timedelta(days=1))
    tiny = timedelta(microseconds=1)
    moments = [start - tiny, start, start + timedelta(days=1), end - tiny, end]
    texts = ["He held me.", "I moved to the spare room.", "He held my hand."]
    with Journal.create(settings, passphrase, analyzer=FakeAnalyzer()) as journal:
        journal.import_entries([NewEntry(texts[n % 3], moment) for n, moment in enumerate(moments)])
    monkeypatch.setenv(PASSPHRASE_ENV, passphrase)
    return settings.home


def test_the_store_keeps_the_start_and_drops_the_end(
    boundary_home: Path, settings: Settings, passphrase: str
) -> None:
    start, end = _local(FIRST), _local(LAST + timedelta(days=1))
    with Journal.open(settings, passphrase) as journal:
        kept = journal.entries(since=start, until=end, newest_first=False)
    assert [e.created for e in kept] == [
        start,
        start + timedelta(days=1),
        end - timedelta(microseconds=1),
    ]


def test_list_export_tide_and_report_agree_on_the_days_chosen(
    boundary_home: Path, tmp_path: Path
) -> None:
    days = ("--from", FIRST.isoformat(), "--to", LAST.isoformat())
    listed = json.loads(run("list", *days, "--json").stdout)
    exported = json.loads(run("export", *days).stdout)["entries"]
    tide = json.loads(run("tide", "--json", *days).stdout)
    out = tmp_path / "summary.html"
    assert run("report", "--out", str(out), *days).exit_code == 0
    report = json.loads(out.with_suffix(".json").read_text("utf-8"))
    assert len(listed) == len(exported) == tide["entries"] == report["entries"] == 3
    assert report["left_out"]["entries_before_period"] == 1
    assert report["left_out"]["entries_after_period"] == 1
    assert report["period"] == {"from": FIRST.isoformat(), "to": LAST.isoformat()}


def test_the_tide_says_the_last_day_chosen_not_the_midnight_after_it(boundary_home: Path) -> None:
    shown = run("tide", "--from", FIRST.isoformat(), "--to", LAST.isoformat()).stdout
    assert f"{FIRST.isoformat()} to {LAST.isoformat()}" in shown


def test_a_to_with_a_time_stops_at_that_instant(boundary_home: Path) -> None:
    second_day = (FIRST + timedelta(days=1)).isoformat()
    listed = json.loads(run("list", "--to", f"{second_day}T00:00", "--json").stdout)
    assert len(listed) == 2  # the one at that very instant starts the next period


def test_the_web_report_period_runs_to_the_midnight_after_the_last_day() -> None:
    since, until = period(ReportChoices(since=FIRST.isoformat(), until=LAST.isoformat()))
    assert since is not None and until is not None
    assert (since.date(), since.time()) == (FIRST, datetime.min.time())
    assert (until.date(), until.time()) == (LAST + timedelta(days=1), datetime.min.time())
    assert clock.last_day(until) == LAST


@pytest.mark.parametrize(
    ("end", "last"),
    [
        (datetime(2025, 5, 4, tzinfo=UTC), date(2025, 5, 3)),
        (datetime(2025, 5, 4, 0, 0, 1, tzinfo=UTC), date(2025, 5, 4)),
        (datetime(2025, 5, 4, 21, 30, tzinfo=timezone(timedelta(hours=-7))), date(2025, 5, 4)),
        (datetime(2025, 3, 1), date(2025, 2, 28)),
    ],
)
def test_last_day_is_the_day_before_a_midnight_end(end: datetime, last: date) -> None:
    assert clock.last_day(end) == last
