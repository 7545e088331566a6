"""Correcting sentence readings in a real browser (Debian's chromium, browser-tests.md).

By mouse and by keyboard alone, with and without JavaScript, at desktop and phone
sizes: the entry's movement and phase change at once, "You said" and undo appear on
the sentence, the learned page lists the correction, and "forget all" asks first.
Every request must stay on 127.0.0.1. The phone and desktop runs take the screenshots
docs/screenshots/entry-corrected*.png and learned*.png.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.test_browser import (  # noqa: F401 - browser and served are fixtures
    FIRST_ENTRY,
    Served,
    _create,
    _shot,
    browser,
    served,
)

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1100, "height": 900}, "phone": {"width": 390, "height": 844}}


def _context(chromium: Any, site: Served, size: str, **options: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport=SIZES[size], **options)
    page = context.new_page()
    page.set_default_timeout(20_000)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    yield page
    context.close()
    outside = [u for u in requests if not u.startswith(site.base + "/") and u != "about:blank"]
    assert requests and outside == [], "every request goes to 127.0.0.1"


def _write_entry(page: Any, site: Served) -> None:
    _create(page, site)
    page.fill("#text", FIRST_ENTRY)
    page.click("form[action='/write'] button[type=submit]")
    page.wait_for_url(re.compile(r".*/entries/\d+\?saved=1"))


def _summary(page: Any) -> tuple[str, str]:
    return page.inner_text("#movement"), page.inner_text("#phase")


def _no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], "the page fits the screen's width"


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_correcting_by_mouse_then_undo(
    browser: Any,  # noqa: F811
    served: Served,  # noqa: F811
    size: str,
    shots: Path,
) -> None:
    for page in _context(browser, served, size):
        _write_entry(page, served)
        assert _summary(page) == ("Pulled both ways", "Reaching")
        address = page.url.split("?")[0]
        page.select_option("#reading-1", "withdrawing")
        page.click("#sentence-1 .reading-form button")
        page.wait_for_selector("#sentence-1 .you-said")
        assert _summary(page) == ("Pulling away", "Withdrawing")
        assert page.url.startswith(address + "?said=1")  # no page load: the script swapped
        said = page.inner_text("#sentence-1 .you-said")
        assert "You said Withdrawing." in said and "Tidewise had read: Reaching." in said
        assert page.inner_text("#sentence-1 [role=status]").startswith("Saved.")
        assert page.evaluate("document.activeElement.id") == "reading-1"
        assert page.locator("#entry-text .sent .chip").first.inner_text() == "WITHDRAWING"
        _no_sideways_scroll(page)
        suffix = "" if size == "desktop" else "-phone"
        page.locator("#sentences").scroll_into_view_if_needed()
        _shot(page, shots, f"entry-corrected{suffix}")

        page.click("#sentence-1 .you-said button")
        page.wait_for_selector("#sentence-1 .you-said", state="detached")
        assert _summary(page) == ("Pulled both ways", "Reaching")
        assert page.inner_text("#sentence-1 [role=status]").startswith("Undone.")
        assert served.state.journal.corrections() == []


def test_correcting_by_keyboard_alone(
    browser: Any,  # noqa: F811
    served: Served,  # noqa: F811
) -> None:
    for page in _context(browser, served, "desktop"):
        _write_entry(page, served)
        page.locator("h1").focus()
        for _ in range(80):  # Tab through the page until the first sentence's control
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "reading-1":
                break
        assert page.evaluate("document.activeElement.id") == "reading-1"
        for _ in range(3):  # Reaching -> the two shames -> Withdrawing
            page.keyboard.press("ArrowDown")
        assert page.input_value("#reading-1") == "withdrawing"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('form').className") == "reading-form"
        page.keyboard.press("Enter")
        page.wait_for_selector("#sentence-1 .you-said")
        assert _summary(page) == ("Pulling away", "Withdrawing")
        assert page.evaluate("document.activeElement.id") == "reading-1"
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent").startswith("Undo")
        page.keyboard.press("Enter")
        page.wait_for_selector("#sentence-1 .you-said", state="detached")
        assert _summary(page) == ("Pulled both ways", "Reaching")


def test_correct_undo_and_forget_all_without_javascript(
    browser: Any,  # noqa: F811
    served: Served,  # noqa: F811
) -> None:
    for page in _context(browser, served, "phone", java_script_enabled=False):
        _write_entry(page, served)
        page.select_option("#reading-3", "unsure")
        page.click("#sentence-3 .reading-form button")
        page.wait_for_url(re.compile(r".*\?said=3#sentence-3"))
        assert "You said Not sure." in page.inner_text("#sentence-3")
        assert _summary(page) == ("Leaning toward your partner", "Reaching")
        page.click("#sentence-3 .you-said button")
        page.wait_for_url(re.compile(r".*\?undone=3#sentence-3"))
        assert page.locator("#sentence-3 .you-said").count() == 0
        page.select_option("#reading-1", "neutral")
        page.click("#sentence-1 .reading-form button")
        page.wait_for_url(re.compile(r".*\?said=1#sentence-1"))
        page.click("#sentences a[href='/learned']")
        page.wait_for_url(f"{served.base}/learned")
        assert page.locator(".learned-list li").count() == 1
        page.click("a[href='/learned/forget']")
        page.wait_for_url(f"{served.base}/learned/forget")
        page.click("form[action='/learned/forget'] button")
        page.wait_for_url(f"{served.base}/learned?done=forgotten")
        assert "Nothing yet." in page.inner_text("main")
        assert served.state.journal.corrections() == []


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_learned_page_lists_undoes_and_forgets(
    browser: Any,  # noqa: F811
    served: Served,  # noqa: F811
    size: str,
    shots: Path,
) -> None:
    for page in _context(browser, served, size):
        _write_entry(page, served)
        for number, label in ((1, "withdrawing"), (3, "reaching")):
            page.select_option(f"#reading-{number}", label)
            page.click(f"#sentence-{number} .reading-form button")
            page.wait_for_selector(f"#sentence-{number} .you-said")
        page.click("#sentences a[href='/learned']")
        page.wait_for_url(f"{served.base}/learned")
        items = page.locator(".learned-list li")
        assert items.count() == 2
        assert "You said: Reaching." in items.nth(0).inner_text()
        assert "Tidewise read: Reaching. You said: Withdrawing." in items.nth(1).inner_text()
        assert "encrypted in this journal" in page.inner_text(".lead")
        _no_sideways_scroll(page)
        _shot(page, shots, "learned" if size == "desktop" else "learned-phone")
        items.nth(0).locator("button").click()
        page.wait_for_url(f"{served.base}/learned?done=undone")
        assert page.locator(".learned-list li").count() == 1
        page.click("a[href='/learned/forget']")
        page.wait_for_url(f"{served.base}/learned/forget")
        assert "Your one correction will be removed" in page.inner_text(".lead")
        page.click("a.button.quiet[href='/learned']")  # "No, keep them"
        page.wait_for_url(f"{served.base}/learned")
        page.locator(".learned-list li").first.wait_for()
        assert page.locator(".learned-list li").count() == 1
        page.click("a[href='/learned/forget']")
        page.wait_for_url(f"{served.base}/learned/forget")
        page.click("form[action='/learned/forget'] button")
        page.wait_for_url(f"{served.base}/learned?done=forgotten")
        assert page.locator(".learned-list li").count() == 0
        page.goto(f"{served.base}/settings")
        page.click("a[href='/learned']")
        page.wait_for_url(f"{served.base}/learned")
