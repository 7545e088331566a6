"""`tidewise classify` and `tidewise analyze`: the JSON contracts that scripts read.

Through Typer's runner (stdout and stderr apart) and as real processes (exit codes,
what a cold `tidewise --help` imports).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tidewise.cli import app
from tidewise.cycle.labels import LABEL_NAMES

TOP_KEYS = {"sentences", "movement", "phase", "shame", "shame_voice", "distancing", "safety"}


def _run(*args: str, stdin: str = "") -> Result:
    return CliRunner().invoke(app, list(args), input=stdin)


def _process(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TIDEWISE_PASSPHRASE"}
    return subprocess.run(
        [sys.executable, "-m", "tidewise", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
    )


def test_help_imports_neither_the_model_runtime_nor_the_tokenizer() -> None:
    code = (
        "import sys\n"
        "from tidewise.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('onnxruntime', 'tokenizers', 'sklearn') if m in sys.modules),"
        " file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert "classify" in done.stdout and "analyze" in done.stdout


def test_classify_help_says_long_texts_are_cut() -> None:
    result = _run("classify", "--help")
    assert result.exit_code == 0
    assert "256 tokens" in result.stdout


@pytest.mark.model
def test_classify_answers_each_line_in_order_with_every_score() -> None:
    lines = [
        {"id": "a", "text": "I let him hold me on the couch"},
        {"id": 2, "text": "I moved into the spare room"},
        {"id": None, "text": ""},
    ]
    result = _run("classify", stdin="\n".join(json.dumps(x) for x in lines) + "\n")
    assert result.exit_code == 0, result.stderr
    answers = [json.loads(x) for x in result.stdout.splitlines()]
    assert [a["id"] for a in answers] == ["a", 2, None]
    for answer in answers:
        assert answer["label"] in LABEL_NAMES
        assert list(answer["scores"]) == list(LABEL_NAMES)
        assert sum(answer["scores"].values()) == pytest.approx(1.0, abs=1e-3)
    assert result.stderr == ""


@pytest.mark.model
def test_classify_names_a_malformed_line_and_still_answers_the_others() -> None:
    stdin = (
        '{"id": 1, "text": "I miss us"}\n'
        "my secret diary line\n"
        "\n"
        '{"id": 3}\n'
        '{"id": 4, "text": "he left for work"}\n'
    )
    done = _process("classify", stdin=stdin)
    assert done.returncode == 1
    assert [json.loads(x)["id"] for x in done.stdout.splitlines()] == [1, 4]
    assert "line 2" in done.stderr and "line 4" in done.stderr
    assert "secret" not in done.stderr


@pytest.mark.model
def test_classify_needs_no_journal_or_passphrase(tmp_path: Path) -> None:
    done = _process("--journal", str(tmp_path / "none"), "classify", stdin='{"id":1,"text":"ok"}\n')
    assert done.returncode == 0
    assert json.loads(done.stdout)["id"] == 1


@pytest.mark.model
def test_analyze_prints_the_full_analysis_of_stdin() -> None:
    text = "He held my hand at dinner. Then I hated myself for it. I slept on the couch."
    result = _run("analyze", stdin=text)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert TOP_KEYS <= set(data)
    assert len(data["sentences"]) == 3
    first = data["sentences"][0]
    assert {"text", "label", "scores", "evidence"} <= set(first)
    assert set(data["safety"]) >= {"concern", "kinds", "resources"}


@pytest.mark.model
def test_analyze_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "entry.txt"
    path.write_text("I am so tired of fighting.", encoding="utf-8")
    done = _process("analyze", "--file", str(path))
    assert done.returncode == 0
    assert json.loads(done.stdout)["sentences"][0]["label"] in LABEL_NAMES


def test_analyze_of_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    done = _process("analyze", "--file", str(tmp_path / "absent.txt"))
    assert done.returncode == 1
    assert done.stdout == ""
    assert "could not be read" in done.stderr


@pytest.mark.model
def test_analyze_jsonl_answers_one_object_per_good_line() -> None:
    stdin = '{"id": "x", "text": "I miss him."}\n[1, 2]\n{"id": "y", "text": ""}\n'
    done = _process("analyze", "--jsonl", stdin=stdin)
    assert done.returncode == 1
    answers = [json.loads(x) for x in done.stdout.splitlines()]
    assert [a["id"] for a in answers] == ["x", "y"]
    assert TOP_KEYS <= set(answers[0])
    assert answers[1]["note"]
    assert "line 2" in done.stderr


@pytest.mark.model
@pytest.mark.parametrize("stdin", ["", "   \n", "😭😭", "<html><body></body></html>"])
def test_analyze_says_plainly_when_nothing_can_be_said(stdin: str) -> None:
    done = _process("analyze", stdin=stdin)
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["sentences"] == []
    assert data["note"]


@pytest.mark.model
def test_analyze_survives_bytes_that_are_not_utf8() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tidewise", "analyze"],
        input=b"\xff\xfe\x00garbage\x80\x81 I miss him",
        capture_output=True,
    )
    assert done.returncode == 0
    assert "sentences" in json.loads(done.stdout)
