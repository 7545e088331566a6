"""The web UI's guards: Host allow-list, response headers, body limit, sessions, CSRF.

The adversaries (SECURITY.md): the partner at the same computer, and any
web page the person visits, since a page can reach 127.0.0.1. So:

- `HostGuard` (pure ASGI, before routing, HTTP and websocket) answers 400 unless the
  Host header is exactly `<per-launch name>.localhost:<port>`, `127.0.0.1:<port>` or
  `localhost:<port>`: this defeats DNS rebinding, where a hostile name resolves to
  127.0.0.1 but keeps its own Host.
- Browsers do not separate cookies by port, so a cookie set for 127.0.0.1 also goes to
  any other program listening on 127.0.0.1. The launch address therefore uses a random
  per-launch name under `localhost` (`launch_host_name`): its cookies are host-only and
  no other port is ever visited under that name. Every session is bound to the Host it
  was issued on (SECURITY.md, "Other programs on this computer").
- `HeaderGuard` puts the CSP and the no-store/no-referrer headers on every response,
  errors and static files included.
- `BodyLimit` answers 413 before a large body is read into memory.
- `Sessions` are server-side records behind random ids (never signed client data). A
  browser first swaps the per-launch token for a *pass* (it may see and post the
  create/unlock forms); unlocking issues a fresh *session* id (rotation), and locking
  kills every session. Both kinds carry a form token for CSRF. A locked session is
  *retired*, not forgotten: a page that was typing when the lock came may still hand
  over its text as a draft (tidewise/drafts.py), and nothing else.
- `same_origin` requires a same-origin `Origin` (or `Sec-Fetch-Site: same-origin`).
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "tw_session"
PASS_COOKIE = "tw_pass"  # noqa: S105 - a cookie name, not a secret
MAX_BODY_BYTES = 1024 * 1024
TOO_LARGE = "That was too large to accept."
LOOPBACK = "127.0.0.1"

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"cache-control", b"no-store"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
)
_REPLACED = {name for name, _ in SECURITY_HEADERS} | {b"pragma", b"expires"}


NAME_SUFFIX = ".localhost"
MAX_RETIRED = 32


def launch_host_name() -> str:
    """A random name under `localhost` for one launch (Chromium and Firefox resolve every
    `*.localhost` name to loopback themselves; Safari does not, hence the fallback)."""
    return secrets.token_hex(10) + NAME_SUFFIX


def allowed_hosts(port: int, name: str | None = None) -> frozenset[str]:
    """The only Host values served: the launch name, and loopback by number or by name."""
    hosts = {f"{LOOPBACK}:{port}", f"localhost:{port}"}
    if name:
        hosts.add(f"{name}:{port}")
    return frozenset(hosts)


def host_of(scope: Scope) -> str | None:
    """The Host header (lower-cased), or None when missing or sent more than once."""
    values = [v for k, v in scope.get("headers", []) if k == b"host"]
    if len(values) != 1:
        return None
    try:
        return bytes(values[0]).decode("ascii").lower()
    except UnicodeDecodeError:
        return None


async def _plain_response(send: Send, status: int, text: str) -> None:
    body = text.encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8")]
    headers += [(b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class HostGuard:
    """Reject any request whose Host is not exactly ours, before routing."""

    def __init__(self, app: ASGIApp, port: int, name: str | None = None) -> None:
        self.app = app
        self.hosts = allowed_hosts(port, name)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and host_of(scope) not in self.hosts:
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
                return
            await _plain_response(send, 400, "Bad request.")
            return
        await self.app(scope, receive, send)


class HeaderGuard:
    """Add the security headers to every HTTP response (replacing any set earlier)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _REPLACED]
                message["headers"] = kept + list(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLargeError(Exception):
    """Raised inside `receive` when a body without Content-Length grows past the limit."""


class BodyLimit:
    """413 for bodies over `limit` bytes: by Content-Length at once, or while streaming."""

    def __init__(
        self,
        app: ASGIApp,
        limit: int = MAX_BODY_BYTES,
        larger: dict[str, tuple[int, str]] | None = None,
    ) -> None:
        """`larger` maps a path to its own (limit, message): the import upload's 50 MB."""
        self.app = app
        self.limit = limit
        self.larger = larger or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, refusal = self.larger.get(scope.get("path", ""), (self.limit, TOO_LARGE))
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _plain_response(send, 413, refusal)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLargeError
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLargeError:
            if not started:
                await _plain_response(send, 413, refusal)


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0  # malformed: let the server reject it; we never read past the limit
    return None


@dataclass
class Session:
    """A server-side record. `unlocked` sessions reach the journal; passes reach forms."""

    id: str
    form_token: str
    unlocked: bool
    host: str = ""  # the Host it was issued on; it is honoured on no other
    created: float = field(default_factory=time.monotonic)


class Sessions:
    """Random ids held only in this process's memory; gone when `serve` stops."""

    def __init__(self) -> None:
        self._by_id: dict[str, Session] = {}
        self._retired: dict[str, Session] = {}
        self._lock = threading.Lock()

    def new(self, *, unlocked: bool, host: str = "") -> Session:
        session = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(32), unlocked, host)
        with self._lock:
            self._by_id[session.id] = session
        return session

    def get(
        self, session_id: str | None, *, unlocked: bool, host: str | None = None
    ) -> Session | None:
        """The live session; with `host`, only when it was issued on that Host."""
        if not session_id:
            return None
        with self._lock:
            session = self._by_id.get(session_id)
        if session is None or session.unlocked != unlocked:
            return None
        if host is not None and session.host != host:
            return None
        return session

    def retired(self, session_id: str | None, host: str | None) -> Session | None:
        """An unlocked session that a lock ended (it may hand over a draft, nothing else)."""
        if not session_id:
            return None
        with self._lock:
            session = self._retired.get(session_id)
        if session is None or session.host != host:
            return None
        return session

    def kill(self, session_id: str | None) -> None:
        if session_id:
            with self._lock:
                self._by_id.pop(session_id, None)

    def kill_unlocked(self) -> None:
        """At lock: every unlocked session dies (passes stay, so the form can unlock again)."""
        with self._lock:
            ended = {k: s for k, s in self._by_id.items() if s.unlocked}
            self._by_id = {k: s for k, s in self._by_id.items() if not s.unlocked}
            self._retired.update(ended)
            for stale in list(self._retired)[:-MAX_RETIRED]:
                del self._retired[stale]

    def count(self, *, unlocked: bool) -> int:
        with self._lock:
            return sum(1 for s in self._by_id.values() if s.unlocked == unlocked)


