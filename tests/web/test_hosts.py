"""DNS rebinding defence: over 1,000 generated Host headers, each served or refused correctly.

The rule under test (SECURITY.md): the Host header, compared without case,
must be exactly `127.0.0.1:<port>` or `localhost:<port>`; anything else is 400 before
routing, for HTTP and websocket alike.
"""

from __future__ import annotations

import asyncio
import itertools
import random

import pytest
from fastapi import FastAPI

from tests.web.asgi import call, call_many, websocket_close_code
from tests.web.conftest import PORT

ALLOWED = {f"127.0.0.1:{PORT}", f"localhost:{PORT}"}
PROBE = "/help-now"  # public, so an allowed Host gets a plain 200


def _case_variants(text: str, count: int, rng: random.Random) -> set[str]:
    variants = {text, text.upper(), text.title()}
    while len(variants) < count:
        variants.add("".join(c.upper() if rng.random() < 0.5 else c for c in text))
    return variants


def allowed_variants() -> list[str]:
    rng = random.Random(1)
    names = _case_variants("localhost", 48, rng)
    return sorted({f"127.0.0.1:{PORT}"} | {f"{name}:{PORT}" for name in names})


def refused_variants() -> list[str]:
    """Wrong ports, no port, trailing dots, IPv6 and other IPv4 spellings, look-alike and
    suffix hosts, userinfo, schemes, padding and garbage: each must be refused."""
    rng = random.Random(2)
    bases = [
        "127.0.0.1",
        "localhost",
        "LOCALHOST",
        "127.0.0.2",
        "127.1",
        "127.0.1",
        "0.0.0.0",
        "2130706433",
        "0x7f000001",
        "0177.0.0.1",
        "0x7f.0.0.1",
        "127.000.000.001",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "[0:0:0:0:0:0:0:1]",
        "[::]",
        "::1",
        "localhost.",
        "127.0.0.1.",
        "localhost..",
        "local-host",
        "localhost.localdomain",
        "localhost.evil.com",
        "evil.localhost",
        "127.0.0.1.nip.io",
        "127.0.0.1.evil.com",
        "evil.com",
        "xlocalhost",
        "localhostx",
        "localhos",
        "1ocalhost",
        "locaIhost",
        "127.0.0.10",
        "127.0.0.11",
        "10.0.0.1",
        "192.168.1.1",
        "example.com",
        "localtest.me",
        "lvh.me",
        "7f000001.nip.io",
        "localhost%2e",
        "127%2e0%2e0%2e1",
    ]
    ports = [
        "",
        ":",
        f":{PORT + 1}",
        f":{PORT - 1}",
        ":80",
        ":443",
        ":0",
        ":65535",
        ":8080",
        f":0{PORT}",
        f":{PORT}0",
        f":{str(PORT)[:-1]}",
        f":+{PORT}",
        f": {PORT}",
        f":{PORT} ",
        f":{PORT}:{PORT}",
        f":{PORT}.",
        f":{PORT}/",
        f":{PORT}#",
        f":{PORT}@evil.com",
        f":{PORT}.evil.com",
        f":-{PORT}",
        f":{PORT}\t",
        f":{PORT}x",
    ]
    found: set[str] = set()
    for base, port in itertools.product(bases, ports):
        host = base + port
        if host.lower() not in ALLOWED:
            found.add(host)
    for allowed in ALLOWED:
        found |= {
            " " + allowed,
            allowed + " ",
            allowed + ".",
            "." + allowed,
            "x" + allowed,
            allowed + "x",
            f"user@{allowed}",
            f"http://{allowed}",
            f"{allowed}/",
            f"evil.com:{PORT}/{allowed}",
            allowed.replace(":", "::"),
            allowed + "\x00",
        }
    found.add("")
    extra = [
        f"{rng.choice(['127.0.0.1', 'localhost'])}:{rng.randrange(1, 65536)}" for _ in range(300)
    ]
    found |= {h for h in extra if h.lower() not in ALLOWED}
    return sorted(found)


def _status(app: FastAPI, hosts: list[str]) -> dict[str, int]:
    requests = [("GET", PROBE, [(b"host", h.encode("latin-1"))]) for h in hosts]
    return {h: r.status for h, r in zip(hosts, call_many(app, requests), strict=True)}


def test_over_a_thousand_variants_are_generated() -> None:
    assert len(refused_variants()) >= 1000
    assert len(allowed_variants()) >= 40
    assert not set(refused_variants()) & set(allowed_variants())


def test_every_refused_host_gets_400(web_app: FastAPI) -> None:
    statuses = _status(web_app, refused_variants())
    served = [host for host, status in statuses.items() if status != 400]
    assert served == []


def test_every_allowed_host_is_served(web_app: FastAPI) -> None:
    statuses = _status(web_app, allowed_variants())
    refused = [host for host, status in statuses.items() if status != 200]
    assert refused == []


def test_a_missing_or_doubled_host_is_refused(web_app: FastAPI) -> None:
    assert call(web_app, "GET", PROBE, []).status == 400
    good = f"127.0.0.1:{PORT}".encode()
    assert call(web_app, "GET", PROBE, [(b"host", good), (b"host", good)]).status == 400
    assert call(web_app, "GET", PROBE, [(b"host", b"\xff\xfe")]).status == 400


def test_the_host_is_checked_before_routing(web_app: FastAPI) -> None:
    for method, path in (("GET", "/no-such-page"), ("POST", "/lock"), ("GET", "/static/app.css")):
        response = call(web_app, method, path, [(b"host", b"evil.com")])
        assert response.status == 400
    assert web_app.state.web.sessions.count(unlocked=False) == 0


@pytest.mark.parametrize(
    "host", [b"evil.com", b"localhost", b"[::1]:8765", f"127.0.0.1:{PORT}.".encode()]
)
def test_websockets_with_a_wrong_host_are_closed(web_app: FastAPI, host: bytes) -> None:
    assert asyncio.run(websocket_close_code(web_app, host)) == 1008
