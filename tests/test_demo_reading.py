"""The demo reads the way it was written: each example entry, read on its own by the real
engine, gets the phase it was written to show (`DemoEntry.shows` in tidewise/demo.py).

The demo is the first thing a new person sees; an entry written as shame for reaching
that the page calls "Reaching" teaches the wrong model. The entries and their intended
phases are the demo's own; the reader is what this test holds to them.
"""

from __future__ import annotations

import pytest

from tidewise.analysis.engine import analyze_entry
from tidewise.demo import DEMO_ENTRIES, DemoEntry

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "example", DEMO_ENTRIES, ids=[f"{n}-{e.shows}" for n, e in enumerate(DEMO_ENTRIES, 1)]
)
def test_each_demo_entry_reads_as_the_phase_it_was_written_to_show(example: DemoEntry) -> None:
    assert analyze_entry(example.text).phase == example.shows


def test_the_demo_walks_through_every_phase_of_the_cycle() -> None:
    from tidewise.cycle.labels import PHASES

    assert {e.shows for e in DEMO_ENTRIES} == set(PHASES)
