"""A real SIGKILL at a random moment, shared by the crash tests and the storage bench,
and the re-keying kill trial both run.

The child runs in a fork and reports each acknowledged step as a line on a pipe; the
parent kills it after `delay` seconds and keeps only the lines that arrived whole.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterable

from tidewise.errors import DamagedJournalError, WrongPassphraseError
from tidewise.journal import Journal
from tidewise.settings import Settings
from tidewise.storage import engine, keys


def run_and_kill(child: Callable[[Callable[[str], None]], None], delay: float) -> list[str]:
    """Fork, run `child(report)`, SIGKILL it after `delay`; complete reported lines."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_end)
        try:

            def report(line: str) -> None:
                os.write(write_end, line.encode())

            child(report)
        finally:
            os._exit(0)
    os.close(write_end)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    text = b"".join(chunks).decode()
    return text.splitlines()[: text.count("\n")]


def kill_during_rekeying(
    settings: Settings, current: str, passphrases: tuple[str, str], delay: float
) -> list[str]:
    """Change the passphrase back and forth between `passphrases` (starting from
    `current`) in a child, SIGKILL it after `delay`; the passphrases that open the
    journal afterwards (exactly one, if a re-keying change is atomic)."""
    first, second = passphrases

    def child(report: Callable[[str], None]) -> None:
        now = current
        with Journal.open(settings, now) as journal:
            while True:
                nxt = second if now == first else first
                journal.change_passphrase(now, nxt)
                now = nxt
                report("changed\n")

    run_and_kill(child, delay)
    opens = []
    for candidate in passphrases:
        try:
            Journal.open(settings, candidate).close()
            opens.append(candidate)
        except WrongPassphraseError:
            pass
    return opens


def old_headers_that_open(
    settings: Settings, headers: Iterable[bytes], secrets: Iterable[str]
) -> tuple[int, int]:
    """(opened, tried): how many earlier headers unwrap with one of `secrets` (tried) and
    then read the current database (opened); a re-keying change makes `opened` 0."""
    current = settings.header_path.read_bytes()
    opened = tried = 0
    for blob in {h for h in headers if h != current}:
        for secret in secrets:
            try:
                key = keys.unwrap(keys.parse_header(blob), secret)
            except WrongPassphraseError:
                continue
            tried += 1
            try:
                engine.open_database(settings.db_path, key).close()
            except DamagedJournalError:
                continue
            opened += 1
    return opened, tried
