"""Running the CLI in-process, as the tests do."""

from __future__ import annotations

from typer.testing import CliRunner, Result

from tidewise.cli import app


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=stdin)
