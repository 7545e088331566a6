"""Messages to stderr, data to stdout. Every CLI module prints through here."""

from __future__ import annotations

import sys


def say(message: str) -> None:
    """A message for the person (progress, confirmations, warnings): stderr."""
    print(message, file=sys.stderr, flush=True)


def out(data: str) -> None:
    """Data (JSON, entry text, tables): stdout."""
    sys.stdout.write(data if data.endswith("\n") else data + "\n")
    sys.stdout.flush()
