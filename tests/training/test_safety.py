"""The safety layer's training reads what it may and nothing it must not: never the
blind measuring set, never the dev fifth of the split files (scikit-learn is not needed
for these)."""

from __future__ import annotations

import json
from pathlib import Path

from training.safety import (
    NEVER_TRAIN_ON,
    ORDINARY_FILE,
    SAFETY_FILES,
    SPLIT_FILES,
    dev_rows,
    is_dev,
    read_data,
)


def test_training_never_reads_the_blind_set(tmp_path: Path) -> None:
    assert NEVER_TRAIN_ON == "blind.jsonl" and NEVER_TRAIN_ON not in SAFETY_FILES
    (tmp_path / "safety").mkdir()
    for name in SAFETY_FILES:
        row = {"text": f"A line from {name} about the garden.", "kind": None}
        (tmp_path / "safety" / name).write_text(json.dumps(row) + "\n", encoding="utf-8")
    blind = {"text": "A measuring line that must stay unread.", "kind": "self_harm"}
    (tmp_path / "safety" / NEVER_TRAIN_ON).write_text(json.dumps(blind) + "\n", encoding="utf-8")
    ordinary = {"text": "We planted tomatoes."}
    (tmp_path / "safety" / ORDINARY_FILE).write_text(json.dumps(ordinary) + "\n", encoding="utf-8")
    data = read_data(tmp_path)
    held = sum(is_dev(f"A line from {name} about the garden.") for name in SPLIT_FILES)
    assert len(data.texts) == len(SAFETY_FILES) - held + 1
    assert blind["text"] not in data.texts
    assert data.sources.count("ordinary") == 1


def test_training_never_reads_the_dev_fifth_of_the_split_files(tmp_path: Path) -> None:
    (tmp_path / "safety").mkdir()
    lines = [
        f"Line {n} of the newest writer's look-alikes, about the allotment." for n in range(40)
    ]
    for name in SAFETY_FILES:
        rows = [{"text": t, "kind": "none"} for t in lines] if name == SPLIT_FILES[1] else []
        text = "".join(json.dumps(r) + "\n" for r in rows)
        (tmp_path / "safety" / name).write_text(text, encoding="utf-8")
    (tmp_path / "safety" / ORDINARY_FILE).write_text("", encoding="utf-8")
    held = {t for t in lines if is_dev(t)}
    assert 0 < len(held) < len(lines)  # about a fifth, by a seeded hash of the text
    data = read_data(tmp_path)
    assert held.isdisjoint(data.texts)
    assert set(data.texts) == set(lines) - held
    assert {r["text"] for r in dev_rows(tmp_path)} == held
    assert all(label == 0 for label in data.labels)  # kind "none" reads as a look-alike


def test_the_shipped_head_never_reads_the_new_writers_and_the_trial_splits_them(
    tmp_path: Path,
) -> None:
    from training.safety import NOT_READ_YET, SHIPPED, WITH_NEW_WRITERS

    (tmp_path / "safety").mkdir()
    lines = [f"Line {n} from a new writer, about the bus home." for n in range(40)]
    for name in WITH_NEW_WRITERS.train:
        rows = [{"text": f"{name}: {t}", "kind": "none"} for t in lines]
        text = "".join(json.dumps(r) + "\n" for r in rows)
        (tmp_path / "safety" / name).write_text(text, encoding="utf-8")
    (tmp_path / "safety" / ORDINARY_FILE).write_text("", encoding="utf-8")
    new_sources = {Path(name).stem for name in NOT_READ_YET}
    assert not new_sources & set(read_data(tmp_path, SHIPPED).sources)
    trial = read_data(tmp_path, WITH_NEW_WRITERS)
    assert new_sources <= set(trial.sources)
    dev = {str(r["text"]) for r in dev_rows(tmp_path, WITH_NEW_WRITERS)}
    assert dev and not dev & set(trial.texts)  # the new writers' dev fifths stay unread


