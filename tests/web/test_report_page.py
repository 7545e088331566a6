"""The therapist report in the browser: choose, see what is in it, preview, download.

Consent first, as the CLI: figures only unless entries are marked or numbered; names
replaced everywhere; nothing written to disk; guarded forms and one-line refusals.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.web.conftest import Web, journal_web
from tests.web.pagetree import parse
from tidewise.report import REDACTIONS_KEY, STATE_KEY
from tidewise.settings import Settings

PIER = "Alex held my hand at the pier."
ROOM = "I slept in the spare room and shut the door."
TODAY = date.today().isoformat()


@pytest.fixture
def written(unlocked_web: Web) -> tuple[Web, int, int]:
    return unlocked_web, unlocked_web.write(PIER), unlocked_web.write(ROOM)


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_the_export_page_links_to_a_report_page_with_labelled_fields(unlocked_web: Web) -> None:
    export = parse(unlocked_web.get("/export").text)
    assert export.find("a", href="/report")
    page = parse(unlocked_web.get("/report").text)
    form = page.find("form", action="/report/preview", method="post")
    assert form.find("input", name="form_token")
    for field in ("since", "until", "share", "names", "places"):
        assert page.find("label", for_=field), field
        assert form.find(id=field, name=field), field
    assert not page.find_all(id="report-download"), "no download before a preview"


def test_the_preview_says_figures_only_and_shows_no_words(written: tuple[Web, int, int]) -> None:
    web, _, _ = written
    response = web.post("/report/preview", {"since": "", "until": TODAY})
    assert response.status_code == 200, response.text
    page = parse(response.text)
    assert "Figures only" in page.find(id="quoted").text
    assert page.find(id="no-words")
    assert "pier" not in page.find(id="report-preview").text
    assert page.find("form", action="/report/download").find("input", name="until", value=TODAY)


def test_a_chosen_entry_is_quoted_redacted_and_the_preview_saves_nothing(
    written: tuple[Web, int, int],
) -> None:
    web, pier, room = written
    response = web.post("/report/preview", {"share": str(pier), "names": "Alex"})
    page = parse(response.text)
    quoted = page.find(id=f"excerpt-{pier}").text
    assert "[name] held my hand" in quoted
    assert "Alex" not in quoted
    assert not page.find_all(id=f"excerpt-{room}")
    assert "Alex" in page.find(id="redacted").text
    assert web.state.journal.get_state(REDACTIONS_KEY) is None, "a preview keeps nothing"
    assert web.state.journal.get_state(STATE_KEY) is None


def test_the_pdf_download_is_made_in_memory_named_neutrally_and_recorded(
    written: tuple[Web, int, int], tmp_path: Path
) -> None:
    web, pier, _ = written
    before = _files(tmp_path)
    response = web.post("/report/download", {"share": str(pier), "names": "Alex", "format": "pdf"})
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"%PDF")
    disposition = response.headers["content-disposition"]
    assert disposition == f'attachment; filename="summary-{TODAY}.pdf"'
    journal = web.state.journal
    assert journal.get_state(REDACTIONS_KEY) == {"names": ["Alex"], "places": []}
    history = journal.get_state(STATE_KEY)
    assert isinstance(history, list)
    [made] = history
    assert made["entries_shared"] == [pier]
    assert made["file"] == f"summary-{TODAY}.pdf"
    new = {p for p in _files(tmp_path) - before if not p.name.startswith("journal.")}
    assert not [p for p in new if p.suffix in {".pdf", ".html", ".json"}], new
    assert not _files(journal.scratch_dir()), "nothing left in the scratch folder either"


def test_the_html_download_is_redacted_and_self_contained(written: tuple[Web, int, int]) -> None:
    web, pier, _ = written
    web.post("/report/download", {"names": "Alex", "share": str(pier), "format": "pdf"})
    response = web.post("/report/download", {"share": str(pier), "format": "html"})
    html = response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "[name] held my hand" in html, "the kept name is replaced in the next report too"
    assert "Alex" not in html
    assert "<script" not in html


def test_the_figures_alone_download_as_json(written: tuple[Web, int, int]) -> None:
    web, _, _ = written
    response = web.post("/report/download", {"format": "json"})
    assert response.json()["entries"] == 2
    assert response.json()["excerpts"] == []


@pytest.mark.parametrize("path", ["/report/preview", "/report/download"])
def test_forged_posts_are_refused_and_change_nothing(
    written: tuple[Web, int, int], path: str
) -> None:
    web, _, _ = written
    fields = {"names": "Alex", "format": "html"}
    assert web.post(path, {**fields, "form_token": "forged"}).status_code == 403
    other = {"origin": "http://evil.example"}
    assert web.post(path, fields, headers=other).status_code == 403
    assert web.post(path, fields, token=False).status_code == 403
    assert web.state.journal.get_state(REDACTIONS_KEY) is None
    assert web.state.journal.get_state(STATE_KEY) is None


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"since": "last tuesday"}, "The first day must be a date like"),
        ({"until": "2026-02-31"}, "The last day must be a date like"),
        ({"since": "2026-03-02", "until": "2026-03-01"}, "The first day comes after the last"),
        ({"share": "twelve"}, "is not an entry number"),
    ],
)
def test_bad_choices_get_one_line_and_keep_what_was_typed(
    written: tuple[Web, int, int], fields: dict[str, str], says: str
) -> None:
    web, _, _ = written
    for path in ("/report/preview", "/report/download"):
        response = web.post(path, {**fields, "names": "Alex", "format": "pdf"})
        assert response.status_code == 400
        page = parse(response.text)
        error = page.find(id="form-error").text
        assert says in error and "\n" not in error
        assert page.find("textarea", id="names").text == "Alex"
    assert web.state.journal.get_state(REDACTIONS_KEY) is None


def test_an_empty_period_has_nothing_to_report(written: tuple[Web, int, int]) -> None:
    web, pier, _ = written
    long_ago = {"since": "1990-01-01", "until": "1990-12-31"}
    response = web.post("/report/download", {**long_ago, "format": "pdf"})
    assert response.status_code == 400
    assert "no entries in that period" in parse(response.text).find(id="form-error").text
    outside = web.post(
        "/report/preview",
        {"until": (date.today() - timedelta(days=400)).isoformat(), "share": str(pier)},
    )
    assert outside.status_code == 400
    assert web.state.journal.get_state(STATE_KEY) is None


def test_the_report_page_needs_an_unlocked_journal(written: tuple[Web, int, int]) -> None:
    web, _, _ = written
    web.post("/lock", {"then": "locked"}, token=False)
    assert web.get("/report").status_code == 401
    assert web.client.post("/report/download", data={"format": "pdf"}).status_code in {401, 403}


@pytest.fixture
def asked_web(settings: Settings) -> Iterator[Web]:
    """A journal whose safety screen is unsure about "HEAVY" entries, with three check-ins."""
    from tests.test_graded_reply import LevelAnalyzer
    from tests.test_report import ask_three

    with journal_web(settings, analyzer=LevelAnalyzer()) as web:
        ask_three(web.state.journal)
        web.state.changed()
        yield web


CHECKBOX_WORDS = "Include your answers to 'are you safe right now?'"


def test_check_in_answers_are_a_choice_unchecked_at_first(asked_web: Web) -> None:
    page = parse(asked_web.get("/report").text)
    box = page.find("input", id="check_ins", type="checkbox")
    assert box and box.attrs.get("checked") is None
    assert CHECKBOX_WORDS in page.find("form", action="/report/preview").text
    plain = parse(asked_web.post("/report/preview", {}).text)
    assert not plain.find_all(id="check-ins-in") and not plain.find_all(id="check-ins-preview")
    assert "Safety check-ins" not in plain.text and "not answered" not in plain.text
    assert "are left out" in plain.find(id="report-contents").text
    assert not plain.find("form", action="/report/download").find_all(name="check_ins")
    figures = asked_web.post("/report/download", {"format": "json"}).json()
    assert "safety_check_ins" not in figures


def test_chosen_check_in_answers_show_in_what_it_holds_the_preview_and_the_download(
    asked_web: Web,
) -> None:
    page = parse(asked_web.post("/report/preview", {"check_ins": "yes"}).text)
    assert page.find("input", id="check_ins").attrs.get("checked") is not None
    assert "3 answers" in page.find(id="check-ins-in").text
    rows = [
        [cell.text.strip() for cell in row.walk() if cell.tag in ("th", "td")]
        for row in page.find(id="check-ins-preview").find_all("tr")
    ]
    assert [row[1:] for row in rows] == [
        ["Asked", "Answer"],
        ["first time", "not sure"],
        ["asked again", "not safe"],
        ["follow-up on the next entry", "not answered"],
    ]
    download = page.find("form", action="/report/download")
    assert download.find("input", name="check_ins", value="yes")
    figures = asked_web.post("/report/download", {"format": "json", "check_ins": "yes"}).json()
    assert [c["asked"] for c in figures["safety_check_ins"]] == ["first", "again", "follow-up"]
    html = asked_web.post("/report/download", {"format": "html", "check_ins": "yes"}).text
    assert "Safety check-ins" in html and "HEAVY" not in html
