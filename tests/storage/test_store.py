"""Store-level behaviour: search syntax safety, tags, time zones, the logical hash."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tidewise import clock
from tidewise.journal import Journal
from tidewise.storage import store


@pytest.mark.parametrize(
    "query", ['"', "AND", "NEAR(a b)", "*", "a OR", "col:text", "'", "(", "^x", "a - b"]
)
def test_search_never_treats_input_as_fts_syntax(fresh_journal: Journal, query: str) -> None:
    entry = fresh_journal.write("Plain words about AND and OR.")
    found = fresh_journal.search(query)  # no exception, and no operator takes effect
    assert [e.id for e in found] in ([], [entry.id])
    # Words that are FTS operators are searched as plain words.
    assert [e.id for e in fresh_journal.search("about AND")] == [entry.id]


def test_search_ignores_case_and_accents(fresh_journal: Journal) -> None:
    entry = fresh_journal.write("Un café au bord de l'eau, Élise était là.")
    assert [e.id for e in fresh_journal.search("CAFE elise")] == [entry.id]
    assert fresh_journal.search("cafe tea") == []


def test_search_follows_edits_and_deletes(fresh_journal: Journal) -> None:
    entry = fresh_journal.write("The lighthouse was dark.")
    fresh_journal.edit(entry.id, text="The harbour was bright.")
    assert fresh_journal.search("lighthouse") == []
    assert [e.id for e in fresh_journal.search("harbour")] == [entry.id]
    fresh_journal.delete(entry.id)
    assert fresh_journal.search("harbour") == []


def test_current_text_follows_edits_and_deletes(fresh_journal: Journal) -> None:
    entry = fresh_journal.write("The tide was out.")
    with fresh_journal._connection() as con:
        assert store.current_text(con, entry.id) == "The tide was out."
    fresh_journal.edit(entry.id, text="The tide came in.")
    with fresh_journal._connection() as con:
        assert store.current_text(con, entry.id) == "The tide came in."
    fresh_journal.delete(entry.id)
    with fresh_journal._connection() as con:
        assert store.current_text(con, entry.id) is None


def test_fts_query_quotes_every_word() -> None:
    assert store.fts_query('say "no" now') == '"say" AND """no""" AND "now"'
    assert store.fts_query("   ") == ""


def test_zone_is_kept_beside_the_instant(fresh_journal: Journal) -> None:
    berlin = datetime(2024, 7, 1, 22, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    entry = fresh_journal.write("Late summer evening.", created=berlin)
    assert entry.time_zone == "Europe/Berlin"
    assert entry.created == berlin
    assert entry.created.utcoffset() == berlin.utcoffset()


def test_offset_zones_round_trip() -> None:
    moment = datetime.fromisoformat("2024-03-05T08:15:00-05:30")
    name = clock.zone_name(moment)
    assert name == "-05:30"
    assert clock.in_zone(clock.to_utc_text(moment), name) == moment


def test_logical_hash_changes_with_content_only(fresh_journal: Journal) -> None:
    empty = fresh_journal.logical_hash()
    entry = fresh_journal.write("Something.")
    written = fresh_journal.logical_hash()
    assert written != empty
    fresh_journal.entries()
    fresh_journal.search("something")
    assert fresh_journal.logical_hash() == written
    fresh_journal.delete(entry.id)
    assert fresh_journal.logical_hash() == empty
