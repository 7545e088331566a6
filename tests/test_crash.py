"""Crash safety: a child writes and is SIGKILLed at random moments; nothing acknowledged
is lost, nothing is half-written, and both integrity checks stay clean.

Most trials fork the test process (cheap: the modules are already imported); a few run
a fresh interpreter with `python -c`, the way a real `tidewise write` would die.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.kill import kill_during_rekeying, old_headers_that_open, run_and_kill
from tidewise.journal import Journal
from tidewise.records import Analysis, CheckIn
from tidewise.settings import TEST_KDF, Settings
from tidewise.storage import engine

WRITE_TRIALS = 200
TRIALS_PER_JOURNAL = 10


def expected_text(number: int) -> str:
    """Deterministic text for entry `number`; some span several pages (overflow pages)."""
    return f"entry-{number} " + "the tide comes in and goes out " * ((number * 37) % 400)


def expected_tags(number: int) -> tuple[str, ...]:
    return (f"t{number % 5}", "crash")


def expected_checkin(number: int) -> CheckIn:
    return CheckIn(closeness=number % 7 - 3, shame=number % 11)


def write_forever(
    settings: Settings, passphrase: str, first: int, report: Callable[[str], None]
) -> None:
    """Open and write entries; report 'id number' only after COMMIT has returned."""
    journal = Journal.open(settings, passphrase)
    number = first
    while True:
        entry = journal.write(
            expected_text(number),
            tags=expected_tags(number),
            checkin=expected_checkin(number),
            analysis=Analysis.OFF,
        )
        report(f"{entry.id} {number}\n")
        number += 1


def check_journal(settings: Settings, passphrase: str, acknowledged: dict[int, int]) -> int:
    """Every acknowledged entry present and whole; no entry partial; checks clean."""
    with Journal.open(settings, passphrase) as journal:  # runs both integrity checks
        stored = {entry.id: entry for entry in journal.entries()}
        with journal._connection() as con:
            assert engine.integrity_ok(con)
    for entry_id, number in acknowledged.items():
        assert entry_id in stored, f"acknowledged entry {entry_id} lost"
        assert stored[entry_id].text == expected_text(number)
    for entry in stored.values():
        number = int(entry.text.split(" ", 1)[0].removeprefix("entry-"))
        assert entry.text == expected_text(number)
        assert entry.tags == tuple(sorted(expected_tags(number)))
        assert entry.checkin == expected_checkin(number)
    return len(stored)


def _new_journal(folder: Path, passphrase: str) -> Settings:
    settings = Settings(home=folder, kdf=TEST_KDF)
    Journal.create(settings, passphrase).close()
    return settings


def test_killed_writers_never_lose_an_acknowledged_entry(tmp_path: Path, passphrase: str) -> None:
    rng = random.Random(int(os.environ.get("TIDEWISE_CRASH_SEED", "20240501")))
    acknowledged: dict[int, int] = {}
    settings = _new_journal(tmp_path / "j0", passphrase)
    number = 0
    total_acknowledged = 0
    window = 0.06  # seconds after the fork; widened if a busy machine starts the child late
    for trial in range(WRITE_TRIALS):
        if trial >= WRITE_TRIALS // 2 and total_acknowledged <= trial:
            window = min(window * 1.5, 1.0)
        if trial and trial % TRIALS_PER_JOURNAL == 0:
            settings = _new_journal(tmp_path / f"j{trial}", passphrase)
            acknowledged = {}
        first = number

        def child(
            report: Callable[[str], None], first: int = first, s: Settings = settings
        ) -> None:
            write_forever(s, passphrase, first, report)

        lines = run_and_kill(child, rng.uniform(0.0, window))
        for line in lines:
            entry_id, written = (int(part) for part in line.split())
            acknowledged[entry_id] = written
        total_acknowledged += len(lines)
        number += 1000  # numbers never collide across trials
        check_journal(settings, passphrase, acknowledged)
    assert total_acknowledged > WRITE_TRIALS  # the kills really landed among the writes


def test_killed_interpreter_never_loses_an_acknowledged_entry(
    tmp_path: Path, passphrase: str
) -> None:
    settings = _new_journal(tmp_path / "j", passphrase)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tests.test_crash import write_forever\n"
        "from tidewise.settings import TEST_KDF, Settings\n"
        "settings = Settings(home=Path(sys.argv[1]), kdf=TEST_KDF)\n"
        "def report(line):\n"
        "    sys.stdout.write(line); sys.stdout.flush()\n"
        "write_forever(settings, sys.argv[2], int(sys.argv[3]), report)\n"
    )
    root = Path(__file__).resolve().parent.parent
    acknowledged: dict[int, int] = {}
    rng = random.Random(11)
    for trial in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", script, str(settings.home), passphrase, str(trial * 1000)],
            stdout=subprocess.PIPE,
            cwd=root,
        )
        # Kill among the writes: after the first acknowledgement, not after a fixed delay
        # (start-up takes from 0.3 s to over a second on a loaded machine).
        assert child.stdout is not None
        first = child.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate()
        text = first.decode() + output.decode()
        for line in text.splitlines()[: text.count("\n")]:
            entry_id, written = (int(part) for part in line.split())
            acknowledged[entry_id] = written
    assert acknowledged, "the child never got to write"
    check_journal(settings, passphrase, acknowledged)


def test_killed_import_is_all_or_nothing(tmp_path: Path, passphrase: str) -> None:
    from datetime import UTC, datetime, timedelta

    from tidewise.records import NewEntry

    settings = _new_journal(tmp_path / "j", passphrase)
    rng = random.Random(5)
    for trial in range(20):
        batch = [
            NewEntry(
                text=expected_text(trial * 1000 + n),
                created=datetime(2020, 1, 1, tzinfo=UTC) + timedelta(hours=n),
                tags=expected_tags(trial * 1000 + n),
                checkin=expected_checkin(trial * 1000 + n),
                import_key=f"trial{trial}-{n}",
            )
            for n in range(150)
        ]

        def child(report: Callable[[str], None], batch: list[NewEntry] = batch) -> None:
            with Journal.open(settings, passphrase) as journal:
                journal.import_entries(batch, analysis=Analysis.OFF)
            report("done\n")

        lines = run_and_kill(child, rng.uniform(0.0, 0.08))
        with Journal.open(settings, passphrase) as journal:
            keys = {e.import_key for e in journal.entries() if e.import_key}
        mine = sum(1 for key in keys if key.startswith(f"trial{trial}-"))
        assert mine in (0, 150)
        if lines == ["done"]:
            assert mine == 150
    check_journal(settings, passphrase, {})


def test_killed_passphrase_change_leaves_exactly_one_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tidewise.crypto import THROTTLE

    monkeypatch.setattr(THROTTLE, "base_s", 0.0)  # wrong tries here are the test's, not a guess
    first, second = "first passphrase", "second passphrase"
    settings = _new_journal(tmp_path / "j", first)
    with Journal.open(settings, first) as journal:
        journal.write(expected_text(1), tags=expected_tags(1), checkin=expected_checkin(1))
    rng = random.Random(3)
    current = first
    headers = [settings.header_path.read_bytes()]
    for _ in range(20):
        # A re-keying change takes about 0.1 s here: kills land before, inside and after.
        opens = kill_during_rekeying(settings, current, (first, second), rng.uniform(0.0, 0.4))
        assert len(opens) == 1
        current = opens[0]
        opened, _ = old_headers_that_open(settings, headers, [first, second])
        assert opened == 0, "an old header still opens the current database"
        headers.append(settings.header_path.read_bytes())
    check_journal(settings, current, {})
    assert len(set(headers)) > 2  # the kills let some changes complete
    assert sorted(p.name for p in settings.home.iterdir()) == ["journal.db", "journal.header"]


def test_helpers_report_only_complete_lines() -> None:
    lines = run_and_kill(lambda report: report("1 2\n3"), 0.05)
    assert lines in ([], ["1 2"])
