"""Write, read (highlights, shame voice, reflection, help first), list, search, edit, delete."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from tests.conftest import FakeAnalyzer
from tests.web.conftest import (
    PASSPHRASE,
    TIRED,
    Web,
    journal_web,
    write_worn_out_stretch,
)
from tests.web.pagetree import parse
from tidewise.analysis.types import EntryAnalysis, Evidence, Safety
from tidewise.cycle.labels import LABEL_TITLES, Label
from tidewise.records import Analysis
from tidewise.settings import Settings
from tidewise.web.present import TIDE_NOTE

MIXED = "He held my hand on the walk. What is wrong with me? I moved into the spare room."


def test_write_page_has_labelled_controls_and_works_as_a_plain_form(unlocked_web: Web) -> None:
    response = unlocked_web.get("/write")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = parse(response.text)
    form = page.find("form", action="/write", method="post")
    assert page.find("label", for_="text")
    assert form.find("textarea", id="text", name="text")
    closeness = form.find_all("input", type="radio", name="closeness")
    assert [i.attrs["value"] for i in closeness] == ["", "-3", "-2", "-1", "0", "1", "2", "3"]
    assert [i.attrs["value"] for i in form.find_all("input", name="shame")] == [""] + [
        str(n) for n in range(11)
    ]
    assert form.find("legend").text.startswith("How close")
    assert form.find("input", id="tags", name="tags")
    assert response.context["nav"] == "write"  # type: ignore[attr-defined]


def test_saving_an_entry_shows_each_sentence_with_its_label_as_text(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write(MIXED, closeness="1", shame="7", tags="evening, Walk")
    response = unlocked_web.get(f"/entries/{entry_id}?saved=1")
    assert response.status_code == 200
    page = parse(response.text)
    sentences = page.find(id="entry-text").find_all("span", cls="sent")
    labels = [s.attrs["data-label"] for s in sentences]
    assert labels == ["reaching", "attachment_shame", "withdrawing"]
    for sentence in sentences:
        chip = sentence.find("span", cls="chip")
        assert chip.text == LABEL_TITLES[Label(sentence.attrs["data-label"])]
        assert f"lab-{sentence.attrs['data-label']}" in sentence.attrs["class"]
    assert page.find(id="entry-text").text.count("spare room") == 1
    assert page.find(id="movement").text == "Pulled both ways"
    assert page.find(id="phase").text in {title for title in LABEL_TITLES.values()}
    voice = page.find("section", cls="voice")
    assert "What is wrong with me?" in voice.text
    assert page.find("section", cls="reflection").find("p").text.endswith("?")
    assert [t.text for t in page.find_all("span", cls="tag")] == ["evening", "walk"]
    assert "Saved" in page.find("p", cls="notice").text


def test_the_highlighted_text_keeps_every_character_of_the_entry(unlocked_web: Web) -> None:
    text = "First line.\n\nThen, after a gap — he hugged me.  And I felt warm."
    entry_id = unlocked_web.write(text)
    page = parse(unlocked_web.get(f"/entries/{entry_id}").text)
    body = page.find(id="entry-text")
    for chip in body.find_all("span", cls="chip"):
        chip.children.clear()
    for hidden in body.find_all("span", cls="sr-only"):
        hidden.children.clear()
    assert body.text == text


class EvidenceAnalyzer(FakeAnalyzer):
    """Marks the word 'held' as evidence, and raises a safety concern on a cue."""

    def analyze(self, text: str) -> EntryAnalysis:
        result = super().analyze(text)
        sentences = []
        for sentence in result.sentences:
            at = sentence.text.find("held")
            evidence = (Evidence(at, at + 4, "held", sentence.label),) if at >= 0 else ()
            sentences.append(replace(sentence, evidence=evidence))
        result = replace(result, sentences=tuple(sentences))
        if "end it all" in text:
            result = replace(result, safety=Safety(concern=True, kinds=("self_harm",)))
        return result


@pytest.fixture
def evidence_web(settings: Settings) -> Iterator[Web]:
    with journal_web(settings, analyzer=EvidenceAnalyzer()) as web:
        yield web


def test_evidence_words_are_emphasised(evidence_web: Web) -> None:
    entry_id = evidence_web.write("He held my hand.")
    page = parse(evidence_web.get(f"/entries/{entry_id}").text)
    assert [em.text for em in page.find(id="entry-text").find_all("em")] == ["held"]


def test_a_safety_concern_shows_the_help_card_beside_the_entry(evidence_web: Web) -> None:
    entry_id = evidence_web.write("I held on all day. Tonight I want to end it all.")
    page = parse(evidence_web.get(f"/entries/{entry_id}").text)
    main = page.find("main")
    layout = main.find("div", cls="entry-layout")
    parts = [c for c in layout.children if not isinstance(c, str)]
    # The entry comes first in the page, the card right after its text: never above it.
    assert parts[0].find(id="entry-text") is not None
    assert parts[1].attrs.get("id") == "help-card"
    resources = parts[1].find("ul", cls="resources").find_all("li")
    assert resources, "crisis lines are listed in the card"
    assert parts[1].find("a", href="/help-now")
    assert not main.find_all("section", cls="reflection"), "no reflection beside the help"


def test_an_entry_saved_without_analysis_is_shown_plainly(unlocked_web: Web) -> None:
    journal = unlocked_web.state.journal
    entry = journal.write("Only the words, unread.", analysis=Analysis.OFF)
    page = parse(unlocked_web.get(f"/entries/{entry.id}").text)
    assert "not been read" in page.find("main").text
    assert not page.find_all("span", cls="chip")


def test_empty_text_is_refused_with_the_form_kept(unlocked_web: Web) -> None:
    response = unlocked_web.post("/write", {"text": "   ", "tags": "kept"})
    assert response.status_code == 400
    page = parse(response.text)
    assert "needs some text" in page.find(id="form-error").text
    assert page.find("input", id="tags").attrs["value"] == "kept"
    assert unlocked_web.state.journal.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("closeness", "4"),
        ("closeness", "-4"),
        ("closeness", "x"),
        ("shame", "11"),
        ("shame", "1.5"),
    ],
)
def test_malformed_check_in_fields_are_400_and_nothing_is_written(
    unlocked_web: Web, field: str, value: str
) -> None:
    response = unlocked_web.post("/write", {"text": "Some words.", field: value})
    assert response.status_code == 400
    assert unlocked_web.state.journal.count() == 0


def test_unknown_or_malformed_entry_ids(unlocked_web: Web) -> None:
    assert unlocked_web.get("/entries/424242").status_code == 404
    assert unlocked_web.get("/entries/0").status_code == 404
    assert unlocked_web.get(f"/entries/{2**70}").status_code == 404
    assert unlocked_web.get("/entries/abc").status_code == 400
    assert unlocked_web.post("/entries/424242/delete", {"confirm": "yes"}).status_code == 404
    assert unlocked_web.post("/entries/424242/edit", {"text": "x"}).status_code == 404


def test_edit_changes_text_check_in_and_tags(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write("I felt cold and distant.", tags="one")
    form = parse(unlocked_web.get(f"/entries/{entry_id}/edit").text)
    assert form.find("textarea", id="text").text == "I felt cold and distant."
    response = unlocked_web.post(
        f"/entries/{entry_id}/edit", {"text": "We laughed together.", "shame": "2", "tags": "two"}
    )
    assert response.status_code == 303
    entry = unlocked_web.state.journal.get(entry_id)
    assert entry.text == "We laughed together."
    assert entry.checkin is not None and entry.checkin.shame == 2
    assert entry.tags == ("two",)
    assert entry.analysis is not None and entry.analysis.phase == "reaching"


def test_delete_needs_the_confirmation_page(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write("A note to delete.")
    confirm = parse(unlocked_web.get(f"/entries/{entry_id}/delete").text)
    assert confirm.find("form", action=f"/entries/{entry_id}/delete")
    assert "cannot be undone" in confirm.find("main").text
    kept = unlocked_web.post(f"/entries/{entry_id}/delete", {})
    assert kept.status_code == 303 and unlocked_web.state.journal.count() == 1
    gone = unlocked_web.post(f"/entries/{entry_id}/delete", {"confirm": "yes"})
    assert gone.headers["location"] == "/journal?deleted=1"
    assert unlocked_web.state.journal.count() == 0


def test_delete_is_never_done_by_a_get(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write("Still here.")
    unlocked_web.get(f"/entries/{entry_id}/delete?confirm=yes")
    assert unlocked_web.state.journal.count() == 1


STRETCH_START = datetime(2025, 1, 6, 21, tzinfo=UTC)


def test_an_entry_the_tide_reads_differently_shows_both_readings_and_why(
    unlocked_web: Web,
) -> None:
    warm = write_worn_out_stretch(unlocked_web.state, STRETCH_START)[6]
    response = unlocked_web.get(f"/entries/{warm}")
    page = parse(response.text)
    facts = page.find("dl", cls="facts")
    assert [dt.text for dt in facts.find_all("dt")][:3] == ["Movement", "Phase", "In your tide"]
    assert page.find(id="phase").text == "Reaching"
    assert page.find(id="tide-phase").text == "Worn out"
    assert page.find(id="tide-note").text == TIDE_NOTE
    assert response.context["tide_phase_words"] == "Worn out"  # type: ignore[attr-defined]


def test_an_entry_the_tide_reads_the_same_way_shows_one_reading(unlocked_web: Web) -> None:
    tired = write_worn_out_stretch(unlocked_web.state, STRETCH_START)[0]
    page = parse(unlocked_web.get(f"/entries/{tired}").text)
    assert page.find(id="phase").text == "Worn out"
    assert not page.find_all(id="tide-phase")
    assert not page.find_all(id="tide-note")
    assert "In your tide" not in page.find("dl", cls="facts").text


def test_the_tide_reading_follows_an_edit(unlocked_web: Web) -> None:
    warm = write_worn_out_stretch(unlocked_web.state, STRETCH_START)[6]
    assert "tide-phase" in unlocked_web.get(f"/entries/{warm}").text
    assert unlocked_web.post(f"/entries/{warm}/edit", {"text": TIRED}).status_code == 303
    page = parse(unlocked_web.get(f"/entries/{warm}").text)
    assert page.find(id="phase").text == "Worn out"
    assert not page.find_all(id="tide-phase")


def test_the_country_is_asked_at_first_run_and_changed_in_settings(web: Web) -> None:
    from tidewise.replies import saved_country

    page = parse(web.get("/create").text)
    assert page.find("select", id="country") is not None
    web.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE, "country": "NZ"})
    assert saved_country(web.state.journal) == "NZ"
    settings_page = parse(web.get("/settings").text)
    options = settings_page.find("select", id="country").find_all("option")
    assert [o.attrs["value"] for o in options if "selected" in o.attrs] == ["NZ"]
    response = web.post("/settings/country", {"country": "IE"})
    assert response.status_code == 303
    assert saved_country(web.state.journal) == "IE"
    assert web.post("/settings/country", {"country": "ZZ"}).status_code == 400
    assert saved_country(web.state.journal) == "IE"
    web.post("/settings/country", {"country": ""})
    assert saved_country(web.state.journal) is None


def test_the_web_card_shows_the_country_lines_and_folds_the_others(evidence_web: Web) -> None:
    evidence_web.post("/settings/country", {"country": "UK"})
    entry_id = evidence_web.write("Tonight I want to end it all.")
    card = parse(evidence_web.get(f"/entries/{entry_id}").text).find(id="help-card")
    listed = card.find("ul", cls="resources").text
    assert "Samaritans" in listed and "988" not in listed
    folded = card.find("details", cls="other-countries")
    assert folded is not None and "988" in folded.text


def test_a_uk_nation_chosen_in_settings_shows_its_own_abuse_line(web: Web) -> None:
    from tidewise.replies import saved_country

    web.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
    options = parse(web.get("/settings").text).find("select", id="country").find_all("option")
    assert "UK-NIR" in [o.attrs["value"] for o in options]
    assert web.post("/settings/country", {"country": "UK-NIR"}).status_code == 303
    assert saved_country(web.state.journal) == "UK-NIR"
    listed = parse(web.get("/help-now").text).find("ul", id="resources").text
    assert "0808 802 1414" in listed and "0808 2000 247" not in listed


class CheckInAnalyzer(FakeAnalyzer):
    def analyze(self, text: str) -> EntryAnalysis:
        result = super().analyze(text)
        if "heavy" in text:
            safety = Safety(concern=True, kinds=("self_harm",), level="possible")
            return replace(result, safety=safety)
        return result


def test_the_web_check_in_records_the_answer_and_asks_again_next_time(
    settings: Settings,
) -> None:
    with journal_web(settings, analyzer=CheckInAnalyzer()) as web:
        first = web.write("A heavy day.")
        card = parse(web.get(f"/entries/{first}").text).find(id="help-card")
        buttons = card.find_all("button")
        assert [b.attrs["value"] for b in buttons] == ["safe", "not_sure", "not_safe"]
        assert web.post(f"/entries/{first}/safety-check", {"answer": "safe"}).status_code == 303
        card = parse(web.get(f"/entries/{first}").text).find(id="help-card")
        assert card.find(id="after-answer") is not None and not card.find_all("button")
        second = web.write("We had soup.")
        page = parse(web.get(f"/entries/{second}").text)
        assert page.find(id="help-card") is not None
        assert not page.find_all("section", cls="reflection")
