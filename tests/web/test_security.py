"""Sessions on every route, CSRF, headers on every response, limits, discretion, no leaks."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2 as httpx  # what Starlette's TestClient returns
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.routing import Mount

from tests.conftest import FakeAnalyzer
from tests.web.asgi import call
from tests.web.conftest import ORIGIN, PASSPHRASE, PORT, TOKEN, Web, make_app, make_client
from tests.web.pagetree import parse
from tidewise.analysis.types import EntryAnalysis
from tidewise.errors import UsageError
from tidewise.settings import Settings
from tidewise.web.security import CSP
from tidewise.web.server import bind_socket

WEB_DIR = Path(__file__).parents[2] / "tidewise" / "web"
PUBLIC = {
    ("GET", "/launch/{token}"),
    ("GET", "/locked"),
    ("GET", "/help-now"),
    ("GET", "/help-now/grounding"),  # a crisis aid: works while locked, like help-now
    ("POST", "/lock"),
    ("GET", "/static/plotly.min.js"),
    ("GET", "/static/plotly.css"),
    ("GET", "/favicon.ico"),
}
SENSITIVE_WORDS = ("affair", "cheat", "betray", "infidelity", "divorce", "therapy", "shame")
PATH_VALUES = {
    "token": "not-the-token",
    "entry_id": "1",
    "correction_id": "1",
    "week": "1",
    "name": "timeline",
}


@dataclass(frozen=True)
class Endpoint:
    method: str
    template: str

    @property
    def path(self) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: PATH_VALUES[m.group(1)], self.template)


def _walk(routes: list[Any]) -> Iterator[Any]:
    """Every route, through FastAPI's included routers (none of ours uses a prefix)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _walk(included.routes)
        else:
            yield route


def endpoints(app: FastAPI) -> list[Endpoint]:
    found = []
    for route in _walk(app.routes):
        if isinstance(route, APIRoute):
            found += [Endpoint(m, route.path) for m in sorted(route.methods or ())]
    return found


def _request(client: httpx.Client | object, endpoint: Endpoint, **kwargs: object) -> httpx.Response:
    assert hasattr(client, "request")
    headers = {"origin": ORIGIN} if endpoint.method == "POST" else {}
    response: httpx.Response = client.request(
        endpoint.method, endpoint.path, headers=headers, **kwargs
    )
    return response


def test_the_route_table_is_what_we_think(web_app: FastAPI) -> None:
    found = {(e.method, e.template) for e in endpoints(web_app)}
    assert PUBLIC <= found
    assert len(found) >= 30
    mounts = [r for r in _walk(web_app.routes) if isinstance(r, Mount)]
    assert [m.path for m in mounts] == ["/static"]


def test_every_non_public_route_is_401_without_a_session(web_app: FastAPI) -> None:
    client = make_client(web_app)
    for endpoint in endpoints(web_app):
        if (endpoint.method, endpoint.template) in PUBLIC:
            continue
        response = _request(client, endpoint)
        assert response.status_code == 401, endpoint


def test_a_pass_alone_opens_only_the_ways_in(web: Web) -> None:
    ways_in = {
        ("GET", "/"),
        ("GET", "/unlock"),
        ("POST", "/unlock"),
        ("GET", "/create"),
        ("POST", "/create"),
        ("POST", "/demo"),
        ("POST", "/resume"),  # after a quick exit with no journal: back to the ways in
    }
    for endpoint in endpoints(web.app):
        key = (endpoint.method, endpoint.template)
        if key in PUBLIC or key in ways_in:
            continue
        assert _request(web.client, endpoint).status_code == 401, endpoint