def test_the_encoder_trains_on_every_writer_but_never_on_what_sets_its_thresholds(
    tmp_path: Path,
) -> None:
    from tidewise.analysis.features import model_text
    from training.safety import (
        NOT_READ_YET,
        ROUND5_WRITERS,
        ROUND6_LATE_WRITERS,
        ROUND6_WRITERS,
        ROUND7_LAST_WRITERS,
        ROUND7_LATE_WRITERS,
        ROUND7_WRITERS,
        ROUND8_WRITERS,
        ROUND9_WRITERS,
        ROUND10_WRITERS,
        ROUND11_WRITERS,
        WITH_NEW_WRITERS,
    )
    from training.safety_encoder import FILES, held_out, training_rows, with_neighbours

    newer = {
        *ROUND5_WRITERS,
        *ROUND6_WRITERS,
        *ROUND6_LATE_WRITERS,
        *ROUND7_WRITERS,
        *ROUND7_LATE_WRITERS,
        *ROUND7_LAST_WRITERS,
        *ROUND8_WRITERS,
        *ROUND9_WRITERS,
    }
    assert set(WITH_NEW_WRITERS.train) | newer == set(FILES.train)
    assert not set(ROUND10_WRITERS + ROUND11_WRITERS) & set(FILES.train)  # 2.6's blind reading
    assert newer <= set(FILES.split) and NEVER_TRAIN_ON not in FILES.train
    (tmp_path / "safety").mkdir()
    lines = [f"Line {n} from a writer, about the drive to work." for n in range(40)]
    for name in FILES.train:
        kind = "self_harm" if "crisis" in name else "none"
        rows = [{"text": f"{name}: {t}", "kind": kind} for t in lines]
        text = "".join(json.dumps(r) + "\n" for r in rows)
        (tmp_path / "safety" / name).write_text(text, encoding="utf-8")
    for name in FILES.ordinary:
        ordinary = [{"text": f"We planted row {n} of {name}."} for n in range(40)]
        text = "".join(json.dumps(r) + "\n" for r in ordinary)
        (tmp_path / "safety" / name).write_text(text, encoding="utf-8")
    data, ordinary_dev = training_rows(tmp_path)
    assert {Path(n).stem for n in NOT_READ_YET} <= set(data.sources)
    assert ordinary_dev and not set(ordinary_dev) & set(data.texts)  # held-out ordinary
    held = [s for entry in held_out(tmp_path, crisis=True) for s in entry]
    held += [s for entry in held_out(tmp_path, crisis=False) for s in entry]
    # Compared as training reads them (model_text), so a cleaned copy cannot slip through.
    assert held and not {model_text(s) for s in held} & set(data.texts)
    assert {model_text(s) for s in held} <= {
        model_text(f"{n}: {t}") for n in FILES.train for t in lines
    }
    # The copies read inside ordinary sentences hold no held-out sentence either.
    seen = with_neighbours(data)
    assert len(seen.texts) > len(data.texts)
    assert not any(o in t for o in ordinary_dev for t in seen.texts[len(data.texts) :])


def test_some_rows_are_seen_again_inside_ordinary_sentences_with_their_label() -> None:
    import numpy as np

    from training.safety import ORDINARY, Data
    from training.safety_encoder import with_neighbours

    texts = [f"Crisis row {n}." for n in range(30)] + [f"Ordinary row {n}." for n in range(30)]
    data = Data(
        texts=texts,
        labels=np.asarray([1] * 30 + [0] * 30),
        sources=["train6a_crisis"] * 30 + [ORDINARY] * 30,
        rules=np.zeros(60, dtype=bool),
    )
    seen = with_neighbours(data)
    assert seen.texts[:60] == texts and with_neighbours(data).texts == seen.texts  # seeded
    extra = seen.texts[60:]
    assert 15 <= len(extra) <= 45  # about half
    for text, label in zip(extra, seen.labels[60:], strict=True):
        parts = [p if p.endswith(".") else p + "." for p in text.split(". ")]
        assert 2 <= len(parts) <= 3 and set(parts) <= set(texts)
        crisis = [p for p in parts if p.startswith("Crisis")]
        assert len(crisis) <= 1  # one row, with ordinary sentences around it
        assert label == (1 if crisis else 0)
