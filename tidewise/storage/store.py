"""All SQL about entries, analyses, meta and state. Returns records, never rows.

Every function takes an open connection; transactions belong to the caller (the
Journal), so one user action is one BEGIN IMMEDIATE ... COMMIT however many of these
functions it calls.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from tidewise import clock
from tidewise.analysis.types import EntryAnalysis
from tidewise.errors import NotFoundError
from tidewise.records import CheckIn, Entry, NewEntry, SourceMood
from tidewise.storage import schema
from tidewise.storage.engine import Connection

_ENTRY_COLUMNS = """
    e.id, e.text, e.created_utc, e.time_zone, e.zone_assumed, e.updated_utc, e.closeness,
    e.shame, e.starred, e.import_key, e.source_mood_label, e.source_mood_score, e.shared,
    a.json
"""
_FROM = "FROM entries AS e LEFT JOIN analyses AS a ON a.entry_id = e.id"


def insert_entry(con: Connection, new: NewEntry, now: datetime) -> int:
    checkin = new.checkin or CheckIn()
    mood = new.source_mood
    cursor = con.execute(
        """INSERT INTO entries (text, created_utc, time_zone, zone_assumed, updated_utc,
            closeness, shame, starred, import_key, source_mood_label, source_mood_score, shared)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            new.text,
            clock.to_utc_text(new.created),
            new.time_zone,
            int(new.zone_assumed),
            clock.to_utc_text(new.updated or now),
            checkin.closeness,
            checkin.shame,
            int(new.starred),
            new.import_key,
            mood.label if mood else None,
            mood.score if mood else None,
            int(new.shared),
        ),
    )
    entry_id = int(cursor.lastrowid)
    set_tags(con, entry_id, new.tags)
    return entry_id


def set_tags(con: Connection, entry_id: int, tags: Iterable[str]) -> None:
    con.execute("DELETE FROM tags WHERE entry_id = ?", (entry_id,))
    con.executemany(
        "INSERT OR IGNORE INTO tags (entry_id, tag) VALUES (?, ?)",
        [(entry_id, tag) for tag in tags],
    )


def update_text(con: Connection, entry_id: int, text: str, now: datetime) -> None:
    con.execute(
        "UPDATE entries SET text = ?, updated_utc = ? WHERE id = ?",
        (text, clock.to_utc_text(now), entry_id),
    )


def update_checkin(con: Connection, entry_id: int, checkin: CheckIn, now: datetime) -> None:
    con.execute(
        "UPDATE entries SET closeness = ?, shame = ?, updated_utc = ? WHERE id = ?",
        (checkin.closeness, checkin.shame, clock.to_utc_text(now), entry_id),
    )


def update_created(con: Connection, entry_id: int, created: datetime, now: datetime) -> None:
    """A new date for the entry; the zone is the one it was given in (no longer assumed)."""
    con.execute(
        "UPDATE entries SET created_utc = ?, time_zone = ?, zone_assumed = 0, updated_utc = ? "
        "WHERE id = ?",
        (clock.to_utc_text(created), clock.zone_name(created), clock.to_utc_text(now), entry_id),
    )


def touch(con: Connection, entry_id: int, now: datetime) -> None:
    con.execute(
        "UPDATE entries SET updated_utc = ? WHERE id = ?", (clock.to_utc_text(now), entry_id)
    )


def save_analysis(
    con: Connection, entry_id: int, analyzer_version: str, analysis: EntryAnalysis, now: datetime
) -> None:
    con.execute(
        """INSERT OR REPLACE INTO analyses (entry_id, analyzer_version, json, created_utc)
           VALUES (?, ?, ?, ?)""",
        (
            entry_id,
            analyzer_version,
            json.dumps(analysis.to_dict(), ensure_ascii=False, sort_keys=True),
            clock.to_utc_text(now),
        ),
    )


def drop_analysis(con: Connection, entry_id: int) -> None:
    con.execute("DELETE FROM analyses WHERE entry_id = ?", (entry_id,))


def delete_entry(con: Connection, entry_id: int) -> None:
    if con.execute("DELETE FROM entries WHERE id = ?", (entry_id,)).rowcount == 0:
        raise NotFoundError


def set_shared(con: Connection, entry_id: int, shared: bool) -> None:
    cursor = con.execute("UPDATE entries SET shared = ? WHERE id = ?", (int(shared), entry_id))
    if cursor.rowcount == 0:
        raise NotFoundError


