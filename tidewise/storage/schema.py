"""The journal's tables, as the ordered DDL steps that built them.

Each step is frozen once released: a journal at version N has exactly the tables that
steps 1..N created, and `migrations.py` applies the missing ones. Statements are kept
one per string (trigger bodies contain semicolons, and `executescript` would commit
the surrounding transaction).

Times are UTC ISO-8601 text with microseconds and a `Z` (sortable as text); the zone
the person wrote in is kept beside the instant in `time_zone`.
"""

from __future__ import annotations

# Version 1: entries, their tags, one analysis per entry, and meta facts.
V1_CORE: tuple[str, ...] = (
    """CREATE TABLE entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        text TEXT NOT NULL,
        created_utc TEXT NOT NULL,
        time_zone TEXT NOT NULL DEFAULT 'UTC',
        zone_assumed INTEGER NOT NULL DEFAULT 0,
        updated_utc TEXT NOT NULL,
        closeness INTEGER CHECK (closeness BETWEEN -3 AND 3),
        shame INTEGER CHECK (shame BETWEEN 0 AND 10),
        starred INTEGER NOT NULL DEFAULT 0,
        import_key TEXT UNIQUE,
        source_mood_label TEXT,
        source_mood_score INTEGER
    )""",
    "CREATE INDEX entries_created ON entries (created_utc)",
    """CREATE TABLE tags (
        entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (entry_id, tag)
    )""",
    "CREATE INDEX tags_tag ON tags (tag)",
    """CREATE TABLE analyses (
        entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
        analyzer_version TEXT NOT NULL,
        json TEXT NOT NULL,
        created_utc TEXT NOT NULL
    )""",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)

# Version 2: a JSON key-value store for lessons, the safety plan and preferences, and
# the "shared with my therapist" mark on entries.
V2_STATE_AND_SHARED: tuple[str, ...] = (
    """CREATE TABLE state (
        key TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        updated_utc TEXT NOT NULL
    )""",
    "ALTER TABLE entries ADD COLUMN shared INTEGER NOT NULL DEFAULT 0",
)

# Version 3: full-text search. FTS5 lives inside the encrypted database, so its index
# is encrypted like everything else; triggers keep it in step with `entries`.
V3_SEARCH: tuple[str, ...] = (
    """CREATE VIRTUAL TABLE entries_fts USING fts5 (
        text, content='entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts (rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER entries_fts_update AFTER UPDATE OF text ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO entries_fts (rowid, text) VALUES (new.id, new.text);
    END""",
    "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')",
)

# Version 4: the person's corrections of sentence readings. Each keeps the sentence's
# text (so the correction still means something after the entry is edited) and its
# embedding (so the personal reader can be fitted without re-reading every entry).
# Deleting an entry deletes what it taught: the person removed those words.
V4_CORRECTIONS: tuple[str, ...] = (
    """CREATE TABLE corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        sentence INTEGER NOT NULL CHECK (sentence >= 1),
        text TEXT NOT NULL,
        was TEXT NOT NULL,
        label TEXT NOT NULL,
        vector BLOB NOT NULL,
        created_utc TEXT NOT NULL,
        UNIQUE (entry_id, text)
    )""",
    "CREATE INDEX corrections_entry ON corrections (entry_id)",
)

# The tables whose content is the journal (the logical hash covers these).
CONTENT_TABLES: tuple[tuple[str, str], ...] = (
    ("entries", "id"),
    ("tags", "entry_id, tag"),
    ("analyses", "entry_id"),
    ("state", "key"),
    ("corrections", "id"),
)
