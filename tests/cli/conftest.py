"""Shared CLI fixtures: a cheap-KDF journal the CLI opens through its header."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidewise.journal import Journal
from tidewise.settings import PASSPHRASE_ENV, Settings


@pytest.fixture
def journal_home(settings: Settings, passphrase: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A journal made through the facade with the test KDF; TIDEWISE_PASSPHRASE opens it."""
    Journal.create(settings, passphrase).close()
    monkeypatch.setenv(PASSPHRASE_ENV, passphrase)
    return settings.home
