"""The command line: thin Typer commands over the Journal facade.

`main()` is the single exit point: it translates TidewiseError into one line on
stderr and its `exit_code` (0 ok, 1 usage or input, 2 wrong passphrase, 3 damaged
store; scripts rely on them). Full tracebacks only with --debug,
and never with local variables, which could hold entry text or a passphrase.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from tidewise.errors import TidewiseError

app = typer.Typer(
    name="tidewise",
    help="A private, encrypted journal that sees the tide of reaching and pulling away.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help text: rich's renderer costs ~70 ms of start-up on every `--help`.
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
)

# Each module registers its commands on `app` when imported. Add new ones here.
_COMMAND_MODULES: tuple[str, ...] = (
    "tidewise.cli.entries",
    "tidewise.cli.corrections",
    "tidewise.cli.lessons",
    "tidewise.cli.safety",
    "tidewise.cli.reply_view",
    "tidewise.cli.analyze",
    "tidewise.cli.tide",
    "tidewise.cli.transfer",
    "tidewise.cli.report",
    "tidewise.cli.serve",
    "tidewise.cli.grounding",
)


@app.callback()
def _root(
    ctx: typer.Context,
    journal: Annotated[
        Path | None,
        typer.Option(
            "--journal", help="Journal folder (default: TIDEWISE_HOME or your data folder)."
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks.")] = False,
) -> None:
    ctx.obj = {"journal": journal}
    if debug:
        os.environ["TIDEWISE_DEBUG"] = "1"


for _name in _COMMAND_MODULES:
    importlib.import_module(_name)


def _end_cleanly(signum: int, frame: object) -> None:
    """SIGTERM/SIGHUP end the command like Ctrl-C would: `finally` blocks still run, so
    a half-written export or backup is removed and an open transaction rolls back."""
    raise SystemExit(128 + signum)


def _prepare_process() -> None:
    import signal

    from tidewise.private_files import restrict_umask

    restrict_umask()  # everything this process writes is private, whatever the umask
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _end_cleanly)


def _run(argv: list[str] | None) -> object:
    try:
        return app(args=argv, standalone_mode=False)
    finally:
        _join_helper_threads()


def _join_helper_threads(timeout_s: float = 30.0) -> None:
    """No helper thread (model warm-up, early unlock) may outlive the command: native
    code cut off at interpreter exit can abort the process (exit 134)."""
    import threading

    for thread in threading.enumerate():
        if thread is not threading.current_thread() and thread.name.startswith("tidewise-"):
            thread.join(timeout_s)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; the one place errors become exit codes."""
    from tidewise.cli.session import start_early_unlock

    _prepare_process()
    start_early_unlock(sys.argv if argv is None else ["tidewise", *argv])
    try:
        code = _run(argv)
    except TidewiseError as err:
        if os.environ.get("TIDEWISE_DEBUG"):
            raise
        print(f"tidewise: {err.message}", file=sys.stderr)
        if err.hint:
            print(err.hint, file=sys.stderr)
        sys.exit(err.exit_code)
    except typer.Abort:
        print("tidewise: cancelled; nothing was changed.", file=sys.stderr)
        sys.exit(1)
    except Exception as err:  # click usage errors arrive here in non-standalone mode
        import click

        # typer >= 0.29 vendors click: its usage errors are typer.TyperException, not click's.
        if isinstance(err, click.ClickException | typer.TyperException) and hasattr(err, "show"):
            err.show()
            sys.exit(1)
        if os.environ.get("TIDEWISE_DEBUG"):
            raise
        # Type name only: a message or traceback could carry entry text.
        print(
            f"tidewise: unexpected error ({type(err).__name__}); run with --debug for details.",
            file=sys.stderr,
        )
        sys.exit(1)
    # In non-standalone mode click returns the exit code of typer.Exit, or the command's value.
    sys.exit(code if isinstance(code, int) else 0)
