"""Fixtures for the format tests: the sample files, with zips built from their JSON."""

from __future__ import annotations

import base64
import zipfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def day_one_zip(tmp_path: Path) -> Path:
    path = tmp_path / "Export.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Journal.json", (FIXTURES / "day_one_Journal.json").read_text("utf-8"))
        z.writestr("photos/abc.jpeg", b"\xff\xd8not really a photo")
    return path


@pytest.fixture
def daylio_backup(tmp_path: Path) -> Path:
    path = tmp_path / "backup.daylio"
    doc = (FIXTURES / "daylio_backup.json").read_bytes()
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("backup.daylio", base64.b64encode(doc))
    return path
