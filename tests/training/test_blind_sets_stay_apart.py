"""The blind safety sets stay apart from what the screen's encoder trains on.

Writers who never saw each other's files sometimes write the same short sentence ("dying
for a cuppa honestly"). Since round 5 such sentences are taken out of the new training
files before training (never out of a blind set). The older training files keep the few
that match blind sets written later; the encoder has read them, so they are counted here,
and a new overlap fails this test instead of quietly making a blind figure less blind.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.bench_safety import loose

ROOT = Path(__file__).resolve().parents[2]
# Blind items that match a training sentence (after lower-casing and dropping
# punctuation), per blind file: all from training files written before the blind set.
KNOWN_OVERLAP = {
    "blind.jsonl": 17,
    "safety_blind2/crisis.jsonl": 1,
    "safety_blind2/lookalikes.jsonl": 0,
    "safety_blind3/crisis.jsonl": 0,
    "safety_blind3/lookalikes.jsonl": 3,
    "safety_blind4/crisis.jsonl": 1,
    "safety_blind4/lookalikes.jsonl": 2,
    "safety_blind5/crisis.jsonl": 1,
    "safety_blind5/lookalikes.jsonl": 0,
    "safety_blind6/crisis.jsonl": 1,
    "safety_blind6/lookalikes.jsonl": 2,
    "safety_blind7/crisis.jsonl": 0,
    "safety_blind7/lookalikes.jsonl": 5,
    "safety_blind8/crisis.jsonl": 1,
    "safety_blind8/lookalikes.jsonl": 5,
    "safety_blind9/crisis.jsonl": 0,
    "safety_blind9/lookalikes.jsonl": 7,
    "safety_blind10/crisis.jsonl": 3,
    "safety_blind10/lookalikes.jsonl": 5,
}


def _texts(path: Path) -> list[str]:
    lines = path.read_text("utf-8").splitlines()
    return [loose(str(json.loads(line)["text"])) for line in lines if line.strip()]


def test_no_blind_item_is_trained_on_beyond_the_known_few() -> None:
    from training.safety_encoder import FILES

    trained = {t for name in FILES.train for t in _texts(ROOT / "corpus" / "safety" / name)}
    blind = {"blind.jsonl": ROOT / "corpus" / "safety" / "blind.jsonl"}
    for path in sorted((ROOT / "validation").glob("safety_blind*/*.jsonl")):
        blind[f"{path.parent.name}/{path.name}"] = path
    assert set(blind) == set(KNOWN_OVERLAP)  # a new blind set is added here on purpose
    overlap = {name: sum(t in trained for t in _texts(path)) for name, path in blind.items()}
    assert overlap == KNOWN_OVERLAP
