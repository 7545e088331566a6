"""Corrections: what the person says a sentence was, and how it reaches the reader.

The words a person may use for a correction (the names the app shows, the internal
names, "not sure", "not part of the cycle"), and the per-entry maps of corrected
sentences that the analysis engine reads "as the person said". The SQL lives in
`storage/corrections.py`; the journal facade joins the two.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tidewise.cycle.labels import LABEL_NAMES, Label, label_named, title
from tidewise.errors import InputError
from tidewise.records import UNSURE, Correction

# The person's words beyond the labels' own names and titles (`labels.label_named`).
_OTHER_WORDS: dict[str, str] = {
    "not sure": UNSURE,
    UNSURE: UNSURE,
    "not part of the cycle": str(Label.NEUTRAL),
    "none": str(Label.NEUTRAL),
}
CHOICES: tuple[str, ...] = (*LABEL_NAMES, UNSURE)


def label_of(word: object) -> str:
    """The label (or "unsure") a person's word means; a clear error for anything else."""
    text = word if isinstance(word, str) else ""
    label = label_named(text)
    if label is not None:
        return str(label)
    found = _OTHER_WORDS.get(" ".join(text.replace("_", " ").replace("-", " ").lower().split()))
    if found is None:
        msg = "Unknown label; use one of: " + ", ".join(CHOICES) + "."
        raise InputError(msg)
    return found


def title_of(label: str) -> str:
    """The name the app shows for a label or for "unsure"."""
    return "Not sure" if label == UNSURE else title(label)


class CorrectionProblems(InputError):
    """Some corrections cannot be applied (none was): (index, message) for each one."""

    def __init__(self, problems: Sequence[tuple[int, str]]) -> None:
        super().__init__(problems[0][1])
        self.problems = tuple(problems)


@dataclass(frozen=True)
class Request:
    """One correction asked for: entry id, sentence number (from 1), label word."""

    entry_id: int
    sentence: int
    label: str


def fixed_by_entry(corrections: Sequence[Correction]) -> dict[int, dict[str, str]]:
    """entry id -> {sentence text: the person's label}, newest word winning."""
    out: dict[int, dict[str, str]] = {}
    for item in corrections:
        out.setdefault(item.entry_id, {})[item.text] = item.label
    return out


def fixed_texts(corrections: Sequence[Correction]) -> Mapping[str, str]:
    """sentence text -> label, over the whole journal (for reading loose sentences)."""
    return {item.text.strip(): item.label for item in corrections}
