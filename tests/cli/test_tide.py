"""`tidewise tide` over a real (cheap-KDF) journal, with a fake analyser that returns
label mass chosen per entry."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tidewise.analysis.types import EntryAnalysis, Safety, Shame
from tidewise.cli import app
from tidewise.cycle.labels import LABEL_NAMES, Distancing, Label, Movement
from tidewise.cycle.observation import Observation
from tidewise.cycle.synthetic import SyntheticSpec, from_codes, generate
from tidewise.journal import Journal
from tidewise.records import Analysis, CheckIn, NewEntry
from tidewise.settings import PASSPHRASE_ENV, Settings

GOLDEN = Path(__file__).parents[1] / "cycle" / "golden" / "tide_cli.json"


class LabelMassAnalyzer:
    """Reads the entry's label mass from a table keyed by its text."""

    version = "label-mass-1"

    def __init__(self, table: dict[str, dict[str, float]]) -> None:
        self.table = table

    def analyze(self, text: str) -> EntryAnalysis:
        return EntryAnalysis(
            version=self.version,
            sentences=(),
            movement=Movement.STILL,
            phase=Label.NEUTRAL,
            shame=Shame(),
            shame_voice=(),
            distancing=Distancing.NONE,
            safety=Safety(concern=False),
            label_mass=self.table[text],
        )

    def analyze_many(self, texts: Sequence[str]) -> list[EntryAnalysis]:
        return [self.analyze(text) for text in texts]


def fill(settings: Settings, passphrase: str, observations: Sequence[Observation]) -> None:
    table = {
        f"entry {i}": dict(zip(LABEL_NAMES, o.probs, strict=True))
        for i, o in enumerate(observations)
    }
    news = [
        NewEntry(
            text=f"entry {i}",
            created=o.time,
            checkin=CheckIn(o.closeness, o.shame)
            if o.closeness is not None or o.shame is not None
            else None,
            tags=o.tags,
        )
        for i, o in enumerate(observations)
    ]
    journal = Journal.create(settings, passphrase, analyzer=LabelMassAnalyzer(table))
    try:
        journal.import_entries(news)
    finally:
        journal.close()


@pytest.fixture
def unlocked(passphrase: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, passphrase)


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["tide", *args])


def test_summary_names_loops_where_you_are_and_the_usual_precursor(
    settings: Settings, passphrase: str, unlocked: None
) -> None:
    fill(settings, passphrase, from_codes("RRRRAAWWWWEERRRRAAPPPPEERRRR"))
    result = run()
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Your tide (28 entries)" in out
    assert "Completed loops: 2. A loop usually takes 12 days (12 entries)" in out
    assert "Where you are now: Reaching" in out
    assert "most often: shame for reaching (100%)" in out
    assert "toward ↑" in out and "phase    RRRR" in out
    assert "Tidewise is not therapy" in out
    assert result.stderr == ""


def test_the_chart_has_dates_and_no_zero_shares(
    settings: Settings, passphrase: str, unlocked: None
) -> None:
    fill(settings, passphrase, from_codes("RRRRAAWWWWEERRRRAAPPPPEERRRR"))
    out = run().stdout
    assert "  dates    2024-01-01        2024-01-28\n" in out
    assert "0%" not in out.replace("100%", "").replace("50%", "")
    assert "nothing else we look for came right before one" in out
    assert "a reminder" not in out and "a fight" not in out


def test_one_turn_is_said_in_the_singular(
    settings: Settings, passphrase: str, unlocked: None
) -> None:
    fill(settings, passphrase, from_codes("RRRRAAWWWW"))
    out = run().stdout
    assert "(1 turn)" in out and "1 turns" not in out


def test_the_date_axis_fits_any_width() -> None:
    from datetime import datetime

    from tidewise.cli.tide import _date_axis

    first, last = datetime(2024, 1, 1), datetime(2024, 3, 1)
    assert _date_axis(first, last, 5) == "2024-01-01 to 2024-03-01"
    assert _date_axis(first, last, 24) == "2024-01-01    2024-03-01"
    wide = _date_axis(first, last, 60)
    assert len(wide) == 60 and wide.startswith("2024-01-01") and wide.endswith("2024-03-01")
    assert "2024-01-31" in wide
    assert _date_axis(first, first, 10) == "2024-01-01"


def test_json_is_every_statistic_and_nothing_else_on_stdout(
    settings: Settings, passphrase: str, unlocked: None
) -> None:
    fill(settings, passphrase, from_codes("RRRRAAWWWWEERRRR"))
    data = json.loads(run("--json").stdout)
    assert data["loops"]["count"] == 1
    assert data["current_phase"]["phase"] == "reaching"
    assert data["precursors"]["attachment_shame"] == 1.0
    assert data["unanalysed"] == 0


def test_json_snapshot(settings: Settings, passphrase: str, unlocked: None) -> None:
    spec = SyntheticSpec(loops=4, seed=21, noise=0.1, checkin_share=0.5, reminder_share=0.4)
    fill(settings, passphrase, generate(spec).observations)
    result = run("--json", "--from", "2023-01-05", "--to", "2023-03-31")
    assert result.exit_code == 0, result.stderr
    text = json.dumps(json.loads(result.stdout), indent=2, sort_keys=True) + "\n"
    if os.environ.get("TIDEWISE_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_empty_journal_gets_a_kind_message(
    settings: Settings, passphrase: str, unlocked: None
) -> None:
    fill(settings, passphrase, [])
    result = run()
    assert result.exit_code == 0
    assert "No analysed entries yet" in result.stdout
    assert json.loads(run("--json").stdout)["loops"]["count"] == 0


def test_a_range_with_nothing_in_it(settings: Settings, passphrase: str, unlocked: None) -> None:
    fill(settings, passphrase, from_codes("RRWWRR"))
    result = run("--from", "2030-01-01")
    assert result.exit_code == 0
    assert "No entries fall in this date range." in result.stdout


def test_unanalysed_entries_are_counted(
    settings: Settings, passphrase: str, unlocked: None
) -> None:
    fill(settings, passphrase, from_codes("RRWWRR"))
    with Journal.open(settings, passphrase) as journal:
        journal.write(
            "not analysed",
            created=from_codes("R")[0].time + timedelta(days=10),
            analysis=Analysis.OFF,
        )
    data = json.loads(run("--json").stdout)
    assert data["unanalysed"] == 1
    assert data["entries"] == 6


def test_svg_and_png_are_written_and_announced_on_stderr(
    settings: Settings, passphrase: str, unlocked: None, tmp_path: Path
) -> None:
    fill(settings, passphrase, from_codes("RRRRAAWWWWEERRRR"))
    svg, png = tmp_path / "tide.svg", tmp_path / "tide.png"
    result = run("--json", "--svg", str(svg), "--png", str(png))
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)  # stdout stays pure JSON
    assert svg.read_bytes().lstrip().startswith(b"<?xml")
    assert png.read_bytes().startswith(b"\x89PNG")
    assert f"Saved the tide charts to {svg}." in result.stderr


def test_bad_date_is_a_usage_error(settings: Settings, passphrase: str, unlocked: None) -> None:
    fill(settings, passphrase, from_codes("RR"))
    result = run("--from", "the day the music died")
    assert result.exit_code != 0
    assert "not understood" in str(result.exception) + result.stderr


def test_no_journal_is_reported(unlocked: None) -> None:
    result = run()
    assert result.exit_code != 0
