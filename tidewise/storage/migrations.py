"""Ordered, named schema migrations, each in its own transaction.

The schema version is `PRAGMA user_version`, written inside the same transaction as the
step it records, so a crash leaves a journal at either the old or the new version,
never in between. A journal newer than this code is refused, never "repaired".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tidewise.errors import JournalTooNewError
from tidewise.storage import schema
from tidewise.storage.engine import Connection, transaction


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables", schema.V1_CORE),
    Migration(2, "state store and shared mark", schema.V2_STATE_AND_SHARED),
    Migration(3, "full-text search", schema.V3_SEARCH),
    Migration(4, "corrections", schema.V4_CORRECTIONS),
)
CURRENT_VERSION = MIGRATIONS[-1].version


def schema_version(con: Connection) -> int:
    return int(con.execute("PRAGMA user_version").fetchone()[0])


def pending(
    con: Connection, target: int = CURRENT_VERSION, steps: Sequence[Migration] = MIGRATIONS
) -> list[Migration]:
    version = schema_version(con)
    if version > max(CURRENT_VERSION, target):
        raise JournalTooNewError
    return [m for m in steps if version < m.version <= target]


def migrate(
    con: Connection, target: int = CURRENT_VERSION, steps: Sequence[Migration] = MIGRATIONS
) -> list[str]:
    """Apply every missing step up to `target`; returns the names applied."""
    applied: list[str] = []
    for migration in pending(con, target, steps):
        with transaction(con):
            # Re-read inside the write lock: another process may have migrated meanwhile.
            if schema_version(con) >= migration.version:
                continue
            for statement in migration.statements:
                con.execute(statement)
            con.execute(f"PRAGMA user_version = {int(migration.version)}")
            con.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(migration.version),),
            )
        applied.append(migration.name)
    return applied
