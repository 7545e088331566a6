"""The fresh-clone bench reads the phases of `make run` from make's echoed commands.

The bench itself (a real clone, venv and install) runs in `make bench`, never here;
these tests check how it splits and reports what it saw.
"""

from __future__ import annotations

import pytest

from bench.bench_setup import FirstRun, milestones, table

ECHOED = [
    (0.0, "python3 -m venv .venv\n"),
    (4.0, ".venv/bin/python -m pip install --quiet --no-compile -e .\n"),
    (20.0, "touch .venv/.installed-run\n"),
    (20.1, ".venv/bin/tidewise serve --open\n"),
    (21.5, "http://tw-abc.localhost:41234/launch/token\n"),
]


def test_the_phases_come_from_the_echoed_commands() -> None:
    assert milestones(ECHOED) == (4.0, 20.0, 21.5, "http://tw-abc.localhost:41234/launch/token")


def test_a_run_that_never_prints_its_address_is_an_error_with_the_output() -> None:
    with pytest.raises(RuntimeError, match="did not reach its address") as failed:
        milestones(ECHOED[:3])
    assert "pip install" in str(failed.value)


def test_the_table_names_what_dominates_and_checks_the_goal() -> None:
    fast = FirstRun(venv_done=4.0, install_done=20.0, url=21.5, first_page=0.3, warnings=0)
    slow = FirstRun(venv_done=30.0, install_done=40.0, url=50.0, first_page=0.3, warnings=2)
    report = table([fast])
    assert "| pip install (run deps only) | 16.0 | 16.0 | 16.0 |" in report
    assert "**21.5**" in report and "ok" in report
    assert "Dominated by: pip install (run deps only)" in report
    report = table([slow])
    assert "over" in report and "Dominated by: python3 -m venv" in report
    assert "deprecation lines printed: 2" in report
