"""The wheel carries every data file the package needs at run time.

A missing template, lesson, weight file or static asset would only show on a
user's machine, so the test builds the real wheel and compares its file list
with the data files in the source tree.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA_DIRS = ("data", "content", "templates", "static")


def _source_data_files() -> set[str]:
    found = set()
    for path in (ROOT / "tidewise").rglob("*"):
        if path.is_file() and path.parent.name in DATA_DIRS and "__pycache__" not in path.parts:
            found.add(path.relative_to(ROOT).as_posix())
    return found


@pytest.mark.slow
def test_the_wheel_holds_every_template_lesson_weight_and_asset(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("tidewise-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = _source_data_files()
    assert expected, "no data files found in the source tree"
    assert expected <= names, sorted(expected - names)
