"""Drive the ASGI app directly with raw headers (bytes a real client library would refuse)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI


@dataclass(frozen=True)
class RawResponse:
    status: int
    headers: dict[bytes, bytes]
    body: bytes


async def _call(
    app: FastAPI,
    method: str,
    path: str,
    headers: Iterable[tuple[bytes, bytes]],
    chunks: list[bytes],
) -> RawResponse:
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": list(headers),
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8765),
        "state": {},
    }
    pending = list(chunks) or [b""]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if pending:
            body = pending.pop(0)
            return {"type": "http.request", "body": body, "more_body": bool(pending)}
        return {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(dict(message))

    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return RawResponse(start["status"], dict(start.get("headers", [])), body)


def call(
    app: FastAPI,
    method: str,
    path: str,
    headers: Iterable[tuple[bytes, bytes]] = (),
    chunks: list[bytes] | None = None,
) -> RawResponse:
    return asyncio.run(_call(app, method, path, headers, chunks or []))


def call_many(
    app: FastAPI, requests: list[tuple[str, str, list[tuple[bytes, bytes]]]]
) -> list[RawResponse]:
    """Many requests in one event loop (fast enough for thousands)."""

    async def run() -> list[RawResponse]:
        return [await _call(app, m, p, h, []) for m, p, h in requests]

    return asyncio.run(run())


async def websocket_close_code(app: FastAPI, host: bytes) -> int | None:
    scope: dict[str, Any] = {
        "type": "websocket",
        "asgi": {"version": "3.0"},
        "path": "/",
        "raw_path": b"/",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", host)],
        "scheme": "ws",
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8765),
        "subprotocols": [],
        "state": {},
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "websocket.connect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(dict(message))

    await app(scope, receive, send)
    closes = [m for m in sent if m["type"] == "websocket.close"]
    return int(closes[0]["code"]) if closes else None
