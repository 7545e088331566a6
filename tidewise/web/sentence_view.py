"""The entry page's sentence-by-sentence list: each sentence's reading as a control.

Pure functions over an `Entry` and the person's `Correction`s of it. Sentences are
numbered from 1 in the order the analysis holds them (the facade's numbering, the
same as `tidewise show --json`). A sentence the person corrected carries their word,
what Tidewise read, and the correction's id for "undo".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tidewise.corrections import title_of
from tidewise.cycle.labels import LABEL_TITLES, Label
from tidewise.records import UNSURE, Correction, Entry

if TYPE_CHECKING:
    from tidewise.journal import Journal

# What the select offers: the six phases by the names the app shows, then the two
# answers that are not a phase. The value is the word the facade takes.
CHOICES: tuple[tuple[str, str], ...] = (
    *((str(label), title) for label, title in LABEL_TITLES.items() if label is not Label.NEUTRAL),
    (str(Label.NEUTRAL), "Telling - not part of the cycle"),
    (UNSURE, "Not sure"),
)
CHOICE_VALUES: tuple[str, ...] = tuple(value for value, _ in CHOICES)


def choice_title(value: str) -> str:
    """The option's own words for a label ("Telling - not part of the cycle", ...)."""
    return dict(CHOICES).get(value, title_of(value))


@dataclass(frozen=True)
class SentenceRow:
    number: int
    text: str
    label: str  # what the page shows now (the person's word when they gave one)
    title: str
    chosen: str  # the option selected in the control
    said: Correction | None = None  # the person's correction, when there is one
    was_title: str = ""


def sentence_rows(entry: Entry, corrections: Sequence[Correction]) -> list[SentenceRow]:
    """One row per analysed sentence, with the person's correction where they gave one."""
    analysis = entry.analysis
    if analysis is None:
        return []
    by_text = {c.text: c for c in corrections}  # oldest first: the newest word wins
    rows = []
    for number, sentence in enumerate(analysis.sentences, start=1):
        said = by_text.get(sentence.text) if sentence.correction is not None else None
        chosen = sentence.correction if sentence.correction is not None else sentence.label
        rows.append(
            SentenceRow(
                number=number,
                text=sentence.text.strip(),
                label=sentence.label,
                title=choice_title(chosen),
                chosen=chosen,
                said=said,
                was_title=choice_title(said.was) if said is not None else "",
            )
        )
    return rows


def sentence_context(journal: Journal, entry: Entry, query: Mapping[str, str]) -> dict[str, Any]:
    """Template context for the sentence list; `?said=N` / `?undone=N` name the sentence
    just corrected or put back, so its row can say so."""
    return {
        "sentence_rows": sentence_rows(entry, journal.corrections(entry_id=entry.id)),
        "sentence_choices": CHOICES,
        "said_number": _number(query.get("said")),
        "undone_number": _number(query.get("undone")),
    }


def _number(raw: str | None) -> int:
    return int(raw) if raw is not None and raw.isdigit() and len(raw) < 7 else 0
