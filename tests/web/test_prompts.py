"""Writing prompts on the write page: offered on an empty page, another on request, and
"no prompts" remembered in the journal until Settings turns them back on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.web.conftest import PASSPHRASE, Web, write_worn_out_stretch
from tests.web.pagetree import Node, parse
from tidewise.lessons.prompts import STATE_KEY, prompts
from tidewise.web.prompt_view import recent_phase
from tidewise.web.tide_view import TIDE_KEY, tide_of

TEXTS = {p.text for p in prompts()}


def _page(web: Web, path: str = "/write") -> Node:
    response = web.get(path)
    assert response.status_code == 200
    return parse(response.text)


def _box(page: Node) -> Node | None:
    found = page.find_all(id="prompts")
    return found[0] if found else None


def _offered(page: Node) -> list[str]:
    box = _box(page)
    return [p.text.strip() for p in box.find_all("p", cls="prompt-text")] if box else []


def test_an_empty_write_page_offers_prompts_that_are_not_a_field(unlocked_web: Web) -> None:
    page = _page(unlocked_web)
    offered = _offered(page)
    assert 1 <= len(offered) <= 2
    assert set(offered) <= TEXTS
    form = page.find("form", id="entry-form")
    assert form.find_all(id="prompts") == [], "the prompts sit outside the entry's form"
    assert page.find("a", id="another-prompt").attrs["href"] == "/write?prompt=1"
    assert page.find("form", action="/prompts/off").find_all("button", id="no-prompts")
    why = page.find("p", cls="prompt-why").find("a")
    assert why.attrs["href"] == "/lessons/1"
    assert page.find("textarea", id="text").text == ""


def test_the_recent_tide_chooses_one_prompt(unlocked_web: Web) -> None:
    write_worn_out_stretch(unlocked_web.state, datetime.now(UTC) - timedelta(days=20))
    first = _page(unlocked_web).find("ul", cls="prompt-list").find("li")
    assert "lately" in first.find("p", cls="prompt-why").text
    text = first.find("p", cls="prompt-text").text.strip()
    assert any(p.text == text and "exhaustion" in p.phases for p in prompts())


def test_the_write_page_never_decodes_the_tide_itself(unlocked_web: Web) -> None:
    state = unlocked_web.state
    write_worn_out_stretch(state, datetime.now(UTC) - timedelta(days=20))
    assert recent_phase(state) == "exhaustion", "the newest entries' own readings"
    _page(unlocked_web)
    assert state.peek(TIDE_KEY) is None, "a cold tide stays cold"
    assert unlocked_web.get("/tide").status_code == 200
    tide_now = tide_of(state).current
    assert tide_now is not None
    assert state.peek(TIDE_KEY) is not None
    assert recent_phase(state) == str(tide_now.phase), "the tide, once it is at hand"


def test_another_prompt_turns_to_a_different_one(unlocked_web: Web) -> None:
    first = _offered(_page(unlocked_web))
    second_page = _page(unlocked_web, "/write?prompt=1")
    assert _offered(second_page) != first
    assert second_page.find("a", id="another-prompt").attrs["href"] == "/write?prompt=2"
    assert _offered(_page(unlocked_web, "/write?prompt=-5")) == first, "odd turns start over"


def test_no_prompts_is_remembered_until_settings_turns_them_back_on(unlocked_web: Web) -> None:
    response = unlocked_web.post("/prompts/off")
    assert response.status_code == 303
    assert response.headers["location"] == "/write?prompts=off"
    assert unlocked_web.state.journal.get_state(STATE_KEY) == {"off": True}
    notice = _box(_page(unlocked_web, "/write?prompts=off"))
    assert notice is not None and "Settings" in notice.text
    assert _box(_page(unlocked_web)) is None

    settings = _page(unlocked_web, "/settings")
    assert settings.find("form", id="prompts-setting").attrs["action"] == "/prompts/on"
    response = unlocked_web.post("/prompts/on")
    assert response.headers["location"] == "/settings?done=prompts-on"
    assert unlocked_web.state.journal.get_state(STATE_KEY) is None
    assert len(_offered(_page(unlocked_web))) >= 1
    setting = _page(unlocked_web, "/settings").find("form", id="prompts-setting")
    assert setting.attrs["action"] == "/prompts/off"


def test_prompts_can_be_turned_off_from_settings_too(unlocked_web: Web) -> None:
    response = unlocked_web.post("/prompts/off", {"then": "settings"})
    assert response.headers["location"] == "/settings?done=prompts-off"
    assert _offered(_page(unlocked_web)) == []


def test_turning_prompts_off_needs_the_form_token(unlocked_web: Web) -> None:
    response = unlocked_web.post("/prompts/off", token=False)
    assert response.status_code in (400, 403)
    assert unlocked_web.state.journal.get_state(STATE_KEY) is None


def test_a_draft_offered_back_is_not_crowded_by_prompts(unlocked_web: Web) -> None:
    form_id = _page(unlocked_web).find("input", name="draft_form").attrs["value"]
    saved = unlocked_web.post("/draft", {"text": "Half a thought", "draft_form": form_id})
    assert saved.status_code == 204
    unlocked_web.post("/lock", token=False)
    assert unlocked_web.post("/unlock", {"passphrase": PASSPHRASE}).status_code == 303
    assert _box(_page(unlocked_web)) is None, "keep or discard comes first"
    kept = _page(unlocked_web, "/write?draft=keep")
    assert kept.find("textarea", id="text").text == "Half a thought"
    assert _box(kept) is None, "the page is not empty"
