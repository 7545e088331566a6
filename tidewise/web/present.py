"""How an analysed entry is shown: sentences as labelled segments, evidence words, plain words.

Pure functions over `Entry` and `EntryAnalysis`; the templates only loop over the
result. Each highlighted sentence carries its label's plain title (LABEL_TITLES), so
colour is never the only signal: the title is visible text, read by screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from tidewise.analysis.types import Evidence, SentenceAnalysis
from tidewise.cycle.labels import LABEL_TITLES, Label, title
from tidewise.records import Entry

MOVEMENT_WORDS = {
    "toward": "Leaning toward your partner",
    "away": "Pulling away",
    "torn": "Pulled both ways",
    "still": "No strong pull either way",
}
DISTANCING_WORDS = {
    "withdrawing": "Your distance took the form of withdrawing.",
    "punishing": "Your distance took the form of punishing.",
    "both": "Your distance took two forms: withdrawing and punishing.",
}
CLOSENESS_WORDS = {
    -3: "Very far",
    -2: "Far",
    -1: "A little far",
    0: "In between",
    1: "A little close",
    2: "Close",
    3: "Very close",
}
PREVIEW_CHARS = 140
TIDE_NOTE = (
    "The phase above comes from this entry alone. Your tide reads each entry together "
    "with the ones around it, so one entry can sit inside a longer stretch of another phase."
)


@dataclass(frozen=True)
class Piece:
    text: str
    evidence: bool = False


@dataclass(frozen=True)
class Segment:
    """A run of the entry's text: a labelled sentence, or the space between sentences."""

    pieces: tuple[Piece, ...]
    label: str | None = None
    title: str = ""


def label_title(name: str) -> str:
    return title(name)


def phase_words(phase: str) -> str:
    return "No clear phase" if phase == Label.NEUTRAL else label_title(phase)


def segments(entry: Entry) -> list[Segment]:
    """The entry's text split into sentences (labelled) and the gaps between them."""
    text = entry.text
    analysis = entry.analysis
    if analysis is None or not analysis.sentences:
        return [Segment((Piece(text),))]
    result: list[Segment] = []
    cursor = 0
    for sentence in sorted(analysis.sentences, key=lambda s: s.start):
        if not _fits(text, sentence) or sentence.start < cursor:
            continue  # an analysis that does not match the text is shown as plain text
        if sentence.start > cursor:
            result.append(Segment((Piece(text[cursor : sentence.start]),)))
        result.append(
            Segment(_pieces(sentence), label=sentence.label, title=label_title(sentence.label))
        )
        cursor = sentence.end
    if cursor < len(text):
        result.append(Segment((Piece(text[cursor:]),)))
    return result


def _fits(text: str, sentence: SentenceAnalysis) -> bool:
    return 0 <= sentence.start < sentence.end <= len(text) and (
        text[sentence.start : sentence.end] == sentence.text
    )


def _pieces(sentence: SentenceAnalysis) -> tuple[Piece, ...]:
    """The sentence with its evidence spans marked (overlaps and stray spans skipped)."""
    text = sentence.text
    pieces: list[Piece] = []
    cursor = 0
    for span in sorted(sentence.evidence, key=lambda e: e.start):
        if not _span_fits(text, span) or span.start < cursor:
            continue
        if span.start > cursor:
            pieces.append(Piece(text[cursor : span.start]))
        pieces.append(Piece(text[span.start : span.end], evidence=True))
        cursor = span.end
    if cursor < len(text):
        pieces.append(Piece(text[cursor:]))
    return tuple(pieces)


def _span_fits(text: str, span: Evidence) -> bool:
    return 0 <= span.start < span.end <= len(text)


def labels_present(entry: Entry) -> list[tuple[str, str]]:
    """(label, title) for each label that appears, in the cycle's order: the legend."""
    if entry.analysis is None:
        return []
    seen = {s.label for s in entry.analysis.sentences}
    return [(str(label), LABEL_TITLES[label]) for label in LABEL_TITLES if str(label) in seen]


def preview(text: str) -> str:
    """The first words of an entry on one line, for the journal list."""
    flat = " ".join(text.split())
    if len(flat) <= PREVIEW_CHARS:
        return flat
    return flat[:PREVIEW_CHARS].rsplit(" ", 1)[0] + " …"
