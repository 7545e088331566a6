"""The Content-Security-Policy holds on every page: no violation reported, nothing logged.

A real browser visits every page (the tide page with its plotly charts drawn and
hovered); the console messages and `securitypolicyviolation` events are collected from
the start of each document, and there must be none of either kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.browsing import Running, browser  # noqa: F401 - the module's browser fixture
from tests.web.test_browser import PASSPHRASE, _create, _history
from tidewise.settings import Settings

pytestmark = pytest.mark.browser

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
  console.error("CSP violation: " + event.violatedDirective + " " + event.blockedURI);
});
"""
PAGES = (
    "/write",
    "/entries/1",
    "/entries/1/edit",
    "/entries/1/delete",
    "/journal",
    "/tide",
    "/lessons",
    "/lessons/1",
    "/export",
    "/settings",
    "/learned",
    "/learned/forget",
    "/help-now",
)


@pytest.fixture
def running(settings: Settings) -> Iterator[Running]:
    server = Running(settings)
    yield server
    server.stop()


def _is_problem(message: Any) -> bool:
    """Errors and warnings, and any mention of the policy; the DOM's own advice is not."""
    text = message.text
    if "Content Security Policy" in text or "CSP" in text or "strict CSP" in text:
        return True
    return message.type in ("error", "warning") and not text.startswith("[DOM]")


def test_no_page_breaks_the_content_security_policy(
    browser: Any,  # noqa: F811
    running: Running,
) -> None:
    served = running.served
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{page.url}: {m.text}") if _is_problem(m) else 0)
    try:
        _create(page, served)
        page.fill("#text", "He held my hand at dinner.")
        page.click("form[action='/write'] button[type=submit]")
        page.wait_for_url(f"{served.base}/entries/*?saved=1")
        _history(served.state)
        for path in PAGES:
            page.goto(f"{served.base}{path}")
            page.wait_for_load_state("networkidle")
            if path == "/tide":
                page.wait_for_selector("#chart-timeline .main-svg")
                page.hover("#chart-timeline .main-svg")
                page.wait_for_timeout(300)
        page.goto(f"{served.base}/entries/1")  # a correction, swapped in by the script
        page.select_option("#reading-1", "withdrawing")
        page.click("#sentence-1 .reading-form button")
        page.wait_for_selector("#sentence-1 .you-said")
        page.goto(f"{served.base}/learned")
        page.wait_for_load_state("networkidle")
        page.click("form.lock-form button")
        page.wait_for_url(f"{served.base}/locked")
        page.goto(f"{served.base}/unlock")
        page.fill("#passphrase", PASSPHRASE)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert problems == []
