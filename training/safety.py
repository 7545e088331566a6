"""Train the linear safety layer on the reader's vectors: the baseline the shipped head
is measured against.

    python -m training.safety --out head13.npz [--corpus corpus] [--cache emb.npz]

This layer was the shipped head up to 1.3. Since 2.0 the screen reads its own
fine-tuned encoder (`training/safety_encoder.py`, `make train-safety`), which writes
`tidewise/analysis/data/safety_head.npz`; this script refuses to overwrite it. It still
reproduces head 1.3 exactly, for `python -m bench.safety_heads`.

Training data, all written by this project (see corpus/safety/README.md):
- corpus/safety/crisis.jsonl, hard_negatives.jsonl, fresh.jsonl, train_extra.jsonl,
  train_more.jsonl, train_more2.jsonl, and four fifths of train3_crisis.jsonl and
  train3_lookalikes.jsonl (the other fifth is the dev set, `is_dev`, never read here):
  {"text", "kind"} with kind "self_harm", "danger_from_partner", "harm_to_others" or
  null (or "none");
- corpus/safety/ordinary.jsonl: ordinary journal sentences, used as extra negatives so the
  layer learns what a normal entry sounds like. Those the rules flag are left out: the
  writers did not label them for safety, and some ("I just want it all to stop") are
  worth an offer of help, so they must not teach the layer that such words are safe.
corpus/safety/blind.jsonl is NEVER read here: it is for measuring only (bench_safety).

Method: the MiniLM embedding of each sentence (the same encoder and text cleaning as
the engine) beside its hashed words and word pairs (`safety_model.word_features`); a
4-way multinomial logistic regression (none, self_harm, danger_from_partner,
harm_to_others) with
sample weights (crisis and negatives weigh the same in total; the ordinary sentences
weigh as much as the hard negatives together). C and the threshold on p(concern) =
1 - p(none) are chosen on stratified 5-fold cross-validation out-of-fold probabilities
(see `choose_threshold`). Fixed seeds, sorted inputs: reproducible.
scikit-learn is imported here only, never at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tidewise.analysis.features import model_text
from tidewise.analysis.safety import explain, level_of, screen_sentence
from tidewise.analysis.safety_implied import CLEAR
from tidewise.analysis.safety_model import (
    DIMENSIONS,
    HEAD_KINDS,
    HEAD_LABELS,
    READER,
    SAFETY_HEAD_FILE,
    WORD_BUCKETS,
    SafetyHead,
    pair_texts,
    word_features,
)
from tidewise.analysis.segment import split_sentences
from training.embeddings import cached_embeddings

SEED = 20240611
FOLDS = 5
C_GRID = (1.0, 2.0, 4.0, 8.0)
SAFETY_FILES = (
    "crisis.jsonl",
    "hard_negatives.jsonl",
    "fresh.jsonl",
    "train_extra.jsonl",
    "train_more.jsonl",
    "train_more2.jsonl",
    "train3_crisis.jsonl",
    "train3_lookalikes.jsonl",
    "train4a_crisis.jsonl",
    "train4a_lookalikes.jsonl",
    "train4b_crisis.jsonl",
    "train4b_lookalikes.jsonl",
)
# Not read: the eighth and ninth writers' files (train5a_*, train5b_*, issue 12 round 3).
# A head 1.4 trained with them (four fifths each, a fifth as dev) was measured and not
# shipped: on the dev fifths it moved caught 0.727 -> 0.730 and clear 0.527 -> 0.549, but
# through the whole reply path it met fewer crisis items of the first blind set (0.956 ->
# 0.939) and of the earlier writers' files (train4a 0.936 -> 0.856, train_more2 0.948 ->
# 0.845), and one item of `fresh`, which must all be met. With this encoder more writers
# shift the boundary from one writer to another instead of widening it. The files stay as
# two more whole writers the shipped head never saw (tests/test_no_reflection_for_crisis.py
# holds the share it meets), and for a head on a stronger encoder.
NOT_READ_YET = (
    "train5a_crisis.jsonl",
    "train5a_lookalikes.jsonl",
    "train5b_crisis.jsonl",
    "train5b_lookalikes.jsonl",
)


def four_writers(prefix: str) -> tuple[str, ...]:
    """A round's four writers' files, `prefix`a to `prefix`d, crisis items and look-alikes."""
    return tuple(f"{prefix}{w}_{part}.jsonl" for w in "abcd" for part in ("crisis", "lookalikes"))


# The tenth to thirteenth writers (issue 12, round 5), who saw no rule, training file or
# test set: long entries with the risk buried and quoted (6a), understated, older, faith
# and second-language voices (6b), the edge between fury and danger (6c), and the body
# (6d). Read by the screen's own encoder only (`training.safety_encoder`), a fifth of each
# held out as dev.
ROUND5_WRITERS = four_writers("train6")
# The fourteenth to seventeenth writers (issue 12, round 6), likewise: the young and the
# online, slang used both ways (7a); the families the screen found hardest, two-sentence
# risk, reckless acts, harm to others and implied danger, with look-alikes shaped like them
# (7b); the swing itself, reaching and pushing at full strength, with the risk inside it
# (7c); danger from a partner as people live it without calling it abuse (7d).
ROUND6_WRITERS = four_writers("train7")
# The eighteenth to twenty-first writers, written at the end of round 6: letters never
# sent and metaphor (8a); lists, scales and therapy homework (8b); the long aftermath and
# the lives around it (8c); lives earlier writers left out: rural, military, visas, care,
# in-laws, same-sex affairs (8d). Head 2.2 never read them (what it met of them was a blind
# reading of four more voices); head 2.3 trains on four fifths of each.
ROUND6_LATE_WRITERS = four_writers("train8")
# The twenty-second to twenty-fifth writers (round 7), read likewise since head 2.3:
# risk that only shows across two sentences, with ordinary pairs built the same way (9a);
# the punishing side of the swing at its darkest, harm to others and dying so the partner
# feels it, with furious look-alikes (9b); risk shown by what people do, reckless and
# sideways acts, with ordinary acts that look the same (9c); voices easy to miss, short
# fragments, phone typing, English as a second language, poetic images (9d).
ROUND7_WRITERS = four_writers("train9")
# The twenty-sixth to twenty-ninth writers, at the end of round 7, first read by head 2.5
# (head 2.3's reading of them was blind): notes-app lists, trackers and therapy records
# (10a); letters, prayers and images (10b); danger from a partner or ex through phones,
# money, the children and the law (10c); self-harm in forms people do not call self-harm
# (10d).
ROUND7_LATE_WRITERS = four_writers("train10")
# The thirtieth to thirty-third writers, last of round 7, likewise first read by head 2.5:
# risk said sideways by people getting ready to go (11a); danger and self-harm that only
# show across two sentences (11b); men's voices, harm to others and danger from a partner
# to a man (11c); whole short entries with the risk in one sentence of an ordinary day (11d).
ROUND7_LAST_WRITERS = four_writers("train11")
# The thirty-fourth to thirty-seventh writers (round 8), likewise first read by 2.5: young
# voices, slang and phone typing (12a); long run-on forum entries with the risk buried in
# ordinary news (12b); older writers, long marriages, farms and faith, and women who want
# to hurt the affair partner (12c); quoted texts, voicemails, drafts and searches (12d).
ROUND8_WRITERS = four_writers("train12")
# The twelve writers head 2.5 was the first to read: `bench.safety_heads` keeps their dev
# fifths apart, so heads before and after it are judged on the same dev rows.
FIRST_READ_BY_2_5 = ROUND7_LATE_WRITERS + ROUND7_LAST_WRITERS + ROUND8_WRITERS
# The thirty-eighth to forty-first writers (end of round 8), first read by head 2.6 (head
# 2.5's reading of them was blind): the families head 2.5 still misses most, each with
# look-alikes built the same way: self-harm that only shows across two sentences (13a);
# risk said sideways in lives earlier writers left out (13b); harm to others and reckless
# acts, the children at risk too (13c); means without stated intent, and dying so the
# partner feels it (13d).
ROUND9_WRITERS = four_writers("train13")
# The four writers head 2.6 was the first to read, kept apart in `bench.safety_heads` the
# same way.
FIRST_READ_BY_2_6 = ROUND9_WRITERS
# The forty-second to forty-fifth writers (round 9), not read by any head yet: danger from a
# partner and harm to others that only show across two sentences (14a); risk said sideways
# through practical arrangements, and danger told as logistics (14b); the swing at its
# dangerous edge, with its safe edge (distance, anger, shame after reaching) as look-alikes
# (14c); everyday words a careless reader takes for danger, used in their ordinary sense
# (14d).
ROUND10_WRITERS = four_writers("train14")
# The forty-sixth to forty-ninth writers (end of round 9), not read by any head yet:
# self-harm across two sentences in easy-to-miss voices (15a); danger and harm to others
# outside one shared house: same-sex couples, ex-partners, handovers (15b); risk said
# calmly, as if settled, beside calm that really is settled (15c); risk said with a denial
# or through another's story, beside real denials and others' stories (15d).
ROUND11_WRITERS = four_writers("train15")
NEVER_TRAIN_ON = "blind.jsonl"  # the measuring set: never read by this script
# The fifth writer's files (issue 12, round 2) are split: a fifth of them, picked by a
# seeded hash of the text (`is_dev`), is the dev set, never trained on.
SPLIT_FILES = ("train3_crisis.jsonl", "train3_lookalikes.jsonl")


@dataclass(frozen=True)
class Files:
    """Which safety files a head is trained on, and which of them keep a dev fifth."""

    train: tuple[str, ...]
    split: tuple[str, ...]
    version: str
    # Read a row's `context` sentence before its text, as one training row (the screen
    # reads a flagged sentence with its neighbours). Off for the linear layer, so head 1.3
    # is reproduced exactly.
    with_context: bool = False
    # The ordinary journal sentences it reads as negatives (frozen copies, see ORDINARY_FILE).
    ordinary: tuple[str, ...] = ("ordinary.jsonl",)


# The trial of issue 12, round 3 (`--with-new-writers`): the shipped files plus the
# eighth and ninth writers', a fifth of each kept as dev. Written to a head file of its
# own for `python -m bench.safety_heads`; never the shipped head.
TRIAL_VERSION = "1.4-trial"
DEV_SEED = "tidewise-safety-dev-2026"
DEV_SHARE = 5  # one in five
# Source names: the clear threshold caps the fifth writer's look-alikes alone too (the
# older sets are easier and would hide them).
NEWEST_LOOKALIKES = ("train3_lookalikes",)
ORDINARY = "ordinary"  # the source name of the ordinary journal sentences
# Frozen: the v1 classifier corpus's sentences. Reading corpus/sentences directly let any
# change of the classifier corpus retrain the safety layer silently (corpus v2 moved
# single indirect cases across the threshold); the safety layer changes only on purpose.
ORDINARY_FILE = "ordinary.jsonl"
HARD_FPR_CAP = 0.05  # combined screen, hard negatives, out of fold
ORDINARY_FPR_CAP = 0.01  # learned layer, ordinary journal sentences, out of fold
# The "possible" band (a gentle check-in, no help reply): the layer alone may raise it on
# at most this share of ordinary journal sentences, out of fold (hard negatives uncapped:
# a check-in on a hard look-alike is the price of catching more of the real thing).
# 1.5% since 1.2 (issue 12, round 2: a little wider, a check-in costs little).
POSSIBLE_ORDINARY_FPR_CAP = 0.015
# Two adjacent sentences read together (a "possible" concern): at most this share of
# pairs of ordinary journal sentences, out of fold.
PAIR_ORDINARY_FPR_CAP = 0.01
# 1.1: the possible band, and the issue-12 rules excluding sentences;
# 1.2: harm_to_others as a fourth label, the fifth writer's files, the pair threshold,
#      and the clear threshold chosen on the rules after the distance cues.
# 1.3: two more writers' files (train4a: US and Canada; train4b: UK, Ireland, Australia,
#      New Zealand), written apart from the rules and from every test set.
HEAD_VERSION = "1.3"
SHIPPED = Files(SAFETY_FILES, SPLIT_FILES, HEAD_VERSION)
WITH_NEW_WRITERS = Files(SAFETY_FILES + NOT_READ_YET, SPLIT_FILES + NOT_READ_YET, TRIAL_VERSION)

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Data:
    texts: list[str]
    labels: npt.NDArray[np.int64]  # index into HEAD_LABELS
    sources: list[str]  # file stem, or ORDINARY
    rules: npt.NDArray[np.bool_]  # did the rule layer flag the sentence (clear, after distance)?

    def mask(self, *sources: str) -> npt.NDArray[np.bool_]:
        return np.asarray([s in sources for s in self.sources])


def is_dev(text: str) -> bool:
    """True for the fifth of the split files kept as the dev set (seeded hash of the text)."""
    digest = hashlib.sha256(f"{DEV_SEED}:{text}".encode()).hexdigest()
    return int(digest[:8], 16) % DEV_SHARE == 0


def kind_of(row: dict[str, Any]) -> str | None:
    """The row's kind, None for a look-alike (written as null or "none")."""
    kind = row.get("kind")
    return None if kind in (None, "none", "") else str(kind)


