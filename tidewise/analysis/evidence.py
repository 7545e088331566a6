"""The words that carried a sentence's label, as spans the UI can highlight.

Two sources, both cheap: the cue matches that speak for the label, and the words
whose hashed n-gram weights pushed the linear head toward that label more than
toward the runner-up. A word's push is the weight of its own unigram bucket on the
margin between the two labels: a cheap stand-in for leaving the word out, which
would mean re-hashing (and, for the embedding's share, re-encoding) the sentence
once per word and multiply the cost of an entry by its length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from tidewise.analysis.classify import Head
from tidewise.analysis.features import CueMatch, FeatureConfig, unigram_bucket
from tidewise.analysis.types import Evidence
from tidewise.cycle.labels import Label

_WORD = re.compile(r"[A-Za-z0-9'’]+")
MAX_WORDS = 3  # at most this many attributed words per sentence
MIN_PUSH = 0.15  # a word must move the logit margin at least this much


def evidence_for(
    sentence: str,
    label: str,
    row: npt.NDArray[np.float32],
    matches: Sequence[CueMatch],
    head: Head,
) -> tuple[Evidence, ...]:
    """Evidence spans for `label` in `sentence`, ordered by position, merged where they touch."""
    if label == Label.NEUTRAL:
        return ()
    spans = [(m.start, m.end) for m in matches if m.label == label]
    spans += _attributed_words(sentence, label, row, head)
    return tuple(Evidence(start, end, sentence[start:end], label) for start, end in _merged(spans))


def _attributed_words(
    sentence: str, label: str, row: npt.NDArray[np.float32], head: Head
) -> list[tuple[int, int]]:
    target = head.labels.index(label)
    runner_up = int(np.argsort(row)[-2]) if row.size > 1 else target
    if runner_up == target:
        return []
    margin = head.sparse_coef[target] - head.sparse_coef[runner_up]
    pushes = [
        (_push(m.group(), margin, head.config), m.start(), m.end())
        for m in _WORD.finditer(sentence)
    ]
    pushes = [p for p in pushes if p[0] >= MIN_PUSH]
    pushes.sort(key=lambda p: -p[0])
    return [(start, end) for _, start, end in pushes[:MAX_WORDS]]


def _push(word: str, margin: npt.NDArray[np.float32], config: FeatureConfig) -> float:
    """How much this word's unigram weight moves the target-minus-runner-up margin."""
    return float(margin[unigram_bucket(word, config)])


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
