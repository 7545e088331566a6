"""Journal.set_starred and the starred filter of Journal.entries."""

from __future__ import annotations

import pytest

from tidewise.errors import NotFoundError
from tidewise.journal import Journal
from tidewise.records import Analysis


def test_a_star_is_kept_and_taken_back(fresh_journal: Journal) -> None:
    kept = fresh_journal.write("Keep this one.", analysis=Analysis.OFF)
    other = fresh_journal.write("An ordinary one.", analysis=Analysis.OFF)
    fresh_journal.set_starred(kept.id, True)
    assert fresh_journal.get(kept.id).starred
    assert [e.id for e in fresh_journal.entries(starred=True)] == [kept.id]
    assert [e.id for e in fresh_journal.entries(starred=False)] == [other.id]
    fresh_journal.set_starred(kept.id, False)
    assert fresh_journal.entries(starred=True) == []


def test_starring_a_missing_entry_is_not_found(fresh_journal: Journal) -> None:
    with pytest.raises(NotFoundError):
        fresh_journal.set_starred(404, True)
