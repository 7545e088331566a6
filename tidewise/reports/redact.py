"""Redaction for anything that leaves the journal for another person's eyes.

Names and places the person lists are replaced everywhere, whole words only and
case-insensitively, with `[name]` / `[place]`. `suggest_names` offers capitalised
words that are not at the start of a sentence, for the person to confirm: we
never redact silently on a guess, and never skip a word they listed.
"""

from __future__ import annotations

import re
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
            for word in sorted(words, key=len, reverse=True):
                if word.strip():
                    pattern = re.compile(rf"(?<!\w){re.escape(word.strip())}(?!\w)", re.IGNORECASE)
                    text = pattern.sub(mark, text)
        return text


def suggest_names(texts: Iterable[str], known: Sequence[str] = (), limit: int = 30) -> list[str]:
    """Capitalised words mid-sentence, most frequent first, minus common words and known ones."""
    counts: Counter[str] = Counter()
    lowered = {k.lower() for k in known}
    for text in texts:
        for match in _WORD.finditer(text):
            start = match.start()
            before = text[:start].rstrip()
            if not before or before[-1] in ".!?\n":
                continue
            word = match.group(0)
            if word in _COMMON or word.lower() in lowered:
                continue
            counts[word] += 1
    return [word for word, _ in counts.most_common(limit)]
