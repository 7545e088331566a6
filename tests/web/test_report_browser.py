"""The therapist report in a real browser, at desktop and phone sizes: from the Export
page by keyboard, through the preview, to a PDF download with a neutral name."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.web.browsing import browser  # noqa: F401 - the module's browser fixture
from tests.web.test_browser import Served, _create
from tests.web.test_phone_browser import (  # noqa: F401 - fixtures used by name
    DESKTOP,
    PHONE,
    open_page,
    served,
)

pytestmark = pytest.mark.browser

PIER = "Alex held my hand at the pier, and I let him."


def _fill(running: Served) -> int:
    journal = running.state.journal
    start = datetime.now(UTC) - timedelta(days=20)
    ids = [
        journal.write(text, created=start + timedelta(days=n)).id
        for n, text in enumerate([PIER, "I slept in the spare room.", "I am tired tonight."] * 3)
    ]
    running.state.changed()
    return ids[0]


@pytest.mark.parametrize(("size", "name"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_report_from_choice_to_preview_to_download(
    open_page: Callable[..., Any],  # noqa: F811
    served: Served,  # noqa: F811
    shots: Path,
    size: dict[str, int],
    name: str,
) -> None:
    page = open_page(size, accept_downloads=True)
    _create(page, served)
    pier = _fill(served)
    page.goto(f"{served.base}/export")
    page.get_by_role("link", name="Report for a therapist").click()
    page.wait_for_url(f"{served.base}/report")
    page.get_by_label("Entries to quote").fill(str(pier))
    page.get_by_label("Names to replace with [name]").fill("Alex")
    page.get_by_role("button", name="Preview the report").focus()
    page.keyboard.press("Enter")  # reachable and usable from the keyboard
    page.wait_for_url(f"{served.base}/report/preview")
    quoted = page.locator(f"#excerpt-{pier}").inner_text()
    assert "[name] held my hand" in quoted and "Alex" not in quoted
    assert "Alex" in page.locator("#redacted").inner_text()
    wide = page.evaluate("document.scrollingElement.scrollWidth > window.innerWidth")
    assert not wide, "nothing runs off the side of the screen"
    page.screenshot(path=str(shots / f"report-{name}.png"), full_page=True)
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download the report").click()
    download = waiting.value
    assert re.fullmatch(r"summary-\d{4}-\d{2}-\d{2}\.pdf", download.suggested_filename)
    saved = download.path()
    assert Path(saved).read_bytes().startswith(b"%PDF")
