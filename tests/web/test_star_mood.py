"""Starring entries (on the entry, in the list, filtering by star) and a carried-over mood."""

from __future__ import annotations

import pytest

from tests.web.conftest import Web
from tests.web.pagetree import parse
from tidewise.clock import local_now
from tidewise.records import NewEntry, SourceMood


def _star_button(html: str, entry_id: int) -> str:
    return parse(html).find("button", id=f"star-{entry_id}").text


def test_an_entry_is_starred_and_unstarred_from_its_page(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write("A day worth keeping.")
    page = parse(unlocked_web.get(f"/entries/{entry_id}").text)
    form = page.find("form", action=f"/entries/{entry_id}/star", method="post")
    assert form.find("input", name="starred").attrs["value"] == "1"
    assert "Star" in _star_button(unlocked_web.get(f"/entries/{entry_id}").text, entry_id)
    response = unlocked_web.post(f"/entries/{entry_id}/star", {"starred": "1", "back": "entry"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/entries/{entry_id}"
    assert unlocked_web.state.journal.get(entry_id).starred
    label = _star_button(unlocked_web.get(f"/entries/{entry_id}").text, entry_id)
    assert "Starred" in label and "remove the star" in label
    unlocked_web.post(f"/entries/{entry_id}/star", {"starred": "0", "back": "entry"})
    assert not unlocked_web.state.journal.get(entry_id).starred


def test_the_list_stars_in_place_and_filters_by_star(unlocked_web: Web) -> None:
    first = unlocked_web.write("The first one.")
    second = unlocked_web.write("The second one.")
    listed = parse(unlocked_web.get("/journal").text)
    assert listed.find("input", type="checkbox", name="starred", id="starred")
    assert listed.find("label", for_="starred").text.strip() == "Starred only"
    response = unlocked_web.post(f"/entries/{first}/star", {"starred": "1", "back": "journal"})
    assert response.headers["location"] == f"/journal#entry-{first}"
    starred = parse(unlocked_web.get("/journal?starred=1").text)
    ids = [li.attrs["id"] for li in starred.find(id="entries").find_all("li")]
    assert ids == [f"entry-{first}"]
    assert starred.find("input", id="starred").attrs.get("checked") is not None
    everything = parse(unlocked_web.get("/journal").text).find(id="entries").find_all("li")
    assert [li.attrs["id"] for li in everything] == [f"entry-{second}", f"entry-{first}"]
    found = parse(unlocked_web.get("/journal?q=one&starred=1").text).find(id="entries")
    assert [li.attrs["id"] for li in found.find_all("li")] == [f"entry-{first}"]
    back = unlocked_web.post(f"/entries/{first}/star", {"starred": "0", "back": "starred"})
    assert back.headers["location"] == f"/journal?starred=1#entry-{first}"
    assert "No starred entries" in unlocked_web.get("/journal?starred=1").text


def test_the_starred_filter_pages_through_older_entries(unlocked_web: Web) -> None:
    journal = unlocked_web.state.journal
    ids = [journal.write(f"Entry number {n}.").id for n in range(35)]
    for entry_id in ids:
        journal.set_starred(entry_id, True)
    unlocked_web.state.changed()
    page = parse(unlocked_web.get("/journal?starred=1").text)
    older = page.find("a", cls="button").attrs["href"]
    assert "starred=1" in older
    rest = parse(unlocked_web.get(older).text).find(id="entries").find_all("li")
    assert len(rest) == 5


@pytest.mark.parametrize(
    "fields",
    [
        {"starred": "yes", "back": "entry"},
        {"starred": "1", "back": "https://elsewhere.example"},
        {"starred": "1"},
    ],
)
def test_odd_star_posts_are_refused(unlocked_web: Web, fields: dict[str, str]) -> None:
    entry_id = unlocked_web.write("Unchanged.")
    assert unlocked_web.post(f"/entries/{entry_id}/star", fields).status_code == 400
    assert not unlocked_web.state.journal.get(entry_id).starred


def test_a_forged_star_post_is_refused(unlocked_web: Web) -> None:
    entry_id = unlocked_web.write("Unchanged.")
    fields = {"starred": "1", "back": "entry", "form_token": "forged"}
    assert unlocked_web.post(f"/entries/{entry_id}/star", fields).status_code == 403
    other_site = {"origin": "http://evil.example"}
    token = {"starred": "1", "back": "entry"}
    assert (
        unlocked_web.post(f"/entries/{entry_id}/star", token, headers=other_site).status_code == 403
    )
    assert not unlocked_web.state.journal.get(entry_id).starred
    missing = unlocked_web.post("/entries/999/star", {"starred": "1", "back": "entry"})
    assert missing.status_code == 404


def test_a_mood_carried_from_another_app_is_shown_on_the_entry(unlocked_web: Web) -> None:
    journal = unlocked_web.state.journal
    new = NewEntry(
        text="Walked by the river.",
        created=local_now(),
        import_key="daylio:1",
        source_mood=SourceMood("meh", 3),
    )
    journal.import_entries([new])
    entry_id = journal.entries()[0].id
    mood = parse(unlocked_web.get(f"/entries/{entry_id}").text).find(id="source-mood").text
    assert "meh" in mood and "3 on that app's scale of 1 to 5" in mood
    plain = unlocked_web.write("Written here.")
    assert 'id="source-mood"' not in unlocked_web.get(f"/entries/{plain}").text
