"""The journal erased or replaced by another process while the web UI has it open.

A real `tidewise erase` runs against a running server: the next write is refused with
a clear message (never "Saved" into a deleted file), and the web UI locks. A restore
that swaps the files is caught the same way; the web UI's own passphrase change is not
mistaken for a replacement.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI

from tests.web.conftest import PASSPHRASE, Web
from tidewise.settings import HOME_ENV, PASSPHRASE_ENV, Settings
from tidewise.web.app import create_app
from tidewise.web.security import PASS_COOKIE, SESSION_COOKIE
from tidewise.web.server import BackgroundServer, bind_socket

REFUSED = "saved nothing from this page"


@pytest.fixture
def live(settings: Settings) -> Iterator[tuple[httpx.Client, str, FastAPI]]:
    """A running server with a created journal, and a client holding its session."""
    from tests.conftest import FakeAnalyzer

    sock = bind_socket(0)
    port = sock.getsockname()[1]
    app = create_app(settings, port=port, analyzer=FakeAnalyzer(), launch_token="t-erase")
    server = BackgroundServer(app, sock)
    server.start()
    base = f"http://127.0.0.1:{port}"
    client = httpx.Client(base_url=base, follow_redirects=False, timeout=20)
    try:
        assert client.get("/launch/t-erase").status_code == 303
        state = app.state.web
        token = state.sessions.get(client.cookies.get(PASS_COOKIE), unlocked=False).form_token
        fields = {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE, "form_token": token}
        assert client.post("/create", data=fields, headers={"origin": base}).status_code == 303
        yield client, base, app
    finally:
        client.close()
        server.stop()
        app.state.web.shutdown()


def _write(client: httpx.Client, base: str, app: FastAPI, text: str) -> httpx.Response:
    state = app.state.web
    session = state.sessions.get(client.cookies.get(SESSION_COOKIE), unlocked=True)
    token = session.form_token if session else "none"
    fields = {"text": text, "form_token": token, "draft_form": "erase-test"}
    return client.post("/write", data=fields, headers={"origin": base})


def test_a_cli_erase_while_unlocked_makes_the_next_write_refuse_and_lock(
    live: tuple[httpx.Client, str, FastAPI], settings: Settings
) -> None:
    client, base, app = live
    assert _write(client, base, app, "Before the erase.").status_code == 303
    env = {**os.environ, HOME_ENV: str(settings.home), PASSPHRASE_ENV: PASSPHRASE}
    erased = subprocess.run(
        [sys.executable, "-m", "tidewise", "erase", "--yes", "--yes-really"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert erased.returncode == 0, erased.stderr
    assert not settings.db_path.exists()
    response = _write(client, base, app, "Written after the erase.")
    assert response.status_code == 409
    assert REFUSED in response.text
    assert "saved=1" not in response.headers.get("location", "")
    assert not app.state.web.unlocked
    assert client.get("/journal").status_code == 401
    assert not settings.db_path.exists(), "nothing recreated the erased journal"


def test_a_replaced_journal_file_is_noticed(unlocked_web: Web, settings: Settings) -> None:
    unlocked_web.write("The original journal.")
    copy = settings.home / "copy.db"
    shutil.copy2(settings.db_path, copy)
    os.replace(copy, settings.db_path)  # as a restore from a backup would
    response = unlocked_web.get("/journal")
    assert response.status_code == 409
    assert not unlocked_web.state.unlocked


def test_the_web_uis_own_passphrase_change_is_not_a_replacement(unlocked_web: Web) -> None:
    new = "a different quiet harbour"
    fields = {"current": PASSPHRASE, "new": new, "new_again": new}
    response = unlocked_web.post("/settings/passphrase", fields)
    assert response.status_code == 303, response.text
    assert unlocked_web.get("/journal").status_code == 200
    assert unlocked_web.state.unlocked
