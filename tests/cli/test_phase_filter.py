"""`list --phase`: the names the app shows and the internal names; unknown names refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import FakeAnalyzer
from tidewise.cycle.labels import LABEL_TITLES, Label, label_named
from tidewise.journal import Journal
from tidewise.settings import Settings


@pytest.fixture
def two_phases(journal_home: Path, settings: Settings, passphrase: str) -> None:
    with Journal.open(settings, passphrase, analyzer=FakeAnalyzer()) as journal:
        journal.write("So tired. I miss him. So lonely.")  # exhaustion
        journal.write("He held me. A warm hug.")  # reaching


@pytest.mark.parametrize(
    "typed", ["Worn out", "worn out", "WORN-OUT", "exhaustion", "Exhaustion", " worn  out "]
)
def test_shown_and_internal_names_filter(two_phases: None, typed: str) -> None:
    result = run("list", "--phase", typed, "--json")
    assert result.exit_code == 0, result.stderr
    assert [e["analysis"]["phase"] for e in json.loads(result.stdout)] == ["exhaustion"]


def test_every_label_is_found_by_its_title_and_its_name() -> None:
    for label, title in LABEL_TITLES.items():
        assert label_named(title) is label
        assert label_named(label.value) is label
        assert label_named(label.value.replace("_", " ").upper()) is label
    assert label_named("Shame for reaching") is Label.ATTACHMENT_SHAME
    assert label_named("foo") is None


def test_an_unknown_phase_exits_1_with_the_choices(two_phases: None) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tidewise", "list", "--phase", "foo"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "No phase has that name" in result.stderr
    assert "Worn out (exhaustion)" in result.stderr
    assert "Shame for reaching (attachment_shame)" in result.stderr
    assert result.stdout == ""
