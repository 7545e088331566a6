"""Issue 11: the person corrects a sentence's reading and the journal's reader learns.

Runs the real engine (the fake analyser cannot embed or learn): `show --json` numbering,
`correct` one by one and from JSON Lines (bad lines refused by number, nothing applied),
`corrections` with undo and forget-all, `classify --journal`, re-reading the past, the
export/import round trip, and no plaintext of a corrected sentence outside the store.
"""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.test_privacy import _leaks
from tidewise.corrections import Request
from tidewise.journal import Journal
from tidewise.settings import PASSPHRASE_ENV, Settings

pytestmark = pytest.mark.model

ENTRY = "I went to the spare room again. He tried to talk and I walked out. I miss him so much."


@pytest.fixture
def home(settings: Settings, passphrase: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    Journal.create(settings, passphrase).close()
    monkeypatch.setenv(PASSPHRASE_ENV, passphrase)
    return settings.home


def _process(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """A real `tidewise` process: exit codes and one-line messages as a person sees them."""
    return subprocess.run(
        [sys.executable, "-m", "tidewise", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _write(text: str) -> int:
    result = run("write", stdin=text)
    assert result.exit_code == 0, result.stderr
    return int(json.loads(run("list", "--json").stdout)[0]["id"])


def _shown(entry_id: int) -> dict:  # type: ignore[type-arg]
    result = run("show", str(entry_id), "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_show_numbers_sentences_from_one_with_label_scores_and_reply(home: Path) -> None:
    shown = _shown(_write(ENTRY))
    numbers = [s["number"] for s in shown["sentences"]]
    assert numbers == [1, 2, 3]
    assert shown["sentences"][2]["text"].startswith("I miss him")
    assert set(shown["sentences"][0]["scores"]) >= {"reaching", "withdrawing", "neutral"}
    assert shown["reply"]["kind"] in ("reflection", "check_in", "safety")
    text = run("show", str(shown["id"])).stdout
    assert " 3. [" in text


def test_a_correction_changes_the_entry_at_once_and_can_be_undone(home: Path) -> None:
    entry_id = _write(ENTRY)
    before = _shown(entry_id)
    assert before["analysis"]["phase"] == "withdrawing"
    for number in (1, 2):
        assert run("correct", str(entry_id), str(number), "Reaching").exit_code == 0
    after = _shown(entry_id)
    assert [s["label"] for s in after["sentences"][:2]] == ["reaching", "reaching"]
    assert after["sentences"][0]["correction"] == "reaching"
    assert after["sentences"][0]["reader_label"] in ("withdrawing", "reaching")  # it learns
    assert after["analysis"]["phase"] == "reaching"
    assert "+p-" in after["analysis"]["version"]  # read by this journal's personal layer
    listed = json.loads(run("corrections", "--json").stdout)
    assert [(c["sentence"], c["was"], c["label"]) for c in listed] == [
        (1, "withdrawing", "reaching"),
        (2, "withdrawing", "reaching"),
    ]
    assert run("corrections", "--undo", str(listed[0]["id"])).exit_code == 0
    assert _shown(entry_id)["sentences"][0]["label"] == "withdrawing"
    forgot = run("corrections", "--forget-all")
    assert forgot.exit_code == 0 and "Forgot 1 correction." in forgot.stderr
    final = _shown(entry_id)
    assert final["analysis"] == before["analysis"]  # the shipped reading, exactly


def test_not_sure_keeps_the_reading_but_leaves_the_summary(home: Path) -> None:
    entry_id = _write("He tried to talk and I walked out.")
    assert _shown(entry_id)["analysis"]["movement"] == "away"
    assert run("correct", str(entry_id), "1", "not sure").exit_code == 0
    shown = _shown(entry_id)
    assert shown["sentences"][0]["correction"] == "unsure"
    assert shown["analysis"]["movement"] == "still"


def test_jsonl_applies_all_or_nothing_and_names_bad_lines(home: Path, tmp_path: Path) -> None:
    entry_id = _write(ENTRY)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"entry": entry_id, "sentence": 1, "label": "reaching"})
        + "\nnot json\n"
        + json.dumps({"entry": entry_id, "sentence": 9, "label": "reaching"})
        + "\n"
        + json.dumps({"entry": entry_id, "sentence": 2, "label": "angry"})
        + "\n",
        encoding="utf-8",
    )
    refused = _process("correct", "--jsonl", str(bad))
    assert refused.returncode == 1
    assert "line 2:" in refused.stderr and "Nothing was applied." in refused.stderr
    assert run("corrections", "--json").stdout.strip() == "[]"
    bad.write_text(
        json.dumps({"entry": entry_id, "sentence": 9, "label": "reaching"})
        + "\n"
        + json.dumps({"entry": entry_id, "sentence": 2, "label": "angry"})
        + "\n",
        encoding="utf-8",
    )
    refused = _process("correct", "--jsonl", str(bad))
    assert "line 1:" in refused.stderr and "no 9" in refused.stderr
    assert "line 2: Unknown label" in refused.stderr
    assert run("corrections", "--json").stdout.strip() == "[]"
    good = "\n".join(
        json.dumps({"entry": entry_id, "sentence": n, "label": label})
        for n, label in ((1, "withdrawing"), (3, "exhaustion"))
    )
    applied = run("correct", "--jsonl", "-", stdin=good + "\n")
    assert applied.exit_code == 0 and "Applied 2 corrections." in applied.stderr
    assert len(json.loads(run("corrections", "--json").stdout)) == 2


def test_single_correction_errors_are_clear_and_change_nothing(home: Path) -> None:
    entry_id = _write(ENTRY)
    for args, words in (
        (("999", "1", "reaching"), "There is no entry 999."),
        ((str(entry_id), "0", "reaching"), "no 0"),
        ((str(entry_id), "1", "furious"), "Unknown label"),
        ((str(entry_id), "1"), "Give ID N LABEL"),
    ):
        result = _process("correct", *args)
        assert result.returncode == 1 and words in result.stderr, (args, result.stderr)
        assert "spare room" not in result.stderr
    assert run("corrections", "--json").stdout.strip() == "[]"


def test_classify_through_the_journal_learns_the_persons_words(home: Path) -> None:
    garden = [
        "I watered the tomatoes this evening.",
        "I spent an hour weeding the beds.",
        "I planted the last of the bulbs by the fence.",
        "I pruned the roses after dinner.",
        "I dug over the vegetable patch.",
        "I repotted the geraniums on the porch.",
        "I raked the leaves off the lawn.",
        "I mulched the strawberries before the frost.",
        "I cut back the lavender along the path.",
        "I sowed the sweet peas in the greenhouse.",
        "I tied up the runner beans.",
        "I deadheaded the dahlias in the rain.",
    ]
    ids = [_write(text) for text in garden]
    lines = [json.dumps({"entry": i, "sentence": 1, "label": "withdrawing"}) for i in ids]
    assert run("correct", "--jsonl", "-", stdin="\n".join(lines) + "\n").exit_code == 0
    probe = json.dumps({"id": "x", "text": "I weeded the herb garden until it was dark."})
    plain = json.loads(run("classify", stdin=probe + "\n").stdout)
    personal = json.loads(run("classify", "--journal", stdin=probe + "\n").stdout)
    assert plain["label"] == "neutral"
    assert personal["label"] == "withdrawing"  # gardening is how this person pulls away
    said = json.dumps({"id": 1, "text": garden[0]})
    assert json.loads(run("classify", "--journal", stdin=said + "\n").stdout)["label"] == (
        "withdrawing"
    )
    stale = run("reanalyze")
    assert stale.exit_code == 0
    assert "+p-" in _shown(ids[0])["analysis"]["version"]


def test_export_and_import_keep_the_corrections(
    home: Path, tmp_path: Path, settings: Settings, passphrase: str
) -> None:
    entry_id = _write(ENTRY)
    assert run("correct", str(entry_id), "3", "reaching").exit_code == 0
    out = tmp_path / "out.json"
    assert run("export", "--format", "json", "--out", str(out)).exit_code == 0, "export"
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["corrections"][0]["label"] == "reaching"
    other = Settings(home=tmp_path / "other", kdf=settings.kdf)
    Journal.create(other, passphrase).close()
    imported = run("--journal", str(other.home), "import", str(out))
    assert imported.exit_code == 0, imported.stderr
    with Journal.open(other, passphrase) as journal:
        (back,) = journal.corrections()
        entry = journal.get(back.entry_id)
    assert (back.sentence, back.was, back.label) == (3, "exhaustion", "reaching")
    assert entry.analysis is not None and entry.analysis.sentences[2].label == "reaching"


def test_no_corrected_sentence_reaches_any_file_in_plaintext(
    settings: Settings, passphrase: str
) -> None:
    canary = "Kanarie" + secrets.token_hex(6)
    with Journal.create(settings, passphrase) as journal:
        entry = journal.write(f"I sat in the car with {canary} for an hour. Then I went in.")
        journal.correct([Request(entry.id, 1, "withdrawing")])
        journal.backup()
        assert journal.corrections()[0].text.startswith("I sat in the car")
    assert _leaks([settings.home], [canary]) == []
