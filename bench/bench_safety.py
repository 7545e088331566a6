"""The safety screen on the project's own labelled set (corpus/safety/).

How the rules were made, so the figures can be read honestly:
1. crisis.jsonl and hard_negatives.jsonl were written first and split into two halves by
   a fixed hash of each text (`half_of`). Round 1 rules were tuned on the errors of the
   "tune" half only. Measured then, blind, the "held-out" half gave recall 0.829 and a
   false-positive rate of 0.044 (tune half: 1.000 and 0.000).
2. fresh.jsonl (55 crisis, 80 hard negatives) was then written before anything else was
   looked at. Round 2 fixed the errors of the held-out half (so from then on both halves
   are "seen"); fresh.jsonl, still unseen, then gave recall 0.527 and FPR 0.100: the
   phrase rules did not carry over to new wording.
3. Round 3 added broader rules written from general categories (a wish for death near
   the writer's own voice, a method near an intent, self-injury words near the body,
   partner + harm verb + me). Its errors on fresh.jsonl were never printed, but the same
   person wrote both, so the fresh figures below are no longer blind. A set written by
   someone else is the honest next test.

4. A second writer then wrote train_extra.jsonl and blind.jsonl at the same time. The
   learned layer (tidewise/analysis/safety_model.py, trained by
   `python -m training.safety` on crisis + hard negatives + fresh +
   train_extra + ordinary journal sentences) never saw blind.jsonl, nor did the rules:
   the blind rows below are the honest figures. "unseen" drops the six blind sentences
   that also appear in a training file.

Bars (issue 6): recall >= 0.97 on crisis sentences, false-positive rate <= 5% on hard
negatives, on the labelled set (crisis + hard negatives).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidewise.analysis.safety import screen, screen_sentence

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "safety"
HALVES = ("tune", "held-out")
RECALL_BAR = 0.97
FPR_BAR = 0.05


@dataclass(frozen=True)
class Example:
    text: str
    kind: str | None  # "self_harm", "danger_from_partner" or None (a hard negative)

    @property
    def half(self) -> str:
        return half_of(self.text)


@dataclass(frozen=True)
class Scores:
    crisis: int
    caught: int  # crisis sentences flagged (any kind)
    kind_right: int  # crisis sentences flagged with their own kind among the kinds
    negatives: int
    false_alarms: int

    @property
    def recall(self) -> float:
        return self.caught / self.crisis if self.crisis else 0.0

    @property
    def kind_recall(self) -> float:
        return self.kind_right / self.crisis if self.crisis else 0.0

    @property
    def fpr(self) -> float:
        return self.false_alarms / self.negatives if self.negatives else 0.0


def half_of(text: str) -> str:
    """The fixed split: the first 32 bits of the text's SHA-256, even or odd."""
    return HALVES[int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 2]


