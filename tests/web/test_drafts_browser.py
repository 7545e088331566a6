"""Nothing typed is lost, in a real browser: type, get locked, unlock, the text comes back.

Every way the text can be interrupted is tried: the quick exit, the idle lock (with and
without JavaScript), the Lock button in another tab, and the server stopping. After
each, the journal files hold no plaintext of the draft and the browser's own storage
is empty.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_privacy import _leaks
from tests.web.browsing import Running, browser  # noqa: F401 - the module's browser fixture
from tests.web.test_browser import PASSPHRASE, Served, _create, _page, _wait_locked
from tidewise.settings import Settings

pytestmark = pytest.mark.browser

OFFER = "You were writing this when Tidewise locked"


def _canary_text() -> tuple[str, list[str]]:
    ascii_canary = "DRAFTCANARY" + secrets.token_hex(6)
    other = "Entwurf" + secrets.token_hex(4) + "äöü"
    return f"I Never Said This Out Loud: {ascii_canary} {other}.", [ascii_canary, other]


@pytest.fixture
def running(settings: Settings) -> Iterator[Running]:
    server = Running(settings)
    yield server
    server.stop()


@pytest.fixture
def idle_running(settings: Settings) -> Iterator[Running]:
    server = Running(settings, idle_seconds=2.0)
    yield server
    server.stop()


def _unlock(page: Any, served: Served) -> None:
    page.goto(f"{served.base}/unlock")
    page.fill("#passphrase", PASSPHRASE)
    page.click("form[action='/unlock'] button[type=submit]")
    page.wait_for_url(f"{served.base}/write")


def _offered_back(page: Any, served: Served, text: str) -> None:
    """The write page offers the draft; keeping it puts it back in the form; saving ends it."""
    assert OFFER in page.locator("#draft-title").inner_text()
    assert page.locator("#draft-text").inner_text() == text
    page.click("#keep-draft")
    assert page.input_value("#text") == text
    page.click("form[action='/write'] button[type=submit]")
    page.wait_for_url(f"{served.base}/entries/*?saved=1")
    page.goto(f"{served.base}/write")
    assert page.locator("#draft-title").count() == 0, "saving the entry ended the draft"


def _nothing_in_browser_storage(page: Any) -> None:
    stored = page.evaluate("localStorage.length + sessionStorage.length")
    databases = page.evaluate("indexedDB.databases().then(d => d.length)")
    assert (stored, databases) == (0, 0)


def test_the_quick_exit_keeps_what_was_typed(
    browser: Any,  # noqa: F811
    running: Running,
    settings: Settings,
) -> None:
    served = running.served
    text, canaries = _canary_text()
    for page in _page(browser, served):
        _create(page, served)
        page.click("#text")
        page.keyboard.type(text, delay=10)
        page.click("#quick-exit button")  # before the typing pause would have saved it
        page.wait_for_url("about:blank")
        assert _wait_locked(served.state)
        assert _leaks([settings.home], canaries) == []
        _unlock(page, served)
        _nothing_in_browser_storage(page)
        _offered_back(page, served, text)


def test_the_idle_lock_keeps_what_was_typed(
    browser: Any,  # noqa: F811
    idle_running: Running,
    settings: Settings,
) -> None:
    served = idle_running.served
    text, canaries = _canary_text()
    for page in _page(browser, served):
        _create(page, served)
        page.fill("#text", text)
        page.wait_for_url(f"{served.base}/locked")
        assert _wait_locked(served.state)
        assert _leaks([settings.home], canaries) == []
        page.fill("#passphrase", PASSPHRASE)
        page.click("form[action='/unlock'] button[type=submit]")
        page.wait_for_url(f"{served.base}/write")
        _offered_back(page, served, text)


def test_without_javascript_a_form_saved_after_the_idle_lock_is_kept(
    browser: Any,  # noqa: F811
    idle_running: Running,
) -> None:
    served = idle_running.served
    text, _ = _canary_text()
    for page in _page(browser, served, java_script_enabled=False):
        _create(page, served)
        page.fill("#text", text)
        assert _wait_locked(served.state)  # the server's idle lock, while the person typed
        page.click("form[action='/write'] button[type=submit]")
        assert "What you wrote is kept" in page.locator("#held-notice").inner_text()
        page.fill("#passphrase", PASSPHRASE)
        page.click("form[action='/unlock'] button[type=submit]")
        page.wait_for_url(f"{served.base}/write")
        assert page.locator("#draft-text").inner_text() == text


def test_without_javascript_the_quick_exit_keeps_what_was_typed(
    browser: Any,  # noqa: F811
    running: Running,
) -> None:
    served = running.served
    text, _ = _canary_text()
    for page in _page(browser, served, java_script_enabled=False):
        _create(page, served)
        page.fill("#text", text)
        page.click("#quick-exit button")
        page.wait_for_load_state()
        assert page.title() == "New Tab"
        assert _wait_locked(served.state)
        _unlock(page, served)
        assert page.locator("#draft-text").inner_text() == text


def test_a_lock_from_another_tab_keeps_what_this_tab_was_typing(
    browser: Any,  # noqa: F811
    running: Running,
) -> None:
    served = running.served
    for page in _page(browser, served):
        _create(page, served)
        page.click("#text")
        with page.expect_response(f"{served.base}/draft"):
            page.keyboard.type("The first part, saved while I paused.", delay=5)
        other = page.context.new_page()
        other.goto(f"{served.base}/journal")
        other.click("form.lock-form button")
        other.wait_for_url(f"{served.base}/locked")
        assert _wait_locked(served.state)
        page.keyboard.type(" And more after the lock.", delay=5)
        page.wait_for_url(f"{served.base}/locked")
        _unlock(page, served)
        full = "The first part, saved while I paused. And more after the lock."
        _offered_back(page, served, full)


def test_a_stopped_server_keeps_the_draft_for_the_next_start(
    browser: Any,  # noqa: F811
    settings: Settings,
    tmp_path: Path,
) -> None:
    first = Running(settings)
    text, canaries = _canary_text()
    try:
        for page in _page(browser, first.served):
            _create(page, first.served)
            page.click("#text")
            with page.expect_response(f"{first.served.base}/draft"):
                page.keyboard.type(text, delay=5)
    finally:
        first.stop()
    assert _leaks([settings.home], canaries) == []
    second = Running(settings)
    try:
        for page in _page(browser, second.served):
            page.goto(second.served.launch)
            page.wait_for_url(f"{second.served.base}/unlock")
            _unlock(page, second.served)
            _offered_back(page, second.served, text)
    finally:
        second.stop()
