"""Two safety heads side by side, through the whole screen (rules, the head, the window,
the distance cues and the last guard), on every labelled set that can tell them apart.

    python -m training.safety --out /tmp/head13.npz   # the linear layer (needs `train`)
    python -m bench.safety_heads /tmp/head13.npz tidewise/analysis/data/safety_head.npz
    python -m bench.safety_heads old.npz:old_encoder.onnx new.npz  # each with its encoder

Issue 12, round 3: the "Head 1.4, measured and not shipped" table (docs/safety-history.md)
came from this (`--with-new-writers` gives that head); round 4's table of the linear layer 1.3
against the screen's own encoder (head 2.0) too. Each item is one entry (its earlier
sentence first, when it has one), split and embedded as the engine does; "caught" is
any level above none (help or a check-in: only "none" gets an ordinary reflection),
"clear" the help reply; "look-alikes clear" is the share of the set's look-alikes (when it
has any) that would get the help reply, a false alarm.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from tidewise.analysis.safety import screen
from tidewise.analysis.safety_model import READER, SafetyHead, load_safety_head

Head = tuple[SafetyHead, Path | None]  # a head, and its own encoder file when not shipped

ROOT = Path(__file__).resolve().parent.parent
SAFETY = ROOT / "corpus" / "safety"
SETS: tuple[tuple[str, Path], ...] = (
    ("second blind set", ROOT / "validation" / "safety_blind2" / "crisis.jsonl"),
    ("third blind set", ROOT / "validation" / "safety_blind3" / "crisis.jsonl"),
    ("fourth blind set", ROOT / "validation" / "safety_blind4" / "crisis.jsonl"),
    ("fifth blind set", ROOT / "validation" / "safety_blind5" / "crisis.jsonl"),
    ("sixth blind set", ROOT / "validation" / "safety_blind6" / "crisis.jsonl"),
    ("seventh blind set", ROOT / "validation" / "safety_blind7" / "crisis.jsonl"),
    ("eighth blind set", ROOT / "validation" / "safety_blind8" / "crisis.jsonl"),
    ("ninth blind set", ROOT / "validation" / "safety_blind9" / "crisis.jsonl"),
    ("tenth blind set", ROOT / "validation" / "safety_blind10" / "crisis.jsonl"),
    ("first blind set", SAFETY / "blind.jsonl"),
    ("train14a (no head trained on it yet)", SAFETY / "train14a_crisis.jsonl"),
    ("train14b (no head trained on it yet)", SAFETY / "train14b_crisis.jsonl"),
    ("train14c (no head trained on it yet)", SAFETY / "train14c_crisis.jsonl"),
    ("train14d (no head trained on it yet)", SAFETY / "train14d_crisis.jsonl"),
    ("train4a (both trained on it)", SAFETY / "train4a_crisis.jsonl"),
    ("train_more2 (both trained on it)", SAFETY / "train_more2.jsonl"),
    ("fresh.jsonl (must all be met)", SAFETY / "fresh.jsonl"),
)


def _entries(rows: Sequence[dict[str, Any]], crisis: bool = True) -> list[str]:
    """The crisis items (or the look-alikes), each as one entry, its earlier sentence first."""
    return [
        " ".join(str(p) for p in (r.get("context"), r["text"]) if p)
        for r in rows
        if isinstance(r, dict) and (r.get("kind") not in (None, "none", "")) == crisis
    ]


def _rows(path: Path) -> list[dict[str, Any]]:
    """A set's rows, with its look-alikes when they sit in a file of their own."""
    paths = [path, path.with_name(path.name.replace("crisis", "lookalikes"))]
    return [
        json.loads(line)
        for p in dict.fromkeys(paths)
        if p.exists()
        for line in p.read_text("utf-8").splitlines()
        if line.strip()
    ]


