"""The whole journal in a real browser, at desktop and phone sizes: the date and time
fields, stars, backup, the encrypted export and import by choosing a file.

Every control is used from the keyboard where a person would (Enter on a focused
button), pages must not scroll sideways, and screenshots go to a temporary folder
(SHOTS_DIR in the environment keeps them somewhere to look at)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.browsing import browser  # noqa: F401 - the module's browser fixture
from tests.web.test_browser import Served, _create, _serve
from tidewise.formats.sealed import open_sealed
from tidewise.settings import Settings

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
JRNL = "[2024-05-01 21:30] A long walk by the water.\n\n[2024-05-02 08:10] Slept badly.\n"


@pytest.fixture
def served(settings: Settings) -> Iterator[Served]:
    yield from _serve(settings)


@pytest.fixture(params=sorted(SIZES))
def size(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SHOTS_DIR", tmp_path / "shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _page(browser: Any, served: Served, **options: Any) -> Iterator[Any]:  # noqa: F811
    """A fresh context at the given size; every request it makes must stay on this machine."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(20_000)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    yield page
    context.close()
    outside = [u for u in requests if not u.startswith(served.base + "/") and u != "about:blank"]
    assert requests and outside == []


def _fits(page: Any) -> None:
    """Nothing runs off the side of the screen."""
    wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 0, f"the page scrolls sideways by {wide}px"


def _press(page: Any, selector: str) -> None:
    page.focus(selector)
    page.keyboard.press("Enter")


def test_dates_and_stars_by_keyboard(
    browser: Any,  # noqa: F811
    served: Served,
    size: str,
    shots: Path,
) -> None:
    for page in _page(browser, served, viewport=SIZES[size]):
        _create(page, served)
        assert page.input_value("#entry-date")  # today, already filled in
        page.fill("#text", "That whole Sunday at the coast.")
        page.fill("#entry-date", "2024-05-05")
        page.fill("#entry-time", "")
        _fits(page)
        page.screenshot(path=str(shots / f"write-{size}.png"), full_page=True)
        _press(page, "#entry-form button[type=submit]")
        page.wait_for_url("**/entries/*?saved=1")
        assert page.inner_text("h1") == "Sun 5 May 2024"
        entry_id = page.url.split("/entries/")[1].split("?")[0]
        _press(page, f"#star-{entry_id}")
        page.wait_for_url(f"**/entries/{entry_id}")
        assert "Starred" in page.inner_text(f"#star-{entry_id}")
        _fits(page)
        page.screenshot(path=str(shots / f"entry-starred-{size}.png"), full_page=True)
        page.goto(f"{served.base}/journal")
        page.check("#starred")
        _press(page, "form.filters button[type=submit]")
        page.wait_for_url("**/journal?*starred=1*")
        assert page.locator("#entries li").count() == 1
        assert "00:00" not in page.inner_text("#entries")
        _fits(page)
        page.screenshot(path=str(shots / f"journal-starred-{size}.png"), full_page=True)


def test_backup_and_encrypted_export(
    browser: Any,  # noqa: F811
    served: Served,
    size: str,
    shots: Path,
    tmp_path: Path,
) -> None:
    for page in _page(browser, served, viewport=SIZES[size], accept_downloads=True):
        _create(page, served)
        served.state.journal.write("Kept twice over.")
        page.goto(f"{served.base}/export")
        page.click("#plain-warning a")
        page.fill("#export-passphrase", "salt marsh")
        page.fill("#export-passphrase-again", "salt marsh")
        _fits(page)
        page.screenshot(path=str(shots / f"export-{size}.png"), full_page=True)
        with page.expect_download() as caught:
            _press(page, "#encrypted-export button[type=submit]")
        download = caught.value
        assert download.suggested_filename.startswith("notes-")
        sealed = Path(download.path()).read_text(encoding="utf-8")
        assert "Kept twice over." not in sealed
        assert "Kept twice over." in open_sealed(sealed, "salt marsh", "download")[1]
        page.goto(f"{served.base}/backup")
        page.fill("#folder", str(tmp_path / "usb" / "notes"))
        _press(page, "#backup-form button[type=submit]")
        page.wait_for_selector("#backup-done")
        assert (tmp_path / "usb" / "notes" / "journal.header").exists()
        _fits(page)
        page.screenshot(path=str(shots / f"backup-{size}.png"), full_page=True)


@pytest.mark.parametrize("script", [True, False], ids=["js", "no-js"])
def test_import_by_choosing_a_file(
    browser: Any,  # noqa: F811
    served: Served,
    size: str,
    shots: Path,
    tmp_path: Path,
    settings: Settings,
    script: bool,
) -> None:
    source = tmp_path / "journal.txt"
    source.write_text(JRNL, encoding="utf-8")
    options = {"viewport": SIZES[size], "java_script_enabled": script}
    for page in _page(browser, served, **options):
        _create(page, served)
        page.goto(f"{served.base}/import")
        page.set_input_files("#import-file", str(source))
        _fits(page)
        if script:
            page.screenshot(path=str(shots / f"import-{size}.png"), full_page=True)
        _press(page, "#import-form button[type=submit]")
        page.wait_for_url("**/import/status")
        page.wait_for_selector("#import-done", timeout=30_000)
        assert "Imported 2 entries from journal.txt" in page.inner_text("#import-done")
        _fits(page)
        if script:
            page.screenshot(path=str(shots / f"import-done-{size}.png"), full_page=True)
        assert list((settings.home / ".scratch").iterdir()) == []
        page.click("text=See your journal")
        page.wait_for_url("**/journal*")
        page.locator("#entries li").first.wait_for()  # a loaded list, not the page before it
        assert page.locator("#entries li").count() == 2
