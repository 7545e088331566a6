"""All SQL about corrections. Returns records (and embeddings), never rows.

Transactions belong to the caller, as in `store.py`. Embeddings are stored as raw
float32 bytes inside the encrypted database. numpy (about 130 ms to import) loads inside
the two functions that handle embeddings: the facade imports this module at its top, and
a command that touches no correction (`tidewise write --no-analysis`) should not pay for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tidewise import clock
from tidewise.errors import NotFoundError
from tidewise.records import Correction
from tidewise.storage.engine import Connection

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

_COLUMNS = "id, entry_id, sentence, text, was, label, created_utc"


@dataclass(frozen=True)
class NewCorrection:
    entry_id: int
    sentence: int
    text: str
    was: str
    label: str
    vector: npt.NDArray[np.float32]


def save(con: Connection, new: NewCorrection, now: datetime) -> int:
    """Insert, or replace the person's earlier word on the same sentence of the same entry."""
    import numpy as np

    con.execute("DELETE FROM corrections WHERE entry_id = ? AND text = ?", (new.entry_id, new.text))
    cursor = con.execute(
        f"INSERT INTO corrections ({_COLUMNS}, vector) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)",
        (
            new.entry_id,
            new.sentence,
            new.text,
            new.was,
            new.label,
            clock.to_utc_text(now),
            np.asarray(new.vector, dtype="<f4").tobytes(),
        ),
    )
    return int(cursor.lastrowid or 0)


def remove(con: Connection, correction_id: int) -> Correction:
    found = listed(con, ids=[correction_id])
    if not found:
        raise NotFoundError
    con.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))
    return found[0]


def remove_all(con: Connection) -> int:
    return int(con.execute("DELETE FROM corrections").rowcount)


def listed(
    con: Connection, *, entry_id: int | None = None, ids: Sequence[int] | None = None
) -> list[Correction]:
    """Corrections, oldest first (optionally of one entry, or with the given ids)."""
    sql, args = f"SELECT {_COLUMNS} FROM corrections", []  # type: ignore[var-annotated]
    if entry_id is not None:
        sql, args = sql + " WHERE entry_id = ?", [entry_id]
    elif ids is not None:
        sql += f" WHERE id IN ({','.join('?' * len(ids))})"
        args = list(ids)
    return [_to_correction(row) for row in con.execute(sql + " ORDER BY id", args)]


def teaching(con: Connection) -> tuple[list[str], npt.NDArray[np.float32], list[str]]:
    """(texts, embeddings, labels) of every correction that teaches (not "unsure")."""
    import numpy as np

    rows = con.execute(
        "SELECT text, vector, label FROM corrections WHERE label != 'unsure' ORDER BY id"
    ).fetchall()
    if not rows:
        return [], np.zeros((0, 0), dtype=np.float32), []
    vectors = np.stack([np.frombuffer(row[1], dtype="<f4") for row in rows])
    return [str(r[0]) for r in rows], vectors.astype(np.float32), [str(r[2]) for r in rows]


def entry_ids_by_import_key(con: Connection, keys: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(keys), 500):  # SQLite's bound-parameter limit
        chunk = list(keys[start : start + 500])
        sql = (
            f"SELECT import_key, id FROM entries WHERE import_key IN ({','.join('?' * len(chunk))})"
        )
        found.update({str(k): int(i) for k, i in con.execute(sql, chunk)})
    return found


def fingerprint(con: Connection) -> tuple[int, int]:
    """Changes whenever a correction is added, replaced or removed (cheap to read)."""
    row = con.execute("SELECT count(*), coalesce(max(id), 0) FROM corrections").fetchone()
    return int(row[0]), int(row[1])


def _to_correction(row: Any) -> Correction:
    return Correction(
        id=int(row[0]),
        entry_id=int(row[1]),
        sentence=int(row[2]),
        text=str(row[3]),
        was=str(row[4]),
        label=str(row[5]),
        created=clock.from_utc_text(str(row[6])),
    )