def test_after_lock_every_private_route_is_401(unlocked_web: Web) -> None:
    unlocked_web.write("Something private.")
    unlocked_web.post("/lock", token=False)
    for endpoint in endpoints(unlocked_web.app):
        if (endpoint.method, endpoint.template) in PUBLIC or endpoint.template in {
            "/",
            "/unlock",
            "/create",
            "/demo",
            "/resume",
        }:
            continue
        assert _request(unlocked_web.client, endpoint).status_code == 401, endpoint


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"origin": "null", "sec-fetch-site": "cross-site"},
        {"origin": "http://evil.example", "sec-fetch-site": "same-origin"},
        {"origin": f"http://127.0.0.1:{PORT + 1}"},
        {"origin": f"https://127.0.0.1:{PORT}"},
        {"origin": f"http://localhost:{PORT}"},  # our page, but not the Host this one used
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {},
    ],
)
def test_cross_site_form_posts_are_403_and_change_nothing(
    unlocked_web: Web, headers: dict[str, str]
) -> None:
    web = unlocked_web
    entry_id = web.write("Keep me.")
    token = web.form_token()
    for endpoint in endpoints(web.app):
        if endpoint.method != "POST" or endpoint.template == "/lock":
            continue
        data = {"form_token": token, "text": "forged", "confirm": "yes", "passphrase": PASSPHRASE}
        response = web.client.post(
            endpoint.path.replace("/1/", f"/{entry_id}/"), data=data, headers=headers
        )
        assert response.status_code == 403, (endpoint, headers)
    assert web.state.journal.count() == 1
    assert web.state.journal.get(entry_id).text == "Keep me."


def test_origin_null_from_our_no_referrer_pages_is_accepted_when_same_origin(
    unlocked_web: Web,
) -> None:
    headers = {"origin": "null", "sec-fetch-site": "same-origin"}
    response = unlocked_web.post("/write", {"text": "From our own form."}, headers=headers)
    assert response.status_code == 303


def test_a_forged_or_missing_form_token_is_403(unlocked_web: Web) -> None:
    web = unlocked_web
    assert web.post("/write", {"text": "x", "form_token": "guess"}).status_code == 403
    assert web.post("/write", {"text": "x"}, token=False).status_code == 403
    twice = web.client.post(
        "/write",
        content=f"text=x&form_token={web.form_token()}&form_token=other",
        headers={"origin": ORIGIN, "content-type": "application/x-www-form-urlencoded"},
    )
    assert twice.status_code == 400
    assert web.post("/alive", token=False).status_code == 403
    ok = web.client.post("/alive", headers={"origin": ORIGIN, "x-form-token": web.form_token()})
    assert ok.status_code == 204
    assert web.state.journal.count() == 0


def test_the_pass_form_token_is_needed_to_unlock(unlocked_web: Web) -> None:
    web = unlocked_web
    web.post("/lock", token=False)
    forged = web.post("/unlock", {"passphrase": PASSPHRASE, "form_token": "x"})
    assert forged.status_code == 403
    assert not web.state.unlocked


def _all_responses(web: Web) -> list[httpx.Response]:
    entry_id = web.write("A line for the crawl.")
    responses = []
    for endpoint in endpoints(web.app):
        if endpoint.method == "GET" and endpoint.template != "/launch/{token}":
            responses.append(web.get(endpoint.path.replace("{entry_id}", str(entry_id))))
    responses += [
        web.get(f"/entries/{entry_id}"),
        web.get("/static/app.css"),
        web.get("/static/app.js"),
        web.get("/static/missing.js"),
        web.get("/no-such-page"),
        web.get("/entries/abc"),
        web.client.put("/write"),
        web.post("/write", {"text": "x" * (2 * 1024 * 1024)}),
        web.post("/write", {"text": "x", "form_token": "bad"}),
        make_client(web.app).get("/write"),
        web.client.get("/", headers={"host": "evil.com"}),
    ]
    return responses


def test_csp_and_no_store_are_on_every_response(unlocked_web: Web) -> None:
    responses = _all_responses(unlocked_web)
    assert {r.status_code for r in responses} >= {200, 400, 401, 403, 404, 405, 413}
    for response in responses:
        assert response.headers["content-security-policy"] == CSP, response.url
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["cross-origin-opener-policy"] == "same-origin"
        assert "server" not in response.headers