class LaunchToken:
    """The per-launch secret printed in the URL; it can be swapped for a pass only once."""

    def __init__(self, token: str | None = None) -> None:
        self._token: str | None = token or secrets.token_urlsafe(32)
        self.value = self._token
        self._lock = threading.Lock()

    def redeem(self, offered: str) -> bool:
        with self._lock:
            if self._token is None or not hmac.compare_digest(
                offered.encode(), self._token.encode()
            ):
                return False
            self._token = None
            return True


def cookie_header(name: str, value: str) -> str:
    """HttpOnly, SameSite=Strict, Path=/; no Domain and no Max-Age (a browser-session cookie)."""
    return f"{name}={value}; HttpOnly; SameSite=Strict; Path=/"


def expired_cookie_header(name: str) -> str:
    return f"{name}=; HttpOnly; SameSite=Strict; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"


def same_origin(headers: Any, host: str | None) -> bool:
    """True when the request comes from our own pages.

    A matching `Origin` is enough. Our pages send `Referrer-Policy: no-referrer`, under
    which browsers send `Origin: null` on form posts; then (or with no Origin at all)
    the browser's own `Sec-Fetch-Site` header, which no page can set, must say
    same-origin.
    """
    if host is None:
        return False
    origin = headers.get("origin")
    if origin is not None and origin != "null":
        return hmac.compare_digest(origin.lower().encode(), f"http://{host}".encode())
    return bool(headers.get("sec-fetch-site") == "same-origin")


def tokens_match(offered: str | None, expected: str) -> bool:
    return offered is not None and hmac.compare_digest(offered.encode(), expected.encode())
