"""Another program on another port of this computer gets nothing usable from the browser.

Browsers do not separate cookies by port. A second server (standing in for another
account's listener) is visited by the same browser after unlocking, as a page and as
images. Whatever it received is then replayed against Tidewise under every Host we
answer: none of it may fetch any journal data. A control run through the numeric
fallback address shows that the same visit does carry the cookie there, so the test
can see a leak when there is one (SECURITY.md explains the fallback).
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.web.browsing import Running, browser  # noqa: F401 - the module's browser fixture
from tests.web.conftest import PORT, make_app
from tests.web.test_browser import _create
from tidewise.settings import Settings

pytestmark = pytest.mark.browser

SECRET_TEXT = "The thing I have told nobody about the garden shed."
DATA_PATHS = ("/journal", "/write", "/export/download?format=json", "/tide")


class Listener:
    """A plain local HTTP server that records every request's Host and Cookie headers."""

    def __init__(self) -> None:
        seen: list[tuple[str, str]] = []
        ports: list[int] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                seen.append((self.headers.get("host", ""), self.headers.get("cookie", "")))
                port = ports[0]
                page = (
                    f'<img src="/pixel.svg"><img src="http://localhost:{port}/pixel.svg">'
                    f'<img src="http://127.0.0.1:{port}/pixel.svg">'
                ).encode()
                self.send_response(200)
                self.send_header("content-type", "text/html")
                self.send_header("content-length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args: Any) -> None:
                pass

        self.seen = seen
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = int(self.server.server_address[1])
        ports.append(self.port)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    other = Listener()
    yield other
    other.stop()


def _visit_and_collect(chromium: Any, running: Running, listener: Listener) -> list[str]:
    """Unlock and write in the browser, then visit the other port; its received cookies."""
    served = running.served
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        _create(page, served)
        page.fill("#text", SECRET_TEXT)
        page.click("form[action='/write'] button[type=submit]")
        page.wait_for_url(f"{served.base}/entries/*?saved=1")
        for host in ("127.0.0.1", "localhost"):
            page.goto(f"http://{host}:{listener.port}/")
            page.wait_for_load_state("networkidle")
        page.goto(f"{served.base}/journal")  # back home; the page closes cleanly
    finally:
        context.close()
    assert len(listener.seen) >= 6, "the pages and their images reached the other port"
    return [cookie for _, cookie in listener.seen]


def _replay_reaches_data(running: Running, cookies: list[str]) -> list[str]:
    """Every received cookie header, replayed under every Host we serve, on data routes."""
    state = running.app.state.web
    hosts = [f"{state.host_name}:{running.port}", f"127.0.0.1:{running.port}"]
    hosts.append(f"localhost:{running.port}")
    leaks = []
    with httpx.Client(timeout=10, follow_redirects=False) as client:
        for cookie in {c for c in cookies if c}:
            for host in hosts:
                for path in DATA_PATHS:
                    headers = {"host": host, "cookie": cookie}
                    response = client.get(f"http://127.0.0.1:{running.port}{path}", headers=headers)
                    if response.status_code == 200 and "garden shed" in response.text:
                        leaks.append(f"{host}{path}")
    return leaks


def test_another_port_receives_nothing_usable(
    browser: Any,  # noqa: F811
    settings: Settings,
    listener: Listener,
) -> None:
    running = Running(settings)
    try:
        received = _visit_and_collect(browser, running, listener)
        assert not any("tw_" in cookie for cookie in received), received
        assert _replay_reaches_data(running, received) == []
        assert running.app.state.web.unlocked, "the journal was open the whole time"
    finally:
        running.stop()


def test_control_the_numeric_fallback_does_share_its_cookie(
    browser: Any,  # noqa: F811
    settings: Settings,
    listener: Listener,
) -> None:
    running = Running(settings, by_name=False)
    try:
        received = _visit_and_collect(browser, running, listener)
        assert any("tw_session=" in cookie for cookie in received)
        assert _replay_reaches_data(running, received) != []
    finally:
        running.stop()


def test_the_launch_name_is_served_and_other_names_are_refused(settings: Settings) -> None:
    app = make_app(settings)
    name = app.state.web.host_name
    assert name.endswith(".localhost") and len(name) > len(".localhost") + 16
    from fastapi.testclient import TestClient

    client = TestClient(app, base_url=f"http://{name}:{PORT}")
    assert client.get("/help-now").status_code == 200
    other = "0" * (len(name) - len(".localhost")) + ".localhost"
    assert client.get("/help-now", headers={"host": f"{other}:{PORT}"}).status_code == 400
    app.state.web.shutdown()


def test_a_session_is_honoured_only_on_the_host_it_was_issued_on(settings: Settings) -> None:
    from fastapi.testclient import TestClient

    from tests.web.conftest import PASSPHRASE, TOKEN

    app = make_app(settings)
    name = f"{app.state.web.host_name}:{PORT}"
    client = TestClient(app, base_url=f"http://{name}", follow_redirects=False)
    assert client.get(f"/launch/{TOKEN}").status_code == 303
    session = app.state.web.sessions
    pass_id = client.cookies.get("tw_pass")
    token = session.get(pass_id, unlocked=False).form_token
    fields = {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE, "form_token": token}
    created = client.post("/create", data=fields, headers={"origin": f"http://{name}"})
    assert created.status_code == 303
    cookie = f"tw_session={client.cookies.get('tw_session')}"
    assert client.get("/journal").status_code == 200
    numeric = TestClient(app, base_url=f"http://127.0.0.1:{PORT}")
    assert numeric.get("/journal", headers={"cookie": cookie}).status_code == 401
    app.state.web.shutdown()
