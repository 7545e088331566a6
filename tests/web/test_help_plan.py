"""The grounding page and the home part of the safety plan on the web."""

from __future__ import annotations

from tests.web.conftest import Web, make_client
from tests.web.pagetree import parse
from tidewise.lessons.grounding import GROUNDING
from tidewise.lessons.safety_plan import HOME_NOTE


def test_grounding_is_public_and_one_step_from_help_now(unlocked_web: Web) -> None:
    stranger = make_client(unlocked_web.app)
    help_page = parse(stranger.get("/help-now").text)
    links = [a.attrs.get("href") for a in help_page.find_all("a")]
    assert "/help-now/grounding" in links
    page = stranger.get("/help-now/grounding")
    assert page.status_code == 200
    steps = parse(page.text).find("ol", id="grounding-steps").find_all("li")
    assert len(steps) == len(GROUNDING.steps)
    assert 'href="/help-now"' in page.text


def test_the_plan_page_has_the_home_part_with_its_note(unlocked_web: Web) -> None:
    page = parse(unlocked_web.get("/help-now/plan").text)
    home = page.find("fieldset", id="part-home")
    assert home.find("p", id="home-note").text.strip() == HOME_NOTE
    names = {t.attrs.get("name") for t in home.find_all("textarea")}
    assert names == {"documents", "money", "bag", "code_word", "children", "pets", "devices"}


def test_the_home_part_shows_on_help_now_only_when_unlocked_and_written(unlocked_web: Web) -> None:
    assert "a part for when home is not safe" in unlocked_web.get("/help-now").text
    unlocked_web.post("/help-now/plan", {"reasons": "My dog"})
    assert "If home is not safe, your plan has a part" in unlocked_web.get("/help-now").text
    saved = unlocked_web.post("/help-now/plan", {"reasons": "My dog", "pets": "Sam takes Biscuit"})
    assert saved.status_code == 303
    page = unlocked_web.get("/help-now").text
    assert "Sam takes Biscuit" in page and HOME_NOTE in page
    assert "Sam takes Biscuit" not in make_client(unlocked_web.app).get("/help-now").text
    # Folded by default: only its title shows until the person opens it.
    folded = page.split('<details class="home-plan">', 1)[1].split("</details>", 1)[0]
    assert "Sam takes Biscuit" in folded and '<details class="home-plan" open' not in page


def test_the_sources_page_is_linked_from_the_readings(unlocked_web: Web) -> None:
    from tidewise.lessons.sources import sources

    listing = parse(unlocked_web.get("/lessons").text)
    assert "/lessons/sources" in [a.attrs.get("href") for a in listing.find_all("a")]
    page = unlocked_web.get("/lessons/sources")
    assert page.status_code == 200
    items = parse(page.text).find("ul", id="sources").find_all("li")
    assert len(items) == len(sources())
    assert "Hollenbeck" in page.text
    from tidewise.lessons.sources import SURVEY_NOTE

    assert SURVEY_NOTE in page.text  # the figures are a survey's, not everyone's
