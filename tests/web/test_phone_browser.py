"""The phone and the tide page in a real browser, at a desktop (1280x800) and a phone
(390x844) size: the folded navigation, charts that fit, the charts' tables by keyboard.

Only `test_phone_screenshots_for_the_readme` takes screenshots: into a temporary folder,
or into docs/screenshots for the README under `make screenshots`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.web.browsing import browser  # noqa: F401 - the module's browser fixture
from tests.web.test_browser import Served, _create, _history, _serve
from tidewise.settings import Settings

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
PAGES = ("/write", "/journal", "/tide", "/lessons", "/export", "/settings", "/help-now")


def sized_page(
    chromium: Any, served: Served, size: dict[str, int], **options: Any
) -> Iterator[Any]:
    """A fresh browser context at one size; every request it makes must stay on this
    computer, and nothing may trip the content security policy."""
    context = chromium.new_context(viewport=size, **options)
    page = context.new_page()
    page.set_default_timeout(20_000)
    requests: list[str] = []
    blocked: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security" in message.text else None
        ),
    )
    yield page
    context.close()
    outside = [u for u in requests if not u.startswith(served.base + "/") and u != "about:blank"]
    assert outside == [], "every request goes to 127.0.0.1"
    assert blocked == [], "nothing the pages do breaks the content security policy"


@pytest.fixture
def served(settings: Settings) -> Iterator[Served]:
    yield from _serve(settings)


@pytest.fixture
def open_page(browser: Any, served: Served) -> Iterator[Callable[..., Any]]:  # noqa: F811
    """Opens a page at a size (PHONE or DESKTOP, JavaScript on unless told); closes it after."""
    opened: list[Iterator[Any]] = []

    def open_at(size: dict[str, int], **options: Any) -> Any:
        pages = sized_page(browser, served, size, **options)
        opened.append(pages)
        return next(pages)

    yield open_at
    for pages in opened:
        for _ in pages:  # runs the rest of sized_page: close, then check the requests
            pass


@pytest.fixture
def phone(open_page: Callable[..., Any]) -> Any:
    return open_page(PHONE)


@pytest.fixture
def desktop(open_page: Callable[..., Any]) -> Any:
    return open_page(DESKTOP)


@pytest.fixture
def phone_without_js(open_page: Callable[..., Any]) -> Any:
    return open_page(PHONE, java_script_enabled=False)


def _box(page: Any, selector: str) -> dict[str, float]:
    box: dict[str, float] | None = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box


def _inside_viewport(page: Any, selector: str) -> bool:
    box = _box(page, selector)
    size = page.viewport_size
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"]
        and box["y"] + box["height"] <= size["height"]
    )


def _no_sideways_scroll(page: Any) -> bool:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return bool(width <= page.viewport_size["width"])


# ---- the navigation -------------------------------------------------------------------


def test_on_a_phone_the_pages_fold_into_one_menu_row(phone: Any, served: Served) -> None:
    _create(phone, served)
    header = _box(phone, "header.top")
    assert header["height"] < 80, "the header is one row on a phone"
    assert phone.locator("#menu > summary").is_visible()
    assert phone.locator("#menu nav a").first.is_hidden()
    assert phone.locator("form.lock-form button").is_hidden()
    assert phone.locator("header .help-link").is_visible()

    phone.click("#menu > summary")
    links = phone.locator("#menu nav a")
    assert links.count() == 6
    for index in range(6):
        assert links.nth(index).is_visible()
        assert _box(phone, f"#menu nav li:nth-child({index + 1}) a")["height"] >= 30
    assert phone.locator("form.lock-form button").is_visible()
    phone.click("#menu nav a[href='/tide']")
    phone.wait_for_url(f"{served.base}/tide")
    assert phone.locator("#menu nav a").first.is_hidden(), "a new page starts folded"


def test_the_phone_menu_opens_by_keyboard(phone: Any, served: Served) -> None:
    _create(phone, served)
    phone.locator("#menu > summary").focus()
    phone.keyboard.press("Enter")
    assert phone.locator("#menu nav a").first.is_visible()
    phone.keyboard.press("Tab")
    focused = phone.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "/write"


def test_the_phone_menu_works_without_javascript(phone_without_js: Any, served: Served) -> None:
    page = phone_without_js
    _create(page, served)
    assert page.locator("#menu nav a").first.is_hidden()
    page.click("#menu > summary")
    page.click("#menu nav a[href='/journal']")
    page.wait_for_url(f"{served.base}/journal")
    page.click("#menu > summary")
    page.click("form.lock-form button")
    page.wait_for_url(f"{served.base}/locked")


def test_on_a_desktop_the_pages_show_in_a_row(desktop: Any, served: Served) -> None:
    _create(desktop, served)
    assert desktop.locator("#menu > summary").is_hidden()
    links = desktop.locator("#menu nav a")
    tops = {round(_box(desktop, f"#menu nav li:nth-child({n}) a")["y"]) for n in range(1, 7)}
    assert all(links.nth(n).is_visible() for n in range(6))
    assert len(tops) == 1, "one row"
    assert desktop.locator("form.lock-form button").is_visible()
    assert _box(desktop, "header.top")["height"] < 80
    desktop.locator("#menu nav a[href='/tide']").focus()
    assert desktop.evaluate("document.activeElement.getAttribute('href')") == "/tide"


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_quick_exit_is_one_tap_away_on_every_page(
    open_page: Callable[..., Any], served: Served, size: str
) -> None:
    page = open_page(SIZES[size])
    _create(page, served)
    _history(served.state)
    for path in PAGES:
        page.goto(served.base + path)
        assert _inside_viewport(page, "#quick-exit button"), path
        assert _no_sideways_scroll(page), path
        page.mouse.wheel(0, 4000)
        page.wait_for_timeout(100)
        assert _inside_viewport(page, "#quick-exit button"), f"{path}, scrolled"
    page.click("#quick-exit button")
    page.wait_for_url("about:blank")


# ---- the charts -----------------------------------------------------------------------

CHARTS = ("chart-timeline", "chart-wheel", "chart-loops", "chart-precursors")
# Every visible text of a drawn chart, with how far it sticks out of the chart's <svg> box
# (0 when it is inside) and of the window.
OUTSIDE_SCRIPT = """id => {
  const chart = document.getElementById(id);
  const svg = chart.querySelector("svg.main-svg");
  const box = svg.getBoundingClientRect();
  const out = [];
  for (const text of chart.querySelectorAll("svg.main-svg text")) {
    const r = text.getBoundingClientRect();
    if (!text.textContent.trim() || r.width === 0) { continue; }
    const past = Math.max(box.left - r.left, r.right - box.right, box.top - r.top,
                          r.bottom - box.bottom, -r.left, r.right - window.innerWidth);
    if (past > 1) { out.push([text.textContent, Math.round(past)]); }
  }
  return out;
}"""


def _tide_with_history(page: Any, served: Served) -> None:
    _create(page, served)
    _history(served.state)
    page.goto(f"{served.base}/tide")
    for chart in CHARTS:
        page.wait_for_selector(f"#{chart} svg.main-svg text")


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_every_chart_fits_with_its_labels_inside(
    open_page: Callable[..., Any], served: Served, size: str
) -> None:
    page = open_page(SIZES[size])
    _tide_with_history(page, served)
    assert _no_sideways_scroll(page)
    for chart in CHARTS:
        assert page.evaluate(OUTSIDE_SCRIPT, chart) == [], f"{chart} at {size}"
        assert _box(page, f"#{chart}")["width"] <= SIZES[size]["width"]
    wheel = " ".join(page.locator("#chart-wheel svg.main-svg text").all_text_contents())
    assert "Shame from" in wheel and "Withdrawing" in wheel


# ---- writing prompts ------------------------------------------------------------------


def _prompt_texts(page: Any) -> list[str]:
    texts: list[str] = page.locator("#prompts .prompt-text").all_text_contents()
    return texts


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_another_prompt_and_no_prompts_keep_what_was_typed(
    open_page: Callable[..., Any], served: Served, size: str
) -> None:
    page = open_page(SIZES[size])
    _create(page, served)
    first = _prompt_texts(page)
    assert 1 <= len(first) <= 2
    assert _inside_viewport(page, "#another-prompt") and _inside_viewport(page, "#no-prompts")
    page.fill("#text", "A few words first")

    page.click("#another-prompt")
    expect(page.locator("#prompts .prompt-text").first).not_to_have_text(first[0])
    second = _prompt_texts(page)
    assert second != first
    assert page.url == f"{served.base}/write", "swapped in place"
    assert page.input_value("#text") == "A few words first"
    assert page.evaluate("document.activeElement.id") == "another-prompt"

    page.keyboard.press("Enter")  # the same control, by keyboard
    expect(page.locator("#prompts .prompt-text").first).not_to_have_text(second[0])
    page.locator("#no-prompts").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#prompts.notice")
    assert page.locator("#prompts .prompt-text").count() == 0
    assert page.input_value("#text") == "A few words first"
    assert page.evaluate("document.activeElement.id") == "prompts"

    page.goto(f"{served.base}/write")
    page.wait_for_selector("#text")
    assert page.locator("#prompts").count() == 0, "remembered"


def test_prompts_work_without_javascript(phone_without_js: Any, served: Served) -> None:
    page = phone_without_js
    _create(page, served)
    first = _prompt_texts(page)
    page.click("#another-prompt")
    page.wait_for_url(f"{served.base}/write?prompt=1")
    assert _prompt_texts(page) != first
    page.click("#no-prompts")
    page.wait_for_url(f"{served.base}/write?prompts=off")
    assert "Settings" in page.locator("#prompts").inner_text()
    page.goto(f"{served.base}/settings")
    page.click("#prompts-setting button")
    page.wait_for_url(f"{served.base}/settings?done=prompts-on")
    page.goto(f"{served.base}/write")
    assert len(_prompt_texts(page)) >= 1


# ---- the charts' tables ---------------------------------------------------------------

TABLES = ("table-timeline", "table-wheel", "table-loops", "table-precursors")


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_each_charts_table_opens_by_keyboard_with_javascript_on(
    open_page: Callable[..., Any], served: Served, size: str
) -> None:
    page = open_page(SIZES[size])
    _tide_with_history(page, served)
    for table in TABLES:
        assert page.locator(f"#{table} table").is_hidden(), f"{table} starts folded"
        page.locator(f"#{table} > summary").focus()
        assert page.evaluate("document.activeElement.textContent") == "Show as a table"
        described = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
        assert page.locator(f"#{described}").inner_text(), "says which chart it is"
        page.keyboard.press("Enter")
        assert page.locator(f"#{table} table").is_visible(), table
    assert _no_sideways_scroll(page)
    first = page.locator("#table-timeline tbody a").first
    href = first.get_attribute("href")
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{served.base}{href}")


def test_the_timeline_hover_names_the_movement_and_how_to_open_the_entry(
    desktop: Any, served: Served
) -> None:
    _tide_with_history(desktop, served)
    hover = desktop.evaluate(
        "Array.from(document.getElementById('chart-timeline').data,"
        " t => [t.hovertemplate, t.hovertext])"
    )
    words = {"Leaning toward your partner", "Pulling away", "Pulled both ways"}
    assert all(
        "%{hovertext}" in template and "open this entry" in template for template, _ in hover
    )
    assert words & {text for _, texts in hover for text in texts}
    desktop.evaluate("Plotly.Fx.hover('chart-timeline', [{curveNumber: 0, pointNumber: 0}])")
    label = desktop.locator("#chart-timeline .hoverlayer").text_content() or ""
    assert "Select the point to open this entry" in label
    assert any(word in label for word in (*words, "No strong pull either way"))


def test_without_javascript_the_pictures_and_tables_show_and_no_empty_boxes(
    phone_without_js: Any, served: Served
) -> None:
    page = phone_without_js
    _create(page, served)
    _history(served.state)
    page.goto(f"{served.base}/tide")
    for chart in CHARTS:
        assert page.locator(f"#{chart}").is_hidden(), chart
    for table in ("table-wheel", "table-loops", "table-precursors"):
        assert page.locator(f"#{table} table").is_visible(), table
    assert page.locator(".chart-fallback img").count() == 4
    for image in page.locator(".chart-fallback img").all():
        assert image.is_visible()
        assert image.evaluate("i => i.complete && i.naturalWidth > 0")
        assert _box(page, ".chart-fallback img")["width"] <= PHONE["width"]
    page.click("#table-timeline > summary")
    assert page.locator("#table-timeline tbody tr").count() == 60
    assert _no_sideways_scroll(page)


def test_an_empty_loops_chart_says_there_is_nothing_yet(phone: Any, served: Served) -> None:
    _create(phone, served)
    phone.fill("#text", "He held my hand tonight.")
    phone.click("form[action='/write'] button[type=submit]")
    phone.wait_for_url(re.compile(r".*/entries/\d+"))
    phone.goto(f"{served.base}/tide")
    phone.wait_for_selector("#chart-wheel svg.main-svg")
    assert "No completed loops yet" in phone.locator("#loops-empty").inner_text()
    assert phone.locator("#chart-loops").count() == 0
    assert "No turns away yet" in phone.locator("#precursors-empty").inner_text()


# ---- the README's phone pictures ------------------------------------------------------


def test_phone_screenshots_for_the_readme(phone: Any, served: Served, shots: Path) -> None:
    """The journal and the tide on a phone, for the README: in a temporary folder, or in
    docs/screenshots under `make screenshots`, so a test run leaves the tree clean."""
    folder = shots
    _create(phone, served)
    _history(served.state)
    phone.goto(f"{served.base}/journal")
    assert _no_sideways_scroll(phone)
    phone.screenshot(path=str(folder / "phone-journal.png"))
    phone.goto(f"{served.base}/tide")
    for chart in CHARTS:
        phone.wait_for_selector(f"#{chart} svg.main-svg text")
    assert _no_sideways_scroll(phone)
    phone.screenshot(path=str(folder / "phone-tide.png"), full_page=True)
    assert (folder / "phone-journal.png").stat().st_size > 10_000
    assert (folder / "phone-tide.png").stat().st_size > 10_000