def read_data(corpus: Path, files: Files = SHIPPED) -> Data:
    """Every safety file (minus the dev fifth of the split files) and every ordinary
    sentence (minus rule hits), deduplicated."""
    seen: set[str] = set()
    texts, labels, sources = [], [], []
    for name in files.train:
        assert name != NEVER_TRAIN_ON
        for row in _rows(corpus / "safety" / name):
            parts = (row.get("context"), row["text"]) if files.with_context else (row["text"],)
            text = model_text(" ".join(str(p) for p in parts if p))
            kind = kind_of(row)
            if name in files.split and is_dev(str(row["text"])):
                continue
            if text and text not in seen and (kind is None or kind in HEAD_KINDS):
                seen.add(text)
                texts.append(text)
                labels.append(HEAD_LABELS.index(kind or HEAD_LABELS[0]))
                sources.append(Path(name).stem)
    for text in ordinary_texts(corpus, files.ordinary):
        if text not in seen:
            seen.add(text)
            texts.append(text)
            labels.append(0)
            sources.append(ORDINARY)
    rules = np.asarray([rules_clear(t) for t in texts])
    return Data(texts, np.asarray(labels, dtype=np.int64), sources, rules)


def ordinary_texts(corpus: Path, names: tuple[str, ...]) -> list[str]:
    """The ordinary sentences of these frozen files as the layers read them (`model_text`),
    without those a rule flags (a crisis the rules see is not an ordinary negative)."""
    rows = [row for name in names for row in _rows(corpus / "safety" / name)]
    texts = [model_text(str(row.get("text", ""))) for row in rows]
    return [t for t in texts if t and not screen_sentence(t)]


