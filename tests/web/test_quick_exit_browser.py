"""In a real browser: after a quick exit, Back shows pages that name nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.browsing import browser  # noqa: F401 - the module's browser fixture
from tests.web.test_browser import PASSPHRASE, Served, _create, _page, _serve, _wait_locked
from tidewise.settings import Settings


@pytest.fixture
def served(settings: Settings) -> Iterator[Served]:
    yield from _serve(settings)


@pytest.fixture
def page(browser: Any, served: Served) -> Iterator[Any]:  # noqa: F811 - the fixture above
    yield from _page(browser, served)


def test_back_after_a_quick_exit_never_names_tidewise(page: Any, served: Served) -> None:
    _create(page, served)
    page.fill("#text", "We walked by the river tonight.")
    page.click("form[action='/write'] button[type=submit]")
    page.wait_for_url(re.compile(r".*/entries/\d+"))
    page.click("#quick-exit button")
    page.wait_for_url("about:blank")
    assert _wait_locked(served.state)
    for _ in range(2):  # the write page, then the create page (now the unlock page)
        page.go_back()
        page.wait_for_load_state()
        text = page.inner_text("body")
        assert "river" not in page.content()
        assert "Tidewise" not in page.title()
        assert "Tidewise" not in text, page.url
        assert page.title() == "Notes"
    assert page.locator("h1").inner_text() == "Closed"
    page.fill("#passphrase", PASSPHRASE)
    page.click("form[action='/unlock'] button[type=submit]")
    page.wait_for_url(f"{served.base}/write")
    assert "Tidewise" in page.inner_text("body"), "unlocked again, the app names itself"
