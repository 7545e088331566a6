"""The report for a therapist: consent first, redaction everywhere, safety text only by choice.

Journals are real (cheap KDF) with a keyword analyser whose safety screen flags
"not safe"; reports are gathered by the use-case (tidewise/report.py) and rendered for
real as HTML and PDF in tmp_path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from html import unescape
from pathlib import Path

import pytest

from tests.conftest import FakeAnalyzer
from tidewise.analysis.types import EntryAnalysis, Safety
from tidewise.errors import UsageError
from tidewise.journal import Journal
from tidewise.lessons.model import complete_lesson
from tidewise.records import CheckIn, NewEntry
from tidewise.report import STATE_KEY, build_report, record_report, suggestions, write_report
from tidewise.reports.document import ReportRequest
from tidewise.reports.redact import Redactions
from tidewise.reports.therapist import NOT_A_DIAGNOSIS, measured_macro_f1
from tidewise.settings import Settings

START = datetime(2025, 3, 3, 20, 0, tzinfo=UTC)
CYCLE = (
    "Sam held me on the sofa and it felt warm.",
    "What is wrong with me, where is my self-respect?",
    "I slept in the spare room with the door shut and a wall up.",
    "I yelled and reminded him of Brighton.",
    "I am so tired and lonely, I miss him.",
)
SAFETY_TEXT = "I am not safe at home with him tonight."
PRIVATE = "Nobody but me may read this line about Sam and Brighton."


class SafetyFakeAnalyzer(FakeAnalyzer):
    """The keyword fake, plus a safety screen that flags 'not safe' sentences."""

    def analyze(self, text: str) -> EntryAnalysis:
        result = super().analyze(text)
        flagged = tuple(i for i, s in enumerate(result.sentences) if "not safe" in s.text)
        if not flagged:
            return result
        return replace(
            result, safety=Safety(True, kinds=("danger_from_partner",), sentences=flagged)
        )


@pytest.fixture
def journal(settings: Settings, passphrase: str) -> Iterator[Journal]:
    with Journal.create(settings, passphrase, analyzer=SafetyFakeAnalyzer()) as made:
        entries = [
            NewEntry(
                text=CYCLE[n % len(CYCLE)] + (" " + PRIVATE if n == 7 else ""),
                created=START + timedelta(days=n, hours=n % 3),
                checkin=CheckIn(closeness=(n % 7) - 3, shame=n % 11),
            )
            for n in range(40)
        ]
        entries.append(NewEntry(text=SAFETY_TEXT, created=START + timedelta(days=12, hours=1)))
        made.import_entries(entries)
        yield made


def _text(paths: list[Path]) -> str:
    return "\n".join(p.read_text("utf-8") for p in paths if p.suffix != ".pdf")


def test_without_consent_no_entry_text_leaves(journal: Journal, tmp_path: Path) -> None:
    report = build_report(journal, ReportRequest())
    written = write_report(report, tmp_path / "r.html")
    text = _text(written)
    for entry in journal.entries():
        for sentence in re.split(r"(?<=[.?!])\s+", entry.text):
            assert sentence not in text
    assert report.excerpts == ()
    assert report.left_out.entries_not_shared == journal.count()
    assert "figures only" in text


def test_marked_and_named_entries_are_quoted_with_their_phase(
    journal: Journal, tmp_path: Path
) -> None:
    entries = journal.entries(newest_first=False)
    journal.set_shared(entries[0].id, True)
    report = build_report(journal, ReportRequest(share=(entries[2].id,)))
    quoted = {item.entry: item for item in report.excerpts}
    assert set(quoted) == {entries[0].id, entries[2].id}
    assert quoted[entries[2].id].text == entries[2].text
    assert quoted[entries[2].id].phase == entries[2].analysis.phase  # type: ignore[union-attr]
    html = _text(write_report(report, tmp_path / "r.html"))
    assert "I slept in the spare room" in html
    assert CYCLE[1] not in html  # not chosen


def test_an_entry_outside_the_period_cannot_be_shared(journal: Journal) -> None:
    first = journal.entries(newest_first=False)[0]
    later = ReportRequest(since=START + timedelta(days=10), share=(first.id,))
    with pytest.raises(UsageError):
        build_report(journal, later)


def test_redaction_reaches_html_json_and_safety_text(journal: Journal, tmp_path: Path) -> None:
    shared = [e.id for e in journal.entries() if "Sam" in e.text or "Brighton" in e.text]
    request = ReportRequest(
        share=tuple(shared),
        redactions=Redactions(names=("sam",), places=("Brighton",)),
        include_safety_text=True,
    )
    report = build_report(journal, request)
    written = write_report(report, tmp_path / "r.html")
    text = _text(written) + json.dumps(report.to_dict(), ensure_ascii=False)
    assert "Sam" not in text and "Brighton" not in text
    assert "[name] held me" in text and "[place]" in text
    # The PDF is drawn from the Report alone (checked above), so it holds no other text.
    assert write_report(report, tmp_path / "r.pdf")[0].read_bytes().startswith(b"%PDF")


def test_safety_flags_show_dates_and_kinds_but_text_only_when_chosen(
    journal: Journal, tmp_path: Path
) -> None:
    plain = build_report(journal, ReportRequest())
    flags = plain.to_dict()["safety"]["flags"]
    assert [(f["date"], f["kinds"]) for f in flags] == [("2025-03-15", ["danger_from_partner"])]
    assert "sentences" not in flags[0]
    html = _text(write_report(plain, tmp_path / "plain.html"))
    assert SAFETY_TEXT not in html and "2025-03-15" in html and "danger from the partner" in html
    chosen = build_report(journal, ReportRequest(include_safety_text=True))
    assert chosen.safety.flags[0].sentences == (SAFETY_TEXT,)
    assert SAFETY_TEXT in _text(write_report(chosen, tmp_path / "chosen.html"))


def test_html_is_one_self_contained_file_without_script_or_url(
    journal: Journal, tmp_path: Path
) -> None:
    path, appendix = write_report(build_report(journal, ReportRequest()), tmp_path / "r.html")
    html = path.read_text("utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"(?i)(https?:|ftp:|//[a-z0-9.-]+\.[a-z]{2,}/|@import|<link|<img)", html)
    assert html.count("<svg") == 4  # the charts are inline
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # no two charts share an element id
    assert NOT_A_DIAGNOSIS in unescape(html)
    assert appendix.name == "r.json"
    assert json.loads(appendix.read_text("utf-8"))["format"] == "tidewise-report"


def test_pdf_and_html_hold_the_same_figures(journal: Journal, tmp_path: Path) -> None:
    report = build_report(journal, ReportRequest())
    pdf, appendix = write_report(report, tmp_path / "r.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
    assert re.search(rb"/Count [3-9]\b", pdf.read_bytes())  # a first page, then the detail
    assert json.loads(appendix.read_text("utf-8")) == json.loads(json.dumps(report.to_dict()))


def test_the_figures_come_from_the_tide_and_the_check_ins(journal: Journal) -> None:
    data = build_report(journal, ReportRequest()).to_dict()
    tide = data["tide"]
    assert data["entries"] == 41
    assert tide["loops"]["count"] >= 3
    assert set(tide["time_in_phase"]) >= {"reaching", "attachment_shame", "withdrawing"}
    assert tide["precursor_counts"]["attachment_shame"] >= 1
    assert data["shame"]["shame_voice_sentences"] == 8  # one per "What is wrong" entry
    assert data["checkins"]["checkins"] == 40
    assert len(data["shame"]["attachment"]["by_week"]) == 6
    assert data["period"]["from"] == "2025-03-03"
    macro = measured_macro_f1()
    assert data["method"]["macro_f1"] == macro
    assert (macro is None) == (data["method"]["macro_f1_note"] == "not measured")


def test_a_period_counts_what_it_leaves_out(journal: Journal) -> None:
    request = ReportRequest(since=START + timedelta(days=10), until=START + timedelta(days=20))
    data = build_report(journal, request).to_dict()
    left = data["left_out"]
    assert data["entries"] == 11  # ten days plus the safety entry
    assert left["entries_before_period"] == 10
    assert left["entries_after_period"] == 20
    assert data["period"] == {"from": "2025-03-13", "to": "2025-03-23"}


def test_lesson_progress_is_reported_with_dates(journal: Journal) -> None:
    complete_lesson(journal, 1, datetime(2025, 3, 5, tzinfo=UTC))
    lessons = build_report(journal, ReportRequest()).lessons
    assert lessons.completed[0].week == 1
    assert lessons.completed[0].day.isoformat() == "2025-03-05"
    assert lessons.total >= 12


def test_suggestions_name_capitalised_words_and_never_apply_them(journal: Journal) -> None:
    entry = next(e for e in journal.entries() if "Brighton" in e.text)
    request = ReportRequest(share=(entry.id,), redactions=Redactions(names=("Sam",)))
    assert "Brighton" in suggestions(journal, request)
    assert "Sam" not in suggestions(journal, request)
    quoted = build_report(journal, request).excerpts[0].text
    assert "Brighton" in quoted  # suggested, not silently redacted


def test_each_report_is_recorded_in_the_journal(journal: Journal, tmp_path: Path) -> None:
    entry = journal.entries()[0]
    report = build_report(journal, ReportRequest(share=(entry.id,)))
    record_report(journal, report, tmp_path / "first.pdf")
    record_report(journal, build_report(journal, ReportRequest()), tmp_path / "second.html")
    history = journal.get_state(STATE_KEY)
    assert isinstance(history, list)
    assert [h["file"] for h in history] == ["first.pdf", "second.html"]
    assert history[0]["entries_shared"] == [entry.id]
    assert history[1]["entries_shared"] == []
    assert history[0]["made_at"] == report.to_dict()["made_at"]


def test_an_empty_journal_still_makes_an_honest_report(
    fresh_journal: Journal, tmp_path: Path
) -> None:
    report = build_report(fresh_journal, ReportRequest())
    html = _text(write_report(report, tmp_path / "empty.html"))
    assert report.entries == 0 and "<svg" not in html
    assert write_report(report, tmp_path / "empty.pdf")[0].read_bytes().startswith(b"%PDF")


def test_other_suffixes_are_refused(journal: Journal, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(UsageError):
        write_report(build_report(journal, ReportRequest()), folder / "r.docx")
    assert list(folder.iterdir()) == []


TIRED = "I am so tired and lonely tonight. I miss him."
HELD = "He held my hand at dinner."
BILLS = "We paid the bills and booked the car in."


@pytest.fixture
def stretch(settings: Settings, passphrase: str) -> Iterator[Journal]:
    """Two worn-out weeks with one warm evening (entry 7) and one plain note (entry 14)."""
    texts = [*[TIRED] * 6, HELD, *[TIRED] * 6, BILLS]
    with Journal.create(settings, passphrase, analyzer=FakeAnalyzer()) as made:
        made.import_entries(
            [NewEntry(text=t, created=START + timedelta(days=n)) for n, t in enumerate(texts)]
        )
        yield made


def _rows(html: str, table_id: str) -> list[list[str]]:
    from tests.web.pagetree import parse

    table = parse(html).find("table", id=table_id)
    return [
        [cell.text.strip() for cell in row.walk() if cell.tag in ("th", "td")]
        for row in table.find_all("tr")
    ]


def test_the_phase_table_counts_the_tide_and_each_entry_read_alone(
    stretch: Journal, tmp_path: Path
) -> None:
    report = build_report(stretch, ReportRequest())
    alone = report.entries_read_alone
    # 14 entries, each read on its own: 12 worn out, 1 reaching, 1 with no clear phase.
    assert alone == {
        "reaching": 0.0714,
        "attachment_shame": 0.0,
        "disconnection_shame": 0.0,
        "withdrawing": 0.0,
        "punishing": 0.0,
        "exhaustion": 0.8571,
        "neutral": 0.0714,
    }
    assert report.to_dict()["tide"]["entries_in_phase"]["reaching"] == 0.0  # the tide: none
    html_path, appendix = write_report(report, tmp_path / "r.html")
    assert json.loads(appendix.read_text("utf-8"))["entries_read_alone"] == alone
    html = html_path.read_text("utf-8")
    rows = _rows(html, "phase-table")
    assert rows[0] == [
        "Phase",
        "Share of time",
        "Share of entries",
        "Entries read alone as this phase",
    ]
    by_phase = {row[0]: row[1:] for row in rows[1:]}
    assert by_phase["Reaching"] == ["0%", "0%", "7%"]
    assert by_phase["Worn out"][2] == "86%"
    assert by_phase["No clear phase"] == ["–", "–", "7%"]
    assert "The first two columns count the tide" in unescape(html)
    assert "each read on its own" in report.method.readings
    assert write_report(report, tmp_path / "r.pdf")[0].read_bytes().startswith(b"%PDF")


def test_a_quoted_entry_shows_its_own_phase_and_the_tides_when_they_differ(
    stretch: Journal, tmp_path: Path
) -> None:
    report = build_report(stretch, ReportRequest(share=(1, 7)))
    quoted = {item["entry"]: item for item in report.to_dict()["excerpts"]}
    assert (quoted[7]["phase"], quoted[7]["tide_phase"]) == ("reaching", "exhaustion")
    assert (quoted[1]["phase"], quoted[1]["tide_phase"]) == ("exhaustion", "exhaustion")
    html = unescape(write_report(report, tmp_path / "r.html")[0].read_text("utf-8"))
    assert "phase on its own: Reaching · in the tide: Worn out" in html
    first = next(line for line in html.splitlines() if "2025-03-03 20:00" in line)
    assert "phase on its own: Worn out" in first and "in the tide" not in first


# ---- the answers to "are you safe right now?": only with consent (issue 12) -------------

LEFT_OUT_CHECK_INS = 'The writer\'s answers to "Are you safe right now?" are left out.'
ASKED_TEXT = ("HEAVY day, I slept in the spare room.", "HEAVY again tonight.", "A quiet walk.")


def ask_three(journal: Journal) -> list[int]:
    """Three check-ins through the real reply path: asked first (answered "not sure"),
    asked again (answered "not safe"), then the follow-up on a calm entry (no answer)."""
    from tidewise.replies import record_answer, reply_for

    start = datetime.now(UTC) - timedelta(hours=3)
    ids = []
    for n, (text, answer) in enumerate(
        zip(ASKED_TEXT, ("not-sure", "not-safe", None), strict=True)
    ):
        entry = journal.write(text, created=start + timedelta(hours=n))
        assert reply_for(journal, entry) is not None
        if answer:
            record_answer(journal, entry.id, answer)
        ids.append(entry.id)
    return ids


@pytest.fixture
def asked(settings: Settings, passphrase: str) -> Iterator[Journal]:
    from tests.test_graded_reply import LevelAnalyzer

    with Journal.create(settings, passphrase, analyzer=LevelAnalyzer()) as made:
        ask_three(made)
        yield made


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _today() -> str:
    return datetime.now(UTC).astimezone().date().isoformat()


def test_without_consent_nothing_about_check_in_answers_appears(
    asked: Journal, tmp_path: Path
) -> None:
    report = build_report(asked, ReportRequest())
    assert report.safety_check_ins is None
    data = report.to_dict()
    assert "safety_check_ins" not in data
    assert data["left_out"]["check_in_answers"] is True
    html_path, appendix = write_report(report, tmp_path / "r.html")
    pdf = pdf_text(write_report(report, tmp_path / "r.pdf")[0])
    html = unescape(html_path.read_text("utf-8"))
    for text in (html, pdf, appendix.read_text("utf-8")):
        assert "Safety check-ins" not in text
        assert "not sure" not in text and "not answered" not in text
    assert LEFT_OUT_CHECK_INS in html and LEFT_OUT_CHECK_INS in " ".join(pdf.split())
    record_report(asked, report, html_path)
    history = asked.get_state(STATE_KEY)
    assert isinstance(history, list) and history[0]["check_ins_included"] is False


def test_with_consent_the_days_and_answers_go_in_without_entry_text(
    asked: Journal, tmp_path: Path
) -> None:
    report = build_report(asked, ReportRequest(include_check_ins=True))
    expected = [
        {"date": _today(), "asked": "first", "answer": "not sure"},
        {"date": _today(), "asked": "again", "answer": "not safe"},
        {"date": _today(), "asked": "follow-up", "answer": "not answered"},
    ]
    data = report.to_dict()
    assert data["safety_check_ins"] == expected
    assert data["left_out"]["check_in_answers"] is False
    html_path, appendix = write_report(report, tmp_path / "r.html")
    assert json.loads(appendix.read_text("utf-8"))["safety_check_ins"] == expected
    html = unescape(html_path.read_text("utf-8"))
    from tests.web.pagetree import parse

    section = parse(html).find("section", id="safety-check-ins")
    rows = [
        [cell.text.strip() for cell in row.walk() if cell.tag in ("th", "td")]
        for row in section.find_all("tr")
    ]
    assert rows == [
        ["Day", "Asked", "Answer"],
        [_today(), "first time", "not sure"],
        [_today(), "asked again", "not safe"],
        [_today(), "follow-up on the next entry", "not answered"],
    ]
    assert LEFT_OUT_CHECK_INS not in html
    pdf = " ".join(pdf_text(write_report(report, tmp_path / "r.pdf")[0]).split())
    assert "Safety check-ins" in pdf
    assert f"{_today()} asked again not safe" in pdf
    assert LEFT_OUT_CHECK_INS not in pdf
    for text in ASKED_TEXT:  # figures only: no entry was chosen for quoting
        assert text not in html and text not in pdf
    record_report(asked, report, html_path)
    history = asked.get_state(STATE_KEY)
    assert isinstance(history, list) and history[0]["check_ins_included"] is True


def test_a_check_in_asked_outside_the_period_is_left_out(asked: Journal) -> None:
    from tidewise.replies import CHECK_INS_KEY

    stored = asked.get_state(CHECK_INS_KEY)
    assert isinstance(stored, dict)
    long_ago = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
    stored["records"][0]["offered"] = long_ago.isoformat()  # as if asked in March
    asked.set_state(CHECK_INS_KEY, stored)

    def answers(since: datetime | None, until: datetime | None) -> list[str]:
        request = ReportRequest(since=since, until=until, include_check_ins=True)
        return [c["answer"] for c in build_report(asked, request).to_dict()["safety_check_ins"]]

    recent = datetime.now(UTC) - timedelta(days=7)
    assert answers(recent, None) == ["not safe", "not answered"]
    assert answers(long_ago, recent) == ["not sure"]  # the first day is in the period
    assert answers(None, long_ago) == []  # the end is not
    with_none = build_report(asked, ReportRequest(until=long_ago, include_check_ins=True))
    assert with_none.safety_check_ins == ()
