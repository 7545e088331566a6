"""After a quick exit nothing the browser can reach names Tidewise, until the next unlock.

Whoever presses Back (or types an address) after a quick exit may not be the person who
left, so every page answers in neutral words: no app name in the title or the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from fastapi.routing import APIRoute

from tests.web.conftest import PASSPHRASE, Web
from tests.web.pagetree import parse

SKIPPED = ("/launch/", "/static/")  # the launch link is swapped away before any Back


def _api_routes(routes: Sequence[Any]) -> Iterator[APIRoute]:
    """Every page route, including those of routers included into others."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _api_routes(inner.routes)


def _get_paths(web: Web) -> list[str]:
    paths = []
    for route in _api_routes(web.app.routes):
        if "GET" in (route.methods or set()):
            path = re.sub(r"\{[^}]+\}", "1", route.path)
            if not path.startswith(SKIPPED):
                paths.append(path)
    return sorted(set(paths))


def _quick_exit(web: Web) -> None:
    web.write("We walked by the river and I felt almost calm.")
    response = web.client.post("/lock", content=b"", headers={"content-type": "text/plain"})
    assert response.status_code == 200
    assert web.state.quick_exited


def test_every_page_after_a_quick_exit_names_nothing(unlocked_web: Web) -> None:
    web = unlocked_web
    _quick_exit(web)
    paths = _get_paths(web)
    assert {"/", "/unlock", "/locked", "/journal", "/report", "/help-now"} <= set(paths)
    for path in paths:
        response = web.client.get(path, follow_redirects=True)
        if not response.headers["content-type"].startswith("text/html"):
            continue  # the icon and the chart library: no words
        page = parse(response.text)
        assert "tidewise" not in response.text.lower().replace("/static/", ""), path
        assert page.find("title").text == "Notes", path


def test_the_locked_page_after_a_quick_exit_still_lets_the_person_back_in(
    unlocked_web: Web,
) -> None:
    web = unlocked_web
    _quick_exit(web)
    page = parse(web.get("/unlock").text)
    assert page.find("h1").text == "Closed"
    assert page.find("form", action="/unlock")
    assert web.post("/unlock", {"passphrase": PASSPHRASE}).status_code == 303
    assert not web.state.quick_exited
    assert "Tidewise" in web.get("/write").text, "once unlocked, the pages are themselves again"


def test_the_lock_button_is_not_a_quick_exit(unlocked_web: Web) -> None:
    web = unlocked_web
    web.post("/lock", {"then": "locked"}, token=False)
    assert not web.state.quick_exited
    page = parse(web.get("/locked").text)
    assert page.find("h1").text == "Locked"


def test_without_a_journal_continue_leaves_the_neutral_pages(web: Web) -> None:
    assert web.post("/demo").status_code == 303
    web.client.post("/lock", content=b"", headers={"content-type": "text/plain"})
    created = web.get("/create")
    assert "Tidewise" not in created.text
    assert parse(created.text).find("form", action="/resume")
    assert web.post("/resume", {}, token=False).status_code == 403, "a forged post changes nothing"
    assert web.state.quick_exited
    response = web.post("/resume")
    assert response.status_code == 303
    assert not web.state.quick_exited
    assert "Tidewise" in web.get("/create").text
