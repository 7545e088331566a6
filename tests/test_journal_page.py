"""Journal.page and Journal.tags: the list a page at a time, and the tags in use."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tidewise.journal import Journal
from tidewise.records import Cursor, Entry, NewEntry

START = datetime(2025, 3, 1, 12, tzinfo=UTC)


def _every_page(journal: Journal, limit: int, **filters: object) -> list[list[Entry]]:
    pages: list[list[Entry]] = []
    before: Cursor | None = None
    while True:
        page = journal.page(before=before, limit=limit, **filters)  # type: ignore[arg-type]
        pages.append(list(page.entries))
        if page.next is None:
            return pages
        assert page.next == Cursor.at(page.entries[-1])
        before = page.next


def _fill(journal: Journal) -> list[Entry]:
    """Eleven entries, seven of them at one instant (as an import dated by the day gives)."""
    moments = [START - timedelta(days=2), START - timedelta(days=1)] + [START] * 7
    moments += [START + timedelta(microseconds=1), START + timedelta(days=1)]
    news = [
        NewEntry(
            f"Entry {n}. {'He held me.' if n % 3 else 'I moved to the spare room.'}",
            moment,
            tags=("odd",) if n % 2 else (),
            import_key=f"k{n}",
        )
        for n, moment in enumerate(moments)
    ]
    journal.import_entries(news)
    return journal.entries()


@pytest.mark.parametrize("limit", [1, 2, 3, 7, 11, 50])
def test_pages_give_every_entry_once_newest_first(fresh_journal: Journal, limit: int) -> None:
    newest_first = _fill(fresh_journal)
    pages = _every_page(fresh_journal, limit)
    assert [e.id for page in pages for e in page] == [e.id for e in newest_first]
    assert all(len(page) == limit for page in pages[:-1])
    assert pages[-1], "a page that ends the list exactly says so: no empty page after it"


def test_a_page_keeps_only_entries_matching_every_filter(fresh_journal: Journal) -> None:
    newest_first = _fill(fresh_journal)
    fresh_journal.set_starred(newest_first[3].id, True)
    fresh_journal.set_starred(newest_first[4].id, True)
    odd = [e.id for e in newest_first if "odd" in e.tags]
    assert [e.id for page in _every_page(fresh_journal, 2, tag="#ODD") for e in page] == odd
    starred = _every_page(fresh_journal, 1, starred=True)
    assert [e.id for page in starred for e in page] == [newest_first[3].id, newest_first[4].id]
    reaching = fresh_journal.entries(phase="reaching")
    assert 0 < len(reaching) < len(newest_first)
    assert [e.id for page in _every_page(fresh_journal, 3, phase="reaching") for e in page] == [
        e.id for e in reaching
    ]


def test_a_cursor_in_another_zone_marks_the_same_place(fresh_journal: Journal) -> None:
    newest_first = _fill(fresh_journal)
    middle = newest_first[4]
    elsewhere = middle.created.astimezone(datetime.fromisoformat("2025-01-01T00:00+05:30").tzinfo)
    page = fresh_journal.page(before=Cursor(elsewhere, middle.id), limit=100)
    assert [e.id for e in page.entries] == [e.id for e in newest_first[5:]]


def test_an_empty_journal_has_one_empty_page_and_no_tags(fresh_journal: Journal) -> None:
    page = fresh_journal.page(limit=10)
    assert page.entries == ()
    assert page.next is None
    assert fresh_journal.tags() == ()


def test_tags_are_each_tag_in_use_once_sorted(fresh_journal: Journal) -> None:
    fresh_journal.write("A walk by the river.", tags=["walk", "Calm"])
    fresh_journal.write("Another walk.", tags=["#walk"])
    gone = fresh_journal.write("A fight in the car.", tags=["fight"])
    assert fresh_journal.tags() == ("calm", "fight", "walk")
    fresh_journal.delete(gone.id)
    assert fresh_journal.tags() == ("calm", "walk")
