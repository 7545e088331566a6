"""Getting in and out: launch token, pass, create, unlock, rotation, lock, example journal."""

from __future__ import annotations

from fastapi import FastAPI

from tests.web.conftest import PASSPHRASE, TOKEN, Web, make_client
from tests.web.pagetree import parse
from tidewise.journal import Journal
from tidewise.settings import Settings
from tidewise.web.security import PASS_COOKIE, SESSION_COOKIE


def _cookie_attributes(header: str) -> list[str]:
    return [part.strip().lower() for part in header.split(";")[1:]]


def test_launch_token_swaps_once_for_a_pass_and_leaves_the_address_bar(web_app: FastAPI) -> None:
    client = make_client(web_app)
    first = client.get(f"/launch/{TOKEN}")
    assert first.status_code == 303
    assert first.headers["location"] == "/"
    cookie = first.headers["set-cookie"]
    assert cookie.startswith(f"{PASS_COOKIE}=")
    assert sorted(_cookie_attributes(cookie)) == ["httponly", "path=/", "samesite=strict"]
    other_browser = make_client(web_app)
    assert other_browser.get(f"/launch/{TOKEN}").status_code == 403


def test_a_wrong_launch_token_is_refused(web_app: FastAPI) -> None:
    client = make_client(web_app)
    assert client.get("/launch/not-the-token").status_code == 403
    assert PASS_COOKIE not in client.cookies


def test_without_a_pass_the_start_page_is_locked_and_explains_the_address(web_app: FastAPI) -> None:
    response = make_client(web_app).get("/")
    assert response.status_code == 401
    page = parse(response.text)
    assert page.find("title").text == "Notes"
    assert "address it printed" in page.find("main").text
    assert not page.find_all("form", action="/unlock")


def test_with_no_journal_the_start_offers_create_and_the_example_journal(web: Web) -> None:
    assert web.get("/").headers["location"] == "/create"
    page = parse(web.get("/create").text)
    assert page.find("form", action="/create")
    demo = page.find("form", action="/demo")
    assert "Explore with example entries" in demo.text


def test_creating_a_journal_issues_a_fresh_session_cookie(web: Web) -> None:
    response = web.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
    assert response.status_code == 303
    assert response.headers["location"] == "/write"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert sorted(_cookie_attributes(cookie)) == ["httponly", "path=/", "samesite=strict"]
    assert Journal.exists(web.state.settings)
    assert web.get("/write").status_code == 200


def test_create_refuses_short_or_unmatched_passphrases(web: Web) -> None:
    short = web.post("/create", {"passphrase": "short", "passphrase_again": "short"})
    assert short.status_code == 400
    assert "at least 8" in parse(short.text).find(id="create-error").text
    unmatched = web.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": "another one"})
    assert unmatched.status_code == 400
    assert not Journal.exists(web.state.settings)


def test_unlock_rotates_the_session_id(unlocked_web: Web) -> None:
    web = unlocked_web
    before = web.client.cookies[SESSION_COOKIE]
    web.post("/lock", token=False)
    assert web.get("/write").status_code == 401
    response = web.post("/unlock", {"passphrase": PASSPHRASE})
    assert response.status_code == 303
    after = web.client.cookies[SESSION_COOKIE]
    assert after != before
    assert web.get("/write").status_code == 200
    old_browser = make_client(web.app)
    old_browser.cookies.set(SESSION_COOKIE, before)
    assert old_browser.get("/write").status_code == 401, "the old id never becomes unlocked"


def test_a_session_id_from_before_unlock_is_not_upgraded(unlocked_web: Web) -> None:
    web = unlocked_web
    web.post("/lock", token=False)
    planted = "planted-by-someone-else"
    web.client.cookies.delete(SESSION_COOKIE)  # the lock left the dead id in the jar
    web.client.cookies.set(SESSION_COOKIE, planted)
    web.post("/unlock", {"passphrase": PASSPHRASE})
    fixated = make_client(web.app)
    fixated.cookies.set(SESSION_COOKIE, planted)
    assert fixated.get("/write").status_code == 401


def test_a_wrong_passphrase_shows_the_form_again_and_stays_locked(unlocked_web: Web) -> None:
    web = unlocked_web
    web.post("/lock", token=False)
    response = web.post("/unlock", {"passphrase": "not it at all"})
    assert response.status_code == 401
    page = parse(response.text)
    assert "does not unlock" in page.find(id="unlock-error").text
    assert "not it at all" not in response.text
    assert not web.state.unlocked


def test_lock_forgets_the_key_and_answers_a_blank_page(unlocked_web: Web) -> None:
    web = unlocked_web
    entry_id = web.write("We laughed at dinner tonight.")
    response = web.post("/lock", token=False)
    assert response.status_code == 200
    page = parse(response.text)
    assert page.find("body").children == []
    assert "laughed" not in response.text
    assert not web.state.unlocked
    assert web.state.sessions.count(unlocked=True) == 0
    for path in ("/write", "/journal", f"/entries/{entry_id}", "/tide"):
        locked = web.get(path)
        assert locked.status_code == 401
        assert "laughed" not in locked.text
        assert parse(locked.text).find("form", action="/unlock")


def test_lock_accepts_a_bare_post_like_the_quick_exit_beacon(unlocked_web: Web) -> None:
    web = unlocked_web
    response = web.client.post("/lock", content=b"", headers={"content-type": "text/plain"})
    assert response.status_code == 200
    assert not web.state.unlocked


def test_unlock_after_lock_reopens_the_same_entries(unlocked_web: Web) -> None:
    web = unlocked_web
    entry_id = web.write("I sat in the garden and felt calm.")
    web.post("/lock", token=False)
    assert web.post("/unlock", {"passphrase": PASSPHRASE}).status_code == 303
    assert "garden" in web.get(f"/entries/{entry_id}").text


def test_the_example_journal_lives_in_a_temp_folder_and_is_deleted_at_lock(web: Web) -> None:
    response = web.post("/demo")
    assert response.status_code == 303
    assert response.headers["location"] == "/journal"
    state = web.state
    assert state.is_demo
    page = parse(web.get("/journal").text)
    assert len(page.find("ul", id="entries").find_all("li")) == 8
    assert "example entries" in page.find("p", cls="demo-banner").text
    demo_home = state._demo_home
    assert demo_home is not None and demo_home.exists()
    assert not Journal.exists(state.settings), "the person's own journal was not touched"
    web.post("/lock", token=False)
    assert not demo_home.exists()
    assert web.get("/").headers["location"] == "/create"


def test_stopping_the_server_locks(settings: Settings) -> None:
    from tests.web.conftest import make_app

    app = make_app(settings)
    with make_client(app) as client:
        client.get(f"/launch/{TOKEN}")
        state = app.state.web
        state.create(PASSPHRASE)
        assert state.unlocked
    assert not state.unlocked, "the lifespan's shutdown locked the journal"


def test_the_lock_button_leads_to_the_neutral_locked_page(unlocked_web: Web) -> None:
    response = unlocked_web.client.post(
        "/lock", data={"then": "locked"}, headers={"origin": "http://127.0.0.1:8765"}
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/locked"
    assert not unlocked_web.state.unlocked
    page = parse(unlocked_web.get("/locked").text)
    assert page.find("h1").text == "Locked"
    assert page.find("form", action="/unlock")
