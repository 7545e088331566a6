"""`create_app(settings, port=...)`: the web UI's one composition root (no module globals).

The app starts locked: the journal opens only when the person types the passphrase,
and its key lives only in this process until it locks (idle, quick exit, the Lock
button, or `serve` stopping). Middleware, outermost first: Starlette's error guard,
security headers on every response, the Host allow-list (before routing), the body
limit, and `CatchAll`, which keeps tracebacks out of the server log.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tidewise.settings import Settings
from tidewise.web.security import MAX_BODY_BYTES
from tidewise.web.state import DEFAULT_AUTO_LOCK_MINUTES, WebState

if TYPE_CHECKING:
    from fastapi import FastAPI

    from tidewise.analysis.types import Analyzer

STATIC_DIR = Path(__file__).parent / "static"
ROUTE_MODULES = (
    "session",
    "entries",
    "corrections",
    "drafts",
    "tide",
    "lessons",
    "prompts",
    "help",
    "export",
    "backup",
    "report",
    "imports",
    "settings",
)


def create_app(
    settings: Settings,
    *,
    port: int,
    analyzer: Analyzer | None = None,
    idle_minutes: int = DEFAULT_AUTO_LOCK_MINUTES,
    idle_seconds: float | None = None,
    launch_token: str | None = None,
    warm_analyzer: bool = False,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The app for one journal folder, served at 127.0.0.1:`port` / localhost:`port`.

    `idle_seconds` overrides the auto-lock minutes (tests); `launch_token` fixes the
    per-launch secret (default: a new random one, read it from `app.state.web.launch`).
    """
    import importlib

    # FastAPI and Starlette load only when the web UI starts (`tidewise --help` stays fast).
    from fastapi import FastAPI

    from tidewise.web import errors
    from tidewise.web.errors import CatchAll
    from tidewise.web.importing import ImportJobs
    from tidewise.web.rendering import make_templates
    from tidewise.web.rereading import Rereader
    from tidewise.web.security import BodyLimit, HeaderGuard, HostGuard

    state = WebState(
        settings,
        port=port,
        analyzer=analyzer,
        idle_minutes=idle_minutes,
        idle_seconds=idle_seconds,
        launch_token=launch_token,
        warm_analyzer=warm_analyzer,
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.shutdown()  # `serve` stops: forget the key

    app = FastAPI(debug=False, docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.web = state
    app.state.rereader = Rereader(state)
    app.state.imports = ImportJobs(state)
    app.state.templates = make_templates()
    errors.install(app)
    _add_static(app)
    for name in ROUTE_MODULES:
        module = importlib.import_module(f"tidewise.web.routes.{name}")
        app.include_router(module.router)
    # add_middleware wraps: the last added is the outermost.
    app.add_middleware(CatchAll)
    app.add_middleware(BodyLimit, limit=max_body_bytes, larger={"/import": upload_limit()})
    app.add_middleware(HostGuard, port=port, name=state.host_name)
    app.add_middleware(HeaderGuard)
    return app


def upload_limit() -> tuple[int, str]:
    """The import upload's body limit: the CLI's file limit plus the form around it."""
    from tidewise.formats.base import MAX_FILE_BYTES
    from tidewise.web.upload import UPLOAD_BODY_BYTES

    megabytes = MAX_FILE_BYTES // (1024 * 1024)
    return UPLOAD_BODY_BYTES, f"That file is larger than {megabytes} MB. Nothing was imported."


def _add_static(app: FastAPI) -> None:
    from fastapi.responses import FileResponse, Response
    from fastapi.staticfiles import StaticFiles

    from tidewise.web.plotly_assets import plotly_bundle, plotly_css

    bundle = plotly_bundle()

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(bundle, media_type="text/javascript")

    @app.get("/static/plotly.css", include_in_schema=False)
    def plotly_styles() -> Response:
        return Response(plotly_css(), media_type="text/css")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
