"""Hundreds of broken files: every one refused with one clear line naming the file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.formats.malformed import build_corpus
from tidewise.errors import ImportFormatError
from tidewise.formats import get_importer, importers
from tidewise.formats.base import ImportOptions

OPTIONS = ImportOptions(zone="UTC", mood_map={"so-so": 3})


def test_every_broken_file_is_refused_with_a_clear_line(tmp_path: Path) -> None:
    cases = build_corpus(tmp_path)
    assert len(cases) >= 500
    for fmt, path, why in cases:
        with pytest.raises(ImportFormatError) as err:
            get_importer(fmt).parse(path, OPTIONS)
        message = str(err.value)
        assert "\n" not in message, why
        assert str(path) in message, why
        assert message.endswith("Nothing was imported."), why


def test_random_bytes_never_crash_any_importer(tmp_path: Path) -> None:
    """Fuzzed files: each importer either refuses cleanly or reads something; nothing else."""
    rng = random.Random(11)
    seeds = sorted((Path(__file__).parent / "fixtures").glob("*.*"))
    for i in range(120):
        seed = seeds[i % len(seeds)].read_bytes()
        data = bytearray(seed)
        for _ in range(rng.randrange(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path = tmp_path / f"fuzz{i}"
        path.write_bytes(bytes(data))
        for importer in importers().values():
            if importer.name == "folder":
                continue
            try:
                importer.parse(path, OPTIONS)
            except ImportFormatError as err:
                assert "\n" not in str(err)