def rules_clear(text: str) -> bool:
    """Do the rules alone (and the distance cues) raise a clear concern on this text?"""
    sentences = [text[a:b] for a, b in split_sentences(text)] or [text]
    return level_of(explain(sentences)) == CLEAR


def dev_rows(corpus: Path, files: Files = SHIPPED) -> list[dict[str, Any]]:
    """The dev fifth of the split files: {"text", "kind", "family", "context"?}."""
    rows: list[dict[str, Any]] = []
    for name in files.split:
        rows.extend(r for r in _rows(corpus / "safety" / name) if is_dev(str(r["text"])))
    return rows


def _rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                print(f"{path.name}:{number}: not JSON, skipped", file=sys.stderr)
    return rows


def features(texts: list[str], vectors: npt.NDArray[np.float32]) -> Any:
    """[embedding, hashed words] as one sparse matrix (the run-time layout)."""
    from scipy import sparse  # train-only dependency (comes with scikit-learn)

    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        idx, val = word_features(text, WORD_BUCKETS)
        rows.extend([i] * len(idx))
        cols.extend(idx.tolist())
        vals.extend(val.tolist())
    words = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), WORD_BUCKETS))
    return sparse.hstack([sparse.csr_matrix(vectors), words]).tocsr()


def sample_weights(data: Data) -> Floats:
    """Ordinary sentences weigh as much, together, as the hard negatives; the crisis
    sentences weigh as much, together, as all the negatives."""
    ordinary = data.mask(ORDINARY)
    crisis = data.labels > 0
    weights = np.ones(len(data.texts))
    hard = ~ordinary & ~crisis
    if ordinary.any():
        weights[ordinary] = hard.sum() / ordinary.sum()
    weights[crisis] = weights[~crisis].sum() / crisis.sum()
    return weights


