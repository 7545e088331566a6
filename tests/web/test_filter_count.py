"""The journal list filtered by phase or tag says both counts: "1 of 3 entries"."""

from __future__ import annotations

from tests.web.conftest import HELD, TIRED, Web


def test_a_phase_filter_says_how_many_of_how_many(unlocked_web: Web) -> None:
    for text in (TIRED, HELD, HELD):
        unlocked_web.write(text)
    page = unlocked_web.get("/journal?phase=exhaustion").text
    assert "1 of 3 entries in your journal matches this filter" in page
    page = unlocked_web.get("/journal?phase=reaching").text
    assert "2 of 3 entries in your journal match this filter" in page
    assert "3 entries in your journal, newest first" in unlocked_web.get("/journal").text


def test_a_tag_filter_counts_too(unlocked_web: Web) -> None:
    unlocked_web.write(TIRED, tags="night")
    unlocked_web.write(HELD)
    page = unlocked_web.get("/journal?tag=night").text
    assert "1 of 2 entries in your journal matches this filter" in page


def test_one_entry_is_said_in_the_singular(unlocked_web: Web) -> None:
    unlocked_web.write(TIRED)
    assert "1 entry in your journal, newest first" in unlocked_web.get("/journal").text
