"""Web fixtures: an app per test over a real journal in tmp_path, and a client that acts
like our own pages (same Origin, the session's form token).

`web` is launched (holds a pass) but locked; `unlocked_web` has created a journal with
the fake analyser and holds an unlocked session. `write_worn_out_stretch` fills a
journal with a stretch whose one warm evening the tide reads as worn out. `shots` is the
folder browser tests put screenshots in (a temporary one unless `make screenshots`
refreshes the docs).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2 as httpx  # what Starlette's TestClient returns
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import FakeAnalyzer
from tests.web.screenshots import screenshot_folder
from tidewise.settings import Settings
from tidewise.web.app import create_app
from tidewise.web.security import PASS_COOKIE, SESSION_COOKIE
from tidewise.web.state import WebState

PORT = 8765
ORIGIN = f"http://127.0.0.1:{PORT}"
TOKEN = "launch-token-for-tests"
PASSPHRASE = "a quiet harbour at dusk"
TIRED = "I am so tired and lonely tonight. I miss him."
HELD = "He held my hand at dinner."


@dataclass
class Web:
    """A TestClient plus the app's state, with helpers for form posts."""

    client: TestClient
    app: FastAPI

    @property
    def state(self) -> WebState:
        state: WebState = self.app.state.web
        return state

    def form_token(self) -> str:
        sessions = self.state.sessions
        session = sessions.get(self.client.cookies.get(SESSION_COOKIE), unlocked=True)
        if session is None:
            session = sessions.get(self.client.cookies.get(PASS_COOKIE), unlocked=False)
        assert session is not None, "no session or pass in this client"
        return session.form_token

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.get(path, **kwargs)

    def post(
        self, path: str, data: dict[str, str] | None = None, *, token: bool = True, **kwargs: Any
    ) -> httpx.Response:
        """A POST as our own page sends it: same Origin, and the form token."""
        fields = dict(data or {})
        if token:
            fields.setdefault("form_token", self.form_token())
        headers = {"origin": ORIGIN, **kwargs.pop("headers", {})}
        return self.client.post(path, data=fields, headers=headers, **kwargs)

    def write(self, text: str, **fields: str) -> int:
        response = self.post("/write", {"text": text, **fields})
        assert response.status_code == 303, response.text
        location = response.headers["location"]
        return int(location.split("/entries/")[1].split("?")[0])


def write_worn_out_stretch(state: WebState, start: datetime) -> list[int]:
    """Thirteen entries a day apart, all worn out but the 7th (a warm evening): read on
    its own that one is Reaching, and the tide, reading it with its neighbours, keeps it
    in the worn-out stretch. Returns the ids in order."""
    texts = [*[TIRED] * 6, HELD, *[TIRED] * 6]
    journal = state.journal
    ids = [journal.write(t, created=start + timedelta(days=n)).id for n, t in enumerate(texts)]
    state.changed()
    return ids


def make_app(settings: Settings, **kwargs: Any) -> FastAPI:
    kwargs.setdefault("analyzer", FakeAnalyzer())
    kwargs.setdefault("launch_token", TOKEN)
    return create_app(settings, port=PORT, **kwargs)


def make_client(app: FastAPI) -> TestClient:
    return TestClient(app, base_url=ORIGIN, follow_redirects=False)


@contextmanager
def journal_web(settings: Settings, **kwargs: Any) -> Iterator[Web]:
    """An app made as `make_app` makes it (`kwargs` override), launched, with a new
    journal created through the page and an unlocked session; shut down on the way out."""
    app = make_app(settings, **kwargs)
    try:
        web = Web(make_client(app), app)
        assert web.client.get(f"/launch/{TOKEN}").status_code == 303
        created = web.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
        assert created.status_code == 303, created.text
        yield web
    finally:
        app.state.web.shutdown()


@pytest.fixture
def web_app(settings: Settings) -> Iterator[FastAPI]:
    app = make_app(settings)
    yield app
    app.state.web.shutdown()


@pytest.fixture
def web(web_app: FastAPI) -> Web:
    """Launched: this client holds a pass (no journal yet, locked)."""
    client = make_client(web_app)
    assert client.get(f"/launch/{TOKEN}").status_code == 303
    return Web(client, web_app)


@pytest.fixture
def unlocked_web(web: Web) -> Web:
    """A new journal, created through the page, with an unlocked session."""
    response = web.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
    assert response.status_code == 303, response.text
    return web


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder screenshots go to: a temporary one unless the docs are being refreshed."""
    return screenshot_folder(tmp_path_factory.mktemp("screenshots"))
