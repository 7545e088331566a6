"""The date and time fields of Write and Change, and day-only dates shown as the day alone."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.web.conftest import Web
from tests.web.pagetree import parse
from tidewise.clock import local_now
from tidewise.when import BAD_DATE, BAD_TIME, is_day_only


def _when_fields(html: str) -> dict[str, str]:
    form = parse(html).find("form", id="entry-form")
    return {
        name: form.find("input", name=name).attrs.get("value", "")
        for name in ("date", "time", "when_shown")
    }


def test_write_page_offers_a_labelled_date_and_time_set_to_now(unlocked_web: Web) -> None:
    before = local_now()
    page = parse(unlocked_web.get("/write").text)
    date_input = page.find("input", id="entry-date", type="date", name="date")
    time_input = page.find("input", id="entry-time", type="time", name="time")
    assert page.find("label", for_="entry-date").text == "Date"
    assert page.find("label", for_="entry-time").text == "Time (optional)"
    assert date_input.attrs["value"] in {before.date().isoformat(), local_now().date().isoformat()}
    shown = datetime.fromisoformat(f"{date_input.attrs['value']}T{time_input.attrs['value']}")
    assert abs(shown - before.replace(tzinfo=None, second=0, microsecond=0)) <= timedelta(minutes=1)


def test_untouched_fields_save_the_moment_of_saving(unlocked_web: Web) -> None:
    fields = _when_fields(unlocked_web.get("/write").text)
    before = local_now()
    entry_id = unlocked_web.write("An ordinary evening.", **fields)
    created = unlocked_web.state.journal.get(entry_id).created
    assert before - timedelta(seconds=1) <= created <= local_now()


def test_a_chosen_date_and_time_date_the_entry(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write(
        "Looking back at that week.", date="2024-05-01", time="21:30", when_shown="x"
    )
    entry = unlocked_web.state.journal.get(entry_id)
    assert (entry.created.date().isoformat(), f"{entry.created:%H:%M}") == ("2024-05-01", "21:30")
    assert entry.time_zone == unlocked_web.state.journal.get(entry_id).time_zone
    heading = parse(unlocked_web.get(f"/entries/{entry_id}").text).find("h1").text
    assert heading == "Wed 1 May 2024, 21:30"


def test_a_date_without_a_time_shows_the_day_alone_everywhere(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write("That whole Sunday.", date="2024-05-05", time="", when_shown="x")
    entry = unlocked_web.state.journal.get(entry_id)
    assert is_day_only(entry.created)
    assert parse(unlocked_web.get(f"/entries/{entry_id}").text).find("h1").text == "Sun 5 May 2024"
    listed = parse(unlocked_web.get("/journal").text).find("a", cls="when").text
    assert listed == "Sun 5 May 2024"
    assert "00:00" not in unlocked_web.get("/journal").text
    edit = _when_fields(unlocked_web.get(f"/entries/{entry_id}/edit").text)
    assert (edit["date"], edit["time"]) == ("2024-05-05", "")
    delete_page = unlocked_web.get(f"/entries/{entry_id}/delete").text
    assert "Sun 5 May 2024 will" in delete_page.replace("\n", " ")


def test_a_day_only_entry_written_directly_shows_no_midnight(unlocked_web: Web) -> None:
    journal = unlocked_web.state.journal
    day = local_now().replace(year=2023, month=7, day=2, hour=0, minute=0, second=0, microsecond=0)
    entry = journal.write("Imported from the old notebook.", created=day)
    assert parse(unlocked_web.get(f"/entries/{entry.id}").text).find("h1").text == "Sun 2 Jul 2023"


def test_a_bad_date_is_refused_with_one_line_and_keeps_the_text(unlocked_web: Web) -> None:
    response = unlocked_web.post("/write", {"text": "Kept text.", "date": "14/03/2024"})
    assert response.status_code == 400
    page = parse(response.text)
    assert page.find(id="form-error").text == BAD_DATE
    assert page.find("textarea", id="text").text == "Kept text."
    assert page.find("input", id="entry-date").attrs["value"] == "14/03/2024"
    assert unlocked_web.state.journal.count() == 0


def test_a_bad_time_or_a_date_out_of_range_is_refused(unlocked_web: Web) -> None:
    bad_time = unlocked_web.post("/write", {"text": "x", "date": "2024-03-14", "time": "25:61"})
    assert bad_time.status_code == 400
    assert parse(bad_time.text).find(id="form-error").text == BAD_TIME
    far = unlocked_web.post("/write", {"text": "x", "date": "1850-01-01", "time": ""})
    assert far.status_code == 400
    assert "between the years 1900 and 2199" in parse(far.text).find(id="form-error").text
    assert unlocked_web.state.journal.count() == 0


def test_change_keeps_the_date_unless_it_is_changed(unlocked_web: Web) -> None:
    fields = _when_fields(unlocked_web.get("/write").text)
    entry_id = unlocked_web.write("First words.", **fields)
    journal = unlocked_web.state.journal
    created = journal.get(entry_id).created
    shown = _when_fields(unlocked_web.get(f"/entries/{entry_id}/edit").text)
    response = unlocked_web.post(f"/entries/{entry_id}/edit", {"text": "Second words.", **shown})
    assert response.status_code == 303
    assert journal.get(entry_id).created == created  # seconds kept: nothing was changed
    moved = {**shown, "date": "2022-12-24", "time": ""}
    assert unlocked_web.post(f"/entries/{entry_id}/edit", {"text": "Third.", **moved}).is_redirect
    entry = journal.get(entry_id)
    assert entry.created.date().isoformat() == "2022-12-24" and is_day_only(entry.created)
    assert entry.text == "Third."


def test_change_refuses_a_bad_date_and_changes_nothing(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write("Stays as it is.")
    journal = unlocked_web.state.journal
    before = journal.get(entry_id)
    shown = _when_fields(unlocked_web.get(f"/entries/{entry_id}/edit").text)
    bad = {**shown, "text": "Changed?", "date": "2024-13-01"}
    response = unlocked_web.post(f"/entries/{entry_id}/edit", bad)
    assert response.status_code == 400
    assert parse(response.text).find(id="form-error").text == BAD_DATE
    assert journal.get(entry_id) == before
