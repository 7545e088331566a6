"""Shared pieces for the browser tests that serve on the per-launch `*.localhost` name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.test_browser import CHROMIUM, LAUNCH_ARGS, CueAnalyzer, Served, _chromium_or_skip
from tidewise.settings import Settings
from tidewise.web.app import create_app
from tidewise.web.server import BackgroundServer, bind_socket


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


class Running:
    """One server started and stopped by hand (a test may stop it and start another)."""

    def __init__(self, settings: Settings, *, by_name: bool = True, **kwargs: Any) -> None:
        sock = bind_socket(0)
        self.port = sock.getsockname()[1]
        self.app = create_app(settings, port=self.port, analyzer=CueAnalyzer(), **kwargs)
        self.server = BackgroundServer(self.app, sock)
        self.server.start()
        state = self.app.state.web
        host = f"{state.host_name}" if by_name else "127.0.0.1"
        self.served = Served(self.app, f"http://{host}:{self.port}")

    def stop(self) -> None:
        self.server.stop()
        self.app.state.web.shutdown()
