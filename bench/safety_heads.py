"""Two safety heads side by side, through the whole screen (rules, the head, the window,
the distance cues and the last guard), on every labelled set that can tell them apart.

    python -m training.safety --out /tmp/head13.npz   # the linear layer (needs `train`)
    python -m bench.safety_heads /tmp/head13.npz tidewise/analysis/data/safety_head.npz

Issue 12, round 3: the README's "Head 1.4, measured and not shipped" table came from
this (`--with-new-writers` gives that head); round 4's table of the linear layer 1.3
against the screen's own encoder (head 2.0) too. Each item is one entry (its earlier
sentence first, when it has one), split and embedded as the engine does; "caught" is
any level above none (help or a check-in: only "none" gets an ordinary reflection),
"clear" the help reply.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from tidewise.analysis.safety import screen
from tidewise.analysis.safety_model import READER, SafetyHead, load_safety_head

ROOT = Path(__file__).resolve().parent.parent
SAFETY = ROOT / "corpus" / "safety"
SETS: tuple[tuple[str, Path], ...] = (
    ("second blind set", ROOT / "validation" / "safety_blind2" / "crisis.jsonl"),
    ("third blind set", ROOT / "validation" / "safety_blind3" / "crisis.jsonl"),
    ("first blind set", SAFETY / "blind.jsonl"),
    ("train4a (both trained on it)", SAFETY / "train4a_crisis.jsonl"),
    ("train_more2 (both trained on it)", SAFETY / "train_more2.jsonl"),
    ("fresh.jsonl (must all be met)", SAFETY / "fresh.jsonl"),
)


def _crisis_entries(rows: Sequence[dict[str, Any]]) -> list[str]:
    return [
        " ".join(str(p) for p in (r.get("context"), r["text"]) if p)
        for r in rows
        if isinstance(r, dict) and r.get("kind") not in (None, "none", "")
    ]


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _levels(entries: Sequence[str], heads: Sequence[SafetyHead]) -> list[list[str]]:
    """Per head, the level of every entry."""
    from tidewise.analysis.engine import default_analyzer

    engine = default_analyzer()
    split = [
        [s.text for s in a.sentences] or [e]
        for a, e in zip(engine.analyze_many(entries), entries, strict=True)
    ]
    flat = [s for sentences in split for s in sentences]
    # Each head reads the vectors it was trained on: the reader's, or the screen's own
    # encoder's (the shipped head since 2.0).
    vectors = {
        kind: engine.embed(flat) if kind == READER else screen_vectors(engine, flat)
        for kind in {head.encoder for head in heads}
    }
    out: list[list[str]] = [[] for _ in heads]
    at = 0
    for sentences in split:
        for i, head in enumerate(heads):
            rows = np.asarray(vectors[head.encoder][at : at + len(sentences)], dtype=np.float32)
            out[i].append(screen(sentences, vectors=rows, head=head).level)
        at += len(sentences)
    return out


def screen_vectors(engine: Any, texts: Sequence[str]) -> Any:
    """The screen's own encoder's vectors (loaded here if the shipped head reads the
    reader's and so the engine has none)."""
    from tidewise.analysis.embed import Embedder
    from tidewise.analysis.features import model_text
    from tidewise.analysis.model_files import safety_encoder_file

    if engine.safety_encoder is not None:
        return engine.screen_vectors(texts)
    return Embedder(model=safety_encoder_file()).embed([model_text(t) for t in texts])


def run(paths: Sequence[Path]) -> str:
    from training.safety import WITH_NEW_WRITERS, dev_rows

    heads = [load_safety_head(p) for p in paths]
    sets = [
        (
            "dev fifths of train3, train5a, train5b",
            _crisis_entries(dev_rows(SAFETY.parent, WITH_NEW_WRITERS)),
        )
    ]
    sets += [(name, _crisis_entries(_rows(path))) for name, path in SETS]
    lines = [
        "| set (crisis items) | " + " | ".join(f"{p.name}: caught / clear" for p in paths) + " |",
        "|---|" + "---|" * len(paths),
    ]
    for name, entries in sets:
        cells = []
        for levels in _levels(entries, heads):
            caught = sum(level != "none" for level in levels) / len(levels)
            clear = sum(level == "clear" for level in levels) / len(levels)
            cells.append(f"{caught:.3f} / {clear:.3f}")
        lines.append(f"| {name} ({len(entries)}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(run([Path(a) for a in sys.argv[1:]] or [ROOT / "tidewise/analysis/data/safety_head.npz"]))
