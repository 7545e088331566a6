"""The wheel carries every data file the package needs at run time, and its licence.

A missing template, lesson, weight file or static asset would only show on a
user's machine, so the test builds the real wheel and compares its file list
with the data files in the source tree. The build (verbose, so the build backend's
warnings show) must not print setuptools' licence deprecation banner: the licence is
a PEP 639 SPDX string with its notice file.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Built:
    names: set[str]  # the files in the wheel
    metadata: str  # its METADATA
    log: str  # what the build printed


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    (wheel,) = folder.glob("tidewise-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        text = archive.read(metadata).decode("utf-8")
    return Built(names, text, done.stdout + done.stderr)


@pytest.mark.slow
def test_the_wheel_holds_every_template_lesson_weight_and_asset(built: Built) -> None:
    names = built.names
    expected = _source_data_files()
    assert expected, "no data files found in the source tree"
    assert expected <= names, sorted(expected - names)


@pytest.mark.slow
def test_the_licence_is_an_spdx_expression_with_its_notice_and_no_banner(built: Built) -> None:
    headers = built.metadata.split("\n\n", 1)[0].splitlines()
    assert "License-Expression: Apache-2.0" in headers
    assert "License-File: NOTICE" in headers
    assert not [h for h in headers if h.startswith("License:")], "the old free-text field"
    assert [n for n in built.names if n.endswith(".dist-info/licenses/NOTICE")]
    assert "Building wheel for tidewise" in built.log, "the build's own output was captured"
    assert "deprecated" not in built.log.lower()


@pytest.mark.slow
def test_the_training_code_stays_out_of_the_wheel(built: Built) -> None:
    assert any(n.startswith("tidewise/analysis/") for n in built.names)
    assert not [n for n in built.names if n.startswith("training/") or "/train" in n]