def fit(x: Any, y: Any, w: Any, c_value: float) -> tuple[Floats, Floats]:
    """One multinomial logistic regression: (coef, intercept) in HEAD_LABELS order."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c_value, max_iter=5000, random_state=SEED)
    model.fit(x, y, sample_weight=w)
    assert tuple(model.classes_) == tuple(range(len(HEAD_LABELS)))
    return model.coef_.astype(np.float64), model.intercept_.astype(np.float64)


def softmax(logits: Floats) -> Floats:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True))


def out_of_fold(
    x: Any, data: Data, weights: Floats, c_value: float, pairs: Any = None
) -> tuple[Floats, Floats]:
    """Probabilities for every sentence from a model that never saw it (stratified by
    source and label, so every fold holds some of each file and kind); with `pairs`
    ((features, (i, j) index rows) of ordinary sentence pairs), also p(concern) for each
    pair whose two sentences fell in the same held-out fold (NaN for the others)."""
    from sklearn.model_selection import StratifiedKFold

    strata = [f"{s}:{y}" for s, y in zip(data.sources, data.labels.tolist(), strict=True)]
    probs = np.zeros((len(data.texts), len(HEAD_LABELS)))
    pair_concern = np.full(0 if pairs is None else len(pairs[1]), np.nan)
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(x, strata):
        coef, intercept = fit(x[train], data.labels[train], weights[train], c_value)
        probs[test] = softmax(x[test] @ coef.T + intercept)
        if pairs is not None:
            held = np.zeros(len(data.texts), dtype=bool)
            held[test] = True
            both = held[pairs[1][:, 0]] & held[pairs[1][:, 1]]
            if both.any():
                pair_concern[both] = 1.0 - softmax(pairs[0][both] @ coef.T + intercept)[:, 0]
    return probs, pair_concern


def ordinary_pairs(data: Data, vectors: npt.NDArray[np.float32]) -> Any:
    """Features of each pair of ordinary sentences next to each other in the file, read
    as the screen reads two adjacent sentences (`safety_model.pair_vectors`), and their
    (i, j) indexes."""
    from scipy import sparse

    index = np.flatnonzero(data.mask(ORDINARY))
    rows = np.stack([index[:-1], index[1:]], axis=1)
    summed = vectors[rows[:, 0]] + vectors[rows[:, 1]]
    unit = summed / np.maximum(np.linalg.norm(summed, axis=1, keepdims=True), 1e-12)
    texts = pair_texts([data.texts[i] for i in index])
    x = features(texts, unit.astype(np.float32))
    return sparse.csr_matrix(x), rows


def choose_pair_threshold(pair_concern: Floats, floor: float) -> float:
    """The lowest threshold (at least `floor`) at which at most PAIR_ORDINARY_FPR_CAP of
    the ordinary pairs scored out of fold reach it."""
    scored = pair_concern[~np.isnan(pair_concern)]
    for threshold in np.round(np.arange(floor, 0.995, 0.01), 2):
        if scored.size == 0 or float((scored >= threshold).mean()) <= PAIR_ORDINARY_FPR_CAP:
            return float(threshold)
    return 1.0


def rates(flagged: npt.NDArray[np.bool_], data: Data, keep: Any = None) -> dict[str, float]:
    """Recall on crisis sentences, FPR on hard negatives and on ordinary sentences."""
    keep = np.ones(len(flagged), dtype=bool) if keep is None else keep
    crisis = (data.labels > 0) & keep
    ordinary = data.mask(ORDINARY) & keep
    hard = (data.labels == 0) & ~ordinary & keep
    return {
        "recall": round(float(flagged[crisis].mean()), 4) if crisis.any() else 0.0,
        "hard_fpr": round(float(flagged[hard].mean()), 4) if hard.any() else 0.0,
        "ordinary_fpr": round(float(flagged[ordinary].mean()), 4) if ordinary.any() else 0.0,
    }


def choose_threshold(concern: Floats, data: Data) -> float:
    """The lowest threshold (most recall: a miss costs more than a gentle offer) at which,
    out of fold, the combined screen (rules OR layer) keeps its false-positive rate on
    hard negatives <= 5%, also on the newest writer's look-alikes alone (the older sets
    are easier and would hide them), and the layer alone flags <= 1% of ordinary journal
    sentences."""
    newest = data.mask(*NEWEST_LOOKALIKES)
    for threshold in np.round(np.arange(0.05, 0.995, 0.01), 2):
        flagged = data.rules | (concern >= threshold)
        combined = rates(flagged, data)
        newest_ok = not newest.any() or float(flagged[newest].mean()) <= HARD_FPR_CAP
        if (
            combined["hard_fpr"] <= HARD_FPR_CAP
            and combined["ordinary_fpr"] <= ORDINARY_FPR_CAP
            and newest_ok
        ):
            return float(threshold)
    return 0.99


def choose_possible_threshold(concern: Floats, data: Data, clear: float) -> float:
    """The lowest threshold (at most `clear`) at which the layer alone flags at most
    POSSIBLE_ORDINARY_FPR_CAP of the ordinary journal sentences, out of fold."""
    for threshold in np.round(np.arange(0.05, clear, 0.01), 2):
        if rates(concern >= threshold, data)["ordinary_fpr"] <= POSSIBLE_ORDINARY_FPR_CAP:
            return float(threshold)
    return clear


def choose_c(x: Any, data: Data, weights: Floats, pairs: Any) -> tuple[float, Floats, Floats]:
    """The C whose chosen thresholds give the highest out-of-fold recall, clear and
    caught (clear or possible) added: a miss costs more than a check-in (ties go to the
    smaller C, the smoother model). Also its out-of-fold probabilities and the
    out-of-fold p(concern) of the ordinary pairs."""
    best: tuple[float, float, Floats, Floats] | None = None
    for c_value in C_GRID:
        probs, pair_concern = out_of_fold(x, data, weights, c_value, pairs)
        concern = 1.0 - probs[:, 0]
        threshold = choose_threshold(concern, data)
        possible = choose_possible_threshold(concern, data, threshold)
        clear = rates(data.rules | (concern >= threshold), data)["recall"]
        caught = rates(data.rules | (concern >= possible), data)["recall"]
        print(
            f"C={c_value}: threshold {threshold:.2f}, possible {possible:.2f}, "
            f"CV recall clear {clear:.4f}, caught {caught:.4f}",
            file=sys.stderr,
        )
        if best is None or clear + caught > best[0]:
            best = (clear + caught, c_value, probs, pair_concern)
    assert best is not None
    return best[1], best[2], best[3]


def cv_report(probs: Floats, threshold: float, data: Data) -> dict[str, Any]:
    """Out-of-fold figures at the chosen threshold: layer, rules, combined; overall and
    per source (train_extra is the one set the rules were never tuned on)."""
    concern = 1.0 - probs[:, 0]
    head = concern >= threshold
    crisis = data.labels > 0
    kind_right = (probs[:, 1:].argmax(axis=1) + 1) == data.labels
    report: dict[str, Any] = {
        "threshold": threshold,
        "head": rates(head, data),
        "rules": rates(data.rules, data),
        "combined": rates(head | data.rules, data),
        "head_kind_accuracy": round(float(kind_right[crisis & head].mean()), 4),
    }
    for source in sorted(set(data.sources) - {ORDINARY}):
        keep = data.mask(source)
        report[source] = {
            name: rates(flags, data, keep)
            for name, flags in (
                ("head", head),
                ("rules", data.rules),
                ("combined", head | data.rules),
            )
        }
    return report


def write_head(
    path: Path,
    coef: Floats,
    intercept: Floats,
    threshold: float,
    report: Any,
    possible: float | None = None,
    pair: float = 1.0,
    version: str = HEAD_VERSION,
    encoder: str = READER,
    context_gate: float = 1.0,
) -> None:
    """The head file the screen loads (`safety_model.load_safety_head`), for either
    encoder: the linear layer here, the fine-tuned one in `training.safety_encoder`."""
    config = {
        "version": version,
        "buckets": WORD_BUCKETS,
        "report": report,
        "possible_threshold": threshold if possible is None else possible,
        "pair_threshold": pair,
    }
    if encoder != READER:  # left out for the reader, so head 1.3 is written as before
        config["encoder"] = encoder
    if context_gate < 1.0:  # likewise (1.0: never read in context)
        config["context_gate"] = context_gate
    np.savez_compressed(
        path,
        labels=np.asarray(HEAD_LABELS),
        coef=coef.astype(np.float32),
        intercept=intercept.astype(np.float32),
        threshold=np.float64(threshold),
        config=np.asarray(json.dumps(config, sort_keys=True)),
    )


def dev_report(
    corpus: Path,
    head: SafetyHead,
    cache: Path | None,
    files: Files = SHIPPED,
    embed: Callable[[list[str]], npt.NDArray[np.float32]] | None = None,
) -> dict[str, Any]:
    """The whole screen (rules, this head, the window, the distance cues) on the dev
    fifth of the split files, per kind and family: each row is an entry (its context
    first, when it has one), never trained on. `embed`: the vectors the head reads (and
    reads again in context); without it, the reader's (a head of the linear layer)."""
    from tidewise.analysis.safety import screen

    rows = dev_rows(corpus, files)
    entries = []
    for row in rows:
        text = " ".join(str(p) for p in (row.get("context"), row["text"]) if p)
        entries.append([model_text(text[a:b]) for a, b in split_sentences(text)] or [text])
    flat = sorted({s for e in entries for s in e})
    vectors = embed(flat) if embed is not None else cached_embeddings(None, flat, cache)
    known = dict(zip(flat, vectors, strict=True))
    tally: dict[str, list[int]] = {}
    for row, sentences in zip(rows, entries, strict=True):
        stacked = np.stack([known[s] for s in sentences])
        level = screen(sentences, vectors=stacked, head=head, context=embed).level
        group = "crisis" if kind_of(row) else "look-alike"
        for key in (f"{group}: all", f"{group}: {row.get('family')}"):
            counts = tally.setdefault(key, [0, 0, 0])
            counts[0] += 1
            counts[1] += level != "none"
            counts[2] += level == CLEAR
    return {
        key: {"n": n, "any": round(a / n, 3), "clear": round(c / n, 3)}
        for key, (n, a, c) in sorted(tally.items())
    }


