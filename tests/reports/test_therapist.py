"""The report composed from plain entries, with no journal: what it quotes, what its
appendix holds, and that every format renders from the typed Report alone.

The use-case that gathers entries from a journal, writes files and records them is
tested in tests/test_report.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import FakeAnalyzer
from tidewise.errors import UsageError
from tidewise.records import CheckIn, Entry
from tidewise.reports import therapist
from tidewise.reports.document import Lessons, ReportRequest
from tidewise.reports.redact import Redactions

START = datetime(2025, 3, 3, 20, 0, tzinfo=UTC)
NOW = datetime(2025, 4, 1, 9, 30, tzinfo=UTC)
WORDS = (
    "Sam held me close and it felt warm.",
    "What is wrong with me, where is my self-respect?",
    "I slept in the spare room behind a wall.",
    "I am so tired and lonely, I miss him.",
)
NO_LESSONS = Lessons(total=0, released=0, opened=0, completed=())
APPENDIX_KEYS = [
    "format",
    "version",
    "made_at",
    "period",
    "entries",
    "left_out",
    "not_a_diagnosis",
    "tide",
    "entries_read_alone",
    "shame",
    "checkins",
    "safety",
    "lessons",
    "excerpts",
    "redacted",
    "method",
]


def _entries(count: int = 16) -> list[Entry]:
    reader = FakeAnalyzer()
    made = []
    for n in range(count):
        text = WORDS[n % len(WORDS)]
        when = START + timedelta(days=n)
        made.append(
            Entry(
                id=n + 1,
                text=text,
                created=when,
                updated=when,
                checkin=CheckIn(closeness=(n % 7) - 3, shame=n % 11),
                analysis=reader.analyze(text),
                shared=n == 0,
            )
        )
    return made


def test_a_report_is_composed_from_entries_alone() -> None:
    request = ReportRequest(share=(3,), redactions=Redactions(names=("Sam",)))
    report = therapist.compose(_entries(), request, NO_LESSONS, NOW)
    assert report.entries == 16
    assert [e.entry for e in report.excerpts] == [1, 3]  # marked, then chosen
    assert report.excerpts[0].text == "[name] held me close and it felt warm."
    assert report.left_out.entries_not_shared == 14
    assert report.redacted.names == 1
    assert report.tide.entries == 16


def test_the_appendix_keeps_its_keys_and_order() -> None:
    appendix = therapist.compose(_entries(), ReportRequest(), NO_LESSONS, NOW).to_dict()
    assert list(appendix) == APPENDIX_KEYS
    assert (appendix["format"], appendix["version"]) == ("tidewise-report", 1)
    assert appendix["made_at"] == "2025-04-01T09:30:00+00:00"
    assert appendix["period"] == {"from": "2025-03-03", "to": "2025-04-01"}
    assert set(appendix["shame"]) == {
        "attachment",
        "disconnection",
        "shame_voice_sentences",
        "entries_with_shame_voice",
    }
    assert set(appendix["checkins"]["closeness"]) == {"by_week", "slope_per_week", "trend"}


def test_a_chosen_entry_outside_the_period_is_refused() -> None:
    later = ReportRequest(since=START + timedelta(days=5), share=(1,))
    with pytest.raises(UsageError):
        therapist.compose(_entries(), later, NO_LESSONS, NOW)


@pytest.mark.parametrize("fmt", therapist.FORMATS)
def test_every_format_renders_from_the_report(fmt: str) -> None:
    report = therapist.compose(_entries(), ReportRequest(share=(2,)), NO_LESSONS, NOW)
    body = therapist.render(report, fmt, "summary.json")
    if fmt == "json":
        assert json.loads(body) == json.loads(json.dumps(report.to_dict()))
    elif fmt == "pdf":
        assert body.startswith(b"%PDF-")
    else:
        assert WORDS[1] in body.decode("utf-8") and "summary.json" in body.decode("utf-8")


def test_an_unknown_format_is_a_programming_error() -> None:
    report = therapist.compose([], ReportRequest(), NO_LESSONS, NOW)
    with pytest.raises(ValueError, match="docx"):
        therapist.render(report, "docx", "summary.json")
