"""Counted words: every command and every page, over journals holding 0, 1 and 2 of each
thing counted (entries, loops, turns away, unread entries), with no "1 times", "1 turns",
"in 1 entries" or "0 entry" anywhere.

Real journals (cheap KDF), the CLI through Typer's runner, the web pages through
Starlette's test client. Slow-ish (a few seconds): each scenario builds one journal and
runs every reading command over it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.cli.test_tide import fill
from tests.conftest import FakeAnalyzer
from tests.web.conftest import ORIGIN, TOKEN, make_app, make_client
from tidewise.cli import app
from tidewise.cycle.synthetic import from_codes
from tidewise.journal import Journal
from tidewise.plural import counted, plural, times
from tidewise.records import Analysis
from tidewise.settings import PASSPHRASE_ENV, Settings

NOUNS = (
    "entr(y|ies)",
    "times?",
    "turns?",
    "loops?",
    "days?",
    "corrections?",
    "check-ins?",
    "sentences?",
    "weeks?",
    "readings?",
)
# "1 entries", "1 turns away", "Of 1 turns": a plural after exactly one.
ONE_PLURAL = re.compile(
    r"(?<![\d.,:/-])1 (?:smaller |longer |completed )?"
    r"(entries|times|turns|loops|days|corrections|check-ins|sentences|weeks|readings)\b"
)
# "0 entry", "2 turn": a singular after any other whole number.
OTHER_SINGULAR = re.compile(
    r"(?<![\d.,:/-])(?:0|[2-9]|\d{2,}) (?:smaller |longer |completed )?"
    r"(entry|time|turn|loop|correction|check-in|sentence|reading)\b(?!-)"
)


def bad_forms(text: str) -> list[str]:
    found = [m.group(0) for m in ONE_PLURAL.finditer(text)]
    return found + [m.group(0) for m in OTHER_SINGULAR.finditer(text)]


def test_the_patterns_catch_the_forms_the_issue_names() -> None:
    for wrong in ("1 times", "Of 1 turns away", "(1 turns)", "in 1 entries", "0 entry"):
        assert bad_forms(wrong), wrong
    for right in ("1 time", "1 turn away", "2 turns", "0 entries", "2024-01-01 entries", "once"):
        assert not bad_forms(right), right


def test_counted_and_plural() -> None:
    assert [counted(n, "entry") for n in (0, 1, 2)] == ["0 entries", "1 entry", "2 entries"]
    assert counted(1, "turn away") == "1 turn away"
    assert counted(2, "turn away") == "2 turns away"
    assert counted(1.5, "day") == "1.5 days"
    assert counted(1.0, "day") == "1 day"
    assert counted(2, "check-in") == "2 check-ins"
    assert counted(3, "person") == "3 people"
    assert counted(2, "datum", "data") == "2 data"
    assert [plural("loop", n) for n in (0, 1, 2)] == ["loops", "loop", "loops"]
    assert [times(n) for n in (1, 2, 3)] == ["once", "twice", "3 times"]


@dataclass(frozen=True)
class Scenario:
    name: str
    codes: str  # phases of synthetic entries (see cycle.synthetic.from_codes)
    unread: int  # entries saved without an analysis


# Entries 0/1/2, turns away 0/1/2, loops 0/1/2, unread entries 1/2.
SCENARIOS = (
    Scenario("empty", "", 0),
    Scenario("one entry", "R", 0),
    Scenario("two entries", "RR", 0),
    Scenario("one turn", "RRRRAAWWWW", 1),
    Scenario("one loop", "RRRRAAWWWWEERRRR", 2),
    Scenario("two loops", "RRRRAAWWWWEERRRRAAPPPPEERRRR", 0),
)


def _build(settings: Settings, passphrase: str, scenario: Scenario) -> None:
    if scenario.codes:
        fill(settings, passphrase, from_codes(scenario.codes))
    else:
        Journal.create(settings, passphrase).close()
    with Journal.open(settings, passphrase, analyzer=FakeAnalyzer()) as journal:
        for n in range(scenario.unread):
            journal.write(f"Unread words {n}.", analysis=Analysis.OFF)
        if journal.count():
            journal.write("So tired. I miss him.")  # sentences for show, one of each kind


def _cli_outputs(tmp: Path) -> Iterator[tuple[str, str]]:
    runner = CliRunner()
    commands = [
        ["list"],
        ["list", "--phase", "worn out"],
        ["list", "--starred"],
        ["show", "1"],
        ["search", "tired"],
        ["tide"],
        ["export", "--format", "markdown"],
        ["export", "--format", "csv", "--out", f"{tmp}/"],
        ["lessons"],
        ["lessons", "read", "1"],
        ["help-now", "--country", "FR"],
        ["corrections"],
        ["report", "--preview"],
        ["report", "--out", str(tmp / "summary.html")],
    ]
    for args in commands:
        result = runner.invoke(app, args)
        yield " ".join(args), result.stdout + result.stderr
    summary = (tmp / "summary.html").read_text("utf-8") if (tmp / "summary.html").exists() else ""
    yield "the report file", summary


def _changing_outputs(tmp: Path, scenario: Scenario) -> Iterator[tuple[str, str]]:
    """Commands that change the journal, run last: import (twice) and reanalyze."""
    runner = CliRunner()
    count = min(2, len(scenario.codes))
    if count:
        jrnl = tmp / "jrnl.txt"
        jrnl.write_text(
            "".join(f"[2025-0{n + 1}-01 09:00] Imported words {n}.\n\n" for n in range(count)),
            "utf-8",
        )
        for attempt in ("first", "again"):
            args = ["import", str(jrnl), "--zone", "UTC", "--no-analysis"]
            result = runner.invoke(app, args)
            yield f"import ({attempt})", result.stdout + result.stderr
    result = runner.invoke(app, ["reanalyze"])
    yield "reanalyze", result.stdout + result.stderr


PAGES = ("/journal", "/journal?phase=exhaustion", "/tide", "/entries/1", "/export", "/lessons")


def _web_outputs(settings: Settings, passphrase: str) -> Iterator[tuple[str, str]]:
    web_app = make_app(settings)
    try:
        client = make_client(web_app)
        assert client.get(f"/launch/{TOKEN}").status_code == 303
        page = client.get("/unlock").text  # the unlock form carries the pass's form token
        match = re.search(r'name="form_token" value="([^"]+)"', page)
        assert match, "the unlock page carries a form token"
        response = client.post(
            "/unlock",
            data={"passphrase": passphrase, "form_token": match.group(1)},
            headers={"origin": ORIGIN},
        )
        assert response.status_code == 303, response.text
        for path in PAGES:
            response = client.get(path)
            assert response.status_code in (200, 404), path  # 404: /entries/1 when empty
            yield path, response.text
    finally:
        web_app.state.web.shutdown()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_no_command_or_page_miscounts(
    scenario: Scenario,
    settings: Settings,
    passphrase: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _build(settings, passphrase, scenario)
    monkeypatch.setenv(PASSPHRASE_ENV, passphrase)
    original = Journal.open  # reanalyze reads with the fake reader, not the model
    monkeypatch.setattr(
        Journal,
        "open",
        classmethod(lambda cls, s, p, **kw: original(s, p, analyzer=FakeAnalyzer())),
    )
    exports = tmp_path / "exports"
    outputs = [
        *_cli_outputs(exports),
        *_web_outputs(settings, passphrase),
        *_changing_outputs(tmp_path, scenario),
    ]
    assert len(outputs) >= 20
    problems = {where: bad for where, text in outputs if (bad := bad_forms(text))}
    assert problems == {}