def _levels(entries: Sequence[str], heads: Sequence[Head]) -> list[list[str]]:
    """Per head, the level of every entry: each head reads the vectors of the encoder it
    was trained with (the reader's, or its own encoder file), also for the sentences it
    reads again in context."""
    from tidewise.analysis.engine import default_analyzer, screened_sentences
    from tidewise.analysis.features import model_text

    engine = default_analyzer()
    split = [list(screened_sentences(e)) or [e] for e in entries]
    flat = [model_text(s) for sentences in split for s in sentences]
    out: list[list[str]] = [[] for _ in heads]
    for i, (head, model) in enumerate(heads):
        read = _reader(engine, head, model)
        vectors = read(flat)
        at = 0
        for sentences in split:
            rows = np.asarray(vectors[at : at + len(sentences)], dtype=np.float32)
            out[i].append(screen(sentences, vectors=rows, head=head, context=read).level)
            at += len(sentences)
    return out


def _reader(engine: Any, head: SafetyHead, model: Path | None) -> Any:
    """The embedding function for this head's encoder (texts already `model_text`)."""
    from tidewise.analysis.embed import Embedder
    from tidewise.analysis.model_files import safety_encoder_file

    if head.encoder == READER:
        return engine.embed
    embedder = Embedder(model=model or safety_encoder_file())
    return lambda texts: embedder.embed(texts)


def run(specs: Sequence[str]) -> str:
    """`specs`: HEAD or HEAD:MODEL (a head of the screen's own encoder, with that encoder
    file; without it, the shipped encoder)."""
    from training.safety import FIRST_READ_BY_2_5, FIRST_READ_BY_2_6, Files, dev_rows
    from training.safety_encoder import FILES

    paths = [Path(spec.split(":")[0]) for spec in specs]
    heads: list[Head] = [
        (load_safety_head(Path(head)), Path(model) if model else None)
        for head, _, model in (spec.partition(":") for spec in specs)
    ]
    # Heads 2.5 and 2.6 were the first to read train10-12 and train13: their dev fifths are
    # rows of their own, so heads before and after each can be judged on the same dev rows.
    by_2_5, by_2_6 = set(FIRST_READ_BY_2_5), set(FIRST_READ_BY_2_6)

    def split_of(keep: Callable[[str], bool]) -> Files:
        return replace(FILES, split=tuple(f for f in FILES.split if keep(f)))

    corpus = SAFETY.parent
    sets = [
        (
            "dev fifths of the split files (train3, train5a/b, train6a-9d)",
            dev_rows(corpus, split_of(lambda f: f not in by_2_5 | by_2_6)),
        ),
        (
            "dev fifths of train10a-12d (first read by head 2.5)",
            dev_rows(corpus, split_of(lambda f: f in by_2_5)),
        ),
        (
            "dev fifths of train13a-d (first read by head 2.6)",
            dev_rows(corpus, split_of(lambda f: f in by_2_6)),
        ),
    ]
    sets += [(name, _rows(path)) for name, path in SETS]
    lines = [
        "| set (crisis items / look-alikes) | "
        + " | ".join(f"{p.parent.name}/{p.name}: caught / clear / look-alikes clear" for p in paths)
        + " |",
        "|---|" + "---|" * len(paths),
    ]
    for name, rows in sets:
        crisis, looks = _entries(rows), _entries(rows, crisis=False)
        cells = []
        levels = _levels(crisis + looks, heads)
        for head_levels in levels:
            on_crisis, on_looks = head_levels[: len(crisis)], head_levels[len(crisis) :]
            caught = sum(level != "none" for level in on_crisis) / len(crisis)
            clear = sum(level == "clear" for level in on_crisis) / len(crisis)
            alarms = f"{sum(lv == 'clear' for lv in on_looks) / len(looks):.3f}" if looks else "-"
            cells.append(f"{caught:.3f} / {clear:.3f} / {alarms}")
        lines.append(f"| {name} ({len(crisis)} / {len(looks)}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(sys.argv[1:] or [str(ROOT / "tidewise/analysis/data/safety_head.npz")]))
