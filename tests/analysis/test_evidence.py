"""Evidence: spans of the sentence that carried its label."""

from __future__ import annotations

import numpy as np

from tidewise.analysis.evidence import evidence_for
from tidewise.analysis.features import cue_matches

from .conftest import fake_head


def test_cue_spans_for_the_label_become_evidence() -> None:
    sentence = "I slept in the guest room and kept my walls up"
    row = np.array([0.05, 0.0, 0.0, 0.9, 0.0, 0.0, 0.05], dtype=np.float32)
    evidence = evidence_for(sentence, "withdrawing", row, cue_matches(sentence), fake_head())
    texts = [e.text.lower() for e in evidence]
    assert any("guest room" in t for t in texts)
    for e in evidence:
        assert sentence[e.start : e.end] == e.text
        assert e.label == "withdrawing"
    starts = [e.start for e in evidence]
    assert starts == sorted(starts)
    assert all(a.end < b.start for a, b in zip(evidence, evidence[1:], strict=False))


def test_neutral_sentences_carry_no_evidence() -> None:
    sentence = "Counselling moved to Friday."
    row = np.array([0, 0, 0, 0, 0, 0, 1.0], dtype=np.float32)
    assert evidence_for(sentence, "neutral", row, cue_matches(sentence), fake_head()) == ()