def train(
    corpus: Path,
    out: Path,
    cache: Path | None,
    log: Callable[[str], None],
    files: Files = SHIPPED,
) -> Any:
    data = read_data(corpus, files)
    counts = {s: int(data.mask(s).sum()) for s in sorted(set(data.sources))}
    log(f"sentences per source: {counts}; crisis {int((data.labels > 0).sum())}")
    vectors = cached_embeddings(None, data.texts, cache)
    assert vectors.shape[1] == DIMENSIONS
    x = features(data.texts, vectors)
    weights = sample_weights(data)
    c_value, probs, pair_concern = choose_c(x, data, weights, ordinary_pairs(data, vectors))
    threshold = choose_threshold(1.0 - probs[:, 0], data)
    possible = choose_possible_threshold(1.0 - probs[:, 0], data, threshold)
    pair = choose_pair_threshold(pair_concern, possible)
    report = cv_report(probs, threshold, data) | {"C": c_value, "counts": counts}
    report["possible"] = {"threshold": possible} | rates(
        data.rules | (1.0 - probs[:, 0] >= possible), data
    )
    scored = pair_concern[~np.isnan(pair_concern)]
    report["pair"] = {
        "threshold": pair,
        "ordinary_pairs_scored": int(scored.size),
        "ordinary_pair_fpr": round(float((scored >= pair).mean()), 4) if scored.size else 0.0,
    }
    coef, intercept = fit(x, data.labels, weights, c_value)
    head = SafetyHead(
        coef=coef.astype(np.float32),
        intercept=intercept.astype(np.float32),
        buckets=WORD_BUCKETS,
        threshold=threshold,
        version=files.version,
        possible_threshold=possible,
        pair_threshold=pair,
    )
    report["dev"] = dev_report(corpus, head, cache, files)
    write_head(out, coef, intercept, threshold, report, possible, pair, files.version)
    log(json.dumps(report, indent=1, sort_keys=True))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument(
        "--out", type=Path, required=True, help="the head file (never the shipped one)"
    )
    parser.add_argument("--cache", type=Path, help="reuse embeddings stored in this .npz file")
    parser.add_argument(
        "--with-new-writers",
        action="store_true",
        help="train the round-3 trial head (also on NOT_READ_YET); needs an --out of its own",
    )
    args = parser.parse_args(argv)
    files = WITH_NEW_WRITERS if args.with_new_writers else SHIPPED
    if args.out.resolve() == SAFETY_HEAD_FILE.resolve():
        parser.error("the shipped head comes from training.safety_encoder: give another --out")
    train(args.corpus, args.out, args.cache, lambda line: print(line, file=sys.stderr), files)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
