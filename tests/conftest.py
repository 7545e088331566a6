"""Root fixtures: an isolated home, cheap keys, a fake analyser, fresh journals.

Every test runs with TIDEWISE_HOME in its own tmp folder and without
TIDEWISE_PASSPHRASE (a test that needs it sets it), so no test can reach a real journal.
Journals made here use TEST_KDF (cheap Argon2id); opening always uses the header's
parameters, so the CLI opens them cheaply too.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tidewise.analysis.types import EntryAnalysis, Safety, SentenceAnalysis, Shame
from tidewise.cycle.labels import Distancing, Label, Movement
from tidewise.journal import Journal
from tidewise.settings import HOME_ENV, PASSPHRASE_ENV, TEST_KDF, Settings

# Keyword cues for the fake analyser: enough to make phases move in tests, nothing more.
_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("attachment_shame", ("hate myself", "what is wrong with me", "self-respect")),
    ("disconnection_shame", ("not enough", "fool", "worthless")),
    ("punishing", ("exploded", "reminded him", "make him pay", "yelled")),
    ("withdrawing", ("spare room", "shut the door", "wall", "cold")),
    ("exhaustion", ("tired", "miss him", "lonely")),
    ("reaching", ("held", "hug", "laughed", "warm", "love")),
)
_LABELS = (
    "reaching",
    "attachment_shame",
    "disconnection_shame",
    "withdrawing",
    "punishing",
    "exhaustion",
    "neutral",
)


class FakeAnalyzer:
    """Deterministic keyword analyser behind the Analyzer and PersonalReader protocols.

    No model: keyword cues label sentences. It learns the way the real reader's
    interface does: `personalised` returns a copy with another `version` that reads the
    person's corrected sentence texts (wherever they appear) with their labels, and
    `analyze_many(..., fixed=)` follows the person's own word for those sentences.
    """

    def __init__(self, version: str = "fake-1") -> None:
        self.version = version
        self.calls = 0
        self.learned: dict[str, str] = {}  # sentence text (stripped) -> taught label

    def analyze(self, text: str) -> EntryAnalysis:
        self.calls += 1
        sentences = tuple(
            _sentence(match, self.learned) for match in re.finditer(r"[^.!?]+[.!?]*", text)
        )
        return _summarised(self.version, sentences, [s.label for s in sentences])

    def analyze_many(
        self, texts: Sequence[str], fixed: Sequence[Mapping[str, str]] | None = None
    ) -> list[EntryAnalysis]:
        if fixed is None:
            return [self.analyze(text) for text in texts]
        return [
            _as_the_person_said(self.analyze(text), own)
            for text, own in zip(texts, fixed, strict=True)
        ]

    def embed(self, texts: Sequence[str]) -> Any:
        """Small deterministic vectors (from a hash of each text), float32 like the model's."""
        import numpy as np

        rows = [np.frombuffer(hashlib.sha256(t.encode()).digest()[:32], np.uint8) for t in texts]
        return (np.array(rows, dtype=np.float32).reshape(len(texts), 32) / 255.0).astype(np.float32)

    def personalised(self, texts: Sequence[str], vectors: Any, labels: Sequence[str]) -> Any:
        taught = {text.strip(): label for text, label in zip(texts, labels, strict=True)}
        mark = hashlib.sha256(repr(sorted(taught.items())).encode()).hexdigest()[:8]
        reader = copy.copy(self)
        reader.learned = {**self.learned, **taught}
        reader.version = f"{self.version.split('+')[0]}+p{mark}"
        return reader

    def classify(
        self, texts: Sequence[str], fixed: Mapping[str, str] | None = None
    ) -> list[tuple[str, dict[str, float]]]:
        out = []
        for text in texts:
            label = _label_of(text, self.learned)
            own = (fixed or {}).get(text.strip())
            if own in _LABELS:
                label = own
            out.append((label, _scores(label)))
        return out


def _label_of(text: str, learned: Mapping[str, str]) -> str:
    taught = learned.get(text.strip())
    if taught is not None:
        return taught
    lowered = text.lower()
    return next((name for name, cues in _CUES if any(c in lowered for c in cues)), "neutral")


def _scores(label: str) -> dict[str, float]:
    return {name: (0.7 if name == label else 0.05) for name in _LABELS}


def _sentence(match: re.Match[str], learned: Mapping[str, str]) -> SentenceAnalysis:
    label = _label_of(match.group(0), learned)
    start, end = match.start(), match.end()
    return SentenceAnalysis(match.group(0), start, end, Label(label), _scores(label))


def _as_the_person_said(analysis: EntryAnalysis, own: Mapping[str, str]) -> EntryAnalysis:
    """The person's word for their corrected sentences; "unsure" counts as telling."""
    if not own:
        return analysis
    sentences, counted = [], []
    for sentence in analysis.sentences:
        said = own.get(sentence.text)
        if said is None:
            sentences.append(sentence)
            counted.append(sentence.label)
            continue
        mine = Label(said) if said in _LABELS else sentence.label
        sentences.append(
            replace(sentence, label=mine, evidence=(), correction=said, reader_label=sentence.label)
        )
        counted.append(Label(said) if said in _LABELS else Label.NEUTRAL)
    return replace(_summarised(analysis.version, tuple(sentences), counted), safety=analysis.safety)


def _summarised(
    version: str, sentences: tuple[SentenceAnalysis, ...], counted: Sequence[str]
) -> EntryAnalysis:
    """Movement, phase, shame and distancing from the labels that count, one per sentence."""
    labels = [label for label in counted if label != "neutral"]
    toward = "reaching" in labels
    away = any(label in ("withdrawing", "punishing") for label in labels)
    movement = "torn" if toward and away else "toward" if toward else "away" if away else "still"
    phase = max(labels, key=labels.count) if labels else "neutral"

    def share(name: str) -> float:
        return labels.count(name) / len(sentences) if sentences else 0.0

    distancing = {(True, True): "both", (True, False): "withdrawing"}.get(
        ("withdrawing" in labels, "punishing" in labels),
        "punishing" if "punishing" in labels else "none",
    )
    voice = [
        s.text for s, label in zip(sentences, counted, strict=True) if label == "attachment_shame"
    ]
    return EntryAnalysis(
        version=version,
        sentences=sentences,
        movement=Movement(movement),
        phase=Label(phase),
        shame=Shame(share("attachment_shame"), share("disconnection_shame")),
        shame_voice=tuple(voice),
        distancing=Distancing(distancing),
        safety=Safety(concern=False),
    )


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "tidewise-home"
    monkeypatch.setenv(HOME_ENV, str(home))
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    return home


@pytest.fixture(autouse=True)
def fresh_unlock_throttle() -> None:
    """Each test starts with no failed unlocks counted (the count is per process)."""
    from tidewise.crypto import THROTTLE

    THROTTLE.failures = 0


@pytest.fixture
def passphrase() -> str:
    return "correct horse 'battery' \\ staple"


@pytest.fixture
def settings(isolated_home: Path) -> Settings:
    return Settings(home=isolated_home, kdf=TEST_KDF)


@pytest.fixture
def fake_analyzer() -> FakeAnalyzer:
    return FakeAnalyzer()


@pytest.fixture
def fresh_journal(
    settings: Settings, passphrase: str, fake_analyzer: FakeAnalyzer
) -> Iterator[Journal]:
    journal = Journal.create(settings, passphrase, analyzer=fake_analyzer)
    yield journal
    journal.close()
