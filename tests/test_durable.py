"""Files are whole or absent: the old file survives a failed write, no temp file stays
behind, the plaintext waits in the scratch folder, and nothing is ever overwritten by
`new_file`. The failed writes are real: a child process whose file size limit stops the
write part-way, as a full disk would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tidewise import durable
from tidewise.errors import InputError

ROOT = Path(__file__).resolve().parent.parent

# Writes past 64 bytes fail with EFBIG (SIGXFSZ ignored), like a disk filling up mid-write.
LIMITED_WRITE = r"""
import resource, signal, sys
from pathlib import Path
from tidewise import durable
from tidewise.errors import TidewiseError

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))
target, how = Path(sys.argv[1]), sys.argv[2]
try:
    if how == "journal":
        durable.write_atomically(target, b"n" * 4096)
    else:
        with durable.atomic_binary_file(target) as stream:
            stream.write(b"n" * 4096)
except TidewiseError as error:
    print(type(error).__name__, error.exit_code)
"""


def _limited_write(target: Path, how: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", LIMITED_WRITE, str(target), how],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


def test_write_atomically_replaces_the_file_whole_and_private(tmp_path: Path) -> None:
    target = tmp_path / "journal.header"
    target.write_bytes(b"old")
    durable.write_atomically(target, b"new header")
    assert target.read_bytes() == b"new header"
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.header"]


@pytest.mark.parametrize("how", ["journal", "chosen"])
def test_a_write_cut_short_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path, how: str) -> None:
    target = tmp_path / "kept.txt"
    target.write_bytes(b"old")
    assert _limited_write(target, how) == "InputError 1"  # one clear line, exit code 1
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt"]


def test_a_block_that_fails_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old")
    with pytest.raises(RuntimeError), durable.atomic_text_file(target) as stream:
        stream.write("half of a new report")
        raise RuntimeError
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_the_plaintext_waits_in_scratch_until_it_is_whole(tmp_path: Path) -> None:
    scratch, chosen = tmp_path / "scratch", tmp_path / "chosen"
    scratch.mkdir()
    chosen.mkdir()
    with durable.atomic_text_file(chosen / "summary.html", scratch=scratch) as stream:
        stream.write("a report")
        stream.flush()
        assert [p.name[:9] for p in scratch.iterdir()] == [".partial-"]
        assert list(chosen.iterdir()) == []
    assert list(scratch.iterdir()) == []
    assert (chosen / "summary.html").read_text() == "a report"


def test_new_file_never_overwrites_and_says_where_it_went(tmp_path: Path) -> None:
    taken = tmp_path / "notes.json"
    taken.write_text("the person's own file")
    with durable.new_file(taken) as made:
        made.stream.write(b"{}")
    assert taken.read_text() == "the person's own file"
    assert made.path == tmp_path / "notes_2.json"
    assert made.path.read_bytes() == b"{}"


def test_free_names_give_up_with_a_clear_error(tmp_path: Path) -> None:
    names = durable.free_names(tmp_path / "a.txt")
    assert [next(names).name for _ in range(3)] == ["a.txt", "a_2.txt", "a_3.txt"]
    with pytest.raises(InputError):
        for _ in names:
            pass


def test_stale_temps_finds_only_the_leftovers_of_that_file(tmp_path: Path) -> None:
    target = tmp_path / "journal.header"
    left = tmp_path / ".journal.header.0a1b2c.tmp"
    left.write_bytes(b"")
    (tmp_path / ".journal.db.0a1b2c.tmp").write_bytes(b"")  # another file's
    assert durable.stale_temps(target) == [left]


def test_rename_puts_a_finished_file_in_place(tmp_path: Path) -> None:
    finished, target = tmp_path / ".journal.db.0a1b.partial", tmp_path / "journal.db"
    finished.write_bytes(b"new copy")
    target.write_bytes(b"old")
    durable.rename(finished, target)
    assert target.read_bytes() == b"new copy"
    assert not finished.exists()
