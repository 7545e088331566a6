"""Explainable features of one sentence, next to its embedding.

Two kinds, both cheap and numpy-only:

- *cue features*: one value per cue of `cues.CUES` plus a few about who speaks to
  whom (a question to oneself, "you" addressed to oneself, the partner as subject
  while the writer does not move, negation, closeness judged in the same breath);
- *hashed n-grams*: word unigrams and bigrams and character 3-5-grams hashed with
  crc32 (stable across processes, unlike `hash`) into fixed buckets, kept sparse.

The same cue matches become the evidence shown to the person (`evidence.py`).
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from tidewise.analysis import cues as c

MAX_FEATURE_CHARS = 2000  # the encoder sees ~256 tokens; the features need no more
_WORD = re.compile(r"[a-z0-9']+")
_CLOSENESS_JUDGED = {"wrong_with_me", "self_contempt", "self_respect", "guilty", "staying"}


@dataclass(frozen=True)
class CueMatch:
    """One cue found in a sentence: offsets into the sentence."""

    cue: str
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class FeatureConfig:
    """How n-grams are hashed; stored with the weights so training and run time agree."""

    word_buckets: int = 1 << 14
    char_buckets: int = 1 << 15

    @property
    def sparse_size(self) -> int:
        return self.word_buckets + self.char_buckets


_TAG = re.compile(r"<[^<>]{0,200}>")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]+")
_SPACES = re.compile(r"\s+")


def model_text(sentence: str) -> str:
    """What the encoder and the features read: no HTML tags or control bytes, one line."""
    text = _CONTROL.sub(" ", _TAG.sub(" ", sentence[:MAX_FEATURE_CHARS]))
    return _SPACES.sub(" ", text).strip()


def normalise(sentence: str) -> str:
    """Lowercase with straight apostrophes, the same length as the sentence (offsets hold)."""
    text = sentence[:MAX_FEATURE_CHARS].replace("\u2019", "'").replace("\u2018", "'")
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


@lru_cache(maxsize=4096)
def cue_matches(sentence: str) -> tuple[CueMatch, ...]:
    """Every cue match in the sentence, in order of position (cached: asked for twice)."""
    text = normalise(sentence)
    found = [
        CueMatch(cue.name, cue.label, m.start(), m.end())
        for cue in c.CUES
        for m in cue.pattern.finditer(text)
        if m.end() > m.start()
    ]
    return tuple(sorted(found, key=lambda match: (match.start, match.end)))


STRUCTURE_NAMES: tuple[str, ...] = (
    "self_question",
    "you_to_self",
    "partner_subject_no_self",
    "first_person",
    "negation",
    "question_mark",
    "exclamation",
    "closeness_judged",
    "worth_first_person",
    "log_words",
)
CUE_NAMES: tuple[str, ...] = tuple(cue.name for cue in c.CUES)
DENSE_NAMES: tuple[str, ...] = CUE_NAMES + STRUCTURE_NAMES


def dense_features(sentence: str) -> npt.NDArray[np.float32]:
    """The cue and structure features of one sentence, as a float vector."""
    text = normalise(sentence)
    counts = Counter(m.cue for m in cue_matches(sentence))
    cue_part = [min(counts[name], 2) / 2 for name in CUE_NAMES]
    return np.asarray(cue_part + _structure(text, counts), dtype=np.float32)


def _structure(text: str, counts: Counter[str]) -> list[float]:
    first = bool(c.FIRST_PERSON.search(text))
    you = bool(c.YOU.search(text))
    judged = any(counts[name] for name in _CLOSENESS_JUDGED)
    words = len(_WORD.findall(text))
    return [
        float(bool(c.SELF_QUESTION.search(text))),
        float(you and (judged or "?" in text) and not c.PARTNER_FIRST.search(text)),
        float(bool(c.PARTNER_FIRST.search(text)) and not c.I_SUBJECT.search(text)),
        float(first),
        float(bool(c.NEGATION.search(text))),
        float("?" in text),
        float("!" in text),
        float(judged and counts["closeness"] > 0),
        float(first and counts["worth"] > 0),
        math.log1p(words) / 4,
    ]


def ngram_features(
    sentence: str, config: FeatureConfig
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """Sparse hashed n-grams: bucket indices and values (each block L2-normalised)."""
    text = normalise(sentence)
    words = [w.replace("'", "") for w in _WORD.findall(text)]
    word_grams = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    char_grams = [
        padded[i : i + n]
        for w in words
        for padded in (f" {w} ",)
        for n in (3, 4, 5)
        for i in range(max(len(padded) - n + 1, 0))
    ]
    word_idx, word_val = _hashed(word_grams, config.word_buckets, 0)
    char_idx, char_val = _hashed(char_grams, config.char_buckets, config.word_buckets)
    return np.concatenate([word_idx, char_idx]), np.concatenate([word_val, char_val])


def _hashed(
    grams: list[str], buckets: int, offset: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    counts = Counter(zlib.crc32(g.encode("utf-8")) % buckets + offset for g in grams)
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    val = 1 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
    return idx, (val / np.linalg.norm(val)).astype(np.float32)
