"""Running the app: a loopback-only socket, a quiet uvicorn server, and the launch URL.

The socket is bound here (not by uvicorn) so that a free port can be picked with no
race and so that nothing but 127.0.0.1 can ever be bound: `0.0.0.0`, `::` and every
other address are refused. uvicorn's access log is off (paths can carry ids) and its
error log shows only what `CatchAll` lets through: an exception's type name.
"""

from __future__ import annotations

import socket
import threading
from typing import TYPE_CHECKING, Any

from tidewise.errors import UsageError
from tidewise.web.security import LOOPBACK

if TYPE_CHECKING:
    from fastapi import FastAPI

    from tidewise.web.state import WebState


def check_host(host: str) -> str:
    """Only 127.0.0.1 may be bound: the journal is never served beyond this computer."""
    if host != LOOPBACK:
        msg = "Tidewise serves only this computer (127.0.0.1); nothing else is allowed."
        raise UsageError(msg)
    return host


def bind_socket(port: int = 0, host: str = LOOPBACK) -> socket.socket:
    """A listening socket on 127.0.0.1 (port 0 = a free one chosen by the system)."""
    check_host(host)
    if not 0 <= port <= 65535:
        msg = "The port must be a number from 1 to 65535."
        raise UsageError(msg)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        msg = "That port is already in use; choose another with --port."
        raise UsageError(msg) from None
    sock.listen(128)
    return sock


def launch_url(state: WebState) -> str:
    """The address to open: the per-launch name, whose cookies no other port receives."""
    return f"http://{state.host_name}:{state.port}/launch/{state.launch.value}"


def fallback_url(state: WebState) -> str:
    """The same one-time link by number, for a browser that cannot resolve the name (Safari)."""
    return f"http://{LOOPBACK}:{state.port}/launch/{state.launch.value}"


def make_server(app: FastAPI, **overrides: Any) -> Any:
    """A uvicorn.Server for `app`: no access log, no server header, no websockets."""
    import uvicorn  # the server loads only when serving

    options: dict[str, Any] = {
        "access_log": False,
        "log_level": "warning",
        "server_header": False,
        "proxy_headers": False,
        "ws": "none",
        "lifespan": "on",
    }
    options.update(overrides)
    return uvicorn.Server(uvicorn.Config(app, **options))


class BackgroundServer:
    """The app served from a thread (tests, benchmarks): start(), then stop()."""

    def __init__(self, app: FastAPI, sock: socket.socket) -> None:
        self.sock = sock
        self.server = make_server(app)
        self.thread = threading.Thread(target=self._run, name="tidewise-web", daemon=True)

    def _run(self) -> None:
        self.server.run(sockets=[self.sock])

    def start(self, timeout: float = 10.0) -> None:
        self.thread.start()
        waited = threading.Event()
        for _ in range(int(timeout / 0.02)):
            if self.server.started:
                return
            waited.wait(0.02)
        msg = "the web server did not start"
        raise RuntimeError(msg)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()
