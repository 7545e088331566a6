"""Where the browser tests put their screenshots.

A test run must leave the working tree as it found it, so screenshots go to a
temporary folder. The README's pictures in docs/screenshots/ are refreshed only on
request: `make screenshots` sets TIDEWISE_REFRESH_SCREENSHOTS=1 and runs the browser
tests, which then write there.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
REFRESH = "TIDEWISE_REFRESH_SCREENSHOTS"


def refreshing_docs(environ: Mapping[str, str] = os.environ) -> bool:
    """True only when someone asked for the README's pictures to be rewritten."""
    return environ.get(REFRESH, "") == "1"


def screenshot_folder(temporary: Path, environ: Mapping[str, str] = os.environ) -> Path:
    """docs/screenshots/ when refreshing the docs, else the given temporary folder."""
    folder = DOCS_SHOTS if refreshing_docs(environ) else temporary
    folder.mkdir(parents=True, exist_ok=True)
    return folder