def test_every_page_has_the_neutral_title_and_the_quick_exit(unlocked_web: Web) -> None:
    for response in _all_responses(unlocked_web):
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        page = parse(response.text)
        titles = page.find_all("title")
        assert [t.text for t in titles] in (["Notes"], ["New Tab"]), response.url
        if titles[0].text == "Notes" and response.status_code != 500:
            assert page.find("form", id="quick-exit", action="/lock", method="post")


def test_oversized_bodies_are_413_and_nothing_is_written(unlocked_web: Web) -> None:
    web = unlocked_web
    response = web.post("/write", {"text": "x" * (1024 * 1024 + 10)})
    assert response.status_code == 413
    cookie = f"tw_session={web.client.cookies['tw_session']}".encode()
    headers = [
        (b"host", f"127.0.0.1:{PORT}".encode()),
        (b"origin", ORIGIN.encode()),
        (b"cookie", cookie),
        (b"content-type", b"application/x-www-form-urlencoded"),
    ]
    chunked = call(web.app, "POST", "/write", headers, chunks=[b"text=" + b"y" * 65536] * 20)
    assert chunked.status == 413
    assert web.state.journal.count() == 0


def test_no_external_urls_in_templates_or_static_assets() -> None:
    url = re.compile(r"""(?i)(?:https?:|wss?:|ftp:)?//[a-z0-9.-]+\.[a-z]{2,}|@import|url\(""")
    namespace = 'xmlns="http://www.w3.org/2000/svg"'
    files = sorted(p for p in WEB_DIR.rglob("*") if p.suffix in {".html", ".css", ".js", ".svg"})
    assert len(files) >= 20
    for path in files:
        text = path.read_text(encoding="utf-8").replace(namespace, "")
        assert not url.findall(text), path


def test_no_sensitive_words_in_titles_file_names_or_downloads(unlocked_web: Web) -> None:
    names = [p.name.lower() for p in WEB_DIR.rglob("*")]
    names += [p.name.lower() for p in (WEB_DIR.parents[1] / "docs" / "screenshots").glob("*")]
    for word in SENSITIVE_WORDS:
        assert not [n for n in names if word in n], word
    for template in (WEB_DIR / "templates").glob("*.html"):
        for title in re.findall(r"<title>(.*?)</title>", template.read_text(encoding="utf-8")):
            assert title in ("{{ PAGE_TITLE }}",)
    download = unlocked_web.get("/export/download", params={"format": "json"})
    filename = download.headers["content-disposition"].lower()
    assert not [w for w in SENSITIVE_WORDS if w in filename]


class LeakyAnalyzer(FakeAnalyzer):
    """An analyser that fails with the entry's text in its message."""

    def analyze(self, text: str) -> EntryAnalysis:
        if "CANARY" in text:
            message = f"could not read {text}"
            raise RuntimeError(message)
        return super().analyze(text)


def test_errors_leak_no_entry_text_or_passphrase(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(settings, analyzer=LeakyAnalyzer())
    client = make_client(app)
    client.get(f"/launch/{TOKEN}")
    web = Web(client, app)
    caplog.set_level(logging.DEBUG)
    web.post("/create", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
    response = web.post("/write", {"text": "secret CANARY words"})
    assert response.status_code == 500
    assert "CANARY" not in response.text
    wrong = web.post(
        "/settings/passphrase", {"current": "PASSCANARY", "new": "x", "new_again": "x"}
    )
    assert "PASSCANARY" not in wrong.text
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "RuntimeError" in logged
    for secret in ("CANARY", PASSPHRASE):
        assert secret not in logged
    app.state.web.shutdown()


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.2", "localhost", ""])
def test_only_loopback_can_be_bound(host: str) -> None:
    with pytest.raises(UsageError):
        bind_socket(0, host)


def test_the_bound_socket_is_loopback() -> None:
    sock = bind_socket(0)
    try:
        address, port = sock.getsockname()
        assert address == "127.0.0.1"
        assert port > 0
    finally:
        sock.close()
