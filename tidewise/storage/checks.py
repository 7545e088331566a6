"""What the store accepts: entry text, tags, state keys, import batches.

Text is kept exactly as written (never stripped). It may not be empty, hold a NUL
character (SQLite's text functions stop at NUL: `length('a\\0b')` is 1, so search,
exports and the web view would disagree with what was stored), or hold lone
surrogates (they cannot be encoded as UTF-8). Messages never quote the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from tidewise.errors import InputError
from tidewise.records import NewEntry

MAX_TEXT_CHARS = 200_000
MAX_TAG_CHARS = 64
MAX_STATE_KEY_CHARS = 200


def clean_text(text: str) -> str:
    """The entry text as given, or InputError."""
    if "\x00" in text:
        msg = "Entry text cannot contain a NUL character."
        raise InputError(msg)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        msg = "Entry text contains characters that are not valid Unicode."
        raise InputError(msg) from None
    if not text.strip():
        msg = "An entry needs some text."
        raise InputError(msg)
    if len(text) > MAX_TEXT_CHARS:
        msg = f"An entry can be at most {MAX_TEXT_CHARS:,} characters."
        raise InputError(msg)
    return text


def clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """Lower-case, without '#' or surrounding space, no duplicates, order kept."""
    cleaned: list[str] = []
    for raw in tags:
        tag = raw.strip().lstrip("#").strip().lower()
        if not tag:
            continue
        if len(tag) > MAX_TAG_CHARS or any(_control(char) for char in tag):
            msg = (
                f"A tag must be 1 to {MAX_TAG_CHARS} characters on one line, without "
                "control characters."
            )
            raise InputError(msg)
        if tag not in cleaned:
            cleaned.append(tag)
    return tuple(cleaned)


# Bidirectional overrides and isolates: a tag holding one could show other text reversed.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _control(char: str) -> bool:
    """Line breaks, tabs, NUL and other control characters, line/paragraph separators."""
    import unicodedata

    return unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char in _BIDI_CONTROLS


def new_passphrase(passphrase: str) -> str:
    if not passphrase:
        msg = "The passphrase cannot be empty."
        raise InputError(msg)
    return passphrase


def state_key(key: str) -> str:
    if not key or "\x00" in key or len(key) > MAX_STATE_KEY_CHARS:
        msg = f"A state key must be 1 to {MAX_STATE_KEY_CHARS} characters."
        raise InputError(msg)
    return key


def checked_new_entry(entry: NewEntry) -> NewEntry:
    when(entry.created)
    return replace(entry, text=clean_text(entry.text), tags=clean_tags(entry.tags))


def when(moment: datetime) -> datetime:
    """A date an entry can have: within the years 1900-2199 (beyond them a time-zone
    shift can overflow, and such dates are data errors in the apps we import from)."""
    if not 1900 <= moment.year <= 2199:
        msg = "Entry dates must be between the years 1900 and 2199."
        raise InputError(msg)
    return moment


def dedupe(entries: Sequence[NewEntry], known: set[str]) -> list[NewEntry]:
    """Entries whose import_key is neither `known` nor repeated earlier in the batch."""
    seen = set(known)
    fresh: list[NewEntry] = []
    for entry in entries:
        if entry.import_key is not None:
            if entry.import_key in seen:
                continue
            seen.add(entry.import_key)
        fresh.append(entry)
    return fresh
