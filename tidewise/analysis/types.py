"""The analysis result types: frozen dataclasses with a stable JSON form.

`EntryAnalysis.to_dict()` is the `tidewise analyze` contract that scripts read
and the form stored in the journal; `from_dict` reads it back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from tidewise.cycle.labels import Distancing, Label, Movement, Phase


@dataclass(frozen=True)
class Evidence:
    """A span of the sentence (character offsets into the sentence) that carried a label."""

    start: int
    end: int
    text: str
    label: Label

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": str(self.label)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), Label(d["label"]))


@dataclass(frozen=True)
class SentenceAnalysis:
    text: str
    start: int  # offset of the sentence in the entry text
    end: int
    label: Label
    scores: dict[str, float]
    evidence: tuple[Evidence, ...] = ()
    # When the person corrected this sentence: their word (a label or "unsure") and
    # what the reader said. `label` is then theirs; `scores` stay the reader's.
    correction: str | None = None
    reader_label: Label | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "label": str(self.label),
            "scores": dict(self.scores),
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.correction is not None:
            out["correction"] = self.correction
            out["reader_label"] = None if self.reader_label is None else str(self.reader_label)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SentenceAnalysis:
        return cls(
            text=str(d["text"]),
            start=int(d["start"]),
            end=int(d["end"]),
            label=Label(d["label"]),
            scores={str(k): float(v) for k, v in d["scores"].items()},
            evidence=tuple(Evidence.from_dict(e) for e in d.get("evidence", [])),
            correction=None if d.get("correction") is None else str(d["correction"]),
            reader_label=None if d.get("reader_label") is None else Label(d["reader_label"]),
        )


@dataclass(frozen=True)
class Resource:
    """One place to turn to: a crisis line, a text line, a directory."""

    country: str
    name: str
    contact: str
    offers: str

    def to_dict(self) -> dict[str, str]:
        return {
            "country": self.country,
            "name": self.name,
            "contact": self.contact,
            "offers": self.offers,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Resource:
        return cls(str(d["country"]), str(d["name"]), str(d["contact"]), str(d["offers"]))


@dataclass(frozen=True)
class Safety:
    """The safety screen's verdict. `screened` is False when no screen ran."""

    concern: bool
    kinds: tuple[str, ...] = ()  # any of "self_harm", "danger_from_partner", "harm_to_others"
    resources: tuple[Resource, ...] = ()
    screened: bool = True
    sentences: tuple[int, ...] = ()  # indexes of the sentences that raised the concern
    level: str = ""  # "none", "possible" or "clear"; empty: follows `concern` (see below)
    signs: tuple[str, ...] = ()  # lethality signs of danger named (weapon, strangulation...)

    def __post_init__(self) -> None:
        # Verdicts built (or stored) before levels existed: a concern was the help reply.
        if not self.level:
            object.__setattr__(self, "level", "clear" if self.concern else "none")

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "concern": self.concern,
            "kinds": list(self.kinds),
            "resources": [r.to_dict() for r in self.resources],
            "screened": self.screened,
            "sentences": list(self.sentences),
            "signs": list(self.signs),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Safety:
        return cls(
            concern=bool(d["concern"]),
            kinds=tuple(str(k) for k in d.get("kinds", [])),
            resources=tuple(Resource.from_dict(r) for r in d.get("resources", [])),
            screened=bool(d.get("screened", True)),
            sentences=tuple(int(i) for i in d.get("sentences", [])),
            level=str(d.get("level", "")),
            signs=tuple(str(s) for s in d.get("signs", [])),
        )


@dataclass(frozen=True)
class Shame:
    """Intensity of each kind of shame in the entry, 0..1."""

    attachment: float = 0.0
    disconnection: float = 0.0

    def to_dict(self) -> dict[str, float]:
        return {"attachment": self.attachment, "disconnection": self.disconnection}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Shame:
        return cls(float(d.get("attachment", 0.0)), float(d.get("disconnection", 0.0)))


@dataclass(frozen=True)
class EntryAnalysis:
    version: str
    sentences: tuple[SentenceAnalysis, ...]
    movement: Movement
    phase: Phase
    shame: Shame
    shame_voice: tuple[str, ...]
    distancing: Distancing
    safety: Safety
    label_mass: dict[str, float] = field(default_factory=dict)  # entry-level label distribution
    note: str | None = None  # a plain message when nothing could be said (empty text, ...)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "sentences": [s.to_dict() for s in self.sentences],
            "movement": str(self.movement),
            "phase": str(self.phase),
            "shame": self.shame.to_dict(),
            "shame_voice": list(self.shame_voice),
            "distancing": str(self.distancing),
            "safety": self.safety.to_dict(),
            "label_mass": dict(self.label_mass),
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EntryAnalysis:
        return cls(
            version=str(d["version"]),
            sentences=tuple(SentenceAnalysis.from_dict(s) for s in d["sentences"]),
            movement=Movement(d["movement"]),
            phase=Label(d["phase"]),
            shame=Shame.from_dict(d["shame"]),
            shame_voice=tuple(str(s) for s in d.get("shame_voice", [])),
            distancing=Distancing(d["distancing"]),
            safety=Safety.from_dict(d["safety"]),
            label_mass={str(k): float(v) for k, v in d.get("label_mass", {}).items()},
            note=d.get("note"),
        )


class Analyzer(Protocol):
    """What the journal needs from the analysis engine (injectable, so tests can fake it)."""

    version: str

    def analyze(self, text: str) -> EntryAnalysis: ...

    def analyze_many(self, texts: Sequence[str]) -> list[EntryAnalysis]: ...


@runtime_checkable
class PersonalReader(Protocol):
    """An analyser that can learn from one journal's corrections (the real engine does).

    `fixed[i]` maps sentence texts of `texts[i]` to the person's own label ("unsure"
    included), which the reading then follows."""

    version: str

    def analyze(self, text: str) -> EntryAnalysis: ...

    def analyze_many(
        self, texts: Sequence[str], fixed: Sequence[Mapping[str, str]] | None = None
    ) -> list[EntryAnalysis]: ...

    def embed(self, texts: Sequence[str]) -> Any: ...

    def personalised(self, texts: Sequence[str], vectors: Any, labels: Sequence[str]) -> Any: ...

    def classify(
        self, texts: Sequence[str], fixed: Mapping[str, str] | None = None
    ) -> list[tuple[str, dict[str, float]]]: ...