def set_starred(con: Connection, entry_id: int, starred: bool) -> None:
    cursor = con.execute("UPDATE entries SET starred = ? WHERE id = ?", (int(starred), entry_id))
    if cursor.rowcount == 0:
        raise NotFoundError


def exists(con: Connection, entry_id: int) -> bool:
    row = con.execute("SELECT 1 FROM entries WHERE id = ?", (entry_id,)).fetchone()
    return row is not None


def current_text(con: Connection, entry_id: int) -> str | None:
    """The entry's text as stored now (None once deleted): a reading made outside the
    write lock is saved only while the text it read is still the entry's."""
    row = con.execute("SELECT text FROM entries WHERE id = ?", (entry_id,)).fetchone()
    return None if row is None else str(row[0])


def get_entry(con: Connection, entry_id: int) -> Entry:
    rows = con.execute(f"SELECT {_ENTRY_COLUMNS} {_FROM} WHERE e.id = ?", (entry_id,)).fetchall()
    if not rows:
        raise NotFoundError
    return _to_entries(con, rows)[0]


def query_entries(
    con: Connection,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    tag: str | None = None,
    phase: str | None = None,
    limit: int | None = None,
    newest_first: bool = True,
    starred: bool | None = None,
) -> list[Entry]:
    where, params = _filters(since, until, tag, phase, starred)
    order = "DESC" if newest_first else "ASC"
    sql = f"SELECT {_ENTRY_COLUMNS} {_FROM} {where} ORDER BY e.created_utc {order}, e.id {order}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(limit)))
    return _to_entries(con, con.execute(sql, params).fetchall())


def page_of_entries(
    con: Connection,
    *,
    before: tuple[datetime, int] | None,
    limit: int,
    tag: str | None = None,
    phase: str | None = None,
    starred: bool | None = None,
) -> list[Entry]:
    """Up to `limit` entries newest first, strictly before (time, id) when `before` is given.

    One query whatever the number of entries at the cursor's instant: the row value
    comparison walks the same (created_utc, id) order the list is sorted by."""
    where, params = _filters(None, None, tag, phase, starred)
    if before is not None:
        where += (" AND " if where else "WHERE ") + "(e.created_utc, e.id) < (?, ?)"
        params += [clock.to_utc_text(before[0]), int(before[1])]
    sql = f"SELECT {_ENTRY_COLUMNS} {_FROM} {where} ORDER BY e.created_utc DESC, e.id DESC LIMIT ?"
    params.append(max(0, int(limit)))
    return _to_entries(con, con.execute(sql, params).fetchall())


def tags(con: Connection) -> tuple[str, ...]:
    """Every tag in use, sorted (read from the tag index, not from the entries)."""
    rows = con.execute("SELECT DISTINCT tag FROM tags ORDER BY tag")
    return tuple(str(row[0]) for row in rows)


def _filters(
    since: datetime | None,
    until: datetime | None,
    tag: str | None,
    phase: str | None,
    starred: bool | None = None,
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if since is not None:
        clauses.append("e.created_utc >= ?")
        params.append(clock.to_utc_text(since))
    if until is not None:
        clauses.append("e.created_utc < ?")  # periods are half-open: [since, until)
        params.append(clock.to_utc_text(until))
    if tag is not None:
        clauses.append("e.id IN (SELECT entry_id FROM tags WHERE tag = ?)")
        params.append(tag)
    if phase is not None:
        clauses.append("json_extract(a.json, '$.phase') = ?")
        params.append(phase)
    if starred is not None:
        clauses.append("e.starred = ?")
        params.append(int(starred))
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def search_entries(con: Connection, match: str, limit: int | None) -> list[Entry]:
    """Entries matching an FTS5 expression (built by `fts_query`), newest first."""
    sql = (
        f"SELECT {_ENTRY_COLUMNS} {_FROM} WHERE e.id IN "
        "(SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?) "
        "ORDER BY e.created_utc DESC, e.id DESC"
    )
    params: list[Any] = [match]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(limit)))
    return _to_entries(con, con.execute(sql, params).fetchall())


def fts_query(text: str) -> str:
    """Words as quoted FTS5 phrases joined by AND: user input is never FTS syntax."""
    words = [word for word in text.split() if word]
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words)


def count(con: Connection) -> int:
    return int(con.execute("SELECT count(*) FROM entries").fetchone()[0])


