"""Redaction for anything that leaves the journal for another person's eyes.

Names and places the person lists are replaced everywhere, whole words only, with
`[name]` / `[place]`. Both sides are folded before matching: compatibility forms
(fullwidth letters, ligatures) to plain ones (NFKD), case folded, and invisible or
combining characters dropped (a zero-width space inside a name, the accent of a name
pasted in decomposed form from macOS). So "Ｊｏｓé", "Jo\u200bsé" and "JOSE" all count as
"José": redaction errs on the side of hiding more. `suggest_names` offers capitalised
words that are not at the start of a sentence, for the person to confirm: we
never redact silently on a guess, and never skip a word they listed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\b[A-Z][a-zà-ÿ'’]+(?:\s[A-Z][a-zà-ÿ'’]+)?\b")
_COMMON = frozenset(
    "I I'm I've I'd I'll Im Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December "
    "God Christmas Easter DDay AP OK Mum Mom Dad".split()
)


@dataclass(frozen=True)
class Redactions:
    names: tuple[str, ...] = ()
    places: tuple[str, ...] = ()

    def apply(self, text: str) -> str:
        for words, mark in ((self.names, "[name]"), (self.places, "[place]")):
            for word in sorted({fold(w) for w in words}, key=len, reverse=True):
                if word.strip():
                    text = _replace_folded(text, word.strip(), mark)
        return text


def _fold_char(char: str) -> str:
    """One character folded for matching; "" for invisible and combining characters."""
    kept = []
    for part in unicodedata.normalize("NFKD", char):
        if unicodedata.category(part) in ("Mn", "Me", "Cf"):
            continue  # accents, zero-width spaces and joiners, soft hyphens, BOMs
        kept.append(part)
    return "".join(kept).casefold()


def fold(text: str) -> str:
    """The form names are compared in (see the module note)."""
    return "".join(_fold_char(char) for char in text)


def _replace_folded(text: str, folded_word: str, mark: str) -> str:
    """Replace every whole-word occurrence of `folded_word` in the folded view of `text`."""
    folded: list[str] = []
    origin: list[int] = []  # folded position -> index of the original character
    for index, char in enumerate(text):
        for part in _fold_char(char):
            folded.append(part)
            origin.append(index)
    view = "".join(folded)
    pattern = re.compile(rf"(?<!\w){re.escape(folded_word)}(?!\w)")
    spans = []
    for match in pattern.finditer(view):
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        while end < len(text) and not _fold_char(text[end]):
            end += 1  # a trailing accent or zero-width character belongs to the name
        spans.append((start, end))
    for start, end in reversed(spans):
        text = text[:start] + mark + text[end:]
    return text


def suggest_names(texts: Iterable[str], known: Sequence[str] = (), limit: int = 30) -> list[str]:
    """Capitalised words mid-sentence, most frequent first, minus common words and known ones."""
    counts: Counter[str] = Counter()
    lowered = {fold(k) for k in known}
    for text in texts:
        for match in _WORD.finditer(text):
            start = match.start()
            before = text[:start].rstrip()
            if not before or before[-1] in ".!?\n":
                continue
            word = match.group(0)
            if word in _COMMON or fold(word) in lowered:
                continue
            counts[word] += 1
    return [word for word, _ in counts.most_common(limit)]
