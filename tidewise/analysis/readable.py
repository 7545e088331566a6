"""Can anything be said about this text? Plain reasons when not.

The classifier was trained on English journal writing. Asked about emoji, binary
data or another language it would still answer, and the answer would be a guess
dressed as a reading. These checks decide when to say plainly that nothing could be
read instead. They are deliberately lenient for short English texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tidewise.analysis.features import model_text

_LETTERS = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000  # characters looked at; enough to tell what a text is
# Very common English words: in any English writing a good share of words are these.
_COMMON_ENGLISH = frozenset(
    """i me my myself we us our you your he him his she her they them their it its a an the
    and or but so if then than that this these those to of in on at for with from by about
    as is am are was were be been being do does did dont didnt not no just like what why how
    when where who all out up down can cant could would should will wont have has had im ive
    its there here again still even really feel felt know think want said told got get go
    went back one time today night last because cause too very much more never ever""".split()
)
# Very common words of the other languages people here most often write in (Spanish,
# French, German, Portuguese, Italian, Dutch), none of them also an English word: a
# Latin-script text with few English everyday words is told apart from a list or notes
# written in English (a shopping list is not "another language").
_ELSEWHERE_WORDS = """el los las que y en una con por para muy pero otra vez yo él ella lo le
    les des et je il elle ne pas qui est avec pour dans mon ma suis ich nicht und der das mit
    ihm ist ein eine auf dem den zu wieder heute mich mein não uma com ele ela meu minha che
    di non sono mio mia ik niet het een met hem mijn ook dat zijn"""
_COMMON_ELSEWHERE = frozenset(_ELSEWHERE_WORDS.split()) - _COMMON_ENGLISH
NOTHING_TO_READ = "There are no words here to read, so nothing was inferred."
NOT_TEXT = "This looks like binary data rather than writing, so nothing was inferred."
NOT_ENGLISH = (
    "This does not look like English. Tidewise reads English only, "
    "so it has not labelled these sentences."
)
NOT_SENTENCES = (
    "This reads like a list or notes rather than sentences, so Tidewise has not "
    "labelled it. It labels English sentences only."
)


def has_words(sentence: str) -> bool:
    """True when the sentence has a letter or a digit once HTML tags are removed."""
    return any(ch.isalnum() for ch in model_text(sentence))


def why_unreadable(text: str, sentences: Sequence[str]) -> str | None:
    """A plain reason when the text gives nothing to read; None when it can be read."""
    sample = text[:_SAMPLE]
    if not sentences:
        return NOTHING_TO_READ
    printable = sum(ch.isprintable() or ch.isspace() for ch in sample)
    if printable < 0.9 * len(sample):
        return NOT_TEXT
    words = _words(" ".join(sentences)[:_SAMPLE])
    if _looks_english(words):
        return None
    return NOT_SENTENCES if _looks_like_notes(words) else NOT_ENGLISH


def _words(text: str) -> list[str]:
    return [w.lower() for w in _LETTERS.findall(model_text(text))]


def _share(words: list[str], vocabulary: frozenset[str]) -> float:
    return sum(w in vocabulary for w in words) / len(words)


def _mostly_latin(words: list[str]) -> bool:
    return bool(words) and sum(w.isascii() for w in words) / len(words) >= 0.6


def looks_english(text: str) -> bool:
    """Mostly Latin-script words, with enough everyday English words among them."""
    return _looks_english(_words(text))


def _looks_english(words: list[str]) -> bool:
    if not _mostly_latin(words):
        return False
    return len(words) < 6 or _share(words, _COMMON_ENGLISH) >= 0.15


def _looks_like_notes(words: list[str]) -> bool:
    """Latin-script words with few everyday words of English or of the other languages
    listed: a list or notes, not another language."""
    return _mostly_latin(words) and _share(words, _COMMON_ELSEWHERE) < 0.15
