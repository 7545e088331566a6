"""Auto-lock: the server drops the key after the idle time, even with no requests at all.

The idle time is injected in seconds (`create_app(idle_seconds=...)`); the tests wait for
a condition with a generous deadline, they never assert how long something took.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from tests.web.conftest import PASSPHRASE, TOKEN, Web, journal_web, make_app, make_client
from tidewise.settings import Settings
from tidewise.web.security import SESSION_COOKIE


def _wait_until_locked(web: Web, deadline: float = 20.0) -> bool:
    event = threading.Event()
    waited = 0.0
    while web.state.unlocked and waited < deadline:
        event.wait(0.05)
        waited += 0.05
    return not web.state.unlocked


@pytest.fixture
def quick_web(settings: Settings) -> Iterator[Web]:
    with journal_web(settings, idle_seconds=0.5) as web:
        yield web


def test_the_watchdog_locks_with_no_requests(quick_web: Web) -> None:
    assert quick_web.state.unlocked
    assert _wait_until_locked(quick_web)
    assert quick_web.state.sessions.count(unlocked=True) == 0
    assert quick_web.get("/write").status_code == 401


def test_a_request_after_the_deadline_is_401_even_before_the_watchdog_runs(
    settings: Settings,
) -> None:
    with journal_web(settings, idle_seconds=300) as web:
        web.state._last_activity -= 301  # as if five minutes had passed
        assert web.get("/write").status_code == 401
        assert not web.state.unlocked


def test_unlocking_again_works_after_an_auto_lock(quick_web: Web) -> None:
    assert _wait_until_locked(quick_web)
    response = quick_web.post("/unlock", {"passphrase": PASSPHRASE})
    assert response.status_code == 303
    assert quick_web.client.cookies.get(SESSION_COOKIE)
    assert quick_web.state.unlocked


def test_the_saved_auto_lock_minutes_apply_at_the_next_unlock(settings: Settings) -> None:
    app = make_app(settings)
    client = make_client(app)
    client.get(f"/launch/{TOKEN}")
    web = Web(client, app)
    web.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
    web.post("/settings/auto-lock", {"minutes": "17"})
    web.post("/lock", token=False)
    app.state.web.idle_minutes = 5
    web.post("/unlock", {"passphrase": PASSPHRASE})
    assert web.state.idle_seconds == 17 * 60
    page = web.get("/write").text
    assert 'data-idle-seconds="1020"' in page
    app.state.web.shutdown()
