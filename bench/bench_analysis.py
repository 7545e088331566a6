"""Analysis quality and speed, measured in one run (issue 3).

- Quality, blind: `tidewise classify` on the blind sets in `validation/` (written apart
  from the corpus, never trained on), scored by ../shared/tools/score.py: first the
  passages (posts written without labels in mind, labelled by independent readers: the
  set closest to real writing), then the blind style sentences; dominant-phase accuracy
  on their entries.
- Quality, in-style: the same on ../shared/eval/ (dev_sentences, dev_forum_sentences,
  dev_entries), which resembles the v1 corpus and flatters the reader. Measuring only:
  nothing here trains on either.
- Speed: `tidewise classify` on 2,000 sentences as a whole process vs the raw encoder
  (tokenise + ONNX + pooling) in this process; a warm 8-sentence entry; `tidewise write`
  with analysis as a whole process; peak RSS of `classify` on the 2,000 sentences.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from tidewise.analysis.features import cue_matches
from tidewise.cycle.labels import LABEL_NAMES

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
VALIDATION = ROOT / "validation"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
TIDEWISE = [sys.executable, "-m", "tidewise"]
SHAME = {"attachment_shame", "disconnection_shame"}
# An 8-sentence entry written for this benchmark.
ENTRY = (
    "He made coffee this morning and brought it to me in bed. "
    "I let him sit on the edge of the bed and we talked for a while. "
    "Then I caught myself smiling at him and felt sick about it. "
    "What kind of person goes soft this fast after what he did. "
    "By lunch I had moved my things back into the spare room. "
    "I told him not to call me at work. "
    "Honestly I am so tired of this back and forth. "
    "Counselling is on Thursday at four."
)


def _rows(name: str) -> list[dict[str, object]]:
    return _read(EVAL / name)


def _read(*paths: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    return rows


BLIND_SETS = {
    "passages (blind, posts written without labels in mind)": ("passages/p_sentences.jsonl",),
    "blind style sentences (writers x, y)": (
        "blind/writer_x_sentences.jsonl",
        "blind/writer_y_sentences.jsonl",
    ),
}
BLIND_ENTRIES = {
    "passages entries (blind)": ("passages/p_entries.jsonl",),
    "blind style entries (writers x, y)": (
        "blind/writer_x_entries.jsonl",
        "blind/writer_y_entries.jsonl",
    ),
}


def _classify_process(lines: list[str]) -> tuple[list[dict[str, object]], float]:
    started = time.perf_counter()
    done = subprocess.run(
        [*TIDEWISE, "classify"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - started
    return [json.loads(line) for line in done.stdout.splitlines()], elapsed


def _f1(gold: list[str], pred: list[str], positive: set[str]) -> float:
    tp = sum(g in positive and p in positive for g, p in zip(gold, pred, strict=True))
    fp = sum(g not in positive and p in positive for g, p in zip(gold, pred, strict=True))
    fn = sum(g in positive and p not in positive for g, p in zip(gold, pred, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _figures(gold: list[str], pred: list[str]) -> tuple[float, float]:
    macro = sum(_f1(gold, pred, {label}) for label in LABEL_NAMES) / len(LABEL_NAMES)
    return macro, _f1(gold, pred, SHAME)


def baseline_label(text: str) -> str:
    """The cue-keyword baseline: the label with the most cue matches; neutral if none."""
    votes = Counter(m.label for m in cue_matches(text))
    if not votes:
        return "neutral"
    return max(LABEL_NAMES, key=lambda label: (votes[label], -LABEL_NAMES.index(label)))


def _quality(name: str, paths: tuple[Path, ...]) -> tuple[list[str], str]:
    rows = _read(*paths)
    lines = [json.dumps({"id": r["id"], "text": r["text"]}) for r in rows]
    predicted, _ = _classify_process(lines)
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.jsonl"
        gold_path = Path(tmp) / "gold.jsonl"
        pred_path.write_text("\n".join(json.dumps(p) for p in predicted) + "\n", encoding="utf-8")
        gold_path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
        scored = subprocess.run(
            [sys.executable, str(SCORE), str(gold_path), str(pred_path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    gold = [str(r["label"]) for r in rows]
    macro, shame = _figures(gold, [str(p["label"]) for p in predicted])
    base_macro, base_shame = _figures(gold, [baseline_label(str(r["text"])) for r in rows])
    row = (
        f"| {name} | {len(rows)} | {macro:.3f} | {shame:.3f} | {base_macro:.3f} |"
        f" {base_shame:.3f} |"
    )
    return [row], f"score.py on {name}:\n\n```\n{scored.strip()}\n```\n"


def _entries_accuracy(name: str, paths: tuple[Path, ...]) -> str:
    from tidewise.analysis.engine import default_analyzer

    rows = _read(*paths)
    analyses = default_analyzer().analyze_many([str(r["text"]) for r in rows])
    hits = sum(a.phase == r["dominant"] for a, r in zip(analyses, rows, strict=True))
    return f"| {name}: dominant-phase accuracy, n={len(rows)} | {hits / len(rows):.3f} |"


def _speed_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "corpus" / "sentences").glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts[:2000]


def _speed(texts: list[str], lines: list[str]) -> tuple[float, float]:
    """Sentences/s of the raw encoder (in process) and of `tidewise classify` (whole
    process), alternated three times so that load on the machine hits both alike."""
    from tidewise.analysis.embed import Embedder

    embedder = Embedder()
    embedder.embed(texts[:32])
    raw, whole = [], []
    for _ in range(3):
        started = time.perf_counter()
        embedder.embed(texts)
        raw.append(time.perf_counter() - started)
        whole.append(_classify_process(lines)[1])
    return len(texts) / statistics.median(raw), len(texts) / statistics.median(whole)


def _peak_rss_mb(lines: list[str]) -> float:
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], input=sys.stdin.read(), text=True, check=True,"
        " stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *TIDEWISE, "classify"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip()) / 1024


def _warm_entry_ms() -> float:
    from tidewise.analysis.engine import default_analyzer

    analyzer = default_analyzer()
    for _ in range(5):
        analyzer.analyze(ENTRY)
    runs = []
    for _ in range(30):
        started = time.perf_counter()
        analyzer.analyze(ENTRY)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs) * 1000


def _write_process_s() -> str:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "TIDEWISE_HOME": home, "TIDEWISE_PASSPHRASE": "bench passphrase"}
        init = subprocess.run([*TIDEWISE, "init"], env=env, capture_output=True, text=True)
        if init.returncode != 0:
            return "not measured (`tidewise init` failed)"
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run([*TIDEWISE, "write", ENTRY], env=env, capture_output=True, check=True)
            runs.append(time.perf_counter() - started)
        return f"{statistics.median(runs):.2f}"


def run() -> str:
    lines = [
        "## Analysis",
        "",
        "| set | n | macro-F1 | any-shame F1 | baseline macro-F1 | baseline any-shame F1 |",
        "|---|---|---|---|---|---|",
    ]
    details = []
    sets = {name: tuple(VALIDATION / p for p in paths) for name, paths in BLIND_SETS.items()}
    for name in ("dev_sentences.jsonl", "dev_forum_sentences.jsonl"):
        sets[f"in-style {name}"] = (EVAL / name,)
    for name, paths in sets.items():
        rows, scored = _quality(name, paths)
        lines += rows
        details.append(scored)
    entries = {name: tuple(VALIDATION / p for p in paths) for name, paths in BLIND_ENTRIES.items()}
    entries["in-style dev_entries.jsonl (bar >= 0.70)"] = (EVAL / "dev_entries.jsonl",)
    texts = _speed_texts()
    sentence_lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate(texts)]
    raw, classify_rate = _speed(texts, sentence_lines)
    lines += [
        "",
        "| measure | value |",
        "|---|---|",
        *[_entries_accuracy(name, paths) for name, paths in entries.items()],
        f"| raw encoder, {len(texts)} sentences, sentences/s | {raw:.0f} |",
        f"| `tidewise classify` whole process, sentences/s | {classify_rate:.0f} |",
        f"| classify / raw encoder (bar >= 0.8) | {classify_rate / raw:.2f} |",
        f"| warm 8-sentence entry, median ms (bar <= 40) | {_warm_entry_ms():.1f} |",
        f"| `tidewise write` with analysis, median s (bar <= 0.8) | {_write_process_s()} |",
        f"| peak RSS of classify on {len(texts)} sentences, MB (bar <= 350) |"
        f" {_peak_rss_mb(sentence_lines):.0f} |",
        f"| load average at the end (1 min, {os.cpu_count()} CPUs) | {os.getloadavg()[0]:.1f} |",
        "",
    ]
    return "\n".join(lines + details)


if __name__ == "__main__":
    print(run())
