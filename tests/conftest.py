"""Root fixtures: an isolated home, cheap keys, a fake analyser, fresh journals.

Every test runs with TIDEWISE_HOME in its own tmp folder and without
TIDEWISE_PASSPHRASE (a test that needs it sets it), so no test can reach a real journal.
Journals made here use TEST_KDF (cheap Argon2id); opening always uses the header's
parameters, so the CLI opens them cheaply too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tidewise.analysis.types import EntryAnalysis, Safety, SentenceAnalysis, Shame
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
    """Deterministic keyword analyser behind the Analyzer protocol (no model, no numpy)."""

    def __init__(self, version: str = "fake-1") -> None:
        self.version = version
        self.calls = 0

    def analyze(self, text: str) -> EntryAnalysis:
        self.calls += 1
        sentences = tuple(_sentence(match) for match in re.finditer(r"[^.!?]+[.!?]*", text))
        labels = [s.label for s in sentences if s.label != "neutral"]
        toward = "reaching" in labels
        away = any(label in ("withdrawing", "punishing") for label in labels)
        movement = (
            "torn" if toward and away else "toward" if toward else "away" if away else "still"
        )
        phase = max(labels, key=labels.count) if labels else "neutral"

        def share(name: str) -> float:
            return labels.count(name) / len(sentences) if sentences else 0.0

        distancing = {(True, True): "both", (True, False): "withdrawing"}.get(
            ("withdrawing" in labels, "punishing" in labels),
            "punishing" if "punishing" in labels else "none",
        )
        return EntryAnalysis(
            version=self.version,
            sentences=sentences,
            movement=movement,
            phase=phase,
            shame=Shame(share("attachment_shame"), share("disconnection_shame")),
            shame_voice=tuple(s.text for s in sentences if s.label == "attachment_shame"),
            distancing=distancing,
            safety=Safety(concern=False),
        )

    def analyze_many(self, texts: Sequence[str]) -> list[EntryAnalysis]:
        return [self.analyze(text) for text in texts]


def _sentence(match: re.Match[str]) -> SentenceAnalysis:
    lowered = match.group(0).lower()
    label = next((name for name, cues in _CUES if any(c in lowered for c in cues)), "neutral")
    scores = {name: (0.7 if name == label else 0.05) for name in _LABELS}
    return SentenceAnalysis(match.group(0), match.start(), match.end(), label, scores)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "tidewise-home"
    monkeypatch.setenv(HOME_ENV, str(home))
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    return home


@pytest.fixture(autouse=True)
def fresh_unlock_throttle() -> None:
    """Each test starts with no failed unlocks counted (the count is per process)."""
    from tidewise.storage.keys import THROTTLE

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
