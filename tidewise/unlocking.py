"""The facade's quick door: start deriving a journal's key before the command needs it.

`Journal.open(..., early=...)` takes the result. This lives apart from `journal.py`
because that module costs about 90 ms to import (formats, analysis types) and the point
of an early unlock is to overlap Argon2id with the CLI's start-up, not to wait for it.
"""

from __future__ import annotations

from tidewise.settings import Settings
from tidewise.storage.keys import EarlyUnlock

__all__ = ["EarlyUnlock", "start_early_unlock"]


def start_early_unlock(settings: Settings, passphrase: str) -> EarlyUnlock | None:
    """A derivation running in a background thread, or None when there is no header yet."""
    if not settings.header_path.is_file():
        return None
    return EarlyUnlock(settings.header_path, passphrase)
