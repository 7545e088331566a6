"""The web UI in a real browser: Debian's chromium driven by Playwright (browser-tests.md).

The app runs in-process on 127.0.0.1 with a free port and a journal in tmp_path. Every
request the page makes is recorded and must go to 127.0.0.1. The main flow also takes
screenshots: into a temporary folder, or into docs/screenshots/ for the README when
`make screenshots` asks (tests/web/screenshots.py). Without chromium these tests skip
with a reason; with the environment variable CI set, or when refreshing the
screenshots, a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from tests.conftest import FakeAnalyzer
from tests.web.conftest import write_worn_out_stretch
from tests.web.screenshots import DOCS_SHOTS, refreshing_docs
from tidewise.analysis.types import EntryAnalysis, Evidence
from tidewise.demo import DEMO_ENTRIES
from tidewise.records import CheckIn
from tidewise.settings import Settings
from tidewise.web.app import create_app
from tidewise.web.server import BackgroundServer, bind_socket
from tidewise.web.state import WebState

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSPHRASE = "lanterns along the river"
FIRST_ENTRY = (
    "We made pancakes this morning and he held my hand across the table. "
    "An hour later a voice in my head asked what is wrong with me, going soft so fast. "
    "By the evening I had carried my pillow back into the spare room."
)
CUES = re.compile(
    r"held|hate myself|wrong with me|self-respect|spare room|wall|exploded|tired|miss him|"
    r"never enough|fool|laughed|sweet message|hold me",
    re.IGNORECASE,
)


class CueAnalyzer(FakeAnalyzer):
    """The fake analyser, with its cue words marked as evidence (for the highlights)."""

    def analyze(self, text: str) -> EntryAnalysis:
        result = super().analyze(text)
        sentences = []
        for sentence in result.sentences:
            found = CUES.search(sentence.text) if sentence.label != "neutral" else None
            evidence = (
                (Evidence(found.start(), found.end(), found.group(0), sentence.label),)
                if found
                else ()
            )
            sentences.append(replace(sentence, evidence=evidence))
        return replace(result, sentences=tuple(sentences))


def _chromium_or_skip() -> None:
    if CHROMIUM.exists():
        return
    reason = f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI") or refreshing_docs():
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


@dataclass
class Served:
    app: FastAPI
    base: str

    @property
    def state(self) -> WebState:
        state: WebState = self.app.state.web
        return state

    @property
    def launch(self) -> str:
        return f"{self.base}/launch/{self.state.launch.value}"


def _serve(settings: Settings, **kwargs: Any) -> Iterator[Served]:
    sock = bind_socket(0)
    port = sock.getsockname()[1]
    app = create_app(settings, port=port, analyzer=CueAnalyzer(), **kwargs)
    server = BackgroundServer(app, sock)
    server.start()
    try:
        yield Served(app, f"http://127.0.0.1:{port}")
    finally:
        server.stop()
        app.state.web.shutdown()


@pytest.fixture
def served(settings: Settings) -> Iterator[Served]:
    yield from _serve(settings)


@pytest.fixture
def page(browser: Any, served: Served) -> Iterator[Any]:
    yield from _page(browser, served)


def _page(browser: Any, served: Served, **options: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 900}, **options)
    page = context.new_page()
    page.set_default_timeout(20_000)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    yield page
    context.close()
    outside = [u for u in requests if not u.startswith(served.base + "/") and u != "about:blank"]
    assert requests, "the page made requests"
    assert outside == [], "every request goes to 127.0.0.1"


def _create(page: Any, served: Served) -> None:
    page.goto(served.launch)
    assert page.url == f"{served.base}/create"
    page.fill("#passphrase", PASSPHRASE)
    page.fill("#passphrase_again", PASSPHRASE)
    page.click("form[action='/create'] button[type=submit]")
    page.wait_for_url(f"{served.base}/write")


def _history(state: WebState) -> None:
    """Four months of entries from the example texts, so the tide has a shape."""
    journal = state.journal
    start = datetime.now(UTC) - timedelta(days=120)
    for day in range(120):
        example = DEMO_ENTRIES[(day // 2) % len(DEMO_ENTRIES)]
        moment = start + timedelta(days=day, hours=example.hour)
        checkin = CheckIn(example.closeness, example.shame)
        journal.write(example.text, created=moment, checkin=checkin, tags=["evening"])
    state.changed()


def _shot(page: Any, folder: Path, name: str, *, full_page: bool = True) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=full_page)


def _docs_untouched_since(started: float) -> list[str]:
    """Screenshots in docs/ written after `started` (none, unless refreshing)."""
    return sorted(p.name for p in DOCS_SHOTS.glob("*.png") if p.stat().st_mtime >= started)


def test_create_write_see_highlights_and_the_tide(page: Any, served: Served, shots: Path) -> None:
    started = time.time()
    _create(page, served)
    page.fill("#text", FIRST_ENTRY)
    page.click("details.checkin summary")
    page.check("input[name=closeness][value='1']")
    page.check("input[name=shame][value='7']")
    page.fill("#tags", "evening, message")
    _shot(page, shots, "write")
    page.click("form[action='/write'] button[type=submit]")
    page.wait_for_url(re.compile(r".*/entries/\d+\?saved=1"))
    chips = page.locator("#entry-text .sent .chip").all_text_contents()
    assert "Reaching" in chips and "Shame for reaching" in chips and "Withdrawing" in chips
    assert page.locator("#entry-text em").count() >= 2
    assert page.locator("section.voice blockquote").count() >= 1
    assert page.title() == "Notes"
    _shot(page, shots, "entry")

    _history(served.state)
    page.goto(f"{served.base}/journal")
    assert page.locator("#entries li").count() == 30
    _shot(page, shots, "journal", full_page=False)

    page.goto(f"{served.base}/tide")
    page.wait_for_selector("#chart-timeline .main-svg")
    page.wait_for_selector("#chart-wheel .main-svg")
    assert page.locator("#chart-loops .main-svg").count() >= 1
    assert page.locator("#table-wheel table").is_hidden(), "tables fold once charts draw"
    _shot(page, shots, "tide")

    page.goto(f"{served.base}/lessons")
    _shot(page, shots, "lessons")
    page.goto(f"{served.base}/help-now")
    _shot(page, shots, "help", full_page=False)

    page.click("form.lock-form button")
    page.wait_for_url(f"{served.base}/locked")
    assert not served.state.unlocked
    page.goto(f"{served.base}/unlock")
    assert page.locator("#passphrase").is_visible()
    _shot(page, shots, "unlock")
    taken = {"write", "entry", "journal", "tide", "lessons", "help", "unlock"}
    assert {p.stem for p in shots.glob("*.png")} >= taken
    if not refreshing_docs():
        assert _docs_untouched_since(started) == [], "a test run leaves docs/ as it was"


def test_the_timeline_hover_names_an_entrys_own_reading(page: Any, served: Served) -> None:
    _create(page, served)
    write_worn_out_stretch(served.state, datetime.now(UTC) - timedelta(days=20))
    page.goto(f"{served.base}/tide")
    page.wait_for_selector("#chart-timeline .main-svg")
    hover = page.evaluate(
        "Array.from(document.getElementById('chart-timeline').data, t => t.text || [])"
    )
    assert [text for trace in hover for text in trace if text] == ["<br>this entry alone: Reaching"]


def _wait_locked(state: WebState, seconds: float = 15.0) -> bool:
    pause = threading.Event()
    for _ in range(int(seconds / 0.05)):
        if not state.unlocked:
            return True
        pause.wait(0.05)
    return not state.unlocked


def test_quick_exit_blanks_locks_and_back_shows_nothing(page: Any, served: Served) -> None:
    _create(page, served)
    page.fill("#text", "He held my hand tonight.")
    page.click("form[action='/write'] button[type=submit]")
    page.wait_for_url(re.compile(r".*/entries/\d+"))
    page.click("#quick-exit button")
    page.wait_for_url("about:blank")
    assert _wait_locked(served.state)
    page.go_back()
    page.wait_for_load_state()
    assert "held my hand" not in page.content()
    assert page.title() == "Notes"


def test_shift_three_times_is_a_quick_exit(page: Any, served: Served) -> None:
    _create(page, served)
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("about:blank")
    assert _wait_locked(served.state)


TYPED = "I miss him. I know it's stupid. I can't stop. Mark says I should leave. OK? OK."


def _type_like_a_person(page: Any, text: str, delay_ms: int) -> None:
    """Each capital typed with Shift held down, as a keyboard does, at a human pace."""
    for char in text:
        if char.isupper():
            page.keyboard.down("Shift")
            page.keyboard.press(f"Shift+Key{char}")
            page.keyboard.up("Shift")
        else:
            page.keyboard.type(char)
        page.wait_for_timeout(delay_ms)


@pytest.mark.parametrize("delay_ms", [60, 150])
def test_typing_capitals_never_triggers_the_quick_exit(
    page: Any, served: Served, delay_ms: int
) -> None:
    _create(page, served)
    page.goto(f"{served.base}/write")
    page.click("#text")
    _type_like_a_person(page, TYPED, delay_ms)
    page.wait_for_timeout(300)
    assert page.url.endswith("/write")
    assert page.input_value("#text") == TYPED
    assert served.state.unlocked


def test_shift_taps_broken_by_another_key_do_not_exit(page: Any, served: Served) -> None:
    _create(page, served)
    page.locator("h1").click()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert not page.url.startswith("about:")
    assert served.state.unlocked


@pytest.fixture
def idle_served(settings: Settings) -> Iterator[Served]:
    yield from _serve(settings, idle_seconds=2.0)


def test_auto_lock_leaves_the_page_and_the_server_forgets_the_key(
    browser: Any, idle_served: Served
) -> None:
    for page in _page(browser, idle_served):
        _create(page, idle_served)
        page.wait_for_url(f"{idle_served.base}/locked")
        assert _wait_locked(idle_served.state)
        assert page.locator("#passphrase").is_visible()
        page.goto(f"{idle_served.base}/write")
        assert "Locked" in page.locator("h1").inner_text()


def test_unlock_write_and_read_work_without_javascript(browser: Any, served: Served) -> None:
    for page in _page(browser, served, java_script_enabled=False):
        _create(page, served)
        page.fill("#text", "I moved to the spare room and it felt safer.")
        page.click("form[action='/write'] button[type=submit]")
        page.wait_for_url(re.compile(r".*/entries/\d+"))
        assert page.locator(".sent.lab-withdrawing .chip").text_content() == "Withdrawing"
        page.goto(f"{served.base}/tide")
        assert page.locator("#table-wheel table").is_visible()
        assert page.locator("#chart-wheel").is_hidden()
        page.click("#quick-exit button")
        page.wait_for_load_state()
        assert page.title() == "New Tab"
        assert _wait_locked(served.state)
        page.goto(f"{served.base}/unlock")
        page.fill("#passphrase", PASSPHRASE)
        page.click("form[action='/unlock'] button[type=submit]")
        page.wait_for_url(f"{served.base}/write")
