"""The journal with the real on-device analysis engine (skipped until it is installed)."""

from __future__ import annotations

import pytest

from tidewise.journal import Journal
from tidewise.settings import Settings

pytestmark = pytest.mark.model


def test_write_with_the_real_engine_stores_its_version(settings: Settings, passphrase: str) -> None:
    engine = pytest.importorskip("tidewise.analysis.engine")
    with Journal.create(settings, passphrase) as journal:
        entry = journal.write("I let him hold me and then I hated myself for it.")
        assert entry.analysis is not None
        assert journal.analyzer.version == engine.default_analyzer().version
        assert journal.reanalyze() == 0


def test_import_with_the_real_engine_analyses_every_entry(
    settings: Settings, passphrase: str
) -> None:
    pytest.importorskip("tidewise.analysis.engine")
    from datetime import UTC, datetime, timedelta

    from tidewise.records import NewEntry

    start = datetime(2023, 1, 1, tzinfo=UTC)
    batch = [
        NewEntry(
            text=f"Day {n}. I miss him and I am tired of fighting.",
            created=start + timedelta(days=n),
        )
        for n in range(40)
    ]
    with Journal.create(settings, passphrase) as journal:
        assert journal.import_entries(batch).imported == 40
        assert all(e.analysis is not None for e in journal.entries())
