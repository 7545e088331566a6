"""A ten-year tide built from blind sentences: are the planted loops found?

Twelve loops are planted over ten years: entries of reaching, then shame for reaching,
then distance (withdrawing or punishing), then worn out, with quiet stretches of plain
telling in between. Each entry is two or three sentences drawn, by label, from the
blind sets in `validation/` (never trained on): once from the passages (posts
written without labels in mind, the harder source), once from the blind sentences.
The shipped engine reads each entry, the tide decodes the journal, and the table
counts the loops it finds. The same timeline with each entry's true label (one-hot)
shows what a perfect reader would give.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tidewise.cycle.labels import LABEL_NAMES
from tidewise.cycle.observation import Observation

ROOT = Path(__file__).resolve().parent.parent
VALIDATION = ROOT / "validation"
PLANTED = 12
LOOP = (
    ("reaching", 3),
    ("attachment_shame", 2),
    ("distance", 3),
    ("exhaustion", 2),
)


SOURCES = {
    "passages": "passages/*_sentences.jsonl",
    "blind sentences": "blind/*_sentences.jsonl",
}


def _sentences(source: str) -> dict[str, list[str]]:
    by_label: dict[str, list[str]] = {name: [] for name in LABEL_NAMES}
    for path in sorted(VALIDATION.glob(SOURCES[source])):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                by_label[row["label"]].append(row["text"])
    return by_label


def planted_journal(seed: int, source: str) -> list[tuple[datetime, str, str]]:
    """(time, true label, text) for every entry of a ten-year journal with 12 loops."""
    rng = random.Random(seed)
    pool = _sentences(source)
    start = datetime(2016, 1, 1, 21, 0, tzinfo=UTC)
    entries: list[tuple[datetime, str, str]] = []
    day = 0.0
    for loop in range(PLANTED):
        for _ in range(rng.randint(2, 4)):  # a quiet stretch of plain telling
            day += rng.uniform(5, 20)
            entries.append((start + timedelta(days=day), "neutral", _text(pool, "neutral", rng)))
        style = "withdrawing" if loop % 2 == 0 else "punishing"
        for phase, count in LOOP:
            label = style if phase == "distance" else phase
            for _ in range(count):
                day += rng.uniform(0.5, 3)
                entries.append((start + timedelta(days=day), label, _text(pool, label, rng)))
        day += rng.uniform(60, 180)
    day += rng.uniform(2, 6)
    entries.append((start + timedelta(days=day), "reaching", _text(pool, "reaching", rng)))
    return entries


def _text(pool: dict[str, list[str]], label: str, rng: random.Random) -> str:
    return " ".join(rng.choice(pool[label]) for _ in range(rng.randint(2, 3)))


def loops_found(seed: int, source: str) -> tuple[int, int, int]:
    """(entries, loops found with the shipped reader, loops found with true labels)."""
    from tidewise.analysis.engine import default_analyzer
    from tidewise.cycle.observation import probs_from_mapping
    from tidewise.cycle.tide import analyze_tide

    journal = planted_journal(seed, source)
    analyses = default_analyzer().analyze_many([text for _, _, text in journal])
    read = []
    for (moment, _, _), analysis in zip(journal, analyses, strict=True):
        probs = probs_from_mapping(analysis.label_mass)
        if probs is not None:
            read.append(Observation(time=moment, probs=probs))
    truth = [
        Observation(time=moment, probs=tuple(1.0 if n == label else 0.0 for n in LABEL_NAMES))
        for moment, label, _ in journal
    ]
    return len(journal), len(analyze_tide(read).loops), len(analyze_tide(truth).loops)


def run() -> str:
    lines = [
        "## Planted loops: a ten-year tide from blind sentences",
        "",
        f"{PLANTED} loops planted (reaching, shame for reaching, distance, worn out);"
        " bar: 8 to 16 found.",
        "",
        "| sentences from | seed | entries | loops found (shipped reader) |"
        " loops found (true labels) |",
        "|---|---:|---:|---:|---:|",
    ]
    for source in SOURCES:
        for seed in range(3):
            count, found, truth = loops_found(seed, source)
            lines.append(f"| {source} | {seed} | {count} | {found} | {truth} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
