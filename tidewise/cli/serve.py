"""`tidewise serve`: the local web UI, on 127.0.0.1 only.

The first line of stdout is the address to open (it carries a one-time launch token);
messages go to stderr. Stopping the server (Ctrl+C) locks the journal: the key lives
only in this process's memory while the journal is open in the browser.
"""

from __future__ import annotations

import threading
from typing import Annotated

import typer

from tidewise.cli import app
from tidewise.cli.console import out, say
from tidewise.settings import Settings


@app.command()
def serve(
    ctx: typer.Context,
    port: Annotated[
        int, typer.Option("--port", help="Port on 127.0.0.1 (default: a free one).")
    ] = 0,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the address in your web browser.")
    ] = False,
    idle_minutes: Annotated[
        int,
        typer.Option("--idle-minutes", min=1, max=30, help="Lock after this many idle minutes."),
    ] = 5,
    check: Annotated[
        bool, typer.Option("--check", help="Check templates, lessons and assets, then exit.")
    ] = False,
) -> None:
    """Open your journal in your web browser, served only to this computer.

    Example: tidewise serve --open
    """
    from tidewise.web.app import create_app
    from tidewise.web.server import bind_socket, fallback_url, launch_url, make_server

    journal = ctx.obj.get("journal") if isinstance(ctx.obj, dict) else None
    settings = Settings.resolve(journal)
    if check:
        _check(settings)
        return
    sock = bind_socket(port)
    web = create_app(
        settings, port=sock.getsockname()[1], idle_minutes=idle_minutes, warm_analyzer=True
    )
    url = launch_url(web.state.web)
    out(url)  # the first line of stdout: the address with its one-time token
    say("Tidewise is running for this computer only. Open the address above in your browser.")
    say(
        "If your browser cannot find that address (Safari cannot), open this one instead; "
        f"it is less private, see SECURITY.md: {fallback_url(web.state.web)}"
    )
    say(f"It locks after {idle_minutes} idle minutes. Press Ctrl+C to stop and lock.")
    if open_browser:
        threading.Timer(0.5, _open, args=(url,)).start()
    try:
        make_server(web).run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # uvicorn re-raises Ctrl+C after its clean shutdown; stopping is the intent
    finally:
        web.state.web.shutdown()
        sock.close()
    say("Stopped. The journal is locked.")


def _open(url: str) -> None:
    import webbrowser  # only with --open

    webbrowser.open(url)


def _check(settings: Settings) -> None:
    """Build the app and load every template, reading, reflection and bundled asset."""
    from tidewise.web.checks import check_assets

    problems = check_assets(settings)
    for problem in problems:
        say(f"tidewise serve --check: {problem}")
    if problems:
        raise typer.Exit(1)
    say("The web UI's templates, lessons and assets are all in place.")
