"""Schema upgrades from every earlier version, on real SQLCipher files."""

from __future__ import annotations

import pytest

from tidewise import crypto
from tidewise.errors import JournalTooNewError
from tidewise.journal import Journal
from tidewise.settings import Settings
from tidewise.storage import engine, keys, migrations
from tidewise.storage.migrations import Migration

# Version 1 exactly as released, frozen here so an edit to migration 1 is caught.
FROZEN_V1 = (
    """CREATE TABLE entries (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL,
        created_utc TEXT NOT NULL, time_zone TEXT NOT NULL DEFAULT 'UTC',
        zone_assumed INTEGER NOT NULL DEFAULT 0, updated_utc TEXT NOT NULL,
        closeness INTEGER CHECK (closeness BETWEEN -3 AND 3),
        shame INTEGER CHECK (shame BETWEEN 0 AND 10), starred INTEGER NOT NULL DEFAULT 0,
        import_key TEXT UNIQUE, source_mood_label TEXT, source_mood_score INTEGER)""",
    "CREATE INDEX entries_created ON entries (created_utc)",
    """CREATE TABLE tags (entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        tag TEXT NOT NULL, PRIMARY KEY (entry_id, tag))""",
    "CREATE INDEX tags_tag ON tags (tag)",
    """CREATE TABLE analyses (entry_id INTEGER PRIMARY KEY REFERENCES entries (id)
        ON DELETE CASCADE, analyzer_version TEXT NOT NULL, json TEXT NOT NULL,
        created_utc TEXT NOT NULL)""",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)
OLD_ENTRY = "Old words from before search existed: the harbour at dusk."


def _old_journal(settings: Settings, passphrase: str, version: int) -> None:
    """A real SQLCipher journal at schema `version`, with one entry and its tag."""
    settings.home.mkdir(parents=True)
    data_key = crypto.new_data_key()
    con = engine.create_database(settings.db_path, data_key)
    if version == 1:
        with engine.transaction(con):
            for statement in FROZEN_V1:
                con.execute(statement)
            con.execute("PRAGMA user_version = 1")
    else:
        migrations.migrate(con, target=version)
    with engine.transaction(con):
        con.execute(
            "INSERT INTO entries (text, created_utc, updated_utc, closeness) VALUES (?, ?, ?, ?)",
            (OLD_ENTRY, "2023-04-01T20:00:00.000000Z", "2023-04-01T20:00:00.000000Z", -2),
        )
        con.execute("INSERT INTO tags (entry_id, tag) VALUES (1, 'harbour')")
        con.execute(
            "INSERT INTO meta (key, value) VALUES ('created_utc', ?)",
            ("2023-04-01T19:00:00.000000Z",),
        )
    con.close()
    keys.write_header(settings.header_path, keys.wrap(data_key, passphrase, settings.kdf))


@pytest.mark.parametrize("version", range(1, migrations.CURRENT_VERSION))
def test_every_earlier_version_upgrades_with_its_entries(
    settings: Settings, passphrase: str, version: int
) -> None:
    _old_journal(settings, passphrase, version)
    with Journal.open(settings, passphrase) as journal:
        [entry] = journal.entries()
        assert (entry.text, entry.tags, entry.checkin and entry.checkin.closeness) == (
            OLD_ENTRY,
            ("harbour",),
            -2,
        )
        assert entry.shared is False
        assert [e.id for e in journal.search("harbour dusk")] == [1]
        journal.set_state("prefs", {"lock_minutes": 5})
        assert journal.get_state("prefs") == {"lock_minutes": 5}
        assert journal.started.year == 2023
        with journal._connection() as con:
            assert migrations.schema_version(con) == migrations.CURRENT_VERSION
            assert engine.integrity_ok(con)


def test_migration_one_matches_the_frozen_first_release(settings: Settings) -> None:
    settings.home.mkdir(parents=True)
    key = crypto.new_data_key()
    built = engine.create_database(settings.home / "built.db", key)
    migrations.migrate(built, target=1)
    frozen = engine.create_database(settings.home / "frozen.db", key)
    for statement in FROZEN_V1:
        frozen.execute(statement)

    def shape(con: engine.Connection) -> list[tuple[str, str]]:
        rows = con.execute("SELECT name, type FROM sqlite_master ORDER BY name").fetchall()
        columns = [
            (table, str(con.execute(f"PRAGMA table_info({table})").fetchall()))
            for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return [tuple(r) for r in rows] + sorted(columns)

    assert shape(built) == shape(frozen)
    built.close()
    frozen.close()


def test_a_failing_migration_leaves_the_version_and_tables_unchanged(settings: Settings) -> None:
    settings.home.mkdir(parents=True)
    con = engine.create_database(settings.db_path, crypto.new_data_key())
    migrations.migrate(con, target=2)
    broken = (
        *migrations.MIGRATIONS[:2],
        Migration(3, "broken", ("CREATE TABLE half (x)", "THIS IS NOT SQL")),
    )
    with pytest.raises(Exception, match="syntax"):
        migrations.migrate(con, target=3, steps=broken)
    assert migrations.schema_version(con) == 2
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0
    con.close()


def test_a_journal_from_a_newer_tidewise_is_refused(
    fresh_journal: Journal, passphrase: str
) -> None:
    with fresh_journal._connection() as con:
        con.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    fresh_journal.close()
    with pytest.raises(JournalTooNewError) as caught:
        Journal.open(fresh_journal.settings, passphrase)
    assert caught.value.exit_code == 3


def test_a_current_journal_needs_no_migration(fresh_journal: Journal) -> None:
    with fresh_journal._connection() as con:
        assert migrations.migrate(con) == []
