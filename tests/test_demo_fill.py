"""`demo.fill`, the one filling of an example journal (`tidewise demo` and the web UI)."""

from __future__ import annotations

from datetime import datetime

from tests.conftest import FakeAnalyzer
from tests.test_journal_analysis_mode import MissingReader
from tidewise.demo import DEMO_ENTRIES, demo_dates, fill
from tidewise.journal import Journal
from tidewise.records import Unread
from tidewise.settings import Settings

TODAY = datetime.fromisoformat("2025-06-14T12:00:00+02:00")


def test_fill_writes_every_example_read_with_its_check_in_and_date(
    fresh_journal: Journal, fake_analyzer: FakeAnalyzer
) -> None:
    assert fill(fresh_journal, TODAY) is None
    entries = fresh_journal.entries(newest_first=False)
    assert [e.text for e in entries] == [d.text for d in DEMO_ENTRIES]
    assert [e.created for e in entries] == demo_dates(TODAY)
    assert [(e.checkin.closeness, e.checkin.shame) for e in entries if e.checkin] == [
        (d.closeness, d.shame) for d in DEMO_ENTRIES
    ]
    assert all(e.analysis is not None for e in entries)
    assert fake_analyzer.calls == len(DEMO_ENTRIES)


def test_fill_without_a_reader_tries_it_once_and_says_why(
    settings: Settings, passphrase: str
) -> None:
    reader = MissingReader()
    with Journal.create(settings, passphrase, analyzer=reader) as journal:
        assert fill(journal, TODAY) == Unread.NO_READER
        entries = journal.entries()
    assert len(entries) == len(DEMO_ENTRIES)
    assert all(e.analysis is None for e in entries)
    assert reader.calls == 1
