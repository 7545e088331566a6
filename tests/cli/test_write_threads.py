"""`tidewise write` with bad input never aborts: input is checked before the model warm-up
thread starts, and no thread outlives a failed command. Real processes, since the abort
("terminate called without an active exception", exit 134) happens at interpreter exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tidewise.journal import Journal
from tidewise.settings import TEST_KDF, Settings

ROOT = Path(__file__).resolve().parent.parent.parent
BATCH = 2
# What the installed `tidewise` script runs (`python -m` shifts the timing of the abort).
ENTRY_POINT = "import sys; from tidewise.cli import main; sys.argv[0] = 'tidewise'; main()"


def _run_many(args: list[str], env: dict[str, str], times: int) -> list[tuple[int, str]]:
    """Run `tidewise ARGS` `times` times, BATCH at once; (exit code, stderr) of each."""
    results: list[tuple[int, str]] = []
    for start in range(0, times, BATCH):
        children = [
            subprocess.Popen(
                [sys.executable, "-c", ENTRY_POINT, *args],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(min(BATCH, times - start))
        ]
        for child in children:
            _, err = child.communicate(timeout=120)
            results.append((child.returncode, err))
    return results


def test_a_bad_date_never_aborts_in_fifty_runs(tmp_path: Path) -> None:
    env = os.environ | {"TIDEWISE_HOME": str(tmp_path / "home")}
    results = _run_many(["write", "--date", "2026-13-45", "x"], env, 50)
    for code, err in results:
        assert code == 1, err
        assert "terminate called" not in err
        assert err.strip().startswith("tidewise: That date was not understood.")
        assert len(err.strip().splitlines()) == 1


def test_a_failure_after_the_warm_up_started_waits_for_it(tmp_path: Path) -> None:
    """A wrong passphrase is found after the model began loading: still a clean exit 2."""
    home = tmp_path / "home"
    Journal.create(Settings(home=home, kdf=TEST_KDF), "the right passphrase").close()
    env = os.environ | {"TIDEWISE_HOME": str(home), "TIDEWISE_PASSPHRASE": "a wrong one"}
    for code, err in _run_many(["write", "Some words."], env, 10):
        assert code == 2, err
        assert "terminate called" not in err