def load_labelled(corpus: Path = CORPUS) -> list[Example]:
    examples: list[Example] = []
    for name in ("crisis.jsonl", "hard_negatives.jsonl"):
        for line in (corpus / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                examples.append(Example(str(row["text"]), row["kind"]))
    return examples


def load_fresh(corpus: Path = CORPUS) -> list[Example]:
    """The later set (fresh.jsonl): reported beside the bars, not part of them."""
    return load_file("fresh.jsonl", corpus)


def load_file(name: str, corpus: Path = CORPUS) -> list[Example]:
    rows = (corpus / name).read_text(encoding="utf-8").splitlines()
    return [Example(str(r["text"]), r["kind"]) for r in map(json.loads, filter(str.strip, rows))]


def load_blind(corpus: Path = CORPUS) -> list[Example]:
    """The measuring-only set (blind.jsonl): never trained or tuned on."""
    return load_file("blind.jsonl", corpus)


def loose(text: str) -> str:
    """Lower case, letters, digits and spaces only: how two writers' same sentence is found."""
    return re.sub(r"[^a-z0-9 ]", "", text.lower()).strip()


def unseen(examples: Sequence[Example], corpus: Path = CORPUS) -> list[Example]:
    """The examples whose loose form (lower case, no punctuation) is in no training file."""
    names = ("crisis.jsonl", "hard_negatives.jsonl", "fresh.jsonl", "train_extra.jsonl")
    seen = {loose(e.text) for name in names for e in load_file(name, corpus)}
    for path in sorted((corpus.parent / "sentences").glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        seen.update(loose(str(json.loads(line)["text"])) for line in lines if line.strip())
    return [e for e in examples if loose(e.text) not in seen]


def measure(examples: Iterable[Example]) -> Scores:
    """The rules alone (the bars)."""
    listed = list(examples)
    return score(listed, [screen_sentence(ex.text) for ex in listed])


def score(examples: Sequence[Example], verdicts: Sequence[tuple[str, ...]]) -> Scores:
    """Scores of one verdict (the kinds flagged) per example."""
    crisis = caught = kind_right = negatives = false_alarms = 0
    for ex, kinds in zip(examples, verdicts, strict=True):
        if ex.kind is None:
            negatives += 1
            false_alarms += bool(kinds)
        else:
            crisis += 1
            caught += bool(kinds)
            kind_right += ex.kind in kinds
    return Scores(crisis, caught, kind_right, negatives, false_alarms)


def _row(label: str, s: Scores) -> str:
    recall_ok = "yes" if s.recall >= RECALL_BAR else "NO"
    fpr_ok = "yes" if s.fpr <= FPR_BAR else "NO"
    return (
        f"| {label} | {s.crisis} | {s.recall:.3f} ({recall_ok}) | {s.kind_recall:.3f} "
        f"| {s.negatives} | {s.fpr:.3f} ({fpr_ok}) |"
    )


def run() -> str:
    examples = load_labelled()
    started = time.perf_counter()
    rows = [_row(h, measure(e for e in examples if e.half == h)) for h in HALVES]
    rows.append(_row("all", measure(examples)))
    for kind in ("self_harm", "danger_from_partner"):
        subset = [e for e in examples if e.kind in (kind, None)]
        rows.append(_row(f"all, {kind} only", measure(subset)))
    per_sentence_ms = 1000 * (time.perf_counter() - started) / (4 * len(examples))
    rows.append(_row("fresh.jsonl (not in the bars; see the module notes)", measure(load_fresh())))
    return "\n".join(
        [
            "## Safety screen (corpus/safety, written by this project)",
            "",
            f"Bars: recall >= {RECALL_BAR}, false-positive rate <= {FPR_BAR:.0%}. "
            "First blind figures (held-out half, round 1): recall 0.829, FPR 0.044; "
            "fresh.jsonl blind (round 2): recall 0.527, FPR 0.100. Both halves have been "
            "inspected since; fresh.jsonl errors never were, but its author wrote the rules.",
            "",
            "| half | crisis | recall (bar) | right kind | hard negatives | FPR (bar) |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            f"About {per_sentence_ms:.2f} ms per sentence.",
            "",
            layers_table(),
            "",
            levels_table(),
            "",
            dev_table(),
            "",
            blind_tables(),
            "",
            ordinary_entries_table(),
        ]
    )


VALIDATION = Path(__file__).resolve().parent.parent / "validation"
# Blind safety sets, each by a writer who never saw the rules or any earlier set; never
# trained or tuned on. (folder, title)
BLIND_SETS = (
    ("safety_blind2", "The second blind set"),
    ("safety_blind3", "The third blind set"),
    ("safety_blind4", "The fourth blind set"),
    ("safety_blind5", "The fifth blind set"),
    ("safety_blind6", "The sixth blind set"),
    ("safety_blind7", "The seventh blind set"),
    ("safety_blind8", "The eighth blind set"),
    ("safety_blind9", "The ninth blind set"),
    ("safety_blind10", "The tenth blind set"),
)


ENTRIES = CORPUS.parent / "entries"
PASSAGES = VALIDATION / "passages" / "posts_p.jsonl"


def ordinary_entries_table() -> str:
    """The cost of recall: what whole ordinary entries get. The corpus's journal entries
    (in-style, written for the reader) and the blind passages (forum posts by many writers,
    longer; some may hold real risk, which nobody has labelled) through the engine and
    the reply path; then, for the corpus entries, which source alone set the level."""
    from collections import Counter

    from tidewise.analysis.engine import default_analyzer
    from tidewise.replies import graded_reply

    def texts(paths: Iterable[Path]) -> list[str]:
        return [
            str(json.loads(line)["text"])
            for path in paths
            for line in path.read_text("utf-8").splitlines()
            if line.strip()
        ]

    engine = default_analyzer()
    rows, sources = [], ""
    for name, found in (
        ("corpus/entries (in-style journal entries)", texts(sorted(ENTRIES.glob("*.jsonl")))),
        ("validation/passages (blind forum posts)", texts([PASSAGES])),
    ):
        read = engine.analyze_many(found)
        kinds = Counter(graded_reply(a).kind for a in read)
        per = sum(len(a.sentences) for a in read) / len(read)
        rows.append(
            f"| {name} | {len(read)} | {per:.1f} | {kinds['safety'] / len(read):.3f} "
            f"| {kinds['check_in'] / len(read):.3f} | {kinds['reflection'] / len(read):.3f} |"
        )
        if not sources:
            sources = _sole_sources(engine, read)
    return "\n".join(
        [
            "### What ordinary entries get (the cost of recall)",
            "",
            "| set | entries | sentences each | help reply | check-in | reflection |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            sources,
        ]
    )


def _sole_sources(engine: Any, read: Sequence[Any]) -> str:
    """On entries above "none": how many had their level from one source alone."""
    from collections import Counter

    from tidewise.analysis.safety import HEAVY_WORDS_RULE, LEARNED_LAYER, WINDOW, explain

    def source(rule: str) -> str:
        if rule == LEARNED_LAYER or "pair" in rule:
            return "the learned layer"
        if rule == HEAVY_WORDS_RULE:
            return "the last guard"
        return "the two-sentence window" if rule.startswith(WINDOW) else "the phrase rules"

    flagged = [a for a in read if a.safety.level != "none"]
    sentences = [[s.text for s in a.sentences] for a in flagged]
    vectors = engine.screen_vectors([t for group in sentences for t in group])
    totals: Counter[str] = Counter()
    alone: Counter[tuple[str, str]] = Counter()
    at = 0
    for analysis, group in zip(flagged, sentences, strict=True):
        hits = explain(group, vectors[at : at + len(group)], context=engine.read_in_context)
        at += len(group)
        level = analysis.safety.level
        totals[level] += 1
        found = {source(h.rule) for h in hits if h.level == level}
        if len(found) == 1:
            alone[(level, found.pop())] += 1
    parts = [
        f"{who} alone set {alone[(level, who)]} of {totals[level]} "
        f"{'help replies' if level == 'clear' else 'check-ins'}"
        for level in ("clear", "possible")
        for who in ("the learned layer", "the two-sentence window", "the last guard")
        if alone[(level, who)]
    ]
    return "On the corpus entries: " + "; ".join(parts) + "."


def blind_tables() -> str:
    """Every blind safety set in `BLIND_SETS`, one table each."""
    return "\n\n".join(blind_set_table(VALIDATION / folder, title) for folder, title in BLIND_SETS)


def blind_set_table(folder: Path, title: str) -> str:
    """Issue 12: one blind set through the whole engine and the reply path: the level per
    family, and how many crisis items still get an ordinary reflection."""
    import json
    from collections import Counter

    from tidewise.analysis.engine import default_analyzer
    from tidewise.replies import graded_reply
    from training.safety_encoder import inside_ordinary

    def rows_of(name: str) -> list[dict[str, str]]:
        with (folder / name).open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]

    def text(row: dict[str, str]) -> str:
        return f"{row['context']} {row['text']}" if row.get("context") else row["text"]

    crisis, looks = rows_of("crisis.jsonl"), rows_of("lookalikes.jsonl")
    engine = default_analyzer()
    read = engine.analyze_many([text(r) for r in crisis + looks])
    levels = [a.safety.level for a in read]
    replies = [graded_reply(a).kind for a in read]
    # The items are short; in a real entry they sit among ordinary sentences, which the
    # screen reads with them (`safety.in_context`). So each is read again inside ordinary
    # text: two held-out ordinary sentences before it and two after.
    framed = inside_ordinary([[text(r)] for r in crisis + looks], _ordinary())
    inside = engine.analyze_many([" ".join(e) for e in framed])
    inside_levels = [a.safety.level for a in inside]
    # Part of a look-alike's false alarm inside ordinary text is the ordinary text's own:
    # its four ordinary sentences, read without it.
    frames = engine.analyze_many([" ".join(e[:2] + e[-2:]) for e in framed[len(crisis) :]])
    frame_clear = sum(a.safety.level == "clear" for a in frames) / len(looks)
    inside_replies = [graded_reply(a).kind for a in inside]
    by_family: dict[str, Counter[str]] = {}
    for row, level, reply in zip(crisis + looks, levels, replies, strict=True):
        tally = by_family.setdefault(f"{row['kind']}: {row['family']}", Counter())
        tally[level] += 1
        tally["ordinary reply"] += reply == "reflection"
    lines = []
    for key, tally in sorted(by_family.items()):
        n = sum(tally[level] for level in ("none", "possible", "clear"))
        lines.append(
            f"| {key} | {n} | {(tally['possible'] + tally['clear']) / n:.3f} "
            f"| {tally['clear'] / n:.3f} | {tally['ordinary reply'] / n:.3f} |"
        )
    n_crisis = len(crisis)
    crisis_levels, look_levels = levels[:n_crisis], levels[n_crisis:]
    ordinary = sum(k == "reflection" for k in replies[:n_crisis]) / n_crisis
    summary = (
        f"Crisis ({n_crisis}): caught (possible + clear) "
        f"{sum(lv != 'none' for lv in crisis_levels) / n_crisis:.3f}, clear "
        f"{sum(lv == 'clear' for lv in crisis_levels) / n_crisis:.3f}, still given an ordinary "
        f"reflection {ordinary:.3f}. Look-alikes ({len(looks)}): clear false alarms "
        f"{sum(lv == 'clear' for lv in look_levels) / len(looks):.3f}, any alarm "
        f"{sum(lv != 'none' for lv in look_levels) / len(looks):.3f}. Bars: 0.95, 0.85, "
        "no crisis item with an ordinary reply, clear false alarms at most 0.05."
    )
    in_crisis, in_looks = inside_levels[:n_crisis], inside_levels[n_crisis:]
    summary += (
        " Inside ordinary text: caught "
        f"{sum(lv != 'none' for lv in in_crisis) / n_crisis:.3f}, clear "
        f"{sum(lv == 'clear' for lv in in_crisis) / n_crisis:.3f}, ordinary reflection "
        f"{sum(k == 'reflection' for k in inside_replies[:n_crisis]) / n_crisis:.3f}; "
        f"look-alikes clear {sum(lv == 'clear' for lv in in_looks) / len(looks):.3f}, any "
        f"{sum(lv != 'none' for lv in in_looks) / len(looks):.3f} (the ordinary text around "
        f"them, read alone, gets the help reply {frame_clear:.3f})."
    )
    return "\n".join(
        [
            f"### {title} (validation/{folder.name}: never trained or tuned on)",
            "",
            summary,
            "",
            "| kind: family | rows | possible + clear | clear | ordinary reply |",
            "|---|---|---|---|---|",
            *lines,
        ]
    )


def _ordinary() -> list[str]:
    """The held-out fifth of the frozen ordinary sentences (no safety layer trained on it)."""
    from training.safety import ORDINARY_FILE, is_dev, ordinary_texts

    # As training reads them, the held-out fifth; each ends a sentence, so joined into an
    # entry they split as they were written.
    kept = [t for t in ordinary_texts(CORPUS.parent, (ORDINARY_FILE,)) if is_dev(t)]
    return [t if t[-1] in ".!?" else f"{t}." for t in kept]


def dev_table() -> str:
    """Issue 12, round 2: the fifth writer's dev fifth (train3_*.jsonl, picked by a seeded
    hash; never trained on, but the rules of round 2 were written against the other four
    fifths of the same writer), per family, through the whole screen."""
    from tidewise.analysis.engine import default_analyzer
    from tidewise.analysis.safety_model import shipped_safety_head
    from training.safety import dev_report

    # The head reads the screen's own encoder's vectors, as the engine gives them.
    read = default_analyzer().read_in_context
    report = dev_report(CORPUS.parent, shipped_safety_head(), None, embed=read)
    rows = [
        f"| {key} | {v['n']} | {v['any']:.3f} | {v['clear']:.3f} |" for key, v in report.items()
    ]
    return "\n".join(
        [
            "### The fifth writer's dev set (issue 12, round 2)",
            "",
            "A fifth of corpus/safety/train3_*.jsonl, never trained on. Crisis rows: caught "
            "(possible + clear) and clear; look-alike rows: any alarm and clear alarms.",
            "",
            "| kind: family | rows | possible + clear | clear |",
            "|---|---|---|---|",
            *rows,
        ]
    )


def levels_table() -> str:
    """Issue 12: the three levels on the dev sentences (dev12.jsonl, written with the new
    rules: not blind) and on the earlier blind set (never tuned on). Whole entries go
    through `screen` (so the two-sentence window runs), with the learned layer."""
    from tidewise.analysis.engine import default_analyzer
    from tidewise.analysis.segment import split_sentences
    from training.safety_encoder import memo_reader

    engine = default_analyzer()
    rows = []
    cost = 0.0
    count = 0
    for name in ("dev12.jsonl", "blind.jsonl", "fresh.jsonl"):
        examples = load_file(name)
        entries = [
            [ex.text[a:b] for a, b in split_sentences(ex.text)] or [ex.text] for ex in examples
        ]
        # Embedded first (the engine pays that anyway), then the screen alone is timed: the
        # sentences, and the windows it reads again in context (`safety.in_context`), which
        # a first pass embeds and remembers.
        vectors = [engine.screen_vectors(sentences) for sentences in entries]
        read = memo_reader(engine.read_in_context)
        for sents, vecs in zip(entries, vectors, strict=True):
            screen(sents, vectors=vecs, context=read)
        started = time.perf_counter()
        levels = [
            screen(sents, vectors=vecs, context=read).level
            for sents, vecs in zip(entries, vectors, strict=True)
        ]
        cost += time.perf_counter() - started
        count += sum(len(sentences) for sentences in entries)
        crisis = [lv for ex, lv in zip(examples, levels, strict=True) if ex.kind]
        negatives = [lv for ex, lv in zip(examples, levels, strict=True) if not ex.kind]
        either = sum(lv != "none" for lv in crisis) / len(crisis)
        clear = sum(lv == "clear" for lv in crisis) / len(crisis)
        false_clear = sum(lv == "clear" for lv in negatives) / len(negatives)
        false_any = sum(lv != "none" for lv in negatives) / len(negatives)
        rows.append(
            f"| {name} | {len(crisis)} | {either:.3f} | {clear:.3f} | {len(negatives)} "
            f"| {false_clear:.3f} | {false_any:.3f} |"
        )
    return "\n".join(
        [
            "### Levels (issue 12): possible and clear",
            "",
            "Bars on a fresh blind set: recall (possible + clear) >= 0.95, clear alone >= 0.85, "
            "clear false alarms <= 5% on hard look-alikes. dev12.jsonl was written with the "
            "issue-12 rules, so its figures are not blind; blind.jsonl still is.",
            "",
            "| set | crisis | recall, possible + clear | recall, clear | look-alikes "
            "| false alarms, clear | false alarms, possible + clear |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            f"Screen cost beyond the embeddings (rules, learned layer, window; whole entries; "
            f"the windows read again in context embedded beforehand, as the sentences are): "
            f"{1000 * cost / count:.3f} ms per sentence.",
        ]
    )


def layer_verdicts(examples: Sequence[Example]) -> tuple[dict[str, list[tuple[str, ...]]], str]:
    """Rules, learned layer and combined verdicts per example, and a line of timings.
    Loads the real embedder once (the engine computes these vectors for every entry)."""
    from tidewise.analysis.engine import default_analyzer
    from tidewise.analysis.features import model_text
    from tidewise.analysis.safety_model import shipped_safety_head

    texts = [model_text(e.text) for e in examples]
    engine = default_analyzer()
    started = time.perf_counter()
    vectors = engine.screen_vectors(texts)
    embed_ms = 1000 * (time.perf_counter() - started) / len(texts)
    head = shipped_safety_head()
    started = time.perf_counter()
    learned: list[tuple[str, ...]] = [() for _ in examples]
    for flag in head.flags(vectors, texts):
        learned[flag.sentence] = (flag.kind,)
    head_ms = 1000 * (time.perf_counter() - started) / len(texts)
    started = time.perf_counter()
    combined = [screen([e.text], vectors=vectors[i : i + 1]).kinds for i, e in enumerate(examples)]
    combined_ms = 1000 * (time.perf_counter() - started) / len(texts)
    rules = [screen_sentence(e.text) for e in examples]
    timing = (
        f"Cost per sentence: embedding {embed_ms:.2f} ms (batches of 32; the engine already "
        f"pays it), learned layer {head_ms:.3f} ms (batched), rules + learned layer "
        f"through `screen` {combined_ms:.2f} ms (one sentence per call)."
    )
    return {"rules only": rules, "learned layer only": learned, "combined": combined}, timing


def layers_table() -> str:
    """Blind and fresh sets: rules only, learned layer only, combined."""
    from tidewise.analysis.safety_model import shipped_safety_head

    blind, fresh = load_blind(), load_fresh()
    blind_unseen = unseen(blind)
    keep = {id(e) for e in blind_unseen}
    verdicts, timing = layer_verdicts([*blind, *fresh])
    rows = []
    for layer, kinds in verdicts.items():
        on_blind, on_fresh = kinds[: len(blind)], kinds[len(blind) :]
        kept = [k for e, k in zip(blind, on_blind, strict=True) if id(e) in keep]
        rows.append(_row(f"blind.jsonl, {layer}", score(blind, on_blind)))
        rows.append(_row(f"blind.jsonl unseen, {layer}", score(blind_unseen, kept)))
        rows.append(_row(f"fresh.jsonl (trained on), {layer}", score(fresh, on_fresh)))
    head = shipped_safety_head()
    dev = head.report.get("dev", {})
    held = head.report.get("held_out", {})
    return "\n".join(
        [
            "### Rules and learned layer (blind.jsonl: never trained or tuned on)",
            "",
            f"Learned layer {head.version} (reads {head.encoder}): clear at "
            f"{head.threshold}, possible at {head.possible_threshold}, two sentences at "
            f"{head.pair_threshold}, chosen through the int8 encoder on rows training never "
            f"saw ({held.get('crisis')} crisis and {held.get('lookalikes')} look-alike rows, "
            f"the dev fifths; {held.get('ordinary_sentences')} ordinary sentences). There, "
            f"the whole screen: caught {dev.get('crisis_caught')}, clear "
            f"{dev.get('crisis_clear')}, look-alikes clear {dev.get('lookalikes_clear')}; the "
            f"layer alone on ordinary sentences: possible {dev.get('ordinary_possible_layer')}, "
            f"clear {dev.get('ordinary_clear_layer')} (dev, not blind).",
            "",
            "| set, layer | crisis | recall (bar) | right kind | hard negatives | FPR (bar) |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            timing,
        ]
    )


if __name__ == "__main__":
    import sys

    # --blind: only the blind sets' tables (the rest of the bench takes minutes).
    print(blind_tables() if "--blind" in sys.argv[1:] else run())
