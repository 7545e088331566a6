"""`tidewise grounding`: a short grounding exercise, with no journal or passphrase needed."""

from __future__ import annotations

from tidewise.cli import app
from tidewise.cli.console import out


@app.command("grounding")
def grounding() -> None:
    """A two-to-three-minute grounding exercise for when a feeling is too big. No journal needed.

    Example: tidewise grounding
    """
    from tidewise.lessons.grounding import GROUNDING

    out(GROUNDING.render().rstrip("\n"))
