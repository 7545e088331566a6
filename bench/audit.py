"""The corpus audit: a blind reader's labels against the writers' labels.

    python -m bench.audit ids [LETTER ...]          # give corpus sentences stable ids
    python -m bench.audit apply READER.jsonl ...    # agreement per writer; drop disagreements
    python -m bench.audit agreement GOLD.jsonl READER.jsonl   # any two labelled sets
    python -m bench.audit words LETTERS              # where plain words sit, by label
    python -m bench.audit traps LETTERS              # retire plain words used against type

An independent reader who saw only a one-page guide to the seven labels and each
sentence, shuffled and without its label, labelled every corpus sentence. `apply`
prints Cohen's kappa, raw agreement and macro-F1 of the reader against the writer per
writer file, moves every sentence the two disagree on into `corpus/audit/dropped.jsonl`
(with both labels; never trained on) and keeps the rest in place.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tidewise.cycle.labels import LABEL_NAMES

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = ROOT / "corpus" / "sentences"
AUDIT = ROOT / "corpus" / "audit"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def give_ids(letters: list[str]) -> None:
    """`<writer letter><line number>` for rows that have no id yet (stable once given)."""
    for path in sorted(SENTENCES.glob("writer_*.jsonl")):
        if letters and path.stem.removeprefix("writer_") not in letters:
            continue
        letter = path.stem.removeprefix("writer_")
        rows = read_jsonl(path)
        for number, row in enumerate(rows, 1):
            row.setdefault("id", f"{letter}{number:04d}")
        write_jsonl(
            path, [{"id": r["id"], **{k: v for k, v in r.items() if k != "id"}} for r in rows]
        )


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[k] * right[k] for k in LABEL_NAMES) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    scores = []
    for label in LABEL_NAMES:
        tp = sum(a == label and b == label for a, b in pairs)
        fp = sum(a != label and b == label for a, b in pairs)
        fn = sum(a == label and b != label for a, b in pairs)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def row_of(name: str, pairs: list[tuple[str, str]]) -> str:
    agree = sum(a == b for a, b in pairs) / len(pairs)
    return f"| {name} | {len(pairs)} | {agree:.3f} | {kappa(pairs):.3f} | {macro_f1(pairs):.3f} |"


HEADER = (
    "| set | sentences | agreement | Cohen's kappa | macro-F1 (reader vs writer) |\n"
    "|---|---|---|---|---|"
)


def apply(readers: list[Path]) -> None:
    verdicts = {str(r["id"]): str(r["label"]) for p in readers for r in read_jsonl(p)}
    dropped_path = AUDIT / "dropped.jsonl"
    dropped = read_jsonl(dropped_path) if dropped_path.is_file() else []
    lines = [HEADER]
    kept: dict[Path, list[dict[str, Any]]] = {}
    for path in sorted(SENTENCES.glob("writer_*.jsonl")):
        rows = read_jsonl(path)
        seen = [r for r in rows if r.get("id") in verdicts]
        if not seen:
            continue
        pairs = [(str(r["label"]), verdicts[r["id"]]) for r in seen]
        lines.append(row_of(path.stem, pairs))
        keep = [r for r in rows if verdicts.get(r.get("id", ""), r["label"]) == r["label"]]
        dropped += [
            {**r, "file": path.name, "reader_label": verdicts[r["id"]]}
            for r in rows
            if verdicts.get(r.get("id", ""), r["label"]) != r["label"]
        ]
        kept[path] = keep
    # Written only once every file has been read: a failure leaves the corpus as it was.
    for path, keep in kept.items():
        write_jsonl(path, keep)
    write_jsonl(dropped_path, dropped)
    print("\n".join(lines))


def agreement(gold: Path, reader: Path) -> None:
    theirs = {str(r["id"]): r for r in read_jsonl(reader)}
    pairs, entry_pairs = [], []
    for row in read_jsonl(gold):
        other = theirs.get(str(row["id"]))
        if other is None:
            continue
        if "label" in row and "label" in other:
            pairs.append((str(row["label"]), str(other["label"])))
        if "dominant" in row and "dominant" in other:
            entry_pairs.append((str(row["dominant"]), str(other["dominant"])))
    print(HEADER)
    if pairs:
        print(row_of(f"{gold.stem} sentences", pairs))
    if entry_pairs:
        print(row_of(f"{gold.stem} dominant", entry_pairs))


WORD_GROUPS = {
    "angry, mad, furious, rage": r"\b(?:angry|mad|furious|rage|raging|livid)\b",
    "ashamed, embarrassed, humiliated": r"\b(?:ashamed|embarrass\w*|humiliat\w*)\b",
    "fight, fighting": r"\b(?:fight|fighting|fought)\b",
    "forgive, changed, remorse": r"\b(?:forgiv\w*|changed|remorse\w*)\b",
    "sex, intimacy, touch": r"\b(?:sex|intima\w*|touch\w*|made love)\b",
    "tired, lonely, miss": r"\b(?:tired|exhausted|lonely|miss|missing)\b",
    "numb, cold, space": r"\b(?:numb|cold|space|distance)\b",
}


# The labels in which each group's words are used plainly, as real writers use them.
PLAIN_LABELS = {
    "angry, mad, furious, rage": {"punishing"},
    "ashamed, embarrassed, humiliated": {"disconnection_shame"},
    "fight, fighting": {"punishing", "reaching", "exhaustion"},
    "forgive, changed, remorse": {"reaching", "neutral"},
    "sex, intimacy, touch": {"reaching", "withdrawing"},
    "tired, lonely, miss": {"exhaustion"},
    "numb, cold, space": {"withdrawing"},
}


def retire_traps(letters: str) -> None:
    """Move sentences that use a group's plain words against type to audit/traps.jsonl.

    v1 used each label's plain words as traps in other labels on purpose; real writers
    use them plainly. Dropping the traps undoes the wrong word-label links.
    """
    import re

    traps_path = AUDIT / "traps.jsonl"
    traps = read_jsonl(traps_path) if traps_path.is_file() else []
    kept: dict[Path, list[dict[str, Any]]] = {}
    for path in sorted(SENTENCES.glob("writer_*.jsonl")):
        if path.stem.removeprefix("writer_") not in letters:
            continue
        keep = []
        for row in read_jsonl(path):
            text = str(row["text"]).lower()
            against = [
                name
                for name, pattern in WORD_GROUPS.items()
                if re.search(pattern, text) and row["label"] not in PLAIN_LABELS[name]
            ]
            if against:
                traps.append({**row, "file": path.name, "words": against})
            else:
                keep.append(row)
        kept[path] = keep
    for path, keep in kept.items():
        write_jsonl(path, keep)
    write_jsonl(traps_path, traps)
    print(f"{len(traps)} sentences use plain words against type; moved to {traps_path.name}")


def word_links(letters: str) -> None:
    """For each group of plain words: sentences holding them, and their share per label."""
    import re

    rows = [
        r
        for path in sorted(SENTENCES.glob("writer_*.jsonl"))
        if path.stem.removeprefix("writer_") in letters
        for r in read_jsonl(path)
    ]
    print("| words | share of sentences | " + " | ".join(LABEL_NAMES) + " |")
    print("|---|---|" + "---|" * len(LABEL_NAMES))
    for name, pattern in WORD_GROUPS.items():
        found = [r for r in rows if re.search(pattern, str(r["text"]).lower())]
        counts = Counter(str(r["label"]) for r in found)
        shares = " | ".join(f"{counts[k] / max(len(found), 1):.0%}" for k in LABEL_NAMES)
        print(f"| {name} | {len(found) / len(rows):.1%} ({len(found)}) | {shares} |")


def main(argv: list[str]) -> int:
    if argv[:1] == ["traps"] and len(argv) == 2:
        retire_traps(argv[1])
        return 0
    if argv[:1] == ["words"] and len(argv) == 2:
        word_links(argv[1])
        return 0
    if argv[:1] == ["ids"]:
        give_ids(argv[1:])
    elif argv[:1] == ["apply"] and len(argv) > 1:
        apply([Path(p) for p in argv[1:]])
    elif argv[:1] == ["agreement"] and len(argv) == 3:
        agreement(Path(argv[1]), Path(argv[2]))
    else:
        print(__doc__, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
