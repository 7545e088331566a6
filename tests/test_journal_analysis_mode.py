"""`Journal.write` and `Journal.edit` read new text as their analysis mode asks, and an
entry saved without a reading says why (`Entry.unread`).

`MissingReader` behaves as the real engine does on an install without its model files
(ModelFilesError) or without onnxruntime (ImportError), at the first text it is given.
The CLI's own test of the same rule blocks the real model package in a real process
(tests/cli/test_unread.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import FakeAnalyzer
from tidewise.analysis.types import EntryAnalysis
from tidewise.errors import ModelFilesError
from tidewise.journal import Journal
from tidewise.records import Analysis, NewEntry, Unread
from tidewise.settings import Settings


class MissingReader:
    """An analyser whose model cannot load here: every reading raises `error`."""

    version = "missing-1"

    def __init__(self, error: type[Exception] = ModelFilesError) -> None:
        self.error = error
        self.calls = 0

    def analyze(self, text: str) -> EntryAnalysis:
        self.calls += 1
        raise self.error

    def analyze_many(self, texts: Sequence[str]) -> list[EntryAnalysis]:
        self.calls += 1
        raise self.error


@pytest.fixture(params=[ModelFilesError, ImportError], ids=["no-model-files", "no-onnxruntime"])
def readerless(request: pytest.FixtureRequest, settings: Settings, passphrase: str) -> Journal:
    journal = Journal.create(settings, passphrase, analyzer=MissingReader(request.param))
    request.addfinalizer(journal.close)
    return journal


def test_if_available_saves_the_entry_unread_when_the_reader_cannot_run(
    readerless: Journal,
) -> None:
    entry = readerless.write("We sat in the car and said nothing.", analysis=Analysis.IF_AVAILABLE)
    assert (entry.analysis, entry.unread) == (None, Unread.NO_READER)
    assert readerless.get(entry.id).text == "We sat in the car and said nothing."


def test_required_refuses_and_writes_nothing_when_the_reader_cannot_run(
    readerless: Journal,
) -> None:
    with pytest.raises((ModelFilesError, ImportError)):
        readerless.write("Not kept.", analysis=Analysis.REQUIRED)
    assert readerless.count() == 0


def test_off_never_asks_the_reader(settings: Settings, passphrase: str) -> None:
    reader = MissingReader()
    with Journal.create(settings, passphrase, analyzer=reader) as journal:
        written = journal.write("Left unread on purpose.", analysis=Analysis.OFF)
        edited = journal.edit(written.id, text="Still unread.", analysis=Analysis.OFF)
    assert reader.calls == 0
    assert (written.unread, edited.unread) == (Unread.ASKED, Unread.ASKED)


def test_an_entry_that_was_read_has_no_unread_reason(fresh_journal: Journal) -> None:
    entry = fresh_journal.write("He held my hand.", analysis=Analysis.IF_AVAILABLE)
    assert entry.analysis is not None and entry.unread is None
    assert fresh_journal.get(entry.id) == entry  # the reason is not part of the entry


def test_an_edit_saves_new_text_unread_and_drops_the_old_reading(
    settings: Settings, passphrase: str
) -> None:
    with Journal.create(settings, passphrase, analyzer=FakeAnalyzer()) as journal:
        entry = journal.write("He held my hand.")
        assert entry.analysis is not None
    with Journal.open(settings, passphrase, analyzer=MissingReader()) as journal:
        edited = journal.edit(entry.id, text="I shut the door.", analysis=Analysis.IF_AVAILABLE)
        assert (edited.text, edited.analysis, edited.unread) == (
            "I shut the door.",
            None,  # never a reading of the old text beside the new one
            Unread.NO_READER,
        )
        with pytest.raises(ModelFilesError):
            journal.edit(entry.id, text="Refused.", analysis=Analysis.REQUIRED)
        assert journal.get(entry.id).text == "I shut the door."


def test_an_edit_that_keeps_the_text_keeps_its_reading(fresh_journal: Journal) -> None:
    entry = fresh_journal.write("He held my hand.")
    edited = fresh_journal.edit(entry.id, tags=["evening"], analysis=Analysis.IF_AVAILABLE)
    assert edited.analysis == entry.analysis and edited.unread is None


def _batch() -> list[NewEntry]:
    start = datetime(2024, 3, 1, 9, tzinfo=UTC)
    return [
        NewEntry(text=f"Imported day {n}.", created=start + timedelta(days=n), import_key=f"k{n}")
        for n in range(3)
    ]


def test_an_import_if_available_is_saved_unread_when_the_reader_cannot_run(
    readerless: Journal,
) -> None:
    result = readerless.import_entries(_batch(), analysis=Analysis.IF_AVAILABLE)
    assert (result.imported, result.unread) == (3, Unread.NO_READER)
    assert all(e.analysis is None for e in readerless.entries())


def test_a_required_import_refuses_and_writes_nothing_when_the_reader_cannot_run(
    readerless: Journal,
) -> None:
    with pytest.raises((ModelFilesError, ImportError)):
        readerless.import_entries(_batch())
    assert readerless.entries() == []


def test_an_import_with_a_reader_is_read_and_says_nothing_is_unread(fresh_journal: Journal) -> None:
    result = fresh_journal.import_entries(_batch(), analysis=Analysis.IF_AVAILABLE)
    assert (result.imported, result.unread) == (3, None)
    assert all(e.analysis is not None for e in fresh_journal.entries())
    off = fresh_journal.import_entries(
        [NewEntry(text="Later.", created=datetime(2024, 4, 1, tzinfo=UTC))], analysis=Analysis.OFF
    )
    assert off.unread == Unread.ASKED