def count_matching(
    con: Connection, *, tag: str | None, phase: str | None, starred: bool | None
) -> int:
    """How many entries the same filters as `query_entries` keep (for "2 of 15 entries")."""
    where, params = _filters(None, None, tag, phase, starred)
    return int(con.execute(f"SELECT count(*) {_FROM} {where}", params).fetchone()[0])


def existing_import_keys(con: Connection, keys: Sequence[str]) -> set[str]:
    rows = con.execute(
        "SELECT import_key FROM entries WHERE import_key IN (SELECT value FROM json_each(?))",
        (json.dumps(list(keys)),),
    ).fetchall()
    return {str(row[0]) for row in rows}


def needing_analysis(con: Connection, version: str, force: bool) -> list[tuple[int, str]]:
    """(id, text) of entries with no analysis, or one from another analyser version."""
    sql = "SELECT e.id, e.text FROM entries AS e LEFT JOIN analyses AS a ON a.entry_id = e.id"
    if force:
        return [(int(r[0]), str(r[1])) for r in con.execute(sql + " ORDER BY e.id")]
    sql += " WHERE a.entry_id IS NULL OR a.analyzer_version != ? ORDER BY e.id"
    return [(int(r[0]), str(r[1])) for r in con.execute(sql, (version,))]


def _to_entries(con: Connection, rows: list[Any]) -> list[Entry]:
    tags = _tags_for(con, [int(row[0]) for row in rows])
    return [_to_entry(row, tags.get(int(row[0]), ())) for row in rows]


def _tags_for(con: Connection, ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not ids:
        return {}
    found: dict[int, list[str]] = {}
    rows = con.execute(
        "SELECT entry_id, tag FROM tags WHERE entry_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY entry_id, tag",
        (json.dumps(ids),),
    )
    for entry_id, tag in rows:
        found.setdefault(int(entry_id), []).append(str(tag))
    return {key: tuple(value) for key, value in found.items()}


def _to_entry(row: Any, tags: tuple[str, ...]) -> Entry:
    (entry_id, text, created, zone, assumed, updated, closeness, shame, starred) = row[:9]
    import_key, mood_label, mood_score, shared, analysis_json = row[9:]
    checkin = None if closeness is None and shame is None else CheckIn(closeness, shame)
    mood = None if mood_label is None else SourceMood(str(mood_label), int(mood_score or 0))
    return Entry(
        id=int(entry_id),
        text=str(text),
        created=clock.in_zone(created, zone),
        updated=clock.from_utc_text(updated),
        time_zone=str(zone),
        zone_assumed=bool(assumed),
        checkin=checkin,
        tags=tags,
        starred=bool(starred),
        import_key=import_key,
        source_mood=mood,
        analysis=_parse_analysis(analysis_json),
        shared=bool(shared),
    )


def _parse_analysis(blob: str | None) -> EntryAnalysis | None:
    """An analysis in a shape this version cannot read is treated as missing (re-analyse)."""
    if blob is None:
        return None
    try:
        return EntryAnalysis.from_dict(json.loads(blob))
    except (ValueError, KeyError, TypeError):
        return None


def get_meta(con: Connection, key: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(con: Connection, values: dict[str, str]) -> None:
    con.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items()))


def get_state(con: Connection, key: str) -> Any | None:
    row = con.execute("SELECT json FROM state WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


def set_state(con: Connection, key: str, value: Any, now: datetime) -> None:
    if value is None:
        con.execute("DELETE FROM state WHERE key = ?", (key,))
        return
    con.execute(
        "INSERT OR REPLACE INTO state (key, json, updated_utc) VALUES (?, ?, ?)",
        (key, json.dumps(value, ensure_ascii=False, sort_keys=True), clock.to_utc_text(now)),
    )


def logical_hash(con: Connection) -> str:
    """sha256 over the journal's content in a fixed order: equal hash, equal journal."""
    digest = hashlib.sha256()
    for table, order in schema.CONTENT_TABLES:
        digest.update(f"\x1e{table}\x1e".encode())
        for row in con.execute(f"SELECT * FROM {table} ORDER BY {order}"):
            cells = [c.hex() if isinstance(c, bytes) else c for c in row]
            digest.update(json.dumps(cells, ensure_ascii=False).encode("utf-8"))
            digest.update(b"\n")
    return digest.hexdigest()
