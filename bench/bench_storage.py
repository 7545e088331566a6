"""Storage: write throughput, open cost by journal size, and SIGKILL crash trials.

- Throughput: entries/s through `Journal.write` (no analysis), one transaction per
  entry, WAL + synchronous=FULL.
- Open: unlock (cheap KDF, to isolate the rest) + both integrity checks + migration
  check, for journals of 0, 365 and 3,650 entries of ~1.5 kB.
- Crash trials: a forked child writes entries and reports each id after COMMIT; the
  parent SIGKILLs it at a random moment, then checks that every acknowledged entry is
  there and whole, no entry is partial, and both integrity checks pass.
  TIDEWISE_CRASH_TRIALS sets the count (default 1,000; the nightly run uses 10,000).
- Re-keying trials: a child changes the passphrase back and forth (each change makes a
  new data key and re-encrypts the database) and is SIGKILLed at a random moment.
  Exactly one of the two passphrases must open the journal, and no earlier header
  (with either passphrase) may open the current database. A tenth of the crash count.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.kill import kill_during_rekeying, old_headers_that_open, run_and_kill
from tidewise.journal import Journal
from tidewise.records import Analysis
from tidewise.settings import TEST_KDF, Settings
from tidewise.storage import engine

PASSPHRASE = "bench storage"
TRIALS = int(os.environ.get("TIDEWISE_CRASH_TRIALS", "1000"))
TRIALS_PER_JOURNAL = 25
ENTRY = "I kept the door shut tonight and the quiet felt like armour. " * 24


def _text(number: int) -> str:
    return f"entry-{number} " + "the tide turns " * ((number * 37) % 300)


def _throughput(folder: Path, count: int = 500) -> float:
    with Journal.create(Settings(home=folder / "throughput"), PASSPHRASE) as journal:
        started = time.perf_counter()
        for number in range(count):
            journal.write(ENTRY + str(number), analysis=Analysis.OFF)
        return count / (time.perf_counter() - started)


def _open_cost(folder: Path, size: int) -> float:
    from datetime import UTC, datetime, timedelta

    from tidewise.records import NewEntry

    settings = Settings(home=folder / f"open-{size}", kdf=TEST_KDF)
    start = datetime(2015, 1, 1, 21, tzinfo=UTC)
    batch = [NewEntry(text=ENTRY, created=start + timedelta(days=n)) for n in range(size)]
    with Journal.create(settings, PASSPHRASE) as journal:
        journal.import_entries(batch, analysis=Analysis.OFF)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        Journal.open(settings, PASSPHRASE).close()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _kill_trial(settings: Settings, first: int, delay: float) -> dict[int, int]:
    def child(report: Callable[[str], None]) -> None:
        journal = Journal.open(settings, PASSPHRASE)
        number = first
        while True:
            entry = journal.write(_text(number), tags=("bench",), analysis=Analysis.OFF)
            report(f"{entry.id} {number}\n")
            number += 1

    lines = run_and_kill(child, delay)
    return {int(a): int(b) for a, b in (line.split() for line in lines)}


def _verify(settings: Settings, acknowledged: dict[int, int]) -> tuple[int, int, int]:
    """(lost, partial, integrity failures) for one journal after a kill."""
    with Journal.open(settings, PASSPHRASE) as journal:
        stored = {entry.id: entry.text for entry in journal.entries()}
        with journal._connection() as con:
            bad = 0 if engine.integrity_ok(con) else 1
    lost = sum(1 for entry_id in acknowledged if entry_id not in stored)
    partial = sum(
        1
        for text in stored.values()
        if text != _text(int(text.split(" ", 1)[0].removeprefix("entry-")))
    )
    return lost, partial, bad


def _crash_trials(folder: Path) -> dict[str, float]:
    rng = random.Random(10_000)
    totals: dict[str, float] = {"trials": 0, "acknowledged": 0, "lost": 0, "partial": 0}
    totals["integrity"] = 0
    acknowledged: dict[int, int] = {}
    settings = Settings(home=folder / "crash-0", kdf=TEST_KDF)
    started = time.perf_counter()
    for trial in range(TRIALS):
        if trial % TRIALS_PER_JOURNAL == 0:
            settings = Settings(home=folder / f"crash-{trial}", kdf=TEST_KDF)
            Journal.create(settings, PASSPHRASE).close()
            acknowledged = {}
        reported = _kill_trial(settings, trial * 10_000, rng.uniform(0.0, 0.05))
        acknowledged.update(reported)
        lost, partial, bad = _verify(settings, acknowledged)
        totals["trials"] += 1
        totals["acknowledged"] += len(reported)
        totals["lost"] += lost
        totals["partial"] += partial
        totals["integrity"] += bad
    totals["seconds"] = time.perf_counter() - started
    return totals


REKEY_PASSPHRASES = ("bench first passphrase", "bench second passphrase")


def _rekey_trials(folder: Path) -> dict[str, float]:
    from tidewise import crypto

    crypto.THROTTLE.base_s = 0.0  # the wrong tries below are the bench's own, not guesses
    first, second = REKEY_PASSPHRASES
    settings = Settings(home=folder / "rekey", kdf=TEST_KDF)
    with Journal.create(settings, first) as journal:
        journal.write(ENTRY, analysis=Analysis.OFF)
    rng = random.Random(7)
    totals = {"trials": 0.0, "one_opens": 0.0, "old_header_opens": 0.0}
    headers = {settings.header_path.read_bytes()}
    current = first
    started = time.perf_counter()
    for _ in range(max(1, TRIALS // 10)):
        opens = kill_during_rekeying(settings, current, REKEY_PASSPHRASES, rng.uniform(0.0, 0.4))
        totals["trials"] += 1
        totals["one_opens"] += len(opens) == 1
        current = opens[0] if opens else current
        totals["old_header_opens"] += old_headers_that_open(settings, headers, REKEY_PASSPHRASES)[0]
        headers.add(settings.header_path.read_bytes())
    totals["headers"] = len(headers)
    totals["seconds"] = time.perf_counter() - started
    crypto.THROTTLE.base_s = crypto.Throttle().base_s
    return totals


def run() -> str:
    with tempfile.TemporaryDirectory(prefix="tidewise-bench-") as tmp:
        folder = Path(tmp)
        rate = _throughput(folder)
        opens = {size: _open_cost(folder, size) for size in (0, 365, 3650)}
        crash = _crash_trials(folder)
        rekey = _rekey_trials(folder)
    lines = [
        "### Storage",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| write throughput, 1 transaction per entry (entries/s) | {rate:.0f} |",
    ]
    for size, seconds in opens.items():
        lines.append(
            f"| open + both integrity checks, {size:,} entries (ms) | {seconds * 1000:.1f} |"
        )
    lines += [
        f"| SIGKILL trials | {crash['trials']:.0f} |",
        f"| entries acknowledged before a kill | {crash['acknowledged']:.0f} |",
        f"| acknowledged entries lost | {crash['lost']:.0f} |",
        f"| partial entries found | {crash['partial']:.0f} |",
        f"| trials with an integrity check failing | {crash['integrity']:.0f} |",
        f"| crash trials wall time (s) | {crash['seconds']:.0f} |",
        f"| SIGKILL trials during a re-keying passphrase change | {rekey['trials']:.0f} |",
        f"| ... where exactly one passphrase opens the journal | {rekey['one_opens']:.0f} |",
        f"| ... distinct headers written (completed changes + 1) | {rekey['headers']:.0f} |",
        f"| ... times an earlier header opened the current database | "
        f"{rekey['old_header_opens']:.0f} |",
        f"| re-keying trials wall time (s) | {rekey['seconds']:.0f} |",
    ]
    return "\n".join(lines) + "\n"
