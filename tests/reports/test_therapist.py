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


def _asked(day: int, step: str, answer: str | None) -> dict[str, object]:
    """A check-in record as replies.py keeps it (with the fields the report must not use)."""
    return {
        "entry": day,
        "step": step,
        "level": "possible",
        "kinds": ["self_harm"],
        "offered": (START + timedelta(days=day)).isoformat(),
        "answer": answer,
        "answered": None,
        "followed_up": False,
        "share": False,
    }


RECORDS = [
    _asked(9, "follow_up", None),
    _asked(2, "first", "safe"),
    _asked(5, "again", "not_safe"),
    {"entry": 7, "step": "first", "offered": "not a date", "answer": "safe"},
    _asked(6, "a step from a later version", "safe"),
]


def test_check_ins_in_the_period_come_oldest_first_in_plain_words() -> None:
    request = ReportRequest(since=START + timedelta(days=2), until=START + timedelta(days=9))
    rows = therapist.check_ins_in_period(RECORDS, request)
    assert [(c.day.isoformat(), c.asked, c.answer) for c in rows] == [
        ((START + timedelta(days=2)).astimezone().date().isoformat(), "first", "safe"),
        ((START + timedelta(days=5)).astimezone().date().isoformat(), "again", "not safe"),
    ]  # day 9 is the period's end, so out; unreadable records are left out, not guessed


def test_check_ins_go_in_only_when_the_request_includes_them() -> None:
    rows = therapist.check_ins_in_period(RECORDS, ReportRequest())
    assert len(rows) == 3
    without = therapist.compose(_entries(), ReportRequest(), NO_LESSONS, NOW, rows)
    assert without.safety_check_ins is None, "passed without consent: dropped"
    assert list(without.to_dict()) == APPENDIX_KEYS
    with_consent = ReportRequest(include_check_ins=True)
    report = therapist.compose(_entries(), with_consent, NO_LESSONS, NOW, rows)
    appendix = report.to_dict()
    assert list(appendix) == [*APPENDIX_KEYS, "safety_check_ins"]
    assert [c["answer"] for c in appendix["safety_check_ins"]] == [
        "safe",
        "not safe",
        "not answered",
    ]
    assert appendix["left_out"]["check_in_answers"] is False
    html = therapist.render(report, "html", "summary.json").decode("utf-8")
    assert "Safety check-ins" in html and "follow-up on the next entry" in html


def test_included_check_ins_with_none_in_the_period_say_so() -> None:
    report = therapist.compose(
        _entries(), ReportRequest(include_check_ins=True), NO_LESSONS, NOW, ()
    )
    assert report.to_dict()["safety_check_ins"] == []
    for fmt in ("html", "pdf"):
        body = therapist.render(report, fmt, "summary.json")
        if fmt == "html":
            assert "The question was not asked in this period." in body.decode("utf-8")
        else:
            assert body.startswith(b"%PDF-")
