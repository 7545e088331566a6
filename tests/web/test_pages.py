"""The journal list, the tide, lessons, help now, export and settings pages."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from tests.web.conftest import PASSPHRASE, Web, make_client, write_worn_out_stretch
from tests.web.pagetree import parse
from tidewise.journal import Journal
from tidewise.web.listing import PAGE_SIZE


def _fill(web: Web, count: int, text: str = "He held me close.") -> None:
    journal = web.state.journal
    start = datetime(2025, 1, 1, 8, tzinfo=UTC)
    for day in range(count):
        journal.write(f"{text} Day {day}.", created=start + timedelta(days=day), tags=["daily"])
    web.state.changed()


def test_the_journal_list_pages_through_every_entry_once(unlocked_web: Web) -> None:
    _fill(unlocked_web, PAGE_SIZE * 2 + 5)
    seen: list[str] = []
    path = "/journal"
    while path:
        page = parse(unlocked_web.get(path).text)
        seen += [a.attrs["href"] for a in page.find("ul", id="entries").find_all("a", cls="when")]
        older = [a for a in page.find_all("a") if a.text == "Older entries"]
        path = older[0].attrs["href"] if older else ""
    assert len(seen) == PAGE_SIZE * 2 + 5
    assert len(set(seen)) == len(seen)


def test_entries_at_the_same_instant_are_not_lost_between_pages(unlocked_web: Web) -> None:
    journal = unlocked_web.state.journal
    moment = datetime(2025, 3, 1, 12, tzinfo=UTC)
    for n in range(PAGE_SIZE + 3):
        journal.write(f"Same minute {n}.", created=moment)
    first = parse(unlocked_web.get("/journal").text)
    older = next(a for a in first.find_all("a") if a.text == "Older entries")
    second = parse(unlocked_web.get(older.attrs["href"]).text)
    count = len(first.find("ul", id="entries").find_all("li"))
    count += len(second.find("ul", id="entries").find_all("li"))
    assert count == PAGE_SIZE + 3


def test_search_and_filters(unlocked_web: Web) -> None:
    unlocked_web.write("We laughed in the kitchen.", tags="home")
    unlocked_web.write("I moved to the spare room again.", tags="night")
    found = parse(unlocked_web.get("/journal", params={"q": "kitchen"}).text)
    assert [p.text for p in found.find_all("p", cls="preview")] == ["We laughed in the kitchen."]
    by_phase = parse(unlocked_web.get("/journal", params={"phase": "withdrawing"}).text)
    assert [p.text for p in by_phase.find_all("p", cls="preview")] == [
        "I moved to the spare room again."
    ]
    by_tag = parse(unlocked_web.get("/journal", params={"tag": "home"}).text)
    assert len(by_tag.find_all("p", cls="preview")) == 1
    options = parse(unlocked_web.get("/journal").text).find("datalist", id="known-tags")
    assert [o.attrs["value"] for o in options.find_all("option")] == ["home", "night"]


def test_malformed_list_parameters_are_400(unlocked_web: Web) -> None:
    assert unlocked_web.get("/journal", params={"phase": "nonsense"}).status_code == 400
    assert unlocked_web.get("/journal", params={"before": "not-a-date~1"}).status_code == 400
    assert (
        unlocked_web.get("/journal", params={"before": "2025-01-01T00:00:00~x"}).status_code == 400
    )
    assert unlocked_web.get("/journal", params={"q": "x" * 500}).status_code == 400


def test_the_tide_page_has_plain_words_chart_data_and_no_text(unlocked_web: Web) -> None:
    texts = [
        "He held my hand and I felt warm.",
        "What is wrong with me, I hate myself for it.",
        "I moved to the spare room, a wall between us.",
        "I exploded and reminded him of everything.",
        "I am so tired and I miss him.",
    ]
    journal = unlocked_web.state.journal
    start = datetime(2025, 1, 1, 9, tzinfo=UTC)
    for day in range(40):
        journal.write(texts[day % 5], created=start + timedelta(days=day))
    unlocked_web.state.changed()
    response = unlocked_web.get("/tide")
    assert response.status_code == 200
    page = parse(response.text)
    summary = [li.text for li in page.find(id="tide-summary").find_all("li")]
    assert summary[0] == "Tidewise has read 40 of your entries."
    data = json.loads(page.find("script", id="tide-data").text)
    assert {"timeline", "wheel", "loops", "precursors"} <= set(data)
    assert sum(len(s["x"]) for s in data["timeline"]["series"]) == 40
    assert len(data["wheel"]["share"]) == 6
    assert "spare room" not in response.text
    scripts = [s.attrs.get("src") for s in page.find_all("script") if s.attrs.get("src")]
    assert scripts == ["/static/app.js", "/static/plotly.min.js", "/static/tide.js"]
    for name in ("timeline", "wheel", "loops", "phases"):
        svg = unlocked_web.get(f"/tide/charts/{name}.svg")
        assert svg.status_code == 200
        assert svg.headers["content-type"] == "image/svg+xml"
    assert unlocked_web.get("/tide/charts/nothing.svg").status_code == 404


def test_the_timeline_names_an_entrys_own_reading_where_the_tide_differs(
    unlocked_web: Web,
) -> None:
    ids = write_worn_out_stretch(unlocked_web.state, datetime(2025, 1, 6, 21, tzinfo=UTC))
    response = unlocked_web.get("/tide")
    data = json.loads(parse(response.text).find("script", id="tide-data").text)
    points = {
        entry: (series["phase"], alone)
        for series in data["timeline"]["series"]
        for entry, alone in zip(series["id"], series["alone"], strict=True)
    }
    assert points[ids[6]] == ("exhaustion", "Reaching")  # coloured by the tide, named alone
    assert {points[i] for i in ids if i != ids[6]} == {("exhaustion", None)}
    assert "held my hand" not in response.text


def test_the_tide_of_an_empty_journal_says_so(unlocked_web: Web) -> None:
    page = parse(unlocked_web.get("/tide").text)
    assert "No analysed entries yet" in page.find(id="tide-summary").text


def test_the_tide_is_cached_until_the_journal_changes(unlocked_web: Web) -> None:
    _fill(unlocked_web, 3)
    unlocked_web.get("/tide")
    cached = unlocked_web.state.cache["tide-view"][1]
    unlocked_web.get("/tide")
    assert unlocked_web.state.cache["tide-view"][1] is cached
    unlocked_web.write("One more entry.")
    assert "tide-view" not in unlocked_web.state.cache
    page = parse(unlocked_web.get("/tide").text)
    assert "4 of your entries" in page.find(id="tide-summary").text


def test_lessons_list_and_reading(unlocked_web: Web) -> None:
    page = parse(unlocked_web.get("/lessons").text)
    links = [a.attrs["href"] for a in page.find("ol", cls="lessons").find_all("a")]
    assert links[0] == "/lessons/1" and len(links) >= 13
    reading = parse(unlocked_web.get("/lessons/1").text)
    body = reading.find("article", cls="lesson-body")
    assert body.find_all("h2") and body.find_all("p")
    assert unlocked_web.get("/lessons/99").status_code == 404
    done = unlocked_web.post("/lessons/1/done", {})
    assert done.status_code == 303
    assert "marked this reading" in unlocked_web.get("/lessons/1").text


def test_help_now_is_public_and_shows_the_plan_only_when_unlocked(unlocked_web: Web) -> None:
    saved = unlocked_web.post(
        "/help-now/plan", {"people_places": "My sister Ana\nThe library", "reasons": "My dog"}
    )
    assert saved.status_code == 303
    page = parse(unlocked_web.get("/help-now").text)
    assert page.find("ul", id="resources").find_all("li")
    assert "My sister Ana" in page.find("main").text
    stranger = make_client(unlocked_web.app)
    public = stranger.get("/help-now")
    assert public.status_code == 200
    assert "My sister Ana" not in public.text
    assert "Unlock the journal to see it" in public.text
    uk = parse(stranger.get("/help-now", params={"country": "UK"}).text)
    assert "Samaritans" in uk.find("ul", id="resources").text
    assert stranger.get("/help-now", params={"country": "ZZ"}).status_code == 400


def test_export_warns_and_downloads_each_format(unlocked_web: Web) -> None:
    unlocked_web.write("Exported words.")
    page = parse(unlocked_web.get("/export").text)
    assert "not encrypted" in page.find("p", cls="problem").text
    formats = [i.attrs["value"] for i in page.find_all("input", name="format")]
    assert {"json", "markdown", "csv"} <= set(formats)
    for name in formats:
        response = unlocked_web.get("/export/download", params={"format": name})
        assert response.status_code == 200
        disposition = response.headers["content-disposition"]
        assert disposition.startswith('attachment; filename="notes-')
        assert "Exported words." in response.text
    assert unlocked_web.get("/export/download", params={"format": "exe"}).status_code == 400


def test_settings_change_passphrase(unlocked_web: Web) -> None:
    new = "a different long passphrase"
    wrong = unlocked_web.post(
        "/settings/passphrase", {"current": "wrong one", "new": new, "new_again": new}
    )
    assert wrong.status_code == 400
    ok = unlocked_web.post(
        "/settings/passphrase", {"current": PASSPHRASE, "new": new, "new_again": new}
    )
    assert ok.status_code == 303
    settings = unlocked_web.state.settings
    unlocked_web.post("/lock", token=False)
    Journal.open(settings, new).close()


def test_settings_passphrase_change_says_older_backups_open_with_the_old_one(
    unlocked_web: Web,
) -> None:
    unlocked_web.state.journal.backup()
    new = "a different long passphrase"
    ok = unlocked_web.post(
        "/settings/passphrase", {"current": PASSPHRASE, "new": new, "new_again": new}
    )
    assert ok.status_code == 303
    assert ok.headers["location"] == "/settings?done=passphrase-backups"
    page = unlocked_web.get("/settings?done=passphrase-backups")
    assert "still open with the old passphrase" in page.text


def test_settings_auto_lock_minutes_are_saved_in_the_journal(unlocked_web: Web) -> None:
    assert unlocked_web.post("/settings/auto-lock", {"minutes": "12"}).status_code == 303
    assert unlocked_web.state.journal.get_state("web.auto_lock_minutes") == 12
    assert unlocked_web.state.idle_minutes == 12
    assert unlocked_web.post("/settings/auto-lock", {"minutes": "31"}).status_code == 400
    assert unlocked_web.post("/settings/auto-lock", {"minutes": "0"}).status_code == 400


def test_erase_needs_the_typed_word(unlocked_web: Web) -> None:
    unlocked_web.write("Soon gone.")
    refused = unlocked_web.post("/settings/erase", {"confirm": "yes"})
    assert refused.status_code == 400
    assert Journal.exists(unlocked_web.state.settings)
    erased = unlocked_web.post("/settings/erase", {"confirm": "erase"})
    assert erased.status_code == 303
    assert not Journal.exists(unlocked_web.state.settings)
    assert not unlocked_web.state.unlocked
    assert unlocked_web.get("/").headers["location"] == "/create"
